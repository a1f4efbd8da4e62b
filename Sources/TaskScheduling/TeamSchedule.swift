import HeapModule
import SpecKitTasks
import TaskGraph

/// A team schedule: who does which task, from when to when.
///
/// A list schedule (Graham) that honours every edge of the plan's graph:
///
/// - **Priority.** Among the tasks that are ready, the one with the longest
///   remaining path goes first: its *bottom level*, its own duration plus the
///   longest chain of work after it (the critical path method's
///   `length − latestStart`). Ties go to the task that comes first in the
///   document. Bottom levels are compared in micro-hours, so sums that differ
///   only by rounding still tie.
/// - **Milestones** pass through at zero time the moment their last
///   predecessor finishes.
/// - **No idling.** Whenever a person is free and a task they may do is ready,
///   they start it.
/// - **Owners.** A task whose owner (`@ann`, `(owner: ann)`) is on the team
///   goes to that person only. That covers in-progress tasks under
///   `--remaining`: they stay with whoever has them, and since someone is
///   already doing them they go before other ready tasks. An owner who is not on the
///   team does not pin the task (see ``unmatchedOwners``).
/// - **Story affinity.** When several people are free at the same moment, any
///   of them can take the task at no cost to the schedule, so the choice keeps
///   streams of work together (``StoryGroups``): prefer a person with no
///   owned task waiting; then the person who finished the task's last direct
///   predecessor (no hand-over); then the person who last worked on the task's story;
///   then a person whose own story has no task left to hand out; then the
///   lowest-numbered person.
/// - **Files** (`--files exclusive`, ``ExclusiveFiles``). Two tasks that
///   write one file never run at the same time, in either order: a ready
///   task whose file is being written waits until the writer finishes, and
///   meanwhile the next task in priority order goes. No edge is added, so the
///   critical path and the lower bounds do not see files.
///
/// ```
///   time ─▶ 0    1    2    3
///   ann     [T1 ][T2      ]        T1 → T2 (2h), T1 → T3; team of 2:
///   bo           [T3 ]             T2 has the longer tail, ann keeps it
/// ```
public struct TeamSchedule: Sendable {
    public let team: Team
    /// The person (index into `team.names`) of every task node.
    public let personOfNode: [Int32]
    /// Start time in hours of every task node.
    public let start: [Double]
    /// Finish time in hours of every task node.
    public let finish: [Double]
    /// Task nodes of each person, in the order they do them.
    public let lanes: [[Int32]]
    /// When the last task finishes (0 for an empty plan).
    public let makespan: Double
    /// The longest chain of work: no team finishes sooner.
    public let criticalPathLength: Double
    /// The sum of the durations of all planned tasks.
    public let totalWork: Double
    /// How many times someone moves on to a task of another story or phase.
    public let storySwitches: Int
    /// How far below the most urgent task a person may pick one of their own
    /// story (0: strict priority order); the widest tried that did not make
    /// the schedule any longer.
    public let storyTolerance: Double
    /// Task nodes pinned to a person by their owner.
    public let pinnedCount: Int
    /// Owners named in tasks who are not on the team, sorted; their tasks go to anyone.
    public let unmatchedOwners: [String]

    /// The bound no schedule can beat: max(critical path, total work / team size).
    public var lowerBound: Double { max(criticalPathLength, totalWork / Double(team.size)) }

    /// A bound that also sees barriers (``StageBound``): at least ``lowerBound``.
    public let stageLowerBound: Double

    /// How far the makespan is above ``stageLowerBound``, in percent.
    public var stageGapPercent: Double {
        stageLowerBound > 0 ? (makespan - stageLowerBound) / stageLowerBound * 100 : 0
    }

    /// How far the makespan is above the lower bound, in percent (0 when the bound is 0).
    public var gapPercent: Double {
        let bound = lowerBound
        return bound > 0 ? (makespan - bound) / bound * 100 : 0
    }

    /// The share of the team's time spent working: work / (makespan × team size);
    /// 1 for an empty plan.
    public var utilisation: Double {
        makespan > 0 ? totalWork / (makespan * Double(team.size)) : 1
    }

