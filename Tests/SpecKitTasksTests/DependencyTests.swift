import Testing

@testable import SpecKitTasks

/// Tasks T001…T020 in one phase; the task under test is T020.
private func document(_ t020: String) -> SpecDocument {
    var text = "## Phase 1: Work\n"
    for n in 1...19 { text += "- [ ] T\(String(n).leftPadded()) Task \(n)\n" }
    text += "- [ ] T020 \(t020)\n"
    return parse(text)
}

extension String {
    fileprivate func leftPadded() -> String { String(repeating: "0", count: max(0, 3 - count)) + self }
}

@Suite("Explicit dependencies")
struct DependencyTests {
    @Test(
        "clause forms",
        arguments: [
            ("Build (depends on T012, T013)", ["T012", "T013"]),
            ("Build (depends on T011-T013, T016)", ["T011", "T012", "T013", "T016"]),
            ("Build. Depends on: T001", ["T001"]),
            ("Build. Dependencies: T001 through T004", ["T001", "T002", "T003", "T004"]),
            ("Run after T005", ["T005"]), ("This requires T003", ["T003"]), ("It needs T004", ["T004"]),
            ("Blocked by T009", ["T009"]), ("(depende de T007/T008)", ["T007", "T008"]),
            ("(依赖 T003)", ["T003"]), ("(依赖T003, T004；其他)", ["T003", "T004"]), ("依存: T003", ["T003"]),
            ("DEPENDS ON T002 and T003", ["T002", "T003"]), ("after T002 & T003 + T004", ["T002", "T003", "T004"]),
            ("after T004–T006", ["T004", "T005", "T006"]), ("after T004..T006", ["T004", "T005", "T006"]),
            ("after T004 to T006", ["T004", "T005", "T006"]),
            ("(depende de T003; faz T008 passar)", ["T003"]),
            ("depends on T002. Then T009 runs", ["T002"]),
            ("Dependencies: None", []), ("Depends on: -", []), ("Depends on: n/a", []),
            ("depends on T002 (schema) and T003 (seed)", ["T002", "T003"]),
            ("depends on T002,\n  T003 wrapped", ["T002", "T003"]),
            ("Build (depends\n  on T002)", ["T002"]), ("Build (blocked\n  by T003)", ["T003"]),
            ("after T004 –\n  T006", ["T004", "T005", "T006"]), ("after T004 through\n  T006", ["T004", "T005", "T006"]),
            ("after T004\n  - T006 is a sub-bullet", ["T004"]),
            ("Build it\n  - Depends on:\n    - T002\n    - T003\n  - Then review", ["T002", "T003"]),
            ("Build (does not depend on T001)", []), ("Build, doesn't need T001", []),
            ("Build, never requires T003; after T004", ["T004"]), ("not after T005", []),
            ("Build in src/a.py (no dependency on T002)", []),
        ])
    func clauses(text: String, expected: [String]) {
        let doc = document(text)
        #expect(doc.predecessors(of: "T020") == expected)
        #expect(doc.dependencies.allSatisfy { $0.kind == .explicit })
        #expect(doc.codes(.unknownReference).isEmpty)
    }

    @Test("blocks is a reverse edge")
    func blocks() {
        #expect(document("Schema. Blocks: T011-T012").edges() == ["T020->T011", "T020->T012"])
        #expect(document("Schema, blocks T011").edges() == ["T020->T011"])
    }

    @Test("a range expands to the tasks that exist between its ends, in document order")
    func rangeInDocumentOrder() {
        let doc = parse("- [ ] T001 a\n- [ ] T003 b\n- [ ] T002a c\n- [ ] T005 d\n- [ ] T009 e (after T001-T005)")
        #expect(doc.predecessors(of: "T009") == ["T001", "T003", "T002a", "T005"])
    }

    @Test("a missing task named in a section heading is reported once, not once per task below it")
    func unknownHeadingReferenceOnce() {
        let doc = parse("## Phase 1\n### Models (depends on T099)\n- [ ] T001 a\n- [ ] T002 b\n- [ ] T003 c\n")
        #expect(doc.codes(.unknownReference).count == 1)
        #expect(doc.codes(.unknownReference).first?.location.line == 2)
    }

