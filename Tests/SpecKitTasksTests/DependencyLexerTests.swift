import Foundation
import Testing

@testable import SpecKitTasks

/// The tokens of `text` as `KIND:text` words joined by spaces: `ID:T005 AFTER:after ID:T003`.
///
/// Kinds: `ID`, `RANGE`, `PHASE`, `→` / `←` (arrows), `SEP`, `AFTER` / `BLOCKS` /
/// `BEFORE` (dependency words, `AFTER<` for one that follows its list),
/// `PARALLEL`, `INDEPENDENT`, `NOT`, `NONE`, `FILLER`, `END`, `(`, `)`, `COLON`,
/// `DASH`, `WORD`, `MARK`.
private func lexed(_ text: String, worded: Bool = false, declared: Bool = true) -> String {
    let bytes = Array(text.utf8)
    var tokens: [ProseToken] = []
    bytes.withUnsafeBufferPointer { lexDependencyProse($0, 0, $0.count, worded: worded, declared: declared, into: &tokens) }
    return tokens.map { token in
        let text = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
        return "\(name(of: token)):\(text)"
    }.joined(separator: " ")
}

private func name(of token: ProseToken) -> String {
    switch token.kind {
    case .id: "ID"
    case .range: "RANGE"
    case .phase: "PHASE"
    case .arrow: token.role == .arrowBack ? "←" : "→"
    case .separator: "SEP"
    case .dependency:
        (token.role == .blocks ? "BLOCKS" : token.role == .before ? "BEFORE" : "AFTER") + (token.placement == .postfix ? "<" : "")
    case .parallel: token.role == .independent ? "INDEPENDENT" : "PARALLEL"
    case .negation: "NOT"
    case .none: "NONE"
    case .filler: "FILLER"
    case .sentenceEnd: "END"
    case .open: "("
    case .close: ")"
    case .colon: "COLON"
    case .dash: "DASH"
    case .word: "WORD"
    case .mark: "MARK"
    }
}

@Suite("Dependency prose: the lexer")
struct DependencyLexerTests {
    @Test("every word of the vocabulary, alone between two IDs, is one token of its role", arguments: DependencyVocabulary.rows.indices)
    func everyRow(index: Int) {
        let row = DependencyVocabulary.rows[index]
        let bytes = Array("T001 \(row.word) T002".utf8)
        guard RoleSet.all.contains(row.role) else {
            // A word of the clause layer (`with`, `each other`, `or vice versa`): found by its role, no token.
            let found = bytes.withUnsafeBufferPointer {
                DependencyVocabulary.match($0, 5, 0, $0.count, roles: RoleSet(row.role), declared: true)?.end
            }
            #expect(found == 5 + row.word.utf8.count, "\(row.language) \(row.word)")
            return
        }
        var tokens: [ProseToken] = []
        bytes.withUnsafeBufferPointer { lexDependencyProse($0, 0, $0.count, worded: false, declared: true, into: &tokens) }
        if row.role == .range {
            // A range word between two IDs joins them into one range.
            #expect(tokens.map(\.kind) == [.range], "\(row.word)")
            #expect(tokens.first?.inner == bytes.count - 4, "\(row.word)")
            return
        }
        #expect(tokens.count == 3, "\(row.language) \(row.word): \(lexed("T001 \(row.word) T002"))")
        guard tokens.count == 3 else { return }
        #expect(tokens[1].role == row.role, "\(row.word)")
        #expect(tokens[1].placement == (row.postfix ? .postfix : .prefix), "\(row.word)")
        // A word two languages share (`bloqueado por`, `需要`) is read as the first one's.
        let language = DependencyVocabulary.languageCodes[Int(tokens[1].language)]
        #expect(DependencyVocabulary.rows.contains { $0.word == row.word && $0.language == language }, "\(row.word)")
        #expect((tokens[1].start, tokens[1].end) == (5, 5 + row.word.utf8.count), "byte offsets of \(row.word)")
    }

    @Test("declared-only words (`before`, `block`, `avant`) are plain words in a task's own text")
    func declaredOnly() {
        #expect(lexed("T004 before T008") == "ID:T004 BEFORE:before ID:T008")
        #expect(lexed("T004 before T008", declared: false) == "ID:T004 WORD:before ID:T008")
        #expect(lexed("T003 avant T009", declared: false) == "ID:T003 WORD:avant ID:T009")
    }

