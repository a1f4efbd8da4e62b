import Graphviz
import Testing

/// A seeded random layered DAG: `layers` layers, every node with up to two
/// parents on the one to three layers above, clusters of consecutive layers
/// plus a second, parallel cluster on some layers and a few unclustered nodes.
private func randomLayout(nodes count: Int, layers: Int, seed: UInt64) -> LayeredLayout {
    var state = seed
    func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
    var nodes: [LayeredLayout.Node] = []
    var byLayer = [[Int]](repeating: [], count: layers)
    for index in 0..<count {
        let layer = index * layers / count
        let cluster: Int? = index % 17 == 0 ? nil : (layer / 3) * 2 + (index % 3 == 0 ? 1 : 0)
        byLayer[layer].append(index)
        nodes.append(.init(layer: layer, cluster: cluster, width: Double(40 + next(60))))
    }
    var edges: [LayeredLayout.Edge] = []
    for index in 0..<count where nodes[index].layer > 0 {
        for _ in 0..<2 {
            let parentLayer = max(0, nodes[index].layer - 1 - next(3))
            let candidates = byLayer[parentLayer]
            edges.append(.init(from: candidates[next(candidates.count)], to: index))
        }
    }
    return LayeredLayout(nodes: nodes, edges: edges)
}

@Suite("LayeredLayout")
struct LayeredLayoutTests {
    static let layouts = [
        randomLayout(nodes: 60, layers: 6, seed: 1),
        randomLayout(nodes: 500, layers: 12, seed: 2),
        randomLayout(nodes: 2_000, layers: 40, seed: 3),
    ]

    @Test(arguments: layouts)
    func lowerLayersAreAboveHigherOnes(layout: LayeredLayout) {
        let placement = layout.place()
        for i in layout.nodes.indices {
            for j in layout.nodes.indices where layout.nodes[i].layer < layout.nodes[j].layer {
                #expect(placement.positions[i].y < placement.positions[j].y)
            }
            if i > 200 { break }  // quadratic check; the first nodes suffice
        }
        let layerY = Dictionary(grouping: layout.nodes.indices) { layout.nodes[$0].layer }
            .mapValues { Set($0.map { placement.positions[$0].y }) }
        #expect(layerY.values.allSatisfy { $0.count == 1 })
    }

    @Test(arguments: layouts)
    func nodesOfALayerDoNotOverlap(layout: LayeredLayout) {
        let placement = layout.place()
        for row in rows(layout, placement) {
            for (left, right) in zip(row, row.dropFirst()) {
                let gap = (placement.positions[right].x - layout.nodes[right].width / 2)
                    - (placement.positions[left].x + layout.nodes[left].width / 2)
                #expect(gap >= layout.nodeSpacing - 1e-6)
            }
        }
    }

    @Test(arguments: layouts)
    func clusterMembersAreContiguousWithinALayer(layout: LayeredLayout) {
        let placement = layout.place()
        for row in rows(layout, placement) {
            var finished: Set<Int?> = []
            var current: Int?? = .none
            for node in row {
                let cluster = layout.nodes[node].cluster
                if current != .some(cluster) {
                    if let current { finished.insert(current) }
                    #expect(!finished.contains(cluster), "cluster \(String(describing: cluster)) split")
                    current = .some(cluster)
                }
            }
        }
    }

