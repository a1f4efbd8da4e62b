import CByteClasses
import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// `textTriggers` reads 32 bytes at a time (with AVX2) and looks only at the bytes
/// their masks keep; `textTriggersScalar` looks at every word start and
/// every byte that may matter. They must agree on every text, wherever it
/// lies in its buffer: these tests read many made-up texts both ways.
@Suite("Text triggers, 32 bytes at a time")
struct TextTriggersVectorTests {
    /// Pieces that matter to the triggers: word bytes, brackets before what
    /// starts an estimate or an owner, paths, `@`, clause words in several
    /// scripts, other multi-byte text, blanks.
    static let pieces = [
        "a", "Z", "x", "7", "_", "(", "[", ".", "/", "@", "~", "e", "E", "es", "est", "Est", "(e", "(o", "(O", "[e", "(2h)",
        "(est: 2h)", "[~1d]", "( 3d)", "(owner: ana)", "@bob", "depends on", "Depends on", "after", "requires", "blocked by",
        "並行", "依赖", "после", "의존", "über", "é", "ü", "日本語", "—", "T001", "T002-T004", "src/app.py", "docs/", "v1.2", "e.g.",
        "Create", "settings", "endpoint", "abcdefghijklmnopq", "0123456789", "a_b_c", " ", "  ", "\n", "\t",
    ]
    static let separators = [" ", "", "", "\n", "\t", ". ", "/", "(", "_"]

    /// The triggers of `b[lo..<hi]` as numbers, offsets from `lo`.
    static func triggers(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, vector: Bool) -> [Int] {
        let (triggers, keyword, estimate, path) =
            vector
            ? DocumentParser.textTriggers(
                b, lo, hi, classes: DocumentParser.triggerTable, starts: DependencyVocabulary.clauseStarts, words: .current)
            : DocumentParser.textTriggersScalar(
                b, lo, hi, classes: DocumentParser.triggerTable, starts: DependencyVocabulary.clauseStarts, words: .current)
        return [Int(triggers.rawValue), keyword - lo, estimate - lo, path - lo]
    }