    @Test("unknown and self references are warnings without edges")
    func unknownAndSelf() {
        let doc = parse("- [ ] T014 Build (depends on T099)\n- [ ] T015 Loop (depends on T015)")
        #expect(doc.dependencies.isEmpty)
        let unknown = doc.codes(.unknownReference)
        #expect(unknown.map(\.message) == ["T014 depends on T099, which does not exist"])
        #expect(unknown.first?.location == SourceLocation(line: 1, column: 30))
        #expect(doc.codes(.selfReference).count == 1)
    }

    @Test("identical edges are kept once")
    func dedupe() {
        let doc = parse("- [ ] T001 a\n- [ ] T002 b (depends on T001) (after T001)\n  requires T001")
        #expect(doc.edges() == ["T001->T002"])
    }

    @Test("heading-level dependencies apply to every task of the section")
    func headingLevel() {
        let doc = parse("""
            ## Phase 1: Base
            - [ ] T016 Base
            - [ ] T023 Other
            ## Phase 2: UI
            ### Inline Rename (depends on T016)
            - [ ] T030 Rename field
            - [ ] T031 Rename button
            ### Search (Blocked by T023)
            - [ ] T032 Search box
            ### Storage
            **Depends on**: T016
            - [ ] T033 Quota
            """)
        #expect(doc.predecessors(of: "T030") == ["T016"])
        #expect(doc.predecessors(of: "T031") == ["T016"])
        #expect(doc.predecessors(of: "T032") == ["T023"])
        #expect(doc.predecessors(of: "T033") == ["T016"])
    }

    @Test("duplicate IDs: all kept, an error at the second naming the first, references go to the first")
    func duplicates() {
        let doc = parse("- [ ] T001 a\n- [ ] T001 again\n- [ ] T002 b (after T001)")
        #expect(doc.tasks.count == 3)
        let duplicate = doc.codes(.duplicateID)
        #expect(duplicate.count == 1)
        #expect(duplicate.first?.location.line == 2)
        #expect(duplicate.first?.notes.first?.location.line == 1)
        #expect(duplicate.first?.severity == .error)
        #expect(doc.dependencies.map(\.predecessor) == [0])
    }
}

@Suite("Declared dependencies")
struct DeclaredDependencyTests {
    private func declared(_ statements: String, tasks: Int = 20) -> SpecDocument {
        var text = "## Phase 1: Work\n"
        for n in 1...tasks { text += "- [ ] T\(String(n).leftPadded()) Task \(n)\n" }
        text += "\n## Dependencies & Execution Order\n\n" + statements + "\n"
        return parse(text)
    }

    @Test(
        "statement forms",
        arguments: [
            ("- T008 blocks T009, T015", ["T008->T009", "T008->T015"]),
            ("- T011, T012 block T014", ["T011->T014", "T012->T014"]),
            ("- Tests (T004-T005) before implementation (T008-T009)", ["T004->T008", "T004->T009", "T005->T008", "T005->T009"]),
            ("- T016 after T012-T013", ["T012->T016", "T013->T016"]),
            ("- T020 depends on T018", ["T018->T020"]),
            ("T001 → T002 → T003, T004", ["T001->T002", "T002->T003", "T002->T004"]),
            ("T001 -> T002 --> T003 ⟶ T004", ["T001->T002", "T002->T003", "T003->T004"]),
            ("T010 ← T008, T009", ["T008->T010", "T009->T010"]),
            ("- Setup (T001–T002) → Models (T005)", ["T001->T005", "T002->T005"]),
            ("**Phase 2**: T002 → T003 are sequential (T003 uses T002 output).", ["T002->T003"]),
        ])
    func statements(text: String, expected: [String]) {
        let doc = declared(text)
        #expect(doc.edges(.declared) == expected)
        #expect(doc.edges(.explicit).isEmpty)
        #expect(doc.codes(.reversedArrow).isEmpty)
    }

    @Test(
        "lines that state no order",
        arguments: [
            "- T006 can run in parallel with T004-T005", "Developer A: US1 (T013–T015)", "- Parallel with: T003, T004",
            "**Checkpoint**: T001 after T002 done", "- Models before services", "- All tests (T001-T004) pass",
            "| MVP | US1 + US2 | T001-T010 |",
            "```\nT001 → T002\n```",
        ])
    func noEdges(text: String) {
        #expect(declared(text).dependencies.isEmpty)
    }

