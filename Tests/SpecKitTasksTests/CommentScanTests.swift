import Testing

@testable import SpecKitTasks

/// The line scan finds a line's `<` through the next `<` of the document,
/// searched once and kept while lines start before it. A document with
/// `<` and HTML comments scattered over its lines reads as the same
/// document with every comment replaced by spaces (what the parser's own
/// blanking does), which has no `<!--` at all.
@Suite struct CommentScanTests {
    @Test(arguments: [1, 2, 3, 4, 5])
    func scatteredCommentsReadAsBlanked(seed: UInt64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var lines = ["# Tasks: Comments", "", "## Phase 1: Setup", ""]
        for t in 1...120 {
            let id = "T" + String(1000 + t)
            switch next(7) {
            case 0: lines.append("- [ ] \(id) Build <!-- not yet --> the parser in src/a\(t).swift")
            case 1: lines.append("<!-- a note about \(id) -->")
            case 2: lines.append("- [ ] \(id) Compare a < b and c > d in src/b\(t).swift")
            case 3: lines.append("- [x] \(id) Plain task <!-- one --> and <!-- two -->")
            case 4: lines.append("  <!-- indented --> <!-- twice -->")
            case 5: lines.append("- [ ] \(id) Ends with a bracket <")
            default: lines.append("- [ ] \(id) Nothing special in docs/c\(t).md")
            }
            if next(4) == 0 { lines.append("") }
        }
        let text = lines.joined(separator: "\n") + "\n"
        let blanked = Self.blankComments(text)
        #expect(!blanked.contains("<!--"))
        let read = parse(text)
        let expected = parse(blanked)
        #expect(read.tasks.count == expected.tasks.count)
        #expect(read.tasks.map(\.id) == expected.tasks.map(\.id))
        #expect(read.tasks.map(\.description) == expected.tasks.map(\.description))
        #expect(read.tasks.map(\.location) == expected.tasks.map(\.location))
        #expect(read.tasks.map(\.files) == expected.tasks.map(\.files))
        #expect(read.diagnostics.map(\.code) == expected.diagnostics.map(\.code))
    }

    /// Every `<!-- … -->` on a line replaced by as many spaces.
    static func blankComments(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var k = 0
        while k + 4 <= bytes.count {
            guard bytes[k] == UInt8(ascii: "<"), bytes[k + 1] == UInt8(ascii: "!"), bytes[k + 2] == UInt8(ascii: "-"),
                bytes[k + 3] == UInt8(ascii: "-")
            else {
                k += 1
                continue
            }
            var e = k + 4
            while e + 3 <= bytes.count, !(bytes[e] == UInt8(ascii: "-") && bytes[e + 1] == UInt8(ascii: "-") && bytes[e + 2] == UInt8(ascii: ">")) {
                e += 1
            }
            for j in k..<min(e + 3, bytes.count) { bytes[j] = 0x20 }
            k = e + 3
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
