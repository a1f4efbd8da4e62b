import Foundation
import Graphviz
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling
import Testing

/// Text from a tasks.md cannot steer Mermaid, and cannot make DOT that Graphviz
/// rejects or lays out slowly.
@Suite struct HardeningRenderingTests {
    static func document(description: String, title: String = "Phase 1: Setup") -> SpecDocument {
        var doc = SpecDocument(path: "tasks.md", phases: [
            Phase(index: 0, title: "", line: 0),
            Phase(index: 1, title: title, line: 1),
        ])
        doc.tasks.append(SpecTask(
            id: "T001", location: SourceLocation(line: 2, column: 3), phase: 1, segment: 1, description: description))
        return doc
    }

    @Test(arguments: ["%%{init: {'theme': 'dark'}}%%", "50% done", "%%%"])
    func mermaidWritesNoPercentSign(_ text: String) throws {
        let diagram = try Diagram(Plan(Self.document(description: text, title: "Phase 1: \(text)")))
        let mermaid = PlanMermaid.render(diagram)
        // Only specgraph's own comment lines start with `%%`; no `%` comes from the text.
        let lines = mermaid.split(separator: "\n")
        #expect(lines.allSatisfy { !$0.dropFirst(2).contains("%") })
        #expect(mermaid.contains("#37;"))
    }

    /// A description of 3 MB: the tooltip is cut at ``Diagram/tooltipCharacterLimit``
    /// and every DOT string stays under Graphviz's 16384-byte limit.
    @Test func longTextIsCutBeforeItReachesGraphviz() throws {
        let huge = String(repeating: "a \\ \"b\" & ", count: 300_000)
        let diagram = try Diagram(Plan(Self.document(description: huge, title: "Phase 1: " + huge)))
        let tooltip = try #require(diagram.nodes.first { $0.id == "T001" }?.tooltip)
        #expect(tooltip.count < Diagram.tooltipCharacterLimit + 100)
        #expect(tooltip.contains("…"))
        let dot = PlanDOT.render(diagram)
        #expect(dot.utf8.count < 100_000)
        for line in dot.split(separator: "\n") {
            #expect(line.utf8.count < 16_384)
        }
        // Graphviz reads it back.
        let canon = try GraphvizRenderer.render(dot: dot, format: .canon)
        #expect(!canon.isEmpty)
    }

    @Test func everyDOTStringIsCappedWhateverTheCaller() {
        var w = ByteWriter()
        w.writeDOTString(String(repeating: "\\", count: 20_000), tooltip: true)
        #expect(w.count <= ByteWriter.dotStringByteLimit + 2)
        #expect(String(w).hasSuffix("…\""))
    }
}
