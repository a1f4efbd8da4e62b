import Testing

@testable import SpecKitTasks

/// Five phases of four tasks each, as the template lays them out:
///
///     Phase 1: Setup          T001 T002 T003 T004
///     Phase 2: Foundational   T005 T006 T007 T008
///     Phase 3: User Story 1   T009 T010 T011 T012   [US1]
///     Phase 4: User Story 2   T013 T014 T015 T016   [US2]
///     Phase 5: Polish         T017 T018 T019 T020
///
/// `body` goes below T020 (indented, as its body); `section` is a section
/// of its own after the phases, headed `heading`.
private func plan(body: String = "", heading: String = "Dependencies & Execution Order", section: String = "") -> SpecDocument {
    let titles = ["Setup", "Foundational", "User Story 1 (Priority: P1)", "User Story 2 (Priority: P2)", "Polish"]
    var text = "# Tasks: Sample\n\n"
    for (p, title) in titles.enumerated() {
        text += "## Phase \(p + 1): \(title)\n\n"
        for n in 1...4 {
            let number = p * 4 + n
            let story = p == 2 ? " [US1]" : p == 3 ? " [US2]" : ""
            text += "- [ ] T\(number < 10 ? "00" : "0")\(number)\(story) Task number \(number)\n"
        }
        text += "\n"
    }
    if !body.isEmpty {
        text.removeLast()
        text += body.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n\n"
    }
    if !section.isEmpty { text += "## \(heading)\n\n\(section)\n" }
    return parse(text)
}

extension SpecDocument {
    /// The parallel statements as `T005 T006 | 3 4` strings: task IDs, then phase indices.
    fileprivate func parallelSummary() -> [String] {
        parallelStatements.map { statement in
            let ids = statement.tasks.map { tasks[Int($0)].id }.joined(separator: " ")
            let phases = statement.phases.map { String($0) }.joined(separator: " ")
            return phases.isEmpty ? ids : "\(ids) | \(phases)"
        }
    }

    /// Phase dependencies as `2->3` strings.
    fileprivate func phaseEdges() -> [String] { phaseDependencies.map { "\($0.predecessor)->\($0.successor)" } }
}

@Suite("Dependency prose: the vocabulary in every language")
struct DependencyVocabularyTests {
    @Test(
        "a task's clause names what it waits for, and the task states its dependencies",
        arguments: [
            // English
            ("Wire the router (depends on T003)", ["T003"]), ("Requires T003 and T004", ["T003", "T004"]),
            ("Start once T004 is merged", ["T004"]), ("Prerequisite: T002", ["T002"]),
            ("**Preconditions**: T001, T003 complete", ["T001", "T003"]), ("Precondition: T004 done", ["T004"]),
            ("relies on T002's schema", ["T002"]), ("(依存: T001〜T003)", ["T001", "T002", "T003"]),
            ("waits for T001 + T002", ["T001", "T002"]), ("after T001..T003", ["T001", "T002", "T003"]),
            ("depois de T001 a T003", ["T001", "T002", "T003"]), ("nach T002 bis T004", ["T002", "T003", "T004"]),
            // Portuguese
            ("Liga o roteador (depende de T003 e T004)", ["T003", "T004"]), ("Executar após T002", ["T002"]),
            ("depois de T001", ["T001"]), ("Requer T004", ["T004"]), ("Dependências: T002, T003", ["T002", "T003"]),
            // Spanish
            ("Conectar después de T003", ["T003"]), ("Requiere T001 y T002", ["T001", "T002"]),
            ("Dependencias: T004", ["T004"]), ("bloqueado por T002", ["T002"]),
            // French
            ("Brancher (dépend de T001 et T002)", ["T001", "T002"]), ("Lancer après T003", ["T003"]),
            ("Dépendances : T004", ["T004"]), ("Nécessite T002", ["T002"]),
            // German
            ("Verdrahten (abhängig von T001 und T003)", ["T001", "T003"]), ("Starten nach T002", ["T002"]),
            ("Abhängigkeiten: T004", ["T004"]), ("Benötigt T001", ["T001"]),
            // Chinese, simplified and traditional
            ("连接路由（依赖于T002和T003）", ["T002", "T003"]), ("前置任务：T004", ["T004"]),
            ("在 T001 完成后开始", ["T001"]), ("連接（依賴 T002 與 T003）", ["T002", "T003"]), ("T004 完成後執行", ["T004"]),
            // Japanese
            ("ルーター接続（依存: T001、T002）", ["T001", "T002"]), ("T003完了後に実施", ["T003"]), ("前提: T004", ["T004"]),
            ("サービスを実装（T002, T003 依存）", ["T002", "T003"]),
            // Korean
            ("라우터 연결 (의존성: T001 및 T002)", ["T001", "T002"]), ("T003 이후 진행", ["T003"]),
            ("T004 완료 후 시작", ["T004"]),
            // Russian
            ("Подключить (зависит от T001 и T002)", ["T001", "T002"]), ("Запустить после T003", ["T003"]),
            ("Зависимости: T004", ["T004"]), ("Требует T002", ["T002"]),
        ])
    func clauseInEveryLanguage(text: String, expected: [String]) {
        let doc = plan(body: text)
        #expect(doc.predecessors(of: "T020") == expected)
        #expect(doc.task("T020")?.statesDependencies == true)
        #expect(doc.codes(.unknownReference).isEmpty)
    }

