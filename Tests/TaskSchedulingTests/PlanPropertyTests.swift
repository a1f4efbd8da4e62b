import SpecKitGenerator
import SpecKitTasks
import Testing
@testable import TaskScheduling

/// DESIGN.md §2 written out the slow, obvious way: every rule as direct
/// task-to-task edges (all-to-all, no milestones), then waves and CPM by
/// fixpoint. The real planner must agree with it on every generated spec.
struct ReferencePlanner {
    let document: SpecDocument
    let options: PlanOptions
    var planned: [Int] = []
    var predecessors: [Int: Set<Int>] = [:]

    init(_ document: SpecDocument, _ options: PlanOptions) {
        self.document = document
        self.options = options
        planned = document.tasks.indices.filter { !(options.remaining && document.tasks[$0].status.isFinished) }
        for t in planned { predecessors[t] = [] }
        build()
    }

    mutating func add(_ a: Int, _ b: Int) {
        if a != b { predecessors[b]!.insert(a) }
    }

    mutating func build() {
        let tasks = document.tasks
        let phaseTasks = document.phases.indices.map { p in planned.filter { Int(tasks[$0].phase) == p } }
        // Rule 1: stages.
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
        for s in stages.indices.dropFirst() {
            for a in stages[s - 1].flatMap({ phaseTasks[$0] }) { for b in stages[s].flatMap({ phaseTasks[$0] }) { add(a, b) } }
        }
        // Rule 2: groups.
        if options.withinPhase == .ordered {
            for p in phaseTasks.indices {
                var groups: [[Int]] = []
                for t in phaseTasks[p] {
                    if let last = groups.last?.last, tasks[t].parallel, tasks[last].parallel,
                        tasks[t].segment == tasks[last].segment
                    {
                        groups[groups.count - 1].append(t)
                    } else {
                        groups.append([t])
                    }
                }
                for g in groups.indices.dropFirst() { for a in groups[g - 1] { for b in groups[g] { add(a, b) } } }
            }
        }
        // Rule 3: written and phase-level dependencies.
        for d in document.dependencies where predecessors[Int(d.successor)] != nil && predecessors[Int(d.predecessor)] != nil {
            add(Int(d.predecessor), Int(d.successor))
        }
        for d in document.phaseDependencies where d.predecessor != d.successor {
            for a in phaseTasks[Int(d.predecessor)] { for b in phaseTasks[Int(d.successor)] { add(a, b) } }
        }
        // Rule 4: files, in the order of Kahn's algorithm taking the first task in the document.
        guard options.files == .serialize, let order = kahnOrder() else { return }
        var last: [String: Int] = [:]
        for t in order {
            for f in tasks[t].files where !f.hasSuffix("/") {
                if let p = last[f] { add(p, t) }
                last[f] = t
            }
        }
    }

