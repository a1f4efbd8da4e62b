import SpecGraphTestSupport
import SpecKitTasks
import Testing
@testable import TaskScheduling

/// docs/semantics.md, "Files": under `--files exclusive` (the default) two tasks that
/// write one file never run at the same time in a team schedule, in either
/// order, and no edge is added for it.
@Suite struct TeamScheduleFileTests {
    /// Written dependencies only, and the given file policy.
    static func options(_ files: FilePolicy, remaining: Bool = false) -> PlanOptions {
        PlanOptions(withinPhase: .explicit, files: files, remaining: remaining)
    }

    // MARK: Known schedules

    /// ```
    ///  T1(2h) writes api.py        1  [T1      ][T2]
    ///  T2(1h) writes api.py        2  [T3]
    ///  T3(1h)
    /// ```
    /// T1 and T2 have no edge, but they write one file: T2 waits for T1 although
    /// person 2 is free at 1h. With `--files ignore` T2 runs beside T1.
    @Test func aTaskWaitsForTheWriterOfItsFile() throws {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.work("T1", hours: 2, files: ["src/api.py"]); b.work("T2", files: ["src/api.py"]); b.work("T3")
        let plan = Plan(b.doc, options: Self.options(.exclusive))
        #expect(plan.edgeList().isEmpty)
        let s = TeamSchedule(plan: plan, team: Team(size: 2))
        #expect(s.laneText(plan) == ["T1@0-2 T2@2-3", "T3@0-1"])
        #expect(s.makespan == 3)
        // The bounds do not see files.
        #expect(s.lowerBound == 2)

        let ignoring = Plan(b.doc, options: Self.options(.ignore))
        let free = TeamSchedule(plan: ignoring, team: Team(size: 2))
        #expect(free.laneText(ignoring) == ["T1@0-2", "T2@0-1 T3@1-2"])
    }

    /// Two tasks with no edge that write one file, beside three tasks that write
    /// nothing: whatever the team size and whichever of the two goes first (the
    /// longer one, or the first in the document on a tie), they never overlap.
    @Test(arguments: 1...8, [(1.0, 1.0), (2, 1), (1, 2), (3, 0.5)])
    func writersOfOneFileNeverOverlap(size: Int, hours: (a: Double, b: Double)) throws {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.work("T1")
        b.work("T2", hours: hours.a, files: ["src/shared.swift", "docs/"])
        b.work("T3", hours: 0.5)
        b.work("T4", hours: hours.b, files: ["./docs/", "src/shared.swift"])
        b.work("T5", hours: 2)
        let plan = Plan(b.doc, options: Self.options(.exclusive))
        let s = TeamSchedule(plan: plan, team: Team(size: size))
        let a = try #require(plan.node(forID: "T2")), c = try #require(plan.node(forID: "T4"))
        let (first, second) = s.start[Int(a)] <= s.start[Int(c)] ? (a, c) : (c, a)
        #expect(s.finish[Int(first)] <= s.start[Int(second)] + 1e-9)
        #expect(first == (hours.b > hours.a ? c : a))
        #expect(s.makespan >= hours.a + hours.b)
    }

    /// Directories (paths ending in `/`) never conflict.
    @Test func directoriesDoNotKeepTasksApart() throws {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.work("T1", files: ["src/models/"]); b.work("T2", files: ["src/models/"])
        let plan = Plan(b.doc, options: Self.options(.exclusive))
        #expect(ExclusiveFiles(plan: plan).count == 0)
        #expect(TeamSchedule(plan: plan, team: Team(size: 2)).makespan == 1)
    }

