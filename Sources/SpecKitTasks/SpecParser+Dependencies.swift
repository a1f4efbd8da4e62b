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
    ///
    /// `quickList: false` reads the common `(depends on T003, T005-T007)`
    /// through the lexer like any other clause (tests compare the two).
    func scanDependencyClauses(
        _ b: Bytes, _ lo: Int, _ hi: Int, _ locator: TextLocator, into facts: inout TaskTextFacts,
        excluded: inout [(Int, Int)], ownID: String? = nil, firstWord: Int? = nil,
        partialLex: Bool = true, quickList: Bool = true
    ) {
        // Most texts hold no clause word: one table load per word rules them out,
        // and only a text that holds one is lexed. `firstWord`: where the first
        // clause word starts, found by the caller (`textTriggers`'s keyword).
        guard let first = firstWord ?? DependencyVocabulary.firstWordStart(b, lo, hi, roles: .clause, declared: false)
        else { return }
        // `(depends on T003, T005-T007)` with no clause word after it, the
        // common clause: read without the lexer (what it would give).
        if quickList, partialLex, first > lo, b[first - 1] == UInt8(ascii: "("),
            let (references, end) = quickDependsOnList(b, first, hi, locator)
        {
            facts.statesDependencies = true
            excluded.append((first, end))
            facts.references.append((references, false))
            return
        }
        var tokens: [ProseToken] = []
        swap(&tokens, &facts.tokens)
        defer { swap(&tokens, &facts.tokens) }
        // Only a text that holds a clause word is lexed, then whole: a word
        // standing after its list (`T003 之后`) and a negation need what
        // comes before the first clause word. But a `(` right before it
        // (`Add the model in src/m.py (depends on T003)`, the common case) is
        // a token of its own in any lexing (no token spans a `(`: a phase
        // title holding a clause word is none), and every look back from a
        // clause word (negation, a list before the word, what opens the
        // clause) stops at it: the text is lexed from there.
        // `partialLex: false` lexes every text whole (tests compare the two).
        let lexStart = partialLex && first > lo && b[first - 1] == UInt8(ascii: "(") ? first - 1 : lo
        lexDependencyProse(b, lexStart, hi, worded: wordedIDs, declared: false, into: &tokens)
        let all = tokens[...]
        var k = first
        var t = all.startIndex
        while t < all.endIndex {
            let token = all[t]
            t += 1
            // Tokens before `k` were read with the clause before.
            guard token.start >= k, token.kind == .dependency || token.kind == .parallel, let role = token.role else { continue }
            let index = t - 1
            k = token.start
            let wordEnd = token.end
            switch role {
            case .parallel, .independent:
                k = scanTogether(b, all, index, lo, hi, locator, into: &facts, excluded: &excluded)
                continue
            default:
                break
            }
            let negated = isNegated(b, all, index, lo) || (token.placement == .postfix && Self.negatedAfter(b, wordEnd, hi))
            if token.placement == .postfix {
                // `T003 之后`, `T001完了後`, `T002 이후`: the references right before the word.
                let (before, from) = referencesRightBefore(b, all, index, lo, locator)
                if !before.isEmpty {
                    facts.statesDependencies = true
                    if !negated { facts.references.append((before, false)) }
                    excluded.append((from, wordEnd))
                }
                k = wordEnd
                continue
            }
            let kind: ClauseKeyword = role == .blocks ? .blocks : .dependsOn
            // `depends on completion of T011`, `after the tasks T003, T004`.
            var listIndex = index + 1
            while listIndex < all.endIndex, all[listIndex].kind == .filler { listIndex += 1 }
            let listStart = listIndex > index + 1 ? all[listIndex - 1].end : wordEnd
            let list = readReferenceList(b, all, from: listStart, to: hi, locator, worded: wordedIDs, phases: true)
            let fieldOrNone = isFieldName(tokens: all, index) || listIsNone(b, all, from: listStart, hi)
            if negated || fieldOrNone {
                facts.statesDependencies = true
            }
            // `Dependencies: T218 must complete before T284`: the field holds a
            // sentence with a subject of its own, not a list of what comes first.
            var subject = listIndex
            while subject < all.endIndex, all[subject].kind == .colon || all[subject].kind == .open { subject += 1 }
            if list.references.count == 1, list.phases.isEmpty, subject < all.endIndex,
                all[subject].kind == .id || all[subject].kind == .range,
                let verb = clauseWordAfter(b, all, after: subject, hi, needsHelper: true),
                verb.placement == .prefix && verb.role != .after || DependencyVocabulary.isSubjectVerb(b, all[verb.index].start, hi)
            {
                facts.statesDependencies = true
                // `T218 must complete before T284, T397` in T218's own text: T218 blocks them.
                if let ownID, list.references[0].id == ownID, list.references[0].upTo == nil,
                    verb.role == .before || verb.role == .blocks
                {
                    let wordEnd = all[verb.index].kind == .word
                        ? DependencyVocabulary.match(b, all[verb.index].start, lo, hi, roles: RoleSet(verb.role), declared: true)?.end
                            ?? all[verb.index].end
                        : all[verb.index].end
                    let object = readReferenceList(
                        b, all, from: wordEnd, to: hi, locator, worded: wordedIDs, skipWords: 2, phases: false)
                    if !object.references.isEmpty, !negated {
                        facts.references.append((object.references, true))
                        excluded.append((k, object.end))
                        k = object.end
                        continue
                    }
                }
                k = all[subject].end
                continue
            }
            if list.references.isEmpty, list.phases.isEmpty, b[token.start] >= 0xE0, !fieldOrNone {
                // `（T013, T015 依存）`: a CJK clause word may also follow its list.
                let (before, from) = referencesRightBefore(b, all, index, lo, locator)
                if !before.isEmpty {
                    facts.statesDependencies = true
                    if !negated { facts.references.append((before, kind == .blocks)) }
                    excluded.append((from, wordEnd))
                    k = wordEnd
                    continue
                }
            }
            if !list.references.isEmpty || !list.phases.isEmpty {
                facts.statesDependencies = true
                excluded.append((k, list.end))
                // `does not depend on T001`, `never needs T003`, `depends on T002 —
                // no longer needed`: no order, and no paths either.
                let negated = negated || Self.negatedAfter(b, list.end, hi)
                if !list.references.isEmpty, !negated { facts.references.append((list.references, kind == .blocks)) }
                if kind != .blocks, !negated, !list.phases.isEmpty { facts.phaseReferences += list.phases }
                k = max(list.end, wordEnd)
            } else {
                k = wordEnd
            }
        }
    }

    /// The references of `depends on T003, T005-T007)` at `k` (a `(` before
    /// it), and where the last of them ends, when that is all the clause
    /// holds and no clause word may follow the `)` before `hi`; nil otherwise.
    ///
    /// What the lexer and the clause loop make of such a text: one token for
    /// `depends on` (no longer row of the vocabulary starts so), an ID or a
    /// range per item (`proseItem`, as the lexer reads them), a separator per
    /// `,`, then the `)` that ends the list; no negation, field name, none
    /// word or subject before or in it. Only the exact spelling is taken
    /// (lowercase, single spaces between the words, `, ` or `,` between the
    /// items); anything else goes through the lexer.
    /// - Complexity: O(clause length + hi - k).
    func quickDependsOnList(_ b: Bytes, _ k: Int, _ hi: Int, _ locator: TextLocator) -> ([Reference], Int)? {
        // `depends on `: eight bytes, then `on` and a blank.
        guard k + 11 < hi, ByteChunk(b, k, hi).bytes == 0x2073_646E_6570_6564,
            b[k + 8] == UInt8(ascii: "o"), b[k + 9] == UInt8(ascii: "n"), b[k + 10] == UInt8(ascii: " ")
        else { return nil }
        var listStart = k + 11
        while listStart < hi, b[listStart] == UInt8(ascii: " ") { listStart += 1 }
        // The items are read first to know that the list is all there is and
        // how long it is (one allocation of the right size); a list of more
        // than one is read again into references.
        guard let firstItem = quickListItem(b, listStart, hi) else { return nil }
        var item = firstItem
        var count = 1
        var end = 0
        while true {
            if b[item.end] == UInt8(ascii: ")") {
                end = item.end
                break
            }
            var i = item.end + 1
            while i < hi, b[i] == UInt8(ascii: " ") { i += 1 }
            guard let next = quickListItem(b, i, hi) else { return nil }
            item = next
            count += 1
        }
        guard DependencyVocabulary.firstWordStart(b, end + 1, hi, roles: .clause, declared: false) == nil else { return nil }
        @inline(__always) func reference(_ i: Int, _ item: (idEnd: Int, second: Int?, end: Int)) -> Reference {
            guard let second = item.second else { return Reference(b, i, item.idEnd, nil, item.end, locator) }
            // As `listItem` reads a range token.
            return Reference(b, i, b.anyTaskIDEnd(at: i, end: second, worded: true) ?? second, second, item.end, locator)
        }
        guard count > 1 else { return ([reference(listStart, firstItem)], end) }
        var references: [Reference] = []
        references.reserveCapacity(count)
        references.append(reference(listStart, firstItem))
        var i = firstItem.end
        while i < end {
            i += 1
            while i < hi, b[i] == UInt8(ascii: " ") { i += 1 }
            guard let item = quickListItem(b, i, hi) else { break }
            references.append(reference(i, item))
            i = item.end
        }
        return (references, end)
    }

    /// The item of `quickDependsOnList` at `i`: an ID or a range starting
    /// with `T` as the lexer reads it (`proseItem`), that `,` or `)` follows;
    /// nil for anything else.
    @inline(__always) private func quickListItem(_ b: Bytes, _ i: Int, _ hi: Int) -> (idEnd: Int, second: Int?, end: Int)? {
        guard i < hi, b[i] == UInt8(ascii: "T") else { return nil }
        if let e = b.anyTaskIDEnd(at: i, end: hi, worded: wordedIDs), e < hi {
            if b[e] == UInt8(ascii: ",") || b[e] == UInt8(ascii: ")") {
                // `proseItem` would look for a range word at `e`: none starts
                // with `,` or `)` (each is the only row of its byte).
                return (e, nil, e)
            }
            // `T004-T007`: the range word there is the dash (no other row
            // starts `-T`), and the second ID follows it right away.
            if b[e] == UInt8(ascii: "-"), e + 1 < hi, b[e + 1] == UInt8(ascii: "T"),
                let secondEnd = b.anyTaskIDEnd(at: e + 1, end: hi, worded: wordedIDs), secondEnd < hi,
                b[secondEnd] == UInt8(ascii: ",") || b[secondEnd] == UInt8(ascii: ")")
            {
                return (e, e + 1, secondEnd)
            }
        }
        guard let (item, e) = proseItem(b, i, hi, phases: true, worded: wordedIDs), case .task(let idEnd, let second) = item,
            e < hi, b[e] == UInt8(ascii: ",") || b[e] == UInt8(ascii: ")")
        else { return nil }
        return (idEnd, second, e)
    }

    /// `parallel with T006`, `independent`, `与 T006 并行` in a task's text, at
    /// the token `i`; returns where reading goes on.
    private func scanTogether(
        _ b: Bytes, _ tokens: ProseTokens, _ i: Int, _ lo: Int, _ hi: Int, _ locator: TextLocator,
        into facts: inout TaskTextFacts, excluded: inout [(Int, Int)]
    ) -> Int {
        let k = tokens[i].start, wordEnd = tokens[i].end
        let role = tokens[i].role ?? .parallel
        guard !isNegatedTogether(b, tokens, i, lo) else { return wordEnd }
        guard let object = togetherObject(b, tokens, i, hi, locator, role: role) else { return wordEnd }
        // A clause of its own: the text starts with the word, or punctuation comes right before it.
        let opensClause = i == tokens.startIndex || tokens[i - 1].start < lo || startsWithPunctuation(b, tokens[i - 1])
        if role == .independent, object.standalone, opensClause {
            // `(independent)`, `**Independent**`: this task waits for nothing.
            facts.independent = true
            facts.statesDependencies = true
            return wordEnd
        }
        var references = object.list.references
        let phases = object.list.phases
        if references.isEmpty, phases.isEmpty, b[k] >= 0xE0 {
            // `与 T006 并行`, `T006と並列実行可能`: the tasks stand before the word.
            references = referencesRightBefore(b, tokens, i, lo, locator, connectors: true).references
        }
        guard !references.isEmpty || !phases.isEmpty else { return wordEnd }
        if role == .independent { facts.statesDependencies = true }
        facts.together.append((references, phases, locator.location(k)))
        excluded.append((k, max(wordEnd, object.list.end)))
        return max(wordEnd, object.list.end)
    }

    /// What follows the `parallel` / `independent` word at token `i`: `with
    /// T006`, `of US2`, `of other stories`, `: T005, T006`; nil when a plain
    /// word follows `independent` (`Independent Test`), which states nothing.
    func togetherObject(_ b: Bytes, _ tokens: ProseTokens, _ i: Int, _ hi: Int, _ locator: TextLocator, role: DependencyRole)
        -> (list: ReferenceList, otherStories: Bool, standalone: Bool, unnamedPartner: Bool, connected: Bool)?
    {
        let start = tokens[i].end
        var j = i + 1
        @inline(__always) func within(_ j: Int) -> Bool { j < tokens.endIndex && tokens[j].end <= hi }
        func match(_ j: Int, _ role: DependencyRole) -> Int? {
            DependencyVocabulary.match(b, tokens[j].start, tokens[j].start, hi, roles: RoleSet(role), declared: true)?.end
        }
        var connected = false
        if within(j), let e = match(j, .connector) {
            j = firstToken(tokens, at: e)
            connected = true
        }
        if connected, within(j), let e = match(j, .otherStories) { return (ReferenceList(end: e), true, false, false, true) }
        // `independent of each other`, `independientes entre sí`: the subject's tasks among themselves.
        if within(j), let e = match(j, .eachOther) { return (ReferenceList(end: e), false, false, false, connected) }
        let from = connected ? (within(j) ? tokens[j].start : hi) : start
        let list = readReferenceList(b, tokens, from: from, to: hi, locator, worded: wordedIDs, phases: true)
        // `T005, T006 parallel (T007 depends on T004)`: a list that an order
        // word follows is the subject of that clause, not what runs beside.
        let next = firstToken(tokens, at: list.end)
        let subjectOfNext = !connected && next < tokens.endIndex && tokens[next].end <= hi && tokens[next].kind == .dependency
        if !list.references.isEmpty || !list.phases.isEmpty, !subjectOfNext { return (list, false, false, false, connected) }
        // Nothing named after the word: it stands alone when punctuation or
        // the end follows; a plain word after `independent` makes it an adjective.
        let standalone = !within(j) || startsWithPunctuation(b, tokens[j])
        if role == .independent, !standalone, !connected { return nil }
        // `in parallel with implementation`: a partner that names no task or phase.
        return (ReferenceList(end: start), false, standalone && !connected, connected, connected)
    }

}

/// Word lists, built once (a literal array inside a function allocates on every call).
enum Vocabulary {
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
