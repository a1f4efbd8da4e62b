import ArgumentParser
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling

/// `specgraph assign`: a team schedule, its Gantt chart, and the team-size sweep.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Schedule the tasks for a team: who does what, from when to when.",
        discussion: """
            A list schedule that honours every edge of the graph: the ready task with
            the longest remaining path goes first (ties in document order), nobody
            idles while there is a task they may take, and people stay on their story
            when that costs nothing. Tasks naming an owner (@ann, (owner: ann)) go to
            that person when they are on the team; in-progress tasks stay with their
            owner and go first. Done and skipped tasks are not scheduled unless --all
            is given (then every task is scheduled as if none had started). Prints each person's tasks, the makespan, the lower
            bound max(critical path, work / team size), the gap to it and the
            utilisation.

            --sweep 1..8 schedules once per team size (people numbered, so owners pin
            nothing) and marks the size past which another person saves less than 5 %.

            --gantt FILE.svg draws the schedule (one lane per person). With several
            input files, the chart of the n-th is FILE-n.svg.

            Examples:
              specgraph assign --team 3 specs/001-auth/tasks.md
              specgraph assign --team ann,bo,cy --gantt plan.svg specs/001-auth/tasks.md
              specgraph assign --all --team ann,bo --format markdown specs/001-auth/tasks.md
              specgraph assign --sweep 1..8 specs/001-auth/tasks.md
              specgraph assign --team 4 --format json specs/001-auth/tasks.md | jq '.gapPercent'
            """)

    @OptionGroup var planning: PlanningOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("A number of people (3) or their names (ann,bo,cy).", valueName: "n|names"))
    var team: String?

    @Option(help: "text, json (docs/semantics.md) or markdown.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Write a Gantt chart of the schedule as SVG.", valueName: "file.svg"))
    var gantt: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Schedule for each team size in a range (1..8) and compare.", valueName: "range"))
    var sweep: String?

    func validate() throws {
        if team == nil && sweep == nil {
            throw ValidationError("Say who does the work: --team 3 or --team ann,bo,cy (or --sweep 1..8).")
        }
        do {
            if let team { _ = try Team.parse(team) }
            if let sweep { _ = try TeamSweep.parseSizes(sweep) }
        } catch {
            throw ValidationError(error.description)
        }
        if format == .csv {
            throw ValidationError("assign writes text, json or markdown; for one row per task use `plan --format csv`.")
        }
        if gantt != nil && team == nil {
            throw ValidationError("--gantt draws one team's schedule: add --team.")
        }
        if let gantt, gantt.isEmpty || gantt.hasSuffix("/") {
            throw ValidationError("--gantt needs a file name, such as plan.svg.")
        }
    }

    func run() throws {
        let team = try self.team.map { text throws(TeamSpecError) in try Team.parse(text) }
        let sizes = try sweep.map { text throws(TeamSpecError) in try TeamSweep.parseSizes(text) }
        let plans = try Loading.plansOrFail(planning, timer: StageTimer(enabled: false))
        Output.printErrors(plans)
        let schedules = plans.map { plan in team.map { TeamSchedule(plan: plan, team: $0) } }
        let sweeps = plans.map { plan in sizes.map { TeamSweep(plan: plan, sizes: $0) } }
        if let gantt { try writeGantts(gantt, plans, schedules) }
        var w = ByteWriter(capacity: plans.reduce(0) { $0 + $1.document.tasks.count } * 120 + 4096)
        render(plans, schedules, sweeps, team: team, into: &w)
        if format == .json { Output.stdout(w) } else { Output.stdoutText(w) }
        Output.printDiagnosticsSummary(plans, inputs: planning.paths)
        if plans.contains(where: { $0.errorCount > 0 }) { throw ExitCode(1) }
    }

    /// Each plan's schedule and sweep in the chosen format.
    func render(_ plans: [Plan], _ schedules: [TeamSchedule?], _ sweeps: [TeamSweep?], team: Team?, into w: inout ByteWriter) {
        if format == .json {
            w.jsonPerFile(plans.count) { i, w in
                AssignJSON.render(plans[i], schedule: schedules[i], team: team, sweep: sweeps[i], into: &w)
            }
        } else {
            let style: TextStyle = format == .markdown ? .markdown : .text
            PlanText.each(plans, style: style, into: &w) { i, w in
                AssignText.report(plans[i], schedule: schedules[i], sweep: sweeps[i], style: style, into: &w)
            }
        }
    }

    /// The Gantt chart of each plan's schedule: `file.svg`, or `file-1.svg`,
    /// `file-2.svg`, … for several plans.
    func writeGantts(_ gantt: String, _ plans: [Plan], _ schedules: [TeamSchedule?]) throws {
        for (i, plan) in plans.enumerated() {
            guard let schedule = schedules[i] else { continue }
            var svg = ByteWriter(capacity: plan.graph.taskNodeCount * 500 + 8192)
            GanttSVG.render(plan, schedule, into: &svg)
            do {
                try Output.writeFile(plans.count == 1 ? gantt : Self.numbered(gantt, i + 1), svg.bytes)
            } catch {
                throw fail(error)
            }
        }
    }

    /// `plan.svg` → `plan-2.svg`.
    static func numbered(_ path: String, _ n: Int) -> String {
        let slash = path.lastIndex(of: "/")
        if let dot = path.lastIndex(of: "."), slash.map({ $0 < dot }) ?? true, dot != path.startIndex {
            return "\(path[..<dot])-\(n)\(path[dot...])"
        }
        return "\(path)-\(n)"
    }
}
