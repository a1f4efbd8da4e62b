import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// The lexer reads a word at `T` or `U` as a possible item (an ID, a range,
/// a story or phase reference) only when a task ID ends it, `S` follows the
/// `U`, or a phase word of the table may start there (`mayStartItem(sharp:)`).
/// These tests hold that to the lexer that tries every such word, and the
/// lexer's lookups among the rows that make tokens to lookups among all rows.
@Suite("Lexer: items at T and U")
struct LexerItemPrefilterTests {
    /// Words at `T` and `U` of every kind, IDs of several shapes, phase and
    /// story words, clause words, other scripts, marks packed tight.
    static let pieces = [
        "T001", "T000105", "T1", "T12a", "T001a", "T-001", "TASK-001", "Task 3", "T003.1", "T0", "Tx", "T", "T001-T004",
        "T001–T004", "T001 to T004", "T001 a T003", "T001..T004", "Test", "Tests", "The", "Track", "TrackService", "Todas as histórias",
        "Toutes les histoires", "todas las historias", "Tarea 2", "Tâche", "Tú", "T١٢", "U", "US", "US1", "US2-US4", "US 3", "USA",
        "User Story 2", "User stories", "Update", "UI", "Ü", "Uber", "UST5", "Phase 2", "Setup", "Polish (T019-T023)", "依赖 T002",
        "depends on", "after", "parallel with", "(", ")", ",", "、", ":", "-", "—", "**", "`", "_", "e.g.", "src/T001.py", "xT001",
        "Fase 3", "História 1", "Этап 2", "阶段 2",
    ]

    @Test("the tokens with the sharp item prefilter are those of the lexer that tries every T and U word", arguments: 0..<1500)
    func sameTokens(seed: UInt64) {
        var r = SeededStream(seed: seed &+ 7_919)
        let text = r.text(Self.pieces, most: 12, separators: ["", " ", " ", "  ", "\n", ", ", "\t"])
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            for lo in Set([0, min(b.count, Int(seed % 4))]) {
                for worded in [false, true] {
                    for declared in [false, true] {
                        var sharp: [ProseToken] = [], every: [ProseToken] = []
                        lexDependencyProse(b, lo, b.count, worded: worded, declared: declared, into: &sharp)
                        lexDependencyProse(b, lo, b.count, worded: worded, declared: declared, into: &every, sharpItems: false)
                        #expect(sharp == every, "\(text) from \(lo) worded \(worded) declared \(declared)")
                    }
                }
            }
        }
    }

    /// Every row of the vocabulary as written, capitalised, cut short, run on,
    /// between plain words and marks.
    static let vocabularyPieces: [String] = {
        var pieces: [String] = []
        for row in DependencyVocabulary.rows {
            pieces.append(row.word)
            pieces.append(row.word.prefix(1).uppercased() + row.word.dropFirst())
            if row.word.count > 2 { pieces.append(String(row.word.dropLast())) }
            pieces.append(row.word + "s")
        }
        return pieces + ["stored", "Schedule", "uploads", "API", "verify", "result", "T001", "US2", "(", ")", ",", "_", "**"]
    }()

    @Test("the tokens looked up among the token rows are those of every row's words", arguments: 0..<1500)
    func sameTokensFromTokenRows(seed: UInt64) {
        var r = SeededStream(seed: seed &+ 65_537)
        let text = r.text(Self.vocabularyPieces, most: 10, separators: ["", " ", " ", "  ", "\n", ", ", "é", "-"])
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            for lo in Set([0, min(b.count, Int(seed % 3))]) {
                for worded in [false, true] {
                    for declared in [false, true] {
                        var tokenRows: [ProseToken] = [], everyRow: [ProseToken] = []
                        lexDependencyProse(b, lo, b.count, worded: worded, declared: declared, into: &tokenRows)
                        lexDependencyProse(b, lo, b.count, worded: worded, declared: declared, into: &everyRow, tokenWords: false)
                        #expect(tokenRows == everyRow, "\(text) from \(lo) worded \(worded) declared \(declared)")
                    }
                }
            }
        }
    }

    @Test("a T word that no ID ends and no phase word starts is no item; an ID and US are")
    func prefilter() {
        func may(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { mayStartItem($0, 0, $0.count, worded: false) }
        }
        #expect(!may("Test"))
        #expect(!may("Track"))
        #expect(!may("Update"))
        #expect(may("T001 x"))
        #expect(may("US2"))
        #expect(may("Todas as histórias"))
        #expect(may("User Story 1"))
        #expect(may("Phase 2"))
    }
}
