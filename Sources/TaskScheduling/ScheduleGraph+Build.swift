import SpecKitTasks
import TaskGraph

extension ScheduleGraph {
    /// Derives the dependency graph of a document (DESIGN.md §2, rules 1–5).
    ///
    /// Returns the graph and the diagnostics found on the way
    /// (`parallel-file-conflict`, `parallel-with-dependency`). When the edges of
    /// rules 1–3 already form a cycle, the file rule is not applied: its order
    /// would be undefined, and the cycle is the error to fix first.
    ///
    /// - Complexity: O(T + E + F log T) for T tasks, E written dependencies and F file mentions.
    public static func build(_ document: SpecDocument, options: PlanOptions = PlanOptions()) -> (ScheduleGraph, [Diagnostic]) {
        var builder = Builder(document: document, options: options)
        builder.run()
        return (builder.finish(), builder.diagnostics)
    }

    /// The location that explains an edge, for notes.
    public func location(ofEdge e: Int32) -> SourceLocation {
        SourceLocation(line: edgeLines[Int(e)], column: edgeColumns[Int(e)])
    }
}

private struct Builder {
    let document: SpecDocument
    let options: PlanOptions
    var taskOfNode: [Int32] = []
    var nodeOfTask: [Int32]
    var milestoneNames: [String] = []
    var milestoneNameSet: Set<String> = []
    var sources: [Int32] = []
    var targets: [Int32] = []
    var kinds: [EdgeKind] = []
    var lines: [Int32] = []
    var columns: [Int32] = []
    var diagnostics: [Diagnostic] = []
    /// Planned task nodes of each phase, in document order.
    var phaseNodes: [[Int32]]
    /// Milestone node that follows every task of a phase, made on demand.
    var phaseEnd: [Int32]
    var durations: [Double] = []

    init(document: SpecDocument, options: PlanOptions) {
        self.document = document
        self.options = options
        nodeOfTask = [Int32](repeating: -1, count: document.tasks.count)
        phaseNodes = Array(repeating: [], count: max(document.phases.count, 1))
        phaseEnd = Array(repeating: -1, count: max(document.phases.count, 1))
    }

    var taskCount: Int32 { Int32(taskOfNode.count) }

    mutating func run() {
        for (i, task) in document.tasks.enumerated() where !(options.remaining && task.status.isFinished) {
            nodeOfTask[i] = Int32(taskOfNode.count)
            taskOfNode.append(Int32(i))
            let p = Int(task.phase)
            if p >= 0 && p < phaseNodes.count { phaseNodes[p].append(Int32(taskOfNode.count - 1)) }
        }
        durations.reserveCapacity(taskOfNode.count + 16)
        for t in taskOfNode {
            let hours = document.tasks[Int(t)].estimate?.hours ?? options.defaultDuration
            durations.append(hours.isFinite && hours >= 0 ? hours : options.defaultDuration)
        }
        addStageEdges()
        addGroupEdgesAndParallelChecks()
        addWrittenDependencies()
        addStoryEdges()
        if options.files == .serialize { addFileEdges() }
    }

    func finish() -> ScheduleGraph {
        let graph = DirectedGraph(nodeCount: taskOfNode.count + milestoneNames.count, sources: sources, targets: targets)
        var allDurations = durations
        allDurations.append(contentsOf: repeatElement(0, count: milestoneNames.count))
        return ScheduleGraph(
            graph: graph, taskOfNode: taskOfNode, nodeOfTask: nodeOfTask, milestoneNames: milestoneNames,
            edgeKinds: kinds, edgeLines: lines, edgeColumns: columns, durations: allDurations)
    }

    // MARK: - Edges

    mutating func addEdge(_ from: Int32, _ to: Int32, _ kind: EdgeKind, _ location: SourceLocation) {
        sources.append(from)
        targets.append(to)
        kinds.append(kind)
        lines.append(location.line)
        columns.append(location.column)
    }

    mutating func milestone(_ proposed: String) -> Int32 {
        var name = proposed
        var n = 2
        while milestoneNameSet.contains(name) {
            name = "\(proposed)#\(n)"
            n += 1
        }
        milestoneNameSet.insert(name)
        milestoneNames.append(name)
        // Milestone nodes are numbered after all task nodes; the offset is applied in `finish`
        // by construction: task nodes are all known before the first milestone is made.
        return taskCount + Int32(milestoneNames.count - 1)
    }

