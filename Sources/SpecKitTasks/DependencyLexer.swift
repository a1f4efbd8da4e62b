/// The lexer of dependency prose: bytes in, typed tokens with byte offsets out.
///
///     T016 independent, T017 depends on T014; US2 (Cluster Setup) → T020
///     ID   PARALLEL   SEP ID   DEPENDS(after) ID END PHASE(title)  ARROW ID
///
/// Every word it knows comes from one table, `DependencyVocabulary`: the
/// dependency words of every language with their role and direction, the
/// joining and range words, and the symbols (arrows, separators, sentence
/// ends, parentheses). IDs, ranges and phase references are read by
/// `proseItem`; a phase reference takes its parenthesised title with it, so
/// a word inside `US2 (Cluster Setup)` never names another phase.
///
/// The lexer works on bytes, allocates nothing per token (the caller's
/// buffer is emptied and reused), and skips trivia: blanks, line breaks,
/// emphasis (`*`, `_`) and backticks.

/// What a token of dependency prose is.
enum ProseTokenKind: UInt8, Sendable {
    /// A task ID: `T012`, or a worded ID in a document of worded IDs (`Task 3`, `任务 1.1`).
    case id
    /// Two IDs joined by a range word: `T004-T007`, `T004 through T007`; `second` is where the second ID starts.
    case range
    /// A phase or story reference (`Phase 2`, `US1`, `User Story 3`, `Setup`,
    /// `all user stories`), with its parenthesised title if one follows
    /// (`title` is where that parenthesis opens).
    case phase
    /// An arrow; `DependencyRole.arrow` points forward, `.arrowBack` back.
    case arrow
    /// A list separator: `,`, `/`, `+`, `&`, `and`, `e`, `y`, `et`, `und`, `и`, `和`, `、`.
    case separator
    /// A word that orders tasks (`depends on`, `after`, `blocks`, `before`,
    /// `依赖`, `完了後`): its role says which way, its placement whether its list precedes it.
    case dependency
    /// `parallel`, `independent` and their kin in every language.
    case parallel
    /// `no`, `not`, `without`, `sem`, `sin`, `sans`, `ohne`, `без`, `不`, and any word ending in `n't`.
    case negation
    /// An empty list: `None`, `n/a`, `なし`, `无`.
    case none
    /// Words between a dependency word and its list: `completion of`, `the tasks`.
    case filler
    /// `;`, `；`, `。`, `.` before a blank.
    case sentenceEnd
    case open
    case close
    /// `:` or `：`.
    case colon
    /// A dash that joins no range: `—`, `–`, `-`.
    case dash
    /// Any other word (one token per run of letters; a run of CJK characters is one word).
    case word
    /// Any other mark.
    case mark
}

/// One token: its kind, where it is (byte offsets into the text read), and
/// for vocabulary words the row's role, placement and language.
struct ProseToken: Equatable, Sendable {
    var kind: ProseTokenKind
    var start: Int
    var end: Int
    /// The vocabulary role of a word or symbol (nil for IDs, phases and plain words).
    var role: DependencyRole?
    var placement: WordPlacement = .prefix
    /// Index into `DependencyVocabulary.languageCodes` for vocabulary words.
    var language: UInt8 = 0
    /// A range: where its second ID starts. A phase with a title: where the title's parenthesis opens.
    var inner: Int?

    /// A list item: a task ID, a range or a phase reference.
    @inline(__always) var isItem: Bool { kind == .id || kind == .range || kind == .phase }
}

