extension Diagram {
    /// Positions for every node, layer by layer (layer = wave), clusters in
    /// bands of their own, computed by ``LayeredLayout`` for drawing pinned
    /// (``PlanDOT/render(_:placement:into:)`` with Graphviz's `nop2`).
    ///
    /// For ``Direction/leftToRight`` the layout is computed top to bottom
    /// with node heights as widths and then transposed.
    ///
    /// - Complexity: that of ``LayeredLayout/place()``, near linear.
    public func layeredPlacement() -> DiagramPlacement {
        let leftToRight = direction == .leftToRight
        let widths = nodes.map { estimatedWidth(of: $0) }
        let heights = nodes.map { estimatedHeight(of: $0) }
        var layout = LayeredLayout(
            nodes: nodes.indices.map {
                LayeredLayout.Node(
                    layer: nodes[$0].layer, cluster: nodes[$0].cluster,
                    width: leftToRight ? heights[$0] : widths[$0])
            },
            edges: edges.map { LayeredLayout.Edge(from: $0.from, to: $0.to) }
                + layoutEdges.map { LayeredLayout.Edge(from: $0.from, to: $0.to) })
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
        guard leftToRight else { return placed }
        // Transposed: layers run left to right. Each cluster box grows up by
        // the label strip, into the gap kept between bands.
        return DiagramPlacement(
            positions: placed.positions.map { .init(x: $0.y, y: $0.x + labelStrip) },
            clusterBoxes: placed.clusterBoxes.mapValues {
                .init(minX: $0.minY, minY: $0.minX, maxX: $0.maxY, maxY: $0.maxX + labelStrip)
            },
            width: placed.height, height: placed.width + labelStrip,
            clusterLabelHeight: labelStrip)
    }
}
