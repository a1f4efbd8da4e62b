import Testing

@testable import SpecKitTasks

/// Rules found by reading real tasks.md files the project had never seen
/// (Korean, Japanese, Chinese, Spanish, Portuguese, French; heading tasks).
/// Each test states the rule in words of its own, not the files' wording.
@Suite("Shapes of unseen files")
struct UnseenShapeTests {
    // MARK: Sections named in other languages

    @Test(
        "a Dependencies section is found whatever the language of its heading",
        arguments: [
            "## 依存関係", "## 依赖关系", "## 依賴", "## 의존성 및 실행 순서", "## Dependências", "## Dependencias entre tareas",
            "## Dépendances", "## Abhängigkeiten", "## Зависимости задач", "## 実行順序", "## 执行顺序", "## Ordem de execução",
            "## Orden de ejecución",
        ])
    func dependencySectionInAnyLanguage(heading: String) {
        let doc = parse("""
            ## Phase 1: Build
            - [ ] T001 Make the parser
            - [ ] T002 Make the printer
            - [ ] T003 Make the checker

            \(heading)
            - T003 → T001
            - **T002** (printer) → T003
            """)
        #expect(doc.tasks.map(\.id) == ["T001", "T002", "T003"])
        #expect(doc.codes(.duplicateID).isEmpty)
        #expect(doc.edges(.declared).contains("T003->T001"))
        #expect(doc.edges(.declared).contains("T002->T003"))
    }

    @Test("bold IDs listed in a parallel-work or notes section in another language are not tasks")
    func looseIDsInForeignNoteSections() {
        for heading in ["### 并行执行组", "### 並列実行グループ", "### 병렬 작업", "### Notas", "### 备注"] {
            let doc = parse("""
                ## Phase 1: Build
                - [ ] T001 Make the parser
                - [ ] T002 Make the printer

                \(heading)
                - **T001**: alongside the printer work
                """)
            #expect(doc.tasks.map(\.id) == ["T001", "T002"], "\(heading)")
        }
    }

    @Test("a section-wide `after Phase N` line under a strategy heading states nothing")
    func strategyLineIsNoPhaseDependency() {
        let doc = parse("""
            ## Phase 1: Base
            - [ ] T001 Lay the base
            ## Phase 2: Walls
            - [ ] T002 Raise the walls
            ## Phase 3: Roof
            - [ ] T003 Put the roof on

            ## Rollout Strategy
            - **After Phase 1**: the crew splits in two
            ### Team plan
            Tras Phase 2: Ana toma el techo
            """)
        #expect(doc.phaseDependencies.isEmpty)
    }

    // MARK: Heading tasks

    @Test("a [P] closing a heading task marks it parallel, also before a status mark")
    func headingTaskParallelMark() {
        let doc = parse("""
            ## Phase 1: Docs
            ### T010: Draft the guide [P]
            ### T011: Draw the diagrams [P] ✅
            ### Task 12: Record the demo [P] [DONE]
            ### T013: Review everything
            """)
        #expect(doc.tasks.map(\.parallel) == [true, true, true, false])
        #expect(doc.tasks.map(\.description) == ["Draft the guide", "Draw the diagrams", "Record the demo", "Review everything"])
        #expect(doc.tasks.map(\.status) == [.todo, .done, .done, .todo])
    }

    @Test(
        "a heading that starts with a range of IDs groups the tasks below it",
        arguments: ["### T020-T022: Storage layer", "### T020–T022 Storage layer", "### Task 20-22: Storage layer"])
    func rangeHeadingIsASection(heading: String) {
        let worded = heading.contains("Task ")
        let ids = worded ? ["Task 20", "Task 21", "Task 22"] : ["T020", "T021", "T022"]
        let doc = parse("""
            ## Phase 2: Storage
            \(heading)
            #### \(ids[0]): Open the file
            #### \(ids[1]): Write the pages
            #### \(ids[2]): Close the file
            """)
        #expect(doc.tasks.map(\.id) == ids)
        #expect(doc.codes(.duplicateID).isEmpty)
    }

