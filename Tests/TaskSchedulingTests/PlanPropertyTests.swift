import SpecKitGenerator
import SpecKitTasks
import Testing
@testable import TaskScheduling

/// docs/semantics.md written out the slow, obvious way: every rule as direct
/// task-to-task edges (pairwise, no milestones), then waves and CPM by
/// definition. The real planner must give every task the same predecessors,
/// through any chain of edges, and so the same waves and times.
///
/// Which written edges break a cycle is the planner's choice (greedy); the
/// reference takes that choice, checks it, and plans without them.
struct ReferencePlanner {
    let document: SpecDocument
    let options: PlanOptions
    var planned: [Int] = []
    var isPlanned: [Bool]
    var predecessors: [Int: Set<Int>] = [:]
    var written: [(Int, Int)] = []
    var stageOf: [Int: Int] = [:]
    var position: [Int: Int] = [:]

    init(_ document: SpecDocument, _ options: PlanOptions, removed: [(Int, Int)] = []) {
        self.document = document
        self.options = options
        isPlanned = document.tasks.map { !(options.remaining && $0.status.isFinished) }
        planned = document.tasks.indices.filter { isPlanned[$0] }
        for t in planned { predecessors[t] = [] }
        build(removed: removed)
    }

    mutating func add(_ a: Int, _ b: Int) {
        if a != b { predecessors[b]!.insert(a) }
    }

    func notAfter(_ a: Int, _ b: Int) -> Bool {
        document.removedDependencies.contains { Int($0.predecessor) == a && Int($0.successor) == b }
    }

    /// Both named in one parallel statement (tasks of a named phase count), or one `not after` correction.
    func excluded(_ a: Int, _ b: Int) -> Bool {
        for s in document.parallelStatements {
            func direct(_ t: Int) -> Bool { s.tasks.contains(Int32(t)) }
            func names(_ t: Int) -> Bool { direct(t) || s.phases.contains(document.tasks[t].phase) }
            // Named phases run beside each other; a phase's own tasks keep their order.
            let samePhase = document.tasks[a].phase == document.tasks[b].phase
            if names(a) && names(b) && (!samePhase || (direct(a) && direct(b))) { return true }
        }
        return notAfter(a, b) || notAfter(b, a)
    }

