import Foundation
import Graphviz
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling
import SpecGraphTestSupport
import Testing

/// DOT and Mermaid of the examples against recorded output, and every
/// example drawn through libgvc and read back as XML.
@Suite struct DiagramWriterTests {
    @Test(arguments: DiagramFixtures.examples)
    func dotMatchesRecording(example: String) throws {
        let plan = Plan(try DiagramFixtures.example(example))
        try expectRecorded(PlanDOT.render(try Diagram(plan)), "\(example).dot")
    }

    @Test(arguments: DiagramFixtures.examples)
    func mermaidMatchesRecording(example: String) throws {
        let plan = Plan(try DiagramFixtures.example(example))
        try expectRecorded(PlanMermaid.render(try Diagram(plan)), "\(example).mmd")
    }

    @Test(arguments: [Diagram.View.phases, .stories, .waves])
    func groupViewsMatchRecording(view: Diagram.View) throws {
        let plan = Plan(try DiagramFixtures.example("auth-service"))
        let diagram = try Diagram(plan, options: DiagramOptions(view: view))
        try expectRecorded(PlanDOT.render(diagram), "auth-service.\(view.rawValue).dot")
        try expectRecorded(PlanMermaid.render(diagram), "auth-service.\(view.rawValue).mmd")
    }

    @Test(arguments: DiagramFixtures.examples)
    func everyExampleRendersToSVGWithOneElementPerTask(example: String) throws {
        let plan = Plan(try DiagramFixtures.example(example))
        let diagram = try Diagram(plan)
        let svg = try GraphvizRenderer.render(dot: PlanDOT.render(diagram), format: .svg)
        let elements = try #require(SVGElements(svg), "not well-formed XML")
        let expected = (0..<Int32(plan.graph.taskNodeCount)).map { plan.name(of: $0) }
        #expect(elements.tasks.map(\.id) == expected)
    }

