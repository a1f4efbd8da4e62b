import SpecKitTasks

/// Where one feature (one tasks.md) stands: what is finished, what can start
/// now, what waits, and how long the rest takes at best. Plain data computed
/// from a ``Plan``; `specgraph status` and `specgraph report` print it.
///
/// The plan should be made with `PlanOptions(remaining: true)` (the default),
/// so that its schedule covers the unfinished tasks only.
public struct FeatureStatus: Sendable, Hashable {
    /// Task counts of a feature or of one phase.
    public struct Counts: Sendable, Hashable {
        public var done = 0
        public var skipped = 0
        /// Not finished: to do or in progress.
        public var remaining = 0
        /// Unfinished, and nothing unfinished before them.
        public var ready = 0
        /// Unfinished and waiting for an unfinished task (`remaining - ready`,
        /// or every remaining task when the plan has a cycle).
        public var blocked = 0
        public var inProgress = 0
        public init() {}
    }

    /// One phase of the feature.
    public struct PhaseRow: Sendable, Hashable {
        /// Index into `SpecDocument.phases`.
        public var index: Int
        public var title: String
        public var counts: Counts
        /// Hours from the first planned start of the phase's unfinished tasks
        /// to their last planned finish; 0 when nothing is left.
        public var remainingHours: Double
        /// Warnings and errors reported on lines of this phase.
        public var warnings: Int
        public var errors: Int
    }

    /// A finished task whose written predecessor is still open.
    public struct OutOfOrder: Sendable, Hashable {
        public var task: String
        public var openPredecessor: String
        /// Where the dependency is written.
        public var line: Int32
        public init(task: String, openPredecessor: String, line: Int32) {
            self.task = task
            self.openPredecessor = openPredecessor
            self.line = line
        }
    }

    /// The feature's name: the folder that holds its tasks.md (`001-auth`),
    /// or the file name when it has no folder.
    public var name: String
    public var path: String
    public var counts: Counts
    /// Length of the remaining critical path in hours.
    public var remainingHours: Double
    /// Whether any unfinished task has an estimate; when none has, every
    /// length counts the default duration and is only assumed.
    public var estimated: Bool
    /// Waves left.
    public var waves: Int
    public var warnings: Int
    public var errors: Int
    /// The unfinished tasks that can start now, in document order.
    public var ready: [String]
    /// The remaining critical path, task IDs from a start to the end.
    public var criticalPath: [String]
    public var phases: [PhaseRow]
    public var outOfOrder: [OutOfOrder]

