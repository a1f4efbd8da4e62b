/// Explicit dependency clauses in a task's text and reference lists.
///
///     clause    = keyword [":"] list
///     keyword   = "depends on" | "dependencies" | "after" | "requires" | "needs"
///               | "blocked by" | "depende de" | "依赖" | "依存" | "blocks" (reversed) | …
///     list      = item { separator item }
///     separator = "," | "/" | "+" | "&" | "and" | "、" | "，"
///     item      = ID [ ( "-" | "–" | "—" | ".." | "through" | "to" ) ID ]
///
/// A list ends at anything else, so `;`, a full stop or a new clause end it.
enum ClauseKeyword {
    /// The named tasks come first.
    case dependsOn
    /// The named tasks come after (`blocks T011`).
    case blocks
    /// Declared statements only: the subject comes first (`T004 before T008`).
    case before
}

/// A parsed reference list.
struct ReferenceList {
    var references: [Reference] = []
    var phases: [PhaseReference] = []
    var end: Int
}

extension DocumentParser {
    /// The clause keyword starting at `k` and where it ends, or nil: a word of
    /// the vocabulary (`DependencyVocabulary`) that orders tasks and stands
    /// before its list.
    ///
    /// `declared` adds `before`, which only makes sense between two subjects.
    func clauseKeyword(_ b: Bytes, _ k: Int, _ lo: Int, _ hi: Int, declared: Bool) -> (ClauseKeyword, Int)? {
        guard let (word, e) = DependencyVocabulary.match(b, k, lo, hi, roles: .ordering, declared: declared),
            word.placement == .prefix
        else { return nil }
        switch word.role {
        case .blocks: return (.blocks, e)
        case .before: return (.before, e)
        default: return (.dependsOn, e)
        }
    }

