import Foundation
import Testing

/// Version 2 of the contract, run through the built binary as a user would:
/// corrections files, `--all`, written cycles that still give a plan, and
/// forward references that reorder without a cycle.
@Suite final class VersionTwoTests {
    /// The folders this test made; removed when it ends.
    private var folders: [URL] = []

    deinit {
        for dir in folders { try? FileManager.default.removeItem(at: dir) }
    }

    /// A folder holding `tasks.md` (and `tasks.specgraph` when given).
    func folder(_ tasks: String, corrections: String? = nil) throws -> URL {
        let dir = try SpecGraphBinary.temporaryDirectory()
        folders.append(dir)
        try tasks.write(to: dir.appendingPathComponent("tasks.md"), atomically: true, encoding: .utf8)
        if let corrections {
            try corrections.write(to: dir.appendingPathComponent("tasks.specgraph"), atomically: true, encoding: .utf8)
        }
        return dir
    }

    func plan(_ args: [String]) throws -> (code: Int32, object: [String: Any], stderr: String) {
        let r = try SpecGraphBinary.run(["plan", "--format", "json"] + args)
        let object = try #require(JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any], "\(r.stderr)")
        return (r.code, object, r.stderr)
    }

    /// `from->to kind` of every task-to-task edge (milestones left out).
    func taskEdges(_ object: [String: Any]) -> Set<String> {
        Set((object["edges"] as? [[String: Any]] ?? []).compactMap { e in
            let from = e["from"] as! String, to = e["to"] as! String
            return from.hasPrefix("@") || to.hasPrefix("@") ? nil : "\(from)->\(to) \(e["kind"] as! String)"
        })
    }

    func waveOf(_ object: [String: Any]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (i, wave) in (object["waves"] as? [[String]] ?? []).enumerated() { for id in wave { result[id] = i + 1 } }
        return result
    }

    /// Three tasks of one phase that state no dependencies: ordered by the order rule.
    static let chain = """
        # Tasks: corrections

        ## Phase 1: Build

        - [ ] T001 Write the parser in src/parse.swift
        - [ ] T002 Write the printer in src/print.swift
        - [ ] T003 Write the checker in src/check.swift
        - [ ] T004 Write the docs in docs/guide.md

        """

    @Test func correctionsBesideTasksFileAreApplied() throws {
        let plain = try folder(Self.chain)
        defer { try? FileManager.default.removeItem(at: plain) }
        let before = try plan([plain.appendingPathComponent("tasks.md").path])
        #expect(before.code == 0)
        #expect(waveOf(before.object) == ["T001": 1, "T002": 2, "T003": 3, "T004": 4])

        // `not after` drops the implied order edge T002 → T003, `parallel`
        // lets T001 and T002 run together, and `after` adds a written edge.
        let corrected = try folder(Self.chain, corrections: """
            # the lead's reading
            T003 not after T002
            T001, T002 parallel   # both touch different files
            T004 after T003
            """)
        defer { try? FileManager.default.removeItem(at: corrected) }
        let after = try plan([corrected.appendingPathComponent("tasks.md").path])
        #expect(after.code == 0, "\(after.stderr)")
        let edges = taskEdges(after.object)
        #expect(edges.contains("T003->T004 correction"))
        #expect(!edges.contains { $0.hasPrefix("T002->T003 ") })
        #expect(!edges.contains { $0.hasPrefix("T001->T002 ") })
        let waves = waveOf(after.object)
        #expect(waves["T001"] == 1 && waves["T002"] == 1)
        #expect(waves["T003"] == 2)  // still after T001 (order), no longer after T002
        #expect(waves["T004"] == 3)
        let t004 = (after.object["tasks"] as! [[String: Any]]).first { $0["id"] as? String == "T004" }!
        // `dependsOn` lists written dependencies, and a correction is written.
        #expect(t004["dependsOn"] as? [String] == ["T003"])
    }

