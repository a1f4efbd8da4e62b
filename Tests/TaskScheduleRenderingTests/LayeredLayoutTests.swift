import TaskScheduleRendering
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
            guard let cluster = node.cluster, let box = placement.clusterBoxes[cluster] else {
                #expect(node.cluster == nil)
                continue
            }
            let point = placement.positions[index]
            #expect(box.minX <= point.x - node.width / 2 && point.x + node.width / 2 <= box.maxX)
            #expect(box.minY < point.y && point.y < box.maxY)
        }
        let boxes = placement.clusterBoxes.sorted { $0.key < $1.key }.map(\.value)
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
        #expect(empty.positions.isEmpty && empty.clusterBoxes.isEmpty)
        let single = LayeredLayout(nodes: [.init(layer: 7, width: 54)], edges: []).place()
        #expect(single.positions.count == 1)
        #expect(single.width == 54)
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
}

/// The nodes of each layer, left to right.
private func rows(_ layout: LayeredLayout, _ placement: DiagramPlacement) -> [[Int]] {
    Dictionary(grouping: layout.nodes.indices) { layout.nodes[$0].layer }
        .sorted { $0.key < $1.key }
        .map { $0.value.sorted { placement.positions[$0].x < placement.positions[$1].x } }
}
