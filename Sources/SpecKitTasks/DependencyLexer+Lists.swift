/// The clause layer's reading of the lexer's tokens: reference lists, the
/// list right before a clause word, the words between a subject and its
/// clause word, leads and negations.
///
///     T011, T012 (models) can run in parallel      Setup (T001–T003) → T004
///     ID SEP ID  (  WORD  )  helper   PARALLEL      PHASE(title)  ARROW ID
///     └─ list ─┘ └─ note ─┘  └──┘                   └─ list ─┘         └ list
///
/// A list is items (IDs, ranges, phase references) joined by separators; a
/// parenthesised note after an item belongs to it, and a phase's note or title
/// adds the tasks it names. A list ends at the first token that is neither:
/// a clause word, a sentence end, a plain word. No byte window bounds
/// anything here: parentheses end at their closing token, a lead at its colon.
///
/// These are free functions over one text's bytes and tokens (`ProseTokens`,
/// sorted by offset); they read the bytes of a token only to know which
/// token it is (a phase reference's numbers, a title's IDs).

/// One text's tokens, in order (a slice of the lexer's buffer).
typealias ProseTokens = ArraySlice<ProseToken>

/// The index of the first token that starts at or after `k`.
/// - Complexity: O(log n).
func firstToken(_ tokens: ProseTokens, at k: Int) -> Int {
    var lo = tokens.startIndex
    var hi = tokens.endIndex
    while lo < hi {
        let mid = (lo + hi) / 2
        if tokens[mid].start < k { lo = mid + 1 } else { hi = mid }
    }
    return lo
}

/// Whether the trivia between two offsets holds a line break.
@inline(__always) func hasLineBreak(_ b: Bytes, _ from: Int, _ to: Int) -> Bool {
    from < to && b.firstIndex(of: 0x0A, from, to) != nil
}

/// The list item that the token at `i` is: an ID or a range (task), or,
/// with `phases`, a phase reference; nil for any other token.
func listItem(_ b: Bytes, _ token: ProseToken, phases: Bool) -> ListItem? {
    switch token.kind {
    case .id:
        return .task(idEnd: token.end, secondStart: nil)
    case .range:
        guard let second = token.inner else { return nil }
        let idEnd = b.anyTaskIDEnd(at: token.start, end: second, worded: true) ?? second
        return .task(idEnd: idEnd, secondStart: second)
    case .phase:
        guard phases, let (item, _) = phaseItem(b, token.start, token.inner ?? token.end) else { return nil }
        return item
    default:
        return nil
    }
}

/// Whether a token is one of the list openers that a list may start after: `:`, `(`, `[`.
@inline(__always) private func isListOpening(_ b: Bytes, _ token: ProseToken) -> Bool {
    token.kind == .colon || token.kind == .open || (token.kind == .mark && b[token.start] == UInt8(ascii: "["))
}

/// The index of the token that closes the parenthesis opened at `open`, or nil
/// when another parenthesis opens first or none closes before `hi`
/// (with `sameLine`, before a line break either).
func closingToken(_ b: Bytes, _ tokens: ProseTokens, _ open: Int, _ hi: Int, sameLine: Bool = false) -> Int? {
    var j = open + 1
    while j < tokens.endIndex, tokens[j].end <= hi {
        if sameLine, hasLineBreak(b, tokens[j - 1].end, tokens[j].start) { return nil }
        switch tokens[j].kind {
        case .close: return j
        case .open: return nil
        default: j += 1
        }
    }
    return nil
}

/// The task references that the tokens `from..<to` name (IDs and ranges only).
func taskReferences(_ b: Bytes, _ tokens: ProseTokens, _ from: Int, _ to: Int, _ locator: TextLocator) -> [Reference] {
    var references: [Reference] = []
    for j in from..<to {
        if let item = listItem(b, tokens[j], phases: false), case .task(let idEnd, let second) = item {
            references.append(Reference(b, tokens[j].start, idEnd, second, tokens[j].end, locator))
        }
    }
    return references
}

/// The items of a phase reference's parenthesised title (`Polish (T019-T023)`,
/// `Foundational (Phase 2)`): the tasks it names, and with `phases` the
/// numbered phases and stories (never a phase named by a word: `US2
/// (Cluster Setup)` does not name Setup).
func titleItems(
    _ b: Bytes, _ token: ProseToken, worded: Bool, _ locator: TextLocator, phases: Bool, into list: inout ReferenceList
) {
    guard token.kind == .phase, let open = token.inner else { return }
    var k = open
    while k < token.end {
        if b.isWordStart(k, open), mayStartItem(b[k], worded: worded),
            let (item, e) = proseItem(b, k, token.end, phases: phases, worded: worded)
        {
            switch item {
            case .task(let idEnd, let second):
                list.references.append(Reference(b, k, idEnd, second, e, locator))
            case .phase(let ps):
                for p in ps where !list.phases.contains(p) {
                    if case .named = p { continue }
                    list.phases.append(p)
                }
            }
            k = e
        } else {
            k += 1
        }
    }
}

