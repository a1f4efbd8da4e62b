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
    }

    /// Written predecessors of a document task, in written order.
    public func writtenPredecessors(of task: Int32) -> some Collection<Int32> {
        predecessors[Int(predecessorOffsets[Int(task)])..<Int(predecessorOffsets[Int(task) + 1])].lazy.filter { $0 >= 0 }
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
