import ArgumentParser
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling

/// `specgraph status`: one row per feature (and per phase), and what changed since a git revision.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Where each feature stands: done, skipped, remaining, ready, blocked, remaining critical path.",
        discussion: """
            One row per tasks.md, named by its folder (specs/001-auth/tasks.md is
            001-auth); with --phases, one row per phase below it. "ready" tasks can
            start now; "blocked" ones wait for an unfinished task. The critical path is
            that of the remaining work; "assumed" means no unfinished task has an
            estimate, so every one counts --default-duration. Finished tasks whose
            written predecessor is still open are listed as out-of-order work.

            --since REF (any git revision: HEAD~3, main, a tag) compares each file with
            its version at REF, read with `git show`: tasks added, removed, completed
            and reopened, written dependencies added and removed, and the change of the
            remaining critical path and of the number of waves.

            Examples:
              specgraph status
              specgraph status --phases specs/
              specgraph status --since main --format markdown specs/ >> $GITHUB_STEP_SUMMARY
              specgraph status --format csv specs/ > status.csv
            """)

    @Argument(help: "tasks.md files, or directories (every tasks.md below them). Default: the current directory.")
    var paths: [String] = []

    @OptionGroup var shape: PlanShapeOptions

    @Option(help: "text, markdown, json or csv.")
    var format: ReportFormat = .text

    @Flag(help: "Add a row per phase below each feature.")
    var phases = false

    @Option(help: ArgumentHelp("Say what changed since this git revision (HEAD~1, main, a tag).", valueName: "ref"))
    var since: String?

    func validate() throws {
        if shape.all { throw ValidationError("status counts finished tasks and plans the rest; --all does not apply.") }
        if let since, since.isEmpty || since.hasPrefix("-") { throw ValidationError("--since needs a git revision, such as HEAD~1 or main.") }
    }

    func run() throws {
        let plans = try shape.remainingPlans(paths)
        let names = FeatureStatus.uniqueNames(of: plans.map(\.document.path))
        var entries: [StatusText.Entry] = []
        for (i, plan) in plans.enumerated() {
            entries.append(StatusText.Entry(status: FeatureStatus(plan, name: names[i]), change: try change(of: plan)))
        }
        var w = ByteWriter()
        switch format {
        case .text: StatusText.render(entries, phases: phases, style: .text, into: &w)
        case .markdown: StatusText.render(entries, phases: phases, style: .markdown, into: &w)
        case .json: StatusText.json(entries, into: &w)
        case .csv: StatusText.csv(entries, phases: phases, into: &w)
        }
        Output.stdout(w)
        if plans.contains(where: { $0.errorCount > 0 }) { throw ExitCode(1) }
    }

    /// What changed in `plan`'s file since `--since` (nil without it).
    func change(of plan: Plan) throws -> FeatureChange? {
        guard let since else { return nil }
        let old: [UInt8]?
        do { old = try GitRevision.read(plan.document.path, at: since) } catch { throw fail(error) }
        let before = old.map { Plan(SpecParser.parse($0, path: plan.document.path), options: plan.options) }
        return FeatureChange(since: since, before: before, after: plan)
    }
}
