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
    /// The cut nodes, in topological order.
    public let cuts: [Int32]

    /// Finds the cuts of an acyclic schedule graph.
    ///
    /// The node at position i of a topological order is a cut exactly when
    /// every node before it has an out-edge to a node at position ≤ i (follow
    /// such edges and you must arrive at it), and every node after it has an
    /// in-edge from a node at position ≥ i (walk back the same way). Edges that
    /// jump over a barrier, such as a story task's dependency on a setup task,
    /// do not hide it.
    ///
    /// - Complexity: O(V + E).
    public init(graph sg: ScheduleGraph, order: [Int32], times: CriticalPathTimes) {
        let g = sg.graph
        let n = order.count
        var position = [Int](repeating: 0, count: n)
        for (i, v) in order.enumerated() { position[Int(v)] = i }
        // before[i]: the largest, over nodes before i, of their nearest out-edge target (n when one has none).
        var before = [Int](repeating: -1, count: n)
        var worst = -1
        for i in 0..<n {
            before[i] = worst
            let v = order[i]
            var nearest = n
            for e in g.outgoing(v) { nearest = min(nearest, position[Int(g.edgeTargets[Int(e)])]) }
            worst = max(worst, nearest)
        }
        // Going back: the smallest, over nodes after i, of their latest in-edge source (-1 when one has none).
        var isCut = [Bool](repeating: false, count: n)
        var after = n
        for i in stride(from: n - 1, through: 0, by: -1) {
            isCut[i] = before[i] <= i && after >= i
            let v = order[i]
            var latest = -1
            for e in g.incoming(v) { latest = max(latest, position[Int(g.edgeSources[Int(e)])]) }
            after = min(after, latest)
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
        cuts = order.indices.filter { isCut[$0] }.map { order[$0] }
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
