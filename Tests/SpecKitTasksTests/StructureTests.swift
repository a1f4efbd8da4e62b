import Testing

@testable import SpecKitTasks

@Suite("Phases, sections and checkpoints")
struct StructureTests {
    ///     (implicit 0) T000
    ///     Phase 1 Setup ── T001
    ///     Phase 2 Foundational ── T002 ── checkpoint ── T003
    ///     Phase 3 User Story 1 (P1) ├─ Tests ── T004 [P] T005 [P]
    ///                               └─ Implementation ── T006
    ///     Phase 4 Polish ── T007 [US2] (labels alone do not make a barrier … see below)
    static let current = """
        # Tasks: Demo
        - [ ] T000 Before any phase
        ## Phase 1: Setup (Shared Infrastructure)
        - [ ] T001 Init
        ## Phase 2: Foundational (Blocking Prerequisites)
        - [ ] T002 Schema
        **Checkpoint**: Foundation ready
        - [ ] T003 Seed
        ## Phase 3: User Story 1 - Login (Priority: P1)
        ### Tests for User Story 1
        - [ ] T004 [P] [US1] Test a
        - [ ] T005 [P] [US1] Test b
        ### Implementation for User Story 1
        - [ ] T006 [US1] Build
        **Checkpoint**: Story 1 works
        ## Phase 4: Notifications
        - [ ] T007 [US2] Email
        - [ ] T008 [US2] SMS
        ## Phase 5: Polish
        - [ ] T009 Docs
        """

    @Test("phase headings with an emoji or emphasis, and priorities however written")
    func decoratedPhasesAndPriorities() {
        let doc = parse("""
            ## ✅ Phase 1: Setup
            - [x] T001 Init
            ## _Phase 2_: User Story 1 - Browse **MVP P2**
            - [ ] T002 [US1] Browse
            ## 🚧 Phase 3: User Story 2 - Search (Priority - P3)
            - [ ] T003 [US2] Search
            ## Phase 4: User Story 3 - 収納 (Priority：P1)
            - [ ] T004 [US3] Storage
            ## Phase 5: User Story 4 - Export
            **Priority**: P4
            - [ ] T005 [US4] Export
            ## Phase 6: Reports → [P6-T006-T009](tasks/P6-T006-T009.md)
            - [ ] T006 Report
            ## Phase 7: User Story 5 - Audit P2-critical
            - [ ] T007 [US5] Audit
            """)
        #expect(doc.phases.count == 8)
        #expect(doc.tasks.map(\.phase) == [1, 2, 3, 4, 5, 6, 7])
        #expect(doc.phases.map(\.priority) == [nil, nil, 2, 3, 1, 4, nil, 2])
        #expect(doc.phases.map(\.kind) == [.barrier, .barrier, .story, .story, .story, .story, .barrier, .story])
    }

    @Test("words of another script before `Phase N` make a section, not a phase; ⚠️ is an emoji")
    func textBeforePhaseWord() {
        let doc = parse("""
            ## Phase 1: Setup
            - [ ] T001 创建项目结构
            ### 完整验证（Phase 4 完成后）
            - [ ] T002 端到端验证
            ## ⚠️ Phase 2: Polish
            - [ ] T003 Docs
            """)
        #expect(doc.phases.map(\.title) == ["", "Phase 1: Setup", "⚠️ Phase 2: Polish"])
        #expect(doc.tasks.map(\.phase) == [1, 1, 2])
        #expect(doc.phases[1].sections.map(\.title) == ["完整验证（Phase 4 完成后）"])
    }

    @Test("`Phase 2` names the phase whose title writes it after a word (`Execution Phase 2: …`) when no phase is numbered 2")
    func phaseNumberAfterAWord() {
        let doc = parse("""
            ## Execution Phase 1: Setup
            - [ ] T001 Init
            ## Execution Phase 2: User Story 1
            **Blocked by**: Phase 1.
            - [ ] T002 [US1] Login
            ## Execution Phase 3: User Story 2
            **Blocked by**: Phase 2.
            - [ ] T003 [US2] Search
            """)
        #expect(doc.phases.map(\.kind) == [.barrier, .barrier, .story, .story])
        #expect(doc.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" } == ["1->2", "2->3"])
    }

