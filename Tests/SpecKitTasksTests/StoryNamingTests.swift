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

    @Test(
        "a heading that names stories after an ordering word names what waits or is waited for, not its own story",
        arguments: [
            ("Phase 2: Foundational (blocks US1 and US2)", nil),
            ("Phase 2: Shared models (required by US3)", nil),
            ("Phase 6: Integration (after US1 and US2)", nil),
            ("Phase 2: Core data — prerequisite for User Story 1", nil),
            ("Phase 5: User Story 3 - Export (after US1)", "US3"),
            ("Phase 4: US2 Search (Priority: P2)", "US2"),
            ("Phase 3: User Story 1 (FE-US1)", "US1"),
            ("Phase 7: Checkout flow (PAY-US4)", "PAY-US4"),
        ] as [(String, String?)])
    func orderingWordsBeforeAStory(title: String, story: String?) {
        let doc = parse("# Tasks\n## \(title)\n- [ ] T001 Build it in src/a.py\n")
        #expect(doc.phases.last?.story == story)
        #expect(doc.phases.last?.kind == (story == nil ? .barrier : .story))
    }
}
