import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// The task-text readers skip what cannot matter (the bytes before a text's
/// first estimate trigger) and reuse their buffers from task to task. Each
/// must give what the full reading gives: these tests read many made-up
/// texts both ways.
@Suite("Reader prefilters")
struct ReaderPrefilterTests {

    /// Pieces of task text around estimates: their forms in several
    /// languages, words that start like `est`, brackets that hold none.
    static let estimatePieces = [
        "(2h)", "[3d]", "(est: 90m)", "(estimate: 1.5d)", "(est: 2h/4h/8h)", "(~3d)", "Estimate: 3h", "**Estimated Time**: 2 hours",
        "(Est. 1.5h)", "est:", "Est", "estimado: 2h", "Estimación: 1d", "estimé", "rest", "test", "best", "nest:", "esta", "es",
        "e", "(", ")", "[", "]", "[P]", "[US2]", "(depends on T002)", "2h", "90m", "Create", "the", "model", "in", "src/a.py",
        "見積: 2h", "（2h）", "оценка: 2ч", "**", ":", "~", "/", "-", "1h-2h", "est.", "(2 hours)", "[~1w]",
        "预估工时：3 小时", "(2時間)", "Duration: 2 days", "**Effort**:", "duration", "Esforço: 1 hora", "effortless", "du", "x[1m]", "a(2h)", "約", "约 1天", "工时", "预计", "예상: 2시간", "見積もり:", "3日", "所要時間: 半日",
    ]

