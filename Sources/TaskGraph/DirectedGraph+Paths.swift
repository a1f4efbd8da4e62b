/// Earliest and latest start and finish of every node (the critical path method).
///
/// Only the earliest starts and the latest finishes are stored: an earliest
/// finish is read as the earliest start plus the node's duration, and a
/// latest start as the latest finish minus it, the very operations that
/// computed them, so every value read is the one computed, to the bit. A plan
/// of a million tasks keeps two arrays of times instead of four.
public struct CriticalPathTimes: Sendable {
    public var earliestStart: [Double]
    public var latestFinish: [Double]
    /// The duration of every node.
    @usableFromInline var durations: [Double]
    /// The project length: the largest earliest finish (0 for an empty graph).
    public var length: Double

    /// The earliest start plus the duration of every node.
    @inlinable public var earliestFinish: OffsetTimes { OffsetTimes(earliestStart, plus: durations) }
    /// The latest finish minus the duration of every node.
    @inlinable public var latestStart: OffsetTimes { OffsetTimes(latestFinish, minus: durations) }

    /// Latest start minus earliest start.
    @inlinable public func slack(_ v: Int32) -> Double { latestStart[Int(v)] - earliestStart[Int(v)] }

    /// The stored times read in place, for loops over every node on several
    /// threads: each read of ``earliestFinish`` or ``latestStart`` counts a
    /// reference to two shared arrays, which threads reading at once bounce
    /// between the cores. Valid inside `body` only.
    @inlinable public func withUnsafeTimes<R>(_ body: (UnsafeTimes) throws -> R) rethrows -> R {
        try earliestStart.withUnsafeBufferPointer { es in
            try latestFinish.withUnsafeBufferPointer { lf in
                try durations.withUnsafeBufferPointer { d in
                    try body(UnsafeTimes(earliestStart: es, latestFinish: lf, durations: d))
                }
            }
        }
    }
}

/// ``CriticalPathTimes`` read through buffers (``CriticalPathTimes/withUnsafeTimes(_:)``):
/// the same values, by the same operations.
public struct UnsafeTimes {
    public let earliestStart: UnsafeBufferPointer<Double>
    public let latestFinish: UnsafeBufferPointer<Double>
    @usableFromInline let durations: UnsafeBufferPointer<Double>

    @inlinable init(earliestStart: UnsafeBufferPointer<Double>, latestFinish: UnsafeBufferPointer<Double>, durations: UnsafeBufferPointer<Double>) {
        (self.earliestStart, self.latestFinish, self.durations) = (earliestStart, latestFinish, durations)
    }

    @inlinable public func earliestFinish(_ v: Int) -> Double { earliestStart[v] + durations[v] }
    @inlinable public func latestStart(_ v: Int) -> Double { latestFinish[v] - durations[v] }
    /// Latest start minus earliest start, as ``CriticalPathTimes/slack(_:)``.
    @inlinable public func slack(_ v: Int) -> Double { latestStart(v) - earliestStart[v] }
}

/// Node times read as other node times plus or minus each node's duration
/// (``CriticalPathTimes/earliestFinish``, ``CriticalPathTimes/latestStart``).
public struct OffsetTimes: RandomAccessCollection, Equatable, Sendable {
    @usableFromInline let times: [Double]
    @usableFromInline let durations: [Double]
    @usableFromInline let subtracts: Bool

    @inlinable init(_ times: [Double], plus durations: [Double]) {
        (self.times, self.durations, subtracts) = (times, durations, false)
    }

