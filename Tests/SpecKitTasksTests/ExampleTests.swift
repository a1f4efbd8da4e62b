import Foundation
import Testing

@testable import SpecKitTasks

/// The specs in `Examples/` are run here so they cannot rot.
@Suite("Examples")
struct ExampleTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples")

    func load(_ name: String) throws -> SpecDocument {
        let url = Self.examples.appendingPathComponent(name).appendingPathComponent("tasks.md")
        return SpecParser.parse(Array(try Data(contentsOf: url)), path: "Examples/\(name)/tasks.md")
    }

    @Test(
        "clean examples parse without diagnostics",
        arguments: [("auth-service", 37, 7), ("legacy-cli", 24, 6), ("large-platform", 212, 15)])
    func clean(name: String, tasks: Int, phases: Int) throws {
        let doc = try load(name)
        #expect(doc.tasks.count == tasks)
        #expect(doc.phases.count == phases)
        #expect(doc.diagnostics.map { $0.formatted(path: doc.path) } == [])
        #expect(!doc.dependencies.isEmpty)
    }

    @Test("auth-service: story phases with priorities, declared and explicit edges")
    func authService() throws {
        let doc = try load("auth-service")
        #expect(doc.phases.map(\.kind) == [.barrier, .barrier, .barrier, .story, .story, .story, .barrier])
        #expect(doc.phases.compactMap(\.priority) == [1, 2, 3])
        #expect(doc.predecessors(of: "T016").sorted() == ["T010", "T011", "T012", "T014", "T015"])
        #expect(doc.predecessors(of: "T031") == ["T030"])
        #expect(doc.task("T005")?.estimate?.threePoint != nil)
    }

    @Test("broken: the dangling reference is the parser's only finding")
    func broken() throws {
        let doc = try load("broken")
        #expect(doc.diagnostics.map(\.code) == [.unknownReference])
        #expect(doc.edges() == ["T006->T004", "T004->T005", "T005->T006"])
        #expect(doc.task("T002")?.files == doc.task("T003")?.files)
    }
}