    /// Hours a person is busy.
    public func busyHours(of person: Int) -> Double {
        lanes[person].reduce(0) { $0 + (finish[Int($1)] - start[Int($1)]) }
    }

    /// Schedules a plan for a team.
    ///
    /// - Complexity: O((V + E + W) log V + V · m) for V nodes, E edges, W
    ///   written-file mentions and m people.
    public init(plan: Plan, team: Team) {
        let schedule = plan.schedule
        let inputs = TeamInputs(plan: plan, team: team)
        self.init(
            graph: plan.graph, order: schedule.order, criticalPathLength: schedule.length, team: team,
            groupOfNode: inputs.groups.groupOfNode, groupCount: inputs.groups.count, ownerOfNode: inputs.owners,
            firstNodes: inputs.resume, files: inputs.files,
            stageBound: StageBound(graph: plan.graph, order: schedule.order, times: schedule.times),
            unmatchedOwners: inputs.unmatchedOwners)
    }

    /// Schedules an acyclic schedule graph.
    ///
    /// - Parameters:
    ///   - sg: the graph to schedule (argument label `graph`).
    ///   - order: a topological order of `graph.graph`.
    ///   - criticalPathLength: the longest path for `graph.durations`.
    ///   - team: the people who do the work.
    ///   - groupOfNode: the story group of each task node, in `0..<groupCount`.
    ///   - groupCount: the number of story groups.
    ///   - ownerOfNode: the person each task node must go to, or -1 for anyone.
    ///   - firstNodes: task nodes that go before every other ready task (work in
    ///     progress, which someone is doing already); empty for none.
    ///   - files: the written files no two running tasks may share.
    ///   - stageBound: the barrier-aware bound's segments, if known.
    ///   - unmatchedOwners: owners named in the tasks who are not on the team, for reports.
    /// - Complexity: O((V + E + W) log V + V · m) for W file mentions.
    public init(
        graph sg: ScheduleGraph, order: [Int32], criticalPathLength: Double, team: Team,
        groupOfNode: [Int32], groupCount: Int, ownerOfNode: [Int32], firstNodes: [Bool] = [],
        files: ExclusiveFiles = .none, stageBound: StageBound? = nil, unmatchedOwners: [String] = []
    ) {
        let priority = ListScheduler.priorities(graph: sg, order: order, firstNodes: firstNodes)
        @Sendable func schedule(tolerance: Double) -> ListScheduler {
            var engine = ListScheduler(
                graph: sg, priority: priority, teamSize: team.size, groupOfNode: groupOfNode, groupCount: groupCount,
                ownerOfNode: ownerOfNode, files: files, storyTolerance: tolerance)
            engine.run()
            return engine
        }
        // Staying on one's story where that costs nothing: a person may take a
        // task of their own story that is almost as urgent as the most urgent
        // one. That is kept only when the makespan does not grow at all. The
        // strict schedule and the tolerant ones are tried side by side on every
        // core; the strict one is kept, the tolerant ones only as makespan and
        // switches, and the chosen one is made again (so few schedules are in
        // memory at once).
        var chosen = 0.0
        var kept: ListScheduler?
        // Above 200 000 tasks each try takes seconds: strict order only.
        if team.size > 1 && groupCount > 1 && sg.taskNodeCount <= 200_000 {
            let candidates = [0.0] + ListScheduler.storyTolerances
            let tries = Tries(count: candidates.count)
            forEachChunk(count: candidates.count, size: 1) { i, _ in
                let run = schedule(tolerance: candidates[i])
                tries.outcomes[i] = (run.makespan, run.storySwitches)
                if i == 0 { tries.strict = run }
            }
            let strict = tries.outcomes[0]
            for i in 1..<candidates.count where tries.outcomes[i].makespan <= strict.makespan + 1e-9 && tries.outcomes[i].switches < strict.switches {
                chosen = candidates[i]
                break
            }
            if chosen == 0 { kept = tries.strict }
        }
        let engine = kept ?? schedule(tolerance: chosen)
        storyTolerance = chosen
        self.team = team
        personOfNode = engine.personOfNode
        start = engine.start
        finish = engine.finish
        lanes = engine.lanes
        makespan = engine.makespan
        self.criticalPathLength = criticalPathLength
        totalWork = engine.totalWork
        storySwitches = engine.storySwitches
        pinnedCount = ownerOfNode.count { $0 >= 0 }
        self.unmatchedOwners = unmatchedOwners
        let simple = max(criticalPathLength, engine.totalWork / Double(team.size))
        stageLowerBound = max(simple, stageBound?.bound(teamSize: team.size) ?? simple)
    }
}

