import Testing

@testable import SpecKitTasks

/// The parser interns paths with hashes made in the text jobs
/// (`ChunkOutput.pathHashes`); its file tables must be exactly the ones plain
/// interning of every task's files makes (`SpecDocument.internFiles`).
@Suite struct FileTableTests {
    /// Many tasks (past the size the tables are built on another thread from),
    /// with paths with and without digits, repeated and distinct, directories,
    /// the same path twice in one task, and paths on wrapped body lines.
    static func document(tasks: Int) -> [UInt8] {
        var text = "# Tasks: file tables\n\n## Phase 1: Setup\n\n"
        for n in 0..<tasks {
            let id = String(format: "T%06d", n + 1)
            switch n % 6 {
            case 0: text += "- [ ] \(id) Create model in src/models/m\(n % 300).py and README.md\n"
            case 1: text += "- [ ] \(id) [P] Fill `docs/guide.md` and out/f\(n).txt\n"
            case 2: text += "- [ ] \(id) Lay out `src/lib\(n % 50)/` then `src/lib\(n % 50)/` again with config/lint.toml\n"
            case 3: text += "- [ ] \(id) Wire the route\n  continues in src/api/r\(n % 700).ts and src/models/m\(n % 300).py\n"
            case 4: text += "- [ ] \(id) Touch deploy/\(n).yml, deploy/\(n % 9).yml and scripts/build.sh\n"
            default: text += "- [ ] \(id) Review the plan\n"
            }
        }
        return Array(text.utf8)
    }

    static func expectPlainTables(_ bytes: [UInt8], pipelined: Bool) {
        let parsed = SpecParser.parse(bytes, path: "files.md", pipelined: pipelined)
        var plain = parsed
        plain.internFiles()
        #expect(parsed.filePaths.count > 1000)
        #expect(parsed.filePaths == plain.filePaths)
        #expect(parsed.isDirectory == plain.isDirectory)
        #expect(parsed.taskFileOffsets == plain.taskFileOffsets)
        #expect(parsed.taskFileIDs == plain.taskFileIDs)
        #expect(parsed.filePaths.contains("src/lib8/"))
        #expect(parsed.filePaths.contains("README.md"))
    }

    @Test func manyTasksTablesMatchPlainInterning() {
        let bytes = Self.document(tasks: 24000)
        Self.expectPlainTables(bytes, pipelined: true)
        Self.expectPlainTables(bytes, pipelined: false)
    }

    @Test func fewTasksTablesMatchPlainInterning() {
        let bytes = Self.document(tasks: 1800)
        Self.expectPlainTables(bytes, pipelined: false)
    }

    /// A task naming one path twice lists it once; files keep document order.
    @Test func aPathTwiceInATaskIsOneFile() {
        let document = SpecParser.parse(Self.document(tasks: 6), path: "files.md")
        #expect(document.tasks[2].files == ["src/lib2/", "config/lint.toml"])
        #expect(document.tasks[3].files == ["src/api/r3.ts", "src/models/m3.py"])
    }

    /// Interning with a given hash numbers keys exactly as hashing inside does.
    @Test func internWithGivenHashMatchesPlainIntern() {
        var keys: [String] = []
        for i in 0..<5000 { keys.append("src/models/m\(i % 1300).py") }
        for i in 0..<300 { keys.append(["README.md", "docs/", "a", "", "x/y/z.md"][i % 5]) }
        for i in 0..<2000 { keys.append("out/f\(i).txt") }
        var plain = ByteInterner(expectedCount: 4)
        var given = ByteInterner(expectedCount: 4)
        for key in keys {
            var s = key
            let expected = plain.intern(key)
            let got = s.withUTF8 { given.intern($0, 0, $0.count, hash: ByteInterner.hash($0, 0, $0.count)) }
            #expect(got == expected)
        }
        #expect(given.count == plain.count)
    }
}
