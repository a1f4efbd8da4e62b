import SpecKitTasks
import TaskScheduling

/// What a picture of a plan shows, as plain data: nodes, edges and clusters
/// with their labels, tooltips, classes and layers, before any syntax.
///
/// A diagram is built once from a `Plan` for one ``Diagram/View`` (see
/// `Diagram+Tasks.swift` and `Diagram+Groups.swift`) and then written by
/// ``PlanDOT`` or ``PlanMermaid``; the writers only escape and style, so
/// both show the same nodes and edges.
///
/// ```
///   cluster p1 [ T001 ] ──▶ ◆ @end-phase-1 ──▶ cluster p2 [ T002  T003 ]
///   (a node)          (an edge)  (a milestone)      (nodes in a cluster)
/// ```
public struct Diagram: Sendable {
    /// Which nodes a diagram has.
    public enum View: String, Sendable, CaseIterable {
        /// One node per task, milestones and checkpoints as small diamonds.
        case tasks
        /// One node per phase, with counts and its share of the critical path.
        case phases
        /// One node per user story, and one per barrier phase for tasks of no story.
        case stories
        /// One node per wave, in a chain.
        case waves
    }

    /// The direction in which edges point.
    public enum Direction: String, Sendable, CaseIterable {
        /// Top to bottom (`TB`).
        case topToBottom = "TB"
        /// Left to right (`LR`).
        case leftToRight = "LR"
    }

    /// What a node stands for; writers draw each kind with its own shape.
    public enum NodeKind: String, Sendable {
        case task, milestone, checkpoint, group
    }

    /// One node.
    public struct Node: Sendable, Hashable {
        public var kind: NodeKind
        /// Unique within the diagram: the SVG `id` of the node's element, and
        /// its name in DOT. For a task its ID (`T012`), for a milestone its
        /// name (`@end-phase-2`).
        public var id: String
        /// Label lines, drawn one below the other. Plain text: writers escape it.
        public var label: [String]
        /// The full text shown on hover. Plain text, one line.
        public var tooltip: String
        /// Class names, the first one the kind (`task critical done`).
        public var classes: [String]
        /// Index into ``Diagram/clusters``, or nil.
        public var cluster: Int?
        /// The layer for a layered layout (0 at the top): from twice the wave
        /// for tasks, one more for the milestones and checkpoints after them,
        /// spread by ``Diagram/stackWideRows(maxRowLength:)``.
        public var layer: Int
        public var isCritical: Bool { classes.contains("critical") }
    }

    /// One edge between two node indices.
    public struct Edge: Sendable, Hashable {
        public var from: Int
        public var to: Int
        /// Why the edge exists: an `EdgeKind` raw value (`explicit`,
        /// `phase`…), `checkpoint`, `sequence` (waves), or for aggregated
        /// edges the kinds behind it, most specific first.
        public var kinds: [String]
        /// On the critical path: drawn bold and red.
        public var isCritical: Bool
        /// Part of a dependency cycle: drawn red and dashed.
        public var isCycle: Bool
        /// A label (aggregated views: how many dependencies), or "".
        public var label: String

        public init(from: Int, to: Int, kinds: [String], isCritical: Bool = false, isCycle: Bool = false, label: String = "") {
            self.from = from
            self.to = to
            self.kinds = kinds
            self.isCritical = isCritical
            self.isCycle = isCycle
            self.label = label
        }
    }

    /// A box around nodes: one per phase in the task view.
    public struct Cluster: Sendable, Hashable {
        /// A safe identifier (`p3`): letters and digits only.
        public var id: String
        public var label: String
        public var classes: [String]
    }

    public var view: View
    public var direction: Direction
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    public var clusters: [Cluster] = []
    /// The graph's name: the document path.
    public var title: String
    /// Invisible edges that only shape the layout: they stack a wide row of
    /// unconnected nodes into several shorter rows (see ``stackWideRows(maxRowLength:)``).
    public var layoutEdges: [(from: Int, to: Int)] = []
    /// Things the reader should know (written as comments by the writers).
    public var notes: [String] = []
    /// One line drawn above the picture, or nil: what a reader must know to
    /// read it, such as that most tasks are critical and so none is marked.
    public var caption: String?
    /// Task nodes drawn.
    public var taskCount: Int { nodes.count { $0.kind == .task } }

    public init(view: View, direction: Direction, title: String) {
        self.view = view
        self.direction = direction
        self.title = title
    }
}

/// Why a diagram cannot be drawn as asked.
public struct DiagramError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What to draw (`specgraph graph` options).
public struct DiagramOptions: Sendable, Hashable {
    public var view: Diagram.View
    /// Draw only the neighbourhood of this task ID (task view).
    public var focus: String?
    /// Hops from the focus task, both directions; milestones are not hops.
    public var depth: Int
    /// Drop edges implied by others (transitive reduction).
    public var reduce: Bool
    public var direction: Diagram.Direction
    /// Above this many nodes (tasks and milestones) the reduction is skipped:
    /// it keeps one bit per pair of nodes (V² / 8 bytes).
    public var reductionNodeLimit: Int
    /// The most tasks and milestones the task view draws: past it, the
    /// neighbourhood of `focus` is drawn to a smaller depth, the whole graph
    /// only up to that many nodes by wave, and a note says what was left out.
    public var nodeLimit: Int