/// Reads `lo..<hi` into `tokens` (emptied first, its storage kept).
///
/// `worded`: the document's tasks have worded IDs, so `Task 3` is an ID.
/// `declared`: words read only in Dependencies sections (`before`, `block`) count.
/// - Complexity: O(hi - lo) for plain words; an ID, range or phase reference
///   costs its own length, a vocabulary lookup the words starting with its first byte.
/// `symbolShortcut: false` looks every symbol up in the vocabulary,
/// `sharpItems: false` reads every word at `T` or `U` as a possible item,
/// and `tokenWords: false` looks up every word that a row of any role may
/// start, not only the rows that make tokens (tests compare each with the shortcut).
func lexDependencyProse(
    _ b: Bytes, _ lo: Int, _ hi: Int, worded: Bool, declared: Bool, into tokens: inout [ProseToken], symbolShortcut: Bool = true,
    sharpItems: Bool = true, tokenWords: Bool = true
) {
    tokens.removeAll(keepingCapacity: true)
    let tables = DependencyVocabulary.Tables.current
    var k = lo
    while k < hi {
        let c = b[k]
        if c.isWhitespace || c == UInt8(ascii: "*") || c == UInt8(ascii: "`") || (c == UInt8(ascii: "_") && (k == lo || !b[k - 1].isWordByte)) {
            k += 1
            continue
        }
        let wordStart = k == lo || !b[k - 1].isWordByte
        if wordStart, mayStartItem(b, k, hi, worded: worded, tables, sharp: sharpItems),
            let (item, e) = proseItem(b, k, hi, phases: true, worded: worded)
        {
            switch item {
            case .task(_, let second):
                tokens.append(ProseToken(kind: second == nil ? .id : .range, start: k, end: e, inner: second))
                k = e
            case .phase:
                let title = titleEnd(b, e, hi)
                tokens.append(ProseToken(kind: .phase, start: k, end: title?.end ?? e, inner: title?.open))
                k = title?.end ?? e
            }
            continue
        }
        // `,` `/` `(` `)` `:` `;`: the one row of the byte, taken without the
        // lookup (what `match` would return, ending one byte on).
        if symbolShortcut, let word = DependencyVocabulary.singleByteSymbol(c, tables), RoleSet.all.contains(word.role) {
            tokens.append(
                ProseToken(kind: word.role.tokenKind, start: k, end: k + 1, role: word.role, placement: word.placement, language: word.language))
            k += 1
            continue
        }
        if c.isLetter && wordStart
            ? DependencyVocabulary.mayStartAnyWord(b, k, hi, tables, tokens: tokenWords) : DependencyVocabulary.hasRows(startingWith: c, tables),
            let (word, e) = DependencyVocabulary.match(b, k, lo, hi, roles: .all, declared: declared, tables)
        {
            // `after the Task 1`, `después de la Tarea 3`: in a document of worded
            // IDs a filler ends where a worded ID starts (`the`, `la`), and the ID is one.
            let end = worded && word.role == .filler ? wordedIDStart(b, k + 1, e, hi) ?? e : e
            tokens.append(
                ProseToken(
                    kind: word.role.tokenKind, start: k, end: b.trimEnd(k, end), role: word.role, placement: word.placement,
                    language: word.language))
            k = end
            continue
        }
        // Not in the vocabulary: a plain word, character or mark.
        let start = k
        if c < 0x80, c.isWordByte {
            k = b.wordBytesEnd(k, hi)
            while k < hi, b[k].isWordByte || (b[k] >= 0xC3 && b[k] < 0xE0 && k + 1 < hi) {
                k += b[k] < 0x80 ? 1 : 2
            }
            // `doesn't`, `can't`, `won’t`: a negation.
            if k > start, b[k - 1].lowercased == UInt8(ascii: "n") {
                if k + 1 < hi, b[k] == UInt8(ascii: "'"), b[k + 1].lowercased == UInt8(ascii: "t"), b.isWordEnd(k + 2, hi) {
                    tokens.append(ProseToken(kind: .negation, start: start, end: k + 2, role: .negation))
                    k += 2
                    continue
                }
                if b.matches("’", at: k, end: hi), k + 3 < hi, b[k + 3].lowercased == UInt8(ascii: "t"), b.isWordEnd(k + 4, hi) {
                    tokens.append(ProseToken(kind: .negation, start: start, end: k + 4, role: .negation))
                    k += 4
                    continue
                }
            }
        } else if c >= 0xC3, c < 0xE0 {
            // A letter of a two-byte script (Cyrillic, accented Latin): the rest of the word.
            k = min(hi, k + 2)
            while k < hi, b[k].isWordByte || (b[k] >= 0xC3 && b[k] < 0xE0 && k + 1 < hi) {
                k += b[k] < 0x80 ? 1 : 2
            }
        } else if c >= 0xC0 {
            // One character of another script; runs of them make one word.
            k += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            k = min(k, hi)
            if let last = tokens.last, last.kind == .word, last.end == start, b[last.start] >= 0xE0 {
                tokens[tokens.count - 1].end = k
                continue
            }
        } else {
            k += 1
            tokens.append(ProseToken(kind: .mark, start: start, end: k))
            continue
        }
        tokens.append(ProseToken(kind: .word, start: start, end: k))
    }
}

