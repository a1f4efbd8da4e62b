import Testing
@testable import SpecGraphCommands
import TaskScheduleRendering

/// Control characters become visible text, also when a C1 character is split
/// between two chunks of output.
@Suite struct TerminalEscaperTests {
    func escaped(_ chunks: [[UInt8]]) -> String {
        var escaper = TerminalEscaper()
        var out: [UInt8] = []
        for chunk in chunks {
            var piece: [UInt8] = []
            let changed = chunk.withUnsafeBufferPointer { escaper.escape($0, into: &piece) }
            out += changed ? piece : chunk
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func c0DelAndC1AreShownTabNewlineAndTextKept() {
        #expect(TerminalEscaper.escape("a\u{1B}[2Jb\tc\nd\u{7F}e\u{9B}f é\u{A0}漢") == "a\\u{1B}[2Jb\tc\nd\\u{7F}e\\u{9B}f é\u{A0}漢")
        #expect(TerminalEscaper.escape("\r\u{7}\u{85}") == "\\u{D}\\u{7}\\u{85}")
    }

    @Test func aC1CharacterSplitBetweenChunksIsStillCaught() {
        let bytes = Array("x\u{9B}y\u{A9}z".utf8)  // C2 9B, C2 A9
        #expect(escaped([Array(bytes[0..<2]), Array(bytes[2...])]) == "x\\u{9B}y©z")
        #expect(escaped([Array(bytes[0..<5]), Array(bytes[5...])]) == "x\\u{9B}y©z")
    }
}