    @Test("lettered phases (`Phase 4a`, `Phase 4b`) are phases, and references name them")
    func letteredPhases() {
        let doc = parse("""
            ## Phase 4a: Characterise
            - [ ] T001 a
            ## Phase 4b: Implement
            - [ ] T002 b
            ## Phase 5: Polish
            - [ ] T003 c
            ## Dependencies
            - Phase 5 depends on Phase 4a
            """)
        #expect(doc.phases.map(\.title) == ["", "Phase 4a: Characterise", "Phase 4b: Implement", "Phase 5: Polish"])
        #expect(doc.tasks.map(\.phase) == [1, 2, 3])
        #expect(doc.phaseDependencies.map { [$0.predecessor, $0.successor] } == [[1, 3]])
    }

    @Test("phases of the current template")
    func currentTemplate() {
        let doc = parse(Self.current)
        #expect(doc.phases.map(\.index) == [0, 1, 2, 3, 4, 5])
        #expect(doc.phases[0].title == "" && doc.phases[0].line == 0)
        #expect(doc.phases.map(\.kind) == [.barrier, .barrier, .barrier, .story, .story, .barrier])
        #expect(doc.phases.map(\.story) == [nil, nil, nil, "US1", "US2", nil])
        #expect(doc.phases[3].priority == 1)
        #expect(doc.phases[2].checkpoint == "Foundation ready")
        #expect(doc.phases[3].checkpoint == "Story 1 works")
        #expect(doc.phases[3].sections.map(\.title) == ["Tests for User Story 1", "Implementation for User Story 1"])
        #expect(doc.tasks.map(\.phase) == [0, 1, 2, 2, 3, 3, 3, 4, 4, 5])
        #expect(doc.task("T004")?.section == 0)
        #expect(doc.task("T006")?.section == 1)
        #expect(doc.task("T001")?.section == -1)
        // Segments change at every heading and checkpoint.
        let segments = doc.tasks.map(\.segment)
        #expect(segments[2] != segments[3])
        #expect(segments[4] == segments[5])
        #expect(segments[5] != segments[6])
    }

    @Test(
        "phase headings",
        arguments: [
            ("## Phase 3: Core", true), ("## Phase 3.1: Setup", true), ("## Phase N: Polish", true),
            ("## フェーズ 3: 基盤", true), ("## 阶段 3: 实现", true), ("## Fase 3: Núcleo", true),
            ("### Phase Dependencies", false), ("## Phases overview", false), ("## Tests for Phase 3", false),
            ("## Phaser array", false), ("## フェーズ3: 基盤", true), ("## Final Phase: Polish", true),
            ("## Phase Final — Hardening", true), ("## Fase final: Integración", true), ("## Finalize phase docs", false),
        ])
    func phaseHeadings(heading: String, isPhase: Bool) {
        let doc = parse("\(heading)\n- [ ] T001 Work\n## Phase 99: Other\n- [ ] T002 More")
        #expect((doc.tasks[0].phase != 0 && doc.phases[Int(doc.tasks[0].phase)].title == heading.dropFirst(3).description) == isPhase)
    }

    @Test("a heading inside a phase that repeats its number is a section of it; one with another number is a phase")
    func repeatedPhaseNumber() {
        let doc = parse("""
            ## Phase 1: Setup
            - [ ] T001 a
            ### Phase 1 Completion
            - [ ] T002 b
            ## Phase 2: Core
            - [ ] T003 c
            ### Phase 2.1: Storage
            - [ ] T004 d
            ### Final Phase Checklist
            - [ ] T005 e
            """)
        #expect(doc.phases.dropFirst().map(\.title) == ["Phase 1: Setup", "Phase 2: Core", "Phase 2.1: Storage"])
        #expect(doc.tasks.map(\.phase) == [1, 1, 2, 3, 3])
    }

    @Test("Phase N headings inside Dependencies, Parallel Example and Strategy sections are not phases")
    func excludedPhaseHeadings() {
        let doc = parse("""
            ## Phase 1: Setup
            - [ ] T001 a
            ## Parallel Example: User Story 1
            ### Phase 1 tasks together
            ## Implementation Strategy
            ### Phase 2 first
            ## Dependencies
            #### Within Setup (Phase 1)
            """)
        #expect(doc.phases.count == 2)
    }

