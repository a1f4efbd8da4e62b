import SpecKitTasks
import TaskGraph
import TaskScheduling

extension Diagram {
    /// The task view: every planned task (or the neighbourhood of the focus
    /// task), the milestones between them, a checkpoint diamond per phase
    /// that has one, one cluster per phase.
    ///
    /// - Complexity: O((V + E) log V), plus the transitive reduction.
    static func taskView(_ plan: Plan, options: DiagramOptions) throws(DiagramError) -> Diagram {
        let sg = plan.graph
        let g = sg.graph
        let doc = plan.document
        var diagram = Diagram(view: .tasks, direction: options.direction, title: doc.path)

        // Which graph nodes are drawn.
        var focusNode: Int32?
        var included = [Bool](repeating: true, count: sg.nodeCount)
        if let focus = options.focus {
            let node: Int32
            do { node = try plan.plannedNode(forID: focus) } catch { throw DiagramError(error.description) }
            focusNode = node
            let distance = distances(from: node, depth: max(0, options.depth), in: sg)
            included = distance.map { $0 <= options.depth }
            let reached = included.count { $0 }
            if reached > options.nodeLimit {
                // The deepest neighbourhood that stays within the limit (the focus task at least).
                var perDepth = [Int](repeating: 0, count: max(0, options.depth) + 1)
                for d in distance where d <= options.depth { perDepth[d] += 1 }
                var depth = 0, total = perDepth[0]
                while depth + 1 < perDepth.count && total + perDepth[depth + 1] <= options.nodeLimit {
                    depth += 1
                    total += perDepth[depth]
                }
                included = distance.map { $0 <= depth }
                diagram.notes.append(
                    "--depth \(options.depth) reaches \(reached) tasks and milestones, more than \(options.nodeLimit): drawn to depth \(depth) (\(total) of them)")
            }
        }

        let layers = nodeLayers(plan)
        var truncated = false
        if focusNode == nil && sg.nodeCount > options.nodeLimit {
            // The first nodes by wave, then by document order.
            let first = (0..<Int32(sg.nodeCount)).sorted { (layers[Int($0)], $0) < (layers[Int($1)], $1) }.prefix(options.nodeLimit)
            included = [Bool](repeating: false, count: sg.nodeCount)
            for v in first { included[Int(v)] = true }
            let lastWave = first.last.map { layers[Int($0)] / 2 } ?? 0
            let tasks = first.count { !sg.isMilestone($0) }
            diagram.notes.append(
                "\(sg.nodeCount) tasks and milestones, more than \(options.nodeLimit): drawn the first \(options.nodeLimit) by wave (\(tasks) of \(sg.taskNodeCount) tasks, up to wave \(lastWave)); --focus ID --depth N or --view phases shows the rest")
            truncated = true
        }
        // When most tasks are critical, red everywhere would say nothing:
        // nothing is marked, and the caption says why.
        let share = CriticalShare(plan)
        let marksCritical = !share.isMost
        if let sentence = share.sentence {
            diagram.caption = sentence.prefix(1).uppercased() + sentence.dropFirst()
        }
        let critical = marksCritical ? criticalEdges(plan) : [Bool](repeating: false, count: g.edgeCount)
        var cycleEdge = [Bool](repeating: false, count: g.edgeCount)
        for cycle in plan.cycles { for e in cycle.edges { if let id = e.graphEdge { cycleEdge[Int(id)] = true } } }

        // Local numbering of the drawn graph nodes, in graph order (tasks in
        // document order, then milestones).
        var local = [Int32](repeating: -1, count: sg.nodeCount)
        var drawn: [Int32] = []
        for v in 0..<Int32(sg.nodeCount) where included[Int(v)] {
            local[Int(v)] = Int32(drawn.count)
            drawn.append(v)
        }
        var keptEdges: [Int32] = []
        for e in 0..<Int32(g.edgeCount) where local[Int(g.edgeSources[Int(e)])] >= 0 && local[Int(g.edgeTargets[Int(e)])] >= 0 {
            keptEdges.append(e)
        }
        if options.reduce {
            let schedule = plan.schedule
            if drawn.count > options.reductionNodeLimit {
                diagram.notes.append("\(drawn.count) nodes: drawn without transitive reduction (it is done up to \(options.reductionNodeLimit) nodes)")
            } else {
                let sub = DirectedGraph(
                    nodeCount: drawn.count,
                    sources: keptEdges.map { local[Int(g.edgeSources[Int($0)])] },
                    targets: keptEdges.map { local[Int(g.edgeTargets[Int($0)])] })
                let order = schedule.order.compactMap { local[Int($0)] >= 0 ? local[Int($0)] : nil }
                let keep = sub.transitiveReductionMask(order: order)
                // An implied critical edge u → v may go too: the path that
                // implies it runs from EF(u) to ES(v) = EF(u), so every node on
                // it takes no time and has no slack, and the red path stays whole.
                // Edges of one pair (an order edge that is also written) are
                // one drawn edge: kept together, so their kinds all show.
                var keptPairs = Set<Int64>()
                for i in keptEdges.indices where keep[i] { keptPairs.insert(Self.pair(keptEdges[i], g)) }
                keptEdges = keptEdges.filter { keptPairs.contains(Self.pair($0, g)) }
            }
        }

        // A milestone that only connects nodes of one phase sits in that
        // phase's cluster; one between phases sits outside.
        func phaseOf(_ v: Int32) -> Int32? {
            if !sg.isMilestone(v) { return plan.task(ofNode: v).phase }
            var phase: Int32?
            for e in g.incoming(v) + g.outgoing(v) {
                let w = g.edgeSources[Int(e)] == v ? g.edgeTargets[Int(e)] : g.edgeSources[Int(e)]
                guard !sg.isMilestone(w) else { continue }
                let p = plan.task(ofNode: w).phase
                if phase == nil { phase = p } else if phase != p { return nil }
            }
            return phase
        }

        // Clusters: phases with a drawn node, in document order.
        var clusterOfPhase = [Int?](repeating: nil, count: doc.phases.count)
        var phaseOfDrawn = [Int32?](repeating: nil, count: drawn.count)
        for (i, v) in drawn.enumerated() {
            phaseOfDrawn[i] = phaseOf(v)
        }
        var phasesUsed = [Bool](repeating: false, count: doc.phases.count)
        for p in phaseOfDrawn { if let p, Int(p) < phasesUsed.count { phasesUsed[Int(p)] = true } }
        for p in doc.phases.indices where phasesUsed[p] {
            clusterOfPhase[p] = diagram.clusters.count
            let phase = doc.phases[p]
            diagram.clusters.append(Cluster(
                id: "p\(p)", label: phaseTitle(phase), classes: ["phase", phase.kind.rawValue]))
        }

        var ids = UniqueIDs()
        let schedule = plan.schedule
        for (i, v) in drawn.enumerated() {
            let cluster = phaseOfDrawn[i].flatMap { Int($0) < clusterOfPhase.count ? clusterOfPhase[Int($0)] : nil }
            let isCritical = marksCritical && schedule.isCritical(v)
            if sg.isMilestone(v) {
                let name = sg.name(of: v, in: doc)
                var classes = ["milestone"]
                if isCritical { classes.append("critical") }
                diagram.nodes.append(Node(
                    kind: .milestone, id: ids.claim(name), label: [], tooltip: oneLine(PlanText.spokenName(of: v, in: plan)), classes: classes,
                    cluster: cluster, layer: layers[Int(v)]))
                continue
            }
            let task = plan.task(ofNode: v)
            var classes = ["task"]
            if isCritical { classes.append("critical") }
            switch task.status {
            case .done: classes.append("done")
            case .skipped: classes.append("skipped")
            case .inProgress: classes.append("in-progress")
            case .todo: break
            }
            if task.parallel { classes.append("parallel") }
            if v == focusNode { classes.append("focus") }
            let description = shortened(InlineMarkdown.plain(String(task.description.prefix(tooltipCharacterLimit + 64))), limit: tooltipCharacterLimit)
            let label = description.isEmpty ? task.id : "\(task.id) · \(shortened(description, limit: 36))"
            var tooltip = description.isEmpty ? task.id : "\(task.id): \(description)"
            let slack = max(0, schedule.times.slack(v))
            tooltip += " (wave \(schedule.waveOfNode[Int(v)]), \(PlanText.hours(sg.durations[Int(v)])), slack \(PlanText.hours(slack)))"
            diagram.nodes.append(Node(
                kind: .task, id: ids.claim(oneLine(task.id)), label: [oneLine(label)], tooltip: tooltip,
                classes: classes, cluster: cluster, layer: layers[Int(v)]))
        }

        // Parallel edges (a written dependency that is also a file edge…)
        // become one edge with every kind.
        var edgeOfPair: [Int: Int] = [:]
        for e in keptEdges {
            let from = Int(local[Int(g.edgeSources[Int(e)])]), to = Int(local[Int(g.edgeTargets[Int(e)])])
            let kind = sg.edgeKinds[Int(e)].rawValue
            let pair = from &* drawn.count &+ to
            if let existing = edgeOfPair[pair] {
                if !diagram.edges[existing].kinds.contains(kind) { diagram.edges[existing].kinds.append(kind) }
                diagram.edges[existing].isCritical = diagram.edges[existing].isCritical || critical[Int(e)]
                diagram.edges[existing].isCycle = diagram.edges[existing].isCycle || cycleEdge[Int(e)]
                continue
            }
            edgeOfPair[pair] = diagram.edges.count
            diagram.edges.append(Edge(from: from, to: to, kinds: [kind], isCritical: critical[Int(e)], isCycle: cycleEdge[Int(e)]))
        }

        if focusNode != nil || truncated { diagram.dropDanglingMilestones() }
        diagram.addCheckpoints(doc, clusterOfPhase: clusterOfPhase, ids: &ids)
        diagram.stackWideRows()
        return diagram
    }

