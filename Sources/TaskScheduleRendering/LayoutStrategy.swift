/// How a diagram is laid out: by Graphviz's `dot`, or by specgraph's
/// `LayeredLayout` and drawn pinned.
public enum LayoutStrategy: String, CaseIterable, Sendable {
    /// Graphviz `dot`: the best drawing, super-linear (seconds at 1 000 nodes).
    case dot
    /// `LayeredLayout` (layer = wave) + Graphviz `nop2` + straight edges: linear.
    case layered

    /// Above this many nodes (tasks, milestones, checkpoints) `auto` picks
    /// the layered layout. `dot` is super-linear, mostly in the length of
    /// edges across ranks; on transitively reduced task graphs (short edges)
    /// it took 0.13 s for 1 000 generated tasks and 2.2 s for 5 000, but on
    /// unreduced ones it grows much faster, so the limit is lower there.
    /// Group views aggregate edges that span many ranks and carry labels
    /// (each a virtual node for `dot`): 503 phases took 22 s, so they switch
    /// much earlier.
    public static let dotNodeLimit = 500
    public static let dotReducedNodeLimit = 1_500
    public static let dotGroupNodeLimit = 200

    /// The layout `--layout auto` picks for a diagram.
    public static func automatic(for diagram: Diagram, reduced: Bool) -> LayoutStrategy {
        let limit = diagram.view != .tasks ? dotGroupNodeLimit : reduced ? dotReducedNodeLimit : dotNodeLimit
        return diagram.nodes.count <= limit ? .dot : .layered
    }
}
