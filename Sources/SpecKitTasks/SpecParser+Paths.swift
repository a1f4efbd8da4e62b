/// File paths and owners in a task's text (docs/grammar.md, "Files").
extension DocumentParser {
    /// Appends the spans of the paths in `lo..<hi` to `paths`, in order of
    /// appearance (duplicates included: the caller dedupes by interned key),
    /// skipping the `excluded` spans (dependency and estimate clauses, sorted by start).
    ///
    /// A backticked span without spaces is a path when it contains `/` or ends
    /// in an extension; a bare token when its last `/` segment ends in one.
    /// Tokens end at white space and at non-ASCII bytes (CJK text often has no
    /// spaces around paths).
    /// - Complexity: O(n).
    /// `shortcut: false` scans from `lo` and reads the excluded spans from
    /// their array at each token (tests compare the two).
    /// `firstDotOrSlash`: where the first `.` or `/` of `lo..<hi` is (`hi`
    /// when none), for a caller that knows (`textTriggers`).
    /// `tables`: `PathTables.current`, for a caller that reads many texts
    /// (taken once, not once per text and path: each is a global's
    /// lazy-initialisation check).
    func findPaths(
        _ b: Bytes, _ lo: Int, _ hi: Int, excluding excluded: [(Int, Int)], into paths: inout [(Int, Int)], shortcut: Bool = true,
        firstDotOrSlash: Int? = nil, tables: PathTables = .current
    ) {
        // Only a token with a `.` or `/`, or a backticked one, can be a path:
        // the scan starts at the token of the first such byte when no
        // excluded span comes before it (tokens end at blanks, and no backtick
        // comes before it either, so the tokens from there are the same).
        var first: Int
        if let firstDotOrSlash {
            first = firstDotOrSlash
        } else {
            first = b.firstIndex(of: UInt8(ascii: "."), lo, hi) ?? hi
            if let slash = b.firstIndex(of: UInt8(ascii: "/"), lo, first) { first = slash }
        }
        if let tick = b.firstIndex(of: UInt8(ascii: "`"), lo, first) { first = tick }
        guard first < hi else { return }
        var k = lo
        if shortcut, excluded.isEmpty || excluded[0].0 > first {
            k = first
            // Back to the token's start: a blank or a byte of another script
            // (class 2 of the token table; it also holds the backtick, and
            // none comes before `first`).
            let classes = tables.token
            while k > lo, classes[Int(b[k - 1])] != 2 { k -= 1 }
        }
        var next = 0
        // The next excluded span in two locals (past the last, a span
        // beyond every offset): most tokens compare with it and go on.
        // `shortcut: false` reads the array at each token.
        var (excludedLo, excludedHi) = excluded.isEmpty ? (Int.max, Int.max) : excluded[0]
        let classes = tables.token
        while k < hi {
            if shortcut {
                while excludedHi <= k {
                    next += 1
                    (excludedLo, excludedHi) = next < excluded.count ? excluded[next] : (Int.max, Int.max)
                }
                if excludedLo <= k {
                    k = excludedHi
                    continue
                }
            } else {
                while next < excluded.count, excluded[next].1 <= k { next += 1 }
                if next < excluded.count, excluded[next].0 <= k {
                    k = excluded[next].1
                    continue
                }
            }
            let c = b[k]
            if c.isWhitespace || c >= 0x80 {
                k += 1
                continue
            }
            if c == UInt8(ascii: "`") {
                // The closing backtick on the same line (two `memchr`s: a
                // backticked span runs to the next backtick or line break).
                var close = b.firstIndex(of: UInt8(ascii: "`"), k + 1, hi) ?? hi
                if let newline = b.firstIndex(of: 0x0A, k + 1, close) { close = newline }
                if close < hi, b[close] == UInt8(ascii: "`") {
                    if let path = pathCandidate(b, k + 1, close, backticked: true, classes: tables.candidate) { paths.append(path) }
                    k = close + 1
                    continue
                }
            }
            // Note on the way whether the token has a `.` or `/`: most tokens
            // are words, and pathCandidate would return nil for them.
            // And whether it has a byte `pathCandidate`'s pass acts on besides
            // `/`: most paths have none, and that pass is then skipped.
            var e = k
            var seen: UInt8 = 0
            // Four bytes a step while none of them ends the token (one test of
            // their classes together), then one at a time.
            while e &+ 4 <= hi {
                let four = classes[Int(b[e])] | classes[Int(b[e &+ 1])] | classes[Int(b[e &+ 2])] | classes[Int(b[e &+ 3])]
                if four & 2 != 0 { break }
                seen |= four
                e &+= 4
            }
            while e < hi {
                let cls = classes[Int(b[e])]
                if cls & 2 != 0 { break }
                seen |= cls
                e += 1
            }
            if seen & 1 != 0, let path = pathCandidate(b, k, e, backticked: false, plain: seen & 4 == 0, classes: tables.candidate) {
                paths.append(path)
            }
            k = max(e, k + 1)
        }
    }

