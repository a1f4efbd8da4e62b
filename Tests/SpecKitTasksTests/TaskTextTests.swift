@testable import SpecKitTasks
import Testing

extension TaskText {
    /// `shared(_:spans:_:)`'s texts in an array, for the tests.
    static func shared(_ bytes: UnsafeBufferPointer<UInt8>, spans: UnsafeBufferPointer<(Int, Int)>) -> [TaskText] {
        var texts: [TaskText] = []
        shared(bytes, spans: spans) { i, text in
            #expect(i == texts.count, "texts are handed over in span order")
            texts.append(copy text)
        }
        return texts
    }
}

/// Descriptions are kept as spans of a shared buffer (`TaskText`); every
/// reading of them must be the `String` the text would have been.
@Suite struct TaskTextTests {
    static let samples: [String] = [
        "", "a", "Create User model in src/models/user.py", "実装: ユーザーモデル", "emoji 🚀 and \"quotes\" <script>",
        "line\nbreak\ttab", String(repeating: "long ", count: 300),
    ]

    @Test func stringsRoundTrip() {
        for s in Self.samples {
            let text = TaskText(s)
            #expect(text.string == s)
            #expect(text.utf8Count == s.utf8.count)
            #expect(text.withUTF8 { Array($0) } == Array(s.utf8))
        }
    }

    /// Spans of one buffer, empty ones and invalid UTF-8 among them, read as
    /// `String(decoding:as:)` reads the same bytes.
    @Test func sharedSpansReadAsTheirBytes() {
        var bytes = Array("first second 第三 fourth".utf8)
        bytes += [0x66, 0xFF, 0xC3, 0x67]  // invalid UTF-8 between two letters
        let spans: [(Int, Int)] = [(0, 5), (6, 12), (12, 12), (13, 22), (0, bytes.count), (bytes.count - 4, bytes.count), (3, 3)]
        let texts = bytes.withUnsafeBufferPointer { b in spans.withUnsafeBufferPointer { TaskText.shared(b, spans: $0) } }
        #expect(texts.count == spans.count)
        for (text, (lo, hi)) in zip(texts, spans) {
            let expected = String(decoding: bytes[lo..<hi], as: UTF8.self)
            #expect(text.string == expected)
            #expect(text.utf8Count == hi - lo)
            #expect(text == TaskText(expected) || hi - lo != expected.utf8.count)
        }
        #expect(texts[2] == .empty)
        #expect(texts[0].string == "first")
    }

    /// The bytes read in place through a pointer (what the JSON writer reads)
    /// are those `withUTF8` reads: own buffers of any length, shared spans, empty texts.
    @Test func bytesInPlaceAreTheTextsBytes() {
        let bytes = Array("one two three".utf8)
        let spans: [(Int, Int)] = [(0, 3), (3, 3), (4, 13)]
        var texts = bytes.withUnsafeBufferPointer { b in spans.withUnsafeBufferPointer { TaskText.shared(b, spans: $0) } }
        texts += Self.samples.map(TaskText.init) + [.empty]
        texts.withUnsafeBufferPointer { all in
            for i in all.indices {
                #expect(Array(TaskText.unsafeUTF8(at: all.baseAddress! + i)) == all[i].withUTF8 { Array($0) })
            }
        }
    }

    @Test func onlyEmptySpans() {
        let bytes: [UInt8] = [1, 2, 3]
        let spans: [(Int, Int)] = [(1, 1), (2, 2)]
        let texts = bytes.withUnsafeBufferPointer { b in spans.withUnsafeBufferPointer { TaskText.shared(b, spans: $0) } }
        #expect(texts.map(\.string) == ["", ""])
    }

    /// Equality and hashing follow `String`: equal bytes, or canonically
    /// equivalent spellings (é as one scalar or as e and an accent).
    @Test func equalityFollowsStrings() {
        let composed = TaskText("caf\u{E9}"), decomposed = TaskText("cafe\u{301}")
        #expect(composed == decomposed)
        #expect(composed.hashValue == decomposed.hashValue)
        #expect(TaskText("abc") != TaskText("abd"))
        #expect(TaskText("abc") != TaskText("ab"))
        let shared = Array("xabcx".utf8).withUnsafeBufferPointer { b in
            [(1, 4)].withUnsafeBufferPointer { TaskText.shared(b, spans: $0) }
        }
        #expect(shared[0] == TaskText("abc"))
        #expect(shared[0].hashValue == TaskText("abc").hashValue)
    }

    /// A task's description reads and writes as a plain `String` property,
    /// with value semantics: a copy keeps its own text.
    @Test func taskDescriptionIsAValue() {
        var task = SpecTask(id: "T001", location: SourceLocation(line: 1, column: 3), description: "Create model")
        let copy = task
        task.description = "Changed"
        #expect(copy.description == "Create model")
        #expect(task.description == "Changed")
        #expect(task.descriptionText.utf8Count == 7)
        #expect(task != copy)
        #expect(SpecTask(id: "T002", location: SourceLocation(line: 1, column: 1)).description == "")
    }

    /// The parser's shared buffers give every task of a large document (read
    /// in chunks on every core) the description written on its line.
    @Test func parsedDescriptionsAreTheLineText() {
        var text = "# Tasks\n\n## Phase 1: Setup\n\n"
        var expected: [String] = []
        for i in 1...20_000 {
            let description = i % 7 == 0 ? "Résumé für Aufgabe \(i) in src/m\(i).py (2h)" : "Task number \(i) writes `src/a\(i).py`"
            text += "- [ ] T\(10_000 + i) [P] \(description)\n"
            expected.append(description)
        }
        let document = SpecParser.parse(Array(text.utf8), path: "many.md")
        #expect(document.tasks.count == expected.count)
        let wrong = zip(document.tasks, expected).filter { $0.0.description != $0.1 }
        #expect(wrong.isEmpty, "\(wrong.count) differ, first: \(wrong.first.map { "\($0.0.description) for \($0.1)" } ?? "")")
    }
}
