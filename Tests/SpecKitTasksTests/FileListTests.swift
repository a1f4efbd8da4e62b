import SpecKitTasks
import Testing

/// `FileList` stands for the `[String]` of the same paths: these compare it with
/// that array on every operation callers use, across its three shapes (none,
/// one path held inline, an array of two or more).
@Suite("FileList")
struct FileListTests {
    static let shapes: [[String]] = [
        [], ["src/a.py"], ["src/a.py", "docs/"], ["x", "y", "z", "x"], ["", "ünïcode/路径.md"],
    ]

    @Test("reads as the array it stands for", arguments: shapes)
    func readsAsArray(paths: [String]) {
        let list = FileList(paths)
        #expect(list.count == paths.count)
        #expect(list.isEmpty == paths.isEmpty)
        #expect(Array(list) == paths)
        #expect(list.indices == paths.indices)
        for i in paths.indices { #expect(list[i] == paths[i]) }
        #expect(list.first == paths.first)
        #expect(list.last == paths.last)
        #expect(list.joined(separator: ", ") == paths.joined(separator: ", "))
        #expect(Set(list) == Set(paths))
        #expect(list.contains("src/a.py") == paths.contains("src/a.py"))
        #expect(list.first(where: { $0.hasSuffix("/") }) == paths.first(where: { $0.hasSuffix("/") }))
        #expect(list.map(\.count) == paths.map(\.count))
        #expect(list.reversed() == paths.reversed())
        #expect(list.description == paths.description)
        let inPlace = list.withContiguousStorageIfAvailable { Array($0) }
        #expect(inPlace == paths)
        var stored = list
        let throughPointer = withUnsafePointer(to: &stored) { p in FileList.withUnsafeBufferPointer(at: p) { Array($0) } }
        #expect(throughPointer == paths)
        let unsafe = withUnsafePointer(to: &stored) { p in Array(FileList.unsafeBuffer(at: p)) }
        #expect(unsafe == paths)
    }

    @Test("equality and hash agree with the array's", arguments: shapes, shapes)
    func equalityAndHash(a: [String], b: [String]) {
        let x = FileList(a)
        let y = FileList(b)
        #expect((x == y) == (a == b))
        #expect(x.hashValue == a.hashValue)
        if x == y { #expect(x.hashValue == y.hashValue) }
        // Built by appending, one path at a time: the same value.
        var appended = FileList()
        for path in a { appended.append(path) }
        #expect(appended == x)
        #expect(appended.hashValue == x.hashValue)
    }

    @Test("array literals: empty, one, many")
    func literals() {
        let none: FileList = []
        let one: FileList = ["README.md"]
        let many: FileList = ["a.swift", "b.swift"]
        #expect(none.isEmpty && none.count == 0)
        #expect(Array(none) == [])
        #expect(one.count == 1 && one[0] == "README.md")
        #expect(many.count == 2 && many[1] == "b.swift")
        #expect(one == FileList(path: "README.md"))
        #expect(one != many && none != one)
        #expect([one, many] == [["README.md"], ["a.swift", "b.swift"]])
    }

    @Test("append crosses from none to one to two and on")
    func appendCrossesShapes() {
        var list = FileList()
        list.append("a.py")
        #expect(Array(list) == ["a.py"])
        list.append("b.py")
        #expect(Array(list) == ["a.py", "b.py"])
        #expect(list.count == 2)
        list.append("a.py")  // duplicates kept, as in the array
        #expect(Array(list) == ["a.py", "b.py", "a.py"])
        list.append("c.py")
        list.append("d/")
        #expect(Array(list) == ["a.py", "b.py", "a.py", "c.py", "d/"])
        var fromEmpty = FileList()
        #expect(fromEmpty.isEmpty)
        fromEmpty.append("only.md")
        #expect(fromEmpty == ["only.md"])
    }

    @Test("a copy is a value: changing one leaves the other", arguments: shapes)
    func valueSemantics(paths: [String]) {
        let original = FileList(paths)
        var copy = original
        copy.append("added.txt")
        #expect(Array(original) == paths)
        #expect(Array(copy) == paths + ["added.txt"])
        var second = copy
        second.append("more.txt")
        #expect(Array(copy) == paths + ["added.txt"])
        #expect(Array(second) == paths + ["added.txt", "more.txt"])
    }

    @Test("the list takes at most two words more than the array reference it replaced")
    func layout() {
        // The inline path's two words and an array reference (nil for one path).
        #expect(MemoryLayout<FileList>.size <= MemoryLayout<[String]>.size + 16)
        #expect(MemoryLayout<FileList>.alignment == MemoryLayout<String>.alignment)
    }

    @Test("a task's files: parsed, merged from a second definition, and set by hand")
    func taskFiles() {
        let doc = parse(
            """
            - [ ] T001 Create src/a.py
            - [ ] T002 Create src/b.py and src/c.py
            - [ ] T003 Review the plan
            """)
        #expect(doc.tasks.map(\.files) == [["src/a.py"], ["src/b.py", "src/c.py"], []])
        // A second definition of T002 adds its file to the first's (one path becomes two).
        let merged = parse(
            """
            ## Summary
            - **T002**: Seed db/seed.sql

            ## Phase 1
            ### T002: Seed the database

            Also writes db/extra.sql.
            """)
        #expect(merged.tasks.map(\.files) == [["db/seed.sql", "db/extra.sql"]])
        var task = SpecTask(id: "T9", location: SourceLocation(line: 1, column: 1), files: ["one.txt"])
        #expect(task.files == ["one.txt"])
        task.files.append("two.txt")
        #expect(task.files == ["one.txt", "two.txt"])
        let paths = ["x.md"]
        #expect(SpecTask(id: "T9", location: SourceLocation(line: 1, column: 1), files: paths).files == FileList(paths))
    }
}