    /// Finds every dependency clause in a task's text; records the references and
    /// the spans they cover (those are not searched for file paths), whether
    /// the text states its dependencies, and what it says runs in parallel.
    ///
    /// A clause is a word of the vocabulary and its list: `depends on T003`,
    /// `T003 之后` (a word standing after its list), `parallel with T006`,
    /// `independent`. `None`, `-`, `n/a` after a clause word, and negated
    /// clauses (`no dependencies`, `does not depend on T004`), state that
    /// there are none.
    /// - Complexity: O(n); every byte is looked at a bounded number of times.
    func scanDependencyClauses(
        _ b: Bytes, _ lo: Int, _ hi: Int, _ locator: TextLocator, into facts: inout TaskTextFacts,
        excluded: inout [(Int, Int)], ownID: String? = nil
    ) {
        // Most texts hold no clause word: one table load per word rules them out,
        // and only the text from the first clause word on is lexed.
        var first = lo
        var firstWord: (word: DependencyWord, end: Int)?
        while first < hi {
            let c = b[first]
            if c >= 0xC0 || (c.isLetter && (first == lo || !b[first - 1].isWordByte)) {
                let possible = c >= 0xC0 ? DependencyVocabulary.isLeadByte(c) : DependencyVocabulary.mayStart(b, first, hi)
                if possible, let found = DependencyVocabulary.match(b, first, lo, hi, roles: .clause, declared: false) {
                    firstWord = found
                    break
                }
                // Skip the rest of the word (one character of a non-ASCII script).
                first += 1
                if c < 0x80 {
                    while first < hi, b[first].isWordByte { first += 1 }
                } else {
                    while first < hi, b[first] & 0xC0 == 0x80 { first += 1 }
                }
            } else {
                first += 1
            }
        }
        guard let firstWord else { return }
        var tokens: [ProseToken] = []
        swap(&tokens, &facts.tokens)
        defer { swap(&tokens, &facts.tokens) }
        // The first clause word is the first token; the lexer reads on after it.
        tokens.removeAll(keepingCapacity: true)
        tokens.append(
            ProseToken(
                kind: firstWord.word.role.tokenKind, start: first, end: firstWord.end, role: firstWord.word.role,
                placement: firstWord.word.placement, language: firstWord.word.language))
        lexDependencyProse(b, lo, hi, worded: wordedIDs, declared: false, into: &tokens, from: firstWord.end, clauseWordsOnly: true)
        var k = first
        for token in tokens {
            // Tokens before `k` were read with the clause before.
            guard token.start >= k, token.kind == .dependency || token.kind == .parallel, let role = token.role else { continue }
            k = token.start
            let word = (role: role, placement: token.placement, first: b[token.start])
            let wordEnd = token.end
            switch word.role {
            case .parallel, .independent:
                k = scanTogether(b, lo, hi, k, wordEnd, role: word.role, first: word.first, locator, into: &facts, excluded: &excluded)
                continue
            default:
                break
            }
            let negated = isNegated(b, lo, k)
            if word.placement == .postfix {
                // `T003 之后`, `T001完了後`, `T002 이후`: the references right before the word.
                let (before, from) = referencesRightBefore(b, lo, k, locator)
                if !before.isEmpty {
                    facts.statesDependencies = true
                    if !negated { facts.references.append((before, false)) }
                    excluded.append((from, wordEnd))
                }
                k = wordEnd
                continue
            }
            let kind: ClauseKeyword = word.role == .blocks ? .blocks : .dependsOn
            let keywordEnd = wordEnd
            let listStart = skipFillers(b, keywordEnd, hi)
            let list = parseReferenceList(b, listStart, hi, locator, skipWords: 0, phases: true)
            if negated || isFieldName(b, keywordEnd, hi) || noneWordEnd(b, listStart, hi) != nil {
                facts.statesDependencies = true
            }
            // `Dependencies: T218 must complete before T284`: the field holds a
            // sentence with a subject of its own, not a list of what comes first.
            if list.references.count == 1, list.phases.isEmpty,
                let idEnd = firstItemEnd(b, listStart, hi), startsClause(b, idEnd, hi, needsHelper: true)
            {
                facts.statesDependencies = true
                // `T218 must complete before T284, T397` in T218's own text: T218 blocks them.
                if let ownID, list.references[0].id == ownID, list.references[0].upTo == nil,
                    let (word, j) = clauseWordAfter(b, idEnd, hi, needsHelper: true), word.role == .before || word.role == .blocks,
                    let wordEnd = DependencyVocabulary.match(b, j, j, hi, roles: RoleSet(word.role), declared: true)?.end
                {
                    let object = parseReferenceList(b, wordEnd, hi, locator, skipWords: 2, phases: false)
                    if !object.references.isEmpty, !negated {
                        facts.references.append((object.references, true))
                        excluded.append((k, object.end))
                        k = object.end
                        continue
                    }
                }
                k = idEnd
                continue
            }
            if list.references.isEmpty, list.phases.isEmpty, word.first >= 0xE0 {
                // `（T013, T015 依存）`: a CJK clause word may also follow its list.
                let (before, from) = referencesRightBefore(b, lo, k, locator)
                if !before.isEmpty {
                    facts.statesDependencies = true
                    if !negated { facts.references.append((before, kind == .blocks)) }
                    excluded.append((from, keywordEnd))
                    k = keywordEnd
                    continue
                }
            }
            if !list.references.isEmpty || !list.phases.isEmpty {
                facts.statesDependencies = true
                excluded.append((k, list.end))
                // `does not depend on T001`, `never needs T003`: no order, and no paths either.
                if !list.references.isEmpty, !negated { facts.references.append((list.references, kind == .blocks)) }
                if kind != .blocks, !negated { facts.phaseReferences += list.phases }
                k = max(list.end, keywordEnd)
            } else {
                k = keywordEnd
            }
        }
    }

