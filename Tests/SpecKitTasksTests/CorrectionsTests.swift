import Testing

@testable import SpecKitTasks

/// A reader's corrections applied to a small document (T001…T008 in one phase).
private func corrected(_ corrections: String) -> SpecDocument {
    var text = "## Phase 1: Work\n"
    for n in 1...8 { text += "- [ ] T00\(n) Task \(n)\n" }
    var doc = parse(text)
    Corrections.apply(Array(corrections.utf8), path: "tasks.specgraph", to: &doc)
    return doc
}

private func ids(_ doc: SpecDocument, _ pairs: [TaskDependency]) -> [String] {
    pairs.map { "\(doc.tasks[Int($0.predecessor)].id)>\(doc.tasks[Int($0.successor)].id)" }
}

@Suite("Corrections by the reader")
struct CorrectionsTests {
    @Test(
        "statements",
        arguments: [
            ("T005 after T004", ["T004>T005"], [], []),
            ("T006 after T003, T004", ["T003>T006", "T004>T006"], [], []),
            ("T008 after T002-T004  # a range", ["T002>T008", "T003>T008", "T004>T008"], [], []),
            ("T008 after T002..T003", ["T002>T008", "T003>T008"], [], []),
            ("T007 not after T006", [], ["T006>T007"], []),
            ("T002, T003, T004 parallel", [], [], [["T002", "T003", "T004"]]),
            ("T002 and T005 can run in parallel", [], [], [["T002", "T005"]]),
            ("# only a comment\n\n", [], [], []),
        ] as [(String, [String], [String], [[String]])])
    func statements(text: String, added: [String], removed: [String], parallel: [[String]]) {
        let doc = corrected(text)
        #expect(ids(doc, doc.dependencies.filter { $0.kind == .correction }) == added)
        #expect(ids(doc, doc.removedDependencies) == removed)
        #expect(doc.parallelStatements.map { $0.tasks.map { doc.tasks[Int($0)].id } } == parallel)
        #expect(doc.diagnostics.isEmpty)
    }

    @Test func unknownTasksAndUnreadableLinesWarnInTheCorrectionsFile() {
        let doc = corrected("T001 after T099\nplease fix this\nT002 parallel")
        #expect(doc.dependencies.isEmpty && doc.parallelStatements.isEmpty)
        #expect(doc.diagnostics.map(\.code) == [.unknownReference, .unparsedLine, .unparsedLine])
        #expect(doc.diagnostics.map(\.location.line) == [1, 2, 3])
        #expect(doc.diagnostics[0].formatted(path: "tasks.md").hasPrefix("tasks.specgraph:1:1: warning: correction names T099"))
    }
}
