import SpecKitTasks

/// Edges on their way into the graph builder's columns (sources, targets,
/// kinds, lines, and the source columns of written edges): written into a
/// block of raw memory, a store per column, and moved into the arrays a
/// block at a time (``GraphBuilder/flushEdges()``). Appending to the arrays
/// one edge at a time cost a uniqueness and a capacity check per column and
/// edge, more than the edge itself.
///
/// The block is made on the first edge and belongs to the builder it is in
/// until ``GraphBuilder/closeEdges()`` lets it go; a copy of the builder
/// made in the middle of a pass would share it, so none is.
struct PendingEdges {
    /// Edges per block: about 17 KB, which stays in the cache between flushes.
    static let blockSize = 1024

    /// The memory of one block, let go with the last builder that holds it.
    final class Block {
        /// Sources, targets, lines, then the columns of the written edges (packed), `blockSize` each.
        let words: UnsafeMutablePointer<Int32>
        let kinds: UnsafeMutablePointer<EdgeKind>

        init() {
            words = .allocate(capacity: 4 * PendingEdges.blockSize)
            kinds = .allocate(capacity: PendingEdges.blockSize)
        }

        deinit {
            words.deallocate()
            kinds.deallocate()
        }
    }

    private var block: Block? = nil
    /// The block's memory, read without going through the class.
    private var words: UnsafeMutablePointer<Int32>? = nil
    private var kinds: UnsafeMutablePointer<EdgeKind>? = nil
    /// Edges in the block, and the written ones among them.
    private(set) var count = 0
    private(set) var writtenCount = 0
    /// `blockSize` once the block is made, 0 before.
    private var room = 0

    var isFull: Bool { count == room }
    var isAllocated: Bool { block != nil }

    mutating func allocate() {
        let made = Block()
        (block, words, kinds, room) = (made, made.words, made.kinds, Self.blockSize)
    }

    /// One edge; the block is made and not full.
    @inline(__always)
    mutating func append(_ a: Int32, _ b: Int32, _ kind: EdgeKind, _ location: SourceLocation) {
        let words = words.unsafelyUnwrapped
        words[count] = a
        words[Self.blockSize + count] = b
        words[2 * Self.blockSize + count] = location.line
        words[3 * Self.blockSize + writtenCount] = location.column
        kinds.unsafelyUnwrapped[count] = kind
        count += 1
        if kind.isWritten { writtenCount += 1 }
    }

    /// Appends the edges to the columns (the written ones' source columns
    /// to `columns`) and empties the block.
    mutating func move(
        into sources: inout [Int32], _ targets: inout [Int32], _ kinds: inout [EdgeKind], _ lines: inout [Int32],
        _ columns: inout [Int32]
    ) {
        guard count > 0 else { return }
        let words = words.unsafelyUnwrapped
        sources.append(contentsOf: UnsafeBufferPointer(start: words, count: count))
        targets.append(contentsOf: UnsafeBufferPointer(start: words + Self.blockSize, count: count))
        lines.append(contentsOf: UnsafeBufferPointer(start: words + 2 * Self.blockSize, count: count))
        if writtenCount > 0 {
            columns.append(contentsOf: UnsafeBufferPointer(start: words + 3 * Self.blockSize, count: writtenCount))
        }
        kinds.append(contentsOf: UnsafeBufferPointer(start: self.kinds.unsafelyUnwrapped, count: count))
        (count, writtenCount) = (0, 0)
    }
}
