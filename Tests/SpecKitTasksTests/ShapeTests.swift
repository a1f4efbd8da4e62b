import Testing

@testable import SpecKitTasks

/// Task shapes 4–7 of docs/grammar.md, "Tasks": bold list items, ID lines, worded IDs, generated IDs.
@Suite("Task shapes 4–7")
struct ShapeTests {
    @Test(
        "a list item without a checkbox that starts with a bold ID is a task",
        arguments: [
            ("- **T001: [設定]** 建立 Android 專案 [P]", "T001", "建立 Android 專案", ["設定"], true),
            ("- **T001**: Create the schema", "T001", "Create the schema", [], false),
            ("* **T014** [P] Wire the router", "T014", "Wire the router", [], true),
            ("1. **T002** — Добавить модель", "T002", "Добавить модель", [], false),
            ("- **Task 3**: Configurar el proyecto", "Task 3", "Configurar el proyecto", [], false),
            ("- **Tarefa 2** [Infra] Criar o banco", "Tarefa 2", "Criar o banco", ["Infra"], false),
        ] as [(String, String, String, [String], Bool)])
    func boldListItem(line: String, id: String, description: String, labels: [String], parallel: Bool) throws {
        let doc = parse("## Phase 1: Setup\n\n\(line)\n")
        let task = try #require(doc.tasks.first)
        #expect(doc.tasks.count == 1)
        #expect(task.id == id)
        #expect(task.description == description)
        #expect(task.labels == labels)
        #expect(task.parallel == parallel)
        #expect(task.form == .listItem)
    }

    @Test(
        "a line outside any list that starts with an ID, a dash or colon and text is a task",
        arguments: [
            ("T001 — Create data/ and migration scaffolding (blocking)", "T001", "Create data/ and migration scaffolding (blocking)"),
            ("T002: Configure linting", "T002", "Configure linting"),
            ("T003 - 创建数据库迁移", "T003", "创建数据库迁移"),
            ("**T004**: Setup backend project", "T004", "Setup backend project"),
            ("Task 5 – Écrire les tests", "Task 5", "Écrire les tests"),
            ("タスク 1.2a：画面を作る", "タスク 1.2a", "画面を作る"),
            ("Задача 2: Настроить CI", "Задача 2", "Настроить CI"),
        ])
    func idLine(line: String, id: String, description: String) throws {
        let doc = parse("## Phase 1: Setup\n\n\(line)\n")
        let task = try #require(doc.tasks.first)
        #expect(doc.tasks.count == 1)
        #expect(task.id == id)
        #expect(task.description == description)
        #expect(task.form == .line)
    }

    @Test(
        "lines and list items that name tasks without being tasks",
        arguments: [
            "T001–T005: Setup tasks",
            "- **T001-T003**: the setup tasks",
            "T014 before T020",
            "- T014 must come first",
            "Task list: see below",
            "- **Task**: Create the folder",
            "T001: T002 goes first",
        ])
    func notTasks(line: String) {
        #expect(parse("## Phase 1: Setup\n\n\(line)\n").tasks.isEmpty)
    }

    @Test("a line about a task already defined is prose in its body, not a second definition")
    func lineAboutADefinedTask() {
        let doc = parse("## Phase 1\n\n### T001: Schema\n\nT001: must land before the API, in db/schema.sql\n\nT002: Build the API\n")
        #expect(doc.tasks.map(\.id) == ["T001", "T002"])
        #expect(doc.codes(.duplicateID).isEmpty)
        #expect(doc.task("T001")?.files == ["db/schema.sql"])
    }

    @Test(
        "ID lines and bold items in Dependencies, Parallel, Strategy and Notes sections are not tasks",
        arguments: ["## Dependencies", "## Parallel Opportunities", "## Implementation Strategy", "## Notes", "### Parallel Example"])
    func excludedSections(heading: String) {
        let doc = parse("## Phase 1: Setup\n\n- [ ] T001 Setup\n- [ ] T002 Build\n\n\(heading)\n\nT002: needs T001 first\n- **T001**: runs alone\n")
        #expect(doc.tasks.map(\.id) == ["T001", "T002"])
    }