    @Test(
        "phrase families, in every language of the vocabulary",
        arguments: [
            // English: after, blocks, before, parallel, independent, negation, none, range.
            ("T014 waits for T010 and T011.", "ID:T014 AFTER:waits for ID:T010 SEP:and ID:T011 END:."),
            ("T009 blocks T012, T013", "ID:T009 BLOCKS:blocks ID:T012 SEP:, ID:T013"),
            ("T021 is required by T030", "ID:T021 BLOCKS:is required by ID:T030"),
            ("T002 before T003", "ID:T002 BEFORE:before ID:T003"),
            ("T031 through T034 can run concurrently", "RANGE:T031 through T034 WORD:can WORD:run PARALLEL:concurrently"),
            ("T040 is independent", "ID:T040 WORD:is INDEPENDENT:independent"),
            ("T007 doesn't depend on T006", "ID:T007 NOT:doesn't AFTER:depend on ID:T006"),
            ("Prerequisites: none", "AFTER:Prerequisites COLON:: NONE:none"),
            ("after the completion of T002", "AFTER:after FILLER:the completion of ID:T002"),
            // Portuguese
            ("T015 depende de T012 e T013", "ID:T015 AFTER:depende de ID:T012 SEP:e ID:T013"),
            ("T016 bloqueia T020", "ID:T016 BLOCKS:bloqueia ID:T020"),
            ("T005 a T008 em paralelo", "RANGE:T005 a T008 WORD:em PARALLEL:paralelo"),
            ("Dependências: nenhuma", "AFTER:Dependências COLON:: NONE:nenhuma"),
            ("sem dependências", "NOT:sem AFTER:dependências"),
            // Spanish
            ("T022 después de T021", "ID:T022 AFTER:después de ID:T021"),
            ("T023 y T024 son independientes", "ID:T023 SEP:y ID:T024 WORD:son INDEPENDENT:independientes"),
            ("T025 bloquea T026", "ID:T025 BLOCKS:bloquea ID:T026"),
            ("sin dependencias", "NOT:sin AFTER:dependencias"),
            // French
            ("T030 dépend de T028 et T029", "ID:T030 AFTER:dépend de ID:T028 SEP:et ID:T029"),
            ("T031 bloque T032", "ID:T031 BLOCKS:bloque ID:T032"),
            ("T033 avant T034", "ID:T033 BEFORE:avant ID:T034"),
            ("T035 à T037 en parallèle", "RANGE:T035 à T037 WORD:en PARALLEL:parallèle"),
            // German
            ("T040 hängt ab von T039", "ID:T040 AFTER:hängt ab von ID:T039"),
            ("T041 blockiert T042 und T043", "ID:T041 BLOCKS:blockiert ID:T042 SEP:und ID:T043"),
            ("T044 bis T046 gleichzeitig", "RANGE:T044 bis T046 PARALLEL:gleichzeitig"),
            ("T047 ist unabhängig", "ID:T047 WORD:ist INDEPENDENT:unabhängig"),
            // Chinese, simplified and traditional: words stand before or after their list.
            ("T051 依赖 T050", "ID:T051 AFTER:依赖 ID:T050"),
            ("T050 完成后开始 T052", "ID:T050 AFTER<:完成后 WORD:开始 ID:T052"),
            ("T053、T054 并行", "ID:T053 SEP:、 ID:T054 PARALLEL:并行"),
            ("无依赖", "NONE:无 AFTER:依赖"),
            ("T055 依賴 T054 與 T053", "ID:T055 AFTER:依賴 ID:T054 SEP:與 ID:T053"),
            ("T056 之後", "ID:T056 AFTER<:之後"),
            ("T057 並行", "ID:T057 PARALLEL:並行"),
            // Japanese
            ("T061 依存: T060", "ID:T061 AFTER:依存 COLON:: ID:T060"),
            ("T060完了後に実施", "ID:T060 AFTER<:完了後 WORD:に実施"),
            ("T062とT063は並列", "ID:T062 SEP:と ID:T063 WORD:は PARALLEL:並列"),
            ("依存: なし", "AFTER:依存 COLON:: NONE:なし"),
            // Korean
            ("T071 의존성: T070", "ID:T071 AFTER:의존성 COLON:: ID:T070"),
            ("T070 완료 후 시작", "ID:T070 AFTER<:완료 후 WORD:시작"),
            ("T072 및 T073 병렬", "ID:T072 SEP:및 ID:T073 PARALLEL:병렬"),
            ("의존성: 없음", "AFTER:의존성 COLON:: NONE:없음"),
            // Russian
            ("T081 зависит от T080", "ID:T081 AFTER:зависит от ID:T080"),
            ("T082 блокирует T083", "ID:T082 BLOCKS:блокирует ID:T083"),
            ("T084 и T085 параллельно", "ID:T084 SEP:и ID:T085 PARALLEL:параллельно"),
            ("Зависимости: нет", "AFTER:Зависимости COLON:: NONE:нет"),
            ("T086 независима", "ID:T086 INDEPENDENT:независима"),
            // Polish
            ("T091 zależy od T090 i T089", "ID:T091 AFTER:zależy od ID:T090 SEP:i ID:T089"),
            ("T092 oraz T093 równolegle", "ID:T092 SEP:oraz ID:T093 PARALLEL:równolegle"),
            ("T094 blokuje T095", "ID:T094 BLOCKS:blokuje ID:T095"),
            // Indonesian
            ("T097 setelah T096", "ID:T097 AFTER:setelah ID:T096"),
            ("T098 bergantung pada T096 dan T097", "ID:T098 AFTER:bergantung pada ID:T096 SEP:dan ID:T097"),
            // Article contractions after the verb (Portuguese, Spanish, Italian, French).
            ("Depende da T019", "AFTER:Depende da ID:T019"),
            ("T031 depende del T030", "ID:T031 AFTER:depende del ID:T030"),
            ("T005 dipende dalla T004", "ID:T005 AFTER:dipende dalla ID:T004"),
            ("T007 dépend du T006", "ID:T007 AFTER:dépend du ID:T006"),
            // Field names written in camelCase, and more words for "side by side".
            ("**blockedBy**: T-A2-001", "AFTER:blockedBy COLON:: ID:T-A2-001"),
            ("T002 can run beside T003", "ID:T002 WORD:can PARALLEL:run beside ID:T003"),
        ])
    func phraseFamilies(text: String, expected: String) {
        #expect(lexed(text) == expected)
    }

