import SpecKitTasks
import TaskGraph
import TaskScheduling

extension Diagram {
    /// The phase, story or wave view: one node per group of tasks, with its
    /// counts, hours and share of the critical path, and the dependencies
    /// between groups aggregated into one edge per pair.
    ///
    /// - Complexity: O(V + E · M) for M the milestones a milestone reaches
    ///   backwards through other milestones (a handful), plus the reduction
    ///   of the group graph.
    static func groupView(_ plan: Plan, options: DiagramOptions) throws(DiagramError) -> Diagram {
        let sg = plan.graph
        let doc = plan.document
        var diagram = Diagram(view: options.view, direction: options.direction, title: doc.path)
        let grouping: Grouping
        switch options.view {
        case .phases: grouping = phaseGrouping(plan)
        case .stories: grouping = storyGrouping(plan)
        case .waves: grouping = waveGrouping(plan)
        case .tasks: preconditionFailure("the task view is not a grouping")
        }
        let groupCount = grouping.groups.count

        // Per group: planned tasks, hours, critical-path hours; done counts
        // over every document task of the group (by default, without --all, none of them is planned).
        var taskCount = [Int](repeating: 0, count: groupCount)
        var doneCount = [Int](repeating: 0, count: groupCount)
        var hours = [Double](repeating: 0, count: groupCount)
        var criticalHours = [Double](repeating: 0, count: groupCount)
        for v in 0..<sg.taskNodeCount {
            let group = Int(grouping.groupOfNode[v])
            taskCount[group] += 1
            hours[group] += sg.durations[v]
        }
        for (t, task) in doc.tasks.enumerated() where task.status == .done {
            if let group = grouping.groupOfTask(Int32(t)) { doneCount[group] += 1 }
        }
        var criticalSteps: Set<[Int]> = []
        do {
            let schedule = plan.schedule
            var previous: Int?
            for v in schedule.criticalPath {
                let group = Int(grouping.groupOfNode[Int(v)])
                criticalHours[group] += sg.durations[Int(v)]
                if let previous, previous != group { criticalSteps.insert([previous, group]) }
                previous = group
            }
        }
        let length = plan.schedule.length

        // More groups than a picture holds (a chain of a million tasks has a
        // million waves): the first ones, in order, and a note.
        let shown = min(groupCount, options.nodeLimit)
        if shown < groupCount {
            diagram.notes.append(
                "\(groupCount) \(grouping.groups[0].kind)s, more than \(options.nodeLimit): drawn the first \(shown); --focus ID --depth N draws one task's neighbourhood")
        }
        var ids = UniqueIDs()
        for (i, group) in grouping.groups.prefix(shown).enumerated() {
            var lines = [shortened(group.title, limit: 44)]
            var counts = "\(PlanText.count(taskCount[i], "task"))"
            if doneCount[i] > 0 { counts += " · \(doneCount[i]) done" }
            counts += " · \(PlanText.hours(hours[i]))"
            lines.append(counts)
            var classes = [group.kind]
            var tooltip = "\(shortened(group.title, limit: tooltipCharacterLimit)): \(counts)"
            if length > 0 && criticalHours[i] > 0 {
                let share = Int((100 * criticalHours[i] / length).rounded())
                lines.append("critical path \(share)%")
                tooltip += ", \(PlanText.hours(criticalHours[i])) of the \(PlanText.hours(length)) critical path"
                classes.append("critical")
            }
            diagram.nodes.append(Node(
                kind: .group, id: ids.claim(group.id), label: lines, tooltip: tooltip, classes: classes,
                cluster: nil, layer: 0))
        }

        var links = grouping.chain ? chainLinks(groupCount) : aggregateLinks(plan, grouping)
        for step in criticalSteps where links[step] == nil {
            links[step] = Link(kinds: ["explicit"], count: 0)
        }
        let ordered = links.keys.filter { $0[0] < shown && $0[1] < shown }.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
        let groupGraph = DirectedGraph(
            nodeCount: shown, sources: ordered.map { Int32($0[0]) }, targets: ordered.map { Int32($0[1]) })
        let order = groupGraph.topologicalOrder()
        var keep = [Bool](repeating: true, count: ordered.count)
        // A chain is reduced already; the reduction keeps a bit per pair of groups.
        if options.reduce, !grouping.chain, let order {
            if shown > options.reductionNodeLimit {
                diagram.notes.append("\(shown) groups: drawn without transitive reduction (it is done up to \(options.reductionNodeLimit))")
            } else {
                keep = groupGraph.transitiveReductionMask(order: order)
            }
        }
        for (i, pair) in ordered.enumerated() {
            let isCritical = criticalSteps.contains(pair)
            guard keep[i] || isCritical else { continue }
            let link = links[pair]!
            let label = link.count == 0 ? "" : link.count == 1 ? "1 dependency" : "\(link.count) dependencies"
            diagram.edges.append(Edge(
                from: pair[0], to: pair[1], kinds: link.kinds, isCritical: isCritical, label: label))
        }
        // Layers for a layered layout: generations of the group graph.
        let layer: [Int32]
        if let order {
            layer = groupGraph.generations(order: order, weight: [Int32](repeating: 1, count: shown))
        } else {
            layer = (0..<shown).map { Int32($0) }
        }
        for i in diagram.nodes.indices { diagram.nodes[i].layer = Int(layer[i]) }
        diagram.stackWideRows()
        return diagram
    }

