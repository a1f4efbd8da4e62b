import SpecGraphTestSupport
import SpecKitTasks
import Testing
@testable import TaskScheduling

@Suite struct ScheduleGraphTests {
    /// The spec-kit template: Setup → Foundational → stories side by side → Polish.
    ///
    /// ```
    ///  Setup      T1 ──▶ T2
    ///                    │
    ///  Found.            T3
    ///               ┌────┴────┐
    ///  US1      T4 ──▶ T5     T6 ──▶ T7   US2   (side by side)
    ///               └────┬────┘
    ///  Polish           T8
    /// ```
    static func template() -> DocumentBuilder {
        var b = DocumentBuilder()
        b.phase("Phase 1: Setup")
        b.task("T1"); b.task("T2")
        b.phase("Phase 2: Foundational")
        b.task("T3")
        b.phase("Phase 3: User Story 1", kind: .story, story: "US1", priority: 2)
        b.task("T4"); b.task("T5")
        b.phase("Phase 4: User Story 2", kind: .story, story: "US2", priority: 1)
        b.task("T6"); b.task("T7")
        b.phase("Phase 5: Polish")
        b.task("T8")
        return b
    }

    @Test func templateStagesRunStoriesSideBySide() {
        let plan = Plan(Self.template().doc)
        #expect(plan.waveIDs() == [["T1"], ["T2"], ["T3"], ["T4", "T6"], ["T5", "T7"], ["T8"]])
        #expect(plan.schedule.length == 6)
        #expect(plan.criticalIDs() == ["T1", "T2", "T3", "T4", "T5", "T8"])
        #expect(plan.cycles.isEmpty)
        #expect(plan.diagnostics.isEmpty)
    }

    @Test func priorityStagesStoriesByPriority() {
        let plan = Plan(Self.template().doc, options: PlanOptions(stories: .priority))
        // US2 has P1, so it goes first.
        #expect(plan.waveIDs() == [["T1"], ["T2"], ["T3"], ["T6"], ["T7"], ["T4"], ["T5"], ["T8"]])
    }

    @Test func explicitWithinPhaseHasNoOrderEdges() {
        let plan = Plan(Self.template().doc, options: PlanOptions(withinPhase: .explicit))
        #expect(plan.edgeList(.order).isEmpty)
        #expect(plan.waveIDs() == [["T1", "T2"], ["T3"], ["T4", "T5", "T6", "T7"], ["T8"]])
    }