    @Test("legacy template: Phase 3.1 … with a Dependencies section")
    func legacyTemplate() {
        let doc = parse("""
            ## Phase 3.1: Setup
            - [ ] T001 Create project
            ## Phase 3.2: Tests First (TDD) ⚠️ MUST COMPLETE BEFORE 3.3
            - [ ] T002 [P] Contract test in tests/contract/test_a.py
            - [ ] T003 [P] Contract test in tests/contract/test_b.py
            ## Phase 3.3: Core Implementation (ONLY after tests are failing)
            - [ ] T004 Model in src/models/a.py
            - [ ] T005 Service in src/services/a.py
            ## Dependencies
            - Tests (T002-T003) before implementation (T004-T005)
            - T004 blocks T005
            """)
        #expect(doc.phases.map(\.title).dropFirst() == ["Phase 3.1: Setup", "Phase 3.2: Tests First (TDD) ⚠️ MUST COMPLETE BEFORE 3.3", "Phase 3.3: Core Implementation (ONLY after tests are failing)"])
        #expect(doc.phases.allSatisfy { $0.kind == .barrier })
        #expect(doc.edges(.declared) == ["T002->T004", "T002->T005", "T003->T004", "T003->T005", "T004->T005"])
    }

    @Test("without phase headings, each top-level heading holding tasks is a phase")
    func fallbackPhases() {
        let doc = parse("""
            # Tasks
            ## Backend
            ### API
            - [ ] T001 a
            ## Frontend
            - [ ] T002 b
            ## Notes
            """)
        #expect(doc.phases.map(\.title) == ["", "Backend", "Frontend"])
        #expect(doc.tasks.map(\.phase) == [1, 2])
        #expect(doc.task("T001")?.section == 0)
    }

    @Test("a lone # title is the document's title: tasks right under it are in phase 0")
    func titleIsNotAPhase() {
        let doc = parse("""
            # Tasks
            - [ ] T001 before any section
            ## Setup
            - [ ] T002 a
            ## Build
            - [ ] T003 b
            """)
        #expect(doc.phases.map(\.title) == ["", "Setup", "Build"])
        #expect(doc.tasks.map(\.phase) == [0, 1, 2])
        // Two # headings are two phases.
        let two = parse("# One\n- [ ] T001 a\n# Two\n- [ ] T002 b\n")
        #expect(two.phases.map(\.title) == ["", "One", "Two"])
    }

    @Test("fences, comments, front matter and the BOM are skipped")
    func skipped() {
        let text = "\u{FEFF}---\ntitle: x\n- [ ] T090 in front matter\n---\n"
            + "```\n- [ ] T091 fenced\n```\n~~~md\n- [ ] T092 tilde\n~~~\n"
            + "<!-- - [ ] T093 comment -->\n<!--\n- [ ] T094 in a long comment\n-->\n"
            + "```markdown\n```mermaid\nx\n```\n- [ ] T095 in the outer fence\n```\n"
            + "- [ ] T001 real <!-- not T099 --> task\n"
        let doc = parse(text)
        #expect(doc.tasks.map(\.id) == ["T001"])
        #expect(doc.tasks.first?.location.line == 21)
        #expect(doc.diagnostics.isEmpty)
    }

    @Test("HTML comments: the caller's bytes stay untouched; comment-only lines read as blank lines")
    func commentsReadInPlace() {
        // The parser reads the caller's bytes and copies them only when a
        // comment sits next to content; both paths must give the same reading.
        let text = "- [ ] T001 one <!-- hidden T009 -->\n  <!-- body -->\t\n  continues in src/a.py\n"
            + "- [ ] T002 two <!-- open\nstill T003\n--> tail depends on T001\n"
            + "<!-- a --> <!-- b -->\n- [ ] T004 four\n\t<!-- unclosed\n- [ ] T005 hidden\n-->  \n- [ ] T006 six\n"
        let bytes = Array(text.utf8)
        let doc = SpecParser.parse(bytes, path: "tasks.md")
        #expect(bytes == Array(text.utf8))
        #expect(doc.tasks.map(\.id) == ["T001", "T002", "T004", "T006"])
        #expect(doc.task("T001")?.description == "one")
        #expect(doc.task("T001")?.files == ["src/a.py"])
        #expect(doc.task("T002")?.description == "two")
        #expect(doc.predecessors(of: "T002") == ["T001"])
        #expect(doc.diagnostics.isEmpty)
        // Only comment-only lines: no copy is needed, and the reading is the same.
        let quiet = parse("<!-- x -->\n- [ ] T001 a\n  <!-- y --> \n  b depends on T000\n- [ ] T000 c\n")
        #expect(quiet.tasks.map(\.id) == ["T001", "T000"])
        #expect(quiet.predecessors(of: "T001") == ["T000"])
    }
}