    @Test(
        "worded IDs in every shape",
        arguments: [
            ("### Task 1: Project setup ✅", "Task 1", TaskStatus.done),
            ("- [x] **任务 1.1: 创建功能分支**", "任务 1.1", .done),
            ("#### タスク 1.2a: 画面を作る", "タスク 1.2a", .todo),
            ("- [ ] TASK-001 Create the repository", "TASK-001", .todo),
            ("- [x] [TASK-004] Constitution 검증 완료", "TASK-004", .done),
            ("- [ ] Tarea 2: Crear el modelo", "Tarea 2", .todo),
            ("- [/] task  7 lowercase word, two spaces", "Task 7", .inProgress),
            ("#### Task T-002：让文字参与导出", "T-002", .todo),
            ("| Task 4 | Write docs | done |", "Task 4", .done),
            // A short prefix of capitals before the number.
            ("### Task B2.1: Refund page", "Task B2.1", .todo),
            ("### Task IV-3.2: Audit trail ✅", "Task IV-3.2", .done),
            ("- [ ] **Task QA-7**: Smoke tests", "Task QA-7", .todo),
        ])
    func wordedIDs(line: String, id: String, status: TaskStatus) throws {
        let header = line.hasPrefix("|") ? "| ID | Task | Status |\n|---|---|---|\n" : ""
        let doc = parse("## Phase 1: Setup\n\n\(header)\(line)\n")
        let task = try #require(doc.tasks.first)
        #expect(doc.tasks.count == 1)
        #expect(task.id == id)
        #expect(task.status == status)
    }

    @Test("descriptions of worded tasks lose the emphasis around the ID")
    func wordedDescription() {
        let doc = parse("## Phase 1\n\n- [x] **任务 1.1: 创建功能分支**\n")
        #expect(doc.tasks.first?.description == "创建功能分支")
    }

    @Test(
        "references written with the document's word resolve to worded tasks",
        arguments: [
            ("- [ ] Task 2 Build (after Task 1)", ["Task 1"]),
            ("- [ ] Task 2 Build (depends on Task 1)", ["Task 1"]),
            ("- [ ] Task 2 Build (depends on task 1 and Task 1.2)", ["Task 1", "Task 1.2"]),
            ("- [ ] Task 2 Build\n  **依赖**: Task 1.2", ["Task 1.2"]),
            ("- [ ] Task 2 构建 (依赖任务 1.1)", ["任务 1.1"]),
            ("- [ ] Task 2 Build (requires Task 1 through Task 1.2)", ["Task 1", "任务 1.1", "Task 1.2"]),
        ])
    func wordedReferences(line: String, predecessors: [String]) {
        let doc = parse("## Phase 1\n\n- [ ] Task 1 Setup\n- [ ] 任务 1.1 分支\n- [ ] Task 1.2 Schema\n\(line)\n")
        #expect(doc.codes(.unknownReference).isEmpty)
        #expect(doc.predecessors(of: "Task 2") == predecessors)
    }

    @Test("prefixed worded IDs resolve as written; `Task T001` stays T001 and `Task US1` names no task")
    func prefixedWordedIDs() {
        let doc = parse("""
            ## Phase 1: Payments
            ### Task B1.1: Client
            **Dependencies**: none
            ### Task B1.2: Checkout
            **Dependencies**: Task B1.1
            ### Task B1.3: Receipts
            **Depends on**: Task B1.1, Task B1.2

            ## Recap
            - [x] B1.1: client regenerated
            """)
        #expect(doc.tasks.map(\.id) == ["Task B1.1", "Task B1.2", "Task B1.3"])
        #expect(doc.predecessors(of: "Task B1.3") == ["Task B1.1", "Task B1.2"])
        #expect(doc.codes(.unknownReference).isEmpty)
        let plain = parse("## Phase 1\n- [ ] **Task T001** - Scaffold\n- [ ] Task T002 Wire (after T001)\n")
        #expect(plain.tasks.map(\.id) == ["T001", "T002"])
        #expect(plain.predecessors(of: "T002") == ["T001"])
    }