/// What the concurrent tries of `TeamSchedule.init` found; each try writes
/// only its own slot, and only the first (strict) one writes `strict`.
private final class Tries: @unchecked Sendable {
    let outcomes: UnsafeMutableBufferPointer<(makespan: Double, switches: Int)>
    var strict: ListScheduler?
    init(count: Int) {
        outcomes = .allocate(capacity: count)
        outcomes.initialize(repeating: (0, 0))
    }
    deinit { outcomes.deallocate() }
}

/// What a list schedule of a plan needs besides its graph: story groups,
/// owners pinned to people, work in progress that goes first, and the files
/// that keep tasks apart.
struct TeamInputs {
    let groups: StoryGroups
    let files: ExclusiveFiles
    /// The person each task node must go to, or -1 for anyone.
    let owners: [Int32]
    /// In-progress tasks under `--remaining`.
    let resume: [Bool]
    /// Owners named in tasks who are not on the team, sorted.
    let unmatchedOwners: [String]

    init(plan: Plan, team: Team) {
        groups = StoryGroups(graph: plan.graph, document: plan.document)
        files = ExclusiveFiles(plan: plan)
        var owners: [Int32] = []
        owners.reserveCapacity(plan.graph.taskNodeCount)
        var byName: [String: Int32] = [:]
        for (i, name) in team.names.enumerated() { byName[Team.foldCase(name)] = Int32(i) }
        var unmatched = Set<String>()
        var resume = [Bool](repeating: false, count: plan.graph.taskNodeCount)
        for v in 0..<Int32(plan.graph.taskNodeCount) {
            if plan.options.remaining && plan.task(ofNode: v).status == .inProgress { resume[Int(v)] = true }
            guard let owner = plan.task(ofNode: v).owner, !owner.isEmpty else {
                owners.append(-1)
                continue
            }
            if let p = byName[Team.foldCase(owner)] {
                owners.append(p)
            } else {
                owners.append(-1)
                unmatched.insert(owner)
            }
        }
        self.owners = owners
        self.resume = resume
        unmatchedOwners = unmatched.sorted()
    }
}

/// A ready task in the queue: the longest remaining path first, then document order.
struct ReadyTask: Comparable {
    /// Bottom level in micro-hours.
    var priority: Int64
    var node: Int32

    static func < (a: ReadyTask, b: ReadyTask) -> Bool {
        a.priority != b.priority ? a.priority > b.priority : a.node < b.node
    }
}

/// A person finishing a task: earliest first, then the lower-numbered person.
struct FinishEvent: Comparable {
    var time: Double
    var person: Int32

    static func < (a: FinishEvent, b: FinishEvent) -> Bool {
        a.time != b.time ? a.time < b.time : a.person < b.person
    }
}

/// The event-driven simulation behind ``TeamSchedule``.
struct ListScheduler {
    let sg: ScheduleGraph
    let m: Int
    let groupOfNode: [Int32]
    let ownerOfNode: [Int32]
    let priority: [Int64]
    let durations: [Double]
    let files: ExclusiveFiles
    let storyTolerance: Double
    /// The tolerances ``TeamSchedule`` tries, widest first.
    static let storyTolerances = [0.5, 0.25, 0.1, 0.03, 0.01, 0.002]

