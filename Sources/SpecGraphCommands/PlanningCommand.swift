import ArgumentParser
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling

/// What the planning commands share: load, report diagnostics on stderr, render
/// each plan to stdout, exit 1 when a spec has errors.
protocol PlanningCommand: ParsableCommand {
    var planning: PlanningOptions { get }
    var format: ReportFormat { get }
    /// Renders one plan in a human format.
    func renderText(_ plan: Plan, style: TextStyle, into w: inout ByteWriter) throws
    /// Renders one plan as a JSON object.
    func renderJSON(_ plan: Plan, into w: inout ByteWriter) throws
    /// Whether `--format csv` applies (one row per task: `plan` only).
    var writesCSV: Bool { get }
    /// Whether the Markdown of one plan already starts with a heading naming
    /// its file; when not, several files' Markdown gets a `## feature` heading each.
    var markdownNamesFile: Bool { get }
}

extension PlanningCommand {
    var markdownNamesFile: Bool { false }
}

extension PlanningCommand {
    var writesCSV: Bool { false }

    func runPlanning(timings: Bool = false) throws {
        if format == .csv && !writesCSV {
            throw ValidationError("--format csv is for `plan` (one row per task) and `status`; use text, json or markdown here.")
        }
        let timer = StageTimer(enabled: timings)
        let plans: [Plan]
        do { plans = try Loading.plans(planning, timer: timer) } catch { throw fail(error) }
        Output.printErrors(plans)
        let failed = plans.contains { $0.errorCount > 0 }
        let isJSON = format == .json || format == .csv
        var w = ByteWriter(flushingAt: 1 << 20) { isJSON ? Output.stdout($0) : Output.stdoutText($0) }
        switch format {
        case .json:
            if plans.count > 1 { w.write("[" as StaticString) }
            for (i, plan) in plans.enumerated() {
                if i > 0 { w.write("," as StaticString) }
                try renderJSON(plan, into: &w)
            }
            if plans.count > 1 { w.write("]" as StaticString) }
            w.write("\n" as StaticString)
        case .csv:
            PlanCSV.render(plans, into: &w)
        case .text, .markdown:
            let headings = format == .markdown && plans.count > 1 && !markdownNamesFile
                ? FeatureStatus.uniqueNames(of: plans.map(\.document.path)) : nil
            for (i, plan) in plans.enumerated() {
                if i > 0 { w.write("\n" as StaticString) }
                if let headings { w.write("## \(PlanText.markdownCell(headings[i]))\n\n") }
                try renderText(plan, style: format == .markdown ? .markdown : .text, into: &w)
            }
        }
        w.flush()
        timer.lap("output")
        Output.printDiagnosticsSummary(plans, inputs: planning.paths)
        Teardown.skip(plans)
        timer.report()
        if failed { throw ExitCode(1) }
    }
}

/// The process is about to exit: freeing a million-task plan object by object
/// takes longer than the rest of the output, and the system reclaims it at once.
enum Teardown {
    private final class Keep: @unchecked Sendable {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    static func skip(_ value: Any) {
        _ = Unmanaged.passRetained(Keep(value))
    }
}

/// The JSON object head every command's JSON shares.
func writeJSONHead(_ plan: Plan, _ w: inout ByteWriter) {
    w.writeJSONHead(source: plan.document.path)
}

func writeIDs(_ nodes: some Sequence<Int32>, _ plan: Plan, _ w: inout ByteWriter) {
    w.write("[" as StaticString)
    var first = true
    for v in nodes {
        if !first { w.write("," as StaticString) }
        first = false
        w.writeJSONString(plan.name(of: v))
    }
    w.write("]" as StaticString)
}

/// `specgraph plan`: the main job.
struct PlanCommand: PlanningCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Summary, waves and critical path of each tasks.md (the main job).",
        discussion: """
            Examples:
              specgraph plan specs/001-auth/tasks.md
              specgraph plan --format json specs/001-auth/tasks.md > plan.json
              specgraph plan --all --stories priority specs/
              specgraph plan --corrections lead.specgraph --files serialize specs/001-auth/tasks.md
              specgraph plan --format markdown specs/001-auth/tasks.md >> $GITHUB_STEP_SUMMARY
              specgraph plan --format csv specs/001-auth/tasks.md > tasks.csv
              specgraph plan --deadline 40h --simulate 10000 --seed 1 specs/001-auth/tasks.md
              specgraph plan --team ann,bo,cy specs/001-auth/tasks.md
            """)

    @OptionGroup var planning: PlanningOptions
    @Option(help: "text, json (docs/semantics.md), markdown, or csv (one row per task, for spreadsheets).") var format: ReportFormat = .text
    var writesCSV: Bool { true }
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Add a team schedule for a number of people (3) or their names (ann,bo,cy), as `assign` makes it.",
        valueName: "n|names"))
    var team: String?
    @Flag(help: "Print the time of each stage (read, parse, graph and schedule, output) to stderr.") var timings = false
    @OptionGroup(title: "Forecast") var forecast: ForecastOptions

    func validate() throws {
        if let team {
            do { _ = try Team.parse(team) } catch { throw ValidationError(error.description) }
        }
    }

    func run() throws { try runPlanning(timings: timings) }

    var markdownNamesFile: Bool { true }

    var parsedTeam: Team? { team.flatMap { try? Team.parse($0) } }

    func renderText(_ plan: Plan, style: TextStyle, into w: inout ByteWriter) {
        PlanText.plan(plan, style: style, into: &w)
        if let f = forecast.forecast(plan, team: parsedTeam) {
            w.write("\n" as StaticString)
            AssignText.forecast(f, style: style, into: &w)
        }
        if let team = parsedTeam, let schedule = TeamSchedule(plan: plan, team: team) {
            w.write("\n" as StaticString)
            AssignText.schedule(plan, schedule, style: style, into: &w)
        }
    }

    func renderJSON(_ plan: Plan, into w: inout ByteWriter) {
        let team = parsedTeam.map { ($0, TeamSchedule(plan: plan, team: $0)) }
        PlanJSON.render(plan, forecast: forecast.forecast(plan, team: parsedTeam), team: team, into: &w)
    }
}