    @Test(
        "`None`, a dash, and negated clauses state that a task has no dependency",
        arguments: [
            "Dependencies: None", "Depends on: -", "**Dependencies**: -", "Depends on: n/a", "Dependencies: —",
            "No dependencies", "(does not depend on T004)", "Dependências: nenhuma", "sem dependências",
            "Dependencias: ninguna", "sin dependencias", "Dépendances : aucune", "sans dépendance",
            "Abhängigkeiten: keine", "ohne Abhängigkeiten", "依赖：无", "无依赖", "依賴：無", "依存: なし",
            "의존성: 없음", "Зависимости: нет", "без зависимостей", "(T004に依存しない)", "T004에 의존하지 않음",
        ])
    func noneStates(text: String) {
        let doc = plan(body: text)
        #expect(doc.predecessors(of: "T020").isEmpty)
        #expect(doc.task("T020")?.statesDependencies == true)
    }

    @Test(
        "a mention without a dependency word states nothing",
        arguments: [
            "see T006 for the schema", "similar to T005", "like T004, but for admins", "Run after deploy",
            "Create an independent module", "**Independent Test**: open the page", "Follow-up of T003 notes",
            "Update the dependency graph in docs/deps.md",
        ])
    func mentionsStateNothing(text: String) {
        let doc = plan(body: text)
        #expect(doc.predecessors(of: "T020").isEmpty)
        #expect(doc.task("T020")?.statesDependencies == false)
        #expect(doc.task("T020")?.independent == false)
        #expect(doc.parallelStatements.isEmpty)
    }

    @Test("a Dependencies field that opens with a sentence of its own lists nothing, and names no self-reference")
    func fieldWithASentence() {
        let doc = plan(body: "**Dependencies**: T020 must complete before T017 can start")
        #expect(doc.predecessors(of: "T020").isEmpty)
        #expect(doc.codes(.selfReference).isEmpty)
        #expect(doc.task("T020")?.statesDependencies == true)
        // Its own ID as the subject: the task blocks the ones named after `before`.
        let own = parse("- [ ] T001 a\n- [ ] T002 b\n  **Dependencies**: T002 must complete before Phase 3 T003 and T004 start\n- [ ] T003 c\n- [ ] T004 d")
        #expect(own.edges() == ["T002->T003", "T002->T004"])
        #expect(own.codes(.selfReference).isEmpty)
    }

    @Test("a task without any clause does not state its dependencies; a Dependencies table cell does")
    func tableCellStates() {
        #expect(plan().tasks.allSatisfy { !$0.statesDependencies })
        let doc = parse("""
            | ID | Task | Dependencies |
            |----|------|--------------|
            | T001 | Schema | - |
            | T002 | API | T001 |
            | T003 | Docs | |
            """)
        #expect(doc.tasks.map(\.statesDependencies) == [true, true, false])
        #expect(doc.edges() == ["T001->T002"])
    }

    @Test(
        "a negation never yields an edge",
        arguments: [
            "T014 does not depend on T013", "T014 has no dependencies on other stories", "T014: independent of T013",
            "T014 não depende de T013", "T014 no depende de T013", "T014 ne dépend pas de T013", "T014 不依赖 T013",
            "T014 sem dependências de T013", "T014: T013에 의존하지 않음", "T014: T013に依存しない",
        ])
    func negationsDeclared(line: String) {
        let doc = plan(section: "- " + line)
        #expect(doc.edges().isEmpty)
        #expect(doc.phaseDependencies.isEmpty)
    }
}

@Suite("Dependency prose: clauses and statements")
struct DependencyClauseTests {
    @Test("each ID followed by a dependency word starts a clause of its own")
    func clausePerSubject() {
        let doc = plan(section: "- T016 independent, T017 depends on T014, T018 depends on T015")
        #expect(doc.edges(.declared) == ["T014->T017", "T015->T018"])
        #expect(doc.task("T016")?.independent == true)
        #expect(doc.task("T017")?.independent == false)
    }

    @Test(
        "a sentence opening with an after word: its object up to the clause's end, then the subject it speaks of",
        arguments: [
            ("After T009, T010 and T011 can run in parallel", ["T009->T010", "T009->T011"], ["T010 T011"]),
            ("After T009, T010, T011 and T012 can run in parallel", ["T009->T010", "T009->T011", "T009->T012"], ["T010 T011 T012"]),
            ("Once T009 is merged, T011 and T012 can start", ["T009->T011", "T009->T012"], []),
            ("After T009, T010 and T011 are done, T012 starts", ["T009->T012", "T010->T012", "T011->T012"], []),
            ("Wave 2: after T009, T011 and T012 may run at the same time.", ["T009->T011", "T009->T012"], ["T011 T012"]),
            ("**After T009/T010 complete**: T011, T012 can all proceed in parallel",
             ["T009->T011", "T010->T011", "T009->T012", "T010->T012"], ["T011 T012"]),
            // No helper or parallel word after the second list: read as before.
            ("After T009, T010, T011 and T012", [], []),
            // An opening clause that names no task: what follows is all subject.
            ("Once the API is ready, T011, T012 can run in parallel", [], ["T011 T012"]),
            ("After code review, T010, T009 can be merged in parallel", [], ["T010 T009"]),
        ])
    func openingAfterClause(line: String, edges: [String], parallel: [String]) {
        let doc = plan(section: "- " + line)
        #expect(Set(doc.edges(.declared)) == Set(edges))
        #expect(doc.parallelSummary() == parallel)
    }

    @Test("tasks said to depend on nothing at all are independent; a dependency denied on something named is no statement")
    func noDependenciesAtAll() {
        for line in ["- T009-T011 sem dependências", "- T009, T010 and T011 have no dependencies.", "- T009–T011: no dependencies"] {
            let doc = plan(section: line)
            #expect(["T009", "T010", "T011"].allSatisfy { doc.task($0)?.independent == true }, "\(line)")
        }
        for line in ["- T009-T011 have no dependencies on the database", "- T010 does not depend on T009",
                     "- T011 has no dependencies, except it must follow T010"] {
            let doc = plan(section: line)
            #expect(doc.tasks.allSatisfy { !$0.independent }, "\(line)")
        }
    }