    /// Tasks gathered into groups.
    struct Grouping {
        struct Group {
            var id: String
            var title: String
            /// The first class name: `phase`, `story` or `wave`.
            var kind: String
        }
        var groups: [Group]
        /// The group of every task node.
        var groupOfNode: [Int32]
        /// The group of a document task (planned or not), if it has one.
        var groupOfTask: (Int32) -> Int?
        /// Draw the groups as a chain instead of aggregating edges.
        var chain = false
    }

    /// An aggregated edge between two groups.
    struct Link {
        /// Edge kinds behind it, in ``EdgeKind`` order.
        var kinds: [String]
        /// Task-to-task edges behind it; links made only through a milestone
        /// (a phase or group barrier) count none.
        var count: Int
    }

    /// One group per phase with planned tasks.
    static func phaseGrouping(_ plan: Plan) -> Grouping {
        let doc = plan.document
        var groupOfPhase = [Int32](repeating: -1, count: doc.phases.count)
        var groups: [Grouping.Group] = []
        var groupOfNode = [Int32](repeating: 0, count: plan.graph.taskNodeCount)
        for v in 0..<plan.graph.taskNodeCount {
            let p = Int(plan.task(ofNode: Int32(v)).phase)
            if groupOfPhase[p] < 0 {
                groupOfPhase[p] = Int32(groups.count)
                groups.append(.init(id: "phase-\(p)", title: phaseTitle(doc.phases[p]), kind: "phase"))
            }
            groupOfNode[v] = groupOfPhase[p]
        }
        let phases = doc.tasks.map(\.phase)
        return Grouping(groups: groups, groupOfNode: groupOfNode) { t in
            let g = groupOfPhase[Int(phases[Int(t)])]
            return g >= 0 ? Int(g) : nil
        }
    }

    /// One group per user story (a task's first story label, else its
    /// phase's story), and one per barrier phase for tasks of no story.
    static func storyGrouping(_ plan: Plan) -> Grouping {
        let doc = plan.document
        var groupOfKey: [String: Int32] = [:]
        var groups: [Grouping.Group] = []
        func key(_ task: SpecTask) -> (key: String, id: String, title: String) {
            if let story = task.stories.first ?? doc.phases[Int(task.phase)].story {
                return ("s:" + story, "story-\(story)", story)
            }
            let phase = doc.phases[Int(task.phase)]
            return ("p:\(task.phase)", "no-story-p\(task.phase)", "\(phaseTitle(phase)) (no story)")
        }
        var keyOfTask = [String](repeating: "", count: doc.tasks.count)
        for (t, task) in doc.tasks.enumerated() { keyOfTask[t] = key(task).key }
        var groupOfNode = [Int32](repeating: 0, count: plan.graph.taskNodeCount)
        for v in 0..<plan.graph.taskNodeCount {
            let k = key(plan.task(ofNode: Int32(v)))
            if groupOfKey[k.key] == nil {
                groupOfKey[k.key] = Int32(groups.count)
                groups.append(.init(id: k.id, title: k.title, kind: "story"))
            }
            groupOfNode[v] = groupOfKey[k.key]!
        }
        let lookup = groupOfKey
        return Grouping(groups: groups, groupOfNode: groupOfNode) { t in lookup[keyOfTask[Int(t)]].map(Int.init) }
    }

