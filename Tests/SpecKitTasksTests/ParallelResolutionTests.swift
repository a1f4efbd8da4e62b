import Testing

@testable import SpecKitTasks

/// Parallel statements naming many tasks or phases: their lists are kept
/// without repeats by `NamedTasks` and by a mark per phase, not by a search
/// of the list per entry.
@Suite struct ParallelResolutionTests {
    /// `NamedTasks` against a plain list searched end to end, below and
    /// above the length where it takes a set.
    @Test(arguments: [0, 3, NamedTasks.setFrom - 1, NamedTasks.setFrom, NamedTasks.setFrom + 1, 60, 500])
    func namedTasksKeepFirstOccurrences(count: Int) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(count)
        func next(_ bound: Int) -> Int32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int32(truncatingIfNeeded: (state >> 33) % UInt64(max(bound, 1)))
        }
        var expected: [Int32] = []
        var list: [Int32] = []
        var named = NamedTasks()
        // Values from a range about as large as the count: many repeats.
        for _ in 0..<count {
            let t = next(count / 2 + 2)
            if !expected.contains(t) { expected.append(t) }
            named.insert(t, into: &list)
        }
        #expect(list == expected)
        for t in Int32(0)..<Int32(count / 2 + 4) {
            #expect(named.contains(t, in: list) == expected.contains(t), "\(t)")
        }
    }

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
