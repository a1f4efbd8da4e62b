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

/// The task view draws at most ``DiagramOptions/nodeLimit`` nodes, whatever
/// the graph or `--depth`, and says what it left out; building it is linear.
@Suite struct BoundedPictureTests {
    /// One phase of `count` tasks in order: a chain T0001 → T0002 → …
    static func chain(_ count: Int, checkpoints: Bool = false) -> Plan {
        var text = ""
        for p in 0..<(checkpoints ? count / 2 : 1) {
            text += "## Phase \(p + 1): Part \(p + 1)\n\n"
            let tasks = checkpoints ? (2 * p + 1)...(2 * p + 2) : 1...count
            for i in tasks { text += "- [ ] T\(String(format: "%05d", i)) Step \(i)\n" }
            if checkpoints { text += "\n**Checkpoint**: part \(p + 1) works\n\n" }
        }
        return Plan(SpecParser.parse(Array(text.utf8), path: "chain.md"))
    }

    @Test func theWholeGraphIsCutAtTheLimitByWave() throws {
        let diagram = try Diagram(Self.chain(3_000), options: DiagramOptions(view: .tasks, nodeLimit: 1_000))
        #expect(diagram.taskCount == 1_000)
        #expect(diagram.nodes.contains { $0.id == "T01000" } && !diagram.nodes.contains { $0.id == "T01001" })
        #expect(diagram.notes.contains { $0.contains("more than 1000: drawn the first 1000 by wave (1000 of 3000 tasks, up to wave 1000)") })
        let whole = try Diagram(Self.chain(3_000), options: DiagramOptions(view: .tasks))
        #expect(whole.taskCount == 3_000 && whole.notes.allSatisfy { !$0.contains("more than") })
    }

    @Test func aDeepFocusIsDrawnToTheDepthThatFits() throws {
        let plan = Self.chain(3_000)
        let diagram = try Diagram(plan, options: DiagramOptions(view: .tasks, focus: "T01500", depth: 2_000, nodeLimit: 1_001))
        // 500 hops each way and the focus task.
        #expect(diagram.taskCount == 1_001)
        #expect(diagram.nodes.contains { $0.id == "T01000" } && !diagram.nodes.contains { $0.id == "T00999" })
        #expect(diagram.notes.contains { $0.contains("--depth 2000 reaches 3000 tasks and milestones, more than 1001: drawn to depth 500 (1001 of them)") })
    }

    /// A checkpoint per phase: one diamond after each phase's last task,
    /// found in one pass (it used to scan every node once per phase).
    @Test func everyPhaseGetsItsCheckpoint() throws {
        let diagram = try Diagram(Self.chain(4_000, checkpoints: true), options: DiagramOptions(view: .tasks))
        let checkpoints = diagram.nodes.indices.filter { diagram.nodes[$0].kind == .checkpoint }
        #expect(checkpoints.count == 2_000)
        for c in checkpoints.prefix(50) {
            let into = diagram.edges.filter { $0.to == c }.map { diagram.nodes[$0.from].id }
            #expect(into.count == 1)
        }
    }

    /// A chain has as many waves as tasks: the wave view draws the first
    /// ``DiagramOptions/nodeLimit`` of them (it used to ask for a bit per pair
    /// of waves, 125 GB for a million, and abort).
    @Test func theGroupViewsAreCutAtTheLimitToo() throws {
        let waves = try Diagram(Self.chain(3_000), options: DiagramOptions(view: .waves, nodeLimit: 1_000))
        #expect(waves.nodes.count == 1_000)
        #expect(waves.edges.count == 999)
        #expect(waves.notes.contains { $0.hasPrefix("3000 waves, more than 1000: drawn the first 1000") })
        let phases = try Diagram(
            Self.chain(4_000, checkpoints: true), options: DiagramOptions(view: .phases, reductionNodeLimit: 100))
        #expect(phases.nodes.count == 2_000)
        #expect(phases.notes.contains { $0.contains("2000 groups: drawn without transitive reduction") })
    }
}
