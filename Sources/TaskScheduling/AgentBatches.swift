import HeapModule
import SpecKitTasks
import TaskGraph

/// The remaining work of a plan as ordered batches for a number of parallel
/// coding agents (`specgraph batches`).
///
/// A batch holds tasks whose predecessors, through any edge of the plan's
/// graph (milestones walked through), are all in earlier batches; it never
/// holds two tasks that write the same file (directories never conflict), and
/// holds at most `agents` tasks. Within those rules, batches are filled greedily
/// by priority: least slack first (the critical path), then document order.
///
///     wave 1: T001 (a.py)  T002 (a.py)  T003 (b.py)      agents: 2
///     batch 1: T001 T003   batch 2: T002                (T002 waits for a.py)
///
/// Plain data: rendering it is `TaskScheduleRendering`'s job.
public struct AgentBatches: Sendable {
    /// The agent limit (nil: as many as there are tasks).
    public let agents: Int?
    /// Task nodes of each batch, in priority order; `batches[0]` is batch 1.
    public let batches: [[Int32]]
    /// Phases (indices into `SpecDocument.phases`) whose last remaining task
    /// is in each batch, in phase order: the checkpoints to verify before the
    /// next batch.
    public let completedPhases: [[Int32]]
    /// The number of waves of the plan (batches with unlimited agents and no
    /// shared files).
    public let waveCount: Int
    /// The time the batches take one after another: the sum over batches of
    /// the longest task duration in each, in hours.
    public let makespan: Double

    /// The batches of a plan.
    ///
    /// - Parameters:
    ///   - plan: the plan whose remaining tasks are batched.
    ///   - agents: at most this many tasks per batch (values below 1
    ///     count as 1); nil for no limit.
    /// - Complexity: O((V + E + F) log V) for V nodes, E edges and F written
    ///   file mentions, plus O(log V) each time a ready task is passed over
    ///   because a file it writes is taken in that batch. Tasks waiting for one
    ///   file queue behind the first of them, and only that one is looked at
    ///   again, so V tasks that all write one file cost O(V log V), not O(V²).
    public init(plan: Plan, agents: Int?) {
        let schedule = plan.schedule
        let limit = agents.map { max(1, $0) }
        self.agents = limit
        let graph = plan.graph
        let g = graph.graph
        let doc = plan.document
        let writes = ExclusiveFiles(plan: plan)
        let key = plan.dispatchKeys()

        // Nodes still waiting for predecessors; milestones pass straight through.
        var waiting = (0..<Int32(graph.nodeCount)).map { Int32(g.inDegree($0)) }
        var released: [Int32] = []
        var stack: [Int32] = []
        func release(_ start: Int32) {
            stack.append(start)
            while let v = stack.popLast() {
                if !graph.isMilestone(v) {
                    released.append(v)
                    continue
                }
                for e in g.outgoing(v) {
                    let w = g.edgeTargets[Int(e)]
                    waiting[Int(w)] -= 1
                    if waiting[Int(w)] == 0 { stack.append(w) }
                }
            }
        }
        func finish(_ v: Int32) {
            for e in g.outgoing(v) {
                let w = g.edgeTargets[Int(e)]
                waiting[Int(w)] -= 1
                if waiting[Int(w)] == 0 { release(w) }
            }
        }
        for v in 0..<Int32(graph.nodeCount) where waiting[Int(v)] == 0 { release(v) }

        var phaseLeft = [Int32](repeating: 0, count: doc.phases.count)
        for v in 0..<graph.taskNodeCount {
            let p = Int(doc.tasks[Int(graph.taskOfNode[v])].phase)
            if phaseLeft.indices.contains(p) { phaseLeft[p] += 1 }
        }

        var ready = Heap<DispatchCandidate>()
        // Tasks passed over for a taken file wait in that file's queue; `origin`
        // says which queue a task in `ready` came from (-1: none).
        var parked = [Heap<DispatchCandidate>](repeating: Heap(), count: writes.count)
        var origin = [Int32](repeating: -1, count: graph.taskNodeCount)
        var takenIn = [Int32](repeating: -1, count: writes.count)
        var touchedIn = [Int32](repeating: -1, count: writes.count)
        var touched: [Int32] = []

        var batches: [[Int32]] = []
        var completed: [[Int32]] = []
        var makespan = 0.0
        var placed = 0
        while placed < graph.taskNodeCount {
            for v in released { ready.insert(DispatchCandidate(key: key[Int(v)], node: v)) }
            released.removeAll(keepingCapacity: true)
            let b = Int32(batches.count)
            var batch: [Int32] = []
            func touch(_ f: Int32) {
                if touchedIn[Int(f)] != b {
                    touchedIn[Int(f)] = b
                    touched.append(f)
                }
            }
            while limit.map({ batch.count < $0 }) ?? true, let c = ready.popMin() {
                let v = c.node
                let from = origin[Int(v)]
                origin[Int(v)] = -1
                if let taken = writes.files(ofNode: v).first(where: { takenIn[Int($0)] == b }) {
                    parked[Int(taken)].insert(c)
                    touch(taken)
                    // The next task of the queue it came from is a candidate now.
                    if from >= 0 {
                        if takenIn[Int(from)] != b, let next = parked[Int(from)].popMin() {
                            origin[Int(next.node)] = from
                            ready.insert(next)
                        } else {
                            touch(from)
                        }
                    }
                    continue
                }
                for f in writes.files(ofNode: v) {
                    takenIn[Int(f)] = b
                    touch(f)
                }
                batch.append(v)
            }
            // Each queue touched in this batch offers its first task again.
            for f in touched {
                if let next = parked[Int(f)].popMin() {
                    origin[Int(next.node)] = f
                    ready.insert(next)
                }
            }
            touched.removeAll(keepingCapacity: true)
            guard !batch.isEmpty else { break }  // unreachable on an acyclic graph
            var longest = 0.0
            var phases: [Int32] = []
            for v in batch {
                longest = max(longest, graph.durations[Int(v)])
                let p = Int(doc.tasks[Int(graph.taskOfNode[Int(v)])].phase)
                if phaseLeft.indices.contains(p) {
                    phaseLeft[p] -= 1
                    if phaseLeft[p] == 0 { phases.append(Int32(p)) }
                }
                finish(v)
            }
            makespan += longest
            placed += batch.count
            batches.append(batch)
            completed.append(phases.sorted())
        }
        self.batches = batches
        self.completedPhases = completed
        self.makespan = makespan
        self.waveCount = schedule.waves.count
    }
}

/// A task waiting to be dispatched, ordered by slack, then document order.
struct DispatchCandidate: Comparable {
    var key: Int64
    var node: Int32

    static func < (a: DispatchCandidate, b: DispatchCandidate) -> Bool {
        a.key != b.key ? a.key < b.key : a.node < b.node
    }
}

extension Plan {
    /// The dispatch priority of every task node: `Schedule.slackKey`, as
    /// `Schedule.tasksBySlack` orders them.
    func dispatchKeys() -> [Int64] {
         (0..<Int32(graph.taskNodeCount)).map(schedule.slackKey)
    }
}
