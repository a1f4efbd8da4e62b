import ArgumentParser
import SpecKitGenerator

/// `specgraph generate`: a synthetic spec-kit tasks.md.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic spec-kit tasks.md (for benchmarks and experiments).",
        discussion: """
            The same --tasks and --seed give the same bytes on every machine.

            Examples:
              specgraph generate --tasks 1000 --seed 7 -o big/tasks.md
              specgraph generate --tasks 1000000 --seed 1 -o /tmp/million.md
              specgraph generate --tasks 200 --cycle | specgraph check /dev/stdin
            """)

    @Option(help: "Number of tasks.") var tasks: Int
    @Option(help: "Seed of the pseudo-random generator.") var seed: UInt64 = 1
    @Option(help: "Number of user-story phases (default: grows with --tasks).") var stories: Int?
    @Flag(help: "Plant one dependency cycle.") var cycle = false
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of stdout.") var output: String?

    func validate() throws {
        guard tasks >= 1 && tasks <= 50_000_000 else { throw ValidationError("--tasks must be between 1 and 50000000.") }
        if let stories, stories < 1 { throw ValidationError("--stories must be 1 or more.") }
    }

    func run() throws {
        let options = GeneratorOptions(tasks: tasks, seed: seed, stories: stories, plantCycle: cycle)
        let bytes = SpecGenerator.generate(options)
        if let output {
            do { try Output.writeFile(output, bytes) } catch { throw fail(error) }
        } else {
            Output.stdout(bytes)
        }
    }
}