    /// - Complexity: O(V + E + D log D) for V nodes, E edges, D diagnostics.
    /// `name` defaults to ``featureName(of:)``; give ``uniqueNames(of:)``'s
    /// when several features are shown together.
    public init(_ plan: Plan, name: String? = nil) {
        let doc = plan.document
        path = doc.path
        self.name = name ?? Self.featureName(of: doc.path)
        let readyNodes = plan.readyTasks()
        let schedule = plan.schedule
        var readyTask = [Bool](repeating: false, count: doc.tasks.count)
        for v in readyNodes { readyTask[Int(plan.graph.taskOfNode[Int(v)])] = true }
        ready = readyNodes.map { plan.name(of: $0) }
        criticalPath = schedule.criticalPath.map { plan.name(of: $0) }
        remainingHours = schedule.length
        waves = schedule.waves.count

        var phaseCounts = [Counts](repeating: Counts(), count: max(doc.phases.count, 1))
        var first = [Double](repeating: .infinity, count: phaseCounts.count)
        var last = [Double](repeating: -.infinity, count: phaseCounts.count)
        var total = Counts()
        var estimated = false
        for (t, task) in doc.tasks.enumerated() {
            let p = min(max(Int(task.phase), 0), phaseCounts.count - 1)
            func add(_ body: (inout Counts) -> Void) {
                body(&total)
                body(&phaseCounts[p])
            }
            switch task.status {
            case .done: add { $0.done += 1 }
            case .skipped: add { $0.skipped += 1 }
            default:
                add { $0.remaining += 1 }
                if task.status == .inProgress { add { $0.inProgress += 1 } }
                if readyTask[t] { add { $0.ready += 1 } } else { add { $0.blocked += 1 } }
                if task.estimate != nil { estimated = true }
            }
            let node = t < plan.graph.nodeOfTask.count ? plan.graph.nodeOfTask[t] : -1
            if node >= 0 {
                first[p] = min(first[p], schedule.times.earliestStart[Int(node)])
                last[p] = max(last[p], schedule.times.earliestFinish[Int(node)])
            }
        }
        counts = total
        self.estimated = estimated

        // Diagnostics by phase: a phase runs from its heading to the next one.
        let starts = doc.phases.map(\.line)
        func phase(ofLine line: Int32) -> Int {
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] <= line { lo = mid + 1 } else { hi = mid }
            }
            return max(lo - 1, 0)
        }
        var phaseWarnings = [Int](repeating: 0, count: phaseCounts.count)
        var phaseErrors = [Int](repeating: 0, count: phaseCounts.count)
        for d in plan.diagnostics where d.severity != .note {
            let p = min(phase(ofLine: d.location.line), phaseCounts.count - 1)
            if d.severity == .error { phaseErrors[p] += 1 } else { phaseWarnings[p] += 1 }
        }
        warnings = plan.warningCount
        errors = plan.errorCount

        var rows: [PhaseRow] = []
        for (i, phase) in doc.phases.enumerated() {
            let c = phaseCounts[i]
            guard i > 0 || c.done + c.skipped + c.remaining > 0 else { continue }
            let hours = last[i] >= first[i] ? last[i] - first[i] : 0
            rows.append(PhaseRow(
                index: i, title: phase.title.isEmpty ? Self.untitledPhase : phase.title, counts: c, remainingHours: hours,
                warnings: phaseWarnings[i], errors: phaseErrors[i]))
        }
        phases = rows

        // Out-of-order work: written dependencies (minus those a correction removed).
        let removed = Set(doc.removedDependencies.map { Pair($0.predecessor, $0.successor) })
        var seen = Set<Pair>()
        var late: [OutOfOrder] = []
        for d in doc.dependencies {
            let p = Int(d.predecessor), s = Int(d.successor)
            guard doc.tasks.indices.contains(p), doc.tasks.indices.contains(s), p != s else { continue }
            let pair = Pair(d.predecessor, d.successor)
            guard !removed.contains(pair), seen.insert(pair).inserted else { continue }
            if doc.tasks[s].status.isFinished && !doc.tasks[p].status.isFinished {
                late.append(OutOfOrder(task: doc.tasks[s].id, openPredecessor: doc.tasks[p].id, line: d.location.line))
            }
        }
        // A group: each finished successor with its first open predecessor.
        for g in doc.dependencyGroups {
            guard let open = g.predecessors.first(where: {
                doc.tasks.indices.contains(Int($0)) && !doc.tasks[Int($0)].status.isFinished
            }) else { continue }
            for s in g.successors where doc.tasks.indices.contains(Int(s)) && s != open && doc.tasks[Int(s)].status.isFinished {
                guard !removed.contains(Pair(open, s)), seen.insert(Pair(open, s)).inserted else { continue }
                late.append(OutOfOrder(task: doc.tasks[Int(s)].id, openPredecessor: doc.tasks[Int(open)].id, line: g.location.line))
            }
        }
        outOfOrder = late.sorted { ($0.line, $0.task, $0.openPredecessor) < ($1.line, $1.task, $1.openPredecessor) }
    }

    /// The row name of the tasks before the first phase heading.
    public static let untitledPhase = "(before any phase heading)"

    /// `specs/001-auth/tasks.md` → `001-auth`; a file with another name is
    /// named by itself (`auth-tasks.md`); `tasks.md` alone → `tasks.md`.
    public static func featureName(of path: String) -> String {
        featureName(of: path, folders: 1)
    }

    /// The folders above a tasks.md, as many as asked (`specs/001-auth` for 2).
    static func featureName(of path: String, folders: Int) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard let file = parts.last else { return path }
        guard parts.count >= 2, file.lowercased() == "tasks.md" else { return String(file) }
        return parts.dropLast().suffix(folders).joined(separator: "/")
    }

    /// Names for several features, each made longer (more folders) until it
    /// differs from the others: `a/001-auth` and `b/001-auth` rather than
    /// two `001-auth`.
    ///
    /// - Complexity: O(n · d) for n paths of at most d folders.
    public static func uniqueNames(of paths: [String]) -> [String] {
        var folders = [Int](repeating: 1, count: paths.count)
        var names = paths.map { featureName(of: $0, folders: 1) }
        for _ in 0..<64 {
            var count: [String: Int] = [:]
            for n in names { count[n, default: 0] += 1 }
            var changed = false
            for i in paths.indices where count[names[i]]! > 1 {
                let longer = featureName(of: paths[i], folders: folders[i] + 1)
                if longer != names[i] {
                    folders[i] += 1
                    names[i] = longer
                    changed = true
                }
            }
            if !changed { break }
        }
        return names
    }

    private struct Pair: Hashable {
        var a: Int32, b: Int32
        init(_ a: Int32, _ b: Int32) {
            self.a = a
            self.b = b
        }
    }
}

