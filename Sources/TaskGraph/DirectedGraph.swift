import Dispatch

/// A directed graph on nodes `0..<nodeCount`, stored as compressed sparse rows
/// in both directions.
///
/// Edges are numbered by their position in the arrays given to the initialiser;
/// adjacency lists keep that order, so every traversal is deterministic.
///
/// ```
///   0 ──▶ 1 ──▶ 3        outOffsets  [0, 2, 3, 4, 4]
///   │           ▲        outEdges    [0, 1, 2, 3]   (edge ids)
///   └───▶ 2 ────┘        edgeTargets [1, 2, 3, 3]
/// ```
public struct DirectedGraph: Sendable {
    /// The number of nodes.
    public let nodeCount: Int
    /// Source node of each edge.
    public let edgeSources: [Int32]
    /// Target node of each edge.
    public let edgeTargets: [Int32]
    /// `outEdges[outOffsets[v]..<outOffsets[v + 1]]` are the ids of the edges leaving `v`.
    public let outOffsets: [Int32]
    public let outEdges: [Int32]
    /// `inEdges[inOffsets[v]..<inOffsets[v + 1]]` are the ids of the edges entering `v`.
    public let inOffsets: [Int32]
    public let inEdges: [Int32]

    /// The number of edges.
    @inlinable public var edgeCount: Int { edgeSources.count }

    /// Raw buffers of the in-edge lists, for loops over every edge of graphs
    /// with millions of them (where checked accesses cost more than the walk):
    /// the in-edges of `v` are `edges[offsets[v]..<offsets[v + 1]]`, and
    /// `sources[edge]` is where each comes from.
    @inline(__always)
    func withRawInLists<R>(
        _ body: (_ offsets: UnsafeBufferPointer<Int32>, _ edges: UnsafeBufferPointer<Int32>, _ sources: UnsafeBufferPointer<Int32>) -> R
    ) -> R {
        Self.withRawLists(inOffsets, inEdges, edgeSources, body)
    }

    /// Raw buffers of the out-edge lists: the out-edges of `v` are
    /// `edges[offsets[v]..<offsets[v + 1]]`, and `targets[edge]` is where each goes.
    @inline(__always)
    func withRawOutLists<R>(
        _ body: (_ offsets: UnsafeBufferPointer<Int32>, _ edges: UnsafeBufferPointer<Int32>, _ targets: UnsafeBufferPointer<Int32>) -> R
    ) -> R {
        Self.withRawLists(outOffsets, outEdges, edgeTargets, body)
    }

    /// One direction's CSR lists and the far end of every edge, as raw buffers.
    @inline(__always)
    private static func withRawLists<R>(
        _ offsets: [Int32], _ edges: [Int32], _ ends: [Int32],
        _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>) -> R
    ) -> R {
        offsets.withUnsafeBufferPointer { o in edges.withUnsafeBufferPointer { e in ends.withUnsafeBufferPointer { body(o, e, $0) } } }
    }

    /// Builds the graph from parallel arrays of edge endpoints.
    ///
    /// - Precondition: `sources.count == targets.count`, every endpoint in `0..<nodeCount`.
    /// - Complexity: O(V + E), counting sort.
    public init(nodeCount: Int, sources: [Int32], targets: [Int32]) {
        precondition(sources.count == targets.count, "edge arrays differ in length")
        self.nodeCount = nodeCount
        self.edgeSources = sources
        self.edgeTargets = targets
        if sources.count < 1 << 17 {
            (outOffsets, outEdges) = Self.bucket(nodeCount: nodeCount, keys: sources)
            (inOffsets, inEdges) = Self.bucket(nodeCount: nodeCount, keys: targets)
            return
        }
        // Large graphs: the two directions are sorted on two threads, into
        // arrays made on this one. Memory allocated on the other thread comes
        // from that thread's own heap, which grows even while this thread's
        // has room (at 1M tasks the graph's peak memory was 15 MB higher).
        var offsets = (out: [Int32](repeating: 0, count: nodeCount + 1), in: [Int32](repeating: 0, count: nodeCount + 1))
        var inEdges: [Int32] = []
        outEdges = [Int32](unsafeUninitializedCapacity: sources.count) { outEdges, outCount in
            inEdges = [Int32](unsafeUninitializedCapacity: sources.count) { inEdges, inCount in
                offsets.out.withUnsafeMutableBufferPointer { outOffsets in
                    offsets.in.withUnsafeMutableBufferPointer { inOffsets in
                        let lists = [Lists(offsets: outOffsets, edges: outEdges), Lists(offsets: inOffsets, edges: inEdges)]
                        DispatchQueue.concurrentPerform(iterations: 2) { k in
                            EdgeLists.bucket(keys: k == 0 ? sources : targets, values: nil, into: lists[k].offsets, lists[k].edges)
                        }
                    }
                }
                inCount = sources.count
            }
            outCount = sources.count
        }
        self.inEdges = inEdges
        (outOffsets, inOffsets) = offsets
    }

    /// One direction's lists, filled on another thread.
    private struct Lists: @unchecked Sendable {
        let offsets: UnsafeMutableBufferPointer<Int32>
        let edges: UnsafeMutableBufferPointer<Int32>
    }

    private static func bucket(nodeCount: Int, keys: [Int32]) -> ([Int32], [Int32]) {
        let list = EdgeLists(nodeCount: nodeCount, keys: keys)
        return (list.offsets, list.edges)
    }

    /// Ids of the edges leaving `node`, in edge order.
    @inlinable public func outgoing(_ node: Int32) -> ArraySlice<Int32> {
        outEdges[Int(outOffsets[Int(node)])..<Int(outOffsets[Int(node) + 1])]
    }

    /// Ids of the edges entering `node`, in edge order.
    @inlinable public func incoming(_ node: Int32) -> ArraySlice<Int32> {
        inEdges[Int(inOffsets[Int(node)])..<Int(inOffsets[Int(node) + 1])]
    }

    @inlinable public func outDegree(_ node: Int32) -> Int {
        Int(outOffsets[Int(node) + 1] - outOffsets[Int(node)])
    }

    @inlinable public func inDegree(_ node: Int32) -> Int {
        Int(inOffsets[Int(node) + 1] - inOffsets[Int(node)])
    }
}