    @Test("two or more tasks said to be independent are independent of each other, not of every task")
    func pluralIndependent() {
        for line in ["- T016 and T017 are independent (different files)", "- T016, T017 — logging scaffolding, independent"] {
            let doc = plan(section: line)
            #expect(doc.task("T016")?.independent == false, "\(line)")
            #expect(doc.task("T017")?.independent == false, "\(line)")
            #expect(doc.parallelSummary() == ["T016 T017"], "\(line)")
        }
    }

    @Test(
        "statements in a Dependencies section, in several languages",
        arguments: [
            ("T012 depends on T010", ["T010->T012"]), ("T010 blocks T011, T012", ["T010->T011", "T010->T012"]),
            ("T009, T010 block T012", ["T009->T012", "T010->T012"]),
            ("Tests (T009-T010) before implementation (T011-T012)", ["T009->T011", "T009->T012", "T010->T011", "T010->T012"]),
            ("T012 depende de T010 e T011", ["T010->T012", "T011->T012"]), ("T012 después de T009", ["T009->T012"]),
            ("T012 après T011", ["T011->T012"]), ("T012 nach T010", ["T010->T012"]), ("T012 依赖 T011", ["T011->T012"]),
            ("T012 зависит от T009", ["T009->T012"]),
            // After `;`, a clause that leaves the verb out shares the last one.
            ("T010 depends on T009; T012 on T011", ["T009->T010", "T011->T012"]),
            ("T010 dipende da T009; T011 da T010; T012 da T009+T011.", ["T009->T010", "T010->T011", "T009->T012", "T011->T012"]),
            ("T010 depends on T009; T012 on hold", ["T009->T010"]),
            // "Respectively" pairs the two sides one to one.
            ("T011–T012 require their model task (T009/T010 respectively)", ["T009->T011", "T010->T012"]),
            ("T009 and T010 block T011 and T012, respectively.", ["T009->T011", "T010->T012"]),
            ("T011, T012 dependem de T009, T010 respectivamente", ["T009->T011", "T010->T012"]),
            // Not as many on each side: every one with every one, as without the word.
            ("T011, T012 depend on T009 respectively", ["T009->T011", "T009->T012"]),
            // A denied "before" is an "after".
            ("T012 cannot start before T010 passes", ["T010->T012"]),
            ("T011 and T012 must not be merged before T009", ["T009->T011", "T009->T012"]),
            // A denial that is not of a modal denies the order itself.
            ("No need to run T010 before T011", []), ("T010 need not be done before T012", []),
            ("T010 → T011 → T012", ["T010->T011", "T011->T012"]), ("T012 ← T010 & T011", ["T010->T012", "T011->T012"]),
            ("2. Wiring（T012）→ T010完了後", ["T010->T012"]), ("T012 → after T009", ["T009->T012"]),
            ("T012 → T010 이후", ["T010->T012"]),
            ("T011 (runs in parallel with T010, after T009)", ["T009->T011"]),
            ("T009 is a prerequisite for T010 and T011", ["T009->T010", "T009->T011"]),
            ("T011 before T012 or vice versa", []), ("T012 antes de T011 o viceversa", []),
            ("T012 edits the file of T010/T011 — after T009", ["T009->T012"]),
            ("Models (T009-T011) → Services (T010-T012)", ["T009->T010", "T009->T011", "T009->T012"]),
            ("**US2**: builds on what US1 made (T012 depends on T010)", ["T010->T012"]),
            ("its wiring (T014) depends on US1's form code (T011)", ["T011->T014"]),
            // Order verbs of Dependencies sections.
            ("T012 cannot start until T010 is merged", ["T010->T012"]), ("T011 follows the same pattern as T009", []),
            ("T010 precedes T012", ["T010->T012"]), ("T012 is blocked until T011 lands", ["T011->T012"]),
            ("T012 relies on T009 and T010", ["T009->T012", "T010->T012"]),
            // Plural verbs, and the wave dash of Japanese and Chinese ranges.
            ("(T011–T012 dependen de T009)", ["T009->T011", "T009->T012"]), ("T012 dependem de T010", ["T010->T012"]),
            ("T012 dépendent de T011", ["T011->T012"]),
            // Italian.
            ("T012 dipende da T010 e T011", ["T010->T012", "T011->T012"]), ("T012 dopo T009", ["T009->T012"]),
            ("T010 blocca T012", ["T010->T012"]), ("T012 non dipende da T009", []), ("T010 prima di T012", ["T010->T012"]),
            // "Precedes" in other languages.
            ("T010 antecede T012", ["T010->T012"]), ("T010 précède T012", ["T010->T012"]), ("T010 предшествует T012", ["T010->T012"]), ("T012 depende de T009～T011", ["T009->T012", "T010->T012", "T011->T012"]),
            ("T012 依赖 T009〜T010", ["T009->T012", "T010->T012"]),
            ("T012 is blocked on T011", ["T011->T012"]), ("T009, T010 parallel (T012 depends on T011)", ["T011->T012"]),
            ("T009/T010 可并行（T012 依赖 T011）", ["T011->T012"]),
            // A list said to run one after another, each after the one before.
            ("T010, T009, T012 are sequential (one file)", ["T010->T009", "T009->T012"]),
            ("Wiring (T009–T011): sequential", ["T009->T010", "T010->T011"]), ("T010-T012は順次実行", ["T010->T011", "T011->T012"]),
            ("T009-T012 are mostly sequential", []), ("US1 (T009-T010) shares a file with T011 — keep it sequential", []),
            ("T009 and T010 are not sequential", []), ("T012: ideally after T011", []), ("T012: preferably after T010", []),
            ("T012 depends on T011 and T010 (ordered by priority)", ["T011->T012", "T010->T012"]), ("测试（T009–T010）先于实现（T011–T012）", ["T009->T011", "T009->T012", "T010->T011", "T010->T012"]),
            // A dependency word as the line's title, over clauses that name their own subjects.
            ("**Dependencies**: T010 has to finish before T012.", ["T010->T012"]),
            ("Task dependencies: T012 relies on T009, T011 needs T010", ["T009->T012", "T010->T011"]),
            ("**Requires**: T009-T010 must be merged before T011.", ["T009->T011", "T010->T011"]),
            ("**Depends on**: T009, T010", []),
        ])
    func declaredStatements(line: String, expected: [String]) {
        let doc = plan(section: "- " + line)
        #expect(doc.edges(.declared) == expected)
    }