    @Test func correctionsOptionNamesTheFileAndUnknownIDsWarn() throws {
        let dir = try folder(Self.chain)
        defer { try? FileManager.default.removeItem(at: dir) }
        let elsewhere = dir.appendingPathComponent("lead.txt")
        try "T001 after T004\nT002 after T099\nthis is no correction\n".write(to: elsewhere, atomically: true, encoding: .utf8)
        let r = try plan(["--corrections", elsewhere.path, dir.appendingPathComponent("tasks.md").path])
        // T001 after T004 reverses the document order: written beats implied,
        // so the plan puts T004 first and no cycle is reported.
        #expect(r.code == 0, "\(r.stderr)")
        #expect((r.object["cycles"] as? [Any])?.isEmpty == true)
        let waves = waveOf(r.object)
        #expect(waves["T004"]! < waves["T001"]!)
        #expect(taskEdges(r.object).contains("T004->T001 correction"))
        let diagnostics = r.object["diagnostics"] as! [[String: Any]]
        let unknown = diagnostics.filter { $0["code"] as? String == "unknown-reference" }
        #expect(unknown.count == 1)
        #expect((unknown.first?["message"] as? String)?.contains("T099") == true)
        #expect(diagnostics.contains { $0["code"] as? String == "unparsed-line" && $0["line"] as? Int == 3 })
        #expect(diagnostics.contains { $0["code"] as? String == "reordered" })
        // The same file beside tasks.md is not read when --corrections names another.
        try "T002 after T003\n".write(to: dir.appendingPathComponent("tasks.specgraph"), atomically: true, encoding: .utf8)
        let named = try plan(["--corrections", elsewhere.path, dir.appendingPathComponent("tasks.md").path])
        #expect(!taskEdges(named.object).contains("T003->T002 correction"))
        let beside = try plan([dir.appendingPathComponent("tasks.md").path])
        #expect(taskEdges(beside.object).contains("T003->T002 correction"))
    }

