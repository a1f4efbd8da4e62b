import Dispatch
import HeapModule
import SpecKitTasks
import TaskGraph

extension ScheduleGraph {
    /// What building a graph yields besides the graph itself.
    public struct Built: Sendable {
        public let graph: ScheduleGraph
        /// `parallel-file-conflict`, `parallel-with-dependency` and `reordered` diagnostics.
        public let diagnostics: [Diagnostic]
        /// Cycles of written edges; the graph is made without their `removed` edges.
        public let cycles: [DependencyCycle]
    }

    /// Derives the dependency graph of a document (docs/semantics.md, "The graph").
    ///
    /// Written edges (explicit, declared, story, correction) come first; the
    /// strongly connected components of those alone are the cycles, and the
    /// written edges that break them are left out. The reference order π is
    /// Kahn's algorithm on the remaining written edges, taking the ready task
    /// with the smallest (stage, document position). Implied edges (phase,
    /// order, file) are then added only forward in π, through milestones, so
    /// that they never close a cycle and their number stays linear.
    ///
    /// - Complexity: O((T + E) log T + F) for T tasks, E written dependencies
    ///   and F file mentions, plus O(R · S) for R tasks that a written edge
    ///   moves before a task of a later stage (S stages).
    public static func build(_ document: SpecDocument, options: PlanOptions = PlanOptions()) -> Built {
        build(document, options: options, scanBudget: GraphBuilder.defaultScanBudget)
    }

    /// ``build(_:options:)`` with another budget of exclusion checks (tests
    /// take the path past the budget on small documents).
    package static func build(_ document: SpecDocument, options: PlanOptions, scanBudget: Int) -> Built {
        build(document, options: options, scanBudget: scanBudget, twoThreads: nil)
    }

    /// ``build(_:options:scanBudget:)`` with the implied edges made on two
    /// threads or on one whatever the size (nil: two for large documents),
    /// for tests that compare the two.
    package static func build(_ document: SpecDocument, options: PlanOptions, scanBudget: Int, twoThreads: Bool?) -> Built {
        var builder = GraphBuilder(document: document, options: options)
        (builder.scanBudget, builder.scanLimit) = (scanBudget, scanBudget)
        builder.twoThreads = twoThreads
        builder.run()
        return (consume builder).finish()
    }
}

struct GraphBuilder {
    let document: SpecDocument
    let options: PlanOptions
    var taskOfNode: [Int32] = []
    var nodeOfTask: [Int32]
    var milestoneNames: [String] = []
    var milestoneNamer = UniqueNames()
    var sources: [Int32] = []
    var targets: [Int32] = []
    var kinds: [EdgeKind] = []
    var lines: [Int32] = []
    /// The source column of each written edge: implied edges are all made
    /// after them, and only the notes about cycles and reordering read a
    /// column, so implied edges record none and the graph keeps none.
    var columns: [Int32] = []
    /// Edges made and not yet moved into the columns above (``addEdge(_:_:_:_:)``).
    var pending = PendingEdges()
    var diagnostics: [Diagnostic] = []
    var cycles: [DependencyCycle] = []
    var durations: [Double] = []
    /// Planned task nodes of each phase, in document order.
    var phaseNodes: [[Int32]]
    /// Stages: phases that run side by side, in order.
    var stages: [[Int]] = []
    var stageOfPhase: [Int32]
    var stageOfNode: [Int32] = []
    /// The reference order π (task nodes) and each task node's position in it.
    var referenceOrder: [Int32] = []
    var positionInOrder: [Int32] = []
    /// Exclusion sets of each task node (parallel statements and `not after`
    /// corrections), CSR, each node's list sorted.
    var setOffsets: [Int32] = []
    var setIDs: [Int32] = []
    var setCount = 0
    /// Sets made from a statement that names phases: they keep tasks of
    /// different phases apart, never two tasks of one phase.
    var phaseLevelSet: [Bool] = []
    /// Pairs taken out by `not after` corrections: predecessor task << 32 | successor task (document indices).
    var removedPairs: Set<Int64> = []
    /// Work left for scans that exclusions make per task (adversarial inputs
    /// stop here): past it, a task follows every task before it in its phase
    /// or stage through one node, as if no parallel statement named it, and
    /// the plan says so (``budgetWarning``).
    var scanBudget = defaultScanBudget
    /// The budget the build started with, for the warning.
    var scanLimit = defaultScanBudget
    static let defaultScanBudget = 20_000_000
    /// The first task planned past ``scanBudget``, for the warning.
    var pastBudget: Int32 = -1
    /// Per task node, read once from the document (the hot loops touch no `SpecTask`).
    var phaseOfNode: [Int32] = []
    var locationOfNode: [SourceLocation] = []
    var independentNode: [Bool] = []
    /// `[P]`, its section (`segment`), and whether it states its own dependencies.
    var parallelNode: [Bool] = []
    var segmentOfNode: [Int32] = []
    var statesDependenciesNode: [Bool] = []
    /// The groups of each phase in π order (task nodes), for the order rule and the checks.
    var groups = PhaseGroups()
    /// Whether the order and phase passes run on two threads (nil: for
    /// large documents, ``usesTwoThreads``).
    var twoThreads: Bool? = nil
    /// Milestones keep the name proposed, to be made unique later (the
    /// phase pass on its own thread, see ``addImpliedEdgesOnTwoThreads()``).
    var defersNames = false

    init(document: SpecDocument, options: PlanOptions) {
        var document = document
        if !document.hasFileTables { document.internFiles() }
        self.document = document
        self.options = options
        nodeOfTask = [Int32](repeating: -1, count: document.tasks.count)
        let phaseCount = max(document.phases.count, 1)
        phaseNodes = Array(repeating: [], count: phaseCount)
        stageOfPhase = [Int32](repeating: -1, count: phaseCount)
    }

    var taskCount: Int { taskOfNode.count }

    // The small accessors are inlined: called out of line from a mutating
    // method's loop, each call copied the whole builder (408 bytes) to lend it.
    @inline(__always) func task(_ node: Int32) -> SpecTask { document.tasks[Int(taskOfNode[Int(node)])] }
    @inline(__always) func phaseOf(_ node: Int32) -> Int { Int(phaseOfNode[Int(node)]) }

    mutating func run() {
        readTasks()
        computeStages()
        collectRemovedPairs()
        // Room made once, not by doubling (which would leave up to as much
        // again unused until the end): the written edges, then at most two
        // order edges per task (into its group's milestone and out of it),
        // which leaves room for the phase edges of most documents. Parallel
        // statements that make edges pair by pair can still outgrow it.
        let writtenBound = writtenEdgeBound()
        let twoThreads = usesTwoThreads
        // On two threads, the implied edges are made in arrays of their own.
        reserveEdges(writtenBound + (twoThreads ? 0 : 2 * taskCount))
        columns.reserveCapacity(writtenBound)
        columns.adviseHugePages()
        if twoThreads {
            addWrittenEdgesBesideExclusionSets()
        } else {
            buildExclusionSets()
            addWrittenEdges()
        }
        // Kahn's pass finds π, and whether the written edges hold a cycle at
        // all: the components are looked for only when they do.
        // The notes' copy of the builder would share an open edge block.
        assert(!pending.isAllocated, "a pass left its edge block open")
        if !computeReferenceOrder(notes: twoThreads ? ReorderingNotes(self) : nil) {
            breakWrittenCycles()
            _ = computeReferenceOrder()
        } else {
            pruneStoryEdges()
        }
        columns = []  // read by nothing from here on
        formGroups()
        if twoThreads {
            addImpliedEdgesOnTwoThreads()
        } else {
            checkGroups()
            addOrderEdges()
            addPhaseEdges()
        }
        if options.files == .serialize { addFileEdges() }
        if pastBudget >= 0 { diagnostics.append(budgetWarning()) }
    }

    /// Spends the rest of ``scanBudget`` on `b`, the first time past it.
    mutating func spendBudget(on b: Int32) {
        scanBudget = -1
        if pastBudget < 0 { pastBudget = b }
    }

    /// Says that parallel statements were not all honoured: checking them
    /// pair by pair would have taken more than ``scanBudget`` steps.
    func budgetWarning() -> Diagnostic {
        Diagnostic(
            .parallelWithDependency,
            "parallel statements name too many pairs of tasks to check one by one (more than \(scanLimit) checks); "
                + "from \(task(pastBudget).id) on, a task is planned after every task before it in its phase and in earlier phases, "
                + "whatever the statements say",
            at: taskLocation(pastBudget))
    }

