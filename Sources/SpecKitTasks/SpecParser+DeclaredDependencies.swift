/// Statements in a Dependencies / Execution Order section (edge kind `declared`).
///
///     T008 blocks T009, T015          T011, T012 block T014
///     Tests (T004-T007) before implementation (T008-T014)
///     T016 after T012-T015            T020 depends on T018
///     T001 → T002 → T003, T004        T010 ← T008, T009
///     Phase 4 depends on Phase 2      US2 depends on US1      (phase level)
///
/// Lines about parallel work and team lines never yield an edge.
extension DocumentParser {
    mutating func parseDeclaredLine(_ p: Int, _ end: Int) {
        guard lineNumber > declaredJoinedThrough else { return }
        let b = bytes
        var end = end
        var k = p
        // List marker.
        if let e = bulletEnd(b, k, end) {
            k = e
        } else if k < end, b[k].isDigit {
            var j = k
            while j < end, b[j].isDigit { j += 1 }
            if j + 1 < end, b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: ")"), b[j + 1].isSpaceOrTab { k = b.skipSpaces(j + 1, end) }
        }
        guard k < end, b[k] != UInt8(ascii: "|"), !isTeamLine(b, k, end), !Self.offersAnotherOrder(b, k, end, arrows: Self.hasArrow(b, k, end))
        else { return }
        var locator = TextLocator((k, lineNumber, lineStart))
        // `Depends on Phase 1 (T001 — must⏎ exist first) and Phase 2`: a
        // parenthesis left open takes the lines that close it.
        if let joined = joinWrappedParenthesis(k, end) {
            end = joined.end
            locator = TextLocator(segments: [(k, lineNumber, lineStart)] + joined.segments)
            declaredJoinedThrough = joined.segments[joined.segments.count - 1].line
        }
        var tokens: [ProseToken] = []
        swap(&tokens, &proseTokens)
        defer { swap(&tokens, &proseTokens) }
        lexDependencyProse(b, k, end, worded: wordedIDs, declared: true, into: &tokens)
        if let lead = leadEnd(b, tokens[...], k, end),
            Self.leadProposesOrder(b, k, lead, arrows: tokens.contains { $0.kind == .arrow })
        {
            return
        }
        // `- T011 after` with `  T009/T010` on the indented line below: a
        // clause word that ends the line takes its list from the next one;
        // so does one that only plain words follow (`must complete before
        // any model tasks` over `  (T013-T019)`): the item goes on there.
        if let last = tokens.lastIndex(where: { $0.kind == .dependency }), tokens[last].placement == .prefix,
            !tokens[(last + 1)...].contains(where: {
                $0.isItem || $0.kind == .sentenceEnd || $0.kind == .parallel
                    || $0.kind == .none || $0.kind == .arrow
            }),
            let next = indentedContinuation(after: end)
        {
            locator = TextLocator(segments: [locator.first] + locator.more + [next.segment])
            end = next.end
            declaredJoinedThrough = next.segment.line
            lexDependencyProse(b, k, end, worded: wordedIDs, declared: true, into: &tokens)
        }
        // `T001 must complete before T003 ← Note: …`: an arrow that words but
        // no task or phase follow points at a remark; the line ends before it.
        while let arrow = tokens.lastIndex(where: { $0.kind == .arrow }), arrow + 1 < tokens.count,
            !tokens[(arrow + 1)...].contains(where: \.isItem),
            tokens[(arrow + 1)...].contains(where: { $0.kind == .word })
        {
            end = tokens[arrow].start
            tokens.removeSubrange(arrow...)
        }
        let firstArrow = tokens.first { $0.kind == .arrow }?.start
        // A chain wrapped onto this line: `T001 → T002 →` then `T003`.
        if chainDangling, chainLine == lineNumber - 1, let tail = chainTail, firstArrow != k {
            let first = collectReferences(b, tokens[...], k, firstArrow ?? end, locator, worded: wordedIDs)
            let group = statementGroups
            statementGroups += 1
            addStatement(predecessors: tail, successors: first, at: locator.location(k), leftArrow: false, group: group)
            chainTail = first
            chainLine = lineNumber
            chainDangling = false
        }
        guard firstArrow != nil else {
            // `T013, T014, T015 are sequential`, `T018-T023は順次実行`: a list said
            // to run in order, with no other order or parallel word in the line.
            if let word = Self.sequenceWord(b, k, end),
                !tokens.contains(where: { $0.kind == .dependency || $0.kind == .parallel || $0.kind == .negation })
            {
                // The list right before the word, a few helper words apart at most.
                let list = collectReferences(b, tokens[...], k, word, locator, worded: wordedIDs)
                let listEnd = tokens.last { $0.isItem && $0.end <= word }?.end ?? k
                if list.references.count >= 2 || list.references.first?.upTo != nil, Self.onlyHelpers(b, listEnd, word) {
                    sequences.append((list.references, locator.location(k)))
                }
                return
            }
            // `US2 can start after US1 or in parallel`, `US3 after US2 (or US3 can
            // start immediately)`: the order is one choice of two, no dependency;
            // what runs together is still read.
            parseKeywordStatements(
                b, k, end, locator, edges: true, tokens: tokens[...], optionalClause: Self.optionalClause(b, tokens[...], k, end))
            return
        }
        // Statements separated by `;` or a full stop each stand alone:
        // `T021 → T026; T022 → T027`, `T005 blocks T007; T009 → T011.`
        // So does each arrow statement after a comma: `T004 → T010, T005 →
        // T011` is two chains (a list before the first arrow is one part).
        var start = k
        var first = 0
        var sawArrow = false
        for i in 0...tokens.count {
            if i < tokens.count {
                if tokens[i].kind == .arrow { sawArrow = true }
                guard tokens[i].kind == .sentenceEnd || sawArrow && startsArrowStatement(b, tokens[...], after: i) else { continue }
                sawArrow = false
            }
            let sentenceEnd = i == tokens.count ? end : tokens[i].start
            let sentence = tokens[first..<i]
            let lo = b.skipSpaces(start, sentenceEnd)
            if lo < sentenceEnd {
                if sentence.contains(where: { $0.kind == .arrow }) {
                    parseArrowChain(b, lo, sentenceEnd, locator, arrows: sentence)
                    // `T005 → T008, T009 (parallel with T007)`: the arrows are
                    // read above; what runs together is read here.
                    if sentence.contains(where: { $0.kind == .parallel }) {
                        parseKeywordStatements(b, lo, sentenceEnd, locator, edges: false, tokens: sentence)
                    }
                } else {
                    parseKeywordStatements(b, lo, sentenceEnd, locator, edges: true, tokens: sentence)
                }
            }
            start = i == tokens.count ? end : tokens[i].end
            first = i + 1
        }
    }

    /// Whether the token at `i` is a comma (`,`, `，`, `、`) that an item
    /// follows, and an arrow right after that item, on the same line: the
    /// comma ends one arrow statement and the item starts the next.
    func startsArrowStatement(_ b: Bytes, _ tokens: ProseTokens, after i: Int) -> Bool {
        let comma = tokens[i]
        guard comma.kind == .separator, i + 2 < tokens.endIndex,
            b[comma.start] == UInt8(ascii: ",") || b.matches("，", at: comma.start, end: comma.end)
                || b.matches("、", at: comma.start, end: comma.end)
        else { return false }
        // `T028 → T029, then T030 → T031`: helper words may stand before the item.
        var j = i + 1
        while j + 2 < tokens.endIndex, tokens[j].kind == .word,
            let (_, e) = DependencyVocabulary.match(b, tokens[j].start, tokens[j].start, tokens[j + 1].start, roles: RoleSet(.helper), declared: true),
            e == tokens[j].end
        {
            j += 1
        }
        let item = tokens[j], arrow = tokens[j + 1]
        guard item.isItem, arrow.kind == .arrow else { return false }
        return !hasLineBreak(b, comma.end, item.start) && !hasLineBreak(b, item.end, arrow.start)
    }

    /// An arrow chain of tasks on a line of its own outside a Dependencies
    /// section, bare or after a dependency label and a colon: `T001 → T002 →
    /// T003.`, `Dependencies: T009 → T010 → T008`, `Зависимости: T001 →
    /// T002/T003`, `T024 → T025 → T026 순서로 수행한다`. Its first sentence is
    /// read as a Dependencies section reads it (edge kind `declared`); the
    /// rest of the line is prose.
    ///
    /// Most plain lines hold no arrow: two byte searches settle them.
    mutating func parseArrowChainLine(_ p: Int, _ end: Int) {
        let b = bytes
        guard b.firstIndex(of: UInt8(ascii: ">"), p, end) != nil || b.firstIndex(of: 0xE2, p, end) != nil else { return }
        var k = p
        if let e = bulletEnd(b, k, end) { k = e }
        @inline(__always) func skipEmphasis(_ i: Int) -> Int {
            var i = i
            while i < end, b[i] == UInt8(ascii: "*") || b[i] == UInt8(ascii: "_") || b[i].isSpaceOrTab { i += 1 }
            return i
        }
        k = skipEmphasis(k)
        guard k < end else { return }
        if b.anyTaskIDEnd(at: k, end: end, worded: wordedIDs) != nil {
            // A bare chain only in a phase or a section that holds tasks; under
            // `## Critical Path` or `## Review` it is a summary or a note.
            guard headingStack.last?.hasTasks == true || headingStack.contains(where: { headings[Int($0.index)].phaseNumber != nil })
            else { return }
        } else {
            // `Dependencies:`, `**Зависимости**:`, `의존성：`.
            guard let (_, e) = DependencyVocabulary.match(b, k, k, end, roles: RoleSet(.sectionHeading), declared: true)
            else { return }
            var c = e
            // A stem (`dependenc`, `зависимост`) takes the rest of its word.
            while c < end, b[c].isLetter || b[c] >= 0x80, !(b[c] == 0xEF && b.matches("：", at: c, end: end)) { c += 1 }
            c = skipEmphasis(c)
            if c < end, b[c] == UInt8(ascii: ":") {
                c += 1
            } else if b.matches("：", at: c, end: end) {
                c += 3
            } else {
                return
            }
            k = skipEmphasis(c)
            guard k < end, b.anyTaskIDEnd(at: k, end: end, worded: wordedIDs) != nil else { return }
        }
        // The first sentence: to a full stop before a blank or the end, `。` or `;`.
        var stop = k
        while stop < end {
            let c = b[stop]
            if c == UInt8(ascii: ";") || c == UInt8(ascii: ".") && (stop + 1 == end || b[stop + 1].isSpaceOrTab) { break }
            if c == 0xE3, b.matches("。", at: stop, end: end) { break }
            stop += 1
        }
        guard Self.hasArrow(b, k, stop) else { return }
        parseDeclaredLine(k, stop)
    }

    /// Whether `lo..<hi` holds a forward arrow (`→`, `->`, `⟶`).
    static func hasArrow(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        b.find("→", lo, hi) != nil || b.find("->", lo, hi) != nil || b.find("⟶", lo, hi) != nil
    }

    /// Whether a line says its tasks run one after another: `sequential`,
    /// `in sequence`, `one after another`, `secuencial`, `nacheinander`,
    /// `последовательно`, `順次`, `依次`, `顺序执行`, `순차`.
    /// Where the first such word starts, or nil.
    static func sequenceWord(_ b: Bytes, _ lo: Int, _ hi: Int) -> Int? {
        var first: Int?
        for word: StaticString in [
            "sequential", "Sequential", "in sequence", "one after another", "one after the other", "secuencial", "sequencial",
            "séquentiel", "nacheinander", "последовательно", "順次", "依次", "顺序执行", "順序執行", "순차",
        ] {
            if let at = b.find(word, lo, hi), at < first ?? hi { first = at }
        }
        return first
    }

    /// Whether `lo..<hi` holds only blanks, punctuation, a particle (`は`) and
    /// the helper words of `T011–T017 are sequential`, `T009-T012 must run in
    /// sequence`: a hedge (`mostly sequential`) or a clause between (`… touch
    /// one file — treat as sequential`) makes no sequence.
    static func onlyHelpers(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        guard hi - lo <= 24 else { return false }
        var k = lo
        while k < hi {
            let c = b[k]
            if c.isLetter {
                var e = k
                while e < hi, b[e].isLetter { e += 1 }
                let known: [StaticString] = ["are", "is", "run", "be", "must", "should", "all", "executed", "done", "in"]
                guard known.contains(where: { $0.utf8CodeUnitCount == e - k && b.matchesLowercase($0, at: k, end: e) }) else { return false }
                k = e
            } else if c >= 0x80 {
                // A particle of one character (`は`, `를`, `이`), nothing longer.
                guard b.matches("は", at: k, end: hi) || b.matches("를", at: k, end: hi) || b.matches("은", at: k, end: hi)
                    || b.matches("는", at: k, end: hi) || b.matches("：", at: k, end: hi)
                else { return false }
                k += 3
            } else {
                k += 1
            }
        }
        return true
    }

    /// Whether a list with no subject before its parallel word names what runs
    /// together: two or more tasks or phases, or one range (`T013-T015`).
    /// Several ranges (`(T054-T061, T062-T068)`) are groups that run side by
    /// side, each in its own order, which one statement cannot say: nothing.
    static func namesTasksTogether(_ list: ReferenceList) -> Bool {
        let ranges = list.references.count { $0.upTo != nil }
        if ranges == 1 { return list.references.count == 1 && list.phases.isEmpty }
        return ranges == 0 && list.references.count + list.phases.count >= 2
    }

    /// `Or sequentially in priority order: US1 → US2 → US3`, `Alternatively,
    /// one developer: T010 → T014`: another way to staff the work, offered
    /// beside the plan, never an order. Such a line starts with a word for
    /// "or" (`Or`, `Alternatively`, `Optionally`, `Ou`, `Oder`, `Или`, `或者`,
    /// `または`, `또는`) or follows the stories' priorities (`in priority
    /// order`, `por orden de prioridad`, `优先级顺序`, `優先度順`), which
    /// `--stories priority` asks for when a lead wants it.
    static func offersAnotherOrder(_ b: Bytes, _ k: Int, _ end: Int, arrows: Bool) -> Bool {
        var w = k
        while w < end, b[w] == UInt8(ascii: "*") || b[w] == UInt8(ascii: "_") { w += 1 }
        for word: StaticString in ["or", "alternatively", "optionally", "ou", "oder", "alternativamente", "opcionalmente"]
        where b.matchesLowercase(word, at: w, end: end) && b.isWordEnd(w + word.utf8CodeUnitCount, end) {
            return true
        }
        for word: StaticString in ["Или", "или", "或者", "或", "または", "もしくは", "또는", "혹은"] where b.matches(word, at: w, end: end) {
            return true
        }
        // The priorities name the order only of a chain (`US1 (P1) → US2 (P2) in
        // priority order`); a clause beside them (`US3 depends on US2 (stories
        // are numbered by priority)`) states its own.
        guard arrows else { return false }
        // `US1 → US3 → US2 (suggested)`, `US1 → US2 → US3 순서 권장`: an order
        // proposed at the line's end (in its lead: `leadProposesOrder`).
        var tail = b.trimEnd(k, end)
        while tail > k, b[tail - 1] == UInt8(ascii: ")") || b[tail - 1] == UInt8(ascii: "*") || b[tail - 1] == UInt8(ascii: ".") { tail -= 1 }
        for word in suggestionWords {
            let n = word.utf8CodeUnitCount
            // `(required, not suggested)` says the opposite.
            if tail - n >= k, b.matchesLowercase(word, at: tail - n, end: tail), !(tail - n - 4 >= k && b.matchesLowercase("not ", at: tail - n - 4, end: tail)) {
                return true
            }
        }
        for phrase: StaticString in [
            "priority order", "Priority order", "order of priority", "by priority", "By priority", "ordem de prioridade",
            "orden de prioridad", "ordre de priorité", "Prioritätsreihenfolge", "порядке приоритет", "优先级顺序", "按优先级",
            "優先度順", "優先順位順", "우선순위 순",
        ] where b.find(phrase, k, end) != nil {
            return true
        }
        return false
    }

    /// Whether the together word at `word` opens no part of its own: after
    /// the last comma before it (from `from` on), two or more plain words
    /// that are no helper words stand right before it (`…, both flows
    /// independent`), a subject of its own that names no task or phase.
    static func ownSubjectBefore(_ b: Bytes, _ tokens: ProseTokens, word: Int, _ from: Int) -> Bool {
        var j = word - 1
        var plain = 0
        while j >= tokens.startIndex, tokens[j].start >= from {
            let t = tokens[j]
            if t.kind == .separator, b[t.start] == UInt8(ascii: ",") { return plain >= 2 }
            guard t.kind == .word || t.kind == .filler else { return false }
            if DependencyVocabulary.match(b, t.start, t.start, t.end, roles: RoleSet(.helper), declared: true) == nil { plain += 1 }
            j -= 1
        }
        return false
    }

    /// Where the statement `k..<end` offers running together or at once as
    /// the other choice, if it does: a word for "or" (`or`, `ou`, `o`, `oder`, `или`,
    /// `或者`, `または`, `또는`) and, within the next 64 bytes of its sentence, a
    /// parallel word of the vocabulary or a word for "immediately"
    /// (`immediately`, `anytime`, `concurrently`, `inmediatamente`,
    /// `imediatamente`, `immédiatement`, `sofort`, `сразу`, `立即`, `すぐ`, `바로`).
    /// Read in the bytes: the words may sit in a phase's parenthesised title,
    /// which the lexer makes part of the phase's token.
    static func alternativeStart(_ b: Bytes, _ k: Int, _ end: Int) -> Int? {
        var i = k
        while i < end {
            defer { i += 1 }
            guard b.isWordStart(i, k) || b[i] >= 0xC0 else { continue }
            var orEnd: Int?
            for word in Self.orWords {
                let n = word.utf8CodeUnitCount
                if b.matchesLowercase(word, at: i, end: end), b[i] >= 0x80 || b.isWordEnd(i + n, end) {
                    orEnd = i + n
                    break
                }
            }
            guard let from = orEnd else { continue }
            // The choice ends with its sentence or parenthesis.
            var window = min(end, from + 64)
            var stop = from
            while stop < window {
                let c = b[stop]
                if c == UInt8(ascii: ";") || c == UInt8(ascii: ")") || (c == UInt8(ascii: ".") && (stop + 1 >= end || b[stop + 1].isSpaceOrTab))
                    || b.matches("。", at: stop, end: end) || b.matches("）", at: stop, end: end)
                {
                    window = stop
                    break
                }
                stop += 1
            }
            if DependencyVocabulary.firstWordStart(b, from, window, roles: .together, declared: true) != nil { return i }
            var j = from
            while j < window {
                if b.isWordStart(j, from) || b[j] >= 0xC0 {
                    for word in Self.atOnceWords where b.matchesLowercase(word, at: j, end: window) {
                        return i
                    }
                }
                j += 1
            }
        }
        return nil
    }

    /// Where the order word of the clause that offers another choice starts
    /// (`US2 can start after US1 or in parallel`: `after`): the last order
    /// word before the "or" of `alternativeStart`, in its sentence.
    static func optionalClause(_ b: Bytes, _ tokens: ProseTokens, _ k: Int, _ end: Int) -> Int? {
        guard let or = alternativeStart(b, k, end) else { return nil }
        var found: Int?
        for token in tokens where token.start < or {
            if token.kind == .sentenceEnd { found = nil }
            if token.kind == .dependency { found = token.start }
        }
        return found
    }

    /// `Developer A: US1 (T013–T015)`, `Team B: …`, `开发者 A：…`: who does
    /// what, never an order (a line that starts with a team word of the vocabulary).
    func isTeamLine(_ b: Bytes, _ k: Int, _ end: Int) -> Bool {
        var w = k
        while w < end, b[w] == UInt8(ascii: "*") { w += 1 }
        return DependencyVocabulary.match(b, w, w, end, roles: RoleSet(.teamWord), declared: true) != nil
    }

    /// Words that propose an order rather than state one (`Recommended
    /// order: …`, `… (suggested)`, `… 순서 권장`).
    static let suggestionWords: [StaticString] = [
        "recommended", "suggested", "recomendado", "recomendada", "sugerido", "sugerida", "recommandé", "suggéré", "empfohlen",
        "vorgeschlagen", "рекомендуем", "рекомендуется", "рекомендуемый", "推荐", "建议", "建議", "推薦", "おすすめ", "推奨", "권장", "추천",
    ]

    /// Whether the lead `lo..<lead` (`leadEnd`) says who does the work or
    /// proposes the order: its last word is a team word (`Single developer:`,
    /// `**단일 개발자**:`, `Solo path (one dev):`; one inside it names a thing,
    /// `Local dev setup:`), or, on a line with arrows, it holds a suggestion
    /// word (`Recommended order: US1 → US2`).
    static func leadProposesOrder(_ b: Bytes, _ lo: Int, _ lead: Int, arrows: Bool) -> Bool {
        var last = lead
        while last > lo, b[last - 1] == UInt8(ascii: "*") || b[last - 1] == UInt8(ascii: ":") { last -= 1 }
        if last - lo >= 3, b.matches("：", at: last - 3, end: last) { last -= 3 }
        while last > lo, b[last - 1].isSpaceOrTab || b[last - 1] == UInt8(ascii: "*") || b[last - 1] == UInt8(ascii: "_")
            || b[last - 1] == UInt8(ascii: ")")
        {
            last -= 1
        }
        var i = lo
        while i < last {
            if b.isWordStart(i, lo) || b[i] >= 0xC0 {
                if let (_, e) = DependencyVocabulary.match(b, i, lo, last, roles: RoleSet(.teamWord), declared: true) {
                    var rest = e
                    while rest < last, b[rest].isLetter || b[rest] >= 0x80 { rest += 1 }
                    if rest == last { return true }
                }
                if arrows, suggestionWords.contains(where: { b.matchesLowercase($0, at: i, end: last) }) { return true }
            }
            i += 1
        }
        return false
    }

    /// A plain line outside Dependencies sections (a note, a `Parallel
    /// Opportunities` list): only what it says runs together counts.
    ///
    /// `shortcut: false` lexes every line with a together word, also those
    /// `togetherWordsStateNothing` settles without lexing (tests compare the two).
    mutating func parseParallelLine(_ p: Int, _ end: Int, shortcut: Bool = true) {
        let b = bytes
        var k = p
        if let e = bulletEnd(b, k, end) { k = e }
        // The together word first: most lines have none, and both tests only read.
        guard k < end, b[k] != UInt8(ascii: "|"),
            let first = DependencyVocabulary.firstWordStart(b, k, end, roles: .together, declared: true) ?? b.find("||", k, end),
            !isTeamLine(b, k, end)
        else { return }
        // `**Independent Test**: …` (a field of every story phase in spec-kit
        // files): its only together word is an adjective, which states
        // nothing; lexing the whole line would cost several times the check.
        // (`||` is a together token that `firstWordStart` does not see.)
        if shortcut, Self.togetherWordsStateNothing(b, k, end, first: first, worded: wordedIDs), b.find("||", k, end) == nil { return }
        var tokens: [ProseToken] = []
        swap(&tokens, &proseTokens)
        defer { swap(&tokens, &proseTokens) }
        lexDependencyProse(b, k, end, worded: wordedIDs, declared: true, into: &tokens)
        guard tokens.contains(where: { $0.kind == .parallel }) else { return }
        parseKeywordStatements(b, k, end, TextLocator((k, lineNumber, lineStart)), edges: false, tokens: tokens[...])
    }

    /// Whether every together word in `k..<end` (the first at `first`, as
    /// `firstWordStart` finds it) is one that `parseKeywordStatements`, given
    /// the line lexed from `k`, reads no statement from: a postfix word
    /// (which with `edges: false` records nothing), or `independent` (and its
    /// kin) before a plain word, an adjective (`Independent Test`), for which
    /// `togetherObject` is nil. Then lexing the line records nothing at all.
    ///
    /// Exact, never a guess. Every together token of the lexer starts where
    /// `firstWordStart` (which sees at least those starts) finds one, and
    /// the token after it is what the lexer reads after its trivia. A
    /// `parallel` word, or an `independent` one with nothing after it, a
    /// list item (which `readReferenceList` would read), a connector or
    /// `each other` word, or a mark (`standalone`) after it, answers false:
    /// the line is lexed.
    /// - Complexity: O(end - k), one vocabulary lookup per word start of the
    ///   together rows' first bytes, a few per together word.
    static func togetherWordsStateNothing(_ b: Bytes, _ k: Int, _ end: Int, first: Int, worded: Bool) -> Bool {
        var at = first
        while true {
            // The together rows only: where the lexer's row (of every role) is
            // a together word, it is this one (the first row that fits, of
            // the same order); where it is none, this one is a word too many.
            if let (word, e) = DependencyVocabulary.match(b, at, k, end, roles: .together, declared: true), word.placement == .prefix {
                guard word.role == .independent, plainWordFollows(b, e, k, end, worded: worded) else { return false }
            }
            guard at + 1 < end, let next = DependencyVocabulary.firstWordStart(b, at + 1, end, roles: .together, declared: true)
            else { return true }
            at = next
        }
    }

    /// Whether the lexer of `k..<end`, after a token ending at `e`, reads a
    /// token that makes `togetherObject` nil for an `independent` word before
    /// it: one that starts with no punctuation (`startsWithPunctuation`: an
    /// ASCII word byte, or a character of another script other than a
    /// full-width mark) and is no list item, no connector (`of`, `from`,
    /// `与`) and no `each other`: `Independent Test`, `独立测试`. (False
    /// when only blanks and emphasis follow: the word then stands alone.)
    private static func plainWordFollows(_ b: Bytes, _ e: Int, _ k: Int, _ end: Int, worded: Bool) -> Bool {
        // The lexer's trivia.
        var x = e
        while x < end {
            let c = b[x]
            guard c.isWhitespace || c == UInt8(ascii: "*") || c == UInt8(ascii: "`") || (c == UInt8(ascii: "_") && (x == k || !b[x - 1].isWordByte))
            else { break }
            x += 1
        }
        guard x < end, DependencyVocabulary.singleByteSymbol(b[x]) == nil else { return false }
        let c = b[x]
        if c < 0x80 {
            guard c.isWordByte else { return false }
        } else {
            // `，` `：` `（` `、` `。` and their kin (a character's first two bytes).
            guard x + 1 < end, !(c == 0xEF && b[x + 1] == 0xBC), !(c == 0xE3 && b[x + 1] == 0x80) else { return false }
        }
        // An ID, range or phase reference there is a list item.
        let wordStart = x == k || !b[x - 1].isWordByte
        if wordStart, mayStartItem(b, x, end, worded: worded), proseItem(b, x, end, phases: true, worded: worded) != nil { return false }
        // `togetherObject` looks for these two at the token (from its own start);
        // an opening mark (never a word's first byte) is ruled out here too.
        let roles = RoleSet(.connector).union(RoleSet(.eachOther)).union(RoleSet(.open)).union(RoleSet(.colon))
        return DependencyVocabulary.match(b, x, x, end, roles: roles, declared: true) == nil
    }

    /// The line after the one ending at `end` when it is indented and plain (no
    /// list item, heading, table, fence or comment): where its text ends, and
    /// its locator segment.
    func indentedContinuation(after end: Int) -> (end: Int, segment: TextLocator.Segment)? {
        let b = bytes
        guard let newline = b.firstIndex(of: 0x0A, end, b.count) else { return nil }
        let start = newline + 1
        var contentEnd = b.firstIndex(of: 0x0A, start, b.count) ?? b.count
        if contentEnd > start, b[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        let p = b.skipSpaces(start, contentEnd)
        let e = b.trimEnd(p, contentEnd)
        guard p > start, p < e, !startsBlock(p, e), b[p] != UInt8(ascii: "#"), b[p] != UInt8(ascii: "`"), b[p] != UInt8(ascii: "~"),
            b.find("<!--", p, e) == nil
        else { return nil }
        return (e, (p, max(lineNumber, declaredJoinedThrough) + 1, start))
    }

    /// When `lo..<hi` leaves a `(` open: the end of the next (at most three)
    /// plain lines that close it, and where each of them starts; nil when
    /// they do not (a blank line, list item, heading, table, fence or comment comes first).
    func joinWrappedParenthesis(_ lo: Int, _ hi: Int) -> (end: Int, segments: [TextLocator.Segment])? {
        let b = bytes
        func depth(_ lo: Int, _ hi: Int) -> Int {
            var d = 0
            for k in lo..<hi {
                if b[k] == UInt8(ascii: "(") { d += 1 } else if b[k] == UInt8(ascii: ")") { d -= 1 }
            }
            return d
        }
        var open = depth(lo, hi)
        guard open > 0 else { return nil }
        var segments: [TextLocator.Segment] = []
        var lineEnd = hi
        var line = lineNumber
        while segments.count < 3 {
            guard let newline = b.firstIndex(of: 0x0A, lineEnd, b.count) else { return nil }
            let start = newline + 1
            var contentEnd = b.firstIndex(of: 0x0A, start, b.count) ?? b.count
            lineEnd = contentEnd
            if contentEnd > start, b[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let p = b.skipSpaces(start, contentEnd)
            let e = b.trimEnd(p, contentEnd)
            line += 1
            guard p < e, !startsBlock(p, e), b[p] != UInt8(ascii: "#"), b[p] != UInt8(ascii: "`"), b[p] != UInt8(ascii: "~"),
                b.find("<!--", p, e) == nil
            else { return nil }
            segments.append((p, line, start))
            open += depth(p, e)
            if open <= 0 { return (e, segments) }
        }
        return nil
    }

    /// A mermaid arrow at `k` (`-->`, `--->`, `-.->`, `==>`): where it ends.
    func mermaidArrowEnd(_ b: Bytes, _ k: Int, _ hi: Int) -> Int? {
        let c = b[k]
        if c == UInt8(ascii: "-") {
            var j = k
            while j < hi, b[j] == UInt8(ascii: "-") { j += 1 }
            if j < hi, b[j] == UInt8(ascii: "."), j + 2 < hi, b[j + 1] == UInt8(ascii: "-") {
                j += 1
                while j < hi, b[j] == UInt8(ascii: "-") { j += 1 }
            }
            if j < hi, b[j] == UInt8(ascii: ">"), j - k <= 3 { return j + 1 }
            return nil
        }
        if c == UInt8(ascii: "="), b.matches("==>", at: k, end: hi) { return k + 3 }
        return nil
    }

    /// `A → B → C, D`: consecutive parts are linked.
    ///
    /// The first part is every reference since the sentence start (`Setup
    /// (T001–T006) →`); later parts are reference lists read like a clause object
    /// (`→ Models (T025–T030)`, `→ T003 are sequential` gives T003 only). Mermaid
    /// parts are node IDs outside labels.
    /// `arrows` holds the sentence's tokens (its arrows are the chain's); a
    /// mermaid line (no tokens) is scanned for mermaid arrows outside labels.
    mutating func parseArrowChain(_ b: Bytes, _ lo: Int, _ hi: Int, _ locator: TextLocator, arrows tokens: ArraySlice<ProseToken>?) {
        let mermaid = tokens == nil
        var arrows: [(start: Int, end: Int, left: Bool)] = []
        if let tokens {
            for token in tokens where token.kind == .arrow && token.start >= lo && token.end <= hi {
                arrows.append((token.start, token.end, token.role == .arrowBack))
            }
        } else {
            var k = lo
            var depth = 0
            while k < hi {
                let c = b[k]
                if c == UInt8(ascii: "[") || c == UInt8(ascii: "(") || c == UInt8(ascii: "{") { depth += 1 }
                if c == UInt8(ascii: "]") || c == UInt8(ascii: ")") || c == UInt8(ascii: "}") { depth = max(0, depth - 1) }
                if depth == 0, let e = mermaidArrowEnd(b, k, hi) {
                    arrows.append((k, e, false))
                    k = e
                    continue
                }
                k += 1
            }
        }
        guard !arrows.isEmpty else { return }
        var parts: [ReferenceList] = []
        var backwards = [Bool](repeating: false, count: arrows.count)
        /// `T025 + T026 → en paralelo con T011 + T012`: a part that a parallel
        /// word opens runs beside the part before it; the arrow orders nothing.
        var together = [Bool](repeating: false, count: arrows.count)
        if mermaid {
            var start = lo
            for a in arrows {
                parts.append(mermaidNodes(b, start, a.start, locator))
                start = a.end
                // `-->|label|`: the edge label is not a node.
                let j = b.skipSpaces(start, hi)
                if j < hi, b[j] == UInt8(ascii: "|") {
                    var close = j + 1
                    while close < hi, b[close] != UInt8(ascii: "|") { close += 1 }
                    start = min(hi, close + 1)
                }
            }
            parts.append(mermaidNodes(b, start, hi, locator))
        } else {
            // The first part: every reference since the clause start (after a `: ` or `：`).
            var from = lo
            for token in tokens ?? [] where token.kind == .colon && token.start >= lo && token.end < arrows[0].start {
                if b[token.start] >= 0x80 || b[token.end].isSpaceOrTab { from = token.end }
            }
            var first = collectReferences(b, tokens ?? [], from, arrows[0].start, locator, worded: wordedIDs)
            // `→ T008` right below a chain goes on from that chain's last part.
            if arrows[0].start == lo, chainLine == lineNumber - 1, let tail = chainTail { first = tail }
            parts.append(first)
            for (i, a) in arrows.enumerated() {
                let partEnd = i + 1 < arrows.count ? arrows[i + 1].start : hi
                // `T004 → after T001`, `T004 → T001完了後`: a word meaning "after"
                // at either end of the part turns the arrow round.
                let all = tokens ?? []
                var next = firstToken(all, at: a.end)
                if next < all.endIndex, all[next].kind == .dependency, all[next].role == .after, all[next].placement == .prefix {
                    next += 1
                    while next < all.endIndex, all[next].kind == .filler { next += 1 }
                    let from = all[next - 1].end
                    parts.append(readReferenceList(b, all, from: from, to: partEnd, locator, worded: wordedIDs, phases: true))
                    backwards[i] = true
                    continue
                }
                let part = readReferenceList(b, all, from: a.end, to: partEnd, locator, worded: wordedIDs, skipWords: 3, phases: true)
                parts.append(part)
                var j = next
                while j < all.endIndex, all[j].end <= partEnd, all[j].kind != .id, all[j].kind != .range, all[j].kind != .phase {
                    // Only a parallel word with a partner (`in parallel with`, `en
                    // paralelo con`); `→ parallel: T005, T006` still orders.
                    if all[j].kind == .parallel, all[j].role == .parallel, j + 1 < all.endIndex, all[j + 1].end <= partEnd,
                        DependencyVocabulary.match(b, all[j + 1].start, all[j + 1].start, partEnd, roles: RoleSet(.connector), declared: true) != nil
                    {
                        together[i] = true
                        break
                    }
                    j += 1
                }
                let after = b.skipSpaces(part.end, partEnd)
                if !part.references.isEmpty || !part.phases.isEmpty,
                    let (word, _) = DependencyVocabulary.match(b, after, after, partEnd, roles: RoleSet(.after), declared: true),
                    word.placement == .postfix
                {
                    backwards[i] = true
                }
            }
            let last = parts[parts.count - 1]
            chainDangling = last.references.isEmpty && last.phases.isEmpty && b.skipSpaces(arrows[arrows.count - 1].end, hi) >= hi
            chainTail = chainDangling ? parts[parts.count - 2] : last
            // The chain ends on the last line read with this one.
            chainLine = max(lineNumber, declaredJoinedThrough)
        }
        let group = statementGroups
        statementGroups += 1
        let at = locator.location(lo)
        for i in 0..<arrows.count {
            if together[i] {
                let (subject, partners) = (parts[i], parts[i + 1])
                if !subject.references.isEmpty || !subject.phases.isEmpty, !partners.references.isEmpty || !partners.phases.isEmpty {
                    parallels.append(
                        PendingParallel(
                            references: subject.references, phases: subject.phases, partners: partners.references,
                            partnerPhases: partners.phases, location: at))
                }
                continue
            }
            let (before, after) = arrows[i].left != backwards[i] ? (parts[i + 1], parts[i]) : (parts[i], parts[i + 1])
            addStatement(predecessors: before, successors: after, at: at, leftArrow: arrows[i].left, group: group)
        }
    }

    /// Nodes of a mermaid chain part: `T001[Label] & T002` (task IDs, labels
    /// skipped); a node whose ID names a phase or story (`US1`, `Setup`,
    /// `Foundational`); a node whose ID names none, by the first task or
    /// phase its label names (`P2["Phase 2: Foundational"]`, `A[T004 API]`).
    func mermaidNodes(_ b: Bytes, _ lo: Int, _ hi: Int, _ locator: TextLocator) -> ReferenceList {
        var list = ReferenceList(end: hi)
        Self.mermaidNodeIDs(b, lo, hi) { k, e, isTask in
            if isTask {
                list.references.append(Reference(id: b.string(k, e), upTo: nil, location: locator.location(k)))
                return
            }
            // The label first: it is what the author wrote the node to mean.
            let labelled = e < hi && (b[e] == UInt8(ascii: "[") || b[e] == UInt8(ascii: "(") || b[e] == UInt8(ascii: "{"))
            if labelled, mermaidLabelItem(b, e, hi, locator, into: &list) {
            } else if !labelled, let known = mermaidLabels.isEmpty ? nil : mermaidLabels[b.string(k, e)] {
                // Labelled on an earlier line of the fence.
                list.references += known.references
                list.phases += known.phases
            } else if case .phase(let phases)? = phaseItem(b, k, e).flatMap({ $0.1 == e ? $0.0 : nil }) {
                list.phases += phases
            }
        }
        return list
    }

    /// Visits the node IDs of a mermaid line part outside labels (`[…]`,
    /// `(…)`, `{…}`, `"…"`), in order: where each starts and ends, and
    /// whether it is a task ID (`T231.1`) rather than a word (`US1`, `P2`).
    static func mermaidNodeIDs(_ b: Bytes, _ lo: Int, _ hi: Int, _ visit: (Int, Int, Bool) -> Void) {
        var k = lo
        var depth = 0
        while k < hi {
            let c = b[k]
            if c == UInt8(ascii: "[") || c == UInt8(ascii: "(") || c == UInt8(ascii: "{") || c == UInt8(ascii: "\"") && depth == 0 {
                depth += 1
            } else if c == UInt8(ascii: "]") || c == UInt8(ascii: ")") || c == UInt8(ascii: "}") || c == UInt8(ascii: "\"") {
                depth = max(0, depth - 1)
            } else if depth == 0, c == UInt8(ascii: "T"), b.isWordStart(k, lo), let e = b.taskIDEnd(at: k, end: hi) {
                visit(k, e, true)
                k = e
                continue
            } else if depth == 0, c.isWordByte, b.isWordStart(k, lo) {
                var e = k
                while e < hi, b[e].isWordByte || b[e] == UInt8(ascii: "-") { e += 1 }
                visit(k, e, false)
                k = e
                continue
            }
            k += 1
        }
    }

    /// The first task or phase a mermaid node's label names (`["Phase 2:
    /// Foundational"]`, `[T004 API]`), added to `list`; the label opens at
    /// `open`. Whether it names one.
    @discardableResult
    func mermaidLabelItem(_ b: Bytes, _ open: Int, _ hi: Int, _ locator: TextLocator, into list: inout ReferenceList) -> Bool {
        var close = open
        var depth = 0
        repeat {
            let c = b[close]
            if c == UInt8(ascii: "[") || c == UInt8(ascii: "(") || c == UInt8(ascii: "{") { depth += 1 }
            if c == UInt8(ascii: "]") || c == UInt8(ascii: ")") || c == UInt8(ascii: "}") { depth -= 1 }
            close += 1
        } while close < hi && depth > 0
        var k = open + 1
        while k < close {
            if b.isWordStart(k, open + 1), b[k].isWordByte || b[k] >= 0x80 {
                if b.taskIDEnd(at: k, end: close) != nil {
                    // The label's tasks: `T009-T011 Profile`, `T012, T013 Polish`.
                    var j = k
                    while j < close, let (item, end) = proseItem(b, j, close, phases: false, worded: false),
                        case .task(let idEnd, let second) = item
                    {
                        list.references.append(Reference(b, j, idEnd, second, end, locator))
                        j = b.skipSpaces(end, close)
                        guard j < close, b[j] == UInt8(ascii: ",") || b[j] == UInt8(ascii: "/") || b[j] == UInt8(ascii: "&")
                            || b[j] == UInt8(ascii: "+")
                        else { break }
                        j = b.skipSpaces(j + 1, close)
                    }
                    return true
                }
                if case .phase(let phases)? = phaseItem(b, k, close)?.0 {
                    list.phases += phases
                    return true
                }
            }
            k += 1
        }
        return false
    }

    /// `X blocks Y`, `X before Y`, `X after Y`, `X depends on Y`, repeated along
    /// the line, and `X, Y can run in parallel`, `X independent`.
    ///
    /// A clause starts at each list of tasks or phases that a clause word
    /// follows: `T016 independent, T017 depends on T014, T018 depends on T015`
    /// is three clauses. A clause with no reference of its own before its
    /// keyword has the subject of the previous clause of the sentence:
    /// `**Foundational (Phase 2)**: Depends on Setup — BLOCKS all user stories`
    /// is Phase 2 after Setup, and every story phase after Phase 2;
    /// `T011, T012 can run in parallel after T004` is T004 before both.
    /// With `edges` false (lines outside Dependencies sections) only what
    /// runs together is recorded. `tokens` are the lexer's tokens of the
    /// text (those outside `lo..<hi` are passed over): the clause words and
    /// sentence ends are read from them.
    mutating func parseKeywordStatements(
        _ b: Bytes, _ lo: Int, _ hi: Int, _ locator: TextLocator, edges: Bool, tokens: ArraySlice<ProseToken>,
        optionalClause: Int? = nil
    ) {
        var lo = lo
        // A lead (`**US3 (Phase 5)**: …`, `Hugo site must exist before templates: …`):
        // one that names tasks or phases is the subject of every clause of the
        // line that has none of its own, also after `;`; one that names none
        // is a title, and its words (`before templates`) state nothing.
        var leadSubject: ReferenceList?
        var bodyStart = lo
        if let leadEnd = leadEnd(b, tokens, lo, hi) {
            let lead = collectReferences(b, tokens, lo, leadEnd, locator, worded: wordedIDs)
            if lead.references.isEmpty, lead.phases.isEmpty {
                // `**Parallel**: T013, T014, T015`, `Run in parallel: T004-T006`: a
                // lead that says so over a list of tasks names what runs together.
                if let w = tokens.firstIndex(where: { $0.kind == .parallel && $0.start >= lo && $0.end <= leadEnd }),
                    DependencyVocabulary.match(b, tokens[w].start, tokens[w].start, leadEnd, roles: RoleSet(.parallel), declared: true) != nil,
                    !isNegatedTogether(b, tokens, w, lo)
                {
                    let list = readReferenceList(b, tokens, from: leadEnd, to: hi, locator, worded: wordedIDs, phases: true)
                    if Self.namesTasksTogether(list) {
                        parallels.append(PendingParallel(references: list.references, phases: list.phases, location: locator.location(lo)))
                    }
                }
                lo = leadEnd
            } else {
                leadSubject = lead
            }
            bodyStart = leadEnd
        }
        var subjectStart = lo
        var k = lo
        let group = statementGroups
        statementGroups += 1
        var previousSubject: ReferenceList?
        /// The last subject of the line, for what runs together (never for an order).
        var lineSubject: ReferenceList?
        var sentenceHasClause = false
        /// A word for "parallel" came before in the sentence: an `independent`
        /// after it (`T003-T007 in parallel (each independent)`) means of each other.
        var sentenceRunsTogether = false
        /// The last ordering clause of the line: its keyword, and where the
        /// last word of its clause word is (`on` of `depends on`), for a
        /// clause after `;` that leaves the verb out (`T006 on T005`).
        var lastClause: (kind: ClauseKeyword, wordStart: Int, wordEnd: Int)?
        /// Where the last arrow between `from` and `to` ends.
        func lastArrowEnd(_ from: Int, _ to: Int) -> Int? {
            tokens.last { $0.kind == .arrow && $0.start >= from && $0.end <= to }?.end
        }
        var t = tokens.startIndex
        while t < tokens.endIndex {
            let token = tokens[t]
            t += 1
            // Tokens before `k` were read with the clause before.
            guard token.start >= k, token.end <= hi else { continue }
            k = token.start
            // Sentence ends start a new subject.
            if token.kind == .sentenceEnd {
                subjectStart = token.end
                previousSubject = k < bodyStart ? nil : leadSubject
                sentenceHasClause = false
                sentenceRunsTogether = false
                k = token.end
                // `T004 depends on T003; T006 on T005`, `T003 dipende da T002; T004 da T003`:
                // the verb left out after `;` is the last clause's.
                if let clause = lastClause, b[token.start] == UInt8(ascii: ";") || b.matches("；", at: token.start, end: hi),
                    let (word, last) = Self.gappedClause(b, tokens, from: t, clause.wordStart, clause.wordEnd, hi)
                {
                    let subject = collectReferences(b, tokens, tokens[t].start, tokens[word].start, locator, worded: wordedIDs)
                    let object = collectReferences(b, tokens, tokens[word].end, tokens[last].end, locator, worded: wordedIDs)
                    if edges {
                        switch clause.kind {
                        case .dependsOn:
                            addStatement(predecessors: object, successors: subject, at: locator.location(lo), leftArrow: false, group: group)
                        case .blocks, .before:
                            addStatement(predecessors: subject, successors: object, at: locator.location(lo), leftArrow: false, group: group)
                        }
                    }
                    sentenceHasClause = true
                    k = tokens[last].end
                    subjectStart = k
                    t = last + 1
                }
                continue
            }
            guard token.kind == .dependency || token.kind == .parallel, let role = token.role else { continue }
            let word = (role: role, placement: token.placement, first: b[token.start])
            let wordEnd = token.end
            // The clause that offers another choice (`after US1 or in parallel`) orders nothing.
            let edges = edges && token.start != optionalClause
            if word.placement == .postfix, Self.negatedAfter(b, wordEnd, hi) {
                // `US2: US1에 의존하지 않음`, `US1に依存しない`: the word denied, no order.
                sentenceHasClause = true
                subjectStart = wordEnd
                k = wordEnd
                continue
            }
            if word.placement == .postfix {
                // `**US1**: Foundational 完成後可開始`: what stands before the word
                // comes first; the subject is the lead's or the previous clause's.
                let from = max(subjectStart, leadSubject == nil ? lo : bodyStart)
                var object = collectReferences(b, tokens, from, k, locator, worded: wordedIDs)
                var subject = previousSubject ?? leadSubject
                if subject == nil, let (before, right) = subjectBeforePostfixList(b, tokens, word: t - 1, from, locator) {
                    subject = before
                    object = right
                }
                if edges, let subject, !object.references.isEmpty || !object.phases.isEmpty {
                    addStatement(predecessors: object, successors: subject, at: locator.location(lo), leftArrow: false, group: group)
                }
                // `T013、T014 可在 T012 完成後平行執行`: a parallel word after the
                // clause speaks of the same tasks. (Not of phases named with their
                // tasks, `US2（T010-T011）と US3（T012-T014）は US1 完了後に並列可`:
                // the order inside each story would go with them.)
                if let subject, !subject.references.isEmpty, subject.phases.isEmpty { previousSubject = subject }
                sentenceHasClause = true
                subjectStart = wordEnd
                k = wordEnd
                continue
            }
            if word.role == .parallel || word.role == .independent {
                // `T066-T076 || T095-T106 || T107-T110 can all run in parallel`:
                // before a together word of the sentence, `||` only joins the lists.
                if Self.isParallelSymbol(b, token.start), let later = tokens[t...].firstIndex(where: { Self.endsSymbolRun(b, $0) }),
                    tokens[later].kind != .sentenceEnd, tokens[later].end <= hi
                {
                    k = wordEnd
                    continue
                }
                guard let object = togetherObject(b, tokens, t - 1, hi, locator, role: word.role) else {
                    k = wordEnd
                    continue
                }
                // The subject: references since the clause start, after the lead and the last arrow.
                // A word inside the lead itself (`Once Foundational is done, split into
                // parallel workstreams:`) has no lead to fall back on.
                let lead = k < bodyStart ? nil : leadSubject
                var from = max(subjectStart, lead == nil ? lo : bodyStart)
                if let arrowEnd = lastArrowEnd(from, k) { from = arrowEnd }
                var partners = object.list
                var subject: ReferenceList
                if partners.references.isEmpty, partners.phases.isEmpty, word.first >= 0xE0,
                    let joint = joinedBefore(b, tokens, t - 1, from)
                {
                    // `US1, US2と独立`, `与 US1 并行`: what is joined to the word is the partner.
                    partners = collectReferences(b, tokens, from, joint, locator, worded: wordedIDs)
                    subject = previousSubject ?? lead ?? lineSubject ?? ReferenceList(end: k)
                } else {
                    subject = collectReferences(b, tokens, from, k, locator, worded: wordedIDs)
                    // `US5 — depends on Foundational. Independent of all other stories.`:
                    // the last subject of the line, also across a full stop.
                    // Not when a part of its own names something else (`Verify the
                    // system, both flows independent`: the flows, not the lead's tasks).
                    if subject.references.isEmpty, subject.phases.isEmpty, !Self.ownSubjectBefore(b, tokens, word: t - 1, from),
                        let fallback = previousSubject ?? lead ?? lineSubject
                    {
                        subject = fallback
                    }
                }
                // `Parallel: T013, T014, T015`, `can be developed in parallel (T013-T015)`:
                // with no subject, what follows the word (not `with` …) is what runs together.
                if subject.references.isEmpty, subject.phases.isEmpty, !object.connected, Self.namesTasksTogether(partners) {
                    subject = partners
                    partners = ReferenceList(end: partners.end)
                }
                // `All Setup tasks marked [P] can run in parallel`: the [P] marks say it already.
                // `**Phase 1**: 7 parallel tasks`, `US1内: 5タスク並列可能`: a count, not which tasks.
                // `Many tasks can run in parallel`: which ones, it does not say.
                // `**Phase 1 병렬 실행 가능**:` over a list: the list says which.
                let marked = (subject.references.isEmpty && (b.find("[P]", from, k) != nil || b.containsLowercase("marked", from, k)))
                    || (partners.references.isEmpty && partners.phases.isEmpty && subject.references.isEmpty
                        && (hasCount(b, tokens, from, k) || hasQuantifier(b, tokens, from, k)))
                    || (k < bodyStart && bodyStart >= b.trimEnd(lo, hi))
                if !marked, !object.unnamedPartner, !isNegatedTogether(b, tokens, t - 1, lo) {
                    // `US1 and US4 are independent`, `T034 and T035 are independent`: of each
                    // other; `US7: independent`: of every other story; `T016 independent`: of every task.
                    let hasPartners = !partners.references.isEmpty || !partners.phases.isEmpty
                    let independent = word.role == .independent && object.standalone && !hasPartners && !sentenceRunsTogether
                    let several = subject.references.count + subject.phases.count > 1
                    parallels.append(
                        PendingParallel(
                            references: subject.references, phases: subject.phases, partners: partners.references,
                            partnerPhases: partners.phases,
                            otherStories: object.otherStories || (independent && !several && !subject.phases.isEmpty),
                            independent: independent && subject.phases.isEmpty && !several, location: locator.location(k)))
                }
                if !subject.references.isEmpty || !subject.phases.isEmpty {
                    previousSubject = subject
                    lineSubject = subject
                }
                if word.role == .parallel { sentenceRunsTogether = true }
                sentenceHasClause = true
                subjectStart = max(object.list.end, wordEnd)
                k = subjectStart
                continue
            }
            var kind: ClauseKeyword = word.role == .blocks ? .blocks : word.role == .before ? .before : .dependsOn
            let keywordEnd = wordEnd
            // `T005 cannot start before T006 passes`, `must not be merged before
            // T030`: a denied "before" is an "after".
            // Any other denial before it (`No need to run T012 before T013`,
            // `T008 need not be done before T011`) states no order.
            var deniedBefore = false
            if kind == .before, let negation = negationBefore(tokens, t - 1, lo) {
                guard Self.isModalDenial(b, tokens, negation) else {
                    k = wordEnd
                    continue
                }
                deniedBefore = true
                kind = .dependsOn
            }
            if !deniedBefore, isNegated(b, tokens, t - 1, lo) {
                // `no dependency on US2`, `does not depend on T003`: the clause
                // states the absence of an order; its list yields nothing.
                let object = readReferenceList(b, tokens, from: keywordEnd, to: hi, locator, worded: wordedIDs, skipWords: 4, phases: true)
                // `T001-T003 sem dependências`, `T010 and T011 have no dependencies`:
                // tasks said to depend on nothing at all are independent.
                if kind == .dependsOn, object.references.isEmpty, object.phases.isEmpty, Self.clauseEndsAt(b, tokens, keywordEnd, hi) {
                    let clauseStart = max(subjectStart, leadSubject == nil || k < bodyStart ? lo : bodyStart)
                    let subject = listRightBefore(b, tokens, clauseStart, word: t - 1, locator, worded: wordedIDs)
                        ?? firstList(b, tokens, subjectStart, k, locator, worded: wordedIDs)
                    if !subject.references.isEmpty, subject.phases.isEmpty {
                        parallels.append(PendingParallel(references: subject.references, independent: true, location: locator.location(k)))
                    }
                }
                subjectStart = max(object.end, keywordEnd)
                k = subjectStart
                continue
            }
            // `依存: なし、US1と並列`, `Depends on: none, …`: the word's list is
            // none, and what follows the none starts a clause of its own.
            if listIsNone(b, tokens, from: keywordEnd, hi) {
                var j = firstToken(tokens, at: keywordEnd)
                while j < tokens.endIndex, tokens[j].kind != .none, tokens[j].kind != .dash { j += 1 }
                subjectStart = j < tokens.endIndex ? max(tokens[j].end, keywordEnd) : hi
                k = subjectStart
                continue
            }
            // The list right before the word (`… (T044 depende de T022)`), else the clause's first list.
            let clauseStart = max(subjectStart, leadSubject == nil || k < bodyStart ? lo : bodyStart)
            var subject = listRightBefore(b, tokens, clauseStart, word: t - 1, locator, worded: wordedIDs)
                ?? firstList(b, tokens, subjectStart, k, locator, worded: wordedIDs)
            // Tasks read after an earlier clause of the sentence are left over from it.
            let leftover = sentenceHasClause && !subject.references.isEmpty
            let object = readReferenceList(b, tokens, from: keywordEnd, to: hi, locator, worded: wordedIDs, skipWords: 4, phases: true)
            // `After T003, T004 and T005 can run in parallel`: a sentence opening
            // with the word names its object up to the first comma; what follows
            // is the subject, and the rest of the sentence is read about it.
            if kind == .dependsOn, subject.references.isEmpty, subject.phases.isEmpty, !sentenceHasClause,
                let (comma, subjectEnd) = Self.openingClause(b, tokens, word: t - 1, hi)
            {
                let before = collectReferences(b, tokens, keywordEnd, tokens[comma].start, locator, worded: wordedIDs)
                let after = collectReferences(b, tokens, tokens[comma].end, subjectEnd, locator, worded: wordedIDs)
                if edges { addStatement(predecessors: before, successors: after, at: locator.location(lo), leftArrow: false, group: group) }
                previousSubject = after
                lineSubject = after
                sentenceHasClause = true
                subjectStart = tokens[comma].end
                k = subjectStart
                continue
            }
            // A clause inside the lead (`**After US1/US2 are done**:`) is not its own subject.
            let fallback = previousSubject ?? (k < bodyStart ? nil : leadSubject)
            if subject.references.isEmpty, subject.phases.isEmpty, let fallback { subject = fallback }
            // A clause word with nothing after it is a plain word (`all dependency
            // installs can run in parallel`): it neither ends nor starts a clause.
            if object.references.isEmpty, object.phases.isEmpty {
                k = keywordEnd
                continue
            }
            // `**Dependencies**: T006 depends on T004`, `Task dependencies: US2
            // needs US1`: a word with no subject whose list's first item has a
            // clause word after it in the sentence is a title; the clause is
            // read as it stands.
            if subject.references.isEmpty, subject.phases.isEmpty,
                let item = tokens[t...].firstIndex(where: { $0.start < object.end && listItem(b, $0, phases: true) != nil }),
                let next = tokens[(item + 1)...].firstIndex(where: { $0.kind == .dependency || $0.kind == .sentenceEnd }),
                tokens[next].kind == .dependency, tokens[next].end <= hi
            {
                subjectStart = keywordEnd
                k = keywordEnd
                continue
            }
            // Left-over tasks, then a phase object (`… routes (T021) existing —
            // implement after US1`): the clause goes on with the subject before them.
            if leftover, subject.phases.isEmpty, object.references.isEmpty, !object.phases.isEmpty, let fallback, !fallback.phases.isEmpty {
                subject = fallback
            }
            previousSubject = subject
            if !subject.references.isEmpty || !subject.phases.isEmpty { lineSubject = subject }
            sentenceHasClause = true
            // `US3 before US2 or vice versa`: either order, so no order.
            // `T010 depends on T008 — no longer needed`: the list denied after it, no order.
            let eitherOrder = hasViceVersa(b, tokens, from: object.end, hi) || Self.negatedAfter(b, object.end, hi)
            if !eitherOrder, !deniedBefore {
                var lastWord = keywordEnd
                while lastWord > token.start, b[lastWord - 1] != UInt8(ascii: " ") { lastWord -= 1 }
                lastClause = (kind, lastWord, keywordEnd)
            }
            if edges, !eitherOrder, let pairs = Self.respectivePairs(b, tokens, subject, object, hi) {
                // `T016–T018 require their wiring task (T013/T014/T015 respectively)`: one to one.
                let at = locator.location(lo)
                for (s, o) in pairs {
                    let (one, other) = (ReferenceList(references: [s], end: object.end), ReferenceList(references: [o], end: object.end))
                    switch kind {
                    case .dependsOn: addStatement(predecessors: other, successors: one, at: at, leftArrow: false, group: group)
                    case .blocks, .before: addStatement(predecessors: one, successors: other, at: at, leftArrow: false, group: group)
                    }
                }
            } else if edges, !eitherOrder, !subject.references.isEmpty || !subject.phases.isEmpty {
                let at = locator.location(lo)
                switch kind {
                case .dependsOn:
                    addStatement(predecessors: object, successors: subject, at: at, leftArrow: false, group: group, leftoverTasks: leftover)
                case .blocks, .before:
                    addStatement(predecessors: subject, successors: object, at: at, leftArrow: false, group: group, leftoverTasks: leftover)
                }
            }
            subjectStart = max(object.end, keywordEnd)
            k = subjectStart
        }
    }

    /// Whether the negation at index `j` denies a modal (`cannot`, `can't`,
    /// `must not`, `should not`, `may not`, `will not`, `do not`): what
    /// follows may not happen, so its "before" is an "after". `No need`,
    /// `need not`, `not necessarily` deny the order itself.
    static func isModalDenial(_ b: Bytes, _ tokens: ProseTokens, _ j: Int) -> Bool {
        if isOne(of: modalDenials, b, tokens[j]) { return true }
        return j > tokens.startIndex && isOne(of: ["not"], b, tokens[j]) && isOne(of: modals, b, tokens[j - 1])
    }

    /// Words that deny a modal (`isModalDenial`), and the modals `not` may follow.
    static let modalDenials: [StaticString] = [
        "cannot", "can't", "can’t", "mustn't", "shouldn't", "won't", "don't", "doesn't", "mustn’t", "shouldn’t", "won’t", "don’t",
        "doesn’t",
    ]
    static let modals: [StaticString] = ["must", "should", "may", "will", "can", "do", "does", "shall"]

    /// Whether the token is one of `words` (lowercase), whole, in any case.
    static func isOne(of words: [StaticString], _ b: Bytes, _ token: ProseToken) -> Bool {
        words.contains { token.end - token.start == $0.utf8CodeUnitCount && b.matchesLowercase($0, at: token.start, end: token.end) }
    }

    /// Whether nothing of the clause follows offset `k`: the text's end, a
    /// sentence end or a closing parenthesis comes next.
    static func clauseEndsAt(_ b: Bytes, _ tokens: ProseTokens, _ k: Int, _ hi: Int) -> Bool {
        let j = firstToken(tokens, at: k)
        guard j < tokens.endIndex, tokens[j].start < hi else { return true }
        // (Not a comma or a dash: `no dependencies, except it must follow T010`.)
        return tokens[j].kind == .sentenceEnd || tokens[j].kind == .close
    }

    /// Words for "respectively" (`respectivePairs`).
    static let respectivelyWords: [StaticString] = [
        "respectively", "respectivamente", "rispettivamente", "respectivement", "соответственно",
    ]

    /// Subject and object tasks paired one to one when "respectively" follows
    /// the object (`T016–T018 require their wiring task (T013/T014/T015
    /// respectively)`, `T21, T22 follow T11, T12 respectively`): both sides
    /// only tasks, as many on each, ranges counted by their numbers. Nil
    /// otherwise (then every subject task takes every object task).
    static func respectivePairs(_ b: Bytes, _ tokens: ProseTokens, _ subject: ReferenceList, _ object: ReferenceList, _ hi: Int)
        -> [(Reference, Reference)]?
    {
        guard subject.phases.isEmpty, object.phases.isEmpty, !subject.references.isEmpty, !object.references.isEmpty else { return nil }
        var j = firstToken(tokens, at: object.end)
        var steps = 0
        while j < tokens.endIndex, tokens[j].end <= hi, steps < 2, tokens[j].kind == .close || tokens[j].kind == .separator {
            j += 1
            steps += 1
        }
        guard j < tokens.endIndex, tokens[j].end <= hi, tokens[j].kind == .word,
            isOne(of: respectivelyWords, b, tokens[j])
        else { return nil }
        guard let subjects = expandedByNumber(subject.references), let objects = expandedByNumber(object.references),
            subjects.count == objects.count, subjects.count > 1
        else { return nil }
        return Array(zip(subjects, objects))
    }

    /// References with each range spelled out by its numbers (`T016–T018`:
    /// T016, T017, T018), or nil when a range's ends are not one prefix and
    /// a number each, or it spans more than 100.
    static func expandedByNumber(_ references: [Reference]) -> [Reference]? {
        var out: [Reference] = []
        for reference in references {
            guard let upTo = reference.upTo else {
                out.append(reference)
                continue
            }
            func split(_ id: String) -> (prefix: Substring, digits: Substring)? {
                guard let d = id.firstIndex(where: \.isNumber), id[d...].allSatisfy(\.isNumber) else { return nil }
                return (id[..<d], id[d...])
            }
            guard let (p, a) = split(reference.id), let (q, z) = split(upTo), p == q, let lo = Int(a), let hi = Int(z), lo <= hi, hi - lo <= 100
            else { return nil }
            for n in lo...hi {
                let digits = String(n)
                let id = String(p) + String(repeating: "0", count: max(0, a.count - digits.count)) + digits
                out.append(Reference(id: id, upTo: nil, location: reference.location))
            }
        }
        return out
    }

    /// A clause from token `from` that leaves its verb out (`T006 on T005`,
    /// `T004 da T003`, `T009 da T005+T008`): tasks or phases, the word at
    /// `wordStart..<wordEnd` (the last word of the verb it shares), tasks or
    /// phases, then the sentence's end. The index of that word's token and of
    /// the last item; nil for anything else.
    static func gappedClause(_ b: Bytes, _ tokens: ProseTokens, from: Int, _ wordStart: Int, _ wordEnd: Int, _ hi: Int)
        -> (word: Int, last: Int)?
    {
        func isItem(_ j: Int) -> Bool { tokens[j].isItem }
        var j = from
        guard j < tokens.endIndex, tokens[j].end <= hi, isItem(j) else { return nil }
        while j < tokens.endIndex, tokens[j].end <= hi, isItem(j) || tokens[j].kind == .separator { j += 1 }
        guard j < tokens.endIndex, tokens[j].end <= hi, isItem(j - 1), tokens[j].end - tokens[j].start == wordEnd - wordStart,
            (0..<(wordEnd - wordStart)).allSatisfy({ b[wordStart + $0].lowercased == b[tokens[j].start + $0].lowercased })
        else { return nil }
        let word = j
        j += 1
        guard j < tokens.endIndex, tokens[j].end <= hi, isItem(j) else { return nil }
        while j < tokens.endIndex, tokens[j].end <= hi, isItem(j) || tokens[j].kind == .separator { j += 1 }
        guard isItem(j - 1), j >= tokens.endIndex || tokens[j].end > hi || tokens[j].kind == .sentenceEnd else { return nil }
        return (word, j - 1)
    }

    /// The opening clause of a sentence that starts with an "after" word
    /// (`After T003, T004 and T005 can run in parallel`, `Once US1 is merged,
    /// US2 and US3 can start`): the comma that ends it, and the end of the
    /// items right after that comma, which a helper (`can`, `may`, `start`)
    /// or a parallel word of the sentence must follow. Nil otherwise.
    ///
    /// The clause ends at a lead's colon (`**After US1/US2 complete**: US3,
    /// US4 can proceed in parallel`), else at the first comma after a word
    /// that is no item (`After T001, T002 and T004 are done, T005 starts`),
    /// else at the first comma.
    static func openingClause(_ b: Bytes, _ tokens: ProseTokens, word: Int, _ hi: Int) -> (comma: Int, subjectEnd: Int)? {
        // The word opens its sentence: nothing but a lead's colon or a sentence end before it.
        if word > tokens.startIndex {
            let previous = tokens[word - 1].kind
            guard previous == .sentenceEnd || previous == .colon else { return nil }
        }
        func isItem(_ j: Int) -> Bool { tokens[j].isItem }
        func isComma(_ j: Int) -> Bool { tokens[j].kind == .separator && b[tokens[j].start] == UInt8(ascii: ",") }
        var firstComma: Int?
        var afterWord: Int?
        var itemsBefore = false
        var j = word + 1
        while j < tokens.endIndex, tokens[j].start < hi, tokens[j].kind != .sentenceEnd {
            if isItem(j) {
                itemsBefore = true
            } else if tokens[j].kind == .colon {
                // `**After US1/US2 complete**: US3, US4 can proceed in parallel`: the lead ends the clause.
                if itemsBefore { afterWord = j }
                break
            } else if isComma(j) {
                // `Once the API is ready, T012, T013 can run in parallel`: the
                // opening clause names no task; what follows is all subject.
                guard itemsBefore else { return nil }
                if firstComma == nil { firstComma = j }
                if !isItem(j - 1), tokens[j - 1].kind != .separator {
                    afterWord = j
                    break
                }
            } else if tokens[j].kind == .dependency || tokens[j].kind == .arrow || tokens[j].kind == .open {
                break
            }
            j += 1
        }
        guard let comma = afterWord ?? firstComma else { return nil }
        // The subject: items and separators right after the comma.
        var e = comma + 1
        while e < tokens.endIndex, tokens[e].start < hi, isItem(e) || tokens[e].kind == .separator || tokens[e].kind == .filler { e += 1 }
        guard e > comma + 1, isItem(e - 1), e < tokens.endIndex, tokens[e].start < hi else { return nil }
        let subjectEnd = tokens[e - 1].end
        // (Helpers make no token: the word is looked up.)
        if tokens[e].kind == .word, DependencyVocabulary.match(b, tokens[e].start, tokens[e].start, hi, roles: RoleSet(.helper), declared: true, onlyClauseRows: false) != nil {
            return (comma, subjectEnd)
        }
        while e < tokens.endIndex, tokens[e].start < hi, tokens[e].kind != .sentenceEnd {
            if tokens[e].kind == .parallel { return (comma, subjectEnd) }
            e += 1
        }
        return nil
    }

    /// Words for "or" (`alternativeStart`).
    static let orWords: [StaticString] = ["or", "ou", "o", "oder", "или", "或者", "或", "または", "もしくは", "또는", "혹은"]
    /// Words for "immediately" (`alternativeStart`).
    static let atOnceWords: [StaticString] = [
        "immediately", "anytime", "concurrently", "inmediatamente", "imediatamente", "immédiatement", "sofort", "сразу",
        "立即", "立刻", "すぐ", "즉시", "바로",
    ]
    /// Denials after a word or a list (`negatedAfter`): in scripts without spaces, and with them.
    static let cjkDenials: [StaticString] = [
        "하지 않", "하지않", "않", "없", "불필요", "필요 없", "필요없", "しない", "しません", "せず", "不要", "不需要", "不必", "不用", "无需", "無需",
    ]
    static let denials: [StaticString] = [
        "not needed", "no longer needed", "not required", "no longer required", "unnecessary", "not necessary",
        "no necesario", "ya no es necesario", "innecesario", "não necessário", "não é necessário", "desnecessário",
        "pas nécessaire", "plus nécessaire", "nicht nötig", "nicht mehr nötig", "nicht erforderlich", "не нужно", "не требуется",
    ]

    /// Whether a denial follows a word placed after its list (`에 의존하지 않음`,
    /// `완료 필요 없음`, `に依存しない`, `不需要`): Korean, Japanese and Chinese
    /// deny after the verb.
    ///
    /// Also after a list (`의존: T002 불필요`, `depends on T004 — no longer
    /// needed`, `(after T003: not required)`): a dash, colon or parenthesis
    /// may stand between.
    static func negatedAfter(_ b: Bytes, _ e: Int, _ hi: Int) -> Bool {
        var k = b.skipSpaces(e, hi)
        while k < hi, b[k] == UInt8(ascii: "-") || b[k] == UInt8(ascii: ":") || b[k] == UInt8(ascii: "(") || b[k] == UInt8(ascii: ",") {
            k = b.skipSpaces(k + 1, hi)
        }
        if b.matches("—", at: k, end: hi) || b.matches("–", at: k, end: hi) || b.matches("（", at: k, end: hi) { k = b.skipSpaces(k + 3, hi) }
        guard k < hi else { return false }
        if b[k] >= 0xE0 {
            return Self.cjkDenials.contains { b.matches($0, at: k, end: hi) }
        }
        // The denial closes the clause (`— no longer needed`, `(not required anymore)`);
        // `(not needed until release)` qualifies the task, not the order.
        for denial in Self.denials where b.matchesLowercase(denial, at: k, end: hi) {
            var e = b.skipSpaces(k + denial.utf8CodeUnitCount, hi)
            for more: StaticString in ["anymore", "any more", "any longer"] where b.matchesLowercase(more, at: e, end: hi) {
                e = b.skipSpaces(e + more.utf8CodeUnitCount, hi)
            }
            return e >= hi || b[e] == 0x0A || b[e] == 0x0D || b[e] == UInt8(ascii: ")") || b[e] == UInt8(ascii: ".") || b[e] == UInt8(ascii: ";")
                || b[e] == UInt8(ascii: ",") || b[e] == UInt8(ascii: "-") || b.matches("—", at: e, end: hi) || b.matches("–", at: e, end: hi)
        }
        return false
    }

    /// Whether the together token at `k` is `||` or `∥`.
    @inline(__always) static func isParallelSymbol(_ b: Bytes, _ k: Int) -> Bool {
        b[k] == UInt8(ascii: "|") || b.matches("∥", at: k, end: b.count)
    }

    /// A sentence end, or a together word that is no symbol: where a run of
    /// lists joined by `||` ends.
    static func endsSymbolRun(_ b: Bytes, _ token: ProseToken) -> Bool {
        if token.kind == .sentenceEnd { return true }
        guard token.kind == .parallel else { return false }
        return !isParallelSymbol(b, token.start)
    }

    /// A word meaning "after" written after its list, with no lead: the list
    /// right before the word comes first, and the list that a few plain words
    /// (a particle) separate from it is the subject: `T008은 T006 후 진행`
    /// is T008 after T006. An item of that subject list that a plain word
    /// precedes ends an earlier clause (`T007은 T004, T008은 T006 후`: T004
    /// is not the subject). Nil when either list is missing.
    func subjectBeforePostfixList(_ b: Bytes, _ tokens: ProseTokens, word: Int, _ from: Int, _ locator: TextLocator)
        -> (subject: ReferenceList, object: ReferenceList)?
    {
        let right = referencesRightBefore(b, tokens, word, from, locator)
        guard !right.references.isEmpty else { return phasesBeforePostfixList(b, tokens, word: word, from, locator) }
        let objectFirst = firstToken(tokens, at: right.start)
        guard objectFirst > tokens.startIndex, tokens[objectFirst - 1].kind == .word || tokens[objectFirst - 1].kind == .filler
        else { return nil }
        let before = referencesRightBefore(b, tokens, objectFirst, from, locator)
        var subject = before.references
        let head = firstToken(tokens, at: before.start)
        if subject.count > 1, head > tokens.startIndex, tokens[head - 1].start >= from, tokens[head - 1].kind == .word {
            subject.removeFirst()
        }
        guard !subject.isEmpty else { return nil }
        return (ReferenceList(references: subject, end: tokens[objectFirst - 1].start), ReferenceList(references: right.references, end: tokens[word].start))
    }

    /// `subjectBeforePostfixList` for phases and stories (`US2 は US1 に依存`,
    /// `US3 必须在 US2 完成后开始`, `US3 在 US2 之后`): the items right before
    /// the word (a word or two between) are the object, the items before them
    /// (a word or two between) the subject; at least one side names a phase.
    func phasesBeforePostfixList(_ b: Bytes, _ tokens: ProseTokens, word: Int, _ from: Int, _ locator: TextLocator)
        -> (subject: ReferenceList, object: ReferenceList)?
    {
        guard let (objectFirst, objectLast) = itemRunBefore(b, tokens, word, from, phases: true), objectFirst > tokens.startIndex,
            tokens[objectFirst - 1].kind == .word || tokens[objectFirst - 1].kind == .filler,
            let (subjectFirst, subjectLast) = itemRunBefore(b, tokens, objectFirst, from, phases: true)
        else { return nil }
        let object = collectReferences(b, tokens, tokens[objectFirst].start, tokens[objectLast].end, locator, worded: wordedIDs)
        let subject = collectReferences(b, tokens, tokens[subjectFirst].start, tokens[subjectLast].end, locator, worded: wordedIDs)
        guard !object.phases.isEmpty || !subject.phases.isEmpty else { return nil }
        return (subject, object)
    }

    /// `leftoverTasks`: the subject's tasks were read after an earlier clause of
    /// the sentence. Such tasks never make a statement with a phase (`… routes
    /// (T021/T026) existing — implement after US1`); tasks that open the
    /// sentence do (`T024 should run after Phase 2`).
    mutating func addStatement(
        predecessors: ReferenceList, successors: ReferenceList, at location: SourceLocation, leftArrow: Bool, group: Int32,
        leftoverTasks: Bool = false
    ) {
        if !predecessors.references.isEmpty, !successors.references.isEmpty {
            statements.append(
                PendingStatement(
                    predecessors: predecessors.references, successors: successors.references, location: location,
                    leftArrow: leftArrow, group: group))
        } else if !predecessors.phases.isEmpty, !successors.phases.isEmpty {
            // `**User Story 3**: Depends on US1 (T003)`: one side names tasks
            // of a phase, the other only a phase; the phases are the statement.
            // A phase on both sides (`**After US1/US2**: …` read as its own
            // subject) only follows: one statement never orders two phases both ways.
            let first = predecessors.phases.filter { !successors.phases.contains($0) }
            guard !first.isEmpty else { return }
            phaseStatements.append(
                PendingPhaseStatement(
                    predecessors: first, successors: successors.phases, successorHeading: -1, location: location))
            // `US2 depends on Phase 2 and T010`: the tasks named beside the
            // phases that are not in them (resolved later) count too.
            guard !leftoverTasks else { return }
            if !predecessors.references.isEmpty, successors.references.isEmpty {
                mixedStatements.append(
                    PendingMixedStatement(
                        phases: successors.phases, references: predecessors.references, phasesFollow: true, location: location,
                        outsidePhases: predecessors.phases))
            } else if !successors.references.isEmpty, predecessors.references.isEmpty {
                mixedStatements.append(
                    PendingMixedStatement(
                        phases: predecessors.phases, references: successors.references, phasesFollow: false, location: location,
                        outsidePhases: successors.phases))
            }
        } else if leftoverTasks {
            return
        } else if predecessors.phases.isEmpty, !predecessors.references.isEmpty, !successors.phases.isEmpty {
            // `**US1 (P1)**: needs T002/T003`: every task of US1 after T002 and T003.
            mixedStatements.append(
                PendingMixedStatement(phases: successors.phases, references: predecessors.references, phasesFollow: true, location: location))
        } else if successors.phases.isEmpty, !successors.references.isEmpty, !predecessors.phases.isEmpty {
            // `Setup blocks T010`: T010 after every task of Setup.
            mixedStatements.append(
                PendingMixedStatement(phases: predecessors.phases, references: successors.references, phasesFollow: false, location: location))
        }
    }

    /// A line inside a top-level ```` ```mermaid ```` fence in a Dependencies section.
    mutating func parseMermaidLine(_ lo: Int, _ hi: Int) {
        let b = bytes
        let p = b.skipSpaces(lo, hi)
        guard p < hi else { return }
        let end = b.trimEnd(p, hi)
        let locator = TextLocator((p, lineNumber, lineStart))
        recordMermaidLabels(b, p, end, locator)
        parseArrowChain(b, p, end, locator, arrows: nil)
    }

    /// Notes the label of every node that this mermaid line writes with one
    /// (`SETUP[Phase 1: Setup]`), so that the node used bare on a later line
    /// of the fence names the same phase or task.
    mutating func recordMermaidLabels(_ b: Bytes, _ lo: Int, _ hi: Int, _ locator: TextLocator) {
        Self.mermaidNodeIDs(b, lo, hi) { k, e, isTask in
            guard !isTask, e < hi, b[e] == UInt8(ascii: "[") || b[e] == UInt8(ascii: "(") || b[e] == UInt8(ascii: "{"),
                mermaidLabels.count < 4096
            else { return }
            var list = ReferenceList(end: e)
            if mermaidLabelItem(b, e, hi, locator, into: &list) { mermaidLabels[b.string(k, e)] = list }
        }
    }
}