    mutating func build(removed: [(Int, Int)]) {
        let tasks = document.tasks
        let phaseTasks = document.phases.indices.map { p in planned.filter { Int(tasks[$0].phase) == p } }
        // Stages.
        var stages: [[Int]] = []
        var run: [Int] = []
        func flush() {
            if run.isEmpty { return }
            if options.stories == .priority {
                for p in run.sorted(by: {
                    (document.phases[$0].priority ?? Int.max, $0) < (document.phases[$1].priority ?? Int.max, $1)
                }) { stages.append([p]) }
            } else {
                stages.append(run)
            }
            run = []
        }
        for p in document.phases.indices where !phaseTasks[p].isEmpty {
            if document.phases[p].kind == .story { run.append(p) } else { flush(); stages.append([p]) }
        }
        flush()
        for (s, stage) in stages.enumerated() { for p in stage { for t in phaseTasks[p] { stageOf[t] = s } } }
        // Written edges, pairwise, minus corrections and the planner's cycle breakers.
        var w: [(Int, Int)] = []
        for d in document.dependencies where isPlanned[Int(d.successor)] && isPlanned[Int(d.predecessor)] {
            let a = Int(d.predecessor), b = Int(d.successor)
            if a != b && !notAfter(a, b) { w.append((a, b)) }
        }
        for g in document.dependencyGroups {
            for b in g.successors.map(Int.init) where isPlanned[b] {
                for a in g.predecessors.map(Int.init) where isPlanned[a] && a != b && !notAfter(a, b) { w.append((a, b)) }
            }
        }
        for d in document.phaseDependencies where d.predecessor != d.successor {
            for a in phaseTasks[Int(d.predecessor)] {
                for b in phaseTasks[Int(d.successor)] where a != b && !notAfter(a, b) { w.append((a, b)) }
            }
        }
        // A left-out edge between phase milestones stands for every copy of
        // its task pairs (a phase statement written twice is one edge there).
        let drop = Set(removed.map { Int64($0.0) << 32 | Int64($0.1) })
        w = w.filter { !drop.contains(Int64($0.0) << 32 | Int64($0.1)) }
        written = w
        for (a, b) in w { add(a, b) }
        // π: Kahn on the written edges by (stage, document position).
        guard let order = kahnOrder(key: { (stageOf[$0]!, $0) }) else { return }
        for (i, t) in order.enumerated() { position[t] = i }
        // Phase edges, forward in π.
        for a in planned {
            for b in planned where stageOf[a]! < stageOf[b]! && position[a]! < position[b]! && !excluded(a, b) {
                add(a, b)
            }
        }
        // Order edges inside ordered phases, tasks in π order.
        for p in phaseTasks.indices where ordered(phaseTasks[p]) {
            var groups: [[Int]] = []
            for t in phaseTasks[p].sorted(by: { position[$0]! < position[$1]! }) {
                if let last = groups.last?.last, tasks[t].parallel, tasks[last].parallel,
                    tasks[t].segment == tasks[last].segment
                {
                    groups[groups.count - 1].append(t)
                } else {
                    groups.append([t])
                }
            }
            for g in groups.indices {
                for h in groups.indices where h > g {
                    for a in groups[g] where !tasks[a].independent {
                        for b in groups[h] where !tasks[b].independent && !excluded(a, b) { add(a, b) }
                    }
                }
            }
        }
        // Files, with --files serialize: each file's writers chained in π.
        if options.files == .serialize {
            var last: [String: Int] = [:]
            for t in order {
                for f in tasks[t].files where !f.hasSuffix("/") {
                    if let p = last[f], !notAfter(p, t) { add(p, t) }
                    last[f] = t
                }
            }
        }
    }

    func ordered(_ phase: [Int]) -> Bool {
        switch options.withinPhase {
        case .ordered: true
        case .explicit: false
        case .auto: !(phase.count >= 2 && phase.allSatisfy { document.tasks[$0].statesDependencies })
        }
    }

    func kahnOrder(key: (Int) -> (Int, Int) = { (0, $0) }) -> [Int]? {
        var remaining = predecessors.mapValues(\.count)
        var successors: [Int: [Int]] = [:]
        for (b, ps) in predecessors { for a in ps { successors[a, default: []].append(b) } }
        var ready = Set(planned.filter { remaining[$0] == 0 })
        var order: [Int] = []
        while let t = ready.min(by: { key($0) < key($1) }) {
            ready.remove(t)
            order.append(t)
            for s in successors[t] ?? [] {
                remaining[s]! -= 1
                if remaining[s] == 0 { ready.insert(s) }
            }
        }
        return order.count == planned.count ? order : nil
    }

    func duration(_ t: Int) -> Double { document.tasks[t].estimate?.hours ?? options.defaultDuration }

    /// Waves, earliest and latest starts by the definitions.
    func figures() -> (wave: [Int: Int], es: [Int: Double], ls: [Int: Double], length: Double)? {
        guard let order = kahnOrder() else { return nil }
        var wave: [Int: Int] = [:], es: [Int: Double] = [:]
        for t in order {
            wave[t] = 1 + (predecessors[t]!.map { wave[$0]! }.max() ?? 0)
            es[t] = predecessors[t]!.map { es[$0]! + duration($0) }.max() ?? 0
        }
        let length = order.map { es[$0]! + duration($0) }.max() ?? 0
        var successors: [Int: [Int]] = [:]
        for (b, ps) in predecessors { for a in ps { successors[a, default: []].append(b) } }
        var ls: [Int: Double] = [:]
        for t in order.reversed() {
            let lf = (successors[t] ?? []).map { ls[$0]! }.min() ?? length
            ls[t] = lf - duration(t)
        }
        return (wave, es, ls, length)
    }

