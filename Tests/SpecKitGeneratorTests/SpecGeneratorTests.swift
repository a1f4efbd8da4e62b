import SpecKitGenerator
import Testing

@Suite("SpecGenerator")
struct SpecGeneratorTests {
    @Test("the same options give the same bytes", arguments: [0, 1, 60, 5_000])
    func deterministic(tasks: Int) {
        let options = GeneratorOptions(tasks: tasks, seed: 42)
        #expect(SpecGenerator.generate(options) == SpecGenerator.generate(options))
    }

    @Test("different seeds give different documents")
    func seedsDiffer() {
        let first = SpecGenerator.generate(GeneratorOptions(tasks: 500, seed: 1))
        let second = SpecGenerator.generate(GeneratorOptions(tasks: 500, seed: 2))
        #expect(first != second)
    }

    @Test("streamed chunks concatenate to the in-memory document and respect the chunk size")
    func streamingMatches() {
        // About 2 MB: more than one chunk.
        let options = GeneratorOptions(tasks: 20_000, seed: 7)
        var streamed: [UInt8] = []
        var chunks = 0
        SpecGenerator.generate(options) { chunk in
            #expect(chunk.count <= SpecGenerator.chunkSize)
            streamed.append(contentsOf: chunk)
            chunks += 1
        }
        #expect(chunks > 1)
        #expect(streamed == SpecGenerator.generate(options))
    }

    @Test("exactly N task lines with unique, increasing IDs", arguments: [0, 1, 2, 3, 5, 6, 7, 60, 999, 1_000, 12_345])
    func taskCount(tasks: Int) {
        let spec = GeneratedSpec(SpecGenerator.generate(GeneratorOptions(tasks: tasks, seed: 3)))
        #expect(spec.tasks.count == tasks)
        #expect(spec.tasks.map(\.id) == Array(stride(from: 1, through: tasks, by: 1)))
        #expect(Set(spec.tasks.map(\.id)).count == tasks)
    }

    @Test("IDs have at least three digits and one width per document", arguments: [(60, 3), (1_000, 4), (12_345, 5)])
    func idWidth(tasks: Int, digits: Int) {
        let spec = GeneratedSpec(SpecGenerator.generate(GeneratorOptions(tasks: tasks, seed: 3)))
        for task in spec.tasks {
            let id = task.text.dropFirst(6).prefix { $0 != " " }
            #expect(id.count == 1 + digits, "\(id)")
        }
    }

    @Test("every (depends on …) names an earlier task", arguments: [1 as UInt64, 2, 3, 99])
    func dependenciesPointBackwards(seed: UInt64) {
        let spec = GeneratedSpec(SpecGenerator.generate(GeneratorOptions(tasks: 3_000, seed: seed)))
        let withDependencies = spec.tasks.filter { !$0.dependencies.isEmpty }
        #expect(withDependencies.count > 100)
        for task in withDependencies {
            for dependency in task.dependencies {
                #expect(dependency >= 1 && dependency < task.id, "T\(task.id) depends on T\(dependency)")
            }
        }
    }

    @Test("ranges in (depends on …) are short, so references stay linear in the task count")
    func rangesAreShort() {
        let spec = GeneratedSpec(SpecGenerator.generate(GeneratorOptions(tasks: 20_000, seed: 4)))
        var ranges = 0
        for task in spec.tasks {
            for range in GeneratedSpec.ranges(in: task.text) {
                ranges += 1
                #expect(range.lowerBound < range.upperBound && range.count <= 5, "T\(task.id): \(range)")
            }
        }
        #expect(ranges > 50)
    }

    @Test("declared task-order statements point forward")
    func declaredStatementsPointForward() {
        let spec = GeneratedSpec(SpecGenerator.generate(GeneratorOptions(tasks: 3_000, seed: 5)))
        let statements = spec.taskOrderStatements
        #expect(statements.count > 10)
        for statement in statements {
            let ids = GeneratedSpec.ids(in: statement)
            if statement.contains(" blocks ") || statement.contains(" → ") || statement.hasPrefix("- Tests (") {
                // The first task (or range) comes before the rest.
                #expect(ids.first! < ids.last!, "\(statement)")
                #expect(ids.dropFirst().allSatisfy { $0 > ids.first! }, "\(statement)")
            } else {
                // `Tb after Ta`, `Tb depends on Ta`: the first one is the later one.
                #expect(ids.count == 2 && ids[0] > ids[1], "\(statement)")
            }
            #expect(ids.allSatisfy { (1...3_000).contains($0) })
        }
    }