/// Reads a reference list from the first token at or after `start`, using
/// tokens that end by `hi`.
///
/// `skipWords` lets declared statements step over a few plain words first
/// (`before implementation (T008-T014)`), never over a clause word, a
/// sentence end or a line break; `phases` also accepts `Phase 2`, `US1` and
/// `User Story 1`. `Depends on:` with the IDs as sub-bullets on the lines
/// below is one list.
/// - Complexity: O(tokens read).
func readReferenceList(
    _ b: Bytes, _ tokens: ProseTokens, from start: Int, to hi: Int, _ locator: TextLocator, worded: Bool, skipWords: Int = 0,
    phases: Bool
) -> ReferenceList {
    var list = ReferenceList(end: start)
    let end = tokens.endIndex
    @inline(__always) func within(_ i: Int) -> Bool { i < end && tokens[i].end <= hi }
    var i = firstToken(tokens, at: start)
    var inParenthesis = false
    while within(i), isListOpening(b, tokens[i]) {
        if tokens[i].kind == .open { inParenthesis = true }
        i += 1
    }
    // `Depends on:` and the IDs as sub-bullets below it, one per line.
    var bulleted = false
    if within(i), hasLineBreak(b, start, tokens[i].start), isBullet(b, tokens, i, hi) {
        bulleted = true
        i += 1
    }
    /// The closing token of a note of IDs the list entered after words
    /// (`the parser (T004) and the lexer (T006)`): passed once its items are read.
    var noteClose = -1
    /// Whether the tokens between `open` and `close` are only task IDs and separators, an ID first.
    func holdsOnlyIDs(_ open: Int, _ close: Int) -> Bool {
        close > open + 1 && (tokens[open + 1].kind == .id || tokens[open + 1].kind == .range)
            && tokens[(open + 1)..<close].allSatisfy { $0.kind == .id || $0.kind == .range || $0.kind == .separator }
    }
    var wordsLeft = skipWords
    var last = i > tokens.startIndex ? tokens[i - 1].end : start
    // `→ (optional) T005`, `→ (parallel) T006, T007`: a parenthesis that
    // opens the list and closes before any item is a remark on it; the list
    // goes on after it.
    var remark = inParenthesis
    while wordsLeft > 0, within(i), listItem(b, tokens[i], phases: phases) == nil {
        // Step over one plain word and what is glued to it (not across a
        // sentence end or a line break, and not over a clause word:
        // `Depends on Foundational — BLOCKS US2` has two clauses).
        let t = tokens[i]
        if remark, t.kind == .close, i > tokens.startIndex, tokens[i - 1].kind != .open {
            remark = false
            i += 1
            while within(i), isListOpening(b, tokens[i]) { i += 1 }
            last = tokens[i - 1].end
            continue
        }
        // Nor over a dash that no item follows: `Depends on Preparation
        // completion - gates all user stories` is two clauses too.
        if t.kind == .dependency && t.placement == .prefix || t.kind == .sentenceEnd || t.kind == .close
            || (t.kind == .separator && b[t.start] == UInt8(ascii: ",")) || hasLineBreak(b, last, t.start)
            || (t.kind == .dash && isDashSymbol(b, t.start) && !(within(i + 1) && listItem(b, tokens[i + 1], phases: phases) != nil))
        {
            return list
        }
        i += 1
        while within(i), tokens[i].start == tokens[i - 1].end, tokens[i].kind != .open, listItem(b, tokens[i], phases: phases) == nil,
            !(tokens[i].kind == .separator && b[tokens[i].start] == UInt8(ascii: ","))
        {
            // A sentence or a parenthesis ends in the word (`phase. T024`, `服务）`): so does the list.
            if remark, tokens[i].kind == .close { break }
            if tokens[i].kind == .sentenceEnd || tokens[i].kind == .close { return list }
            i += 1
        }
        if remark, within(i), tokens[i].kind == .close {
            remark = false
            i += 1
        }
        while within(i), isListOpening(b, tokens[i]) {
            if tokens[i].kind == .open, let close = closingToken(b, tokens, i, hi, sameLine: true), holdsOnlyIDs(i, close) { noteClose = close }
            i += 1
        }
        last = tokens[i - 1].end
        wordsLeft -= 1
    }
    // `Task 7, 22`, `Tasks 6, 7 and 16`: in a document of worded IDs, bare
    // numbers after a worded ID go on with its word.
    var wordedWord: String?
    /// `Task 6-8`, `Tasks 5.4〜5.8`: a dash and a bare number after a worded
    /// reference end a range of that word; `next` moves past them.
    func extendWordedRange(_ next: inout Int) {
        guard let word = wordedWord, let last = list.references.indices.last, list.references[last].upTo == nil, within(next),
            tokens[next].kind == .dash, within(next + 1), let (number, numberEnd) = bareTaskNumber(b, tokens[next + 1].start, hi)
        else { return }
        list.references[last].upTo = word + " " + number
        list.end = numberEnd
        next += 1
        while within(next), tokens[next].start < numberEnd { next += 1 }
    }
    /// `the lexer (T006)`, `cache layer (T023–T024)`: fillers and at most
    /// two plain words (`after the user logs in (T004)` names an event, not
    /// a task), four after `all`, `every` or `both` (`All auth components
    /// (T012-T035)`), then a parenthesis holding only task IDs and
    /// separators; the index of the note's first item, and its closing token.
    func noteAfterWords(_ i: Int) -> (first: Int, close: Int)? {
        // `see notes (T003)`, `cf. (T004)`: a pointer to a remark, no item.
        for pointer: StaticString in ["see", "cf", "per", "e.g", "i.e", "ver", "voir", "siehe", "vide"]
        where tokens[i].end - tokens[i].start == pointer.utf8CodeUnitCount && b.matchesLowercase(pointer, at: tokens[i].start, end: tokens[i].end) {
            return nil
        }
        var k = i
        var words = 0
        let all = tokens[i].kind == .word
            && (b.matchesLowercaseWords("all", at: tokens[i].start, end: tokens[i].end) == tokens[i].end
                || b.matchesLowercaseWords("every", at: tokens[i].start, end: tokens[i].end) == tokens[i].end
                || b.matchesLowercaseWords("both", at: tokens[i].start, end: tokens[i].end) == tokens[i].end)
        while within(k), k - i < 6, tokens[k].kind == .word || tokens[k].kind == .filler, !hasLineBreak(b, tokens[max(i, k - 1)].end, tokens[k].start) {
            if tokens[k].kind == .word { words += 1 }
            guard words <= (all ? 4 : 2) else { return nil }
            k += 1
        }
        guard k > i, within(k), tokens[k].kind == .open, let close = closingToken(b, tokens, k, hi, sameLine: true), holdsOnlyIDs(k, close)
        else { return nil }
        return (k + 1, close)
    }
    while within(i) {
        guard let item = listItem(b, tokens[i], phases: phases) else {
            if noteClose < 0, let (first, close) = noteAfterWords(i) {
                noteClose = close
                i = first
                continue
            }
            guard worded, let word = wordedWord, let (number, numberEnd) = bareTaskNumber(b, tokens[i].start, hi) else { break }
            var next = i + 1
            while within(next), tokens[next].start < numberEnd { next += 1 }
            // A number that a plain word follows is a quantity (`Task 1, 2 hours of review`).
            if within(next), tokens[next].kind == .word || tokens[next].kind == .filler, !hasLineBreak(b, numberEnd, tokens[next].start) { break }
            list.references.append(Reference(id: word + " " + number, upTo: nil, location: locator.location(tokens[i].start)))
            list.end = numberEnd
            extendWordedRange(&next)
            guard within(next), tokens[next].kind == .separator else { break }
            next += 1
            if within(next), tokens[next].kind == .separator { next += 1 }  // `, and`
            i = next
            continue
        }
        // `depends on T014, T018 depends on T015`: an item that a clause
        // word follows starts the next clause.
        // `(T002, T003, T004 parallel)`: a parallel word that closes the
        // parenthesis the list opened says the whole list runs together.
        if !list.references.isEmpty || !list.phases.isEmpty, startsClause(b, tokens, after: i, hi),
            !(inParenthesis && parallelWordCloses(b, tokens, after: i, hi))
        {
            break
        }
        var isPhase = false
        switch item {
        case .task(let idEnd, let second):
            let reference = Reference(b, tokens[i].start, idEnd, second, tokens[i].end, locator)
            list.references.append(reference)
            wordedWord = worded && second == nil ? reference.id.firstIndex(of: " ").map { String(reference.id[..<$0]) } : nil
        case .phase(let ps):
            // `US1's payment wiring (T044)`: the phase qualifies the tasks named after it.
            if let (references, after) = possessiveTasks(b, tokens, after: i, hi, locator) ?? qualifiedTasks(b, tokens, after: i, hi, locator) {
                list.references += references
                list.end = tokens[after - 1].end
                i = after
                guard within(i), tokens[i].kind == .separator else { return list }
                i += 1
                if within(i), tokens[i].kind == .separator { i += 1 }  // `, and`
                continue
            }
            list.phases += ps
            isPhase = true
            wordedWord = nil
            // `Polish (T019-T023)`: the title names the phase's tasks.
            titleItems(b, tokens[i], worded: worded, locator, phases: false, into: &list)
        }
        list.end = tokens[i].end
        var next = i + 1
        // A short parenthetical note after an item is part of it, never the
        // next clause's subject; a phase's note that names tasks (`Polish
        // (T019-T023)`) or restates it (`Foundational (Phase 2)`) adds its tasks.
        // A parenthesis that states parallel work with a partner (`Depends on
        // Phase 3 (can run in parallel with Phase 4)`) is a clause of its own:
        // the list ends before it.
        if isPhase, within(next), tokens[next].kind == .open, let close = closingToken(b, tokens, next, hi),
            let word = tokens[(next + 1)..<close].firstIndex(where: { $0.kind == .parallel }),
            tokens[(word + 1)..<close].contains(where: { listItem(b, $0, phases: true) != nil })
        {
            // Unless the list goes on after it (`Phase 3 (… in parallel with
            // T008) and Phase 4`): then it is passed over.
            guard within(close + 1), tokens[close + 1].kind == .separator else { break }
            next = close + 1
        } else if within(next), tokens[next].kind == .open, let close = closingToken(b, tokens, next, hi) {
            if isPhase {
                list.references += taskReferences(b, tokens, next + 1, close, locator)
                list.end = tokens[close].end
            }
            next = close + 1
        }
        // `T002 (types) from Setup`: where the item comes from is part of it.
        if within(next + 1), tokens[next].kind == .word, tokens[next].end - tokens[next].start == 4,
            b.matchesLowercaseWords("from", at: tokens[next].start, end: tokens[next].end) != nil,
            listItem(b, tokens[next + 1], phases: true) != nil
        {
            list.end = tokens[next + 1].end
            next += 2
        }
        if !isPhase { extendWordedRange(&next) }
        if next == noteClose {
            list.end = tokens[next].end
            noteClose = -1
            next += 1
        }
        if within(next), tokens[next].kind == .separator {
            next += 1
            if within(next), tokens[next].kind == .separator { next += 1 }  // `, and`
        } else if bulleted, within(next), hasLineBreak(b, tokens[next - 1].end, tokens[next].start), isBullet(b, tokens, next, hi) {
            next += 1
        } else {
            break
        }
        i = next
    }
    return list
}

