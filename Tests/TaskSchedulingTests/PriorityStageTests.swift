import SpecKitGenerator
import SpecKitTasks
import Testing
@testable import TaskScheduling

/// `--stories priority` makes one stage per story phase; tasks named in
/// statements about several phases must still get their phase edges through
/// milestones, not one edge per earlier task.
@Suite struct PriorityStageTests {
    /// A generated spec with many story phases, and statements that put
    /// every story phase side by side (as `all user stories can start in
    /// parallel` does) and pair each story phase with the next.
    static func manyStories(tasks: Int, stories: Int, seed: UInt64) -> SpecDocument {
        var doc = SpecParser.parse(
            SpecGenerator.generate(GeneratorOptions(tasks: tasks, seed: seed, stories: stories)), path: "g.md")
        let at = SourceLocation(line: 1, column: 1)
        let storyPhases = doc.phases.indices.filter { doc.phases[$0].kind == .story }.map(Int32.init)
        doc.parallelStatements.append(ParallelStatement(phases: storyPhases, location: at))
        doc.parallelStatements.append(ParallelStatement(phases: storyPhases, location: at))
        for (p, q) in zip(storyPhases, storyPhases.dropFirst()) {
            doc.parallelStatements.append(ParallelStatement(phases: [p, q], location: at))
        }
        return doc
    }

    @Test(arguments: [PlanOptions(stories: .priority), PlanOptions(withinPhase: .ordered, stories: .priority)])
    func edgesStayLinearWithManyPriorityStages(options: PlanOptions) {
        // Every story task is named in several statements: checked pair by
        // pair, its earlier story tasks were some 25 million checks, past the
        // builder's budget, after which every pair got an edge.
        let doc = Self.manyStories(tasks: 8_000, stories: 200, seed: 3)
        let plan = Plan(doc, options: options)
        #expect(plan.graph.taskNodeCount > 6_000)
        #expect(plan.graph.graph.edgeCount < 8 * plan.graph.taskNodeCount)
    }

    /// Story phases paired with the phase `gap` after them (`Phase 3 and
    /// Phase 6 can run in parallel`), and one early task paired with the last
    /// story phase: under `--stories priority` a task of the later phase is
    /// kept apart from some, not all, of the many tasks of the stages in
    /// between, so its phase edges go through the exclusion classes, which
    /// are made only then, part way through π.
    static func pairedStories(tasks: Int, stories: Int, gap: Int, seed: UInt64) -> SpecDocument {
        var doc = SpecParser.parse(
            SpecGenerator.generate(GeneratorOptions(tasks: tasks, seed: seed, stories: stories)), path: "g.md")
        let at = SourceLocation(line: 1, column: 1)
        let storyPhases = doc.phases.indices.filter { doc.phases[$0].kind == .story }.map(Int32.init)
        // Not the generated `all user stories can start in parallel`, which
        // keeps every story task from all the others (no class is needed then).
        doc.parallelStatements.removeAll()
        for (p, q) in zip(storyPhases, storyPhases.dropFirst(gap)) {
            doc.parallelStatements.append(ParallelStatement(phases: [p, q], location: at))
        }
        if let first = doc.tasks.indices.first(where: { doc.tasks[$0].phase == storyPhases.first }),
            let last = storyPhases.last
        {
            doc.parallelStatements.append(ParallelStatement(tasks: [Int32(first)], phases: [last], location: at))
        }
        return doc
    }

    @Test(arguments: 1...3)
    func classesMadeOnFirstUseAgreeWithTheReferencePlanner(seed: Int) throws {
        let doc = Self.pairedStories(tasks: 480, stories: 12, gap: 3, seed: UInt64(seed))
        for options in [PlanOptions(stories: .priority), PlanOptions(withinPhase: .ordered, stories: .priority)] {
            try PlanPropertyTests.check(doc, options)
            // Through the classes, not one edge per earlier task of the stages in between.
            let plan = Plan(doc, options: options)
            #expect(plan.graph.graph.edgeCount < 10 * plan.graph.taskNodeCount)
        }
    }

