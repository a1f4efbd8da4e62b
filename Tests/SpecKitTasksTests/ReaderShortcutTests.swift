import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// The task-text readers skip what cannot matter (a text's words before its
/// first path, the citation scan of a text that cites nothing, a heading's
/// words one list at a time). Each shortcut must give what the full reading
/// gives: these tests read many made-up texts both ways.
@Suite("Reader shortcuts")
struct ReaderShortcutTests {
    /// Pieces of task text: words, reference words, paths, design documents,
    /// clause marks, other scripts, backticks and emphasis.
    static let pieces = [
        "Create", "Update", "per", "see", "using", "according to", "from", "in", "to", "and", "or", "the", "model",
        "src/a.py", "src/types/api.types.ts", "api.types.ts", "`docs/x.md`", "`Makefile`", "spec.md", "data-model.md",
        "contracts/api.yaml", "quickstart.md", "(est: 2h)", "(depends on T002)", "T001", "参照", "に従って", "を更新", "。",
        "，", "**bold**", "_x_", "v1.2", "e.g.", "./run.sh", "(", ")", ";", ".", ",", "/", "`", "@alice", "según", "docs/",
    ]
    static let separators = [" ", " ", " ", "\n", "; ", ". ", ", ", "", "\t"]

    /// A made-up text from the pieces (a fixed seed per case).
    static func text(seed: UInt64) -> [UInt8] {
        var stream = SeededStream(seed: seed)
        func next(_ n: Int) -> Int { stream.next(n) }
        var text = ""
        for _ in 0..<(3 + next(14)) {
            text += pieces[next(pieces.count)]
            text += separators[next(separators.count)]
        }
        return Array(text.utf8)
    }

