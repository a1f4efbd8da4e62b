import Foundation
import FoundationXML
import SpecKitTasks
import SpecGraphTestSupport
import Testing
import TaskScheduleRendering
import TaskScheduling

/// Documents built by hand (the parser is tested elsewhere).
extension DocumentBuilder {
    /// The builder of the Gantt tests: every task 1 h unless given.
    static func gantt() -> DocumentBuilder { DocumentBuilder(path: "specs/001-demo/tasks.md", defaultHours: 1) }

    /// The spec-kit shape: Setup, Foundational, two stories side by side, Polish.
    static func demo() -> SpecDocument {
        var b = DocumentBuilder.gantt()
        b.phase("Phase 1: Setup", checkpoint: "Project builds")
        b.task("T001", hours: 2); b.task("T002", p: true); b.task("T003", p: true)
        b.doc.tasks[0].status = .done
        b.phase("Phase 2: Foundational", checkpoint: "Foundation ready")
        b.task("T004", hours: 3)
        b.phase("Phase 3: User Story 1", story: "US1", checkpoint: "US1 works on its own")
        b.task("T005", p: true, hours: 2); b.task("T006", p: true, hours: 2); b.task("T007", hours: 3)
        b.phase("Phase 4: User Story 2", story: "US2")
        b.task("T008", hours: 4); b.task("T009", hours: 1, owner: "bo")
        b.phase("Phase 5: Polish")
        b.task("T010", hours: 1)
        return b.doc
    }
}

/// An attribute's value (swift-corelibs-foundation's `attribute(forName:)` misses
/// attributes of elements in a default namespace).
func attribute(_ element: XMLElement, _ name: String) -> String? {
    element.attributes?.first { $0.name == name }?.stringValue
}

@Suite struct GanttSVGTests {
    static func render(_ doc: SpecDocument, team: Team, options: GanttSVG.Options = .init()) -> (Plan, TeamSchedule, String) {
        let plan = Plan(doc)
        let schedule = TeamSchedule(plan: plan, team: team)
        var w = ByteWriter()
        GanttSVG.render(plan, schedule, options: options, into: &w)
        return (plan, schedule, String(w))
    }

    static func xml(_ svg: String) throws -> XMLDocument {
        try XMLDocument(data: Data(svg.utf8), options: [])
    }

    static func bars(_ doc: XMLDocument) throws -> [XMLElement] {
        try doc.nodes(forXPath: "//*[local-name()='g'][contains(concat(' ', @class, ' '), ' bar ')]").compactMap { $0 as? XMLElement }
    }

    @Test func parsesAsXMLWithOneBarPerTask() throws {
        let (plan, _, svg) = Self.render(DocumentBuilder.demo(), team: try Team.parse("ann,bo,cy"))
        let doc = try Self.xml(svg)
        #expect(doc.rootElement()?.name == "svg")
        let bars = try Self.bars(doc)
        #expect(bars.count == plan.graph.taskNodeCount)
        // One bar per planned task (done ones are planned only with --all), in document order.
        #expect(bars.compactMap { attribute($0, "id") } == (0..<Int32(plan.graph.taskNodeCount)).map { plan.name(of: $0) })
        // Outlines mark the critical tasks, unless most are: then none is marked.
        let marks = !CriticalShare(plan).isMost
        for bar in bars {
            let id = attribute(bar, "id")!
            let v = plan.node(forID: id)!
            let classes = attribute(bar, "class")!.split(separator: " ")
            #expect(classes.contains("critical") == (marks && plan.schedule.isCritical(v)))
            #expect(classes.contains("done") == plan.task(ofNode: v).status.isFinished)
            #expect(bar.elements(forName: "title").count == 1)
            #expect(bar.elements(forName: "rect").count == 1)
        }
        // One lane label per person; a lane per person.
        let people = try doc.nodes(forXPath: "//*[local-name()='text'][@class='person']").map { $0.stringValue ?? "" }
        #expect(people == ["ann", "bo", "cy"])
    }

    @Test func checkpointsStandWhereTheirPhaseEnds() throws {
        let (plan, schedule, svg) = Self.render(DocumentBuilder.demo(), team: Team(size: 2))
        let marks = GanttSVG.checkpoints(plan, schedule)
        #expect(marks.map(\.text) == ["Project builds", "Foundation ready", "US1 works on its own"])
        // T001 is done: planned only with --all, so it may have no node.
        let setupEnd = ["T001", "T002", "T003"].compactMap { plan.node(forID: $0) }.map { schedule.finish[Int($0)] }.max()!
        #expect(marks[0].time == setupEnd)
        let lines = try Self.xml(svg).nodes(forXPath: "//*[local-name()='line'][@class='checkpoint']")
        #expect(lines.count == 3)
    }

    @Test func descriptionsAndNamesAreEscaped() throws {
        var b = DocumentBuilder.gantt()
        b.phase("Phase 1: <Setup> & \"quotes\"", checkpoint: "Ready <now> & 'then'")
        let nasty = "Add <script>alert(\"x\")</script> & 'quotes' 🚀 to src/a.ts"
        b.task("T001", description: nasty)
        b.task("T002", description: "ctrl \u{1} char")
        let (_, _, svg) = Self.render(b.doc, team: try Team.parse("<b>ann</b>,bo"))
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<b>"))
        let doc = try Self.xml(svg)
        let titles = try Self.bars(doc).map { $0.elements(forName: "title")[0].stringValue ?? "" }
        #expect(titles[0].hasSuffix("\n" + nasty))
        #expect(svg.contains("🚀"))
    }

