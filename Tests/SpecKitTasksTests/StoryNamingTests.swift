import Testing

@testable import SpecKitTasks

/// Which story a phase heading names, and how statements name stories.
@Suite("Story names in headings and statements")
struct StoryNamingTests {
    /// Two products whose stories share numbers: `API-US1` and `WEB-US1` are two stories.
    @Test("a story written with a hyphenated prefix keeps it, so equal numbers of two prefixes are two stories")
    func prefixedStories() {
        let doc = parse("""
            # Tasks
            ## Phase 1: User Story API-US1 - Sign up (Priority: P1)
            - [ ] T001 [API-US1] Accounts table in db/accounts.sql
            ## Phase 2: User Story API-US2 - Tokens (Priority: P1)
            - [ ] T002 [API-US2] Token endpoint in api/tokens.py
            ## Phase 3: User Story WEB-US1 - Sign-up page (Priority: P2)
            - [ ] T003 [WEB-US1] Sign-up form in web/signup.tsx

            ## Dependencies & Execution Order
            - **API-US2**: needs API-US1 first
            - **WEB-US1**: Depends on API-US2 (calls the token endpoint)
            """)
        #expect(doc.phases.map { $0.story } == [nil, "API-US1", "API-US2", "WEB-US1"])
        #expect(doc.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" } == ["1->2", "2->3"])
    }

    @Test("a later phase whose title names a story again is that story too: the story names both phases")
    func continuedStory() {
        let doc = parse("""
            # Tasks
            ## Phase 1: User Story 1 - Accounts (Priority: P1)
            - [ ] T001 [US1] Accounts table in db/accounts.sql
            ## Phase 2: User Story 2 - Billing (Priority: P2)
            - [ ] T002 [US2] Invoices in api/invoices.py
            ## Phase 3: User Story 1 (Continued) - Sign-in with a provider
            - [ ] T003 [US1] OAuth callback in api/oauth.py
            ## Phase 4: User Story 3 - Reports (Priority: P3)
            - [ ] T004 [US3] Report export in api/reports.py
            ## Phase 5: User Story 4 - Audit (Priority: P3)
            - [ ] T005 [US4] Audit log in api/audit.py

            ## Dependencies & Execution Order
            - US3 depends on US1
            - US4 after US1-US2
            """)
        #expect(doc.phases.map { $0.story } == [nil, "US1", "US2", "US1", "US3", "US4"])
        #expect(doc.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" } == ["1->4", "3->4", "1->5", "3->5", "2->5"])
    }

    @Test("a story's later phase never comes before a phase a statement puts after it: no written cycle from the inference")
    func continuedStoryMakesNoCycle() {
        let doc = parse("""
            # Tasks
            ## Phase 1: User Story 1 - Sign-up (Priority: P1)
            - [ ] T001 [US1] Sign-up API in api/signup.py
            ## Phase 2: User Story 2 - Profile (Priority: P2)
            - [ ] T002 [US2] Profile page in web/profile.tsx
            ## Phase 3: User Story 1 (Continued) - Admin login
            - [ ] T003 [US1] Admin login in api/admin.py

            ## Dependencies & Execution Order
            - US2 depends on US1 (login API)
            - Phase 3 depends on Phase 2
            """)
        #expect(doc.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" } == ["1->2", "2->3"])
    }

    @Test("a story numbered within another (`US3.2`, `User Story 3.2`) is a story of its own in headings, labels and statements")
    func dottedStories() {
        let doc = parse("""
            # Tasks
            ## Phase 1: User Story 3.1 - Progress (Priority: P2)
            - [ ] T001 [US3.1] Progress bar in web/progress.tsx
            ## Phase 2: User Story 3.2 - Leaderboard (Priority: P2)
            - [ ] T002 [P] [US3.2] Leaderboard in web/board.tsx
            ## Phase 3: US3.3 Game hub
            - [ ] T003 [US3.3] Hub in web/hub.tsx

            ## Dependencies & Execution Order
            - US3.2 depends on US3.1.
            - User Story 3.3 requires US3.2
            """)
        #expect(doc.phases.map { $0.story } == [nil, "US3.1", "US3.2", "US3.3"])
        #expect(doc.tasks.map { $0.stories } == [["US3.1"], ["US3.2"], ["US3.3"]])
        #expect(doc.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" } == ["1->2", "2->3"])
    }

    @Test("a story with a letter after its number (`US1b`, `User Story 1b`, `Historia de Usuario 2a`) is a story of its own; `US1s` is none")
    func letteredStories() {
        let doc = parse("""
            # Tasks
            ## Phase 1: User Story 1 - Base (Priority: P1)
            - [ ] T001 [US1] Base in src/base.py
            ## Phase 2: User Story 1b - Variable rates
            - [ ] T002 [P] [US1b] Rates in src/rates.py
            ## Phase 3: Historia de Usuario 2a - Nadpłaty
            - [ ] T003 [US2a] Extra in src/extra.py

            ## Dependencies & Execution Order
            - US1b depends on US1.
            - User Story 2a requires US1b
            """)
        #expect(doc.phases.map { $0.story } == [nil, "US1", "US1b", "US2a"])
        #expect(doc.phases.map(\.kind) == [.barrier, .story, .story, .story])
        #expect(doc.tasks.map { $0.stories } == [["US1"], ["US1b"], ["US2a"]])
        #expect(doc.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" } == ["1->2", "2->3"])
    }

