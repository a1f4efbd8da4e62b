import Testing

@testable import SpecKitTasks

/// The task-text readers skip what cannot matter (the bytes before a text's
/// first estimate trigger) and reuse their buffers from task to task. Each
/// must give what the full reading gives: these tests read many made-up
/// texts both ways.
@Suite("Reader prefilters")
struct ReaderPrefilterTests {
    /// A small xorshift generator: the same texts on every run.
    struct Stream {
        var state: UInt64
        init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
        mutating func next(_ n: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(n))
        }
    }

    /// Pieces of task text around estimates: their forms in several
    /// languages, words that start like `est`, brackets that hold none.
    static let estimatePieces = [
        "(2h)", "[3d]", "(est: 90m)", "(estimate: 1.5d)", "(est: 2h/4h/8h)", "(~3d)", "Estimate: 3h", "**Estimated Time**: 2 hours",
        "(Est. 1.5h)", "est:", "Est", "estimado: 2h", "Estimación: 1d", "estimé", "rest", "test", "best", "nest:", "esta", "es",
        "e", "(", ")", "[", "]", "[P]", "[US2]", "(depends on T002)", "2h", "90m", "Create", "the", "model", "in", "src/a.py",
        "見積: 2h", "（2h）", "оценка: 2ч", "**", ":", "~", "/", "-", "1h-2h", "est.", "(2 hours)", "[~1w]",
    ]

    @Test("the estimate found from the first estimate trigger is the one found from the start", arguments: 0..<400)
    func estimateFromFirstTrigger(seed: UInt64) {
        var r = Stream(seed: seed)
        var text = ""
        for _ in 0..<(1 + r.next(9)) {
            text += Self.estimatePieces[r.next(Self.estimatePieces.count)] + [" ", "", "  ", "\n", ", "][r.next(5)]
        }
        let bytes = Array(text.utf8)
        let scans = DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "")
        bytes.withUnsafeBufferPointer { b in
            // From the start and from inside the text (a word may start at `lo` only).
            for lo in Set([0, min(b.count, Int(seed % 5))]) {
                let (triggers, _, firstEstimate) = scans.textTriggers(b, lo, b.count)
                let full = DocumentParser.findEstimate(b, lo, b.count)
                let fast = triggers.contains(.estimate) ? DocumentParser.findEstimate(b, lo, b.count, from: firstEstimate) : nil
                func summary(_ found: (Estimate, (Int, Int))?) -> String {
                    found.map { "\($0.0) \($0.1.0) \($0.1.1)" } ?? "none"
                }
                #expect(summary(fast) == summary(full), "\(text) from \(lo)")
            }
        }
    }

    @Test("each checkbox task keeps its own stories when the readers reuse one buffer for them", arguments: [300, 30_000])
    func storiesOfManyTasks(count: Int) {
        // Story labels as authors write them, and labels that are no stories.
        let labels: [(String, [String])] = [
            ("[US1]", ["US1"]), ("[P] [US1]", ["US1"]), ("", []), ("[US2, US1]", ["US2", "US1"]), ("[Story: US3]", ["US3"]),
            ("[US3]", ["US3"]), ("[USX]", []), ("[US1] [US1]", ["US1"]), ("[US4][P]", ["US4"]), ("[P]", []),
            ("[US12/US4]", ["US12", "US4"]), ("**[US5]**", ["US5"]), ("[US1,US2,US3]", ["US1", "US2", "US3"]),
        ]
        var r = Stream(seed: UInt64(count))
        var text = "# Tasks\n\n"
        var expected: [[String]] = []
        var run = 0
        for i in 1...count {
            // Runs of one story, as in real documents, then a change.
            if r.next(4) == 0 { run = r.next(labels.count) }
            let (label, stories) = labels[run]
            text += "- [ ] T\(String(100_000 + i).dropFirst()) \(label) Write module \(i) in src/m\(i).py\n"
            expected.append(stories)
        }
        let document = parse(text)
        #expect(document.tasks.count == count)
        #expect(document.tasks.map(\.stories) == expected)
    }
}