    @Test(
        "mermaid edges, section-level clauses and Blocks ranges",
        arguments: [
            ("```mermaid\nflowchart LR\n  T009 & T010 --> T011\n  T011 --> T012 & T013\n```",
             ["T009->T011", "T010->T011", "T011->T012", "T011->T013"]),
            ("- T009 blocks: T010-T012", ["T009->T010", "T009->T011", "T009->T012"]),
            // Nodes that are no task, by the tasks their labels name: a range or a list, all of them.
            ("```mermaid\ngraph TD\n  S2[\"T009-T010 Profile\"] --> P[\"T011, T012 Polish\"]\n```",
             ["T009->T011", "T009->T012", "T010->T011", "T010->T012"]),
        ])
    func mermaidAndBlocks(section: String, expected: [String]) {
        #expect(plan(section: section).edges(.declared) == expected)
    }

    @Test("a Dependencies table row naming tasks defined above, or a list or range of tasks, states their order and defines no task")
    func dependencyTableOfTasks() {
        let doc = plan(section: """
            | Task | Depends On | Reason |
            |------|------------|--------|
            | T010 | T009 | same file |
            | T011–T012 | T009, T010 | needs both |
            | T099 | T009 | not defined above |
            """)
        #expect(doc.codes(.duplicateID).isEmpty)
        #expect(doc.tasks.filter { $0.id == "T010" }.count == 1)
        #expect(Set(doc.edges(.declared)) == ["T009->T010", "T009->T011", "T009->T012", "T010->T011", "T010->T012"])
        // A task defined nowhere above is still a task of the table.
        #expect(doc.task("T099") != nil)
        // A table that tracks status or estimates restates its tasks: they count.
        let tracked = plan(section: """
            | Task | Status | Depends On | Estimate |
            |------|--------|------------|----------|
            | T010 | Done | T009 | 2h |
            """)
        #expect(tracked.task("T010")?.status == .done)
        #expect(tracked.task("T010")?.estimate?.hours == 2)
        #expect(tracked.edges().contains("T009->T010"))
    }

    @Test(
        "mermaid nodes that name phases or stories, by their ID or their label, order the phases",
        arguments: [
            ("```mermaid\ngraph TD\n  Setup --> Foundational\n  Foundational --> US1 & US2\n```", ["1->2", "2->3", "2->4"]),
            ("```mermaid\ngraph TD\n  P2[\"Phase 2: Foundational\"] --> A[User Story 2]\n  S1[Phase 3] --> A\n```", ["2->4", "3->4"]),
            // Labelled on a line of its own, used bare on another.
            ("```mermaid\ngraph TD\n  F[Phase 2]\n  B[Phase 4]\n  F --> B\n```", ["2->4"]),
            // A label is what the node means: `X[Phase 1]` is Phase 1 whatever its ID.
            ("```mermaid\ngraph TD\n  US2[Phase 3: login] --> Polish\n```", ["3->5"]),
        ])
    func mermaidPhases(section: String, expected: [String]) {
        #expect(plan(section: section).phaseEdges() == expected)
    }

    @Test("a heading's (depends on …) and a **Depends on**: line before the first task hold for the whole section")
    func sectionLevel() {
        let doc = parse("""
            ## Phase 1: Base
            - [ ] T001 a
            - [ ] T002 b
            ## Phase 2: More
            ### Storage (depende de T001)
            - [ ] T003 c
            - [ ] T004 d
            ### Views
            **Requires**: T002
            - [ ] T005 e
            """)
        #expect(doc.edges(.explicit) == ["T001->T003", "T001->T004", "T002->T005"])
        #expect(doc.tasks.allSatisfy { !$0.statesDependencies })
    }

    // The line scan marks the open headings as holding tasks only while the
    // innermost one holds none (every heading around it then holds one too).
    @Test("a **Requires**: line before a section's first task holds there, however deep, and never after it")
    func sectionLevelNested() {
        let doc = parse("""
            ## Phase 1: Base
            - [ ] T001 a
            ### Part A
            **Requires**: T001
            - [ ] T002 b

            **Requires**: T002
            - [ ] T003 c
            #### Deep
            **Requires**: T003
            - [ ] T004 d
            ### Part B
            **Requires**: T004
            - [ ] T005 e
            """)
        #expect(doc.edges(.explicit).sorted() == ["T001->T002", "T001->T003", "T001->T004", "T003->T004", "T004->T005"])
    }

