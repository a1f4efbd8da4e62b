/// A fast layered (Sugiyama-style) layout for big DAGs, in pure Swift.
///
/// Every node sits on a given layer (for task graphs: its wave); layers run
/// top to bottom. Nodes with the same `cluster` (a phase) are kept together
/// inside a vertical band of their own, so cluster boxes never overlap:
///
/// ```
///   layer 0   [ T001 T002 ]                 cluster 1 spans layers 0...1
///   layer 1   [ T003      ]  [ T004 T005 ]  cluster 2 spans layers 1...2,
///   layer 2   [ T006 T007 ]  [ T008      ]  so it is placed right of 1;
///   layer 3   [ T009 ]                      cluster 3 reuses 1's column
/// ```
///
/// Within a band, the order of each layer comes from a few alternating sweeps
/// of the barycentre heuristic (each node moves toward the mean x of its
/// neighbours on the layers above, then below), and x comes from a linear-time
/// placement that puts each node as close to that mean as the row allows.
/// Long edges get no dummy nodes: a neighbour on any other layer counts. This
/// gives up some of `dot`'s polish for speed: 50 000 nodes take well under a
/// second, where `dot` needs minutes for 5 000.
///
/// The result is plain data, a ``DiagramPlacement``, which
/// ``PlanDOT/render(_:placement:into:)`` writes as the `pos` and `bb`
/// attributes that Graphviz's `nop2` layout draws as given.
/// ``Diagram/layeredPlacement()`` sets one up for a diagram.
public struct LayeredLayout: Sendable {
    /// One box to place.
    public struct Node: Hashable, Sendable {
        /// The layer, 0 at the top. Layers need not be contiguous.
        public var layer: Int
        /// Nodes with the same cluster stay side by side in every layer;
        /// `nil` for nodes outside any cluster.
        public var cluster: Int?
        /// Width in points (1/72 inch), as Graphviz will draw the node.
        public var width: Double

        public init(layer: Int, cluster: Int? = nil, width: Double) {
            self.layer = layer
            self.cluster = cluster
            self.width = width
        }
    }

    /// A connection between two node indices. Direction does not matter to the
    /// layout; edges within one layer are ignored.
    public struct Edge: Hashable, Sendable {
        public var from: Int
        public var to: Int

        public init(from: Int, to: Int) {
            self.from = from
            self.to = to
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]
    /// Vertical distance between the centres of adjacent layers, in points.
    public var layerSpacing: Double = 90
    /// Height of a node row, in points; cluster boxes enclose it.
    public var rowHeight: Double = 36
    /// Minimum horizontal gap between two nodes of one row, in points.
    public var nodeSpacing: Double = 18
    /// Space between a cluster's box and its nodes, in points.
    public var clusterPadding: Double = 10
    /// Extra space at the top of a cluster's box for its label, in points.
    public var clusterLabelHeight: Double = 20
    /// Minimum horizontal gap between two cluster boxes, in points.
    public var clusterSpacing: Double = 20
    /// Number of alternating ordering sweeps (down, up, down, ...).
    public var sweeps: Int = 4

    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }

    /// Computes positions for every node and a box for every cluster, in
    /// points, y growing downward; the drawing's top left corner is 0, 0.
    ///
    /// Deterministic: the same input gives the same placement; ties are
    /// broken by node index.
    ///
    /// - Precondition: every edge endpoint is a valid node index and every
    ///   width is finite and non-negative.
    /// - Complexity: O(s · (E + N log N) + C · L) for N nodes, E edges,
    ///   s sweeps, and C clusters spanning L layers each.
    public func place() -> DiagramPlacement {
        var engine = Engine(self)
        engine.placeBands()
        engine.initialRows()
        for sweep in 0..<max(0, sweeps) {
            engine.sweep(downward: sweep % 2 == 0, reorder: true)
        }
        // One last pass keeps the order and centres nodes between both sides.
        engine.sweep(downward: true, reorder: false, bothSides: true)
        return engine.result()
    }
}