    @Test func sameScheduleSameBytes() throws {
        let a = Self.render(DocumentBuilder.demo(), team: Team(size: 3)).2
        let b = Self.render(DocumentBuilder.demo(), team: Team(size: 3)).2
        #expect(a == b)
    }

    @Test func hugePlansAreCutAndSaySo() throws {
        var b = DocumentBuilder.gantt()
        b.phase("Phase 1")
        for i in 1...600 { b.task("T\(i)", p: true) }
        // 50 lanes of one story each: more blocks than 2 × maxBars, so the window is cut.
        let (_, _, svg) = Self.render(b.doc, team: Team(size: 70), options: .init(maxBars: 10, maxLanes: 50))
        let doc = try Self.xml(svg)
        let bars = try Self.bars(doc)
        // The window keeps every bar that starts with the last one kept: at
        // most one more per person, never an empty chart.
        #expect(bars.count <= 10 + 50 && bars.count > 0)
        let starts = Set(try bars.map { try #require($0.elements(forName: "rect").first.flatMap { attribute($0, "x") }) })
        #expect(starts.count == 1)
        let notes = try doc.nodes(forXPath: "//*[local-name()='text'][@class='note']").map { $0.stringValue ?? "" }
        #expect(notes.contains { $0.hasPrefix("Too many tasks to draw them all") })
        #expect(notes.contains("Showing the first 50 of 70 people."))
    }

    /// Too many bars, but few runs of one story per person: the whole schedule
    /// is drawn as blocks that account for every task.
    @Test func manyTasksAreDrawnAsBlocks() throws {
        var b = DocumentBuilder.gantt()
        for story in 1...3 {
            b.phase("Phase \(story): User Story \(story)", story: "US\(story)")
            for i in 1...40 { b.task("T\(story)\(String(format: "%02d", i))", hours: Double(i % 3 + 1)) }
        }
        let (plan, _, svg) = Self.render(b.doc, team: Team(size: 3), options: .init(maxBars: 20))
        let doc = try Self.xml(svg)
        #expect(try Self.bars(doc).isEmpty)
        let blocks = try doc.nodes(forXPath: "//*[local-name()='g'][contains(concat(' ', @class, ' '), ' block ')]").compactMap { $0 as? XMLElement }
        #expect(!blocks.isEmpty && blocks.count <= 40)
        let counted = blocks.map { block -> Int in
            let title = block.elements(forName: "title")[0].stringValue ?? ""
            guard let range = title.range(of: #"\d+ tasks"#, options: .regularExpression) else { return 1 }
            return Int(title[range].split(separator: " ")[0])!
        }
        #expect(counted.reduce(0, +) == plan.graph.taskNodeCount)
        let notes = try doc.nodes(forXPath: "//*[local-name()='text'][@class='note']").map { $0.stringValue ?? "" }
        #expect(notes.contains { $0.contains("tasks drawn as \(blocks.count) blocks") })
    }

    @Test func emptyPlanStillDraws() throws {
        let doc = SpecDocument(path: "empty.md", phases: [Phase(index: 0, title: "", line: 0)])
        let (_, _, svg) = Self.render(doc, team: Team(size: 2))
        #expect(try Self.bars(Self.xml(svg)).isEmpty)
    }
}

@Suite struct AssignOutputTests {
    @Test func jsonFollowsTheContract() throws {
        let plan = Plan(DocumentBuilder.demo())
        let team = try Team.parse("ann,bo")
        let schedule = TeamSchedule(plan: plan, team: team)
        var w = ByteWriter()
        AssignJSON.render(plan, schedule: schedule, team: team, into: &w)
        let object = try JSONSerialization.jsonObject(with: Data(w.bytes)) as! [String: Any]
        #expect(object["schemaVersion"] as? Int == 2)
        #expect(object["source"] as? String == "specs/001-demo/tasks.md")
        #expect(object["team"] as? [String] == ["ann", "bo"])
        for key in ["makespan", "lowerBound", "gapPercent", "utilisation"] { #expect(object[key] is Double) }
        let rows = object["assignments"] as! [[String: Any]]
        // Every planned task once: T001 is done, so not planned by default.
        #expect(rows.map { $0["task"] as! String } == (2...10).map { "T" + String(format: "%03d", $0) })
        #expect(Set(rows.map { $0["person"] as! String }).isSubset(of: ["ann", "bo"]))
        #expect(rows.first { $0["task"] as? String == "T009" }?["person"] as? String == "bo")
        for row in rows { #expect((row["start"] as! Double) <= (row["finish"] as! Double)) }
    }

    @Test func textFitsEightyColumns() throws {
        var b = DocumentBuilder.gantt()
        b.phase("Phase 1")
        b.task("T001", description: String(repeating: "a very long description ", count: 10))
        let plan = Plan(b.doc)
        let schedule = TeamSchedule(plan: plan, team: Team(size: 2))
        var w = ByteWriter()
        AssignText.schedule(plan, schedule, style: .text, into: &w)
        let text = String(w)
        #expect(text.contains("makespan 1.0h"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        var md = ByteWriter()
        AssignText.schedule(plan, schedule, style: .markdown, into: &md)
        #expect(String(md).contains("| start | finish | task |"))
    }

    @Test func sweepMarksSaturation() throws {
        var b = DocumentBuilder.gantt()
        b.phase("Phase 1")
        for i in 1...8 { b.task("T\(i)", p: true) }
        let plan = Plan(b.doc)
        let sweep = TeamSweep(plan: plan, sizes: 1...8)
        var w = ByteWriter()
        AssignText.sweep(plan, sweep, style: .text, into: &w)
        let text = String(w)
        #expect(text.contains(" ◀"))
        #expect(text.contains("Past 4 people, another person shortens the plan by less than 5 %."))
    }
}
