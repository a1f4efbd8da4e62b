import Testing

@testable import SpecKitTasks

@Suite("Task lines")
struct TaskLineTests {
    @Test(
        "checkbox markers give the status",
        arguments: [
            ("- [ ] T001 Do it", TaskStatus.todo), ("- [x] T001 Do it", .done), ("- [X] T001 Do it", .done),
            ("- [~] T001 Do it", .skipped), ("- [-] T001 Do it", .skipped), ("- [/] T001 Do it", .inProgress),
            ("* [ ] T001 Do it", .todo), ("+ [x] T001 Do it", .done), ("1. [ ] T001 Do it", .todo),
            ("12) [x] T001 Do it", .done), ("    - [ ] T001 Do it", .todo), ("- [ ] ~~T001~~ Dropped", .skipped),
            ("- [x] **T001** Bold", .done), ("- [ ] `T001` Code", .todo),
        ])
    func status(line: String, status: TaskStatus) {
        let doc = parse(line)
        #expect(doc.tasks.map(\.id) == ["T001"])
        #expect(doc.tasks.first?.status == status)
        #expect(doc.tasks.first?.form == .checkbox)
    }

    @Test(
        "checkbox IDs of every kind are spelled as their task's ID, and references find them",
        arguments: [
            ("T001", "T001"), ("T12.3.4", "T12.3.4"), ("TAB12", "TAB12"), ("T-HF02", "T-HF02"), ("T014a_new", "T014a_new"),
            ("Task 3", "Task 3"), ("task  3", "Task 3"), ("TASK 3b", "Task 3b"), ("TASK-004", "TASK-004"),
            ("[TASK-004]", "TASK-004"), ("Task T-006", "T-006"), ("任务1.1", "任务 1.1"), ("Tarea 2", "Tarea 2"),
            ("T" + String(repeating: "7", count: 20), "T" + String(repeating: "7", count: 20)),
        ])
    func checkboxIDSpelling(written: String, id: String) {
        let doc = parse("- [ ] \(written) First\n- [ ] T999 Second (after \(id))\n")
        #expect(doc.tasks.map(\.id) == [id, "T999"])
        #expect(doc.dependencies.map(\.predecessor) == [0])
    }

    @Test(
        "task ID grammar",
        arguments: ["T001", "T12", "T-HF02", "T007a", "T032A", "T014a_new", "T231.1", "T1000", "TAB12"])
    func validIDs(id: String) {
        let doc = parse("- [ ] \(id) Something")
        #expect(doc.tasks.map(\.id) == [id])
        #expect(doc.codes(.unparsedLine).isEmpty)
    }

    @Test(
        "a checkbox line that looks like a task but is not is an unparsed-line warning",
        arguments: ["- [ ] TXXX Placeholder", "- [ ] T1 Too short", "- [ ] T12a3 Mixed", "- [ x] T001 Bad box", "- [] T001 Empty box"])
    func unparsed(line: String) {
        let doc = parse(line)
        #expect(doc.tasks.isEmpty)
        #expect(doc.codes(.unparsedLine).count == 1)
        #expect(doc.codes(.unparsedLine).first?.location.line == 1)
    }

    @Test(
        "checklist items and prose are neither tasks nor warnings",
        arguments: ["- [ ] Write docs", "- [x] TODO: check", "- [P] tasks = different files", "- T001 is mentioned", "T001 in prose"])
    func notTasks(line: String) {
        let doc = parse(line)
        #expect(doc.tasks.isEmpty)
        #expect(doc.codes(.unparsedLine).isEmpty)
    }

    @Test(
        "labels after the ID",
        arguments: [
            ("- [ ] T001 [P] [US1] Create model", true, ["US1"], [String](), "Create model"),
            ("- [ ] T001 [US1][US2] Both", false, ["US1", "US2"], [], "Both"),
            ("- [ ] T001 [US1,US2] Both", false, ["US1", "US2"], [], "Both"),
            ("- [ ] T001 **[P]** [Setup] Bold P", true, [], ["Setup"], "Bold P"),
            ("- [x] **T001 [P]** Inside bold", true, [], [], "Inside bold"),
            ("- [ ] T001 [SEC] [P] Order free", true, [], ["SEC"], "Order free"),
            ("- [ ] T001: Colon", false, [], [], "Colon"),
            ("- [ ] T001 See [docs](x.md) here", false, [], [], "See [docs](x.md) here"),
            ("- [ ] T013 `check` subcommand", false, [], [], "`check` subcommand"),
            ("- [ ] T006 **(Observability)** Configure logs", false, [], [], "**(Observability)** Configure logs"),
            ("- [ ] **T001**: Bold ID", false, [], [], "Bold ID"),
            ("- [ ] `T001` - Backticked ID", false, [], [], "Backticked ID"),
            ("- [ ] **T001** **[P]** [US1] Bold ID, bold label", true, ["US1"], [], "Bold ID, bold label"),
            ("- [ ] `T002` **[P]** [US1] Backticked ID", true, ["US1"], [], "Backticked ID"),
            ("- [ ] T003 **[P]** **[US1]** Two bold labels", true, ["US1"], [], "Two bold labels"),
            ("- [ ] ~~T004~~ **[US2]** Struck", false, ["US2"], [], "Struck"),
        ])
    func labels(line: String, parallel: Bool, stories: [String], labels: [String], description: String) {
        let task = parse(line).tasks.first
        #expect(task?.parallel == parallel)
        #expect(task?.stories == stories)
        #expect(task?.labels == labels)
        #expect(task?.description == description)
    }

