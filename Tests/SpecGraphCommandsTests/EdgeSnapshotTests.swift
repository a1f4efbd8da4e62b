import Foundation
import Testing

/// Readable edge snapshots (issue 11, item 1): every edge that `specgraph plan
/// --format json` reports for every example and every corpus file, one a line
/// as `from to kind line`, milestones included and named as in JSON, kept
/// under `Tests/SpecGraphCommandsTests/EdgeSnapshots/` (`examples/<name>.edges`,
/// `corpus/<file name>.edges`; only our derived edge lists, never corpus text).
///
/// Any change to what the planner reads shows up here as a diff to review.
/// Re-record on purpose with `SPECGRAPH_RECORD=edges` (only these) or
/// `SPECGRAPH_RECORD=1` (these and the golden files):
///
///     SPECGRAPH_RECORD=edges swift test --skip-build --filter EdgeSnapshotTests
enum EdgeSnapshot {
    static let directory = SpecGraphBinary.packageRoot.appendingPathComponent("Tests/SpecGraphCommandsTests/EdgeSnapshots")

    static var recording: Bool {
        let value = ProcessInfo.processInfo.environment["SPECGRAPH_RECORD"]
        return value == "1" || value == "edges"
    }

    /// The snapshot text of one plan object of `plan --format json`: a header,
    /// then one edge a line, sorted by line, then from, to and kind, so that a
    /// diff shows edges that came or went, not edges that moved.
    static func text(ofPlan plan: [String: Any], name: String) -> String {
        let edges = (plan["edges"] as? [[String: Any]] ?? []).map { edge -> (line: Int, text: String) in
            let line = (edge["line"] as? NSNumber)?.intValue ?? 0
            let from = word(edge["from"]), to = word(edge["to"]), kind = word(edge["kind"])
            return (line, "\(from) \(to) \(kind) \(line)")
        }
        let sorted = edges.sorted { $0.line != $1.line ? $0.line < $1.line : $0.text < $1.text }
        var out = "# \(name): \(edges.count) edges from `specgraph plan --format json`, as `from to kind line`,\n"
        out += "# sorted by line. Re-record on purpose: SPECGRAPH_RECORD=edges swift test --filter EdgeSnapshotTests\n"
        for edge in sorted { out += edge.text + "\n" }
        return out
    }

    /// A name as in JSON; quoted (JSON string syntax) when it holds a space or a quote,
    /// so every line still splits into four fields.
    static func word(_ value: Any?) -> String {
        guard let s = value as? String else { return "null" }
        if !s.isEmpty, !s.contains(where: { $0.isWhitespace || $0 == "\"" }) { return s }
        let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self).dropFirst().dropLast().description
    }

    /// Nil when `now` matches `recorded`; else a message naming the snapshot and
    /// the first edges that only one side has.
    static func difference(snapshot: String, recorded: String, now: String, shown: Int = 6) -> String? {
        guard recorded != now else { return nil }
        func edges(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        }
        let old = edges(recorded), new = edges(now)
        var oldCounts: [Substring: Int] = [:], newCounts: [Substring: Int] = [:]
        for line in old { oldCounts[line, default: 0] += 1 }
        for line in new { newCounts[line, default: 0] += 1 }
        var gone: [Substring] = [], came: [Substring] = []
        var seen: [Substring: Int] = [:]
        for line in old {
            seen[line, default: 0] += 1
            if seen[line]! > newCounts[line, default: 0] { gone.append(line) }
        }
        seen = [:]
        for line in new {
            seen[line, default: 0] += 1
            if seen[line]! > oldCounts[line, default: 0] { came.append(line) }
        }
        var message = "\(snapshot) differs: \(old.count) edges recorded, \(new.count) now"
        if gone.isEmpty && came.isEmpty {
            message += "; the same edges, other header or order"
        }
        for (sign, lines) in [("-", gone), ("+", came)] where !lines.isEmpty {
            message += "\n  \(sign == "-" ? "only recorded" : "only now") (\(lines.count)):"
            for line in lines.prefix(shown) { message += "\n    \(sign) \(line)" }
            if lines.count > shown { message += "\n    \(sign) … \(lines.count - shown) more" }
        }
        message += "\nIf the change is intended, re-record: SPECGRAPH_RECORD=edges swift test --skip-build --filter EdgeSnapshotTests"
        return message
    }

    /// Compares with (or records) `<directory>/<relativePath>`.
    static func check(_ text: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(relativePath)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if (try? String(contentsOf: url, encoding: .utf8)) != text {
                try text.write(to: url, atomically: true, encoding: .utf8)
                print("re-recorded EdgeSnapshots/\(relativePath)")
            }
            return
        }
        guard let recorded = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "no edge snapshot EdgeSnapshots/\(relativePath): record it with SPECGRAPH_RECORD=edges",
                sourceLocation: sourceLocation)
            return
        }
        if let message = difference(snapshot: "EdgeSnapshots/\(relativePath)", recorded: recorded, now: text) {
            Issue.record("\(message)", sourceLocation: sourceLocation)
        }
    }

    /// Plans `files` with the built binary, one process for all of them (one
    /// per file if that fails, so a crash names its file), and returns each
    /// file's snapshot text, or why there is none.
    static func snapshots(of files: [URL], names: [String]) -> [String: Result<String, SnapshotError>] {
        var result: [String: Result<String, SnapshotError>] = [:]
        if files.count > 1, let plans = try? plan(files), plans.count == files.count {
            for (plan, name) in zip(plans, names) { result[name] = .success(text(ofPlan: plan, name: name)) }
            return result
        }
        for (file, name) in zip(files, names) {
            do {
                let plans = try plan([file])
                result[name] = plans.count == 1
                    ? .success(text(ofPlan: plans[0], name: name)) : .failure(SnapshotError("no plan object"))
            } catch let error as SnapshotError {
                result[name] = .failure(error)
            } catch {
                result[name] = .failure(SnapshotError("\(error)"))
            }
        }
        return result
    }

    /// The plan objects of `specgraph plan --format json files…` (exit code 0 or 1).
    static func plan(_ files: [URL]) throws -> [[String: Any]] {
        let run = try SpecGraphBinary.run(["plan", "--format", "json"] + files.map(\.path))
        guard run.code == 0 || run.code == 1 else {
            throw SnapshotError("specgraph plan exited with \(run.code): \(run.stderr.prefix(500))")
        }
        let json = try JSONSerialization.jsonObject(with: run.stdoutBytes)
        if let one = json as? [String: Any] { return [one] }
        guard let many = json as? [[String: Any]] else { throw SnapshotError("plan --format json gave no object") }
        return many
    }

    struct SnapshotError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// Corpus files from `$SPECGRAPH_CORPUS` (the Makefile sets it to `../shared/corpus`).