/// The first word start in `from..<to` where a worded ID (`Task 1`, `Tarea 3`) starts, or nil.
private func wordedIDStart(_ b: Bytes, _ from: Int, _ to: Int, _ hi: Int) -> Int? {
    var k = from
    while k < to {
        if DependencyVocabulary.startsWord(b, k, 0), b[k] & 0xC0 != 0x80, b.wordedID(at: k, end: hi) != nil { return k }
        k += 1
    }
    return nil
}

/// Where the sentence end at `k` ends (`;`, `；`, `。`, `.` before a blank or
/// the end: the table's *sentenceEnd* rows), or nil.
@inline(__always) func sentenceEndEnd(_ b: Bytes, _ k: Int, _ hi: Int) -> Int? {
    let c = b[k]
    guard c == UInt8(ascii: ";") || c == UInt8(ascii: ".") || c == 0xEF || c == 0xE3 else { return nil }
    return DependencyVocabulary.match(b, k, k, hi, roles: RoleSet(.sentenceEnd), declared: true)?.end
}

/// Whether an ID, range or phase reference may start with the byte `c`:
/// `T` (IDs), `U` (`US1`), the first bytes of the vocabulary's phase names,
/// phase words, story words and all-stories phrases (`Setup`, `Phase`,
/// `User Story`, `all stories`, `阶段`); in a document of worded IDs also
/// those of its task words (`task`, `任务`, `Задача`).
@inline(__always) func mayStartItem(_ c: UInt8, worded: Bool, _ tables: DependencyVocabulary.Tables = .current) -> Bool {
    switch c {
    case UInt8(ascii: "T"), UInt8(ascii: "U"):
        true
    default:
        DependencyVocabulary.mayStartPhaseName(c, tables) || worded && DependencyVocabulary.mayStartTaskWord(c, tables)
    }
}

/// `mayStartItem` of the byte at `k`, sharpened by the bytes after it where
/// the document's IDs are not worded: a word is an item only as a task ID
/// (`T012`), a story (`US2`), or a phase name or phase reference of the
/// table, and none of those starts with its first two bytes.
///
/// `sharp: false` takes every word at `T` or `U` (the test compares the two):
/// with `sharp`, a `T` word is one when a task ID ends it (what `proseItem`
/// reads first), a `U` word when `S` follows (`phaseItem`'s stories).
@inline(__always) func mayStartItem(
    _ b: Bytes, _ k: Int, _ hi: Int, worded: Bool, _ tables: DependencyVocabulary.Tables = .current, sharp: Bool = true
) -> Bool {
    let c = b[k]
    guard !worded else { return mayStartItem(c, worded: worded, tables) }
    if c == UInt8(ascii: "T") {
        guard sharp else { return true }
        if startsTaskID(b, k, hi) { return true }
    } else if c == UInt8(ascii: "U") {
        guard sharp else { return true }
        if k + 1 < hi, b[k + 1] == UInt8(ascii: "S") { return true }
    } else if c == UInt8(ascii: "H"), k + 2 < hi, b[k + 1] == UInt8(ascii: "U"), b[k + 2].isDigit {
        // `HU3` (`phaseItem`).
        return true
    }
    return DependencyVocabulary.mayStartPhaseItem(b, k, hi, tables)
}

/// Whether a task ID starts at `k` (out of line: the lexer's loop stays small).
@inline(never) private func startsTaskID(_ b: Bytes, _ k: Int, _ hi: Int) -> Bool {
    b.taskIDEnd(at: k, end: hi) != nil
}

