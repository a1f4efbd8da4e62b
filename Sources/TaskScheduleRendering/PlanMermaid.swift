/// Writes a ``Diagram`` as a Mermaid `flowchart`, for a fenced `mermaid` code
/// block in GitHub Markdown.
///
/// Node IDs are made from the node index (`t12` for a task, `m40` for a
/// milestone, `c41` for a checkpoint, `g3` for a group), because task IDs
/// such as `T-HF02` or `T231.1` are not valid Mermaid IDs; the task ID is in
/// the label. Phases are `subgraph p3["Phase 3: …"]`.
///
/// ## Escaping
/// Every label and title is written in double quotes through
/// ``ByteWriter/writeMermaidText(_:)``: `"`, `<`, `>`, `&`, `#` and the backtick
/// become Mermaid entity codes (`#quot;`, `#lt;`, `#gt;`, `#amp;`, `#35;`,
/// `#96;`), and so does `%` (`#37;`: Mermaid reads `%%{init: …}%%` as a
/// directive anywhere in the text); control characters and newlines become spaces. So no text can
/// close a label, open an HTML tag, or start a Markdown string. Comments
/// (`%%`) hold text made one line.
public enum PlanMermaid {
    /// The Mermaid text of a diagram.
    ///
    /// Deterministic: the same diagram gives the same bytes.
    ///
    /// - Complexity: O(N + E + total text length).
    public static func render(_ diagram: Diagram, into w: inout ByteWriter) {
        if let caption = diagram.caption {
            // Front matter must come first; a YAML string in double quotes
            // holding Mermaid-escaped text cannot be closed early.
            w.write("---\ntitle: \"" as StaticString)
            w.writeMermaidText(caption)
            w.write("\"\n---\n" as StaticString)
        }
        w.write("%% specgraph: " as StaticString)
        w.writeMermaidText(diagram.title)
        w.write("\n" as StaticString)
        for note in diagram.notes {
            w.write("%% note: " as StaticString)
            w.writeMermaidText(note)
            w.write("\n" as StaticString)
        }
        w.write("flowchart " as StaticString)
        w.write(diagram.direction.rawValue)
        w.write("\n" as StaticString)

        let (members, loose) = diagram.nodesByCluster()
        for (c, cluster) in diagram.clusters.enumerated() where !members[c].isEmpty {
            w.write("  subgraph " as StaticString)
            w.write(safeID(cluster.id, prefix: "p"))
            w.write("[\"" as StaticString)
            w.writeMermaidText(cluster.label)
            w.write("\"]\n" as StaticString)
            for i in members[c] { writeNode(diagram, i, indent: "    ", into: &w) }
            w.write("  end\n" as StaticString)
        }
        for i in loose { writeNode(diagram, i, indent: "  ", into: &w) }

        var criticalLinks: [Int] = []
        var cycleLinks: [Int] = []
        for (k, edge) in diagram.edges.enumerated() {
            w.write("  " as StaticString)
            writeID(diagram, edge.from, into: &w)
            // Barriers dotted, written dependencies solid, as in the DOT drawing.
            let dotted = !edge.isCritical && edge.kinds.allSatisfy { $0 == "phase" || $0 == "checkpoint" }
            w.write(edge.isCritical ? " ==>" as StaticString : dotted ? " -.->" as StaticString : " -->" as StaticString)
            if !edge.label.isEmpty {
                w.write("|\"" as StaticString)
                w.writeMermaidText(edge.label)
                w.write("\"|" as StaticString)
            }
            w.write(" " as StaticString)
            writeID(diagram, edge.to, into: &w)
            w.write("\n" as StaticString)
            if edge.isCritical { criticalLinks.append(k) }
            if edge.isCycle { cycleLinks.append(k) }
        }

        w.write("  classDef task fill:#ffffff,stroke:#5b6770,color:#1b1f23\n" as StaticString)
        w.write("  classDef group fill:#f5f7fa,stroke:#5b6770,color:#1b1f23\n" as StaticString)
        w.write("  classDef parallel fill:#e8f1fb\n" as StaticString)
        w.write("  classDef inprogress fill:#fff4cc\n" as StaticString)
        w.write("  classDef done fill:#ececec,stroke:#b8b8b8,color:#8c8c8c\n" as StaticString)
        w.write("  classDef skipped fill:#f5f5f5,stroke:#b8b8b8,color:#a0a0a0,stroke-dasharray:4 3\n" as StaticString)
        w.write("  classDef milestone fill:#c3ccd5,stroke:#8a949c\n" as StaticString)
        w.write("  classDef checkpoint fill:#f2c14e,stroke:#b58a1b\n" as StaticString)
        w.write("  classDef critical stroke:#d62728,stroke-width:2px\n" as StaticString)
        w.write("  classDef focus stroke-width:4px\n" as StaticString)
        // One `class` line per class, listing its nodes in order.
        let order = ["task", "group", "parallel", "inprogress", "done", "skipped", "milestone", "checkpoint", "critical", "focus"]
        for name in order {
            var first = true
            for (i, node) in diagram.nodes.enumerated() where mermaidClasses(node).contains(name) {
                w.write(first ? "  class " as StaticString : "," as StaticString)
                writeID(diagram, i, into: &w)
                first = false
            }
            if !first {
                w.write(" " as StaticString)
                w.write(name)
                w.write("\n" as StaticString)
            }
        }
        writeLinkStyle(criticalLinks, "stroke:#d62728,stroke-width:3px", into: &w)
        writeLinkStyle(cycleLinks, "stroke:#d62728,stroke-width:2px,stroke-dasharray:5 4", into: &w)
    }