    /// The default ``nodeLimit``: an SVG of this many boxes is already some 100 MB.
    public static let defaultNodeLimit = 100_000

    public init(
        view: Diagram.View = .tasks, focus: String? = nil, depth: Int = 2, reduce: Bool = true,
        direction: Diagram.Direction = .topToBottom, reductionNodeLimit: Int = 40_000,
        nodeLimit: Int = DiagramOptions.defaultNodeLimit
    ) {
        self.nodeLimit = max(1, nodeLimit)
        self.view = view
        self.focus = focus
        self.depth = depth
        self.reduce = reduce
        self.direction = direction
        self.reductionNodeLimit = reductionNodeLimit
    }
}

extension Diagram {
    /// Node indices per cluster, and the nodes in no cluster, in node order.
    func nodesByCluster() -> (members: [[Int]], loose: [Int]) {
        var members = [[Int]](repeating: [], count: clusters.count)
        var loose: [Int] = []
        for (i, node) in nodes.enumerated() {
            if let c = node.cluster { members[c].append(i) } else { loose.append(i) }
        }
        return (members, loose)
    }

    /// Builds the diagram of a plan.
    ///
    /// - Throws: ``DiagramError`` when the focus task does not exist or is not
    ///   planned, or the waves view is asked of a plan with a cycle.
    /// - Complexity: O((V + E) log V) for the views, plus the transitive
    ///   reduction, O(V · E / 64) time and V² / 8 bytes, when asked for.
    public init(_ plan: Plan, options: DiagramOptions = DiagramOptions()) throws(DiagramError) {
        switch options.view {
        case .tasks:
            self = try Diagram.taskView(plan, options: options)
        case .phases, .stories, .waves:
            if options.focus != nil {
                throw DiagramError("--focus draws tasks; use it with --view tasks")
            }
            self = try Diagram.groupView(plan, options: options)
        }
    }

    /// Splits every row (same layer, same cluster) longer than
    /// `maxRowLength` nodes into stacked rows, so that a phase with 80
    /// parallel tasks is 8 rows of 10, not one row 80 boxes wide.
    ///
    /// Each node's ``Node/layer`` becomes `16 · layer + row` (rows are
    /// capped at 16; a longer group gets longer rows), which keeps every edge
    /// pointing down; ``layoutEdges`` link each node to the one below it so
    /// that `dot` stacks them the same way.
    ///
    /// - Complexity: O(N log N).
    public mutating func stackWideRows(maxRowLength: Int = 10) {
        let order = nodes.indices.sorted { (nodes[$0].layer, nodes[$0].cluster ?? -1, $0) < (nodes[$1].layer, nodes[$1].cluster ?? -1, $1) }
        var newLayer = nodes.map { 16 * $0.layer }
        var start = 0
        while start < order.count {
            let first = nodes[order[start]]
            var end = start
            while end < order.count, nodes[order[end]].layer == first.layer, nodes[order[end]].cluster == first.cluster { end += 1 }
            let count = end - start
            if count > maxRowLength {
                let rowLength = max(maxRowLength, (count + 15) / 16)
                for k in 0..<count {
                    newLayer[order[start + k]] += k / rowLength
                    if k + rowLength < count { layoutEdges.append((order[start + k], order[start + k + rowLength])) }
                }
            }
            start = end
        }
        for i in nodes.indices { nodes[i].layer = newLayer[i] }
    }

    /// The most characters of a tooltip's text: a whole page of description
    /// helps nobody in a tooltip, and Graphviz slows down on long attributes.
    public static let tooltipCharacterLimit = 1_000

    /// A label shortened to `limit` characters (grapheme clusters), with `…`.
    ///
    /// - Complexity: O(limit), whatever the length of `text`.
    static func shortened(_ text: String, limit: Int) -> String {
        guard text.prefix(limit + 1).count > limit else { return oneLine(text) }
        return oneLine(String(text.prefix(limit - 1))).trimmingTrailingSpaces() + "…"
    }

    /// Control characters (newlines included) become spaces.
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            out.append(s.value < 0x20 || s.value == 0x7F ? " " : s)
        }
        return String(out)
    }

    /// The width in points of a node drawn with a 10 pt sans-serif font, a
    /// little generous so that estimated boxes never overlap drawn ones.
    public func estimatedWidth(of node: Node) -> Double {
        switch node.kind {
        case .milestone, .checkpoint: return 14
        case .task, .group:
            var widest = 0.0
            for line in node.label {
                var w = 0.0
                for s in line.unicodeScalars {
                    let v = s.value
                    if v < 0x80 {
                        w += (s == "W" || s == "M" || s == "m" || s == "w") ? 9 : 6
                    } else if v >= 0x1100 {
                        w += 11  // CJK, emoji: wide
                    } else if v >= 0x0300 && v < 0x0370 {
                        continue  // combining marks
                    } else {
                        w += 7
                    }
                }
                widest = max(widest, w)
            }
            return max(40, widest + 20)
        }
    }

    /// The height in points of a node (see ``estimatedWidth(of:)``).
    public func estimatedHeight(of node: Node) -> Double {
        switch node.kind {
        case .milestone, .checkpoint: return 14
        case .task, .group: return max(26, Double(node.label.count) * 13 + 10)
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