    @Test("the estimate found from the first estimate trigger is the one found from the start", arguments: 0..<400)
    func estimateFromFirstTrigger(seed: UInt64) {
        var r = SeededStream(seed: seed)
        let text = r.text(Self.estimatePieces, most: 9, separators: [" ", "", "  ", "\n", ", "])
        let bytes = Array(text.utf8)
        let scans = DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "")
        bytes.withUnsafeBufferPointer { b in
            // From the start and from inside the text (a word may start at `lo` only).
            for lo in Set([0, min(b.count, Int(seed % 5))]) {
                let (triggers, _, firstEstimate, _) = scans.textTriggers(b, lo, b.count)
                let full = DocumentParser.findEstimate(b, lo, b.count)
                let fast = triggers.contains(.estimate) ? DocumentParser.findEstimate(b, lo, b.count, from: firstEstimate) : nil
                func summary(_ found: (Estimate, (Int, Int))?) -> String {
                    found.map { "\($0.0) \($0.1.0) \($0.1.1)" } ?? "none"
                }
                #expect(summary(fast) == summary(full), "\(text) from \(lo)")
            }
        }
    }

    /// Brackets that hold an estimate and brackets that hold none, in
    /// phrasings of our own: what follows the bracket decides.
    static let bracketPieces = [
        "( 4h)", "(\t2d)", "(~ 30m)", "[ ~1w ]", "(E: 3h)", "(Est: 6h)", "[est.2h]", "(Estimated effort: 3h)", "(e2e)",
        "(0.25d)", "[12 hrs]", "(x 2h)", "(by Q3)", "[Owner: kim]", "(see T004)", "[wip]", "(", "[", "((2h))", "[(3h)]",
        "(-1h)", "(+2h)", "(.5h)", "(~)", "( )", "(EST 1h)", "(estimate 2h)", "Refresh cache", "tidy logs", "est 2h",
        "(?2h)", "(~~1d)", "(\u{00A0}2h)", "（3h）", "[US4]", "(after T009)", "(2h", "[5m]", "(eta: 1h)", "(est: soon)",
    ]

    @Test("an estimate found only from brackets the trigger pass keeps is every estimate there is", arguments: 0..<300)
    func estimateBrackets(seed: UInt64) {
        var r = SeededStream(seed: seed &+ 7_919)
        let text = r.text(Self.bracketPieces, most: 7, separators: [" ", "", "\t", "\n", "; "])
        let bytes = Array(text.utf8)
        let scans = DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "")
        bytes.withUnsafeBufferPointer { b in
            for lo in Set([0, min(b.count, Int(seed % 4))]) {
                for hi in Set([b.count, max(lo, b.count - Int(seed % 3))]) {
                    let (triggers, _, firstEstimate, _) = scans.textTriggers(b, lo, hi)
                    let full = DocumentParser.findEstimate(b, lo, hi)
                    let fast = triggers.contains(.estimate) ? DocumentParser.findEstimate(b, lo, hi, from: firstEstimate) : nil
                    #expect(fast.map { "\($0.0) \($0.1.0) \($0.1.1)" } == full.map { "\($0.0) \($0.1.0) \($0.1.1)" }, "\(text) in \(lo)..<\(hi)")
                }
            }
        }
    }

    @Test("a bracket that opens no estimate sets no estimate trigger")
    func bracketsWithoutEstimates() {
        let scans = DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "")
        for (text, triggered) in [
            ("Wire the queue (after T010)", false), ("Wire the queue [P]", false), ("Wire the queue ( 3h)", true),
            ("Wire the queue [~2d]", true), ("Wire the queue (est: 1h)", true), ("Wire the queue (", false), ("Wire it (4h)", true),
        ] {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                #expect(scans.textTriggers(b, 0, b.count).triggers.contains(.estimate) == triggered, "\(text)")
            }
        }
    }

    /// Words of our own that begin like clause words (`Configure`, `request`,
    /// `tracing`, `aftermath`), clause words glued to marks, other scripts.
    static let keywordPieces = [
        "Configure", "concurrency", "request", "requirements", "tracing", "aftermath", "afterwards", "blocker", "blockers",
        "needle", "needs", "after", "AFTER", "(after", "after:", "dependencies", "dependency-free", "depend", "Prereq",
        "prereqs", "paralleled", "parallel", "independently", "independent", "once", "oncet", "traslado", "tras", "nachher",
        "nach", "依赖", "依", "並列", "после", "послеоперационный", "après", "apres", "x_after", "2after", "_needs", "T004",
        "src/after.py", "blocks", "unblocks", "unblocking", "requires", "réquisition", "完了後", "Ölçüm", "—", "e", "ab",
    ]

    @Test("the keyword trigger is the first clause word the prefilter finds", arguments: 0..<400)
    func keywordIsFirstClauseWord(seed: UInt64) {
        var r = SeededStream(seed: seed &+ 65_537)
        let text = r.text(Self.keywordPieces, most: 10, separators: [" ", "", "\n", ", ", "("])
        let bytes = Array(text.utf8)
        let scans = DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "")
        bytes.withUnsafeBufferPointer { b in
            for lo in Set([0, min(b.count, Int(seed % 6))]) {
                for hi in Set([b.count, max(lo, b.count - Int(seed % 4))]) {
                    let (triggers, firstKeyword, _, _) = scans.textTriggers(b, lo, hi)
                    let prefiltered = DependencyVocabulary.firstWordStart(b, lo, hi, roles: .clause, declared: false)
                    #expect(triggers.contains(.keyword) == (prefiltered != nil), "\(text) in \(lo)..<\(hi)")
                    #expect(firstKeyword == prefiltered ?? hi, "\(text) in \(lo)..<\(hi)")
                }
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
        var r = SeededStream(seed: UInt64(count))
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

    /// Words of the vocabulary in every language, cut short, in other cases,
    /// between words of our own, IDs, paths, marks and blanks of several kinds.
    static func vocabularyText(seed: UInt64) -> [UInt8] {
        let words = DependencyVocabulary.rows.map(\.word)
        let others = [
            "T001", "T002-T004", "Task 3", "src/a.py", "(", ")", ",", ":", "、", "，", "。", ";", ".", "-", "->", "→", "the",
            "dep", "de", "依", "после", "Após", "ñ", "é", "x", "_", "*", "`", "2h", "Setup", "US2", "Phase 3", "none", "n/a",
            "(est: 2h)", "[3d]", "estimate:", "@ann", "(owner: bo)", "docs/plan.md", "Configure", "in", "e2e", "x_y", "a1.b2",
        ]
        let blanks = [" ", "", "  ", "\n", "\t", " \n ", "\r\n"]
        var r = SeededStream(seed: seed)
        var text = ""
        for _ in 0..<(2 + r.next(10)) {
            var piece = r.next(3) == 0 ? others[r.next(others.count)] : words[r.next(words.count)]
            switch r.next(6) {
            case 0: piece = piece.uppercased()
            case 1: piece = piece.prefix(1).uppercased() + piece.dropFirst()
            case 2: piece = String(piece.prefix(max(1, piece.count - 1 - r.next(3))))
            case 3: piece = piece.replacingOccurrences(of: " ", with: blanks[r.next(blanks.count)])
            default: break
            }
            text += piece + blanks[r.next(blanks.count)]
        }
        return Array(text.utf8)
    }

    /// The trigger pass as it was written first: every byte looked at in turn.
    static func triggersByteByByte(_ b: Bytes, _ lo: Int, _ hi: Int) -> (UInt8, Int, Int, Int) {
        var t: UInt8 = 0
        var firstKeyword = hi
        var firstEstimate = hi
        var firstPath = hi
        var afterWord = false
        for k in lo..<hi {
            let c = b[k]
            let cls = DocumentParser.triggerClasses[Int(c)]
            let wordStart = !afterWord
            afterWord = cls & 1 != 0
            guard cls & (wordStart ? 6 : 4) != 0 else { continue }
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["):
                // An estimate opens a bracket with a blank, `~`, a digit or `est`.
                if k + 1 < hi, " \t~0123456789eE".utf8.contains(b[k + 1]) {
                    if t & 2 == 0 { firstEstimate = k }
                    t |= 2
                }
                if c == UInt8(ascii: "("), k + 1 < hi, b[k + 1] | 0x20 == UInt8(ascii: "o") { t |= 8 }
            case UInt8(ascii: "."), UInt8(ascii: "/"):
                if t & 4 == 0 { firstPath = k }
                t |= 4
            case UInt8(ascii: "@"):
                t |= 8
            case 0x80...0xFF, UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                // The keyword trigger is a clause word the vocabulary finds there.
                let isClauseWord = { DependencyVocabulary.match(b, k, lo, hi, roles: .clause, declared: false) != nil }
                if c >= 0x80 {
                    if t & 1 == 0, isClauseWord() {
                        firstKeyword = k
                        t |= 1
                    }
                } else if wordStart, k + 1 < hi {
                    if c | 0x20 == UInt8(ascii: "e"), b[k + 1] | 0x20 == UInt8(ascii: "s") {
                        if t & 2 == 0 { firstEstimate = k }
                        t |= 2
                    }
                    if t & 1 == 0, DependencyVocabulary.mayStart(b, k, hi), isClauseWord() {
                        firstKeyword = k
                        t |= 1
                    }
                }
            default:
                break
            }
        }
        return (t, firstKeyword, firstEstimate, firstPath)
    }

    @Test("the trigger pass that skips the rest of each word finds what looking at every byte finds", arguments: 0..<400)
    func triggersSkippingWords(seed: UInt64) {
        let bytes = Self.vocabularyText(seed: seed)
        let scans = DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "")
        bytes.withUnsafeBufferPointer { b in
            for lo in Set([0, min(b.count, Int(seed % 7)), b.count / 2]) {
                for hi in Set([b.count, max(lo, b.count - Int(seed % 3))]) {
                    let (triggers, firstKeyword, firstEstimate, firstPath) = scans.textTriggers(b, lo, hi)
                    let (t, keyword, estimate, path) = Self.triggersByteByByte(b, lo, hi)
                    #expect(
                        [Int(triggers.rawValue), firstKeyword, firstEstimate, firstPath] == [Int(t), keyword, estimate, path],
                        "\(String(decoding: bytes, as: UTF8.self)) in \(lo)..<\(hi)")
                }
            }
        }
    }

    @Test("a clause word looked up among the clause rows only is the one found among every row", arguments: 0..<300)
    func clauseRows(seed: UInt64) {
        let bytes = Self.vocabularyText(seed: seed)
        bytes.withUnsafeBufferPointer { b in
            var found = 0
            for k in 0..<b.count {
                for lo in Set([0, k]) {
                    let fast = DependencyVocabulary.match(b, k, lo, b.count, roles: .clause, declared: false)
                    let full = DependencyVocabulary.match(b, k, lo, b.count, roles: .clause, declared: false, onlyClauseRows: false)
                    if full != nil { found += 1 }
                    #expect(
                        fast.map { [Int($0.word.start), Int($0.word.count), $0.word.role.rawValue, $0.end] }
                            == full.map { [Int($0.word.start), Int($0.word.count), $0.word.role.rawValue, $0.end] },
                        "\(String(decoding: bytes, as: UTF8.self)) at \(k)")
                }
            }
            // Declared lookups and other roles never take the clause rows.
            for k in 0..<b.count {
                let declared = DependencyVocabulary.match(b, k, 0, b.count, roles: .clause, declared: true)
                let declaredFull = DependencyVocabulary.match(b, k, 0, b.count, roles: .clause, declared: true, onlyClauseRows: false)
                #expect(declared?.end == declaredFull?.end && declared?.word.start == declaredFull?.word.start)
            }
            _ = found
        }
    }

    @Test("the clause rows are the rows of clause words read outside Dependencies sections, and some text finds them")
    func clauseRowsAreUsed() {
        for (text, expected) in [
            ("Build it after T001", "after"), ("depende de T002", "depende de"), ("T003 之后", "之后"), ("ready before T004", nil),
            ("in parallel with T005", "parallel"), ("Configure the app", nil), ("(independent)", "independent"),
        ] as [(String, String?)] {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                let start = DependencyVocabulary.firstWordStart(b, 0, b.count, roles: .clause, declared: false)
                let word = start.flatMap { DependencyVocabulary.match(b, $0, 0, b.count, roles: .clause, declared: false) }
                #expect(word.map { String(decoding: b[$0.end - expected!.utf8.count..<$0.end], as: UTF8.self) } == expected, "\(text)")
            }
        }
    }

    @Test("paths found from the trigger pass's first '.' or '/' are those found with its own search", arguments: 0..<400)
    func pathsFromFirstDotOrSlash(seed: UInt64) {
        let bytes = ReaderShortcutTests.text(seed: seed)
        let scans = DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "")
        bytes.withUnsafeBufferPointer { b in
            for lo in Set([0, min(b.count, Int(seed % 6))]) {
                // Excluded spans as the readers make them: sorted, apart, anywhere.
                var excluded: [(Int, Int)] = []
                var k = lo + Int(seed % 5)
                while k + 3 < b.count, seed % 4 != 0 {
                    excluded.append((k, k + 3))
                    k += 8 + Int(seed % 7)
                }
                let (triggers, _, _, firstPath) = scans.textTriggers(b, lo, b.count)
                var given: [(Int, Int)] = [], own: [(Int, Int)] = []
                if triggers.contains(.path) {
                    scans.findPaths(b, lo, b.count, excluding: excluded, into: &given, firstDotOrSlash: firstPath)
                }
                scans.findPaths(b, lo, b.count, excluding: excluded, into: &own)
                #expect(given.map { [$0.0, $0.1] } == own.map { [$0.0, $0.1] }, "\(String(decoding: bytes, as: UTF8.self)) from \(lo)")
            }
        }
    }
}