    @Test("the spec-kit phase headings are all there")
    func phaseHeadings() {
        let spec = GeneratedSpec(SpecGenerator.generate(GeneratorOptions(tasks: 400, seed: 11, stories: 5)))
        #expect(spec.text.hasPrefix("# Tasks: "))
        let headings = spec.lines.filter { $0.hasPrefix("## ") }
        #expect(headings.contains("## Phase 1: Setup (Shared Infrastructure)"))
        #expect(headings.contains("## Phase 2: Foundational (Blocking Prerequisites)"))
        for story in 1...5 {
            #expect(headings.contains { $0.hasPrefix("## Phase \(story + 2): User Story \(story) - ") && $0.contains("(Priority: P") })
            #expect(spec.lines.contains("### Tests for User Story \(story) ⚠️"))
            #expect(spec.lines.contains("### Implementation for User Story \(story)"))
        }
        #expect(!headings.contains { $0.contains("User Story 6 ") })
        #expect(headings.contains("## Phase 8: Polish & Cross-Cutting Concerns"))
        #expect(headings.contains("## Dependencies & Execution Order"))
        #expect(spec.lines.filter { $0.hasPrefix("**Checkpoint**: ") }.count == 6)
    }

    @Test("a realistic mix of markers, statuses and estimates")
    func realisticMix() {
        let spec = GeneratedSpec(SpecGenerator.generate(GeneratorOptions(tasks: 10_000, seed: 1)))
        func share(_ predicate: (GeneratedSpec.TaskLine) -> Bool) -> Double {
            Double(spec.tasks.filter(predicate).count) / Double(spec.tasks.count)
        }
        #expect((0.05...0.15).contains(share { $0.text.hasPrefix("- [x]") || $0.text.hasPrefix("- [X]") }))
        #expect((0.005...0.05).contains(share { $0.text.hasPrefix("- [/]") }))
        #expect((0.4...0.8).contains(share { $0.text.contains(" [P] ") }))
        #expect((0.35...0.65).contains(share { $0.text.contains("h)") || $0.text.contains("m)") || $0.text.contains("d)") || $0.text.contains("h]") }))
        #expect(spec.tasks.contains { $0.text.contains("(est: ") && $0.text.contains("h/") })
        #expect(spec.tasks.contains { $0.text.contains("`") })
    }

    @Test("the planted cycle is named in a comment and made of two tasks naming each other", arguments: [5, 60, 10_000])
    func plantedCycle(tasks: Int) throws {
        let spec = GeneratedSpec(SpecGenerator.generate(GeneratorOptions(tasks: tasks, seed: 8, plantCycle: true)))
        let cycle = try #require(spec.plantedCycle)
        #expect(cycle.count == 3 && cycle[0] == cycle[2] && cycle[0] < cycle[1])
        let byID = Dictionary(uniqueKeysWithValues: spec.tasks.map { ($0.id, $0) })
        let earlier = try #require(byID[cycle[0]])
        let later = try #require(byID[cycle[1]])
        #expect(earlier.dependencies == [later.id])
        #expect(later.dependencies == [earlier.id])
        // Every other reference points back, so this is the only cycle.
        let forward = spec.tasks.flatMap { task in task.dependencies.filter { $0 >= task.id }.map { (task.id, $0) } }
        #expect(forward.count == 1 && forward.first! == (earlier.id, later.id))
    }

    @Test("no cycle comment unless asked for")
    func noCycleByDefault() {
        #expect(GeneratedSpec(SpecGenerator.generate(GeneratorOptions(tasks: 60, seed: 8))).plantedCycle == nil)
        #expect(GeneratedSpec(SpecGenerator.generate(GeneratorOptions(tasks: 1, seed: 8, plantCycle: true))).plantedCycle == nil)
    }

    @Test(
        "the story count follows the option, and never exceeds the tasks left for stories",
        arguments: [(60, 1, 1), (60, 7, 7), (20, 100, 17), (4, 100, 4)])
    func storyCount(tasks: Int, stories: Int, expected: Int) {
        let spec = GeneratedSpec(SpecGenerator.generate(GeneratorOptions(tasks: tasks, seed: 2, stories: stories)))
        let storyHeadings = spec.lines.filter { $0.hasPrefix("## Phase ") && $0.contains(": User Story ") }
        #expect(storyHeadings.count == expected)
        #expect(spec.tasks.count == tasks)
    }

    @Test("large seeds are written whole in the generated-by comment")
    func largeSeed() {
        let spec = GeneratedSpec(SpecGenerator.generate(GeneratorOptions(tasks: 10, seed: .max)))
        #expect(spec.text.contains("seed=18446744073709551615 "))
    }
}
