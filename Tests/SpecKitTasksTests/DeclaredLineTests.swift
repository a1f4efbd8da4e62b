import Testing

@testable import SpecKitTasks

/// Arrow chains of tasks on lines of their own outside Dependencies sections.
@Suite("Arrow chains outside Dependencies sections")
struct ArrowChainLineTests {
    static func document(_ line: String, under heading: String? = nil) -> SpecDocument {
        var text = "# Tasks\n## Phase 1: Build\n"
        for n in 1...5 { text += "- [ ] T00\(n) Step \(n) in src/s\(n).py\n" }
        text += "\n"
        if let heading { text += "### \(heading)\n\n" }
        return parse(text + line + "\n")
    }

    @Test(
        "a line that is an arrow chain of tasks, bare or after a dependency label, states an order; only its first sentence",
        arguments: [
            ("T001 → T003 → T002.", ["T001->T003", "T003->T002"]),
            ("**Dependencies**: T004 -> T002 -> T005. Docs can start after T001 whenever.", ["T004->T002", "T002->T005"]),
            ("Зависимости: T005 → T001/T002", ["T005->T001", "T005->T002"]),
            ("의존성: T002 → T004 순서로 진행한다.", ["T002->T004"]),
            ("- Dépendances : T003 ⟶ T001", ["T003->T001"]),
            ("T002 → T001 in that order; T005 stays free", ["T002->T001"]),
            ("Flow: request → T001 → response", []),
            ("See T001 → T002 in the design notes", []),
            ("Dependencies T001 → T002", []),
        ])
    func chains(line: String, expected: [String]) {
        #expect(Self.document(line).edges(.declared) == expected)
    }

    @Test("a bare chain under a heading that is no phase and holds no task is a summary, not an order")
    func summaries() {
        let doc = parse("# Tasks\n## Phase 1: Build\n- [ ] T001 a in src/a.py\n- [ ] T002 b in src/b.py\n## Follow-ups\n- [ ] T003 c in src/c.py\n- [ ] T004 d in src/d.py\n\nT004 → T003 in this order.\n## Critical Path\nT001 → T002 → T003\n## Review\nT003 → re-run T001 if it fails\n")
        #expect(doc.edges(.declared) == ["T004->T003"])
    }

    @Test("in a strategy, notes or parallel-work section, a chain is an example, not an order")
    func sectionsThatHoldNoOrder() {
        for heading in ["Implementation Strategy", "Notes", "Parallel Example: Phase 1"] {
            #expect(Self.document("T001 → T002 → T003", under: heading).edges().isEmpty, "\(heading)")
        }
    }
}

/// Lines of a Dependencies section that offer another way to staff the work.
@Suite("Orders offered as an alternative")
struct AlternativeOrderTests {
    /// Three story phases after Setup, and `line` in a Dependencies section.
    static func document(_ line: String) -> SpecDocument {
        storyDocument(setup: true, stories: [1, 2, 3], dependencies: "- **Stories (Phases 2-4)**: can begin once Setup is done\n" + line)
    }

    @Test(
        "an order offered as an alternative, or following the priorities, adds no edge; a plain order does",
        arguments: [
            ("  - Or, with one person, sequentially in priority order: US1 → US2 → US3", false),
            ("  - Alternatively: US1 → US2 → US3 if the team is small", false),
            ("  - **Optionally** run T002 → T003 → T004 back to back", false),
            ("  - US1 (P1) → US2 (P2) → US3 (P3) by priority, or side by side when staffed", false),
            ("  - Ou sequencialmente: US1 → US2 → US3", false),
            ("  - または優先度順に US1 → US2 → US3", false),
            ("  - US1 → US2 → US3", true),
            ("  - T002 → T003 → T004", true),
        ])
    func alternatives(line: String, ordered: Bool) {
        let doc = Self.document(line)
        let chained = !doc.phaseDependencies.filter { $0.predecessor >= 2 }.isEmpty || !doc.edges(.declared).isEmpty
        #expect(chained == ordered)
        // `can begin once Setup is done` holds either way.
        #expect(doc.phaseDependencies.contains { $0.predecessor == 1 && $0.successor == 2 })
    }
}
