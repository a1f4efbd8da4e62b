/// Which files a task writes and which it only cites (docs/grammar.md, "Files").
///
///     Create src/models/user.py per data-model.md      writes user.py, reads data-model.md
///     Update quickstart.md                              writes quickstart.md
///     Add tests using fixtures/a.json, fixtures/b.json  reads both fixtures
///
/// A path is read when a reference word stands before it in the same clause,
/// or when it is a design document of the feature and the clause does not
/// start with a writing verb. The scan looks only at the bytes between one
/// path and the next, once each.
extension DocumentParser {
    /// Moves the cited paths out of `paths` (spans in `lo..<hi`, in order) into
    /// `reads` (Strings, without duplicates); the written ones stay in `paths`.
    /// - Complexity: O(hi - lo) plus the reference words tried at each word start.
    /// `shortcut: false` reads every text in full (tests compare the two).
    /// `classes`: `triggerTable`, for a caller that reads many texts (taken
    /// once, not once per text: a global's lazy-initialisation check).
    @inline(__always) func separateReads(
        _ b: Bytes, _ lo: Int, _ hi: Int, _ paths: inout [(Int, Int)], reads: inout [String], shortcut: Bool = true,
        classes: UnsafeBufferPointer<UInt8> = triggerTable
    ) {
        // Most tasks cite nothing: no design document, no reference word.
        guard !shortcut || Self.mayCite(b, lo, paths, classes: classes) else {
            // One path (most tasks) ends no other.
            if paths.count > 1 { dropPathsEndingFullerOnes(b, &paths) }
            return
        }
        separateCitedReads(b, lo, hi, &paths, reads: &reads)
    }