    /// `parallel with T006`, `independent`, `与 T006 并行` in a task's text, at
    /// the word `word` (`k..<wordEnd`); returns where reading goes on.
    private func scanTogether(
        _ b: Bytes, _ lo: Int, _ hi: Int, _ k: Int, _ wordEnd: Int, role: DependencyRole, first: UInt8, _ locator: TextLocator,
        into facts: inout TaskTextFacts, excluded: inout [(Int, Int)]
    ) -> Int {
        let word = (role: role, first: first)
        guard !isNegatedTogether(b, lo, k) else { return wordEnd }
        guard let object = togetherObject(b, wordEnd, hi, locator, role: word.role) else { return wordEnd }
        if word.role == .independent, object.standalone, isClauseBoundary(before: k, b, lo) {
            // `(independent)`, `**Independent**`: this task waits for nothing.
            facts.independent = true
            facts.statesDependencies = true
            return wordEnd
        }
        var references = object.list.references
        let phases = object.list.phases
        if references.isEmpty, phases.isEmpty, word.first >= 0xE0 {
            // `与 T006 并行`, `T006と並列実行可能`: the tasks stand before the word.
            references = referencesRightBefore(b, lo, k, locator, connectors: true).references
        }
        guard !references.isEmpty || !phases.isEmpty else { return wordEnd }
        if word.role == .independent { facts.statesDependencies = true }
        facts.together.append((references, phases, locator.location(k)))
        excluded.append((k, max(wordEnd, object.list.end)))
        return max(wordEnd, object.list.end)
    }

    /// Whether `k` starts a clause: the text, a line, or a punctuation mark
    /// (`(`, `-`, `,`, `:`, `*`, `[`, full-width marks) comes right before it.
    func isClauseBoundary(before k: Int, _ b: Bytes, _ lo: Int) -> Bool {
        var j = k
        while j > lo, b[j - 1].isSpaceOrTab || b[j - 1] == UInt8(ascii: "*") || b[j - 1] == UInt8(ascii: "_") { j -= 1 }
        guard j > lo else { return true }
        let c = b[j - 1]
        if c < 0x80 { return !c.isWordByte }
        // `（`, `，`, `：`, `、`, `。`: full-width punctuation (EF BC xx, E3 80 xx).
        return j - 3 >= lo && (b[j - 3] == 0xEF || b[j - 3] == 0xE3 && b[j - 2] == 0x80)
    }

