import SpecKitTasks

/// Why a task ID given on the command line (`why T042`, `graph --focus T042`)
/// names no task of the plan. The one wording of these errors.
public enum TaskLookupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No task in the file at `path` has this ID.
    case unknown(id: String, path: String)
    /// The task exists but is not planned: it is done or skipped and the plan
    /// leaves finished tasks out unless `--all` is given.
    case notPlanned(id: String)

    public var description: String {
        switch self {
        case .unknown(let id, let path): "no task \(id) in \(path)"
        case .notPlanned(let id): "\(id) is finished: finished tasks are planned only with --all"
        }
    }
}

extension Plan {
    /// The document index of the first task with this ID, or nil.
    ///
    /// - Complexity: O(n) for n tasks.
    public func taskIndex(forID id: String) -> Int? {
        document.tasks.firstIndex { $0.id == id }
    }

    /// The task node of the first task with this ID.
    ///
    /// - Throws: ``TaskLookupError`` when no task has the ID or the task is
    ///   not planned.
    /// - Complexity: O(n) for n tasks.
    public func plannedNode(forID id: String) throws(TaskLookupError) -> Int32 {
        guard let t = taskIndex(forID: id) else { throw .unknown(id: id, path: document.path) }
        let node = graph.nodeOfTask[t]
        guard node >= 0 else { throw .notPlanned(id: id) }
        return node
    }
}