    /// The parser's text scans read only the bytes they are given: a parser of no text.
    var scans: DocumentParser { DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "") }

    @Test("paths found from the first candidate are those found from the start", arguments: 0..<400)
    func pathsFromFirstCandidate(seed: UInt64) {
        let bytes = Self.text(seed: seed)
        bytes.withUnsafeBufferPointer { b in
            // Excluded spans as the readers make them: sorted, apart, anywhere.
            var excluded: [(Int, Int)] = []
            var k = Int(seed % 7)
            while k + 3 < b.count, seed % 3 != 0 {
                excluded.append((k, k + 3))
                k += 9 + Int(seed % 5)
            }
            var fast: [(Int, Int)] = []
            var full: [(Int, Int)] = []
            scans.findPaths(b, 0, b.count, excluding: excluded, into: &fast)
            scans.findPaths(b, 0, b.count, excluding: excluded, into: &full, shortcut: false)
            #expect(fast.map { [$0.0, $0.1] } == full.map { [$0.0, $0.1] }, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test("a text that may cite nothing keeps its paths, as the full citation scan does", arguments: 0..<400)
    func citations(seed: UInt64) {
        Self.expectSameCitations(Self.text(seed: seed))
    }

    /// The paths of `bytes` separate into written files and cited documents
    /// the same through the citation shortcut as through the full scan.
    static func expectSameCitations(_ bytes: [UInt8]) {
        let scans = DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "")
        bytes.withUnsafeBufferPointer { b in
            var paths: [(Int, Int)] = []
            scans.findPaths(b, 0, b.count, excluding: [], into: &paths)
            var fast = paths, full = paths
            var fastReads: [String] = [], fullReads: [String] = []
            scans.separateReads(b, 0, b.count, &fast, reads: &fastReads)
            scans.separateReads(b, 0, b.count, &full, reads: &fullReads, shortcut: false)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(fast.map { [$0.0, $0.1] } == full.map { [$0.0, $0.1] }, "\(text)")
            #expect(fastReads == fullReads, "\(text)")
        }
    }

    /// Clause words and their kin in several languages, for the clause scan.
    static let clausePieces = [
        "depends on", "after", "blocked by", "blocks", "requires", "parallel with", "independent", "no dependencies",
        "None", "T001", "T002-T004", "US2", "Phase 3", "Setup", "依赖", "之后", "完了後", "並列", "después de", "após",
        "Create", "Configure", "settings", "endpoint", "in", "and", ",", "(", ")", ":", "src/a.py", "T003 之后", "e.g.",
    ]

    @Test("the clause scan from the first keyword trigger finds what a scan from the start finds", arguments: 0..<400)
    func clausesFromFirstTrigger(seed: UInt64) {
        var state = seed &* 0xD6E8_FEB8_6659_FD93 | 1
        var text = ""
        for _ in 0..<(2 + Int(seed % 9)) {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            text += Self.clausePieces[Int(state % UInt64(Self.clausePieces.count))] + (state & 64 == 0 ? " " : "")
        }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            let locator = TextLocator((0, 1, 0))
            let (triggers, firstKeyword, _, _) = scans.textTriggers(b, 0, b.count)
            var full = TaskTextFacts(), given = TaskTextFacts()
            var fullSpans: [(Int, Int)] = [], givenSpans: [(Int, Int)] = []
            if triggers.contains(.keyword) {
                // The keyword trigger is the first clause word: the scan may start there with no prefilter of its own.
                scans.scanDependencyClauses(b, 0, b.count, locator, into: &given, excluded: &givenSpans, firstWord: firstKeyword)
            }
            scans.scanDependencyClauses(b, 0, b.count, locator, into: &full, excluded: &fullSpans)
            func summary(_ facts: TaskTextFacts) -> [String] {
                facts.references.map { "\($0.reversed) " + $0.references.map { "\($0.id)…\($0.upTo ?? "")" }.joined(separator: ",") }
                    + facts.together.map { "together " + $0.references.map(\.id).joined(separator: ",") }
                    + ["\(facts.statesDependencies) \(facts.independent) \(facts.phaseReferences.count)"]
            }
            #expect(summary(given) == summary(full), "\(text)")
            #expect(givenSpans.map { [$0.0, $0.1] } == fullSpans.map { [$0.0, $0.1] }, "\(text)")
        }
    }

    /// Clause words right after `(`, and what comes before such a `(` in
    /// phrasings of our own: phase references with titles, negations, lists
    /// before postfix words, parallel words, other scripts, emphasis.
    static let parenthesisPieces = [
        "(needs T010)", "(after T004, T005)", "(blocked by US3)", "(requires Phase 2)", "(parallel with T012)", "(independent)",
        "(blocks T020)", "(depends on T001-T003)", "(independent of US1)", "(依赖 T002)", "(T006 之后)", "(после T007)",
        "(after T1; before T9)", "(after the tasks T008 and T009)", "(needs: none)", "(requires: -)", "(Depends on T030 and T031)",
        "not", "never", "no", "can't", "cannot run", "US2", "US4 (Reporting)", "Phase 3", "Setup", "Polish (final pass)",
        "T011", "T012, T013", "T014 之后", "T015完了後", "独立", "并行", "可以", "Wire", "ledger", "service", "in", "and",
        "lib/ledger.go", "(", ")", "((", ":", ",", "*", "**", "`", "_", "—", "->", "T016 ->", "T017 → T018", "parallel",
        "Task 2", "with", "of", "each other", "(see", "(est: 3h)", "(2h)", "must not run in parallel", "in parallel (with T019)",
    ]

    @Test("clauses read from a `(` right before the first clause word are those read from the whole text", arguments: 0..<500)
    func clausesLexedFromParenthesis(seed: UInt64) {
        var r = SeededStream(seed: seed &+ 31_337)
        let text = r.text(Self.parenthesisPieces, most: 9, separators: [" ", "", " ", "\n", ", "])
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            let locator = TextLocator((0, 1, 0))
            for lo in Set([0, min(b.count, Int(seed % 3))]) {
                for wordedIDs in [false, true] {
                    var parser = scans
                    parser.wordedIDs = wordedIDs
                    var partial = TaskTextFacts(), whole = TaskTextFacts()
                    var partialSpans: [(Int, Int)] = [], wholeSpans: [(Int, Int)] = []
                    parser.scanDependencyClauses(b, lo, b.count, locator, into: &partial, excluded: &partialSpans, ownID: "T011")
                    parser.scanDependencyClauses(
                        b, lo, b.count, locator, into: &whole, excluded: &wholeSpans, ownID: "T011", partialLex: false)
                    func summary(_ facts: TaskTextFacts) -> [String] {
                        facts.references.map { "\($0.reversed) " + $0.references.map { "\($0.id)…\($0.upTo ?? "") \($0.location)" }.joined(separator: ",") }
                            + facts.together.map { "together " + $0.references.map(\.id).joined(separator: ",") + " \($0.phases) \($0.location)" }
                            + ["\(facts.statesDependencies) \(facts.independent) \(facts.phaseReferences)"]
                    }
                    #expect(summary(partial) == summary(whole), "\(text) from \(lo)")
                    #expect(partialSpans.map { [$0.0, $0.1] } == wholeSpans.map { [$0.0, $0.1] }, "\(text) from \(lo)")
                }
            }
        }
    }

    @Test("the shortcut is taken for a plain task and not for a citing one")
    func shortcutTaken() {
        func mayCite(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { b in
                var paths: [(Int, Int)] = []
                scans.findPaths(b, 0, b.count, excluding: [], into: &paths)
                return DocumentParser.mayCite(b, 0, paths)
            }
        }
        #expect(!mayCite("Create the user model in src/models/user.py"))
        #expect(!mayCite("Configure linting in config/lint.toml and .github/workflows/ci.yml"))
        #expect(mayCite("Create src/a.py per docs/notes.txt"))
        #expect(mayCite("Implement src/a.py as described in plan.md"))
        #expect(mayCite("实现 src/a.py，参照 docs/b.txt"))
    }

    @Test(
        "heading kinds read in one pass are those of each word list",
        arguments: [
            "Phase 3: User Story 1", "Parallel Opportunities", "Parallel Example: User Story 2", "Notes",
            "Implementation Strategy", "Team Strategy", "Ejemplo de ejecución paralela", "Estratégia de implementação",
            "並列実行の例", "병렬 실행 예시", "Примечания", "Параллельные возможности", "备注与团队", "Équipe et stratégie",
            "NOTE: Team parallel example strategy", "Hinweise zum Beispiel", "チーム戦略メモ", "Dependencies & Execution Order", "",
            // Words at the very start and end, cut short, in capitals, one byte long.
            "TEAM", "Our TEAM", "xx팀", "Tea", "Strateg", "STRATE", "n", "teamnote", "a팀", "팀", "예", "NoTeS:",
        ])
    func headingKinds(heading: String) {
        let bytes = Array(heading.utf8)
        bytes.withUnsafeBufferPointer { b in
            let kinds = HeadingWords.kinds(b, 0, b.count)
            let lists: [([StaticString], HeadingWords.Kinds)] = [
                (Vocabulary.parallelHeadingWords, .parallel), (Vocabulary.noteHeadingWords, .note),
                (Vocabulary.exampleHeadingWords, .example), (Vocabulary.strategyHeadingWords, .strategy),
                (Vocabulary.teamHeadingWords, .team),
            ]
            for (words, kind) in lists {
                #expect(kinds.contains(kind) == words.contains { b.containsLowercase($0, 0, b.count) }, "\(heading)")
            }
        }
    }
}
