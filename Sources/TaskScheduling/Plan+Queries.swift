import SpecKitTasks
import TaskGraph

extension Plan {
    /// Tasks ready now: not finished, and no unfinished task anywhere before them.
    ///
    /// - Complexity: O(V + E).
    public func readyTasks() -> [Int32] {
        let g = graph.graph
        // Unfinished per node, read once (milestones count as finished).
        var open = [Bool](repeating: false, count: graph.nodeCount)
        for v in 0..<graph.taskNodeCount {
            open[v] = !document.tasks[Int(graph.taskOfNode[v])].status.isFinished
        }
        var blocked = [Bool](repeating: false, count: graph.nodeCount)
        for v in schedule.order {
            var b = false
            for e in g.incoming(v) {
                let p = g.edgeSources[Int(e)]
                if blocked[Int(p)] || open[Int(p)] {
                    b = true
                    break
                }
            }
            blocked[Int(v)] = b
        }
        return (0..<Int32(graph.taskNodeCount)).filter { !blocked[Int($0)] && open[Int($0)] }
    }

    /// The chain of edges that puts a task in its wave: from a wave-1 task to
    /// `node`, each step a predecessor of the wave just before (through
    /// milestones), the smallest document position at each tie. Edge ids in
    /// order; empty for a wave-1 task.
    ///
    /// - Complexity: O(V + E) at worst.
    public func explanation(of node: Int32) -> [Int32] {
        let g = graph.graph
        var blocks: [[Int32]] = []
        var current = node
        while schedule.waveOfNode[Int(current)] > 1 {
            let wanted = schedule.waveOfNode[Int(current)] - 1
            // Backward search through milestones for the best task predecessor.
            var via: [Int32: Int32] = [:]  // node -> edge leading from it towards `current`
            var stack: [Int32] = [current]
            var best: Int32 = -1
            var seen = Set<Int32>()
            while let v = stack.popLast() {
                for e in g.incoming(v) {
                    let p = g.edgeSources[Int(e)]
                    guard schedule.waveOfNode[Int(p)] == wanted, seen.insert(p).inserted else { continue }
                    via[p] = e
                    if graph.isMilestone(p) {
                        stack.append(p)
                    } else if best < 0 || p < best {
                        best = p
                    }
                }
            }
            guard best >= 0 else { break }
            var steps: [Int32] = []
            var at = best
            while at != current {
                let e = via[at]!
                steps.append(e)
                at = g.edgeTargets[Int(e)]
            }
            blocks.append(steps)
            current = best
        }
        return blocks.reversed().flatMap { $0 }
    }
}

/// Two or more tasks of one wave that write the same file: under
/// `--files exclusive` they never run at the same time in a team schedule.
public struct WaveFileConflict: Sendable, Hashable {
    /// 1-based wave number.
    public let wave: Int
    /// Index into `SpecDocument.filePaths`.
    public let file: Int32
    /// Task nodes of the wave that write it, in document order.
    public let tasks: [Int32]
}

extension Plan {
    /// The files written by more than one task of a wave, wave by wave, in
    /// order of first writer. Empty unless files are `exclusive` (with
    /// `serialize` file edges keep writers apart; with `ignore` files do not count).
    ///
    /// - Complexity: O(T + F) for T tasks and F written-file mentions.
    public func waveFileConflicts() -> [WaveFileConflict] {
        guard options.files == .exclusive, document.hasFileTables else { return [] }
        var writersOfFile = SharedFileWriters(fileCount: document.filePaths.count)
        var result: [WaveFileConflict] = []
        // The tables in locals: `fileIDs(ofTask:)` is a call and a slice per task.
        let offsets = document.taskFileOffsets, fileIDs = document.taskFileIDs
        let isDirectory = document.isDirectory, taskOfNode = graph.taskOfNode
        for (i, wave) in schedule.waves.enumerated() where wave.count > 1 {
            writersOfFile.startGroup()
            for v in wave {
                let t = Int(taskOfNode[Int(v)])
                for k in Int(offsets[t])..<Int(offsets[t + 1]) where !isDirectory[Int(fileIDs[k])] {
                    writersOfFile.add(v, writes: fileIDs[k])
                }
            }
            for (file, tasks) in writersOfFile.shared { result.append(WaveFileConflict(wave: i + 1, file: file, tasks: tasks)) }
        }
        return result
    }
}
