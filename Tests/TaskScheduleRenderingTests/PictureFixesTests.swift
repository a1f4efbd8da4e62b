import Foundation
import FoundationXML
import Graphviz
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling
import SpecGraphTestSupport
import Testing

/// The pictures read as the document does: `[P]` groups in document order,
/// no Markdown markup in labels, no sea of red, fonts for CJK text, and a
/// Gantt chart whose every bar and checkpoint can be read.
@Suite struct PictureFixesTests {
    static func parse(_ text: String, path: String = "specs/pictures/tasks.md") -> Plan {
        Plan(SpecParser.parse(Array(text.utf8), path: path))
    }

    static func svg(_ diagram: Diagram) throws -> XMLDocument {
        let bytes = try GraphvizRenderer.render(dot: PlanDOT.render(diagram), format: .svg)
        return try XMLDocument(data: Data(bytes), options: [])
    }

    /// The x of each task node's label in a Graphviz SVG, by task ID.
    static func labelX(_ doc: XMLDocument) throws -> [String: Double] {
        var result: [String: Double] = [:]
        let groups = try doc.nodes(forXPath: "//*[local-name()='g'][contains(concat(' ', @class, ' '), ' task ')]")
        for case let g as XMLElement in groups {
            // Graphviz wraps a node with a tooltip in `<g><a>`: the text is deeper down.
            guard let id = attribute(g, "id"), let text = try g.nodes(forXPath: ".//*[local-name()='text']").first as? XMLElement,
                let x = attribute(text, "x").flatMap(Double.init)
            else { continue }
            result[id] = x
        }
        return result
    }

    // MARK: Graph

    /// ```
    ///   T001 ─▶ [T002 T003 T004 T005 T006] ─▶ T007     ([P] group of five)
    /// ```
    static let parallelGroup = """
        ## Phase 1: Setup

        - [ ] T001 Create the project (2h)

        ## Phase 2: Models

        - [ ] T002 [P] Create model A in src/a.py (1h)
        - [ ] T003 [P] Create model B in src/b.py (1h)
        - [ ] T004 [P] Create model C in src/c.py (1h)
        - [ ] T005 [P] Create model D in src/d.py (1h)
        - [ ] T006 [P] Create model E in src/e.py (1h)
        - [ ] T007 Wire the models together (1h)

        """

