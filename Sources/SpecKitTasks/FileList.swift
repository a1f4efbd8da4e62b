/// The files of one task (``SpecTask/files``): a list of paths that stands for
/// the `[String]` with the same elements in the same order (equal to it element
/// by element, with the same hash), stored without an allocation of its own when
/// it holds one path or none.
///
/// Almost every task names exactly one file, and its `String` is already shared
/// with `SpecDocument.filePaths`: an array of one would be a heap block per task
/// (a million of them on a spec of a million tasks). Two or more paths are kept
/// in an array.
///
/// ```swift
/// var files: FileList = ["src/a.py"]  // one path, held inline
/// files.append("src/b.py")            // now an array of two
/// files == ["src/a.py", "src/b.py"]   // true
/// ```
///
/// 24 bytes: the one path's two words and the array reference, nil when the
/// list holds one path. An enum of the two (17 bytes: a tag byte after the
/// path) takes the same 24 in `SpecTask` between 8-byte fields, and its path,
/// an enum payload, cannot be read in place; here it is a stored property, read
/// through a pointer to the task without a copy (``unsafeBuffer(at:)``).
public struct FileList: Sendable {
    /// The path when the list holds exactly one (``many`` is nil); "" otherwise.
    @usableFromInline
    var one: String

    /// Every path when the list holds none or two or more (no path is the empty
    /// array, which allocates nothing); nil when it holds exactly one.
    @usableFromInline
    var many: [String]?

    /// No path.
    @inlinable
    public init() {
        one = ""
        many = []
    }

    /// One path, held inline.
    @inlinable
    public init(path: String) {
        one = path
        many = nil
    }

    /// The paths of `paths`, in order (duplicates are kept, as in the array).
    /// - Complexity: O(1).
    @inlinable
    public init(_ paths: [String]) {
        if paths.count == 1 {
            one = paths[0]
            many = nil
        } else {
            one = ""
            many = paths
        }
    }

    /// Adds `path` at the end (whether or not it is already there, as `Array.append`).
    /// - Complexity: amortized O(1).
    @inlinable
    public mutating func append(_ path: String) {
        guard many != nil else {
            many = [one, path]
            one = ""
            return
        }
        if many!.isEmpty {
            self = FileList(path: path)
        } else {
            many!.append(path)  // in place, through the optional: no copy of the array
        }
    }

    /// Calls `body` with the paths in contiguous memory (a copy of the single
    /// path, or the array's buffer), valid only during the call.
    /// - Complexity: O(1).
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<String>) throws -> R) rethrows -> R {
        if let many { return try many.withUnsafeBufferPointer(body) }
        return try withUnsafePointer(to: one) { try body(UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// Calls `body` with the paths of the list at `list` where they are (the
    /// single path in place, or the array's buffer), valid only during the call:
    /// for a list read through a pointer (a task in an array's buffer), where the
    /// instance method would copy, and so retain, a single path.
    /// - Complexity: O(1).
    @inlinable
    public static func withUnsafeBufferPointer<R>(
        at list: UnsafePointer<FileList>, _ body: (UnsafeBufferPointer<String>) throws -> R
    ) rethrows -> R {
        try body(unsafeBuffer(at: list))
    }

    /// The paths of the list at `list`, where they are (the single path in
    /// place, or the array's buffer): valid while that list (the task holding
    /// it) is neither changed nor destroyed.
    ///
    /// For writers that read tasks in place on several threads at once: a
    /// value read through a pointer and used around code the optimizer cannot
    /// see through is retained first, and a path is shared by every task that
    /// names it, so its count would bounce between the cores. Nothing runs
    /// here between reading the list and taking the address.
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public static func unsafeBuffer(at list: UnsafePointer<FileList>) -> UnsafeBufferPointer<String> {
        if let many = list.pointee.many { return many.withUnsafeBufferPointer { $0 } }
        return UnsafeBufferPointer(start: list.pointer(to: \.one)!, count: 1)
    }
}

extension FileList: RandomAccessCollection {
    public typealias Index = Int
    public typealias Indices = Range<Int>

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable
    public var count: Int { many?.count ?? 1 }

    @inlinable
    public var isEmpty: Bool { many?.isEmpty ?? false }

    @inlinable
    public subscript(position: Int) -> String {
        if let many { return many[position] }
        precondition(position == 0, "FileList index out of range")
        return one
    }

    @inlinable
    public func withContiguousStorageIfAvailable<R>(
        _ body: (UnsafeBufferPointer<String>) throws -> R
    ) rethrows -> R? {
        try withUnsafeBufferPointer(body)
    }
}

extension FileList: ExpressibleByArrayLiteral {
    @inlinable
    public init(arrayLiteral paths: String...) { self.init(paths) }
}

extension FileList: Hashable {
    /// Equal when the paths are, in order: as two arrays of them would be.
    @inlinable
    public static func == (a: FileList, b: FileList) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }

    /// Hashes as the array of the same paths does (the count, then each path).
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for path in self { hasher.combine(path) }
    }
}

extension FileList: CustomStringConvertible, CustomDebugStringConvertible {
    /// As the array of the same paths prints: `["a.py", "b.py"]`.
    public var description: String { Array(self).description }
    public var debugDescription: String { description }
}

extension FileList {
    /// The bits of `FileList()`: the empty string and the shared empty array,
    /// neither of which is ever freed (a release of either does nothing). A
    /// list with exactly these bits can be written over without releasing it.
    struct EmptyBits {
        private let words: (UInt64, UInt64, UInt64)
        private static let fits = MemoryLayout<FileList>.size == 24

        init() {
            words = Self.fits ? withUnsafeBytes(of: FileList()) { Self.load($0.baseAddress!) } : (0, 0, 0)
        }

        @inline(__always) private static func load(_ p: UnsafeRawPointer) -> (UInt64, UInt64, UInt64) {
            (p.loadUnaligned(as: UInt64.self), p.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             p.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        }

        /// Sets the list at `list` to `new`: written over it without a release
        /// when it is `FileList()` bit for bit (every parsed task's list before
        /// its files are set; two release calls a task saved), assigned otherwise.
        @inline(__always) func set(_ new: consuming FileList, at list: UnsafeMutablePointer<FileList>) {
            let old = Self.load(UnsafeRawPointer(list))
            if Self.fits, old.0 == words.0, old.1 == words.1, old.2 == words.2 {
                list.initialize(to: new)
            } else {
                list.pointee = new
            }
        }
    }
}
