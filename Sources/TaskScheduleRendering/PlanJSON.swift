import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SpecKitTasks
import TaskScheduling

/// `plan --format json` (docs/semantics.md, "JSON details"): one object per plan. Keys are a contract.
public enum PlanJSON {
    /// The JSON document for several plans: one object, or an array when there are several.
    public static func render(_ plans: [Plan], into w: inout ByteWriter) {
        if plans.isEmpty {
            w.write("[]\n" as StaticString)
            return
        }
        w.jsonPerFile(plans.count) { i, w in render(plans[i], into: &w) }
    }

    /// One plan as a JSON object; with a `forecast` (`plan --deadline`), a
    /// `forecast` key is added at the end.
    ///
    /// - Complexity: O(T + E) and proportional to the text written.
    public static func render(
        _ plan: Plan, forecast: MonteCarloForecast? = nil, team: (Team, TeamSchedule?)? = nil, into w: inout ByteWriter
    ) {
        let doc = plan.document
        let graph = plan.graph
        let schedule = plan.schedule
        let prelude = Prelude(plan)
        let facts = prelude.facts!
        let names = prelude.names!

        w.jsonObject { w in
            w.jsonHead(source: doc.path)
            w.jsonMember("summary") { w in
                w.jsonObject { w in
                    w.jsonMember("tasks", doc.tasks.count)
                    w.jsonMember("done", facts.doneCount)
                    w.jsonMember("phases", facts.listedPhases.count)
                    w.jsonMember("edges", graph.graph.edgeCount)
                    w.jsonMember("waves", schedule.waves.count)
                    w.jsonMember("criticalPathLength", schedule.length)
                    w.jsonMember("totalWork", facts.totalWork)
                    w.jsonMember("maxWaveWidth", schedule.widestWave)
                    w.jsonMember("errors", plan.errorCount)
                    w.jsonMember("warnings", plan.warningCount)
                    w.jsonMember("durationsAssumed", !plan.hasEstimates)
                }
            }
            w.jsonMember("phases") { w in
                w.jsonArray { w in
                    for p in facts.listedPhases {
                        let phase = doc.phases[p]
                        w.jsonObject { w in
                            w.jsonMember("index", Int(phase.index))
                            w.jsonMember("title", phase.title)
                            w.jsonMember("line", Int(phase.line))
                            w.jsonMember("kind", phase.kind.rawValue)
                            w.jsonMember("story", phase.story)
                            w.jsonMember("priority", phase.priority.map { "P\($0)" })
                            w.jsonMember("checkpoint", phase.checkpoint)
                            w.jsonMember("tasks") { w in names.writeTaskList(facts.tasksOfPhase[p], &w) }
                        }
                    }
                }
            }
            sections(plan, facts, names, prelude.conflicts, forecast: forecast, team: team, into: &w)
        }
    }

    /// What the object is written from besides the plan: its facts, the
    /// names, and the files two tasks of a wave write. Each is a pass over
    /// every task or node: a large plan builds them on every core at once.
    private final class Prelude: @unchecked Sendable {
        var facts: PlanFacts?
        var names: Names?
        var conflicts: [WaveFileConflict] = []

        init(_ plan: Plan) {
            guard plan.document.tasks.count >= 1 << 16 else {
                facts = PlanFacts(plan)
                names = Names(plan)
                conflicts = plan.waveFileConflicts()
                return
            }
            // Each job writes its own property, and all are read after the last ends.
            DispatchQueue.concurrentPerform(iterations: 3) { job in
                switch job {
                case 0: facts = PlanFacts(plan)
                case 1: names = Names(plan)
                default: conflicts = plan.waveFileConflicts()
                }
            }
        }
    }