    /// The title of a phase's cluster.
    static func phaseTitle(_ phase: Phase) -> String {
        phase.index == 0 && phase.title.isEmpty ? "Tasks before the first phase" : shortened(InlineMarkdown.plain(String(phase.title.prefix(264))), limit: 200)
    }

    /// Nodes within `depth` hops of `start`, following edges both ways;
    /// passing a milestone costs no hop.
    ///
    /// - Complexity: O(V + E) (a 0-1 breadth-first search).
    static func neighbourhood(of start: Int32, depth: Int, in sg: ScheduleGraph) -> [Bool] {
        distances(from: start, depth: depth, in: sg).map { $0 <= depth }
    }

    /// Hops from `start` of every node within `depth` (`Int.max` beyond), as ``neighbourhood(of:depth:in:)``.
    static func distances(from start: Int32, depth: Int, in sg: ScheduleGraph) -> [Int] {
        let g = sg.graph
        var distance = [Int](repeating: .max, count: sg.nodeCount)
        distance[Int(start)] = 0
        var front: [Int32] = [start]  // a deque as two stacks: `front` is taken first
        var back: [Int32] = []
        var head = 0
        while true {
            let v: Int32
            if head < front.count {
                v = front[head]
                head += 1
            } else if !back.isEmpty {
                front = back
                back = []
                head = 0
                continue
            } else {
                break
            }
            let d = distance[Int(v)]
            for e in g.outgoing(v) + g.incoming(v) {
                let w = g.edgeSources[Int(e)] == v ? g.edgeTargets[Int(e)] : g.edgeSources[Int(e)]
                let cost = sg.isMilestone(w) ? 0 : 1
                let nd = d + cost
                guard nd <= depth, nd < distance[Int(w)] else { continue }
                distance[Int(w)] = nd
                // Zero-cost steps go to the current level; the rest to the next.
                if cost == 0 { front.append(w) } else { back.append(w) }
            }
        }
        return distance
    }