    /// A correction's line is a line of the corrections file: every place that
    /// shows where an edge was read names that file, not tasks.md.
    @Test func correctionLinesNameTheCorrectionsFile() throws {
        let dir = try folder(Self.chain.replacingOccurrences(of: "src/print.swift", with: "src/print.swift (depends on T001)"), corrections: """
            # the lead's reading
            T001 after T002
            T003 after T004
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tasks = dir.appendingPathComponent("tasks.md").path
        let corrections = dir.appendingPathComponent("tasks.specgraph").path
        // T001 after T002 closes a cycle with the written T001 → T002; T003
        // after T004 moves T003 below a task written under it.
        let check = try SpecGraphBinary.run(["check", tasks])
        #expect(check.code == 1)
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(corrections):2:1: note: T001 waits for T002 (correction edge)"), "\(check.stdout)")
        #expect(lines.contains { $0.hasPrefix("\(tasks):") && $0.contains("T002 waits for T001 (explicit edge)") })
        #expect(lines.contains { $0.hasPrefix("\(corrections):3:1: note: T003 is planned after tasks written below it") })
        let why = try SpecGraphBinary.run(["why", "T003", tasks])
        #expect(why.stdout.contains("T004 → T003 — your correction, \(corrections):3"), "\(why.stdout)")
        let json = try plan([tasks])
        let diagnostics = json.object["diagnostics"] as! [[String: Any]]
        let reordered = diagnostics.first { $0["code"] as? String == "reordered" }
        #expect(reordered?["file"] as? String == corrections)
        let notes = diagnostics.first { $0["code"] as? String == "cycle" }?["notes"] as? [[String: Any]] ?? []
        #expect(notes.map { $0["file"] as? String } == [nil, corrections, corrections])
    }

    @Test func doneTasksArePlannedOnlyWithAll() throws {
        let dir = try folder("""
            # Tasks: half done

            ## Phase 1: Setup

            - [x] T001 Create the project in app/main.py
            - [X] T002 Add settings in app/settings.py (depends on T001)

            ## Phase 2: Core

            - [ ] T003 Add the model in app/model.py (depends on T002)
            - [~] T004 Old idea in app/old.py
            - [ ] T005 Add the routes in app/routes.py (depends on T003, T042)

            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tasks.md").path
        let remaining = try plan([path])
        #expect(remaining.code == 0)
        #expect(remaining.object["waves"] as? [[String]] == [["T003"], ["T005"]])
        let tasks = remaining.object["tasks"] as! [[String: Any]]
        #expect(tasks.map { $0["id"] as! String } == ["T001", "T002", "T003", "T004", "T005"])
        for task in tasks where ["T001", "T002", "T004"].contains(task["id"] as! String) {
            #expect(task["wave"] is NSNull && task["earliestStart"] is NSNull && task["critical"] is NSNull)
        }
        // The written dependency on a done task is met, but still listed as written.
        #expect(tasks[2]["dependsOn"] as? [String] == ["T002"])
        #expect((remaining.object["summary"] as! [String: Any])["done"] as? Int == 2)

        let all = try plan(["--all", path])
        #expect(all.code == 0)
        // Phase 2 is ordered (T004 states no dependency), so the skipped T004
        // sits between T003 and T005 when every task is planned.
        #expect(all.object["waves"] as? [[String]] == [["T001"], ["T002"], ["T003"], ["T004"], ["T005"]])
        #expect((all.object["tasks"] as! [[String: Any]]).allSatisfy { $0["wave"] is Int })
        // `--remaining`, the version 1 opt-in, is still accepted and is the default.
        let old = try plan(["--remaining", path])
        #expect(old.object["waves"] as? [[String]] == [["T003"], ["T005"]])
        #expect(try SpecGraphBinary.run(["plan", "--all", "--remaining", path]).code != 0)
    }

    @Test func diagnosticsAboutFinishedTasksShowOnlyWithAll() throws {
        let dir = try folder("""
            ## Phase 1: Setup

            - [x] T001 Create the project in app/main.py (depends on T077)
            - [ ] T002 Add settings in app/settings.py (depends on T088)

            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tasks.md").path
        let check = try SpecGraphBinary.run(["check", path])
        #expect(check.stdout.contains("T088") && !check.stdout.contains("T077"))
        let all = try SpecGraphBinary.run(["check", "--all", path])
        #expect(all.stdout.contains("T088") && all.stdout.contains("T077"))
    }

    @Test func writtenCycleIsAnErrorButThePlanIsMade() throws {
        let dir = try folder("""
            # Tasks: a loop

            ## Phase 1: Core

            - [ ] T001 Create the schema in db/schema.sql
            - [ ] T002 Create the model in app/model.py (depends on T001)
            - [ ] T003 Create the service in app/service.py (depends on T002)
            - [ ] T004 Create the API in app/api.py (depends on T003)

            ## Dependencies

            - T001 depends on T003

            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tasks.md").path
        let text = try SpecGraphBinary.run(["plan", path])
        #expect(text.code == 1)
        #expect(text.stdout.contains("Waves") && text.stdout.contains("Critical path"))
        #expect(text.stderr.contains("[cycle]"))

        let r = try plan([path])
        #expect(r.code == 1)
        let cycles = try #require(r.object["cycles"] as? [[String: Any]])
        #expect(cycles.count == 1)
        #expect(Set(cycles[0]["tasks"] as? [String] ?? []) == ["T001", "T002", "T003"])
        let removed = try #require(cycles[0]["removed"] as? [[String: Any]])
        // The edge pointing furthest back in the document goes: T003 → T001.
        #expect(removed.count == 1)
        #expect(removed.first?["from"] as? String == "T003" && removed.first?["to"] as? String == "T001")
        #expect(removed.first?["kind"] as? String == "declared")
        #expect(r.object["waves"] as? [[String]] == [["T001"], ["T002"], ["T003"], ["T004"]])
        #expect(!taskEdges(r.object).contains { $0.hasPrefix("T003->T001 ") })
        #expect((r.object["criticalPath"] as? [String: Any])?["tasks"] as? [String] == ["T001", "T002", "T003", "T004"])

        // Pictures and team schedules are made too.
        let dot = try SpecGraphBinary.run(["graph", "--format", "dot", path])
        #expect(dot.code == 1 && dot.stdout.hasPrefix("digraph"))
        let assign = try SpecGraphBinary.run(["assign", "--team", "2", "--format", "json", path])
        #expect(assign.code == 1)
        let schedule = try #require(JSONSerialization.jsonObject(with: assign.stdoutBytes) as? [String: Any])
        #expect((schedule["assignments"] as? [Any])?.count == 4)
    }

    @Test func forwardReferenceIsReorderedNotACycle() throws {
        let dir = try folder("""
            # Tasks: written out of order

            ## Phase 1: Setup

            - [ ] T001 Create the app in app/main.py
            - [ ] T002 Configure the linter in app/lint.toml (after T003)
            - [ ] T003 Add the toolchain file in app/toolchain.toml

            ## Phase 2: Core

            - [ ] T004 Write the model in app/model.py

            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tasks.md").path
        let r = try plan([path])
        #expect(r.code == 0, "\(r.stderr)")
        #expect((r.object["cycles"] as? [Any])?.isEmpty == true)
        // The order rule would put T002 before T003; the written edge wins.
        #expect(r.object["waves"] as? [[String]] == [["T001"], ["T003"], ["T002"], ["T004"]])
        #expect(taskEdges(r.object).contains("T003->T002 explicit"))
        #expect(!taskEdges(r.object).contains { $0.hasPrefix("T002->T003 ") })
        let diagnostics = r.object["diagnostics"] as! [[String: Any]]
        let notes = diagnostics.filter { $0["code"] as? String == "reordered" }
        #expect(notes.count == 1)
        #expect(notes.first?["severity"] as? String == "note")
        #expect(notes.first?["line"] as? Int == 6)
        #expect((notes.first?["message"] as? String)?.contains("T002") == true)
        let check = try SpecGraphBinary.run(["check", path])
        #expect(check.code == 0)
        #expect(check.stdout.contains(":6:") && check.stdout.contains("[reordered]"))
    }

    @Test func reorderedNotesAreOnePerWrittenLine() throws {
        let dir = try folder("""
            # Tasks: two lines that move tasks

            ## Phase 1: Core

            - [ ] T001 Write a in src/a.py
            - [ ] T002 Write b in src/b.py
            - [ ] T003 Write c in src/c.py
            - [ ] T004 Write d in src/d.py
            - [ ] T005 Write e in src/e.py

            ## Dependencies

            - T005 blocks T001, T002
            - T004 blocks T003

            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let check = try SpecGraphBinary.run(["check", dir.appendingPathComponent("tasks.md").path])
        #expect(check.code == 0)
        let notes = check.stdout.split(separator: "\n").filter { $0.hasSuffix("[reordered]") }
        #expect(notes.count == 2)
        #expect(notes.first?.contains(":13:") == true && notes.first?.contains("T001 and T002 are planned after") == true)
        #expect(notes.last?.contains(":14:") == true && notes.last?.contains("T003 is planned after") == true)
        // π keeps document order wherever the written edges allow it.
        let r = try plan([dir.appendingPathComponent("tasks.md").path])
        #expect(r.object["waves"] as? [[String]] == [["T004"], ["T003"], ["T005"], ["T001"], ["T002"]])
    }

    /// `--files serialize` chains the writers of a file: it adds `file` edges
    /// and can only lengthen the plan that `--files exclusive` makes.
    @Test(arguments: ["auth-service", "legacy-cli", "large-platform"])
    func serializedFilesOnlyAddOrder(example: String) throws {
        let exclusive = try plan(["--all", "Examples/\(example)/tasks.md"])
        let serialized = try plan(["--all", "--files", "serialize", "Examples/\(example)/tasks.md"])
        let a = exclusive.object["summary"] as! [String: Any], b = serialized.object["summary"] as! [String: Any]
        #expect((b["waves"] as! Int) >= (a["waves"] as! Int))
        #expect((b["criticalPathLength"] as! Double) >= (a["criticalPathLength"] as! Double) - 1e-9)
        #expect(taskEdges(serialized.object).contains { $0.hasSuffix(" file") })
        #expect(!taskEdges(exclusive.object).contains { $0.hasSuffix(" file") })
    }
}