    @Test(
        "arrows, with their direction, and dashes that join no range",
        arguments: [
            ("T001 → T002 → T003, T004", "ID:T001 →:→ ID:T002 →:→ ID:T003 SEP:, ID:T004"),
            ("T010 ← T008, T009", "ID:T010 ←:← ID:T008 SEP:, ID:T009"),
            ("T001 -> T002 --> T003", "ID:T001 →:-> ID:T002 →:--> ID:T003"),
            ("T005 <- T004", "ID:T005 ←:<- ID:T004"),
            ("T001->T002", "ID:T001 →:-> ID:T002"),
            ("T004 → T001完了後", "ID:T004 →:→ ID:T001 AFTER<:完了後"),
            ("Setup — then T002", "PHASE:Setup DASH:— WORD:then ID:T002"),
            ("T001-T003", "RANGE:T001-T003"),
            ("T001 –\nT003", "RANGE:T001 –\nT003"),
            ("T001..T004", "RANGE:T001..T004"),
        ])
    func arrows(text: String, expected: String) {
        #expect(lexed(text) == expected)
    }

    @Test(
        "a phase or story reference takes its parenthesised title with it",
        arguments: [
            ("US2 (Cluster Setup): can start after Foundational",
             "PHASE:US2 (Cluster Setup) COLON:: WORD:can WORD:start AFTER:after PHASE:Foundational"),
            ("Phase 3（基础）→ Phase 4", "PHASE:Phase 3（基础） →:→ PHASE:Phase 4"),
            ("User Story 1 (Login (SSO)) blocks US2", "PHASE:User Story 1 (Login (SSO)) BLOCKS:blocks PHASE:US2"),
            ("Polish (T019-T023)", "PHASE:Polish (T019-T023)"),
            // A parenthesis that states an order is a clause, not a title.
            ("US3 (after US1) blocks US4", "PHASE:US3 (:( AFTER:after PHASE:US1 ):) BLOCKS:blocks PHASE:US4"),
            // A parenthesis that does not close on its line is no title.
            ("US1 (Auth\nT002", "PHASE:US1 (:( WORD:Auth ID:T002"),
        ])
    func phaseTitles(text: String, expected: String) {
        #expect(lexed(text) == expected)
    }

