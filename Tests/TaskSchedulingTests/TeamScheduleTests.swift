import SpecGraphTestSupport
import SpecKitTasks
import Testing
@testable import TaskScheduling

/// Only written dependencies, no file rule: the drawn edges are all there is.
private let bare = PlanOptions(withinPhase: .explicit, files: .ignore, remaining: false)

@Suite struct TeamScheduleTests {
    // MARK: Known schedules

    /// ```
    ///  T1(1) ──▶ T2(2) ──▶ T4(1)        1  [T1][T2    ][T4]
    ///    └─────▶ T3(1) ──┘              2      [T3]
    /// ```
    /// The critical path is 4h, so 4h is optimal for any team; T4 stays with
    /// the person who did T2 (no hand-over).
    @Test func forkJoinMeetsTheCriticalPath() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.work("T1"); b.work("T2", hours: 2); b.work("T3"); b.work("T4")
        b.depend("T2", on: "T1"); b.depend("T3", on: "T1"); b.depend("T4", on: "T2"); b.depend("T4", on: "T3")
        let plan = Plan(b.doc, options: bare)
        let s = TeamSchedule(plan: plan, team: Team(size: 2))
        #expect(s.laneText(plan) == ["T1@0-1 T2@1-3 T4@3-4", "T3@1-2"])
        #expect(s.makespan == 4)
        #expect(s.lowerBound == 4)
        #expect(s.gapPercent == 0)
        #expect(s.utilisation == 5.0 / 8.0)
    }

    /// ```
    ///  T1(1)   T2(1)   T3(1) ──▶ T4(3)     1  [T3][T4         ]
    ///                                      2  [T1][T2]
    /// ```
    /// Document order would start T1 and T2 first and finish at 5h; the longest
    /// remaining path starts T3 first and finishes at the optimum, 4h.
    @Test func longestRemainingPathGoesFirst() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.work("T1"); b.work("T2"); b.work("T3"); b.work("T4", hours: 3)
        b.depend("T4", on: "T3")
        let plan = Plan(b.doc, options: bare)
        let s = TeamSchedule(plan: plan, team: Team(size: 2))
        #expect(s.laneText(plan) == ["T3@0-1 T4@1-4", "T1@0-1 T2@1-2"])
        #expect(s.makespan == 4)
        #expect(s.gapPercent == 0)
    }

    /// Five independent tasks 3, 3, 2, 2, 2 on two people. The optimum is 6h
    /// ({3, 3} and {2, 2, 2}); a list schedule finds 7h, inside Graham's bound
    /// work/m + (1 − 1/m)·CP = 6 + 1.5.
    /// ```
    ///  1  [T1      ][T3   ][T5   ]
    ///  2  [T2      ][T4   ]
    /// ```
    @Test func listSchedulingIsNotAlwaysOptimal() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        for (id, h) in [("T1", 3.0), ("T2", 3), ("T3", 2), ("T4", 2), ("T5", 2)] { b.work(id, hours: h) }
        let plan = Plan(b.doc, options: bare)
        let s = TeamSchedule(plan: plan, team: Team(size: 2))
        #expect(s.laneText(plan) == ["T1@0-3 T3@3-5 T5@5-7", "T2@0-3 T4@3-5"])
        #expect(s.makespan == 7)
        #expect(s.lowerBound == 6)
        #expect(s.stageLowerBound == 6)  // no barrier, nothing more to see
        #expect(abs(s.gapPercent - 100.0 / 6) < 1e-9)
    }

    /// The spec-kit template, milestones included: one person does everything
    /// back to back; three people finish at the critical path.
    @Test func templateThroughMilestones() {
        let plan = Plan(ScheduleGraphTests.template().doc)
        let one = TeamSchedule(plan: plan, team: Team(size: 1))
        #expect(one.makespan == 8)
        #expect(one.laneText(plan) == ["T1@0-1 T2@1-2 T3@2-3 T4@3-4 T6@4-5 T5@5-6 T7@6-7 T8@7-8"])
        let two = TeamSchedule(plan: plan, team: Team(size: 2))
        #expect(two.makespan == 6)
        #expect(two.laneText(plan) == ["T1@0-1 T2@1-2 T3@2-3 T4@3-4 T5@4-5 T8@5-6", "T6@3-4 T7@4-5"])
        #expect(two.storySwitches == 3)  // Setup → Foundational → US1 → Polish
        // T1, T2, T3 and T8 are cuts (the edge T1 → T3 jumps over T2 but does
        // not hide it): 4h + max(2h, 4h / m).
        let stages = StageBound(graph: plan.graph, order: plan.schedule.order, times: plan.schedule.times)
        #expect(stages.cutWork == 4)
        #expect(stages.segments.map(\.work) == [4])
        #expect(stages.bound(teamSize: 1) == 8)
        #expect(stages.bound(teamSize: 2) == 6)
        #expect(two.stageLowerBound == 6 && two.stageGapPercent == 0)
    }

    /// A narrow phase before a wide one: four people cannot use the first
    /// phase, so the simple bound max(3h, 12h / 4) = 3h is 1h short.
    /// ```
    ///  Phase 1   T1(2h) T2(2h)          1 [T1    ][T3][T7]
    ///               └──┬──┘             2 [T2    ][T4][T8]
    ///  Phase 2   T3 … T10 (1h each)     3         [T5][T9]
    ///                                   4         [T6][T10]
    /// ```
    @Test func stageBoundSeesANarrowPhase() {
        var b = DocumentBuilder()
        b.phase("Phase 1: Setup")
        b.work("T1", hours: 2); b.work("T2", hours: 2)
        b.phase("Phase 2: Build")
        for i in 3...10 { b.work("T\(i)") }
        let plan = Plan(b.doc)
        let s = TeamSchedule(plan: plan, team: Team(size: 4))
        #expect(s.makespan == 4)
        #expect(s.lowerBound == 3)
        #expect(abs(s.gapPercent - 100.0 / 3) < 1e-9)
        #expect(s.stageLowerBound == 4)
        #expect(s.stageGapPercent == 0)
    }

    // MARK: People

    @Test func ownersPinTheirTasksIgnoringCase() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.work("T1", hours: 2, owner: "Ann"); b.work("T2", owner: "ann"); b.work("T3")
        let plan = Plan(b.doc, options: bare)
        let s = TeamSchedule(plan: plan, team: try! Team.parse("ann,bo"))
        #expect(s.laneText(plan) == ["T1@0-2 T2@2-3", "T3@0-1"])
        #expect(s.pinnedCount == 2)
        #expect(s.unmatchedOwners.isEmpty)
    }

    @Test func ownersNotOnTheTeamPinNothing() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.work("T1", owner: "zed"); b.work("T2", owner: "zed")
        let plan = Plan(b.doc, options: bare)
        let s = TeamSchedule(plan: plan, team: Team(size: 2))
        #expect(s.makespan == 1)
        #expect(s.unmatchedOwners == ["zed"])
        #expect(s.pinnedCount == 0)
    }

    @Test func inProgressTasksStayWithTheirOwnerUnderRemaining() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.work("T1", owner: "ann", status: .done); b.work("T2", owner: "bo", status: .inProgress); b.work("T3")
        let plan = Plan(b.doc, options: PlanOptions(withinPhase: .explicit, files: .ignore, remaining: true))
        let s = TeamSchedule(plan: plan, team: try! Team.parse("ann,bo"))
        #expect(s.laneText(plan) == ["T3@0-1", "T2@0-1"])
    }

    /// Work in progress goes first, even before a task with a longer tail:
    /// ```
    ///  T1(1) [/] @ann      T2(1) ──▶ T3(3)        ann  [T1][T2][T3       ]
    /// ```
    @Test func inProgressWorkGoesFirstUnderRemaining() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.work("T1", owner: "ann", status: .inProgress); b.work("T2"); b.work("T3", hours: 3)
        b.depend("T3", on: "T2")
        let remaining = Plan(b.doc, options: PlanOptions(withinPhase: .explicit, files: .ignore, remaining: true))
        #expect(TeamSchedule(plan: remaining, team: try! Team.parse("ann")).laneText(remaining) == ["T1@0-1 T2@1-2 T3@2-5"])
        let all = Plan(b.doc, options: PlanOptions(withinPhase: .explicit, files: .ignore, remaining: false))
        #expect(TeamSchedule(plan: all, team: try! Team.parse("ann")).laneText(all) == ["T2@0-1 T3@1-4 T1@4-5"])
    }

    /// Four 1h tasks of two stories, two people. At 1h both are free; each
    /// continues their own story instead of the lowest-numbered person taking
    /// the first task.
    /// ```
    ///  1  [T1 US2][T4 US2]
    ///  2  [T2 US1][T3 US1]
    /// ```
    @Test func peopleStayOnTheirStory() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.work("T1", stories: ["US2"]); b.work("T2", stories: ["US1"])
        b.work("T3", stories: ["US1"]); b.work("T4", stories: ["US2"])
        let plan = Plan(b.doc, options: bare)
        let s = TeamSchedule(plan: plan, team: Team(size: 2))
        #expect(s.laneText(plan) == ["T1@0-1 T4@1-2", "T2@0-1 T3@1-2"])
        #expect(s.storySwitches == 0)
    }

    @Test func emptyPlanAndCycle() {
        let empty = TeamSchedule(plan: Plan(SpecDocument(path: "e.md", phases: [Phase(index: 0, title: "", line: 0)])), team: Team(size: 3))
        #expect(empty.makespan == 0)
        #expect(empty.gapPercent == 0)
        #expect(empty.utilisation == 1)

        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1"); b.task("T2")
        b.depend("T1", on: "T2"); b.depend("T2", on: "T1")
        // A written cycle is reported; the team schedule is that of the plan made without it.
        let cyclic = Plan(b.doc)
        #expect(cyclic.cycles.count == 1)
        #expect(TeamSchedule(plan: cyclic, team: Team(size: 2)).makespan == 2)
    }

    // MARK: Parsing

    @Test(arguments: [
        ("3", ["1", "2", "3"]), ("ann,bo,cy", ["ann", "bo", "cy"]), (" ann , @bo ", ["ann", "bo"]), ("1", ["1"]),
    ])
    func teamParses(_ text: String, _ names: [String]) throws {
        #expect(try Team.parse(text).names == names)
    }

    @Test(arguments: ["0", "", "ann,,bo", "ann,ANN", "1001", ","])
    func badTeamsAreRejected(_ text: String) {
        #expect(throws: TeamSpecError.self) { try Team.parse(text) }
    }

    @Test(arguments: [("1..8", 1...8), ("2-6", 2...6), ("8", 1...8), ("1...3", 1...3), (" 4..4 ", 4...4)])
    func sweepRangesParse(_ text: String, _ range: ClosedRange<Int>) throws {
        #expect(try TeamSweep.parseSizes(text) == range)
    }

    @Test(arguments: ["0..3", "5..2", "x", "1..", "..4", "-3"])
    func badSweepRangesAreRejected(_ text: String) {
        #expect(throws: TeamSpecError.self) { try TeamSweep.parseSizes(text) }
    }

    // MARK: Sweep

    @Test func sweepFindsWhereAnotherPersonStopsPaying() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        for i in 1...8 { b.work("T\(i)") }
        let sweep = TeamSweep(plan: Plan(b.doc, options: bare), sizes: 1...8)
        #expect(sweep.rows.map(\.makespan) == [8, 4, 3, 2, 2, 2, 2, 1])
        #expect(sweep.rows[3].speedup == 4)
        #expect(sweep.rows[0].utilisation == 1)
        #expect(sweep.saturationSize == 4)

        var chain = DocumentBuilder()
        chain.phase("Phase 1")
        for i in 1...4 { chain.task("T\(i)") }
        let flat = TeamSweep(plan: Plan(chain.doc), sizes: 1...3)
        #expect(flat.rows.map(\.makespan) == [4, 4, 4])
        #expect(flat.saturationSize == 1)
    }

    // MARK: Properties over generated specs

    @Test(arguments: 1...50)
    func listScheduleInvariants(seed: Int) {
        var random = RandomSpec(seed: UInt64(seed))
        let n = random.int(1...160)
        let withOwners = seed % 3 == 0
        let doc = random.document(tasks: n, owners: withOwners ? ["ann", "bo"] : [])
        let options = PlanOptions(
            withinPhase: seed % 2 == 0 ? .ordered : .explicit, stories: seed % 5 == 0 ? .priority : .parallel,
            files: seed % 4 == 1 ? .exclusive : .ignore)
        let plan = Plan(doc, options: options)
        let schedule = plan.schedule
        let eps = 1e-9
        for size in [1, 2, 3, 5, 8] {
            let team = withOwners ? Team(names: ["ann", "bo"] + (2..<max(size, 2)).map { "p\($0)" }) : Team(size: size)
            let m = team.size
            let s = TeamSchedule(plan: plan, team: team)
            // Every task exactly once, lanes in time order, nobody doing two things at once.
            #expect(s.lanes.reduce(0) { $0 + $1.count } == plan.graph.taskNodeCount)
            for (p, lane) in s.lanes.enumerated() {
                for v in lane { #expect(s.personOfNode[Int(v)] == Int32(p)) }
                for (a, b) in zip(lane, lane.dropFirst()) { #expect(s.finish[Int(a)] <= s.start[Int(b)] + eps) }
            }
            // No task starts before its predecessors (seen through milestones) finish.
            var doneAt = [Double](repeating: 0, count: plan.graph.nodeCount)
            let g = plan.graph.graph
            for v in schedule.order {
                var ready = 0.0
                for e in g.incoming(v) { ready = max(ready, doneAt[Int(g.edgeSources[Int(e)])]) }
                if plan.graph.isMilestone(v) {
                    doneAt[Int(v)] = ready
                } else {
                    #expect(s.start[Int(v)] >= ready - eps)
                    #expect(abs(s.finish[Int(v)] - s.start[Int(v)] - plan.graph.durations[Int(v)]) < eps)
                    doneAt[Int(v)] = s.finish[Int(v)]
                }
            }
            // Owners keep their tasks.
            for v in 0..<Int32(plan.graph.taskNodeCount) {
                if let owner = plan.task(ofNode: v).owner, let p = team.person(named: owner) {
                    #expect(s.personOfNode[Int(v)] == p)
                }
            }
            #expect(s.makespan >= s.lowerBound - eps)
            #expect(s.stageLowerBound >= s.lowerBound - eps)
            #expect(s.makespan >= s.stageLowerBound - eps)
            #expect(s.makespan <= s.totalWork + eps)
            #expect(s.utilisation <= 1 + eps)
            if !withOwners && ExclusiveFiles(plan: plan).count == 0 {
                // Graham: a list schedule never idles while work is ready, so
                // makespan ≤ work/m + (1 − 1/m)·CP ≤ (2 − 1/m)·lower bound.
                // (A task waiting for a file is not ready: files void the bound.)
                let graham = s.totalWork / Double(m) + (1 - 1 / Double(m)) * s.criticalPathLength
                #expect(s.makespan <= graham + eps)
                #expect(s.makespan <= (2 - 1 / Double(m)) * s.lowerBound + eps)
                if m == 1 { #expect(abs(s.makespan - s.totalWork) < eps) }
            }
        }
    }

    /// Staying on one's story is kept only where it costs nothing: never a
    /// longer schedule than strict priority order, never more story switches,
    /// and over these specs clearly fewer.
    @Test func storyAffinityCostsNothing() throws {
        var strictSwitches = 0
        var keptSwitches = 0
        for seed in 1...6 {
            let plan = Plan(PlanPropertyTests.generated(seed: UInt64(seed), tasks: 400))
            let schedule = plan.schedule
            for size in [2, 4] {
                let team = Team(size: size)
                let inputs = TeamInputs(plan: plan, team: team)
                var strict = ListScheduler(
                    graph: plan.graph,
                    priority: ListScheduler.priorities(graph: plan.graph, order: schedule.order, firstNodes: inputs.resume),
                    teamSize: size, groupOfNode: inputs.groups.groupOfNode, groupCount: inputs.groups.count,
                    ownerOfNode: inputs.owners, files: inputs.files)
                strict.run()
                let kept = TeamSchedule(plan: plan, team: team)
                #expect(kept.makespan <= strict.makespan + 1e-9)
                #expect(kept.storySwitches <= strict.storySwitches)
                strictSwitches += strict.storySwitches
                keptSwitches += kept.storySwitches
            }
        }
        #expect(keptSwitches * 2 < strictSwitches)
    }

    /// The linear cut test agrees with brute force: a cut is comparable with every node.
    @Test(arguments: 1...25)
    func cutsAreExactlyTheNodesComparableWithAll(seed: Int) {
        var random = RandomSpec(seed: UInt64(seed) &+ 1000)
        let plan = Plan(random.document(tasks: random.int(1...60)))
        let schedule = plan.schedule
        let g = plan.graph.graph
        let n = g.nodeCount
        func reach(_ start: Int32, forward: Bool) -> Set<Int32> {
            var seen: Set<Int32> = [start]
            var stack = [start]
            while let v = stack.popLast() {
                for e in forward ? g.outgoing(v) : g.incoming(v) {
                    let w = forward ? g.edgeTargets[Int(e)] : g.edgeSources[Int(e)]
                    if seen.insert(w).inserted { stack.append(w) }
                }
            }
            return seen
        }
        let expected = schedule.order.filter { v in
            reach(v, forward: true).union(reach(v, forward: false)).count == n
        }
        #expect(StageBound(graph: plan.graph, order: schedule.order, times: schedule.times).cuts == expected)
    }

    @Test(arguments: 1...10)
    func schedulesAreDeterministic(seed: Int) {
        var random = RandomSpec(seed: UInt64(seed) &* 7919)
        let doc = random.document(tasks: 120)
        let a = TeamSchedule(plan: Plan(doc), team: Team(size: 4))
        let b = TeamSchedule(plan: Plan(doc), team: Team(size: 4))
        #expect(a.personOfNode == b.personOfNode)
        #expect(a.start == b.start)
    }
}