    @Test(arguments: layouts)
    func clusterBoxesEncloseTheirMembersAndDoNotOverlap(layout: LayeredLayout) {
        let placement = layout.place()
        for (index, node) in layout.nodes.enumerated() {
            guard let cluster = node.cluster, let box = placement.clusterBounds[cluster] else {
                #expect(node.cluster == nil)
                continue
            }
            let point = placement.positions[index]
            #expect(box.minX <= point.x - node.width / 2 && point.x + node.width / 2 <= box.maxX)
            #expect(box.minY < point.y && point.y < box.maxY)
        }
        let boxes = placement.clusterBounds.sorted { $0.key < $1.key }.map(\.value)
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                let apart = a.maxX <= b.minX || b.maxX <= a.minX || a.maxY <= b.minY || b.maxY <= a.minY
                #expect(apart)
            }
        }
    }

    @Test(arguments: layouts)
    func placementIsDeterministic(layout: LayeredLayout) {
        #expect(layout.place() == layout.place())
    }

    @Test func emptyAndSingleNodeGraphs() {
        let empty = LayeredLayout(nodes: [], edges: []).place()
        #expect(empty.positions.isEmpty && empty.clusterBounds.isEmpty)
        let single = LayeredLayout(nodes: [.init(layer: 7, width: 54)], edges: []).place()
        #expect(single.positions.count == 1)
        #expect(single.bounds.maxX == 54)
    }

    /// ```
    ///   0 ─▶ 2      a child sits under its only parent
    ///   1
    /// ```
    @Test func aChildIsPulledUnderItsParent() {
        let layout = LayeredLayout(
            nodes: [.init(layer: 0, width: 50), .init(layer: 0, width: 50), .init(layer: 1, width: 50)],
            edges: [.init(from: 1, to: 2)]
        )
        let placement = layout.place()
        #expect(placement.positions[2].x == placement.positions[1].x)
    }

    @Test func dotAttributesFlipYAndUsePoints() throws {
        let layout = LayeredLayout(
            nodes: [.init(layer: 0, cluster: 1, width: 54.5), .init(layer: 1, cluster: 1, width: 54.5)],
            edges: [.init(from: 0, to: 1)]
        )
        let placement = layout.place()
        // Padding 10, label strip 20, row height 36, layer spacing 90:
        // rows at y 48 and 138 of 166, flipped for Graphviz.
        #expect(placement.dotPosition(of: 0) == "37.25,118!")
        #expect(placement.dotPosition(of: 1) == "37.25,28!")
        #expect(placement.dotBoundingBox(ofCluster: 1) == "0,0,74.5,166")
        #expect(placement.dotBoundingBox(ofCluster: 2) == nil)
        #expect(placement.dotBoundingBox == "0,0,74.5,166")
        #expect(placement.dotLabelPosition(ofCluster: 1) == "37.25,154")
    }

    /// Under the pinned engine a cluster is drawn only with a `bb`; nodes
    /// keep the positions given.
    @Test func pinnedRenderingDrawsClustersThatCarryABoundingBox() throws {
        let layout = randomLayout(nodes: 40, layers: 5, seed: 9)
        let placement = layout.place()
        var dot = "digraph { splines=line; node [shape=box width=0.5 height=0.5 fixedsize=true];\n"
        for cluster in placement.clusterBounds.keys.sorted() {
            let members = layout.nodes.indices.filter { layout.nodes[$0].cluster == cluster }
            let bb = try #require(placement.dotBoundingBox(ofCluster: cluster))
            let lp = try #require(placement.dotLabelPosition(ofCluster: cluster))
            dot += "subgraph cluster_\(cluster) { bb=\"\(bb)\" lp=\"\(lp)\" label=\"P\(cluster)\" "
            dot += members.map { "n\($0)" }.joined(separator: " ") + " }\n"
        }
        dot += "subgraph cluster_unboxed { n0 }\n"
        for index in layout.nodes.indices {
            dot += "n\(index) [id=\"n\(index)\" pos=\"\(placement.dotPosition(of: index))\"]\n"
        }
        for edge in layout.edges { dot += "n\(edge.from) -> n\(edge.to)\n" }
        dot += "}"

        let svg = try #require(SVGSummary(try Graphviz.render(dot: dot, layout: .pinned, format: .svg)))
        #expect(svg.nodeIDs.count == layout.nodes.count)
        #expect(svg.clusterCount == placement.clusterBounds.count)

        let laidOut = String(decoding: try Graphviz.render(dot: dot, layout: .pinned, format: .dot), as: UTF8.self)
        #expect(laidOut.contains("pos=\"\(placement.dotPosition(of: 5).dropLast())\""))
    }
}

/// The nodes of each layer, left to right.
private func rows(_ layout: LayeredLayout, _ placement: LayeredPlacement) -> [[Int]] {
    Dictionary(grouping: layout.nodes.indices) { layout.nodes[$0].layer }
        .sorted { $0.key < $1.key }
        .map { $0.value.sorted { placement.positions[$0].x < placement.positions[$1].x } }
}
