import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `specgraph`: the root command.
public struct SpecGraphCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "specgraph",
        abstract: "Plan spec-kit tasks.md files: diagnostics, waves, critical path, team schedules and pictures.",
        discussion: """
            Examples:
              specgraph plan specs/001-auth/tasks.md
              specgraph check --strict --format github specs/
              specgraph why T042 specs/001-auth/tasks.md
              specgraph graph specs/001-auth/tasks.md -o plan.svg
              specgraph assign --team ann,bo,cy --gantt gantt.svg specs/001-auth/tasks.md

            Exit codes: 0 fine; 1 the spec has errors (cycle, duplicate ID, invalid UTF-8)
            or --strict warnings; 2 and above for usage and I/O errors.
            """,
        version: "0.1.0",
        subcommands: [
            PlanCommand.self, CheckCommand.self, WavesCommand.self, CriticalPathCommand.self, NextCommand.self,
            WhyCommand.self, AssignCommand.self, GraphCommand.self, GenerateCommand.self,
        ],
        defaultSubcommand: nil
    )

    public init() {}

    /// `main()`, then a check that stdout and stderr took every byte: a full
    /// disk or a closed stdout is exit code 2 with one message, never a silent 0.
    public static func mainCheckingWrites(_ arguments: [String]? = nil) -> Never {
        var code: Int32 = 0
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            code = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == 0 {
                    Output.stdoutText(message + "\n")
                } else {
                    Output.stderr(message)
                }
            }
        }
        Glibc.exit(Output.finish(exitCode: code))
    }
}

/// Exit code 2 with a message, for I/O failures.
func fail(_ failure: IOFailure) -> ExitCode {
    Output.stderr(failure.description)
    return ExitCode(2)
}