    @Test("a Parallel Opportunities section states order line by line; Strategy, Team and Example sections state none")
    func subsections() {
        let doc = declared("""
            ### Parallel Opportunities
            - **Phase 1**: T001 → T002 are sequential (T002 needs the install).
            - T003 [P] and T004 [P] are parallel (different files)
            - T006 depends on T005

            ### Implementation Strategy
            - T008 after T007
            ### Team Strategy
            - T010 after T009
            ### Parallel Example
            - T012 after T011
            """)
        #expect(doc.edges(.declared) == ["T001->T002", "T005->T006"])
    }

    @Test("a ← statement pointing backwards in the document is read the other way round, with a note")
    func reversedArrow() {
        let doc = declared("T001 ← T002, T003")
        #expect(doc.edges(.declared) == ["T001->T002", "T001->T003"])
        #expect(doc.codes(.reversedArrow).count == 1)
        #expect(doc.codes(.reversedArrow).first?.severity == .note)
    }

    @Test("mermaid edges inside a Dependencies section count")
    func mermaid() {
        let doc = declared("""
            ```mermaid
            flowchart TD
                T001[Setup] --> T002[Core: after T009]
                T002 --> T003 & T004
                T003 & T004 --> T005
                X1 --> T006
            ```
            """)
        #expect(doc.edges(.declared) == ["T001->T002", "T002->T003", "T002->T004", "T003->T005", "T004->T005"])
    }

    @Test("mermaid outside a Dependencies section does not count")
    func mermaidElsewhere() {
        let doc = parse("- [ ] T001 a\n- [ ] T002 b\n\n## Overview\n```mermaid\nT001 --> T002\n```\n")
        #expect(doc.dependencies.isEmpty)
    }

    @Test("phase-level statements yield phase dependencies")
    func phaseLevel() {
        let doc = parse("""
            ## Phase 1: Setup
            - [ ] T001 a
            ## Phase 2: User Story 1 (Priority: P1)
            - [ ] T002 [US1] b
            ## Phase 3: User Story 2 (Priority: P2)
            - [ ] T003 [US2] c
            ## Dependencies & Execution Order
            - **Phase 3 (US2)**: Depends on Phase 1
            - US2 depends on US1
            """)
        let pairs = doc.phaseDependencies.map { [$0.predecessor, $0.successor] }
        #expect(pairs == [[1, 3], [2, 3]])
        #expect(doc.dependencies.isEmpty)
    }

    /// Phases 1 Setup, 2 Foundational, 3–4 user stories, 5 Polish.
    private static func phaseTemplate(polishLabel: String = "") -> String {
        """
        ## Phase 1: Setup
        - [ ] T001 a
        ## Phase 2: Foundational (Blocking Prerequisites)
        - [ ] T002 b
        ## Phase 3: User Story 1 (Priority: P1)
        - [ ] T003 [US1] c
        ## Phase 4: User Story 2 (Priority: P2)
        - [ ] T004 [US2] d
        ## Phase 5: Polish & Cross-Cutting Concerns
        - [ ] T005 \(polishLabel)e
        ## Dependencies & Execution Order

        """
    }

