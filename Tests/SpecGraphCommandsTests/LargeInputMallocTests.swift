import Foundation
@testable import SpecGraphCommands
import Testing

/// The executable starts again with glibc's malloc set up for large inputs
/// (`LargeInputMalloc`): when it does, when it does not, and that the output
/// is the same either way.
@Suite struct LargeInputMallocTests {
    /// Only Linux runs the command again (glibc reads `GLIBC_TUNABLES`).
    static let isLinux: Bool = {
        #if os(Linux)
        true
        #else
        false
        #endif
    }()

    @Test func restartsOnlyForLargeInputsWithoutTunables() {
        let limit = LargeInputMalloc.minimumBytes
        #expect(LargeInputMalloc.shouldRestart(inputBytes: limit, current: nil))
        #expect(LargeInputMalloc.shouldRestart(inputBytes: 100 * limit, current: nil))
        #expect(!LargeInputMalloc.shouldRestart(inputBytes: limit - 1, current: nil))
        #expect(!LargeInputMalloc.shouldRestart(inputBytes: 0, current: nil))
        // Any value the caller gave, even empty, is kept as it is.
        #expect(!LargeInputMalloc.shouldRestart(inputBytes: limit, current: ""))
        #expect(!LargeInputMalloc.shouldRestart(inputBytes: limit, current: LargeInputMalloc.tunables))
        #expect(!LargeInputMalloc.shouldRestart(inputBytes: limit, current: "glibc.malloc.arena_max=1"))
    }

    @Test func mappedPathReadsTheLineHoldingTheAddress() {
        let line = "55d0c0a00000-55d0c0b00000 r-xp 00001000 fd:01 123456                     /opt/my tools/specgraph\n"
        #expect(LargeInputMalloc.mappedPath(line, containing: 0x55d0c0a00000) == "/opt/my tools/specgraph")
        #expect(LargeInputMalloc.mappedPath(line, containing: 0x55d0c0afffff) == "/opt/my tools/specgraph")
        // Outside the range, a mapping of no file, a pseudo-file, a short line.
        #expect(LargeInputMalloc.mappedPath(line, containing: 0x55d0c0b00000) == nil)
        #expect(LargeInputMalloc.mappedPath(line, containing: 0x55d0c09fffff) == nil)
        #expect(LargeInputMalloc.mappedPath("7f0000000000-7f0000001000 rw-p 00000000 00:00 0 \n", containing: 0x7f0000000000) == nil)
        #expect(LargeInputMalloc.mappedPath("7ffd1000-7ffd2000 rw-p 00000000 00:00 0   [stack]\n", containing: 0x7ffd1000) == nil)
        #expect(LargeInputMalloc.mappedPath("garbage", containing: 0) == nil)
    }

    @Test(.enabled(if: isLinux)) func executablePathIsThisProcesssExecutable() throws {
        let path = try #require(LargeInputMalloc.executablePath())
        #expect(path.hasPrefix("/"))
        var mine = stat(), named = stat()
        #expect(stat("/proc/self/exe", &mine) == 0)
        #expect(stat(path, &named) == 0)
        #expect(mine.st_ino == named.st_ino && mine.st_dev == named.st_dev)
    }

    @Test func countsOnlyRegularFiles() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.md"), b = dir.appendingPathComponent("b.md")
        try Data(count: 1000).write(to: a)
        try Data(count: 234).write(to: b)
        #expect(LargeInputMalloc.regularFileBytes([a.path, b.path]) == 1234)
        // A folder, a missing file and standard input count as nothing.
        let missing = dir.appendingPathComponent("missing.md").path
        #expect(LargeInputMalloc.regularFileBytes([a.path, dir.path, missing, "-"]) == 1000)
    }

    /// A spec of a few tasks and `filler` bytes of prose in a code fence.
    static func spec(filler: Int) -> Data {
        var text = "# Tasks\n\n## Phase 1: Setup\n\n- [ ] T001 Create app in src/app.py\n"
        text += "- [ ] T002 [P] Add models in src/models.py\n- [ ] T003 Wire both (depends on T001, T002)\n\n```text\n"
        let line = "filler line of a long appendix that names no task at all\n"
        text += String(repeating: line, count: filler / line.utf8.count + 1)
        text += "```\n"
        return Data(text.utf8)
    }

    static func plan(_ file: URL, environment: [String: String] = [:]) throws -> SpecGraphBinary.Result {
        let process = Process()
        process.executableURL = SpecGraphBinary.url
        process.arguments = ["plan", "--format", "json", "--timings", file.path]
        process.currentDirectoryURL = SpecGraphBinary.packageRoot
        return try SpecGraphBinary.launch(process, environment: environment, removing: ["GLIBC_TUNABLES"])
    }

    static let restartLine = "timing: started again for a large input with GLIBC_TUNABLES=\(LargeInputMalloc.tunables)"

    @Test(.enabled(if: isLinux)) func largeInputStartsAgainWithTheSameOutput() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let large = dir.appendingPathComponent("tasks.md")
        try Self.spec(filler: LargeInputMalloc.minimumBytes).write(to: large)

        let restarted = try Self.plan(large)
        #expect(restarted.code == 0)
        #expect(restarted.stderr.contains(Self.restartLine))
        #expect(restarted.stdout.contains("\"T003\""))

        // A caller's GLIBC_TUNABLES, even empty, turns it off; the plan is the same.
        let kept = try Self.plan(large, environment: ["GLIBC_TUNABLES": ""])
        #expect(kept.code == 0)
        #expect(!kept.stderr.contains("started again"))
        #expect(kept.stdoutBytes == restarted.stdoutBytes)
    }

    @Test func smallInputAndStandardInputDoNotStartAgain() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = dir.appendingPathComponent("tasks.md")
        try Self.spec(filler: LargeInputMalloc.minimumBytes - 4096).write(to: small)
        let result = try Self.plan(small)
        #expect(result.code == 0)
        #expect(!result.stderr.contains("started again"))

        // Standard input is read where it stands: never started again, whatever its size.
        let process = Process()
        process.executableURL = SpecGraphBinary.url
        process.arguments = ["plan", "--format", "json", "--timings", "-"]
        let piped = try SpecGraphBinary.launch(
            process, stdin: Self.spec(filler: LargeInputMalloc.minimumBytes), removing: ["GLIBC_TUNABLES"])
        #expect(piped.code == 0)
        #expect(!piped.stderr.contains("started again"))
        #expect(piped.stdout.contains("\"T003\""))
    }
}
