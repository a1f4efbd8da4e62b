import Testing
@testable import TaskGraph

func graph(_ n: Int, _ edges: [(Int32, Int32)]) -> DirectedGraph {
    DirectedGraph(nodeCount: n, sources: edges.map(\.0), targets: edges.map(\.1))
}

@Suite struct DirectedGraphTests {
    //  0 ──▶ 1 ──▶ 3
    //  │           ▲
    //  └───▶ 2 ────┘
    let diamond = graph(4, [(0, 1), (0, 2), (1, 3), (2, 3)])

    @Test func adjacencyKeepsEdgeOrder() {
        #expect(Array(diamond.outgoing(0)) == [0, 1])
        #expect(Array(diamond.incoming(3)) == [2, 3])
        #expect(diamond.outDegree(3) == 0)
        #expect(diamond.inDegree(0) == 0)
    }

    @Test func edgeListsHoldOneDirectionInEdgeOrder() {
        let sources: [Int32] = [0, 0, 1, 2], targets: [Int32] = [1, 2, 3, 3]
        let ids = EdgeLists(nodeCount: 4, keys: targets)
        #expect(Array(ids.of(3)) == [2, 3])
        #expect(ids.count(0) == 0)
        // With values, the lists hold the other endpoint: here each node's predecessors.
        let predecessors = EdgeLists(nodeCount: 4, keys: targets, values: sources)
        #expect(Array(predecessors.of(3)) == [1, 2])
        #expect(Array(predecessors.of(1)) == [0])
        let successors = EdgeLists(nodeCount: 4, keys: sources, values: targets)
        #expect(Array(successors.of(0)) == [1, 2])
        #expect(successors.offsets == diamond.outOffsets)
    }

    @Test func topologicalOrderTakesSmallestReadyFirst() {
        #expect(diamond.topologicalOrder() == [0, 1, 2, 3])
        // 2 ──▶ 0, 1 free: 1 is ready first, then 2, then 0.
        let g = graph(3, [(2, 0)])
        #expect(g.topologicalOrder() == [1, 2, 0])
    }

    @Test func passThroughNodesAreTakenAtOnce() {
        // 0 ──▶ 3(milestone) ──▶ 1 ; 2 free. After 0, the milestone releases 1 before 2 is taken.
        let g = graph(4, [(0, 3), (3, 1)])
        #expect(g.topologicalOrder(passThrough: [false, false, false, true]) == [0, 3, 1, 2])
    }

    @Test func cycleHasNoTopologicalOrder() {
        #expect(graph(3, [(0, 1), (1, 2), (2, 0)]).topologicalOrder() == nil)
        #expect(graph(3, [(0, 1), (1, 2), (2, 0)]).anyTopologicalOrder() == nil)
    }

    @Test func anyTopologicalOrderPutsEveryEdgeForward() throws {
        let g = graph(6, [(5, 0), (0, 1), (4, 1), (1, 2), (3, 2), (5, 3)])
        let order = try #require(g.anyTopologicalOrder())
        #expect(order.sorted() == Array(0..<6))
        var position = [Int](repeating: 0, count: 6)
        for (i, v) in order.enumerated() { position[Int(v)] = i }
        for e in 0..<g.edgeCount { #expect(position[Int(g.edgeSources[e])] < position[Int(g.edgeTargets[e])]) }
    }

    @Test func generationsCountOnlyWeightedNodes() {
        // 0 ──▶ 4(milestone, weight 0) ──▶ 1 ──▶ 2 ; 3 alone
        let g = graph(5, [(0, 4), (4, 1), (1, 2)])
        let order = g.topologicalOrder()!
        #expect(g.generations(order: order, weight: [1, 1, 1, 1, 0]) == [1, 2, 3, 1, 1])
    }

    /// Graphs of 2^17 edges or more sort their two directions on two threads
    /// (into arrays made on the calling one): the lists must be the ones each
    /// direction gets alone.
    @Test func largeGraphsListTheEdgesOfOneDirectionSortedAlone() {
        let nodeCount = 3_001, edgeCount = (1 << 17) + 5
        var state: UInt64 = 7
        func next() -> Int32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int32((state >> 33) % UInt64(nodeCount))
        }
        var sources: [Int32] = [], targets: [Int32] = []
        for _ in 0..<edgeCount {
            sources.append(next())
            targets.append(next())
        }
        let g = DirectedGraph(nodeCount: nodeCount, sources: sources, targets: targets)
        let out = EdgeLists(nodeCount: nodeCount, keys: sources), into = EdgeLists(nodeCount: nodeCount, keys: targets)
        #expect(g.outOffsets == out.offsets && g.outEdges == out.edges)
        #expect(g.inOffsets == into.offsets && g.inEdges == into.edges)
        #expect(g.outEdges.count == edgeCount && g.outOffsets.count == nodeCount + 1)
        // Every edge is listed once in each direction, under its own endpoint.
        #expect(Set(g.inEdges).count == edgeCount)
        #expect(g.incoming(targets[edgeCount - 1]).contains(Int32(edgeCount - 1)))
    }