    /// The members after `phases`: tasks and edges (raw blocks that place
    /// their own commas, for speed), then waves, conflicts, the critical path,
    /// cycles, diagnostics and the optional forecast and assignment.
    private static func sections(
        _ plan: Plan, _ facts: PlanFacts, _ names: Names, _ conflicts: [WaveFileConflict], forecast: MonteCarloForecast?,
        team: (Team, TeamSchedule?)?, into w: inout ByteWriter
    ) {
        let doc = plan.document
        let graph = plan.graph
        let schedule = plan.schedule
        // tasks and edges: rendered in blocks on every core, written in order
        w.jsonMember("tasks") { w in w.jsonValue(raw: { writeTasks(plan, facts, names, &$0) }) }
        w.jsonMember("edges") { w in w.jsonValue(raw: { writeEdges(plan, names, &$0) }) }

        w.jsonMember("waves") { w in
            w.jsonArray { w in
                for wave in schedule.waves {
                    w.checkpoint()
                    names.writeNodeList(wave, &w)
                }
            }
        }
        // files written by two tasks of one wave (--files exclusive)
        w.jsonMember("waveConflicts") { w in
            w.jsonArray { w in
                for c in conflicts {
                    w.jsonObject { w in
                        w.jsonMember("wave", c.wave)
                        w.jsonMember("file", doc.filePaths[Int(c.file)])
                        w.jsonMember("tasks") { w in names.writeNodeList(c.tasks, &w) }
                    }
                }
            }
        }
        w.jsonMember("criticalPath") { w in
            w.jsonObject { w in
                w.jsonMember("length", schedule.length)
                w.jsonMember("tasks") { w in names.writeNodeList(schedule.criticalPath, &w) }
            }
        }
        w.jsonMember("cycles") { w in
            w.jsonArray { w in
                for cycle in plan.cycles {
                    w.jsonObject { w in
                        w.jsonMember("tasks") { w in
                            names.writeNodeList(cycle.nodes.filter { !graph.isMilestone($0) }, &w)
                        }
                        w.jsonMember("edges") { w in w.jsonArray { w in for e in cycle.edges { writeCycleEdge(e, plan, &w) } } }
                        w.jsonMember("removed") { w in w.jsonArray { w in for e in cycle.removed { writeCycleEdge(e, plan, &w) } } }
                    }
                }
            }
        }
        w.jsonMember("diagnostics") { w in writeDiagnostics(plan.diagnostics, &w) }
        if let forecast {
            w.jsonMember("forecast") { w in w.jsonValue(raw: { AssignJSON.writeForecast(forecast, &$0) }) }
        }
        if let (team, schedule) = team {
            // `plan --team N`: the `assign --format json` object under one key.
            w.jsonMember("assignment") { w in w.jsonValue(raw: { AssignJSON.render(plan, schedule: schedule, team: team, into: &$0) }) }
        }
    }

    /// `[…]` of every task object, in blocks on every core; each object
    /// writes its own leading comma (the cursor writers place their own).
    private static func writeTasks(_ plan: Plan, _ facts: PlanFacts, _ names: Names, _ w: inout ByteWriter) {
        let objects = TaskObjects(plan: plan, facts: facts, names: names)
        w.write("[" as StaticString)
        writeBlocks(count: plan.document.tasks.count, into: &w) { range, w in objects.write(range, into: &w) }
        w.write("]" as StaticString)
    }

    /// `[…]` of every edge object, milestones included, in blocks on every core.
    private static func writeEdges(_ plan: Plan, _ names: Names, _ w: inout ByteWriter) {
        let g = plan.graph
        // Room is reserved for a run of edges at once, as if each had the
        // longest names: one capacity check per run instead of one per edge.
        let edgeBound = 80 + 2 * names.longest
        let run = max(1, (1 << 20) / edgeBound)
        w.write("[" as StaticString)
        writeBlocks(count: g.graph.edgeCount, into: &w) { range, w in
            let sources = g.graph.edgeSources
            let targets = g.graph.edgeTargets
            let kinds = g.edgeKinds
            let lines = g.edgeLines
            for start in stride(from: range.lowerBound, to: range.upperBound, by: run) {
                let end = min(range.upperBound, start + run)
                w.withCursor(bound: (end - start) * edgeBound) { c in
                    for e in start..<end {
                        if e > 0 { c.write("," as StaticString) }
                        c.write("{\"from\":" as StaticString)
                        names.writeNode(sources[e], &c)
                        c.write(",\"to\":" as StaticString)
                        names.writeNode(targets[e], &c)
                        switch kinds[e] {
                        case .phase: c.write(",\"kind\":\"phase\",\"line\":" as StaticString)
                        case .order: c.write(",\"kind\":\"order\",\"line\":" as StaticString)
                        case .explicit: c.write(",\"kind\":\"explicit\",\"line\":" as StaticString)
                        case .declared: c.write(",\"kind\":\"declared\",\"line\":" as StaticString)
                        case .story: c.write(",\"kind\":\"story\",\"line\":" as StaticString)
                        case .file: c.write(",\"kind\":\"file\",\"line\":" as StaticString)
                        case .correction: c.write(",\"kind\":\"correction\",\"line\":" as StaticString)
                        }
                        c.write(lines[e])
                        c.write(byte: UInt8(ascii: "}"))
                    }
                }
            }
        }
        w.write("]" as StaticString)
    }

