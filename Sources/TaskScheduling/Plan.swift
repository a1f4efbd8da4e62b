import Dispatch
import SpecKitTasks
import TaskGraph

/// A document planned: its graph, its diagnostics, its cycles, and its schedule. Plain data; printing it is the rendering layer's job.
public struct Plan: Sendable {
    public let document: SpecDocument
    public let options: PlanOptions
    public let graph: ScheduleGraph
    /// Every diagnostic of the document and of planning, errors first in source order.
    public let diagnostics: [Diagnostic]
    /// One entry per strongly connected component with more than one node.
    public let cycles: [DependencyCycle]
    /// Waves, times and the critical path. Always made: written cycles are
    /// broken and implied edges only go forward, so the graph is acyclic.
    public let schedule: Schedule

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// Plans a document.
    ///
    /// The plan is always made: cycles of written edges are reported, and the
    /// plan is made without the edges that break them.
    ///
    /// - Complexity: O((V + E) log V).
    public init(_ document: SpecDocument, options: PlanOptions = PlanOptions()) {
        self.init(document, options: options, lap: nil)
    }

    /// ``init(_:options:)`` that calls `lap` after each stage ("graph",
    /// "schedule"), for the command line's `--timings` (not public API).
    package init(_ document: SpecDocument, options: PlanOptions, lap: ((String) -> Void)?) {
        self.document = document
        self.options = options
        let built = ScheduleGraph.build(document, options: options)
        let graph = built.graph
        lap?("graph (\(graph.nodeCount) nodes, \(graph.graph.edgeCount) edges)")
        self.graph = graph
        cycles = built.cycles
        diagnostics = Self.diagnostics(of: document, options: options, built: built)
        // Implied edges only go forward in the reference order, and written
        // cycles are broken, so the graph is acyclic by construction.
        guard let schedule = Schedule(graph: graph) else {
            preconditionFailure("the schedule graph of \(document.path) has a cycle; ScheduleGraph.build must break every cycle")
        }
        self.schedule = schedule
        lap?("schedule (waves, critical path)")
    }

    /// The ``diagnostics`` a plan of `document` has, found without making its
    /// schedule (which no diagnostic reads): what `specgraph check` reports.
    /// - Complexity: that of the graph build.
    public static func diagnostics(of document: SpecDocument, options: PlanOptions = PlanOptions()) -> [Diagnostic] {
        diagnostics(of: document, options: options, built: ScheduleGraph.build(document, options: options))
    }

    /// The document's diagnostics (``aboutPlannedTasks(_:document:options:)``),
    /// the graph build's and one per cycle, errors first in source order.
    private static func diagnostics(of document: SpecDocument, options: PlanOptions, built: ScheduleGraph.Built) -> [Diagnostic] {
        var diagnostics = aboutPlannedTasks(document.diagnostics, document: document, options: options)
        diagnostics += built.diagnostics
        for cycle in built.cycles { diagnostics.append(cycle.diagnostic(graph: built.graph, document: document)) }
        return diagnostics.sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            return a.severity > b.severity
        }
    }

    /// Diagnostics about finished tasks are left out unless every task is planned.
    static func aboutPlannedTasks(_ diagnostics: [Diagnostic], document: SpecDocument, options: PlanOptions) -> [Diagnostic] {
        guard options.remaining, !diagnostics.isEmpty else { return diagnostics }
        var finishedLines: [ClosedRange<Int32>] = []
        for t in document.tasks where t.status.isFinished {
            finishedLines.append(t.location.line...max(t.location.line, t.endLine))
        }
        guard !finishedLines.isEmpty else { return diagnostics }
        return diagnostics.filter { d in
            if d.code == .invalidUTF8 || d.code == .unreadable || d.code == .noTasks { return true }
            // Task lines are in document order: binary search the last range starting at or before the line.
            var lo = 0, hi = finishedLines.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if finishedLines[mid].lowerBound <= d.location.line { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 || !finishedLines[lo - 1].contains(d.location.line)
        }
    }

    /// Whether any planned task has an estimate; when none has, every length is
    /// made of `--default-duration` hours and is no forecast.
    public var hasEstimates: Bool {
        graph.taskOfNode.contains { document.tasks[Int($0)].estimate != nil }
    }

    /// The display name of a node (task ID or milestone name).
    public func name(of node: Int32) -> String { graph.name(of: node, in: document) }

    /// The document task behind a task node.
    public func task(ofNode node: Int32) -> SpecTask { document.tasks[Int(graph.taskOfNode[Int(node)])] }

    /// Planned task nodes named `id` (the first task with that ID), or nil.
    public func node(forID id: String) -> Int32? {
        try? plannedNode(forID: id)
    }
}

