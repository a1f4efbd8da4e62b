import TaskScheduling

/// How many planned tasks are critical, and what a picture or summary says
/// when most of them are: a graph painted red all over says nothing, so it is
/// drawn plain with one sentence instead.
public struct CriticalShare: Sendable, Hashable {
    /// Planned tasks with no slack.
    public let critical: Int
    /// Planned tasks.
    public let tasks: Int

    public init(critical: Int, tasks: Int) {
        self.critical = critical
        self.tasks = tasks
    }

    /// The share of a plan; nothing is critical in a plan with a cycle.
    ///
    /// - Complexity: O(V).
    public init(_ plan: Plan) {
        let count = plan.graph.taskNodeCount
        let schedule = plan.schedule
        var critical = 0
        for v in 0..<Int32(count) where schedule.isCritical(v) { critical += 1 }
        self.init(critical: critical, tasks: count)
    }

    /// More than half the tasks (of two or more) are critical: marking them
    /// would mark nearly everything.
    public var isMost: Bool { tasks >= 2 && 2 * critical > tasks }

    /// `every task is on the critical path: no slack anywhere`, or `9 of 12
    /// tasks critical`; nil when few enough are critical to mark them.
    public var sentence: String? {
        guard isMost else { return nil }
        if critical == tasks { return "every task is on the critical path: no slack anywhere" }
        return "\(critical) of \(tasks) tasks critical"
    }
}
