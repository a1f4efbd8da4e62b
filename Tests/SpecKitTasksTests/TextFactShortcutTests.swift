import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// The citation filter answers most texts from the place word before each
/// path (`placeWordBeforeEach`), a plain token's last `/` is found eight
/// bytes at a time, a token is stripped only when an end byte may be, and
/// `(2h)` is read without the general estimate reading. Each is compared
/// with the full reading over many made-up inputs.
@Suite("Text fact shortcuts")
struct TextFactShortcutTests {
    /// The parser's text scans read only the bytes they are given: a parser of no text.
    var scans: DocumentParser { DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "") }

    /// Pieces of task text around place words: place words in any case,
    /// reference words of several words that end in one (`refer to`), their
    /// first words alone, reference words of one word, design documents,
    /// paths with `/` and `.`, backticks, clause marks, estimates, other scripts.
    static let pieces = [
        "in", "to", "at", "into", "under", "inside", "IN", "To", "Into", "UNDER", "inside", "on", "and", "or", "the", "model",
        "according to", "according", "refer to", "referring to", "refer", "as in", "as", "as described in", "described",
        "described in", "defined in", "defined", "specified in", "documented in", "based on", "based", "per", "see", "from",
        "using", "following", "against", "según", "gemäß", "src/a.py", "lib/b/c.rb", "`docs/x.md`", "`src/app/`", "api.types.ts",
        "src/types/api.types.ts", "spec.md", "plan.md", "data-model.md", "contracts/", "contracts/api.yaml", "checklists/ux.md",
        "docs/contracts/x.json", "quickstart.md", "tasks.md", "`Makefile`", "参照", "に従って", "を更新", "根据", "。", "，", "；",
        "(est: 1h/2h/4h)", "(2h)", "(~3d)", "[2h]", "(depends on T002)", "(", ")", ";", ".", ",", "`", "**", "_", "é", "路径",
        "Create", "Update", "Implement", "Refactor", "T001", "v1.2", "e.g.",
    ]
    static let separators = [" ", " ", " ", " ", "  ", "\n", "\t", "", "`", " `", "` ", ", ", "; ", ". ", " *", "_"]

    @Test("a text the place words say cites nothing separates as the full citation scan does", arguments: 0..<40)
    func placeWords(seed: UInt64) {
        var g = SeededStream(seed: seed &+ 9_001)
        for _ in 0..<100 {
            let text = g.text(Self.pieces, most: 12, separators: Self.separators)
            ReaderShortcutTests.expectSameCitations(Array(text.utf8))
            // From a `lo` inside the text too: word starts and bounds count from it.
            let bytes = Array(text.utf8)
            let lo = bytes.isEmpty ? 0 : g.next(bytes.count)
            bytes.withUnsafeBufferPointer { b in
                var paths: [(Int, Int)] = []
                scans.findPaths(b, lo, b.count, excluding: [], into: &paths)
                var fast = paths, full = paths
                var fastReads: [String] = [], fullReads: [String] = []
                scans.separateReads(b, lo, b.count, &fast, reads: &fastReads)
                scans.separateReads(b, lo, b.count, &full, reads: &fullReads, shortcut: false)
                #expect(fast.map { [$0.0, $0.1] } == full.map { [$0.0, $0.1] }, "\(text) from \(lo)")
                #expect(fastReads == fullReads, "\(text) from \(lo)")
                // The quick answer is only ever "nothing cited".
                if !DocumentParser.mayCite(b, lo, paths, quick: false) {
                    #expect(!DocumentParser.mayCite(b, lo, paths), "\(text) from \(lo)")
                }
            }
        }
    }

    @Test("the place-word route is taken for plain tasks and not where a citation may be")
    func placeWordRoute() {
        func quick(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { b in
                var paths: [(Int, Int)] = []
                scans.findPaths(b, 0, b.count, excluding: [], into: &paths)
                return DocumentParser.placeWordBeforeEach(b, 0, paths)
            }
        }
        #expect(quick("Create Booking model in src/charts4/models/booking2.py (depends on T017070)"))
        #expect(quick("Unit tests for BudgetService in `tests/unit/playlists21/test_budget.py` (8h)"))
        #expect(quick("Add structured logging to requirements3.txt (est: 90m)"))
        #expect(quick("Write the parser per the notes into src/a.py and tests under tests/a_test.py"))
        #expect(!quick("Refactor config/lint19.toml (1h)"))
        #expect(!quick("Create src/a.py per docs/notes.txt"))
        #expect(!quick("Implement it as described in docs/b.txt"))
        #expect(!quick("Do it according to docs/b.txt"))
        #expect(!quick("Create it in src/a.py and src/b.py"))
        #expect(!quick("Create in src/a.py, docs/b.txt に従って in src/c.py"))
        #expect(!quick("Create it in参照 src/a.py"))
    }

    @Test("place words packed are the words compared one by one; the inner reference words' last letters are derived")
    func placeWordsPacked() {
        let words = [
            "to", "in", "at", "into", "under", "inside", "TO", "In", "iNtO", "UNDER", "Inside", "on", "it", "tO_", "in2", "i",
            "unders", "insid", "ins1de", "tn", "ta", "IN_", "_in", "t\u{0}", "", "onto", "inside!", "INSIDE", "@t",
        ]
        func previous(_ b: Bytes, _ k: Int, _ e: Int) -> Bool {
            switch e - k {
            case 2: b.matchesLowercase("to", at: k, end: e) || b.matchesLowercase("in", at: k, end: e) || b.matchesLowercase("at", at: k, end: e)
            case 4: b.matchesLowercase("into", at: k, end: e)
            case 5: b.matchesLowercase("under", at: k, end: e)
            case 6: b.matchesLowercase("inside", at: k, end: e)
            default: false
            }
        }
        for word in words {
            let bytes = Array(word.utf8)
            bytes.withUnsafeBufferPointer { b in
                #expect(DocumentParser.isPlaceWord(b, 0, b.count) == previous(b, 0, b.count), "\(word)")
            }
        }
        // Every byte pair and single byte, against the rule.
        for x in 0..<256 {
            for y in 0..<256 {
                let bytes = [UInt8(x), UInt8(y)]
                bytes.withUnsafeBufferPointer { b in
                    if DocumentParser.isPlaceWord(b, 0, 2) != previous(b, 0, 2) { Issue.record("\(x) \(y)") }
                }
            }
        }
        var endings: UInt32 = 0
        for word in Vocabulary.referenceWords {
            let parts = word.description.split(separator: " ")
            for part in parts.dropLast() { endings |= 1 << (part.utf8.last! - UInt8(ascii: "a")) }
        }
        #expect(Vocabulary.innerReferenceWordEndings == endings)
        // The route rests on the place words ending a citation: none may be a
        // reference word, nor start one.
        for word in Vocabulary.referenceWords {
            let first = word.description.split(separator: " ").first.map(String.init) ?? ""
            #expect(!["to", "in", "at", "into", "under", "inside"].contains(first), "\(word)")
        }
    }

    static let tokenPieces = [
        "src", "/", "/", "a.py", "api.types.ts", "12345678", "abcdefghij", "x", ".", "..", "./", "_", "-", "v1.2", "README",
        "data-model.md", "docs", "`", "*", "**", "(", ")", ":", "@", ",", ";", "\"", "'", "!", "?", "__", "é", "1", "a",
    ]

    @Test("a token's last `/` read eight bytes at a time, and its ends stripped only when one may be, read as before", arguments: 0..<30)
    func lastSlashWords(seed: UInt64) {
        var g = SeededStream(seed: seed &+ 555)
        forEachTokenStart(&g, Self.tokenPieces, most: 8, rounds: 200) { token, b, plain, lo, backticked in
            let words = scans.pathCandidate(b, lo, b.count, backticked: backticked, plain: plain)
            let bytewise = scans.pathCandidate(b, lo, b.count, backticked: backticked, plain: plain, plainSlashWords: false)
            #expect(words.map { [$0.0, $0.1] } == bytewise.map { [$0.0, $0.1] }, "\(token) from \(lo)")
            let stripped = scans.pathCandidate(b, lo, b.count, backticked: backticked, plain: plain, stripTest: false)
            #expect(words.map { [$0.0, $0.1] } == stripped.map { [$0.0, $0.1] }, "\(token) from \(lo)")
        }
    }

    static let estimatePieces = [
        "(2h)", "(2H)", "[3d]", "(~1w)", "(5m)", "(9M)", "(0h)", "(2x)", "(2h", "(2 h)", "( 2h)", "(2h/4h/8h)", "(2hr)", "(22h)",
        "(est: 1h/2h/4h)", "(~3d)", "[2h]", "(2h]", "[2h)", "(est: 90m)", "(estimate: 1.5d)", "(1.5d)", "(2h-3h)", "(~ 2h)",
        "(depends on T002)", "(", ")", "[", "]", "2h", "h", "~", " ", "Est: 2h", "est", "T001", "é", "\n", "(123456789h)",
        "(1234567890h)", "(007d)", "(est: 12w)", "[estimate: 45m]", "(90 m)", "(2hours)", "(2h)]", "9", "h)",
    ]

    @Test("the one-digit estimate shape reads as the general estimate reading", arguments: 0..<30)
    func estimateShapes(seed: UInt64) {
        var g = SeededStream(seed: seed &+ 4_242)
        for _ in 0..<200 {
            let text = g.text(Self.estimatePieces, most: 6, separators: ["", " ", " ", "\t"])
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                for lo in 0..<b.count {
                    let shaped = DocumentParser.findEstimate(b, lo, b.count)
                    let general = DocumentParser.findEstimate(b, lo, b.count, shapes: false)
                    #expect(shaped?.0 == general?.0, "\(text) from \(lo)")
                    #expect(shaped.map { [$0.1.0, $0.1.1] } == general.map { [$0.1.0, $0.1.1] }, "\(text) from \(lo)")
                    // The same bits, not only equal values.
                    #expect(shaped?.0.hours.bitPattern == general?.0.hours.bitPattern, "\(text) from \(lo)")
                }
            }
        }
    }
}