    @Test(
        "sentence ends, separators and marks",
        arguments: [
            ("T003; T004. T005。T006；T007", "ID:T003 END:; ID:T004 END:. ID:T005 END:。 ID:T006 END:； ID:T007"),
            ("T001/T002 + T003 & T004", "ID:T001 SEP:/ ID:T002 SEP:+ ID:T003 SEP:& ID:T004"),
            ("v1.2 is fine", "WORD:v1 MARK:. WORD:2 WORD:is WORD:fine"),
            ("**T001** `T002`", "ID:T001 ID:T002"),
            ("T012（T010 依存）", "ID:T012 (:（ ID:T010 AFTER:依存 ):）"),
        ])
    func punctuation(text: String, expected: String) {
        #expect(lexed(text) == expected)
    }

    @Test("worded IDs are IDs in a document of worded IDs, words elsewhere")
    func wordedIDs() {
        #expect(lexed("after Task 2 and 任务 1.1", worded: true) == "AFTER:after ID:Task 2 SEP:and ID:任务 1.1")
        #expect(lexed("Tarea 2 a Tarea 4", worded: true) == "RANGE:Tarea 2 a Tarea 4")
        #expect(lexed("after Task 2") == "AFTER:after FILLER:Task WORD:2")
    }

    @Test("the token buffer is reused: a second text replaces the first text's tokens")
    func bufferReused() {
        var tokens: [ProseToken] = []
        let first = Array("T001 depends on T002, T003, T004 and T005".utf8)
        first.withUnsafeBufferPointer { lexDependencyProse($0, 0, $0.count, worded: false, declared: true, into: &tokens) }
        let capacity = tokens.capacity
        let second = Array("T009 after T008".utf8)
        second.withUnsafeBufferPointer { lexDependencyProse($0, 0, $0.count, worded: false, declared: true, into: &tokens) }
        #expect(tokens.map(\.kind) == [.id, .dependency, .id])
        #expect(tokens.capacity == capacity)
    }

    @Test("bad input never crashes the lexer", arguments: ["", "(", "（", "T", "->", "<-", "\u{FFFD}\u{FFFD}", "…—–", "T001 -", "T001 ..", "US", "完了"])
    func badInput(text: String) {
        _ = lexed(text)
        // Truncated UTF-8 at the end: a CJK lead byte, a two-byte lead, a continuation byte.
        for tail: [UInt8] in [[0xE5], [0xC3], [0xD0], [0x80], [0xE5, 0x8A]] {
            let bytes = Array(text.utf8) + tail
            var tokens: [ProseToken] = []
            bytes.withUnsafeBufferPointer { lexDependencyProse($0, 0, $0.count, worded: true, declared: true, into: &tokens) }
            #expect(tokens.allSatisfy { $0.start < $0.end && $0.end <= bytes.count })
            #expect(tokens.count <= bytes.count)
        }
    }

    @Test("docs/grammar.md's word lists are the vocabulary table's, rendered (SPECGRAPH_RECORD=grammar rewrites them)")
    func grammarListsAreTheTable() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/grammar.md")
        let grammar = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- vocabulary: generated from DependencyVocabulary by DependencyLexerTests; SPECGRAPH_RECORD=grammar -->\n"
        let end = "<!-- /vocabulary -->"
        guard let open = grammar.range(of: begin), let close = grammar.range(of: end, range: open.upperBound..<grammar.endIndex) else {
            Issue.record("docs/grammar.md has no generated vocabulary block")
            return
        }
        let rendered = VocabularyMarkdown.wordLists()
        let record = ProcessInfo.processInfo.environment["SPECGRAPH_RECORD"]
        if record == "grammar" || record == "1" {
            try (grammar[..<open.upperBound] + rendered + grammar[close.lowerBound...]).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(grammar[open.upperBound..<close.lowerBound]) == rendered, "re-record with SPECGRAPH_RECORD=grammar")
        // And every word is there, as a check that needs no renderer.
        let missing = DependencyVocabulary.rows.filter { !grammar.contains("`\($0.word)`") }.map(\.word)
        #expect(missing.isEmpty, "not in docs/grammar.md: \(missing)")
    }
}

/// The vocabulary table as the Markdown word lists of docs/grammar.md: one
/// bullet per language, its roles in table order, each word in backticks with
/// its flags spelled out.
enum VocabularyMarkdown {
    static let languageNames: [String: String] = [
        "en": "English", "pt": "Portuguese", "es": "Spanish", "it": "Italian", "fr": "French", "de": "German",
        "zh-Hans": "Chinese (simplified)", "zh-Hant": "Chinese (traditional)", "ja": "Japanese", "ko": "Korean",
        "ru": "Russian", "pl": "Polish", "id": "Indonesian", "symbols": "Symbols (every language)",
    ]