/// A bare task number at `k` (`22`, `1.3`, `4b`): its text and end; nil when
/// a letter or digit goes on after it (`22nd`, `3x`) or none starts there.
private func bareTaskNumber(_ b: Bytes, _ k: Int, _ hi: Int) -> (String, Int)? {
    guard k < hi, k == 0 || !b[k - 1].isWordByte, let j = b.taskNumberEnd(at: k, end: hi) else { return nil }
    return (b.string(k, j), j)
}

/// Whether the clause word after the item at `i` is a parallel word (`parallel`,
/// `in parallel`, `并行`) that a closing parenthesis follows right away.
private func parallelWordCloses(_ b: Bytes, _ tokens: ProseTokens, after i: Int, _ hi: Int) -> Bool {
    guard let found = clauseWordAfter(b, tokens, after: i, hi, needsHelper: false),
        found.role == .parallel || found.role == .independent
    else { return false }
    let next = found.index + 1
    return next < tokens.endIndex && tokens[next].end <= hi && tokens[next].kind == .close
}

/// Whether the token at `i` is a list marker (`-`, `+`) that a blank follows and an item comes after.
private func isBullet(_ b: Bytes, _ tokens: ProseTokens, _ i: Int, _ hi: Int) -> Bool {
    let t = tokens[i]
    guard t.end - t.start == 1, b[t.start] == UInt8(ascii: "-") || b[t.start] == UInt8(ascii: "+"), t.end < hi, b[t.end].isSpaceOrTab
    else { return false }
    return i + 1 < tokens.endIndex && tokens[i + 1].end <= hi
}

