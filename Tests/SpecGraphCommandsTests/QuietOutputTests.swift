#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import Testing

/// Answers that are not lost among warnings: one summary line instead of
/// every warning, a suggestion for a mistyped command, features named in
/// multi-file Markdown, and no story switches without stories.
@Suite struct QuietOutputTests {
    /// Three unknown references (warnings) and nothing wrong otherwise.
    static let warned = """
        ## Phase 1: Setup

        - [ ] T001 Create the project (depends on T097)
        - [ ] T002 Add the config (depends on T098)
        - [ ] T003 Add the logger (depends on T099)

        """

    static func write(_ text: String, name: String = "tasks.md", in dir: URL) throws -> URL {
        let file = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test(arguments: [["next"], ["plan"], ["waves"], ["critical-path"], ["why", "T003"], ["assign", "--team", "2"], ["graph", "--format", "dot"]])
    func commandsEndWithOneLineCountingWarnings(command: [String]) throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.write(Self.warned, in: dir)
        let r = try SpecGraphBinary.run(command + [file.path])
        #expect(r.code == 0)
        #expect(!r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(!lines.contains { $0.contains(": warning: ") }, "a warning printed in full: \(r.stderr)")
        #expect(lines.last == "3 warnings; `specgraph check \(file.path)` lists them")
        #expect(lines.count { $0.contains("specgraph check") } == 1)
        // `check` still lists every one.
        let check = try SpecGraphBinary.run(["check", file.path])
        #expect(check.stdout.split(separator: "\n").count { $0.contains("[unknown-reference]") } == 3)
    }

    /// The summary line names the file as a shell reads it back: quoted, with
    /// a quote in the name written `'\''`.
    @Test func theSummaryQuotesAPathForTheShell() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("it's a plan")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = try Self.write(Self.warned, in: folder)
        let r = try SpecGraphBinary.run(["plan", file.path])
        let quoted = "'" + file.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        #expect(r.stderr.hasSuffix("`specgraph check \(quoted)` lists them\n"), "\(r.stderr)")
        #expect(quoted.contains("it'\\''s a plan"))
    }

    @Test func errorsAreStillPrintedInFull() throws {
        let r = try SpecGraphBinary.run(["next", "Examples/broken/tasks.md"])
        #expect(r.code == 1)
        #expect(r.stderr.contains(": error: dependency cycle"))
        #expect(!r.stderr.contains(": warning: "))
        #expect(r.stderr.hasSuffix("lists them\n") || r.stderr.hasSuffix("lists it\n"))
    }

    @Test func aCleanFileSaysNothingOnStderr() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.write("## Phase 1: Setup\n\n- [ ] T001 Create the project\n", in: dir)
        let r = try SpecGraphBinary.run(["next", file.path])
        #expect(r.code == 0)
        #expect(r.stderr.isEmpty)
    }

    @Test(arguments: [("plna", "plan"), ("chek", "check"), ("wy", "why"), ("nxet", "next"), ("grahp", "graph"), ("asign", "assign")])
    func mistypedCommandGetsASuggestion(typed: String, meant: String) throws {
        let r = try SpecGraphBinary.run([typed, "Examples/auth-service/tasks.md"])
        #expect(r.code == 64)
        #expect(r.stderr == "error: unknown command '\(typed)'; did you mean '\(meant)'?\n")
        #expect(r.stdout.isEmpty)
    }

    @Test func farOffWordsAndFilesGetNoSuggestion() throws {
        for args in [["xyzzy"], ["Examples/auth-service/tasks.md"], ["p"]] {
            let r = try SpecGraphBinary.run(args)
            #expect(r.code != 0)
            #expect(!r.stderr.contains("did you mean"), "\(args): \(r.stderr)")
        }
        #expect(try SpecGraphBinary.run(["plan", "Examples/auth-service/tasks.md"]).code == 0)
    }

    @Test func multiFileMarkdownNamesEachFeature() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.write("## Phase 1: Setup\n\n- [ ] T001 Create the auth project\n", name: "specs/001-auth/tasks.md", in: dir)
        _ = try Self.write("## Phase 1: Setup\n\n- [ ] T001 Create the billing project\n", name: "specs/002-billing/tasks.md", in: dir)
        let r = try SpecGraphBinary.run(["next", "--format", "markdown", dir.appendingPathComponent("specs").path])
        #expect(r.code == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let auth = try #require(lines.firstIndex(of: "## 001-auth"))
        let billing = try #require(lines.firstIndex(of: "## 002-billing"))
        #expect(auth < billing)
        let ready = lines.indices.filter { lines[$0] == "### Ready now" }
        #expect(ready.count == 2)
        #expect(ready[0] > auth && ready[0] < billing && ready[1] > billing)
        #expect(lines[ready[0]...].contains { $0.contains("auth project") })
        // One file: no extra heading.
        let one = try SpecGraphBinary.run(["next", "--format", "markdown", dir.appendingPathComponent("specs/001-auth/tasks.md").path])
        #expect(!one.stdout.contains("## 001-auth"))
    }

    @Test func assignCountsStorySwitchesOnlyWithStories() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try Self.write("## Phase 1: Build\n\n- [ ] T001 [P] One\n- [ ] T002 [P] Two\n- [ ] T003 [P] Three\n", in: dir)
        for format in ["text", "markdown"] {
            let r = try SpecGraphBinary.run(["assign", "--team", "2", "--format", format, plain.path])
            #expect(r.code == 0)
            #expect(!r.stdout.contains("story switch"), "\(format): \(r.stdout)")
        }
        let stories = try SpecGraphBinary.run(["assign", "--team", "2", "Examples/auth-service/tasks.md"])
        #expect(stories.stdout.contains("story switch"))
    }

    @Test func whySpeaksInPhasesThroughTheBinary() throws {
        let r = try SpecGraphBinary.run(["why", "T018", "Examples/auth-service/tasks.md"])
        #expect(r.code == 0)
        #expect(!r.stdout.contains("@end"))
        #expect(r.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.contains("Examples/auth-service/tasks.md:") })
    }

    @Test func bigGraphsDefaultToThePhaseView() throws {
        // 213 tasks: over the limit of 150.
        let big = try SpecGraphBinary.run(["graph", "--format", "dot", "Examples/large-platform/tasks.md"])
        #expect(big.code == 0)
        #expect(big.stderr.contains("drawing one box per phase; --view tasks draws every task"))
        let dot = String(decoding: big.stdoutBytes, as: UTF8.self)
        #expect(dot.contains("[id=\"phase-2\", class=\"phase"))
        #expect(!dot.contains("class=\"task"))
        let all = try SpecGraphBinary.run(["graph", "--format", "dot", "--view", "tasks", "Examples/large-platform/tasks.md"])
        #expect(!all.stderr.contains("one box per phase"))
        #expect(String(decoding: all.stdoutBytes, as: UTF8.self).contains("class=\"task"))
        // A small graph is drawn task by task, without the note.
        let small = try SpecGraphBinary.run(["graph", "--format", "dot", "Examples/auth-service/tasks.md"])
        #expect(!small.stderr.contains("one box per phase"))
    }
}