    /// `separateReads`' scan of every text that may cite a path.
    @inline(never) func separateCitedReads(_ b: Bytes, _ lo: Int, _ hi: Int, _ paths: inout [(Int, Int)], reads: inout [String]) {
        var read = false
        var verb = startsWithWritingVerb(b, lo, hi)
        // Where the clause of `verb` starts: the verb is aimed at the first
        // path after it (and a list of paths there), not at every path of
        // its clause (`Create src/user.py with the fields of data-model.md`).
        var verbFrom = lo
        // A comma after a cited path keeps the citation for a list of paths
        // (`per spec.md, plan.md`) until a word other than `and`/`or` comes.
        var pendingComma = false
        var k = lo
        var kept = 0
        // The last word before the path is a place word (`in`, `en`, `dans`):
        // the path is where the verb's object goes, so the verb aims at it too.
        var placeBefore = false
        for i in paths.indices {
            let (pathLo, pathHi) = paths[i]
            placeBefore = false
            while k < pathLo {
                let c = b[k]
                if c == 0x0A {
                    read = false
                    pendingComma = false
                    verb = startsWithWritingVerb(b, k + 1, hi)
                    verbFrom = k + 1
                    k += 1
                } else if c == UInt8(ascii: ";") {
                    // `Add src/x.py; update quickstart.md`: a clause of its own.
                    read = false
                    verb = startsWithWritingVerb(b, k + 1, hi)
                    verbFrom = k + 1
                    k += 1
                } else if c == UInt8(ascii: "(") || c == UInt8(ascii: ")") {
                    read = false
                    verb = false
                    k += 1
                } else if c == UInt8(ascii: "."), k + 1 >= pathLo || b[k + 1].isWhitespace {
                    read = false
                    verb = false
                    k += 1
                } else if c == UInt8(ascii: ",") {
                    pendingComma = true
                    k += 1
                } else if c >= 0x80 {
                    if let e = Self.cjkReferenceWordEnd(b, k, pathLo) {
                        if Self.isPostpositionalReferenceWord(b, k, e) {
                            // Japanese puts the cited thing first: `docs/api.md に従って
                            // src/app.ts を修正` reads api.md and writes app.ts.
                            if i > 0, kept > 0, paths[kept - 1] == paths[i - 1], Self.onlyTrivia(b, paths[i - 1].1, k) {
                                let path = b.string(paths[i - 1].0, paths[i - 1].1)
                                if !reads.contains(path) { reads.append(path) }
                                kept -= 1
                            }
                            read = false
                        } else {
                            read = true
                        }
                        verb = false
                        pendingComma = false
                        k = e
                    } else if b.matches("。", at: k, end: pathLo) || b.matches("；", at: k, end: pathLo) {
                        read = false
                        verb = false
                        k += 3
                    } else if b.matches("，", at: k, end: pathLo) {
                        pendingComma = true
                        k += 3
                    } else {
                        k += 1
                    }
                } else if c.isLetter, b.isWordStart(k, lo) {
                    if let e = Self.referenceWordEnd(b, k, pathLo) {
                        read = true
                        verb = false
                        pendingComma = false
                        k = e
                        continue
                    }
                    var e = k + 1
                    while e < pathLo, b[e].isWordByte { e += 1 }
                    let length = e - k
                    // `Add README.md and update quickstart.md`: another writing
                    // verb aims at the paths after it.
                    // (A German verb closes its clause, `… nach X schreiben`: it aims at what came before.)
                    // Only a verb that starts a coordinated clause (after `and`, `,`) re-aims:
                    // `Define Document schemas in …` names no second action.
                    if k > verbFrom, Self.startsCoordinatedClause(b, verbFrom, k), startsWithWritingVerb(b, k, e),
                        !Vocabulary.verbFinalWritingVerbs.contains(where: { $0.utf8CodeUnitCount == length && b.matchesLowercase($0, at: k, end: e) })
                    {
                        verb = true
                        verbFrom = k
                        read = false
                        pendingComma = false
                        k = e
                        continue
                    }
                    // A place word after a reference word starts the task's own
                    // target: `Create the model per data-model.md in src/user.py`.
                    placeBefore = Self.isPlaceWord(b, k, e)
                    if placeBefore {
                        read = false
                    } else if pendingComma, !(length == 3 && b.matchesLowercase("and", at: k, end: e)),
                        !(length == 2 && b.matchesLowercase("or", at: k, end: e))
                    {
                        read = false
                    }
                    pendingComma = false
                    k = e
                } else {
                    k += 1
                }
            }
            if verb, i > 0, paths[i - 1].0 >= verbFrom, !placeBefore, Self.modifierBetween(b, paths[i - 1].1, pathLo) { verb = false }
            let cited = read
                || (!verb && Self.isDesignDocument(b, pathLo, pathHi) && !Self.isObjectOfWritingVerb(b, pathHi, hi))
            if cited {
                let path = b.string(pathLo, pathHi)
                if !reads.contains(path) { reads.append(path) }
            } else {
                paths[kept] = paths[i]
                kept += 1
            }
            k = max(k, pathHi)
        }
        paths.removeSubrange(kept...)
        dropPathsEndingFullerOnes(b, &paths)
    }

    /// Whether `separateReads` could find a cited path among `paths`: one is a
    /// design document, or a reference word (or a byte of another script)
    /// stands between two paths. Looks at the word starts `separateReads`
    /// looks at, with the same bounds, so a false answer means nothing is cited.
    ///
    /// Most paths follow a place word (`Create the model in src/user.py`),
    /// which ends any citation before it: such texts are answered from the
    /// bytes before each path (`placeWordBeforeEach`), not from every word.
    /// `quick: false` reads every word (tests compare the two).
    /// - Complexity: O(bytes before the last path).
    /// `classes`: `triggerTable` (see `separateReads`).
    static func mayCite(
        _ b: Bytes, _ lo: Int, _ paths: [(Int, Int)], quick: Bool = true, classes: UnsafeBufferPointer<UInt8> = triggerTable
    ) -> Bool {
        for (pathLo, pathHi) in paths where isDesignDocument(b, pathLo, pathHi, quick: quick) { return true }
        if quick, placeWordBeforeEach(b, lo, paths, classes: classes) { return false }
        return mayCiteByWords(b, lo, paths)
    }

