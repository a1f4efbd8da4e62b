import ArgumentParser
import TaskScheduleRendering
import TaskScheduling

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
    @Flag(help: "Print the time of each stage (read, parse, graph and schedule, output) and the peak memory so far to stderr.") var timings = false
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
        if let team = parsedTeam {
            w.write("\n" as StaticString)
            AssignText.schedule(plan, TeamSchedule(plan: plan, team: team), style: style, into: &w)
        }
    }

    func renderJSON(_ plan: Plan, into w: inout ByteWriter) {
        let team = parsedTeam.map { ($0, Optional(TeamSchedule(plan: plan, team: $0))) }
        PlanJSON.render(plan, forecast: forecast.forecast(plan, team: parsedTeam), team: team, into: &w)
    }
}
