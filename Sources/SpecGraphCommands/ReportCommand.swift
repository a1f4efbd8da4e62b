import ArgumentParser
import Graphviz
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling

/// `specgraph report`: one self-contained HTML file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained, offline HTML report: status, pictures, next, critical path, warnings.",
        discussion: """
            The page needs no network and loads nothing: the status table; per feature
            the remaining critical path, the tasks ready now, the phases (table and
            picture), the task graph drawn by Graphviz with pan and zoom, warnings
            grouped by cause, and out-of-order work; with --team, the Gantt chart of the
            team schedule. Search finds tasks by ID or text; clicking a task marks what
            comes before and after it and shows why it is where it is. Finished tasks
            are counted, not drawn.

            The file is written whole or not at all.

            Examples:
              specgraph report -o report.html
              specgraph report --team 3 -o report.html specs/
            """)

    @Argument(help: "tasks.md files, or directories (every tasks.md below them). Default: the current directory.")
    var paths: [String] = []

    @OptionGroup var shape: PlanShapeOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write.", valueName: "file.html"))
    var output: String

    @Option(help: ArgumentHelp("Add each feature's Gantt chart for a team of a number of people (3) or their names (ann,bo,cy).", valueName: "n|names"))
    var team: String?

    @Option(help: ArgumentHelp("The page title.", valueName: "text"))
    var title = "specgraph report"

    func validate() throws {
        if shape.all { throw ValidationError("report counts finished tasks and plans the rest; --all does not apply.") }
        if output.isEmpty || output.hasSuffix("/") { throw ValidationError("-o needs a file name, such as report.html.") }
        if let team {
            do { _ = try Team.parse(team) } catch { throw ValidationError(error.description) }
        }
    }

    /// Above this many planned tasks, the task graph is left out (the
    /// phases picture and the tables remain).
    static let taskGraphLimit = 3_000

    func run() throws {
        let plans = try shape.remainingPlans(paths)
        let team = self.team.flatMap { try? Team.parse($0) }
        let names = FeatureStatus.uniqueNames(of: plans.map(\.document.path))
        let features = plans.indices.map { feature(plans[$0], name: names[$0], team: team) }
        var w = ByteWriter(capacity: 1 << 20)
        ReportHTML.render(features, title: title, into: &w)
        do { try Output.writeFile(output, w.bytes) } catch { throw fail(error) }
        if plans.contains(where: { $0.errorCount > 0 }) { throw ExitCode(1) }
    }

    /// One feature of the page: its status, its pictures (or notes saying why
    /// there are none), and its Gantt chart when a team is given.
    func feature(_ plan: Plan, name: String, team: Team?) -> ReportHTML.Feature {
        var feature = ReportHTML.Feature(plan: plan, status: FeatureStatus(plan, name: name))
        if plan.graph.taskNodeCount == 0 {
            feature.notes.append("No task is left to plan, so there is no graph to draw.")
        } else {
            feature.phaseSVG = draw(plan, view: .phases, notes: &feature.notes)
            if plan.graph.taskNodeCount <= Self.taskGraphLimit {
                feature.taskSVG = draw(plan, view: .tasks, notes: &feature.notes)
            } else {
                feature.notes.append("\(plan.graph.taskNodeCount) tasks: the task graph is left out; `specgraph graph --view tasks` draws it.")
            }
        }
        if let team {
            var svg = ByteWriter(capacity: plan.graph.taskNodeCount * 500 + 8192)
            GanttSVG.render(plan, TeamSchedule(plan: plan, team: team), into: &svg)
            feature.ganttSVG = String(svg)
        }
        return feature
    }

    /// One picture as SVG text, or nil with a note saying why.
    private func draw(_ plan: Plan, view: Diagram.View, notes: inout [String]) -> String? {
        do {
            let diagram = try Diagram(plan, options: DiagramOptions(view: view))
            let bytes = try GraphDrawing.draw(
                diagram, strategy: LayoutStrategy.automatic(for: diagram, reduced: true), format: .svg)
            return String(decoding: bytes, as: UTF8.self)
        } catch let error as DiagramError {
            notes.append("No \(view.rawValue) picture: \(error.message)")
        } catch let error as GraphvizError {
            notes.append("No \(view.rawValue) picture: Graphviz failed: \(error.message)")
        } catch {
            notes.append("No \(view.rawValue) picture: \(error)")
        }
        return nil
    }
}