    /// The layer of every graph node: twice its wave for a task, one more for
    /// a milestone, so every edge points down. Without a schedule (a cycle),
    /// waves of the graph with the backward edges of each cycle left out.
    ///
    /// - Complexity: O((V + E) log V).
    static func nodeLayers(_ plan: Plan) -> [Int] {
        let sg = plan.graph
        let wave = plan.schedule.waveOfNode
        return (0..<sg.nodeCount).map { 2 * Int(wave[$0]) + (sg.isMilestone(Int32($0)) ? 1 : 0) }
    }

    /// The source and target of an edge as one key.
    static func pair(_ e: Int32, _ g: DirectedGraph) -> Int64 {
        Int64(g.edgeSources[Int(e)]) << 32 | Int64(g.edgeTargets[Int(e)])
    }

    /// Edges between two zero-slack nodes with no gap between them: every
    /// such edge lies on a critical path (the longest path to its source,
    /// the edge, and the longest path from its target add up to the length).
    ///
    /// - Complexity: O(E).
    static func criticalEdges(_ plan: Plan) -> [Bool] {
        let g = plan.graph.graph
        let schedule = plan.schedule
        let times = schedule.times
        return (0..<g.edgeCount).map { e in
            let u = g.edgeSources[e], v = g.edgeTargets[e]
            return schedule.isCritical(u) && schedule.isCritical(v)
                && abs(times.earliestFinish[Int(u)] - times.earliestStart[Int(v)]) <= 1e-9
        }
    }