    @Test("shape 7 takes checkbox items whose IDs are of no shape read (`T1.1`): each is named after its line, with one warning")
    func unreadIDsMakeShapeSeven() {
        let doc = parse("""
            # Tasks: Review
            ## 1. Gate
            - [ ] T1.1: Review the spec
            - [x] T1.2: Confirm the actor
            ## 2. Migration
            - [ ] T2.1: Add the column
            """)
        #expect(doc.tasks.map(\.id) == ["L3", "L4", "L6"])
        #expect(doc.tasks.map(\.status) == [.todo, .done, .todo])
        #expect(doc.tasks[0].description == "T1.1: Review the spec")
        #expect(doc.codes(.unparsedLine).count == 1)
        #expect(doc.codes(.unparsedLine).first?.message.contains("`T1.1`") == true)
        // Another unparsed line before them does not hide the explanation.
        let afterOther = parse("# Tasks\n## 1. Gate\n- [?] T005 odd box\n- [ ] T1.1: Review the spec\n")
        #expect(afterOther.codes(.unparsedLine).contains { $0.message.contains("`T1.1`") })
        // Beside tasks with IDs read, such a line stays a warning, no task.
        let mixed = parse("## Phase 1\n- [ ] T001 Write it\n- [ ] T1.1: Review it\n")
        #expect(mixed.tasks.map(\.id) == ["T001"])
        #expect(mixed.codes(.unparsedLine).count == 1)
    }

    @Test("a checkbox item that starts with a list of IDs (`T028, T029:`, `T028/T029`) is a step about them, no second definition")
    func listCheckboxes() {
        let doc = parse("""
            ## Phase 1
            - [ ] T028 Add the tool in src/a.py
            - [ ] T029 Add the other tool in src/b.py
            ## MVP
            - [ ] T028, T029: both tools only
            - [x] T028/T029 shipped
            - [ ] T028 + **T029** reviewed
            """)
        #expect(doc.tasks.map(\.id) == ["T028", "T029"])
        #expect(doc.codes(.duplicateID).isEmpty)
        #expect(doc.tasks.map(\.status) == [.todo, .todo])
    }

    @Test("a worded ID with a hyphen keeps its dotted number (`TASK-0.1`), in headings and references")
    func hyphenatedDottedWordedIDs() {
        let doc = parse("""
            ## Phase 0: Security
            ### TASK-0.1: Security core
            **Dependencies**: none
            ### TASK-0.2: Auth
            **Dependencies**: TASK-0.1
            ### TASK-0.10: Audit
            **Dependencies**: TASK-0.1, TASK-0.2. Then ship.
            """)
        #expect(doc.tasks.map(\.id) == ["TASK-0.1", "TASK-0.2", "TASK-0.10"])
        #expect(doc.predecessors(of: "TASK-0.10") == ["TASK-0.1", "TASK-0.2"])
        #expect(doc.codes(.duplicateID).isEmpty)
    }

    @Test("a heading about a task (`### T001 の実測結果`, `### T002's notes`) is a section, no second definition")
    func possessiveHeadings() {
        let doc = parse("""
            ## Phase 1
            - [ ] T001 Measure the lock in bench/lock_test.go
            - [ ] T002 Write the changelog in CHANGELOG.md
            ## Results
            ### T001 の実測結果
            Numbers from `mutex_test.go`.
            ### T002's notes
            ### T003 Follow-up in docs/notes.md
            ### T004 의존성 설치 in setup.sh
            """)
        #expect(doc.tasks.map(\.id) == ["T001", "T002", "T003", "T004"])
        #expect(doc.codes(.duplicateID).isEmpty)
        #expect(doc.tasks[0].files.isEmpty == false && !doc.tasks[0].files.contains("mutex_test.go"))
    }