/// What changed in one feature since an earlier version of its tasks.md.
public struct FeatureChange: Sendable, Hashable {
    /// A written dependency, by task IDs.
    public struct Dependency: Sendable, Hashable, Comparable {
        public var from: String
        public var to: String
        public static func < (a: Dependency, b: Dependency) -> Bool { (a.from, a.to) < (b.from, b.to) }
    }

    /// The git revision compared against, as given.
    public var since: String
    /// Whether the file existed at that revision (when not, every task is added).
    public var existed: Bool
    public var added: [String]
    public var removed: [String]
    /// Unfinished then, finished (done or skipped) now.
    public var completed: [String]
    /// Finished then, unfinished now.
    public var reopened: [String]
    public var dependenciesAdded: [Dependency]
    public var dependenciesRemoved: [Dependency]
    /// Remaining critical path then and now (nil when that plan has a cycle).
    public var hoursBefore: Double?
    public var hoursAfter: Double?
    public var wavesBefore: Int?
    public var wavesAfter: Int?

    /// Compares two plans of one feature; `before` is nil when the file did not exist.
    ///
    /// - Complexity: O(T + D) for T tasks and D written dependencies.
    public init(since: String, before: Plan?, after: Plan) {
        self.since = since
        existed = before != nil
        let old = before?.document.tasks ?? []
        let new = after.document.tasks
        var oldStatus: [String: TaskStatus] = [:]
        for t in old where oldStatus[t.id] == nil { oldStatus[t.id] = t.status }
        var newIDs = Set<String>()
        var added: [String] = [], completed: [String] = [], reopened: [String] = []
        for t in new where newIDs.insert(t.id).inserted {
            guard let was = oldStatus[t.id] else {
                added.append(t.id)
                continue
            }
            if !was.isFinished && t.status.isFinished { completed.append(t.id) }
            if was.isFinished && !t.status.isFinished { reopened.append(t.id) }
        }
        var removedSeen = Set<String>()
        removed = old.filter { !newIDs.contains($0.id) && removedSeen.insert($0.id).inserted }.map(\.id)
        self.added = added
        self.completed = completed
        self.reopened = reopened
        let was = before.map(Self.writtenDependencies) ?? []
        let now = Self.writtenDependencies(after)
        dependenciesAdded = now.subtracting(was).sorted()
        dependenciesRemoved = was.subtracting(now).sorted()
        hoursBefore = before?.schedule.length
        hoursAfter = after.schedule.length
        wavesBefore = before?.schedule.waves.count
        wavesAfter = after.schedule.waves.count
    }

    /// Whether anything changed at all.
    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && completed.isEmpty && reopened.isEmpty && dependenciesAdded.isEmpty
            && dependenciesRemoved.isEmpty && hoursBefore == hoursAfter && wavesBefore == wavesAfter
    }

    /// `document.dependencies` by task IDs.
    static func writtenDependencies(_ plan: Plan) -> Set<Dependency> {
        let tasks = plan.document.tasks
        var result = Set<Dependency>()
        for d in plan.document.dependencies
        where tasks.indices.contains(Int(d.predecessor)) && tasks.indices.contains(Int(d.successor)) {
            result.insert(Dependency(from: tasks[Int(d.predecessor)].id, to: tasks[Int(d.successor)].id))
        }
        // A group is one dependency between its two sides (`T001–T100`), not every pair.
        func side(_ list: [Int32]) -> String {
            let ids = list.filter { tasks.indices.contains(Int($0)) }.map { tasks[Int($0)].id }
            return ids.count == 1 ? ids[0] : "\(ids.first ?? "")–\(ids.last ?? "")"
        }
        for g in plan.document.dependencyGroups {
            result.insert(Dependency(from: side(g.predecessors), to: side(g.successors)))
        }
        return result
    }
}