    /// Whether every path of `paths` (spans in `lo..<…`, in order) comes
    /// right after a place word (`in`, `to`, …: only ASCII marks and blanks
    /// between, `in \`src/a.py\``) that is no part of a reference word of
    /// several words (`refer to`, `as described in`), and no byte of another
    /// script lies between a path and the next path's place word (a Japanese
    /// reference word placed after a path cites it).
    ///
    /// Then `separateReads` reads no path: the place word, a word start its
    /// scan reaches, ends any citation before it (`read = false`), and nothing
    /// between it and the path starts one.
    ///
    /// `classes`: `triggerTable` (see `separateReads`).
    static func placeWordBeforeEach(
        _ b: Bytes, _ lo: Int, _ paths: [(Int, Int)], classes: UnsafeBufferPointer<UInt8> = triggerTable
    ) -> Bool {
        // Bit 0 of the trigger classes: a word byte (ASCII letter, digit, `_`).
        var bound = lo
        var first = true
        for (pathLo, pathHi) in paths {
            guard pathLo > bound else { return false }
            var j = pathLo
            while j > bound, b[j - 1] < 0x80, classes[Int(b[j - 1])] & 1 == 0 { j -= 1 }
            let wordEnd = j
            while j > bound, classes[Int(b[j - 1])] & 1 != 0 { j -= 1 }
            // A word start of the scan: after a byte that is no word byte, or at `lo`.
            guard j < wordEnd, j > bound || j == lo, isPlaceWord(b, j, wordEnd) else { return false }
            // The word before it, after blanks only (how the words of a
            // reference word are apart): no reference word may end at the
            // place word. Its last letter rules out most words (`model in`).
            var p = j
            while p > lo, b[p - 1].isWhitespace { p -= 1 }
            if p < j, p > lo, classes[Int(b[p - 1])] & 1 != 0 {
                let last = (b[p - 1] | 0x20) &- UInt8(ascii: "a")
                if last < 26, Vocabulary.innerReferenceWordEndings & (1 << last) != 0 {
                    var s = p - 1
                    while s > lo, classes[Int(b[s - 1])] & 1 != 0 { s -= 1 }
                    let letter = (b[s] | 0x20) &- UInt8(ascii: "a")
                    if p - s < 32, Vocabulary.innerReferenceWordRun(letter) & (1 << (p - s)) != 0 { return false }
                }
            }
            if !first {
                for k in bound..<j where b[k] >= 0x80 { return false }
            }
            first = false
            bound = max(bound, pathHi)
        }
        return true
    }

    /// The word part of `mayCite`: a reference word or a byte of another
    /// script before the last path.
    static func mayCiteByWords(_ b: Bytes, _ lo: Int, _ paths: [(Int, Int)]) -> Bool {
        // The tables once, not once per word (a global's access check each time).
        let runs = Vocabulary.referenceWordStarts
        return triggerClasses.withUnsafeBufferPointer { classes in
            var k = lo
            for (pathLo, pathHi) in paths {
                while k < pathLo {
                    let c = b[k]
                    if c >= 0x80 { return true }
                    guard c.isLetter, k == lo || classes[Int(b[k - 1])] & 1 == 0 else {
                        k += 1
                        continue
                    }
                    // The rest of the word (bit 0 of the trigger classes: a word byte).
                    var run = k + 1
                    while run < pathLo, classes[Int(b[run])] & 1 != 0 { run += 1 }
                    // A stricter filter than `referenceWordEnd`'s own (initial
                    // and run length): the initial, the second byte and the run
                    // length. Most words that pass the first (`Build`, `Contract`)
                    // fail this one.
                    if run - k < 32, run - k >= 2,
                        runs[Vocabulary.referenceWordStartIndex(c, b[k + 1])] & (1 << (run - k)) != 0,
                        referenceWordEnd(b, k, pathLo) != nil
                    {
                        return true
                    }
                    k = run
                }
                k = max(k, pathHi)
            }
            return false
        }
    }

