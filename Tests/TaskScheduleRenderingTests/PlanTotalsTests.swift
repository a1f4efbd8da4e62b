import SpecKitGenerator
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling
import Testing

/// The summary figures of `plan` come from ``PlanTotals``, the JSON summary
/// from ``PlanFacts``: both must say the same.
@Suite struct PlanTotalsTests {
    static let specs: [String] = [
        "",
        "- [ ] T001 Loose task before any heading\n",
        "# Tasks\n\n- [x] T001 Done before any phase\n\n## Phase 1: Setup\n\n- [ ] T002 Set up (2h)\n- [x] T003 Configure (30m)\n",
        "## Phase 1: Setup\n\n- [ ] T001 Set up\n\n## Phase 2: Core\n\n- [X] T002 Build core (1.5h)\n- [ ] T003 [P] Test core\n\n## Phase 3: Empty\n",
        "## Phase 1\n\n- [x] T001 a\n- [x] T002 b\n- [ ] T003 c (3h)\n",
    ]

    @Test(arguments: specs)
    func totalsMatchTheFacts(_ text: String) {
        let plan = Plan(SpecParser.parse(Array(text.utf8), path: "tasks.md"))
        expectSame(plan)
    }

    @Test func totalsMatchTheFactsOnAGeneratedSpec() {
        let doc = SpecParser.parse(SpecGenerator.generate(GeneratorOptions(tasks: 3_000, seed: 5)), path: "g.md")
        expectSame(Plan(doc))
        expectSame(Plan(doc, options: PlanOptions(remaining: false)))
    }

    func expectSame(_ plan: Plan) {
        let facts = PlanFacts(plan)
        let totals = PlanTotals(plan)
        #expect(totals.doneCount == facts.doneCount)
        #expect(totals.listedPhaseCount == facts.listedPhases.count)
        #expect(totals.totalWork == facts.totalWork)
    }
}
