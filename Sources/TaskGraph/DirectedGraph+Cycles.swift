/// The strongly connected components of a graph.
public struct StronglyConnectedComponents: Sendable {
    /// The component of each node. Components are numbered in the order Tarjan's
    /// algorithm completes them (a reverse topological order of the condensation).
    public let componentOf: [Int32]
    /// The number of nodes in each component.
    public let sizes: [Int32]

    /// The number of components.
    public var count: Int { sizes.count }
}

extension DirectedGraph {
    /// Tarjan's strongly connected components, iterative (no recursion, so a
    /// chain or cycle of millions of nodes cannot overflow the stack).
    ///
    /// - Complexity: O(V + E) time, O(V) extra memory.
    public func stronglyConnectedComponents() -> StronglyConnectedComponents {
        let n = nodeCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var componentOf = [Int32](repeating: -1, count: n)
        var sizes: [Int32] = []
        var stack: [Int32] = []
        // Call stack of (node, position in its out-edge list).
        var frames: [(node: Int32, next: Int32)] = []
        var counter: Int32 = 0

        for root in 0..<Int32(n) where index[Int(root)] < 0 {
            frames.append((root, outOffsets[Int(root)]))
            index[Int(root)] = counter
            low[Int(root)] = counter
            counter += 1
            stack.append(root)
            onStack[Int(root)] = true

            while let top = frames.last {
                let v = Int(top.node)
                let end = outOffsets[v + 1]
                var next = top.next
                var descended = false
                while next < end {
                    let w = Int(edgeTargets[Int(outEdges[Int(next)])])
                    next += 1
                    if index[w] < 0 {
                        frames[frames.count - 1].next = next
                        index[w] = counter
                        low[w] = counter
                        counter += 1
                        stack.append(Int32(w))
                        onStack[w] = true
                        frames.append((Int32(w), outOffsets[w]))
                        descended = true
                        break
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                }
                if descended { continue }
                frames.removeLast()
                if low[v] == index[v] {
                    let c = Int32(sizes.count)
                    var size: Int32 = 0
                    while true {
                        let w = Int(stack.removeLast())
                        onStack[w] = false
                        componentOf[w] = c
                        size += 1
                        if w == v { break }
                    }
                    sizes.append(size)
                }
                if let parent = frames.last {
                    let p = Int(parent.node)
                    low[p] = min(low[p], low[v])
                }
            }
        }
        return StronglyConnectedComponents(componentOf: componentOf, sizes: sizes)
    }

    /// A shortest cycle through `start` that stays inside `start`'s strongly
    /// connected component, as edge ids in order (the first edge leaves `start`,
    /// the last enters it). Empty when `start` lies on no cycle.
    ///
    /// Breadth-first search from `start`, exploring out-edges in edge order, so the
    /// answer is deterministic.
    ///
    /// - Complexity: O(V + E) of the component.
    public func shortestCycle(through start: Int32, in components: StronglyConnectedComponents) -> [Int32] {
        let component = components.componentOf[Int(start)]
        var parentEdge: [Int32: Int32] = [start: -1]
        var queue: [Int32] = [start]
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for e in outgoing(v) {
                let w = edgeTargets[Int(e)]
                if components.componentOf[Int(w)] != component { continue }
                if w == start {
                    var path: [Int32] = [e]
                    var at = v
                    while at != start {
                        let pe = parentEdge[at]!
                        path.append(pe)
                        at = edgeSources[Int(pe)]
                    }
                    return path.reversed()
                }
                if parentEdge[w] == nil {
                    parentEdge[w] = e
                    queue.append(w)
                }
            }
        }
        return []
    }
}