/// After the phase item at `i`: `'s` and a few words, then a note naming
/// tasks (`US1's payment wiring (T044)`): those tasks and the index after
/// the note. The words stay in the clause: no separator, sentence end, line
/// break or clause word between.
func possessiveTasks(_ b: Bytes, _ tokens: ProseTokens, after i: Int, _ hi: Int, _ locator: TextLocator) -> ([Reference], Int)? {
    let end = tokens.endIndex
    var j = i + 1
    // `'s` or `’s` glued to the phase.
    guard j + 1 < end else { return nil }
    let apostrophe = tokens[j]
    guard tokens[j + 1].end <= hi, apostrophe.start == tokens[i].end, tokens[j + 1].start == apostrophe.end,
        b[apostrophe.start] == UInt8(ascii: "'") && apostrophe.end - apostrophe.start == 1
            || b.matches("’", at: apostrophe.start, end: apostrophe.end),
        tokens[j + 1].kind == .word, tokens[j + 1].end - tokens[j + 1].start == 1, b[tokens[j + 1].start] | 0x20 == UInt8(ascii: "s")
    else { return nil }
    j += 2
    while j < end, tokens[j].end <= hi, tokens[j].kind != .open {
        switch tokens[j].kind {
        case .separator, .sentenceEnd, .dependency, .parallel, .arrow, .close: return nil
        default: break
        }
        if hasLineBreak(b, tokens[j - 1].end, tokens[j].start) { return nil }
        j += 1
    }
    guard j < end, tokens[j].end <= hi, let close = closingToken(b, tokens, j, hi, sameLine: true) else { return nil }
    let references = taskReferences(b, tokens, j + 1, close, locator)
    return references.isEmpty ? nil : (references, close + 1)
}