    /// ```
    ///  T1 ─┬─▶ T2[P] ─┬─▶ @ ─┬─▶ T4[P]    (T4, T5 after a section break: a new group)
    ///      └─▶ T3[P] ─┘      └─▶ T5[P]
    /// ```
    @Test func parallelGroupsUseMilestonesBetweenWideGroups() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1"); b.task("T2", p: true); b.task("T3", p: true)
        b.section()
        b.task("T4", p: true); b.task("T5", p: true)
        let plan = Plan(b.doc)
        #expect(plan.waveIDs() == [["T1"], ["T2", "T3"], ["T4", "T5"]])
        #expect(plan.edgeList(.order) == ["T1>T2", "T1>T3", "T2>@end-T2..T3", "T3>@end-T2..T3", "@end-T2..T3>T4", "@end-T2..T3>T5"])
    }

    @Test func checkpointOrSegmentBreaksAParallelRun() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1", p: true)
        b.section()
        b.task("T2", p: true)
        #expect(Plan(b.doc).waveIDs() == [["T1"], ["T2"]])
    }

    @Test func fileRuleSerialisesSharedFilesInDocumentOrder() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1", p: true, files: ["a.py"]); b.task("T2", p: true, files: ["a.py", "dir/"]); b.task("T3", p: true, files: ["dir/"])
        let plan = Plan(b.doc, options: PlanOptions(files: .serialize))
        #expect(plan.edgeList(.file) == ["T1>T2"])
        #expect(plan.waveIDs() == [["T1", "T3"], ["T2"]])
        #expect(plan.diagnostics.map(\.code) == [.parallelFileConflict])
        let ignored = Plan(b.doc, options: PlanOptions(files: .ignore))
        #expect(ignored.edgeList(.file).isEmpty)
        #expect(ignored.waveIDs() == [["T1", "T2", "T3"]])
    }

    @Test func fileRuleFollowsTheGraphNotTheDocument() {
        // T2 is written first but depends on T1, so T1 takes the file first: no cycle.
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T2", p: true, files: ["x.swift"]); b.task("T1", p: true, files: ["x.swift"])
        b.depend("T2", on: "T1")
        let plan = Plan(b.doc, options: PlanOptions(withinPhase: .explicit))
        #expect(plan.cycles.isEmpty)
        #expect(plan.edgeList(.file).isEmpty)  // already a direct edge T1 → T2
        #expect(plan.waveIDs() == [["T1"], ["T2"]])
    }

    @Test func parallelWithDependencyIsReported() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1", p: true); b.task("T2", p: true)
        b.depend("T2", on: "T1")
        let plan = Plan(b.doc)
        #expect(plan.diagnostics.map(\.code) == [.parallelWithDependency])
        #expect(plan.waveIDs() == [["T1"], ["T2"]])
    }

    @Test func remainingPlansOnlyOpenTasks() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1", status: .done); b.task("T2", status: .skipped); b.task("T3"); b.task("T4", status: .inProgress)
        b.depend("T3", on: "T1")
        let plan = Plan(b.doc, options: PlanOptions(remaining: true))
        #expect(plan.graph.taskNodeCount == 2)
        #expect(plan.waveIDs() == [["T3"], ["T4"]])
        #expect(plan.readyTasks().map { plan.name(of: $0) } == ["T3"])
    }

    @Test func nextSeesThroughCheckboxes() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1", status: .done); b.task("T2"); b.task("T3")
        let plan = Plan(b.doc)
        #expect(plan.readyTasks().map { plan.name(of: $0) } == ["T2"])
    }

    @Test func storyEdgesJoinPhases() {
        var b = Self.template()
        b.phaseDepends(4, on: 3)  // US2 waits for US1
        let plan = Plan(b.doc)
        #expect(plan.waveIDs() == [["T1"], ["T2"], ["T3"], ["T4"], ["T5"], ["T6"], ["T7"], ["T8"]])
        // Every task of US1 before every task of US2, through one milestone.
        #expect(plan.edgeList(.story) == ["T4>@end-phase-3", "T5>@end-phase-3", "@start-phase-4>T6", "@start-phase-4>T7", "@end-phase-3>@start-phase-4"])
    }

    @Test func estimatesDriveTheCriticalPath() {
        // Two stories side by side; the longer one is critical, the other has slack.
        var b = DocumentBuilder()
        b.phase("Phase 1: US1", kind: .story, story: "US1")
        b.task("T1", hours: 2); b.task("T2", hours: 2)
        b.phase("Phase 2: US2", kind: .story, story: "US2")
        b.task("T3", hours: 1)
        let plan = Plan(b.doc)
        #expect(plan.schedule.length == 4)
        #expect(plan.criticalIDs() == ["T1", "T2"])
        #expect(plan.times("T3") == (0, 1, 3))
        #expect(plan.schedule.isCritical(plan.node(forID: "T3")!) == false)
    }

    @Test func defaultDurationApplies() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1"); b.task("T2", hours: 3)
        let plan = Plan(b.doc, options: PlanOptions(defaultDuration: 0.5))
        #expect(plan.schedule.length == 3.5)
    }

    /// A written dependency on a later task moves the task; order edges then
    /// only go forward, so there is no cycle (version 1 made one here).
    ///
    /// ```
    ///  written:  T3 ──explicit──▶ T1        π = T2, T3, T1
    ///  implied:  T2 ──order──▶ T3           (T1 → T2 would go backwards: dropped)
    /// ```
    @Test func aReferenceToALaterTaskReordersInsteadOfMakingACycle() throws {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1"); b.task("T2"); b.task("T3")
        b.depend("T1", on: "T3")
        let plan = Plan(b.doc)
        #expect(plan.cycles.isEmpty)
        #expect(plan.errorCount == 0)
        let schedule = plan.schedule
        #expect(plan.graph.referenceOrder.map { plan.name(of: $0) } == ["T2", "T3", "T1"])
        #expect(schedule.waves.map { $0.map { plan.name(of: $0) } } == [["T2"], ["T3"], ["T1"]])
        let note = try #require(plan.diagnostics.first { $0.code == .reordered })
        #expect(note.severity == .note)
        #expect(note.message.hasPrefix("T1 is planned after tasks written below it"))
    }

    /// ```
    ///  T1 ──explicit──▶ T2 ──explicit──▶ T3
    ///   ▲                                 │
    ///   └──────────── explicit ───────────┘
    /// ```
    @Test func aWrittenCycleIsReportedAndThePlanMadeWithoutTheEdgeThatBreaksIt() throws {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1"); b.task("T2"); b.task("T3")
        b.depend("T2", on: "T1"); b.depend("T3", on: "T2"); b.depend("T1", on: "T3")
        let plan = Plan(b.doc)
        #expect(plan.cycles.count == 1)
        let cycle = plan.cycles[0]
        #expect(cycle.nodes.map { plan.name(of: $0) } == ["T1", "T2", "T3"])
        #expect(cycle.edges.map(\.kind) == [.explicit, .explicit, .explicit])
        // The edge pointing furthest back (T3 → T1) is left out.
        #expect(cycle.removed.map { "\(plan.name(of: $0.from))→\(plan.name(of: $0.to))" } == ["T3→T1"])
        let d = try #require(plan.diagnostics.first { $0.code == .cycle })
        #expect(d.message.hasPrefix("dependency cycle T1 → T2 → T3 → T1"))
        #expect(d.severity == .error)
        #expect(d.location == plan.document.tasks[0].location)
        #expect(d.notes.count == 4)
        #expect(plan.errorCount == 1)
        let schedule = plan.schedule
        #expect(schedule.waves.map { $0.map { plan.name(of: $0) } } == [["T1"], ["T2"], ["T3"]])
    }

    /// A zero-hour task ends where the task before it ended; the path goes on
    /// through the barrier milestone the earlier task already reached.
    ///
    /// ```
    ///  Phase 1   T1 (2h) ──file──▶ T2 (0h)
    ///                 ║  barrier (both reach @end-phase-1)
    ///  Phase 2   T3 (0.5h)   T4 (1h)
    /// ```
    @Test func theCriticalPathGoesOnAfterAZeroHourTask() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1", p: true, files: ["src/a.py"], hours: 2); b.task("T2", p: true, files: ["src/a.py"], hours: 0)
        b.phase("Phase 2")
        b.task("T3", p: true, hours: 0.5); b.task("T4", p: true, hours: 1)
        let plan = Plan(b.doc, options: PlanOptions(files: .serialize))
        #expect(plan.criticalIDs() == ["T1", "T2", "T4"])
        #expect(plan.schedule.length == 3)
    }

    /// Under `--stories priority` the P1 story runs first; its last task takes 0 h.
    /// The barrier puts every task of the P1 stage before the P2 stage, so at
    /// T3's finish T2 (earlier in the document) ties T4 and is taken.
    @Test func aBarrierAfterAZeroHourTaskCountsForTheTasksBeforeIt() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1", hours: 1)
        b.phase("Phase 2", kind: .story, story: "US1", priority: 2)
        b.task("T2", hours: 1)
        b.phase("Phase 3", kind: .story, story: "US2", priority: 1)
        b.task("T3", hours: 1); b.task("T4", hours: 0)
        let plan = Plan(b.doc, options: PlanOptions(stories: .priority))
        #expect(plan.criticalIDs() == ["T1", "T3", "T2"])
        #expect(plan.schedule.length == 3)
        // Without the barrier between them, T4 is the only way on.
        var c = b
        c.depend("T2", on: "T4")
        #expect(Plan(c.doc, options: PlanOptions(stories: .parallel)).criticalIDs() == ["T1", "T3", "T4", "T2"])
    }

    /// A task that waits for a later task of its phase moves after it; the
    /// barrier to the next phase starts from the phase's last task in π.
    ///
    /// ```
    ///  Phase 1   T2 ──explicit──▶ T1
    ///                              ║  barrier
    ///  Phase 2                     T3
    /// ```
    @Test func aForwardReferenceInsideAPhaseKeepsTheBarrier() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1"); b.task("T2")
        b.depend("T1", on: "T2")
        b.phase("Phase 2")
        b.task("T3")
        let plan = Plan(b.doc)
        #expect(plan.cycles.isEmpty)
        #expect(plan.waveIDs() == [["T2"], ["T1"], ["T3"]])
        #expect(plan.edgeList(.phase) == ["T1>T3"])
    }

    /// ```
    ///  T1 ──▶ T2 ──▶ T3      (explicit: T1 after T3, T2 after T1 and T3, T3 after T2)
    ///         ▲      │
    ///         └──────┘       the shortest cycle is T2 → T3 → T2, not T1 → T2 → T3 → T1
    /// ```
    @Test func theShortestCycleOfAComponentIsReported() throws {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1"); b.task("T2"); b.task("T3")
        b.depend("T1", on: "T3"); b.depend("T2", on: "T1"); b.depend("T2", on: "T3"); b.depend("T3", on: "T2")
        let plan = Plan(b.doc, options: PlanOptions(withinPhase: .explicit))
        let cycle = try #require(plan.cycles.first)
        #expect(cycle.nodes.map { plan.name(of: $0) } == ["T2", "T3"])
        #expect(cycle.componentSize == 3)
    }

    @Test func oneWarningPerGroupAndFile() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1", p: true, files: ["a.py"]); b.task("T2", p: true, files: ["a.py"])
        b.task("T3", p: true, files: ["b.py"]); b.task("T4", p: true, files: ["a.py", "b.py"])
        let plan = Plan(b.doc)
        let warnings = plan.diagnostics.filter { $0.code == .parallelFileConflict }.map(\.message)
        #expect(warnings.sorted() == [
            "T1, T2 and T4 are marked [P] in one group but all write a.py",
            "T3 and T4 are marked [P] in one group but both write b.py",
        ])
    }

    @Test func aPairSharingTwoFilesGetsAWarningPerFile() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1", p: true, files: ["a.py", "b.py", "dir/"]); b.task("T2", p: true, files: ["b.py", "a.py", "dir/"])
        let plan = Plan(b.doc)
        #expect(plan.diagnostics.map(\.message).sorted() == [
            "T1 and T2 are marked [P] in one group but both write a.py",
            "T1 and T2 are marked [P] in one group but both write b.py",
        ])
    }

    @Test func aDependencyWrittenTwiceInAGroupIsReportedOnce() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1", p: true); b.task("T2", p: true)
        b.depend("T2", on: "T1")
        b.depend("T2", on: "T1", kind: .declared)
        #expect(Plan(b.doc).diagnostics.map(\.code) == [.parallelWithDependency])
    }

    @Test func whyFollowsTheDeepestPredecessor() {
        let plan = Plan(Self.template().doc)
        let chain = plan.explanation(of: plan.node(forID: "T8")!)
        let names = chain.map { "\(plan.name(of: plan.graph.graph.edgeSources[Int($0)]))>\(plan.name(of: plan.graph.graph.edgeTargets[Int($0)]))" }
        #expect(names == ["T1>T2", "T2>T3", "T3>T4", "T4>T5", "T5>@end-phases-3-4", "@end-phases-3-4>T8"])
    }
}

