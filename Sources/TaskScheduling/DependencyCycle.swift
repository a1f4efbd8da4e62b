import SpecKitTasks
import TaskGraph

/// A cycle of written dependencies: one shortest cycle through a strongly
/// connected component of the written edges, and the written edges left out
/// of the plan so that the component no longer holds a cycle.
public struct DependencyCycle: Sendable, Hashable {
    /// One edge of a cycle, with where it came from.
    public struct Edge: Sendable, Hashable {
        public let from: Int32
        public let to: Int32
        public let kind: EdgeKind
        public let location: SourceLocation
        /// The edge's number in the plan's graph, or nil when it was left out.
        public let graphEdge: Int32?
    }

    /// Nodes of the cycle in order; the cycle closes back to `nodes[0]`.
    public let nodes: [Int32]
    /// `edges[i]` goes from `nodes[i]` to `nodes[(i + 1) % count]`.
    public let edges: [Edge]
    /// The number of nodes in the strongly connected component.
    public let componentSize: Int
    /// Written edges left out of the plan, which break every cycle of the component.
    public let removed: [Edge]

    /// Notes naming left-out edges, at most; the rest are counted.
    public static let removalNotesShown = 10

    /// A milestone said in words: `@end-phase-2` is "the end of Phase 2",
    /// `@start-phase-3` "the start of Phase 3"; task IDs stay as they are.
    static func spoken(_ name: String) -> String {
        guard name.hasPrefix("@") else { return name }
        let base = name.split(separator: "#").first.map(String.init) ?? name
        if base.hasPrefix(GraphBuilder.groupMilestonePrefix) {
            return "every task of " + base.dropFirst(GraphBuilder.groupMilestonePrefix.count).replacingOccurrencesOfDots()
        }
        if base.hasPrefix("@end-phases-") { return "the end of Phases " + base.dropFirst("@end-phases-".count).replacingDash() }
        if base.hasPrefix("@end-phase-") { return "the end of Phase " + base.dropFirst("@end-phase-".count) }
        if base.hasPrefix("@start-phase-") { return "the start of Phase " + base.dropFirst("@start-phase-".count) }
        if base.hasPrefix("@end-") { return "the end of the [P] group " + base.dropFirst("@end-".count).replacingOccurrencesOfDots() }
        return name
    }

    /// `path:line:col: error: dependency cycle T014 → T016 → T014 [cycle]`, with a
    /// note per edge saying which kind of edge it is and where it was written,
    /// and one per edge the plan leaves out.
    public func diagnostic(graph: ScheduleGraph, document: SpecDocument) -> Diagnostic {
        let names = nodes.map { graph.name(of: $0, in: document) }
        let text = (names + [names.first ?? ""]).joined(separator: " → ")
        let anchor = nodes.first { !graph.isMilestone($0) }
        let location = anchor.map { document.tasks[Int(graph.taskOfNode[Int($0)])].location }
            ?? edges.first?.location ?? SourceLocation(line: 1, column: 1)
        var notes: [Diagnostic.Note] = []
        func spoken(_ node: Int32) -> String { Self.spoken(graph.name(of: node, in: document)) }
        // A correction's line is in the corrections file, not in the document.
        func file(of e: Edge) -> String? { e.kind == .correction ? document.correctionsPath : nil }
        // A group's milestone waits for its predecessors (its name says them)
        // and stands for its successors when something is said to wait for it.
        func spokenSuccessor(_ node: Int32) -> String {
            guard graph.isMilestone(node), graph.name(of: node, in: document).hasPrefix(GraphBuilder.groupMilestonePrefix)
            else { return spoken(node) }
            let after = graph.graph.outgoing(node).map { graph.graph.edgeTargets[Int($0)] }
            guard let first = after.min(), let last = after.max() else { return spoken(node) }
            let names = [first, last].map { graph.name(of: $0, in: document) }
            return first == last ? names[0] : "every task of \(names[0])–\(names[1])"
        }
        for e in edges {
            let from = spoken(e.from)
            let to = spokenSuccessor(e.to)
            notes.append(.init(message: "\(to) waits for \(from) (\(e.kind.rawValue) edge)", location: e.location, file: file(of: e)))
        }
        for e in removed.prefix(Self.removalNotesShown) {
            let from = spoken(e.from)
            let to = spokenSuccessor(e.to)
            notes.append(.init(
                message: "planned without the \(e.kind.rawValue) dependency of \(to) on \(from); remove or correct it",
                location: e.location, file: file(of: e)))
        }
        if removed.count > Self.removalNotesShown {
            notes.append(.init(
                message: "and \(removed.count - Self.removalNotesShown) more written dependencies left out (JSON cycles[].removed lists them all)",
                location: removed[Self.removalNotesShown].location))
        }
        let size = componentSize > nodes.count ? " (\(componentSize) tasks and milestones are caught in it)" : ""
        return Diagnostic(.cycle, "dependency cycle \(text)\(size)", at: location, notes: notes)
    }
}

