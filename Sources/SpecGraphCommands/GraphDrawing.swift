import Graphviz
import TaskScheduleRendering

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