/// Waves, CPM times and one critical path of an acyclic plan.
public struct Schedule: Sendable {
    /// A topological order of all nodes.
    public let order: [Int32]
    /// Wave of every node (milestones carry the wave of the tasks before them).
    public let waveOfNode: [Int32]
    /// Task nodes of each wave, in document order; `waves[0]` is wave 1.
    public let waves: [[Int32]]
    public let times: CriticalPathTimes
    /// Task nodes of one critical path, from a start to the end.
    public let criticalPath: [Int32]

    public var length: Double { times.length }

    /// The number of tasks of the widest wave (0 without waves).
    public var widestWave: Int {
        var widest = 0
        for wave in waves { widest = max(widest, wave.count) }
        return widest
    }

    /// Task nodes, most critical first: by slack (compared to a millionth of an
    /// hour, so rounding noise does not reorder equal slacks), then document order.
    public func tasksBySlack(taskNodeCount: Int) -> [Int32] {
        let key = (0..<Int32(taskNodeCount)).map(slackKey)
        return (0..<Int32(taskNodeCount)).sorted { a, b in
            key[Int(a)] != key[Int(b)] ? key[Int(a)] < key[Int(b)] : a < b
        }
    }

    /// A node's slack in millionths of an hour, so that rounding noise does
    /// not reorder equal slacks: the key of "most critical first" everywhere.
    public func slackKey(_ v: Int32) -> Int64 {
        let scaled = (max(0, times.slack(v)) * 1e6).rounded()
        return scaled.isFinite && scaled < 9e18 ? Int64(scaled) : Int64.max
    }

    /// Whether a node has zero slack (within 1e-9).
    @inlinable public func isCritical(_ node: Int32) -> Bool { Self.isCritical(slack: times.slack(node)) }

    /// Whether a slack counts as zero: within 1e-9, the rounding noise of sums of durations.
    @inlinable public static func isCritical(slack: Double) -> Bool { abs(slack) <= 1e-9 }

    /// The schedule of an acyclic graph, or nil when it has a cycle.
    ///
    /// The order, the waves and the earliest starts come from one pass over
    /// the graph (``DirectedGraph/forwardPass(weight:durations:)``). On large
    /// graphs the waves are found on another thread meanwhile, by a pass of
    /// their own in the same order (``DirectedGraph/generations(weight:)``),
    /// and their task lists made there while this thread finds the latest
    /// times and the critical chain. The times stay on this thread: they are
    /// the larger arrays, and this thread's heap has the room the graph build
    /// let go, where another thread's heap would grow.
    init?(graph: ScheduleGraph) {
        let layers = WaveLayers()
        let group = DispatchGroup()
        let twoThreads = graph.nodeCount >= 1 << 16
        if twoThreads {
            DispatchQueue.global().async(group: group) { layers.run(graph.graph.generations(weight: Self.weight(graph)), graph: graph) }
        }
        guard let forward = graph.graph.forwardPass(weight: twoThreads ? nil : Self.weight(graph), durations: graph.durations) else {
            group.wait()
            return nil
        }
        if !twoThreads { layers.run(forward.generations, graph: graph) }
        order = forward.order
        let times = graph.graph.criticalPathTimes(forward, durations: graph.durations)
        criticalPath = Schedule.criticalChain(graph: graph, times: times)
        self.times = times
        group.wait()
        guard let waveOfNode = layers.waveOfNode else { return nil }
        self.waveOfNode = waveOfNode
        waves = layers.waves
    }

    /// What each node adds to the wave of its predecessors: one for a task, none for a milestone.
    private static func weight(_ graph: ScheduleGraph) -> [Int32] {
        let (n, tasks) = (graph.nodeCount, graph.taskNodeCount)
        return [Int32](unsafeUninitializedCapacity: n) { weight, count in
            for v in 0..<n { weight[v] = v < tasks ? 1 : 0 }
            count = n
        }
    }

    /// The wave of every node and the task nodes of each wave, made on whichever thread runs them.
    private final class WaveLayers: @unchecked Sendable {
        var waveOfNode: [Int32]?
        var waves: [[Int32]] = []

