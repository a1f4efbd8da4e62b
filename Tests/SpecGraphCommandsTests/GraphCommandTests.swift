#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import Testing

/// End-to-end runs of `specgraph graph`, the built binary, as a user would.
@Suite struct GraphCommandTests {
    static let examples = ["auth-service", "broken", "large-platform", "legacy-cli"]

    static let root = SpecGraphBinary.packageRoot

    struct Run {
        var code: Int32
        var stdout: Data
        var stderr: String
    }

    func run(_ args: [String]) throws -> Run {
        let r = try SpecGraphBinary.run(args)
        return Run(code: r.code, stdout: r.stdoutBytes, stderr: r.stderr)
    }

    func temporaryDirectory() throws -> URL { try SpecGraphBinary.temporaryDirectory() }

    /// IDs of the SVG's `<g class="node task …">` elements; nil if not XML.
    func taskIDs(_ data: Data) -> [String]? {
        final class Reader: NSObject, XMLParserDelegate {
            var ids: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "g", (attributes["class"] ?? "").split(separator: " ").contains("task") { ids.append(attributes["id"] ?? "") }
            }
        }
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        return parser.parse() ? reader.ids : nil
    }

    /// Task IDs of an example's checkbox lines: every one, or (`unfinished`)
    /// only those not ticked, which are the ones planned by default.
    func taskCount(_ example: String, unfinished: Bool = false) throws -> Int {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Examples/\(example)/tasks.md"), encoding: .utf8)
        return Set(text.split(separator: "\n").compactMap { line -> Substring? in
            guard line.hasPrefix("- ["), let id = line.split(separator: " ").first(where: { $0.hasPrefix("T") }) else { return nil }
            if unfinished && (line.hasPrefix("- [x]") || line.hasPrefix("- [X]")) { return nil }
            return id
        }).count
    }

    @Test(arguments: examples)
    func svgOfEveryExampleHasOneElementPerTask(example: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("x.svg")
        // `--view tasks`: above 150 tasks the default view draws one box per phase.
        let r = try run(["graph", "--view", "tasks", "Examples/\(example)/tasks.md", "-o", file.path])
        #expect(r.code == (example == "broken" ? 1 : 0), "\(r.stderr)")
        let ids = try #require(taskIDs(try Data(contentsOf: file)), "not well-formed XML")
        // Done tasks are not planned by default, so not drawn; `--all` draws every task.
        #expect(ids.count == (try taskCount(example, unfinished: true)))
        #expect(Set(ids).count == ids.count)
        let all = dir.appendingPathComponent("all.svg")
        #expect(try run(["graph", "--all", "--view", "tasks", "Examples/\(example)/tasks.md", "-o", all.path]).code == (example == "broken" ? 1 : 0))
        let allIDs = try #require(taskIDs(try Data(contentsOf: all)), "not well-formed XML")
        #expect(allIDs.count == (try taskCount(example)))
        #expect(Set(allIDs).count == allIDs.count)
    }

    @Test func dotAndMermaidFilesAreWrittenWithoutGraphviz() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dot = dir.appendingPathComponent("plan.dot"), mmd = dir.appendingPathComponent("plan.mmd")
        #expect(try run(["graph", "Examples/auth-service/tasks.md", "-o", dot.path]).code == 0)
        #expect(try run(["graph", "Examples/auth-service/tasks.md", "-o", mmd.path]).code == 0)
        #expect(try String(contentsOf: dot, encoding: .utf8).hasPrefix("digraph \"specgraph\" {"))
        #expect(try String(contentsOf: mmd, encoding: .utf8).contains("\nflowchart TB\n"))
    }

    @Test func formatPrintsToStdout() throws {
        let mermaid = try run(["graph", "--format", "mermaid", "--rankdir", "LR", "Examples/legacy-cli/tasks.md"])
        #expect(mermaid.code == 0)
        #expect(String(decoding: mermaid.stdout, as: UTF8.self).contains("flowchart LR"))
        let dot = try run(["graph", "--format", "dot", "Examples/legacy-cli/tasks.md"])
        #expect(String(decoding: dot.stdout, as: UTF8.self).contains("\"T003\" [id=\"T003\""))
        let svg = try run(["graph", "--format", "svg", "Examples/legacy-cli/tasks.md"])
        #expect(taskIDs(svg.stdout)?.count == 22)  // 24 tasks, T001 and T002 done
        let everything = try run(["graph", "--all", "--format", "svg", "Examples/legacy-cli/tasks.md"])
        #expect(taskIDs(everything.stdout)?.count == 24)
    }

    @Test func phaseViewHasOneNodePerPhase() throws {
        let r = try run(["graph", "--format", "svg", "--view", "phases", "Examples/auth-service/tasks.md"])
        #expect(r.code == 0)
        let text = String(decoding: r.stdout, as: UTF8.self)
        #expect(text.components(separatedBy: "class=\"node phase").count - 1 == 6)
    }

    @Test func focusDrawsTheNeighbourhood() throws {
        let r = try run(["graph", "--format", "svg", "--focus", "T015", "--depth", "1", "Examples/auth-service/tasks.md"])
        #expect(r.code == 0)
        let ids = try #require(taskIDs(r.stdout))
        #expect(ids.contains("T015") && ids.contains("T016") && !ids.contains("T001"))
        let missing = try run(["graph", "--format", "dot", "--focus", "T999", "Examples/auth-service/tasks.md"])
        #expect(missing.code == 2)
        #expect(missing.stderr.contains("no task T999"))
    }

    @Test func layeredLayoutDrawsEveryTask() throws {
        let r = try run(["graph", "--format", "svg", "--layout", "layered", "--view", "tasks", "Examples/large-platform/tasks.md"])
        #expect(r.code == 0)
        #expect(taskIDs(r.stdout)?.count == 204)  // 212 tasks, 8 done
        let all = try run(["graph", "--all", "--format", "svg", "--layout", "layered", "--view", "tasks", "Examples/large-platform/tasks.md"])
        #expect(taskIDs(all.stdout)?.count == 212)
    }

    @Test func badExtensionIsAUsageError() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plan.jpg")
        let r = try run(["graph", "Examples/auth-service/tasks.md", "-o", file.path])
        #expect(r.code >= 2)
        #expect(r.stderr.contains("Cannot tell the format"))
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(try run(["graph", "Examples/auth-service/tasks.md"]).code >= 2)
        let clash = try run(["graph", "--format", "dot", "Examples/auth-service/tasks.md", "-o", dir.appendingPathComponent("plan.svg").path])
        #expect(clash.code == 64)
        #expect(clash.stderr.contains("names a .svg file but --format asks for dot"))
    }

    @Test func unwritableOutputLeavesNoFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("missing/plan.svg")
        let r = try run(["graph", "Examples/auth-service/tasks.md", "-o", file.path])
        #expect(r.code == 2)
        #expect(r.stderr.contains("cannot write"))
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func anOutputPathThatIsADirectorySaysSo() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("plan.svg")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let r = try run(["graph", "Examples/auth-service/tasks.md", "-o", target.path])
        #expect(r.code == 2)
        #expect(r.stderr.contains("plan.svg: error: is a directory"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["plan.svg"])
    }

    /// A `[P]` group reads left to right in document order under both layouts.
    @Test(arguments: ["dot", "layered"])
    func parallelGroupsKeepDocumentOrder(layout: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("tasks.md")
        var text = "## Phase 1: Setup\n\n- [ ] T001 Create the project\n\n## Phase 2: Models\n\n"
        for i in 2...9 { text += "- [ ] T00\(i) [P] Create model \(i) in src/m\(i).py\n" }
        try text.write(to: spec, atomically: true, encoding: .utf8)
        let r = try run(["graph", "--format", "svg", "--layout", layout, spec.path])
        #expect(r.code == 0)
        let doc = try XMLDocument(data: r.stdout, options: [])
        var x: [String: Double] = [:]
        for case let g as XMLElement in try doc.nodes(forXPath: "//*[local-name()='g'][contains(concat(' ', @class, ' '), ' task ')]") {
            let id = g.attributes?.first { $0.name == "id" }?.stringValue ?? ""
            if let t = try g.nodes(forXPath: ".//*[local-name()='text']").first as? XMLElement,
                let v = t.attributes?.first(where: { $0.name == "x" })?.stringValue.flatMap(Double.init)
            {
                x[id] = v
            }
        }
        let xs = try (2...9).map { try #require(x["T00\($0)"]) }
        #expect(xs == xs.sorted() && Set(xs).count == xs.count, "\(xs)")
    }

    /// Big pictures say how they were made, and Mermaid that GitHub would refuse says so.
    @Test func bigPicturesExplainThemselves() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("tasks.md")
        #expect(try run(["generate", "--tasks", "2000", "--seed", "3", "-o", spec.path]).code == 0)
        let phases = try run(["graph", "--format", "mermaid", spec.path])
        #expect(phases.code == 0)
        #expect(phases.stderr.contains("drawing one box per phase; --view tasks draws every task"))
        let mermaid = try run(["graph", "--format", "mermaid", "--view", "tasks", spec.path])
        #expect(mermaid.code == 0)
        #expect(mermaid.stderr.contains("more than Mermaid draws by default"))
        let svg = try run(["graph", "--view", "tasks", spec.path, "-o", dir.appendingPathComponent("x.svg").path])
        #expect(svg.code == 0)
        #expect(svg.stderr.contains("laid out in layers by wave"))
        let small = try run(["graph", "--format", "mermaid", "Examples/auth-service/tasks.md"])
        #expect(!small.stderr.contains("Mermaid"))
    }

    @Test func oneInputAtATime() throws {
        let r = try run(["graph", "--format", "dot", "Examples/auth-service/tasks.md", "Examples/legacy-cli/tasks.md"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("one tasks.md at a time"))
    }
}