    @Test("HU<n> in a statement names the story US<n>")
    func spanishStoryReferences() {
        let doc = parse("""
            # Tareas
            ## Fase 1: Historia de Usuario 1 - Alta
            - [ ] T001 [HU1] Alta de tenant en api/tenant.ts
            ## Fase 2: Historia de Usuario 2 - Tareas
            - [ ] T002 [HU2] Completar tareas en api/tasks.ts
            ## Fase 3: Historia de Usuario 3 - Panel
            - [ ] T003 [HU3] Panel en web/panel.tsx

            ## Dependencias
            | Historia | Depende De |
            |---|---|
            | HU3 (Panel) | HU1-HU2 |
            """)
        #expect(doc.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" } == ["1->3", "2->3"])
    }

    @Test(
        "a heading names its own story (in any language); after an ordering word it names what waits or is waited for",
        arguments: [
            ("Phase 2: Foundational (blocks US1 and US2)", nil),
            ("Phase 2: Shared models (required by US3)", nil),
            ("Phase 6: Integration (after US1 and US2)", nil),
            ("Phase 2: Core data — prerequisite for User Story 1", nil),
            ("Phase 5: User Story 3 - Export (after US1)", "US3"),
            ("Phase 4: US2 Search (Priority: P2)", "US2"),
            ("Phase 3: User Story 1 (FE-US1)", "US1"),
            ("Phase 7: Checkout flow (PAY-US4)", "PAY-US4"),
            // An order word elsewhere in the title, or a prefix in lower case, changes nothing.
            ("Phase 4: Dependency Graph View (US2) (Priority: P2)", "US2"),
            ("Phase 4: Checkout After Login - User Story 2", "US2"),
            ("Phase 4: Post-US2 Logout", "US2"),
            // A story in another language, or as HU<n>, is named as `US<n>` (as statements name it).
            ("Fase 3: Historia de Usuario 1 - Alta (Prioridad: P1)", "US1"), ("Fase 4: História de Usuário 2 - Login", "US2"),
            ("阶段 5：用户故事 3 - 导出", "US3"), ("フェーズ 6: ユーザーストーリー 4", "US4"), ("Fase 7: HU5 Notificaciones", "US5"),
            ("Fase 8: Historias pendientes", nil), ("Phase 9: HUD overlay", nil),
        ] as [(String, String?)])
    func orderingWordsBeforeAStory(title: String, story: String?) {
        let doc = parse("# Tasks\n## \(title)\n- [ ] T001 Build it in src/a.py\n")
        #expect(doc.phases.last?.story == story)
        #expect(doc.phases.last?.kind == (story == nil ? .barrier : .story))
    }

    /// The numbers of stories need not follow the document: a range covers
    /// the story phases written between its ends, as a range of task IDs does.
    @Test("a story range covers the stories numbered between its ends that are written between their phases")
    func storyRangesInDocumentOrder() {
        let doc = storyDocument(setup: true, stories: [5, 1, 3, 8, 2, 6], dependencies: """
            - **US1**: needs US5 (invoices hold the account IDs)
            - **US3–US8**: depend on US1
            - **Phase 7**: after US1-US3
            """)

        let edges = doc.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" }.sorted()
        // US5 (phase 2) and US6 (phase 7) are numbered between 3 and 8 but written
        // outside US3's and US8's phases: not in `US3–US8`; nor is US2 in `US1-US3`.
        // Such a range takes no story that either reading leaves out.
        #expect(edges == ["2->3", "3->4", "3->5", "3->7", "4->7"])
        #expect(doc.diagnostics.isEmpty)
    }

    @Test("a story range whose end names no phase takes the stories numbered between its ends, from the other end's phase on")
    func storyRangeWithAMissingEnd() {
        let doc = storyDocument(stories: [1, 3, 4, 2], dependencies: """
            - **US3-US6**: depend on US1
            - **US2**: after US4
            """)

        // US6 names no phase: `US3-US6` is US3 and US4, written from US3's phase on.
        #expect(doc.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" }.sorted() == ["1->2", "1->3", "3->4"])
        let early = storyDocument(stories: [4, 1, 3], dependencies: """
            - **US1**: after US4
            - **US3-US9**: depend on US1
            """)

        // US4, written before US3, stays out: no cycle through US1.
        #expect(early.phaseDependencies.map { "\($0.predecessor)->\($0.successor)" }.sorted() == ["1->2", "2->3"])
        #expect(early.diagnostics.isEmpty)
    }
}

