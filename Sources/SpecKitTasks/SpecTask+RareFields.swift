extension SpecTask {
    /// The fields few tasks have, kept out of ``SpecTask``'s own storage: a
    /// task without any of them holds no record (`rare == nil`), so a
    /// document of a million plain tasks pays 8 bytes a task for them.
    ///
    /// The record is immutable: a change makes a new one. Tasks copied from
    /// one another may share a record, and neither can change what the other
    /// sees; tasks written on different threads never write to a shared object.
    ///
    /// The getters are inlinable so that a reader in another module (the JSON
    /// writer, the planner) loads the one field it reads instead of copying
    /// the whole task to call a getter.
    @usableFromInline
    final class RareFields: Sendable, Hashable {
        @usableFromInline let labels: [String]
        @usableFromInline let owner: String?
        @usableFromInline let reads: [String]
        /// A three-point estimate's clamped points (its hours are in `SpecTask.estimateHours`).
        @usableFromInline let threePoint: (optimistic: Double, likely: Double, pessimistic: Double)?

        init(
            labels: [String], owner: String?, reads: [String],
            threePoint: (optimistic: Double, likely: Double, pessimistic: Double)?
        ) {
            self.labels = labels
            self.owner = owner
            self.reads = reads
            self.threePoint = threePoint
        }

        /// A record holding these fields, or nil when they are all empty.
        static func make(
            labels: [String], owner: String?, reads: [String],
            threePoint: (optimistic: Double, likely: Double, pessimistic: Double)?
        ) -> RareFields? {
            if labels.isEmpty, owner == nil, reads.isEmpty, threePoint == nil { return nil }
            return RareFields(labels: labels, owner: owner, reads: reads, threePoint: threePoint)
        }

        @usableFromInline static func == (a: RareFields, b: RareFields) -> Bool {
            a === b
                || (a.labels == b.labels && a.owner == b.owner && a.reads == b.reads
                    && a.threePoint?.optimistic == b.threePoint?.optimistic
                    && a.threePoint?.likely == b.threePoint?.likely
                    && a.threePoint?.pessimistic == b.threePoint?.pessimistic)
        }

        @usableFromInline func hash(into h: inout Hasher) {
            h.combine(labels)
            h.combine(owner)
            h.combine(reads)
        }
    }

    /// Bracket labels other than `[P]` and story labels, in order (`Setup`, `SEC`).
    public var labels: [String] {
        @inlinable get { rare?.labels ?? [] }
        @inlinable set {
            guard !(newValue.isEmpty && rare == nil) else { return }
            setRare(labels: newValue, owner: owner, reads: reads, threePoint: rare?.threePoint)
        }
    }

    /// The owner named by `@name` or `(owner: name)`, if any.
    public var owner: String? {
        @inlinable get { rare?.owner }
        @inlinable set {
            guard !(newValue == nil && rare == nil) else { return }
            setRare(labels: labels, owner: newValue, reads: reads, threePoint: rare?.threePoint)
        }
    }

    /// Files the task only cites (`per data-model.md`, `see contracts/api.md`):
    /// read, not written, so they take no part in file rules. In order, without duplicates.
    public var reads: [String] {
        @inlinable get { rare?.reads ?? [] }
        @inlinable set {
            guard !(newValue.isEmpty && rare == nil) else { return }
            setRare(labels: labels, owner: owner, reads: newValue, threePoint: rare?.threePoint)
        }
    }

    /// The estimate found in the task's text or body, if any.
    ///
    /// Stored as the estimate's hours and, for a three-point estimate, its
    /// points: both come back as they went in, and the variance is computed
    /// again by the expression `Estimate.init(optimistic:likely:pessimistic:)`
    /// used, so every value read is the very bits the parser computed.
    public var estimate: Estimate? {
        @inlinable get {
            guard estimateHours >= 0 else { return nil }
            return Estimate(storedHours: estimateHours, threePoint: rare?.threePoint)
        }
        @inlinable set {
            // `Estimate`'s initialisers clamp, so its hours are never negative
            // (and -1 stays free to mean "none").
            estimateHours = newValue?.hours ?? -1
            let points = newValue?.threePoint
            guard !(points == nil && rare?.threePoint == nil) else { return }
            setRare(labels: labels, owner: owner, reads: reads, threePoint: points)
        }
    }

    /// The labels (``labels``) of the task at `task`, where they are: valid
    /// while that task is neither changed nor destroyed.
    ///
    /// For writers that read tasks in place on several threads at once: the
    /// getter returns the array retained (or the empty array, released
    /// after), and the writer's use of it would hold that count across code
    /// the optimizer cannot see through. Nothing runs here between reading
    /// the record and taking the address.
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public static func unsafeLabels(at task: UnsafePointer<SpecTask>) -> UnsafeBufferPointer<String> {
        guard let rare = task.pointee.rare else { return UnsafeBufferPointer(start: nil, count: 0) }
        return rare.labels.withUnsafeBufferPointer { $0 }
    }

    /// The cited files (``reads``) of the task at `task`, where they are;
    /// valid and meant as ``unsafeLabels(at:)``.
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public static func unsafeReads(at task: UnsafePointer<SpecTask>) -> UnsafeBufferPointer<String> {
        guard let rare = task.pointee.rare else { return UnsafeBufferPointer(start: nil, count: 0) }
        return rare.reads.withUnsafeBufferPointer { $0 }
    }

    /// The stories (``stories``) of the task at `task`, where they are; valid
    /// and meant as ``unsafeLabels(at:)``. Tasks in a row with the same
    /// stories share one array, so a count taken on it from two cores would bounce.
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public static func unsafeStories(at task: UnsafePointer<SpecTask>) -> UnsafeBufferPointer<String> {
        task.pointee.stories.withUnsafeBufferPointer { $0 }
    }

    /// Replaces the side record (a new one, or none when every field is empty).
    @usableFromInline mutating func setRare(
        labels: [String], owner: String?, reads: [String],
        threePoint: (optimistic: Double, likely: Double, pessimistic: Double)?
    ) {
        rare = .make(labels: labels, owner: owner, reads: reads, threePoint: threePoint)
    }
}
