import SpecKitGenerator
import SpecGraphTestSupport
import SpecKitTasks
import Testing
@testable import TaskScheduling

/// The batch rule written out the slow, obvious way: every batch looks at
/// every ready task in priority order and takes it unless a file it writes is
/// taken or the batch is full. `AgentBatches` must make the same batches.
func referenceBatches(_ plan: Plan, agents: Int?) -> [[Int32]] {
    let predecessors = taskPredecessors(plan)
    let key = plan.dispatchKeys()
    var batchOf = [Int?](repeating: nil, count: plan.graph.taskNodeCount)
    var batches: [[Int32]] = []
    while batchOf.contains(where: { $0 == nil }) {
        let b = batches.count
        let ready = (0..<Int32(plan.graph.taskNodeCount)).filter { v in
            batchOf[Int(v)] == nil && predecessors[Int(v)].allSatisfy { p in batchOf[Int(p)].map { $0 < b } ?? false }
        }.sorted { DispatchCandidate(key: key[Int($0)], node: $0) < DispatchCandidate(key: key[Int($1)], node: $1) }
        var taken = Set<String>()
        var batch: [Int32] = []
        for v in ready {
            if let agents, batch.count == agents { break }
            let files = writtenFiles(plan, v)
            if !taken.isDisjoint(with: files) { continue }
            taken.formUnion(files)
            batch.append(v)
            batchOf[Int(v)] = b
        }
        if batch.isEmpty { break }
        batches.append(batch)
    }
    return batches
}

/// The task nodes before each task node, through milestones.
func taskPredecessors(_ plan: Plan) -> [Set<Int32>] {
    let g = plan.graph.graph
    return (0..<Int32(plan.graph.taskNodeCount)).map { v in
        var found = Set<Int32>(), seen = Set<Int32>(), stack = [v]
        while let x = stack.popLast() {
            for e in g.incoming(x) {
                let p = g.edgeSources[Int(e)]
                guard seen.insert(p).inserted else { continue }
                if plan.graph.isMilestone(p) { stack.append(p) } else { found.insert(p) }
            }
        }
        return found
    }
}

func writtenFiles(_ plan: Plan, _ v: Int32) -> Set<String> {
    plan.options.files == .ignore ? [] : Set(plan.task(ofNode: v).files.filter { !$0.hasSuffix("/") })
}

@Suite struct AgentBatchesPropertyTests {
    static let agentCounts: [Int?] = [nil, 1, 2, 3, 8]

    static func plan(seed: Int, options: PlanOptions = PlanOptions()) -> Plan {
        Plan(PlanPropertyTests.generated(seed: UInt64(seed), tasks: 150), options: options)
    }

