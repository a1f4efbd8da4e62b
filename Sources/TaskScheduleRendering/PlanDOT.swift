/// Where every node of a ``Diagram`` goes, as plain numbers: computed by
/// ``LayeredLayout`` (see ``Diagram/layeredPlacement()``) or given by hand.
///
/// Coordinates are points (1/72 inch) in drawing order: x to the right,
/// y **down**, the origin at the top left. The writer flips y for Graphviz.
public struct DiagramPlacement: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    public struct Rect: Sendable, Hashable {
        public var minX: Double
        public var minY: Double
        public var maxX: Double
        public var maxY: Double
        public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
            self.minX = minX
            self.minY = minY
            self.maxX = maxX
            self.maxY = maxY
        }
    }

    /// The centre of every node, by node index.
    public var positions: [Point]
    /// The box of every cluster drawn, by cluster index.
    public var clusterBoxes: [Int: Rect]
    /// Width and height of the whole drawing.
    public var width: Double
    public var height: Double
    /// The strip at the top of each cluster box kept free for its label.
    public var clusterLabelHeight: Double

    public init(positions: [Point], clusterBoxes: [Int: Rect], width: Double, height: Double, clusterLabelHeight: Double) {
        self.positions = positions
        self.clusterBoxes = clusterBoxes
        self.width = width
        self.height = height
        self.clusterLabelHeight = clusterLabelHeight
    }
}