    /// `Add the type to api.types.ts` in a task that names
    /// `src/types/api.types.ts`; `src/main.py` beside `backend/src/main.py`:
    /// a path that is the last segments of another written path of the same
    /// task is that file, not a second one.
    /// - Complexity: O(p²) in the task's p paths: only for a handful (a task
    /// that lists more is a generated or pasted list; it keeps them all).
    func dropPathsEndingFullerOnes(_ b: Bytes, _ paths: inout [(Int, Int)]) {
        guard paths.count > 1, paths.count <= 32 else { return }
        var kept = 0
        for i in paths.indices {
            let (lo, hi) = paths[i]
            let length = hi - lo
            let named = paths.contains { other in
                let (otherLo, otherHi) = other
                guard otherHi - otherLo > length + 1, b[otherHi - length - 1] == UInt8(ascii: "/") else { return false }
                for j in 0..<length where b[otherHi - length + j] != b[lo + j] { return false }
                return true
            }
            if !named {
                paths[kept] = paths[i]
                kept += 1
            }
        }
        paths.removeSubrange(kept...)
    }

    /// `to`, `into`, `in`, `at`, `under`, `inside`: where the task puts its work.
    @inline(__always) static func isPlaceWord(_ b: Bytes, _ k: Int, _ e: Int) -> Bool {
        // The word packed, each byte `| 0x20`: equal to a word of letters
        // exactly when the bytes are its letters in any case.
        @inline(__always) func pair(_ i: Int) -> UInt32 { UInt32(b[i]) &<< 8 | UInt32(b[i &+ 1]) | 0x2020 }
        switch e &- k {
        case 2:
            // to, in, at
            let packed = pair(k)
            return packed == 0x746F || packed == 0x696E || packed == 0x6174
        case 4: return pair(k) == 0x696E && pair(k &+ 2) == 0x746F  // into
        case 5: return pair(k) == 0x756E && pair(k &+ 2) == 0x6465 && b[k &+ 4] | 0x20 == 0x72  // under
        case 6: return pair(k) == 0x696E && pair(k &+ 2) == 0x7369 && pair(k &+ 4) == 0x6465  // inside
        default: return false
        }
    }

    /// Whether the clause at `lo` starts with a verb that writes (`Update`,
    /// `Write`, `Create`, `更新`), after list markers and emphasis.
    func startsWithWritingVerb(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        var k = lo
        while k < hi, k - lo < 12 {
            let c = b[k]
            if c.isSpaceOrTab || c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") || c == UInt8(ascii: ">")
                || c.isDigit || c == UInt8(ascii: ".") || c == UInt8(ascii: ")") || c == UInt8(ascii: ":")
            {
                k += 1
            } else {
                break
            }
        }
        guard k < hi else { return false }
        if b[k] >= 0x80 {
            return Vocabulary.cjkWritingVerbs.contains { b.matches($0, at: k, end: hi) }
        }
        guard b[k].isLetter else { return false }
        var e = k
        while e < hi, b[e].isLetter { e += 1 }
        let length = e - k
        // Only verbs of this initial and length are compared.
        guard length < 32, Vocabulary.writingVerbLengths[Int((b[k] | 0x20) &- UInt8(ascii: "a"))] & (1 << length) != 0 else { return false }
        return Vocabulary.writingVerbs.contains { $0.byteCount == length && b.matchesLowercase($0, at: k, end: e) }
    }