    @Test(arguments: 1...8, 0..<agentCounts.count)
    func batchesKeepEveryRule(seed: Int, agentIndex: Int) throws {
        let agents = Self.agentCounts[agentIndex]
        let plan = Self.plan(seed: seed)
        let batches = AgentBatches(plan: plan, agents: agents)
        // Every remaining task in exactly one batch.
        var batchOf = [Int](repeating: -1, count: plan.graph.taskNodeCount)
        for (b, batch) in batches.batches.enumerated() {
            #expect(!batch.isEmpty)
            if let agents { #expect(batch.count <= agents) }
            var writers: [String: Int32] = [:]
            for v in batch {
                #expect(batchOf[Int(v)] == -1, "\(plan.name(of: v)) is in two batches")
                batchOf[Int(v)] = b
                for f in writtenFiles(plan, v) {
                    #expect(writers[f] == nil, "batch \(b + 1): \(plan.name(of: v)) and another task write \(f)")
                    writers[f] = v
                }
            }
        }
        #expect(!batchOf.contains(-1))
        // Every predecessor (written or implied) in an earlier batch.
        for (v, ps) in taskPredecessors(plan).enumerated() {
            for p in ps { #expect(batchOf[Int(p)] < batchOf[v], "\(plan.name(of: p)) before \(plan.name(of: Int32(v)))") }
        }
        // The makespan is the sum of each batch's longest task.
        let makespan = batches.batches.reduce(0.0) { $0 + ($1.map { plan.graph.durations[Int($0)] }.max() ?? 0) }
        #expect(abs(batches.makespan - makespan) < 1e-9)
        #expect(batches.makespan >= plan.schedule.length - 1e-9)
        // Each phase's checkpoint comes with the batch of its last task.
        for (b, phases) in batches.completedPhases.enumerated() {
            for p in phases {
                let last = (0..<Int32(plan.graph.taskNodeCount)).filter { plan.task(ofNode: $0).phase == p }
                    .map { batchOf[Int($0)] }.max()
                #expect(last == b)
            }
        }
        #expect(batches.completedPhases.joined().count == Set(plan.document.tasks.indices.compactMap { t in
            plan.graph.nodeOfTask[t] >= 0 ? plan.document.tasks[t].phase : nil
        }).count)
    }

    @Test(arguments: 1...8, 0..<agentCounts.count)
    func batchesAgreeWithTheSlowGreedy(seed: Int, agentIndex: Int) throws {
        let agents = Self.agentCounts[agentIndex]
        let plan = Self.plan(seed: seed)
        let batches = AgentBatches(plan: plan, agents: agents)
        #expect(batches.batches == referenceBatches(plan, agents: agents))
    }

    /// Many tasks over a few files, so that tasks queue behind a file for many
    /// batches and leave one queue for another (what the file queues are for).
    @Test(arguments: 1...10, 0..<agentCounts.count)
    func crowdedFilesAgreeWithTheSlowGreedy(seed: Int, agentIndex: Int) throws {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var b = DocumentBuilder()
        b.phase("Phase 1")
        for i in 1...80 {
            let files = (0..<random(3)).map { _ in "f\(random(5)).py" } + (random(4) == 0 ? ["dir/"] : [])
            b.task("T\(i)", p: true, files: files, hours: Double(1 + random(4)))
            if i > 1, random(3) == 0 { b.depend("T\(i)", on: "T\(1 + random(i - 1))") }
        }
        b.doc.internFiles()
        let plan = Plan(b.doc, options: PlanOptions(withinPhase: .explicit))
        let agents = Self.agentCounts[agentIndex]
        let batches = AgentBatches(plan: plan, agents: agents)
        #expect(batches.batches == referenceBatches(plan, agents: agents))
        #expect(batches.batches.count > plan.schedule.waves.count)
    }

    @Test(arguments: 1...8)
    func unlimitedAgentsWithoutFilesMakeTheWaves(seed: Int) throws {
        let plan = Self.plan(seed: seed, options: PlanOptions(files: .ignore))
        let batches = AgentBatches(plan: plan, agents: nil)
        let waves = plan.schedule.waves
        #expect(batches.batches.map { $0.sorted() } == waves)
        #expect(batches.waveCount == waves.count)
    }

    @Test(arguments: 1...8, 0..<agentCounts.count)
    func nextWithNothingRunningIsTheFirstBatch(seed: Int, agentIndex: Int) throws {
        let agents = Self.agentCounts[agentIndex]
        let plan = Self.plan(seed: seed)
        let batches = AgentBatches(plan: plan, agents: agents)
        let dispatch = try plan.dispatch(running: [], agents: agents)
        #expect(dispatch.startable == batches.batches.first ?? [])
    }

    @Test(arguments: 1...6)
    func nextAroundRunningTasksKeepsTheRules(seed: Int) throws {
        let plan = Self.plan(seed: seed)
        let first = try #require(AgentBatches(plan: plan, agents: nil).batches.first)
        let running = Array(first.prefix(2))
        let ids = running.map { plan.name(of: $0) }
        let dispatch = try plan.dispatch(running: ids, agents: 4)
        #expect(dispatch.running == running)
        #expect(dispatch.startable.count <= 4 - running.count)
        let predecessors = taskPredecessors(plan)
        var taken = Set(running.flatMap { writtenFiles(plan, $0) })
        for v in dispatch.startable {
            #expect(!running.contains(v))
            #expect(predecessors[Int(v)].isEmpty, "\(plan.name(of: v)) waits for an unfinished task")
            #expect(taken.isDisjoint(with: writtenFiles(plan, v)))
            taken.formUnion(writtenFiles(plan, v))
        }
    }
}