    @Test("a checkbox item that starts with a range of IDs is a step about them, no task, and changes no status")
    func rangeCheckboxes() {
        let doc = parse("""
            ## Phase 1
            - [ ] T001 Parser in src/p.py
            - [ ] T002 Printer in src/q.py
            - [ ] T003 Checker in src/r.py
              - [ ] T003-1 lint pass in src/r.py
            ## Recap
            - [x] T001–T002 checked on staging
            - [x] T002~T003: reviewed (see above)
            - [x] T001 .. T003 merged
            """)
        #expect(doc.tasks.map(\.id) == ["T001", "T002", "T003", "T003-1"])
        // A lower or other ID after the dash starts the text: a task.
        let texts = parse("## Phase 1\n- [ ] T006 Login form\n- [ ] T008 — T006 follow-up: auth service in src/auth.py\n- [ ] T009 - Task 3 wiring\n")
        #expect(texts.tasks.map(\.id) == ["T006", "T008", "T009"])
        #expect(doc.tasks.prefix(3).allSatisfy { $0.status == .todo })
        #expect(doc.codes(.duplicateID).isEmpty)  // T003-1: a subtask's ID, joined to its parent's by a hyphen
    }

    @Test("a box with no list marker before an ID is a checkbox task; a full stop after an ID line separates; a box at its end is its status")
    func bareBoxesAndFullStops() {
        let doc = parse("""
            # Tasks
            ### Phase A: Setup – parallelizable

            [X] T001 - Create `docker-compose.yml` with the API service
            [ ] T002 - Add a README section on running locally [P]
            [P] T009 is no task: its box is no status
            [see] T010 neither

            T003. Add the pre-commit hooks in `.pre-commit-config.yaml` [P] [X]

            - Dependency: T001

            T004. Confirm the metrics config (after T003)
            """)
        #expect(doc.tasks.map(\.id) == ["T001", "T002", "T003", "T004"])
        #expect(doc.tasks.map(\.status) == [.done, .todo, .done, .todo])
        #expect(doc.tasks.map(\.parallel) == [false, true, true, false])
        #expect(doc.task("T003")?.description == "Add the pre-commit hooks in `.pre-commit-config.yaml`")
        #expect(doc.predecessors(of: "T003") == ["T001"])
        #expect(doc.predecessors(of: "T004") == ["T003"])
        #expect(doc.codes(.unparsedLine).isEmpty)
    }

    @Test("a box inside emphasis is a checkbox task; a box holding a check mark is done; a list item with an emphasized box too")
    func emphasizedBoxes() {
        let doc = parse("""
            # Tasks
            ## Phase 1: Base

            **[ ] T001** Подключить хранилище
            **[✅] T002** Build the uploader in src/upload.ts
            - **[ ] T003** Wire the form
            * **[x] T004:** Seed the database
            __[x] T005__ Write the guide
            - **[P]** T006 is no task: its emphasized box holds no status
            """)
        #expect(doc.tasks.map(\.id) == ["T001", "T002", "T003", "T004", "T005"])
        #expect(doc.tasks.map(\.status) == [.todo, .done, .todo, .done, .done])
        #expect(doc.tasks.map(\.description) == ["Подключить хранилище", "Build the uploader in src/upload.ts", "Wire the form", "Seed the database", "Write the guide"])
    }

    @Test("in a document of worded IDs, bare numbers after a worded reference go on with its word, plural or not, and end its ranges")
    func wordedReferenceLists() {
        let doc = parse("""
            # Plan
            ## Phase 1: Base
            ### Task 6: Schema
            ### Task 7: Store
            ### Task 8: Cache
            ### Task 9: Queue
            ### Task 16: API
            **Depends on**: Tasks 8, 9
            ### Task 17: Jobs
            **Depends on**: Task 7, 16 and 9
            ### Task 18: Admin
            **依赖**: Task 6〜8
            ### Task 19: Docs
            **Depends on**: Task 6, 22nd of May
            ### Task 20: Deploy
            **Depends on**: Tasks 6-7, 2 hours of review
            """)
        #expect(doc.predecessors(of: "Task 16") == ["Task 8", "Task 9"])
        #expect(doc.predecessors(of: "Task 17") == ["Task 7", "Task 16", "Task 9"])
        #expect(doc.predecessors(of: "Task 18") == ["Task 6", "Task 7", "Task 8"])
        #expect(doc.predecessors(of: "Task 19") == ["Task 6"])
        #expect(doc.predecessors(of: "Task 20") == ["Task 6", "Task 7"])
    }

