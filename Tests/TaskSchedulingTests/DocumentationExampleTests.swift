import Foundation
import SpecKitTasks
import TaskScheduling
import Testing

/// The ten lines of TaskScheduling.docc/PlanningAFile.md, run on an example
/// of this repository, so that the article cannot drift from the API.
@Suite struct DocumentationExampleTests {
    @Test func planningAFileInTenLines() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("Examples/auth-service/tasks.md").path
        var printed: [String] = []
        func print(_ items: String...) { printed.append(items.joined(separator: " ")) }

        // The article's code, from `let bytes` on.
        let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        let plan = Plan(SpecParser.parse(bytes, path: path))
        for diagnostic in plan.diagnostics { print(diagnostic.formatted(path: path)) }
        let schedule = plan.schedule
        for (number, wave) in schedule.waves.enumerated() {
            print("Wave \(number + 1):", wave.map(plan.name(of:)).joined(separator: " "))
        }
        print("Critical path:", schedule.criticalPath.map(plan.name(of:)).joined(separator: " → "))

        #expect(!bytes.isEmpty)
        #expect(printed.contains { $0.hasPrefix("Wave 1: T") })
        #expect(printed.last?.hasPrefix("Critical path: T") == true)
        #expect(printed.filter { $0.hasPrefix("Wave ") }.count == schedule.waves.count)
    }
}