    /// One group per wave, in a chain.
    static func waveGrouping(_ plan: Plan) -> Grouping {
        let schedule = plan.schedule
        let groups = schedule.waves.indices.map {
            Grouping.Group(id: "wave-\($0 + 1)", title: "Wave \($0 + 1)", kind: "wave")
        }
        let groupOfNode = (0..<plan.graph.taskNodeCount).map { schedule.waveOfNode[$0] - 1 }
        let nodeOfTask = plan.graph.nodeOfTask
        var grouping = Grouping(groups: groups, groupOfNode: groupOfNode) { t in
            let v = nodeOfTask[Int(t)]
            return v >= 0 ? Int(groupOfNode[Int(v)]) : nil
        }
        grouping.chain = true
        return grouping
    }

    static func chainLinks(_ count: Int) -> [[Int]: Link] {
        var links: [[Int]: Link] = [:]
        for i in 0..<max(0, count - 1) { links[[i, i + 1]] = Link(kinds: ["sequence"], count: 0) }
        return links
    }

    /// Edges between groups: task-to-task edges directly, and through each
    /// milestone from the groups before it to the groups after it.
    static func aggregateLinks(_ plan: Plan, _ grouping: Grouping) -> [[Int]: Link] {
        let sg = plan.graph
        let g = sg.graph
        // Per pair of groups (a << 32 | b): the kinds seen, one bit per kind,
        // and how many task edges it stands for. Keys and
        // kinds are plain integers: a million edges allocate nothing.
        var kinds: [Int64: UInt8] = [:]
        var counts: [Int64: Int] = [:]
        func bit(_ kind: EdgeKind) -> UInt8 {
            switch kind {
            case .phase: 1
            case .order: 2
            case .explicit: 4
            case .declared: 8
            case .story: 16
            case .file: 32
            case .correction: 64
            }
        }
        func link(_ a: Int32, _ b: Int32, _ kind: EdgeKind, counted: Bool) {
            guard a != b else { return }
            let pair = Int64(a) << 32 | Int64(UInt32(bitPattern: b))
            kinds[pair, default: 0] |= bit(kind)
            if counted { counts[pair, default: 0] += 1 }
        }
        for e in 0..<g.edgeCount {
            let u = g.edgeSources[e], v = g.edgeTargets[e]
            guard !sg.isMilestone(u), !sg.isMilestone(v) else { continue }
            link(grouping.groupOfNode[Int(u)], grouping.groupOfNode[Int(v)], sg.edgeKinds[e], counted: true)
        }
        // Groups before each milestone, through chains of milestones.
        var stamp = [Int32](repeating: -1, count: sg.nodeCount)
        for m in Int32(sg.taskNodeCount)..<Int32(sg.nodeCount) {
            let successors = g.outgoing(m).filter { !sg.isMilestone(g.edgeTargets[Int($0)]) }
            guard !successors.isEmpty else { continue }
            var before = Set<Int32>()
            var stack: [Int32] = [m]
            stamp[Int(m)] = m
            while let x = stack.popLast() {
                for e in g.incoming(x) {
                    let w = g.edgeSources[Int(e)]
                    if sg.isMilestone(w) {
                        if stamp[Int(w)] != m {
                            stamp[Int(w)] = m
                            stack.append(w)
                        }
                    } else {
                        before.insert(grouping.groupOfNode[Int(w)])
                    }
                }
            }
            for e in successors {
                let after = grouping.groupOfNode[Int(g.edgeTargets[Int(e)])]
                for b in before { link(b, after, sg.edgeKinds[Int(e)], counted: false) }
            }
        }
        var links: [[Int]: Link] = [:]
        for (pair, mask) in kinds {
            let ordered = EdgeKind.allCases.filter { mask & bit($0) != 0 }.map(\.rawValue)
            links[[Int(pair >> 32), Int(Int32(truncatingIfNeeded: pair))]] = Link(kinds: ordered, count: counts[pair] ?? 0)
        }
        return links
    }
}