    @Test func criticalPathTimesOnDiamond() {
        let order = diamond.topologicalOrder()!
        let t = diamond.criticalPathTimes(order: order, durations: [1, 5, 2, 1])
        #expect(t.length == 7)
        #expect(t.earliestStart == [0, 1, 1, 6])
        #expect(Array(t.latestStart) == [0, 1, 4, 6])
        // The finishes and latest starts are read from the stored times and the durations.
        #expect(Array(t.earliestFinish) == [1, 6, 3, 7])
        #expect(t.latestFinish == [1, 6, 6, 7])
        #expect(t.earliestFinish.count == 4 && t.latestStart.count == 4)
        #expect(t.slack(2) == 3)
        #expect(t.slack(1) == 0)
    }

    @Test func unsafeTimesReadTheSameValuesToTheBit() {
        // Durations that do not add up exactly in binary (0.1, 0.2, 1/3), a
        // chain of 40 nodes with shortcuts, and 10 nodes hanging off it (slack).
        var edges: [(Int32, Int32)] = []
        for v in 1..<40 { edges.append((Int32(v - 1), Int32(v))) }
        for v in stride(from: 3, to: 40, by: 5) { edges.append((Int32(v - 3), Int32(v))) }
        for v in 40..<50 { edges.append((Int32((v - 40) * 3), Int32(v))) }
        let g = graph(50, edges)
        let durations = (0..<50).map { [0.1, 0.2, 1.0 / 3, 7, 0][$0 % 5] * Double($0 % 7 + 1) }
        let t = g.criticalPathTimes(order: g.topologicalOrder()!, durations: durations)
        t.withUnsafeTimes { u in
            for v in 0..<50 {
                #expect(u.earliestStart[v].bitPattern == t.earliestStart[v].bitPattern)
                #expect(u.latestFinish[v].bitPattern == t.latestFinish[v].bitPattern)
                #expect(u.earliestFinish(v).bitPattern == t.earliestFinish[v].bitPattern)
                #expect(u.latestStart(v).bitPattern == t.latestStart[v].bitPattern)
                #expect(u.slack(v).bitPattern == t.slack(Int32(v)).bitPattern)
            }
        }
        // Not all zero: the side branches have slack.
        #expect((0..<50).contains { t.slack(Int32($0)) > 0 })
    }