    /// Renders `0..<count` items in blocks on every core and appends them to
    /// `w` in order, so the output is the same bytes as a serial loop.
    ///
    /// The blocks are a pipeline: workers render a few blocks ahead while this thread hands finished ones to `w` (and through
    /// its sink to the output file), so writing overlaps rendering and memory
    /// stays bounded by the ring.
    static func writeBlocks(
        count: Int, into w: inout ByteWriter, _ render: @escaping @Sendable (Range<Int>, inout ByteWriter) -> Void
    ) {
        let blockSize = 4096
        let blocks = (count + blockSize - 1) / blockSize
        if blocks <= 1 {
            render(0..<count, &w)
            return
        }
        let ring = BlockRing()
        let group = DispatchGroup()
        // Worker k renders blocks k, k + workers, …, in order; lanes are a
        // multiple of the workers, so each lane belongs to one worker and a
        // block never takes a lane before the block before it there is written.
        for k in 0..<min(ring.workers, blocks) {
            DispatchQueue.global().async(group: group) {
                for b in stride(from: k, to: blocks, by: ring.workers) {
                    let lane = b % ring.lanes
                    ring.free[lane].wait()
                    // The lane's buffer of its last block, emptied: its memory is
                    // mapped already, where a fresh buffer would fault in every page.
                    var local = (ring.slots.baseAddress! + lane).move()
                    local.removeAll()
                    render(b * blockSize..<min(count, (b + 1) * blockSize), &local)
                    (ring.slots.baseAddress! + lane).initialize(to: local)
                    ring.ready[lane].signal()
                }
            }
        }
        for b in 0..<blocks {
            let lane = b % ring.lanes
            ring.ready[lane].wait()
            w.pass(ring.slots[lane])
            ring.free[lane].signal()
        }
        group.wait()
    }

    /// The slots of ``writeBlocks(count:into:_:)``: block `b` goes to lane
    /// `b % lanes`, which its worker may fill once the writer has emptied it
    /// (`free`), and the writer may read once it is filled (`ready`).
    private final class BlockRing: @unchecked Sendable {
        /// One worker per core (the writer thread mostly waits on the output).
        let workers = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let lanes: Int
        let slots: UnsafeMutableBufferPointer<ByteWriter>
        let free: [DispatchSemaphore]
        let ready: [DispatchSemaphore]

        init() {
            lanes = 2 * workers
            slots = .allocate(capacity: lanes)
            // Room for a block of large task objects without regrowing; a
            // buffer serves every block of its lane.
            for lane in 0..<lanes { (slots.baseAddress! + lane).initialize(to: ByteWriter(capacity: 4 << 20)) }
            free = (0..<lanes).map { _ in DispatchSemaphore(value: 1) }
            ready = (0..<lanes).map { _ in DispatchSemaphore(value: 0) }
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }
    }

    /// Every task ID and milestone name, escaped for JSON once, so that edges,
    /// waves and references copy bytes instead of escaping strings again.
    struct Names: Sendable {
        private let bytes: [UInt8]
        private let offsets: [Int32]
        private let taskCount: Int
        private let taskOfNode: [Int32]
        private let taskNodeCount: Int
        /// The length of the longest quoted name.
        let longest: Int