    @Test("a hyphen and capitals or digits joined to a checkbox task's ID name a task of their own; a hyphen before a word does not")
    func hyphenSuffixedIDs() {
        let doc = parse("""
            # Tasks
            ## Phase 1: Base

            - [ ] T062 Build the importer
            - [ ] T062-1 [P] Import the archive
              - [x] T063a-2 Map the fields
            - [ ] T540-FIX2 Patch the parser
            - [ ] T070-Draft the notes
            - [ ] T071a-c: the three probes
            - [ ] T080 - T082 checked together
            """)
        #expect(doc.tasks.map(\.id) == ["T062", "T062-1", "T063a-2", "T540-FIX2", "T070", "T071a"])
        #expect(doc.task("T062-1")?.parallel == true)
        #expect(doc.codes(.duplicateID).isEmpty)
        // A reference names the suffixed task; one that no task has names the task without the suffix.
        let refs = parse("## Phase 1\n- [ ] T062 a\n- [ ] T062-1 b\n- [ ] T070 c (depends on T062-1)\n- [ ] T071 d (depends on T062-2)\n")
        #expect(refs.predecessors(of: "T070") == ["T062-1"])
        #expect(refs.predecessors(of: "T071") == ["T062"])
    }

    @Test("the checked steps in the body of a worded heading task or a loose task give its status; a T-ID heading keeps its own")
    func checklistStatus() {
        let doc = parse("""
            # Plan
            ## Phase 1: Base

            ### Task 1.1: Scaffold the service
            **Steps**:
            - [x] Create the package
            - [X] Add the linter

            ### Task 1.2: Wire the store
            - [x] Open the pool
            - [ ] Add retries

            ### Task 1.3: Write the guide
            - [ ] Draft it

            ### T010: Port the parser
            - [x] Copy the grammar

            ### Task 1.4: Ship it
            **Status**: Not started
            - [x] Tag the release

            T020 - Tidy the logs
              - [x] Drop debug lines
            """)
        #expect(doc.tasks.map(\.id) == ["Task 1.1", "Task 1.2", "Task 1.3", "T010", "Task 1.4", "T020"])
        #expect(doc.tasks.map(\.status) == [.done, .inProgress, .todo, .todo, .todo, .done])
    }

    @Test("a line that starts with an ID and labels or a status mark is a task; below such a task a blank may separate ID and text")
    func labelledIDLines() {
        let doc = parse("""
            # Tasks
            ## Phase 1: Base

            T001 ✅ Install the toolchain — completed
            T002 [P] Draft the schema test in tests/schema.test.ts
            **T003 [P] [US1]**: Port the settings screen
            T004 Implement the retry policy
            T005 depends on T004
            T007 Must finish before T004 ships
            T006 ⏳ Wire the webhook

            ## Phase 2: More

            T007 Write the report
            """)
        #expect(doc.tasks.map(\.id) == ["T001", "T002", "T003", "T004", "T006"])
        #expect(doc.tasks.map(\.parallel) == [false, true, true, false, false])
        #expect(doc.task("T003")?.stories == ["US1"])
        #expect(doc.task("T003")?.description == "Port the settings screen")
        #expect(doc.task("T004")?.description == "Implement the retry policy")
    }