    @Test(
        "phase-level statements: the bold lead is the subject of every clause, a clause word ends a list",
        arguments: [
            // The false cycle of brooke-hamilton/logical-path: Phase 3 after Foundational, US2 after Phase 3.
            ("- **US1 Detect (Phase 3)**: Depends on Foundational — BLOCKS US2", [[2, 3], [3, 4]]),
            // `every`, `both` and `全部` name all stories; a list that is none ends its clause.
            ("- **Foundational (Phase 2)**: blocks both user stories", [[2, 3], [2, 4]]),
            ("- **Polish (Phase 5)**: after every user story we ship", [[3, 5], [4, 5]]),
            ("- **Polish (Phase 5)**: 依赖全部用户故事", [[3, 5], [4, 5]]),
            ("- **US2 (Phase 4)**: 依存: なし、US1と並列実行可能", []),
            ("- **US2 (Phase 4)**: Depends on: none, and US1 may run beside it", []),
            ("- **Foundational (Phase 2)**: 无前置依赖，可与 US1 并行", []),
            // `に依存` stands after what it depends on; the words after the dash do not become its list.
            ("- **基盤（Phase 2）**: Setup 完了に依存 - すべてのユーザーストーリーをブロック", [[1, 2]]),
            ("- **US2（Phase 4）**: US1 に依存", [[3, 4]]),
            ("- **Phase 2 (Foundational)**: Depends on Setup completion - BLOCKS all user stories", [[1, 2], [2, 3], [2, 4]]),
            ("- **Foundational (Phase 2)**: Depends on Setup — blocks all user stories", [[1, 2], [2, 3], [2, 4]]),
            ("- User Story 2 (P2): Can start after Foundational (Phase 2) - May integrate with US1", [[2, 4]]),
            ("- **US1 (P1)**: Can start after Foundational — no dependency on US2", [[2, 3]]),
            ("- **User Story 1 (P1)**: Can start after Foundational (Phase 2) - No dependencies on other stories", [[2, 3]]),
            ("- Polish (Final Phase): Depends on all desired user stories being complete", [[3, 5], [4, 5]]),
            ("- All user stories depend on Foundational", [[2, 3], [2, 4]]),
            ("- US2 does not depend on US1", []),
            ("- **Phase 5 (Polish)**: after Phases 3 + 4", [[3, 5], [4, 5]]),
            ("- **Phase 5**: after Phases 2–4", [[2, 5], [3, 5], [4, 5]]),
            ("- Phase 1 must complete before Phases 3 and 4", [[1, 3], [1, 4]]),
            ("- Polish: after User Story 1 and 2 complete", [[3, 5], [4, 5]]),
            ("- Polish depends on User Stories 1, 2", [[3, 5], [4, 5]]),
            ("- Polish depends on Phase 3 and 4", [[3, 5], [4, 5]]),
            // `(Phase 2)` restates the object; it is not the subject of the next clause.
            ("- **User Story 2 (P2)**: Can start after Foundational (Phase 2) - Depends on US1 service flow", [[2, 4], [3, 4]]),
            // A lead that names a phase is the subject after `;` too.
            ("- **US2 (Phase 4)**: validation-only; after US1", [[3, 4]]),
            // A lead that names none is a title: its `before` states nothing.
            ("- **Setup must exist before stories**: Phase 2 depends on Phase 1", [[1, 2]]),
            // A story named with its tasks in parentheses is still a story.
            ("- **User Story 2 (P2)**: Depends on US1 (T003)", [[3, 4]]),
            // `e` / `y` / `和` join a list as `and` does.
            ("- **US2 (Phase 4)**: Depende das US1 e Phase 2.", [[2, 4], [3, 4]]),
            // `from Setup` says where US1 comes from; US2 is still the subject of `blocks`.
            ("- **US1 (Phase 3)**: Depends on Phase 2 from Setup - blocks US2", [[2, 3], [3, 4]]),
        ])
    func phaseLevelForms(statement: String, expected: [[Int32]]) {
        let doc = parse(Self.phaseTemplate() + statement + "\n")
        #expect(doc.phaseDependencies.map { [$0.predecessor, $0.successor] }.sorted { $0.lexicographicallyPrecedes($1) } == expected)
        #expect(doc.dependencies.isEmpty)
    }

    @Test("`all user stories` names the phases headed as stories, not a Polish phase whose tasks carry one story label")
    func allStoriesSkipsLabelOnlyStoryPhases() {
        let doc = parse(Self.phaseTemplate(polishLabel: "[US1] ")
            + "- **Polish (Phase 5)**: Depends on all desired user stories being complete\n")
        #expect(doc.phases[5].kind == .story)
        #expect(doc.phaseDependencies.map { [$0.predecessor, $0.successor] } == [[3, 5], [4, 5]])
    }

    @Test("an arrow chain's part may be a phase word with its tasks in parentheses: `→ Polish (T004-T005)`")
    func arrowPartWithPhaseWord() {
        let doc = parse("""
            ## Phase 3.1: Setup
            - [ ] T001 a
            ## Phase 3.2: Integration
            - [ ] T002 b
            ## Phase 3.3: Polish
            - [ ] T003 c
            - [ ] T004 d
            ## Dependencies
            - Setup (T001) → Integration (T002) → Polish (T003-T004)

            """)
        #expect(doc.edges(.declared) == ["T001->T002", "T002->T003", "T002->T004"])
    }

