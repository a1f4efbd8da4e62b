import Foundation
import Testing

@testable import SpecKitTasks

/// Every phrase family of dependency prose, in every language of the
/// vocabulary, positive and negative, phrased for these tests (issue 11).
///
/// A task's own text goes in the body of T003 of:
///
///     Phase 1: Setup                       T001 T002 T004
///     (T003 last, its body the phrase)     T003
///
/// A Dependencies line goes below:
///
///     Phase 1: Setup                       T001 T002
///     Phase 2: User Story 1                T003  [US1]
///     Phase 3: User Story 2                T004  [US2]
///     ## Dependencies
///     - <the line>
private func taskText(_ body: String) -> SpecDocument {
    parse(
        """
        ## Phase 1: Setup

        - [ ] T001 Create the schema
        - [ ] T002 Seed the tables
        - [ ] T004 Write the importer
        - [ ] T003 Wire the screens
          \(body)

        """)
}

private func dependencies(_ line: String, heading: String = "Dependencies") -> SpecDocument {
    parse(
        """
        ## Phase 1: Setup

        - [ ] T001 Create the schema
        - [ ] T002 Seed the tables

        ## Phase 2: User Story 1 (Priority: P1)

        - [ ] T003 [US1] Wire the screens

        ## Phase 3: User Story 2 (Priority: P2)

        - [ ] T004 [US2] Write the importer

        ## \(heading)

        - \(line)

        """)
}

extension SpecDocument {
    /// Parallel statements as sorted task IDs joined by spaces (`T002 T003`).
    fileprivate func parallelTasks() -> [String] {
        parallelStatements.map { $0.tasks.map { tasks[Int($0)].id }.sorted().joined(separator: " ") }
    }
}

/// One phrase: its language, the text and what it must yield.
struct Phrase: CustomTestStringConvertible, Sendable {
    let language: String
    let text: String
    let expected: [String]
    init(_ language: String, _ text: String, _ expected: [String] = []) {
        self.language = language
        self.text = text
        self.expected = expected
    }
    var testDescription: String { "\(language): \(text)" }
}

@Suite("Dependency prose: every phrase family in every language")
struct DependencyPhraseTableTests {
    // MARK: A task's own text (edge kind `explicit`)

    @Test(
        "a word meaning `after` before its list: the task waits for the list",
        arguments: [
            Phrase("en", "Only start once T001 and T002 have landed", ["T001", "T002"]),
            Phrase("en", "Blocked by: T004", ["T004"]),
            Phrase("pt", "Aguarda T001 e T002", ["T001", "T002"]),
            Phrase("pt", "Executar depois de T004", ["T004"]),
            Phrase("es", "Se hace tras T001 y T002", ["T001", "T002"]),
            Phrase("es", "Requiere T004", ["T004"]),
            Phrase("fr", "Nécessite T001 et T002", ["T001", "T002"]),
            Phrase("fr", "À faire après T004", ["T004"]),
            Phrase("de", "Erfordert T001 und T002", ["T001", "T002"]),
            Phrase("de", "Abhängig von T004", ["T004"]),
            Phrase("zh-Hans", "前置任务：T001、T002", ["T001", "T002"]),
            Phrase("zh-Hans", "依赖于 T004", ["T004"]),
            Phrase("zh-Hant", "依賴於 T001 與 T002", ["T001", "T002"]),
            Phrase("zh-Hant", "前置任務: T004", ["T004"]),
            Phrase("ja", "前提条件: T001, T002", ["T001", "T002"]),
            Phrase("ja", "依存: T004", ["T004"]),
            Phrase("ko", "선행 작업: T001, T002", ["T001", "T002"]),
            Phrase("ko", "의존성: T004", ["T004"]),
            Phrase("ru", "Требует T001 и T002", ["T001", "T002"]),
            Phrase("ru", "Выполнять после T004", ["T004"]),
        ])
    func afterWord(phrase: Phrase) {
        let doc = taskText(phrase.text)
        #expect(doc.predecessors(of: "T003").sorted() == phrase.expected)
        #expect(doc.task("T003")?.statesDependencies == true)
    }

