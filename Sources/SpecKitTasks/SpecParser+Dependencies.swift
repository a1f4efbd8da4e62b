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
    /// The clause keyword starting at `k` and where it ends, or nil.
    ///
    /// `declared` adds `before`, which only makes sense between two subjects.
    func clauseKeyword(_ b: Bytes, _ k: Int, _ lo: Int, _ hi: Int, declared: Bool) -> (ClauseKeyword, Int)? {
        let c = b[k]
        if c == 0xE4 {
            // 依赖 / 依赖于 / 依存
            // 依存関係 / 依赖关系: "dependencies", as a field name.
            if b.matches("依存関係", at: k, end: hi) { return (.dependsOn, k + "依存関係".utf8.count) }
            if b.matches("依赖关系", at: k, end: hi) { return (.dependsOn, k + "依赖关系".utf8.count) }
            if b.matches("依赖于", at: k, end: hi) { return (.dependsOn, k + "依赖于".utf8.count) }
            if b.matches("依赖", at: k, end: hi) { return (.dependsOn, k + "依赖".utf8.count) }
            if b.matches("依存", at: k, end: hi) { return (.dependsOn, k + "依存".utf8.count) }
            return nil
        }
        guard c.isLetter, b.isWordStart(k, lo) else { return nil }
        let table: [(StaticString, ClauseKeyword)]
        switch c.lowercased {
        case UInt8(ascii: "d"): table = Vocabulary.dKeywords
        case UInt8(ascii: "a"): table = Vocabulary.aKeywords
        case UInt8(ascii: "r"): table = Vocabulary.rKeywords
        case UInt8(ascii: "n"): table = Vocabulary.nKeywords
        case UInt8(ascii: "b"): table = declared ? Vocabulary.bDeclaredKeywords : Vocabulary.bKeywords
        case UInt8(ascii: "w"): table = Vocabulary.wKeywords
        default: return nil
        }
        // Words of a keyword may be split by a line break (`depends⏎ on`).
        for (word, kind) in table {
            guard let e = b.matchesLowercaseWords(word, at: k, end: hi) else { continue }
            if b.isWordEnd(e, hi) { return (kind, e) }
        }
        return nil
    }

    /// Finds every dependency clause in a task's text; records the references and
    /// the spans they cover (those are not searched for file paths).
    /// - Complexity: O(n); every byte is looked at a bounded number of times.
    func scanDependencyClauses(
        _ b: Bytes, _ lo: Int, _ hi: Int, _ locator: TextLocator, into facts: inout TaskTextFacts,
        excluded: inout [(Int, Int)]
    ) {
        var k = lo
        while k < hi {
            let c = b[k]
            guard c == 0xE4 || (c.isLetter && (k == lo || !b[k - 1].isWordByte)) else {
                k += 1
                continue
            }
            guard let (kind, keywordEnd) = clauseKeyword(b, k, lo, hi, declared: false) else {
                // Skip the rest of the word.
                k += 1
                while k < hi, b[k].isWordByte { k += 1 }
                continue
            }
            let list = parseReferenceList(b, skipFillers(b, keywordEnd, hi), hi, locator, skipWords: 0, phases: true)
            if !list.references.isEmpty || !list.phases.isEmpty {
                excluded.append((k, list.end))
                // `does not depend on T001`, `never needs T003`: no order, and no paths either.
                let negated = isNegated(b, lo, k)
                if !list.references.isEmpty, !negated { facts.references.append((list.references, kind == .blocks)) }
                if kind != .blocks, !negated { facts.phaseReferences += list.phases }
                k = max(list.end, keywordEnd)
            } else {
                k = keywordEnd
            }
        }
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
                if b.sentenceEndLength(at: k, end: hi) != nil { return list }
                k += 1
            }
            k = skipListOpening(b, k, hi)
            wordsLeft -= 1
        }
        while k < hi, let (found, e) = item(b, k, hi, phases: phases) {
            var isPhase = false
            switch found {
            case .task(let idEnd, let secondStart):
                list.references.append(Reference(b, k, idEnd, secondStart, e, locator))
            case .phase(let ps):
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

    /// After a clause word in a task's text, the words that may come before
    /// its list: `depends on completion of T011`, `after the tasks T003, T004`.
    func skipFillers(_ b: Bytes, _ start: Int, _ hi: Int) -> Int {
        var k = b.skipSpaces(start, hi)
        var progressed = true
        // `after Task 2`: in a document of worded IDs the word is the ID's.
        while progressed, !wordedIDs || b.wordedID(at: k, end: hi) == nil {
            progressed = false
            for word in Vocabulary.fillers {
                if let e = b.matchesLowercaseWords(word, at: k, end: hi), b.isWordEnd(e, hi) {
                    k = skipSpacesAndNewlines(b, e, hi)
                    progressed = true
                    break
                }
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

    enum ListItem {
        case task(idEnd: Int, secondStart: Int?)
        /// One phase, or several written as one item (`Phases 2 + 3`, `User Story 1 and 2`).
        case phase([PhaseReference])
    }

    /// One list item at `k`: an ID or a range (task), or a phase or story reference.
    func item(_ b: Bytes, _ k: Int, _ hi: Int, phases: Bool) -> (ListItem, Int)? {
        if let idEnd = b.anyTaskIDEnd(at: k, end: hi, worded: wordedIDs), k == 0 || !b[k - 1].isWordByte {
            // Range forms: T004-T007, T004–T007, T004..T007, T004 through T007, T004 to T007.
            var j = idEnd
            let spaced = b.skipSpaces(j, hi)
            if spaced < hi {
                if b[spaced] == UInt8(ascii: "-") && !(spaced + 1 < hi && b[spaced + 1] == UInt8(ascii: ">")) {
                    j = spaced + 1
                } else if b.matches("–", at: spaced, end: hi) || b.matches("—", at: spaced, end: hi) {
                    j = spaced + 3
                } else if b.matches("..", at: spaced, end: hi) {
                    j = spaced + 2
                } else if let e = b.matchesLowercaseWords("through ", at: spaced, end: hi)
                    ?? b.matchesLowercaseWords("thru ", at: spaced, end: hi) ?? b.matchesLowercaseWords("to ", at: spaced, end: hi)
                {
                    j = e
                }
            }
            if j > idEnd {
                // A range wrapped after its dash or word (`T001 –⏎ T003`).
                let second = skipSpacesAndNewlines(b, j, hi)
                if let secondEnd = b.anyTaskIDEnd(at: second, end: hi, worded: wordedIDs) {
                    return (.task(idEnd: idEnd, secondStart: second), secondEnd)
                }
            }
            return (.task(idEnd: idEnd, secondStart: nil), idEnd)
        }
        guard phases, k < hi else { return nil }
        return phaseItem(b, k, hi)
    }

    /// `Phase 2`, `US1`, `User Story 1`, `Story 1`; the barrier phases by name
    /// (`Setup`, `Foundational`, `Polish`, capitalised as authors write them);
    /// `all user stories`, `all desired user stories`, `all stories`.
    func phaseItem(_ b: Bytes, _ k: Int, _ hi: Int) -> (ListItem, Int)? {
        guard b.isWordStart(k, 0) || k == 0 else { return nil }
        var j = k
        if b[k].isUpper {
            for name in Vocabulary.phaseNames where b.matchesLowercase(name, at: k, end: hi) {
                let e = k + name.byteCount
                if b.isWordEnd(e, hi) { return (.phase([.named(b.string(k, e).lowercasedASCII())]), e) }
            }
        }
        if b.matchesLowercase("all ", at: j, end: hi) {
            j = b.skipSpaces(j + 4, hi)
            if b.matchesLowercase("desired ", at: j, end: hi) { j = b.skipSpaces(j + 8, hi) }
            if b.matchesLowercase("user ", at: j, end: hi) { j = b.skipSpaces(j + 5, hi) }
            guard b.matchesLowercase("stories", at: j, end: hi), b.isWordEnd(j + 7, hi) else { return nil }
            return (.phase([.allStories]), j + 7)
        }
        for word in ["phases ", "phase "] as [StaticString] where b.matchesLowercase(word, at: j, end: hi) {
            guard let (numbers, e) = numberList(b, j + word.byteCount, hi, dotted: true) else { return nil }
            return (.phase(numbers.map { .number($0) }), e)
        }
        if b.matches("US", at: j, end: hi) {
            j += 2
            let s = j
            while j < hi, b[j].isDigit { j += 1 }
            guard j > s, b.isWordEnd(j, hi) else { return nil }
            return (.phase([.story("US" + b.string(s, j))]), j)
        }
        for word in ["user stories ", "user story ", "stories ", "story "] as [StaticString]
        where b.matchesLowercase(word, at: j, end: hi) {
            guard let (numbers, e) = numberList(b, j + word.byteCount, hi, dotted: false) else { return nil }
            return (.phase(numbers.map { .story("US" + $0) }), e)
        }
        return nil
    }

    /// `2`, `2 + 3`, `2, 3 and 5`, `2–5` after `Phases` or `User Stories`: the
    /// numbers as written (integer ranges spelled out), and where they end.
    func numberList(_ b: Bytes, _ start: Int, _ hi: Int, dotted: Bool) -> ([String], Int)? {
        func number(at k: Int) -> Int? {
            var j = k
            while j < hi, b[j].isDigit || (dotted && b[j] == UInt8(ascii: ".") && j + 1 < hi && b[j + 1].isDigit) { j += 1 }
            // `Phase 4a`, as phase headings may be numbered.
            if dotted, j > k, j < hi, b[j].isLetter, b.isWordEnd(j + 1, hi) { j += 1 }
            return j > k && b.isWordEnd(j, hi) ? j : nil
        }
        var k = b.skipSpaces(start, hi)
        guard let firstEnd = number(at: k) else { return nil }
        var numbers = [b.string(k, firstEnd)]
        var end = firstEnd
        while true {
            k = b.skipSpaces(end, hi)
            var isRange = false
            if k < hi, b[k] == UInt8(ascii: "-"), !(k + 1 < hi && b[k + 1] == UInt8(ascii: ">")) {
                k += 1
                isRange = true
            } else if b.matches("–", at: k, end: hi) || b.matches("—", at: k, end: hi) {
                k += 3
                isRange = true
            } else if b.matchesLowercase("to ", at: k, end: hi) || b.matchesLowercase("through ", at: k, end: hi) {
                k += b[k] | 0x20 == UInt8(ascii: "t") && b[k + 1] | 0x20 == UInt8(ascii: "o") ? 3 : 8
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

    func skipListOpening(_ b: Bytes, _ start: Int, _ hi: Int) -> Int {
        var k = start
        while k < hi {
            let c = b[k]
            if c.isWhitespace || c == UInt8(ascii: ":") || c == UInt8(ascii: "*") || c == UInt8(ascii: "(")
                || c == UInt8(ascii: "`") || c == UInt8(ascii: "[")
            {
                k += 1
            } else if b.matches("：", at: k, end: hi) {
                k += 3
            } else {
                break
            }
        }
        return k
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
        switch b[k] {
        case UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: "+"), UInt8(ascii: "&"): return k + 1
        default: break
        }
        if b.matchesLowercase("and", at: k, end: hi), b.isWordEnd(k + 3, hi) { return k + 3 }
        // `e` / `y` (Portuguese, Spanish: `depende de T003 e T004`), `et` (French).
        if b[k] | 0x20 == UInt8(ascii: "e") || b[k] | 0x20 == UInt8(ascii: "y") {
            if b.isWordEnd(k + 1, hi) { return k + 1 }
            if b[k] | 0x20 == UInt8(ascii: "e"), k + 1 < hi, b[k + 1] | 0x20 == UInt8(ascii: "t"), b.isWordEnd(k + 2, hi) { return k + 2 }
        }
        if b.matches("、", at: k, end: hi) || b.matches("，", at: k, end: hi) || b.matches("和", at: k, end: hi)
            || b.matches("及", at: k, end: hi) || b.matches("と", at: k, end: hi)
        {
            return k + 3
        }
        return nil
    }

    /// Every task and phase reference between `lo` and `hi` (declared statement subjects
    /// and arrow-chain parts).
    func collectReferences(_ b: Bytes, _ lo: Int, _ hi: Int, _ locator: TextLocator) -> ReferenceList {
        var list = ReferenceList(end: hi)
        var k = lo
        while k < hi {
            let c = b[k]
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
                    for p in ps where !list.phases.contains(p) { list.phases.append(p) }
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
    /// Words between a clause word and its list in a task's text.
    static let fillers: [StaticString] = [
        "the completion of", "completion of", "completing", "finishing", "the tasks", "the task", "tasks", "task",
        "all of", "the",
    ]
    static let dKeywords: [(StaticString, ClauseKeyword)] = [
        ("depends on", .dependsOn), ("depends_on", .dependsOn), ("depends-on", .dependsOn), ("depend on", .dependsOn),
        ("dependencies", .dependsOn),
        ("dependency", .dependsOn), ("depends", .dependsOn), ("depende de", .dependsOn),
        ("depende", .dependsOn), ("dépend de", .dependsOn),
    ]
    static let aKeywords: [(StaticString, ClauseKeyword)] = [("after", .dependsOn)]
    static let rKeywords: [(StaticString, ClauseKeyword)] = [("requires", .dependsOn), ("require", .dependsOn)]
    static let nKeywords: [(StaticString, ClauseKeyword)] = [("needs", .dependsOn)]
    static let bKeywords: [(StaticString, ClauseKeyword)] = [
        ("blocked by", .dependsOn), ("blocked_by", .dependsOn), ("blocked-by", .dependsOn), ("blocks", .blocks),
    ]
    static let bDeclaredKeywords: [(StaticString, ClauseKeyword)] = [
        ("blocked by", .dependsOn), ("blocked_by", .dependsOn), ("blocked-by", .dependsOn), ("blocks", .blocks),
        ("block", .blocks), ("before", .before),
    ]
    static let wKeywords: [(StaticString, ClauseKeyword)] = [("waits for", .dependsOn), ("wait for", .dependsOn)]
    /// Barrier phases named by a word of their title (spec-kit's template names).
    static let phaseNames: [StaticString] = ["setup", "foundational", "polish"]
    static let negations: [StaticString] = ["no", "not", "without", "never"]
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