/// `specgraph waves`.
struct WavesCommand: PlanningCommand {
    static let configuration = CommandConfiguration(
        commandName: "waves",
        abstract: "The waves table: which tasks can run at the same time.",
        discussion: "Example:\n  specgraph waves --within-phase explicit specs/001-auth/tasks.md")

    @OptionGroup var planning: PlanningOptions
    @Option(help: "text, json or markdown.") var format: ReportFormat = .text

    func run() throws { try runPlanning() }

    func renderText(_ plan: Plan, style: TextStyle, into w: inout ByteWriter) {
        if style == .text { w.write("\(plan.document.path)\n") }
        PlanText.waves(plan, style: style, into: &w)
    }

    func renderJSON(_ plan: Plan, into w: inout ByteWriter) {
        writeJSONHead(plan, &w)
        w.write(",\"waves\":[" as StaticString)
        for (i, wave) in (plan.schedule?.waves ?? []).enumerated() {
            if i > 0 { w.write("," as StaticString) }
            writeIDs(wave, plan, &w)
        }
        w.write("]}" as StaticString)
    }
}

/// `specgraph critical-path`.
struct CriticalPathCommand: PlanningCommand {
    static let configuration = CommandConfiguration(
        commandName: "critical-path",
        abstract: "The critical path and the slack of every task, most critical first.",
        discussion: "Example:\n  specgraph critical-path --limit 20 specs/001-auth/tasks.md")

    @OptionGroup var planning: PlanningOptions
    @Option(help: "text, json or markdown.") var format: ReportFormat = .text
    @Option(parsing: .unconditional, help: "Show at most this many rows of the slack table.") var limit: Int?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit \(limit): expected a number of rows, 0 or more.") }
    }

    func run() throws { try runPlanning() }

    func renderText(_ plan: Plan, style: TextStyle, into w: inout ByteWriter) {
        if style == .text { w.write("\(plan.document.path)\n") }
        PlanText.criticalPath(plan, style: style, limit: limit, into: &w)
    }

    func renderJSON(_ plan: Plan, into w: inout ByteWriter) {
        writeJSONHead(plan, &w)
        guard let schedule = plan.schedule else {
            w.write(",\"criticalPath\":null,\"slack\":[]}" as StaticString)
            return
        }
        w.write(",\"criticalPath\":{\"length\":" as StaticString)
        w.write(schedule.length)
        w.write(",\"tasks\":" as StaticString)
        writeIDs(schedule.criticalPath, plan, &w)
        w.write("},\"slack\":[" as StaticString)
        var rows = schedule.tasksBySlack(taskNodeCount: plan.graph.taskNodeCount)
        if let limit { rows = Array(rows.prefix(limit)) }
        for (i, v) in rows.enumerated() {
            if i > 0 { w.write("," as StaticString) }
            w.write("{\"task\":" as StaticString)
            w.writeJSONString(plan.name(of: v))
            w.write(",\"earliestStart\":" as StaticString)
            w.write(schedule.times.earliestStart[Int(v)])
            w.write(",\"latestStart\":" as StaticString)
            w.write(schedule.times.latestStart[Int(v)])
            w.write(",\"slack\":" as StaticString)
            w.write(max(0, schedule.times.slack(v)))
            w.write(schedule.isCritical(v) ? ",\"critical\":true}" as StaticString : ",\"critical\":false}" as StaticString)
        }
        w.write("]}" as StaticString)
    }
}