    /// What follows a `parallel` / `independent` word: `with T006`, `of US2`,
    /// `of other stories`, `: T005, T006`; nil when a plain word follows
    /// `independent` (`Independent Test`), which states nothing.
    func togetherObject(_ b: Bytes, _ start: Int, _ hi: Int, _ locator: TextLocator, role: DependencyRole)
        -> (list: ReferenceList, otherStories: Bool, standalone: Bool, unnamedPartner: Bool)?
    {
        var j = b.skipSpaces(start, hi)
        while j < hi, b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: "_") { j += 1 }
        j = b.skipSpaces(j, hi)
        var connected = false
        if let (_, e) = DependencyVocabulary.match(b, j, j, hi, roles: RoleSet(.connector), declared: true) {
            j = b.skipSpaces(e, hi)
            connected = true
        }
        if connected, let (_, e) = DependencyVocabulary.match(b, j, j, hi, roles: RoleSet(.otherStories), declared: true) {
            return (ReferenceList(end: e), true, false, false)
        }
        // `independent of each other`, `independientes entre sí`: the subject's tasks among themselves.
        if let (_, e) = DependencyVocabulary.match(b, j, j, hi, roles: RoleSet(.eachOther), declared: true) {
            return (ReferenceList(end: e), false, false, false)
        }
        let list = parseReferenceList(b, j, hi, locator, skipWords: 0, phases: true)
        if !list.references.isEmpty || !list.phases.isEmpty { return (list, false, false, false) }
        // Nothing named after the word: it stands alone when punctuation or
        // the end follows; a plain word after `independent` makes it an adjective.
        let standalone = j >= hi || !(b[j].isWordByte || (b[j] >= 0xC3 && !isFullWidthPunctuation(b, j, hi)))
        if role == .independent, !standalone, !connected { return nil }
        // `in parallel with implementation`: a partner that names no task or phase.
        return (ReferenceList(end: start), false, standalone && !connected, connected)
    }

    private func isFullWidthPunctuation(_ b: Bytes, _ k: Int, _ hi: Int) -> Bool {
        k + 2 < hi && (b[k] == 0xEF && b[k + 1] == 0xBC || b[k] == 0xE3 && b[k + 1] == 0x80)
    }

    /// Whether a `parallel` word at `k` is denied: `must not run in parallel`,
    /// `cannot run in parallel`, `not independent`, or `不能并行`.
    func isNegatedTogether(_ b: Bytes, _ lo: Int, _ k: Int) -> Bool {
        var e = k
        for _ in 0..<4 {
            while e > lo, b[e - 1].isSpaceOrTab || b[e - 1] == UInt8(ascii: "*") { e -= 1 }
            if isNegated(b, lo, e) { return true }
            var s = e
            while s > lo, b[s - 1].isLetter { s -= 1 }
            guard s < e, s > lo else { return false }
            e = s
        }
        return false
    }

    /// The task references right before `k`, in the clause that holds it:
    /// `T001、T002完了後` gives T001 and T002. With `connectors`, a word of
    /// joining (`与`, `と`, `with`) may stand between them and `k`.
    func referencesRightBefore(_ b: Bytes, _ lo: Int, _ k: Int, _ locator: TextLocator, connectors: Bool = false)
        -> (references: [Reference], start: Int)
    {
        let start = sentenceStart(b, lo, k)
        var clauseStart = start
        var j = k
        // The clause: back to an opening parenthesis, a line break or an arrow.
        while j > start {
            let c = b[j - 1]
            if c == 0x0A || c == UInt8(ascii: "(") || c == UInt8(ascii: ">") || (j - 3 >= start && (b.matches("（", at: j - 3, end: k) || b.matches("→", at: j - 3, end: k))) {
                clauseStart = j
                break
            }
            j -= 1
        }
        var found: [Reference] = []
        var first = k
        var lastEnd = clauseStart
        var i = clauseStart
        while i < k {
            if b[i] == UInt8(ascii: "T"), let (item, e) = item(b, i, k, phases: false), case .task(let idEnd, let secondStart) = item {
                if found.isEmpty { first = i }
                found.append(Reference(b, i, idEnd, secondStart, e, locator))
                lastEnd = e
                i = e
            } else {
                i += 1
            }
        }
        // Only a short gap between the last reference and the word (`完成`, `の`, `와`, spaces).
        guard !found.isEmpty, k - lastEnd <= (connectors ? 16 : 12) else { return ([], k) }
        return (found, first)
    }

    /// Whether `:` (or `**:`) follows a clause word: `Dependencies:`, `**Depends on**:` name a field.
    func isFieldName(_ b: Bytes, _ keywordEnd: Int, _ hi: Int) -> Bool {
        var j = keywordEnd
        while j < hi, b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: "_") || b[j].isSpaceOrTab { j += 1 }
        guard j < hi, b[j] == UInt8(ascii: ":") || b[j] == 0xEF else { return false }
        return DependencyVocabulary.match(b, j, j, hi, roles: RoleSet(.colon), declared: true) != nil
    }

    /// Where a word meaning "none" ends at `k` (`None`, `n/a`, `-`, `なし`, `无`), or nil.
    func noneWordEnd(_ b: Bytes, _ start: Int, _ hi: Int) -> Int? {
        var k = start
        while k < hi, b[k].isSpaceOrTab || b[k] == UInt8(ascii: ":") || b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "(")
            || b[k] == UInt8(ascii: "`") || b[k] == UInt8(ascii: "_")
        {
            k += 1
        }
        if b.matches("：", at: k, end: hi) { k = b.skipSpaces(k + 3, hi) }
        guard k < hi else { return nil }
        // A dash alone: `Depends on: -`, `Dependencies: —`.
        if b[k] == UInt8(ascii: "-") || b[k] == 0xE2, let (_, e) = DependencyVocabulary.match(b, k, k, hi, roles: RoleSet(.range), declared: true) {
            var j = e
            while j < hi, b[j].isSpaceOrTab || b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: ")") { j += 1 }
            return j >= hi || b[j] == 0x0A || b[j] == UInt8(ascii: "|") ? e : nil
        }
        return DependencyVocabulary.match(b, k, k, hi, roles: RoleSet(.none), declared: false)?.end
    }

    /// Parses a reference list starting at `start` (after a keyword).
    ///
    /// `skipWords` lets declared statements step over a few plain words first
    /// (`before implementation (T008-T014)`); `phases` also accepts `Phase 2`,
    /// `US1` and `User Story 1`.
    func parseReferenceList(
        _ b: Bytes, _ start: Int, _ hi: Int, _ locator: TextLocator, skipWords: Int, phases: Bool
    ) -> ReferenceList {
        var list = ReferenceList(end: start)
        var k = skipListOpening(b, start, hi)
        // `Depends on:` and the IDs as sub-bullets below it, one per line.
        let bulleted = k < hi && k > start && b[start..<k].contains(0x0A) && bulletEnd(b, k, hi) != nil
        if bulleted, let e = bulletEnd(b, k, hi) { k = skipListOpening(b, e, hi) }
        var wordsLeft = skipWords
        while wordsLeft > 0, k < hi, item(b, k, hi, phases: phases) == nil {
            // Step over one plain word (not across a sentence end, and not over
            // a clause word: `Depends on Foundational — BLOCKS US2` has two clauses).
            let c = b[k]
            if c.isLetter, clauseKeyword(b, k, k, hi, declared: true) != nil { return list }
            if c == UInt8(ascii: ";") || c == UInt8(ascii: ".") || c == 0x0A || c == UInt8(ascii: ")") || c == UInt8(ascii: ",") {
                return list
            }
            while k < hi, !b[k].isSpaceOrTab, b[k] != UInt8(ascii: "("), b[k] != UInt8(ascii: ",") {
                // A sentence ends in the word (`phase. T024`, `なし。ただし`): so does the list.
                if sentenceEndEnd(b, k, hi) != nil { return list }
                k += 1
            }
            k = skipListOpening(b, k, hi)
            wordsLeft -= 1
        }
        while k < hi, let (found, e) = item(b, k, hi, phases: phases) {
            // `depends on T014, T018 depends on T015`: an item that a clause
            // word follows starts the next clause.
            if !list.references.isEmpty || !list.phases.isEmpty, startsClause(b, e, hi) { break }
            var isPhase = false
            switch found {
            case .task(let idEnd, let secondStart):
                list.references.append(Reference(b, k, idEnd, secondStart, e, locator))
            case .phase(let ps):
                // `US1's payment wiring (T044)`: the phase qualifies the tasks named after it.
                if let (references, end) = possessiveTasks(b, e, hi, locator) {
                    list.references += references
                    list.end = end
                    k = end
                    guard let next = separatorEnd(b, b.skipSpaces(end, hi), hi) else { break }
                    k = skipSpacesAndNewlines(b, next, hi)
                    continue
                }
                list.phases += ps
                isPhase = true
            }
            list.end = e
            // After an item: optional closing marks and a short parenthetical note.
            var j = e
            while j < hi, b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: "`") { j += 1 }
            j = skipSpacesAndNewlines(b, j, hi)
            if j < hi, b[j] == UInt8(ascii: "(") {
                var close = j + 1
                while close < hi, close - j < 120, b[close] != UInt8(ascii: ")"), b[close] != UInt8(ascii: "(") { close += 1 }
                if close < hi, b[close] == UInt8(ascii: ")") {
                    // A phase's note restates it (`Foundational (Phase 2)`) or
                    // names its tasks (`Polish (T019-T023)`): the tasks count,
                    // and the note is part of the item, never the next clause's subject.
                    if isPhase {
                        list.references += taskReferences(b, j + 1, close, locator)
                        list.end = close + 1
                    }
                    j = skipSpacesAndNewlines(b, close + 1, hi)
                }
            }
            // `T002 (types) from Setup`: where the item comes from is part of it,
            // not the next clause's subject.
            if let f = b.matchesLowercaseWords("from ", at: j, end: hi), let (_, e) = item(b, f, hi, phases: true) {
                list.end = e
                j = skipSpacesAndNewlines(b, e, hi)
            }
            var next = separatorEnd(b, j, hi)
            if next == nil, bulleted, j > e, b[e..<j].contains(0x0A), let after = bulletEnd(b, j, hi) { next = after }
            guard let next else { break }
            k = skipSpacesAndNewlines(b, next, hi)
            if let again = separatorEnd(b, k, hi) { k = skipSpacesAndNewlines(b, again, hi) }  // `, and`
            while k < hi, b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "`") { k += 1 }
        }
        return list
    }

    /// After a phase item ending at `e`: `'s` and a few words, then a note
    /// naming tasks (`US1's payment wiring (T044)`): those tasks and where the note ends.
    func possessiveTasks(_ b: Bytes, _ e: Int, _ hi: Int, _ locator: TextLocator) -> ([Reference], Int)? {
        var j = e
        if b.matches("'s", at: j, end: hi) {
            j += 2
        } else if b.matches("’s", at: j, end: hi) {
            j += 4
        } else {
            return nil
        }
        guard b.isWordEnd(j, hi) else { return nil }
        var limit = j
        while limit < hi, limit - j < 60, b[limit] != UInt8(ascii: "("), b[limit] != UInt8(ascii: ","), b[limit] != 0x0A,
            sentenceEndEnd(b, limit, hi) == nil
        {
            limit += 1
        }
        guard limit < hi, b[limit] == UInt8(ascii: "(") else { return nil }
        var close = limit + 1
        while close < hi, close - limit < 80, b[close] != UInt8(ascii: ")") { close += 1 }
        guard close < hi else { return nil }
        let references = taskReferences(b, limit + 1, close, locator)
        return references.isEmpty ? nil : (references, close + 1)
    }

    /// Whether a clause word follows an item ending at `e`, after at most a
    /// short note and a few helper words: `T018 depends on`, `T016 independent`,
    /// `T012 (API) can run in parallel`.
    func startsClause(_ b: Bytes, _ e: Int, _ hi: Int, needsHelper: Bool = false) -> Bool {
        guard let (word, j) = clauseWordAfter(b, e, hi, needsHelper: needsHelper) else { return false }
        // `after` / `once` after an item go on with its list (`T004 and T005 after T001` is rare);
        // the words that a subject takes do start a clause.
        return word.placement == .prefix && word.role != .after || isSubjectVerb(b, j, hi)
    }

    /// The clause word after an item ending at `e` (see `startsClause`) and where it starts.
    func clauseWordAfter(_ b: Bytes, _ e: Int, _ hi: Int, needsHelper: Bool) -> (DependencyWord, Int)? {
        var j = b.skipSpaces(e, hi)
        while j < hi, b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: "`") { j += 1 }
        j = b.skipSpaces(j, hi)
        if j < hi, b[j] == UInt8(ascii: "(") {
            var close = j + 1
            while close < hi, close - j < 60, b[close] != UInt8(ascii: ")"), b[close] != UInt8(ascii: "("), b[close] != 0x0A { close += 1 }
            guard close < hi, b[close] == UInt8(ascii: ")") else { return nil }
            j = b.skipSpaces(close + 1, hi)
        }
        for step in 0..<3 {
            guard j < hi else { return nil }
            if step > 0 || !needsHelper, let (word, _) = DependencyVocabulary.match(b, j, j, hi, roles: .clause, declared: true) {
                return (word, j)
            }
            guard let (_, e) = Vocabulary.helperVerbs.lazy.compactMap({ w in
                b.matchesLowercaseWords(w, at: j, end: hi).flatMap { b.isWordEnd($0, hi) ? (w, $0) : nil }
            }).first else { return nil }
            j = b.skipSpaces(e, hi)
        }
        return nil
    }

    /// Where the list item at the first reference from `start` ends.
    func firstItemEnd(_ b: Bytes, _ start: Int, _ hi: Int) -> Int? {
        let k = skipListOpening(b, start, hi)
        return item(b, k, hi, phases: false)?.1
    }

    /// `depends on`, `requires`, `needs`, `waits for`: "after" words that a subject takes as verbs.
    func isSubjectVerb(_ b: Bytes, _ j: Int, _ hi: Int) -> Bool {
        Vocabulary.subjectVerbs.contains { verb in
            guard let e = b.matchesLowercaseWords(verb, at: j, end: hi) else { return false }
            return verb.utf8Start[0] >= 0x80 || b.isWordEnd(e, hi)
        }
    }

    /// After a clause word in a task's text, the words that may come before
    /// its list: `depends on completion of T011`, `after the tasks T003, T004`.
    func skipFillers(_ b: Bytes, _ start: Int, _ hi: Int) -> Int {
        var k = b.skipSpaces(start, hi)
        var progressed = true
        // `after Task 2`: in a document of worded IDs the word is the ID's.
        while progressed, !wordedIDs || b.wordedID(at: k, end: hi) == nil {
            progressed = false
            if let (_, e) = DependencyVocabulary.match(b, k, k, hi, roles: RoleSet(.filler), declared: false) {
                k = skipSpacesAndNewlines(b, e, hi)
                progressed = true
            }
        }
        return k > b.skipSpaces(start, hi) ? k : start
    }

    /// The task IDs and ranges in `lo..<hi`, skipping everything else.
    func taskReferences(_ b: Bytes, _ lo: Int, _ hi: Int, _ locator: TextLocator) -> [Reference] {
        var references: [Reference] = []
        var k = lo
        while k < hi {
            if b[k] == UInt8(ascii: "T") || wordedIDs, let (found, e) = item(b, k, hi, phases: false),
                case .task(let idEnd, let secondStart) = found
            {
                references.append(Reference(b, k, idEnd, secondStart, e, locator))
                k = e
            } else {
                k += 1
            }
        }
        return references
    }

    /// One list item at `k` (see `proseItem`), IDs read as this document writes them.
    @inline(__always) func item(_ b: Bytes, _ k: Int, _ hi: Int, phases: Bool) -> (ListItem, Int)? {
        proseItem(b, k, hi, phases: phases, worded: wordedIDs)
    }

    /// Every task and phase reference between `lo` and `hi` (declared statement subjects
    /// and arrow-chain parts).
    ///
    /// A word inside parentheses never names another phase: in `US2 (Cluster
    /// Setup)` the parenthesis is US2's title, not the Setup phase.
    func collectReferences(_ b: Bytes, _ lo: Int, _ hi: Int, _ locator: TextLocator) -> ReferenceList {
        var list = ReferenceList(end: hi)
        var k = lo
        var depth = 0
        while k < hi {
            let c = b[k]
            if c == UInt8(ascii: "(") || b.matches("（", at: k, end: hi) {
                depth += 1
            } else if depth > 0, c == UInt8(ascii: ")") || b.matches("）", at: k, end: hi) {
                depth -= 1
            }
            if (c == UInt8(ascii: "T") || c == UInt8(ascii: "U") || c == UInt8(ascii: "P") || c == UInt8(ascii: "S")
                || c == UInt8(ascii: "p") || c == UInt8(ascii: "u") || c == UInt8(ascii: "s")
                || c == UInt8(ascii: "F") || c == UInt8(ascii: "A") || c == UInt8(ascii: "a")
                || (wordedIDs && (c == UInt8(ascii: "t") || c >= 0x80))),
                b.isWordStart(k, lo), let (found, e) = item(b, k, hi, phases: true)
            {
                switch found {
                case .task(let idEnd, let secondStart):
                    list.references.append(Reference(b, k, idEnd, secondStart, e, locator))
                case .phase(let ps):
                    for p in ps where !list.phases.contains(p) {
                        if depth > 0, case .named = p { continue }
                        list.phases.append(p)
                    }
                }
                k = e
                continue
            }
            k += 1
        }
        return list
    }
}

