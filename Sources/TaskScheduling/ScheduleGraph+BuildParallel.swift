import Dispatch
import SpecKitTasks
import Synchronization
import TaskGraph

// The implied edges of a large document on two threads: the order pass (and
// the `[P]` group checks) on one, the phase pass on the other, which reads the
// order edges of each run of phases once that run is done. The result is the
// serial one, edge for edge and name for name.

extension GraphBuilder {
    /// Documents with fewer planned tasks build on one thread.
    static let twoThreadMinimum = 1 << 16
    /// How many runs of phases the order pass hands over one by one.
    static let orderChunkCount = 64

    /// Whether ``run()`` makes the order and phase edges on two threads.
    var usesTwoThreads: Bool {
        stages.count > 1 && (twoThreads ?? (taskCount >= Self.twoThreadMinimum))
    }

    /// `buildExclusionSets` on this thread and `addWrittenEdges` on another
    /// (neither reads what the other makes). The written edges go into the
    /// arrays reserved here, handed over to the other thread and back, so
    /// that it allocates next to nothing (see ``OrderHandoff``).
    mutating func addWrittenEdgesBesideExclusionSets() {
        // The copy would share an open edge block with this builder.
        assert(!pending.isAllocated, "a pass left its edge block open")
        let job = SideJob(self) { $0.addWrittenEdges() }
        // The job's arrays are then its own: it appends without copying them.
        (sources, targets, kinds, lines, columns) = ([], [], [], [], [])
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { job.runUnlessClaimed() }
        buildExclusionSets()
        job.runUnlessClaimed()
        group.wait()
        let written = job.take()
        (sources, targets, kinds, lines, columns) = (written.sources, written.targets, written.kinds, written.lines, written.columns)
        (milestoneNames, milestoneNamer) = (written.milestoneNames, written.milestoneNamer)
    }

    /// `checkGroups`, `addOrderEdges` and `addPhaseEdges`, in that order's
    /// result, with the order pass and the phase pass running side by side.
    ///
    /// The phase pass reads each task's predecessors among the written edges
    /// (made before) and the order edges (made on the other thread, phase run
    /// by phase run, handed over as each run is done). Its milestones are
    /// numbered as if none came before them, and renumbered and named after
    /// the order pass's. Both passes start from the whole budget of
    /// exclusion checks; when together they spend more than it (or either
    /// runs out), the phase pass is made again after the order pass, as the
    /// serial build does.
    mutating func addImpliedEdgesOnTwoThreads() {
        let budget = scanBudget
        let writtenMilestones = milestoneNames.count
        let written = EdgeLists(nodeCount: taskCount + writtenMilestones, keys: targets, values: sources)
        var phase = withoutEdges()
        phase.defersNames = true
        let handoff = OrderHandoff(orderPassBuilder(), chunks: orderChunks())
        var known = PipelinedPredecessors(builder: self, written: written, handoff: handoff)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { handoff.runUnlessClaimed() }
        phase.addPhaseEdges(known: &known)
        // The phase pass may have needed none of it (no phase is ordered).
        handoff.runUnlessClaimed()
        group.wait()
        var order = handoff.takeResult()
        diagnostics += order.diagnostics
        milestoneNames = order.milestoneNames
        milestoneNamer = order.milestoneNamer
        let spent = (order: budget - order.scanBudget, phase: budget - phase.scanBudget)
        if order.pastBudget >= 0 || phase.pastBudget >= 0 || spent.order + spent.phase > budget {
            // As the serial build: the phase pass with what the order pass left.
            (scanBudget, pastBudget) = (order.scanBudget, order.pastBudget)
            reserveEdges(order.sources.count)
            sources.append(contentsOf: order.sources)
            targets.append(contentsOf: order.targets)
            kinds.append(contentsOf: order.kinds)
            lines.append(contentsOf: order.lines)
            addPhaseEdges()
            return
        }
        scanBudget = budget - spent.order - spent.phase
        for name in phase.milestoneNames[writtenMilestones...] { milestoneNames.append(milestoneNamer.claim(name)) }
        // Exact arrays, one column at a time (each part let go once copied).
        let limit = Int32(taskCount + writtenMilestones)
        let shift = Int32(order.milestoneNames.count - writtenMilestones)
        sources = Self.joined(sources, order.sources, phase.sources, from: limit, shift: shift)
        (order.sources, phase.sources) = ([], [])
        targets = Self.joined(targets, order.targets, phase.targets, from: limit, shift: shift)
        (order.targets, phase.targets) = ([], [])
        kinds = Self.joined(kinds, order.kinds, phase.kinds)
        (order.kinds, phase.kinds) = ([], [])
        lines = Self.joined(lines, order.lines, phase.lines)
    }

