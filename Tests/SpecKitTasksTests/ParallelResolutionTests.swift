import Testing

@testable import SpecKitTasks

/// Parallel statements naming many tasks or phases: their lists are kept
/// without repeats through a set, not by a search of the list per entry.
@Suite struct ParallelResolutionTests {
    /// Sixty tasks in one phase each (sixty story phases), and statements
    /// naming them through a range, repeats and `all user stories`: each
    /// task and phase once, in the order first named.
    @Test func largeStatementsListEachTaskAndPhaseOnce() {
        var text = "# Tasks: Many stories\n\n## Phase 1: Setup\n\n- [ ] T001 Setup\n\n"
        for story in 1...60 {
            text += "## Phase \(story + 1): User Story \(story) (Priority: P1)\n\n"
            text += "- [ ] T\(String(100 + story)) [US\(story)] Story task \(story)\n\n"
        }
        text += "## Parallel Opportunities\n\n"
        text += "- T101-T160 can run in parallel\n"
        text += "- T105, T103, T105-T110, T103 can run in parallel\n"
        text += "- Once Setup is done, all user stories can start in parallel\n"
        let document = SpecParser.parse(Array(text.utf8), path: "many.md")
        let summaries = document.parallelStatements.map { statement in
            (statement.tasks.map { document.tasks[Int($0)].id }, statement.phases)
        }
        #expect(summaries.count == 3)
        guard summaries.count == 3 else { return }
        #expect(summaries[0].0 == (101...160).map { "T\($0)" })
        #expect(summaries[1].0 == ["T105", "T103", "T106", "T107", "T108", "T109", "T110"])
        #expect(summaries[2].0.isEmpty)
        #expect(summaries[2].1 == (2...61).map { Int32($0) })
    }
}
