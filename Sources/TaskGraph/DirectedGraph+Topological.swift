extension DirectedGraph {
    /// A topological order by Kahn's algorithm, or nil when the graph has a cycle.
    ///
    /// Among the ready nodes, those with `passThrough[v] == true` are taken at
    /// once (in the order they became ready); otherwise the smallest node number
    /// is taken first. With tasks numbered in document order and milestones marked
    /// pass-through, this is the reference order π of docs/semantics.md.
    ///
    /// - Complexity: O((V + E) log V).
    public func topologicalOrder(passThrough: [Bool]? = nil) -> [Int32]? {
        var remaining = [Int32](repeating: 0, count: nodeCount)
        for v in 0..<nodeCount { remaining[v] = inOffsets[v + 1] - inOffsets[v] }
        var heap = MinHeap()
        var immediate: [Int32] = []
        func push(_ v: Int32) {
            if let passThrough, passThrough[Int(v)] { immediate.append(v) } else { heap.push(v) }
        }
        for v in 0..<Int32(nodeCount) where remaining[Int(v)] == 0 { push(v) }
        var order: [Int32] = []
        order.reserveCapacity(nodeCount)
        while true {
            let v: Int32
            if let m = immediate.popLast() {
                v = m
            } else if let t = heap.pop() {
                v = t
            } else {
                break
            }
            order.append(v)
            for e in outgoing(v) {
                let w = edgeTargets[Int(e)]
                remaining[Int(w)] -= 1
                if remaining[Int(w)] == 0 { push(w) }
            }
        }
        return order.count == nodeCount ? order : nil
    }
}

extension DirectedGraph {
    /// Any topological order (Kahn's algorithm with a FIFO queue), or nil when
    /// the graph has a cycle. Cheaper than the prioritised order when only
    /// validity matters (waves, CPM).
    ///
    /// - Complexity: O(V + E).
    public func anyTopologicalOrder() -> [Int32]? {
        let n = nodeCount
        var ordered = 0
        // One slot more than the nodes: see `queuePass`.
        let order = [Int32](unsafeUninitializedCapacity: n + 1) { order, count in
            let noLayers = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
            let noStarts = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
            ordered = queuePass(order: order, weight: nil, level: noLayers, durations: nil, start: noStarts).ordered
            count = ordered
        }
        return ordered == n ? order : nil
    }
}

/// A binary min-heap of node numbers.
struct MinHeap {
    private var items: [Int32] = []

    mutating func push(_ x: Int32) {
        items.append(x)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if items[parent] <= x { break }
            items[i] = items[parent]
            i = parent
        }
        items[i] = x
    }

    mutating func pop() -> Int32? {
        guard let last = items.popLast() else { return nil }
        if items.isEmpty { return last }
        let top = items[0]
        var i = 0
        let n = items.count
        while true {
            var child = 2 * i + 1
            if child >= n { break }
            if child + 1 < n && items[child + 1] < items[child] { child += 1 }
            if items[child] >= last { break }
            items[i] = items[child]
            i = child
        }
        items[i] = last
        return top
    }
}