    @Test func criticalTasksAndEdgesCarryTheirClass() throws {
        let plan = Plan(try DiagramFixtures.example("auth-service"))
        let svg = try GraphvizRenderer.render(dot: PlanDOT.render(try Diagram(plan)), format: .svg)
        let elements = try #require(SVGElements(svg))
        let critical = Set(elements.tasks.filter { $0.classes.contains("critical") }.map(\.id))
        for v in plan.schedule.criticalPath { #expect(critical.contains(plan.name(of: v))) }
        #expect(elements.groups.contains { $0.classes.contains("edge") && $0.classes.contains("critical") })
        // Done tasks are not planned by default, so not drawn; with every task
        // planned (`--all`) they are, marked done.
        #expect(!elements.tasks.contains { $0.id == "T001" })
        let all = Plan(try DiagramFixtures.example("auth-service"), options: PlanOptions(remaining: false))
        let allSVG = try GraphvizRenderer.render(dot: PlanDOT.render(try Diagram(all)), format: .svg)
        let allElements = try #require(SVGElements(allSVG))
        #expect(allElements.tasks.contains { $0.id == "T001" && $0.classes.contains("done") })
    }

    @Test func pinnedPositionsDrawEveryTask() throws {
        let plan = Plan(try DiagramFixtures.example("large-platform"))
        let diagram = try Diagram(plan)
        let placement = DiagramPlacement(
            positions: diagram.nodes.indices.map { .init(x: Double($0 % 20) * 200 + 100, y: Double(diagram.nodes[$0].layer) * 40 + 40) },
            clusterBoxes: [:], width: 4200, height: Double(diagram.nodes.map(\.layer).max()! + 2) * 40, clusterLabelHeight: 20)
        let dot = PlanDOT.render(diagram, placement: placement)
        #expect(dot.contains("splines=line"))
        let svg = try GraphvizRenderer.render(dot: dot, layout: .pinned, format: .svg)
        let elements = try #require(SVGElements(svg))
        #expect(elements.tasks.count == plan.graph.taskNodeCount)
    }

    /// Under the pinned engine a cluster box is drawn only when it carries a
    /// `bb`; y is flipped (Graphviz's axis points up) and values are points.
    @Test func pinnedClustersAndFlippedPositions() throws {
        let plan = Plan(try DiagramFixtures.example("auth-service"))
        let diagram = try Diagram(plan)
        let height = Double(diagram.nodes.map(\.layer).max()! + 2) * 40
        let positions: [DiagramPlacement.Point] = diagram.nodes.indices.map {
            .init(x: Double($0 % 20) * 200 + 100.5, y: Double(diagram.nodes[$0].layer) * 40 + 40)
        }
        var boxes: [Int: DiagramPlacement.Rect] = [:]
        for (i, node) in diagram.nodes.enumerated() {
            guard let c = node.cluster else { continue }
            let p = positions[i]
            let box = boxes[c] ?? .init(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)
            boxes[c] = .init(
                minX: min(box.minX, p.x - 60), minY: min(box.minY, p.y - 30),
                maxX: max(box.maxX, p.x + 60), maxY: max(box.maxY, p.y + 15))
        }
        let placement = DiagramPlacement(
            positions: positions, clusterBoxes: boxes, width: 4200, height: height, clusterLabelHeight: 20)
        let dot = PlanDOT.render(diagram, placement: placement)
        #expect(dot.contains("pos=\"100.5,\(Int(height - positions[0].y))!\""))
        let svg = try GraphvizRenderer.render(dot: dot, layout: .pinned, format: .svg)
        let elements = try #require(SVGElements(svg))
        #expect(elements.tasks.count == plan.graph.taskNodeCount)
        #expect(elements.groups.filter { $0.classes.contains("cluster") }.count == boxes.count)
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let a = PlanDOT.render(try Diagram(Plan(try DiagramFixtures.example("large-platform"))))
        let b = PlanDOT.render(try Diagram(Plan(try DiagramFixtures.example("large-platform"))))
        #expect(a == b)
    }

    @Test func reductionDropsImpliedEdges() throws {
        let plan = Plan(try DiagramFixtures.example("large-platform"))
        let reduced = try Diagram(plan)
        let full = try Diagram(plan, options: DiagramOptions(reduce: false))
        #expect(reduced.edges.count < full.edges.count)
        #expect(reduced.nodes.count == full.nodes.count)
    }

    @Test func focusKeepsTheNeighbourhood() throws {
        let plan = Plan(try DiagramFixtures.example("auth-service"))
        let near = try Diagram(plan, options: DiagramOptions(focus: "T015", depth: 1))
        let ids = Set(near.nodes.filter { $0.kind == .task }.map(\.id))
        #expect(ids.contains("T015"))
        #expect(ids.contains("T016"))
        #expect(!ids.contains("T001"))
        #expect(near.nodes.first { $0.id == "T015" }!.classes.contains("focus"))
        #expect(throws: DiagramError.self) { try Diagram(plan, options: DiagramOptions(focus: "T999")) }
    }

    /// Version 2: the plan is made without the written edge that breaks the
    /// cycle (T006 → T004, the one pointing furthest back); the cycle's other
    /// edges are drawn dashed, and the plan has waves, so the waves view draws.
    @Test func cyclesAreDrawnDashedAndWavesDrawn() throws {
        let plan = Plan(try DiagramFixtures.example("broken"))
        let diagram = try Diagram(plan)
        let dashed = diagram.edges.filter(\.isCycle).map { "\(diagram.nodes[$0.from].id)->\(diagram.nodes[$0.to].id)" }
        #expect(dashed.sorted() == ["T004->T005", "T005->T006"])
        #expect(!diagram.edges.contains { diagram.nodes[$0.from].id == "T006" && diagram.nodes[$0.to].id == "T004" })
        #expect(!plan.schedule.waves.isEmpty)
        let waves = try Diagram(plan, options: DiagramOptions(view: .waves))
        #expect(!waves.nodes.isEmpty)
    }

    @Test func phaseViewCountsTasksAndCriticalShare() throws {
        let plan = Plan(try DiagramFixtures.example("auth-service"))
        let diagram = try Diagram(plan, options: DiagramOptions(view: .phases))
        #expect(diagram.nodes.count == 6)
        // Phase 1 has 4 tasks, 3 of them done: 1 is planned by default, 4 with `--all`.
        #expect(diagram.nodes[0].label[1].hasPrefix("1 task · 3 done"))
        let all = Plan(try DiagramFixtures.example("auth-service"), options: PlanOptions(remaining: false))
        #expect(try Diagram(all, options: DiagramOptions(view: .phases)).nodes[0].label[1].hasPrefix("4 tasks · 3 done"))
        #expect(diagram.nodes.allSatisfy { $0.kind == .group })
        #expect(diagram.nodes.contains { $0.label.last!.hasPrefix("critical path ") })
    }
}