    /// A design document of the feature: `spec.md`, `plan.md`, `research.md`,
    /// `data-model.md`, `quickstart.md`, `tasks.md`, `constitution.md`, or
    /// anything under `contracts/` or `checklists/`.
    ///
    /// Most paths name neither: the name is looked at only when it ends in
    /// `.md`, and a folder only where two `/`s (or the start and a `/`) are
    /// ten or eleven bytes apart; the `/`s are found eight bytes at a time.
    /// `quick: false` reads every segment in turn (tests compare the two).
    @inline(__always) static func isDesignDocument(_ b: Bytes, _ lo: Int, _ hi: Int, quick: Bool = true) -> Bool {
        let n = hi &- lo
        guard quick, n < 64, let base = b.baseAddress else { return isDesignDocumentBySegments(b, lo, hi) }
        // Every design document's name ends in `.md` (and has 7 bytes or more).
        if n >= 7, b[hi &- 3] == UInt8(ascii: "."), b[hi &- 2] | 0x20 == UInt8(ascii: "m"), b[hi &- 1] | 0x20 == UInt8(ascii: "d"),
            isDesignDocumentName(b, lo, hi)
        {
            return true
        }
        // `contracts/` or `checklists/` takes ten bytes at least.
        guard n >= 10 else { return false }
        // One bit per `/` (bit `i + 1` for the byte at `lo + i`; bit 0 stands
        // for the path's start): a folder of nine or ten bytes lies between
        // two bits ten or eleven apart. The `/`s of eight bytes are gathered
        // into one byte at a time; the last eight may overlap the ones before.
        let raw = UnsafeRawPointer(base + lo)
        @inline(__always) func slashByte(_ at: Int) -> UInt64 {
            let bits = ByteChunk.equalBytes(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)), UInt8(ascii: "/"))
            return ((bits &>> 7) &* 0x0102_0408_1020_4080) &>> 56
        }
        var slashes = slashByte(n &- 8) &<< UInt64(n &- 7) | 1
        var i = 0
        repeat {
            slashes |= slashByte(i) &<< UInt64(i &+ 1)
            i &+= 8
        } while i < n &- 8
        let folders = slashes & (slashes &>> 10) | slashes & (slashes &>> 11)
        return folders != 0 && isDesignFolder(b, lo, slashes)
    }

    /// `isDesignDocument`'s test of a name ending in `.md`.
    @inline(never) static func isDesignDocumentName(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        var segment = hi - 3
        while segment > lo, b[segment - 1] != UInt8(ascii: "/") { segment -= 1 }
        let length = hi - segment
        return length >= 7 && Vocabulary.designDocuments.contains { $0.byteCount == length && b.matchesLowercase($0, at: segment, end: hi) }
    }

    /// `isDesignDocument`'s test of the folders between `slashes` (bit
    /// `i + 1`: a `/` at `lo + i`; bit 0: the start) ten or eleven apart.
    @inline(never) static func isDesignFolder(_ b: Bytes, _ lo: Int, _ slashes: UInt64) -> Bool {
        var folders = slashes & (slashes >> 10)
        while folders != 0 {
            let start = lo + folders.trailingZeroBitCount
            if b.matchesLowercase("contracts", at: start, end: start + 9) { return true }
            folders &= folders &- 1
        }
        folders = slashes & (slashes >> 11)
        while folders != 0 {
            let start = lo + folders.trailingZeroBitCount
            if b.matchesLowercase("checklists", at: start, end: start + 10) { return true }
            folders &= folders &- 1
        }
        return false
    }

    /// `isDesignDocument` segment by segment.
    static func isDesignDocumentBySegments(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        var segment = lo
        while let k = b.firstIndex(of: UInt8(ascii: "/"), segment, hi) {
            let length = k - segment
            if (length == 9 && b.matchesLowercase("contracts", at: segment, end: k))
                || (length == 10 && b.matchesLowercase("checklists", at: segment, end: k))
            {
                return true
            }
            segment = k + 1
        }
        let length = hi - segment
        // Every design document's name ends in `.md`.
        guard length >= 7, b[hi - 3] == UInt8(ascii: "."), b[hi - 2] | 0x20 == UInt8(ascii: "m"), b[hi - 1] | 0x20 == UInt8(ascii: "d")
        else { return false }
        return Vocabulary.designDocuments.contains { $0.byteCount == length && b.matchesLowercase($0, at: segment, end: hi) }
    }

    /// Whether the path ending at `e` is the object of a writing verb placed
    /// after it, as Japanese and Korean put it: a particle, then the verb
    /// (`quickstart.md を更新`, `quickstart.md에 갱신한다`, `tasks.md에 추가하고`).
    static func isObjectOfWritingVerb(_ b: Bytes, _ e: Int, _ hi: Int) -> Bool {
        var k = e
        while k < hi, b[k] == UInt8(ascii: "`") || b[k] == UInt8(ascii: "*") || b[k].isSpaceOrTab { k += 1 }
        guard k < hi, b[k] >= 0x80, let particle = Vocabulary.objectParticles.first(where: { b.matches($0, at: k, end: hi) })
        else { return false }
        k = b.skipSpaces(k + particle.utf8CodeUnitCount, hi)
        return Vocabulary.cjkWritingVerbs.contains { b.matches($0, at: k, end: hi) }
            || Vocabulary.koreanWritingVerbs.contains { b.matches($0, at: k, end: hi) }
    }

    /// `に準拠`, `に従`, `に基づ`: reference words placed after what they cite.
    static func isPostpositionalReferenceWord(_ b: Bytes, _ k: Int, _ e: Int) -> Bool {
        b.matches("に", at: k, end: e)
    }

    /// Whether the word at `k` follows `and` (`y`, `e`, `et`, `und`, `&`) or a
    /// comma, with blanks and emphasis between: it starts a clause of its own.
    static func startsCoordinatedClause(_ b: Bytes, _ lo: Int, _ k: Int) -> Bool {
        var j = k
        while j > lo, b[j - 1].isSpaceOrTab || b[j - 1] == UInt8(ascii: "*") || b[j - 1] == UInt8(ascii: "`") { j -= 1 }
        guard j > lo else { return false }
        if b[j - 1] == UInt8(ascii: ",") || b[j - 1] == UInt8(ascii: "&") { return true }
        var w = j
        while w > lo, b[w - 1].isLetter { w -= 1 }
        guard w < j, w == lo || !b[w - 1].isWordByte else { return false }
        // The vocabulary's *and* words (`and`, `y`, `e`, `et`, `und`).
        return DependencyVocabulary.match(b, w, w, j, roles: RoleSet(.and), declared: true)?.end == j
    }

    /// Whether a word between two paths starts a modifier of the verb's
    /// object, not another object (`with`, `of`, `that`, `for`; `con`, `de`,
    /// `para`, `avec`, `mit`…): `Create src/user.py with the fields of
    /// data-model.md` aims at user.py only; `Update src/cli.py help text and
    /// quickstart.md` at both.
    static func modifierBetween(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        var k = lo
        while k < hi {
            guard b[k].isLetter, k == lo || !b[k - 1].isWordByte else {
                k += 1
                continue
            }
            var e = k
            while e < hi, b[e].isWordByte { e += 1 }
            if Vocabulary.modifierWords.contains(where: { $0.utf8CodeUnitCount == e - k && b.matchesLowercase($0, at: k, end: e) }) { return true }
            k = e
        }
        return false
    }

    /// Whether `lo..<hi` holds only blanks, backticks, emphasis and quotes.
    static func onlyTrivia(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        for k in lo..<max(lo, hi) {
            let c = b[k]
            if !(c.isSpaceOrTab || c == UInt8(ascii: "`") || c == UInt8(ascii: "*") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")) {
                return false
            }
        }
        return true
    }

    /// The end of a reference word (`per`, `according to`, `según`) at `k`, or nil.
    static func referenceWordEnd(_ b: Bytes, _ k: Int, _ hi: Int) -> Int? {
        let first = b[k] | 0x20
        // Only the words with this first letter are compared.
        let letter = first &- UInt8(ascii: "a")
        guard letter < 26 else { return nil }
        // A reference word's first word ends where the text's word does: most
        // words are told apart by their initial and length alone.
        var run = k + 1
        while run < hi, run - k < 32, b[run].isWordByte { run += 1 }
        guard run - k < 32, Vocabulary.referenceWordRuns[Int(letter)] & (1 << (run - k)) != 0 else { return nil }
        for word in Vocabulary.referenceWordsByInitial[Int(letter)] {
            if let e = b.matchesLowercaseWords(word, at: k, end: hi), b.isWordEnd(e, hi), e >= hi || b[e] < 0x80 || word.utf8Start[word.byteCount - 1] >= 0x80 {
                return e
            }
        }
        return nil
    }

    /// The end of a CJK reference word (`参照`, `根据`, `に従`) at `k`, or nil.
    static func cjkReferenceWordEnd(_ b: Bytes, _ k: Int, _ hi: Int) -> Int? {
        for word in Vocabulary.cjkReferenceWords where b.matches(word, at: k, end: hi) { return k + word.byteCount }
        return nil
    }
}

