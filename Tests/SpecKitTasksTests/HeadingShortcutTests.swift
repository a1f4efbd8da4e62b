import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// The shortcuts of the heading reader (`HeadingWords.kinds`, the phase-word
/// test of `phaseNumber`) give what the plain readings give.
@Suite("Heading shortcuts")
struct HeadingShortcutTests {
    static let headingPieces = [
        "Phase 3:", "User Story 1", "- Login", "(Priority: P1)", "🎯", "MVP", "Parallel Example:", "Parallel", "parallel",
        "PARALLEL", "Dependencies", "&", "Execution Order", "**Checkpoint**:", "T012", "T013", "and", "can run in parallel",
        "All tasks marked [P] within Phase 2", "Notes", "NOTE:", "note", "Team", "TEAM", "tea", "Strategy", "STRATEG",
        "strate", "Example", "EXAMPLE", "exampl", "Implementation", "Tests for", "⚠️", "✅", "🚧", "Ejemplo", "ejecución",
        "paralela", "Estratégia", "Équipe", "équipe", "Beispiel", "Hinweise", "Notiz", "並列実行の例", "병렬", "예시", "팀",
        "전략", "메모", "Примечания", "Параллельные", "параллел", "Пример", "Стратегия", "备注", "团队", "团", "并行", "策略",
        "チーム", "戦略", "実行例", "Setup", "Foundational", "(Shared Infrastructure)", "Polish", "#", "`", "*", "_", "x", "p",
        "pa", "n", "st", "te", "e", "ex", "eq", "equipo", "equipe", "notas", "stratég", "P", "A", "Z", "@", "[", "{",
    ]

    /// The plain reading: each kind's words, each looked for in the whole range.
    static func plainKinds(_ b: Bytes, _ lo: Int, _ hi: Int) -> HeadingWords.Kinds {
        let lists: [([StaticString], HeadingWords.Kinds)] = [
            (Vocabulary.parallelHeadingWords, .parallel), (Vocabulary.noteHeadingWords, .note),
            (Vocabulary.exampleHeadingWords, .example), (Vocabulary.strategyHeadingWords, .strategy),
            (Vocabulary.teamHeadingWords, .team),
        ]
        var kinds = HeadingWords.Kinds()
        for (words, kind) in lists where words.contains(where: { b.containsLowercase($0, lo, hi) }) { kinds.insert(kind) }
        return kinds
    }

    @Test("heading kinds from the folded pair table are those of each word list searched on its own", arguments: 0..<40)
    func kindsOfMadeUpHeadings(block: UInt64) {
        var r = SeededStream(seed: block &+ 7_001)
        var differing: [String] = []
        for _ in 0..<100 {
            let text = r.text(Self.headingPieces, most: 8, separators: [" ", "", " ", ": ", "-"])
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                // The whole heading and a part cut at both ends (a word cut short by the range).
                let cuts = [(0, b.count), (min(b.count, r.next(4)), max(0, b.count - r.next(4)))]
                for (lo, hi) in cuts where lo <= hi {
                    let fast = HeadingWords.kinds(b, lo, hi)
                    if fast != Self.plainKinds(b, lo, hi) {
                        differing.append("\(text) [\(lo)..<\(hi)]")
                    }
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test("every phase word of another script starts with a byte above ASCII (the test before the list in phaseNumber)")
    func phaseWordsStartAboveASCII() {
        for word in Vocabulary.phaseWords { #expect(word.utf8Start[0] >= 0x80, "\(word)") }
    }

    @Test(
        "phase numbers of headings",
        arguments: [
            ("Phase 3: User Story 1 - Login (Priority: P1) 🎯 MVP", "3"), ("フェーズ 3: 実装", "3"), ("阶段一：准备", "1"),
            ("Этап 2: Тесты", "2"), ("фаза 4", "4"), ("단계 7", "7"), ("Parallel Example: User Story 2", nil),
            ("Dependencies & Execution Order", nil), ("Tests for User Story 1 ⚠️", nil), ("", nil), ("Этапы", nil),
        ] as [(String, String?)])
    func phaseNumbers(heading: String, number: String?) {
        let bytes = Array(heading.utf8)
        bytes.withUnsafeBufferPointer { b in
            let parser = DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "")
            #expect(parser.phaseNumber(b, 0, b.count) == number, "\(heading)")
        }
    }
}
