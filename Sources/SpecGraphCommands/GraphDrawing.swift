import Graphviz
import TaskScheduleRendering

/// How a diagram is laid out: by Graphviz's `dot`, or by specgraph's
/// ``LayeredLayout`` and drawn pinned.
enum LayoutStrategy: String, CaseIterable {
    /// Graphviz `dot`: the best drawing, super-linear (seconds at 1 000 nodes).
    case dot
    /// ``LayeredLayout`` (layer = wave) + Graphviz `nop2` + straight edges: linear.
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

/// The glue between a ``Diagram`` (pure Swift, in TaskScheduleRendering) and
/// ``LayeredLayout`` (in the Graphviz module).
enum GraphDrawing {
    /// Draws a diagram: DOT text (`format` nil), or a picture rendered by
    /// libgvc, laid out by `dot` or by ``LayeredLayout`` and drawn pinned.
    static func draw(
        _ diagram: Diagram, strategy: LayoutStrategy, format: GraphvizFormat?, timer: StageTimer? = nil
    ) throws(GraphvizError) -> [UInt8] {
        let placement = strategy == .layered ? placement(for: diagram) : nil
        if placement != nil { timer?.lap("layout: layered (\(diagram.nodes.count) nodes)") }
        var w = ByteWriter()
        PlanDOT.render(diagram, placement: placement, into: &w)
        timer?.lap("dot text (\(w.count) bytes)")
        guard let format else { return w.bytes }
        let engine: GraphvizLayout = placement == nil ? .dot : .pinned
        let bytes = try Graphviz.render(dot: String(w), layout: engine, format: format)
        timer?.lap("graphviz \(engine.rawValue) → \(format.rawValue) (\(bytes.count) bytes)")
        return bytes
    }

    /// Positions for every node of `diagram`, layer by layer, clusters in
    /// bands of their own. For `LR` the layout is computed top to bottom with
    /// node heights as widths and then transposed.
    ///
    /// - Complexity: that of ``LayeredLayout/place()``, near linear.
    static func placement(for diagram: Diagram) -> DiagramPlacement {
        let leftToRight = diagram.direction == .leftToRight
        let widths = diagram.nodes.map { diagram.estimatedWidth(of: $0) }
        let heights = diagram.nodes.map { diagram.estimatedHeight(of: $0) }
        var layout = LayeredLayout(
            nodes: diagram.nodes.indices.map {
                LayeredLayout.Node(
                    layer: diagram.nodes[$0].layer, cluster: diagram.nodes[$0].cluster,
                    width: leftToRight ? heights[$0] : widths[$0])
            },
            edges: diagram.edges.map { LayeredLayout.Edge(from: $0.from, to: $0.to) }
                + diagram.layoutEdges.map { LayeredLayout.Edge(from: $0.from, to: $0.to) })
        let labelStrip = 20.0
        if leftToRight {
            let widest = widths.max() ?? 40
            layout.rowHeight = widest
            layout.layerSpacing = widest + 40
            layout.nodeSpacing = 8
            layout.clusterLabelHeight = 0
            layout.clusterSpacing = labelStrip + 16
        } else {
            let tallest = heights.max() ?? 26
            layout.rowHeight = tallest
            layout.layerSpacing = tallest + 24
            layout.clusterLabelHeight = labelStrip
        }
        let placed = layout.place()
        if !leftToRight {
            return DiagramPlacement(
                positions: placed.positions.map { .init(x: $0.x, y: $0.y) },
                clusterBoxes: placed.clusterBounds.mapValues {
                    .init(minX: $0.minX, minY: $0.minY, maxX: $0.maxX, maxY: $0.maxY)
                },
                width: placed.bounds.maxX, height: placed.bounds.maxY,
                clusterLabelHeight: placed.clusterLabelHeight)
        }
        // Transposed: layers run left to right. Each cluster box grows up by
        // the label strip, into the gap kept between bands.
        return DiagramPlacement(
            positions: placed.positions.map { .init(x: $0.y, y: $0.x + labelStrip) },
            clusterBoxes: placed.clusterBounds.mapValues {
                .init(minX: $0.minY, minY: $0.minX, maxX: $0.maxY, maxY: $0.maxX + labelStrip)
            },
            width: placed.bounds.maxY, height: placed.bounds.maxX + labelStrip,
            clusterLabelHeight: labelStrip)
    }
}