/// Writes a ``Diagram`` in Graphviz's DOT language, pure Swift.
///
/// Every task's element carries its ID and classes (`id="T012"`,
/// `class="task critical"`): Graphviz copies both into the SVG, so the
/// picture can be searched and scripted. The full description is the
/// tooltip.
///
/// ## Escaping
/// Every string is written quoted, through ``ByteWriter/writeDOTString(_:tooltip:)``:
/// `"` and `\` are escaped, so no text can end a string early or add
/// statements; `\` never starts a Graphviz escape (`\N`, `\G`, `\L`, `\n`);
/// `&` is written `&amp;` because Graphviz decodes entities in labels
/// (`&#1;` would otherwise put a control character into the SVG); control
/// characters become spaces. Graphviz XML-escapes labels and tooltips in
/// SVG output, so `<script>` in a description is text, not markup.
///
/// With a ``DiagramPlacement`` the graph is pinned: every node gets
/// `pos="x,y!"`, every cluster `bb` and `lp`, and `splines=line`, for
/// Graphviz's `nop2` layout, which is linear where `dot` is not.
public enum PlanDOT {
    /// The DOT text of a diagram.
    ///
    /// Deterministic: the same diagram gives the same bytes.
    ///
    /// - Complexity: O(N + E + total text length).
    public static func render(_ diagram: Diagram, placement: DiagramPlacement? = nil, into w: inout ByteWriter) {
        w.write("digraph \"specgraph\" {\n" as StaticString)
        for note in diagram.notes {
            w.write("  // note: " as StaticString)
            w.write(Diagram.oneLine(note))
            w.write("\n" as StaticString)
        }
        w.write("  graph [charset=\"UTF-8\", rankdir=\(diagram.direction.rawValue), fontname=\"\(FontFamilies.graphviz)\", fontsize=11, nodesep=0.18, ranksep=0.4, newrank=true, outputorder=edgesfirst")
        if let placement {
            w.write(", splines=line, bb=\"0,0,\(points(placement.width)),\(points(placement.height))\"")
        }
        w.write(", tooltip=" as StaticString)
        w.writeDOTString(diagram.title, tooltip: true)
        w.write("]\n" as StaticString)
        w.write("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#5b6770\", fontname=\"\(FontFamilies.graphviz)\", fontsize=10, height=0.3, margin=\"0.08,0.03\"]\n")
        w.write("  edge [color=\"#8a949c\", arrowsize=0.6, penwidth=0.8, fontname=\"\(FontFamilies.graphviz)\"]\n")

        let (members, loose) = diagram.nodesByCluster()
        for (c, cluster) in diagram.clusters.enumerated() where !members[c].isEmpty {
            w.write("  subgraph " as StaticString)
            w.writeDOTString("cluster_" + cluster.id, tooltip: false)
            w.write(" {\n    id=" as StaticString)
            w.writeDOTString("cluster-" + cluster.id, tooltip: false)
            w.write("; class=" as StaticString)
            w.writeDOTString(cluster.classes.joined(separator: " "), tooltip: false)
            w.write("; label=" as StaticString)
            w.writeDOTString(cluster.label, tooltip: false)
            w.write("; tooltip=" as StaticString)
            w.writeDOTString(cluster.label, tooltip: true)
            w.write("; style=\"rounded,filled\"; fillcolor=\"" as StaticString)
            w.write(cluster.classes.contains("story") ? "#f3f8ee" as StaticString : "#f5f7fa" as StaticString)
            w.write("\"; color=\"#c3ccd5\"; fontsize=11;\n" as StaticString)
            if let placement, let box = placement.clusterBoxes[c] {
                let h = placement.height
                w.write("    bb=\"\(points(box.minX)),\(points(h - box.maxY)),\(points(box.maxX)),\(points(h - box.minY))\"; ")
                let labelY = h - box.minY - 2 - placement.clusterLabelHeight / 2
                w.write("lp=\"\(points((box.minX + box.maxX) / 2)),\(points(labelY))\";\n")
            }
            for i in members[c] { writeNode(diagram, i, placement, indent: "    ", into: &w) }
            if placement == nil { writeRowOrder(diagram, members[c], indent: "    ", into: &w) }
            w.write("  }\n" as StaticString)
        }
        for i in loose { writeNode(diagram, i, placement, indent: "  ", into: &w) }
        if placement == nil { writeRowOrder(diagram, loose, indent: "  ", into: &w) }
        for edge in diagram.edges { writeEdge(diagram, edge, into: &w) }
        if placement == nil {
            // Only `dot` needs them: pinned positions already stack the rows.
            for edge in diagram.layoutEdges {
                w.write("  " as StaticString)
                w.writeDOTString(diagram.nodes[edge.from].id, tooltip: false)
                w.write(" -> " as StaticString)
                w.writeDOTString(diagram.nodes[edge.to].id, tooltip: false)
                w.write(" [style=invis, class=\"layout\"]\n" as StaticString)
            }
        }
        if let caption = diagram.caption {
            // Set last, so that no cluster inherits the label or its size.
            w.write("  label=" as StaticString)
            w.writeDOTString(caption, tooltip: false)
            w.write("; labelloc=t; fontsize=14; fontcolor=\"#1f2328\"\n" as StaticString)
        }
        w.write("}\n" as StaticString)
    }

    /// The DOT text as a `String`.
    public static func render(_ diagram: Diagram, placement: DiagramPlacement? = nil) -> String {
        var w = ByteWriter()
        render(diagram, placement: placement, into: &w)
        return String(w)
    }

    /// Keeps the tasks of each row (one layer of one cluster) in document
    /// order, left to right: `dot` alone often draws a `[P]` group reversed
    /// (T013 … T010). A row's tasks never depend on each other (one wave),
    /// so ranking them together changes no edge; invisible flat edges fix
    /// their order (top to bottom with `rankdir=LR`).
    private static func writeRowOrder(_ diagram: Diagram, _ members: [Int], indent: StaticString, into w: inout ByteWriter) {
        var rows: [Int: [Int]] = [:]
        for i in members where diagram.nodes[i].kind == .task { rows[diagram.nodes[i].layer, default: []].append(i) }
        for layer in rows.keys.sorted() {
            guard var row = rows[layer], row.count > 1 else { continue }
            // Sideways, dot lays a rank's order out bottom to top: reverse it
            // so that the group reads from the top.
            if diagram.direction == .leftToRight { row.reverse() }
            w.write(indent)
            w.write("{rank=same; " as StaticString)
            for (k, i) in row.enumerated() {
                if k > 0 { w.write(" -> " as StaticString) }
                w.writeDOTString(diagram.nodes[i].id, tooltip: false)
            }
            w.write(" [style=invis, class=\"layout\"]}\n" as StaticString)
        }
    }

