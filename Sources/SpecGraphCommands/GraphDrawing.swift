import Graphviz
import TaskScheduleRendering

/// How a diagram is laid out: by Graphviz's `dot`, or by specgraph's
/// `LayeredLayout` and drawn pinned.
enum LayoutStrategy: String, CaseIterable {
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
    static let dotNodeLimit = 500
    static let dotReducedNodeLimit = 1_500
    static let dotGroupNodeLimit = 200

    static func automatic(for diagram: Diagram, reduced: Bool) -> LayoutStrategy {
        let limit = diagram.view != .tasks ? dotGroupNodeLimit : reduced ? dotReducedNodeLimit : dotNodeLimit
        return diagram.nodes.count <= limit ? .dot : .layered
    }
}

/// Draws a ``Diagram`` (pure Swift, in TaskScheduleRendering) with libgvc.
enum GraphDrawing {
    /// Draws a diagram: DOT text (`format` nil), or a picture rendered by
    /// libgvc, laid out by `dot` or by `LayeredLayout` and drawn pinned.
    static func draw(
        _ diagram: Diagram, strategy: LayoutStrategy, format: GraphvizFormat?, timer: StageTimer? = nil
    ) throws(GraphvizError) -> [UInt8] {
        let placement = strategy == .layered ? diagram.layeredPlacement() : nil
        if placement != nil { timer?.lap("layout: layered (\(diagram.nodes.count) nodes)") }
        var w = ByteWriter()
        PlanDOT.render(diagram, placement: placement, into: &w)
        timer?.lap("dot text (\(w.count) bytes)")
        guard let format else { return w.bytes }
        let engine: GraphvizLayout = placement == nil ? .dot : .pinned
        let bytes = try GraphvizRenderer.render(dot: String(w), layout: engine, format: format)
        timer?.lap("graphviz \(engine.rawValue) → \(format.rawValue) (\(bytes.count) bytes)")
        return bytes
    }
}