    /// Every node of `after` depends on every node of `before`: directly when
    /// either side is a single node, else through one new milestone.
    mutating func connect(
        _ before: ArraySlice<Int32>, _ after: ArraySlice<Int32>, kind: EdgeKind, at location: SourceLocation,
        milestoneName: @autoclosure () -> String
    ) {
        if before.isEmpty || after.isEmpty { return }
        if before.count == 1 || after.count == 1 {
            for a in before { for b in after { addEdge(a, b, kind, location) } }
            return
        }
        let m = milestone(milestoneName())
        for a in before { addEdge(a, m, kind, location) }
        for b in after { addEdge(m, b, kind, location) }
    }

    func taskLocation(_ node: Int32) -> SourceLocation {
        document.tasks[Int(taskOfNode[Int(node)])].location
    }

    func taskID(_ node: Int32) -> String {
        document.tasks[Int(taskOfNode[Int(node)])].id
    }

    func phaseLocation(_ p: Int) -> SourceLocation {
        let line = document.phases.indices.contains(p) ? document.phases[p].line : 0
        return SourceLocation(line: line, column: 1)
    }

    // MARK: Rule 1: stages

    mutating func addStageEdges() {
        let phases = document.phases
        var stages: [[Int]] = []
        var run: [Int] = []
        func flushRun() {
            guard !run.isEmpty else { return }
            if options.stories == .priority {
                let sorted = run.sorted { a, b in
                    let pa = phases[a].priority ?? Int.max
                    let pb = phases[b].priority ?? Int.max
                    return pa != pb ? pa < pb : a < b
                }
                for p in sorted { stages.append([p]) }
            } else {
                stages.append(run)
            }
            run = []
        }
        for p in phaseNodes.indices where !phaseNodes[p].isEmpty {
            let kind = phases.indices.contains(p) ? phases[p].kind : .barrier
            if kind == .story {
                run.append(p)
            } else {
                flushRun()
                stages.append([p])
            }
        }
        flushRun()

        for s in stages.indices.dropFirst() {
            let previous = stages[s - 1]
            let before = previous.flatMap { phaseNodes[$0] }
            let after = stages[s].flatMap { phaseNodes[$0] }
            let location = phaseLocation(stages[s][0])
            if previous.count == 1 && before.count > 1 && after.count > 1 {
                let m = phaseEndMilestone(previous[0], location: location)
                for b in after { addEdge(m, b, .phase, location) }
            } else {
                let name = previous.count == 1
                    ? "@end-phase-\(phaseNumber(previous[0]))"
                    : "@end-phases-\(phaseNumber(previous.first!))-\(phaseNumber(previous.last!))"
                connect(before[...], after[...], kind: .phase, at: location, milestoneName: name)
            }
        }
    }

    func phaseNumber(_ p: Int) -> Int32 {
        document.phases.indices.contains(p) ? document.phases[p].index : Int32(p)
    }

    /// The milestone after every task of phase `p`, made once.
    mutating func phaseEndMilestone(_ p: Int, location: SourceLocation) -> Int32 {
        if phaseEnd[p] >= 0 { return phaseEnd[p] }
        let m = milestone("@end-phase-\(phaseNumber(p))")
        for a in phaseNodes[p] { addEdge(a, m, .phase, location) }
        phaseEnd[p] = m
        return m
    }

    // MARK: Rule 2: groups inside a phase

    mutating func addGroupEdgesAndParallelChecks() {
        var writtenPredecessors: [Int32: [Int32]] = [:]
        for d in document.dependencies {
            writtenPredecessors[d.successor, default: []].append(d.predecessor)
        }
        for p in phaseNodes.indices {
            let nodes = phaseNodes[p]
            var groupStart = 0
            var previousGroup: Range<Int>? = nil
            var i = 0
            while i < nodes.count {
                let task = document.tasks[Int(taskOfNode[Int(nodes[i])])]
                var j = i + 1
                if task.parallel {
                    while j < nodes.count {
                        let next = document.tasks[Int(taskOfNode[Int(nodes[j])])]
                        if !next.parallel || next.segment != task.segment { break }
                        j += 1
                    }
                }
                groupStart = i
                let group = groupStart..<j
                if options.withinPhase == .ordered, let previous = previousGroup {
                    let first = nodes[group.lowerBound]
                    let location = taskLocation(first)
                    let name = "@end-\(taskID(nodes[previous.lowerBound]))..\(taskID(nodes[previous.upperBound - 1]))"
                    connect(nodes[previous], nodes[group], kind: .order, at: location, milestoneName: name)
                }
                if group.count > 1 { checkParallelGroup(nodes[group], writtenPredecessors: writtenPredecessors) }
                previousGroup = group
                i = j
            }
        }
    }

