import Foundation
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling
import Testing

/// `why` in the reader's words, the note when most tasks are critical, and
/// inline Markdown taken out of labels.
@Suite struct PlanTextClarityTests {
    /// ```
    ///   Phase 1  [T001 T002] ─▶ [T003 T004] ─▶ T005      (two [P] groups, a section apart)
    ///   Phase 2  [T006 T007]
    ///   Phase 3  [T008 T009]                             (after the end of Phase 2)
    /// ```
    static let text = """
        # Tasks

        ## Phase 1: Setup (Shared Infrastructure)

        - [ ] T001 [P] Create `src/a.py`
        - [ ] T002 [P] Create src/b.py

        ### Tests

        - [ ] T003 [P] Test src/c.py
        - [ ] T004 [P] Test src/d.py
        - [ ] T005 Wire src/a.py into src/main.py

        ## Phase 2: **Core** work

        - [ ] T006 [P] Build src/e.py
        - [ ] T007 [P] Build src/f.py

        ## Phase 3: Polish

        - [ ] T008 [P] Edit src/a.py again
        - [ ] T009 [P] Edit src/g.py

        """

    static func plan(_ options: PlanOptions = PlanOptions()) -> Plan {
        Plan(SpecParser.parse(Array(text.utf8), path: "specs/why/tasks.md"), options: options)
    }

    static func why(_ id: String, _ plan: Plan, style: TextStyle = .text) throws -> String {
        let t = try #require(plan.document.tasks.firstIndex { $0.id == id })
        let node = plan.graph.nodeOfTask[t]
        let chain = plan.explanation(of: node)
        var w = ByteWriter()
        PlanText.why(plan, node: node, chain: chain, style: style, into: &w)
        return String(w)
    }

    @Test func whyNamesPhasesAndGroupsNotMilestones() throws {
        let plan = Self.plan()
        for style in [TextStyle.text, .markdown] {
            let out = try Self.why("T008", plan, style: style)
            #expect(!out.contains("@"), "a milestone name leaked: \(out)")
            #expect(out.contains("the end of Phase 2: Core work"))
            #expect(out.contains("the end of the [P] group T001–T002"))
            // Every edge keeps where it was read.
            let edgeLines = out.split(separator: "\n").filter { $0.contains("→") }
            #expect(!edgeLines.isEmpty)
            #expect(edgeLines.allSatisfy { $0.contains("specs/why/tasks.md:") })
        }
    }

    @Test func spokenPhaseTitlesDropRemarksAndMarkup() {
        #expect(PlanText.spokenTitle(of: Phase(index: 2, title: "Phase 2: Foundational (Blocking Prerequisites)", line: 9)) == "Phase 2: Foundational")
        #expect(PlanText.spokenTitle(of: Phase(index: 3, title: "Phase 3: `US1` **Login**", line: 9)) == "Phase 3: US1 Login")
        #expect(PlanText.spokenTitle(of: Phase(index: 0, title: "", line: 0)) == "the tasks before the first phase")
    }

    @Test func fileEdgeNamesTheFile() throws {
        let plan = Self.plan(PlanOptions(files: .serialize))
        let g = plan.graph
        let fileEdges = (0..<Int32(g.graph.edgeCount)).filter { g.edgeKinds[Int($0)] == .file }
        try #require(!fileEdges.isEmpty)
        for e in fileEdges {
            #expect(PlanText.reason(forEdge: e, in: plan) == "both write src/a.py")
        }
    }

    @Test(arguments: [
        (3, 3, "every task is on the critical path: no slack anywhere"),
        (2, 3, "2 of 3 tasks critical"),
        (5, 10, nil),
        (1, 1, nil),
    ] as [(Int, Int, String?)])
    func criticalShareSentence(critical: Int, tasks: Int, sentence: String?) {
        #expect(CriticalShare(critical: critical, tasks: tasks).sentence == sentence)
    }

    @Test func planSummarySaysWhenEveryTaskIsCritical() {
        // One phase, no [P]: a chain, so every task is critical.
        let chain = "## Phase 1: Build\n\n- [ ] T001 One (1h)\n- [ ] T002 Two (2h)\n- [ ] T003 Three (1h)\n"
        let plan = Plan(SpecParser.parse(Array(chain.utf8), path: "chain.md"))
        var text = ByteWriter()
        PlanText.plan(plan, style: .text, into: &text)
        #expect(String(text).contains("every task is on the critical path: no slack anywhere"))
        var markdown = ByteWriter()
        PlanText.plan(plan, style: .markdown, into: &markdown)
        #expect(String(markdown).contains("> Every task is on the critical path: no slack anywhere."))
        // A plan with slack says nothing of the kind.
        let slack = "## Phase 1: Build\n\n- [ ] T001 [P] Long (5h)\n- [ ] T002 [P] A (1h)\n- [ ] T003 [P] B (1h)\n"
        var other = ByteWriter()
        PlanText.plan(Plan(SpecParser.parse(Array(slack.utf8), path: "slack.md")), style: .text, into: &other)
        #expect(!String(other).contains("critical path: no slack"))
    }

    @Test(arguments: [
        ("Create `src/models/user.py`", "Create src/models/user.py"),
        ("**Bold** and __strong__ words", "Bold and strong words"),
        ("~~dropped~~ kept", "dropped kept"),
        ("see [the spec](specs/spec.md) first", "see the spec first"),
        ("![logo](img/a.png) shown", "logo shown"),
        ("[**US1**](#us1) story", "US1 story"),
        ("``code with ` tick`` done", "code with ` tick done"),
        ("**`src/a.py`** and ~~`old.py`~~", "src/a.py and old.py"),
        ("`**not bold**` in code", "**not bold** in code"),
        // Left alone: nothing paired, or underscores inside words.
        ("edit __init__.py now", "edit __init__.py now"),
        ("snake__case__name", "snake__case__name"),
        ("a ** b", "a ** b"),
        ("unclosed `tick", "unclosed `tick"),
        ("[US1] [P] text (see T005)", "[US1] [P] text (see T005)"),
        ("plain", "plain"),
    ])
    func inlineMarkdownIsRemoved(input: String, expected: String) {
        #expect(InlineMarkdown.plain(input) == expected)
    }
}
