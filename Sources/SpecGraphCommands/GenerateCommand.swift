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

    @Option(parsing: .unconditional, help: "Number of tasks.") var tasks: Int
    @Option(parsing: .unconditional, help: "Seed of the pseudo-random generator.") var seed: UInt64 = 1
    @Option(parsing: .unconditional, help: "Number of user-story phases (default: grows with --tasks).") var stories: Int?
    @Flag(help: "Plant one dependency cycle.") var cycle = false
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of stdout.") var output: String?

    func validate() throws {
        guard tasks >= 1 && tasks <= 50_000_000 else { throw ValidationError("--tasks must be between 1 and 50000000.") }
        if let stories, stories < 1 || stories > tasks {
            throw ValidationError("--stories must be between 1 and the number of tasks (\(tasks)).")
        }
    }

    func run() throws {
        let options = GeneratorOptions(tasks: tasks, seed: seed, stories: stories, plantCycle: cycle)
        // Streamed: the document is never held whole, at any --tasks.
        if let output {
            do {
                let file = try OutputFile(output)
                SpecGenerator.generate(options) { file.write($0) }
                try file.commit()
            } catch {
                throw fail(error)
            }
        } else {
            SpecGenerator.generate(options) { Output.stdout($0.bindMemory(to: UInt8.self)) }
        }
    }
}