    /// A copy of the builder with no edges and no diagnostics, for a pass of its own.
    func withoutEdges() -> GraphBuilder {
        var copy = self
        copy.diagnostics = []
        (copy.sources, copy.targets, copy.kinds, copy.lines) = ([], [], [], [])
        copy.pending = PendingEdges()
        return copy
    }

    /// The order pass's copy, its room for edges made on this thread, whose
    /// heap has it (see `DirectedGraph.init`).
    func orderPassBuilder() -> GraphBuilder {
        var order = withoutEdges()
        order.reserveEdges(2 * taskCount)
        // Both passes read each task's exclusion sets as slices, which count
        // a reference to their array: on one shared array the two threads
        // would bounce its count between the cores on every task.
        order.setIDs = setIDs.withUnsafeBufferPointer { Array($0) }
        return order
    }

    /// Runs of consecutive phases of about equal task counts, for the order
    /// pass to hand over one by one.
    func orderChunks() -> [Range<Int>] {
        let size = max(1, taskCount / Self.orderChunkCount)
        var chunks: [Range<Int>] = []
        var start = 0, tasks = 0
        for p in phaseNodes.indices {
            tasks += phaseNodes[p].count
            if tasks >= size {
                chunks.append(start..<p + 1)
                (start, tasks) = (p + 1, 0)
            }
        }
        if start < phaseNodes.count { chunks.append(start..<phaseNodes.count) }
        return chunks
    }

    /// `a`, `b` and `c` in one array of their exact size.
    static func joined<T>(_ a: [T], _ b: [T], _ c: [T]) -> [T] {
        [T](unsafeUninitializedCapacity: a.count + b.count + c.count) { buffer, count in
            HugePages.advise(UnsafeMutableRawPointer(buffer.baseAddress), bytes: buffer.count * MemoryLayout<T>.stride)
            count = 0
            for part in [a, b, c] {
                count += UnsafeMutableBufferPointer(rebasing: buffer[count...]).initialize(fromContentsOf: part)
            }
        }
    }

    /// Node arrays joined, the nodes of `c` from `limit` on moved up by `shift`.
    static func joined(_ a: [Int32], _ b: [Int32], _ c: [Int32], from limit: Int32, shift: Int32) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: a.count + b.count + c.count) { buffer, count in
            HugePages.advise(UnsafeMutableRawPointer(buffer.baseAddress), bytes: buffer.count * MemoryLayout<Int32>.stride)
            var at = 0
            for part in [a, b] {
                for v in part {
                    buffer[at] = v
                    at += 1
                }
            }
            for v in c {
                buffer[at] = v >= limit ? v + shift : v
                at += 1
            }
            count = at
        }
    }
}

/// Work on a value run once, by whichever thread claims it first: another
/// thread, or the one that needs the result when that thread has not started.
final class SideJob<Value>: @unchecked Sendable {
    private var value: Value?
    private let body: (inout Value) -> Void
    private let claimed = Atomic<Bool>(false)

    init(_ value: Value, _ body: @escaping (inout Value) -> Void) {
        self.value = value
        self.body = body
    }

    func runUnlessClaimed() {
        guard claimed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        body(&value!)
    }

    /// The value after the work (once the thread that ran it is waited
    /// for), which the job lets go.
    func take() -> Value {
        defer { value = nil }
        return value!
    }
}

/// The `reordered` notes of the written edges, made once by whichever
/// thread claims them first, in tables made on the thread that builds the
/// graph (see ``OrderHandoff``).
final class ReorderingNotes: @unchecked Sendable {
    private struct Work {
        var builder: GraphBuilder
        var latestBehind: [Int32]
        var firstMoving: [Int32]

        mutating func run() { builder.noteReordering(latestBehind: &latestBehind, firstMoving: &firstMoving) }
    }

    private let job: SideJob<Work>

    init(_ builder: GraphBuilder) {
        var copy = builder
        copy.diagnostics = []
        job = SideJob(
            Work(
                builder: copy, latestBehind: [Int32](hugeRepeating: -1, count: builder.taskCount + builder.milestoneNames.count),
                firstMoving: [Int32](hugeRepeating: -1, count: builder.taskCount))
        ) { $0.run() }
    }

    func runUnlessClaimed() { job.runUnlessClaimed() }

    /// The notes (once the thread that made them is waited for); the copy of the builder is let go.
    func take() -> [Diagnostic] { job.take().builder.diagnostics }
}

/// The order edges of one run of phases, by target: the task nodes of the
/// run (by their position in the groups' node list, from `firstPosition`),
/// then the milestones the run made (from `firstMilestone`). The lists are
/// CSR in memory the ``OrderHandoff`` owns.
struct OrderChunk {
    var offsets = UnsafeBufferPointer<Int32>(start: nil, count: 0)
    var predecessors = UnsafeBufferPointer<Int32>(start: nil, count: 0)
    var firstPosition = 0
    var taskSlots = 0
    var firstMilestone: Int32 = 0
}