    /// Removes milestones left with no drawn predecessor or no drawn
    /// successor (the edge of a neighbourhood).
    mutating func dropDanglingMilestones() {
        var hasIn = [Bool](repeating: false, count: nodes.count)
        var hasOut = [Bool](repeating: false, count: nodes.count)
        for e in edges {
            hasOut[e.from] = true
            hasIn[e.to] = true
        }
        let drop = nodes.indices.map { nodes[$0].kind == .milestone && !(hasIn[$0] && hasOut[$0]) }
        guard drop.contains(true) else { return }
        var newIndex = [Int](repeating: -1, count: nodes.count)
        var kept: [Node] = []
        for i in nodes.indices where !drop[i] {
            newIndex[i] = kept.count
            kept.append(nodes[i])
        }
        nodes = kept
        edges = edges.compactMap { e in
            guard newIndex[e.from] >= 0, newIndex[e.to] >= 0 else { return nil }
            var e = e
            e.from = newIndex[e.from]
            e.to = newIndex[e.to]
            return e
        }
    }

    /// A small diamond per phase with a checkpoint line, after the tasks of
    /// the phase that no other task of the phase waits for.
    ///
    /// - Complexity: O(N + E): milestones pass "waited for" on through one
    ///   worklist, and the sinks of every cluster are collected in one pass.
    mutating func addCheckpoints(_ doc: SpecDocument, clusterOfPhase: [Int?], ids: inout UniqueIDs) {
        guard doc.phases.contains(where: { $0.checkpoint != nil }) else { return }
        var successorInCluster = [Bool](repeating: false, count: nodes.count)
        // Sources in the same cluster of each milestone's edges.
        var intoMilestone: [Int: [Int]] = [:]
        for e in edges where nodes[e.from].cluster != nil && nodes[e.from].cluster == nodes[e.to].cluster {
            successorInCluster[e.from] = true
            if nodes[e.to].kind == .milestone { intoMilestone[e.to, default: []].append(e.from) }
        }
        // Milestones inside a cluster pass the "waited for" on to their sources.
        var work = intoMilestone.keys.filter { successorInCluster[$0] }.sorted()
        while let m = work.popLast() {
            for a in intoMilestone[m] ?? [] where !successorInCluster[a] {
                successorInCluster[a] = true
                if nodes[a].kind == .milestone { work.append(a) }
            }
        }
        var sinksOfCluster: [Int: [Int]] = [:]
        for i in nodes.indices where nodes[i].kind == .task && !successorInCluster[i] {
            if let cluster = nodes[i].cluster { sinksOfCluster[cluster, default: []].append(i) }
        }
        for p in doc.phases.indices {
            guard let text = doc.phases[p].checkpoint, let cluster = clusterOfPhase[p],
                let sinks = sinksOfCluster[cluster], !sinks.isEmpty
            else { continue }
            let layer = sinks.map { nodes[$0].layer }.max()! + 1
            let index = nodes.count
            nodes.append(Node(
                kind: .checkpoint, id: ids.claim("checkpoint-p\(p)"), label: [],
                tooltip: "Checkpoint: \(Diagram.oneLine(text))", classes: ["checkpoint"], cluster: cluster, layer: layer))
            for s in sinks { edges.append(Edge(from: s, to: index, kinds: ["checkpoint"])) }
        }
    }
}

/// Hands out unique node IDs: a repeated ID gets `#2`, `#3`… through
/// ``UniqueNames`` (duplicate task IDs are an error in the spec, but the
/// picture still shows both).
struct UniqueIDs {
    private var names = UniqueNames()

    /// A unique ID made from `proposed`: white space, quotes, `\`, `&`, `<`
    /// and `>` become `_` (an SVG `id` should be plain), repeats get `#2`.
    mutating func claim(_ raw: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in raw.unicodeScalars {
            let plain = s.value > 0x20 && s.value != 0x7F && !"\"'\\&<>".unicodeScalars.contains(s)
                && !s.properties.isWhitespace
            scalars.append(plain ? s : "_")
        }
        return names.claim(scalars.isEmpty ? "node" : String(scalars))
    }
}
