import Testing

@testable import SpecKitTasks

/// Duplicate IDs (docs/grammar.md, "Duplicates"): a restatement is merged, a different task is `T045#2`.
@Suite("Duplicate IDs")
struct DuplicateTests {
    @Test(
        "a later definition that restates the task is merged into the first, with a warning",
        arguments: [
            // The same description (case, emphasis and spacing aside).
            "## Phase 1\n- [ ] T001 Create the schema\n- [ ] T002 Other\n- [ ] T001 create  **the** schema\n",
            // No description.
            "## Phase 1\n- [ ] T001 Create the schema\n- [ ] T002 Other\n- [ ] T001\n",
            // A summary list and its detail headings.
            "## Summary\n- **T001**: Schema\n- **T002**: Other\n\n## Phase 1\n### T001: Create the database schema\n",
            // A recap list of bold IDs after the checkbox tasks, in other words.
            "## Phase 1\n- [x] T001 Create the database schema\n- [ ] T002 Other\n\n## Done so far\n- **T001**: schema in place, migrations pass\n",
            // A shortened restatement with a remark, in a list of what is left.
            "## Phase 1\n- [ ] T001 Write unit tests for the config loader in tests/test_config.py\n- [ ] T002 Other\n\n### Left to do\n- [ ] T001: Write unit tests for the config loader (optional)\n",
            // A table that names a checkbox task again.
            "## Phase 1\n- [ ] T001 Create the database schema\n- [ ] T002 Other\n\n| Task | Note |\n|---|---|\n| T001 | the schema, reviewed |\n",
            // A line that points back at the definition, in English or another language.
            "## Phase 1\n- [x] T001 Create the database schema\n- [ ] T002 Other\n\n## Recap\n- [x] T001: migrations and indexes (see above)\n",
            "## Phase 1\n- [x] T001 建立資料庫結構\n- [ ] T002 Other\n\n## 回顧\n- [x] T001: 索引與遷移（見上方說明）\n",
        ])
    func merged(text: String) {
        let doc = parse(text)
        #expect(doc.tasks.map(\.id) == ["T001", "T002"])
        let duplicates = doc.codes(.duplicateID)
        #expect(duplicates.count == 1)
        #expect(duplicates.first?.severity == .warning)
        #expect(duplicates.first?.notes.first?.location == doc.tasks[0].location)
    }

    @Test("in a document of checkbox tasks, a bold bullet naming a task restates it wherever it stands: the checkbox is the definition kept")
    func boldBulletsRestateCheckboxTasks() throws {
        let doc = parse("""
            # Tasks

            ## Deferred from the last round
            - **T003** ✅ cache layer postponed: keep `src/cache/lru.py` out of this round

            ## Phase 1: Setup
            - [ ] T001 Create the project in src/app.py
            - [ ] T002 Add the config loader in src/config.py

            ## Phase 2: Cache
            - [ ] T003 Build the cache in src/cache/store.py (depends on T002)

            ## Progress
            - **T001** went in with the skeleton
            - **T002**: the loader also reads src/env.py (3h)
            """)
        #expect(doc.tasks.map(\.id) == ["T001", "T002", "T003"])
        // One warning per restatement, each naming the definition kept (DESIGN §2.0).
        let duplicates = doc.codes(.duplicateID)
        #expect(duplicates.count == 3)
        #expect(duplicates.allSatisfy { $0.severity == .warning })
        #expect(duplicates.first?.location.line == 4)
        #expect(duplicates.first?.message.contains("restates the task on line 11") == true)
        let cache = try #require(doc.task("T003"))
        // Kept where its checkbox is; the restatement adds its files and status.
        #expect(cache.location.line == 11)
        #expect(cache.phase == 2)
        #expect(cache.files == ["src/cache/store.py", "src/cache/lru.py"])
        #expect(cache.status == .done)
        let loader = try #require(doc.task("T002"))
        #expect(loader.files == ["src/config.py", "src/env.py"])
        #expect(loader.estimate?.hours == 3)
        #expect(doc.edges() == ["T002->T003"])
    }

