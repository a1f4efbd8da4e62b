import Foundation
import Testing

/// `specgraph batches` and `next --agents/--running`, run as a user would.
/// Goldens re-record with `SPECGRAPH_RECORD=1` (they follow the planner's edges).
@Suite struct BatchesCommandTests {
    static let example = "Examples/auth-service/tasks.md"

    @Test(arguments: [("text", "txt"), ("markdown", "md"), ("json", "json")])
    func batchesMatchRecording(format: String, ext: String) throws {
        let r = try SpecGraphBinary.run(["batches", "--agents", "3", "--format", format, Self.example])
        #expect(r.code == 0)
        try expectGolden(r.stdout, "auth-service.batches.\(ext)")
    }

    @Test(arguments: [("text", "txt"), ("markdown", "md"), ("json", "json")])
    func nextWithRunningTasksMatchesRecording(format: String, ext: String) throws {
        let r = try SpecGraphBinary.run(
            ["next", "--agents", "3", "--running", "T002", "--format", format, "Tests/SpecGraphCommandsTests/Fixtures/polling-tasks.md"])
        #expect(r.code == 0)
        try expectGolden(r.stdout, "polling.next-running.\(ext)")
    }

    func firstBatch(agents: Int) throws -> [String] {
        let r = try SpecGraphBinary.run(["batches", "--agents", "\(agents)", "--format", "json", Self.example])
        let object = try #require(JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
        let batches = try #require(object["batches"] as? [[String: Any]])
        let tasks = try #require(batches.first?["tasks"] as? [[String: Any]])
        return tasks.compactMap { $0["id"] as? String }
    }

    @Test(arguments: ["auth-service", "legacy-cli", "large-platform"])
    func batchesJSONFollowsTheContract(example: String) throws {
        let r = try SpecGraphBinary.run(["batches", "--agents", "4", "--format", "json", "Examples/\(example)/tasks.md"])
        let object = try #require(JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 2)
        #expect(object["source"] as? String == "Examples/\(example)/tasks.md")
        #expect(object["agents"] as? Int == 4)
        let batches = try #require(object["batches"] as? [[String: Any]])
        var batchOf: [String: Int] = [:]
        var longest = 0.0
        for (i, batch) in batches.enumerated() {
            #expect(batch["index"] as? Int == i + 1)
            let tasks = try #require(batch["tasks"] as? [[String: Any]])
            #expect((1...4).contains(tasks.count))
            var files = Set<String>()
            for task in tasks {
                for key in ["id", "description", "files", "reads", "stories", "dependsOn", "phase"] {
                    #expect(task[key] != nil, "task.\(key)")
                }
                let id = try #require(task["id"] as? String)
                #expect(batchOf.updateValue(i, forKey: id) == nil, "\(id) in two batches")
                for f in task["files"] as? [String] ?? [] where !f.hasSuffix("/") {
                    #expect(files.insert(f).inserted, "two writers of \(f) in batch \(i + 1)")
                }
            }
            longest += tasks.compactMap { $0["duration"] as? Double }.max() ?? 0
            for checkpoint in try #require(batch["checkpoints"] as? [[String: Any]]) {
                #expect(checkpoint["phase"] is Int && checkpoint["title"] is String)
                #expect(checkpoint.keys.contains("checkpoint"))
            }
        }
        // A written dependency that is still open sits in an earlier batch.
        for (i, batch) in batches.enumerated() {
            for task in batch["tasks"] as? [[String: Any]] ?? [] {
                for dep in task["dependsOn"] as? [String] ?? [] {
                    if let b = batchOf[dep] { #expect(b < i, "\(dep) before \(task["id"] ?? "")") }
                }
            }
        }
        #expect(object["waves"] is Int)
        let makespan = try #require(object["makespan"] as? Double)
        #expect(abs(makespan - longest) < 1e-6)
    }

    @Test func markdownHasTheShapeSpecKitUsersPaste() throws {
        let r = try SpecGraphBinary.run(["batches", "--agents", "2", "--format", "markdown", Self.example])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "## Parallel execution plan")
        #expect(lines.contains("### Batch 1 — start immediately"))
        #expect(lines.contains("### Batch 2 — after batch 1"))
        let tasks = lines.filter { $0.hasPrefix("- [ ] T") }
        #expect(!tasks.isEmpty)
        #expect(tasks.contains { $0.contains(" [P] ") })
    }

    @Test func runningTaskThatIsNotReadyIsAnError() throws {
        // T008 depends on T005, which is not done.
        let r = try SpecGraphBinary.run(["next", "--running", "T008", Self.example])
        #expect(r.code == 2)
        #expect(r.stderr.contains("T008 is listed as running, but it is not ready"))
        let unknown = try SpecGraphBinary.run(["next", "--agents", "2", "--running", "T4242", Self.example])
        #expect(unknown.code == 2)
        #expect(unknown.stderr.contains("T4242 is listed as running, but no task has that ID"))
        let done = try SpecGraphBinary.run(["next", "--running", "T001", Self.example])
        #expect(done.code == 2)
        #expect(done.stderr.contains("T001 is listed as running, but it is marked done"))
    }

    @Test func nextWithNothingRunningIsTheFirstBatch() throws {
        let r = try SpecGraphBinary.run(["next", "--agents", "3", "--format", "json", Self.example])
        let object = try #require(JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
        #expect(object["ready"] as? [String] == (try firstBatch(agents: 3)))
    }

    @Test func agentsBelowOneIsAUsageError() throws {
        let r = try SpecGraphBinary.run(["batches", "--agents", "0", Self.example])
        #expect(r.code != 0 && r.code != 1)
        #expect(r.stderr.contains("--agents must be at least 1"))
    }
}
