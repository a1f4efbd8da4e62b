import Foundation
import Testing

/// End-to-end runs of the built binary on the examples and on bad input.
@Suite struct CommandTests {
    static let cleanExamples = ["auth-service", "legacy-cli", "large-platform"]

    func json(_ result: SpecGraphBinary.Result) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
    }

    @Test(arguments: cleanExamples)
    func planTextMatchesRecording(example: String) throws {
        let r = try SpecGraphBinary.run(["plan", "Examples/\(example)/tasks.md"])
        #expect(r.code == 0)
        #expect(!r.stderr.contains(": error: "))
        try expectGolden(r.stdout, "\(example).plan.txt")
    }

    @Test(arguments: cleanExamples)
    func planJSONMatchesRecording(example: String) throws {
        let r = try SpecGraphBinary.run(["plan", "--format", "json", "Examples/\(example)/tasks.md"])
        #expect(r.code == 0)
        try expectGolden(r.stdout, "\(example).plan.json")
    }

    @Test(arguments: cleanExamples)
    func planJSONFollowsTheContract(example: String) throws {
        let r = try SpecGraphBinary.run(["plan", "--format", "json", "Examples/\(example)/tasks.md"])
        let object = try json(r)
        #expect(object["schemaVersion"] as? Int == 2)
        #expect(object["source"] as? String == "Examples/\(example)/tasks.md")
        let summary = try #require(object["summary"] as? [String: Any])
        for key in ["tasks", "done", "phases", "edges", "waves", "criticalPathLength", "totalWork", "maxWaveWidth", "errors", "warnings",
                    "durationsAssumed"] {
            #expect(summary[key] != nil, "summary.\(key)")
        }
        let tasks = try #require(object["tasks"] as? [[String: Any]])
        #expect(tasks.count == summary["tasks"] as? Int)
        let taskKeys = ["id", "line", "status", "parallel", "labels", "stories", "phase", "description", "files", "reads", "duration",
                        "dependsOn", "wave", "earliestStart", "earliestFinish", "latestStart", "latestFinish", "slack", "critical"]
        for task in tasks { for key in taskKeys { #expect(task[key] != nil, "task.\(key)") } }
        let phases = try #require(object["phases"] as? [[String: Any]])
        for phase in phases {
            for key in ["index", "title", "line", "kind", "story", "priority", "checkpoint", "tasks"] {
                #expect(phase[key] != nil, "phase.\(key)")
            }
        }
        let edges = try #require(object["edges"] as? [[String: Any]])
        #expect(edges.count == summary["edges"] as? Int)
        for edge in edges { for key in ["from", "to", "kind", "line"] { #expect(edge[key] != nil, "edge.\(key)") } }
        let waves = try #require(object["waves"] as? [[String]])
        #expect(waves.count == summary["waves"] as? Int)
        // By default done and skipped tasks are not planned: they have no wave
        // and null schedule fields; every other task is in exactly one wave.
        let finished = Set(tasks.filter { ["done", "skipped"].contains($0["status"] as? String) }.map { $0["id"] as! String })
        #expect(waves.map(\.count).reduce(0, +) == tasks.count - finished.count)
        #expect(Set(waves.joined()).isDisjoint(with: finished))
        // Every planned task's wave is one more than the largest wave of what it depends on.
        var waveOf: [String: Int] = [:]
        for (i, wave) in waves.enumerated() { for id in wave { waveOf[id] = i + 1 } }
        for task in tasks {
            let id = task["id"] as! String
            #expect(task["wave"] as? Int == waveOf[id])
            if finished.contains(id) {
                for key in ["wave", "earliestStart", "earliestFinish", "latestStart", "latestFinish", "slack", "critical"] {
                    #expect(task[key] is NSNull, "\(id).\(key) of a finished task")
                }
                continue
            }
            for dep in task["dependsOn"] as! [String] where !finished.contains(dep) {
                #expect((waveOf[dep] ?? .max) < (waveOf[id] ?? 0), "\(dep) before \(id)")
            }
        }
        let critical = try #require(object["criticalPath"] as? [String: Any])
        #expect(critical["length"] as? Double == summary["criticalPathLength"] as? Double)
        #expect((object["cycles"] as? [Any])?.isEmpty == true)
        #expect(object["diagnostics"] is [Any])
    }

    @Test func brokenExampleReportsItsErrorsAtTheirLines() throws {
        let r = try SpecGraphBinary.run(["check", "Examples/broken/tasks.md"])
        #expect(r.code == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let cycle = try #require(lines.first { $0.hasSuffix("[cycle]") })
        #expect(cycle.contains(": error: dependency cycle T004 → T005 → T006 → T004"))
        let source = try String(contentsOf: SpecGraphBinary.packageRoot.appendingPathComponent("Examples/broken/tasks.md"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        func line(of diagnostic: String) -> Int { Int(diagnostic.split(separator: ":")[1])! }
        #expect(source[line(of: cycle) - 1].contains("T004"))
        let dangling = try #require(lines.first { $0.hasSuffix("[unknown-reference]") })
        #expect(dangling.contains("T099"))
        #expect(source[line(of: dangling) - 1].contains("T099"))
        #expect(lines.contains { $0.hasSuffix("[parallel-file-conflict]") })
        #expect(lines.contains { $0.contains(": note: ") })
    }

    @Test func checkFormatsAndStrictness() throws {
        let github = try SpecGraphBinary.run(["check", "--format", "github", "Examples/broken/tasks.md"])
        #expect(github.code == 1)
        #expect(github.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::error file=") || $0.hasPrefix("::warning file=") || $0.hasPrefix("::notice file=") })
        let json = try SpecGraphBinary.run(["check", "--format", "json", "Examples/broken/tasks.md"])
        let object = try self.json(json)
        let codes = (object["diagnostics"] as! [[String: Any]]).map { $0["code"] as! String }
        #expect(codes.contains("cycle") && codes.contains("unknown-reference"))
        #expect(object["errors"] as? Int == 1)

        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tasks.md")
        try "## Phase 1: Setup\n\n- [ ] T001 Do it (depends on T009)\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try SpecGraphBinary.run(["check", file.path]).code == 0)
        let strict = try SpecGraphBinary.run(["check", "--strict", file.path])
        #expect(strict.code == 1)
        #expect(strict.stdout.contains(": error: ") && strict.stdout.contains("[unknown-reference]"))
    }

    @Test func directoriesMeanEveryTasksFileBelow() throws {
        let r = try SpecGraphBinary.run(["plan", "--format", "json", "Examples"])
        #expect(r.code == 1)  // the broken example has a cycle
        let array = try #require(JSONSerialization.jsonObject(with: r.stdoutBytes) as? [[String: Any]])
        #expect(array.map { $0["source"] as! String } == [
            "Examples/auth-service/tasks.md", "Examples/broken/tasks.md", "Examples/large-platform/tasks.md",
            "Examples/legacy-cli/tasks.md",
        ])
        // Version 2: a cycle of written edges is an error, but the plan is still
        // made without the edges that break it, and JSON lists those edges.
        let broken = array[1]
        let waves = try #require(broken["waves"] as? [[String]])
        #expect(!waves.isEmpty)
        let critical = try #require(broken["criticalPath"] as? [String: Any])
        #expect((critical["tasks"] as? [String])?.isEmpty == false)
        let cycles = try #require(broken["cycles"] as? [[String: Any]])
        #expect(cycles.count == 1)
        #expect(cycles[0]["tasks"] as? [String] == ["T004", "T005", "T006"])
        let removed = try #require(cycles[0]["removed"] as? [[String: Any]])
        #expect(!removed.isEmpty)
        let planned = Set(waves.joined())
        for edge in removed {
            #expect(planned.contains(edge["from"] as! String) && planned.contains(edge["to"] as! String))
        }
    }

    @Test func whyNextWavesAndCriticalPath() throws {
        let path = "Examples/auth-service/tasks.md"
        let plan = try json(SpecGraphBinary.run(["plan", "--format", "json", path]))
        let tasks = plan["tasks"] as! [[String: Any]]
        let last = tasks.last!["id"] as! String
        let why = try SpecGraphBinary.run(["why", last, path])
        #expect(why.code == 0)
        #expect(why.stdout.hasPrefix("\(last) is in wave \(tasks.last!["wave"] as! Int)"))
        let whyJSON = try json(SpecGraphBinary.run(["why", "--format", "json", last, path]))
        let chain = whyJSON["chain"] as! [[String: Any]]
        #expect(chain.last?["to"] as? String == last)
        #expect(try SpecGraphBinary.run(["why", "T999", path]).code == 2)

        let next = try json(SpecGraphBinary.run(["next", "--format", "json", path]))
        let ready = next["ready"] as! [String]
        #expect(!ready.isEmpty)
        for id in ready { #expect(tasks.first { $0["id"] as! String == id }!["status"] as? String != "done") }

        let waves = try json(SpecGraphBinary.run(["waves", "--format", "json", path]))
        #expect((waves["waves"] as! [[String]]).count == (plan["waves"] as! [[String]]).count)
        let critical = try json(SpecGraphBinary.run(["critical-path", "--format", "json", path]))
        let slack = critical["slack"] as! [[String: Any]]
        // One row per planned task: done tasks are not planned by default.
        let planned = tasks.filter { $0["wave"] is Int }
        #expect(planned.count < tasks.count)
        #expect(slack.count == planned.count)
        #expect(zip(slack, slack.dropFirst()).allSatisfy { ($0["slack"] as! Double) <= ($1["slack"] as! Double) })
        let markdown = try SpecGraphBinary.run(["plan", "--format", "markdown", path])
        #expect(markdown.stdout.contains("| tasks | done |"))
    }

    @Test func planWithATeamAddsAssignments() throws {
        let path = "Examples/auth-service/tasks.md"
        let object = try json(SpecGraphBinary.run(["plan", "--team", "ann,bo", "--format", "json", path]))
        let assignment = try #require(object["assignment"] as? [String: Any])
        #expect(assignment["team"] as? [String] == ["ann", "bo"])
        let rows = try #require(assignment["assignments"] as? [[String: Any]])
        // Every planned task once; done tasks are not planned by default.
        let planned = (object["tasks"] as! [[String: Any]]).filter { $0["wave"] is Int }.map { $0["id"] as! String }
        #expect(rows.map { $0["task"] as! String }.sorted() == planned.sorted())
        #expect(Set(rows.map { $0["person"] as! String }).isSubset(of: ["ann", "bo"]))
        #expect((assignment["makespan"] as! Double) >= (object["summary"] as! [String: Any])["criticalPathLength"] as! Double)
        let text = try SpecGraphBinary.run(["plan", "--team", "2", path])
        #expect(text.code == 0 && text.stdout.contains("makespan"))
        #expect(try SpecGraphBinary.run(["plan", "--team", "0", path]).code != 0)
    }

    /// The forecast of `plan --team 2 --deadline` is for that team, so it
    /// agrees with the team's makespan instead of the unlimited-people one.
    @Test func aForecastWithATeamSchedulesTheTeam() throws {
        let path = "Examples/auth-service/tasks.md"
        let object = try json(SpecGraphBinary.run(["plan", "--team", "2", "--deadline", "40h", "--format", "json", path]))
        let forecast = try #require(object["forecast"] as? [String: Any])
        let assignment = try #require(object["assignment"] as? [String: Any])
        #expect(forecast["team"] as? [String] == ["1", "2"])
        // The forecast's figures are rounded to three decimals.
        #expect(abs((forecast["plannedLength"] as! Double) - (assignment["makespan"] as! Double)) < 0.001)
        #expect((forecast["p50"] as! Double) >= (object["summary"] as! [String: Any])["criticalPathLength"] as! Double)
        let alone = try json(SpecGraphBinary.run(["plan", "--deadline", "40h", "--format", "json", path]))
        #expect((alone["forecast"] as! [String: Any])["team"] is NSNull)
        let text = try SpecGraphBinary.run(["plan", "--team", "2", "--deadline", "40h", path])
        #expect(text.stdout.contains("each scheduled for 2 people"))
    }

    @Test func remainingListsFinishedTasksWithoutSchedule() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tasks.md")
        try "## Phase 1: Setup\n\n- [x] T001 Done already\n- [ ] T002 Next (depends on T001)\n- [~] T003 Dropped\n".write(to: file, atomically: true, encoding: .utf8)
        let object = try json(SpecGraphBinary.run(["plan", "--remaining", "--format", "json", file.path]))
        let tasks = object["tasks"] as! [[String: Any]]
        #expect(tasks.map { $0["status"] as! String } == ["done", "todo", "skipped"])
        #expect(tasks[0]["wave"] is NSNull && tasks[0]["earliestStart"] is NSNull)
        #expect(tasks[1]["wave"] as? Int == 1)
        #expect(tasks[1]["dependsOn"] as? [String] == ["T001"])
        #expect(object["waves"] as? [[String]] == [["T002"]])
    }

    @Test func hostileTextSurvivesJSON() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tasks.md")
        let text = #"Render <script>alert("x")</script> & "quotes" \ back 🎉 中文"#
        try "## Phase 1\n\n- [ ] T001 \(text)\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try SpecGraphBinary.run(["plan", "--format", "json", file.path])
        #expect(!r.stdout.contains("<script>"))
        let tasks = try json(r)["tasks"] as! [[String: Any]]
        #expect(tasks[0]["description"] as? String == text)
    }

    @Test func badInputGetsOneClearDiagnostic() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try SpecGraphBinary.run(["plan", dir.appendingPathComponent("nope.md").path])
        #expect(missing.code == 2)
        #expect(missing.stderr.contains("nope.md: error: cannot read"))

        let empty = try SpecGraphBinary.run(["check", dir.path])  // a directory without tasks.md
        #expect(empty.code == 2)
        #expect(empty.stderr.contains("no tasks.md"))

        let emptyFile = dir.appendingPathComponent("empty.md")
        try Data().write(to: emptyFile)
        let noTasks = try SpecGraphBinary.run(["check", emptyFile.path])
        #expect(noTasks.code == 0)
        #expect(noTasks.stdout.contains("[no-tasks]"))

        let invalid = dir.appendingPathComponent("invalid.md")
        try Data("## Phase 1\n- [ ] T001 caf\u{E9}\n".utf8.map { $0 == 0xC3 ? 0xFF : $0 }).write(to: invalid)
        let bad = try SpecGraphBinary.run(["check", invalid.path])
        #expect(bad.code == 1)
        #expect(bad.stdout.contains("[invalid-utf8]"))

        let binary = dir.appendingPathComponent("binary.md")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: binary)
        let bin = try SpecGraphBinary.run(["check", binary.path])
        #expect(bin.code == 1)
        #expect(!bin.stdout.isEmpty)

        let usage = try SpecGraphBinary.run(["plan", "--within-phase", "sideways", "Examples/auth-service/tasks.md"])
        #expect(usage.code >= 2)
    }

    @Test func hugeLineAndLongCycleFinish() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = dir.appendingPathComponent("line.md")
        var big = Data("## Phase 1\n- [ ] T001 ".utf8)
        big.append(Data(repeating: UInt8(ascii: "a"), count: 20_000_000))
        big.append(Data("\n".utf8))
        try big.write(to: line)
        let r = try SpecGraphBinary.run(["plan", "--format", "json", line.path])
        #expect(r.code == 0)

        // A cycle of 20 000 tasks through explicit dependencies.
        var spec = "## Phase 1\n\n"
        let n = 20_000
        for i in 1...n { spec += "- [ ] T\(String(format: "%05d", i)) [P] step (depends on T\(String(format: "%05d", i == 1 ? n : i - 1)))\n" }
        let cycleFile = dir.appendingPathComponent("cycle.md")
        try spec.write(to: cycleFile, atomically: true, encoding: .utf8)
        let c = try SpecGraphBinary.run(["check", "--format", "json", cycleFile.path])
        #expect(c.code == 1)
        let d = (try json(c)["diagnostics"] as! [[String: Any]]).filter { $0["code"] as? String == "cycle" }
        #expect(d.count == 1)
    }

    @Test func outputFilesAreWholeOrAbsent() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("missing-dir/out.md")
        let r = try SpecGraphBinary.run(["generate", "--tasks", "50", "-o", target.path])
        #expect(r.code == 2)
        #expect(!FileManager.default.fileExists(atPath: target.path))
        let ok = dir.appendingPathComponent("g.md")
        #expect(try SpecGraphBinary.run(["generate", "--tasks", "50", "--seed", "3", "-o", ok.path]).code == 0)
        let again = try SpecGraphBinary.run(["generate", "--tasks", "50", "--seed", "3"])
        #expect(try Data(contentsOf: ok) == again.stdoutBytes)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".specgraph-") }
        #expect(leftovers.isEmpty)
    }
}