/// Finds the cycles of a graph of written edges and the edges that break them.
enum CycleBreaker {
    struct Component {
        /// Edge ids of one shortest cycle found, in order.
        var cycle: [Int32]
        var size: Int
        /// Edge ids to leave out.
        var removed: [Int32]
    }

    /// Total breadth-first work spent looking for the shortest cycle of every
    /// component; each component is searched from at least its first node.
    static let searchBudget = 20_000_000
    /// Greedy picks per component before the linear fallback.
    static let greedyPicks = 64

    /// Every strongly connected component of more than one node, in document
    /// order of their first node, with one shortest cycle and the edges to remove.
    /// `position` places every node in the document (a milestone at the last
    /// task before it).
    ///
    /// Removal is greedy: the edge of the current cycle that points furthest
    /// back in the document (the likeliest mistake), up to 64 times; whatever
    /// cycles are left then lose the back edges of a depth-first search.
    ///
    /// - Complexity: O(V + E) for the components, plus the bounded search
    ///   budget, plus O(64 · (C + E_C)) per component of C nodes and E_C edges.
    static func breakCycles(in g: DirectedGraph, position: [Int32]) -> [Component] {
        let scc = g.stronglyConnectedComponents()
        var members: [Int32: [Int32]] = [:]
        for v in 0..<Int32(g.nodeCount) {
            let c = scc.componentOf[Int(v)]
            if scc.sizes[Int(c)] > 1 { members[c, default: []].append(v) }
        }
        guard !members.isEmpty else { return [] }
        var budget = searchBudget
        var result: [Component] = []
        for (component, nodes) in members.sorted(by: { $0.value[0] < $1.value[0] }) {
            var edgeCount = 0
            for v in nodes { edgeCount += g.outDegree(v) }
            let cost = nodes.count + edgeCount
            var cycle = g.shortestCycle(through: nodes[0], in: scc)
            budget -= cost
            for start in nodes.dropFirst() where cycle.count > 2 && budget >= cost {
                budget -= cost
                let candidate = g.shortestCycle(through: start, in: scc)
                if !candidate.isEmpty && candidate.count < cycle.count { cycle = candidate }
            }
            let removed = removals(g, position: position, component: component, members: nodes, scc: scc, first: cycle)
            result.append(Component(cycle: cycle, size: nodes.count, removed: removed))
        }
        return result
    }

    private static func removals(
        _ g: DirectedGraph, position: [Int32], component: Int32, members: [Int32], scc: StronglyConnectedComponents, first: [Int32]
    ) -> [Int32] {
        var removed = Set<Int32>()
        var cycle = first
        var result: [Int32] = []
        for _ in 0..<greedyPicks {
            guard let pick = cycle.max(by: { preference($0, g, position) < preference($1, g, position) })
            else { return result }
            removed.insert(pick)
            result.append(pick)
            guard let next = cycleAvoiding(removed, component: component, members: members, scc: scc, graph: g)
            else { return result }
            cycle = next
        }
        // Still cyclic: drop the back edges of a depth-first search of what is left.
        result.append(contentsOf: backEdges(g, avoiding: removed, component: component, members: members, scc: scc))
        return result
    }