        init(_ plan: Plan) {
            let doc = plan.document
            taskCount = doc.tasks.count
            taskOfNode = plan.graph.taskOfNode
            taskNodeCount = plan.graph.taskNodeCount
            let milestones = plan.graph.milestoneNames
            let firstMilestone = doc.tasks.count + 1
            var offsets = [Int32](repeating: 0, count: firstMilestone + milestones.count)
            var longest = 0
            var bound = 1
            doc.tasks.withUnsafeBufferPointer { tasks in
                for t in tasks.indices { bound += ByteCursor.jsonStringBound(tasks[t].id.utf8.count) }
            }
            for name in milestones { bound += ByteCursor.jsonStringBound(name.utf8.count) }
            // The names escaped straight into the array through one cursor:
            // room for the most every name can take is reserved (one check
            // instead of one per name), and only what is written is touched.
            // The counts are kept in locals of the closure, not captured
            // variables, which would be checked for exclusive access on every write.
            bytes = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
                let start = buffer.baseAddress!
                var c = ByteCursor(start)
                var most = 0
                offsets.withUnsafeMutableBufferPointer { ends in
                    doc.tasks.withUnsafeBufferPointer { tasks in
                        for t in tasks.indices {
                            let before = c.position
                            var id = tasks[t].id
                            id.withUTF8 { c.writeJSONString(utf8: $0) }
                            most = max(most, before.distance(to: c.position))
                            ends[t + 1] = Int32(start.distance(to: c.position))
                        }
                    }
                    for (k, name) in milestones.enumerated() {
                        let before = c.position
                        var name = name
                        name.withUTF8 { c.writeJSONString(utf8: $0) }
                        most = max(most, before.distance(to: c.position))
                        ends[firstMilestone + k] = Int32(start.distance(to: c.position))
                    }
                }
                longest = most
                count = start.distance(to: c.position)
            }
            self.offsets = offsets
            self.longest = longest
        }

        /// The length of the quoted name of document task `t`.
        @inline(__always) func length(ofTask t: Int) -> Int { Int(offsets[t + 1] - offsets[t]) }

        /// Writes the quoted name of document task `t`. The table is read
        /// through pointers, without a bounds check per read: `t` is a task
        /// or milestone entry of this plan (an edge, a wave or a task object
        /// writes two to four names per task, so the checks add up).
        @inline(__always) func writeTask(_ t: Int, _ c: inout ByteCursor) {
            offsets.withUnsafeBufferPointer { ends in
                bytes.withUnsafeBufferPointer { text in
                    let start = Int(ends[t])
                    c.write(bytes: UnsafeBufferPointer(start: text.baseAddress! + start, count: Int(ends[t &+ 1]) &- start))
                }
            }
        }

        /// Writes the quoted name of document task `t`.
        @inline(__always) func writeTask(_ t: Int, _ w: inout ByteWriter) {
            bytes.withUnsafeBufferPointer { w.write(bytes: UnsafeBufferPointer(rebasing: $0[Int(offsets[t])..<Int(offsets[t + 1])])) }
        }

        /// Writes `["T001","T002",…]`, the names of document tasks, as one JSON value.
        func writeTaskList(_ tasks: [Int32], _ w: inout ByteWriter) {
            var bound = 2
            for t in tasks { bound += length(ofTask: Int(t)) + 1 }
            w.jsonValue(raw: { w in
                // One capacity check for the list instead of one per name.
                w.withCursor(bound: bound) { c in
                    c.write(byte: UInt8(ascii: "["))
                    for (i, t) in tasks.enumerated() {
                        if i > 0 { c.write(byte: UInt8(ascii: ",")) }
                        writeTask(Int(t), &c)
                    }
                    c.write(byte: UInt8(ascii: "]"))
                }
            })
        }

        /// Writes `["T001","T002",…]`, the names of graph nodes, as one JSON value.
        func writeNodeList(_ nodes: [Int32], _ w: inout ByteWriter) {
            var bound = 2
            for v in nodes { bound += length(ofNode: v) + 1 }
            w.jsonValue(raw: { w in
                w.withCursor(bound: bound) { c in
                    c.write(byte: UInt8(ascii: "["))
                    for (i, v) in nodes.enumerated() {
                        if i > 0 { c.write(byte: UInt8(ascii: ",")) }
                        writeNode(v, &c)
                    }
                    c.write(byte: UInt8(ascii: "]"))
                }
            })
        }

        /// The document task or milestone entry of graph node `v`.
        @inline(__always) private func entry(ofNode v: Int32) -> Int {
            let v = Int(v)
            guard v < taskNodeCount else { return taskCount + (v - taskNodeCount) }
            return taskOfNode.withUnsafeBufferPointer { Int($0[v]) }
        }