    var personOfNode: [Int32]
    var start: [Double]
    var finish: [Double]
    var lanes: [[Int32]]
    var makespan = 0.0
    var totalWork = 0.0
    var storySwitches = 0

    var waitingFor: [Int32]
    var shared = Heap<ReadyTask>()
    /// With a story tolerance: the shared ready tasks again, by story group.
    /// Both queues drop their copy of a task lazily once it has started or parked.
    var groupReady: [Heap<ReadyTask>]
    var owned: [Heap<ReadyTask>]
    /// Tasks waiting in `owned` heaps, so the scan of free people is skipped when there are none.
    var ownedWaiting = 0
    var events = Heap<FinishEvent>()
    var free: [Bool]
    var freeCount: Int
    var running: [Int32]
    var lastGroup: [Int32]
    var lastPersonOfGroup: [Int32]
    var unassignedInGroup: [Int32]
    var completionStack: [Int32] = []
    /// The running task that writes each shared file, or -1 (``ExclusiveFiles``).
    var writerOfFile: [Int32]
    /// Ready tasks waiting for each shared file's writer to finish.
    var parked: [Heap<ReadyTask>]
    /// The file each task node is parked on, or -1; empty without shared files.
    var parkedOn: [Int32]
    /// The file that handed each task node back to the queues, while it has
    /// neither started nor parked again, or -1; empty without shared files.
    var claimedFile: [Int32]
    /// Free files whose task handed back parked again on another file.
    var filesToHandBack: [Int32] = []

    /// - Parameters:
    ///   - priority: from ``priorities(graph:order:firstNodes:)``.
    ///   - durations: how long each node takes; the planned durations when nil
    ///     (a forecast run passes drawn ones, with priorities from the plan).
    ///   - files: the written files no two running tasks may share.
    ///   - storyTolerance: a person may take a ready task of the story they
    ///     are on instead of the most urgent one when its priority is at least
    ///     `1 - storyTolerance` of that one's; 0 for strict priority order.
    init(
        graph sg: ScheduleGraph, priority: [Int64], teamSize: Int, groupOfNode: [Int32], groupCount: Int,
        ownerOfNode: [Int32], durations: [Double]? = nil, files: ExclusiveFiles = .none, storyTolerance: Double = 0
    ) {
        self.sg = sg
        self.storyTolerance = storyTolerance
        groupReady = storyTolerance > 0 ? Array(repeating: Heap(), count: groupCount) : []
        self.m = teamSize
        self.groupOfNode = groupOfNode
        self.ownerOfNode = ownerOfNode
        self.durations = durations ?? sg.durations
        self.files = files
        writerOfFile = [Int32](repeating: -1, count: files.count)
        parked = [Heap<ReadyTask>](repeating: Heap(), count: files.count)
        parkedOn = files.count > 0 ? [Int32](repeating: -1, count: sg.taskNodeCount) : []
        claimedFile = parkedOn
        let g = sg.graph
        let n = sg.nodeCount
        self.priority = priority
        let tasks = sg.taskNodeCount
        personOfNode = [Int32](repeating: -1, count: tasks)
        start = [Double](repeating: 0, count: tasks)
        finish = [Double](repeating: 0, count: tasks)
        lanes = [[Int32]](repeating: [], count: teamSize)
        waitingFor = (0..<n).map { Int32(g.inDegree(Int32($0))) }
        owned = [Heap<ReadyTask>](repeating: Heap(), count: teamSize)
        free = [Bool](repeating: true, count: teamSize)
        freeCount = teamSize
        running = [Int32](repeating: -1, count: teamSize)
        lastGroup = [Int32](repeating: -1, count: teamSize)
        lastPersonOfGroup = [Int32](repeating: -1, count: groupCount)
        var unassigned = [Int32](repeating: 0, count: groupCount)
        for v in 0..<tasks { unassigned[Int(groupOfNode[v])] += 1 }
        unassignedInGroup = unassigned
        for v in 0..<tasks { totalWork += self.durations[v] }
    }