    @Test("emphasis that opens a table cell's or a generated task's text is kept as written; labels there are still read")
    func openingEmphasisIsText() {
        let table = parse("""
            | ID | Task | Status |
            |----|------|--------|
            | T001 | **Fix the arrays**: resolve the shape error in `src/arrays.py` | [X] |
            | T002 | [P] Tune the cache | |
            """)
        #expect(table.tasks.map(\.description) == ["**Fix the arrays**: resolve the shape error in `src/arrays.py`", "Tune the cache"])
        #expect(table.task("T002")?.parallel == true)
        let generated = parse("## Rules\n- [ ] **Task**: write the lint rule\n- [ ]* 2.1 optional unit tests\n- [ ] `src/db/errors.ts` error types\n")
        #expect(generated.tasks.map(\.description) == ["**Task**: write the lint rule", "2.1 optional unit tests", "`src/db/errors.ts` error types"])
    }

    @Test("a heading whose ID is in brackets is a heading task")
    func bracketedHeadingID() {
        let doc = parse("# Plan\n## [T001] [data] Mapping script\n**Blocked by**: none\n## [T002] Import job\n**Blocked by**: T001\n- [ ] rows land in staging\n")
        #expect(doc.tasks.map(\.id) == ["T001", "T002"])
        #expect(doc.tasks.map(\.description) == ["Mapping script", "Import job"])
        #expect(doc.task("T001")?.labels == ["data"])
        #expect(doc.predecessors(of: "T002") == ["T001"])
    }

    @Test("a box among a heading task's labels is its status, not a label")
    func boxAmongHeadingLabels() {
        let doc = parse("## Phase 1\n### T017 [P] [x]: Draw the chart\n### T018 [X] Ship it\n### T019 [~] [US1] Dropped idea\n### T020 [Setup] Keep\n")
        #expect(doc.tasks.map(\.status) == [.done, .done, .skipped, .todo])
        #expect(doc.tasks.map(\.labels) == [[], [], [], ["Setup"]])
        #expect(doc.task("T017")?.parallel == true)
        #expect(doc.task("T019")?.stories == ["US1"])
    }

    @Test("a Dependencies section states order between worded tasks")
    func wordedDeclared() {
        let doc = parse("""
            ## Phase 1
            ### Task 1: Setup
            ### Task 2: Schema
            ### Task 3: API

            ## Dependencies
            - Task 1 → Task 2 → Task 3
            - Task 3 depends on Task 1
            """)
        #expect(doc.edges(.declared) == ["Task 1->Task 2", "Task 2->Task 3", "Task 1->Task 3"])
        #expect(doc.codes(.unknownReference).isEmpty)
    }

    @Test("a worded heading above tasks with IDs of their own is a section, not a task")
    func wordedHeadingOverIDs() {
        let doc = parse("## Task 1: Backend\n\n- [ ] T001 Model\n- [ ] T002 API\n\n## Task 2: Frontend\n\n- [ ] T003 Page\n")
        #expect(doc.tasks.map(\.id) == ["T001", "T002", "T003"])
        #expect(doc.phases.map(\.title) == ["", "Task 1: Backend", "Task 2: Frontend"])
    }

    @Test("in a document of T-IDs, `after Task 2` names nothing")
    func wordedReferencesNeedWordedTasks() {
        let doc = parse("## Phase 1\n\n- [ ] T001 Setup\n- [ ] T002 Build after Task 1 is reviewed\n")
        #expect(doc.dependencies.isEmpty)
        #expect(doc.codes(.unknownReference).isEmpty)
    }

    @Test(
        "status of list items and ID lines: ✅, [DONE], [x], or a Status field",
        arguments: [
            ("- **T001** [X] — Update the schema", TaskStatus.done),
            ("- **T001** ✅ Update the schema", .done),
            ("T001: Update the schema [DONE]", .done),
            ("T001: Update the schema\n- **Status**: COMPLETED", .done),
            ("- **T001**: Update the schema\n  - Status: Done", .done),
            ("### Task 1: Update the schema\n\n**Status**: 完了", .done),
            ("T001 — Update the schema\nStatus: 进行中", .inProgress),
            ("- **T001**: Update the schema\n  - Status: pending", .todo),
        ])
    func looseStatus(text: String, status: TaskStatus) {
        let doc = parse("## Phase 1\n\n\(text)\n")
        #expect(doc.tasks.first?.status == status)
    }