/// Parallel statements and independent tasks (docs/semantics.md, implied edges).
@Suite struct ParallelStatementTests {
    /// ```
    ///  US1 (P1)  T1 → T2            US2 (P2)  T3 → T4
    ///  "US1 and US2 can run in parallel", --stories priority
    /// ```
    /// The stories run beside each other; each keeps its own order.
    @Test func namedPhasesRunBesideEachOtherAndKeepTheirOwnOrder() {
        var b = DocumentBuilder()
        b.phase("Phase 1: US1", kind: .story, story: "US1", priority: 1)
        b.task("T1"); b.task("T2")
        b.phase("Phase 2: US2", kind: .story, story: "US2", priority: 2)
        b.task("T3"); b.task("T4")
        let priority = PlanOptions(stories: .priority)
        #expect(Plan(b.doc, options: priority).waveIDs() == [["T1"], ["T2"], ["T3"], ["T4"]])
        b.doc.parallelStatements = [ParallelStatement(phases: [1, 2], location: SourceLocation(line: 9, column: 1))]
        #expect(Plan(b.doc, options: priority).waveIDs() == [["T1", "T3"], ["T2", "T4"]])
    }

    /// `T2, T3 can run in parallel` frees them from each other, not from the rest.
    @Test func namedTasksLoseTheirOrderAmongThemselvesOnly() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1"); b.task("T2"); b.task("T3"); b.task("T4")
        b.doc.parallelStatements = [ParallelStatement(tasks: [1, 2], location: SourceLocation(line: 9, column: 1))]
        #expect(Plan(b.doc).waveIDs() == [["T1"], ["T2", "T3"], ["T4"]])
    }

    /// An independent task gets no order edges; the others keep theirs.
    @Test func anIndependentTaskStandsOutsideTheOrder() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1"); b.task("T2"); b.task("T3")
        b.doc.tasks[1].independent = true
        #expect(Plan(b.doc).waveIDs() == [["T1", "T2"], ["T3"]])
    }

    /// `--within-phase auto`: a phase whose every task states its dependencies
    /// is explicit; one task without a clause makes it ordered again.
    @Test func aPhaseWhoseTasksAllStateTheirDependenciesIsExplicit() {
        var b = DocumentBuilder()
        b.phase("Phase 1")
        b.task("T1"); b.task("T2"); b.task("T3")
        b.depend("T3", on: "T1")
        for t in b.doc.tasks.indices { b.doc.tasks[t].statesDependencies = true }
        #expect(Plan(b.doc).waveIDs() == [["T1", "T2"], ["T3"]])
        b.doc.tasks[1].statesDependencies = false
        #expect(Plan(b.doc).waveIDs() == [["T1"], ["T2"], ["T3"]])
        #expect(Plan(b.doc, options: PlanOptions(withinPhase: .explicit)).waveIDs() == [["T1", "T2"], ["T3"]])
    }
}