    @Test(
        "a word meaning `after` written after its list: the list right before it",
        arguments: [
            Phrase("zh-Hans", "T001 和 T002 完成后再接入", ["T001", "T002"]),
            Phrase("zh-Hans", "在 T004 之后", ["T004"]),
            Phrase("zh-Hant", "T001、T002 完成後開始", ["T001", "T002"]),
            Phrase("zh-Hant", "T004 之後進行", ["T004"]),
            Phrase("ja", "T001、T002完了後に着手", ["T001", "T002"]),
            Phrase("ja", "T004 の後", ["T004"]),
            Phrase("ko", "T001, T002 완료 후 진행", ["T001", "T002"]),
            Phrase("ko", "T004 이후 시작", ["T004"]),
        ])
    func postfixAfterWord(phrase: Phrase) {
        let doc = taskText(phrase.text)
        #expect(doc.predecessors(of: "T003").sorted() == phrase.expected)
    }

    @Test(
        "a word meaning `blocks`: the listed tasks wait for this one",
        arguments: [
            Phrase("en", "Unblocks T004", ["T004"]), Phrase("pt", "Bloqueia T004", ["T004"]),
            Phrase("es", "Bloquea T004", ["T004"]), Phrase("fr", "Bloque T004", ["T004"]),
            Phrase("de", "Blockiert T004", ["T004"]), Phrase("zh-Hans", "阻塞 T004", ["T004"]),
            Phrase("ru", "Блокирует T004", ["T004"]),
        ])
    func blocksWord(phrase: Phrase) {
        let doc = taskText(phrase.text)
        #expect(doc.predecessors(of: "T004") == ["T003"])
        #expect(doc.predecessors(of: "T003").isEmpty)
    }

    @Test(
        "an empty list states the task's dependencies and names none",
        arguments: [
            Phrase("en", "Dependencies: none"), Phrase("en", "Depends on: n/a"), Phrase("en", "Depends on: -"),
            Phrase("pt", "Dependências: nenhuma"), Phrase("es", "Dependencias: ninguna"),
            Phrase("fr", "Dépendances : aucune"), Phrase("de", "Abhängigkeiten: keine"), Phrase("zh-Hans", "依赖：无"),
            Phrase("zh-Hant", "依賴：無"), Phrase("ja", "依存: なし"), Phrase("ko", "의존성: 없음"),
            Phrase("ru", "Зависимости: нет"),
        ])
    func noneWord(phrase: Phrase) {
        let doc = taskText(phrase.text)
        #expect(doc.predecessors(of: "T003").isEmpty)
        #expect(doc.task("T003")?.statesDependencies == true)
    }

    @Test(
        "a negated clause states that there is no order, and yields no edge",
        arguments: [
            Phrase("en", "Doesn't need T001 at all"), Phrase("en", "Not blocked by T002"),
            Phrase("pt", "Não depende de T001"), Phrase("pt", "Sem dependência de T002"),
            Phrase("es", "Sin dependencia de T001"), Phrase("fr", "Ne dépend pas de T001"),
            Phrase("fr", "Sans dépendance : T002"), Phrase("de", "Ohne Abhängigkeit von T001"),
            Phrase("de", "Nicht abhängig von T002"), Phrase("zh-Hans", "没有依赖 T001"), Phrase("zh-Hans", "无依赖 T002"),
            Phrase("zh-Hant", "沒有依賴 T001"), Phrase("ru", "Не зависит от T001"), Phrase("ru", "Без зависимости от T002"),
        ])
    func negatedClause(phrase: Phrase) {
        let doc = taskText(phrase.text)
        #expect(doc.predecessors(of: "T003").isEmpty)
        #expect(doc.task("T003")?.statesDependencies == true)
    }