    @Test("a checkbox naming an earlier task inside a heading task's body is a step, and the body goes on")
    func acceptanceCheckboxAboutAnotherTask() {
        let doc = parse("""
            ## Phase 1: Tests
            ### T001: Write the failing tests
            **File**: `tests/cache_test.py`
            ## Phase 2: Code
            ### T002: Make the cache
            **File**: `src/cache.py`
            **Done when**:
            - [ ] **T001's tests all pass**
            - [x] T001 green in CI
            **Depends on**: T001
            """)
        #expect(doc.tasks.map(\.id) == ["T001", "T002"])
        #expect(doc.codes(.duplicateID).isEmpty)
        #expect(doc.task("T001")?.status == .todo)
        #expect(doc.predecessors(of: "T002") == ["T001"])
    }

    // MARK: Paths

    @Test("a bare file name that ends a full path of the same task is that file")
    func bareNameOfAFullPath() {
        let doc = parse("""
            - [ ] T001 Add the new route to main.py
              - File: `server/app/main.py`
            - [ ] T002 Edit config.yaml and `deploy/other/settings.yaml`
            """)
        #expect(doc.task("T001")?.files == ["server/app/main.py"])
        #expect(doc.task("T002")?.files == ["config.yaml", "deploy/other/settings.yaml"])
    }

    @Test("a relative path that ends a longer path of the same task is that file")
    func shortPathOfALongerOne() {
        let doc = parse("""
            - [ ] T001 [P] Create the entry point `src/main.py`
              - Files: `backend/src/main.py`
            - [ ] T002 [P] Create `lib/util.py` and `tools/lib/other.py`
            """)
        #expect(doc.task("T001")?.files == ["backend/src/main.py"])
        #expect(doc.task("T002")?.files == ["lib/util.py", "tools/lib/other.py"])
    }

    @Test(
        "routes, decorators and scoped packages are not files",
        arguments: [
            "open `/dashboard` after login", "guard the `/api/orders` endpoint", "run `/speckit.plan` again",
            "mark slow tests with @pytest.mark.slow", "mark it `@pytest.mark.slow`", "install `@tanstack/react-query`",
            "pin `@types/node`",
        ])
    func namesThatAreNotFiles(text: String) {
        let task = parse("- [ ] T001 Please \(text)\n").tasks.first
        #expect(task?.files == [])
        #expect(task?.reads == [])
    }

    @Test(
        "paths that look like those names stay files",
        arguments: [
            ("edit `/etc/app/app.conf`", "/etc/app/app.conf"), ("add `@types/shim.d.ts`", "@types/shim.d.ts"),
            ("add `src/@types/shim.d.ts`", "src/@types/shim.d.ts"), ("write `/README.md`", "/README.md"),
        ])
    func pathsNextToThoseNames(text: String, path: String) {
        #expect(parse("- [ ] T001 \(text)\n").tasks.first?.files == [path])
    }

    // MARK: Design documents a task writes

    @Test(
        "a task that opens with a writing verb in its language writes the design document",
        arguments: [
            "Actualizar `specs/001-x/quickstart.md` con los pasos nuevos", "Atualizar quickstart.md com o fluxo",
            "Crear contracts/pagos.md", "Aktualisieren Sie plan.md", "Ajouter la section à research.md",
            "Обновить quickstart.md",
        ])
    func writingVerbInOtherLanguages(text: String) {
        let task = parse("- [ ] T001 \(text)\n").tasks.first
        #expect(task?.reads == [])
        #expect(task?.files.count == 1)
    }

    @Test(
        "a writing verb after the document, as Japanese and Korean put it, writes it",
        arguments: ["利用手順に合わせて `quickstart.md` を更新する", "결과를 `quickstart.md`에 갱신한다", "누락 작업을 이 tasks.md에 추가하고 보고한다"])
    func writingVerbAfterTheDocument(text: String) {
        let task = parse("- [ ] T001 \(text)\n").tasks.first
        #expect(task?.reads == [])
        #expect(task?.files.count == 1)
    }

    @Test("a design document the task only consults stays read in those languages")
    func consultedDocumentStaysRead() {
        let doc = parse("""
            - [ ] T001 `quickstart.md`를 참고하여 `src/app.ts`를 작성한다
            - [ ] T002 `quickstart.md` に従って `src/app.ts` を修正
            - [ ] T003 Ejecutar los escenarios de `quickstart.md`
            """)
        #expect(doc.tasks.map(\.reads) == [["quickstart.md"], ["quickstart.md"], ["quickstart.md"]])
    }