/// After the phase item at `i`: one to three plain words, then a note naming
/// tasks, on one line (`US1 models complete (T028-T030)`, `US1 backend (T009,
/// T010)`): those tasks and the index after the note, as `possessiveTasks`
/// reads `US1's models (T028-T030)`.
func qualifiedTasks(_ b: Bytes, _ tokens: ProseTokens, after i: Int, _ hi: Int, _ locator: TextLocator) -> ([Reference], Int)? {
    let end = tokens.endIndex
    var j = i + 1
    var words = 0
    // `Setup completion (T001-T014)` restates the whole phase: only a word
    // that names a part of it (`models`, `backend`) narrows it.
    var names = false
    while j < end, tokens[j].end <= hi, tokens[j].kind == .word, words < 3 {
        if hasLineBreak(b, tokens[j - 1].end, tokens[j].start) { return nil }
        let (lo, e) = (tokens[j].start, tokens[j].end)
        if !["complete", "completed", "completion", "done", "finished", "ready", "is", "are", "being", "been", "fully", "all", "tasks",
            "phase", "phases", "stage", "story", "stories", "work", "items"]
            .contains(where: { $0.utf8CodeUnitCount == e - lo && b.matchesLowercase($0, at: lo, end: e) })
        {
            names = true
        }
        words += 1
        j += 1
    }
    guard words > 0, names, j < end, tokens[j].end <= hi, tokens[j].kind == .open, !hasLineBreak(b, tokens[j - 1].end, tokens[j].start),
        let close = closingToken(b, tokens, j, hi, sameLine: true)
    else { return nil }
    // Only tasks in the note (`(T009, T010)`), nothing else.
    for k in (j + 1)..<close where tokens[k].kind != .id && tokens[k].kind != .range && tokens[k].kind != .separator {
        return nil
    }
    let references = taskReferences(b, tokens, j + 1, close, locator)
    return references.isEmpty ? nil : (references, close + 1)
}

/// A clause word after the item at `i` (see `startsClause`): its index, role and placement.
///
/// Between the item and the word, all on one line: at most a parenthetical
/// note, then helper words of the vocabulary (`can run`, `must`, `also`); with
/// `needsHelper`, at least one of them. A declared-only word (`before`) counts here.
func clauseWordAfter(_ b: Bytes, _ tokens: ProseTokens, after i: Int, _ hi: Int, needsHelper: Bool)
    -> (index: Int, role: DependencyRole, placement: WordPlacement)?
{
    let end = tokens.endIndex
    var j = i + 1
    guard j < end, tokens[j].end <= hi else { return nil }
    if tokens[j].kind == .open {
        guard let close = closingToken(b, tokens, j, hi, sameLine: true) else { return nil }
        j = close + 1
    }
    for step in 0..<3 {
        // On the item's line: a clause word on the next line starts another statement.
        guard j < end, tokens[j].end <= hi, !hasLineBreak(b, tokens[j - 1].end, tokens[j].start) else { return nil }
        let t = tokens[j]
        if step > 0 || !needsHelper {
            if t.kind == .dependency || t.kind == .parallel, let role = t.role { return (j, role, t.placement) }
            if t.kind == .word, let (word, _) = DependencyVocabulary.match(b, t.start, t.start, hi, roles: .clause, declared: true) {
                return (j, word.role, word.placement)
            }
        }
        guard let (_, e) = DependencyVocabulary.match(b, t.start, t.start, hi, roles: RoleSet(.helper), declared: true) else {
            return nil
        }
        j = firstToken(tokens[j...], at: e)
    }
    return nil
}

/// Whether a clause word follows the item at `i`, after at most a short note
/// and a few helper words: `T018 depends on`, `T016 independent`,
/// `T012 (API) can run in parallel`.
///
/// `after` and `once` after an item go on with its list (`T004 and T005
/// after T001` is rare); the words that a subject takes as verbs (`depends
/// on`, `requires`, `依赖`: the vocabulary's subject verbs) start a clause.
func startsClause(_ b: Bytes, _ tokens: ProseTokens, after i: Int, _ hi: Int, needsHelper: Bool = false) -> Bool {
    guard let found = clauseWordAfter(b, tokens, after: i, hi, needsHelper: needsHelper) else { return false }
    if found.placement == .prefix && found.role != .after { return true }
    return DependencyVocabulary.isSubjectVerb(b, tokens[found.index].start, hi)
}

/// Whether the tokens from `from` up to offset `k` hold nothing but closing
/// marks, one parenthetical note and at most three helper words.
func onlyHelpers(_ b: Bytes, _ tokens: ProseTokens, from: Int, to k: Int) -> Bool {
    var j = from
    var words = 0
    var notes = 0
    while j < tokens.endIndex, tokens[j].start < k {
        let t = tokens[j]
        if t.kind == .close {
            j += 1
        } else if t.kind == .open, notes == 0, let close = closingToken(b, tokens, j, k) {
            notes += 1
            j = close + 1
        } else if words < 3, let (_, e) = DependencyVocabulary.match(b, t.start, t.start, k, roles: RoleSet(.helper), declared: true) {
            words += 1
            j = firstToken(tokens[j...], at: e)
        } else {
            return false
        }
    }
    return true
}

/// The lists of references that end right before the clause word at index
/// `word`, after only closing marks, a short note or helper words (`T011,
/// T012 block T014`, `(T044 depends on T022)`); the leftmost that starts at
/// or after `lo`. Nil when none does.
func listRightBefore(
    _ b: Bytes, _ tokens: ProseTokens, _ lo: Int, word: Int, _ locator: TextLocator, worded: Bool
) -> ReferenceList? {
    let k = tokens[word].start
    var i = firstToken(tokens, at: lo)
    while i < word {
        if tokens[i].isItem {
            let list = readReferenceList(b, tokens, from: tokens[i].start, to: k, locator, worded: worded, phases: true)
            if !list.references.isEmpty || !list.phases.isEmpty, onlyHelpers(b, tokens, from: firstToken(tokens, at: list.end), to: k) {
                return list
            }
        }
        i += 1
    }
    return nil
}