    @Test(
        "a mention without a dependency word names nothing (`see T001`, `similar to T002`), in every language",
        arguments: [
            Phrase("en", "See T001 for the column names"), Phrase("en", "Similar to T002, read-only"),
            Phrase("en", "Mirrors the layout of T004"),
            Phrase("pt", "Veja T001 para os nomes"), Phrase("pt", "Semelhante a T002"),
            Phrase("es", "Véase T001"), Phrase("es", "Parecido a T002"),
            Phrase("fr", "Voir T001 pour les colonnes"), Phrase("fr", "Semblable à T002"),
            Phrase("de", "Siehe T001"), Phrase("de", "Ähnlich wie T002"),
            Phrase("zh-Hans", "参见 T001 的字段"), Phrase("zh-Hans", "类似 T002"),
            Phrase("zh-Hant", "參見 T001"), Phrase("zh-Hant", "類似 T002"),
            Phrase("ja", "T001 を参照"), Phrase("ja", "T002 と同様の構成"),
            Phrase("ko", "T001 참고"), Phrase("ko", "T002과 유사"),
            Phrase("ru", "См. T001"), Phrase("ru", "Похоже на T002"),
        ])
    func mentionWithoutWord(phrase: Phrase) {
        let doc = taskText(phrase.text)
        #expect(doc.predecessors(of: "T003").isEmpty)
        #expect(doc.task("T003")?.statesDependencies == false)
        #expect(doc.parallelStatements.isEmpty)
    }

    @Test(
        "a parallel word with a partner: the two run together, no edge",
        arguments: [
            Phrase("en", "Can run in parallel with T002"), Phrase("pt", "Pode rodar em paralelo com T002"),
            Phrase("es", "Paralelizable con T002"), Phrase("fr", "En parallèle avec T002"),
            Phrase("de", "Gleichzeitig mit T002"), Phrase("zh-Hans", "可与 T002 并行"), Phrase("zh-Hant", "可與 T002 並行"),
            Phrase("ja", "T002と並列実行可能"), Phrase("ko", "T002와 병렬 진행"), Phrase("ru", "Параллельно с T002"),
        ])
    func parallelWithPartner(phrase: Phrase) {
        let doc = taskText(phrase.text)
        #expect(doc.predecessors(of: "T003").isEmpty)
        #expect(doc.parallelTasks() == ["T002 T003"])
    }

    @Test(
        "`independent` alone: the task waits for nothing and gets no order edges",
        arguments: [
            Phrase("en", "(independent)"), Phrase("pt", "(independente)"), Phrase("es", "(independiente)"),
            Phrase("fr", "(indépendante)"), Phrase("de", "(unabhängig)"), Phrase("zh-Hans", "（独立）"),
            Phrase("zh-Hant", "（獨立）"), Phrase("ja", "（独立）"), Phrase("ko", "(독립)"), Phrase("ru", "(независимая)"),
        ])
    func independentAlone(phrase: Phrase) {
        let doc = taskText(phrase.text)
        #expect(doc.task("T003")?.independent == true)
        #expect(doc.predecessors(of: "T003").isEmpty)
    }

    // MARK: Dependencies sections (edge kinds `declared` and `story`)

    @Test(
        "subject, `after` word, object: the subject waits for the object",
        arguments: [
            Phrase("en", "T004 waits for T002", ["T002->T004"]), Phrase("pt", "T004 depende de T002", ["T002->T004"]),
            Phrase("es", "T004 requiere T002", ["T002->T004"]), Phrase("fr", "T004 dépend de T002", ["T002->T004"]),
            Phrase("de", "T004 benötigt T002", ["T002->T004"]), Phrase("zh-Hans", "T004 依赖 T002", ["T002->T004"]),
            Phrase("zh-Hant", "T004 依賴 T002", ["T002->T004"]), Phrase("ja", "T004: T002 完了後", ["T002->T004"]),
            Phrase("ko", "T004: T002 이후", ["T002->T004"]), Phrase("ru", "T004 зависит от T002", ["T002->T004"]),
        ])
    func declaredAfter(phrase: Phrase) {
        #expect(dependencies(phrase.text).edges(.declared) == phrase.expected)
    }