    // MARK: Tables and status fields in other languages

    @Test("table columns named in other languages give status, dependencies and estimate")
    func foreignTableColumns() {
        let doc = parse("""
            ## Phase 1: Base

            | ID | 说明 | 状态 | 依赖 | 预估 |
            |----|------|------|------|------|
            | T001 | 写配置 `etc/app.toml` | 已完成 | 无 | 2h |
            | T002 | 写服务 `src/svc.go` | 进行中 | T001 | 4h |

            | Tarefa | Descrição | Situação | Dependências |
            |--------|-----------|----------|--------------|
            | T003 | Escrever `src/cli.go` | Pendente | T001, T002 |
            """)
        #expect(doc.tasks.map(\.status) == [.done, .inProgress, .todo])
        #expect(doc.predecessors(of: "T002") == ["T001"])
        #expect(Set(doc.predecessors(of: "T003")) == ["T001", "T002"])
        #expect(doc.task("T002")?.estimate?.hours == 4)
        #expect(doc.task("T003")?.description == "Escrever `src/cli.go`")
    }

    @Test(
        "a status field named and valued in another language sets the heading task's status",
        arguments: [
            ("**Estado**: Terminado", TaskStatus.done), ("**Statut** : en cours", .inProgress),
            ("**상태**: 완료", .done), ("**Статус**: В работе", .inProgress), ("**状态**：待处理", .todo),
            ("**Estado**: Cancelado", .skipped), ("Estado de la API: terminado", .todo),
        ])
    func foreignStatusField(line: String, status: TaskStatus) {
        let doc = parse("## Phase 1: Base\n### T001: Build the thing\n\(line)\n")
        #expect(doc.task("T001")?.status == status)
    }

    // MARK: Phase headings written the CJK way

    @Test(
        "phase headings with the number before the word, or a Chinese numeral, are phases",
        arguments: [
            ("## 第一阶段：准备", "1"), ("## 第 12 阶段 收尾", "12"), ("## 阶段二：开发", "2"), ("## 第3フェーズ: 実装", "3"),
            ("## 2단계: 구현", "2"), ("## 제4단계 - 테스트", "4"), ("## Etapa 5: Pruebas", "5"), ("## Этап 6. Тесты", "6"),
            ("## 第二十一阶段", "21"), ("## フェーズ7：仕上げ", "7"), ("## 阶段2：基础设施", "2"), ("## Phase4 - Hardening", "4"),
        ])
    func cjkPhaseHeadings(heading: String, number: String) {
        let doc = parse("""
            \(heading)
            - [ ] T001 Do the work
            ## Phase 99: Wrap up
            - [ ] T002 Ship it
            ## Dependencies
            - Phase 99 depends on Phase \(number)
            """)
        #expect(doc.phases.filter { $0.index > 0 }.map(\.title).first == String(heading.dropFirst(3)))
        #expect(doc.task("T001")?.phase == 1)
        // `Phase N` names the phase by the number its heading wrote.
        #expect(doc.phaseDependencies.count == 1)
    }

    @Test("words that only begin like a phase heading are sections", arguments: ["## 阶段性目标", "## 第一章 概述", "## 1. 准备"])
    func notPhaseHeadings(heading: String) {
        let doc = parse("## Phase 1: Base\n- [ ] T000 Start\n\(heading)\n- [ ] T001 Do the work\n")
        #expect(doc.phases.filter { $0.index > 0 }.count == 1)
        #expect(doc.task("T001")?.phase == 1)
    }

    @Test("a table cell that is only a checkbox gives the row's status, one that is only [P] marks it parallel")
    func checkboxCellsInTables() {
        let doc = parse("""
            ## Phase 1: Polish

            | ID | P | Work |
            |----|---|------|
            | T001 | [X] | Tune the cache `src/cache.rs` |
            | T002 | [P] | Profile the loader `src/load.rs` |
            | T003 | [ ] | Trim the logs |

            | ID | Work | Status |
            |----|------|--------|
            | T004 | [x] Write the notes | open |
            | T005 | [x] Publish the notes | |
            """)
        #expect(doc.tasks.map(\.status) == [.done, .todo, .todo, .todo, .done])
        #expect(doc.tasks.map(\.parallel) == [false, true, false, false, false])
        #expect(doc.task("T005")?.description == "Publish the notes")
    }
}