    @inlinable init(_ times: [Double], minus durations: [Double]) {
        (self.times, self.durations, subtracts) = (times, durations, true)
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { times.count }

    @inlinable public subscript(node: Int) -> Double {
        subtracts ? times[node] - durations[node] : times[node] + durations[node]
    }

    public static func == (a: OffsetTimes, b: OffsetTimes) -> Bool { a.elementsEqual(b) }
}

/// What ``DirectedGraph/forwardPass(weight:durations:)`` finds in one pass.
public struct ForwardPass: Sendable {
    /// A topological order: that of ``DirectedGraph/anyTopologicalOrder()``.
    public let order: [Int32]
    /// The layer of every node, as ``DirectedGraph/generations(order:weight:)``
    /// (empty when the pass was given no weights).
    public let generations: [Int32]
    /// The earliest start of every node, as ``CriticalPathTimes/earliestStart``.
    public let earliestStart: [Double]
    /// The largest earliest finish (0 for an empty graph).
    public let length: Double
}

extension DirectedGraph {
    /// The layer of every node: `weight[v]` plus the largest layer among its
    /// predecessors (0 when it has none). With weight 1 for tasks and 0 for
    /// milestones this is the wave number of docs/semantics.md (networkx calls the
    /// groups `topological_generations`).
    ///
    /// - Parameters:
    ///   - order: a topological order of this graph.
    ///   - weight: what each node adds to the layer of its predecessors.
    /// - Complexity: O(V + E).
    public func generations(order: [Int32], weight: [Int32]) -> [Int32] {
        precondition(weight.count == nodeCount, "one weight per node")
        var level = [Int32](repeating: 0, count: nodeCount)
        // Raw buffers: one pass over every edge of graphs with millions of them.
        level.withUnsafeMutableBufferPointer { level in
            withRawInLists { offsets, edges, sources in
                for v in order {
                    let v = Int(v)
                    precondition(v >= 0 && v < nodeCount, "order names a node out of range")
                    var best: Int32 = 0
                    for i in Int(offsets[v])..<Int(offsets[v + 1]) {
                        best = max(best, level[Int(sources[Int(edges[i])])])
                    }
                    level[v] = best + weight[v]
                }
            }
        }
        return level
    }

    /// Earliest and latest times of every node for the given durations.
    ///
    /// - Parameters:
    ///   - order: a topological order of this graph.
    ///   - durations: the duration of every node.
    /// - Complexity: O(V + E).
    public func criticalPathTimes(order: [Int32], durations: [Double]) -> CriticalPathTimes {
        let n = nodeCount
        precondition(durations.count == n, "one duration per node")
        var es = [Double](repeating: 0, count: n)
        var ef = [Double](repeating: 0, count: n)
        var length = 0.0
        // Raw buffers: a pass over every edge of graphs with millions of them.
        ef.withUnsafeMutableBufferPointer { ef in
            withRawInLists { offsets, edges, sources in
                for v in order {
                    let v = Int(v)
                    precondition(v >= 0 && v < n, "order names a node out of range")
                    var start = 0.0
                    for i in Int(offsets[v])..<Int(offsets[v + 1]) {
                        start = max(start, ef[Int(sources[Int(edges[i])])])
                    }
                    es[v] = start
                    ef[v] = start + durations[v]
                    length = max(length, ef[v])
                }
            }
        }
        // `ef` goes: the times read it back from `es`.
        return latestTimes(order: order, earliestStart: es, length: length, durations: durations)
    }

    /// The critical-path times of ``forwardPass(weight:durations:)``'s graph:
    /// its earliest starts and length, and the latest finishes computed from
    /// them, the same values as ``criticalPathTimes(order:durations:)`` with
    /// the pass's order, to the bit.
    ///
    /// - Parameter durations: the durations the pass was given.
    /// - Complexity: O(V + E).
    public func criticalPathTimes(_ forward: ForwardPass, durations: [Double]) -> CriticalPathTimes {
        precondition(durations.count == nodeCount && forward.earliestStart.count == nodeCount, "one duration per node")
        return latestTimes(order: forward.order, earliestStart: forward.earliestStart, length: forward.length, durations: durations)
    }

