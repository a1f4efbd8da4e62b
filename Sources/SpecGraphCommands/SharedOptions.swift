import ArgumentParser
import SpecKitTasks
import TaskScheduling

/// Output formats of the planning commands.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, csv
}

extension WithinPhase: ExpressibleByArgument {}
extension StoryStaging: ExpressibleByArgument {}
extension FilePolicy: ExpressibleByArgument {}

/// The input files and the options that decide how a document becomes a graph.
struct PlanningOptions: ParsableArguments {
    @Argument(help: "tasks.md files, or directories (every tasks.md below them).")
    var paths: [String]

    @OptionGroup var shape: PlanShapeOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one tasks.md file or directory.") }
    }

    var planOptions: PlanOptions { shape.planOptions }
    var corrections: String? { shape.corrections }
    var inputLimit: Int { shape.inputLimit }
}

/// The options that decide how a document becomes a graph (all but the paths,
/// so that a command can default its paths, as `status` does).
struct PlanShapeOptions: ParsableArguments {
    @Option(name: .customLong("within-phase"), help: "Order tasks inside a phase: auto (explicit when every task states its dependencies, else ordered), ordered (groups run one after another) or explicit (only written dependencies).")
    var withinPhase: WithinPhase = .auto

    @Option(help: "Run consecutive user-story phases side by side (parallel) or one after another by priority (priority).")
    var stories: StoryStaging = .parallel

    @Option(help: "Tasks writing the same file: exclusive (never at the same time in a team schedule), serialize (one after another, as file edges) or ignore.")
    var files: FilePolicy = .exclusive

    @Option(name: .customLong("default-duration"), parsing: .unconditional, help: "Hours for a task without an estimate.")
    var defaultDuration: Double = 1

    @Flag(help: "Plan every task as if none were finished (by default done and skipped tasks are taken out first).")
    var all = false

    @Flag(help: .hidden)
    var remaining = false

    @Option(name: .customLong("corrections"), help: "A corrections file (default: tasks.specgraph beside each tasks.md, when present).")
    var corrections: String?

    @Option(name: .customLong("max-input"), parsing: .unconditional, help: ArgumentHelp(
        "Refuse an input file larger than this many bytes (default: 1 GiB).", valueName: "bytes"))
    var maxInput: Int?

    /// The largest input accepted: `--max-input`, else 1 GiB.
    var inputLimit: Int { maxInput ?? InputFiles.defaultLimit }

    func validate() throws {
        if all && remaining { throw ValidationError("--all and --remaining contradict each other; give one.") }
        if !(defaultDuration >= 0) || !defaultDuration.isFinite || defaultDuration > Estimate.maximumHours {
            throw ValidationError(
                "--default-duration \(defaultDuration): expected a number of hours from 0 to \(Int(Estimate.maximumHours)).")
        }
        if let maxInput, maxInput < 1 {
            throw ValidationError("--max-input must be a number of bytes, 1 or more.")
        }
    }

    /// Plans every input (the current directory when none is named) with
    /// finished tasks taken out, as `status` and `report` count them apart.
    func remainingPlans(_ paths: [String]) throws -> [Plan] {
        var options = planOptions
        options.remaining = true
        do {
            return try Loading.plans(
                paths: paths.isEmpty ? ["."] : paths, options: options, corrections: corrections, limit: inputLimit,
                timer: StageTimer(enabled: false))
        } catch {
            throw fail(error)
        }
    }

    var planOptions: PlanOptions {
        PlanOptions(
            withinPhase: withinPhase, stories: stories, files: files, defaultDuration: defaultDuration,
            remaining: !all)
    }
}

/// Timings of the stages of one run, printed with `--timings`.
final class StageTimer {
    let enabled: Bool
    private var last = ContinuousClock.now
    private var lines: [String] = []

    init(enabled: Bool) { self.enabled = enabled }

    func lap(_ stage: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let d = now - last
        last = now
        let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        lines.append("timing: \(stage) \(PlanTextFormat.ms(ms)), peak memory \(Syscall.peakMegabytes()) MB")
    }

    /// A line among the timings that times nothing.
    func note(_ text: String) {
        guard enabled else { return }
        lines.append("timing: \(text)")
    }

    func report() {
        guard enabled else { return }
        Output.stderr(lines.joined(separator: "\n"))
    }
}

enum PlanTextFormat {
    static func ms(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return "\(r) ms"
    }
}