    /// Every node's priority: its bottom level (its planned duration plus the
    /// longest chain of planned work after it) in micro-hours; work in
    /// progress (`firstNodes`) above everything else.
    /// - Complexity: O(V + E).
    static func priorities(graph sg: ScheduleGraph, order: [Int32], firstNodes: [Bool]) -> [Int64] {
        let g = sg.graph
        let n = sg.nodeCount
        var bottom = [Double](repeating: 0, count: n)
        var priority = [Int64](repeating: 0, count: n)
        for v in order.reversed() {
            var tail = 0.0
            for e in g.outgoing(v) { tail = max(tail, bottom[Int(g.edgeTargets[Int(e)])]) }
            let level = tail + sg.durations[Int(v)]
            bottom[Int(v)] = level
            priority[Int(v)] = Int64(min(level * 1e6, 4e18).rounded())
        }
        for (v, first) in firstNodes.enumerated() where first { priority[v] += 4_000_000_000_000_000_000 }
        return priority
    }

    mutating func run() {
        for v in 0..<Int32(sg.nodeCount) where waitingFor[Int(v)] == 0 {
            if sg.isMilestone(v) { complete(v) } else { release(v) }
        }
        var now = 0.0
        startReadyTasks(at: now)
        while let event = events.popMin() {
            now = event.time
            personFinishes(Int(event.person))
            while let next = events.min, next.time == now {
                events.removeMin()
                personFinishes(Int(next.person))
            }
            startReadyTasks(at: now)
        }
        makespan = now
        precondition(personOfNode.allSatisfy { $0 >= 0 }, "a task was never scheduled: the order is not topological")
    }

    /// A task whose predecessors have all finished joins its owner's queue or the shared one.
    mutating func release(_ v: Int32) {
        let item = ReadyTask(priority: priority[Int(v)], node: v)
        let owner = ownerOfNode[Int(v)]
        if owner >= 0 {
            owned[Int(owner)].insert(item)
            ownedWaiting += 1
        } else {
            shared.insert(item)
            if storyTolerance > 0 { groupReady[Int(groupOfNode[Int(v)])].insert(item) }
        }
    }

    /// Marks a node finished and releases what waited for it; milestones finish at once.
    mutating func complete(_ v: Int32) {
        let g = sg.graph
        completionStack.append(v)
        while let u = completionStack.popLast() {
            for e in g.outgoing(u) {
                let w = g.edgeTargets[Int(e)]
                waitingFor[Int(w)] -= 1
                if waitingFor[Int(w)] == 0 {
                    if sg.isMilestone(w) { completionStack.append(w) } else { release(w) }
                }
            }
        }
    }

    mutating func personFinishes(_ p: Int) {
        free[p] = true
        freeCount += 1
        let v = running[p]
        running[p] = -1
        complete(v)
        for f in files.files(ofNode: v) {
            writerOfFile[Int(f)] = -1
            handBack(f)
        }
    }

    /// Hands out ready tasks, most urgent first, while someone free can take
    /// one; a task whose file is being written is parked on the way.
    ///
    /// Looking at the queues only takes tasks off them (parking hands files
    /// back later, in `handBackPendingFiles`), so the tops found stay on top.
    mutating func startReadyTasks(at now: Double) {
        while true {
            handBackPendingFiles()
            guard freeCount > 0 else { return }
            var bestOwned: ReadyTask? = nil
            var bestOwner = -1
            if ownedWaiting > 0 {
                for p in 0..<m where free[p] {
                    if let top = ownedTop(p), bestOwned.map({ top < $0 }) ?? true {
                        bestOwned = top
                        bestOwner = p
                    }
                }
            }
            if let top = sharedTop(), bestOwned.map({ top < $0 }) ?? true {
                shared.removeMin()
                assignTied(top, at: now)
            } else if let top = bestOwned {
                owned[bestOwner].removeMin()
                ownedWaiting -= 1
                assign(top.node, to: bestOwner, at: now)
            } else if filesToHandBack.isEmpty {
                return
            }
        }
    }

