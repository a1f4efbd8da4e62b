import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// `scanDependencyClauses` reads the common `(depends on T003, T005-T007)`
/// without the lexer (`quickDependsOnList`). These tests read many made-up
/// texts both ways, `quickList: true` and `false`, and expect the same facts
/// and spans.
@Suite("Quick depends-on lists")
struct QuickDependsOnTests {
    /// The parser's text scans read only the bytes they are given: a parser of no text.
    static func scans(worded: Bool) -> DocumentParser {
        var parser = DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "")
        parser.wordedIDs = worded
        return parser
    }

    /// IDs of several shapes, and things that look almost like one.
    static let ids = [
        "T001", "T000105", "T1", "T12a", "T001a", "T-001", "TASK-001", "Task 3", "Tarea 2", "T003.1", "T0", "Tx", "T",
        "T001-T004", "T001–T004", "T001 - T004", "T001..T004", "T001 to T004", "T001 through T004", "T001 a T003",
        "T001 bis T003", "T001 -", "T001->T002", "T001 → T002", "US2", "Phase 3", "Setup", "T00١", "T001é", "Tés",
    ]

    /// What may stand between two items.
    static let joins = [
        ", ", ",", ",  ", " , ", ", and ", " and ", "、", "，", "/", " + ", "; ", ". ", ",\n", ", (", " ", "",
    ]

    /// How the clause may open and close.
    static let openings = [
        "depends on ", "depends on  ", "Depends on ", "depends  on ", "depends\ton ", "depends on\n", "depends on: ",
        "depends on the tasks ", "depends on completion of ", "depends_on ", "depends-on ", "depends ", "dependsnon ",
        "depends on T", "depends o", "depends on ", "depends on ", "depends on ",
    ]
    static let closings = [")", ")", ")", ") ", "）", "", " )", "))", ") (est: 2h)", ")."]

    /// What may come before the `(` and after the clause: plain words, other
    /// clause words in several languages and scripts, estimates, paths.
    static let words = [
        "Create", "project", "structure", "in", "src/app27/", "(est: 2h/5h/10h)", "(~3d)", "[2h]", "(8h)", "not", "no",
        "after T009", "blocks T011", "parallel with T006", "independent", "(independent)", "T003 之后", "依赖 T002",
        "并行", "完了後", "после T007", "después de T004", "após T005", "requires Phase 2", "needs US3", "Dependencies:",
        "None", "n/a", "—", "-", "T010", "US4 (Reporting)", "also", "can run", "must", "before", "and", "with", "Ñandú",
        "Привет", "日本語", "한국어", "`code`", "**bold**", "_x_", "e.g.", "(see T012)", "T013 depends on T014",
    ]

    /// A made-up text: words, then `(` and a depends-on clause of some
    /// shape (most of them the common one), then more words.
    static func text(seed: UInt64) -> String {
        var r = SeededStream(seed: seed)
        var text = ""
        for _ in 0..<r.next(4) { text += words[r.next(words.count)] + [" ", "", "  ", "\n"][r.next(4)] }
        text += r.next(5) == 0 ? "( " : "("
        text += r.next(3) == 0 ? openings[r.next(openings.count)] : "depends on "
        let items = 1 + r.next(4)
        for n in 0..<items {
            text += r.next(3) == 0 ? ids[r.next(ids.count)] : "T\(100_000 + r.next(900))"
            if n + 1 < items { text += r.next(3) == 0 ? joins[r.next(joins.count)] : ", " }
        }
        text += r.next(3) == 0 ? closings[r.next(closings.count)] : ")"
        for _ in 0..<r.next(3) { text += [" ", "", "  "][r.next(3)] + words[r.next(words.count)] }
        return text
    }

    /// Everything a clause scan reports, in order.
    static func summary(_ facts: TaskTextFacts, _ spans: [(Int, Int)]) -> [String] {
        facts.references.map { "\($0.reversed) " + $0.references.map { "\($0.id)…\($0.upTo ?? "") \($0.location)" }.joined(separator: ",") }
            + facts.together.map { "together " + $0.references.map(\.id).joined(separator: ",") + " \($0.phases) \($0.location)" }
            + ["\(facts.statesDependencies) \(facts.independent) \(facts.phaseReferences)"]
            + spans.map { "span \($0.0) \($0.1)" }
    }

    /// Scans `text` both ways, from a few starts, with and without worded IDs,
    /// with and without the caller's first keyword; expects the same.
    static func expectSame(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            let locator = TextLocator((0, 1, 0))
            for lo in Set([0, min(b.count, 1)]) {
                for worded in [false, true] {
                    let parser = scans(worded: worded)
                    let (triggers, firstKeyword, _, _) = parser.textTriggers(b, lo, b.count)
                    for firstWord in triggers.contains(.keyword) ? [nil, firstKeyword] : [nil] {
                        var quick = TaskTextFacts(), full = TaskTextFacts()
                        var quickSpans: [(Int, Int)] = [], fullSpans: [(Int, Int)] = []
                        parser.scanDependencyClauses(
                            b, lo, b.count, locator, into: &quick, excluded: &quickSpans, ownID: "T100001", firstWord: firstWord)
                        parser.scanDependencyClauses(
                            b, lo, b.count, locator, into: &full, excluded: &fullSpans, ownID: "T100001", firstWord: firstWord,
                            quickList: false)
                        #expect(summary(quick, quickSpans) == summary(full, fullSpans), "\(text) from \(lo) worded \(worded)")
                    }
                }
            }
        }
    }

    @Test("a depends-on list read quickly gives what the lexer gives", arguments: 0..<3000)
    func quickIsFull(seed: UInt64) {
        Self.expectSame(Self.text(seed: seed))
    }

    @Test("the made-up texts take the quick reading often, and the lexer often")
    func coverage() {
        var quick = 0, other = 0
        for seed in UInt64(0)..<3000 {
            let bytes = Array(Self.text(seed: seed).utf8)
            bytes.withUnsafeBufferPointer { b in
                guard let open = b.firstIndex(of: UInt8(ascii: "(")), open + 1 < b.count else { return }
                if Self.scans(worded: false).quickDependsOnList(b, open + 1, b.count, TextLocator((0, 1, 0))) != nil {
                    quick += 1
                } else {
                    other += 1
                }
            }
        }
        #expect(quick > 300)
        #expect(other > 500)
    }

    @Test(
        "written shapes read quickly give what the lexer gives",
        arguments: [
            "Create project structure in src/app27/ (est: 2h/5h/10h) (depends on T000105, T000178)",
            "Add model (depends on T000017)", "Add model (depends on T000017) (2h)", "(depends on T000105-T000110)",
            "Add model (depends on T000017) after T4", "Add model (depends on T000017) (parallel with T000019)",
            "Add (depends on T1,T2,T3)", "x (depends on T001 to T004, T009)", "no (depends on T001)", "(depends on T001)",
            "T002 (depends on T001) 之后", "(depends on T001) T003 之后", "(depends on T001, US2)", "(depends on T001 (models))",
            "(depends on T001)\ndepends on T002", "(depends on T001 a T003)", "(depends on T001-)", "(depends on T001", "(depends on )",
        ])
    func writtenShapes(text: String) {
        Self.expectSame(text)
    }

    @Test("the quick reading is taken for the common shapes and not for others")
    func taken() {
        func quick(_ text: String) -> [String]? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { b in
                // The clause word starts right after the `(` (`Depends` too).
                let k = b.firstIndex(of: UInt8(ascii: "("))! + 1
                return Self.scans(worded: false).quickDependsOnList(b, k, b.count, TextLocator((0, 1, 0)))
                    .map { list, end in list.map { "\($0.id)…\($0.upTo ?? "")" } + ["\(end)"] }
            }
        }
        #expect(quick("(depends on T000017)") == ["T000017…", "19"])
        #expect(quick("(depends on T000105, T000178) (2h)") == ["T000105…", "T000178…", "28"])
        #expect(quick("(depends on T000105-T000110)") == ["T000105…T000110", "27"])
        #expect(quick("(depends on T01,T02)") == ["T01…", "T02…", "19"])
        #expect(quick("(depends on T000017) after T3") == nil)
        #expect(quick("(depends on T000017 and T3)") == nil)
        #expect(quick("(depends on US2)") == nil)
        #expect(quick("(depends on T000017") == nil)
        #expect(quick("(Depends on T000017)") == nil)
    }

    @Test("no range word starts with `,` or `)`, and at `-T` the range word is the dash")
    func noRangeAtSeparator() {
        let dash = Array("-T001".utf8)
        dash.withUnsafeBufferPointer { b in
            #expect(rangeJoinEnd(b, 0, b.count) == 1)
        }
        for c in [UInt8(ascii: ","), UInt8(ascii: ")")] {
            // The only row of its byte, and not a range word.
            #expect(DependencyVocabulary.singleByteSymbol(c) != nil)
            #expect(DependencyVocabulary.singleByteSymbol(c)?.role != .range)
            let bytes = [c, UInt8(ascii: " "), UInt8(ascii: "T")]
            bytes.withUnsafeBufferPointer { b in
                #expect(rangeJoinEnd(b, 0, b.count) == nil)
            }
        }
    }
}