/// Word lists, built once (a literal array inside a function allocates on every call).
enum Vocabulary {
    /// Words between a subject and its clause word: `T012 can run in parallel`, `T018 also depends on`.
    static let helperVerbs: [StaticString] = [
        "can run", "can be", "can start", "can", "is", "are", "must", "should", "will", "may", "also", "then", "only",
        "runs", "run", "is fully", "fully", "still", "complete", "be complete", "be completed", "finish", "be done",
        "start", "starts", "begin", "begins", "só", "solo", "only",
    ]
    /// "After" words that read as a verb of the item before them (`T018 depends on T015`).
    static let subjectVerbs: [StaticString] = [
        "depends", "depend", "requires", "require", "needs", "waits", "wait", "is blocked", "blocked by", "depende",
        "dépend", "requer", "requiere", "benötigt", "зависит", "依赖", "依賴", "依存",
    ]
    /// Barrier phases named by a word of their title (spec-kit's template names).
    static let phaseNames: [StaticString] = ["setup", "foundational", "polish"]
    static let teamWords: [StaticString] = ["developer", "dev ", "team ", "engineer", "person "]
    static let estimateSuffixes: [StaticString] = ["imated", "imate", "."]
    static let estimateWords: [StaticString] = ["time", "effort", "duration", "hours"]
    static let units: [(StaticString, Double)] = [
        ("minutes", 1.0 / 60), ("minute", 1.0 / 60), ("mins", 1.0 / 60), ("min", 1.0 / 60), ("m", 1.0 / 60),
        ("hours", 1), ("hour", 1), ("hrs", 1), ("hr", 1), ("h", 1),
        ("days", 8), ("day", 8), ("d", 8),
        ("weeks", 40), ("week", 40), ("wks", 40), ("wk", 40), ("w", 40),
    ]
    static let abbreviations: [StaticString] = ["e.g", "i.e", "a.k.a", "n.b", "vs", "etc", "cf", "approx", "p.s"]
    static let productNames: [StaticString] = [
        "node.js", "vue.js", "next.js", "nuxt.js", "express.js", "three.js", "d3.js", "chart.js", "react.js",
        "angular.js", "ember.js", "backbone.js", "nest.js", "alpine.js", "moment.js", "day.js", "p5.js",
        "socket.io", "asp.net", ".net", "ado.net", "vb.net", "knockout.js", "meteor.js", "solid.js", "svelte.js",
        "hapi.js", "koa.js", "deno.js", "bun.js", "pixi.js", "phaser.js", "anime.js", "video.js",
        "leaflet.js", "mapbox.js", "plotly.js", "ml5.js", "tensorflow.js", "brain.js", "immer.js", "zod.js",
        "ethers.js", "web3.js", "htmx.org", "cal.com", "nextauth.js", "passport.js", "sequelize.js", "preact.js",
        "handlebars.js", "mongoose.js", "lodash.js", "jquery.js", "typeorm.io", "discord.js", "electron.js",
    ]
    static let statusWords: [(StaticString, TaskStatus)] = [
        ("✅", .done), ("✔", .done), ("☑", .done), ("done", .done), ("complete", .done), ("completed", .done),
        ("x", .done), ("finished", .done), ("closed", .done), ("merged", .done), ("implemented", .done),
        ("in progress", .inProgress), ("in-progress", .inProgress), ("in_progress", .inProgress),
        ("wip", .inProgress), ("🚧", .inProgress), ("🔄", .inProgress), ("started", .inProgress),
        ("ongoing", .inProgress), ("doing", .inProgress),
        ("skipped", .skipped), ("skip", .skipped), ("cancelled", .skipped), ("canceled", .skipped),
        ("dropped", .skipped), ("won't do", .skipped), ("wontfix", .skipped), ("~", .skipped),
        ("已完成", .done), ("完了", .done), ("完成", .done), ("済", .done), ("进行中", .inProgress), ("進行中", .inProgress),
        ("对应中", .inProgress), ("対応中", .inProgress), ("未着手", .todo), ("未开始", .todo), ("待办", .todo),
        ("todo", .todo), ("to do", .todo), ("to-do", .todo), ("pending", .todo), ("not started", .todo),
        ("open", .todo), ("blocked", .todo), ("planned", .todo), ("⏳", .todo), ("⬜", .todo),
    ]
}

extension Reference {
    /// The reference an item scan found: the ID at `lo..<idEnd`, and for a
    /// range the second ID from `secondStart` to `end`.
    init(_ b: Bytes, _ lo: Int, _ idEnd: Int, _ secondStart: Int?, _ end: Int, _ locator: TextLocator) {
        self.init(id: b.taskIDString(lo, idEnd), upTo: secondStart.map { b.taskIDString($0, end) }, location: locator.location(lo))
    }
}