    /// The one forward pass hands each node's layer and finish to its
    /// successors: its order, layers, starts and length must be those of
    /// the separate passes to the bit, on random DAGs with durations that
    /// do not add up exactly, zeros of both signs, negatives, NaN and ∞.
    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func forwardPassMatchesTheSeparatePassesToTheBit(seed: UInt64) throws {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let n = 50 + next(400)
        // Edges from a lower to a higher rank of a shuffled numbering: acyclic,
        // with nodes that are not in number order.
        var rank = Array(0..<Int32(n))
        for i in stride(from: n - 1, to: 0, by: -1) { rank.swapAt(i, next(i + 1)) }
        var edges: [(Int32, Int32)] = []
        for _ in 0..<(n * (1 + next(4))) {
            let a = next(n), b = next(n)
            guard a != b else { continue }
            edges.append((rank[min(a, b)], rank[max(a, b)]))
        }
        let g = graph(n, edges)
        let odd: [Double] = [0.1, 0.2, 1.0 / 3, 7, 0, -0.0, -2.5, .nan, .infinity, 1e6, 0.3]
        let durations = (0..<n).map { _ in next(3) == 0 ? odd[next(odd.count)] : Double(next(9)) * 0.1 }
        let weight = (0..<n).map { _ in Int32(next(2)) }
        let forward = try #require(g.forwardPass(weight: weight, durations: durations))
        // `anyTopologicalOrder` runs the same queue loop, so the order is
        // checked against a plain FIFO Kahn written here.
        let order = fifoKahnOrder(g)
        #expect(try #require(g.anyTopologicalOrder()) == order)
        #expect(forward.order == order)
        #expect(forward.generations == g.generations(order: order, weight: weight))
        let separate = g.criticalPathTimes(order: order, durations: durations)
        let fused = g.criticalPathTimes(forward, durations: durations)
        #expect(fused.length.bitPattern == separate.length.bitPattern)
        #expect(fused.earliestStart.map(\.bitPattern) == separate.earliestStart.map(\.bitPattern))
        #expect(fused.latestFinish.map(\.bitPattern) == separate.latestFinish.map(\.bitPattern))
        // The pass without weights (the waves found on another thread by a
        // pass of their own): the same order, starts and length, no layers.
        let unweighted = try #require(g.forwardPass(weight: nil, durations: durations))
        #expect(unweighted.order == order && unweighted.generations.isEmpty)
        #expect(unweighted.length.bitPattern == forward.length.bitPattern)
        #expect(unweighted.earliestStart.map(\.bitPattern) == forward.earliestStart.map(\.bitPattern))
        #expect(g.generations(weight: weight) == forward.generations)
        // A cycle: no pass.
        let cycle = graph(3, [(0, 1), (1, 2), (2, 0)])
        #expect(cycle.forwardPass(weight: [1, 1, 1], durations: [1, 1, 1]) == nil)
        #expect(cycle.forwardPass(weight: nil, durations: [1, 1, 1]) == nil)
        #expect(cycle.generations(weight: [1, 1, 1]) == nil)
    }

    /// Kahn's algorithm with a FIFO queue, ready successors queued in edge
    /// order: the order `anyTopologicalOrder` and `forwardPass` promise.
    func fifoKahnOrder(_ g: DirectedGraph) -> [Int32] {
        var remaining = (0..<Int32(g.nodeCount)).map { g.inDegree($0) }
        var queue = (0..<Int32(g.nodeCount)).filter { remaining[Int($0)] == 0 }
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for e in g.outgoing(v) {
                let w = g.edgeTargets[Int(e)]
                remaining[Int(w)] -= 1
                if remaining[Int(w)] == 0 { queue.append(w) }
            }
        }
        return queue
    }

    @Test func sccFindsCyclesAndSingletons() {
        // 0 ⇄ 1 ──▶ 2 ──▶ 3 ──▶ 2
        let g = graph(4, [(0, 1), (1, 0), (1, 2), (2, 3), (3, 2)])
        let scc = g.stronglyConnectedComponents()
        #expect(scc.count == 2)
        #expect(scc.componentOf[0] == scc.componentOf[1])
        #expect(scc.componentOf[2] == scc.componentOf[3])
        #expect(scc.componentOf[0] != scc.componentOf[2])
    }

    @Test func shortestCycleThroughStart() {
        // 0 ──▶ 1 ──▶ 2 ──▶ 0 and a shortcut 1 ──▶ 0
        let g = graph(3, [(0, 1), (1, 2), (2, 0), (1, 0)])
        let scc = g.stronglyConnectedComponents()
        let cycle = g.shortestCycle(through: 0, in: scc)
        #expect(cycle == [0, 3])
    }

    @Test func hugeCycleAndChainDoNotOverflowTheStack() {
        let n = 200_000
        var s: [Int32] = [], t: [Int32] = []
        for i in 0..<n { s.append(Int32(i)); t.append(Int32((i + 1) % n)) }
        let ring = DirectedGraph(nodeCount: n, sources: s, targets: t)
        let scc = ring.stronglyConnectedComponents()
        #expect(scc.count == 1)
        #expect(ring.shortestCycle(through: 0, in: scc).count == n)
        let chain = DirectedGraph(nodeCount: n, sources: Array(s.dropLast()), targets: Array(t.dropLast()))
        #expect(chain.stronglyConnectedComponents().count == n)
        #expect(chain.topologicalOrder()?.count == n)
    }

    @Test func transitiveReductionDropsImpliedEdges() {
        // 0 ──▶ 1 ──▶ 2 and 0 ──▶ 2 (implied)
        let g = graph(3, [(0, 1), (1, 2), (0, 2)])
        #expect(g.transitiveReductionMask(order: g.topologicalOrder()!) == [true, true, false])
        #expect(diamond.transitiveReductionMask(order: diamond.topologicalOrder()!) == [true, true, true, true])
    }
}