/// One direction of a graph's compressed sparse rows: the ids of the edges
/// whose key (source or target) is `v` are `edges[offsets[v]..<offsets[v + 1]]`,
/// in edge order. For a pass that needs only one direction of a graph still
/// being built: edge ids stay valid while edges are appended.
public struct EdgeLists: Sendable {
    public let offsets: [Int32]
    /// Edge ids, or the value given for each edge (see ``init(nodeCount:keys:values:)``).
    public let edges: [Int32]

    /// Buckets the edges by their key (a counting sort, stable).
    ///
    /// - Precondition: every key in `0..<nodeCount`.
    /// - Complexity: O(V + E).
    public init(nodeCount: Int, keys: [Int32]) {
        self.init(nodeCount: nodeCount, keys: keys, values: nil)
    }

    /// Buckets `values[e]` by the key of edge `e`: with the sources as keys and
    /// the targets as values, the lists are each node's successors, read
    /// without going through the edge ids (one cache miss less per edge).
    ///
    /// - Precondition: `values.count == keys.count`, every key in `0..<nodeCount`.
    /// - Complexity: O(V + E).
    public init(nodeCount: Int, keys: [Int32], values: [Int32]) {
        precondition(values.count == keys.count, "one value per edge")
        self.init(nodeCount: nodeCount, keys: keys, values: Optional(values))
    }

    private init(nodeCount: Int, keys: [Int32], values: [Int32]?) {
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        let edges = [Int32](unsafeUninitializedCapacity: keys.count) { buffer, count in
            offsets.withUnsafeMutableBufferPointer { Self.bucket(keys: keys, values: values, into: $0, buffer) }
            count = keys.count
        }
        self.offsets = offsets
        self.edges = edges
    }

    /// The counting sort itself, into `offsets` (`nodeCount + 1` zeros) and
    /// `edges` (one slot per key).
    static func bucket(
        keys: [Int32], values: [Int32]?, into offsets: UnsafeMutableBufferPointer<Int32>, _ edges: UnsafeMutableBufferPointer<Int32>
    ) {
        let nodeCount = offsets.count - 1
        // Raw buffers: these loops run over millions of edges, and checked
        // array accesses cost more than the counting itself.
        keys.withUnsafeBufferPointer { keys in
            for k in keys {
                precondition(k >= 0 && Int(k) < nodeCount, "edge endpoint out of range")
                offsets[Int(k) + 1] &+= 1
            }
        }
        // Each node's count becomes the start of its list, and the start is
        // moved up as the list is filled: it ends where the next list starts,
        // the offset wanted there (no second array of positions to fill from).
        var start: Int32 = 0
        for v in 0..<nodeCount {
            let count = offsets[v + 1]
            offsets[v + 1] = start
            start &+= count
        }
        keys.withUnsafeBufferPointer { keys in
            if let values {
                values.withUnsafeBufferPointer { values in
                    for (e, k) in keys.enumerated() {
                        let slot = Int(offsets[Int(k) + 1])
                        offsets[Int(k) + 1] = Int32(truncatingIfNeeded: slot &+ 1)
                        edges[slot] = values[e]
                    }
                }
            } else {
                for (e, k) in keys.enumerated() {
                    let slot = Int(offsets[Int(k) + 1])
                    offsets[Int(k) + 1] = Int32(truncatingIfNeeded: slot &+ 1)
                    edges[slot] = Int32(truncatingIfNeeded: e)
                }
            }
        }
    }

    /// The number of edges keyed by `node`.
    @inlinable public func count(_ node: Int32) -> Int { Int(offsets[Int(node) + 1] - offsets[Int(node)]) }

    /// Ids (or values) of the edges keyed by `node`, in edge order.
    @inlinable public func of(_ node: Int32) -> ArraySlice<Int32> {
        edges[Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1])]
    }
}
