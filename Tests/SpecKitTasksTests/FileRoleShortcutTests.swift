import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// The file-role readers' quick routes: a design document looked for through
/// the `/`s of eight bytes at a time and the name only when it ends in `.md`,
/// place words compared as packed pairs, the inner reference words' lengths
/// as a constant. Each is compared with the full reading over thousands of
/// made-up paths and texts (other scripts, backticks, odd marks, design
/// documents, paths at the text's end).
@Suite("File role shortcuts")
struct FileRoleShortcutTests {
    /// The parser's text scans read only the bytes they are given: a parser of no text.
    var scans: DocumentParser { DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "") }

    /// Pieces of paths: design documents and folders in any case, near
    /// misses of them (one byte off, one byte longer or shorter), segments
    /// of nine and ten bytes, other scripts, marks.
    static let pathPieces = [
        "contracts", "checklists", "Contracts", "CHECKLISTS", "contract", "contractss", "checklist", "xontracts", "contractz",
        "cHecklists", "checklistx", "abcdefghi", "abcdefghij", "/", "/", "/", "//", "spec.md", "plan.md", "research.md",
        "data-model.md", "quickstart.md", "tasks.md", "constitution.md", "SPEC.MD", "Plan.Md", "spec.mdx", "xspec.md",
        "specs.md", "pec.md", ".md", "md", "a.py", "src", "docs", "specs/001-x", "路径", "é", "契约", "-", "_", ".", "`", "*",
        "(", ")", "@", ":", " ", "12345678", "x", "api.yaml", "ux.md", "tests", "unit", "frontend",
    ]

    @Test("a design document found through the `/`s eight bytes at a time is one found segment by segment", arguments: 0..<60)
    func designDocuments(seed: UInt64) {
        var g = SeededStream(seed: seed &+ 31_337)
        for _ in 0..<100 {
            var path = ""
            // Mostly paths of fewer than 64 bytes (the quick route), some longer.
            for _ in 0..<(1 + g.next(g.next(4) == 0 ? 16 : 7)) { path += Self.pathPieces[g.next(Self.pathPieces.count)] }
            let bytes = Array(("pre " + path + " post").utf8)
            bytes.withUnsafeBufferPointer { b in
                // Spans of the path from its start and a few other bytes, to
                // every end up to 70 bytes on, with bytes around them.
                let start = 4
                let end = b.count - 5
                for lo in [start, start, start + g.next(end - start + 1), start + g.next(end - start + 1)] {
                    for hi in lo...min(end, lo + 70) {
                        let quick = DocumentParser.isDesignDocument(b, lo, hi)
                        let full = DocumentParser.isDesignDocument(b, lo, hi, quick: false)
                        if quick != full { Issue.record("\(b.string(lo, hi)): quick \(quick), full \(full)") }
                    }
                }
            }
        }
    }

    @Test("design documents and folders, and what only looks like them")
    func designDocumentExamples() {
        func quick(_ path: String) -> Bool {
            let bytes = Array(path.utf8)
            return bytes.withUnsafeBufferPointer { b in
                let full = DocumentParser.isDesignDocument(b, 0, b.count, quick: false)
                let quick = DocumentParser.isDesignDocument(b, 0, b.count)
                #expect(quick == full, "\(path)")
                return quick
            }
        }
        #expect(quick("specs/001-x/contracts/api.yaml"))
        #expect(quick("contracts/"))
        #expect(quick("contracts/a"))
        #expect(quick("specs/checklists/ux.md"))
        #expect(quick("CHECKLISTS/x"))
        #expect(quick("specs/001-x/plan.md"))
        #expect(quick("data-model.md"))
        #expect(quick("spec.md"))
        #expect(quick("docs/Quickstart.MD"))
        #expect(!quick("xcontracts/a.py"))
        #expect(!quick("src/contract/a.py"))
        #expect(!quick("src/contracts"))
        #expect(!quick("src/contracts.py"))
        #expect(!quick("docs/myspec.md"))
        #expect(!quick("src/models/user.py"))
        #expect(!quick(".github/workflows/ci.yml"))
        #expect(!quick(""))
        #expect(!quick("a"))
        // Longer than the quick route's 63 bytes.
        #expect(quick(String(repeating: "abcdefgh/", count: 8) + "contracts/x.json"))
        #expect(!quick(String(repeating: "abcdefgh/", count: 8) + "contractz/x.json"))
    }

    /// `isPlaceWord` as the rule says it: one of the words, any case.
    func placeWordByRule(_ b: Bytes, _ k: Int, _ e: Int) -> Bool {
        ["to", "in", "at", "into", "under", "inside"].contains { word in
            e - k == word.utf8.count && zip(b[k..<e], word.utf8).allSatisfy { $0.lowercased == $1 }
        }
    }

    @Test("place words compared as packed pairs are the words compared by the rule")
    func placeWords() {
        // Each byte of the words in each case, and each byte that `| 0x20`
        // makes one of theirs (`@` is `` ` `` apart, `I` `i`, `\u{9}` `)`).
        var g = SeededStream(seed: 77)
        let words = ["to", "in", "at", "into", "under", "inside"]
        for _ in 0..<20_000 {
            var bytes = Array(words[g.next(words.count)].utf8)
            // Change some bytes to any byte, or to one `| 0x20` maps the same.
            for i in bytes.indices where g.next(3) == 0 {
                bytes[i] = g.next(2) == 0 ? UInt8(g.next(256)) : bytes[i] ^ 0x20
            }
            if g.next(5) == 0 { bytes.append(UInt8(g.next(256))) }
            if g.next(5) == 0, !bytes.isEmpty { bytes.removeLast() }
            bytes.withUnsafeBufferPointer { b in
                if DocumentParser.isPlaceWord(b, 0, b.count) != placeWordByRule(b, 0, b.count) {
                    Issue.record("\(Array(b))")
                }
            }
        }
        for word in ["inside", "INSIDE", "under", "Under", "into", "INTO", "in", "To", "aT"] {
            Array(word.utf8).withUnsafeBufferPointer { #expect(DocumentParser.isPlaceWord($0, 0, $0.count), "\(word)") }
        }
    }

    @Test("the inner reference words' lengths as a constant are the table derived from the reference words")
    func innerReferenceWordRuns() {
        for letter in 0..<256 {
            let table: UInt32 = letter < 26 ? Vocabulary.innerReferenceWordRuns[letter] : 0
            #expect(Vocabulary.innerReferenceWordRun(UInt8(letter)) == table, "\(letter)")
        }
    }

    /// Pieces of task texts: place words, reference words (one and several
    /// words, their first words alone), design documents and folders, paths
    /// in backticks and bare, clause marks, estimates, other scripts, marks.
    static let textPieces = [
        "Create", "Update", "Implement", "Add", "Configure", "linting", "in", "to", "at", "into", "under", "inside", "IN",
        "Inside", "per", "see", "using", "from", "according to", "as described in", "described", "as", "refer to", "referring",
        "based on", "defined in", "documented in", "specified in", "following", "según", "gemäß", "and", "or", "the",
        "schemas", "model", "src/app27/", "`config/lint26.toml`", "src/models/user.py", "frontend/src/a/B.tsx", "plan.md",
        "spec.md", "data-model.md", "docs/quickstart.md", "specs/001-x/contracts/api.yaml", "checklists/ux.md",
        "`contracts/`", "`specs/plan.md`", "api.types.ts", "src/types/api.types.ts", "tests/unit/test_a.py",
        "(est: 2h/5h/10h)", "(2h)", "(~3d)", "[1h]", "(depends on T002)", "参照", "に従って", "を更新", "根据", "。", "，",
        "路径", "é", "(", ")", ";", ".", ",", "`", "**", "_", "—", "!", "?", "'", "\"", "T001", "v1.2", "e.g.",
    ]
    static let separators = [" ", " ", " ", " ", "", "\n", "\t", "  ", "`", " `", "` ", ", ", "; ", ". ", ": "]

    @Test("a text's paths separate into written and cited ones through the quick routes as through the full scan", arguments: 0..<60)
    func citations(seed: UInt64) {
        var g = SeededStream(seed: seed &+ 123_456)
        for _ in 0..<60 {
            let text = g.text(Self.textPieces, most: 10, separators: Self.separators)
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                for lo in [0, b.isEmpty ? 0 : g.next(b.count)] {
                    var paths: [(Int, Int)] = []
                    scans.findPaths(b, lo, b.count, excluding: [], into: &paths)
                    var fast = paths, full = paths
                    var fastReads: [String] = [], fullReads: [String] = []
                    scans.separateReads(b, lo, b.count, &fast, reads: &fastReads)
                    scans.separateReads(b, lo, b.count, &full, reads: &fullReads, shortcut: false)
                    #expect(fast.map { [$0.0, $0.1] } == full.map { [$0.0, $0.1] }, "\(text) from \(lo)")
                    #expect(fastReads == fullReads, "\(text) from \(lo)")
                    // A design document is found by both routes.
                    for (pathLo, pathHi) in paths {
                        #expect(
                            DocumentParser.isDesignDocument(b, pathLo, pathHi) == DocumentParser.isDesignDocument(b, pathLo, pathHi, quick: false),
                            "\(b.string(pathLo, pathHi))")
                    }
                    // The quick answer is only ever "nothing cited".
                    if !DocumentParser.mayCite(b, lo, paths, quick: false) {
                        #expect(!DocumentParser.mayCite(b, lo, paths), "\(text) from \(lo)")
                    }
                }
            }
        }
    }

    /// Pieces of estimates: brackets, keywords and their near misses, colons,
    /// digits (up to ten), units and their near misses, `/` and `-`, blanks,
    /// other scripts.
    static let estimatePieces = [
        "(", "(", "[", ")", ")", "]", "est", "Est", "EST", "estimate", "Estimate", "estimated", "estimat", "esti", "est.",
        "imate", ":", ":", ": ", "=", " ", "  ", "\t", "~", "*", "2", "5", "10", "0", "007", "123456789", "1234567890", "1.5",
        ".", "h", "h", "m", "d", "w", "H", "M", "D", "W", "x", "hr", "hours", "min", "/", "/", "/", "-", " / ", "é", "时", "T001",
        "time", "effort", "_",
    ]

    @Test("`est:` and `estimate:` read straight to the colon end where the general keyword reading does", arguments: 0..<40)
    func estimateKeywords(seed: UInt64) {
        var g = SeededStream(seed: seed &+ 8_080)
        for _ in 0..<300 {
            let text = g.text(Self.estimatePieces, most: 8, separators: ["", "", "", " ", ":"])
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                for k in 0..<b.count {
                    let quick = DocumentParser.estimateKeywordEnd(b, k, b.count)
                    let full = DocumentParser.estimateKeywordEnd(b, k, b.count, quick: false)
                    if quick != full { Issue.record("\(text) at \(k): \(String(describing: quick)) \(String(describing: full))") }
                }
            }
        }
    }

    @Test("three points of the one-letter shape read as the general estimate reading", arguments: 0..<40)
    func threePointShapes(seed: UInt64) {
        var g = SeededStream(seed: seed &+ 9_090)
        for _ in 0..<300 {
            let text = g.text(Self.estimatePieces, most: 12, separators: ["", "", "", "", " "])
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                for lo in 0..<b.count {
                    let shaped = DocumentParser.findEstimate(b, lo, b.count)
                    let general = DocumentParser.findEstimate(b, lo, b.count, shapes: false)
                    if shaped?.0 != general?.0 || shaped?.0.hours.bitPattern != general?.0.hours.bitPattern
                        || shaped?.0.variance.bitPattern != general?.0.variance.bitPattern
                        || shaped.map({ [$0.1.0, $0.1.1] }) != general.map({ [$0.1.0, $0.1.1] })
                    {
                        Issue.record("\(text) from \(lo)")
                    }
                }
            }
        }
        // The shapes themselves, and near misses.
        for text in [
            "(est: 2h/5h/10h)", "(2h/4h/8h)", "[1h/2h/3h]", "(est: 2h/5h/10h]", "(2h/4h/8h", "(2h/4h)", "(2h/4h/8h/9h)",
            "(est: 1d/2d/3w)", "(estimate: 30m/1h/2h)", "(2h/ 4h/8h)", "(2h/4h/8x)", "(2h/4.5h/8h)", "(1234567890h/1h/2h)",
            "(123456789h/1h/2h)", "(2h-4h-8h)", "(2H/4M/8D)",
        ] {
            Array(text.utf8).withUnsafeBufferPointer { b in
                let shaped = DocumentParser.findEstimate(b, 0, b.count)
                let general = DocumentParser.findEstimate(b, 0, b.count, shapes: false)
                #expect(shaped?.0 == general?.0, "\(text)")
                #expect(shaped?.0.hours.bitPattern == general?.0.hours.bitPattern, "\(text)")
                #expect(shaped.map { [$0.1.0, $0.1.1] } == general.map { [$0.1.0, $0.1.1] }, "\(text)")
            }
        }
    }

    /// Pieces of tokens around extensions and media types: dots, letters,
    /// digits, media types and near misses of their lengths, marks, other scripts.
    static let tokenPieces = [
        "src", "/", "/", ".", ".", "..", "py", "ts", "md", "x", "X", "1", "20", "2h", "abcdefghij", "abcdefghijk", "e.g", "i.e",
        "U.S", "a.m", "application", "text", "image", "model", "message", "multipart", "font", "json", "vnd.api+json", "x-",
        "config", "docs", "migrations", "frontend", "_", "-", "@", ":", ":42", "`", "*", "é", "路径", "404", "0001", "v1",
        "Node.js", "README", "12345678", "a.b.c",
    ]

    @Test("an extension read back from the end is the one found after the last `.`", arguments: 0..<40)
    func extensions(seed: UInt64) {
        var g = SeededStream(seed: seed &+ 2_718)
        for _ in 0..<200 {
            let token = g.token(Self.tokenPieces, most: 6)
            let bytes = Array(("`" + token + "`").utf8)
            bytes.withUnsafeBufferPointer { b in
                for lo in 1..<b.count {
                    for hi in lo..<b.count where scans.hasExtension(b, lo, hi) != scans.hasExtension(b, lo, hi, quick: false) {
                        Issue.record("\(b.string(lo, hi))")
                    }
                }
            }
        }
    }

    @Test("a token with one `/` is a media type, or not, whatever the length test before asking says", arguments: 0..<40)
    func mediaTypeLengths(seed: UInt64) {
        var g = SeededStream(seed: seed &+ 3_141)
        forEachTokenStart(&g, Self.tokenPieces, most: 6, rounds: 200) { token, b, plain, lo, backticked in
            for claim in plain ? [false, true] : [false] {
                let quick = scans.pathCandidate(b, lo, b.count, backticked: backticked, plain: claim)
                let full = scans.pathCandidate(b, lo, b.count, backticked: backticked, plain: claim, mediaLengths: false)
                let bytewise = scans.pathCandidate(b, lo, b.count, backticked: backticked, plain: claim, plainSlashWords: false)
                #expect(quick.map { [$0.0, $0.1] } == full.map { [$0.0, $0.1] }, "\(token) from \(lo)")
                #expect(quick.map { [$0.0, $0.1] } == bytewise.map { [$0.0, $0.1] }, "\(token) from \(lo)")
            }
        }
        var lengths: UInt32 = 0
        for type in Vocabulary.mediaTypes { lengths |= 1 << type.utf8CodeUnitCount }
        #expect(Vocabulary.mediaTypeLengths == lengths)
    }

    @Test("slash-joined IDs and durations answered from the first byte as from every part", arguments: 0..<20)
    func idsOrDurations(seed: UInt64) {
        let pieces = ["T001", "T1", "T0001a", "T-12", "T231.1", "2h", "4h", "1.5d", "90m", "x", "src", "/", "/", "", "T", "7", "é", "_", "Tx"]
        var g = SeededStream(seed: seed &+ 6_502)
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<(1 + g.next(6)) { text += pieces[g.next(pieces.count)] }
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                for lo in 0...b.count {
                    for hi in lo...b.count where scans.onlyIDsOrDurations(b, lo, hi) != scans.onlyIDsOrDurations(b, lo, hi, quick: false) {
                        Issue.record("\(b.string(lo, hi))")
                    }
                }
            }
        }
    }

    @Test("paths found past excluded spans held in locals are those found reading the spans' array", arguments: 0..<40)
    func excludedSpans(seed: UInt64) {
        var g = SeededStream(seed: seed &+ 4_004)
        for _ in 0..<100 {
            let text = g.text(Self.textPieces, most: 10, separators: Self.separators)
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                // Sorted spans apart from each other, anywhere (inside tokens too), some touching.
                var excluded: [(Int, Int)] = []
                var k = g.next(6)
                while k < b.count, g.next(4) != 0 {
                    let end = min(b.count, k + 1 + g.next(12))
                    excluded.append((k, end))
                    k = end + g.next(10)
                }
                for lo in [0, b.isEmpty ? 0 : g.next(b.count)] {
                    let spans = excluded.filter { $0.0 >= lo }
                    var fast: [(Int, Int)] = [], full: [(Int, Int)] = []
                    scans.findPaths(b, lo, b.count, excluding: spans, into: &fast)
                    scans.findPaths(b, lo, b.count, excluding: spans, into: &full, shortcut: false)
                    #expect(fast.map { [$0.0, $0.1] } == full.map { [$0.0, $0.1] }, "\(text) from \(lo) excluding \(spans)")
                }
            }
        }
    }
}
