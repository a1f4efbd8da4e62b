/// The written files that more than one task of a group (a wave, a `[P]`
/// group) writes, with their writers in order.
///
/// Each file remembers its first writer in the current group; a list is made
/// only for a file that gets a second one, so a group whose tasks write
/// different files allocates nothing.
///
/// Copies share the per-file table (a ``RawColumn``): one pass owns the value.
struct SharedFileWriters {
    /// Per file, the last group that wrote it and its first writer there,
    /// written through a pointer: no uniqueness check per first write.
    private let firstWriter: RawColumn<(group: Int32, writer: Int32)>
    private var group: Int32 = -1
    private var indexOfFile: [Int32: Int] = [:]
    /// The shared files of the current group, in the order their second writer came.
    private(set) var shared: [(file: Int32, writers: [Int32])] = []

    init(fileCount: Int) {
        firstWriter = RawColumn(repeating: (group: -1, writer: -1), count: fileCount)
    }

    /// Forgets the previous group.
    mutating func startGroup() {
        group += 1
        if !shared.isEmpty {
            shared.removeAll(keepingCapacity: true)
            indexOfFile.removeAll(keepingCapacity: true)
        }
    }

    /// Task node `v` of the current group writes `file`. Inlined: called
    /// once per written file of every task; a second writer is rare.
    @inline(__always) mutating func add(_ v: Int32, writes file: Int32) {
        let f = Int(file)
        if firstWriter[f].group != group {
            firstWriter[f] = (group, v)
        } else {
            addShared(v, file)
        }
    }

    /// `v` is a further writer of `file` in the current group.
    private mutating func addShared(_ v: Int32, _ file: Int32) {
        let f = Int(file)
        if let k = indexOfFile[file] {
            shared[k].writers.append(v)
        } else {
            indexOfFile[file] = shared.count
            shared.append((file, [firstWriter[f].writer, v]))
        }
    }
}