        /// Keeps the waves of every node (nil: the graph has a cycle) and lists the tasks of each.
        func run(_ level: [Int32]?, graph: ScheduleGraph) {
            waveOfNode = level
            guard let level else { return }
            let taskNodeCount = graph.taskNodeCount
            level.withUnsafeBufferPointer { level in
                var maxWave: Int32 = 0
                for v in 0..<taskNodeCount { maxWave = max(maxWave, level[v]) }
                // A counting sort by wave into one list, cut after: appending
                // to each wave's own array cost two uniqueness checks per task.
                var start = [Int](repeating: 0, count: Int(maxWave) + 1)
                for v in 0..<taskNodeCount { start[Int(level[v])] += 1 }
                for w in 0..<Int(maxWave) { start[w + 1] += start[w] }
                let byWave = [Int32](unsafeUninitializedCapacity: taskNodeCount) { byWave, count in
                    var fill = start
                    fill.withUnsafeMutableBufferPointer { fill in
                        for v in 0..<taskNodeCount {
                            let w = Int(level[v]) - 1
                            byWave[fill[w]] = Int32(truncatingIfNeeded: v)
                            fill[w] += 1
                        }
                    }
                    count = taskNodeCount
                }
                self.waves = (0..<Int(maxWave)).map { w in Array(byWave[start[w]..<start[w + 1]]) }
            }
        }
    }

    /// One chain of critical tasks from time 0 to the project length, taking the
    /// smallest document position at each tie. Milestones are walked through.
    ///
    /// A stage or phase barrier means every task of the stage precedes the
    /// next one (docs/semantics.md, "Stages and `phase` edges"), though the graph links only the stage's last
    /// tasks to it. So a task followed in its phase by zero-duration tasks
    /// (reached by `order` edges) also has their `phase` and `story`
    /// successors as its own: `T003 (1h), T004 (0h)` then the next stage's
    /// T002 ties T004 at the same time, and the smaller document position wins.
    static func criticalChain(graph: ScheduleGraph, times: CriticalPathTimes) -> [Int32] {
        let g = graph.graph
        let eps = 1e-9
        func critical(_ v: Int32) -> Bool { isCritical(slack: times.slack(v)) }
        // The first critical task that starts at 0: task nodes are in document order.
        var current: Int32 = -1
        for v in 0..<Int32(graph.taskNodeCount) where critical(v) && times.earliestStart[Int(v)] <= eps {
            current = v
            break
        }
        guard current >= 0 else { return [] }
        var path: [Int32] = [current]
        // Nodes walked through in this step (a zero-duration task can reach
        // the same milestones again in the next step, at the same time).
        var seenInStep = [Int32](repeating: -1, count: graph.nodeCount)
        var step: Int32 = 0
        /// A node to walk through: reached by `order` edges only, and whether
        /// it is a zero-duration task (then only its barrier edges count).
        var stack: [(node: Int32, orderOnly: Bool, zeroTask: Bool)] = []
        while true {
            let finish = times.earliestFinish[Int(current)]
            if abs(finish - times.length) <= eps && g.outDegree(current) == 0 { break }
            // Tight critical successors, looking through milestones.
            var best: Int32 = -1
            step += 1
            seenInStep[Int(current)] = step
            stack.append((current, true, false))
            while let (v, orderOnly, zeroTask) = stack.popLast() {
                for e in g.outgoing(v) {
                    let w = g.edgeTargets[Int(e)]
                    // The start is tested first: it is one load, the slack three.
                    guard abs(times.earliestStart[Int(w)] - finish) <= eps, critical(w) else { continue }
                    let kind = graph.edgeKinds[Int(e)]
                    let milestone = graph.isMilestone(w)
                    // A zero-duration task of the phase, reached by order edges: walk through it.
                    if orderOnly, kind == .order, !milestone, graph.durations[Int(w)] <= eps, seenInStep[Int(w)] != step {
                        seenInStep[Int(w)] = step
                        stack.append((w, true, true))
                    }
                    // Beyond such a task only its barrier edges count.
                    if zeroTask, kind != .phase, kind != .story { continue }
                    if milestone {
                        if seenInStep[Int(w)] != step {
                            seenInStep[Int(w)] = step
                            stack.append((w, orderOnly && kind == .order, false))
                        }
                    } else if best < 0 || w < best {
                        best = w
                    }
                }
            }
            if best < 0 { break }
            path.append(best)
            current = best
        }
        return path
    }
}