    @Test(
        "subject, `before` or `blocks` word, object: the object waits for the subject",
        arguments: [
            Phrase("en", "T001 comes before T004", ["T001->T004"]), Phrase("en", "T001 blocks T004", ["T001->T004"]),
            Phrase("pt", "T001 antes de T004", ["T001->T004"]), Phrase("pt", "T001 bloqueia T004", ["T001->T004"]),
            Phrase("es", "T001 bloquea T004", ["T001->T004"]), Phrase("fr", "T001 avant T004", ["T001->T004"]),
            Phrase("de", "T001 vor T004", ["T001->T004"]), Phrase("de", "T001 blockiert T004", ["T001->T004"]),
            Phrase("zh-Hans", "T001 阻塞 T004", ["T001->T004"]), Phrase("ru", "T001 перед T004", ["T001->T004"]),
            Phrase("ru", "T001 блокирует T004", ["T001->T004"]),
        ])
    func declaredBefore(phrase: Phrase) {
        #expect(dependencies(phrase.text).edges(.declared) == phrase.expected)
    }

    @Test(
        "an arrow, and an arrow to a word meaning `after` that turns it round",
        arguments: [
            Phrase("symbols", "T001 → T002 -> T004", ["T001->T002", "T002->T004"]),
            Phrase("symbols", "T004 ← T001", ["T001->T004"]),
            Phrase("en", "T004 → after T002", ["T002->T004"]), Phrase("pt", "T004 → após T002", ["T002->T004"]),
            Phrase("es", "T004 → después de T002", ["T002->T004"]), Phrase("fr", "T004 → après T002", ["T002->T004"]),
            Phrase("de", "T004 → nach T002", ["T002->T004"]), Phrase("zh-Hans", "T004 → T002 完成后", ["T002->T004"]),
            Phrase("zh-Hant", "T004 → T002 完成後", ["T002->T004"]), Phrase("ja", "T004 → T002完了後", ["T002->T004"]),
            Phrase("ko", "T004 → T002 완료 후", ["T002->T004"]), Phrase("ru", "T004 → после T002", ["T002->T004"]),
        ])
    func declaredArrows(phrase: Phrase) {
        #expect(dependencies(phrase.text).edges(.declared) == phrase.expected)
    }

    @Test(
        "an arrow to words names no task",
        arguments: [
            Phrase("en", "T001 → the seeding work"), Phrase("pt", "T001 → a camada de dados"),
            Phrase("es", "T001 → la capa de datos"), Phrase("fr", "T001 → la couche de données"),
            Phrase("de", "T001 → die Datenschicht"), Phrase("zh-Hans", "T001 → 数据层"), Phrase("zh-Hant", "T001 → 資料層"),
            Phrase("ja", "T001 → データ層"), Phrase("ko", "T001 → 데이터 계층"), Phrase("ru", "T001 → слой данных"),
        ])
    func arrowToWords(phrase: Phrase) {
        let doc = dependencies(phrase.text)
        #expect(doc.edges().isEmpty)
        #expect(doc.phaseDependencies.isEmpty)
    }

    @Test(
        "tasks that run together: a parallel statement, no edge",
        arguments: [
            Phrase("en", "T002 and T003 can run in parallel"), Phrase("pt", "T002 e T003 podem rodar em paralelo"),
            Phrase("es", "T002 y T003 son paralelizables"), Phrase("fr", "T002 et T003 en parallèle"),
            Phrase("de", "T002 und T003 gleichzeitig"), Phrase("zh-Hans", "T002 和 T003 可以并行"),
            Phrase("zh-Hant", "T002 與 T003 可以並行"), Phrase("ja", "T002、T003 は並列実行可能"),
            Phrase("ko", "T002, T003 병렬 실행 가능"), Phrase("ru", "T002 и T003 параллельно"),
        ])
    func declaredParallel(phrase: Phrase) {
        let doc = dependencies(phrase.text)
        #expect(doc.edges().isEmpty)
        #expect(doc.parallelTasks() == ["T002 T003"])
    }

    @Test(
        "a story waits for a story: phase 3 (US2) after phase 2 (US1)",
        arguments: [
            Phrase("en", "US2 depends on US1"), Phrase("en", "**User Story 2**: can start after US1"),
            Phrase("pt", "US2 depende de US1"), Phrase("es", "US2 requiere US1"), Phrase("fr", "US2 dépend de US1"),
            Phrase("de", "US2 benötigt US1"), Phrase("zh-Hans", "US2 依赖 US1"), Phrase("zh-Hant", "US2 依賴 US1"),
            Phrase("ja", "US2: US1 完了後"), Phrase("ko", "US2: US1 이후"), Phrase("ru", "US2 зависит от US1"),
        ])
    func storyAfterStory(phrase: Phrase) {
        let doc = dependencies(phrase.text)
        #expect(doc.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" } == ["2->3"])
    }