    /// The milestones a class prefix makes are a stage's end like those of
    /// the stage prefix: one name per stage and, on their `phase` edges, the
    /// heading line of the next stage's first phase (docs/semantics.md).
    @Test(arguments: 1...3)
    func classMilestonesAreNamedAndLinedAsTheirStagesEnd(seed: Int) throws {
        let doc = Self.pairedStories(tasks: 480, stories: 12, gap: 3, seed: UInt64(seed))
        let graph = ScheduleGraph.build(doc, options: PlanOptions(stories: .priority)).graph
        let g = graph.graph
        var linesOfStageEnd: [Substring: Set<Int32>] = [:]
        var versions: [Substring: Int] = [:]
        for e in 0..<g.edgeCount where graph.edgeKinds[e] == .phase && graph.isMilestone(g.edgeTargets[e]) {
            let name = graph.milestoneNames[Int(g.edgeTargets[e]) - graph.taskNodeCount]
            guard name.hasPrefix("@end-phase") else { continue }
            let base = name.split(separator: "#")[0]
            linesOfStageEnd[base, default: []].insert(graph.edgeLines[e])
        }
        for name in graph.milestoneNames where name.hasPrefix("@end-phase") { versions[name.split(separator: "#")[0], default: 0] += 1 }
        // Some stage has several versions, made by both prefixes.
        #expect(versions.values.contains { $0 > 2 })
        for (base, lines) in linesOfStageEnd { #expect(lines.count == 1, "\(base): \(lines.sorted())") }
    }

    @Test(arguments: 1...6)
    func agreesWithTheReferencePlannerUnderPriority(seed: Int) throws {
        let doc = Self.manyStories(tasks: 240, stories: 24, seed: UInt64(seed))
        // A statement joining one task of an early story to a later story phase.
        var withTask = doc
        if let t = withTask.tasks.indices.first(where: { withTask.phases[Int(withTask.tasks[$0].phase)].kind == .story }) {
            let last = Int32(withTask.phases.lastIndex { $0.kind == .story } ?? 0)
            withTask.parallelStatements.append(
                ParallelStatement(tasks: [Int32(t)], phases: [last], location: SourceLocation(line: 1, column: 1)))
        }
        for options in [
            PlanOptions(stories: .priority), PlanOptions(withinPhase: .ordered, stories: .priority),
            PlanOptions(stories: .priority, remaining: false), PlanOptions(),
        ] {
            try PlanPropertyTests.check(doc, options)
            try PlanPropertyTests.check(withTask, options)
        }
    }

    /// Past the budget of exclusion checks (adversarial inputs: a 50 000-task
    /// spec with many pairwise phase statements asked for billions of edges),
    /// a task follows every earlier task of its phase and stages through one
    /// node: the plan is more serial than the statements allow, never less
    /// than without them, its edges stay linear, and a warning says so.
    @Test(arguments: 1...3)
    func pastTheCheckBudgetTasksFollowEveryEarlierTaskThroughOneNode(seed: Int) throws {
        // Three [P] setup tasks, and the first of them beside a build task:
        // checked, T004 follows T002 and T003 only; past the budget, all three.
        let written = SpecParser.parse(
            Array(
                """
                ## Phase 1: Setup
                - [ ] T001 [P] Create the schema in db/schema.sql
                - [ ] T002 [P] Create the seed data in db/seed.sql
                - [ ] T003 [P] Create the config in config/app.toml
                ## Phase 2: Build
                - [ ] T004 Build the importer in src/importer.py
                - [ ] T005 Build the exporter in src/exporter.py
                ## Dependencies
                - T001 and T004 can run in parallel
                """.utf8), path: "tasks.md")
        let docs = [
            written,
            Self.pairedStories(tasks: 480, stories: 12, gap: 3, seed: UInt64(seed)),
            Self.manyStories(tasks: 240, stories: 24, seed: UInt64(seed)),
        ]
        var changed = 0
        for doc in docs {
            var plain = doc
            plain.parallelStatements.removeAll()
            for options in [PlanOptions(stories: .priority), PlanOptions(withinPhase: .ordered, stories: .priority), PlanOptions()] {
                let checked = ScheduleGraph.build(doc, options: options)
                let past = ScheduleGraph.build(doc, options: options, scanBudget: 0)
                let none = ScheduleGraph.build(plain, options: options)
                #expect(!checked.diagnostics.contains { $0.message.contains("too many pairs") })
                #expect(past.graph.graph.edgeCount < 10 * past.graph.taskNodeCount)
                let (a, b, c) = (
                    PlanClosure.taskPredecessors(checked.graph), PlanClosure.taskPredecessors(past.graph),
                    PlanClosure.taskPredecessors(none.graph)
                )
                try #require(a.count == b.count && b.count == c.count && !b.isEmpty)
                #expect(a.indices.allSatisfy { a[$0].isSubset(of: b[$0]) && b[$0].isSubset(of: c[$0]) })
                let warning = past.diagnostics.first { $0.message.contains("too many pairs") }
                if a != b {
                    // Some statement is no longer honoured, and the plan says so.
                    changed += 1
                    #expect(warning?.code == .parallelWithDependency && warning?.severity == .warning)
                    #expect(warning?.message.contains("(more than 0 checks)") == true)
                }
            }
        }
        #expect(changed > 0)
    }
}