/// `specgraph next`.
struct NextCommand: PlanningCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Tasks ready now: not finished, and nothing unfinished before them.",
        discussion: """
            With --agents or --running (for an orchestrator that polls): the tasks that
            may start now besides the running ones: every predecessor finished (a
            running task is not), no file written by a running task or by a task
            listed before, at most N minus the running ones, in the order of
            `specgraph batches`. A running task that does not exist, is finished, or
            waits for an unfinished task is an error (exit 2).

            Examples:
              specgraph next specs/001-auth/tasks.md
              specgraph next --agents 4 --running T012,T013 specs/001-auth/tasks.md
              specgraph next --agents 4 --running T012 --format json specs/001-auth/tasks.md
            """)

    @OptionGroup var planning: PlanningOptions
    @Option(help: "text, json or markdown.") var format: ReportFormat = .text
    @Option(help: "Agents working at once: list at most this many minus the running tasks.") var agents: Int?
    @Option(help: ArgumentHelp("Tasks already running, comma-separated (repeatable).", valueName: "ids"))
    var running: [String] = []

    func validate() throws { try validateDispatch() }

    func run() throws { try runPlanning() }

    func renderText(_ plan: Plan, style: TextStyle, into w: inout ByteWriter) throws {
        if dispatching { return try renderDispatchText(plan, style: style, into: &w) }
        if style == .text { w.write("\(plan.document.path)\n") }
        guard let ready = plan.readyTasks() else {
            w.write("Cannot tell what is ready: the plan has a dependency cycle.\n")
            return
        }
        PlanText.next(plan, ready: ready, style: style, into: &w)
    }

    func renderJSON(_ plan: Plan, into w: inout ByteWriter) throws {
        if dispatching { return try renderDispatchJSON(plan, into: &w) }
        writeJSONHead(plan, &w)
        w.write(",\"ready\":" as StaticString)
        if let ready = plan.readyTasks() { writeIDs(ready, plan, &w) } else { w.write("null" as StaticString) }
        w.write("}" as StaticString)
    }
}

/// `specgraph why T042`.
struct WhyCommand: PlanningCommand {
    static let configuration = CommandConfiguration(
        commandName: "why",
        abstract: "The chain of edges, with kinds and source lines, that puts a task where it is.",
        discussion: "Example:\n  specgraph why T042 specs/001-auth/tasks.md")

    @Argument(help: "The task ID to explain.") var task: String
    @OptionGroup var planning: PlanningOptions
    @Option(help: "text, json or markdown.") var format: ReportFormat = .text

    func validate() throws {
        if task.allSatisfy(\.isWhitespace) { throw ValidationError("Name the task to explain, such as T042.") }
    }

    func run() throws { try runPlanning() }

    func locate(_ plan: Plan) throws -> Int32 {
        do {
            return try plan.plannedNode(forID: task)
        } catch {
            Output.stderr("error: \(error)")
            throw ExitCode(2)
        }
    }

    func renderText(_ plan: Plan, style: TextStyle, into w: inout ByteWriter) throws {
        let node = try locate(plan)
        guard let chain = plan.explanation(of: node) else {
            w.write("\(task) has no wave: the plan has a dependency cycle.\n")
            return
        }
        PlanText.why(plan, node: node, chain: chain, style: style, into: &w)
    }

    func renderJSON(_ plan: Plan, into w: inout ByteWriter) throws {
        let node = try locate(plan)
        writeJSONHead(plan, &w)
        w.write(",\"task\":" as StaticString)
        w.writeJSONString(task)
        guard let schedule = plan.schedule, let chain = plan.explanation(of: node) else {
            w.write(",\"wave\":null,\"chain\":null}" as StaticString)
            return
        }
        w.write(",\"wave\":" as StaticString)
        w.write(schedule.waveOfNode[Int(node)])
        w.write(",\"chain\":[" as StaticString)
        for (i, e) in chain.enumerated() {
            if i > 0 { w.write("," as StaticString) }
            PlanJSON.writeEdge(e, plan, &w)
        }
        w.write("]}" as StaticString)
    }
}
