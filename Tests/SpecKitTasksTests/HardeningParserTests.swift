import SpecKitTasks
import Testing

/// Warnings for documents whose layout hides their tasks, and bounds on what a
/// document can ask for.
@Suite struct HardeningParserTests {
    @Test func unclosedFenceSaysWhereItStartsAndHowManyTasksItHides() {
        let doc = parse("""
            # Release plan

            ~~~~ text
            an example that never ends

            ## Phase 1: Build
            - [ ] T001 Write the parser in src/parse.rs
            - [x] T002 Test the parser in tests/parse.rs
            * [ ] T003 Ship it
            """)
        #expect(doc.tasks.isEmpty)
        let warnings = doc.codes(.unclosedFence)
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location == SourceLocation(line: 3, column: 1))
        #expect(warnings.first?.message.contains("3 task-like lines") == true)
    }

    @Test func closedFencesAndFencesHidingNoTaskSayNothing() {
        let closed = parse("""
            ## Phase 1
            ```
            - [ ] T009 an example task
            ```
            - [ ] T001 Real task
            """)
        #expect(closed.codes(.unclosedFence).isEmpty)
        #expect(closed.tasks.map(\.id) == ["T001"])
        let trailing = parse("## Phase 1\n- [ ] T001 Real task\n\n```sh\nmake\n")
        #expect(trailing.codes(.unclosedFence).isEmpty)
    }

    @Test func crOnlyLineEndingsAreReadAsLineEndsWithOneWarning() {
        let text = "# Plan\r\r## Phase 1: Setup\r- [ ] T001 Create a.py\r- [ ] T002 Fill a.py (depends on T001)\r"
        let doc = SpecParser.parse(Array(text.utf8), path: "tasks.md")
        #expect(doc.tasks.map(\.id) == ["T001", "T002"])
        #expect(doc.edges() == ["T001->T002"])
        let warnings = doc.codes(.crLineEndings)
        #expect(warnings.count == 1)
        #expect(warnings.first?.location.line == 1)
        #expect(doc.codes(.noTasks).isEmpty)
    }

    /// A document of a MB or more is searched for a lone CR at its start
    /// (line 1) and beside the line scan (line 20 000, past the first MB),
    /// then read with its CRs as line ends: the same document as the one
    /// with LFs, and the warning where the first lone CR is.
    @Test(arguments: [1, 20_000])
    func largeDocumentWithLoneCarriageReturnsIsReadAgain(firstCRLine: Int) {
        var lines = ["# Plan", "", "## Phase 1: Setup"]
        for i in 1...24_000 {
            let depends = i > 1 ? " (depends on T\(String(format: "%05d", i - 1)))" : ""
            lines.append("- [ ] T\(String(format: "%05d", i)) Build module \(i) in src/m\(i).py\(depends)")
        }
        // LF up to line `firstCRLine`, then CR alone after every line.
        var text = ""
        for (k, line) in lines.enumerated() { text += line + (k + 1 < firstCRLine ? "\n" : "\r") }
        #expect(text.utf8.count >= 1 << 20)
        let crDoc = SpecParser.parse(Array(text.utf8), path: "tasks.md")
        let lfDoc = SpecParser.parse(Array((lines.joined(separator: "\n") + "\n").utf8), path: "tasks.md")
        #expect(crDoc.tasks.count == 24_000)
        let sameIDs = crDoc.tasks.map(\.id) == lfDoc.tasks.map(\.id)
        let sameEdges = crDoc.edges() == lfDoc.edges()
        #expect(sameIDs)
        #expect(crDoc.dependencies.count == 23_999)
        #expect(sameEdges)
        let warnings = crDoc.codes(.crLineEndings)
        #expect(warnings.count == 1)
        #expect(warnings.first?.location.line == Int32(firstCRLine))
    }

    @Test func crlfLineEndingsNeedNoWarning() {
        let doc = SpecParser.parse(Array("## Phase 1\r\n- [ ] T001 A\r\n".utf8), path: "tasks.md")
        #expect(doc.codes(.crLineEndings).isEmpty)
        #expect(doc.tasks.count == 1)
    }

    @Test(arguments: ["(999999999w)", "(est: 999999999w/999999999w/999999999w)", "(est: 1h/2h/999999999d)"])
    func estimatesAreCappedAtAMillionHours(_ estimate: String) throws {
        let doc = parse("## Phase 1\n- [ ] T001 Build it \(estimate)\n")
        let hours = try #require(doc.task("T001")?.estimate?.hours)
        #expect(hours <= Estimate.maximumHours)
        #expect(hours > 0)
        #expect(Estimate.clampHours(.infinity) == Estimate.maximumHours)
        #expect(Estimate.clampHours(-.infinity) == 0)
        #expect(Estimate.clampHours(.nan) == 0)
    }
}
