import TaskGraph

/// A lower bound on any team's makespan that sees barriers.
///
/// A *cut* is a node that every other node either leads to or follows from (a
/// phase barrier milestone is the usual one). Cuts split the plan into segments
/// that cannot overlap, so each segment needs at least max(its own critical
/// path, its work / team size), and a task that is a cut runs alone:
///
/// ```
///  ── segment 1 ──▶ @end-phase-1 ── segment 2 ──▶ T9 ── segment 3 ──▶
///  bound = Σ max(cp_k, work_k / m) + duration(T9)
/// ```
///
/// This is never below max(critical path, total work / m), the bound of the
/// issue, and is usually well above it for spec-kit plans whose setup and
/// foundational phases are narrow: there the simple bound overstates the gap.
public struct StageBound: Sendable {
    /// Critical path and work of each segment between cuts.
    public let segments: [(criticalPath: Double, work: Double)]
    /// The durations of the tasks that are cuts.
    public let cutWork: Double

    /// Finds the cuts of an acyclic schedule graph.
    ///
    /// A node at position i of the order is a cut when every node before it has
    /// an out-edge and all of them stay at or before i, and every node after it
    /// has an in-edge and all of them come from i or later: then every earlier
    /// node reaches it and every later node is reached from it.
    ///
    /// - Complexity: O(V + E).
    public init(graph sg: ScheduleGraph, order: [Int32], times: CriticalPathTimes) {
        let g = sg.graph
        let n = order.count
        var position = [Int](repeating: 0, count: n)
        for (i, v) in order.enumerated() { position[Int(v)] = i }
        var isCut = [Bool](repeating: false, count: n)
        // Prefix: the furthest position any earlier node points to (n when one has no out-edge).
        var before = [Int](repeating: -1, count: n)
        var reach = -1
        for i in 0..<n {
            before[i] = reach
            let v = order[i]
            var far = g.outDegree(v) == 0 ? n : -1
            for e in g.outgoing(v) { far = max(far, position[Int(g.edgeTargets[Int(e)])]) }
            reach = max(reach, far)
        }
        // Suffix: the earliest position any later node is pointed to from (-1 when one has no in-edge).
        var from = n
        for i in stride(from: n - 1, through: 0, by: -1) {
            if before[i] <= i && from >= i { isCut[i] = true }
            let v = order[i]
            var near = g.inDegree(v) == 0 ? -1 : n
            for e in g.incoming(v) { near = min(near, position[Int(g.edgeSources[Int(e)])]) }
            from = min(from, near)
        }
        var segments: [(Double, Double)] = []
        var cutWork = 0.0
        var base = 0.0
        var longest = 0.0
        var work = 0.0
        var open = false
        for i in 0..<n {
            let v = Int(order[i])
            let d = sg.durations[v]
            if isCut[i] {
                if open { segments.append((max(0, longest - base), work)) }
                if !sg.isMilestone(Int32(v)) { cutWork += d }
                base = times.earliestFinish[v]
                longest = base
                work = 0
                open = false
            } else {
                longest = max(longest, times.earliestFinish[v])
                work += d
                open = true
            }
        }
        if open { segments.append((max(0, longest - base), work)) }
        self.segments = segments
        self.cutWork = cutWork
    }

    /// The bound for a team of `size` people.
    ///
    /// - Complexity: O(number of segments).
    public func bound(teamSize size: Int) -> Double {
        var total = cutWork
        for s in segments { total += max(s.criticalPath, s.work / Double(size)) }
        return total
    }
}