    @Test("a lead that names no task is a title; `depends on:` before the colon is no lead")
    func leadsOfDeclaredLines() {
        let doc = parse("""
            - [ ] T001 a
            - [ ] T002 b
            - [ ] T003 c
            ## Dependencies
            - **Site must exist before templates**: T001 blocks T002
            - T003 depends on: T002

            """)
        #expect(doc.edges(.declared) == ["T001->T002", "T002->T003"])
    }

    @Test("a Dependencies cell may start with a clause word; other cells read like the task's body")
    func tableDependencyCellsWithKeywords() {
        let doc = parse("""
            | ID | Description | Dependencies | Notes |
            |---|---|---|---|
            | T001 | Create schema | none | - |
            | T002 | Create API | After T001 | - |
            | T003 | Create UI | requires T001, T002 | edit src/ui/app.tsx |
            | T004 | Wire routes | blocked by T003 | - |
            | T005 | Docs | - | depends on T002 |
            | T006 | Seed | blocks T005 | - |

            """)
        #expect(doc.predecessors(of: "T002") == ["T001"])
        #expect(doc.predecessors(of: "T003") == ["T001", "T002"])
        #expect(doc.predecessors(of: "T004") == ["T003"])
        #expect(doc.predecessors(of: "T005").sorted() == ["T002", "T006"])
        #expect(doc.task("T003")?.files == ["src/ui/app.tsx"])
    }

    @Test("依存関係: (Japanese \"dependencies\") lists what the task depends on, like 依存:")
    func japaneseDependenciesField() {
        let doc = parse("""
            ### T001: 初期セットアップ
            - 依存関係: なし
            ### T002: ルーティング
            - 依存関係: T001
            ### T003: レイアウト
            - 依存: T002

            """)
        #expect(doc.edges(.explicit) == ["T001->T002", "T002->T003"])
    }

    /// T001 … T005, one after another.
    static let fiveTasks = (1...5).map { "- [ ] T00\($0) task \($0)\n" }.joined()

    @Test("statements of one line that holds an arrow chain each stand alone after `;`")
    func arrowChainsSeparatedBySemicolons() {
        let doc = parse(Self.fiveTasks + """
            ## Dependencies
            - T002 → T003; T001 → T002
            - T004 depends on T002; T001 → T003. T004 blocks T005

            """)
        #expect(doc.edges(.declared).sorted() == ["T001->T002", "T001->T003", "T002->T003", "T002->T004", "T004->T005"])
    }

    @Test("a document title with the word Dependency is not a Dependencies section")
    func titleIsNoDependenciesSection() {
        let doc = parse("""
            # Tasks: Dependency Tracker
            ## Phase 1: Core
            - [ ] T001 [P] a
            **Checkpoint**: a done
            - [ ] T002 [P] b
            Note: T002 → T001 were swapped in the old plan.
            """)
        #expect(doc.dependencies.isEmpty)
        #expect(doc.tasks.map(\.segment)[0] != doc.tasks.map(\.segment)[1])
    }

    @Test("depende de T003 y T004, 依赖 T003 和 T004: every ID of the list")
    func nonEnglishConjunctions() {
        let doc = parse("""
            - [ ] T001 a
            - [ ] T002 b
            - [ ] T003 c (depende de T001 y T002)
            - [ ] T004 d (依赖 T001 和 T003)
            """)
        #expect(doc.predecessors(of: "T003") == ["T001", "T002"])
        #expect(doc.predecessors(of: "T004") == ["T001", "T003"])
    }

    @Test("a few filler words may stand between a task's clause word and its list")
    func fillersBeforeTheList() {
        let doc = parse("""
            - [ ] T001 a
            - [ ] T002 b
            - [ ] T003 c. **Note**: Depends on completion of T001 and T002
            - [ ] T004 d, after the tasks T003
            - [ ] T005 e after the user logs in (T004)
            """)
        #expect(doc.predecessors(of: "T003") == ["T001", "T002"])
        #expect(doc.predecessors(of: "T004") == ["T003"])
        #expect(doc.predecessors(of: "T005").isEmpty)
    }

    @Test("an arrow chain wrapped onto the next line goes on from where it stopped")
    func wrappedArrowChains() {
        let doc = parse(Self.fiveTasks + """
            ## Dependencies
            - T001 → T002 →
              T003

            T003 → T004
            → T005
            """)
        #expect(doc.edges(.declared) == ["T001->T002", "T002->T003", "T003->T004", "T004->T005"])
    }