/// The parenthesised title right after a phase reference ending at `e`
/// (`US2 (Cluster Setup)`, `Phase 2（基盤）`): where it opens and where it
/// ends, on the same line; nil when none follows or it does not close.
///
/// A parenthesis that states an order or parallel work (`US3 (after US1)`,
/// `Phase 4 (parallel with Phase 3)`, `(→ US2)`) is a clause, not a title.
func titleEnd(_ b: Bytes, _ e: Int, _ hi: Int) -> (open: Int, end: Int)? {
    let open = b.skipSpaces(e, hi)
    let width = b.matches("（", at: open, end: hi) ? 3 : open < hi && b[open] == UInt8(ascii: "(") ? 1 : 0
    guard width > 0 else { return nil }
    var depth = 0
    var k = open
    while k < hi, b[k] != 0x0A {
        if b[k] == UInt8(ascii: "(") || b.matches("（", at: k, end: hi) {
            depth += 1
        } else if b[k] == UInt8(ascii: ")") || b.matches("）", at: k, end: hi) {
            depth -= 1
            if depth == 0 { return (open, k + (b[k] == UInt8(ascii: ")") ? 1 : 3)) }
        } else if b[k] >= 0xC0 || b[k] == UInt8(ascii: "-") || b[k] == UInt8(ascii: "<") || (b[k].isLetter && !b[k - 1].isWordByte),
            DependencyVocabulary.match(b, k, open, hi, roles: .statesOrder, declared: true) != nil
        {
            return nil
        }
        k += 1
    }
    return nil
}

extension DependencyRole {
    /// The token a word or symbol of this role makes.
    var tokenKind: ProseTokenKind {
        switch self {
        case .after, .blocks, .before: .dependency
        case .parallel, .independent: .parallel
        case .negation: .negation
        case .none: .none
        case .filler: .filler
        case .and: .separator
        case .range: .dash
        case .arrow, .arrowBack: .arrow
        case .sentenceEnd: .sentenceEnd
        case .open: .open
        case .close: .close
        case .colon: .colon
        case .connector, .eachOther, .otherStories, .viceVersa, .quantifier, .helper, .phaseName, .taskWord, .sectionHeading, .phaseWord, .storyWord, .allStories, .teamWord: .word
        }
    }
}

// MARK: - Items: IDs, ranges and phase references

enum ListItem {
    case task(idEnd: Int, secondStart: Int?)
    /// One phase, or several written as one item (`Phases 2 + 3`, `User Story 1 and 2`).
    case phase([PhaseReference])
}

/// One list item at `k`: an ID or a range (task), or a phase or story reference.
func proseItem(_ b: Bytes, _ k: Int, _ hi: Int, phases: Bool, worded: Bool) -> (ListItem, Int)? {
    if let idEnd = b.anyTaskIDEnd(at: k, end: hi, worded: worded), k == 0 || !b[k - 1].isWordByte {
        // Range forms: T004-T007, T004–T007, T004..T007, T004 through T007, T004 to T007,
        // T002 a T006, T002 até T006, T002 à T006, T002 bis T006: the vocabulary's range words.
        var j = idEnd
        if let e = rangeJoinEnd(b, b.skipSpaces(j, hi), hi) { j = e }
        if j > idEnd {
            // A range wrapped after its dash or word (`T001 –⏎ T003`).
            let second = skipSpacesAndNewlines(b, j, hi)
            if let secondEnd = b.anyTaskIDEnd(at: second, end: hi, worded: worded) {
                return (.task(idEnd: idEnd, secondStart: second), secondEnd)
            }
        }
        // `T115a-1`: a task named with a suffix (the resolver falls back to
        // `T115a` when no task has it).
        let suffixed = idEnd < hi && b[idEnd] == UInt8(ascii: "-") && b.taskIDEnd(at: k, end: hi) == idEnd
            ? DocumentParser.idSuffixEnd(b, idEnd, hi) : idEnd
        return (.task(idEnd: suffixed, secondStart: nil), suffixed)
    }
    guard phases, k < hi else { return nil }
    return phaseItem(b, k, hi)
}