    // The line scan looks for inherited references only while an open
    // heading has some; each heading closed must take its references along.
    @Test("a heading's references reach only the tasks while it is open")
    func sectionReferencesClose() {
        let doc = parse("""
            ## Phase 1: Base
            - [ ] T001 a
            - [ ] T002 b
            ## Phase 2: More (depends on T001)
            ### Part A
            - [ ] T003 c
            ## Phase 3: Last
            - [ ] T004 d
            ### Part B
            **Requires**: T002
            - [ ] T005 e
            ### T007: Heading task under Phase 3
            ### Part C
            - [ ] T006 f
            """)
        #expect(doc.edges(.explicit).sorted() == ["T001->T003", "T002->T005"])
    }

    @Test("an arrow to words names no task")
    func arrowToWords() {
        let doc = plan(section: "- Foundational → API → UI\n- T012 → integration tests")
        #expect(doc.dependencies.isEmpty)
    }

    @Test("a `←` statement that only points backwards is read the other way round, with a note")
    func leftArrowBackwards() {
        let doc = plan(section: "- T009 <- T010 <- T011")
        #expect(doc.edges(.declared) == ["T009->T010", "T010->T011"])
        #expect(doc.codes(.reversedArrow).count == 1)
    }

    @Test("a word inside a parenthesised title never names another phase")
    func parenthesisedTitle() {
        let doc = plan(section: """
            - **US2 (Cluster Setup)**: Can start after Foundational
            - **Polish (final Setup checks)**: depends on all user stories
            """)
        // Foundational (2) before US2 (4); every story phase (3, 4) before Polish (5); Setup (1) waits for nothing.
        #expect(doc.phaseEdges() == ["2->4", "3->5", "4->5"])
    }

    @Test("a Dependencies table whose rows name stories states their order and what runs beside them; a task table there does not")
    func dependencyTable() {
        let doc = plan(section: """
            | Story | Prerequisites | Can work in parallel with |
            |-------|---------------|---------------------------|
            | US1 (Login) | Foundational | - |
            | US2 (Profile) | US1 (needs the session) | Polish |
            | Polish | all user stories | — |
            """)
        #expect(doc.phaseEdges() == ["2->3", "3->4", "3->5", "4->5"])
        #expect(doc.parallelSummary() == [" | 4 5"])
        let portuguese = plan(section: "| História | Depende de |\n|---|---|\n| US2 | US1 |\n")
        #expect(portuguese.phaseEdges() == ["3->4"])
        let japanese = plan(section: "| ストーリー | 優先度 | 他との依存 |\n|---|---|---|\n| US2（検索） | P2 | US1 完了後 |\n")
        #expect(japanese.phaseEdges() == ["3->4"])
        let notes = plan(heading: "Notes", section: "| Story | Depends On |\n|---|---|\n| US2 | US1 |\n")
        #expect(notes.phaseEdges().isEmpty)
    }

    @Test(
        "phase-level statements",
        arguments: [
            ("Phase 4 depends on Phase 3", ["3->4"]), ("US2 depends on US1", ["3->4"]),
            ("Polish depends on all user stories", ["3->5", "4->5"]), ("User Story 2 after Setup", ["1->4"]),
            ("Phase 3 and Phase 4 can run in parallel after Phase 2", ["2->3", "2->4"]),
            ("**After US1/US2 are done**: Polish can run in parallel", ["3->5", "4->5"]), ("Polish after US1-US2", ["3->5", "4->5"]),
            ("US1 e US2 são paralelizáveis após Foundational", ["2->3", "2->4"]),
            ("**US2**: Independent of US1, depends only on Setup", ["1->4"]),
            ("**User Story 2**: Foundational 完成後可開始 - **獨立**", ["2->4"]), ("**US2**: US1 이후", ["3->4"]),
            ("**사용자 스토리 2**: US1에 의존", ["3->4"]), ("US2: US1 완료 필요", ["3->4"]),
            // A word placed after its list, with the subject before that list.
            ("US2 は US1 に依存", ["3->4"]), ("US2 在 US1 之后", ["3->4"]), ("US2 必须在 US1 完成后开始", ["3->4"]),
            // Plain words before the list, never across a dash that no item follows.
            ("**Foundational (Phase 2)**: Depends on Preparation completion - **gates all user stories**", []),
            ("US2 needs the shared layer – Phase 2", ["2->4"]),
            // Denied after the verb: no order.
            ("US2: US1에 의존하지 않음", []), ("US2: US1 완료 필요 없음", []), ("US2: US1に依存しない", []),
        ])
    func phaseStatements(line: String, expected: [String]) {
        #expect(plan(section: "- " + line).phaseEdges() == expected)
    }

    @Test("a clause word that ends a Dependencies item takes its list from the indented line below")
    func wrappedClause() {
        let doc = plan(section: "- T011 after\n  T009/T010 are merged.\n- T017 depends on\n  T010.\n- T013 blocks T014\n  and more text")
        #expect(doc.edges(.declared) == ["T009->T011", "T010->T011", "T010->T017", "T013->T014"])
        // Plain words between the clause word and the line's end: the list is still below.
        let words = plan(section: "1. **Schema (T005)** must finish before the API tasks\n   (T009-T010)\n2. T006 must finish before the docs\n\nT011 is next")
        #expect(words.edges(.declared) == ["T005->T009", "T005->T010"])
    }

    @Test("an arrow to a part that a parallel word opens orders nothing: the parts run side by side")
    func arrowToParallelPart() {
        let doc = plan(section: "- T013 + T014 → en paralelo con T009 + T010\n- T015 → T016 → in parallel with T011\n- T017 → parallel: T018, T019")
        // A parallel word without a partner after the arrow still orders: T017 first, then T018 and T019 side by side.
        #expect(doc.edges(.declared) == ["T015->T016", "T017->T018", "T017->T019"])
        #expect(doc.parallelSummary() == ["T013 T014 T009", "T013 T014 T010", "T016 T011", "T018 T019"])
    }

