import Foundation
import Testing

/// `specgraph status` and `plan --format csv`, run as a user would.
@Suite struct StatusCommandTests {
    @Test(arguments: ["text", "markdown", "json", "csv"])
    func statusOfTheExamplesMatchesRecording(format: String) throws {
        let r = try SpecGraphBinary.run(["status", "--phases", "--format", format, "Examples"])
        // Examples/broken has a cycle: exit 1, and the table is still printed.
        #expect(r.code == 1)
        #expect(r.stdout.contains("auth-service"))
        let text = format == "json" ? prettyJSON(r.stdout) : r.stdout
        try expectGolden(text, "examples.status.\(["text": "txt", "markdown": "md"][format] ?? format)")
    }

    /// JSON text indented two spaces per level, one value per line, every
    /// byte of strings and numbers kept, so that a golden diff can be read.
    func prettyJSON(_ json: String) -> String {
        var out = "", depth = 0, inString = false, escaped = false
        func newline() { out += "\n" + String(repeating: "  ", count: depth) }
        for c in json.trimmingCharacters(in: .whitespacesAndNewlines) {
            if inString {
                out.append(c)
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"": inString = true; out.append(c)
            case "{", "[": out.append(c); depth += 1; newline()
            case "}", "]": depth -= 1; newline(); out.append(c)
            case ",": out.append(c); newline()
            case ":": out += ": "
            default: out.append(c)
            }
        }
        return out + "\n"
    }

    @Test func statusDefaultsToTheCurrentDirectory() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let feature = dir.appendingPathComponent("specs/007-export")
        try FileManager.default.createDirectory(at: feature, withIntermediateDirectories: true)
        try "## Phase 1: Setup\n- [x] T001 One\n- [ ] T002 Two\n".write(
            to: feature.appendingPathComponent("tasks.md"), atomically: true, encoding: .utf8)
        let r = try SpecGraphBinary.run(["status"], in: dir)
        #expect(r.code == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("007-export ") == true)
        #expect(lines.last?.contains("1.0h assumed") == true)
    }

    @Test func sinceComparesWithAGitRevision() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func git(_ args: String...) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", dir.path, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"] + args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            try #require(p.terminationStatus == 0, "git \(args.joined(separator: " "))")
        }
        let folder = dir.appendingPathComponent("specs/003-search")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("tasks.md")
        try git("init", "-q")
        try """
            ## Phase 1: Index
            - [ ] T001 [P] Build the index in src/index.rs (2h)
            - [x] T002 [P] Choose a tokenizer (1h)
            - [ ] T003 [P] Stemming in src/stem.rs (3h)
            - [ ] T004 Query parser in src/query.rs (depends on T003) (2h)
            """.write(to: file, atomically: true, encoding: .utf8)
        try git("add", ".")
        try git("commit", "-q", "-m", "first")
        try """
            ## Phase 1: Index
            - [x] T001 [P] Build the index in src/index.rs (2h)
            - [ ] T002 [P] Choose a tokenizer (1h)
            - [ ] T004 Query parser in src/query.rs (depends on T002) (2h)
            - [ ] T005 Ranking in src/rank.rs (depends on T004) (4h)
            """.write(to: file, atomically: true, encoding: .utf8)
        try git("commit", "-q", "-am", "second")

        let r = try SpecGraphBinary.run(["status", "--since", "HEAD~1", "--format", "json", "specs"], in: dir)
        #expect(r.code == 0, "\(r.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
        let feature = try #require((object["features"] as? [[String: Any]])?.first)
        #expect(feature["name"] as? String == "003-search")
        let since = try #require(feature["since"] as? [String: Any])
        #expect(since["added"] as? [String] == ["T005"])
        #expect(since["removed"] as? [String] == ["T003"])
        #expect(since["completed"] as? [String] == ["T001"])
        #expect(since["reopened"] as? [String] == ["T002"])
        let added = try #require(since["dependenciesAdded"] as? [[String: String]])
        #expect(added == [["from": "T002", "to": "T004"], ["from": "T004", "to": "T005"]])
        let removed = try #require(since["dependenciesRemoved"] as? [[String: String]])
        #expect(removed == [["from": "T003", "to": "T004"]])
        // Before: T001 ‖ T003 → T004 = 5h in 2 waves; after: T002 → T004 → T005 = 7h in 3 waves.
        #expect(since["criticalPathBefore"] as? Double == 5)
        #expect(since["criticalPathAfter"] as? Double == 7)
        #expect(since["wavesBefore"] as? Int == 2)
        #expect(since["wavesAfter"] as? Int == 3)

        let text = try SpecGraphBinary.run(["status", "--since", "HEAD~1", "specs/003-search/tasks.md"], in: dir)
        #expect(text.stdout.contains("003-search: since HEAD~1"))
        #expect(text.stdout.contains("remaining critical path: 5.0h → 7.0h (+2.0h)"))
        #expect(text.stdout.contains("waves: 2 → 3"))

        // A file that did not exist at the revision: every task is new.
        try git("mv", "specs/003-search", "specs/004-search")
        try git("commit", "-q", "-m", "rename")
        let moved = try SpecGraphBinary.run(["status", "--since", "HEAD~1", "--format", "json", "specs"], in: dir)
        let movedSince = try #require(
            ((JSONSerialization.jsonObject(with: moved.stdoutBytes) as? [String: Any])?["features"] as? [[String: Any]])?
                .first?["since"] as? [String: Any])
        #expect(movedSince["existed"] as? Bool == false)
        #expect(movedSince["added"] as? [String] == ["T001", "T002", "T004", "T005"])

        let bad = try SpecGraphBinary.run(["status", "--since", "no-such-ref", "specs"], in: dir)
        #expect(bad.code == 2)
        #expect(bad.stderr.contains("no such commit"))
    }

    @Test func sinceOutsideARepositoryFailsClearly() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "- [ ] T001 One\n".write(to: dir.appendingPathComponent("tasks.md"), atomically: true, encoding: .utf8)
        let r = try SpecGraphBinary.run(["status", "--since", "HEAD", "tasks.md"], in: dir)
        #expect(r.code == 2)
        #expect(r.stderr.contains("not in a git repository"))
    }

    @Test func planCSVHasOneRowPerTask() throws {
        let r = try SpecGraphBinary.run(["plan", "--format", "csv", "Examples/legacy-cli/tasks.md"])
        #expect(r.code == 0)
        let lines = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "id,phase,story,status,wave,start,finish,slack,critical,depends on,files,source")
        let json = try SpecGraphBinary.run(["plan", "--format", "json", "Examples/legacy-cli/tasks.md"])
        let tasks = try #require((JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])?["tasks"] as? [[String: Any]])
        #expect(lines.count == tasks.count + 1)
        #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == tasks.map { $0["id"] as? String ?? "" })
        let other = try SpecGraphBinary.run(["waves", "--format", "csv", "Examples/legacy-cli/tasks.md"])
        #expect(other.code != 0)
        #expect(other.stderr.contains("csv"))
    }
}