    /// The latest finishes, by a pass over the out-edges in reverse `order`,
    /// and the times made of them and the earliest starts.
    private func latestTimes(order: [Int32], earliestStart: [Double], length: Double, durations: [Double]) -> CriticalPathTimes {
        let n = nodeCount
        // Every slot is written before it is read (successors come later in
        // `order`), so neither array is filled first.
        var ls = [Double](unsafeUninitializedCapacity: n) { _, count in count = n }
        let lf = [Double](unsafeUninitializedCapacity: n) { lf, count in
            ls.withUnsafeMutableBufferPointer { ls in
                durations.withUnsafeBufferPointer { durations in
                    order.withUnsafeBufferPointer { order in
                        withRawOutLists { offsets, edges, targets in
                            for v in order.reversed() {
                                let v = Int(v)
                                precondition(v >= 0 && v < n, "order names a node out of range")
                                var finish = length
                                for i in Int(offsets[v])..<Int(offsets[v + 1]) {
                                    finish = min(finish, ls[Int(targets[Int(edges[i])])])
                                }
                                lf[v] = finish
                                ls[v] = finish - durations[v]
                            }
                        }
                    }
                }
            }
            count = n
        }
        // `ls` goes: the times read it back from `lf`.
        return CriticalPathTimes(earliestStart: earliestStart, latestFinish: lf, durations: durations, length: length)
    }

    /// ``anyTopologicalOrder()``, ``generations(order:weight:)`` in that order
    /// (when `weight` is given) and the earliest starts and length of
    /// ``criticalPathTimes(order:durations:)`` in one pass over the
    /// out-edges, or nil when the graph has a cycle.
    ///
    /// Each node hands its layer and its earliest finish to its successors as
    /// it leaves Kahn's queue, instead of each node reading its predecessors'
    /// later: a third of the walks over the edges, and no array of earliest
    /// finishes. The values are those of the separate passes, to the bit: a
    /// node's start is still the largest finish among its predecessors (a NaN
    /// finish is skipped either way, and no finish is -0), only taken in
    /// another order; and the length is taken in the same order.
    ///
    /// - Parameter weight: what each node adds to its predecessors' layer;
    ///   nil for no layers (``ForwardPass/generations`` is then empty, and
    ///   ``generations(weight:)`` can find them on another thread meanwhile).
    /// - Complexity: O(V + E).
    public func forwardPass(weight: [Int32]?, durations: [Double]) -> ForwardPass? {
        let n = nodeCount
        precondition((weight?.count ?? n) == n && durations.count == n, "one weight and one duration per node")
        // What each node has been handed so far: the largest layer and finish.
        var level = [Int32](repeating: 0, count: weight == nil ? 0 : n)
        var start = [Double](repeating: 0, count: n)
        var pass = (ordered: 0, length: 0.0)
        // One slot more than the nodes: see `queuePass`.
        let order = [Int32](unsafeUninitializedCapacity: n + 1) { order, count in
            level.withUnsafeMutableBufferPointer { level in
                start.withUnsafeMutableBufferPointer { start in
                    durations.withUnsafeBufferPointer { durations in
                        if let weight {
                            weight.withUnsafeBufferPointer { weight in
                                pass = queuePass(order: order, weight: weight, level: level, durations: durations, start: start)
                            }
                        } else {
                            pass = queuePass(order: order, weight: nil, level: level, durations: durations, start: start)
                        }
                    }
                }
            }
            count = pass.ordered
        }
        guard pass.ordered == n else { return nil }
        return ForwardPass(order: order, generations: level, earliestStart: start, length: pass.length)
    }

    /// ``generations(order:weight:)`` without an order: Kahn's pass of
    /// ``forwardPass(weight:durations:)`` handing on the layers alone (the
    /// layers do not depend on the order), or nil when the graph has a cycle.
    ///
    /// - Complexity: O(V + E).
    public func generations(weight: [Int32]) -> [Int32]? {
        let n = nodeCount
        precondition(weight.count == n, "one weight per node")
        var ordered = 0
        let level = [Int32](unsafeUninitializedCapacity: n) { level, count in
            level.initialize(repeating: 0)
            // The queue: the order, which is not kept.
            let queue = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n + 1)
            defer { queue.deallocate() }
            weight.withUnsafeBufferPointer { weight in
                let none = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
                ordered = queuePass(order: queue, weight: weight, level: level, durations: nil, start: none).ordered
            }
            count = n
        }
        return ordered == n ? level : nil
    }

