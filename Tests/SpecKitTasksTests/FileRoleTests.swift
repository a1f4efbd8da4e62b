import Testing

@testable import SpecKitTasks

/// File roles (docs/grammar.md, "Files"): written files and cited ones.
@Suite("File roles")
struct FileRoleTests {
    @Test(
        "a reference word before a path makes it read",
        arguments: [
            "from", "per", "see", "using", "according to", "based on", "following", "as in", "against", "matching",
            "conforme", "segundo", "según", "gemäß",
        ])
    func referenceWords(word: String) {
        let task = parse("- [ ] T001 Build src/app/main.py \(word) docs/design/notes.txt\n").tasks.first
        #expect(task?.files == ["src/app/main.py"])
        #expect(task?.reads == ["docs/design/notes.txt"])
    }

    @Test(
        "a writing verb aims at the first path after it, a list there and where it goes; a design document further on is read",
        arguments: [
            ("Create the Order model in src/order.py with the fields of data-model.md", ["src/order.py"], ["data-model.md"]),
            ("Write the e2e test in tests/e2e.spec.ts that walks through quickstart.md", ["tests/e2e.spec.ts"], ["quickstart.md"]),
            ("Update spec.md and plan.md", ["spec.md", "plan.md"], []),
            ("Refresh `README.md`, then note it in `research.md`", ["README.md"], ["research.md"]),
            ("Add README.md and update quickstart.md", ["README.md", "quickstart.md"], []),
            ("Add probes in src/probe.ts and document them in quickstart.md", ["src/probe.ts", "quickstart.md"], []),
            ("Update quickstart.md in specs/001-x/quickstart.md", ["specs/001-x/quickstart.md"], []),
            ("Define Document schemas in src/contracts/schemas/doc.py", [], ["src/contracts/schemas/doc.py"]),
            ("Update src/cli.py help text and the quickstart.md", ["src/cli.py", "quickstart.md"], []),
            ("Add src/x.py; update quickstart.md", ["src/x.py", "quickstart.md"], []),
            ("Crear entidades en `backend/src/U/`, con los campos de `data-model.md`", ["backend/src/U/"], ["data-model.md"]),
        ] as [(String, [String], [String])])
    func writingVerbAim(text: String, files: [String], reads: [String]) {
        let task = parse("- [ ] T001 \(text)\n").tasks.first
        #expect(task.map { Array($0.files) } == files)
        #expect(task?.reads == reads)
    }

    @Test("CJK reference words", arguments: ["对应", "對應", "参照", "参考", "根据", "依据"])
    func cjkReferenceWords(word: String) {
        let task = parse("- [ ] T001 实现 src/a.py，\(word) docs/b.txt\n").tasks.first
        #expect(task?.files == ["src/a.py"])
        #expect(task?.reads == ["docs/b.txt"])
    }

    /// Japanese puts the cited document before the word: `docs/b.txt に従って`.
    @Test("Japanese reference words cite what stands before them", arguments: ["に準拠", "に従", "に基づ"])
    func japaneseReferenceWords(word: String) {
        let task = parse("- [ ] T001 docs/b.txt \(word)して src/a.py を実装\n").tasks.first
        #expect(task?.files == ["src/a.py"])
        #expect(task?.reads == ["docs/b.txt"])
    }

    @Test(
        "design documents are read unless the task starts with a writing verb aimed at them",
        arguments: [
            ("Implement src/a.py as described in plan.md", ["src/a.py"], ["plan.md"]),
            ("Implement src/a.py; check spec.md and research.md", ["src/a.py"], ["spec.md", "research.md"]),
            ("Review contracts/api.yaml and checklists/ux.md", [], ["contracts/api.yaml", "checklists/ux.md"]),
            ("Update quickstart.md", ["quickstart.md"], []),
            ("Write contracts/api.md", ["contracts/api.md"], []),
            ("Create data-model.md from research.md", ["data-model.md"], ["research.md"]),
            ("更新 quickstart.md", ["quickstart.md"], []),
            ("Run the steps of specs/001/quickstart.md", [], ["specs/001/quickstart.md"]),
            ("Validate tasks.md and constitution.md", [], ["tasks.md", "constitution.md"]),
        ])
    func designDocuments(text: String, written: [String], read: [String]) {
        let task = parse("- [ ] T001 \(text)\n").tasks.first
        #expect(task?.files == FileList(written))
        #expect(task?.reads == read)
    }