/// The order pass, run once on whichever thread claims it first, and its
/// runs of phases as they are done.
///
/// The tables the order pass fills are made here, on the thread that builds
/// the graph: memory allocated on another thread comes from that thread's
/// own heap, which the later stages do not reuse (made there, they raised
/// the peak memory at 1M tasks by some 14 MB).
final class OrderHandoff: @unchecked Sendable {
    let chunks: [Range<Int>]
    private let slots: UnsafeMutablePointer<OrderChunk>
    private var filled = 0
    private let done = DispatchSemaphore(value: 0)
    private let claimed = Atomic<Bool>(false)
    /// The order pass's builder: its copy before, its result after.
    private var builder: GraphBuilder?
    /// Each task node's position in the groups' node list.
    let positions: [Int32]
    /// Room for the chunks' lists: offsets (a slot per task and order
    /// milestone, one more per chunk) and predecessors (one per order edge),
    /// used from the front; a chunk that does not fit gets buffers of its own.
    private let offsetStore: UnsafeMutableBufferPointer<Int32>
    private let predecessorStore: UnsafeMutableBufferPointer<Int32>
    private var offsetsUsed = 0
    private var predecessorsUsed = 0
    private var ownBuffers: [UnsafeMutableBufferPointer<Int32>] = []
    /// The group checks' tables.
    private var groupOf: [Int32]
    private var writersOfFile: SharedFileWriters

    init(_ builder: GraphBuilder, chunks: [Range<Int>]) {
        self.chunks = chunks
        self.builder = builder
        slots = .allocate(capacity: chunks.count)
        var positions = [Int32](hugeRepeating: 0, count: builder.taskCount)
        for (i, v) in builder.groups.nodes.enumerated() { positions[Int(v)] = Int32(i) }
        self.positions = positions
        // Order edges: about one per task, two at most but for pairs an
        // exclusion makes; milestones: at most one per group.
        offsetStore = .allocate(capacity: 2 * builder.taskCount + chunks.count)
        predecessorStore = .allocate(capacity: 2 * builder.taskCount)
        groupOf = [Int32](hugeRepeating: -1, count: builder.taskCount)
        writersOfFile = SharedFileWriters(fileCount: builder.document.filePaths.count)
    }

    deinit {
        slots.deinitialize(count: filled)
        slots.deallocate()
        offsetStore.deallocate()
        predecessorStore.deallocate()
        for buffer in ownBuffers { buffer.deallocate() }
    }

    /// `count` slots of `store` from `used` on, or a buffer of their own.
    private func room(_ count: Int, in store: UnsafeMutableBufferPointer<Int32>, used: inout Int) -> UnsafeMutableBufferPointer<Int32> {
        if used + count <= store.count {
            defer { used += count }
            return UnsafeMutableBufferPointer(rebasing: store[used..<used + count])
        }
        let own = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count)
        ownBuffers.append(own)
        return own
    }

    /// Makes the order edges (then the group checks) unless another thread
    /// has started. Returns whether this call made them.
    @discardableResult
    func runUnlessClaimed() -> Bool {
        guard claimed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return false }
        var b = builder!
        builder = nil
        var scratch = OrderScratch(setCount: b.setCount)
        for phases in chunks {
            let firstEdge = b.sources.count
            let firstMilestone = b.milestoneNames.count
            for p in phases { b.addOrderEdges(ofPhase: p, &scratch) }
            b.flushEdges()
            (slots + filled).initialize(to: chunk(of: b, phases: phases, firstEdge: firstEdge, firstMilestone: firstMilestone))
            filled += 1
            done.signal()
        }
        b.closeEdges()
        b.checkGroups(groupOf: &groupOf, writersOfFile: &writersOfFile)
        builder = b
        return true
    }

    /// The lists of the order edges from `firstEdge` on, made for `phases`.
    private func chunk(of b: GraphBuilder, phases: Range<Int>, firstEdge: Int, firstMilestone: Int) -> OrderChunk {
        let taskCount = b.taskCount
        let firstPosition = phases.isEmpty ? 0 : Self.position(ofPhase: phases.lowerBound, b.groups)
        let taskSlots = (phases.isEmpty ? 0 : Self.position(ofPhase: phases.upperBound, b.groups)) - firstPosition
        let milestoneBase = Int32(taskCount + firstMilestone)
        let slotCount = taskSlots + b.milestoneNames.count - firstMilestone
        let edgeCount = b.sources.count - firstEdge
        let offsets = room(slotCount + 1, in: offsetStore, used: &offsetsUsed)
        let predecessors = room(edgeCount, in: predecessorStore, used: &predecessorsUsed)
        offsets.initialize(repeating: 0)
        positions.withUnsafeBufferPointer { positions in
            b.targets.withUnsafeBufferPointer { targets in
                b.sources.withUnsafeBufferPointer { sources in
                    func slot(_ v: Int32) -> Int {
                        Int(v) < taskCount ? Int(positions[Int(v)]) - firstPosition : taskSlots + Int(v - milestoneBase)
                    }
                    // A counting sort by target, stable: each list in edge order.
                    for e in firstEdge..<sources.count { offsets[slot(targets[e]) + 1] += 1 }
                    for k in 0..<slotCount { offsets[k + 1] += offsets[k] }
                    for e in firstEdge..<sources.count {
                        let k = slot(targets[e])
                        predecessors[Int(offsets[k])] = sources[e]
                        offsets[k] += 1
                    }
                    // Each offset is now where the next list starts: back one place.
                    var k = slotCount
                    while k > 0 {
                        offsets[k] = offsets[k - 1]
                        k -= 1
                    }
                    offsets[0] = 0
                }
            }
        }
        return OrderChunk(
            offsets: UnsafeBufferPointer(offsets), predecessors: UnsafeBufferPointer(predecessors),
            firstPosition: firstPosition, taskSlots: taskSlots, firstMilestone: milestoneBase)
    }

    /// The first position of phase `p`'s tasks in the groups' node list.
    static func position(ofPhase p: Int, _ groups: PhaseGroups) -> Int {
        Int(groups.start[Int(groups.firstGroup[p])])
    }

    /// Waits until chunk `k` is handed over, `ready` chunks having been
    /// waited for; returns how many have been now.
    func wait(for k: Int, ready: Int) -> Int {
        var ready = ready
        while ready <= k {
            if !claimed.load(ordering: .acquiring) && runUnlessClaimed() { return chunks.count }
            done.wait()
            ready += 1
        }
        return ready
    }

    func chunk(_ k: Int) -> OrderChunk { slots[k] }

    /// The order pass's builder once it has run (after the thread that ran it is waited for).
    func takeResult() -> GraphBuilder {
        defer { builder = nil }
        return builder!
    }
}

