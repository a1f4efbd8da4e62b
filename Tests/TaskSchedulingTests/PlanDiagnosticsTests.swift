import SpecKitGenerator
import SpecKitTasks
import Testing
import TaskScheduling

/// `specgraph check` reports `Plan.diagnostics(of:options:)`, which skips the
/// schedule; it must be exactly what a whole plan says.
@Suite struct PlanDiagnosticsTests {
    /// Every kind of finding at once: a written cycle, a dangling reference,
    /// a duplicate ID, `[P]` tasks writing one file, a finished task with a
    /// problem of its own (left out with `--remaining`).
    static let troubled = """
        # Tasks: troubled

        ## Phase 1: Setup

        - [ ] T001 [P] Create model in src/models/user.py
        - [ ] T002 [P] Add fields to src/models/user.py
        - [x] T003 Wire it up (depends on T999)
        - [ ] T004 Start after T005 in src/a.py
        - [ ] T005 Then after T004 in src/b.py
        - [ ] T004 Second task with the same ID in src/c.py

        ## Phase 2: User Story 1 (Priority: P1)

        - [ ] T006 [US1] Service in src/services/user.py (depends on T002, T012)
        """

    static func documents() -> [SpecDocument] {
        var documents = [SpecParser.parse(Array(troubled.utf8), path: "troubled.md")]
        for seed in [1, 2, 3] as [UInt64] {
            documents.append(SpecParser.parse(SpecGenerator.generate(GeneratorOptions(tasks: 300, seed: seed)), path: "g.md"))
        }
        documents.append(
            SpecParser.parse(SpecGenerator.generate(GeneratorOptions(tasks: 200, seed: 4, plantCycle: true)), path: "cycle.md"))
        return documents
    }

    @Test(arguments: [false, true])
    func checkingFindsWhatPlanningFinds(remaining: Bool) {
        var options = PlanOptions()
        options.remaining = remaining
        for document in Self.documents() {
            let planned = Plan(document, options: options).diagnostics
            let checked = Plan.diagnostics(of: document, options: options)
            #expect(checked == planned, "\(document.path)")
        }
        // The troubled document's findings, so that the comparison compares something.
        let codes = Set(Plan.diagnostics(of: Self.documents()[0], options: options).map(\.code))
        #expect(codes.contains(.cycle))
        #expect(codes.count >= 3, "\(codes)")
    }
}