/// `Phase 2`, `US1`, `User Story 1`, `Story 1` and their kin in every
/// language (the vocabulary's phase words, story words and all-stories
/// phrases: `Fase 2`, `História 1`, `阶段 2`, `all user stories`); the
/// barrier phases by a phase name of the vocabulary (`Setup`,
/// `Foundational`, `Polish`, `基盤`, capitalised as authors write them).
func phaseItem(_ b: Bytes, _ k: Int, _ hi: Int) -> (ListItem, Int)? {
    guard b.isWordStart(k, 0) || k == 0 else { return nil }
    var j = k
    if let e = DependencyVocabulary.phaseNameEnd(b, k, hi) {
        return (.phase([.named(b.string(k, e).lowercasedASCII())]), e)
    }
    // `Phase 2`, `Fase 2`, `阶段 2`; `User Story 3`, `História 3`, `用户故事 3`; `all stories`.
    if DependencyVocabulary.mayStartPhaseName(b[k]),
        let (word, e) = DependencyVocabulary.match(b, k, k, hi, roles: .phaseReference, declared: true)
    {
        switch word.role {
        case .allStories:
            return (.phase([.allStories]), e)
        case .phaseWord:
            guard let (numbers, end) = numberList(b, e, hi, dotted: true) else { return nil }
            return (.phase(numbers.map { .number($0) }), end)
        default:
            guard let (numbers, end) = numberList(b, e, hi, dotted: false, storyNumbers: true) else {
                // `parallel with user stories`, `independent of user stories`: a
                // story word in the plural with no number names them all.
                return isPluralStoryWord(b, k, e) ? (.phase([.allStories]), e) : nil
            }
            return (.phase(numbers.map { .story("US" + $0) }), end)
        }
    }
    // `HU3`: a story of a Spanish or Portuguese document (Historia de Usuario), named as `US3` is.
    let spanish = b.matches("HU", at: j, end: hi)
    if b.matches("US", at: j, end: hi) || spanish {
        j += 2
        let s = j
        while j < hi, b[j].isDigit { j += 1 }
        guard j > s else { return nil }
        // `US3.2`: a story numbered within another (no range of such stories is read).
        let digitsEnd = j
        j = b.storyNumberEnd(j, hi)
        guard b.isWordEnd(j, hi) else { return nil }
        // `US2-US4`, `US2–US4`, `US2-4`: every story between.
        if j == digitsEnd, var r = rangeJoinEnd(b, b.skipSpaces(j, hi), hi) {
            r = b.skipSpaces(r, hi)
            if b.matches(spanish ? "HU" : "US", at: r, end: hi) { r += 2 }
            let t = r
            while r < hi, b[r].isDigit { r += 1 }
            if r > t, b.isWordEnd(r, hi), let from = Int(b.string(s, j)), let to = Int(b.string(t, r)), from < to, to - from <= 50 {
                return (.phase([.storyRange(from: from, to: to)]), r)
            }
        }
        if spanish { return (.phase([.story("US" + b.string(s, j))]), j) }
        return (.phase([.story(b.string(b.storyStart(at: k), j))]), j)
    }
    return nil
}

/// Whether the story word `k..<e` names every story: `user stories` in
/// the plural (`histórias de usuário`, `historias de usuario`, `histoires
/// utilisateur`, `storie utente`) with no word that narrows it before
/// (`P1 user stories`, `previous user stories` name some of them): only
/// the start of the text, a mark or a linking word (`with`, `of`, `on`,
/// `to`, `the`, `and`, `from`, `after`, `before`, `for`, `de`, `con`,
/// `com`, `avec`, `mit`) may precede it.
func isPluralStoryWord(_ b: Bytes, _ k: Int, _ e: Int) -> Bool {
    var named = false
    for word: StaticString in ["user stories", "histórias de usuário", "historias de usuario", "histoires utilisateur", "storie utente"]
    where word.utf8CodeUnitCount == e - k && b.matchesLowercase(word, at: k, end: e) {
        named = true
    }
    guard named else { return false }
    var j = k
    while j > 0, b[j - 1].isSpaceOrTab || b[j - 1] == UInt8(ascii: "*") || b[j - 1] == UInt8(ascii: "_") { j -= 1 }
    guard j > 0, b[j - 1].isWordByte else { return true }
    var w = j
    while w > 0, b[w - 1].isWordByte { w -= 1 }
    for linking: StaticString in ["with", "of", "on", "to", "the", "and", "from", "after", "before", "for", "de", "con", "com", "avec", "mit"]
    where linking.utf8CodeUnitCount == j - w && b.matchesLowercase(linking, at: w, end: j) {
        return true
    }
    return false
}