    /// Every task's predecessors through any chain.
    func closure() -> [Int: Set<Int>] {
        guard let order = kahnOrder() else { return [:] }
        var reach: [Int: Set<Int>] = [:]
        for t in order {
            var set = predecessors[t]!
            for p in predecessors[t]! { set.formUnion(reach[p]!) }
            reach[t] = set
        }
        return reach
    }
}

/// A generated spec, then what real authors add: forward references, written
/// cycles, parallel statements, phases whose tasks state their own
/// dependencies, independent tasks, corrections and finished tasks.
enum Authored {
    static func document(seed: UInt64, tasks: Int = 120, cycles: Bool = false) -> SpecDocument {
        var doc = SpecParser.parse(SpecGenerator.generate(GeneratorOptions(tasks: tasks, seed: seed)), path: "g.md")
        var rng = SeededRandom(seed: seed &* 7919 &+ 13)
        let n = doc.tasks.count
        guard n > 4 else { return doc }
        let at = SourceLocation(line: 1, column: 1)
        // Forward references: a task that waits for one written below it.
        for _ in 0..<max(1, n / 25) {
            let a = Int32(rng.next(n)), b = Int32(rng.next(n))
            if a > b { doc.dependencies.append(TaskDependency(predecessor: a, successor: b, kind: .explicit, location: at)) }
        }
        if cycles {
            let a = Int32(rng.next(n - 2)), b = a + 1 + Int32(rng.next(2))
            doc.dependencies.append(TaskDependency(predecessor: a, successor: b, kind: .declared, location: at))
            doc.dependencies.append(TaskDependency(predecessor: b, successor: a, kind: .explicit, location: at))
        }
        // A statement about many pairs, kept as a group (`T010-T014 → T030-T036`).
        if n > 20 && seed % 2 == 0 {
            let p0 = rng.next(n - 8), s0 = rng.next(n - 8)
            let before = (p0..<p0 + 2 + rng.next(6)).map(Int32.init)
            let after = (s0..<s0 + 2 + rng.next(6)).map(Int32.init).filter { !before.contains($0) }
            if after.count >= 2 {
                doc.dependencyGroups.append(DependencyGroup(predecessors: before, successors: after, kind: .declared, location: at))
            }
        }
        // Parallel statements: a run of neighbours, scattered tasks, two phases.
        for _ in 0..<3 {
            let start = rng.next(n - 3)
            let run = (start..<min(n, start + 2 + rng.next(4))).map(Int32.init)
            doc.parallelStatements.append(ParallelStatement(tasks: run, location: at))
        }
        doc.parallelStatements.append(ParallelStatement(tasks: [Int32(rng.next(n)), Int32(rng.next(n)), Int32(rng.next(n))], location: at))
        if doc.phases.count > 3 {
            let p = Int32(1 + rng.next(doc.phases.count - 2))
            doc.parallelStatements.append(ParallelStatement(phases: [p, p + 1], location: at))
        }
        // A phase whose every task states its dependencies; independent tasks.
        let explicitPhase = Int32(rng.next(doc.phases.count))
        for t in doc.tasks.indices {
            if doc.tasks[t].phase == explicitPhase { doc.tasks[t].statesDependencies = true }
            if rng.next(40) == 0 { doc.tasks[t].independent = true }
            if rng.next(12) == 0 { doc.tasks[t].status = .done }
        }
        // Corrections: one added edge, one removed.
        let a = Int32(rng.next(n)), b = Int32(rng.next(n))
        if a != b { doc.dependencies.append(TaskDependency(predecessor: a, successor: b, kind: .correction, location: at)) }
        let c = Int32(rng.next(n - 1))
        doc.removedDependencies.append(TaskDependency(predecessor: c, successor: c + 1, kind: .correction, location: at))
        return doc
    }
}

/// SplitMix64, for test fixtures.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(bound, 1)))
    }
}

