import ArgumentParser
import TaskScheduleRendering
import TaskScheduling

/// `specgraph batches`: the remaining work as ordered batches for parallel agents.
struct BatchesCommand: PlanningCommand {
    static let configuration = CommandConfiguration(
        commandName: "batches",
        abstract: "The remaining work as ordered batches for N parallel coding agents.",
        discussion: """
            A batch holds tasks whose predecessors are all in earlier batches, never
            two tasks that write the same file, and at most N tasks; the tasks with
            the least slack (the critical path) come first, then document order.
            Each batch names the phase checkpoints it completes: verify them before
            starting the next batch. The makespan is the sum over batches of the
            longest task in each.

            Examples:
              specgraph batches specs/001-auth/tasks.md
              specgraph batches --agents 3 --format markdown specs/001-auth/tasks.md >> plan.md
              specgraph batches --agents 4 --format json specs/001-auth/tasks.md | jq '.batches[0].tasks[].id'

            See also `specgraph next --agents N --running T012,T013` for an
            orchestrator that polls what may start now.
            """)

    @OptionGroup var planning: PlanningOptions
    @Option(help: "text, json (docs/batches.md) or markdown (a 'Parallel execution plan' section for tasks.md).")
    var format: ReportFormat = .text
    @Option(help: "At most this many tasks per batch (agents working at once); default: no limit.")
    var agents: Int?

    func validate() throws {
        if let agents, agents < 1 { throw ValidationError("--agents must be at least 1, not \(agents).") }
    }

    func run() throws { try runPlanning() }

    func renderText(_ plan: Plan, style: TextStyle, into w: inout ByteWriter) {
        AgentBatchesText.batches(plan, AgentBatches(plan: plan, agents: agents), style: style, into: &w)
    }

    func renderJSON(_ plan: Plan, into w: inout ByteWriter) {
        AgentBatchesJSON.render(plan, AgentBatches(plan: plan, agents: agents), into: &w)
    }
}
