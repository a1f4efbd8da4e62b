import ArgumentParser
import TaskScheduleRendering
import TaskScheduling

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
        // `why tasks.md T042`: the file where the task goes, which would be
        // read as a task and T042 as a file that cannot be read.
        if InputFiles.exists(task), planning.paths.allSatisfy({ !InputFiles.exists($0) }) {
            let id = planning.paths.first ?? "T042"
            throw ValidationError("\(task) is a file, not a task ID: name the task first, as in `specgraph why \(id) \(task)`.")
        }
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
        PlanText.why(plan, node: node, chain: plan.explanation(of: node), style: style, into: &w)
    }

    func renderJSON(_ plan: Plan, into w: inout ByteWriter) throws {
        QueryJSON.why(plan, node: try locate(plan), task: task, into: &w)
    }
}