    /// The byte tables of `findPaths` and `pathCandidate`.
    struct PathTables {
        let token: UnsafeBufferPointer<UInt8>
        let candidate: UnsafeBufferPointer<UInt8>
        static var current: PathTables { PathTables(token: pathTokenClasses, candidate: pathCandidateClasses) }
    }

    /// Per byte, for the token scan of `findPaths`: 2 for what ends a token
    /// (a blank, a backtick, a byte of another script), else bit 0 for `.` and
    /// `/` and bit 2 for the other bytes `pathCandidate`'s pass acts on (all
    /// of `pathCandidateClasses`' bit 1 but `/` and the blanks). An immortal
    /// buffer: the scan takes no reference count.
    nonisolated(unsafe) static let pathTokenClasses: UnsafeBufferPointer<UInt8> = {
        let table = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256)
        for i in 0..<256 {
            let c = UInt8(i)
            if c.isWhitespace || c >= 0x80 || c == UInt8(ascii: "`") {
                table[i] = 2
            } else {
                table[i] = (c == UInt8(ascii: ".") || c == UInt8(ascii: "/") ? 1 : 0)
                    | (pathCandidateClasses[i] & 2 != 0 && c != UInt8(ascii: "/") ? 4 : 0)
            }
        }
        return UnsafeBufferPointer(table)
    }()

    /// Per byte, for `pathCandidate`'s pass over a token: bit 0 for an ASCII
    /// letter or digit (unused there now), bit 1 for a byte that pass acts on (`:` `@` `/`, blanks,
    /// parentheses and the marks that rule a token out), bit 2 for a byte
    /// its ends may be stripped of (punctuation, quotes, `*`, `_`). Immortal, as above.
    nonisolated(unsafe) static let pathCandidateClasses: UnsafeBufferPointer<UInt8> = {
        let table = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256)
        for i in 0..<256 { table[i] = UInt8(i).isAlnum ? 1 : 0 }
        for c in " \t:@/()*[]<>{}|\"=,".utf8 { table[Int(c)] |= 2 }
        for c in "(),.;:\"'!?*_".utf8 { table[Int(c)] |= 4 }
        return UnsafeBufferPointer(table)
    }()

    /// The span of the path a token names, or nil. A bare token (not
    /// `backticked`) holds a `.` or `/`: `findPaths` passes no other.
    /// `plain`: the token holds no byte of `pathCandidateClasses`' bit 1 but
    /// `/` (its caller's scan saw none), so the pass over it only finds its
    /// first and last `/`; `plainSlashWords: false` finds the last one a
    /// byte at a time (the first one too), `stripTest: false` tries to strip
    /// every token, not only one whose first or last byte may be stripped,
    /// `mediaLengths: false` asks `isMIMEType` of a token with one `/`
    /// whatever the length before it (tests compare).
    func pathCandidate(
        _ b: Bytes, _ lo: Int, _ hi: Int, backticked: Bool, plain: Bool = false,
        classes candidateClasses: UnsafeBufferPointer<UInt8> = pathCandidateClasses, plainSlashWords: Bool = true,
        stripTest: Bool = true, mediaLengths: Bool = true
    ) -> (Int, Int)? {
        var lo = lo
        var hi = hi
        guard hi > lo, hi - lo <= 1024 else { return nil }
        // Strip surrounding punctuation, quotes and matched emphasis.
        func isStrippable(_ c: UInt8) -> Bool {
            c == UInt8(ascii: "(") || c == UInt8(ascii: ")") || c == UInt8(ascii: ",") || c == UInt8(ascii: ".")
                || c == UInt8(ascii: ";") || c == UInt8(ascii: ":") || c == UInt8(ascii: "\"")
                || c == UInt8(ascii: "'") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?")
        }
        // Most tokens start and end with a letter or digit: nothing to strip
        // (bit 2 of the classes: a byte the loop strips, `*` or `_`).
        let strips = candidateClasses[Int(b[lo])] & 4 != 0 || candidateClasses[Int(b[hi - 1])] & 4 != 0
        for _ in 0..<(strips || !stripTest ? 4 : 0) {
            let before = (lo, hi)
            while lo < hi, isStrippable(b[lo]), !(b[lo] == UInt8(ascii: ".") && lo + 1 < hi && (b[lo + 1] == UInt8(ascii: "/") || b[lo + 1].isAlnum || b[lo + 1] == UInt8(ascii: "."))) { lo += 1 }
            while hi > lo, isStrippable(b[hi - 1]) { hi -= 1 }
            var stars = 0
            while lo + stars < hi, b[lo + stars] == UInt8(ascii: "*") || b[lo + stars] == UInt8(ascii: "_") { stars += 1 }
            var trailing = 0
            while hi - trailing > lo + stars, b[hi - 1 - trailing] == UInt8(ascii: "*") || b[hi - 1 - trailing] == UInt8(ascii: "_") { trailing += 1 }
            if stars > 0, stars == trailing {
                lo += stars
                hi -= trailing
            }
            if before == (lo, hi) { break }
        }
        guard hi > lo else { return nil }
        var slash = -1
        var firstSlash = -1
        var hasSpace = false
        var groupEnd = -1
        // What the checks after this loop ask of the whole token, noted in
        // the same pass: a letter or digit, the first `@`, the first `:`, `://`.
        var firstAt = -1
        var firstColon = -1
        var hasScheme = false
        // One table load per byte: most bytes (letters, digits, `.`, `-`, `_`)
        // are skipped by the inner loop; only the bytes the checks below name
        // are looked at further.
        let classes = candidateClasses
        var k = plain ? hi : lo
        if plain {
            // Nothing to note but the `/`s: the last one from the end, the first from the start.
            var last = hi
            var found = false
            if plainSlashWords, let base = b.baseAddress {
                // Eight bytes at a time from the end: most paths end in a file
                // name of several bytes.
                let raw = UnsafeRawPointer(base)
                while last - lo >= 8 {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: last - 8, as: UInt64.self))
                    let slashes = ByteChunk.equalBytes(word, UInt8(ascii: "/"))
                    if slashes != 0 {
                        last += (56 - slashes.leadingZeroBitCount) / 8 - 7
                        found = true
                        break
                    }
                    last -= 8
                }
            }
            if !found {
                while last > lo, b[last - 1] != UInt8(ascii: "/") { last -= 1 }
            }
            if last > lo {
                slash = last - 1
                var first = lo
                // The first eight bytes at once: most paths' first `/` is among them.
                if plainSlashWords, slash - lo >= 8, let base = b.baseAddress {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: lo, as: UInt64.self))
                    let slashes = ByteChunk.equalBytes(word, UInt8(ascii: "/"))
                    first = slashes != 0 ? lo + slashes.trailingZeroBitCount / 8 : lo + 8
                }
                while b[first] != UInt8(ascii: "/") { first += 1 }
                firstSlash = first
            }
        }
        while true {
            while k < hi, classes[Int(b[k])] & 2 == 0 { k += 1 }
            guard k < hi else { break }
            let c = b[k]
            if c == UInt8(ascii: ":") {
                if firstColon < 0 { firstColon = k }
                if k + 2 < hi, b[k + 1] == UInt8(ascii: "/"), b[k + 2] == UInt8(ascii: "/") { hasScheme = true }
            } else if c == UInt8(ascii: "@") {
                if firstAt < 0 { firstAt = k }
            }
            if k >= groupEnd {
                switch c {
                case UInt8(ascii: "("):
                    // A whole segment in parentheses is a route group (`app/(tabs)/_layout.tsx`).
                    guard k > lo, b[k - 1] == UInt8(ascii: "/"), let close = b.firstIndex(of: UInt8(ascii: ")"), k + 1, hi),
                        close > k + 1, close + 1 < hi, b[close + 1] == UInt8(ascii: "/"),
                        b.firstIndex(of: UInt8(ascii: "("), k + 1, close) == nil, b.firstIndex(of: UInt8(ascii: "/"), k + 1, close) == nil
                    else { return nil }
                    groupEnd = close + 1
                case UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                    UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: ")"),
                    UInt8(ascii: "\""), UInt8(ascii: "="), UInt8(ascii: ","):
                    return nil
                case UInt8(ascii: "/"):
                    if slash < 0 { firstSlash = k }
                    slash = k
                case UInt8(ascii: " "), 0x09: hasSpace = true
                default: break
                }
            }
            k += 1
        }
        guard !hasSpace else { return nil }
        // `//!`, `/`, `./`: punctuation only names no file (most tokens start with a letter).
        var alnum = lo
        while alnum < hi, !b[alnum].isAlnum { alnum += 1 }
        guard alnum < hi else { return nil }
        // URLs, e-mail addresses, `user@host`.
        // (Most tokens start with neither `w` nor `m`: their first byte rules both out.)
        let initial = b[lo] | 0x20
        if hasScheme || (initial == UInt8(ascii: "w") && b.matchesLowercase("www.", at: lo, end: hi))
            || (initial == UInt8(ascii: "m") && b.matchesLowercase("mailto:", at: lo, end: hi))
        {
            return nil
        }
        if firstAt > lo {
            // Bare: e-mail addresses, `user@host`. Backticked: versioned names
            // (`devcontainers/action@v1`, `pkg@1.2`); `src/@types/x.d.ts` is a path.
            if !backticked || b[firstAt - 1] != UInt8(ascii: "/") { return nil }
        }
        if b[lo] == UInt8(ascii: "@") {
            // A decorator or mention (`@pytest.mark.skip`, `@Injectable`), and a
            // scoped package (`@tanstack/react-query`): a name, not a file.
            // `@/lib/api` (an import alias) and `@types/x.d.ts` stay paths.
            guard let slash = b.firstIndex(of: UInt8(ascii: "/"), lo, hi) else { return nil }
            if slash > lo + 1, b.firstIndex(of: UInt8(ascii: "/"), slash + 1, hi) == nil, !hasExtension(b, slash + 1, hi) {
                return nil
            }
        }
        // `file.py:42` names the file.
        var end = hi
        var c = end
        while c > lo, b[c - 1].isDigit { c -= 1 }
        if c < end, c > lo + 1, b[c - 1] == UInt8(ascii: ":") { end = c - 1 }
        // `tests/test_api.py::test_create`, `api/users.py::create_user`: a test
        // or a symbol of the file names the file.
        if firstColon > lo, firstColon + 2 < end, b[firstColon + 1] == UInt8(ascii: ":"), b[firstColon + 2] != UInt8(ascii: ":") {
            end = firstColon
        }
        // Tagged names (`ghcr.io/org/image:preview`, `node:20-alpine`) and `host:port`.
        if firstColon >= 0, firstColon < end { return nil }
        // A media type has one `/` (every `/` lies before `end`): most paths have more.
        // Only a first segment of a media type's length may be one (`mediaLengths: false` asks of any).
        if slash >= 0, firstSlash == slash, !mediaLengths || (slash - lo < 32 && Vocabulary.mediaTypeLengths & (1 << (slash - lo)) != 0),
            isMIMEType(b, lo, end)
        {
            return nil
        }
        if slash < 0, isCodeReference(b, lo, end) { return nil }
        let lastSegment = slash + 1
        // `/login`, `/api/todos`, `/speckit.plan`: a route or command from the
        // root, not a file of the project (`/specs/001-x/` is a directory).
        if b[lo] == UInt8(ascii: "/"), end > lo + 1, b[end - 1] != UInt8(ascii: "/"),
            !hasExtension(b, max(lastSegment, lo), end) || (slash == lo && isCodeReference(b, lo + 1, end))
        {
            return nil
        }
        if backticked {
            if slash >= 0 {
                // `T007/T008`, `2h/4h/8h`: slash-joined IDs or durations are not paths.
                if onlyIDsOrDurations(b, lo, end) { return nil }
                return (lo, end)
            }
        } else if end > lo, b[end - 1] == UInt8(ascii: "/") {
            return nil
        }
        guard hasExtension(b, max(lastSegment, lo), end) else { return nil }
        if slash < 0, isProductName(b, lo, end) { return nil }
        return (lo, end)
    }


    /// Whether the last `.` of the segment is followed by 1–10 letters/digits with a letter,
    /// and the stem is not a bare number (`1.5d`) or an abbreviation (`e.g`).
    /// `quick: false` finds the last `.` first and reads the extension after
    /// (tests compare): the quick route reads the extension back from `hi`
    /// and stops at its first byte that is no letter or digit, which must be
    /// the `.`.
    func hasExtension(_ b: Bytes, _ lo: Int, _ hi: Int, quick: Bool = true) -> Bool {
        var dot = -1
        var letter = false
        if quick {
            // At most 10 letters and digits, then the `.`.
            var k = hi &- 1
            let floor = max(lo, hi &- 11)
            while k >= floor {
                let c = b[k]
                if c.isLetter {
                    letter = true
                } else if !c.isDigit {
                    break
                }
                k &-= 1
            }
            guard k >= floor, b[k] == UInt8(ascii: "."), k < hi &- 1, letter else { return false }
            dot = k
        } else {
            var k = hi - 1
            while k >= lo {
                if b[k] == UInt8(ascii: ".") {
                    dot = k
                    break
                }
                k -= 1
            }
            guard dot >= lo, hi - dot - 1 >= 1, hi - dot - 1 <= 10 else { return false }
            for j in (dot + 1)..<hi {
                let c = b[j]
                if c.isLetter { letter = true } else if !(c.isDigit) { return false }
            }
            guard letter else { return false }
        }
        // Versions (`20.x`, `v1.2.x`) are not files.
        if hi - dot == 2, b[dot + 1] | 0x20 == UInt8(ascii: "x") { return false }
        // A number with a unit (`1.5d`, `2.5GB`): a stem of digits and an
        // extension that starts with one. `404.html` and `0001.sql` are files.
        if dot > lo, b[dot + 1].isDigit {
            var digitsOnly = true
            for j in lo..<dot where !b[j].isDigit && b[j] != UInt8(ascii: ".") { digitsOnly = false }
            if digitsOnly { return false }
        }
        // Abbreviations written with dots: e.g, i.e, etc. (the final `.` is already stripped).
        let length = hi - lo
        if length <= 5 {
            for abbreviation in Vocabulary.abbreviations
            where length == abbreviation.byteCount && b.matchesLowercase(abbreviation, at: lo, end: hi) {
                return false
            }
        }
        // Single-letter parts separated by dots (`U.S`, `a.m`) are abbreviations.
        if length == 3, b[lo].isLetter, b[lo + 1] == UInt8(ascii: "."), b[lo + 2].isLetter { return false }
        return true
    }

    /// `application/json`, `application/vnd.api+json`, `text/html`: a media type,
    /// not a file (`image/logo.png` is a file: its subtype has an extension).
    func isMIMEType(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        guard let slash = b.firstIndex(of: UInt8(ascii: "/"), lo, hi), slash > lo, slash + 1 < hi,
            b.firstIndex(of: UInt8(ascii: "/"), slash + 1, hi) == nil
        else { return false }
        let length = slash - lo
        guard length <= 11, Vocabulary.mediaTypes.contains(where: { $0.byteCount == length && b.matchesLowercase($0, at: lo, end: slash) })
        else { return false }
        let subtype = slash + 1
        if b.firstIndex(of: UInt8(ascii: "+"), subtype, hi) != nil || b.matchesLowercase("vnd.", at: subtype, end: hi)
            || b.matchesLowercase("x-", at: subtype, end: hi)
        {
            return true
        }
        return b.firstIndex(of: UInt8(ascii: "."), subtype, hi) == nil
    }

    /// A code reference without `/`: identifiers joined by dots whose last part
    /// is a member, not an extension (`TaskManager.moveTask`, `React.memo`,
    /// `console.log`). A last part in mixed case is a member; one in lower case is
    /// an extension when it is a known one (`UserService.cs`, `README.md`).
    func isCodeReference(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        guard lo < hi, b[lo].isLetter || b[lo] == UInt8(ascii: "_") || b[lo] == UInt8(ascii: "$") else { return false }
        var dot = -1
        var firstDot = -1
        for k in lo..<hi {
            let c = b[k]
            if c == UInt8(ascii: ".") {
                // `a..b`, a trailing dot: not identifiers.
                guard k > lo, k + 1 < hi, b[k - 1] != UInt8(ascii: "."), b[k + 1].isLetter || b[k + 1] == UInt8(ascii: "_") else { return false }
                dot = k
                if firstDot < 0 { firstDot = k }
            } else if !(c.isWordByte || c == UInt8(ascii: "$")) {
                return false
            }
        }
        guard dot > lo else { return false }
        var lower = false
        var upper = false
        var packed: UInt64 = 0
        for k in (dot + 1)..<hi {
            let c = b[k]
            if c.isUpper { upper = true } else if c.isLower { lower = true }
            packed = packed << 8 | UInt64(c.lowercased)
        }
        if upper && lower { return true }
        if hi - dot - 1 > 8 || !Vocabulary.fileExtensions.contains(packed) { return true }
        // `console.log`, `process.env`: objects every reader knows.
        let stem = firstDot - lo
        return Vocabulary.codeObjects.contains { $0.byteCount == stem && b.matches($0, at: lo, end: firstDot) }
    }

    /// Product names that only look like files (`Node.js`, `ASP.NET`, `Socket.io`).
    func isProductName(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        let length = hi - lo
        for name in Vocabulary.productNames where name.byteCount == length && b.matchesLowercase(name, at: lo, end: hi) { return true }
        return false
    }

    /// Whether every `/`-separated part of `lo..<hi` is a task ID or a duration.
    /// A task ID starts with `T`, a duration with a digit: a first part
    /// that starts with neither answers at once (`quick: false` reads it
    /// to its `/` first; tests compare).
    func onlyIDsOrDurations(_ b: Bytes, _ lo: Int, _ hi: Int, quick: Bool = true) -> Bool {
        if quick, lo < hi, b[lo] != UInt8(ascii: "T"), !b[lo].isDigit { return false }
        var k = lo
        while k < hi {
            var e = k
            while e < hi, b[e] != UInt8(ascii: "/") { e += 1 }
            let isID = b.taskIDEnd(at: k, end: e) == e
            let isDuration = Self.duration(b, k, e).map { $0.1 == e } ?? false
            if !isID && !isDuration { return false }
            k = e + 1
        }
        return true
    }

    /// `@ann` as the last word of the task's first line (before trailing
    /// parenthesised notes), or `(owner: ann)` anywhere.
    ///
    /// Requiring the trailing position keeps `Install @dnd-kit packages` and
    /// decorators like `@Injectable` in prose from being read as owners.
    func findOwner(_ b: Bytes, _ lo: Int, _ hi: Int) -> String? {
        // Most tasks name no owner: one tight scan for `@` or `(` decides.
        var any = false
        for k in lo..<hi {
            let c = b[k]
            if c == UInt8(ascii: "@") || (c == UInt8(ascii: "(") && k + 1 < hi && b[k + 1] | 0x20 == UInt8(ascii: "o")) {
                any = true
                break
            }
        }
        guard any else { return nil }
        var lineEnd = lo
        while lineEnd < hi, b[lineEnd] != 0x0A { lineEnd += 1 }
        var k = lo
        var inCode = false
        while k < hi {
            let c = b[k]
            if c == UInt8(ascii: "`") { inCode.toggle() }
            if !inCode, c == UInt8(ascii: "("), b.matchesLowercase("(owner:", at: k, end: hi) {
                var s = b.skipSpaces(k + 7, hi)
                if s < hi, b[s] == UInt8(ascii: "@") { s += 1 }
                var e = s
                while e < hi, b[e].isWordByte || b[e] == UInt8(ascii: "-") || b[e] == UInt8(ascii: ".") { e += 1 }
                if e > s, e < hi, b[e] == UInt8(ascii: ")") { return b.string(s, e) }
            }
            if !inCode, k < lineEnd, c == UInt8(ascii: "@"), k == lo || b[k - 1].isSpaceOrTab {
                var e = k + 1
                while e < hi, b[e].isWordByte || b[e] == UInt8(ascii: "-") { e += 1 }
                if e > k + 1, e == lineEnd || b[e].isSpaceOrTab || b[e] == UInt8(ascii: ",") {
                    // Only parenthesised or bracketed notes may follow on the line.
                    var j = b.skipSpaces(e, lineEnd)
                    if j < lineEnd, b[j] == UInt8(ascii: ",") { j = b.skipSpaces(j + 1, lineEnd) }
                    var trailingOK = true
                    while j < lineEnd {
                        let open = b[j]
                        if open == UInt8(ascii: "@") {
                            while j < lineEnd, !b[j].isSpaceOrTab { j += 1 }
                        } else if open == UInt8(ascii: "(") || open == UInt8(ascii: "[") {
                            let close = open == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
                            while j < lineEnd, b[j] != close { j += 1 }
                            j += 1
                        } else {
                            trailingOK = false
                            break
                        }
                        j = b.skipSpaces(j, lineEnd)
                    }
                    if trailingOK { return b.string(k + 1, e) }
                    // Every `@` before `j` meets the same non-trailing text: skip them.
                    k = max(k + 1, j)
                    continue
                }
            }
            k += 1
        }
        return nil
    }
}