    @Test(arguments: [Diagram.Direction.topToBottom, .leftToRight])
    func parallelGroupIsDrawnInDocumentOrder(direction: Diagram.Direction) throws {
        let plan = Self.parse(Self.parallelGroup)
        let doc = try Self.svg(try Diagram(plan, options: DiagramOptions(direction: direction)))
        let ids = ["T002", "T003", "T004", "T005", "T006"]
        if direction == .topToBottom {
            let x = try Self.labelX(doc)
            let xs = try ids.map { try #require(x[$0], "no label for \($0)") }
            #expect(xs == xs.sorted(), "left to right: \(zip(ids, xs).map { "\($0.0)=\($0.1)" })")
            #expect(Set(xs).count == xs.count)
        } else {
            // Left to right: the group stands top to bottom; SVG y grows downward.
            var y: [String: Double] = [:]
            for case let g as XMLElement in try doc.nodes(forXPath: "//*[local-name()='g'][contains(concat(' ', @class, ' '), ' task ')]") {
                if let id = attribute(g, "id"), let t = try g.nodes(forXPath: ".//*[local-name()='text']").first as? XMLElement,
                    let v = attribute(t, "y").flatMap(Double.init)
                {
                    y[id] = v
                }
            }
            let ys = try ids.map { try #require(y[$0]) }
            #expect(ys == ys.sorted())
        }
    }

    @Test func labelsCarryNoMarkdown() throws {
        let text = """
            ## Phase 1: **Setup** `core`

            - [ ] T001 Create `src/models/user.py` with **bold** and __strong__ ~~old~~ text, see [the spec](spec.md) (1h)
            - [ ] T002 Second **task** (1h)

            """
        let plan = Self.parse(text)
        let diagram = try Diagram(plan)
        let task = try #require(diagram.nodes.first { $0.id == "T001" })
        for text in task.label + [task.tooltip] + diagram.clusters.map(\.label) {
            for markup in ["`", "**", "__", "~~", "](", "[the"] {
                #expect(!text.contains(markup), "\(markup) in \(text)")
            }
        }
        #expect(task.label[0].hasPrefix("T001 · Create src/models/user.py with bold"))
        #expect(diagram.clusters.map(\.label).contains("Phase 1: Setup core"))
    }

    @Test func mostlyCriticalGraphIsNotPaintedRed() throws {
        // A chain: every task is critical.
        let chain = Self.parse("## Phase 1: Build\n\n- [ ] T001 One (1h)\n- [ ] T002 Two (2h)\n- [ ] T003 Three (1h)\n")
        let diagram = try Diagram(chain)
        #expect(diagram.caption == "Every task is on the critical path: no slack anywhere")
        #expect(!diagram.nodes.contains { $0.isCritical })
        #expect(!diagram.edges.contains { $0.isCritical })
        let dot = PlanDOT.render(diagram)
        #expect(!dot.contains("#d62728"))
        #expect(dot.contains("label=\"Every task is on the critical path: no slack anywhere\"; labelloc=t"))
        let svg = try Self.svg(diagram)
        let text = svg.rootElement()?.stringValue ?? ""
        #expect(text.contains("Every task is on the critical path"))
        var mermaid = ByteWriter()
        PlanMermaid.render(diagram, into: &mermaid)
        #expect(String(mermaid).hasPrefix("---\ntitle: \"Every task is on the critical path: no slack anywhere\"\n---\n"))

        // A group of five [P] tasks, four with slack: the critical ones are marked, no caption.
        let slack = Self.parse("## Phase 1: Build\n\n- [ ] T001 [P] Long (5h)\n- [ ] T002 [P] A (1h)\n- [ ] T003 [P] B (1h)\n- [ ] T004 [P] C (1h)\n- [ ] T005 [P] D (1h)\n")
        let marked = try Diagram(slack)
        #expect(marked.caption == nil)
        #expect(marked.nodes.first { $0.id == "T001" }?.isCritical == true)
        #expect(marked.nodes.first { $0.id == "T002" }?.isCritical == false)
    }

    @Test func graphvizSVGAsksForCJKFonts() throws {
        let plan = Self.parse("## フェーズ 1: 設定\n\n- [ ] T001 プロジェクトを作成する (1h)\n- [ ] T002 创建任务 (1h)\n")
        let doc = try Self.svg(try Diagram(plan))
        let families = try doc.nodes(forXPath: "//*[@font-family]").compactMap { ($0 as? XMLElement).flatMap { attribute($0, "font-family") } }
        #expect(!families.isEmpty)
        for family in families {
            #expect(family.contains("Noto Sans CJK JP") && family.contains("Microsoft YaHei") && family.hasSuffix("sans-serif"), "\(family)")
        }
        let text = doc.rootElement()?.stringValue ?? ""
        #expect(text.contains("プロジェクトを作成する"))
    }

    // MARK: Gantt

    static func gantt(_ doc: SpecDocument, team: Team) throws -> XMLDocument {
        let plan = Plan(doc)
        let schedule = TeamSchedule(plan: plan, team: team)
        var w = ByteWriter()
        GanttSVG.render(plan, schedule, into: &w)
        return try XMLDocument(data: Data(w.bytes), options: [])
    }

    @Test func ganttSVGAsksForCJKFonts() throws {
        let doc = try Self.gantt(DocumentBuilder.demo(), team: Team(size: 2))
        let family = try #require(doc.rootElement().flatMap { attribute($0, "font-family") })
        for name in FontFamilies.cjk { #expect(family.contains("'\(name)'") || !name.contains(" ") && family.contains(name)) }
        #expect(family.hasSuffix("sans-serif"))
    }

    @Test func everyGanttBarIsLabelledAtEverySize() throws {
        var b = DocumentBuilder.gantt()
        b.phase("Phase 1: Many")
        // 150 tasks, some very short: at one person's lane most bars are narrow.
        for i in 1...150 { b.task(String(format: "T%03d", i), p: true, hours: i % 5 == 0 ? 0.05 : 1, description: "Build **part** \(i) of the `system`") }
        let doc = try Self.gantt(b.doc, team: Team(size: 1))
        let bars = try GanttSVGTests.bars(doc)
        #expect(bars.count == 150)
        for bar in bars {
            let label = bar.elements(forName: "text").first?.stringValue ?? ""
            #expect(!label.isEmpty, "bar \(attribute(bar, "id") ?? "?") has no label")
            #expect(!label.contains("**") && !label.contains("`"))
            let title = bar.elements(forName: "title").first?.stringValue ?? ""
            #expect(title.contains("Build **part**") || title.contains("Build part"))
        }
    }

    @Test func barLabelsShortenToFit() {
        let label = GanttSVG.BarText(id: "T012", description: "Create the user model in src/models/user.py")
        let wide = GanttSVG.barLabel(label, width: 400)
        #expect(wide.text == "T012 Create the user model in src/models/user.py" && !wide.vertical)
        let medium = GanttSVG.barLabel(label, width: 110)
        #expect(medium.text.hasPrefix("T012 Cre") && medium.text.hasSuffix("…"))
        #expect(GanttSVG.textWidth(medium.text, fontSize: medium.fontSize) <= 110)
        #expect(GanttSVG.barLabel(label, width: 36).text == "T012")
        #expect(GanttSVG.barLabel(label, width: 20).text == "12")
        let thin = GanttSVG.barLabel(label, width: 6)
        #expect(thin.vertical && thin.text == "12")
        #expect(GanttSVG.BarText(id: "T-HF02", description: "").shortID == "HF02")
        #expect(GanttSVG.BarText(id: "T007a", description: "").shortID == "7a")
        #expect(GanttSVG.BarText(id: "Task 1.2", description: "").shortID == "1.2")
    }

    @Test func phaseColoursAreDistinctAndNotGrey() throws {
        var b = DocumentBuilder.gantt()
        for p in 1...6 {
            b.phase("Phase \(p): Barrier \(p)")
            b.task("T\(p)0", hours: 1)
        }
        let doc = try Self.gantt(b.doc, team: Team(size: 1))
        let fills = try doc.nodes(forXPath: "//*[local-name()='g'][@class='legend-group']/*[local-name()='rect']")
            .compactMap { ($0 as? XMLElement).flatMap { attribute($0, "fill") } }
        #expect(fills.count == 6)
        #expect(Set(fills).count == 6)
        for fill in fills {
            // A grey has equal red, green and blue (give or take a little).
            let v = Array(fill.dropFirst())
            let rgb = stride(from: 0, to: 6, by: 2).map { Int(String(v[$0..<$0 + 2]), radix: 16) ?? 0 }
            #expect(rgb.max()! - rgb.min()! > 40, "\(fill) is a grey")
        }
    }

    @Test func checkpointLabelsNeverOverlap() throws {
        var b = DocumentBuilder.gantt()
        for p in 1...12 {
            b.phase("Phase \(p)", checkpoint: "Checkpoint number \(p) is reached and verified by the team")
            b.task("T\(p)", hours: 0.25)
        }
        let doc = try Self.gantt(b.doc, team: Team(size: 1))
        let labels = try doc.nodes(forXPath: "//*[local-name()='text'][@class='checkpoint-label']").compactMap { $0 as? XMLElement }
        #expect(labels.count == 12, "every checkpoint keeps its label")
        let boxes = labels.map { e -> (x: Double, y: Double, width: Double) in
            (Double(attribute(e, "x") ?? "") ?? .nan, Double(attribute(e, "y") ?? "") ?? .nan, Double(attribute(e, "data-width") ?? "") ?? .nan)
        }
        for i in boxes.indices {
            for j in boxes.indices where j > i && abs(boxes[i].y - boxes[j].y) < 12 {
                let apart = boxes[i].x + boxes[i].width <= boxes[j].x || boxes[j].x + boxes[j].width <= boxes[i].x
                #expect(apart, "labels \(i + 1) and \(j + 1) overlap")
            }
        }
        // The lanes move down to make room, so no label runs into the title.
        #expect(boxes.allSatisfy { $0.y > 56 })
    }

    @Test func mostlyCriticalGanttIsNotOutlinedRed() throws {
        var chain = DocumentBuilder.gantt()
        chain.phase("Phase 1: Build")
        for i in 1...4 { chain.task("T00\(i)", hours: Double(i)) }
        let all = try Self.gantt(chain.doc, team: Team(size: 2))
        #expect(try GanttSVGTests.bars(all).allSatisfy { !(attribute($0, "class") ?? "").contains("critical") })
        let notes = try all.nodes(forXPath: "//*[local-name()='text'][@class='note']").map { $0.stringValue ?? "" }
        #expect(notes.contains { $0.contains("every task is on the critical path: no slack anywhere, so none is outlined") })

        var slack = DocumentBuilder.gantt()
        slack.phase("Phase 1: Build")
        slack.task("T001", p: true, hours: 6)
        for i in 2...5 { slack.task("T00\(i)", p: true, hours: 1) }
        let some = try Self.gantt(slack.doc, team: Team(size: 5))
        let critical = try GanttSVGTests.bars(some).filter { (attribute($0, "class") ?? "").split(separator: " ").contains("critical") }
        #expect(critical.compactMap { attribute($0, "id") } == ["T001"])
    }

    @Test func ganttAxisIsInHoursLikeTheText() throws {
        var b = DocumentBuilder.gantt()
        b.phase("Phase 1")
        for i in 1...12 { b.task("T\(i)", hours: 8) }
        let doc = try Self.gantt(b.doc, team: Team(size: 1))
        let ticks = try doc.nodes(forXPath: "//*[local-name()='text'][@class='tick']").map { $0.stringValue ?? "" }
        #expect(ticks.first == "0h")
        #expect(ticks.allSatisfy { $0.hasSuffix("h") })
        let heading = try doc.nodes(forXPath: "//*[local-name()='text'][@class='subheading']").first?.stringValue ?? ""
        #expect(heading.contains("makespan 96.0h"))
    }
}