    @Test("location points at the checkbox, the heading or the first cell")
    func locations() {
        let doc = parse("- [ ] T014 A\n  * [ ] T015 B\n### T016: C\n| ID | Task |\n|---|---|\n| T017 | D |\n")
        #expect(doc.tasks.map(\.location) == [
            SourceLocation(line: 1, column: 3), SourceLocation(line: 2, column: 5), SourceLocation(line: 3, column: 1),
            SourceLocation(line: 6, column: 3),
        ])
    }

    @Test("the body runs over indented lines, and stops at a blank line followed by a line that is not indented")
    func body() {
        let doc = parse("""
            - [ ] T001 Start
              wrapped text in src/a.py
              - sub bullet with src/b.py

              after a blank, still indented
            not indented, but no blank line before it: src/c.py

            after a blank, not indented: src/d.py
            - [ ] T002 Next
            """)
        #expect(doc.task("T001")?.endLine == 6)
        #expect(doc.task("T001")?.files == ["src/a.py", "src/b.py", "src/c.py"])
        #expect(doc.task("T002")?.endLine == 9)
    }

    @Test("heading tasks take their status from [DONE], ✅ or a Status field")
    func headingTasks() {
        let doc = parse("""
            ## Phase 1: Setup
            ### T001 [DONE] [US5] Add trigger to `ci.yml`
            **File**: `.github/workflows/ci.yml`
            ### T002: Second ✅
            ### T003 Third
            **Status**: In progress
            **Depends on**: T001, T002
            ### T004 Fourth
            """)
        #expect(doc.tasks.map(\.id) == ["T001", "T002", "T003", "T004"])
        #expect(doc.tasks.map(\.status) == [.done, .done, .inProgress, .todo])
        #expect(doc.tasks.allSatisfy { $0.form == .heading })
        #expect(doc.task("T001")?.stories == ["US5"])
        // `ci.yml` is the last segment of the full path named below: one file.
        #expect(doc.task("T001")?.files == [".github/workflows/ci.yml"])
        #expect(doc.predecessors(of: "T003") == ["T001", "T002"])
        #expect(doc.task("T003")?.endLine == 7)
    }

    @Test("a checkbox that repeats a heading task's ID is its status; the fields below stay its body")
    func headingTaskWithStatusCheckbox() {
        let doc = parse("""
            ## T-01: Value type

            - [x] **T-01 done**
            - estimate: 1.5h
            - dependencies: []

            ## T-02: Joiner

            - [ ] **T-02 done**
            - dependencies: [T-01]
            - [ ] T-03 A real task below it
            """)
        #expect(doc.tasks.map(\.id) == ["T-01", "T-02", "T-03"])
        #expect(doc.codes(.duplicateID).isEmpty)
        #expect(doc.tasks.map(\.status) == [.done, .todo, .todo])
        #expect(doc.task("T-01")?.estimate?.hours == 1.5)
        #expect(doc.predecessors(of: "T-02") == ["T-01"])
    }

    @Test("a line right below a task that starts no block of its own continues it; a blank line or a fence ends that")
    func lazyContinuation() {
        let doc = parse("""
            - [ ] T001 Write the loader in src/loader.py (depends on T002,
            T003)
            - [ ] T002 Seed
            see `db/seed.sql`
            ```
            fenced
            ```
            not T002's: src/after.py
            - [ ] T003 Schema

            not T003's: src/para.py
            **Checkpoint**: loaded
            """)
        #expect(doc.predecessors(of: "T001") == ["T002", "T003"])
        #expect(doc.task("T002")?.reads == ["db/seed.sql"])
        #expect(doc.task("T003")?.files == [])
        #expect(doc.task("T001")?.endLine == 2)
    }

    @Test("a struck heading task is skipped; a heading task ends the section before it")
    func headingTaskScopes() {
        let doc = parse("""
            ## Phase 1: Setup
            - [ ] T001 Create the database
            ### Database work
            **Depends on**: T001
            - [ ] T002 Write the migrations
            ### ~~T003~~: Use the legacy ORM (dropped)
            **Depends on**: T002
            ### T004: Write the README
            """)
        #expect(doc.tasks.map(\.id) == ["T001", "T002", "T003", "T004"])
        #expect(doc.tasks.map(\.status) == [.todo, .todo, .skipped, .todo])
        #expect(doc.tasks.allSatisfy { $0.phase == 1 })
        #expect(doc.predecessors(of: "T002") == ["T001"])
        #expect(doc.predecessors(of: "T003") == ["T002"])
        #expect(doc.predecessors(of: "T004") == [])
    }

    @Test("table rows whose first cell is an ID are tasks; summary rows are not")
    func tableRows() {
        let doc = parse("""
            | ID | Description | Status | Depends on |
            |----|-------------|--------|------------|
            | T001 | Create `db/schema.sql` | done | - |
            | **T002** | Seed data | in progress | T001 |
            | MVP | US1 + US2 | T001-T040 | |
            """)
        #expect(doc.tasks.map(\.id) == ["T001", "T002"])
        #expect(doc.tasks.map(\.form) == [.tableRow, .tableRow])
        #expect(doc.tasks.map(\.status) == [.done, .inProgress])
        #expect(doc.task("T001")?.files == ["db/schema.sql"])
        #expect(doc.edges() == ["T001->T002"])
    }

    @Test("a Dependencies cell lists IDs that blanks alone separate, and ranges, as well as comma lists")
    func tableDependencyCellWithBlanks() {
        let doc = parse("""
            | ID | Task | Depends on |
            |----|------|------------|
            | T001 | Schema in `db/schema.sql` | - |
            | T002 | Seed in `db/seed.sql` | - |
            | T003 | Views in `db/views.sql` | T001 T002 |
            | T004 | API in `api/app.py` | T003  T001, T002 |
            | T005 | Docs in `docs/db.md` | T001-T003 T004 |
            | T006 | Notes in `docs/notes.md` | T004 (reviewed) T005 |
            """)
        #expect(doc.predecessors(of: "T003") == ["T001", "T002"])
        #expect(doc.predecessors(of: "T004") == ["T003", "T001", "T002"])
        #expect(doc.predecessors(of: "T005") == ["T001", "T002", "T003", "T004"])
        // A word between IDs ends the list, as in prose.
        #expect(doc.predecessors(of: "T006") == ["T004"])
    }

    @Test("table columns: an ID column headed Task, a description anywhere, Estimate and Files columns")
    func tableColumns() {
        let named = parse("""
            | Task | Description | Status |
            |------|-------------|--------|
            | T001 | Remove the limit in `src/limits.py` (2h) | Complete |
            | T002 | Verify in tests/test_limits.py (depends on T001) | Pending |
            """)
        #expect(named.tasks.map(\.description) == ["Remove the limit in `src/limits.py` (2h)", "Verify in tests/test_limits.py (depends on T001)"])
        #expect(named.tasks.map(\.files) == [["src/limits.py"], ["tests/test_limits.py"]])
        #expect(named.tasks.map(\.status) == [.done, .todo])
        #expect(named.edges() == ["T001->T002"])
        let unnamed = parse("""
            | Task ID | Status | Deps | Details | Estimate | Files |
            |---------|--------|------|---------|----------|-------|
            | T001 | Done | - | Create the schema | 2h | `db/schema.sql` |
            | T002 | Todo | T001 | Seed the data | 1h/2h/9h | db/schema.sql, db/seed.sql |
            """)
        #expect(unnamed.tasks.map(\.description) == ["Create the schema", "Seed the data"])
        #expect(unnamed.tasks.map(\.estimate?.hours) == [2, 3])
        #expect(unnamed.tasks.map(\.files) == [["db/schema.sql"], ["db/schema.sql", "db/seed.sql"]])
        #expect(unnamed.edges() == ["T001->T002"])
        let about = parse("| ID | Task | Estimate |\n|---|---|---|\n| T001 | Build it | ~3.5h |\n| T002 | Ship it | 約2時間 |\n")
        #expect(about.tasks.map(\.estimate?.hours) == [3.5, 2])
        let empty = parse("| ID | File | Estimate | Details |\n|---|---|---|---|\n| T001 |  |   | Build it |\n| T002 | | | |\n")
        #expect(empty.tasks.map(\.files) == [[], []])
        #expect(empty.tasks.map(\.description) == ["Build it", ""])
    }

    @Test(
        "status words and checkboxes in a Status field or column",
        arguments: [
            ("Completed", TaskStatus.done), ("complete", .done), ("✅ Done", .done), ("[x]", .done), ("[/]", .inProgress),
            ("[-]", .skipped), ("[~]", .skipped), ("[ ]", .todo), ("In Progress", .inProgress), ("Started", .inProgress),
            ("Cancelled", .skipped), ("Not started", .todo), ("Pending", .todo), ("whatever", .todo),
        ])
    func statusValues(value: String, status: TaskStatus) {
        let heading = parse("## Phase 1\n### T001: Create schema\n**Status**: \(value)\n")
        #expect(heading.tasks.first?.status == status)
        let table = parse("| ID | Description | Status |\n|---|---|---|\n| T001 | Create schema | \(value) |\n")
        #expect(table.tasks.first?.status == status)
    }

    @Test("owners: a trailing @name or (owner: name); @ in prose is not an owner")
    func owners() {
        let doc = parse("""
            - [ ] T001 Build login @ann (2h)
            - [ ] T002 Build logout (owner: bo)
            - [ ] T003 Install @dnd-kit packages
            - [ ] T004 Mail ann@example.com
            """)
        #expect(doc.tasks.map(\.owner) == ["ann", "bo", nil, nil])
    }
}