/// `2`, `2 + 3`, `2, 3 and 5`, `2–5` after `Phases` or `User Stories`: the
/// numbers as written (integer ranges spelled out), and where they end.
/// `storyNumbers`: numbers of stories, which may be dotted (`User Story 3.2`) but take no letter.
func numberList(_ b: Bytes, _ start: Int, _ hi: Int, dotted: Bool, storyNumbers: Bool = false) -> ([String], Int)? {
    func number(at k: Int) -> Int? {
        var j = k
        while j < hi, b[j].isDigit || ((dotted || storyNumbers) && b[j] == UInt8(ascii: ".") && j + 1 < hi && b[j + 1].isDigit) { j += 1 }
        // `Phase 4a`, as phase headings may be numbered; `User Story 1b`.
        if dotted, j > k, j < hi, b[j].isLetter, b.isWordEnd(j + 1, hi) { j += 1 }
        if storyNumbers, j > k { j = b.storyNumberEnd(j, hi) }
        return j > k && b.isWordEnd(j, hi) ? j : nil
    }
    var k = b.skipSpaces(start, hi)
    guard let firstEnd = number(at: k) else { return nil }
    var numbers = [b.string(k, firstEnd)]
    var end = firstEnd
    while true {
        k = b.skipSpaces(end, hi)
        var isRange = false
        if let e = rangeJoinEnd(b, k, hi) {
            k = e
            isRange = true
        } else if let next = separatorEnd(b, k, hi) {
            k = b.skipSpaces(next, hi)
            if let again = separatorEnd(b, k, hi) { k = again }  // `, and`
        } else {
            break
        }
        k = b.skipSpaces(k, hi)
        guard let e = number(at: k) else { break }
        let written = b.string(k, e)
        if isRange, let from = Int(numbers[numbers.count - 1]), let to = Int(written), from < to, to - from <= 100 {
            numbers += (from + 1...to).map(String.init)
        } else {
            numbers.append(written)
        }
        end = e
    }
    return (numbers, end)
}

/// A list marker (`-`, `*`, `+` and a blank) at `k`: where the item starts.
func bulletEnd(_ b: Bytes, _ k: Int, _ hi: Int) -> Int? {
    guard k + 1 < hi, b[k] == UInt8(ascii: "-") || b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "+"),
        b[k + 1].isSpaceOrTab
    else { return nil }
    return b.skipSpaces(k + 1, hi)
}

func skipSpacesAndNewlines(_ b: Bytes, _ start: Int, _ hi: Int) -> Int {
    var k = start
    while k < hi, b[k].isWhitespace { k += 1 }
    return k
}

/// The end of a list separator at `k`, or nil.
func separatorEnd(_ b: Bytes, _ k: Int, _ hi: Int) -> Int? {
    guard k < hi else { return nil }
    return DependencyVocabulary.match(b, k, k, hi, roles: RoleSet(.and), declared: false)?.end
}

/// The end of a word or dash that joins the two ends of a range at `k` (`-`,
/// `–`, `..`, `through`, `to`, `a`, `bis`), or nil; `->` is an arrow, not a range.
@inline(__always) func rangeJoinEnd(_ b: Bytes, _ k: Int, _ hi: Int) -> Int? {
    guard k < hi else { return nil }
    return DependencyVocabulary.match(b, k, k, hi, roles: RoleSet(.range), declared: true)?.end
}
