import SpecKitTasks
import TaskScheduling

/// Figures derived from a plan that several renderers print.
public struct PlanFacts: Sendable {
    /// Tasks whose checkbox is done (`[x]`).
    public let doneCount: Int
    /// Phases worth listing: every phase heading, and the implicit phase 0 when it holds tasks.
    public let listedPhases: [Int]
    /// Document tasks of each phase, in document order.
    public let tasksOfPhase: [[Int32]]
    /// Sum of the durations of the planned tasks, in hours.
    public let totalWork: Double
    /// Written (explicit and declared) predecessors, grouped by successor.
    private let predecessorOffsets: [Int32]
    private let predecessors: [Int32]
    /// The dependency groups naming each task as a successor (CSR), and each
    /// group's predecessors, stored once however many successors it has.
    private let groupOffsets: [Int32]
    private let groupsOfTask: [Int32]
    private let groupPredecessors: [[Int32]]

    public init(_ plan: Plan) {
        let doc = plan.document
        var done = 0
        var tasksOfPhase = [[Int32]](repeating: [], count: max(doc.phases.count, 1))
        for i in doc.tasks.indices {
            if doc.tasks[i].status == .done { done += 1 }
            let p = Int(doc.tasks[i].phase)
            if tasksOfPhase.indices.contains(p) { tasksOfPhase[p].append(Int32(i)) }
        }
        doneCount = done
        self.tasksOfPhase = tasksOfPhase
        listedPhases = doc.phases.indices.filter { $0 > 0 || !tasksOfPhase[$0].isEmpty }
        var work = 0.0
        for v in 0..<plan.graph.taskNodeCount { work += plan.graph.durations[v] }
        totalWork = work

        // Group written dependencies by successor, keeping written order, without repeats.
        var offsets = [Int32](repeating: 0, count: doc.tasks.count + 1)
        for d in doc.dependencies where Int(d.successor) < doc.tasks.count { offsets[Int(d.successor) + 1] += 1 }
        for i in 0..<doc.tasks.count { offsets[i + 1] += offsets[i] }
        var fill = offsets
        var items = [Int32](repeating: -1, count: Int(offsets[doc.tasks.count]))
        for d in doc.dependencies where Int(d.successor) < doc.tasks.count {
            let s = Int(d.successor)
            let range = Int(offsets[s])..<Int(fill[s])
            if !items[range].contains(d.predecessor) {
                items[Int(fill[s])] = d.predecessor
                fill[s] += 1
            }
        }
        predecessorOffsets = offsets
        predecessors = items
        var groupCounts = [Int32](repeating: 0, count: doc.dependencyGroups.isEmpty ? 1 : doc.tasks.count + 1)
        for g in doc.dependencyGroups { for s in g.successors where Int(s) < doc.tasks.count { groupCounts[Int(s) + 1] += 1 } }
        if !doc.dependencyGroups.isEmpty { for i in 0..<doc.tasks.count { groupCounts[i + 1] += groupCounts[i] } }
        var groupFill = groupCounts
        var groupsOfTask = [Int32](repeating: 0, count: Int(groupCounts[groupCounts.count - 1]))
        for (k, g) in doc.dependencyGroups.enumerated() {
            for s in g.successors where Int(s) < doc.tasks.count {
                groupsOfTask[Int(groupFill[Int(s)])] = Int32(k)
                groupFill[Int(s)] += 1
            }
        }
        groupOffsets = groupCounts
        self.groupsOfTask = groupsOfTask
        groupPredecessors = doc.dependencyGroups.map(\.predecessors)
    }

    /// Written predecessors of a document task: its own, in written order,
    /// then those of the dependency groups that name it.
    public func writtenPredecessors(of task: Int32) -> WrittenPredecessors {
        let own = predecessors[Int(predecessorOffsets[Int(task)])..<Int(predecessorOffsets[Int(task) + 1])]
        let groups = groupOffsets.count > 1
            ? groupsOfTask[Int(groupOffsets[Int(task)])..<Int(groupOffsets[Int(task) + 1])] : []
        return WrittenPredecessors(own: own, groups: groups, groupPredecessors: groupPredecessors, task: task)
    }