    @Test("the class table keeps the vector loop's candidates a superset of the bytes that matter")
    func classesWithinCandidates() {
        let table = DocumentParser.triggerClasses
        for c in 0...255 {
            let byte = UInt8(c)
            let cls = table[c]
            #expect((cls & 1 != 0) == byte.isWordByte, "\(c)")
            // Bit 1: only letters (the vector loop visits letters at word starts).
            if cls & 2 != 0 { #expect(byte.isLetter, "\(c)") }
            // Bit 2: only `(` `[` `.` `/` `@` and lead bytes (0xC0 and up), none a word byte.
            if cls & 4 != 0 { #expect("([./@".utf8.contains(byte) || byte >= 0xC0, "\(c)") }
        }
    }

    @Test("made-up texts give the same triggers both ways, wherever they lie in their buffer", arguments: 0..<8)
    func randomTexts(batch: UInt64) {
        var stream = SeededStream(seed: 0x7E47 &+ batch)
        for _ in 0..<500 {
            // Padding before and after the text (word bytes too: `lo` must still start a word).
            let before = Array(stream.text(Self.pieces, most: 3, separators: Self.separators).utf8.prefix(stream.next(24)))
            var text = Array(stream.text(Self.pieces, most: 40, separators: Self.separators).utf8)
            text = Array(text.prefix(stream.next(201)))
            // Little after the text (its last block is read from a copy) or much (read in place).
            let afterCount = stream.next(2) == 0 ? stream.next(24) : 64 + stream.next(24)
            var after: [UInt8] = []
            while after.count < afterCount { after += Array(stream.text(Self.pieces, most: 3, separators: Self.separators).utf8) }
            after = Array(after.prefix(afterCount))
            let bytes = before + text + after
            bytes.withUnsafeBufferPointer { b in
                let lo = before.count, hi = before.count + text.count
                let shown = String(decoding: text, as: UTF8.self)
                #expect(Self.triggers(b, lo, hi, vector: true) == Self.triggers(b, lo, hi, vector: false), "\(shown)")
                // A part of the text, ending anywhere (in a word, inside a character, at a block's edge).
                let from = lo + stream.next(text.count + 1)
                let to = from + stream.next(hi - from + 1)
                #expect(Self.triggers(b, from, to, vector: true) == Self.triggers(b, from, to, vector: false), "\(shown) \(from) \(to)")
            }
        }
    }

    @Test("texts straddling the edges of 32-byte blocks and 64-byte rounds", arguments: [15, 16, 17, 31, 32, 33, 63, 64, 65, 95, 96, 97, 128, 129])
    func blockEdges(length: Int) {
        var stream = SeededStream(seed: UInt64(length))
        for _ in 0..<300 {
            // Long enough, then cut at the length: the last piece is split at the edge.
            var text: [UInt8] = []
            while text.count < length { text += Array(stream.text(Self.pieces, most: 8, separators: Self.separators).utf8) }
            let padding = stream.next(3) == 0 ? 0 : stream.next(20)
            let tail: [UInt8] = stream.next(2) == 0 ? [UInt8(ascii: "s"), 0x32] : Array(repeating: UInt8(ascii: "s"), count: 70)
            let bytes = [UInt8](repeating: UInt8(ascii: "w"), count: padding) + text.prefix(length) + tail
            bytes.withUnsafeBufferPointer { b in
                let lo = padding, hi = padding + length
                let shown = String(decoding: text.prefix(length), as: UTF8.self)
                #expect(Self.triggers(b, lo, hi, vector: true) == Self.triggers(b, lo, hi, vector: false), "\(shown)")
            }
        }
    }

    /// Texts with their triggers written out: triggers, then the offsets of
    /// the first keyword, estimate and path (the text's length when none).
    static let written: [(String, [Int])] = [
        ("", [0, 0, 0, 0]),
        ("Create the settings model for everything", [0, 40, 40, 40]),
        ("Update src/app.py and docs/guide.md (est: 2h) @ana", [2 | 4 | 8, 50, 36, 10]),
        ("Write the handler in api/handlers.py; depends on T001", [1 | 4, 38, 53, 24]),
        ("Wire the twenty-six letter alphabet into est", [2, 44, 41, 44]),
        ("Wire the twenty-six letter alphabetest (owner: bo)", [8, 50, 50, 50]),
        ("T003 之后 implement the sixteen byte sized block", [1, 5, 50, 50]),
        ("the last bracket is cut: [", [0, 26, 26, 26]),
        ("estimate first, then everything after T002", [1 | 2, 32, 0, 42]),
    ]

    @Test("written texts give their written triggers", arguments: 0..<written.count)
    func writtenTexts(index: Int) {
        let (text, expected) = Self.written[index]
        // In a buffer of word bytes, with a digit after the end (not the text's: `[` above starts no estimate).
        let bytes = Array("abcdefghij".utf8) + Array(text.utf8) + Array("2xyzxyzxyzxyzxyzxyz".utf8)
        bytes.withUnsafeBufferPointer { b in
            let lo = 10, hi = 10 + text.utf8.count
            #expect(Self.triggers(b, lo, hi, vector: true) == expected, "\(text)")
            #expect(Self.triggers(b, lo, hi, vector: false) == expected, "\(text)")
        }
    }

    @Test("the byte masks match a plain reading of every byte value, at every offset")
    func kernelMasks() {
        guard cbyteclasses_available() != 0 else { return }
        func isWord(_ c: UInt8) -> Bool { c.isLetter || c.isDigit || c == UInt8(ascii: "_") }
        var stream = SeededStream(seed: 0xB17E5)
        var bytes = [UInt8](repeating: 0, count: 64)
        for round in 0..<3000 {
            // First each byte value at each offset among blanks and letters, then random bytes.
            for i in 0..<64 { bytes[i] = round < 512 ? (i % 3 == 0 ? 0x61 : 0x20) : UInt8(stream.next(256)) }
            if round < 512 { bytes[round % 64] = UInt8(round / 2) }
            let n = round < 512 ? 64 : 1 + stream.next(64)
            let wordBefore = stream.next(2)
            let masks = bytes.withUnsafeBufferPointer { cbyteclasses_trigger_masks($0.baseAddress!, Int32(n), Int32(wordBefore)) }
            var candidates: UInt64 = 0, dotOrSlash: UInt64 = 0
            var before = wordBefore == 1
            for i in 0..<n {
                let c = bytes[i]
                if c.isLetter && !before || "([@".utf8.contains(c) || c >= 0xC0 { candidates |= 1 << UInt64(i) }
                if c == UInt8(ascii: ".") || c == UInt8(ascii: "/") { dotOrSlash |= 1 << UInt64(i) }
                before = isWord(c)
            }
            #expect(masks.candidates == candidates, "\(bytes.prefix(n)) \(wordBefore)")
            #expect(masks.dotOrSlash == dotOrSlash, "\(bytes.prefix(n)) \(wordBefore)")
        }
    }
}