    private static func writeNode(_ diagram: Diagram, _ i: Int, _ placement: DiagramPlacement?, indent: StaticString, into w: inout ByteWriter) {
        let node = diagram.nodes[i]
        w.write(indent)
        w.writeDOTString(node.id, tooltip: false)
        w.write(" [id=" as StaticString)
        w.writeDOTString(node.id, tooltip: false)
        w.write(", class=" as StaticString)
        w.writeDOTString(node.classes.joined(separator: " "), tooltip: false)
        w.write(", label=" as StaticString)
        w.writeDOTLabel(node.label)
        w.write(", tooltip=" as StaticString)
        w.writeDOTString(node.tooltip, tooltip: true)
        let classes = Set(node.classes)
        let critical = classes.contains("critical")
        switch node.kind {
        case .milestone:
            w.write(", shape=diamond, width=0.14, height=0.14, fixedsize=true, style=filled" as StaticString)
            w.write(critical ? ", color=\"#d62728\", fillcolor=\"#d62728\"" as StaticString : ", color=\"#8a949c\", fillcolor=\"#c3ccd5\"" as StaticString)
        case .checkpoint:
            w.write(", shape=diamond, width=0.22, height=0.22, fixedsize=true, style=filled, color=\"#b58a1b\", fillcolor=\"#f2c14e\"" as StaticString)
        case .task, .group:
            if classes.contains("skipped") {
                w.write(", style=\"rounded,dashed,filled\", fillcolor=\"#f5f5f5\", fontcolor=\"#a0a0a0\", color=\"#b8b8b8\"" as StaticString)
            } else if classes.contains("done") {
                w.write(", fillcolor=\"#ececec\", fontcolor=\"#8c8c8c\", color=\"#b8b8b8\"" as StaticString)
            } else if classes.contains("in-progress") {
                w.write(", fillcolor=\"#fff4cc\"" as StaticString)
            } else if classes.contains("parallel") {
                w.write(", fillcolor=\"#e8f1fb\"" as StaticString)
            } else if node.kind == .group {
                w.write(", fillcolor=\"#f5f7fa\"" as StaticString)
            }
            if classes.contains("focus") {
                w.write(critical ? ", color=\"#d62728\", penwidth=3.5" as StaticString : ", color=\"#1f77b4\", penwidth=3.5" as StaticString)
            } else if critical {
                w.write(", color=\"#d62728\", penwidth=2" as StaticString)
            }
        }
        if let placement {
            let p = placement.positions[i]
            w.write(", pos=\"\(points(p.x)),\(points(placement.height - p.y))!\"")
        }
        w.write("]\n" as StaticString)
    }

    /// The style of each edge kind: colour and line style.
    private static func style(of kinds: [String]) -> (color: StaticString, style: StaticString?) {
        // The most telling kind decides: a written dependency over a barrier.
        for kind in ["explicit", "declared", "story", "file", "order", "phase", "checkpoint", "sequence"] where kinds.contains(kind) {
            switch kind {
            case "explicit": return ("#3b4a57", nil)
            case "declared": return ("#1f77b4", nil)
            case "story": return ("#9467bd", "dashed")
            case "file": return ("#ff7f0e", "dashed")
            case "order": return ("#8a949c", nil)
            case "phase": return ("#aab3bb", "dotted")
            case "checkpoint": return ("#d9b44a", "dotted")
            default: return ("#8a949c", nil)
            }
        }
        return ("#8a949c", nil)
    }