    @Test(
        "an order proposed for a staffing (a team word in the line's lead) or recommended (in its lead or at its end) is no dependency",
        arguments: [
            ("Single developer: US1 → US2", []), ("**단일 개발자**: US1 → US2 순서", []), ("Solo path (one dev): US1 → US2", []),
            ("Recommended order: US1 → US2", []), ("US2 → US1 (suggested)", []), ("推荐顺序：US1 → US2", []),
            ("US1 → US2 순서 권장", []), ("Ordem recomendada: US1 → US2", []),
            // What the line states stays an order.
            ("US1 → US2", ["3->4"]), ("Critical path: US1 → US2", ["3->4"]), ("US2 depends on US1 (recommended by QA)", ["3->4"]),
        ])
    func proposedOrders(line: String, expected: [String]) {
        #expect(plan(section: "- " + line).phaseEdges() == expected)
    }

    @Test(
        "an order offered with running together or at once as the other choice orders nothing; the rest of the line still does",
        arguments: [
            ("US2 can start after US1 or in parallel if staffed", []), ("US2 after US1 (or US2 can start right away, immediately)", []),
            ("US2 después de US1 o en paralelo", []), ("US2 após US1 ou imediatamente", []),
            ("US2: depends on Setup and may start after US1, or alongside it in parallel", ["1->4"]),
            ("US2 depends on US1; Setup or Polish can run in parallel", ["3->4"]), ("US2 after US1 or Setup", ["3->4"]),
        ])
    func alternativeOrders(line: String, expected: [String]) {
        #expect(plan(section: "- " + line).phaseEdges() == expected)
    }

    @Test("a list denied right after it (`— no longer needed`, `불필요`, `不要`) yields no edge, in a task's text and in a Dependencies section")
    func listDeniedAfter() {
        let body = plan(body: "Depends on T001 — no longer needed\n(의존: T002 불필요)\n(依存: T003 不要)\nAfter T004: not required\nDepends on T005")
        #expect(body.predecessors(of: "T020") == ["T005"])
        let section = plan(section: "- T018 depends on T006 (not needed any more)\n- T019 after T007 — unnecessary\n- T020 depends on T008")
        #expect(section.edges(.declared) == ["T008->T020"])
    }

    @Test("a parenthesis after a phase that states parallel work with a partner is a clause about the line's subject, not the phase's note")
    func parallelClauseInPhaseNote() {
        let english = plan(section: "- **Polish**: Depends on US1 (can run in parallel with US2)")
        #expect(english.phaseEdges() == ["3->5"])
        #expect(english.parallelSummary() == [" | 5 4"])
        let spanish = plan(section: "- Polish: Depende de US1 (puede hacerse en paralelo con US2)")
        #expect(spanish.parallelSummary() == [" | 5 4"])
    }

    @Test("an Italian Dependencies section is one: its heading, a phase statement and parallel work are read")
    func italianSection() {
        let doc = plan(heading: "Dipendenze e Ordine di Esecuzione", section: "- Fase 4 (US2): dipende da Fase 3\n- T017, T018 possono essere eseguite in parallelo")
        #expect(doc.phaseEdges() == ["3->4"])
        #expect(doc.parallelSummary() == ["T017 T018"])
    }

    @Test("a list item may be a few words and a note of task IDs (`the lexer (T006)`), in a task's text and in a Dependencies section")
    func wordsBeforeNoteOfIDs() {
        let body = plan(body: "Depends on the parser (T001) and the lexer (T002-T003)")
        #expect(body.predecessors(of: "T020") == ["T001", "T002", "T003"])
        let section = plan(section: "- T019 after the schema (T005), the seeds (T006) and auth (T007)\n- T018 depends on T008 and other work (see notes)")
        #expect(section.edges(.declared) == ["T005->T019", "T006->T019", "T007->T019", "T008->T018"])
    }

    @Test("an arrow that words but no task or phase follow points at a remark: the statement before it stands")
    func arrowToRemark() {
        let doc = plan(section: "- T009 must complete before T010 ← Note: the endpoint needs it\n- T011 → T012 <- needed for tests\n- T013 → T014 →\n  T015")
        #expect(doc.edges(.declared) == ["T009->T010", "T011->T012", "T013->T014", "T014->T015"])
    }

    @Test(
        "a negation a few plain words before the clause word denies it; one on the line above does not",
        arguments: [
            ("US2: has no technical dependency on US1", []), ("US2 does not really depend on US1", []),
            ("US2: no tiene dependencia técnica con US1", []), ("US2: not blocked, depends on US1", ["3->4"]),
            ("US2: (optional) not tested here\n  US2 depends on US1", ["3->4"]),
        ])
    func negationBeforeQualifiedWord(line: String, expected: [String]) {
        #expect(plan(section: "- " + line).phaseEdges() == expected)
    }

    @Test("`user stories` with no number and no narrowing word before names every story; `P1 user stories` names none")
    func userStoriesCollective() {
        let parallel = plan(section: "- **Polish (Phase 5)**: can run in parallel with user stories")
        #expect(parallel.parallelSummary() == [" | 5 3", " | 5 4"])
        let depends = plan(section: "- User stories depend on Foundational")
        #expect(depends.phaseEdges() == ["2->3", "2->4"])
        #expect(plan(section: "- US2: depends on previous user stories").phaseEdges().isEmpty)
        #expect(plan(section: "- US2: depends on P1 user stories").phaseEdges().isEmpty)
    }

    @Test("`independent` after a parallel word of its sentence means of each other: the tasks keep their order with the rest")
    func independentAfterParallel() {
        let mutual = plan(section: "- T005-T007: three additions in parallel (each independent)")
        #expect(mutual.tasks.filter(\.independent).isEmpty)
        #expect(mutual.parallelSummary().contains("T005 T006 T007"))
        let alone = plan(section: "- T005-T007 independent")
        #expect(alone.tasks.filter(\.independent).map(\.id) == ["T005", "T006", "T007"])
    }