@Suite struct PlanPropertyTests {
    static let optionSets: [PlanOptions] = [
        PlanOptions(),
        PlanOptions(withinPhase: .ordered),
        PlanOptions(withinPhase: .explicit),
        PlanOptions(stories: .priority),
        PlanOptions(files: .serialize),
        PlanOptions(files: .ignore, remaining: false),
        PlanOptions(stories: .priority, files: .serialize, defaultDuration: 2.5, remaining: false),
    ]

    static func check(_ doc: SpecDocument, _ options: PlanOptions) throws {
        let plan = Plan(doc, options: options)
        // A removed edge between phase milestones takes out every task pair of the two phases.
        let g = plan.graph.graph
        var removed: [(Int, Int)] = []
        // Milestone neighbours as written, the left-out edges included.
        var into: [Int32: [Int32]] = [:], outOf: [Int32: [Int32]] = [:]
        // (Written edges at a milestone: story milestones and dependency groups'.)
        for e in 0..<g.edgeCount
        where plan.graph.edgeKinds[e].isWritten
            && (plan.graph.isMilestone(g.edgeSources[e]) || plan.graph.isMilestone(g.edgeTargets[e]))
        {
            into[g.edgeTargets[e], default: []].append(g.edgeSources[e])
            outOf[g.edgeSources[e], default: []].append(g.edgeTargets[e])
        }
        for e in plan.cycles.flatMap(\.removed) {
            into[e.to, default: []].append(e.from)
            outOf[e.from, default: []].append(e.to)
        }
        func tasks(_ v: Int32, before: Bool) -> [Int] {
            if !plan.graph.isMilestone(v) { return [Int(plan.graph.taskOfNode[Int(v)])] }
            return (before ? into[v] ?? [] : outOf[v] ?? []).flatMap { tasks($0, before: before) }
        }
        for e in plan.cycles.flatMap(\.removed) {
            #expect(e.kind.isWritten && e.graphEdge == nil)
            for a in tasks(e.from, before: true) { for b in tasks(e.to, before: false) { removed.append((a, b)) } }
        }
        let reference = ReferencePlanner(doc, options, removed: removed)
        let expected = try #require(reference.figures(), "written edges still cyclic after the planner's removals")
        let schedule = plan.schedule
        #expect(plan.graph.taskNodeCount == reference.planned.count)
        #expect(abs(schedule.length - expected.length) < 1e-9)
        for t in reference.planned {
            let v = plan.graph.nodeOfTask[t]
            #expect(v >= 0)
            #expect(Int(schedule.waveOfNode[Int(v)]) == expected.wave[t], "wave of \(doc.tasks[t].id)")
            #expect(abs(schedule.times.earliestStart[Int(v)] - expected.es[t]!) < 1e-9, "ES of \(doc.tasks[t].id)")
            #expect(abs(schedule.times.latestStart[Int(v)] - expected.ls[t]!) < 1e-9, "LS of \(doc.tasks[t].id)")
        }
        // The same predecessors through any chain.
        let want = reference.closure()
        let got = PlanClosure.taskPredecessors(plan)
        for t in reference.planned {
            let v = Int(plan.graph.nodeOfTask[t])
            let mine = Set(got[v].map { Int(plan.graph.taskOfNode[Int($0)]) })
            #expect(mine == want[t]!, "predecessors of \(doc.tasks[t].id)")
        }
        // π is a topological order of every edge.
        var position = [Int](repeating: -1, count: plan.graph.taskNodeCount)
        for (i, v) in plan.graph.referenceOrder.enumerated() { position[Int(v)] = i }
        #expect(!position.contains(-1))
    }

    @Test(arguments: 1...40, 0..<optionSets.count)
    func agreesWithTheReferencePlanner(seed: Int, optionIndex: Int) throws {
        try Self.check(Authored.document(seed: UInt64(seed), cycles: seed % 3 == 0), Self.optionSets[optionIndex])
    }