    func kahnOrder() -> [Int]? {
        var remaining = predecessors.mapValues(\.count)
        var successors: [Int: [Int]] = [:]
        for (b, ps) in predecessors { for a in ps { successors[a, default: []].append(b) } }
        var ready = Set(planned.filter { remaining[$0] == 0 })
        var order: [Int] = []
        while let t = ready.min() {
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

    /// Waves and earliest starts by the definitions, in a topological order.
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
}

@Suite struct PlanPropertyTests {
    static let optionSets: [PlanOptions] = [
        PlanOptions(),
        PlanOptions(withinPhase: .explicit),
        PlanOptions(stories: .priority),
        PlanOptions(files: .ignore),
        PlanOptions(defaultDuration: 2.5, remaining: true),
    ]

    static func document(seed: UInt64, tasks: Int = 120) -> SpecDocument {
        SpecParser.parse(SpecGenerator.generate(GeneratorOptions(tasks: tasks, seed: seed)), path: "g.md")
    }

    @Test(arguments: 1...12, 0..<optionSets.count)
    func agreesWithTheReferencePlanner(seed: Int, optionIndex: Int) throws {
        let doc = Self.document(seed: UInt64(seed))
        let options = Self.optionSets[optionIndex]
        let plan = Plan(doc, options: options)
        let reference = ReferencePlanner(doc, options)
        let expected = try #require(reference.figures())
        let schedule = try #require(plan.schedule)
        #expect(abs(schedule.length - expected.length) < 1e-9)
        for t in reference.planned {
            let v = plan.graph.nodeOfTask[t]
            #expect(v >= 0)
            #expect(Int(schedule.waveOfNode[Int(v)]) == expected.wave[t], "wave of \(doc.tasks[t].id)")
            #expect(abs(schedule.times.earliestStart[Int(v)] - expected.es[t]!) < 1e-9, "ES of \(doc.tasks[t].id)")
            #expect(abs(schedule.times.latestStart[Int(v)] - expected.ls[t]!) < 1e-9, "LS of \(doc.tasks[t].id)")
        }
        #expect(plan.graph.taskNodeCount == reference.planned.count)
    }

    @Test(arguments: 1...10)
    func scheduleInvariantsHold(seed: Int) throws {
        let doc = Self.document(seed: UInt64(seed), tasks: 400)
        let plan = Plan(doc)
        let schedule = try #require(plan.schedule)
        let g = plan.graph.graph
        let t = schedule.times
        for e in 0..<g.edgeCount {
            let a = Int(g.edgeSources[e]), b = Int(g.edgeTargets[e])
            // Every edge goes forward in waves (milestones carry the wave before them).
            if !plan.graph.isMilestone(Int32(b)) {
                #expect(schedule.waveOfNode[a] < schedule.waveOfNode[b])
            }
            #expect(t.earliestStart[b] >= t.earliestFinish[a] - 1e-9)
        }
        for v in 0..<plan.graph.nodeCount { #expect(t.slack(Int32(v)) >= -1e-9) }
        // The critical path is tight and spans 0 to the project length.
        let path = schedule.criticalPath
        let first = try #require(path.first), last = try #require(path.last)
        #expect(t.earliestStart[Int(first)] == 0)
        #expect(abs(t.earliestFinish[Int(last)] - schedule.length) < 1e-9)
        for (a, b) in zip(path, path.dropFirst()) {
            #expect(abs(t.earliestStart[Int(b)] - t.earliestFinish[Int(a)]) < 1e-9)
            #expect(schedule.isCritical(a) && schedule.isCritical(b))
        }
        // Tasks that share a file never overlap.
        var users: [String: [Int32]] = [:]
        for v in 0..<Int32(plan.graph.taskNodeCount) {
            for f in plan.task(ofNode: v).files where !f.hasSuffix("/") { users[f, default: []].append(v) }
        }
        for (_, nodes) in users where nodes.count > 1 {
            let spans = nodes.map { (t.earliestStart[Int($0)], t.earliestFinish[Int($0)]) }.sorted { $0.0 < $1.0 }
            for (x, y) in zip(spans, spans.dropFirst()) { #expect(y.0 >= x.1 - 1e-9) }
        }
    }

    @Test(arguments: 1...5)
    func remainingPlansOnlyOpenTasks(seed: Int) {
        let doc = Self.document(seed: UInt64(seed), tasks: 300)
        let plan = Plan(doc, options: PlanOptions(remaining: true))
        let open = doc.tasks.filter { !$0.status.isFinished }.map(\.id)
        #expect((0..<Int32(plan.graph.taskNodeCount)).map { plan.task(ofNode: $0).id } == open)
        #expect(plan.schedule?.waves.joined().count == open.count)
    }

    @Test func plantedCycleIsFoundWithItsEdges() throws {
        let doc = SpecParser.parse(
            SpecGenerator.generate(GeneratorOptions(tasks: 200, seed: 4, plantCycle: true)), path: "g.md")
        let plan = Plan(doc)
        #expect(plan.schedule == nil)
        let cycle = try #require(plan.cycles.first)
        #expect(cycle.edges.contains { plan.graph.edgeKinds[Int($0)] == .explicit })
        #expect(!cycle.suggestedRemovals.isEmpty)
        #expect(plan.diagnostics.contains { $0.code == .cycle && $0.severity == .error })
    }
}