    @Test(
        "`no dependencies on other stories` orders nothing, in every language",
        arguments: [
            Phrase("en", "**User Story 2**: no dependencies on other stories"),
            Phrase("pt", "**US2**: sem dependências de outras histórias"),
            Phrase("es", "**US2**: sin dependencias de otras historias"),
            Phrase("fr", "**US2** : sans dépendance aux autres histoires"),
            Phrase("de", "**US2**: ohne Abhängigkeit von anderen Stories"),
            Phrase("zh-Hans", "**US2**：不依赖其他用户故事"), Phrase("zh-Hant", "**US2**：沒有依賴其他故事"),
            Phrase("ja", "**US2**: 他のストーリーへの依存なし"), Phrase("ko", "**US2**: 다른 스토리에 대한 의존성 없음"),
            Phrase("ru", "**US2**: без зависимостей от других историй"),
        ])
    func noDependenciesOnOtherStories(phrase: Phrase) {
        let doc = dependencies(phrase.text)
        #expect(doc.phaseDependencies.isEmpty)
        #expect(doc.edges().isEmpty)
    }

    @Test(
        "a section heading in every language makes a Dependencies section",
        arguments: [
            "Dependencies & Execution Order", "Execution order", "Dependências e ordem de execução", "Dependencias",
            "Orden de ejecución", "Dépendances", "Abhängigkeiten", "依赖关系", "任务依赖图", "執行順序", "依存関係",
            "実行順序", "의존성", "Зависимости", "Порядок выполнения",
        ])
    func sectionHeading(heading: String) {
        #expect(dependencies("T001 → T004", heading: heading).edges(.declared) == ["T001->T004"])
        // A heading that names no order: the arrow is not read.
        #expect(dependencies("T001 → T004", heading: "Notes").edges(.declared).isEmpty)
    }

    @Test(
        "a phase named by a word of its title, in the language of the title",
        arguments: [
            ("Setup", "Polish", "Polish depends on Setup"),
            ("Configuração", "Polimento", "Polimento depende de Configuração"),
            ("Configuración", "Pulido", "Pulido requiere Configuración"),
            ("Fondations", "Finitions", "Finitions après Fondations"),
            ("Grundlagen", "Feinschliff", "Feinschliff nach Grundlagen"),
            ("セットアップ", "仕上げ", "仕上げ: セットアップ 完了後"),
            ("Настройка", "Полировка", "Полировка зависит от Настройка"),
        ])
    func phaseNames(first: String, last: String, line: String) {
        let doc = parse(
            """
            ## Phase 1: \(first)

            - [ ] T001 Create the schema

            ## Phase 2: Middle

            - [ ] T002 Seed the tables

            ## Phase 3: \(last)

            - [ ] T003 Wire the screens

            ## Dependencies

            - \(line)

            """)
        #expect(doc.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" } == ["1->3"])
    }

    @Test(
        "a phase by its number, a story by its number, in every language: phase 3 (US2) after phase 2 (US1)",
        arguments: [
            Phrase("en", "Phase 3 depends on Phase 2"), Phrase("en", "User Story 2 requires User Story 1"),
            Phrase("pt", "Fase 3 depende da Fase 2"), Phrase("pt", "História de Usuário 2 depende da História de Usuário 1"),
            Phrase("es", "Fase 3 requiere Fase 2"), Phrase("es", "Historia de usuario 2 requiere Historia de usuario 1"),
            Phrase("fr", "Phase 3 dépend de Phase 2"), Phrase("fr", "Histoire utilisateur 2 après Histoire utilisateur 1"),
            Phrase("de", "Phase 3 benötigt Phase 2"), Phrase("de", "Story 2 nach Story 1"),
            Phrase("zh-Hans", "阶段 3 依赖 阶段 2"), Phrase("zh-Hans", "用户故事 2 依赖 用户故事 1"),
            Phrase("zh-Hant", "階段 3 依賴 階段 2"), Phrase("zh-Hant", "使用者故事 2 依賴 使用者故事 1"),
            Phrase("ja", "フェーズ 3: フェーズ 2 完了後"), Phrase("ja", "ユーザーストーリー 2: ユーザーストーリー 1 完了後"),
            Phrase("ko", "단계 3: 단계 2 이후"), Phrase("ko", "사용자 스토리 2: 사용자 스토리 1 이후"),
            Phrase("ru", "Фаза 3 зависит от фазы 2"), Phrase("ru", "История 2 зависит от истории 1"),
        ])
    func phaseAndStoryNumbers(phrase: Phrase) {
        let doc = dependencies(phrase.text)
        #expect(doc.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" } == ["2->3"])
    }

