import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// `firstWordStart` reads a text's last chunk in one load when the buffer
/// goes on after the text (`ByteChunk(tail:)`): the bytes after the text's
/// end must count for nothing. These tests read texts that end inside a
/// longer buffer, and compare with a search one byte at a time.
@Suite("First clause word: the last chunk")
struct FirstWordStartTailTests {
    static let pieces = [
        "after", "depends on", "parallel", "independent", "blocks", "before", "依赖", "并行", "после", "después de", "T001",
        "Tests", "for", "User", "Story", "⚠️", "x", "ab", "(", ")", ",", "é", "_", "9", "requires", "needs", "aft", "dep",
    ]

    /// Where a clause word of `roles` first starts in `lo..<hi`, one byte at a time.
    static func reference(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, roles: RoleSet, declared: Bool) -> Int? {
        for i in lo..<hi {
            let c = b[i]
            let candidate = c >= 0xC0 || (c.isLetter && c < 0x80 && (i == lo || !b[i - 1].isWordByte))
            if candidate, DependencyVocabulary.match(b, i, lo, hi, roles: roles, declared: declared) != nil { return i }
        }
        return nil
    }

    @Test("the first clause word of a text that ends inside its buffer is the one a byte-at-a-time search finds", arguments: 0..<800)
    func sameAsReference(seed: UInt64) {
        var r = SeededStream(seed: seed &+ 424_242)
        let text = r.text(Self.pieces, most: 8, separators: ["", " ", "  ", "\n"])
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            // Every end, so that a word runs on past it (`after` cut to `aft`).
            for hi in 0...b.count {
                for lo in Set([0, min(hi, 1), min(hi, Int(seed % 5))]) {
                    for (roles, declared) in [(RoleSet.clause, false), (RoleSet.together, true)] {
                        let found = DependencyVocabulary.firstWordStart(b, lo, hi, roles: roles, declared: declared)
                        #expect(found == Self.reference(b, lo, hi, roles: roles, declared: declared), "\(text) \(lo)..<\(hi)")
                    }
                }
            }
        }
    }
}
