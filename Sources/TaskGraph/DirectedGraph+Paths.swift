/// Earliest and latest start and finish of every node (the critical path method).
public struct CriticalPathTimes: Sendable {
    public var earliestStart: [Double]
    public var earliestFinish: [Double]
    public var latestStart: [Double]
    public var latestFinish: [Double]
    /// The project length: the largest earliest finish (0 for an empty graph).
    public var length: Double

    /// Latest start minus earliest start.
    @inlinable public func slack(_ v: Int32) -> Double { latestStart[Int(v)] - earliestStart[Int(v)] }
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
        var level = [Int32](repeating: 0, count: nodeCount)
        for v in order {
            var best: Int32 = 0
            for e in incoming(v) {
                best = max(best, level[Int(edgeSources[Int(e)])])
            }
            level[Int(v)] = best + weight[Int(v)]
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
        var es = [Double](repeating: 0, count: n)
        var ef = [Double](repeating: 0, count: n)
        var length = 0.0
        for v in order {
            var start = 0.0
            for e in incoming(v) {
                start = max(start, ef[Int(edgeSources[Int(e)])])
            }
            es[Int(v)] = start
            ef[Int(v)] = start + durations[Int(v)]
            length = max(length, ef[Int(v)])
        }
        var lf = [Double](repeating: length, count: n)
        var ls = [Double](repeating: 0, count: n)
        for v in order.reversed() {
            var finish = length
            for e in outgoing(v) {
                finish = min(finish, ls[Int(edgeTargets[Int(e)])])
            }
            lf[Int(v)] = finish
            ls[Int(v)] = finish - durations[Int(v)]
        }
        return CriticalPathTimes(earliestStart: es, earliestFinish: ef, latestStart: ls, latestFinish: lf, length: length)
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
