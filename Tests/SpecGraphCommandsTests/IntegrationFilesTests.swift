import Foundation
import Testing

/// The YAML subset the integration files use, read line by line: `key: value`,
/// nested mappings by indentation, `- ` list items (numbered in paths:
/// `provides.commands[1].file`), `|` block scalars (skipped), `#` comments.
struct YAMLLines {
    private(set) var entries: [(path: String, value: String)] = []

    init(_ text: String) {
        var stack: [(indent: Int, key: String)] = []
        var items: [String: Int] = [:]
        var blockIndent: Int?
        func path(_ key: String) -> String { (stack.map(\.key) + (key.isEmpty ? [] : [key])).joined(separator: ".").replacing(".[", with: "[") }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let content = raw.trimmingCharacters(in: .whitespaces)
            var indent = raw.prefix { $0 == " " }.count
            if let block = blockIndent {
                if content.isEmpty || indent > block { continue }
                blockIndent = nil
            }
            if content.isEmpty || content.hasPrefix("#") { continue }
            var rest = Substring(content)
            if rest.hasPrefix("- ") {
                while let last = stack.last, last.indent >= indent { stack.removeLast() }
                let list = path("")
                let index = items[list, default: 0]
                items[list] = index + 1
                stack.append((indent, "[\(index)]"))
                rest = rest.dropFirst(2)
                indent += 2
            }
            while let last = stack.last, last.indent >= indent { stack.removeLast() }
            guard let colon = rest.range(of: ": ") ?? (rest.hasSuffix(":") ? rest.index(before: rest.endIndex)..<rest.endIndex : nil),
                !rest.hasPrefix("\""), !rest.hasPrefix("'")
            else {
                entries.append((path(""), Self.unquote(rest)))  // a scalar list item
                continue
            }
            let key = String(rest[..<colon.lowerBound])
            let value = Self.unquote(rest[colon.upperBound...])
            if value == "|" || value == ">" {
                blockIndent = indent
                entries.append((path(key), value))
            } else if rest[colon.upperBound...].allSatisfy(\.isWhitespace) {
                stack.append((indent, key))
            } else {
                entries.append((path(key), value))
            }
        }
    }

    static func unquote(_ s: Substring) -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        if t.count >= 2, let f = t.first, f == "\"" || f == "'", t.last == f { return String(t.dropFirst().dropLast()) }
        return t
    }

    func value(_ path: String) -> String? { entries.first { $0.path == path }?.value }

    /// Values of every entry whose path matches `prefix[n].suffix` for some n.
    func values(list prefix: String, _ suffix: String) -> [String] {
        entries.filter { $0.path.hasPrefix(prefix + "[") && $0.path.hasSuffix("]." + suffix) }.map(\.value)
    }
}

@Suite struct IntegrationFilesTests {
    static let root = SpecGraphBinary.packageRoot.appendingPathComponent("integrations")

    func read(_ path: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theYAMLReaderReadsNestingListsAndBlocks() {
        let yaml = YAMLLines("""
            a:
              b: "x: y"
              list:
                - name: one
                  file: f1
                - name: two
            run: |
              not: a key
            tags:
              - "t"
            """)
        #expect(yaml.value("a.b") == "x: y")
        #expect(yaml.values(list: "a.list", "name") == ["one", "two"])
        #expect(yaml.value("a.list[0].file") == "f1")
        #expect(yaml.value("not") == nil && yaml.value("run.not") == nil)
        #expect(yaml.value("tags[0]") == "t")
        #expect(YAMLLines("k: \"\"").value("k") == "")
    }

    @Test func specKitExtensionHasTheManifestSpecKitReads() throws {
        let yaml = YAMLLines(try read("spec-kit/extension.yml"))
        #expect(yaml.value("schema_version") == "1.0")
        for key in ["id", "name", "version", "description", "author", "repository", "license"] {
            #expect(!(yaml.value("extension.\(key)") ?? "").isEmpty, "extension.\(key)")
        }
        #expect(yaml.value("extension.id") == "specgraph")
        #expect(yaml.value("extension.version")?.split(separator: ".").count == 3)
        #expect(yaml.value("requires.speckit_version") != nil)
        let names = yaml.values(list: "provides.commands", "name")
        #expect(Set(names) == [
            "speckit.specgraph.check", "speckit.specgraph.plan", "speckit.specgraph.report", "speckit.specgraph.batches",
        ])
        for name in names {
            #expect(name.wholeMatch(of: /speckit\.specgraph\.[a-z0-9-]+/) != nil, "\(name)")
        }
        let files = yaml.values(list: "provides.commands", "file")
        let descriptions = yaml.values(list: "provides.commands", "description")
        #expect(files.count == names.count && descriptions.count == names.count)
        for file in files {
            let text = try read("spec-kit/\(file)")
            #expect(text.hasPrefix("---\ndescription: "), "\(file) starts with front matter")
            #expect(text.contains("$ARGUMENTS"), "\(file) reads the user input")
        }
        let hook = try #require(yaml.value("hooks.after_tasks.command"))
        #expect(names.contains(hook))
        #expect(yaml.value("hooks.after_tasks.optional") == "true")
    }

    @Test func batchesCommandDispatchesOneSubAgentPerTaskAndVerifiesCheckpoints() throws {
        let text = try read("spec-kit/commands/batches.md")
        #expect(text.contains("specgraph batches --agents N --format markdown"))
        #expect(text.contains("one sub-agent per task of the batch"))
        #expect(text.contains("checkpoints"))
        #expect(text.contains("specgraph next --agents N --running"))
        #expect(try read("spec-kit/commands/check.md").contains("specgraph check"))
        #expect(try read("spec-kit/commands/plan.md").contains("specgraph plan"))
        #expect(try read("spec-kit/commands/report.md").contains("specgraph report"))
    }

    @Test func githubActionIsACompositeActionThatBuildsAndChecks() throws {
        let text = try read("github-action/action.yml")
        let yaml = YAMLLines(text)
        #expect(!(yaml.value("name") ?? "").isEmpty)
        #expect(!(yaml.value("description") ?? "").isEmpty)
        #expect(yaml.value("runs.using") == "composite")
        for input in ["paths", "base-ref", "strict", "build"] {
            #expect(yaml.value("inputs.\(input).description") != nil, "inputs.\(input)")
            #expect(yaml.value("inputs.\(input).default") != nil, "inputs.\(input).default")
        }
        // Every step that runs a script says which shell (composite actions require it).
        var step = 0
        var ids: Set<String> = []
        while yaml.value("runs.steps[\(step)].name") != nil {
            if yaml.value("runs.steps[\(step)].run") != nil {
                #expect(yaml.value("runs.steps[\(step)].shell") == "bash", "step \(step)")
            }
            if let id = yaml.value("runs.steps[\(step)].id") { ids.insert(id) }
            step += 1
        }
        #expect(step >= 4)
        // Every step output used is made by a step of this action.
        for match in text.matches(of: /steps\.([a-z-]+)\.outputs/) {
            #expect(ids.contains(String(match.1)), "steps.\(match.1)")
        }
        #expect(text.contains("command -v specgraph"))
        #expect(text.contains("apt-get install -y -q libgraphviz-dev"))
        #expect(text.contains("swift build -c release"))
        #expect(text.contains("specgraph check --format github --strict"))
        #expect(text.contains("tasks.md"))
    }
}