/// Every task and phase reference of the tokens in `lo..<hi` (declared
/// statement subjects, arrow-chain parts, leads).
///
/// A phase named by a word inside parentheses never names another phase:
/// in `US2 (Cluster Setup)` the parenthesis is US2's title, not the Setup phase.
func collectReferences(_ b: Bytes, _ tokens: ProseTokens, _ lo: Int, _ hi: Int, _ locator: TextLocator, worded: Bool) -> ReferenceList {
    var list = ReferenceList(end: hi)
    var depth = 0
    var i = firstToken(tokens, at: lo)
    while i < tokens.endIndex, tokens[i].end <= hi {
        let t = tokens[i]
        i += 1
        switch t.kind {
        case .open:
            depth += 1
        case .close:
            depth = max(0, depth - 1)
        case .id, .range, .phase:
            guard let item = listItem(b, t, phases: true) else { continue }
            switch item {
            case .task(let idEnd, let second):
                list.references.append(Reference(b, t.start, idEnd, second, t.end, locator))
            case .phase(let ps):
                for p in ps where !list.phases.contains(p) {
                    if depth > 0, case .named = p { continue }
                    list.phases.append(p)
                }
                titleItems(b, t, worded: worded, locator, phases: true, into: &list)
            }
        default:
            continue
        }
    }
    return list
}

/// The subject of a clause: the first list of references in `lo..<hi`
/// (`Tests (T004-T007)`, `T011, T012`, `Setup (T001-T003)`). References
/// further on are mentions: in `T027 edits the file of T019/T026 — after
/// US1`, only T027 comes after US1.
func firstList(_ b: Bytes, _ tokens: ProseTokens, _ lo: Int, _ hi: Int, _ locator: TextLocator, worded: Bool) -> ReferenceList {
    let all = collectReferences(b, tokens, lo, hi, locator, worded: worded)
    guard all.references.count + all.phases.count > 1 else { return all }
    var depth = 0
    var i = firstToken(tokens, at: lo)
    while i < tokens.endIndex, tokens[i].end <= hi {
        let t = tokens[i]
        i += 1
        if t.kind == .open { depth += 1 }
        if t.kind == .close { depth = max(0, depth - 1) }
        guard let item = listItem(b, t, phases: true) else { continue }
        if depth > 0, case .phase(let ps) = item, ps.allSatisfy({ if case .named = $0 { true } else { false } }) { continue }
        var list = readReferenceList(b, tokens, from: t.start, to: hi, locator, worded: worded, phases: true)
        list.phases = list.phases.filter { all.phases.contains($0) }
        return list.references.isEmpty && list.phases.isEmpty ? all : list
    }
    return all
}

/// Where a line's lead ends (`**US3 (Phase 5)**:`, `Hugo site must exist
/// before templates:`): after the first `:` or `：` outside parentheses and
/// before any sentence end, that a blank, `*` or the end follows (`：` needs
/// none); nil when there is none, or when a clause word ends at the colon
/// (`T010 depends on: T001`, `Blocks:`).
func leadEnd(_ b: Bytes, _ tokens: ProseTokens, _ lo: Int, _ hi: Int) -> Int? {
    var depth = 0
    var i = firstToken(tokens, at: lo)
    while i < tokens.endIndex, tokens[i].end <= hi {
        let t = tokens[i]
        switch t.kind {
        case .open:
            depth += 1
        case .close:
            depth = max(0, depth - 1)
        case .sentenceEnd:
            return nil
        case .colon where depth == 0:
            let e = t.end
            // `：` needs no blank after it (CJK text has none).
            if e < hi, !b[e].isSpaceOrTab, b[e] != UInt8(ascii: "*"), b[t.start] == UInt8(ascii: ":") { break }
            if i > tokens.startIndex, tokens[i - 1].start >= lo, tokens[i - 1].kind == .dependency, tokens[i - 1].placement == .prefix {
                return nil
            }
            var end = e
            while end < hi, b[end] == UInt8(ascii: "*") { end += 1 }
            return end
        default:
            break
        }
        i += 1
    }
    return nil
}

