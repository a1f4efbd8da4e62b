/// DOT attribute values for drawing a ``LayeredPlacement`` with
/// ``GraphvizLayout/pinned``.
///
/// Graphviz's y axis points up while the placement's points down, so these
/// flip y within ``LayeredPlacement/bounds``. Values are in points with at
/// most two decimals, printed the same way on every platform.
///
/// Under the pinned layout a `subgraph cluster_…` is drawn only when it has a
/// `bb`; without one its nodes are drawn but the box is silently dropped. The
/// cluster label is drawn at `lp` (``dotLabelPosition(ofCluster:)``), and
/// nothing else about the cluster is laid out, so emit both:
///
/// ```
/// subgraph cluster_2 { bb="10,20,300,400"; lp="155,390"; label="Phase 2"; T004; T005 }
/// T004 [pos="40,300!"]
/// ```
extension LayeredPlacement {
    /// The `pos` of node `index`, pinned: `"x,y!"`.
    public func dotPosition(of index: Int) -> String {
        let point = positions[index]
        return "\(Self.points(point.x)),\(Self.points(bounds.maxY - point.y))!"
    }

    /// The `bb` of a cluster, `"llx,lly,urx,ury"`, or `nil` for an unknown id.
    public func dotBoundingBox(ofCluster cluster: Int) -> String? {
        guard let box = clusterBounds[cluster] else { return nil }
        return [box.minX, bounds.maxY - box.maxY, box.maxX, bounds.maxY - box.minY].map(Self.points).joined(separator: ",")
    }

    /// The `lp` of a cluster's label, centred in the strip kept free at the
    /// top of its box (``clusterLabelHeight``), or `nil` for an unknown id.
    public func dotLabelPosition(ofCluster cluster: Int) -> String? {
        guard let box = clusterBounds[cluster] else { return nil }
        let y = bounds.maxY - box.minY - 2 - clusterLabelHeight / 2
        return "\(Self.points((box.minX + box.maxX) / 2)),\(Self.points(y))"
    }

    /// The graph's `bb`, `"0,0,width,height"`.
    public var dotBoundingBox: String {
        "0,0,\(Self.points(bounds.maxX)),\(Self.points(bounds.maxY))"
    }

    /// `value` rounded to hundredths, without exponent or trailing zeros.
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
