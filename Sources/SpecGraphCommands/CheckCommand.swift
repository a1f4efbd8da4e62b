import ArgumentParser
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling

/// `specgraph check`: diagnostics only.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report what is wrong with a plan: cycles, duplicate IDs, dangling references, [P] conflicts.",
        discussion: """
            Prints `path:line:col: severity: message [code]` lines. Exit code 1 when
            there are errors (or warnings with --strict).

            Examples:
              specgraph check specs/001-auth/tasks.md
              specgraph check --format github --strict specs/
              specgraph check --format json specs/001-auth/tasks.md | jq '.diagnostics[].code'
            """)

    @OptionGroup var planning: PlanningOptions

    @Option(help: "text (path:line:col lines), json, or github (Actions annotations).")
    var format: CheckReport.Format = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let documents = try load()
        // Every command exits after using its documents: they are never freed.
        Teardown.skip(documents)
        let report = CheckReport(checking: documents, options: planning.planOptions, strict: strict)
        var w = ByteWriter()
        report.render(format, into: &w)
        if format == .json { Output.stdout(w) } else { Output.stdoutText(w) }
        if report.hasErrors { throw ExitCode(1) }
    }

    /// The documents (no schedule is made: no diagnostic needs one); an I/O
    /// failure is also an annotation with `--format github`, so that a
    /// workflow shows why the check stopped.
    func load() throws -> [SpecDocument] {
        do {
            return try Loading.documents(
                planning.paths, corrections: planning.corrections, limit: planning.inputLimit, timer: StageTimer(enabled: false))
        } catch {
            if format == .github {
                let lines = error.problems.map { p in
                    GitHubAnnotation.fileError(path: p.path, title: p.reading ? "unreadable" : "error", message: p.message)
                }
                Output.stdoutText(lines.joined())
            }
            throw fail(error)
        }
    }
}

extension CheckReport.Format: ExpressibleByArgument {}
