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
    /// Stages (DESIGN.md §2 rule 1): phases that run side by side, in order.
    var stages: [[Int]] = []
    var stageOfPhase: [Int32]
    /// Whether a task node already has a successor / predecessor inside its
    /// phase or stage. Barriers only need to reach the tasks that have none:
    /// the rest are ordered through them, which keeps the edge count low.
    var hasSuccessorInPhase: [Bool] = []
    var hasPredecessorInPhase: [Bool] = []
    var hasSuccessorInStage: [Bool] = []
    var hasPredecessorInStage: [Bool] = []
    var sinksOfPhase: [Int: [Int32]] = [:]
    var sourcesOfPhase: [Int: [Int32]] = [:]

    init(document: SpecDocument, options: PlanOptions) {
        // The file rules compare interned file IDs; a hand-built document
        // without the tables gets them here, so there is one code path.
        var document = document
        if !document.hasFileTables { document.internFiles() }
        self.document = document
        self.options = options
        nodeOfTask = [Int32](repeating: -1, count: document.tasks.count)
        phaseNodes = Array(repeating: [], count: max(document.phases.count, 1))
        phaseEnd = Array(repeating: -1, count: max(document.phases.count, 1))
        stageOfPhase = Array(repeating: -1, count: max(document.phases.count, 1))
    }

    func phaseOf(_ node: Int32) -> Int { Int(document.tasks[Int(taskOfNode[Int(node)])].phase) }

    var taskCount: Int32 { Int32(taskOfNode.count) }

    mutating func run() {
        for i in document.tasks.indices where !(options.remaining && document.tasks[i].status.isFinished) {
            nodeOfTask[i] = Int32(taskOfNode.count)
            taskOfNode.append(Int32(i))
            let p = Int(document.tasks[i].phase)
            if p >= 0 && p < phaseNodes.count { phaseNodes[p].append(Int32(taskOfNode.count - 1)) }
        }
        durations.reserveCapacity(taskOfNode.count + 16)
        for t in taskOfNode {
            let hours = document.tasks[Int(t)].estimate.map(\.hours) ?? options.defaultDuration
            durations.append(hours.isFinite && hours >= 0 ? hours : options.defaultDuration)
        }
        computeStages()
        hasSuccessorInPhase = [Bool](repeating: false, count: taskOfNode.count)
        hasPredecessorInPhase = hasSuccessorInPhase
        hasSuccessorInStage = hasSuccessorInPhase
        hasPredecessorInStage = hasSuccessorInPhase
        addGroupEdgesAndParallelChecks()
        addWrittenDependencies()
        addStoryEdges()
        addStageEdges()
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
        milestoneName: String
    ) {
        if before.isEmpty || after.isEmpty { return }
        if before.count == 1 || after.count == 1 {
            for a in before { for b in after { addEdge(a, b, kind, location) } }
            return
        }
        let m = milestone(milestoneName)
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

    mutating func computeStages() {
        let phases = document.phases
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
        for (s, stage) in stages.enumerated() { for p in stage { stageOfPhase[p] = Int32(s) } }
    }

    /// Every task of a stage waits for the end of the stage before it: the tasks
    /// of the earlier stage with no successor inside it lead to the tasks of the
    /// later stage with no predecessor inside it.
    mutating func addStageEdges() {
        for s in stages.indices.dropFirst() {
            let previous = stages[s - 1]
            let before = Self.ends(of: previous.flatMap { phaseNodes[$0] }) { !hasSuccessorInStage[Int($0)] }
            let after = Self.ends(of: stages[s].flatMap { phaseNodes[$0] }) { !hasPredecessorInStage[Int($0)] }
            let location = phaseLocation(stages[s][0])
            if previous.count == 1 && phaseEnd[previous[0]] >= 0 {
                let m = phaseEnd[previous[0]]
                for b in after { addEdge(m, b, .phase, location) }
            } else {
                let name = previous.count == 1
                    ? "@end-phase-\(phaseNumber(previous[0]))"
                    : "@end-phases-\(phaseNumber(previous.first!))-\(phaseNumber(previous.last!))"
                connect(before[...], after[...], kind: .phase, at: location, milestoneName: name)
            }
        }
    }

    /// Records that `a` precedes `b` for the barrier bookkeeping.
    mutating func mark(_ a: Int32, before b: Int32) {
        let pa = phaseOf(a), pb = phaseOf(b)
        if pa == pb {
            hasSuccessorInPhase[Int(a)] = true
            hasPredecessorInPhase[Int(b)] = true
        }
        if stageOfPhase[pa] == stageOfPhase[pb] {
            hasSuccessorInStage[Int(a)] = true
            hasPredecessorInStage[Int(b)] = true
        }
    }

    func phaseNumber(_ p: Int) -> Int32 {
        document.phases.indices.contains(p) ? document.phases[p].index : Int32(p)
    }

    /// The milestone after every task of phase `p` (reached from the tasks with
    /// no successor inside the phase), made once.
    mutating func phaseEndMilestone(_ p: Int, kind: EdgeKind, location: SourceLocation) -> Int32 {
        if phaseEnd[p] >= 0 { return phaseEnd[p] }
        let m = milestone("@end-phase-\(phaseNumber(p))")
        for a in Self.ends(of: phaseNodes[p], where: { !hasSuccessorInPhase[Int($0)] }) { addEdge(a, m, kind, location) }
        phaseEnd[p] = m
        return m
    }

    // MARK: Rule 2: groups inside a phase

    mutating func addGroupEdgesAndParallelChecks() {
        let tasks = document.tasks
        // The group of every planned task (by its first node), to find [P] tasks
        // that depend on a task of their own group without a dictionary.
        var groupOf = [Int32](repeating: -1, count: tasks.count)
        // Per file ID: the first task of the current group naming it, valid
        // when `ownerStamp` holds the group's stamp (no clearing between groups).
        var fileOwner = [Int32](repeating: -1, count: document.filePaths.count)
        var ownerStamp = [Int32](repeating: -1, count: document.filePaths.count)
        var stamp: Int32 = 0
        for p in phaseNodes.indices {
            let nodes = phaseNodes[p]
            var previousGroup: Range<Int>? = nil
            var i = 0
            while i < nodes.count {
                let first = Int(taskOfNode[Int(nodes[i])])
                var j = i + 1
                if tasks[first].parallel {
                    let segment = tasks[first].segment
                    while j < nodes.count {
                        let next = Int(taskOfNode[Int(nodes[j])])
                        if !tasks[next].parallel || tasks[next].segment != segment { break }
                        j += 1
                    }
                }
                let group = i..<j
                if options.withinPhase != .explicit, let previous = previousGroup {
                    let location = taskLocation(nodes[group.lowerBound])
                    let name = previous.count > 1 && group.count > 1
                        ? "@end-\(taskID(nodes[previous.lowerBound]))..\(taskID(nodes[previous.upperBound - 1]))" : ""
                    connect(nodes[previous], nodes[group], kind: .order, at: location, milestoneName: name)
                    for k in previous { hasSuccessorInPhase[Int(nodes[k])] = true; hasSuccessorInStage[Int(nodes[k])] = true }
                    for k in group { hasPredecessorInPhase[Int(nodes[k])] = true; hasPredecessorInStage[Int(nodes[k])] = true }
                }
                if group.count > 1 {
                    for k in group { groupOf[Int(taskOfNode[Int(nodes[k])])] = Int32(first) }
                    checkParallelFiles(nodes[group], owner: &fileOwner, ownerStamp: &ownerStamp, stamp: stamp)
                    stamp += 1
                }
                previousGroup = group
                i = j
            }
        }
        // One warning per pair, however often the dependency is written.
        var warned = Set<Int64>()
        for d in document.dependencies {
            let g = groupOf[Int(d.successor)]
            guard g >= 0, g == groupOf[Int(d.predecessor)], d.successor != d.predecessor,
                warned.insert(Int64(d.successor) << 32 | Int64(d.predecessor)).inserted
            else { continue }
            let task = tasks[Int(d.successor)]
            let other = tasks[Int(d.predecessor)]
            diagnostics.append(Diagnostic(
                .parallelWithDependency,
                "\(task.id) is marked [P] but depends on \(other.id) in the same parallel group",
                at: task.location,
                notes: [.init(message: "\(other.id) is here", location: other.location)]))
        }
    }

    /// `[P]` tasks of one group should not touch the same file.
    /// - Complexity: O(file mentions in the group).
    mutating func checkParallelFiles(
        _ group: ArraySlice<Int32>, owner: inout [Int32], ownerStamp: inout [Int32], stamp: Int32
    ) {
        for (k, node) in zip(group.indices, group) {
            let t = taskOfNode[Int(node)]
            var shared = false
            for file in document.fileIDs(ofTask: Int(t)) where !document.isDirectory[Int(file)] {
                if ownerStamp[Int(file)] == stamp {
                    shared = true
                } else {
                    ownerStamp[Int(file)] = stamp
                    owner[Int(file)] = t
                }
            }
            guard shared else { continue }
            // One warning per pair, naming every file the two share: each
            // earlier task of the group (conflicts are rare, so this look back is cheap).
            let files = document.fileIDs(ofTask: Int(t)).filter { !document.isDirectory[Int($0)] }
            for earlierNode in group[group.startIndex..<k] {
                let e = taskOfNode[Int(earlierNode)]
                let common = files.filter { document.fileIDs(ofTask: Int(e)).contains($0) }
                guard !common.isEmpty else { continue }
                let task = document.tasks[Int(t)]
                let other = document.tasks[Int(e)]
                let names = common.map { document.filePaths[Int($0)] }
                let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
                diagnostics.append(Diagnostic(
                    .parallelFileConflict,
                    "\(other.id) and \(task.id) are both marked [P] in one group but both touch \(list)",
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
            mark(a, before: b)
        }
    }

    /// Tasks of phase `p` with no successor inside it, computed once per phase
    /// (a phase named by many statements is not filtered again each time).
    mutating func phaseSinks(_ p: Int) -> [Int32] {
        if let cached = sinksOfPhase[p] { return cached }
        let sinks = Self.ends(of: phaseNodes[p]) { !hasSuccessorInPhase[Int($0)] }
        sinksOfPhase[p] = sinks
        return sinks
    }

    /// The tasks of a phase or stage that pass `isEnd` (no successor, or no
    /// predecessor, inside it). When dependencies inside it form a cycle there
    /// may be none: then every task stands for the end, so the barrier is
    /// still drawn and the cycle is the only thing wrong with the graph.
    static func ends(of nodes: [Int32], where isEnd: (Int32) -> Bool) -> [Int32] {
        let ends = nodes.filter(isEnd)
        return ends.isEmpty ? nodes : ends
    }

    /// Tasks of phase `p` with no predecessor inside it, computed once per phase.
    mutating func phaseSources(_ p: Int) -> [Int32] {
        if let cached = sourcesOfPhase[p] { return cached }
        let sources = Self.ends(of: phaseNodes[p]) { !hasPredecessorInPhase[Int($0)] }
        sourcesOfPhase[p] = sources
        return sources
    }

    mutating func addStoryEdges() {
        for d in document.phaseDependencies {
            let p = Int(d.predecessor)
            let s = Int(d.successor)
            guard phaseNodes.indices.contains(p), phaseNodes.indices.contains(s), p != s,
                !phaseNodes[p].isEmpty, !phaseNodes[s].isEmpty
            else { continue }
            let sinks = phaseSinks(p)
            let sources = phaseSources(s)
            if sinks.count == 1 || sources.count == 1 {
                for a in sinks { for b in sources { addEdge(a, b, .story, d.location) } }
            } else {
                let m = phaseEndMilestone(p, kind: .story, location: d.location)
                for b in sources { addEdge(m, b, .story, d.location) }
            }
            if stageOfPhase[p] == stageOfPhase[s] {
                for a in sinks { hasSuccessorInStage[Int(a)] = true }
                for b in sources { hasPredecessorInStage[Int(b)] = true }
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
        var lastUser = [Int32](repeating: -1, count: document.filePaths.count)
        var linked: [Int32] = []
        for v in order where Int(v) < taskOfNode.count {
            let t = Int(taskOfNode[Int(v)])
            let files = document.fileIDs(ofTask: t)
            if files.isEmpty { continue }
            linked.removeAll(keepingCapacity: true)
            for file in files where !document.isDirectory[Int(file)] {
                let previous = lastUser[Int(file)]
                lastUser[Int(file)] = v
                if previous >= 0, !linked.contains(previous) {
                    linked.append(previous)
                    let alreadyDirect = graph.outgoing(previous).contains { graph.edgeTargets[Int($0)] == v }
                    if !alreadyDirect { addEdge(previous, v, .file, document.tasks[t].location) }
                }
            }
        }
    }
}
