import Foundation
import Graphviz
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling
import SpecGraphTestSupport
import Testing

/// Hostile descriptions must not change the structure of the DOT, the SVG or
/// the Mermaid text.
///
/// ```
///   Phase 1 "Setup <b>"        T001 ──▶ T002 ──▶ … ──▶ T010   (one chain)
/// ```
@Suite struct DiagramEscapingTests {
    static let hostile = [
        "\"]; evil [label=\"pwned",
        "<script>alert(1)</script>",
        "ends with a backslash \\",
        "\\N \\G \\L \\n \\l \\\\ escapes",
        "line one\nline two\r\nthree\ttab",
        "emoji 🚀🧪 and CJK 漢字テスト한국어",
        "entities &amp; &#1; &#0; &lt;b&gt; &nbsp; &foo;",
        "quote \" and ' and ` and # and %% and ]] and -->",
        "control \u{1}\u{7}\u{1B}[31m and \u{FFFE}",
        "<br/> <img src=x onerror=alert(1)> & \"",
    ]

    /// One phase, one chain of tasks, each with a hostile description.
    static func document() -> SpecDocument {
        var doc = SpecDocument(path: "evil \"<path>\".md", phases: [
            Phase(index: 0, title: "", line: 0),
            Phase(index: 1, title: "Phase 1: Setup <b>\"x\"</b> \\N", line: 1, checkpoint: "done <script>"),
        ])
        for (i, text) in hostile.enumerated() {
            doc.tasks.append(SpecTask(
                id: String(format: "T%03d", i + 1), location: SourceLocation(line: Int32(i + 2), column: 3),
                phase: 1, segment: 1, description: text))
        }
        return doc
    }

    @Test func dotParsesBackWithExactlyTheTaskNodes() throws {
        let plan = Plan(Self.document())
        let diagram = try Diagram(plan)
        let dot = PlanDOT.render(diagram)
        // `canon` re-prints the graph Graphviz read: one node line per node.
        let canon = String(decoding: try GraphvizRenderer.render(dot: dot, format: .canon), as: UTF8.self)
        let statements = canon.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(!statements.contains { $0.hasPrefix("evil") })
        #expect(statements.count { $0.hasPrefix("T0") && !$0.contains("->") } == Self.hostile.count)
        let svg = try GraphvizRenderer.render(dot: dot, format: .svg)
        let elements = try #require(SVGElements(svg), "the SVG is not well-formed XML")
        #expect(elements.tasks.map(\.id) == (1...Self.hostile.count).map { String(format: "T%03d", $0) })
        #expect(!elements.elementNames.contains("script"))
        #expect(!elements.elementNames.contains("img"))
        #expect(!elements.elementNames.contains("b"))
        #expect(!elements.groups.contains { $0.id == "evil" })
        // The text survives as text.
        #expect(elements.text.contains("T002 · <script>alert(1)</script>"))
        #expect(elements.text.contains("漢字"))
        #expect(elements.text.contains("T004 · \\N \\G \\L \\n \\l \\\\ escapes"))
        #expect(elements.text.contains("T007 · entities &amp; &#1; &#0;"))
    }

    @Test func tooltipsKeepBackslashesAndQuotes() throws {
        let plan = Plan(Self.document())
        let svg = String(decoding: try GraphvizRenderer.render(dot: PlanDOT.render(try Diagram(plan)), format: .svg), as: UTF8.self)
        #expect(svg.contains("T004: \\N \\G \\L \\n \\l \\\\ escapes"))
        #expect(svg.contains("T003: ends with a backslash \\"))
    }

    @Test func pinnedSVGIsSafeToo() throws {
        let plan = Plan(Self.document())
        let diagram = try Diagram(plan)
        let placement = DiagramPlacement(
            positions: diagram.nodes.indices.map { .init(x: 200, y: Double($0) * 50 + 60) },
            clusterBoxes: [0: .init(minX: 0, minY: 0, maxX: 400, maxY: Double(diagram.nodes.count) * 50 + 60)],
            width: 400, height: Double(diagram.nodes.count) * 50 + 80, clusterLabelHeight: 20)
        let svg = try GraphvizRenderer.render(dot: PlanDOT.render(diagram, placement: placement), layout: .pinned, format: .svg)
        let elements = try #require(SVGElements(svg))
        #expect(elements.tasks.count == Self.hostile.count)
        #expect(!elements.elementNames.contains("script"))
    }

    @Test func mermaidLabelsHoldNoRawQuotesAnglesOrNewlines() throws {
        let plan = Plan(Self.document())
        let mermaid = PlanMermaid.render(try Diagram(plan))
        let lines = mermaid.split(separator: "\n", omittingEmptySubsequences: false)
        // One line per statement: the header, subgraph, 10 tasks, the checkpoint, end, 9 + 1 edges…
        for line in lines where line.contains("[\"") {
            let inside = line[line.range(of: "[\"")!.upperBound..<line.range(of: "\"]", options: .backwards)!.lowerBound]
            #expect(!inside.contains("\""))
            #expect(!inside.contains("<"))
            #expect(!inside.contains(">"))
        }
        #expect(!mermaid.contains("<script"))
        #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("evil") })
        #expect(!mermaid.contains("\r"))
        #expect(lines.count { $0.hasPrefix("    t") } == Self.hostile.count)
        #expect(mermaid.contains("#lt;script#gt;alert(1)#lt;/script#gt;"))
        #expect(mermaid.contains("#quot;]; evil [label=#quot;pwned"))
    }
}