    @Test(arguments: 41...60)
    func agreesOnPlainGeneratedSpecs(seed: Int) throws {
        let doc = SpecParser.parse(SpecGenerator.generate(GeneratorOptions(tasks: 150, seed: UInt64(seed))), path: "g.md")
        for options in Self.optionSets { try Self.check(doc, options) }
    }

    @Test(arguments: 1...10)
    func scheduleInvariantsHold(seed: Int) throws {
        let doc = Authored.document(seed: UInt64(seed), tasks: 400, cycles: true)
        let plan = Plan(doc)
        let schedule = plan.schedule
        let g = plan.graph.graph
        let t = schedule.times
        for e in 0..<g.edgeCount {
            let a = Int(g.edgeSources[e]), b = Int(g.edgeTargets[e])
            if !plan.graph.isMilestone(Int32(b)) {
                #expect(schedule.waveOfNode[a] < schedule.waveOfNode[b])
            }
            #expect(t.earliestStart[b] >= t.earliestFinish[a] - 1e-9)
        }
        for v in 0..<plan.graph.nodeCount { #expect(t.slack(Int32(v)) >= -1e-9) }
        let path = schedule.criticalPath
        let first = try #require(path.first), last = try #require(path.last)
        #expect(t.earliestStart[Int(first)] == 0)
        #expect(abs(t.earliestFinish[Int(last)] - schedule.length) < 1e-9)
        for (a, b) in zip(path, path.dropFirst()) {
            #expect(abs(t.earliestStart[Int(b)] - t.earliestFinish[Int(a)]) < 1e-9)
            #expect(schedule.isCritical(a) && schedule.isCritical(b))
        }
    }

    @Test(arguments: 1...5)
    func finishedTasksAreNotPlannedByDefault(seed: Int) {
        let doc = PlanPropertyTests.generated(seed: UInt64(seed), tasks: 300)
        let plan = Plan(doc)
        let open = doc.tasks.filter { !$0.status.isFinished }.map(\.id)
        #expect((0..<Int32(plan.graph.taskNodeCount)).map { plan.task(ofNode: $0).id } == open)
        #expect(plan.schedule.waves.joined().count == open.count)
        let all = Plan(doc, options: PlanOptions(remaining: false))
        #expect(all.graph.taskNodeCount == doc.tasks.count)
    }

    static func generated(seed: UInt64, tasks: Int) -> SpecDocument {
        SpecParser.parse(SpecGenerator.generate(GeneratorOptions(tasks: tasks, seed: seed)), path: "g.md")
    }

    @Test func plantedCycleIsReportedAndThePlanIsStillMade() throws {
        let doc = SpecParser.parse(
            SpecGenerator.generate(GeneratorOptions(tasks: 200, seed: 4, plantCycle: true)), path: "g.md")
        let plan = Plan(doc)
        #expect(plan.schedule.waves.reduce(0) { $0 + $1.count } == plan.graph.taskNodeCount)
        let cycle = try #require(plan.cycles.first)
        #expect(cycle.edges.allSatisfy { $0.kind.isWritten })
        #expect(!cycle.removed.isEmpty)
        #expect(cycle.removed.allSatisfy { $0.graphEdge == nil })
        #expect(plan.diagnostics.contains { $0.code == .cycle && $0.severity == .error })
    }
}

/// Predecessor sets of task nodes through any chain, milestones walked through.
enum PlanClosure {
    static func taskPredecessors(_ plan: Plan) -> [Set<Int32>] { taskPredecessors(plan.graph) }

    static func taskPredecessors(_ graph: ScheduleGraph) -> [Set<Int32>] {
        let g = graph.graph
        guard let order = g.anyTopologicalOrder() else { return [] }
        var reach = [Set<Int32>](repeating: [], count: g.nodeCount)
        for v in order {
            var set = Set<Int32>()
            for e in g.incoming(v) {
                let a = g.edgeSources[Int(e)]
                set.formUnion(reach[Int(a)])
                if !graph.isMilestone(a) { set.insert(a) }
            }
            reach[Int(v)] = set
        }
        return Array(reach[0..<graph.taskNodeCount])
    }
}