/// Whether the clause word at index `i` is negated: the token right before
/// it (from `lo` on) is a negation (`no`, `not`, `doesn't`, `sem`, `sin`,
/// `sans`, `ohne`, `без`, `不`, `没有`), or one that at most two plain words
/// on the same line separate from it, before a noun for a dependency or when
/// they are adverbs (`no technical dependency on US1`, `does not really
/// depend on`, `no tiene dependencia`), or a *none* word of a script with
/// spaces before such a noun (`ninguna dependencia de`, `keine
/// Abhängigkeit`), or a CJK word for none glued to it (`无依赖`).
func isNegated(_ b: Bytes, _ tokens: ProseTokens, _ i: Int, _ lo: Int) -> Bool {
    guard i > tokens.startIndex, tokens[i - 1].start >= lo else { return false }
    let before = tokens[i - 1]
    if before.kind == .negation { return true }
    // Words between: only before a noun for a dependency (`no technical
    // dependency on`, `no tiene dependencia técnica`) or when they are
    // adverbs (`does not really depend on`); `runs with no locks after T008`
    // denies the locks, not the order.
    let word = tokens[i]
    var noun = false
    for stem in dependencyNouns where b.matchesLowercase(stem, at: word.start, end: word.end) { noun = true }
    // A word for "no" before such a noun is a *none* word in several languages
    // (`ninguna dependencia de US2`, `nenhuma dependência`, `nessuna
    // dipendenza`, `aucune dépendance`, `keine Abhängigkeit`); before another
    // clause word it is the empty list of a field (`Ninguna tras Foundational`).
    if noun, before.kind == .none, b[before.start] < 0xE0 { return true }
    var j = i - 1
    while j > tokens.startIndex, i - j <= 2, tokens[j].kind == .word, tokens[j - 1].start >= lo,
        noun || (tokens[j].end - tokens[j].start > 2 && b.matchesLowercase("ly", at: tokens[j].end - 2, end: tokens[j].end)),
        !hasLineBreak(b, tokens[j].end, tokens[j + 1].start), !hasLineBreak(b, tokens[j - 1].end, tokens[j].start)
    {
        if tokens[j - 1].kind == .negation || (noun && tokens[j - 1].kind == .none && b[tokens[j - 1].start] < 0xE0) { return true }
        j -= 1
    }
    return before.kind == .none && before.end == tokens[i].start && b[tokens[i].start] >= 0xE0 && b[before.start] >= 0xE0
}

/// Whether a dash symbol (`-`, `–`, `—`) starts at `k`, not a range word
/// standing alone (`to`, `bis`).
func isDashSymbol(_ b: Bytes, _ k: Int) -> Bool {
    b[k] == UInt8(ascii: "-") || b.matches("–", at: k, end: b.count) || b.matches("—", at: k, end: b.count)
}

/// The stems of nouns for a dependency (`isNegated`).
private let dependencyNouns: [StaticString] = ["dependenc", "dependênc", "dipendenz", "dépendanc", "abhängigkeit", "зависимост", "prerequisite"]

/// Whether the parallel word at index `i` is denied: a negation before it,
/// with at most three plain words between (`must not run in parallel`,
/// `cannot run in parallel`, `not independent`, `不能并行`).
func isNegatedTogether(_ b: Bytes, _ tokens: ProseTokens, _ i: Int, _ lo: Int) -> Bool {
    negationBefore(tokens, i, lo) != nil
}

/// The index of the negation before the word at index `i`, with at most
/// three plain words between (`cannot run in parallel`, `must not be merged
/// before`), or nil.
func negationBefore(_ tokens: ProseTokens, _ i: Int, _ lo: Int) -> Int? {
    var j = i - 1
    var words = 0
    while j >= tokens.startIndex, tokens[j].start >= lo, words <= 3 {
        switch tokens[j].kind {
        case .negation: return j
        case .word: words += 1
        default: return nil
        }
        j -= 1
    }
    return nil
}

/// The task references right before the clause word at index `i` (a word
/// standing after its list: `T001、T002完了後`, `（T013, T015 依存）`): the
/// list that ends there, with at most two plain words between (`完成`, `の`);
/// with `connectors`, joining words too (`と`, `와`: `T006と並列`). Also
/// where that list starts. Empty when no list ends there.
func referencesRightBefore(
    _ b: Bytes, _ tokens: ProseTokens, _ i: Int, _ lo: Int, _ locator: TextLocator, connectors: Bool = false
) -> (references: [Reference], start: Int) {
    // All on the word's line: a list on a line above is another statement.
    func sameLine(_ j: Int) -> Bool {
        j >= tokens.startIndex && tokens[j].start >= lo && !hasLineBreak(b, tokens[j].end, tokens[j + 1].start)
    }
    guard let (first, last) = itemRunBefore(b, tokens, i, lo, phases: false, connectors: connectors) else {
        return ([], tokens[i].start)
    }
    return (taskReferences(b, tokens, first, last + 1, locator), tokens[first].start)
}

/// The run of items joined by separators that ends a word or two before the
/// token at `i`, all on its line and from `lo`: the indices of its first and
/// last item, or nil. Items are task IDs and ranges, and with `phases` phase
/// references too; `connectors` also steps over a CJK joining word.
func itemRunBefore(_ b: Bytes, _ tokens: ProseTokens, _ i: Int, _ lo: Int, phases: Bool, connectors: Bool = false) -> (Int, Int)? {
    func sameLine(_ j: Int) -> Bool {
        j >= tokens.startIndex && tokens[j].start >= lo && !hasLineBreak(b, tokens[j].end, tokens[j + 1].start)
    }
    func isItem(_ j: Int) -> Bool { phases ? tokens[j].isItem : tokens[j].kind == .id || tokens[j].kind == .range }
    var j = i - 1
    var gap = 0
    while sameLine(j), gap < 2 {
        let t = tokens[j]
        guard t.kind == .word || t.kind == .filler || (connectors && t.kind == .separator && b[t.start] >= 0x80) else { break }
        j -= 1
        gap += 1
    }
    guard sameLine(j), isItem(j) else { return nil }
    // The list that ends at `j`: items joined by separators, leftmost first.
    var first = j
    while sameLine(first - 1), sameLine(first - 2), tokens[first - 1].kind == .separator, isItem(first - 2) { first -= 2 }
    return (first, j)
}

