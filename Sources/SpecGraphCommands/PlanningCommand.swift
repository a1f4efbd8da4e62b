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
        let plans = try Loading.plansOrFail(planning, timer: timer)
        Output.printErrors(plans)
        let raw = format == .json || format == .csv
        var w = ByteWriter(flushingAt: 1 << 20) { raw ? Output.stdout($0) : Output.stdoutText($0) }
        try render(plans, into: &w)
        w.flush()
        timer.lap("output")
        Output.printDiagnosticsSummary(plans, inputs: planning.paths)
        timer.report()
        if plans.contains(where: { $0.errorCount > 0 }) { throw ExitCode(1) }
    }

    /// Every plan in the chosen format.
    func render(_ plans: [Plan], into w: inout ByteWriter) throws {
        switch format {
        case .json:
            try w.jsonPerFile(plans.count) { i, w in try renderJSON(plans[i], into: &w) }
        case .csv:
            PlanCSV.render(plans, into: &w)
        case .text, .markdown:
            let style: TextStyle = format == .markdown ? .markdown : .text
            try PlanText.each(plans, style: style, headings: !markdownNamesFile, into: &w) { i, w in
                try renderText(plans[i], style: style, into: &w)
            }
        }
    }
}