    @Test("field-style keywords: depends_on: [T001], blocked-by: T002, depends-on T003")
    func fieldStyleKeywords() {
        let doc = parse("""
            - [ ] T001 a
            - [ ] T002 b
              - depends_on: [T001]
            - [ ] T003 c
              - blocked-by: T002
            - [ ] T004 d (depends-on T003)
            """)
        #expect(doc.edges(.explicit) == ["T001->T002", "T002->T003", "T003->T004"])
    }

    @Test(
        "`Setup` names the barrier titled Setup, not a story or barrier that mentions it; example headings state no order",
        arguments: [
            "## Phase 3: User Story 1 - React Infrastructure Setup (Priority: P1)\n- [ ] T003 [US1] c",
            "### Parallel Example: after Phase 4 lands\n- [ ] T003 c\n## Phase 4: CI/CD Setup & Polish\n- [ ] T004 d",
        ])
    func setupWordInOtherTitles(laterPhases: String) {
        let doc = parse("""
            ## Phase 1: Setup
            - [ ] T001 a
            ## Phase 2: Foundational
            - [ ] T002 b
            \(laterPhases)
            ## Dependencies & Execution Order
            - **Foundational (Phase 2)**: Depends on Setup completion
            """)
        #expect(doc.phaseDependencies.map { [$0.predecessor, $0.successor] } == [[1, 2]])
    }

    @Test("a section's dependency line before its first task may be written **依存**: or **Requires**:")
    func sectionDependencyLineKeywords() {
        let doc = parse("""
            ## Phase 1: Setup
            - [ ] T001 a
            ## Phase 2: Build
            **依存**: T001
            - [ ] T002 b
            ## Phase 3: Ship
            **Requires**: T002
            - [ ] T003 c
            """)
        #expect(doc.edges(.explicit) == ["T001->T002", "T002->T003"])
    }

    @Test("a phase on one side and tasks on the other: every task of the phase, declared edges")
    func phaseAndTaskStatements() {
        let doc = parse("""
            ## Phase 1: Setup
            - [ ] T001 a
            - [ ] T002 b
            ## Phase 2: User Story 1 (Priority: P1)
            - [ ] T003 [US1] c
            - [ ] T004 [US1] d
            ## Phase 3: Polish
            - [ ] T005 e
            ## Dependencies & Execution Order
            - **US1 (P1)**: needs T002
            - T005 after Phase 2
            - **Polish (Phase 3)** — depends on every prior phase. T001 should run first.
            """)
        #expect(doc.edges(.declared).sorted() == ["T002->T003", "T002->T004", "T003->T005", "T004->T005"])
        #expect(doc.phaseDependencies.isEmpty)
    }

    @Test("tasks left over from the clause before are no subject of a phase statement; a task never follows its own phase")
    func noFalseCycleFromLeftoverTasks() {
        let doc = parse("""
            ## Phase 1: User Story 1 (Priority: P1)
            - [ ] T001 [US1] a
            ## Phase 2: User Story 2 (Priority: P2)
            - [ ] T002 [US2] b
            - [ ] T003 [US2] c
            ## Phase 3: User Story 3 (Priority: P3)
            - [ ] T004 [US3] d
            ## Dependencies
            - **US3 (Phase 3)**: depends on the service (T001) and routes (T002/T003) existing — implement after US1 and ideally after US2
            - T003 after US2
            """)
        // The service and the routes are what US3 depends on (a few words and a note of IDs each).
        #expect(doc.edges(.declared) == ["T001->T004", "T002->T004", "T003->T004"])
        // `ideally after US2` is a hedged order: no edge.
        #expect(doc.phaseDependencies.map { [$0.predecessor, $0.successor] }.sorted { $0.lexicographicallyPrecedes($1) } == [[1, 3]])
    }

    @Test("a declared line whose parenthesis wraps onto the next lines is read with them")
    func wrappedParenthesisInADeclaredLine() {
        let doc = parse(Self.fiveTasks + """
            ## Dependencies
            - T003 depends on T001 (schema must
              exist first) and T002 (seed data)
            - T005 blocks T004
            """)
        #expect(doc.edges(.declared) == ["T001->T003", "T002->T003", "T005->T004"])
        #expect(doc.dependencies.first?.location.line == 7)
    }
}
