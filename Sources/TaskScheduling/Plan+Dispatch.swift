import SpecKitTasks
import TaskGraph

/// Why a task listed as running cannot be running (`next --running`).
public enum RunningTaskError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No task has this ID.
    case unknown(String)
    /// The task is done or skipped (and so not planned).
    case finished(String, TaskStatus)
    /// The task waits for an unfinished task (`on`), so it cannot have started.
    case waiting(String, on: String)

    public var description: String {
        switch self {
        case .unknown(let id):
            "\(id) is listed as running, but no task has that ID"
        case .finished(let id, let status):
            "\(id) is listed as running, but it is marked \(status == .skipped ? "skipped" : "done")"
        case .waiting(let id, let on):
            "\(id) is listed as running, but it is not ready: it waits for \(on), which is not finished"
        }
    }
}

/// What an orchestrator may start now (`next --agents N --running …`).
public struct Dispatch: Sendable {
    /// The running tasks, as task nodes, in the order given (without repeats).
    public let running: [Int32]
    /// The agent limit (nil: none).
    public let agents: Int?
    /// Task nodes that may start now, in the order `AgentBatches` fills a batch.
    public let startable: [Int32]
}

extension Plan {
    /// The tasks that may start now: unfinished, every predecessor finished
    /// (a running task is not finished), writing no file that a running task
    /// or a task chosen before it writes, at most `agents` minus the running
    /// ones; least slack first, then document order. With nothing running this
    /// is the first batch of ``AgentBatches``.
    ///
    /// - Throws: ``RunningTaskError`` when a running ID names no task, a
    ///   finished task, or a task with an unfinished predecessor.
    /// - Complexity: O(V + E + F + R log R) for R ready tasks.
    public func dispatch(running ids: [String], agents: Int?) throws(RunningTaskError) -> Dispatch {
        let ready = readyTasks()
        var isReady = [Bool](repeating: false, count: graph.taskNodeCount)
        for v in ready { isReady[Int(v)] = true }

        var running: [Int32] = []
        var isRunning = [Bool](repeating: false, count: graph.taskNodeCount)
        for id in ids {
            guard let t = taskIndex(forID: id) else { throw .unknown(id) }
            let v = graph.nodeOfTask[t]
            guard v >= 0 else { throw .finished(id, document.tasks[t].status) }
            if document.tasks[t].status.isFinished { throw .finished(id, document.tasks[t].status) }
            guard isReady[Int(v)] else { throw .waiting(id, on: unfinishedPredecessor(of: v).map { name(of: $0) } ?? "?") }
            if !isRunning[Int(v)] {
                isRunning[Int(v)] = true
                running.append(v)
            }
        }

        let limit = agents.map { max(1, $0) }
        let free = limit.map { max(0, $0 - running.count) }
        let writes = ExclusiveFiles(plan: self)
        var taken = [Bool](repeating: false, count: writes.count)
        for v in running { for f in writes.files(ofNode: v) { taken[Int(f)] = true } }
        let key = dispatchKeys()
        let candidates = ready.filter { !isRunning[Int($0)] }.sorted {
            DispatchCandidate(key: key[Int($0)], node: $0) < DispatchCandidate(key: key[Int($1)], node: $1)
        }
        var startable: [Int32] = []
        for v in candidates {
            if let free, startable.count >= free { break }
            if writes.files(ofNode: v).contains(where: { taken[Int($0)] }) { continue }
            for f in writes.files(ofNode: v) { taken[Int(f)] = true }
            startable.append(v)
        }
        return Dispatch(running: running, agents: limit, startable: startable)
    }

    /// The nearest unfinished task before `node`, through milestones and
    /// finished tasks; the first found in edge order.
    ///
    /// - Complexity: O(V + E).
    func unfinishedPredecessor(of node: Int32) -> Int32? {
        let g = graph.graph
        var seen = Set<Int32>([node])
        var queue: [Int32] = [node]
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for e in g.incoming(v) {
                let p = g.edgeSources[Int(e)]
                guard seen.insert(p).inserted else { continue }
                if !graph.isMilestone(p), !task(ofNode: p).status.isFinished { return p }
                queue.append(p)
            }
        }
        return nil
    }
}