@Suite("Bad input")
struct BadInputTests {
    @Test("invalid UTF-8 is one error at the first bad byte; parsing goes on")
    func invalidUTF8() {
        var bytes = Array("- [ ] T001 ok\n- [ ] T002 bad ".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(" byte\n- [ ] T003 \u{00E9}\n".utf8) + [0xC3]
        let doc = SpecParser.parse(bytes, path: "x.md")
        #expect(doc.tasks.map(\.id) == ["T001", "T002", "T003"])
        let errors = doc.codes(.invalidUTF8)
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(line: 2, column: 16))
        #expect(errors.first?.severity == .error)
    }

    @Test("in a document of several MB (checked beside the line scan) the bad byte and the NUL are still found, first")
    func invalidUTF8InALargeDocument() {
        var bytes: [UInt8] = []
        for i in 0..<40_000 { bytes += Array("- [ ] T\(10_000 + i) Write src/m\(i).py\n".utf8) }
        bytes += Array("- [ ] T99999 bad ".utf8) + [0xFF, 0x00] + Array("\n".utf8)
        for i in 0..<40_000 { bytes += Array("- [ ] T\(50_000 + i) Write src/n\(i).py\n".utf8) }
        #expect(bytes.count > 1 << 20)
        let doc = SpecParser.parse(bytes, path: "x.md")
        #expect(doc.tasks.count == 80_001)
        #expect(doc.codes(.invalidUTF8).map(\.location) == [SourceLocation(line: 40_001, column: 18)])
        #expect(doc.codes(.unreadable).map(\.location) == [SourceLocation(line: 40_001, column: 19)])
    }

    /// The check reads 32 and 8 bytes at a time through plain ASCII: a bad
    /// byte, a NUL or a valid multi-byte letter anywhere in or across those
    /// steps is read as the byte-by-byte reading reads it.
    @Test("the encoding check finds a bad byte or NUL at every offset of its steps")
    func encodingCheckAtEveryOffset() {
        let text = Array(String(repeating: "abcdefghij", count: 10).utf8)
        for k in 0..<96 {
            for (inserted, code) in [([0xFF], Optional(DiagnosticCode.invalidUTF8)), ([0x00], .unreadable), ([0xC3, 0xA9], nil)]
                as [([UInt8], DiagnosticCode?)]
            {
                var bytes = text
                bytes.replaceSubrange(k..<k + inserted.count, with: inserted)
                let found = bytes.withUnsafeBufferPointer { DocumentParser.encodingDiagnostics($0) }
                if let code {
                    #expect(found.map(\.code) == [code], "offset \(k)")
                    #expect(found.first?.location == SourceLocation(line: 1, column: Int32(k + 1)), "offset \(k)")
                } else {
                    #expect(found.isEmpty, "offset \(k)")
                }
            }
        }
    }

    @Test("binary input is a diagnostic, not a crash")
    func binary() {
        var bytes: [UInt8] = []
        var x: UInt32 = 12345
        for _ in 0..<100_000 {
            x = x &* 1_103_515_245 &+ 12345
            bytes.append(UInt8(truncatingIfNeeded: x >> 16))
        }
        bytes[10] = 0
        let doc = SpecParser.parse(bytes, path: "a.out")
        #expect(!doc.codes(.unreadable).isEmpty)
    }

    @Test("an empty file has no tasks, with a warning", arguments: ["", "\n\n", "# Tasks\n\nNothing yet.\n"])
    func empty(text: String) {
        let doc = parse(text)
        #expect(doc.tasks.isEmpty)
        #expect(doc.codes(.noTasks).count == 1)
        #expect(doc.phases.count == 1)
    }