extension Vocabulary {
    /// Words after which a path is cited, not written (lowercase; spaces match any blank run).
    static let referenceWords: [StaticString] = [
        "according to", "based on", "as in", "as described in", "as defined in", "as specified in", "described in",
        "defined in", "specified in", "documented in", "following", "follow", "from", "per", "see", "using", "against",
        "matching", "refer to", "referring to", "referencing", "conforme", "segundo", "según", "gemäß", "mirroring",
    ]
    /// A bit for each last letter (`a` bit 0) of the words that a reference
    /// word of several words has before its last one (`according`: `g`):
    /// `innerReferenceWordRuns`' words, known without a lazy global's check
    /// (a test derives it from ``referenceWords``).
    static let innerReferenceWordEndings: UInt32 = 1 << 6 | 1 << 18 | 1 << 3 | 1 << 17  // g s d r
    /// `innerReferenceWordRuns[letter]` (0 past `z`) as a constant, with no
    /// lazy global's check (a test compares the two).
    @inline(__always) static func innerReferenceWordRun(_ letter: UInt8) -> UInt32 {
        switch letter {
        case 0: 1 << 2 | 1 << 9  // as, according
        case 1: 1 << 5  // based
        case 3: 1 << 7 | 1 << 9 | 1 << 10  // defined, described, documented
        case 17: 1 << 5 | 1 << 9  // refer, referring
        case 18: 1 << 9  // specified
        default: 0
        }
    }
    /// Per initial, a bit for each length of a word that a reference word of
    /// several words has before its last one (`according`, `as`, `described`):
    /// a place word after such a word may end a reference word
    /// (`mayCite`'s `placeWordBeforeEach`). Immortal, so it takes no reference count.
    nonisolated(unsafe) static let innerReferenceWordRuns: UnsafeBufferPointer<UInt32> = {
        let table = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: 26)
        table.initialize(repeating: 0)
        for word in referenceWords {
            let parts = Array(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)).split(separator: 0x20)
            for part in parts.dropLast() {
                // Every such word is of ASCII letters (`according`, `as`).
                precondition(part.allSatisfy(\.isLetter) && part.count < 32)
                table[Int(part.first! &- UInt8(ascii: "a"))] |= 1 << part.count
            }
        }
        return UnsafeBufferPointer(table)
    }()
    /// ``referenceWords`` by their first letter (`a` … `z`).
    static let referenceWordsByInitial: [[StaticString]] = (0..<26).map { letter in
        referenceWords.filter { $0.utf8Start[0] == UInt8(ascii: "a") + UInt8(letter) }
    }
    /// Per initial, a bit for each length of the ASCII word run (letters,
    /// digits, `_`) that starts a reference word: `per` sets bit 3 of `p`,
    /// `según` bit 3 of `s`.
    static let referenceWordRuns: [UInt32] = initialLengthMasks(referenceWords)
    /// Per initial, a bit for each length of a writing verb.
    static let writingVerbLengths: [UInt32] = initialLengthMasks(writingVerbs)

    /// Per initial and second byte of a reference word's first word run
    /// (`referenceWordStartIndex`), a bit for each length of that run: `per`
    /// sets bit 3 at (`p`, `e`). Immortal, so `mayCite` takes no reference count.
    nonisolated(unsafe) static let referenceWordStarts: UnsafeBufferPointer<UInt32> = {
        let table = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: 26 * 32)
        table.initialize(repeating: 0)
        for word in referenceWords {
            let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            var run = 1
            while run < w.count, w[run].isWordByte { run += 1 }
            // Every reference word's first run has two letters or more (`as`, `per`).
            precondition(run >= 2 && w[1].isLetter)
            table[referenceWordStartIndex(w[0], w[1])] |= 1 << run
        }
        return UnsafeBufferPointer(table)
    }()

    /// The index in `referenceWordStarts` of a word starting with ASCII letter
    /// `first` and word byte `second`; any case. A second byte that is no
    /// letter (a digit, `_`) gets a row of its own (26 * 32 - 1), which no
    /// reference word sets.
    @inline(__always) static func referenceWordStartIndex(_ first: UInt8, _ second: UInt8) -> Int {
        let s = (second | 0x20) &- UInt8(ascii: "a")
        return Int((first | 0x20) &- UInt8(ascii: "a")) * 32 + (s < 26 ? Int(s) : 31)
    }

    static func initialLengthMasks(_ words: [StaticString]) -> [UInt32] {
        var masks = [UInt32](repeating: 0, count: 26)
        for word in words {
            let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            var run = 1
            while run < w.count, w[run].isWordByte { run += 1 }
            masks[Int(w[0] &- UInt8(ascii: "a"))] |= 1 << run
        }
        return masks
    }
    static let cjkReferenceWords: [StaticString] = [
        "对应", "對應", "参照", "參照", "参考", "參考", "根据", "根據", "依据", "依據", "按照", "参见", "參見", "に準拠", "に従", "に基づ",
    ]
    /// Words that start a modifier of a verb's object (`modifierBetween`).
    static let modifierWords: [StaticString] = [
        "with", "of", "for", "that", "which", "who", "from", "by", "via", "like", "containing", "including", "covering",
        "con", "de", "del", "para", "que", "com", "do", "da", "dos", "das", "avec", "du", "des", "pour", "qui",
        "mit", "von", "für", "aus",
    ]
    /// The writing verbs that end their clause (German): they aim at the path before them.
    static let verbFinalWritingVerbs: [StaticString] = [
        "aktualisieren", "erstellen", "schreiben", "anlegen", "bearbeiten", "erweitern", "dokumentieren",
    ]
    /// Verbs that write the file they are aimed at (`Update quickstart.md`).
    static let writingVerbs: [StaticString] = [
        "create", "add", "write", "update", "edit", "modify", "change", "generate", "draft", "fill", "revise", "extend",
        "append", "rewrite", "refine", "finalize", "finalise", "document", "delete", "remove", "fix", "amend", "expand",
        "populate", "author", "prepare", "record", "regenerate", "rename", "move", "replace", "insert", "publish",
        "complete", "produce", "save", "adjust", "polish", "enhance", "improve", "correct", "sync", "synchronize",
        // Spanish, Portuguese, French, German, Italian (words of ASCII letters).
        "crear", "criar", "actualizar", "atualizar", "escribir", "escrever", "agregar", "adicionar", "editar",
        "modificar", "generar", "gerar", "documentar", "eliminar", "excluir", "borrar", "completar", "rellenar",
        "preencher", "redactar", "redigir", "corregir", "corrigir", "ampliar", "extender", "estender", "reescribir",
        "reescrever", "ajouter", "modifier", "documenter", "supprimer", "mettre", "aktualisieren", "erstellen",
        "schreiben", "anlegen", "bearbeiten", "erweitern", "dokumentieren", "aggiornare", "creare", "scrivere",
        "aggiungere",
    ]
    /// Korean verbs that write their object (`quickstart.md에 갱신한다`).
    static let koreanWritingVerbs: [StaticString] = [
        "갱신", "업데이트", "추가", "작성", "수정", "생성", "기록", "반영", "삭제", "보완", "편집",
    ]
    /// Particles between an object and a verb placed after it (Japanese, Korean).
    static let objectParticles: [StaticString] = ["を", "に", "へ", "에", "을", "를"]
    static let cjkWritingVerbs: [StaticString] = [
        "更新", "创建", "創建", "建立", "编写", "編寫", "撰写", "撰寫", "修改", "新增", "添加", "补充", "補充", "完善", "删除", "刪除",
        "作成", "追加", "編集", "修正", "削除", "記述", "生成", "追記", "記録", "反映",
        "Обновить", "обновить", "Создать", "создать", "Добавить", "добавить", "Написать", "написать", "Дополнить",
        "Изменить", "изменить", "Удалить",
    ]
    static let designDocuments: [StaticString] = [
        "spec.md", "plan.md", "research.md", "data-model.md", "quickstart.md", "tasks.md", "constitution.md",
    ]
}
