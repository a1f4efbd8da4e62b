import SpecKitTasks
import TaskGraph

/// A dependency cycle: one shortest cycle through a strongly connected component,
/// and a small set of written dependencies whose removal makes the component acyclic.
public struct DependencyCycle: Sendable, Hashable {
    /// Nodes of the cycle in order, starting at the component's first node in
    /// document order (tasks before milestones). The cycle closes back to `nodes[0]`.
    public let nodes: [Int32]
    /// Edge ids: `edges[i]` goes from `nodes[i]` to `nodes[(i + 1) % count]`.
    public let edges: [Int32]
    /// The number of nodes in the strongly connected component.
    public let componentSize: Int
    /// Explicit or declared edges whose removal breaks every cycle of the
    /// component (greedy, so small, not always the smallest). Empty when the
    /// component cannot be broken by removing written dependencies alone.
    public let suggestedRemovals: [Int32]

    /// Components up to this many nodes get the shortest cycle anywhere in them;
    /// bigger ones the shortest cycle through their first node.
    public static let exhaustiveSearchLimit = 2_000

    /// Every strongly connected component of more than one node, each with one
    /// shortest cycle, in document order of their first node.
    ///
    /// - Complexity: O(V + E) for finding the components, O(C · (C + E_C)) for the
    ///   cycle of a component of C ≤ 2 000 nodes and E_C edges; the removal
    ///   suggestion repeats a component-local search at most 64 times per component.
    public static func find(in graph: ScheduleGraph) -> [DependencyCycle] {
        let g = graph.graph
        let scc = g.stronglyConnectedComponents()
        var members: [Int32: [Int32]] = [:]
        for v in 0..<Int32(g.nodeCount) {
            let c = scc.componentOf[Int(v)]
            if scc.sizes[Int(c)] > 1 { members[c, default: []].append(v) }
        }
        var cycles: [DependencyCycle] = []
        for (component, nodesOfComponent) in members.sorted(by: { $0.value[0] < $1.value[0] }) {
            // The shortest cycle of the component: breadth-first from every node,
            // the earliest in document order winning ties. A component too big for
            // that quadratic search is searched from its first node only.
            var edges = g.shortestCycle(through: nodesOfComponent[0], in: scc)
            if nodesOfComponent.count <= exhaustiveSearchLimit {
                for start in nodesOfComponent.dropFirst() where edges.count > 2 {
                    let candidate = g.shortestCycle(through: start, in: scc)
                    if !candidate.isEmpty && candidate.count < edges.count { edges = candidate }
                }
            }
            let nodes = edges.map { g.edgeSources[Int($0)] }
            let size = nodesOfComponent.count
            let removals = suggestRemovals(
                graph: graph, component: component, members: nodesOfComponent, scc: scc, first: edges)
            cycles.append(DependencyCycle(nodes: nodes, edges: edges, componentSize: size, suggestedRemovals: removals))
        }
        return cycles
    }

    /// Greedy: remove the written edge of the current shortest cycle that points
    /// furthest back in the document (the likeliest mistake), until no cycle is left.
    static func suggestRemovals(
        graph: ScheduleGraph, component: Int32, members: [Int32], scc: StronglyConnectedComponents, first: [Int32]
    ) -> [Int32] {
        let g = graph.graph
        var removed = Set<Int32>()
        var cycle = first
        var result: [Int32] = []
        for _ in 0..<64 {
            let candidates = cycle.filter {
                let kind = graph.edgeKinds[Int($0)]
                return kind == .explicit || kind == .declared || kind == .story
            }
            guard let pick = candidates.max(by: { backwardness($0, g) < backwardness($1, g) }) else { return [] }
            removed.insert(pick)
            result.append(pick)
            guard let next = cycleAvoiding(removed, component: component, members: members, scc: scc, graph: g) else { return result }
            cycle = next
        }
        return result
    }

    private static func backwardness(_ e: Int32, _ g: DirectedGraph) -> Int64 {
        Int64(g.edgeSources[Int(e)]) - Int64(g.edgeTargets[Int(e)])
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
        var walk: [Int32] = []  // edges, walking backwards
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

    /// `path:line:col: error: dependency cycle T014 → T016 → T014 [cycle]`, with a
    /// note per edge saying which kind of edge it is and where it was written.
    public func diagnostic(graph: ScheduleGraph, document: SpecDocument) -> Diagnostic {
        let names = nodes.map { graph.name(of: $0, in: document) }
        let text = (names + [names.first ?? ""]).joined(separator: " → ")
        let anchor = nodes.first { !graph.isMilestone($0) }
        let location = anchor.map { document.tasks[Int(graph.taskOfNode[Int($0)])].location }
            ?? graph.location(ofEdge: edges[0])
        var notes: [Diagnostic.Note] = []
        for e in edges {
            let from = graph.name(of: graph.graph.edgeSources[Int(e)], in: document)
            let to = graph.name(of: graph.graph.edgeTargets[Int(e)], in: document)
            notes.append(.init(
                message: "\(to) waits for \(from) (\(graph.edgeKinds[Int(e)].rawValue) edge)",
                location: graph.location(ofEdge: e)))
        }
        for e in suggestedRemovals {
            let from = graph.name(of: graph.graph.edgeSources[Int(e)], in: document)
            let to = graph.name(of: graph.graph.edgeTargets[Int(e)], in: document)
            notes.append(.init(
                message: "removing the \(graph.edgeKinds[Int(e)].rawValue) dependency of \(to) on \(from) breaks this cycle",
                location: graph.location(ofEdge: e)))
        }
        let size = componentSize > nodes.count ? " (\(componentSize) tasks and milestones are caught in it)" : ""
        return Diagnostic(.cycle, "dependency cycle \(text)\(size)", at: location, notes: notes)
    }
}