        /// The length of the quoted name of graph node `v`.
        @inline(__always) func length(ofNode v: Int32) -> Int { length(ofTask: entry(ofNode: v)) }

        /// Writes the quoted name of graph node `v`.
        @inline(__always) func writeNode(_ v: Int32, _ c: inout ByteCursor) { writeTask(entry(ofNode: v), &c) }

        /// Writes the quoted name of graph node `v`.
        @inline(__always) func writeNode(_ v: Int32, _ w: inout ByteWriter) {
            let v = Int(v)
            writeTask(v < taskNodeCount ? Int(taskOfNode[v]) : taskCount + (v - taskNodeCount), &w)
        }
    }

    /// `[{"severity", "code", "message", "line", "column", "notes"}]`, and
    /// `"file"` for a location in another file (the reader's corrections).
    public static func writeDiagnostics(_ diagnostics: [Diagnostic], _ w: inout ByteWriter) {
        w.jsonArray { w in
            for d in diagnostics {
                w.jsonObject { w in
                    w.jsonMember("severity", d.severity.rawValue)
                    w.jsonMember("code", d.code.rawValue)
                    w.jsonMember("message", d.message)
                    w.jsonMember("line", Int(d.location.line))
                    w.jsonMember("column", Int(d.location.column))
                    if let file = d.file { w.jsonMember("file", file) }
                    guard !d.notes.isEmpty else { return }
                    w.jsonMember("notes") { w in
                        w.jsonArray { w in
                            for note in d.notes {
                                w.jsonObject { w in
                                    w.jsonMember("message", note.message)
                                    w.jsonMember("line", Int(note.location.line))
                                    w.jsonMember("column", Int(note.location.column))
                                    if let file = note.file { w.jsonMember("file", file) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The most ``writeStrings(_:_:)`` writes for `strings`, without its brackets.
    @inline(__always)
    static func stringsBound(_ strings: UnsafeBufferPointer<String>) -> Int {
        var bound = 0
        for i in strings.indices { bound += ByteCursor.jsonStringBound(strings[i].utf8.count) + 1 }
        return bound
    }

    /// `["a","b"]` from strings read in place (``SpecTask/unsafeStories(at:)``
    /// and its kin): iterating a list would copy, and retain, each one.
    @inline(__always)
    static func writeStrings(_ strings: UnsafeBufferPointer<String>, _ c: inout ByteCursor) {
        c.write(byte: UInt8(ascii: "["))
        for i in strings.indices {
            if i > 0 { c.write(byte: UInt8(ascii: ",")) }
            c.writeJSONString(at: strings.baseAddress! + i)
        }
        c.write(byte: UInt8(ascii: "]"))
    }

    public static func writeEdge(_ e: Int32, _ plan: Plan, _ w: inout ByteWriter) {
        writeEdge(e, plan, names: nil, &w)
    }

    static func writeEdge(_ e: Int32, _ plan: Plan, names: Names?, _ w: inout ByteWriter) {
        let g = plan.graph
        w.write("{\"from\":" as StaticString)
        if let names { names.writeNode(g.graph.edgeSources[Int(e)], &w) } else {
            w.writeJSONString(plan.name(of: g.graph.edgeSources[Int(e)]))
        }
        w.write(",\"to\":" as StaticString)
        if let names { names.writeNode(g.graph.edgeTargets[Int(e)], &w) } else {
            w.writeJSONString(plan.name(of: g.graph.edgeTargets[Int(e)]))
        }
        w.write(",\"kind\":" as StaticString)
        w.writeJSONString(g.edgeKinds[Int(e)].rawValue)
        w.write(",\"line\":" as StaticString)
        w.write(g.edgeLines[Int(e)])
        w.write("}" as StaticString)
    }

    /// `{"from", "to", "kind", "line"}` of an edge of a cycle (kept or left out).
    public static func writeCycleEdge(_ e: DependencyCycle.Edge, _ plan: Plan, _ w: inout ByteWriter) {
        w.jsonObject { w in
            w.jsonMember("from", plan.name(of: e.from))
            w.jsonMember("to", plan.name(of: e.to))
            w.jsonMember("kind", e.kind.rawValue)
            w.jsonMember("line", Int(e.location.line))
        }
    }
}