    /// Only `exclusive` keeps writers apart in the scheduler; `serialize` does it
    /// with `file` edges, `ignore` not at all.
    @Test func onlyTheExclusivePolicyTracksFiles() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.work("T1", files: ["a.swift"]); b.work("T2", files: ["a.swift", "b.swift"]); b.work("T3", files: ["b.swift"])
        let files = ExclusiveFiles(plan: Plan(b.doc, options: Self.options(.exclusive)))
        #expect(files.count == 2)
        #expect((0..<3).map { Array(files.files(ofNode: Int32($0))) } == [[0], [0, 1], [1]])
        #expect(ExclusiveFiles(plan: Plan(b.doc, options: Self.options(.serialize))).count == 0)
        #expect(ExclusiveFiles(plan: Plan(b.doc, options: Self.options(.ignore))).count == 0)
    }

    /// A pinned task waits for the file like any other, and keeps its owner;
    /// work in progress goes first but still not beside another writer.
    /// ```
    ///  T1(1h) [/] @bo  writes db.sql     ann  [T3][T2 ]
    ///  T2(1h)      @ann writes db.sql     bo   [T1 ]
    ///  T3(1h)
    /// ```
    @Test func ownersAndWorkInProgressWaitForTheFileToo() throws {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.work("T1", owner: "bo", status: .inProgress, files: ["db.sql"])
        b.work("T2", owner: "ann", files: ["db.sql"])
        b.work("T3")
        let plan = Plan(b.doc, options: Self.options(.exclusive, remaining: true))
        let s = TeamSchedule(plan: plan, team: try Team.parse("ann,bo"))
        #expect(s.laneText(plan) == ["T3@0-1 T2@1-2", "T1@0-1"])
    }

    /// Three tasks that all write README.md take three hours whatever the team.
    @Test func sweepAndForecastSeeFiles() throws {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        for i in 1...3 {
            b.work("T\(i)", estimate: Estimate(optimistic: 0.5, likely: 1, pessimistic: 1.5), files: ["README.md"])
        }
        let plan = Plan(b.doc, options: Self.options(.exclusive))
        #expect(TeamSweep(plan: plan, sizes: 1...3).rows.map(\.makespan) == [3, 3, 3])
        let forecast = MonteCarloForecast(plan: plan, runs: 200, seed: 1, team: Team(size: 3))
        #expect(forecast.plannedLength == 3)
        // Each run is the sum of three draws, each at least half an hour.
        #expect(forecast.minimum >= 1.5)
        #expect(forecast.p50 > 2)

        let ignoring = Plan(b.doc, options: Self.options(.ignore))
        #expect(TeamSweep(plan: ignoring, sizes: 1...3).rows.map(\.makespan) == [3, 2, 1])
        #expect(MonteCarloForecast(plan: ignoring, runs: 200, seed: 1, team: Team(size: 3)).plannedLength == 1)
    }

    // MARK: Properties over generated specs

    /// Random specs with many shared files (some tasks write several, some name
    /// a directory), owners and work in progress, every team size and the
    /// story tolerances: every planned task once, every edge honoured, and no
    /// two tasks that write one file at work at the same time.
    @Test(arguments: 1...40)
    func noTwoWritersOfOneFileOverlap(seed: Int) throws {
        var random = RandomSpec(seed: UInt64(seed) &+ 5000)
        let withOwners = seed % 3 == 0
        var doc = random.document(tasks: random.int(1...150), owners: withOwners ? ["ann", "bo"] : [])
        for t in doc.tasks.indices {
            if random.chance(0.5) {
                doc.tasks[t].files = FileList((0..<random.int(1...3)).map { _ in
                    random.chance(0.1) ? "src/dir\(random.int(1...2))/" : "src/f\(random.int(1...6)).swift"
                })
            }
            if random.chance(0.05) { doc.tasks[t].status = .inProgress }
        }
        let plan = Plan(doc, options: PlanOptions(withinPhase: seed % 2 == 0 ? .ordered : .explicit))
        let schedule = plan.schedule
        for size in 1...8 {
            let team = withOwners ? Team(names: ["ann", "bo"] + (2..<max(size, 2)).map { "p\($0)" }) : Team(size: size)
            let s = TeamSchedule(plan: plan, team: team)
            Self.expectValid(plan, order: schedule.order, start: s.start, finish: s.finish, lanes: s.lanes)
        }
        // The engine alone, as the Monte Carlo runs it: other durations than
        // planned, and each story tolerance.
        let team = Team(size: 3)
        let inputs = TeamInputs(plan: plan, team: team)
        let priority = ListScheduler.priorities(graph: plan.graph, order: schedule.order, firstNodes: inputs.resume)
        for tolerance in [0.0, 0.5, 0.03] {
            let durations = plan.graph.durations.map { $0 * (0.25 + 2 * random.rng.nextUnit()) }
            var engine = ListScheduler(
                graph: plan.graph, priority: priority, teamSize: team.size, groupOfNode: inputs.groups.groupOfNode,
                groupCount: inputs.groups.count, ownerOfNode: inputs.owners, durations: durations, files: inputs.files,
                storyTolerance: tolerance)
            engine.run()
            Self.expectValid(
                plan, order: schedule.order, start: engine.start, finish: engine.finish, lanes: engine.lanes,
                durations: durations)
        }
    }

    /// Specs written by the generator and read by the parser, as a user's would be.
    @Test(arguments: 1...4)
    func generatedSpecsKeepWritersApart(seed: Int) throws {
        let plan = Plan(PlanPropertyTests.generated(seed: UInt64(seed), tasks: 300))
        let schedule = plan.schedule
        #expect(ExclusiveFiles(plan: plan).count > 0)
        for size in [2, 3, 5, 8] {
            let s = TeamSchedule(plan: plan, team: Team(size: size))
            Self.expectValid(plan, order: schedule.order, start: s.start, finish: s.finish, lanes: s.lanes)
        }
    }

    /// Checks a schedule from first principles (the document's own file lists,
    /// not ``ExclusiveFiles``).
    static func expectValid(
        _ plan: Plan, order: [Int32], start: [Double], finish: [Double], lanes: [[Int32]], durations: [Double]? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let eps = 1e-9
        let tasks = plan.graph.taskNodeCount
        // Every planned task exactly once.
        let assigned = lanes.joined().map { Int($0) }
        #expect(assigned.count == tasks, sourceLocation: sourceLocation)
        #expect(Set(assigned) == Set(0..<tasks), sourceLocation: sourceLocation)
        // Every edge honoured, seen through milestones.
        let g = plan.graph.graph
        var doneAt = [Double](repeating: 0, count: plan.graph.nodeCount)
        for v in order {
            var ready = 0.0
            for e in g.incoming(v) { ready = max(ready, doneAt[Int(g.edgeSources[Int(e)])]) }
            if plan.graph.isMilestone(v) {
                doneAt[Int(v)] = ready
            } else {
                #expect(start[Int(v)] >= ready - eps, "\(plan.name(of: v)) starts too early", sourceLocation: sourceLocation)
                let d = (durations ?? plan.graph.durations)[Int(v)]
                #expect(abs(finish[Int(v)] - start[Int(v)] - d) < eps, sourceLocation: sourceLocation)
                doneAt[Int(v)] = finish[Int(v)]
            }
        }
        // No two writers of one file at work at once.
        var writers: [String: [Int]] = [:]
        for v in 0..<tasks {
            for f in Set(plan.task(ofNode: Int32(v)).files) where !f.hasSuffix("/") { writers[f, default: []].append(v) }
        }
        for (file, nodes) in writers where nodes.count > 1 {
            let spans = nodes.sorted { (start[$0], finish[$0]) < (start[$1], finish[$1]) }
            for (x, y) in zip(spans, spans.dropFirst()) {
                #expect(
                    start[y] >= finish[x] - eps,
                    "\(plan.name(of: Int32(x))) and \(plan.name(of: Int32(y))) both write \(file) at \(start[y])",
                    sourceLocation: sourceLocation)
            }
        }
    }
}