/// Same-stage predecessors among the written edges, then among the order
/// edges of the task's run of phases (waited for when not handed over yet).
struct PipelinedPredecessors: SameStagePredecessors {
    let written: EdgeLists
    let stageOfNode: [Int32]
    let taskCount: Int
    let phaseOfNode: [Int32]
    /// The run of each phase, -1 when the phase has no order edges.
    let chunkOfPhase: [Int32]
    let handoff: OrderHandoff
    /// The handoff's ``OrderHandoff/positions``, read without going through the class.
    let positions: [Int32]
    var ready = 0
    var current = -1
    var chunk = OrderChunk()

    init(builder: GraphBuilder, written: EdgeLists, handoff: OrderHandoff) {
        self.written = written
        stageOfNode = builder.stageOfNode
        taskCount = builder.taskCount
        phaseOfNode = builder.phaseOfNode
        var chunkOfPhase = [Int32](repeating: -1, count: builder.phaseNodes.count)
        for (k, phases) in handoff.chunks.enumerated() {
            for p in phases where !builder.groups.groups(ofPhase: p).isEmpty && builder.isOrdered(p) { chunkOfPhase[p] = Int32(k) }
        }
        self.chunkOfPhase = chunkOfPhase
        self.handoff = handoff
        positions = handoff.positions
    }

    mutating func find(of b: Int32, into found: inout RawList<Int32>) {
        found.removeAll()
        let k = Int(chunkOfPhase[Int(phaseOfNode[Int(b)])])
        if k >= 0 && k != current {
            if ready <= k { ready = handoff.wait(for: k, ready: ready) }
            chunk = handoff.chunk(k)
            current = k
        }
        let (taskCount, chunk) = (taskCount, chunk)
        stageOfNode.withUnsafeBufferPointer { stageOfNode in
            written.offsets.withUnsafeBufferPointer { offsets in
                written.edges.withUnsafeBufferPointer { predecessors in
                    KnownPredecessors.append(
                        of: b, offsets: offsets, predecessors: predecessors, stageOfNode: stageOfNode, taskCount: taskCount,
                        slot: { Int($0) }, into: &found)
                }
            }
            guard k >= 0 else { return }
            positions.withUnsafeBufferPointer { positions in
                KnownPredecessors.append(
                    of: b, offsets: chunk.offsets, predecessors: chunk.predecessors, stageOfNode: stageOfNode, taskCount: taskCount,
                    slot: { v in
                        Int(v) < taskCount ? Int(positions[Int(v)]) - chunk.firstPosition : chunk.taskSlots + Int(v - chunk.firstMilestone)
                    }, into: &found)
            }
        }
    }
}
