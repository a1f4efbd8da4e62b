import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// A plain token's last `/` is found eight bytes at a time, a token is
/// stripped only when an end byte may be, and `(2h)` is read without the
/// general estimate reading. Each is compared with the full reading over
/// many made-up inputs.
@Suite("Text fact shortcuts")
struct TextFactShortcutTests {
    /// The parser's text scans read only the bytes they are given: a parser of no text.
    var scans: DocumentParser { DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "") }

    static let tokenPieces = [
        "src", "/", "/", "a.py", "api.types.ts", "12345678", "abcdefghij", "x", ".", "..", "./", "_", "-", "v1.2", "README",
        "data-model.md", "docs", "`", "*", "**", "(", ")", ":", "@", ",", ";", "\"", "'", "!", "?", "__", "é", "1", "a",
    ]

    @Test("a token's last `/` read eight bytes at a time, and its ends stripped only when one may be, read as before", arguments: 0..<30)
    func lastSlashWords(seed: UInt64) {
        var g = SeededStream(seed: seed &+ 555)
        for _ in 0..<200 {
            var token = ""
            for _ in 0..<(1 + g.next(8)) { token += Self.tokenPieces[g.next(Self.tokenPieces.count)] }
            let bytes = Array(token.utf8)
            bytes.withUnsafeBufferPointer { b in
                let plain = !b.contains { DocumentParser.pathCandidateClasses[Int($0)] & 2 != 0 && $0 != UInt8(ascii: "/") }
                for lo in 0..<b.count {
                    for backticked in [false, true] {
                        let words = scans.pathCandidate(b, lo, b.count, backticked: backticked, plain: plain)
                        let bytewise = scans.pathCandidate(b, lo, b.count, backticked: backticked, plain: plain, plainSlashWords: false)
                        #expect(words.map { [$0.0, $0.1] } == bytewise.map { [$0.0, $0.1] }, "\(token) from \(lo)")
                        let stripped = scans.pathCandidate(b, lo, b.count, backticked: backticked, plain: plain, stripTest: false)
                        #expect(words.map { [$0.0, $0.1] } == stripped.map { [$0.0, $0.1] }, "\(token) from \(lo)")
                    }
                }
            }
        }
    }

    static let estimatePieces = [
        "(2h)", "(2H)", "[3d]", "(~1w)", "(5m)", "(9M)", "(0h)", "(2x)", "(2h", "(2 h)", "( 2h)", "(2h/4h/8h)", "(2hr)", "(22h)",
        "(est: 1h/2h/4h)", "(~3d)", "[2h]", "(2h]", "[2h)", "(est: 90m)", "(estimate: 1.5d)", "(1.5d)", "(2h-3h)", "(~ 2h)",
        "(depends on T002)", "(", ")", "[", "]", "2h", "h", "~", " ", "Est: 2h", "est", "T001", "é", "\n", "(123456789h)",
        "(1234567890h)", "(007d)", "(est: 12w)", "[estimate: 45m]", "(90 m)", "(2hours)", "(2h)]", "9", "h)",
    ]

    @Test("the one-digit estimate shape reads as the general estimate reading", arguments: 0..<30)
    func estimateShapes(seed: UInt64) {
        var g = SeededStream(seed: seed &+ 4_242)
        for _ in 0..<200 {
            let text = g.text(Self.estimatePieces, most: 6, separators: ["", " ", " ", "\t"])
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                for lo in 0..<b.count {
                    let shaped = DocumentParser.findEstimate(b, lo, b.count)
                    let general = DocumentParser.findEstimate(b, lo, b.count, shapes: false)
                    #expect(shaped?.0 == general?.0, "\(text) from \(lo)")
                    #expect(shaped.map { [$0.1.0, $0.1.1] } == general.map { [$0.1.0, $0.1.1] }, "\(text) from \(lo)")
                    // The same bits, not only equal values.
                    #expect(shaped?.0.hours.bitPattern == general?.0.hours.bitPattern, "\(text) from \(lo)")
                }
            }
        }
    }
}