    @Test(
        "a citation lasts to the end of its clause",
        arguments: [
            ("Add tests using fixtures/a.json, fixtures/b.json, then update src/c.py", ["src/c.py"], ["fixtures/a.json", "fixtures/b.json"]),
            ("Copy data from old/a.csv to new/b.csv", ["new/b.csv"], ["old/a.csv"]),
            ("Create src/a.py (see docs/a.txt) and src/b.py", ["src/a.py", "src/b.py"], ["docs/a.txt"]),
            ("Port src/x.ts per docs/x.txt. Then edit src/y.ts", ["src/x.ts", "src/y.ts"], ["docs/x.txt"]),
            // A place word after the citation names the task's own target.
            ("Implement the ledger per data-model.md in src/ledger/book.go", ["src/ledger/book.go"], ["data-model.md"]),
            ("Scaffold the service per plan at `svc/api/`", ["svc/api/"], []),
            ("Write the client following contracts/orders.yaml into web/src/orders.ts", ["web/src/orders.ts"], ["contracts/orders.yaml"]),
            ("Check the parser against fixtures/in.txt", [], ["fixtures/in.txt"]),
        ])
    func clauses(text: String, written: [String], read: [String]) {
        let task = parse("- [ ] T001 \(text)\n").tasks.first
        #expect(task?.files == FileList(written))
        #expect(task?.reads == read)
    }

    @Test("the body's lines start clauses of their own")
    func bodyLines() {
        let doc = parse("- [ ] T001 Add the endpoint\n  - Update contracts/api.yaml\n  - following src/old/handler.ts\n  - in src/new/handler.ts\n")
        let task = doc.tasks.first
        #expect(task?.files == ["contracts/api.yaml", "src/new/handler.ts"])
        #expect(task?.reads == ["src/old/handler.ts"])
    }

    @Test("only written files enter the document's file tables")
    func fileTables() {
        let doc = parse("- [ ] T001 Create src/a.py per spec.md\n- [ ] T002 Create src/b.py per spec.md\n")
        #expect(doc.filePaths == ["src/a.py", "src/b.py"])
        #expect(doc.fileIDs(ofTask: 0) == [0])
        #expect(doc.fileIDs(ofTask: 1) == [1])
        #expect(doc.tasks.map(\.reads) == [["spec.md"], ["spec.md"]])
    }

    @Test(
        "tokens that are not files",
        arguments: [
            "call `TaskManager.moveTask` now", "wrap it in React.memo", "use Effect.gen here", "log with console.log",
            "pin `devcontainers/action@v1`", "pull `ghcr.io/org/image:preview`", "send `application/json`",
            "accept application/vnd.api+json", "serve `text/html`", "see https://example.com/guide.md",
            "glob `src/**/*.ts`", "template `src/[id]/page.tsx`", "the login/logout flow", "run on Node.js",
            "use Vue.js and Socket.io", "port to ASP.NET", "call localhost:3000",
        ])
    func notFiles(text: String) {
        let task = parse("- [ ] T001 Do \(text)\n").tasks.first
        #expect(task?.files == [])
        #expect(task?.reads == [])
    }

    @Test(
        "files that look like those tokens",
        arguments: [
            ("edit UserService.cs", "UserService.cs"), ("edit README.md", "README.md"), ("add image/logo.png", "image/logo.png"),
            ("add `src/@types/env.d.ts`", "src/@types/env.d.ts"), ("edit jest.config.js", "jest.config.js"),
            ("edit schema.prisma", "schema.prisma"),
        ])
    func files(text: String, path: String) {
        #expect(parse("- [ ] T001 \(text)\n").tasks.first?.files == [path])
    }
}