    static func label(_ role: DependencyRole) -> String {
        switch role {
        case .after: "after"
        case .blocks: "blocks"
        case .before: "before"
        case .parallel: "parallel"
        case .independent: "independent"
        case .negation: "negation"
        case .none: "none"
        case .filler: "filler"
        case .and: "and (separator)"
        case .range: "range"
        case .arrow: "arrow →"
        case .arrowBack: "arrow ←"
        case .sentenceEnd: "sentence end"
        case .open: "open"
        case .close: "close"
        case .colon: "colon"
        case .connector: "connector"
        case .eachOther: "each other"
        case .otherStories: "other stories"
        case .viceVersa: "vice versa"
        case .quantifier: "quantifier"
        case .helper: "helper"
        case .phaseName: "phase name"
        case .taskWord: "task word"
        case .sectionHeading: "section heading"
        case .phaseWord: "phase word"
        case .storyWord: "story word"
        case .allStories: "all stories"
        case .teamWord: "team word"
        }
    }

    static func wordLists() -> String {
        var out = ""
        for code in DependencyVocabulary.languageCodes {
            let rows = DependencyVocabulary.rows.filter { $0.language == code }
            var groups: [(label: String, words: [String])] = []
            for row in rows {
                let label = label(row.role) + (row.postfix ? ", after its list" : "")
                var word = "`\(row.word)`"
                if row.flags.contains("d") { word += " (Dependencies sections)" }
                if row.flags.contains("s") { word += " (stem)" }
                if row.flags.contains("v") { word += " (verb)" }
                if row.flags.contains("b") { word += " (before a blank)" }
                if let i = groups.firstIndex(where: { $0.label == label }) {
                    groups[i].words.append(word)
                } else {
                    groups.append((label, [word]))
                }
            }
            let body = groups.map { "\($0.label): \($0.words.joined(separator: ", "))" }.joined(separator: "; ")
            out += "- **\(languageNames[code] ?? code)** (`\(code)`) — \(body).\n"
        }
        return out
    }
}

/// Whole sentences through the parser: what a careful reader takes from them.
@Suite("Dependency prose: negative cases in every language")
struct DependencyProseNegativeTests {
    /// Three tasks; `note` is the body of T003.
    private func three(_ note: String) -> SpecDocument {
        parse("## Phase 1: Setup\n\n- [ ] T001 Make the schema\n- [ ] T002 Seed the tables\n- [ ] T003 Wire it up\n  \(note)\n")
    }

    @Test(
        "a mention without a dependency word yields no edge and states nothing",
        arguments: [
            "see T001 for the field names", "similar to T002, but read-only", "compare with T001", "as done in T002",
            "ver T001 para os campos", "igual que T002", "voir T001", "siehe T002", "参见 T001", "T002 を参照",
            "T001 참고", "см. T002",
        ])
    func mentions(note: String) {
        let doc = three(note)
        #expect(doc.predecessors(of: "T003").isEmpty)
        #expect(doc.task("T003")?.statesDependencies == false)
        #expect(doc.parallelStatements.isEmpty)
    }

    @Test(
        "a negated clause never yields an edge, in any language",
        arguments: [
            "does not depend on T001", "never needs T002", "não depende de T001", "no depende de T002",
            "ne dépend pas de T001", "nicht abhängig von T002", "不依赖 T001", "не зависит от T002",
        ])
    func negations(note: String) {
        let doc = three(note)
        #expect(doc.predecessors(of: "T003").isEmpty)
    }

    @Test("an arrow to words names no task, and `no dependencies on other stories` orders nothing")
    func arrowsToWordsAndNoStories() {
        let text = """
            ## Phase 1: Setup

            - [ ] T001 Make the schema
            - [ ] T002 Seed the tables

            ## Phase 2: User Story 1 (Priority: P1)

            - [ ] T003 [US1] Wire it up

            ## Dependencies

            - T001 → the seeding work
            - User Story 1: no dependencies on other stories
            - Setup → done when the schema exists
            """
        let doc = parse(text)
        #expect(doc.edges().isEmpty)
        #expect(doc.phaseDependencies.isEmpty)
    }
}
