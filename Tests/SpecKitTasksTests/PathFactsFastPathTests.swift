import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// The path, citation and estimate scans take faster routes than the rules
/// they implement (a token's ordinary bytes skipped in one tight loop, a
/// media type looked for only in a token with one `/`, reference words
/// filtered by their first two letters, a unit looked up as one packed word).
/// Each route is compared here with the rule as it was written before, over
/// many made-up tokens and texts.
@Suite("Path, citation and estimate fast paths")
struct PathFactsFastPathTests {
    /// The parser's text scans read only the bytes they are given: a parser of no text.
    var scans: DocumentParser { DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "") }


    // MARK: Paths

    /// `pathCandidate` as it was before the tight loop: one pass over every
    /// byte of the token, and `isMIMEType` asked of every token with a `/`.
    func previousPathCandidate(_ b: Bytes, _ lo: Int, _ hi: Int, backticked: Bool) -> (Int, Int)? {
        var lo = lo
        var hi = hi
        guard hi > lo, hi - lo <= 1024 else { return nil }
        func isStrippable(_ c: UInt8) -> Bool {
            c == UInt8(ascii: "(") || c == UInt8(ascii: ")") || c == UInt8(ascii: ",") || c == UInt8(ascii: ".")
                || c == UInt8(ascii: ";") || c == UInt8(ascii: ":") || c == UInt8(ascii: "\"")
                || c == UInt8(ascii: "'") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?")
        }
        for _ in 0..<4 {
            let before = (lo, hi)
            while lo < hi, isStrippable(b[lo]),
                !(b[lo] == UInt8(ascii: ".") && lo + 1 < hi && (b[lo + 1] == UInt8(ascii: "/") || b[lo + 1].isAlnum || b[lo + 1] == UInt8(ascii: ".")))
            {
                lo += 1
            }
            while hi > lo, isStrippable(b[hi - 1]) { hi -= 1 }
            var stars = 0
            while lo + stars < hi, b[lo + stars] == UInt8(ascii: "*") || b[lo + stars] == UInt8(ascii: "_") { stars += 1 }
            var trailing = 0
            while hi - trailing > lo + stars, b[hi - 1 - trailing] == UInt8(ascii: "*") || b[hi - 1 - trailing] == UInt8(ascii: "_") {
                trailing += 1
            }
            if stars > 0, stars == trailing {
                lo += stars
                hi -= trailing
            }
            if before == (lo, hi) { break }
        }
        guard hi > lo else { return nil }
        var slash = -1
        var hasSpace = false
        var groupEnd = -1
        var firstAt = -1
        var firstColon = -1
        var hasScheme = false
        var alnum = false
        for k in lo..<hi {
            let c = b[k]
            if c.isAlnum { alnum = true }
            if c == UInt8(ascii: ":") {
                if firstColon < 0 { firstColon = k }
                if k + 2 < hi, b[k + 1] == UInt8(ascii: "/"), b[k + 2] == UInt8(ascii: "/") { hasScheme = true }
            } else if c == UInt8(ascii: "@") {
                if firstAt < 0 { firstAt = k }
            }
            if k < groupEnd { continue }
            switch c {
            case UInt8(ascii: "("):
                guard k > lo, b[k - 1] == UInt8(ascii: "/"), let close = b.firstIndex(of: UInt8(ascii: ")"), k + 1, hi),
                    close > k + 1, close + 1 < hi, b[close + 1] == UInt8(ascii: "/"),
                    b.firstIndex(of: UInt8(ascii: "("), k + 1, close) == nil, b.firstIndex(of: UInt8(ascii: "/"), k + 1, close) == nil
                else { return nil }
                groupEnd = close + 1
            case UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: ")"),
                UInt8(ascii: "\""), UInt8(ascii: "="), UInt8(ascii: ","):
                return nil
            case UInt8(ascii: "/"): slash = k
            case UInt8(ascii: " "), 0x09: hasSpace = true
            default: break
            }
        }
        guard !hasSpace, alnum else { return nil }
        if hasScheme || b.matchesLowercase("www.", at: lo, end: hi) || b.matchesLowercase("mailto:", at: lo, end: hi) { return nil }
        if firstAt > lo, !backticked || b[firstAt - 1] != UInt8(ascii: "/") { return nil }
        if b[lo] == UInt8(ascii: "@") {
            guard let slash = b.firstIndex(of: UInt8(ascii: "/"), lo, hi) else { return nil }
            if slash > lo + 1, b.firstIndex(of: UInt8(ascii: "/"), slash + 1, hi) == nil, !scans.hasExtension(b, slash + 1, hi) {
                return nil
            }
        }
        var end = hi
        var c = end
        while c > lo, b[c - 1].isDigit { c -= 1 }
        if c < end, c > lo + 1, b[c - 1] == UInt8(ascii: ":") { end = c - 1 }
        if firstColon >= 0, firstColon < end { return nil }
        if slash >= 0, scans.isMIMEType(b, lo, end) { return nil }
        if slash < 0, scans.isCodeReference(b, lo, end) { return nil }
        let lastSegment = slash + 1
        if b[lo] == UInt8(ascii: "/"), end > lo + 1, b[end - 1] != UInt8(ascii: "/"),
            !scans.hasExtension(b, max(lastSegment, lo), end) || (slash == lo && scans.isCodeReference(b, lo + 1, end))
        {
            return nil
        }
        if backticked {
            if slash >= 0 {
                if scans.onlyIDsOrDurations(b, lo, end) { return nil }
                return (lo, end)
            }
        } else if end > lo, b[end - 1] == UInt8(ascii: "/") {
            return nil
        }
        guard scans.hasExtension(b, max(lastSegment, lo), end) else { return nil }
        if slash < 0, scans.isProductName(b, lo, end) { return nil }
        return (lo, end)
    }

    /// Pieces of tokens: path parts, media types, URLs, versions, marks that
    /// rule a token out, route groups, line numbers, other scripts.
    static let tokenPieces = [
        "src", "/", "/", "a.py", "api.types.ts", ".", "..", "./", "`", "*", "**", "_", "(", ")", "(tabs)", "[", "]", ":",
        "://", "42", ":42", "@", "@types", "v1.2", "20.x", "application", "text", "image", "json", "vnd.api+json", "x-",
        "html", "logo.png", "www.", "mailto:", "https:", "e.g", "Node.js", "T001", "2h", "4h", "\"", "'", ",", ";", "!",
        "?", "=", "|", "<", ">", "{", "}", " ", "\t", "é", "路径", "1.5d", "404.html", "README", "Makefile", "docs",
        "data-model.md", "console.log", "$", "-", "~", "#",
    ]

    @Test("a token is a path, or not, as the rule before the tight loop says", arguments: 0..<300)
    func pathCandidateAsBefore(seed: UInt64) {
        var g = SeededStream(seed: seed)
        for _ in 0..<40 {
            let token = g.token(Self.tokenPieces, most: 7)
            let bytes = Array(token.utf8)
            bytes.withUnsafeBufferPointer { b in
                // `plain` may be claimed of a token without a byte the pass acts on but `/`.
                let plain = DocumentParser.mayClaimPlain(b)
                for backticked in [false, true] {
                    let before = previousPathCandidate(b, 0, b.count, backticked: backticked)
                    for claim in plain ? [false, true] : [false] {
                        let now = scans.pathCandidate(b, 0, b.count, backticked: backticked, plain: claim)
                        #expect(
                            now.map { [$0.0, $0.1] } == before.map { [$0.0, $0.1] }, "\(token) backticked: \(backticked) plain: \(claim)")
                    }
                }
            }
        }
    }

    /// The paths `findPaths` finds in a text, as Strings.
    func paths(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            var spans: [(Int, Int)] = []
            scans.findPaths(b, 0, b.count, excluding: [], into: &spans)
            return spans.map { b.string($0.0, $0.1) }
        }
    }

    @Test("the token scan's classes: token ends, `.` and `/`, and the bytes the candidate pass acts on")
    func tokenClasses() {
        for i in 0..<256 {
            let c = UInt8(i)
            let cls = DocumentParser.pathTokenClasses[i]
            let ends = c.isWhitespace || c >= 0x80 || c == UInt8(ascii: "`")
            #expect((cls == 2) == ends, "\(i)")
            if !ends {
                #expect((cls & 1 != 0) == (c == UInt8(ascii: ".") || c == UInt8(ascii: "/")), "\(i)")
                #expect((cls & 4 != 0) == (":@()*[]<>{}|\"=,".utf8.contains(c)), "\(i)")
            }
        }
    }

    @Test("paths at the text's end, in backticks, with trailing punctuation, beside other scripts")
    func pathEdges() {
        #expect(paths("Write the handler in server/routes/items.go") == ["server/routes/items.go"])
        #expect(paths("Write the handler in server/routes/items.go.") == ["server/routes/items.go"])
        #expect(paths("Touch (lib/util.rb), then lib/more.rb;") == ["lib/util.rb", "lib/more.rb"])
        #expect(paths("Document `ops/run book.md` and `ops/deploy.sh`") == ["ops/deploy.sh"])
        #expect(paths("Read `scripts/`") == ["scripts/"])
        #expect(paths("見直す：web/pages/index.vue を更新") == ["web/pages/index.vue"])
        #expect(paths("Serve app/(auth)/login.tsx") == ["app/(auth)/login.tsx"])
        #expect(paths("Break at lib/parse.c:120 first") == ["lib/parse.c"])
        // A backticked span ends at its line's end: an unclosed backtick, or one
        // closed on the next line (a joined text), leaves bare tokens.
        #expect(paths("Edit `src/a.py") == ["src/a.py"])
        #expect(paths("Edit `src/a.py\nand src/b.py` too") == ["src/a.py", "src/b.py"])
        #expect(paths("Use `x` and `lib/c.rb` then `d e.md`") == ["lib/c.rb"])
        #expect(paths("Edit `src/a.py`") == ["src/a.py"])
    }

    @Test("media types, URLs, versions and hosts are no paths; a file under a media-type folder is one")
    func notPaths() {
        #expect(paths("Return application/json or text/csv") == [])
        #expect(paths("Send application/vnd.api+json") == [])
        #expect(paths("Store image/logo.png") == ["image/logo.png"])
        // Two `/`: not a media type, whatever its first segment.
        #expect(paths("Store text/fixtures/notes.txt") == ["text/fixtures/notes.txt"])
        #expect(paths("See https://example.org/guide.html and www.example.org/a.html") == [])
        #expect(paths("Pin v1.2 and node 20.x, then bump to 3.4.1") == [])
        #expect(paths("Point at localhost:8080/health.json") == [])
        #expect(paths("Mail ops@example.org") == [])
    }

    // MARK: Citations

    /// Words that share an initial (and often a length) with a reference
    /// word, reference words in other cases, and the reference words themselves.
    static let citingPieces = [
        "Build", "based on", "BASED ON", "Contract", "conforme", "service", "segundo", "Segment", "según", "gemäß",
        "german", "Per", "PER", "p3r", "person", "Using", "useless", "As", "as in", "asset", "Following", "fromage",
        "From", "See", "seed", "Refer to", "refine", "Matching", "mirroring", "defined in", "deFIned IN", "Against",
        "src/a.py", "lib/b.rb", "`docs/x.md`", "plan.md", "contracts/api.yaml", "checklists/ux.md", "in", "and", ",",
        ".", ";", "\n", "T001", "参照",
    ]

    @Test("a text the filter says cites nothing separates as the full citation scan does", arguments: 0..<400)
    func citationFilter(seed: UInt64) {
        var g = SeededStream(seed: seed)
        var text = ""
        for _ in 0..<(2 + g.next(10)) { text += Self.citingPieces[g.next(Self.citingPieces.count)] + " " }
        ReaderShortcutTests.expectSameCitations(Array(text.utf8))
    }

    @Test("every reference word passes the two-letter filter, in any case; look-alikes do not")
    func referenceWordFilter() {
        func passes(_ word: String) -> Bool {
            let bytes = Array(word.utf8)
            var run = 1
            while run < bytes.count, bytes[run].isWordByte { run += 1 }
            guard run >= 2, run < 32 else { return false }
            return Vocabulary.referenceWordStarts[Vocabulary.referenceWordStartIndex(bytes[0], bytes[1])] & (1 << run) != 0
        }
        for word in Vocabulary.referenceWords {
            let text = word.description
            #expect(passes(text), "\(text)")
            #expect(passes(text.uppercased()), "\(text)")
            #expect(passes(text.prefix(1).uppercased() + text.dropFirst()), "\(text)")
        }
        for word in ["Build", "Bused", "p3r", "P_r", "Add", "Create", "model"] { #expect(!passes(word), "\(word)") }
    }

    // MARK: Labels

    @Test("a label holds at most 40 bytes; a bracket further on is no label's end")
    func labelLength() {
        let forty = String(repeating: "k", count: 40)
        let long = parse("- [ ] T001 [\(forty)] [US7] Tune the cache").tasks.first
        #expect(long?.labels == [forty])
        #expect(long?.stories == ["US7"])
        #expect(long?.description == "Tune the cache")
        let tooLong = parse("- [ ] T001 [\(forty)k] [US7] Tune the cache").tasks.first
        #expect(tooLong?.labels == [])
        #expect(tooLong?.stories == [])
        #expect(tooLong?.description == "[\(forty)k] [US7] Tune the cache")
        // A `[` inside ends the try: `[a [b]` is no label.
        let nested = parse("- [ ] T001 [a [P] Tune").tasks.first
        #expect(nested?.labels == [])
        #expect(nested?.parallel == false)
        // A label at the line's end, and an unclosed one.
        #expect(parse("- [ ] T001 Tune [P]").tasks.first?.parallel == true)
        #expect(parse("- [ ] T001 [P").tasks.first?.description == "[P")
    }

    // MARK: Estimates

    /// `duration` as it was before the packed lookup: every unit in turn.
    func previousDuration(_ b: Bytes, _ k: Int, _ hi: Int) -> (Double, Int)? {
        var j = k
        var value = 0.0
        var digits = 0
        while j < hi, b[j].isDigit, digits < 9 {
            value = value * 10 + Double(b[j] &- 0x30)
            j += 1
            digits += 1
        }
        guard digits > 0 else { return nil }
        if j + 1 < hi, b[j] == UInt8(ascii: "."), b[j + 1].isDigit {
            j += 1
            var scale = 0.1
            var fraction = 0
            while j < hi, b[j].isDigit, fraction < 9 {
                value += Double(b[j] &- 0x30) * scale
                scale /= 10
                j += 1
                fraction += 1
            }
        }
        j = b.skipSpaces(j, hi)
        for (unit, factor) in Vocabulary.units where b.matchesLowercase(unit, at: j, end: hi) {
            let e = j + unit.byteCount
            if b.isWordEnd(e, hi) { return (value * factor, e) }
        }
        return nil
    }

    @Test("a duration reads as every unit compared in turn reads it", arguments: 0..<200)
    func durationAsBefore(seed: UInt64) {
        var g = SeededStream(seed: seed)
        let numbers = ["2", "90", "1.5", "0.25", "12", "3.", "1234567890", "", "7"]
        let spaces = ["", " ", "  ", "\t"]
        let words = Vocabulary.units.map { $0.0.description } + ["mo", "month", "hourss", "minutesx", "wks2", "d_", "s", "sec", "hh"]
        let tails = ["", "", ")", "]", "/", "-", ".", ",", "s", "x", "1", "_", " ", "é", "時間", "\n"]
        for _ in 0..<30 {
            var word = words[g.next(words.count)]
            switch g.next(3) {
            case 0: word = word.uppercased()
            case 1: word = word.prefix(1).uppercased() + word.dropFirst()
            default: break
            }
            let text = numbers[g.next(numbers.count)] + spaces[g.next(spaces.count)] + word + tails[g.next(tails.count)]
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                let now = DocumentParser.duration(b, 0, b.count)
                let before = previousDuration(b, 0, b.count)
                #expect(now?.0 == before?.0 && now?.1 == before?.1, "\(text)")
            }
        }
    }

    /// The estimate `findEstimate` reads in a text: its hours and its three points, if any.
    func estimate(_ text: String) -> [Double]? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            guard let (estimate, _) = DocumentParser.findEstimate(b, 0, b.count) else { return nil }
            if let points = estimate.threePoint { return [points.optimistic, points.likely, points.pessimistic] }
            return [estimate.hours]
        }
    }

    @Test("estimates in every form and unit")
    func estimateForms() {
        #expect(estimate("Tune the cache (3h)") == [3])
        #expect(estimate("Tune the cache [45 MINUTES]") == [0.75])
        #expect(estimate("Tune the cache (~2 Days)") == [16])
        #expect(estimate("Tune the cache (est: 1.5wk)") == [60])
        #expect(estimate("Tune the cache (Estimate: 30min)") == [0.5])
        #expect(estimate("Tune the cache (est: 1h/2hrs/1day)") == [1, 2, 8])
        #expect(estimate("Estimated effort: 2 weeks") == [80])
        #expect(estimate("Tune the cache (3hx)") == nil)
        #expect(estimate("Tune the cache (3 months)") == nil)
        #expect(estimate("Tune the cache (2h_)") == nil)
        #expect(estimate("Tune the cache (Est. 2 hours)") == [2])
        #expect(estimate("**Estimated Time**: 90 mins") == [1.5])
        #expect(estimate("Estimate duration = 4h") == [4])
        // French `Estimation` (and Spanish `Estimación`) name an estimate too.
        #expect(estimate("Estimation: 4h") == [4])
        #expect(estimate("Estimations 4h") == nil)
        #expect(estimate("Tune the cache (est 4h)") == nil)
    }
}

extension DocumentParser {
    /// Whether `plain` may be claimed of the token `b` (`pathCandidate`):
    /// it holds no byte the pass acts on but `/`.
    static func mayClaimPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        !b.contains { pathCandidateClasses[Int($0)] & 2 != 0 && $0 != UInt8(ascii: "/") }
    }
}