    /// The Mermaid text as a `String`.
    public static func render(_ diagram: Diagram) -> String {
        var w = ByteWriter()
        render(diagram, into: &w)
        return String(w)
    }

    /// The Mermaid ID of node `i`.
    public static func nodeID(_ diagram: Diagram, _ i: Int) -> String {
        switch diagram.nodes[i].kind {
        case .task: return "t\(i)"
        case .milestone: return "m\(i)"
        case .checkpoint: return "c\(i)"
        case .group: return "g\(i)"
        }
    }

    private static func writeID(_ diagram: Diagram, _ i: Int, into w: inout ByteWriter) {
        w.write(nodeID(diagram, i))
    }

    /// Letters and digits only, starting with a letter.
    static func safeID(_ id: String, prefix: String) -> String {
        let kept = String(id.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        return kept.first.map { $0.isLetter } == true ? kept : prefix + kept
    }

    private static func mermaidClasses(_ node: Diagram.Node) -> [String] {
        node.classes.map { $0 == "in-progress" ? "inprogress" : $0 }
    }

    private static func writeNode(_ diagram: Diagram, _ i: Int, indent: StaticString, into w: inout ByteWriter) {
        let node = diagram.nodes[i]
        w.write(indent)
        writeID(diagram, i, into: &w)
        switch node.kind {
        case .milestone, .checkpoint:
            w.write("{\" \"}" as StaticString)
        case .task, .group:
            w.write("[\"" as StaticString)
            for (k, line) in node.label.enumerated() {
                if k > 0 { w.write("<br/>" as StaticString) }
                w.writeMermaidText(line)
            }
            w.write("\"]" as StaticString)
        }
        w.write("\n" as StaticString)
    }

    private static func writeLinkStyle(_ links: [Int], _ style: StaticString, into w: inout ByteWriter) {
        guard !links.isEmpty else { return }
        w.write("  linkStyle " as StaticString)
        for (k, link) in links.enumerated() {
            if k > 0 { w.write("," as StaticString) }
            w.write(link)
        }
        w.write(" " as StaticString)
        w.write(style)
        w.write("\n" as StaticString)
    }
}

extension ByteWriter {
    /// Text for inside a double-quoted Mermaid label: `"`, `<`, `>`, `&`,
    /// `#` and the backtick as Mermaid entity codes, control characters as spaces.
    public mutating func writeMermaidText(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": write("#quot;" as StaticString)
            case "<": write("#lt;" as StaticString)
            case ">": write("#gt;" as StaticString)
            case "&": write("#amp;" as StaticString)
            case "#": write("#35;" as StaticString)
            case "`": write("#96;" as StaticString)
            // Mermaid reads `%%{init: …}%%` as a directive wherever it stands.
            case "%": write("#37;" as StaticString)
            default:
                writeBlankingControls(scalar)
            }
        }
    }
}