    /// Kahn's algorithm with a FIFO queue (the order of ``anyTopologicalOrder()``),
    /// written into `order` (one slot more than the nodes: a successor is
    /// written at the tail whether or not it became ready, and counted only
    /// when it did). Each node leaving the queue hands its layer (with
    /// `weight`) and its earliest finish (with `durations`) to its
    /// successors, in `level` and `start` (zeros, one per node, when asked for).
    @inline(__always)
    func queuePass(
        order: UnsafeMutableBufferPointer<Int32>,
        weight: UnsafeBufferPointer<Int32>?, level: UnsafeMutableBufferPointer<Int32>,
        durations: UnsafeBufferPointer<Double>?, start: UnsafeMutableBufferPointer<Double>
    ) -> (ordered: Int, length: Double) {
        let n = nodeCount
        var remaining = [Int32](unsafeUninitializedCapacity: n) { remaining, count in
            inOffsets.withUnsafeBufferPointer { offsets in
                for v in 0..<n { remaining[v] = offsets[v + 1] &- offsets[v] }
            }
            count = n
        }
        var length = 0.0
        var tail = 0
        // Raw buffers: one pass over every edge of graphs with millions of them.
        remaining.withUnsafeMutableBufferPointer { remaining in
            withRawOutLists { offsets, edges, targets in
                for v in 0..<n where remaining[v] == 0 {
                    order[tail] = Int32(v)
                    tail += 1
                }
                var head = 0
                while head < tail {
                    let v = Int(order[head])
                    head += 1
                    var layer: Int32 = 0
                    if let weight {
                        layer = level[v] + weight[v]
                        level[v] = layer
                    }
                    var finish = 0.0
                    if let durations {
                        finish = start[v] + durations[v]
                        length = max(length, finish)
                    }
                    for i in Int(offsets[v])..<Int(offsets[v + 1]) {
                        let w = Int(targets[Int(edges[i])])
                        if weight != nil { level[w] = max(level[w], layer) }
                        if durations != nil { start[w] = max(start[w], finish) }
                        let left = remaining[w] &- 1
                        remaining[w] = left
                        order[tail] = Int32(truncatingIfNeeded: w)
                        // One when `left` is 0, by arithmetic: whether a
                        // successor is ready follows no pattern a branch
                        // predictor could learn (`left` is never negative).
                        tail &+= Int((UInt32(bitPattern: left) &- 1) >> 31)
                    }
                }
            }
        }
        return (tail, length)
    }

    /// The edges of the transitive reduction of a DAG: an edge u → v is kept
    /// unless v is reachable from u along another path.
    ///
    /// Reachability is kept as one bit set per node, filled in reverse topological
    /// order, so memory is V² / 8 bytes: meant for graphs that are drawn (tens of
    /// thousands of nodes at most). Returns a Boolean per edge: `true` to keep.
    ///
    /// - Parameter order: a topological order of this graph.
    /// - Complexity: O(V · E / 64) time, O(V² / 64) words.
    public func transitiveReductionMask(order: [Int32]) -> [Bool] {
        let n = nodeCount
        let words = (n + 63) / 64
        var reach = [UInt64](repeating: 0, count: n * words)
        var keep = [Bool](repeating: true, count: edgeCount)
        var position = [Int32](repeating: 0, count: n)
        for (i, v) in order.enumerated() { position[Int(v)] = Int32(i) }
        var targets: [Int32] = []
        for v in order.reversed() {
            // Visit direct successors nearest first in topological order: a successor
            // reached through an earlier one is redundant.
            targets.removeAll(keepingCapacity: true)
            for e in outgoing(v) { targets.append(e) }
            targets.sort { position[Int(edgeTargets[Int($0)])] < position[Int(edgeTargets[Int($1)])] }
            let base = Int(v) * words
            for e in targets {
                let w = Int(edgeTargets[Int(e)])
                if reach[base + w / 64] & (1 << UInt64(w % 64)) != 0 {
                    keep[Int(e)] = false
                    continue
                }
                reach[base + w / 64] |= 1 << UInt64(w % 64)
                let wbase = w * words
                for k in 0..<words { reach[base + k] |= reach[wbase + k] }
            }
        }
        return keep
    }
}