    @Test("a bold bullet's written dependencies still count when it restates a checkbox task")
    func restatementKeepsWrittenDependencies() {
        let doc = parse("""
            ## Phase 1
            - [ ] T001 Schema
            - [ ] T002 API
            - [ ] T003 UI

            ## Follow-up
            - **T003**: UI polish (depends on T001)
            """)
        #expect(doc.tasks.map(\.id) == ["T001", "T002", "T003"])
        #expect(doc.codes(.duplicateID).count == 1)
        #expect(doc.edges().contains("T001->T003"))
    }

    @Test("in a document of bold bullets, a checkbox restating one is merged into the first, as before")
    func bulletDocumentsKeepTheirFirstDefinition() {
        let doc = parse("""
            ## Phase 1
            - **T001**: Schema
            - **T002**: API

            ## Checklist
            - [x] T001 schema reviewed
            """)
        #expect(doc.tasks.map(\.id) == ["T001", "T002"])
        #expect(doc.tasks[0].location.line == 2)
        #expect(doc.codes(.duplicateID).count == 1)
    }

    @Test("a pointer back counts only as the whole text's opening or its closing remark")
    func backReferenceInTheTextIsNoRestatement() {
        let doc = parse("## Phase 1\n- [ ] T015 Write the docs in docs/api.md\n- [ ] T016 Other\n- [ ] T015 Add retries as described above to src/api/client.py\n")
        #expect(doc.tasks.map(\.id) == ["T015", "T016", "T015#2"])
        #expect(doc.codes(.duplicateID).first?.severity == .error)
    }

    @Test("a merged definition adds its dependencies, files, reads and estimate to the first")
    func mergeAddsFacts() throws {
        let doc = parse("""
            ## Summary
            - **T001**: Schema
            - **T002**: Seed

            ## Phase 1
            ### T002: Seed the database

            Writes db/seed.sql per data-model.md (2h), depends on T001.
            """)
        let seed = try #require(doc.task("T002"))
        #expect(doc.tasks.count == 2)
        #expect(seed.files == ["db/seed.sql"])
        #expect(seed.reads == ["data-model.md"])
        #expect(seed.estimate?.hours == 2)
        #expect(doc.edges() == ["T001->T002"])
        #expect(doc.filePaths == ["db/seed.sql"])
        #expect(doc.fileIDs(ofTask: 1) == [0])
    }

    @Test("a later definition that is a different task is T001#2, then T001#3, with errors; references name the first")
    func different() {
        let doc = parse("""
            ## Phase 1
            - [ ] T001 Create the schema
            - [ ] T001 Write the API in src/api.ts
            - [ ] T001 Style the page
            - [ ] T002 Seed (after T001)
            """)
        #expect(doc.tasks.map(\.id) == ["T001", "T001#2", "T001#3", "T002"])
        let duplicates = doc.codes(.duplicateID)
        #expect(duplicates.count == 2)
        #expect(duplicates.allSatisfy { $0.severity == .error })
        #expect(doc.edges() == ["T001->T002"])
        #expect(doc.task("T001#2")?.files == ["src/api.ts"])
    }

    @Test(
        "descriptions that only begin alike, or share a short first word or two, are different tasks",
        arguments: [
            ("Create unit test for CreateProduct handler", "Create unit test for UpdateProduct handler"),
            ("Add tests", "Add tests for the login flow"),
            ("Write the API client in src/api.ts", "Write the API client tests in tests/api.test.ts"),
        ])
    func notShortened(first: String, later: String) {
        let doc = parse("## Phase 1\n- [ ] T001 \(first)\n- [ ] T001 \(later)\n")
        #expect(doc.tasks.map(\.id) == ["T001", "T001#2"])
        #expect(doc.codes(.duplicateID).first?.severity == .error)
    }

    @Test("a different task with a repeated ID naming that ID depends on the first definition")
    func ownID() {
        let different = parse("## Phase 1\n- [ ] T001 A\n- [ ] T001 B (after T001)\n")
        #expect(different.edges() == ["T001->T001#2"])
        #expect(different.codes(.selfReference).isEmpty)
    }
}
