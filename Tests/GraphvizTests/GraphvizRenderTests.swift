import Graphviz
import SpecGraphTestSupport
import Testing

/// ```
///   T001 ──▶ T002 ──▶ T004
///     └────▶ T003 ───────▲
/// ```
private let diamond = """
    digraph plan {
        node [shape=box];
        T001 [id="T001" label="Set up"];
        T002 [id="T002"];
        T003 [id="T003"];
        T004 [id="T004"];
        T001 -> T002 -> T004;
        T001 -> T003 -> T004;
    }
    """

@Suite("Rendering through libgvc")
struct GraphvizRenderTests {
    @Test func svgHasOneNodeGroupPerNodeWithTheIDsSetInDOT() throws {
        let svg = try GraphvizRenderer.render(dot: diamond, format: .svg)
        let summary = try #require(SVGElements(svg))
        #expect(summary.nodeIDs.sorted() == ["T001", "T002", "T003", "T004"])
        #expect(summary.text.contains("Set up"))
    }

    @Test(arguments: [
        (GraphvizFormat.png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] as [UInt8]),
        (GraphvizFormat.pdf, Array("%PDF-".utf8)),
        (GraphvizFormat.svg, Array("<?xml".utf8)),
        (GraphvizFormat.dot, Array("digraph plan".utf8)),
    ])
    func outputStartsWithItsMagicBytes(format: GraphvizFormat, magic: [UInt8]) throws {
        let bytes = try GraphvizRenderer.render(dot: diamond, format: format)
        #expect(Array(bytes.prefix(magic.count)) == magic)
    }

    @Test func badSyntaxThrowsGraphvizsOwnMessage() {
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.render(dot: "digraph { a -> }", format: .svg)
        }
        #expect(error?.message.contains("syntax error in line 1") == true)
    }

    /// libcgraph's lexer keeps its line count between parses: a text that
    /// ends in newlines used to shift the line of the next text's error.
    @Test func syntaxErrorLinesCountFromTheStartOfEachText() throws {
        _ = try GraphvizRenderer.render(dot: diamond + "\n\n\n", format: .dot)
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.render(dot: "digraph {\n a -> b\n c -> }", format: .svg)
        }
        #expect(error?.message.contains("syntax error in line 3") == true, "\(error?.message ?? "")")
    }

    @Test(arguments: ["", "hello", "digraph {"])
    func textThatIsNotAGraphThrows(dot: String) {
        #expect(throws: GraphvizError.self) { try GraphvizRenderer.render(dot: dot, format: .svg) }
    }

    @Test func unknownLayoutThrowsAndListsTheInstalledOnes() {
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.render(dot: diamond, layout: GraphvizLayout(rawValue: "bogus"), format: .svg)
        }
        #expect(error?.message.contains("\"bogus\" not recognized") == true)
        #expect(error?.message.contains("nop2") == true)
    }

    @Test func unknownLayoutNamedInsideTheDOTThrows() {
        #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.render(dot: "digraph { layout=bogus; a -> b }", format: .svg)
        }
    }

    @Test func unknownFormatThrowsAndListsTheInstalledOnes() {
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.render(dot: diamond, format: GraphvizFormat(rawValue: "bogus"))
        }
        #expect(error?.message.contains("\"bogus\" not recognized") == true)
        #expect(error?.message.contains(" svg ") == true)
    }

    /// The process shares one Graphviz context, so a failure must leave it usable.
    @Test func anErrorDoesNotLeakIntoTheNextRender() throws {
        _ = try? GraphvizRenderer.render(dot: "digraph { a -> }", format: .svg)
        _ = try? GraphvizRenderer.render(dot: diamond, layout: GraphvizLayout(rawValue: "bogus"), format: .svg)
        _ = try? GraphvizRenderer.render(dot: "digraph { layout=bogus; a }", format: .svg)
        _ = try? GraphvizRenderer.render(dot: diamond, format: GraphvizFormat(rawValue: "bogus"))
        let svg = try GraphvizRenderer.render(dot: diamond, format: .svg)
        #expect(SVGElements(svg)?.nodeIDs.count == 4)
        #expect(try GraphvizRenderer.render(dot: diamond, layout: .dot, format: .svg) == svg)
    }

    @Test func installedPluginsIncludeWhatThePackageUses() {
        #expect(GraphvizRenderer.version.first?.isNumber == true)
        let layouts = GraphvizRenderer.availableLayouts
        for layout in [GraphvizLayout.dot, .neato, .fdp, .sfdp, .pinned] {
            #expect(layouts.contains(layout))
        }
        let formats = GraphvizRenderer.availableFormats
        for format in [GraphvizFormat.svg, .png, .pdf, .dot, .canon] {
            #expect(formats.contains(format))
        }
    }

    /// A label with markup, an ampersand, DOT-escaped quotes, an emoji and
    /// CJK must come out as escaped, well-formed SVG text.
    @Test func labelsAreEscapedInSVG() throws {
        let dot = #"""
            digraph { T001 [id="T001" label="<script>alert(\"x\")</script> & \"quoted\" 🚀 漢字タスク"]; }
            """#
        let svg = try GraphvizRenderer.render(dot: dot, format: .svg)
        let summary = try #require(SVGElements(svg))
        #expect(summary.nodeIDs == ["T001"])
        #expect(summary.text.contains(#"<script>alert("x")</script> & "quoted" 🚀 漢字タスク"#))
        let raw = String(decoding: svg, as: UTF8.self)
        #expect(!raw.contains("<script"))
        #expect(raw.contains("&lt;script&gt;"))
    }

    /// 20 nodes in a chain, each with an 8 000-character tooltip: an SVG of
    /// more than 150 KB that takes little layout.
    static let heavy: String = {
        let tip = String(repeating: "tooltip ", count: 1_000)
        var dot = "digraph heavy {\n"
        for i in 0..<20 { dot += "  n\(i) [tooltip=\"\(i) \(tip)\"];\n" }
        for i in 1..<20 { dot += "  n\(i - 1) -> n\(i);\n" }
        return dot + "}\n"
    }()

    @Test func manyRendersInOneProcessGiveIdenticalOutputAndKeepNoMemory() throws {
        let first = try GraphvizRenderer.render(dot: Self.heavy, format: .svg)
        // Warm-up: the allocator's arenas grow to their steady size first.
        for _ in 0..<5 { _ = try GraphvizRenderer.render(dot: Self.heavy, format: .svg) }
        // Keeping only each render's output buffer (a missing gvFreeRenderData)
        // would grow the process by renders × first.count; keeping the parsed
        // graph or its layout, by more. Half of that fails.
        let renders = 50
        let bound = renders * first.count / 2
        #expect(bound >= 3 << 20, "the bound must stand well above the allocator's noise")
        // `make test` runs this test alone, after the others; run beside them
        // (some plan 70 000 tasks) the process may grow for other reasons,
        // so the smallest growth of up to a dozen rounds counts, stopping at
        // the first quiet one: a leak grows every round.
        var growths: [Int] = []
        for _ in 0..<12 {
            let before = residentBytes()
            for _ in 0..<renders {
                #expect(try GraphvizRenderer.render(dot: Self.heavy, format: .svg) == first)
            }
            if let before, let after = residentBytes() { growths.append(after - before) }
            if let last = growths.last, last < bound { break }
        }
        if let least = growths.min() {
            #expect(least < bound, "RSS grew at least \(least >> 10) KiB in each round of \(renders) renders")
        }
    }

    @Test func concurrentRendersAreSerialisedAndValid() async throws {
        let expected = try GraphvizRenderer.render(dot: diamond, format: .svg)
        let outputs = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for index in 0..<40 {
                group.addTask {
                    try GraphvizRenderer.render(dot: diamond, format: index.isMultiple(of: 2) ? .svg : .png)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outputs.count == 40)
        let svgs = outputs.filter { $0.starts(with: Array("<?xml".utf8)) }
        #expect(svgs.count == 20)
        #expect(svgs.allSatisfy { $0 == expected })
        #expect(outputs.filter { $0.starts(with: [0x89, 0x50, 0x4E, 0x47]) }.count == 20)
    }
}