    @Test("a 50 MB single line finishes")
    func hugeLine() {
        var bytes = Array("- [ ] T001 ".utf8)
        let chunk = Array("word src/a.py (depends on T001) @x [2h] `code` ( ".utf8)
        bytes.reserveCapacity(50_000_000 + chunk.count)
        while bytes.count < 50_000_000 { bytes += chunk }
        let doc = SpecParser.parse(bytes, path: "big.md")
        #expect(doc.tasks.count == 1)
        #expect(doc.tasks.first?.files == ["src/a.py"])
        #expect(doc.lineCount == 1)
    }

    @Test("a task with a 200 000-line body keeps every line of it")
    func hugeBody() {
        var text = "- [ ] T001 Write the migration notes\n"
        for i in 0..<200_000 { text += "  step \(i) of the plan\n" }
        text += "  then edit docs/final.md (depends on T002)\n- [ ] T002 Review\n"
        let doc = parse(text)
        #expect(doc.tasks.count == 2)
        #expect(doc.tasks.first?.endLine == 200_002)
        #expect(doc.tasks.first?.files == ["docs/final.md"])
        #expect(doc.dependencies.map(\.predecessor) == [1])
    }

    @Test("10 000 restated duplicates merge into the first, one warning per repeat")
    func manyDuplicates() {
        var text = ""
        for _ in 0..<10_000 { text += "- [ ] T001 again (depends on T002)\n" }
        text += "- [ ] T002 target\n"
        let doc = parse(text)
        #expect(doc.tasks.map(\.id) == ["T001", "T002"])
        #expect(doc.codes(.duplicateID).count == 9_999)
        #expect(doc.codes(.duplicateID).allSatisfy { $0.severity == .warning })
        #expect(doc.dependencies.count == 1)
    }

    @Test("10 000 different tasks with one ID are T001, T001#2 … T001#10000, one error each")
    func manyDifferentDuplicates() {
        var text = ""
        for i in 0..<10_000 { text += "- [ ] T001 task \(i) (depends on T002)\n" }
        text += "- [ ] T002 target\n"
        let doc = parse(text)
        #expect(doc.tasks.count == 10_001)
        #expect(doc.tasks[1].id == "T001#2")
        #expect(doc.tasks[9_999].id == "T001#10000")
        #expect(doc.codes(.duplicateID).count == 9_999)
        #expect(doc.codes(.duplicateID).allSatisfy { $0.severity == .error })
        #expect(doc.dependencies.count == 10_000)
    }

    @Test("CRLF line endings")
    func crlf() {
        let doc = parse("## Phase 1: A\r\n- [ ] T001 Edit a.py\r\n- [ ] T002 b (after T001)\r\n")
        #expect(doc.tasks.map(\.description) == ["Edit a.py", "b (after T001)"])
        #expect(doc.task("T001")?.files == ["a.py"])
        #expect(doc.edges() == ["T001->T002"])
    }
}

@Suite("Review fixes")
struct ReviewFixTests {
    @Test("[DONE] anywhere in a heading task marks it done", arguments: [
        ("### T001: Create schema [DONE]", "Create schema"),
        ("### T001: [DONE] Create schema", "Create schema"),
        ("### T001 [DONE] Create schema", "Create schema"),
    ])
    func headingDone(line: String, description: String) throws {
        let task = try #require(parse("## Phase 1\n\n\(line)\n").tasks.first)
        #expect(task.status == .done)
        #expect(task.description == description)
    }

    @Test("a later duplicate naming its own ID depends on the first task with that ID")
    func duplicateReferencesTheFirst() {
        let doc = parse("## Phase 1\n- [ ] T001 a\n- [ ] T002 b\n- [ ] T002 again (depends on T002)\n")
        #expect(doc.codes(.selfReference).isEmpty)
        #expect(doc.codes(.duplicateID).count == 1)
        #expect(doc.dependencies.map { [$0.predecessor, $0.successor] } == [[1, 2]])
        // The first T002 naming itself is a self-reference.
        let own = parse("## Phase 1\n- [ ] T002 b (depends on T002)\n")
        #expect(own.codes(.selfReference).count == 1)
        #expect(own.dependencies.isEmpty)
    }
}