    @Test(
        "`all user stories` names every story phase, in every language",
        arguments: [
            Phrase("en", "Phase 4 depends on all user stories"), Phrase("pt", "Fase 4 depende de todas as histórias"),
            Phrase("es", "Fase 4 requiere todas las historias"), Phrase("fr", "Phase 4 dépend de toutes les histoires"),
            Phrase("de", "Phase 4 benötigt alle Stories"), Phrase("zh-Hans", "阶段 4 依赖所有用户故事"),
            Phrase("zh-Hant", "階段 4 依賴所有使用者故事"), Phrase("ja", "フェーズ 4: すべてのユーザーストーリー完了後"),
            Phrase("ko", "단계 4: 모든 사용자 스토리 이후"), Phrase("ru", "Этап 4 зависит от всех историй"),
        ])
    func allStories(phrase: Phrase) {
        let doc = parse(
            """
            ## Phase 1: Setup

            - [ ] T001 Create the schema

            ## Phase 2: User Story 1 (Priority: P1)

            - [ ] T002 [US1] Seed the tables

            ## Phase 3: User Story 2 (Priority: P2)

            - [ ] T003 [US2] Wire the screens

            ## Phase 4: Polish

            - [ ] T004 Write the docs

            ## Dependencies

            - \(phrase.text)

            """)
        #expect(doc.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" }.sorted() == ["2->4", "3->4"])
    }

    @Test(
        "a team line says who does what, never an order, in every language",
        arguments: [
            Phrase("en", "Developer A: T001 → T003"), Phrase("pt", "Desenvolvedor A: T001 → T003"),
            Phrase("es", "Equipo B: T001 → T003"), Phrase("fr", "Développeur A : T001 → T003"),
            Phrase("de", "Entwickler A: T001 → T003"), Phrase("zh-Hans", "开发者 A：T001 → T003"),
            Phrase("zh-Hant", "開發者 A：T001 → T003"), Phrase("ja", "担当者 A: T001 → T003"),
            Phrase("ko", "개발자 A: T001 → T003"), Phrase("ru", "Разработчик A: T001 → T003"),
        ])
    func teamLine(phrase: Phrase) {
        let doc = dependencies(phrase.text)
        #expect(doc.edges().isEmpty)
        // The same line without its team word is an order.
        let order = phrase.text.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
        let plain = order.split(separator: "：", maxSplits: 1).last.map(String.init) ?? order
        #expect(dependencies(plain.trimmingCharacters(in: .whitespaces)).edges(.declared) == ["T001->T003"])
    }

    @Test("a lowercase phase word is a plain word: `setup` names no phase")
    func lowercasePhaseWord() {
        let doc = dependencies("US2 after the setup of T001")
        #expect(doc.phaseDependencies.isEmpty)
    }

    @Test(
        "truncated and odd clauses never crash the clause layer, in a task's text or a Dependencies line",
        arguments: [
            "US1's", "US1's (", "US1's payment (T001", "T001 (", "depends on (", "depends on T001 (see", "（", "依赖", "依赖：",
            "T001完了後", "→", "T001 →", "← T001", "after", "after:", "**:**", ":", "T001 can", "T001 can run in", "- ",
            "Depends on:\n- ", "T001 - ", "independent of", "parallel with", "no", "n't", "US2 (", "Phase", "all",
            "T001 or vice", "T001, and", "T001 through", "T001 depends on T001 depends on",
        ])
    func oddClauses(text: String) {
        _ = taskText(text)
        _ = dependencies(text)
        _ = dependencies(text.replacingOccurrences(of: "\n", with: " "), heading: "依存関係")
    }