    @Test("a together word after a comma and a subject of plain words of its own takes no subject from the line's lead")
    func ownSubjectAfterComma() {
        let summary = plan(section: "- **Final Checkpoint (T017-T020)**: verify the system, both flows independent, release ready")
        #expect(summary.parallelStatements.isEmpty)
        #expect(summary.tasks.filter(\.independent).isEmpty)
        let lead = plan(section: "- **T017-T019**: wire the UI, can run in parallel")
        #expect(lead.parallelSummary() == ["T017 T018 T019"])
    }

    @Test(
        "review cases: words that look like this stop's rules but state an order keep it",
        arguments: [
            // A negation two words before an order word that is no noun denies something else.
            ("T019 runs with no locks after T017", ["T017->T019"]),
            // An "or" in another sentence or parenthesis offers no other choice.
            ("T019 depends on T017 or its mock. T018 and T019 tests run in parallel.", ["T017->T019"]),
            ("T019 depends on T018 (or on T017 if docs are skipped), and can run alongside T016", ["T018->T019"]),
            // A team word inside the lead names a thing.
            ("Local dev setup: T017 → T018", ["T017->T018"]), ("Shared person model: T017 → T018", ["T017->T018"]),
            ("Data layer: T017 → T018 (required, not suggested)", ["T017->T018"]),
            // A pointer to a remark is no item; a denial followed by a qualifier is no denial.
            ("T019 depends on T018, see notes (T003)", ["T018->T019"]), ("T019 depends on T017 (not needed until release)", ["T017->T019"]),
        ])
    func reviewCases(line: String, expected: [String]) {
        #expect(plan(section: "- " + line).edges(.declared) == expected)
    }

    @Test("a phase's note about parallel work is passed over when the list goes on after it")
    func listGoesOnAfterParallelNote() {
        let doc = plan(section: "- T020 depends on Phase 1 (its tasks run in parallel with T010) and Phase 2")
        #expect(doc.edges(.declared) == ["T001->T020", "T002->T020", "T003->T020", "T004->T020", "T005->T020", "T006->T020", "T007->T020", "T008->T020"])
    }

    @Test("`no` words before a noun for a dependency deny it in every language; before another clause word they are a field's empty list")
    func noneWordsBeforeNoun() {
        for line in ["US2: ninguna dependencia de US1", "US2: nenhuma dependência de US1", "US2: nessuna dipendenza da US1",
                     "US2: aucune dépendance à US1", "US2: keine Abhängigkeit von US1"] {
            #expect(plan(section: "- " + line).phaseEdges().isEmpty, "\(line)")
        }
        #expect(plan(section: "- **US2 (P2)**: Ninguna tras US1.").phaseEdges() == ["3->4"])
    }

    @Test("a comma and a helper word (`then`) before an ID and an arrow start another chain")
    func thenStartsAnotherChain() {
        let doc = plan(section: "- T009 → T010, then T011 → T012")
        #expect(doc.edges(.declared) == ["T009->T010", "T011->T012"])
    }

    @Test("a parenthesis that opens an arrow's part before any ID is a remark: the list after it is the part")
    func remarkOpensArrowPart() {
        let doc = plan(section: """
            - T009 → (optional) T010
            - T011 → ( maybe later ): T012, T013
            - T014 → (T015, T016)
            - T017 → (see the notes) and nothing else
            """)
        #expect(doc.edges(.declared) == ["T009->T010", "T011->T012", "T011->T013", "T014->T015", "T014->T016"])
    }

    @Test("a phase, a few words naming a part of it and a note of tasks name those tasks; a note that restates the phase does not narrow it")
    func qualifiedPhase() {
        let doc = plan(section: """
            - **US2 (T013-T016)**: Depends on US1 backend (T009, T010) but the UI can start after T011
            - Polish can start after Foundational phase completion (T005-T008)
            """)
        #expect(doc.edges(.declared) == [
            "T009->T013", "T009->T014", "T009->T015", "T009->T016", "T010->T013", "T010->T014", "T010->T015", "T010->T016",
            "T011->T013", "T011->T014", "T011->T015", "T011->T016",
        ])
        #expect(doc.phaseEdges() == ["2->5"])
    }

    @Test("a task named beside a phase on one side of a phase statement counts unless it is in that phase")
    func tasksBesidePhases() {
        let doc = plan(section: "- US2 depends on Phase 2 and T010\n- Polish needs US1 (T011) and T014")
        #expect(doc.phaseEdges() == ["2->4", "3->5"])
        #expect(doc.edges(.declared) == ["T010->T013", "T010->T014", "T010->T015", "T010->T016",
                                         "T014->T017", "T014->T018", "T014->T019", "T014->T020"])
    }
}

