import ArgumentParser
import TaskScheduleRendering
import TaskScheduling

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

    func renderJSON(_ plan: Plan, into w: inout ByteWriter) { QueryJSON.criticalPath(plan, limit: limit, into: &w) }
}
