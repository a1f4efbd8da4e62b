import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// `parseParallelLine`'s check that settles a line without lexing it
/// (`togetherWordsStateNothing`) against the full reading of the same line.
@Suite("Parallel line shortcut")
struct ParallelLineShortcutTests {
    /// What reading `text` as a plain line outside Dependencies sections records.
    static func read(_ text: String, shortcut: Bool, worded: Bool) -> String {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = DocumentParser(text: buffer, path: "")
            parser.lineNumber = 3
            parser.lineStart = 0
            parser.wordedIDs = worded
            parser.parseParallelLine(0, buffer.count, shortcut: shortcut)
            return "\(parser.parallels.count) \(parser.parallels) \(parser.statements.count) \(parser.phaseStatements.count) \(parser.mixedStatements.count)"
        }
    }

    /// Whether the check settles `text` (as `parseParallelLine` asks it).
    static func settles(_ text: String, worded: Bool) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            var k = 0
            if let e = bulletEnd(b, 0, b.count) { k = e }
            guard k < b.count, let first = DependencyVocabulary.firstWordStart(b, k, b.count, roles: .together, declared: true)
            else { return false }
            return DocumentParser.togetherWordsStateNothing(b, k, b.count, first: first, worded: worded)
        }
    }

    static let pieces = [
        "**Independent Test**:", "Independent Test", "Independent", "independent", "INDEPENDENT", "independently", "independent of",
        "independent from", "independent of each other", "independent.", "independent,", "independent:", "independent (", "independent)",
        "parallel", "in parallel", "can run in parallel", "parallel with", "[P]", "marked", "T001", "T012", "T001-T004", "US1", "US2",
        "User Story 3", "Phase 2", "Setup", "Foundational", "Polish", "Test", "Tests", "Task", "Task 3", "of", "from", "with", "to",
        "each other", "one another", "mutually", "and", "after", "before", "depends on", "blocks", "not", "doesn't", "cannot", "no",
        "Schedule", "uploads", "through", "the", "API", "verify", "result", "stories", "other stories", "all user stories",
        "independiente", "independientes de", "unabhängig", "unabhängig von", "indépendant", "independente", "独立", "独立于", "并行",
        "与", "彼此", "互相", "테스트", "독립", "независимо", "тест", "é", "—", "–", "-", "→", ":", "：", ",", "，", "、", ".", "。", ";",
        "(", ")", "（", "）", "**", "*", "_", "`", "```", "~~~", "<!--", "-->", "|", ">", "#", "1.", "-", "x", "_Independent_",
        "`independent`", "Independent_Test", "independent-", "independent's",
        "独立测试", "测试", "独立して", "テスト", "独立的", "阶段 2", "用户故事 1", "并行执行", "独立于 US1", "不", "无", "和",
        "независимый тест", "независимо от", "тест", "Задача 3", "独立（", "独立：", "独立，", "独立、", "独立。", "\u{80}",
    ]

    @Test("a line the check settles records nothing when read in full, and every line reads the same both ways")
    func shortcutMatchesFullRead() {
        var g = SeededStream(seed: 41)
        var settled = 0
        var recorded = 0
        for round in 0..<12_000 {
            var text = g.text(Self.pieces, most: 9, separators: ["", " ", " ", " ", "  ", "\t", "**", ": ", ", ", ". "])
            switch round % 6 {
            case 0: text = "- " + text
            case 1: text = "**Independent Test**: " + text
            case 2: text = "  * " + text
            default: break
            }
            let worded = round % 5 == 0
            let fast = Self.read(text, shortcut: true, worded: worded)
            let full = Self.read(text, shortcut: false, worded: worded)
            #expect(fast == full, "\(text)")
            if Self.settles(text, worded: worded) {
                settled += 1
                #expect(full.hasPrefix("0 "), "\(text)")
            }
            if !full.hasPrefix("0 ") { recorded += 1 }
        }
        // Both kinds of line, many of each.
        #expect(settled > 1000)
        #expect(recorded > 1000)
    }

    @Test("the spec-kit field is settled; what runs together is still read")
    func knownLines() {
        let settled = [
            "**Independent Test**: Schedule uploads through the API and verify the stored result",
            "**Independent Test**: Can be fully tested by running the suite",
            "- Independent test of the stored result",
            "Independent reviews run nightly",
            "**独立测试**：运行 API 并验证结果",
        ]
        for line in settled {
            #expect(Self.settles(line, worded: false), "\(line)")
            #expect(Self.read(line, shortcut: false, worded: false).hasPrefix("0 "), "\(line)")
        }
        let read = [
            "T010 and T011 can run in parallel",
            "US1 is independent of US2",
            "**US3**: independent.",
            "Independent of US1: T020, T021",
            "US2 independent Setup",
            "T005 independent",
            "Stories are independent of each other",
        ]
        for line in read {
            #expect(!Self.settles(line, worded: false), "\(line)")
            #expect(Self.read(line, shortcut: true, worded: false) == Self.read(line, shortcut: false, worded: false), "\(line)")
        }
        #expect(!Self.read("T010 and T011 can run in parallel", shortcut: true, worded: false).hasPrefix("0 "))
    }
}