    /// `[P]` tasks of one group should not touch the same file or depend on each other.
    mutating func checkParallelGroup(_ group: ArraySlice<Int32>, writtenPredecessors: [Int32: [Int32]]) {
        var owner: [String: Int32] = [:]
        var members: Set<Int32> = []
        for node in group { members.insert(taskOfNode[Int(node)]) }
        for node in group {
            let t = taskOfNode[Int(node)]
            let task = document.tasks[Int(t)]
            for file in task.files where !file.hasSuffix("/") {
                if let first = owner[file] {
                    let other = document.tasks[Int(first)]
                    diagnostics.append(Diagnostic(
                        .parallelFileConflict,
                        "\(other.id) and \(task.id) are both marked [P] in one group but both touch \(file)",
                        at: task.location,
                        notes: [.init(message: "\(other.id) is here", location: other.location)]))
                } else {
                    owner[file] = t
                }
            }
            for pred in writtenPredecessors[t] ?? [] where members.contains(pred) {
                let other = document.tasks[Int(pred)]
                diagnostics.append(Diagnostic(
                    .parallelWithDependency,
                    "\(task.id) is marked [P] but depends on \(other.id) in the same parallel group",
                    at: task.location,
                    notes: [.init(message: "\(other.id) is here", location: other.location)]))
            }
        }
    }

    // MARK: Rule 3: written dependencies

    mutating func addWrittenDependencies() {
        for d in document.dependencies {
            guard d.predecessor >= 0, d.successor >= 0,
                Int(d.predecessor) < nodeOfTask.count, Int(d.successor) < nodeOfTask.count
            else { continue }
            let a = nodeOfTask[Int(d.predecessor)]
            let b = nodeOfTask[Int(d.successor)]
            guard a >= 0, b >= 0, a != b else { continue }  // a finished task's dependency is met
            addEdge(a, b, d.kind == .explicit ? .explicit : .declared, d.location)
        }
    }

    mutating func addStoryEdges() {
        for d in document.phaseDependencies {
            let p = Int(d.predecessor)
            let s = Int(d.successor)
            guard phaseNodes.indices.contains(p), phaseNodes.indices.contains(s), p != s,
                !phaseNodes[p].isEmpty, !phaseNodes[s].isEmpty
            else { continue }
            if phaseNodes[p].count == 1 || phaseNodes[s].count == 1 {
                for a in phaseNodes[p] { for b in phaseNodes[s] { addEdge(a, b, .story, d.location) } }
            } else {
                let m = phaseEndMilestone(p, location: d.location)
                for b in phaseNodes[s] { addEdge(m, b, .story, d.location) }
            }
        }
    }

    // MARK: Rule 4: files

    mutating func addFileEdges() {
        let nodeCount = taskOfNode.count + milestoneNames.count
        let graph = DirectedGraph(nodeCount: nodeCount, sources: sources, targets: targets)
        var passThrough = [Bool](repeating: false, count: nodeCount)
        for m in taskOfNode.count..<nodeCount { passThrough[m] = true }
        guard let order = graph.topologicalOrder(passThrough: passThrough) else { return }
        var lastUser: [String: Int32] = [:]
        for v in order where Int(v) < taskOfNode.count {
            let task = document.tasks[Int(taskOfNode[Int(v)])]
            var linked: [Int32] = []
            for file in task.files where !file.hasSuffix("/") {
                if let previous = lastUser.updateValue(v, forKey: file), !linked.contains(previous) {
                    linked.append(previous)
                    let alreadyDirect = graph.outgoing(previous).contains { graph.edgeTargets[Int($0)] == v }
                    if !alreadyDirect { addEdge(previous, v, .file, task.location) }
                }
            }
        }
    }
}