    /// The node of every planned task, and the fields of it that the hot
    /// loops read, in one pass over the document. The pass writes into local
    /// arrays made at full size and cut after: appending to the stored
    /// properties cost a uniqueness and a capacity check per field and task.
    mutating func readTasks() {
        let count = document.tasks.count
        let phaseCount = phaseNodes.count
        let options = options
        var nodeOfTask: [Int32] = []
        swap(&nodeOfTask, &self.nodeOfTask)  // unshared: written in place
        var taskOfNode = [Int32](hugeRepeating: 0, count: count)
        var phaseOfNode = [Int32](hugeRepeating: 0, count: count)
        var locationOfNode = [SourceLocation](hugeRepeating: SourceLocation(line: 0, column: 0), count: count)
        var independentNode = [Bool](hugeRepeating: false, count: count)
        var parallelNode = [Bool](hugeRepeating: false, count: count)
        var segmentOfNode = [Int32](hugeRepeating: 0, count: count)
        var statesDependenciesNode = [Bool](hugeRepeating: false, count: count)
        var durations = [Double](hugeRepeating: 0, count: count)
        // Large documents are read in two halves side by side: the second
        // half's nodes are written from `mid` on, and moved down after.
        let halves = count >= 2 && (twoThreads ?? (count >= Self.twoThreadMinimum)) ? 2 : 1
        let mid = halves == 2 ? count / 2 : count
        var phaseSizes = [Int](repeating: 0, count: halves * phaseCount)
        var planned = [Int](repeating: 0, count: halves)
        document.tasks.withUnsafeBufferPointer { tasks in
            nodeOfTask.withUnsafeMutableBufferPointer { nodeOfTask in
                taskOfNode.withUnsafeMutableBufferPointer { taskOfNode in
                    phaseOfNode.withUnsafeMutableBufferPointer { phaseOfNode in
                        locationOfNode.withUnsafeMutableBufferPointer { locationOfNode in
                            independentNode.withUnsafeMutableBufferPointer { independentNode in
                                parallelNode.withUnsafeMutableBufferPointer { parallelNode in
                                    segmentOfNode.withUnsafeMutableBufferPointer { segmentOfNode in
                                        statesDependenciesNode.withUnsafeMutableBufferPointer { statesDependenciesNode in
                                            durations.withUnsafeMutableBufferPointer { durations in
                                                phaseSizes.withUnsafeMutableBufferPointer { phaseSizes in
                                                    planned.withUnsafeMutableBufferPointer { planned in
                                                        let columns = TaskColumns(
                                                            tasks: tasks, nodeOfTask: nodeOfTask, taskOfNode: taskOfNode,
                                                            phaseOfNode: phaseOfNode, locationOfNode: locationOfNode,
                                                            independentNode: independentNode, parallelNode: parallelNode,
                                                            segmentOfNode: segmentOfNode, statesDependenciesNode: statesDependenciesNode,
                                                            durations: durations, phaseSizes: phaseSizes, planned: planned,
                                                            options: options, phaseCount: phaseCount)
                                                        if halves == 2 {
                                                            DispatchQueue.concurrentPerform(iterations: 2) { h in
                                                                columns.read(h == 0 ? 0..<mid : mid..<count, from: h == 0 ? 0 : mid, half: h)
                                                            }
                                                            columns.moveSecondHalf(from: mid, to: planned[0], count: planned[1], tasks: mid..<count)
                                                        } else {
                                                            columns.read(0..<count, from: 0, half: 0)
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let nodes = planned.reduce(0, +)
        if halves == 2 { for p in 0..<phaseCount { phaseSizes[p] += phaseSizes[phaseCount + p] } }
        let unplanned = count - nodes
        taskOfNode.removeLast(unplanned)
        phaseOfNode.removeLast(unplanned)
        locationOfNode.removeLast(unplanned)
        independentNode.removeLast(unplanned)
        parallelNode.removeLast(unplanned)
        segmentOfNode.removeLast(unplanned)
        statesDependenciesNode.removeLast(unplanned)
        durations.removeLast(unplanned)
        // Each phase's nodes, by a counting sort into one list cut after
        // (appending to the phase's own array cost two uniqueness checks per task).
        var start = [Int](repeating: 0, count: phaseCount + 1)
        for p in 0..<phaseCount { start[p + 1] = start[p] + phaseSizes[p] }
        var byPhase = [Int32](repeating: 0, count: nodes)
        var fill = start
        phaseOfNode.withUnsafeBufferPointer { phaseOfNode in
            byPhase.withUnsafeMutableBufferPointer { byPhase in
                fill.withUnsafeMutableBufferPointer { fill in
                    for v in 0..<nodes {
                        let p = Int(phaseOfNode[v])
                        byPhase[fill[p]] = Int32(v)
                        fill[p] += 1
                    }
                }
            }
        }
        for p in 0..<phaseCount where phaseSizes[p] > 0 { phaseNodes[p] = Array(byPhase[start[p]..<start[p + 1]]) }
        self.nodeOfTask = nodeOfTask
        self.taskOfNode = taskOfNode
        self.phaseOfNode = phaseOfNode
        self.locationOfNode = locationOfNode
        self.independentNode = independentNode
        self.parallelNode = parallelNode
        self.segmentOfNode = segmentOfNode
        self.statesDependenciesNode = statesDependenciesNode
        self.durations = durations
    }

    /// The graph, its edge arrays copied at their exact size (the reserve
    /// overshoots, and they live as long as the plan). What only the build
    /// reads is let go before the CSR lists are made.
    consuming func finish() -> ScheduleGraph.Built {
        assert(pending.count == 0, "edges left pending")
        // One array at a time, so that only one spare copy exists at once.
        sources.trimCapacity()
        targets.trimCapacity()
        kinds.trimCapacity()
        lines.trimCapacity()
        var allDurations: [Double] = []
        allDurations.reserveCapacity(taskCount + milestoneNames.count)
        allDurations.adviseHugePages()
        allDurations.append(contentsOf: durations)
        allDurations.append(contentsOf: repeatElement(0, count: milestoneNames.count))
        let (taskOfNode, nodeOfTask, milestoneNames, referenceOrder) = (taskOfNode, nodeOfTask, milestoneNames, referenceOrder)
        let (sources, targets, kinds, lines) = (sources, targets, kinds, lines)
        let (diagnostics, cycles) = (diagnostics, cycles)
        _ = consume self
        let graph = DirectedGraph(nodeCount: taskOfNode.count + milestoneNames.count, sources: sources, targets: targets)
        let scheduleGraph = ScheduleGraph(
            graph: graph, taskOfNode: taskOfNode, nodeOfTask: nodeOfTask, milestoneNames: milestoneNames,
            edgeKinds: kinds, edgeLines: lines, durations: allDurations,
            referenceOrder: referenceOrder)
        return ScheduleGraph.Built(graph: scheduleGraph, diagnostics: diagnostics, cycles: cycles)
    }

    // MARK: - Edges and milestones

    /// An edge, through ``pending``: a few stores, where an append to each
    /// of the four or five columns cost a uniqueness and a capacity check.
    @inline(__always)
    mutating func addEdge(_ from: Int32, _ to: Int32, _ kind: EdgeKind, _ location: SourceLocation) {
        if pending.isFull { makeRoomForEdges() }
        pending.append(from, to, kind, location)
    }

    /// Moves the pending edges into the columns (or, the first time, makes
    /// the pending block): ``addEdge(_:_:_:_:)`` found it full.
    @inline(never)
    mutating func makeRoomForEdges() {
        if pending.isAllocated { flushEdges() } else { pending.allocate() }
    }

    /// Moves the pending edges into the columns, which hold every edge made
    /// so far after it. Every pass that makes edges ends with
    /// ``closeEdges()``, and whatever reads the columns in the middle of one
    /// calls this first.
    mutating func flushEdges() {
        guard pending.count > 0 else { return }
        pending.move(into: &sources, &targets, &kinds, &lines, &columns)
    }

    /// ``flushEdges()``, and the pending block let go: a copy of the builder
    /// made after it shares no block with this one.
    mutating func closeEdges() {
        flushEdges()
        pending = PendingEdges()
    }

    /// An edge from each of `nodes` to `target`.
    mutating func addEdges(from nodes: [Int32], to target: Int32, _ kind: EdgeKind, _ location: SourceLocation) {
        for a in nodes { addEdge(a, target, kind, location) }
    }

    /// An edge from `source` to each of `nodes`.
    mutating func addEdges(from source: Int32, to nodes: [Int32], _ kind: EdgeKind, _ location: SourceLocation) {
        for b in nodes { addEdge(source, b, kind, location) }
    }

    /// Room for `extra` more edges.
    mutating func reserveEdges(_ extra: Int) {
        let capacity = sources.count + extra
        sources.reserveCapacity(capacity)
        targets.reserveCapacity(capacity)
        kinds.reserveCapacity(capacity)
        lines.reserveCapacity(capacity)
        // Filled from end to end by the passes (`HugePages`).
        sources.adviseHugePages()
        targets.adviseHugePages()
        kinds.adviseHugePages()
        lines.adviseHugePages()
    }

    /// An upper bound of the written edges (explicit, declared, correction,
    /// story), read from the document before any is made: one per dependency,
    /// one per task on each side of a group (but the pairs of corrected
    /// successors), and the story edges of each phase named before or after
    /// a phase-level statement, plus the statement's own edge.
    func writtenEdgeBound() -> Int {
        var bound = document.dependencies.count
        for group in document.dependencyGroups { bound += group.predecessors.count + group.successors.count }
        // Phase p named first before (slot 2p) or after (2p + 1) a statement.
        var named = [Bool](repeating: false, count: 2 * phaseNodes.count)
        func name(_ p: Int32, slot: Int) {
            guard phaseNodes.indices.contains(Int(p)), !named[2 * Int(p) + slot] else { return }
            named[2 * Int(p) + slot] = true
            bound += phaseNodes[Int(p)].count
        }
        for d in document.phaseDependencies {
            bound += 1
            name(d.predecessor, slot: 0)
            name(d.successor, slot: 1)
        }
        return bound
    }

    /// A new milestone node; a name already taken gets `#2`, `#3`.
    mutating func milestone(_ proposed: String) -> Int32 {
        milestoneNames.append(defersNames ? proposed : milestoneNamer.claim(proposed))
        return Int32(taskCount + milestoneNames.count - 1)
    }

    @inline(__always) func taskLocation(_ node: Int32) -> SourceLocation { locationOfNode[Int(node)] }

    @inline(__always) func phaseLocation(_ p: Int) -> SourceLocation {
        let line = document.phases.indices.contains(p) ? document.phases[p].line : 0
        return SourceLocation(line: line, column: 1)
    }

    @inline(__always) func phaseNumber(_ p: Int) -> Int32 {
        document.phases.indices.contains(p) ? document.phases[p].index : Int32(p)
    }

    // MARK: - Stages

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
        let taskCount = taskCount
        stageOfNode = [Int32](unsafeUninitializedCapacity: taskCount) { stageOfNode, count in
            phaseOfNode.withUnsafeBufferPointer { phaseOfNode in
                stageOfPhase.withUnsafeBufferPointer { stageOfPhase in
                    for v in 0..<taskCount { stageOfNode[v] = stageOfPhase[Int(phaseOfNode[v])] }
                }
            }
            count = taskCount
        }
    }

    // MARK: - Exclusions

    /// The pairs `not after` corrections take out (``removedPairs``).
    mutating func collectRemovedPairs() {
        for d in document.removedDependencies {
            guard document.tasks.indices.contains(Int(d.predecessor)), document.tasks.indices.contains(Int(d.successor))
            else { continue }
            removedPairs.insert(Int64(d.predecessor) << 32 | Int64(d.successor))
        }
    }

    /// Every parallel statement and every `not after` correction is a set of
    /// task nodes; no implied edge joins two members of one set.
    mutating func buildExclusionSets() {
        var members: [[Int32]] = []
        for statement in document.parallelStatements {
            var set: [Int32] = []
            for t in statement.tasks where document.tasks.indices.contains(Int(t)) {
                let n = nodeOfTask[Int(t)]
                if n >= 0 { set.append(n) }
            }
            if set.count > 1 {
                phaseLevelSet.append(false)
                members.append(set)
            }
            // Named phases run beside each other: their tasks are kept apart
            // from the other named phases' (and named tasks'), not from their own.
            guard !statement.phases.isEmpty else { continue }
            for p in statement.phases where phaseNodes.indices.contains(Int(p)) { set.append(contentsOf: phaseNodes[Int(p)]) }
            if set.count > 1 {
                phaseLevelSet.append(true)
                members.append(set)
            }
        }
        for d in document.removedDependencies {
            guard document.tasks.indices.contains(Int(d.predecessor)), document.tasks.indices.contains(Int(d.successor))
            else { continue }
            let a = nodeOfTask[Int(d.predecessor)], b = nodeOfTask[Int(d.successor)]
            if a >= 0, b >= 0, a != b {
                phaseLevelSet.append(false)
                members.append([a, b])
            }
        }
        setCount = members.count
        guard !members.isEmpty else {
            setOffsets = [Int32](repeating: 0, count: taskCount + 1)
            return
        }
        // The tables are written through raw buffers: one uniqueness check
        // per table, not one per write.
        var counts = [Int32](repeating: 0, count: taskCount + 1)
        counts.withUnsafeMutableBufferPointer { counts in
            for set in members { for n in set { counts[Int(n) + 1] += 1 } }
            for v in 0..<counts.count - 1 { counts[v + 1] += counts[v] }
        }
        let offsets = counts
        setOffsets = offsets
        var fill = counts
        var ids = [Int32](repeating: 0, count: Int(counts[taskCount]))
        var repeated = false
        ids.withUnsafeMutableBufferPointer { ids in
            fill.withUnsafeMutableBufferPointer { fill in
                for (id, set) in members.enumerated() {
                    for n in set {
                        // A task named twice in one statement is listed once.
                        let at = Int(fill[Int(n)])
                        if at > Int(offsets[Int(n)]) && ids[at - 1] == Int32(id) {
                            repeated = true
                            continue
                        }
                        ids[at] = Int32(id)
                        fill[Int(n)] += 1
                    }
                }
            }
        }
        setIDs = ids
        // Close the gaps left by repeated names.
        if repeated {
            var compact: [Int32] = []
            var offsets: [Int32] = [0]
            for v in 0..<taskCount {
                compact.append(contentsOf: setIDs[Int(setOffsets[v])..<Int(fill[v])])
                offsets.append(Int32(compact.count))
            }
            setIDs = compact
            setOffsets = offsets
        }
    }

    @inline(__always) func sets(of node: Int32) -> ArraySlice<Int32> {
        setIDs[Int(setOffsets[Int(node)])..<Int(setOffsets[Int(node) + 1])]
    }

    /// Whether two task nodes are named in one parallel statement (or one `not after` correction).
    @inline(__always) func excluded(_ a: Int32, _ b: Int32) -> Bool {
        let x = sets(of: a), y = sets(of: b)
        if x.isEmpty || y.isEmpty { return false }
        var i = x.startIndex, j = y.startIndex
        while i < x.endIndex && j < y.endIndex {
            if x[i] == y[j] {
                if !phaseLevelSet[Int(x[i])] || phaseOf(a) != phaseOf(b) { return true }
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return false
    }

    func removedByCorrection(_ a: Int32, _ b: Int32) -> Bool {
        removedPairs.isEmpty ? false
            : removedPairs.contains(Int64(taskOfNode[Int(a)]) << 32 | Int64(taskOfNode[Int(b)]))
    }

    // MARK: - Written edges

    /// Explicit, declared and correction edges, then phase-level (`story`)
    /// edges through one end milestone per predecessor phase and one start
    /// milestone per dependent phase.
    mutating func addWrittenEdges() {
        for d in document.dependencies {
            guard document.tasks.indices.contains(Int(d.predecessor)), document.tasks.indices.contains(Int(d.successor))
            else { continue }
            let a = nodeOfTask[Int(d.predecessor)]
            let b = nodeOfTask[Int(d.successor)]
            guard a >= 0, b >= 0, a != b else { continue }  // a finished task's dependency is met
            if removedByCorrection(a, b) { continue }
            let kind: EdgeKind = switch d.kind {
            case .explicit: .explicit
            case .declared: .declared
            case .correction: .correction
            }
            addEdge(a, b, kind, d.location)
        }
        if !document.dependencyGroups.isEmpty {
            var corrected = Set<Int32>()
            for d in document.removedDependencies where document.tasks.indices.contains(Int(d.successor)) {
                corrected.insert(nodeOfTask[Int(d.successor)])
            }
            for group in document.dependencyGroups { addGroupEdges(group, corrected: corrected) }
        }
        // One milestone after each predecessor phase and one before each
        // successor phase, so that every statement adds a single edge between them.
        // By phase, -1 until made.
        var storyEnd = [Int32](repeating: -1, count: phaseNodes.count)
        var storyStart = [Int32](repeating: -1, count: phaseNodes.count)
        for d in document.phaseDependencies {
            let p = Int(d.predecessor), s = Int(d.successor)
            guard phaseNodes.indices.contains(p), phaseNodes.indices.contains(s), p != s,
                !phaseNodes[p].isEmpty, !phaseNodes[s].isEmpty
            else { continue }
            let before = phaseNodes[p]
            let end: Int32
            if storyEnd[p] >= 0 {
                end = storyEnd[p]
            } else {
                end = milestone("@end-phase-\(phaseNumber(p))")
                addEdges(from: before, to: end, .story, d.location)
                storyEnd[p] = end
            }
            let start: Int32
            if storyStart[s] >= 0 {
                start = storyStart[s]
            } else {
                start = milestone("@start-phase-\(phaseNumber(s))")
                if removedPairs.isEmpty {
                    addEdges(from: start, to: phaseNodes[s], .story, d.location)
                } else {
                    for b in phaseNodes[s] where !correctedAgainstStory(b) { addEdge(start, b, .story, d.location) }
                }
                storyStart[s] = start
            }
            addEdge(end, start, .story, d.location)
            // A task a correction keeps from some of the phase's tasks gets
            // the others one by one (the test is hoisted: without corrections
            // this loop would visit the phase's tasks once per statement).
            guard !removedPairs.isEmpty else { continue }
            for b in phaseNodes[s] where correctedAgainstStory(b) {
                for a in before where a != b && !removedByCorrection(a, b) { addEdge(a, b, .story, d.location) }
            }
        }
        closeEdges()
    }

    /// A statement about many pairs (`T00001-T10000 → T10001-T20000`): every
    /// predecessor into one milestone and the milestone into every successor,
    /// as the story milestones do, so that P + S edges give each successor the
    /// same predecessors as the P × S pairs. A successor that a `not after`
    /// correction (`corrected`) keeps from some predecessors gets the others
    /// one by one; a side of one task is linked directly.
    ///
    /// - Complexity: O(P + S), plus O(P) per corrected successor.
    mutating func addGroupEdges(_ group: DependencyGroup, corrected: Set<Int32>) {
        let kind: EdgeKind = switch group.kind {
        case .explicit: .explicit
        case .declared: .declared
        case .correction: .correction
        }
        func nodes(_ tasks: [Int32]) -> [Int32] {
            tasks.compactMap { t in
                guard document.tasks.indices.contains(Int(t)) else { return nil }
                let n = nodeOfTask[Int(t)]
                return n >= 0 ? n : nil  // a finished task's dependency is met
            }
        }
        let before = nodes(group.predecessors), after = nodes(group.successors)
        guard !before.isEmpty, !after.isEmpty else { return }
        let linked = corrected.isEmpty ? after : after.filter { !corrected.contains($0) }
        if before.count == 1 || linked.count <= 1 {
            for b in linked { for a in before where a != b { addEdge(a, b, kind, group.location) } }
        } else {
            let m = milestone("\(Self.groupMilestonePrefix)\(task(before[0]).id)..\(task(before[before.count - 1]).id)")
            for a in before { addEdge(a, m, kind, group.location) }
            for b in linked { addEdge(m, b, kind, group.location) }
        }
        guard linked.count < after.count else { return }
        for b in after where corrected.contains(b) {
            for a in before where a != b && !removedByCorrection(a, b) { addEdge(a, b, kind, group.location) }
        }
    }

    /// Names of the milestones that join the two sides of a ``DependencyGroup``:
    /// `@after-T00001..T10000` (its first and last predecessor).
    static let groupMilestonePrefix = "@after-"

    /// Whether a `not after` correction names task `b` as its successor
    /// (then phase-level edges reach it one by one, not through a milestone).
    func correctedAgainstStory(_ b: Int32) -> Bool {
        !removedPairs.isEmpty && document.removedDependencies.contains { nodeOfTask[Int($0.successor)] == b }
    }

    /// Finds the strongly connected components of the written edges, reports
    /// one cycle per component, and takes out the edges that break them.
    mutating func breakWrittenCycles() {
        let nodeCount = taskCount + milestoneNames.count
        let written = DirectedGraph(nodeCount: nodeCount, sources: sources, targets: targets)
        // A phase's end milestone stands at its last task, its start milestone at its first.
        var position = (0..<Int32(nodeCount)).map { $0 }
        for m in taskCount..<nodeCount {
            let isStart = milestoneNames[m - taskCount].hasPrefix("@start-")
            position[m] = isStart
                ? written.outgoing(Int32(m)).map { written.edgeTargets[Int($0)] }.min() ?? Int32(m)
                : written.incoming(Int32(m)).map { written.edgeSources[Int($0)] }.max() ?? Int32(m)
        }
        let found = CycleBreaker.breakCycles(in: written, position: position)
        guard !found.isEmpty else { return }
        var removed = [Bool](repeating: false, count: sources.count)
        for component in found { for e in component.removed { removed[Int(e)] = true } }
        let originalKinds = kinds
        let originalLocations = zip(lines, columns).map { SourceLocation(line: $0, column: $1) }
        // The final edge number of every kept written edge.
        var finalID = [Int32](repeating: -1, count: sources.count)
        var keep = 0
        for e in 0..<sources.count where !removed[e] {
            finalID[e] = Int32(keep)
            sources[keep] = sources[e]
            targets[keep] = targets[e]
            kinds[keep] = kinds[e]
            lines[keep] = lines[e]
            columns[keep] = columns[e]
            keep += 1
        }
        func edge(_ e: Int32) -> DependencyCycle.Edge {
            DependencyCycle.Edge(
                from: written.edgeSources[Int(e)], to: written.edgeTargets[Int(e)], kind: originalKinds[Int(e)],
                location: originalLocations[Int(e)], graphEdge: finalID[Int(e)] >= 0 ? finalID[Int(e)] : nil)
        }
        cycles = found.map { component in
            DependencyCycle(
                nodes: component.cycle.map { written.edgeSources[Int($0)] },
                edges: component.cycle.map { edge($0) },
                componentSize: component.size,
                removed: component.removed.map { edge($0) })
        }
        sources.removeSubrange(keep...)
        targets.removeSubrange(keep...)
        kinds.removeSubrange(keep...)
        lines.removeSubrange(keep...)
        columns.removeSubrange(keep...)
    }

    /// Without a cycle, a task with a written successor in its own phase
    /// reaches the phase's end milestone through it, and a task with a
    /// written predecessor in its phase is reached from the start milestone
    /// through it: their own story edges add nothing and are dropped.
    mutating func pruneStoryEdges() {
        guard milestoneNames.count > 0 else { return }
        let taskCount = taskCount
        let isStart = milestoneNames.map { $0.hasPrefix("@start-") }
        var hasSuccessorInPhase = [Bool](repeating: false, count: taskCount)
        var hasPredecessorInPhase = [Bool](repeating: false, count: taskCount)
        // Raw buffers: two steps per written edge, where checked accesses
        // (and a uniqueness check per store) cost more than the step itself.
        sources.withUnsafeBufferPointer { sources in
            targets.withUnsafeBufferPointer { targets in
                phaseOfNode.withUnsafeBufferPointer { phaseOfNode in
                    for e in sources.indices {
                        let a = Int(sources[e]), b = Int(targets[e])
                        guard a < taskCount, b < taskCount, phaseOfNode[a] == phaseOfNode[b] else { continue }
                        hasSuccessorInPhase[a] = true
                        hasPredecessorInPhase[b] = true
                    }
                }
            }
        }
        var keep = 0
        sources.withUnsafeMutableBufferPointer { sources in
            targets.withUnsafeMutableBufferPointer { targets in
                kinds.withUnsafeMutableBufferPointer { kinds in
                    lines.withUnsafeMutableBufferPointer { lines in
                        columns.withUnsafeMutableBufferPointer { columns in
                            for e in sources.indices {
                                let a = sources[e], b = targets[e]
                                if kinds[e] == .story {
                                    if Int(a) < taskCount && Int(b) >= taskCount && hasSuccessorInPhase[Int(a)] { continue }
                                    if Int(a) >= taskCount && Int(b) < taskCount && hasPredecessorInPhase[Int(b)]
                                        && isStart[Int(a) - taskCount]
                                    {
                                        continue
                                    }
                                }
                                sources[keep] = a
                                targets[keep] = b
                                kinds[keep] = kinds[e]
                                lines[keep] = lines[e]
                                columns[keep] = columns[e]
                                keep += 1
                            }
                        }
                    }
                }
            }
        }
        sources.removeSubrange(keep...)
        targets.removeSubrange(keep...)
        kinds.removeSubrange(keep...)
        lines.removeSubrange(keep...)
        columns.removeSubrange(keep...)
    }

    // MARK: - The reference order π

    /// Kahn's algorithm on the (acyclic) written edges, the ready task with the
    /// smallest (stage, document position) first; milestones pass through at once.
    /// Notes `reordered` where a written edge puts a task after one written below it.
    /// Returns false, with π incomplete and no note made, when the written
    /// edges hold a cycle.
    mutating func computeReferenceOrder() -> Bool {
        computeReferenceOrder(notes: nil)
    }

    /// ``computeReferenceOrder()``, its `reordered` notes made by `notes`
    /// when given (on another thread meanwhile: they do not depend on π).
    mutating func computeReferenceOrder(notes: ReorderingNotes?) -> Bool {
        let group = DispatchGroup()
        if let notes { DispatchQueue.global().async(group: group) { notes.runUnlessClaimed() } }
        referenceOrder = []  // a new one is made at its size
        let nodeCount = taskCount + milestoneNames.count
        // Only the successors are needed (the notes scan the edges in order).
        let successors = EdgeLists(nodeCount: nodeCount, keys: sources, values: targets)
        var indegree = [Int32](hugeRepeating: 0, count: nodeCount)
        indegree.withUnsafeMutableBufferPointer { indegree in
            targets.withUnsafeBufferPointer { targets in
                for t in targets { indegree[Int(t)] &+= 1 }
            }
        }
        // Task nodes by (stage, document position): a counting sort by stage.
        let byKey = tasksByStage()
        let taskCount = taskCount
        let rank = [Int32](unsafeUninitializedCapacity: taskCount) { rank, count in
            byKey.withUnsafeBufferPointer { byKey in
                for r in 0..<taskCount { rank[Int(byKey[r])] = Int32(truncatingIfNeeded: r) }
            }
            count = taskCount
        }
        // The smallest ready rank is found by a cursor over `byKey`; only a task
        // that becomes ready after the cursor passed it (one a written edge moves
        // back) goes to the heap, so documents whose written edges point
        // forward cost no heap operation at all.
        var isReady = [Bool](repeating: false, count: taskCount)
        var late = Heap<Int32>()
        var cursor = 0
        // The nodes to pass on: each node is put there once (a milestone when
        // it becomes ready, a task when it is taken), and a task only once the
        // stack is empty, so it holds at most every milestone and one task.
        var passing = [Int32](repeating: 0, count: nodeCount - taskCount + 1)
        var top = 0
        for v in 0..<Int32(nodeCount) where indegree[Int(v)] == 0 {
            if Int(v) < taskCount {
                isReady[Int(v)] = true
            } else {
                passing[top] = v
                top += 1
            }
        }
        // Raw buffers: a step per node and per edge, where checked accesses,
        // the lists' slices and the arrays' appends cost more than the step itself.
        let order = [Int32](unsafeUninitializedCapacity: taskCount) { order, ordered in
            ordered = 0
            successors.offsets.withUnsafeBufferPointer { offsets in
                successors.edges.withUnsafeBufferPointer { next in
                    indegree.withUnsafeMutableBufferPointer { indegree in
                        isReady.withUnsafeMutableBufferPointer { isReady in
                            rank.withUnsafeBufferPointer { rank in
                                byKey.withUnsafeBufferPointer { byKey in
                                    passing.withUnsafeMutableBufferPointer { passing in
                                        while true {
                                            while top > 0 {
                                                top -= 1
                                                let m = Int(passing[top])
                                                for i in Int(offsets[m])..<Int(offsets[m + 1]) {
                                                    let w = next[i]
                                                    let left = indegree[Int(w)] &- 1
                                                    indegree[Int(w)] = left
                                                    guard left == 0 else { continue }
                                                    if Int(w) >= taskCount {
                                                        passing[top] = w
                                                        top += 1
                                                    } else if Int(rank[Int(w)]) < cursor {
                                                        late.insert(rank[Int(w)])
                                                    } else {
                                                        isReady[Int(w)] = true
                                                    }
                                                }
                                            }
                                            while cursor < taskCount, !isReady[Int(byKey[cursor])] { cursor += 1 }
                                            let v: Int32
                                            if let r = late.min, cursor == taskCount || Int(r) < cursor {
                                                v = byKey[Int(late.removeMin())]
                                            } else if cursor < taskCount {
                                                v = byKey[cursor]
                                                cursor += 1
                                            } else {
                                                break
                                            }
                                            order[ordered] = v
                                            ordered += 1
                                            passing[top] = v
                                            top += 1
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        referenceOrder = order
        // The other thread's copy of the edges is let go before they change.
        let madeNotes = notes.map { notes in
            notes.runUnlessClaimed()
            group.wait()
            return notes.take()
        }
        guard referenceOrder.count == taskCount else { return false }
        // π holds every task node once: each slot is written.
        positionInOrder = [Int32](unsafeUninitializedCapacity: taskCount) { position, count in
            order.withUnsafeBufferPointer { order in
                for i in 0..<taskCount { position[Int(order[i])] = Int32(truncatingIfNeeded: i) }
            }
            count = taskCount
        }
        if let madeNotes { diagnostics += madeNotes } else { noteReordering() }
        return true
    }

    /// Task nodes ordered by stage, then document position (node order).
    func tasksByStage() -> [Int32] {
        let taskCount = taskCount
        var start = [Int](repeating: 0, count: stages.count + 1)
        // Raw buffers: two steps per task.
        return stageOfNode.withUnsafeBufferPointer { stageOfNode in
            start.withUnsafeMutableBufferPointer { start in
                for v in 0..<taskCount { start[Int(stageOfNode[v]) + 1] += 1 }
                for s in 0..<start.count - 1 { start[s + 1] += start[s] }
                return [Int32](unsafeUninitializedCapacity: taskCount) { order, count in
                    for v in 0..<taskCount {
                        let s = Int(stageOfNode[v])
                        order[start[s]] = Int32(truncatingIfNeeded: v)
                        start[s] += 1
                    }
                    count = taskCount
                }
            }
        }
    }

    /// One `reordered` note per written line that places tasks after tasks written below them.
    mutating func noteReordering() {
        var latestBehind = [Int32](hugeRepeating: -1, count: taskCount + milestoneNames.count)
        var firstMoving = [Int32](hugeRepeating: -1, count: taskCount)
        noteReordering(latestBehind: &latestBehind, firstMoving: &firstMoving)
    }

    /// ``noteReordering()`` with its tables made by the caller (on another
    /// thread, see ``ReorderingNotes``), all -1: one per node, one per task node.
    mutating func noteReordering(latestBehind: inout [Int32], firstMoving: inout [Int32]) {
        // Through story milestones (task → phase end → phase start → task),
        // the predecessor phases' last task in the document: two passes, as
        // written milestones are at most two deep.
        for _ in 0..<2 {
            for e in sources.indices where Int(targets[e]) >= taskCount {
                let a = sources[e], m = Int(targets[e])
                latestBehind[m] = max(latestBehind[m], Int(a) < taskCount ? a : latestBehind[Int(a)])
            }
        }
        // The first edge into each task (in edge order) from a task written below it.
        for e in sources.indices {
            let b = targets[e]
            guard Int(b) < taskCount, firstMoving[Int(b)] < 0 else { continue }
            let a = sources[e]
            let latest = Int(a) < taskCount ? a : latestBehind[Int(a)]
            if latest > b { firstMoving[Int(b)] = Int32(e) }
        }
        var movedByLine: [Int32: [Int32]] = [:]
        var lineOrder: [Int32] = []
        var columnOfLine: [Int32: Int32] = [:]
        for b in 0..<Int32(taskCount) where firstMoving[Int(b)] >= 0 {
            let e = Int(firstMoving[Int(b)])
            // A correction's line (in the corrections file) is kept apart, negated.
            let line = kinds[e] == .correction ? -lines[e] : lines[e]
            if movedByLine[line] == nil {
                lineOrder.append(line)
                columnOfLine[line] = columns[e]
            }
            if movedByLine[line, default: []].last != b { movedByLine[line, default: []].append(b) }
        }
        for line in lineOrder {
            let moved = movedByLine[line] ?? []
            let list = Self.listed(moved.map { task($0).id })
            let verb = moved.count == 1 ? "is" : "are"
            diagnostics.append(Diagnostic(
                .reordered,
                "\(list) \(verb) planned after tasks written below \(moved.count == 1 ? "it" : "them"): this line puts \(moved.count == 1 ? "it" : "them") there",
                at: SourceLocation(line: abs(line), column: columnOfLine[line] ?? 1), file: line < 0 ? document.correctionsPath : nil))
        }
    }

    // MARK: - Groups

    /// The groups of every phase, its tasks taken in π order: a maximal run of
    /// consecutive `[P]` tasks of one section is a group, every other task a
    /// group of its own.
    mutating func formGroups() {
        // π by phase (a stable counting sort), then the runs of each phase.
        // Raw buffers: a step per task, where checked accesses and an append
        // per group (a uniqueness check each) cost more than the step.
        let phaseCount = phaseNodes.count
        let count = referenceOrder.count
        var phaseStart = [Int](repeating: 0, count: phaseCount + 1)
        var ordered = [Int32](repeating: 0, count: count)
        referenceOrder.withUnsafeBufferPointer { order in
            phaseOfNode.withUnsafeBufferPointer { phaseOfNode in
                phaseStart.withUnsafeMutableBufferPointer { phaseStart in
                    for v in order { phaseStart[Int(phaseOfNode[Int(v)]) + 1] += 1 }
                    for p in 0..<phaseCount { phaseStart[p + 1] += phaseStart[p] }
                }
                var next = phaseStart
                next.withUnsafeMutableBufferPointer { next in
                    ordered.withUnsafeMutableBufferPointer { ordered in
                        for v in order {
                            let p = Int(phaseOfNode[Int(v)])
                            ordered[next[p]] = v
                            next[p] += 1
                        }
                    }
                }
            }
        }
        var starts: [Int32] = []
        var firstGroup = [Int32](repeating: 0, count: phaseCount + 1)
        ordered.withUnsafeBufferPointer { ordered in
            parallelNode.withUnsafeBufferPointer { parallelNode in
                segmentOfNode.withUnsafeBufferPointer { segmentOfNode in
                    // A group ends where the run of `[P]` tasks of one section
                    // that its first task starts ends (a task not marked `[P]`
                    // is a group of its own); the groups are counted, then listed.
                    func groupEnd(from i: Int, before end: Int) -> Int {
                        let first = Int(ordered[i])
                        var j = i + 1
                        if parallelNode[first] {
                            while j < end {
                                let next = Int(ordered[j])
                                if !parallelNode[next] || segmentOfNode[next] != segmentOfNode[first] { break }
                                j += 1
                            }
                        }
                        return j
                    }
                    var groupCount = 0
                    for p in 0..<phaseCount {
                        var i = phaseStart[p]
                        while i < phaseStart[p + 1] {
                            i = groupEnd(from: i, before: phaseStart[p + 1])
                            groupCount += 1
                        }
                    }
                    starts = [Int32](unsafeUninitializedCapacity: groupCount + 1) { starts, made in
                        starts[0] = 0
                        var g = 0
                        firstGroup.withUnsafeMutableBufferPointer { firstGroup in
                            for p in 0..<phaseCount {
                                var i = phaseStart[p]
                                while i < phaseStart[p + 1] {
                                    i = groupEnd(from: i, before: phaseStart[p + 1])
                                    g += 1
                                    starts[g] = Int32(i)
                                }
                                firstGroup[p + 1] = Int32(g)
                            }
                        }
                        made = g + 1
                    }
                }
            }
        }
        groups = PhaseGroups(nodes: ordered)
        groups.start = starts
        groups.firstGroup = firstGroup
    }

    /// Whether a phase's tasks are ordered by the order rule.
    func isOrdered(_ p: Int) -> Bool {
        switch options.withinPhase {
        case .ordered: return true
        case .explicit: return false
        case .auto:
            let nodes = phaseNodes[p]
            return !(nodes.count >= 2 && nodes.allSatisfy { statesDependenciesNode[Int($0)] })
        }
    }

    /// `parallel-file-conflict` once per group and file; `parallel-with-dependency` once per pair.
    mutating func checkGroups() {
        var groupOf = [Int32](hugeRepeating: -1, count: taskCount)
        var writersOfFile = SharedFileWriters(fileCount: document.filePaths.count)
        checkGroups(groupOf: &groupOf, writersOfFile: &writersOfFile)
    }

    /// ``checkGroups()`` with its tables made by the caller (on another
    /// thread: see ``addImpliedEdgesOnTwoThreads()``): `groupOf` all -1, one
    /// per task node, and `writersOfFile` for every file of the document.
    mutating func checkGroups(groupOf: inout [Int32], writersOfFile: inout SharedFileWriters) {
        var stamp: Int32 = 0
        // The file tables and group members held for the pass: a slice per
        // task (`fileIDs(ofTask:)`) or group counted a reference to the
        // document's array, which the other thread reads too, around the writes below.
        let fileOffsets = document.taskFileOffsets, fileIDs = document.taskFileIDs, isDirectory = document.isDirectory
        let groupNodes = groups.nodes
        for g in 0..<groups.count where groups.size(g) > 1 {
            stamp += 1
            writersOfFile.startGroup()
            for i in groups.range(g) {
                let v = groupNodes[i]
                groupOf[Int(v)] = stamp
                let t = Int(taskOfNode[Int(v)])
                for k in Int(fileOffsets[t])..<Int(fileOffsets[t + 1]) where !isDirectory[Int(fileIDs[k])] {
                    writersOfFile.add(v, writes: fileIDs[k])
                }
            }
            for (file, writers) in writersOfFile.shared {
                let list = Self.listed(writers.map { task($0).id })
                let first = task(writers[0])
                diagnostics.append(Diagnostic(
                    .parallelFileConflict,
                    "\(list) are marked [P] in one group but \(writers.count == 2 ? "both" : "all") write \(document.filePaths[Int(file)])",
                    at: task(writers[1]).location,
                    notes: [.init(message: "\(first.id) is here", location: first.location)]))
            }
        }
        var warned = Set<Int64>()
        // A group warns once per successor, naming one predecessor of its [P] group.
        for d in document.dependencyGroups {
            var predecessorInGroup: [Int32: Int32] = [:]
            for t in d.predecessors where document.tasks.indices.contains(Int(t)) {
                let a = nodeOfTask[Int(t)]
                if a >= 0, groupOf[Int(a)] >= 0, predecessorInGroup[groupOf[Int(a)]] == nil { predecessorInGroup[groupOf[Int(a)]] = a }
            }
            guard !predecessorInGroup.isEmpty else { continue }
            for t in d.successors where document.tasks.indices.contains(Int(t)) {
                let b = nodeOfTask[Int(t)]
                guard b >= 0, groupOf[Int(b)] >= 0, let a = predecessorInGroup[groupOf[Int(b)]], a != b else { continue }
                warnParallelWithDependency(a, b, &warned)
            }
        }
        for d in document.dependencies {
            guard document.tasks.indices.contains(Int(d.predecessor)), document.tasks.indices.contains(Int(d.successor))
            else { continue }
            let a = nodeOfTask[Int(d.predecessor)], b = nodeOfTask[Int(d.successor)]
            guard a >= 0, b >= 0, a != b, groupOf[Int(a)] >= 0, groupOf[Int(a)] == groupOf[Int(b)] else { continue }
            warnParallelWithDependency(a, b, &warned)
        }
    }

    /// `parallel-with-dependency` for `b` depending on `a` in its own `[P]` group, once per pair.
    mutating func warnParallelWithDependency(_ a: Int32, _ b: Int32, _ warned: inout Set<Int64>) {
        guard warned.insert(Int64(b) << 32 | Int64(a)).inserted else { return }
        let successor = task(b), other = task(a)
        diagnostics.append(Diagnostic(
            .parallelWithDependency,
            "\(successor.id) is marked [P] but depends on \(other.id) in the same parallel group",
            at: successor.location,
            notes: [.init(message: "\(other.id) is here", location: other.location)]))
    }

    /// `T1 and T2`, `T1, T2 and T3`, or the first eight and how many more.
    static func listed(_ names: [String]) -> String {
        if names.count <= 2 { return names.joined(separator: " and ") }
        if names.count <= 9 { return names.dropLast().joined(separator: ", ") + " and " + names.last! }
        return names.prefix(8).joined(separator: ", ") + " and \(names.count - 8) more"
    }

    // MARK: - Order edges

    /// Inside each ordered phase, every task of a group before every task of
    /// every later group, except tasks named together in a parallel statement
    /// and independent tasks.
    ///
    /// Built as a chain: `frontier` holds nodes that together reach every task
    /// of the groups so far; a task links from the frontier before its group
    /// (a milestone when that frontier has several nodes and the group too).
    mutating func addOrderEdges() {
        var scratch = OrderScratch(setCount: setCount)
        for p in 0..<phaseNodes.count { addOrderEdges(ofPhase: p, &scratch) }
        closeEdges()
    }

    /// The order edges of phase `p` (none when it is not ordered).
    mutating func addOrderEdges(ofPhase p: Int, _ scratch: inout OrderScratch) {
        guard !groups.groups(ofPhase: p).isEmpty && isOrdered(p) else { return }
        // The per-set tables are raw columns: written through their
        // pointer, with no uniqueness check (see ``RawColumn``).
        let firstGroupOfSet = scratch.firstGroupOfSet, seenOfSet = scratch.seenOfSet
        defer {
            for x in scratch.touched.elements {
                firstGroupOfSet[Int(x)] = -1
                seenOfSet[Int(x)] = 0
            }
            scratch.touched.removeAll()
        }
        let phase = groups.groups(ofPhase: p)
        // frontiers[g]: nodes reaching every linked task of groups ≤ g (g local to the phase).
        scratch.frontiers.removeAll()
        scratch.linkedBefore.removeAll()
        scratch.linkedBefore.append(0)
        // The exclusion sets (made before the edge passes, never changed by
        // them) read through arrays held for the phase: a slice per task
        // (`sets(of:)`) was retained and released around the scratch writes
        // below, on the thread beside the phase pass.
        let setIDs = self.setIDs, setOffsets = self.setOffsets
        for g in 0..<phase.count {
            let range = groups.range(phase.lowerBound + g)
            let location = taskLocation(groups.nodes[range.lowerBound])
            scratch.members.removeAll()
            var allFull = true
            for i in range {
                let b = groups.nodes[i]
                if independentNode[Int(b)] { continue }
                scratch.members.append(b)
                guard g > 0 else { continue }
                if !linkOrder(b, group: g, phase: phase, frontiers: &scratch.frontiers, linkedBefore: scratch.linkedBefore.elements,
                    firstGroupOfSet: firstGroupOfSet, seenOfSet: seenOfSet, location: location)
                {
                    allFull = false
                }
            }
            let members = scratch.members.elements
            // Groups whose tasks are in no set write nothing.
            if members.contains(where: { setOffsets[Int($0)] != setOffsets[Int($0) + 1] }) {
                for b in members {
                    for k in Int(setOffsets[Int(b)])..<Int(setOffsets[Int(b) + 1]) {
                        let x = setIDs[k]
                        if firstGroupOfSet[Int(x)] < 0 {
                            firstGroupOfSet[Int(x)] = g
                            scratch.touched.append(x)
                        }
                        seenOfSet[Int(x)] += 1
                    }
                }
            }
            scratch.linkedBefore.append(scratch.linkedBefore[g] + members.count)
            if g == 0 {
                scratch.frontiers.append(members)
            } else if members.isEmpty {
                scratch.frontiers.repeatLast()
            } else if allFull {
                scratch.frontiers.append(members)
            } else {
                let carried = materialize(&scratch.frontiers, g - 1, phase: phase, kind: .order)
                scratch.frontiers.append(members, carried)
            }
        }
    }

    /// A single node that reaches every task of `frontiers[g]`, made once.
    mutating func materialize(_ frontiers: inout Frontiers, _ g: Int, phase: Range<Int>, kind: EdgeKind) -> Int32? {
        let count = frontiers.count(g)
        if count <= 1 { return count == 1 ? frontiers.node(g, 0) : nil }
        let range = groups.range(phase.lowerBound + g)
        let m = milestone("@end-\(task(groups.nodes[range.lowerBound]).id)..\(task(groups.nodes[range.upperBound - 1]).id)")
        let location = g + 1 < phase.count
            ? taskLocation(groups.nodes[groups.range(phase.lowerBound + g + 1).lowerBound]) : taskLocation(groups.nodes[range.lowerBound])
        for k in 0..<count { addEdge(frontiers.node(g, k), m, kind, location) }
        frontiers.replace(g, with: m)
        return m
    }

    /// Links task `b` of group `g` from every linked task of the groups before
    /// it that it is not excluded from. Returns whether it got all of them.
    mutating func linkOrder(
        _ b: Int32, group g: Int, phase: Range<Int>, frontiers: inout Frontiers, linkedBefore: UnsafeBufferPointer<Int>,
        firstGroupOfSet: RawColumn<Int>, seenOfSet: RawColumn<Int>, location: SourceLocation
    ) -> Bool {
        // Phase-level sets never keep two tasks of one phase apart.
        var g0 = g
        var mineCount = 0
        var onlySet: Int32 = -1
        for x in sets(of: b) where !phaseLevelSet[Int(x)] {
            mineCount += 1
            onlySet = x
            let f = firstGroupOfSet[Int(x)]
            if f >= 0 { g0 = min(g0, f) }
        }
        let groupSize = groups.size(phase.lowerBound + g)
        if g0 == g {
            linkFrom(&frontiers, g - 1, to: b, groupSize: groupSize, phase: phase)
            return true
        }
        if g0 > 0 { linkFrom(&frontiers, g0 - 1, to: b, groupSize: groupSize, phase: phase) }
        let between = linkedBefore[g] - linkedBefore[g0]
        if mineCount == 1, seenOfSet[Int(onlySet)] == between { return false }
        if scanBudget < between {
            // Past the budget: after every linked task of the groups before
            // (the frontier reaches them all), one edge instead of one per pair.
            spendBudget(on: b)
            linkFrom(&frontiers, g - 1, to: b, groupSize: groupSize, phase: phase)
            return true
        }
        for k in g0..<g {
            for i in groups.range(phase.lowerBound + k) {
                let a = groups.nodes[i]
                guard !independentNode[Int(a)] else { continue }
                scanBudget -= 1
                if !excluded(a, b) { addEdge(a, b, .order, location) }
            }
        }
        return false
    }

    /// Links `b` from the nodes of `frontiers[g]`: directly when there is one of
    /// them or `b` is alone in its group, else through a milestone.
    mutating func linkFrom(_ frontiers: inout Frontiers, _ g: Int, to b: Int32, groupSize: Int, phase: Range<Int>) {
        let location = taskLocation(b)
        let count = frontiers.count(g)
        if count <= 1 || groupSize == 1 {
            for k in 0..<count { addEdge(frontiers.node(g, k), b, .order, location) }
        } else if let m = materialize(&frontiers, g, phase: phase, kind: .order) {
            addEdge(m, b, .order, location)
        }
    }

    // MARK: - Phase edges

    /// Every task of an earlier stage before every task of a later stage,
    /// forward in π only, except tasks named together in a parallel statement.
    mutating func addPhaseEdges() {
        guard stages.count > 1 else { return }
        // Predecessors among tasks so far (written and order edges), to skip
        // links a predecessor of the same stage already provides.
        var known = KnownPredecessors(
            lists: EdgeLists(nodeCount: taskCount + milestoneNames.count, keys: targets, values: sources),
            stageOfNode: stageOfNode, taskCount: taskCount)
        addPhaseEdges(known: &known)
    }

    /// ``addPhaseEdges()`` with the same-stage predecessors of each task read from `known`.
    mutating func addPhaseEdges<Known: SameStagePredecessors>(known: inout Known) {
        var prefix = StagePrefix(stageCount: stages.count, stageOfNode: stageOfNode)
        let minStageOfSet = RawColumn<Int32>(repeating: Int32.max, count: setCount)
        // The per-set counts and the classes are made on first use (most
        // plans never need them), from the arrivals so far in π.
        var setArrivals: SetArrivals? = nil
        var classes: ExclusionClasses? = nil
        var predecessors = RawList<Int32>(filler: -1)
        // The exclusion sets (made before the edge passes, never changed by
        // them) read through arrays held for the pass: a slice per task
        // (`sets(of:)`) was retained and released around the writes below,
        // on one of the two threads of the edge passes.
        let setIDs = self.setIDs, setOffsets = self.setOffsets
        for (i, b) in referenceOrder.enumerated() {
            let t = Int(stageOfNode[Int(b)])
            let mine = Int(setOffsets[Int(b)])..<Int(setOffsets[Int(b) + 1])
            known.find(of: b, into: &predecessors)
            if t > 0 {
                linkPhase(
                    b, at: i, stage: t, sets: mine, of: setIDs, prefix: &prefix, classes: &classes,
                    predecessors: predecessors.elements, minStageOfSet: minStageOfSet, setArrivals: &setArrivals)
            }
            prefix.arrive(b, stage: t)
            classes?.arrive(b, stage: t)
            if !mine.isEmpty {
                for k in mine { minStageOfSet[Int(setIDs[k])] = min(minStageOfSet[Int(setIDs[k])], Int32(t)) }
                if setArrivals != nil { for k in mine { setArrivals!.arrive(set: Int(setIDs[k]), stage: t) } }
            }
            // A predecessor of the same stage is reached through b from now on.
            for a in predecessors.elements { prefix.cover(a) }
        }
        closeEdges()
    }

    /// Links `b`, at position `i` of π, from the tasks of the stages before
    /// its own. Its exclusion sets are `setIDs[mine]` (``sets(of:)``).
    /// `classes` and `setArrivals` are made here when first needed, with the
    /// arrivals of π's first `i` tasks.
    mutating func linkPhase(
        _ b: Int32, at i: Int, stage t: Int, sets mine: Range<Int>, of setIDs: [Int32], prefix: inout StagePrefix,
        classes: inout ExclusionClasses?, predecessors: UnsafeBufferPointer<Int32>, minStageOfSet: RawColumn<Int32>,
        setArrivals: inout SetArrivals?
    ) {
        let location = phaseLocation(phaseOf(b))
        var u = t
        for k in mine { u = min(u, Int(minStageOfSet[Int(setIDs[k])])) }
        if u == t {
            let need = prefix.latestArrival(below: t)
            if need == 0 { prefix.markFull(b, stage: t, seq: 0); return }
            for a in predecessors where prefix.fullSeq[Int(a)] >= need {
                prefix.markFull(b, stage: t, seq: prefix.fullSeq[Int(a)])
                return
            }
            if let m = prefix.materialize(t - 1, builder: &self) { addEdge(m, b, .phase, location) }
            prefix.markFull(b, stage: t, seq: prefix.seq)
            return
        }
        prefix.markFull(b, stage: t, seq: -1)
        if u > 0, let m = prefix.materialize(u - 1, builder: &self) { addEdge(m, b, .phase, location) }
        let between = prefix.arrivedCount(stages: u..<t)
        // When the members of one of b's sets are all the tasks arrived in
        // stages u..<t (none is below u), b takes nothing more.
        if setArrivals == nil { setArrivals = SetArrivals(builder: self, replaying: referenceOrder[..<i]) }
        for k in mine where setArrivals!.count(set: Int(setIDs[k]), below: t) == between { return }
        // Stages u..<t: every task arrived there whose sets share none with
        // b's, class by class (few classes: tasks named in the same statements),
        // when there are more than a few to check one by one.
        if between > ExclusionClasses.pairwiseLimit {
            if classes == nil { classes = ExclusionClasses(builder: self, replaying: referenceOrder[..<i]) }
            if classes!.isUsable {
                let mineClass = classes!.classOfNode[Int(b)]
                for c in classes!.disjoint[Int(mineClass)] where classes!.prefixes[Int(c)].hasArrivals(stages: u..<t) {
                    if let m = classes!.prefixes[Int(c)].materialize(below: t, builder: &self) {
                        addEdge(m, b, .phase, location)
                    }
                }
                return
            }
        }
        if scanBudget < between {
            // Past the budget: after every task arrived below its stage,
            // through the stages' prefix, instead of one edge per pair.
            spendBudget(on: b)
            if let m = prefix.materialize(t - 1, builder: &self) { addEdge(m, b, .phase, location) }
            return
        }
        for s in u..<t {
            for a in prefix.arrived(s) {
                scanBudget -= 1
                if !excluded(a, b) { addEdge(a, b, .phase, location) }
            }
        }
    }

    /// A node after every one of `inputs`, tasks of stage `s` or earlier
    /// versions: the input itself when there is one, else a new
    /// `@end-phase-N` (`@end-phases-N-M`) milestone whose edges carry the
    /// heading line of the next stage's first phase; nil for no input.
    mutating func stageEnd(_ s: Int, after inputs: [Int32]) -> Int32? {
        guard inputs.count > 1 else { return inputs.first }
        let stage = stages[s]
        let name = stage.count == 1
            ? "@end-phase-\(phaseNumber(stage[0]))" : "@end-phases-\(phaseNumber(stage.first!))-\(phaseNumber(stage.last!))"
        let m = milestone(name)
        let location = s + 1 < stages.count ? phaseLocation(stages[s + 1][0]) : phaseLocation(stage[0])
        addEdges(from: inputs, to: m, .phase, location)
        return m
    }

    // MARK: - File edges

    /// `--files serialize`: the tasks that write one file, chained in π order.
    mutating func addFileEdges() {
        var lastWriter = [Int32](repeating: -1, count: document.filePaths.count)
        var linked: [Int32] = []
        for v in referenceOrder {
            let t = Int(taskOfNode[Int(v)])
            let files = document.fileIDs(ofTask: t)
            if files.isEmpty { continue }
            linked.removeAll(keepingCapacity: true)
            for file in files where !document.isDirectory[Int(file)] {
                let previous = lastWriter[Int(file)]
                lastWriter[Int(file)] = v
                if previous >= 0, !linked.contains(previous), !removedByCorrection(previous, v) {
                    linked.append(previous)
                    addEdge(previous, v, .file, document.tasks[t].location)
                }
            }
        }
        closeEdges()
    }
}

/// Where the phase pass finds, for each task, its task predecessors in its
/// own stage among the edges made before it: direct, or through one
/// milestone of at most 64 predecessors, in edge order.
protocol SameStagePredecessors {
    mutating func find(of b: Int32, into found: inout RawList<Int32>)
}

/// Every edge made before the phase pass, in one list per node.
struct KnownPredecessors: SameStagePredecessors {
    let lists: EdgeLists
    let stageOfNode: [Int32]
    let taskCount: Int

    mutating func find(of b: Int32, into found: inout RawList<Int32>) {
        found.removeAll()
        let taskCount = taskCount
        lists.offsets.withUnsafeBufferPointer { offsets in
            lists.edges.withUnsafeBufferPointer { predecessors in
                stageOfNode.withUnsafeBufferPointer { stageOfNode in
                    Self.append(
                        of: b, offsets: offsets, predecessors: predecessors, stageOfNode: stageOfNode, taskCount: taskCount,
                        slot: { Int($0) }, into: &found)
                }
            }
        }
    }

    /// Appends the same-stage task predecessors of `b` in CSR lists (raw
    /// buffers: called once per task, reading a few lists each time), whose
    /// list of node `v` is number `slot(v)` (nodes whose lists are elsewhere
    /// are never asked for).
    @inline(__always)
    static func append(
        of b: Int32, offsets: UnsafeBufferPointer<Int32>, predecessors: UnsafeBufferPointer<Int32>,
        stageOfNode: UnsafeBufferPointer<Int32>, taskCount: Int, slot: (Int32) -> Int, into found: inout RawList<Int32>
    ) {
        let stage = stageOfNode[Int(b)]
        let s = slot(b)
        for i in Int(offsets[s])..<Int(offsets[s + 1]) {
            let a = predecessors[i]
            if Int(a) < taskCount {
                if stageOfNode[Int(a)] == stage { found.append(a) }
                continue
            }
            let m = slot(a)
            guard offsets[m + 1] - offsets[m] <= 64 else { continue }
            for j in Int(offsets[m])..<Int(offsets[m + 1]) {
                let a2 = Int(predecessors[j])
                if a2 < taskCount && stageOfNode[a2] == stage { found.append(Int32(a2)) }
            }
        }
    }
}

/// The columns ``GraphBuilder/readTasks()`` fills, as raw buffers that two
/// threads write apart (each half of the tasks its own nodes, its own
/// count and its own phase sizes).
struct TaskColumns: @unchecked Sendable {
    let tasks: UnsafeBufferPointer<SpecTask>
    let nodeOfTask: UnsafeMutableBufferPointer<Int32>
    let taskOfNode: UnsafeMutableBufferPointer<Int32>
    let phaseOfNode: UnsafeMutableBufferPointer<Int32>
    let locationOfNode: UnsafeMutableBufferPointer<SourceLocation>
    let independentNode: UnsafeMutableBufferPointer<Bool>
    let parallelNode: UnsafeMutableBufferPointer<Bool>
    let segmentOfNode: UnsafeMutableBufferPointer<Int32>
    let statesDependenciesNode: UnsafeMutableBufferPointer<Bool>
    let durations: UnsafeMutableBufferPointer<Double>
    /// Tasks per phase, `phaseCount` per half.
    let phaseSizes: UnsafeMutableBufferPointer<Int>
    /// Planned tasks per half.
    let planned: UnsafeMutableBufferPointer<Int>
    let options: PlanOptions
    let phaseCount: Int

    /// Reads the tasks of `range`, numbering the planned ones from `first`.
    func read(_ range: Range<Int>, from first: Int, half: Int) {
        var node = first
        let sizes = half * phaseCount
        for i in range {
            // Fields are read through the element: a copy of the task would
            // retain and release each of its strings and arrays.
            let task = tasks.baseAddress! + i
            if options.remaining && task.pointee.status.isFinished { continue }
            let p = Int(task.pointee.phase)
            guard p >= 0 && p < phaseCount else { continue }
            nodeOfTask[i] = Int32(node)
            taskOfNode[node] = Int32(i)
            phaseSizes[sizes + p] += 1
            phaseOfNode[node] = task.pointee.phase
            locationOfNode[node] = task.pointee.location
            independentNode[node] = task.pointee.independent
            parallelNode[node] = task.pointee.parallel
            segmentOfNode[node] = task.pointee.segment
            statesDependenciesNode[node] = task.pointee.statesDependencies
            durations[node] = options.duration(of: task.pointee.estimate)
            node += 1
        }
        planned[half] = node - first
    }

    /// Moves the `count` nodes written from `start` on down to `target`
    /// (the end of the first half's), renumbering the `tasks` they are.
    func moveSecondHalf(from start: Int, to target: Int, count: Int, tasks: Range<Int>) {
        guard target < start else { return }
        func move<T>(_ column: UnsafeMutableBufferPointer<T>) {
            guard count > 0, let base = column.baseAddress else { return }
            // A memmove (the ranges may overlap), of plain values: numbers,
            // flags and source locations.
            precondition(_isPOD(T.self))
            UnsafeMutableRawPointer(base + target).copyMemory(from: base + start, byteCount: count * MemoryLayout<T>.stride)
        }
        move(taskOfNode)
        move(phaseOfNode)
        move(locationOfNode)
        move(independentNode)
        move(parallelNode)
        move(segmentOfNode)
        move(statesDependenciesNode)
        move(durations)
        let shift = Int32(start - target)
        for i in tasks where nodeOfTask[i] >= 0 { nodeOfTask[i] -= shift }
    }
}

/// What the order rule's pass keeps from one phase to the next.
struct OrderScratch {
    /// Per set (indexed by set ID), within the current phase: the first group
    /// with a member (-1: none yet), and how many linked members were seen.
    /// Only the entries a phase touched are reset after it.
    let firstGroupOfSet: RawColumn<Int>
    let seenOfSet: RawColumn<Int>
    var touched = RawList<Int32>(filler: -1)
    var frontiers = Frontiers()
    var members = RawList<Int32>(filler: -1)
    /// Linked (not independent) tasks in groups < g.
    var linkedBefore = RawList<Int>(filler: 0)

    init(setCount: Int) {
        firstGroupOfSet = RawColumn(repeating: -1, count: setCount)
        seenOfSet = RawColumn(repeating: 0, count: setCount)
    }
}

/// The groups of every phase (docs/semantics.md, the order rule), flat: group
/// `g` is `nodes[range(g)]`, and phase `p`'s groups are `groups(ofPhase: p)`.
struct PhaseGroups {
    /// Task nodes, phase by phase, each phase in π order.
    var nodes: [Int32] = []
    var start: [Int32] = [0]
    var firstGroup: [Int32] = [0]

    init(nodes: [Int32] = []) { self.nodes = nodes }

    var count: Int { start.count - 1 }
    func range(_ g: Int) -> Range<Int> { Int(start[g])..<Int(start[g + 1]) }
    func size(_ g: Int) -> Int { Int(start[g + 1] - start[g]) }
    func groups(ofPhase p: Int) -> Range<Int> {
        p + 1 < firstGroup.count ? Int(firstGroup[p])..<Int(firstGroup[p + 1]) : 0..<0
    }
}

/// The order rule's frontiers of one phase, flat: frontier `g` is
/// `count(g)` nodes from `first[g]` in `nodes`; frontiers are replaced, never
/// edited, so one may share the nodes of another.
struct Frontiers {
    private var nodes = RawList<Int32>(filler: -1)
    private var first = RawList<Int32>(filler: 0)
    private var counts = RawList<Int32>(filler: 0)

    mutating func removeAll() {
        nodes.removeAll()
        first.removeAll()
        counts.removeAll()
    }

    func count(_ g: Int) -> Int { Int(counts[g]) }
    func node(_ g: Int, _ k: Int) -> Int32 { nodes[Int(first[g]) + k] }

    /// A new last frontier: `members`, then `extra` when there is one.
    mutating func append(_ members: UnsafeBufferPointer<Int32>, _ extra: Int32? = nil) {
        first.append(Int32(nodes.count))
        nodes.append(contentsOf: members)
        if let extra { nodes.append(extra) }
        counts.append(Int32(members.count + (extra == nil ? 0 : 1)))
    }

    /// A new last frontier equal to the one before it.
    mutating func repeatLast() {
        first.append(first[first.count - 1])
        counts.append(counts[counts.count - 1])
    }

    mutating func replace(_ g: Int, with node: Int32) {
        first[g] = Int32(nodes.count)
        counts[g] = 1
        nodes.append(node)
    }
}

/// "Every task seen so far in π whose stage is at most s", for each stage s,
/// as milestones made on demand and remade (a new version) only when a task
/// of a stage at most s arrived after the last one was used.
///
/// The tables written once or more per task are ``RawColumn``s (the pass
/// owns the prefix and never copies it): as arrays, each write cost a
/// uniqueness check, a few per task.
struct StagePrefix {
    /// Tasks arrived, stage by stage in π order: those of stage `s` from
    /// `stageStart[s]` on, `arrivedCount[s]` of them so far.
    private let arrivedNodes: RawColumn<Int32>
    private let stageStart: [Int]
    private let arrivedCount: RawColumn<Int>
    /// The arrived tasks of each stage not yet in a version are those from
    /// number `pendingFrom[s]` of the stage on.
    private let pendingFrom: RawColumn<Int>
    /// Whether a later task of the same stage reaches a task (then it needs no edge of its own).
    private let covered: RawColumn<Bool>
    /// The node standing for each stage's prefix, and the arrival count it covers.
    var versionNode: [Int32]
    var versionSeq: [Int]
    /// Whether a version of the stage's prefix holds tasks of the stage itself.
    var hasOwn: [Bool]
    /// The arrival count at which each task got every task of the stages before its own.
    let fullSeq: RawColumn<Int>
    /// The smallest `fullSeq` among the arrived tasks of each stage.
    private let minFull: RawColumn<Int>
    var seq = 0
    /// Two Fenwick trees over stages in one table: the latest arrival, and the number of arrivals.
    private let tree: RawColumn<(latest: Int, count: Int)>
    private let stageCount: Int

    /// The prefixes of `stageCount` stages, the task nodes' stages being `stageOfNode`.
    init(stageCount: Int, stageOfNode: [Int32]) {
        let taskCount = stageOfNode.count
        var start = [Int](repeating: 0, count: stageCount + 1)
        for s in stageOfNode { start[Int(s) + 1] += 1 }
        for s in 0..<stageCount { start[s + 1] += start[s] }
        stageStart = start
        arrivedNodes = RawColumn(repeating: -1, count: taskCount)
        arrivedCount = RawColumn(repeating: 0, count: stageCount)
        pendingFrom = RawColumn(repeating: 0, count: stageCount)
        covered = RawColumn(repeating: false, count: taskCount)
        versionNode = [Int32](repeating: -1, count: stageCount)
        versionSeq = [Int](repeating: 0, count: stageCount)
        hasOwn = [Bool](repeating: false, count: stageCount)
        fullSeq = RawColumn(repeating: -1, count: taskCount)
        minFull = RawColumn(repeating: Int.max, count: stageCount)
        tree = RawColumn(repeating: (latest: 0, count: 0), count: stageCount + 1)
        self.stageCount = stageCount
    }

    /// The tasks of stage `s` arrived so far, in π order (valid until the next arrival).
    func arrived(_ s: Int) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(start: arrivedNodes.base + stageStart[s], count: arrivedCount[s])
    }

    /// The arrived tasks of stage `s` not yet in a version.
    func pending(_ s: Int) -> UnsafeBufferPointer<Int32> {
        let from = pendingFrom[s]
        return UnsafeBufferPointer(start: arrivedNodes.base + stageStart[s] + from, count: arrivedCount[s] - from)
    }

    mutating func arrive(_ v: Int32, stage s: Int) {
        seq += 1
        let k = arrivedCount[s]
        arrivedNodes[stageStart[s] + k] = v
        arrivedCount[s] = k + 1
        let seq = seq
        var i = s + 1
        while i <= stageCount {
            tree[i].latest = max(tree[i].latest, seq)
            tree[i].count += 1
            i += i & -i
        }
    }

    func cover(_ v: Int32) { covered[Int(v)] = true }
    /// Records that `v` reaches every task of the stages below its own that
    /// arrived up to `seq` (-1: not all of them, some are excluded).
    func markFull(_ v: Int32, stage s: Int, seq: Int) {
        fullSeq[Int(v)] = seq
        minFull[s] = min(minFull[s], seq)
    }

    /// The latest arrival among stages `0..<t` (0 when none).
    func latestArrival(below t: Int) -> Int {
        var i = t, best = 0
        while i > 0 {
            best = max(best, tree[i].latest)
            i -= i & -i
        }
        return best
    }

    func arrivedCount(stages r: Range<Int>) -> Int {
        func upTo(_ t: Int) -> Int {
            var i = t, sum = 0
            while i > 0 {
                sum += tree[i].count
                i -= i & -i
            }
            return sum
        }
        return upTo(r.upperBound) - upTo(r.lowerBound)
    }

    /// A node reaching every arrived task of stages `0...t`, or nil when none arrived.
    mutating func materialize(_ t: Int, builder: inout GraphBuilder) -> Int32? {
        // The lowest stale stage at or below t: its prefix and every one above it are remade.
        var low = t
        while low >= 0 && versionSeq[low] < latestArrival(below: low + 1) {
            low -= 1
        }
        // Stages low+1 ... t are stale (low may be -1).
        var s = low + 1
        while s <= t {
            var inputs: [Int32] = []
            // The stages below are reached through this stage's own tasks when
            // every one of them reaches all of them already.
            let belowReached = arrivedCount[s] > 0 && minFull[s] >= latestArrival(below: s)
            if s > 0, versionNode[s - 1] >= 0, !belowReached { inputs.append(versionNode[s - 1]) }
            if hasOwn[s], versionNode[s] >= 0, !inputs.contains(versionNode[s]) { inputs.append(versionNode[s]) }
            let pending = pending(s)
            for v in pending where !covered[Int(v)] { inputs.append(v) }
            if !pending.isEmpty { hasOwn[s] = true }
            pendingFrom[s] = arrivedCount[s]
            if let node = builder.stageEnd(s, after: inputs) { versionNode[s] = node }
            versionSeq[s] = seq
            s += 1
        }
        return versionNode[t] >= 0 ? versionNode[t] : nil
    }
}

/// Tasks grouped by the exclusion sets they belong to (equal lists of the
/// sets that span stages, one class each), with a ``ClassPrefix`` per class: a task in a set takes
/// its phase edges from earlier stages through the prefixes of the classes
/// whose sets share none with its own, a few edges instead of one per task.
struct ExclusionClasses {
    var classOfNode: [Int32]
    /// For each class, the classes whose sets share none with its own (itself
    /// included when it has no sets).
    var disjoint: [[Int32]] = []
    var prefixes: [ClassPrefix] = []
    /// Beyond this many classes the pairwise scan is used (their pairs are checked once each here).
    static let classLimit = 256
    /// Up to this many earlier tasks are linked to one by one (small specs keep the graph they had).
    static let pairwiseLimit = 64
    var isUsable: Bool { !disjoint.isEmpty }

    /// The classes, then the arrivals of `visited` (the start of π) replayed:
    /// the state they would have had if made before the first task.
    init(builder: GraphBuilder, replaying visited: ArraySlice<Int32>) {
        self.init(builder: builder)
        for v in visited { arrive(v, stage: Int(builder.stageOfNode[Int(v)])) }
    }

    init(builder: GraphBuilder) {
        classOfNode = [Int32](repeating: 0, count: builder.taskCount)
        guard builder.setCount > 0 else { return }
        // A set whose tasks are all in one stage keeps no two stages apart:
        // it takes no part here (a statement about one phase makes such a set).
        var stageOfSet = [Int32](repeating: -1, count: builder.setCount)
        var spansStages = [Bool](repeating: false, count: builder.setCount)
        for v in builder.referenceOrder {
            let stage = builder.stageOfNode[Int(v)]
            for x in builder.sets(of: v) {
                if stageOfSet[Int(x)] < 0 { stageOfSet[Int(x)] = stage } else if stageOfSet[Int(x)] != stage { spansStages[Int(x)] = true }
            }
        }
        var index: [[Int32]: Int32] = [:]
        var signatures: [[Int32]] = []
        var stagesOfClass: [[Int32]] = []
        // Neighbours in π mostly share their sets: the last class is tried first.
        var lastSets: ArraySlice<Int32>? = nil
        var lastClass: Int32 = 0
        for v in builder.referenceOrder {
            let raw = builder.sets(of: v)
            let c: Int32
            if let last = lastSets, last.elementsEqual(raw) {
                c = lastClass
            } else {
                let sets = raw.filter { spansStages[Int($0)] }
                if let known = index[sets] {
                    c = known
                } else {
                    c = Int32(signatures.count)
                    index[sets] = c
                    signatures.append(sets)
                    stagesOfClass.append([])
                    if signatures.count > Self.classLimit { return }
                }
                lastSets = raw
                lastClass = c
            }
            classOfNode[Int(v)] = c
            // Each class's distinct stages (sorted below): runs of one stage count once.
            let stage = builder.stageOfNode[Int(v)]
            if stagesOfClass[Int(c)].last != stage { stagesOfClass[Int(c)].append(stage) }
        }
        func meet(_ x: [Int32], _ y: [Int32]) -> Bool {
            var i = x.startIndex, j = y.startIndex
            while i < x.endIndex && j < y.endIndex {
                if x[i] == y[j] { return true }
                if x[i] < y[j] { i += 1 } else { j += 1 }
            }
            return false
        }
        disjoint = signatures.map { x in
            signatures.indices.filter { !meet(x, signatures[$0]) }.map(Int32.init)
        }
        prefixes = stagesOfClass.map { ClassPrefix(stages: Array(Set($0)).sorted()) }
    }

    mutating func arrive(_ v: Int32, stage s: Int) {
        guard isUsable else { return }
        prefixes[Int(classOfNode[Int(v)])].arrive(v, stage: s)
    }
}

/// "Every task of one class seen so far in π whose stage is below t", as
/// milestones made on demand, over the stages the class has tasks in; like
/// ``StagePrefix`` without its shortcuts.
struct ClassPrefix {
    /// The class's stages, ascending, with the number of arrivals in each;
    /// everything below is indexed by position in them.
    var arrived: StageCounts
    var stages: [Int32] { arrived.stages }
    var pending: [[Int32]]
    var versionNode: [Int32]
    var versionSeq: [Int]
    /// Whether a version holds tasks of its own stage (else it is the one below).
    var hasOwn: [Bool]
    var seq = 0
    /// A Fenwick tree over the class's stages: the latest arrival.
    var latest: [Int]

    init(stages: [Int32]) {
        arrived = StageCounts(stages: stages)
        pending = Array(repeating: [], count: stages.count)
        versionNode = [Int32](repeating: -1, count: stages.count)
        versionSeq = [Int](repeating: 0, count: stages.count)
        hasOwn = [Bool](repeating: false, count: stages.count)
        latest = [Int](repeating: 0, count: stages.count + 1)
    }

    /// How many of the class's stages are below stage `t`.
    func local(_ t: Int) -> Int { arrived.local(t) }

    mutating func arrive(_ v: Int32, stage s: Int) {
        seq += 1
        let k = local(s)
        pending[k].append(v)
        arrived.add(atLocal: k)
        var i = k + 1
        while i < latest.count {
            latest[i] = max(latest[i], seq)
            i += i & -i
        }
    }

    func latestArrival(below k: Int) -> Int {
        var i = k, best = 0
        while i > 0 {
            best = max(best, latest[i])
            i -= i & -i
        }
        return best
    }

    func hasArrivals(stages r: Range<Int>) -> Bool { arrived.count(below: r.upperBound) > arrived.count(below: r.lowerBound) }

    /// A node reaching every arrived task of the class in stages below `t`, or nil when none arrived.
    mutating func materialize(below t: Int, builder: inout GraphBuilder) -> Int32? {
        let top = local(t) - 1
        guard top >= 0 else { return nil }
        var low = top
        while low >= 0 && versionSeq[low] < latestArrival(below: low + 1) {
            low -= 1
        }
        var k = low + 1
        while k <= top {
            var inputs: [Int32] = []
            if k > 0, versionNode[k - 1] >= 0 { inputs.append(versionNode[k - 1]) }
            if hasOwn[k], versionNode[k] >= 0, !inputs.contains(versionNode[k]) { inputs.append(versionNode[k]) }
            if !pending[k].isEmpty { hasOwn[k] = true }
            inputs.append(contentsOf: pending[k])
            pending[k].removeAll(keepingCapacity: true)
            if let node = builder.stageEnd(Int(stages[k]), after: inputs) { versionNode[k] = node }
            versionSeq[k] = seq
            k += 1
        }
        return versionNode[top] >= 0 ? versionNode[top] : nil
    }
}

/// Per exclusion set, how many of its tasks arrived in each stage so far
/// (over the set's own stages).
struct SetArrivals {
    var sets: [StageCounts]

    init(builder: GraphBuilder) {
        var stages = [[Int32]](repeating: [], count: builder.setCount)
        for v in 0..<Int32(builder.taskCount) {
            let stage = builder.stageOfNode[Int(v)]
            // Each set's distinct stages (sorted below): runs of one stage count once.
            for x in builder.sets(of: v) where stages[Int(x)].last != stage { stages[Int(x)].append(stage) }
        }
        sets = stages.map { StageCounts(stages: Array(Set($0)).sorted()) }
    }

    /// The counts, then the arrivals of `visited` (the start of π) replayed.
    init(builder: GraphBuilder, replaying visited: ArraySlice<Int32>) {
        self.init(builder: builder)
        for v in visited {
            let stage = Int(builder.stageOfNode[Int(v)])
            for x in builder.sets(of: v) { arrive(set: Int(x), stage: stage) }
        }
    }

    mutating func arrive(set x: Int, stage s: Int) { sets[x].add(atLocal: sets[x].local(s)) }

    /// Members of set `x` arrived so far in stages below `t`.
    func count(set x: Int, below t: Int) -> Int { sets[x].count(below: t) }
}

/// Arrivals counted per stage over a few stages (ascending, distinct): a
/// Fenwick tree, so "how many below stage t" costs O(log stages).
struct StageCounts {
    let stages: [Int32]
    private var tree: [Int]

    init(stages: [Int32]) {
        self.stages = stages
        tree = [Int](repeating: 0, count: stages.count + 1)
    }

    /// How many of the stages are below stage `t`.
    func local(_ t: Int) -> Int {
        var low = 0, high = stages.count
        while low < high {
            let mid = (low + high) / 2
            if Int(stages[mid]) < t { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// One arrival in the stage at position `k` of `stages`.
    mutating func add(atLocal k: Int) {
        var i = k + 1
        while i < tree.count {
            tree[i] += 1
            i += i & -i
        }
    }

    /// Arrivals so far in stages below stage `t`.
    func count(below t: Int) -> Int {
        var i = local(t), sum = 0
        while i > 0 {
            sum += tree[i]
            i -= i & -i
        }
        return sum
    }
}

extension Array {
    /// Copies the elements into storage of exactly their count when appending
    /// left room to spare.
    mutating func trimCapacity() {
        guard capacity > count else { return }
        self = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            HugePages.advise(UnsafeMutableRawPointer(buffer.baseAddress), bytes: buffer.count * MemoryLayout<Element>.stride)
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