    private static func writeEdge(_ diagram: Diagram, _ edge: Diagram.Edge, into w: inout ByteWriter) {
        w.write("  " as StaticString)
        w.writeDOTString(diagram.nodes[edge.from].id, tooltip: false)
        w.write(" -> " as StaticString)
        w.writeDOTString(diagram.nodes[edge.to].id, tooltip: false)
        var classes = edge.kinds
        if edge.isCritical { classes.append("critical") }
        if edge.isCycle { classes.append("cycle") }
        w.write(" [class=" as StaticString)
        w.writeDOTString(classes.joined(separator: " "), tooltip: false)
        if edge.isCycle {
            w.write(", color=\"#d62728\", style=dashed, penwidth=2" as StaticString)
        } else if edge.isCritical {
            w.write(", color=\"#d62728\", penwidth=2.5" as StaticString)
        } else {
            let (color, style) = style(of: edge.kinds)
            w.write(", color=\"" as StaticString)
            w.write(color)
            w.write("\"" as StaticString)
            if let style {
                w.write(", style=" as StaticString)
                w.write(style)
            }
        }
        if edge.kinds == ["checkpoint"] { w.write(", arrowhead=none" as StaticString) }
        if !edge.label.isEmpty {
            w.write(", fontsize=9, fontcolor=\"#5b6770\", label=" as StaticString)
            w.writeDOTString(edge.label, tooltip: false)
        }
        w.write("]\n" as StaticString)
    }

    /// `value` in points rounded to hundredths, without exponent or trailing
    /// zeros, printed the same way everywhere.
    static func points(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let digits = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(sign)\(whole).\(digits)"
    }
}

extension ByteWriter {
    /// A quoted DOT string that Graphviz reads back as exactly `text`, on one
    /// line, with no Graphviz escape sequence and no entity.
    ///
    /// - `"` → `\"`; `\` → `\\` (`\\\\` in a tooltip: Graphviz 2.43 removes
    ///   one level of backslashes from tooltips twice);
    /// - `&` → `&amp;` (Graphviz decodes HTML entities in labels and tooltips);
    /// - control characters, newlines included → a space; U+FFFE, U+FFFF
    ///   (not allowed in XML) → U+FFFD;
    /// - at most ``dotStringByteLimit`` bytes between the quotes: longer text
    ///   ends with `…`.
    public mutating func writeDOTString(_ text: String, tooltip: Bool) {
        write(byte: UInt8(ascii: "\""))
        writeDOTEscaped(text, tooltip: tooltip)
        write(byte: UInt8(ascii: "\""))
    }

    /// Label lines joined by centred line breaks (`\n`), each escaped as in
    /// ``writeDOTString(_:tooltip:)``.
    public mutating func writeDOTLabel(_ lines: [String]) {
        write(byte: UInt8(ascii: "\""))
        for (i, line) in lines.enumerated() {
            if i > 0 { write("\\n" as StaticString) }
            writeDOTEscaped(line, tooltip: false)
        }
        write(byte: UInt8(ascii: "\""))
    }

    /// The most bytes of one escaped DOT string: Graphviz 2.43 rejects a string
    /// "longer than 16384", and long attributes make its layout slow.
    public static let dotStringByteLimit = 8_192

    private mutating func writeDOTEscaped(_ text: String, tooltip: Bool) {
        let limit = written + Self.dotStringByteLimit - 16
        for scalar in text.unicodeScalars {
            // The longest escape is 4 bytes and a scalar at most 4: stop in time.
            if written >= limit {
                write("…")
                return
            }
            switch scalar {
            case "\"": write("\\\"" as StaticString)
            case "\\": write(tooltip ? "\\\\\\\\" as StaticString : "\\\\" as StaticString)
            case "&": write("&amp;" as StaticString)
            case "\u{FFFE}", "\u{FFFF}": write("\u{FFFD}")
            default:
                writeBlankingControls(scalar)
            }
        }
    }
}