    @Test(
        "a reference written with the task word resolves to the worded ID, also after a filler (`the`, `la`, `a`)",
        arguments: [
            ("Task", "Depends on the Task 1"), ("Task", "After Task 1 is merged"), ("Tarea", "Después de la Tarea 1"),
            ("Tarefa", "Após a Tarefa 1"), ("任务", "依赖任务 1"), ("任務", "依賴 任務 1"), ("タスク", "タスク 1 完了後"),
            ("Задача", "Зависит от: Задача 1"),
        ])
    func wordedReference(word: String, body: String) {
        let doc = parse("# Plan\n\n### \(word) 1: Schema\nCreate it.\n\n### \(word) 2: Screens\n\(body)\n")
        let first = word == "Задача" ? "Задача 1" : "\(word) 1"
        #expect(doc.predecessors(of: word == "Задача" ? "Задача 2" : "\(word) 2") == [first])
    }

    // MARK: The issue's own examples

    @Test("`T016 independent, T017 depends on T014, T018 depends on T015`: three clauses, no cycle")
    func threeClauses() {
        let doc = parse(
            """
            ## Phase 1: Setup

            - [ ] T014 One
            - [ ] T015 Two
            - [ ] T016 Three
            - [ ] T017 Four
            - [ ] T018 Five

            ## Dependencies

            - T016 independent, T017 depends on T014, T018 depends on T015

            """)
        #expect(doc.edges(.declared) == ["T014->T017", "T015->T018"])
        #expect(doc.task("T016")?.independent == true)
    }

    @Test("`US2 (Cluster Setup): Can start after Foundational`: US2 after Foundational, Setup waits for nothing")
    func titleNamesNoPhase() {
        let doc = parse(
            """
            ## Phase 1: Setup

            - [ ] T001 Init

            ## Phase 2: Foundational

            - [ ] T002 Base

            ## Phase 3: User Story 1 (Priority: P1)

            - [ ] T003 [US1] One

            ## Phase 4: User Story 2 - Cluster Setup (Priority: P2)

            - [ ] T004 [US2] Two

            ## Dependencies

            - US2 (Cluster Setup): Can start after Foundational

            """)
        #expect(doc.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" } == ["2->4"])
    }

    @Test("`2. Utility（T004）→ T001完了後` under a Japanese heading: T004 after T001")
    func arrowToAfterWord() {
        let doc = parse(
            """
            ## Phase 1: Setup

            - [ ] T001 初期化
            - [ ] T002 設定
            - [ ] T003 型定義
            - [ ] T004 ユーティリティ

            ## 依存関係

            1. Setup（T001）
            2. Utility（T004）→ T001完了後

            """)
        #expect(doc.edges(.declared) == ["T001->T004"])
    }
}

/// Tasks T001–T009 in one phase, and `line` in a Dependencies section.
private func nineTasks(_ line: String) -> SpecDocument {
    parse(
        """
        ## Phase 1: Setup

        - [ ] T001 Draft the schema
        - [ ] T002 Add the loader
        - [ ] T003 Add the cache
        - [ ] T004 Add the search
        - [ ] T005 Add the export
        - [ ] T006 Add the import
        - [ ] T007 Add the report
        - [ ] T008 Add the audit
        - [ ] T009 Add the help

        ## Dependencies

        - \(line)

        """)
}

@Suite("Dependency prose: statements, lists and separators on one line")
struct DependencyStatementTests {
    @Test(
        "arrow statements after commas each stand alone",
        arguments: [
            Phrase("symbols", "T001 → T004, T002 → T005, T003 → T006 → T007", ["T001->T004", "T002->T005", "T003->T006", "T006->T007"]),
            Phrase("symbols", "T002 -> T003，T005 -> T008", ["T002->T003", "T005->T008"]),
            Phrase("symbols", "T001 → T009、T006 → T007", ["T001->T009", "T006->T007"]),
            Phrase("symbols", "T008 ← T004, T009 ← T005", ["T004->T008", "T005->T009"]),
        ])
    func arrowStatementsAfterCommas(phrase: Phrase) {
        let doc = nineTasks(phrase.text)
        #expect(doc.edges(.declared).sorted() == phrase.expected)
        #expect(doc.codes(.reordered).isEmpty)
    }

