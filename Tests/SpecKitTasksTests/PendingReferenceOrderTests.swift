@testable import SpecKitTasks
import Testing

/// References a task's text names are merged after the references made before
/// its text was queued (a heading's `(depends on …)`, given to every task
/// below it) and before those made later, so the first place an edge is
/// written is the one the document keeps. The file tables are sized from the
/// path spans the texts found.
@Suite struct PendingReferenceOrderTests {
    static func edge(_ document: SpecDocument, _ from: String, _ to: String) -> TaskDependency? {
        document.dependencies.first { document.tasks[Int($0.predecessor)].id == from && document.tasks[Int($0.successor)].id == to }
    }

    @Test func aHeadingReferenceComesBeforeTheSameReferenceInATaskText() {
        let text = """
            # Tasks

            ## Phase 1: Setup

            - [ ] T001 Lay out the base in lib/base.rb
            - [ ] T002 Lay out the rest in lib/rest.rb

            ## Phase 2: Widgets (depends on T001)

            - [ ] T003 Build the widget in lib/widget.rb (depends on T001, T002)
              - also needs T009 first
            - [ ] T004 Build the gadget (after T003; depends on T001)
            """
        let document = SpecParser.parse(Array(text.utf8), path: "order.md")
        // T001 → T003 is written in the heading (line 8) and in T003's text (line 10).
        #expect(Self.edge(document, "T001", "T003")?.location.line == 8)
        #expect(Self.edge(document, "T002", "T003")?.location.line == 10)
        #expect(Self.edge(document, "T001", "T004")?.location.line == 8)
        #expect(Self.edge(document, "T003", "T004")?.location.line == 12)
        #expect(document.diagnostics.map(\.code) == [.unknownReference])
        #expect(document.diagnostics.first?.location == SourceLocation(line: 11, column: 16))
    }

    /// Texts that name tasks between tasks that do not, and a heading
    /// reference met after many texts were queued: the explicit edges come
    /// out task by task, in the order each task's references are written.
    @Test func referencesFromTextsAndHeadingsStayInDocumentOrder() {
        var text = "# Tasks\n\n## Phase 1: Core\n\n"
        func id(_ n: Int) -> String { "T" + String(repeating: "0", count: 3 - String(n).count) + String(n) }
        for n in 1...40 {
            text += n % 3 == 0 ? "- [ ] \(id(n)) Step \(n) (after \(id(n - 1)))\n" : "- [ ] \(id(n)) Step \(n)\n"
        }
        text += "\n## Phase 2: Late (depends on T005)\n\n- [ ] T041 Wrap up (depends on T040)\n- [ ] T042 Ship\n"
        let document = SpecParser.parse(Array(text.utf8), path: "late.md")
        let explicit = document.dependencies.filter { $0.kind == .explicit }
        let written = explicit.map { "\(document.tasks[Int($0.predecessor)].id)>\(document.tasks[Int($0.successor)].id)" }
        var expected = stride(from: 3, through: 39, by: 3).map { "\(id($0 - 1))>\(id($0))" }
        expected += ["T005>T041", "T040>T041", "T005>T042"]
        #expect(written == expected)
        // Task by task: T041's heading reference (line 46) before its text's (48).
        #expect(explicit.suffix(3).map(\.location.line) == [46, 48, 46])
    }

    @Test func aDocumentWithoutPathsHasEmptyFileTables() {
        let document = SpecParser.parse(Array("- [ ] T001 Plan the day\n- [ ] T002 Do it (after T001)\n".utf8), path: "plain.md")
        #expect(document.filePaths.isEmpty)
        #expect(document.taskFileOffsets == [0, 0, 0])
        #expect(document.taskFileIDs.isEmpty)
    }

    /// More distinct paths than the smallest table holds, each written several
    /// times (the span count and bytes over-count the distinct paths).
    @Test func repeatedAndDistinctPathsAreNumberedOnce() {
        var text = "# Tasks\n\n"
        for n in 1...60 { text += "- [ ] T\(n + 100) Edit pkg/m\(n % 25)/x.go and pkg/m\(n % 25)/x.go, then docs/d\(n % 4).md\n" }
        let document = SpecParser.parse(Array(text.utf8), path: "paths.md")
        let expectedPaths = (1...25).flatMap { n -> [String] in
            n <= 4 ? ["pkg/m\(n % 25)/x.go", "docs/d\(n % 4).md"] : ["pkg/m\(n % 25)/x.go"]
        }
        #expect(document.filePaths == expectedPaths)
        #expect(document.isDirectory == expectedPaths.map { _ in false })
        #expect(document.taskFileOffsets.count == 61)
        #expect(document.taskFileIDs.count == 120)
        #expect(document.tasks.allSatisfy { $0.files.count == 2 })
    }

    @Test func spanSizesCountEveryChunk() {
        var a = ChunkOutput(), b = ChunkOutput()
        a.paths = [(0, 5), (10, 12)]
        b.paths = [(3, 3), (7, 20)]
        #expect(FileTableBuilder.mentionCount(of: [a, b]) == 4)
        #expect(FileTableBuilder.mentionCount(of: []) == 0)
    }
}
