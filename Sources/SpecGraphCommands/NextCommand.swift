import ArgumentParser
import TaskScheduleRendering
import TaskScheduling

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
        PlanText.next(plan, ready: plan.readyTasks(), style: style, into: &w)
    }

    func renderJSON(_ plan: Plan, into w: inout ByteWriter) throws {
        if dispatching { return try renderDispatchJSON(plan, into: &w) }
        QueryJSON.next(plan, into: &w)
    }
}

/// `next --agents N --running T012,T013`: what an orchestrator may start now.
extension NextCommand {
    /// Whether the orchestrator options are given (else `next` lists every ready task).
    var dispatching: Bool { agents != nil || !runningIDs.isEmpty }

    /// `--running T012,T013 --running T014` as IDs, in order.
    var runningIDs: [String] {
        running.flatMap { $0.split(separator: ",") }.map { String($0).trimmed() }.filter { !$0.isEmpty }
    }

    func validateDispatch() throws {
        if let agents, agents < 1 { throw ValidationError("--agents must be at least 1, not \(agents).") }
    }

    /// The tasks that may start now; exit 2 with a message when a running task cannot be running.
    func dispatch(_ plan: Plan) throws -> Dispatch {
        do {
            return try plan.dispatch(running: runningIDs, agents: agents)
        } catch {
            Output.stderr("\(plan.document.path): error: \(error.description)")
            throw ExitCode(2)
        }
    }

    func renderDispatchText(_ plan: Plan, style: TextStyle, into w: inout ByteWriter) throws {
        AgentBatchesText.next(plan, try dispatch(plan), style: style, into: &w)
    }

    func renderDispatchJSON(_ plan: Plan, into w: inout ByteWriter) throws {
        AgentBatchesJSON.next(plan, try dispatch(plan), into: &w)
    }
}

extension String {
    fileprivate func trimmed() -> String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