    @Test(
        "a list before one arrow, or after it, is one part of the chain",
        arguments: [
            Phrase("symbols", "T002, T003 → T007", ["T002->T007", "T003->T007"]),
            Phrase("symbols", "T001 → T005, T006", ["T001->T005", "T001->T006"]),
            Phrase("symbols", "T001, T002 → T004 → T008, T009", ["T001->T004", "T002->T004", "T004->T008", "T004->T009"]),
        ])
    func listAroundOneArrow(phrase: Phrase) {
        #expect(nineTasks(phrase.text).edges(.declared).sorted() == phrase.expected)
    }

    @Test(
        "an arrow to a parenthesised list that runs together: every item of the list follows",
        arguments: [
            Phrase("en", "T002 → (T005, T006, T007 parallel)", ["T002->T005", "T002->T006", "T002->T007"]),
            Phrase("en", "T002 → (T005, T006 in parallel)", ["T002->T005", "T002->T006"]),
            Phrase("en", "T003 -> (T008 and T009 concurrently)", ["T003->T008", "T003->T009"]),
            Phrase("zh-Hans", "T001 → （T004、T005 并行）", ["T001->T004", "T001->T005"]),
        ])
    func arrowToParallelList(phrase: Phrase) {
        #expect(nineTasks(phrase.text).edges(.declared).sorted() == phrase.expected)
    }

    @Test(
        "Korean `후` (after) right after a task list: the subject waits for the list",
        arguments: [
            Phrase("ko", "T009는 T004 후 진행", ["T004->T009"]),
            Phrase("ko", "T007은 T002/T003 후 시작한다", ["T002->T007", "T003->T007"]),
            Phrase("ko", "T005: T001, T002 후", ["T001->T005", "T002->T005"]),
            Phrase("ko", "T005는 T001, T009는 T003/T004 후 진행", ["T003->T009", "T004->T009"]),
            Phrase("ko", "T006, T007은 T002 이후 진행", ["T002->T006", "T002->T007"]),
            Phrase("zh-Hans", "T008 在 T005 之后开始", ["T005->T008"]),
            Phrase("ja", "T008は T005 完了後に着手", ["T005->T008"]),
        ])
    func koreanBareAfter(phrase: Phrase) {
        #expect(nineTasks(phrase.text).edges(.declared).sorted() == phrase.expected)
    }

    @Test(
        "`후` glued to other Hangul is part of that word, not `after`",
        arguments: [Phrase("ko", "T009는 T004 후속 작업"), Phrase("ko", "T009: T004 최후 점검")])
    func koreanAfterInsideWord(phrase: Phrase) {
        #expect(nineTasks(phrase.text).edges(.declared).isEmpty)
    }

    @Test(
        "a middle dot joins a list like a comma",
        arguments: [
            Phrase("ko", "T001 → T003·T005", ["T001->T003", "T001->T005"]),
            Phrase("ja", "T002 → T006・T007・T008", ["T002->T006", "T002->T007", "T002->T008"]),
            Phrase("ja", "T004・T005 → T009", ["T004->T009", "T005->T009"]),
        ])
    func middleDotSeparator(phrase: Phrase) {
        #expect(nineTasks(phrase.text).edges(.declared).sorted() == phrase.expected)
    }

    @Test("`후` in a task's own text after its list: the task waits for the list")
    func koreanBareAfterInTaskText() {
        #expect(taskText("T001, T002 후 착수").predecessors(of: "T003").sorted() == ["T001", "T002"])
    }

    @Test("a parallel word outside the parenthesis still starts its own clause")
    func parallelClauseAfterList() {
        let doc = nineTasks("T001 → T002, T003 parallel with T004")
        #expect(doc.edges(.declared).sorted() == ["T001->T002"])
    }
}