extension LayeredLayout {
    /// The working state of one ``place()`` call. Nodes are addressed by index;
    /// a "group" is a cluster (or the unclustered nodes), ranked by cluster id.
    fileprivate struct Engine {
        let layout: LayeredLayout
        /// Dense layer number (0..<layerCount) and group rank of each node.
        var layerOf: [Int]
        var groupOf: [Int]
        var groupClusters: [Int?]
        var layerCount: Int
        /// Neighbours of every node in CSR form, both edge directions.
        var neighbourStart: [Int]
        var neighbours: [Int]
        /// Nodes of layer `l` are `order[layerStart[l]..<layerStart[l + 1]]`,
        /// sorted by group rank, then by x.
        var order: [Int]
        var layerStart: [Int]
        /// Left edge and width of each group's band.
        var bandLeft: [Double]
        var bandWidth: [Double]
        var groupFirstLayer: [Int]
        var groupLastLayer: [Int]
        var x: [Double]

        init(_ layout: LayeredLayout) {
            self.layout = layout
            let n = layout.nodes.count

            // Dense layers, so sparse wave numbers cost nothing.
            let distinctLayers = Set(layout.nodes.map(\.layer)).sorted()
            let denseLayer = Dictionary(uniqueKeysWithValues: distinctLayers.enumerated().map { ($1, $0) })
            layerOf = layout.nodes.map { denseLayer[$0.layer]! }
            layerCount = distinctLayers.count

            // Groups: clusters by id, then the unclustered nodes.
            let clusterIDs = Set(layout.nodes.compactMap(\.cluster)).sorted()
            let clusterRank = Dictionary(uniqueKeysWithValues: clusterIDs.enumerated().map { ($1, $0) })
            groupClusters = clusterIDs.map { Optional($0) } + [nil]
            groupOf = layout.nodes.map { $0.cluster.map { clusterRank[$0]! } ?? clusterIDs.count }

            var degree = [Int](repeating: 0, count: n + 1)
            for edge in layout.edges where edge.from != edge.to {
                degree[edge.from] += 1
                degree[edge.to] += 1
            }
            neighbourStart = [Int](repeating: 0, count: n + 1)
            for i in 0..<n { neighbourStart[i + 1] = neighbourStart[i] + degree[i] }
            var fill = neighbourStart
            neighbours = [Int](repeating: 0, count: neighbourStart[n])
            for edge in layout.edges where edge.from != edge.to {
                neighbours[fill[edge.from]] = edge.to
                fill[edge.from] += 1
                neighbours[fill[edge.to]] = edge.from
                fill[edge.to] += 1
            }

            // Counting sort by layer; within a layer by group, then index.
            layerStart = [Int](repeating: 0, count: layerCount + 1)
            for l in layerOf { layerStart[l + 1] += 1 }
            for l in 0..<layerCount { layerStart[l + 1] += layerStart[l] }
            var slot = layerStart
            order = [Int](repeating: 0, count: n)
            for i in 0..<n {
                order[slot[layerOf[i]]] = i
                slot[layerOf[i]] += 1
            }
            let groups = groupOf
            for l in 0..<layerCount {
                order[layerStart[l]..<layerStart[l + 1]].sort { (groups[$0], $0) < (groups[$1], $1) }
            }

            let groupCount = groupClusters.count
            bandLeft = [Double](repeating: 0, count: groupCount)
            bandWidth = [Double](repeating: 0, count: groupCount)
            groupFirstLayer = [Int](repeating: Int.max, count: groupCount)
            groupLastLayer = [Int](repeating: Int.min, count: groupCount)
            x = [Double](repeating: 0, count: n)
        }

        /// The padding inside a group's band: clusters get a box, the
        /// unclustered nodes do not.
        func padding(_ group: Int) -> Double {
            groupClusters[group] == nil ? 0 : layout.clusterPadding
        }

        /// Sizes each band to its widest row and packs the bands left to right
        /// with a per-layer skyline, so bands sharing a layer never overlap
        /// while bands on disjoint layers may share a column.
        ///
        /// - Complexity: O(N + C · L).
        mutating func placeBands() {
            for l in 0..<layerCount {
                var i = layerStart[l]
                while i < layerStart[l + 1] {
                    let group = groupOf[order[i]]
                    var rowWidth = -layout.nodeSpacing
                    while i < layerStart[l + 1], groupOf[order[i]] == group {
                        rowWidth += layout.nodes[order[i]].width + layout.nodeSpacing
                        i += 1
                    }
                    bandWidth[group] = max(bandWidth[group], rowWidth + 2 * padding(group))
                    groupFirstLayer[group] = min(groupFirstLayer[group], l)
                    groupLastLayer[group] = max(groupLastLayer[group], l)
                }
            }
            // A box reaches half a row plus its padding below its last row and
            // that plus the label strip above its first: when layers are closer
            // than that, a box starting on the next layer would overlap, so a
            // band also holds its column one layer further down.
            let clustered = groupClusters.count > 1
            let reach = layout.rowHeight + 2 * layout.clusterPadding + layout.clusterLabelHeight + Self.minimumBoxGap
            let holdsNextLayer = clustered && layout.layerSpacing < reach
            var skyline = [Double](repeating: 0, count: layerCount)
            for group in bandLeft.indices where groupFirstLayer[group] <= groupLastLayer[group] {
                let last = holdsNextLayer && groupClusters[group] != nil ? min(groupLastLayer[group] + 1, layerCount - 1) : groupLastLayer[group]
                let span = groupFirstLayer[group]...last
                let left = span.map { skyline[$0] }.max()!
                bandLeft[group] = left
                for l in span { skyline[l] = left + bandWidth[group] + layout.clusterSpacing }
            }
        }

        /// The least vertical gap between two cluster boxes, in points.
        static let minimumBoxGap = 6.0

        /// Packs every row in input order, centred in its band.
        mutating func initialRows() {
            for l in 0..<layerCount {
                forEachRow(inLayer: l) { engine, row, group in
                    let inner = engine.bandWidth[group] - 2 * engine.padding(group)
                    let used = row.reduce(-engine.layout.nodeSpacing) { $0 + engine.layout.nodes[$1].width + engine.layout.nodeSpacing }
                    var left = engine.bandLeft[group] + engine.padding(group) + (inner - used) / 2
                    for node in row {
                        let width = engine.layout.nodes[node].width
                        engine.x[node] = left + width / 2
                        left += width + engine.layout.nodeSpacing
                    }
                }
            }
        }

        /// Visits the rows of layer `l`: one ordered slice per group.
        mutating func forEachRow(inLayer l: Int, _ body: (inout Engine, ArraySlice<Int>, Int) -> Void) {
            var i = layerStart[l]
            while i < layerStart[l + 1] {
                let group = groupOf[order[i]]
                var end = i
                while end < layerStart[l + 1], groupOf[order[end]] == group { end += 1 }
                body(&self, order[i..<end], group)
                i = end
            }
        }

        /// One barycentre sweep over all layers.
        ///
        /// Each node's target is the mean x of its neighbours on earlier
        /// layers (downward) or later layers (upward), or on both sides;
        /// a node without such neighbours keeps its x. With `reorder`, each
        /// row is re-sorted by target before placement.
        ///
        /// - Complexity: O(E + N log N).
        mutating func sweep(downward: Bool, reorder: Bool, bothSides: Bool = false) {
            var target = x
            let layers = downward ? Array(0..<layerCount) : Array((0..<layerCount).reversed())
            for l in layers {
                for slot in layerStart[l]..<layerStart[l + 1] {
                    let node = order[slot]
                    var sum = 0.0
                    var count = 0
                    for k in neighbourStart[node]..<neighbourStart[node + 1] {
                        let other = neighbours[k]
                        let otherLayer = layerOf[other]
                        let counts = bothSides ? otherLayer != l : (downward ? otherLayer < l : otherLayer > l)
                        if counts {
                            sum += x[other]
                            count += 1
                        }
                    }
                    target[node] = count == 0 ? x[node] : sum / Double(count)
                }
                if reorder {
                    let key = target
                    let current = x
                    let groups = groupOf
                    order[layerStart[l]..<layerStart[l + 1]].sort {
                        (groups[$0], key[$0], current[$0], $0) < (groups[$1], key[$1], current[$1], $1)
                    }
                }
                forEachRow(inLayer: l) { engine, row, group in
                    engine.placeRow(row, group: group, targets: target)
                }
            }
        }

        /// Places one ordered row inside its band, each node as near its
        /// target as the minimum spacing allows.
        ///
        /// Two greedy passes, one pushing right and one pushing left, each
        /// give a valid placement; their average is valid too (the
        /// constraints are convex) and does not favour either side.
        ///
        /// - Complexity: O(row length).
        mutating func placeRow(_ row: ArraySlice<Int>, group: Int, targets: [Double]) {
            let nodes = layout.nodes
            let gap = layout.nodeSpacing
            let low = bandLeft[group] + padding(group)
            let high = bandLeft[group] + bandWidth[group] - padding(group)
            let row = Array(row)
            let count = row.count
            let widths = row.map { nodes[$0].width }

            // Left edges, pushing right, then pulled back inside the band.
            var right = [Double](repeating: 0, count: count)
            var edge = low
            for i in 0..<count {
                right[i] = max(targets[row[i]] - widths[i] / 2, edge)
                edge = right[i] + widths[i] + gap
            }
            edge = high
            for i in (0..<count).reversed() {
                right[i] = min(right[i], edge - widths[i])
                edge = right[i] - gap
            }
            // Pushing left, then pulled back inside the band.
            var left = [Double](repeating: 0, count: count)
            edge = high
            for i in (0..<count).reversed() {
                left[i] = min(targets[row[i]] - widths[i] / 2, edge - widths[i])
                edge = left[i] - gap
            }
            edge = low
            for i in 0..<count {
                left[i] = max(left[i], edge)
                edge = left[i] + widths[i] + gap
            }
            for i in 0..<count {
                x[row[i]] = (left[i] + right[i]) / 2 + widths[i] / 2
            }
        }

        func result() -> DiagramPlacement {
            let spacing = layout.layerSpacing
            let hasClusters = groupClusters.count > 1
            let top = layout.rowHeight / 2 + (hasClusters ? layout.clusterPadding + layout.clusterLabelHeight : 0)
            let bottom = layout.rowHeight / 2 + (hasClusters ? layout.clusterPadding : 0)
            let positions = x.indices.map { DiagramPlacement.Point(x: x[$0], y: top + Double(layerOf[$0]) * spacing) }
            var clusterBoxes: [Int: DiagramPlacement.Rect] = [:]
            for group in groupClusters.indices where groupFirstLayer[group] <= groupLastLayer[group] {
                guard let cluster = groupClusters[group] else { continue }
                clusterBoxes[cluster] = DiagramPlacement.Rect(
                    minX: bandLeft[group],
                    minY: top + Double(groupFirstLayer[group]) * spacing - layout.rowHeight / 2 - layout.clusterPadding - layout.clusterLabelHeight,
                    maxX: bandLeft[group] + bandWidth[group],
                    maxY: top + Double(groupLastLayer[group]) * spacing + layout.rowHeight / 2 + layout.clusterPadding
                )
            }
            let width = bandLeft.indices.map { bandLeft[$0] + bandWidth[$0] }.max() ?? 0
            let height = layerCount == 0 ? 0 : top + Double(layerCount - 1) * spacing + bottom
            return DiagramPlacement(
                positions: positions,
                clusterBoxes: clusterBoxes,
                width: width,
                height: height,
                clusterLabelHeight: hasClusters ? layout.clusterLabelHeight : 0
            )
        }
    }
}
