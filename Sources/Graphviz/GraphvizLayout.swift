/// A Graphviz layout engine, named as `dot -K` names it.
///
/// An open set like ``GraphvizFormat``: the installed engines are listed by
/// ``GraphvizRenderer/availableLayouts``, and an unknown name makes rendering throw.
public struct GraphvizLayout: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Hierarchical (Sugiyama) layout. Best drawings, but super-linear: about
    /// 4 s for 1 000 tasks and minutes for 5 000 on this project's machines.
    public static let dot = GraphvizLayout(rawValue: "dot")
    /// Spring model (stress majorisation).
    public static let neato = GraphvizLayout(rawValue: "neato")
    /// Force-directed (Fruchterman–Reingold).
    public static let fdp = GraphvizLayout(rawValue: "fdp")
    /// Multiscale force-directed, for large graphs.
    public static let sfdp = GraphvizLayout(rawValue: "sfdp")
    /// No layout: every node keeps its `pos` attribute, read in points, and
    /// edges are routed between them (`neato -n2`). Edges that carry a `pos`
    /// keep it too. Clusters are drawn only when they carry a `bb`.
    ///
    /// Use it with positions computed by `LayeredLayout` (TaskScheduleRendering).
    public static let pinned = GraphvizLayout(rawValue: "nop2")

    public var description: String { rawValue }
}