    /// Starts `top`, or a task tied with it, on the free person who fits best.
    ///
    /// Tasks with the same priority are equally urgent, so which of them goes
    /// first, and to whom, is free: the pair that keeps a stream of work
    /// together wins (``affinity(of:for:)``), then the earlier task, then the
    /// lower-numbered person. At most `tieLimit` tied tasks are looked at.
    mutating func assignTied(_ top: ReadyTask, at now: Double) {
        var tied = [top]
        while tied.count < Self.tieLimit {
            guard let next = sharedTop(), next.priority == top.priority else { break }
            tied.append(shared.removeMin())
        }
        var best = (key: (Int.max, Int.max, Int.max), task: 0, person: -1)
        for (k, item) in tied.enumerated() {
            let affinity = affinity(of: item.node)
            for p in 0..<m where free[p] {
                let key = (owned[p].isEmpty ? 0 : 1, rank(of: p, for: affinity), k)
                if key < best.key { best = (key, k, p) }
            }
        }
        let chosen = tied[best.task].node
        if storyTolerance > 0, case let g = lastGroup[best.person], g >= 0, g != groupOfNode[Int(chosen)] {
            if let own = groupTop(Int(g)), Double(own.priority) >= Double(top.priority) * (1 - storyTolerance) {
                for item in tied { shared.insert(item) }
                assign(own.node, to: best.person, at: now)
                return
            }
        }
        for (k, item) in tied.enumerated() where k != best.task { shared.insert(item) }
        assign(chosen, to: best.person, at: now)
    }

    static let tieLimit = 32

    /// Who a task's work comes from: its story group, the person handing it
    /// over (who finished its last direct predecessor) and the person who last
    /// worked on its story.
    struct Affinity {
        let group: Int32
        let handing: Int
        let usual: Int
    }

    func affinity(of v: Int32) -> Affinity {
        let group = groupOfNode[Int(v)]
        return Affinity(group: group, handing: handingOverPerson(to: v), usual: Int(lastPersonOfGroup[Int(group)]))
    }

    /// How well person `p` fits a task: 0 the person handing it over, 1 someone
    /// whose last task was of its story, 2 the person who last worked on its
    /// story, 3 someone whose own story has nothing left to hand out, 4 anyone else.
    func rank(of p: Int, for a: Affinity) -> Int {
        if p == a.handing { return 0 }
        let last = lastGroup[p]
        if last == a.group { return 1 }
        if p == a.usual { return 2 }
        return last >= 0 && unassignedInGroup[Int(last)] > 0 ? 4 : 3
    }

    /// The person who finished the last of `v`'s direct task predecessors (the
    /// one handing the work over), or -1.
    func handingOverPerson(to v: Int32) -> Int {
        let g = sg.graph
        var person = -1
        var latest = -Double.infinity
        for e in g.incoming(v) {
            let u = g.edgeSources[Int(e)]
            if sg.isMilestone(u) { continue }
            if finish[Int(u)] > latest || (finish[Int(u)] == latest && Int(personOfNode[Int(u)]) < person) {
                latest = finish[Int(u)]
                person = Int(personOfNode[Int(u)])
            }
        }
        return person
    }

    mutating func assign(_ v: Int32, to p: Int, at now: Double) {
        let d = durations[Int(v)]
        personOfNode[Int(v)] = Int32(p)
        start[Int(v)] = now
        finish[Int(v)] = now + d
        lanes[p].append(v)
        free[p] = false
        freeCount -= 1
        running[p] = v
        if files.count > 0 {
            claimedFile[Int(v)] = -1
            for f in files.files(ofNode: v) { writerOfFile[Int(f)] = v }
        }
        let group = groupOfNode[Int(v)]
        if lastGroup[p] >= 0 && lastGroup[p] != group { storySwitches += 1 }
        lastGroup[p] = group
        lastPersonOfGroup[Int(group)] = Int32(p)
        unassignedInGroup[Int(group)] -= 1
        events.insert(FinishEvent(time: now + d, person: Int32(p)))
    }
}
