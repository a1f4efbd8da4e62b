import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// `(2h)` and `(est: 90m)` are read without the general estimate reading:
/// compared with it over many made-up inputs.
@Suite("Text fact shortcuts")
struct TextFactShortcutTests {
    /// The parser's text scans read only the bytes they are given: a parser of no text.
    var scans: DocumentParser { DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "") }

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