@Suite struct AgentBatchesTests {
    /// Five tasks of one phase that all write `a.py`, and one that writes `b.py`:
    ///
    /// ```
    ///  T1 (a.py)  T2 (a.py)  T3 (a.py, b.py)  T4 (b.py)  T5 (a.py)  T6 (docs/)  T7 (docs/)
    /// ```
    static func sharedFiles() -> Plan {
        var b = DocumentBuilder()
        b.phase("Phase 1: Work")
        b.task("T1", p: true, files: ["a.py"])
        b.task("T2", p: true, files: ["a.py"])
        b.task("T3", p: true, files: ["a.py", "b.py"])
        b.task("T4", p: true, files: ["b.py"])
        b.task("T5", p: true, files: ["a.py"])
        b.task("T6", p: true, files: ["docs/"])
        b.task("T7", p: true, files: ["docs/"])
        b.doc.internFiles()
        return Plan(b.doc)
    }

    func ids(_ plan: Plan, _ batches: AgentBatches) -> [[String]] {
        batches.batches.map { $0.map { plan.name(of: $0) } }
    }

    @Test func writersOfOneFileGoToSeparateBatchesAndDirectoriesNeverConflict() throws {
        let plan = Self.sharedFiles()
        #expect(plan.waveIDs() == [["T1", "T2", "T3", "T4", "T5", "T6", "T7"]])
        let batches = AgentBatches(plan: plan, agents: nil)
        #expect(ids(plan, batches) == [["T1", "T4", "T6", "T7"], ["T2"], ["T3"], ["T5"]])
        #expect(batches.waveCount == 1)
        #expect(batches.makespan == 4)
        #expect(batches.completedPhases == [[], [], [], [1]])
    }

    @Test func agentLimitCapsEachBatch() throws {
        let plan = Self.sharedFiles()
        let batches = AgentBatches(plan: plan, agents: 2)
        #expect(ids(plan, batches) == [["T1", "T4"], ["T2", "T6"], ["T3", "T7"], ["T5"]])
        let dispatch = try plan.dispatch(running: ["T1"], agents: 3)
        #expect(dispatch.startable.map { plan.name(of: $0) } == ["T4", "T6"])
    }

    @Test func ignoredFilesNeverConflict() throws {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1", p: true, files: ["a.py"])
        b.task("T2", p: true, files: ["a.py"])
        b.doc.internFiles()
        let plan = Plan(b.doc, options: PlanOptions(files: .ignore))
        #expect(ids(plan, AgentBatches(plan: plan, agents: nil)) == [["T1", "T2"]])
    }

    /// Least slack first: T3 leads a longer chain than T1 and T2.
    ///
    /// ```
    ///  T1 (1h)   T2 (1h)   T3 (1h) ──▶ T4 (5h)
    /// ```
    @Test func leastSlackGoesFirst() throws {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1", p: true, hours: 1)
        b.task("T2", p: true, hours: 1)
        b.task("T3", p: true, hours: 1)
        b.task("T4", p: true, hours: 5)
        b.depend("T4", on: "T3")
        let plan = Plan(b.doc, options: PlanOptions(withinPhase: .explicit))
        let batches = AgentBatches(plan: plan, agents: 2)
        #expect(ids(plan, batches) == [["T3", "T1"], ["T4", "T2"]])
        #expect(batches.makespan == 6)
    }

    @Test func runningTasksThatCannotRunAreErrors() throws {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1", status: .done)
        b.task("T2")
        b.task("T3")
        b.depend("T3", on: "T2")
        let plan = Plan(b.doc, options: PlanOptions(withinPhase: .explicit))
        #expect(throws: RunningTaskError.unknown("T9")) { try plan.dispatch(running: ["T9"], agents: nil) }
        #expect(throws: RunningTaskError.finished("T1", .done)) { try plan.dispatch(running: ["T1"], agents: nil) }
        #expect(throws: RunningTaskError.waiting("T3", on: "T2")) { try plan.dispatch(running: ["T3"], agents: nil) }
        #expect(RunningTaskError.waiting("T3", on: "T2").description.contains("waits for T2"))
        let dispatch = try plan.dispatch(running: ["T2", "T2"], agents: nil)
        #expect(dispatch.running.map { plan.name(of: $0) } == ["T2"])
        #expect(dispatch.startable.isEmpty)
    }

    @Test func moreRunningThanAgentsStartsNothing() throws {
        let plan = Self.sharedFiles()
        let dispatch = try plan.dispatch(running: ["T1", "T4", "T6"], agents: 2)
        #expect(dispatch.startable.isEmpty)
    }
}
