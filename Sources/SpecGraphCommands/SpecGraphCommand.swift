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

            Done and skipped tasks are not planned unless --all is given. A
            tasks.specgraph file beside tasks.md (or --corrections FILE) corrects what
            was read: `T020 after T019`, `T017 not after T018`, `T005, T006 parallel`.

            Exit codes: 0 fine; 1 the spec has errors (a cycle of written dependencies,
            a duplicate ID that is another task, invalid UTF-8) or --strict warnings,
            and the plan is still printed; 2 and above for usage and I/O errors.
            """,
        version: "0.1.0",
        subcommands: [
            PlanCommand.self, CheckCommand.self, WavesCommand.self, CriticalPathCommand.self, NextCommand.self,
            BatchesCommand.self, WhyCommand.self, AssignCommand.self, GraphCommand.self, GenerateCommand.self,
            StatusCommand.self, ReportCommand.self,
        ],
        defaultSubcommand: nil
    )

    public init() {}

    /// The `specgraph` executable's entry point: ``mainSuggestingCommands(_:)``
    /// with the process's own arguments, allowed to start again with malloc
    /// set up for a large input (see `LargeInputMalloc`).
    public static func runExecutable() -> Never {
        LargeInputMalloc.mayRestart = true
        mainSuggestingCommands()
    }

    /// Runs the command line, but first catches a mistyped command
    /// (`specgraph plna`), which ArgumentParser would only call "unexpected
    /// arguments": `error: unknown command 'plna'; did you mean 'plan'?`, exit 64.
    public static func mainSuggestingCommands(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        if let first = arguments.first, let suggestion = suggestedCommand(for: first) {
            Output.stderr("error: unknown command '\(first)'; did you mean '\(suggestion)'?")
            Self.exit(withError: ExitCode(64))
        }
        mainCheckingWrites(arguments)
    }

    /// The subcommand `word` was probably meant to be: the nearest within
    /// two edits (a swap of two neighbouring letters is one), when `word`
    /// is not a command itself, an option, or a file. Nil otherwise.
    static func suggestedCommand(for word: String) -> String? {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !word.hasPrefix("-"), !names.contains(word), !word.contains("/"), !word.contains(".") else { return nil }
        let typed = Array(word.lowercased())
        // One edit for a two-letter word, two for longer ones: `x` is not `why`.
        let allowed = min(2, typed.count - 1)
        var best: (name: String, distance: Int)?
        for name in names {
            let d = editDistance(typed, Array(name))
            if d <= allowed, d < (best?.distance ?? .max) { best = (name, d) }
        }
        return best?.name
    }

    /// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`.
    ///
    /// - Complexity: O(a · b).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }

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
        Syscall.exit(Output.finish(exitCode: code))
    }
}

/// Exit code 2 with a message, for I/O failures.
func fail(_ failure: IOFailure) -> ExitCode {
    Output.stderr(failure.description)
    return ExitCode(2)
}
