import Testing

@testable import SpecKitTasks

/// The text reader keeps scratch from one task to the next within a chunk:
/// description spans written in place, a buffer for the files a task cites,
/// and the last task's stories, offered to the next task's labels. What a
/// task gets must not depend on the tasks read before it.
@Suite("Text reader scratch")
struct TextReaderScratchTests {
    @Test("story labels read the same whatever the task before named")
    func storiesAcrossTasks() {
        let doc = parse(
            """
            # Tasks

            - [ ] T001 [US1] Build the first part in src/a.py
            - [ ] T002 [US1] Build the second part in src/b.py
            - [ ] T003 [US12] Build another part in src/c.py
            - [ ] T004 [US1, US2] Join the parts in src/d.py
            - [ ] T005 [US2] [US1] Wire the parts in src/e.py
            - [ ] T006 Leave this one alone in src/f.py
            - [ ] T007 [US1] [USX] Back to one story in src/g.py
            - [ ] T008 [US1] [US1] Named twice in src/h.py
            """)
        #expect(
            doc.tasks.map(\.stories) == [["US1"], ["US1"], ["US12"], ["US1", "US2"], ["US2", "US1"], [], ["US1"], ["US1"]])
        #expect(doc.tasks[6].labels == ["USX"])
        #expect(doc.tasks.map(\.description) == [
            "Build the first part in src/a.py", "Build the second part in src/b.py", "Build another part in src/c.py",
            "Join the parts in src/d.py", "Wire the parts in src/e.py", "Leave this one alone in src/f.py",
            "Back to one story in src/g.py", "Named twice in src/h.py",
        ])
    }

    @Test("a cited file stays with the task that cites it")
    func readsDoNotCarryOver() {
        let doc = parse(
            """
            # Tasks

            - [ ] T001 Write the handler in src/h.py following docs/notes.txt
            - [ ] T002 Write the client in src/c.py
            - [ ] T003 Write the server in src/s.py according to docs/protocol.txt and docs/notes.txt
            - [ ] T004 Test the server in tests/s.py
            """)
        #expect(doc.tasks.map(\.reads) == [["docs/notes.txt"], [], ["docs/protocol.txt", "docs/notes.txt"], []])
        #expect(doc.tasks.map { Array($0.files) } == [["src/h.py"], ["src/c.py"], ["src/s.py"], ["tests/s.py"]])
    }

    @Test("texts are handed over one by one, in span order")
    func sharedTextsByIndex() {
        let bytes = Array("alpha beta gamma ünïcode".utf8)
        let spans = [(0, 5), (6, 6), (6, 10), (11, 16), (17, bytes.count)]
        var handed: [(Int, String)] = []
        bytes.withUnsafeBufferPointer { b in
            spans.withUnsafeBufferPointer { TaskText.shared(b, spans: $0) { i, text in handed.append((i, text.string)) } }
        }
        #expect(handed.map(\.0) == Array(spans.indices))
        #expect(handed.map(\.1) == ["alpha", "", "beta", "gamma", "ünïcode"])
    }
}