    @Test("checkbox items without an ID below a task are its checklist steps")
    func checklistSteps() {
        let doc = parse("""
            ## Phase 1

            ### Task 1.1: Create the layout

            - [x] Create `src/i18n/` folder
            - [ ] Write src/i18n/types.ts

            - **T002**: Wire the router
              - [ ] add src/router.ts
            """)
        #expect(doc.tasks.map(\.id) == ["Task 1.1", "T002"])
        #expect(doc.task("Task 1.1")?.files == ["src/i18n/", "src/i18n/types.ts"])
        #expect(doc.task("T002")?.files == ["src/router.ts"])
    }

    @Test("a document without IDs: each checkbox item under a heading is a task named by its line")
    func generatedIDs() {
        let doc = parse("""
            # Trade journal

            - [ ] not under a heading? the title is a heading

            ## Database
            - [x] Migration for trades in db/001.sql
            - [ ] RLS policies
              - [ ] a step of the policies task

            ```
            - [ ] in code
            ```
            <!-- - [ ] in a comment -->

            ## Dependencies
            - [ ] not a task here

            ## API
            1. [ ] 1.1 GET /api/trades in src/api/trades.ts
            """)
        #expect(doc.tasks.map(\.id) == ["L3", "L6", "L7", "L19"])
        #expect(doc.tasks.map(\.status) == [.todo, .done, .todo, .todo])
        #expect(doc.task("L6")?.files == ["db/001.sql"])
        #expect(doc.task("L7")?.endLine == 8)
        #expect(doc.task("L19")?.description == "1.1 GET /api/trades in src/api/trades.ts")
        #expect(!doc.diagnostics.contains { $0.code == .noTasks })
    }

    @Test("with one task of shapes 1–6 no ID is generated")
    func noGeneratedIDsBesideRealOnes() {
        let doc = parse("## Work\n- [ ] plain item\n- [ ] T001 Real task\n- [ ] another plain item\n")
        #expect(doc.tasks.map(\.id) == ["T001"])
    }

    @Test("checkbox items that are under no heading give no tasks")
    func noHeadingNoTasks() {
        let doc = parse("- [ ] just a list\n- [x] of things\n")
        #expect(doc.tasks.isEmpty)
        #expect(doc.codes(.noTasks).count == 1)
    }

    @Test("IDs with an area code between hyphens are task IDs, and references written so name them")
    func areaCodedIDs() {
        let doc = parse("""
            ## Phase A
            - [ ] T-UI-01 Add the toggle in src/ui/toggle.ts
            - [ ] T-UI-02 Wire it to the store (**blockedBy**: T-UI-01)
            - [x] T-P2-014 Cache layer in src/cache.ts, after T-UI-02
            - [ ] T-B-001 Docs
            """)
        #expect(doc.tasks.map(\.id) == ["T-UI-01", "T-UI-02", "T-P2-014", "T-B-001"])
        #expect(doc.edges(.explicit) == ["T-UI-01->T-UI-02", "T-UI-02->T-P2-014"])
        #expect(doc.codes(.unparsedLine).isEmpty)
    }

    @Test("Polish phase headings and their stories: `Faza 3: Historia użytkownika 1`")
    func polishPhases() {
        let doc = parse("""
            ## Faza 1: Setup
            - [ ] T001 Init
            ## Faza 2: Historia użytkownika 1 - Raty (Priorytet: P1)
            - [ ] T002 [US1] Raty
            ## Faza 3: Historia użytkownika 2 - Nadpłaty
            - [ ] T003 [US2] Nadpłaty
            ## Zależności i kolejność realizacji
            - US2 zależy od US1.
            """)
        #expect(doc.phases.map(\.title) == ["", "Faza 1: Setup", "Faza 2: Historia użytkownika 1 - Raty (Priorytet: P1)", "Faza 3: Historia użytkownika 2 - Nadpłaty"])
        #expect(doc.phases.map(\.kind) == [.barrier, .barrier, .story, .story])
        #expect(doc.phaseDependencies.contains { $0.predecessor == 2 && $0.successor == 3 })
    }
}
