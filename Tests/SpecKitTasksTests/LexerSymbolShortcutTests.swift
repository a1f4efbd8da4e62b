import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// The lexer takes a one-byte symbol whose byte starts no other row (`,` `/`
/// `(` `)` `:` `;`) without looking it up (`DependencyVocabulary.singleByteSymbol`).
/// These tests hold the shortcut to the lookup it skips.
@Suite("Lexer: one-byte symbols without the lookup")
struct LexerSymbolShortcutTests {
    @Test("the shortcut's row is the row the lookup finds, whatever stands around it")
    func shortcutRowIsTheLookupsRow() {
        var shortcuts = 0
        for c in 0..<256 {
            guard let word = DependencyVocabulary.singleByteSymbol(UInt8(c)) else { continue }
            shortcuts += 1
            #expect(word.count == 1 && word.first == UInt8(c) && word.symbol)
            // Every byte after it, and a word byte, a blank or nothing before it.
            for before in [nil, UInt8(ascii: "q"), UInt8(ascii: " "), UInt8(0xE4)] as [UInt8?] {
                for after in 0..<257 {
                    var bytes: [UInt8] = before.map { [$0] } ?? []
                    let k = bytes.count
                    bytes.append(UInt8(c))
                    if after < 256 { bytes.append(UInt8(after)) }
                    bytes.withUnsafeBufferPointer { b in
                        for declared in [false, true] {
                            for roles in [RoleSet.all, RoleSet(word.role)] {
                                let found = DependencyVocabulary.match(b, k, 0, b.count, roles: roles, declared: declared)
                                #expect(found?.end == k + 1, "\(c) then \(after)")
                                #expect(found.map { [Int($0.word.start), Int($0.word.count), $0.word.role.rawValue] }
                                    == [Int(word.start), Int(word.count), word.role.rawValue])
                            }
                        }
                    }
                }
            }
        }
        // The list separators and brackets take it; dashes and `.` (which need
        // what follows) and letters never do.
        for c in ",/()：:;".utf8 where c < 0x80 { #expect(DependencyVocabulary.singleByteSymbol(c) != nil, "\(c)") }
        for c in "-.<aAeyT 1_\n".utf8 { #expect(DependencyVocabulary.singleByteSymbol(c) == nil, "\(c)") }
        #expect(shortcuts >= 6)
    }

    /// Text of our own: paths, IDs, brackets and separators packed tight,
    /// clause words in several languages, dashes and dots of every kind.
    static let pieces = [
        "Wire", "the", "ingest", "worker", "lib/queue/ingest.rb", "(", ")", ",", "/", ":", ";", "+", "&", "-", "--", "->", "<-",
        ".", "..", "...", "T010", "T011-T013", "T020,T021", "(needs T004)", "(after T002;", "requires:T007", "US3", "Phase 2",
        "(Setup)", "bloqueia", "和", "、", "：", "T5/T6", "a+b", "x&y", "(T1)", "):", "v2.1", "e.g.", "no", "none", "n/a",
        "parallel with T030", "blocked by:", "[P]", "`cfg/app.toml`", "**T014**", "_x_", "Task 4", "(см. T003)", "после T2",
    ]

    @Test("the tokens with the shortcut are the tokens every symbol looked up gives", arguments: 0..<300)
    func tokensMatchTheLookup(seed: UInt64) {
        var r = SeededStream(seed: seed &+ 104_729)
        let text = r.text(Self.pieces, most: 14, separators: ["", " ", "  ", "\n", "\t"])
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            for lo in Set([0, min(b.count, Int(seed % 5))]) {
                for worded in [false, true] {
                    for declared in [false, true] {
                        var fast: [ProseToken] = [], full: [ProseToken] = []
                        lexDependencyProse(b, lo, b.count, worded: worded, declared: declared, into: &fast)
                        lexDependencyProse(b, lo, b.count, worded: worded, declared: declared, into: &full, symbolShortcut: false)
                        #expect(fast == full, "\(text) from \(lo) worded \(worded) declared \(declared)")
                    }
                }
            }
        }
    }
}