enum EdgeSnapshotCorpus {
    static let directory: URL? = {
        guard let value = ProcessInfo.processInfo.environment["SPECGRAPH_CORPUS"], !value.isEmpty else { return nil }
        let url = URL(fileURLWithPath: value, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// Corpus file names (`owner__repo__…__tasks.md`), sorted.
    static let names: [String] = {
        guard let directory else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }()

    static let snapshots = EdgeSnapshot.snapshots(
        of: names.map { directory!.appendingPathComponent($0) }, names: names)
}

@Suite struct EdgeSnapshotTests {
    static let examples: [String] = {
        let root = SpecGraphBinary.packageRoot.appendingPathComponent("Examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/tasks.md").path)
        }.sorted()
    }()

    static let exampleSnapshots = EdgeSnapshot.snapshots(
        of: examples.map { SpecGraphBinary.packageRoot.appendingPathComponent("Examples/\($0)/tasks.md") },
        names: examples)

    @Test func everyExampleIsSnapshotted() {
        #expect(Self.examples.count >= 4)
    }

    @Test(arguments: examples)
    func exampleEdges(_ example: String) throws {
        let text = try Self.exampleSnapshots[example]!.get()
        try EdgeSnapshot.check(text, "examples/\(example).edges")
    }

    @Test(
        .enabled(if: EdgeSnapshotCorpus.directory != nil, "SPECGRAPH_CORPUS is not set"),
        arguments: EdgeSnapshotCorpus.names)
    func corpusEdges(_ file: String) throws {
        let text = try EdgeSnapshotCorpus.snapshots[file]!.get()
        try EdgeSnapshot.check(text, "corpus/\(file).edges")
    }

    /// A snapshot whose corpus file is gone is removed when recording, else reported.
    @Test(.enabled(if: EdgeSnapshotCorpus.directory != nil, "SPECGRAPH_CORPUS is not set"))
    func noSnapshotOutlivesItsCorpusFile() throws {
        let folder = EdgeSnapshot.directory.appendingPathComponent("corpus")
        let recorded = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let current = Set(EdgeSnapshotCorpus.names.map { $0 + ".edges" })
        for name in recorded.sorted() where name.hasSuffix(".edges") && !current.contains(name) {
            if EdgeSnapshot.recording {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            } else {
                Issue.record("EdgeSnapshots/corpus/\(name) has no corpus file any more: re-record with SPECGRAPH_RECORD=edges")
            }
        }
    }

    // MARK: The mechanism itself

    @Test func snapshotLinesAreSortedAndSplitIntoFourFields() {
        let plan: [String: Any] = ["edges": [
            ["from": "T003", "to": "@end-phase-1", "kind": "phase", "line": 9],
            ["from": "T001", "to": "T002", "kind": "explicit", "line": 4],
            ["from": "Task 1", "to": "T002", "kind": "declared", "line": 4],
        ]]
        let text = EdgeSnapshot.text(ofPlan: plan, name: "x.md")
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines == ["\"Task 1\" T002 declared 4", "T001 T002 explicit 4", "T003 @end-phase-1 phase 9"])
        #expect(text.hasPrefix("# x.md: 3 edges"))
    }

    @Test func aDifferenceNamesTheSnapshotAndTheEdgesThatChanged() throws {
        let recorded = "# h\nT001 T002 explicit 4\nT002 T003 order 5\nT002 T003 order 5\n"
        let now = "# h\nT001 T002 explicit 4\nT002 T003 order 5\nT003 T002 explicit 7\n"
        let message = try #require(EdgeSnapshot.difference(snapshot: "corpus/a.md.edges", recorded: recorded, now: now))
        #expect(message.hasPrefix("corpus/a.md.edges differs: 3 edges recorded, 3 now"))
        #expect(message.contains("only recorded (1):\n    - T002 T003 order 5"))
        #expect(message.contains("only now (1):\n    + T003 T002 explicit 7"))
        #expect(EdgeSnapshot.difference(snapshot: "s", recorded: recorded, now: recorded) == nil)
    }
}