    /// Whether a dependency group names the task (its written predecessors
    /// are then more than its own list).
    @inline(__always) public func isInGroup(_ task: Int32) -> Bool {
        groupOffsets.count > 1 && groupOffsets[Int(task)] < groupOffsets[Int(task) + 1]
    }

    /// The tasks' own predecessor lists, read in place for hot loops: the
    /// offsets (one more than the tasks) and the items, in which -1 is a hole.
    /// A task named by a dependency group has more (``isInGroup(_:)``).
    public func withOwnPredecessors<R>(_ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>) -> R) -> R {
        predecessorOffsets.withUnsafeBufferPointer { offsets in predecessors.withUnsafeBufferPointer { body(offsets, $0) } }
    }

    /// The written predecessors of one task, without building an array: a
    /// group of ten thousand predecessors is shared by all its successors.
    public struct WrittenPredecessors: Sequence {
        let own: ArraySlice<Int32>
        let groups: ArraySlice<Int32>
        let groupPredecessors: [[Int32]]
        let task: Int32

        public struct Iterator: IteratorProtocol {
            let list: WrittenPredecessors
            var ownAt: Int
            var groupAt: Int
            var memberAt = 0
            /// Members of the groups so far, when the task is in more than one.
            var seen: Set<Int32>?

            public mutating func next() -> Int32? {
                while ownAt < list.own.endIndex {
                    defer { ownAt += 1 }
                    if list.own[ownAt] >= 0 { return list.own[ownAt] }
                }
                while groupAt < list.groups.endIndex {
                    let members = list.groupPredecessors[Int(list.groups[groupAt])]
                    while memberAt < members.count {
                        let p = members[memberAt]
                        memberAt += 1
                        // The task itself (a statement naming it on both sides) and a predecessor listed already are skipped.
                        guard p != list.task && !list.own.contains(p) else { continue }
                        if seen == nil || seen!.insert(p).inserted { return p }
                    }
                    groupAt += 1
                    memberAt = 0
                }
                return nil
            }
        }

        public func makeIterator() -> Iterator {
            Iterator(list: self, ownAt: own.startIndex, groupAt: groups.startIndex, seen: groups.count > 1 ? [] : nil)
        }
    }

    /// The duration a task is planned with.
    public func duration(of task: SpecTask, options: PlanOptions) -> Double {
        Self.duration(of: task.estimate, options: options)
    }

    /// The duration a task with this estimate is planned with.
    public static func duration(of estimate: Estimate?, options: PlanOptions) -> Double {
        options.duration(of: estimate)
    }
}

/// The figures of a plan's summary line, without the per-task lists that
/// ``PlanFacts`` builds: what the text summary of `plan` prints.
public struct PlanTotals: Sendable {
    /// Tasks whose checkbox is done (`[x]`).
    public let doneCount: Int
    /// The number of ``PlanFacts/listedPhases``.
    public let listedPhaseCount: Int
    /// Sum of the durations of the planned tasks, in hours.
    public let totalWork: Double

    public init(_ plan: Plan) {
        let doc = plan.document
        var done = 0
        var phaseZeroHasTasks = false
        for i in doc.tasks.indices {
            if doc.tasks[i].status == .done { done += 1 }
            if doc.tasks[i].phase == 0 { phaseZeroHasTasks = true }
        }
        doneCount = done
        listedPhaseCount = doc.phases.isEmpty ? 0 : doc.phases.count - 1 + (phaseZeroHasTasks ? 1 : 0)
        var work = 0.0
        for v in 0..<plan.graph.taskNodeCount { work += plan.graph.durations[v] }
        totalWork = work
    }
}
