import ArgumentParser
import TaskScheduleRendering
import TaskScheduling

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

    func renderJSON(_ plan: Plan, into w: inout ByteWriter) { QueryJSON.waves(plan, into: &w) }
}