/// Where a CJK joining word (an *and* word of the table: `と`, `和`, `与`,
/// `與`, `跟`) right before the word at index `i` starts, or nil: `US1, US2と独立`.
func joinedBefore(_ b: Bytes, _ tokens: ProseTokens, _ i: Int, _ lo: Int) -> Int? {
    guard i > tokens.startIndex, tokens[i - 1].start >= lo, tokens[i - 1].kind == .separator, b[tokens[i - 1].start] >= 0xE0
    else { return nil }
    return tokens[i - 1].start
}

/// Whether `or vice versa` (in any language of the table) ends the clause
/// that goes on at offset `k`: before its sentence end, a `,` or another clause word.
func hasViceVersa(_ b: Bytes, _ tokens: ProseTokens, from k: Int, _ hi: Int) -> Bool {
    var j = firstToken(tokens, at: k)
    while j < tokens.endIndex, tokens[j].end <= hi {
        let t = tokens[j]
        if DependencyVocabulary.match(b, t.start, t.start, hi, roles: RoleSet(.viceVersa), declared: true) != nil { return true }
        switch t.kind {
        case .sentenceEnd, .dependency, .parallel, .arrow: return false
        case .separator where b[t.start] == UInt8(ascii: ","): return false
        default: j += 1
        }
    }
    return false
}

/// Whether the clause word at index `i` names a field: `:` follows it
/// (`Dependencies:`, `**Depends on**:`, `依存：`).
func isFieldName(tokens: ProseTokens, _ i: Int) -> Bool {
    i + 1 < tokens.endIndex && tokens[i + 1].kind == .colon
}

/// Whether the list that starts at offset `start` is empty by a word: `None`,
/// `n/a`, `なし`, `无` (after a `:` or `(`), or a dash alone at the end of its
/// line or cell (`Depends on: -`, `| — |`).
func listIsNone(_ b: Bytes, _ tokens: ProseTokens, from start: Int, _ hi: Int) -> Bool {
    var j = firstToken(tokens, at: start)
    while j < tokens.endIndex, tokens[j].end <= hi, tokens[j].kind == .colon || tokens[j].kind == .open { j += 1 }
    guard j < tokens.endIndex, tokens[j].end <= hi else { return false }
    switch tokens[j].kind {
    case .none:
        return true
    case .dash where b[tokens[j].start] == UInt8(ascii: "-") || b[tokens[j].start] == 0xE2:
        let next = j + 1
        guard next < tokens.endIndex, tokens[next].end <= hi else { return true }
        return tokens[next].kind == .close || hasLineBreak(b, tokens[j].end, tokens[next].start)
            || (tokens[next].kind == .mark && b[tokens[next].start] == UInt8(ascii: "|"))
    default:
        return false
    }
}

/// Whether the tokens in `lo..<hi` hold a word that picks some tasks only
/// (`many`, `most`, `some`, `several`: the table's quantifiers).
func hasQuantifier(_ b: Bytes, _ tokens: ProseTokens, _ lo: Int, _ hi: Int) -> Bool {
    var j = firstToken(tokens, at: lo)
    while j < tokens.endIndex, tokens[j].end <= hi {
        if tokens[j].kind == .word,
            DependencyVocabulary.match(b, tokens[j].start, tokens[j].start, hi, roles: RoleSet(.quantifier), declared: true) != nil
        {
            return true
        }
        j += 1
    }
    return false
}

/// Whether the tokens in `lo..<hi` hold a bare number (`7 parallel tasks`,
/// `5タスク`, `15+`): a word of digits that does not follow a word
/// (`Step 3` is a name), and is no part of an ID or a phase reference.
func hasCount(_ b: Bytes, _ tokens: ProseTokens, _ lo: Int, _ hi: Int) -> Bool {
    var j = firstToken(tokens, at: lo)
    while j < tokens.endIndex, tokens[j].end <= hi {
        let t = tokens[j]
        if t.kind == .word, b[t.start].isDigit {
            let previous = j > tokens.startIndex && tokens[j - 1].start >= lo ? tokens[j - 1] : nil
            if let previous, previous.kind == .word, b[previous.end - 1].isLetter, previous.end < t.start { j += 1; continue }
            return true
        }
        j += 1
    }
    return false
}

/// Whether a token starts with punctuation: an ASCII mark, or a full-width
/// one (`（`, `，`, `：`, `、`, `。`: EF BC xx, E3 80 xx).
func startsWithPunctuation(_ b: Bytes, _ token: ProseToken) -> Bool {
    let c = b[token.start]
    if c < 0x80 { return !c.isWordByte }
    guard token.start + 1 < token.end else { return false }
    let next = b[token.start + 1]
    return c == 0xEF && next == 0xBC || c == 0xE3 && next == 0x80
}