extension Vocabulary {
    /// Top-level media types (`application/json`).
    static let mediaTypes: [StaticString] = [
        "application", "text", "image", "audio", "video", "multipart", "font", "model", "message",
    ]
    /// A bit for each length of ``mediaTypes``' words (a test derives it).
    static let mediaTypeLengths: UInt32 = 1 << 4 | 1 << 5 | 1 << 7 | 1 << 9 | 1 << 11
    /// Objects whose members look like files (`console.log`, `process.env`).
    static let codeObjects: [StaticString] = [
        "console", "process", "window", "document", "Math", "JSON", "Object", "Array", "Promise", "Date", "this",
        "self", "req", "res", "app", "router", "module", "exports", "os", "fs", "path", "sys", "np", "pd", "db",
    ]
    /// File extensions known as such, lowercase, packed big-endian into a
    /// UInt64: a dotted name without `/` whose last part is not one of these
    /// is a code reference (`React.memo`), not a file.
    static let fileExtensions: Set<UInt64> = {
        let names = """
            md mdx markdown txt rst adoc json jsonc json5 yaml yml toml ini cfg conf env xml csv tsv sql db sqlite \
            swift m mm h hpp hh c cc cpp cxx cs fs vb java kt kts scala groovy gradle go rs py pyi pyx ipynb rb erb \
            php js mjs cjs jsx ts mts cts tsx vue svelte astro html htm xhtml css scss sass less styl dart ex exs erl \
            hrl elm clj cljs edn lua pl pm r rmd jl hs ml mli nim zig v sv vhd asm s sh bash zsh fish ps1 psm1 bat cmd \
            mk cmake make dockerfile containerfile tf tfvars hcl nix proto graphql gql prisma lock sum mod plist \
            xcconfig pbxproj storyboard xib xcstrings strings resx csproj sln fsproj vbproj props targets config \
            properties pom gemspec podspec cabal opam rockspec nuspec spec snap log out err pid svg png jpg jpeg gif \
            webp ico bmp tiff avif pdf doc docx xls xlsx ppt pptx odt zip tar gz tgz bz2 xz 7z rar jar war ear apk \
            aab ipa dmg exe dll so dylib a o wasm wat map min bin dat pem crt key pub cer p12 pfx jks mp3 mp4 wav ogg \
            webm mov avi mkv flac ttf otf woff woff2 eot ejs hbs mustache njk jinja j2 liquid twig pug haml slim tpl \
            tmpl template html5 vtt srt po pot mo arb xliff xlf feature http rest env1 editorconfig gitignore \
            dockerignore npmrc nvmrc yarnrc babelrc eslintrc prettierrc stylelintrc browserslist keep gitkeep \
            test sample example bak orig patch diff cjsx coffee ls sol move cairo vy wgsl glsl hlsl metal shader \
            frag vert comp uss uxml unity prefab asset mat anim meta tscn tres gd gdshader blend fbx obj gltf glb \
            usd usdz rkt scm ss lisp el vim kak nu ron kdl dhall jsonnet libsonnet cue rego sbt pyw ksh csh awk sed \
            pl6 raku p6 pas pp inc f f90 f95 for cob cbl ada adb ads d di cr hx purs res resi re rei fsx fsi ml4
            """
        var set = Set<UInt64>()
        for name in names.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            var packed: UInt64 = 0
            for c in name.utf8 { packed = packed << 8 | UInt64(c) }
            set.insert(packed)
        }
        return set
    }()
}