    /// Which edge of a cycle to leave out first: the edge pointing furthest
    /// back in the document, then the later edge.
    private static func preference(_ e: Int32, _ g: DirectedGraph, _ position: [Int32]) -> (Int64, Int32) {
        (Int64(position[Int(g.edgeSources[Int(e)])]) - Int64(position[Int(g.edgeTargets[Int(e)])]), e)
    }

    /// Back edges of an iterative depth-first search inside the component.
    private static func backEdges(
        _ g: DirectedGraph, avoiding removed: Set<Int32>, component: Int32, members: [Int32],
        scc: StronglyConnectedComponents
    ) -> [Int32] {
        var state: [Int32: UInt8] = [:]  // 1 on the stack, 2 finished
        var back: [Int32] = []
        for root in members where state[root] == nil {
            var stack: [(node: Int32, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                let out = g.outgoing(top.node)
                if top.next == out.count {
                    state[top.node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let e = out[out.startIndex + top.next]
                if removed.contains(e) { continue }
                let w = g.edgeTargets[Int(e)]
                guard scc.componentOf[Int(w)] == component else { continue }
                switch state[w] {
                case nil:
                    state[w] = 1
                    stack.append((w, 0))
                case 1:
                    back.append(e)
                default:
                    break
                }
            }
        }
        return back
    }

    /// A cycle inside the component that uses none of the removed edges, or nil.
    private static func cycleAvoiding(
        _ removed: Set<Int32>, component: Int32, members: [Int32], scc: StronglyConnectedComponents,
        graph g: DirectedGraph
    ) -> [Int32]? {
        // Kahn's algorithm restricted to the component; what remains holds a cycle.
        var indegree: [Int32: Int32] = [:]
        for v in members { indegree[v] = 0 }
        for v in members {
            for e in g.outgoing(v) where !removed.contains(e) {
                let w = g.edgeTargets[Int(e)]
                if scc.componentOf[Int(w)] == component { indegree[w, default: 0] += 1 }
            }
        }
        var queue = members.filter { indegree[$0] == 0 }
        var head = 0
        var done = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            done += 1
            for e in g.outgoing(v) where !removed.contains(e) {
                let w = g.edgeTargets[Int(e)]
                guard scc.componentOf[Int(w)] == component else { continue }
                indegree[w]! -= 1
                if indegree[w] == 0 { queue.append(w) }
            }
        }
        if done == members.count { return nil }
        // Walk backwards from a node left over; every left-over node has a left-over
        // predecessor, so the walk must repeat a node: that loop is a cycle.
        let left = Set(members.filter { indegree[$0]! > 0 })
        var position: [Int32: Int] = [:]
        var walk: [Int32] = []
        var at = left.min()!
        while position[at] == nil {
            position[at] = walk.count
            let e = g.incoming(at).first {
                !removed.contains($0) && left.contains(g.edgeSources[Int($0)])
            }!
            walk.append(e)
            at = g.edgeSources[Int(e)]
        }
        return Array(walk[position[at]!...].reversed())
    }
}

extension Substring {
    /// `3-5` → `3–5`.
    fileprivate func replacingDash() -> String { String(map { $0 == "-" ? "–" : $0 }) }

    /// `T010..T012` → `T010–T012`.
    fileprivate func replacingOccurrencesOfDots() -> String {
        var out = ""
        var i = startIndex
        while i < endIndex {
            if self[i] == ".", index(after: i) < endIndex, self[index(after: i)] == "." {
                out.append("–")
                i = index(i, offsetBy: 2)
            } else {
                out.append(self[i])
                i = index(after: i)
            }
        }
        return out
    }
}