@Suite("Dependency prose: parallel statements")
struct ParallelStatementTests {
    @Test(
        "a note that tasks or phases can run together is one parallel statement",
        arguments: [
            ("T005, T006, T007 can run in parallel", ["T005 T006 T007"]),
            ("T009-T012 can run in parallel", ["T009 T010 T011 T012"]),
            ("T009 through T011 run concurrently", ["T009 T010 T011"]),
            ("Phase 3 and Phase 4 can run in parallel", [" | 3 4"]),
            ("US1: T010 and T011 can run in parallel after T009", ["T010 T011"]),
            ("T005 e T006 podem rodar em paralelo", ["T005 T006"]), ("T005 y T006 se ejecutan en paralelo", ["T005 T006"]),
            ("T005 et T006 peuvent tourner en parallèle", ["T005 T006"]), ("T005 und T006 laufen gleichzeitig", ["T005 T006"]),
            ("T005 和 T006 可以并行执行", ["T005 T006"]), ("T005 與 T006 可並行", ["T005 T006"]),
            ("T005とT006は並列実行可能", ["T005 T006"]), ("T005 및 T006 병렬 실행 가능", ["T005 T006"]),
            ("T005 и T006 можно выполнять параллельно", ["T005 T006"]),
            ("T005, T006 paralelos", ["T005 T006"]), ("T007 y T008 son paralelas", ["T007 T008"]),
            // A lead that says so over a list, or a list after the word with no subject before it.
            ("**Parallel**: T005, T006, T007", ["T005 T006 T007"]), ("Run in parallel: T009-T011", ["T009 T010 T011"]),
            ("The model tasks can be built in parallel (T005, T006)", ["T005 T006"]), ("并行: T010、T011", ["T010 T011"]),
            ("Not in parallel: T005, T006", []), ("Can be done in parallel (T005-T006, T009-T010)", []),
            ("T005 и T006 параллельны", ["T005 T006"]),
            ("Once Foundational is done, all user stories can start in parallel", [" | 3 4"]),
            ("T010 and T011 are independent of each other", ["T010 T011"]),
            // After a word placed after its list, a parallel word speaks of the same subject.
            ("T010、T011 可在 T009 完成後平行執行", ["T010 T011"]), ("T010 と T011 は T009 完了後に並列実行可能", ["T010 T011"]),
            ("T010 [P] and T011 [P] can run in parallel", ["T010 T011"]),
            ("US1 y US2 son independientes entre sí", [" | 3 4"]),
            ("**User Story 2**: US1と独立", [" | 4 3"]), ("T012 can run in parallel with T009 and T010", ["T012 T009", "T012 T010"]),
            ("US1 and US2 are independent", [" | 3 4"]),
            ("**User Story 1** — depends on Foundational. Independent of all other stories.", [" | 3 4"]),
            ("Independent of all other stories.", []), ("Phase 5 can be built in parallel with the backend", []),
            // `||` and `∥` between two sides: each side with the other.
            ("T005 || T009, T010", ["T005 T009", "T005 T010"]), ("T009–T010 ∥ T011", ["T009 T010 T011"]),
            ("`a || b` in the shell", []), ("T005 || T006 || T009-T010 can all run in parallel", ["T005 T006 T009 T010"]),
        ])
    func parallelNotes(line: String, expected: [String]) {
        for heading in ["Parallel Opportunities", "Dependencies & Execution Order"] {
            let doc = plan(heading: heading, section: "- " + line)
            #expect(doc.parallelSummary() == expected, "under \(heading)")
        }
    }

    @Test(
        "no parallel statement from a denial, from [P] marks, or from a mention",
        arguments: [
            "T005 and T006 must not run in parallel", "T005 and T006 cannot run in parallel",
            "All Setup tasks marked [P] can run in parallel", "Models within a story marked [P] can run in parallel",
            "Different user stories can be worked on in parallel", "Parallel Example: T005 is a good start",
            "Developer A: T005, T006 in parallel with Developer B", "**Phase 1**: 3 parallel tasks",
            "**Phase 2**: Many tasks can run in parallel", "**Phase 1 병렬 실행 가능**:",
            "Once Foundational is done, split into parallel workstreams:",
            "2. Once Foundational is done, split into parallel workstreams:",
        ])
    func notParallel(line: String) {
        #expect(plan(heading: "Parallel Opportunities", section: "- " + line).parallelStatements.isEmpty)
    }

    @Test("`Parallel with:` in a task's body names that task and the ones listed")
    func parallelWithInBody() {
        let doc = plan(body: "Parallel with: T018, T019")
        // T020 with each: nothing is said about T018 and T019.
        #expect(doc.parallelSummary() == ["T020 T018", "T020 T019"])
        #expect(doc.edges().isEmpty)
        #expect(plan(body: "可与 T018 并行").parallelSummary() == ["T020 T018"])
        #expect(plan(body: "T018と並列実行可能").parallelSummary() == ["T020 T018"])
        #expect(plan(body: "pode rodar em paralelo com T018").parallelSummary() == ["T020 T018"])
    }

    @Test("`independent` alone marks a task independent; `independent of` names what it runs beside")
    func independentTask() {
        let alone = plan(body: "Dependencies: none (independent)")
        #expect(alone.task("T020")?.independent == true)
        #expect(alone.task("T020")?.statesDependencies == true)
        let of = plan(body: "Independent of T017")
        #expect(of.task("T020")?.independent == false)
        #expect(of.parallelSummary() == ["T020 T017"])
        #expect(of.edges().isEmpty)
        let declared = plan(section: "- T016 independent")
        #expect(declared.task("T016")?.independent == true)
        #expect(declared.parallelSummary() == ["T016"])
    }

    @Test("a story independent of the other stories runs beside each of them, one statement per pair")
    func storyIndependentOfOthers() {
        let text = """
            ## Phase 1: Setup
            - [ ] T001 a
            ## Phase 2: User Story 1
            - [ ] T002 [US1] b
            ## Phase 3: User Story 2
            - [ ] T003 [US2] c
            ## Phase 4: User Story 3
            - [ ] T004 [US3] d

            ## Dependencies
            - US3: independent of other stories
            - **US1**: Independent
            """
        let doc = parse(text)
        #expect(doc.parallelSummary() == [" | 2 4", " | 3 4", " | 2 3"])
        #expect(doc.dependencies.isEmpty)
        #expect(doc.phaseDependencies.isEmpty)
    }
}
