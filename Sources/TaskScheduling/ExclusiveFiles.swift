import HeapModule
import SpecKitTasks

/// The written files that keep tasks apart in a team schedule (DESIGN.md §2
/// rule 6, `--files exclusive`): two tasks that write one file never run at
/// the same time, in either order. No edge is added for this, so waves and
/// the critical path do not depend on files.
///
/// Only files written by two or more planned tasks are kept, numbered
/// `0..<count`; directories (paths ending in `/`) never conflict.
///
/// ```
///   T1 writes a.swift   T2 writes a.swift, b.swift   T3 writes b.swift
///   files(ofNode:)  T1: [0]   T2: [0, 1]   T3: [1]     count: 2
/// ```
public struct ExclusiveFiles: Sendable {
    /// CSR offsets into `fileIDs` per task node; empty when no file is shared.
    private let offsets: [Int32]
    private let fileIDs: [Int32]
    /// The number of files two or more planned tasks write.
    public let count: Int

    /// No file keeps any task from starting (`--files ignore` and `serialize`,
    /// where `file` edges already order the writers).
    public static let none = ExclusiveFiles(offsets: [], fileIDs: [], count: 0)

    private init(offsets: [Int32], fileIDs: [Int32], count: Int) {
        self.offsets = offsets
        self.fileIDs = fileIDs
        self.count = count
    }

    /// The shared written files of a plan's task nodes under `--files
    /// exclusive`; ``none`` under any other policy.
    /// - Complexity: O(V + file mentions + distinct files).
    public init(plan: Plan) {
        guard plan.options.files == .exclusive else {
            self = .none
            return
        }
        var document = plan.document
        if !document.hasFileTables { document.internFiles() }
        self.init(graph: plan.graph, document: document)
    }

    /// - Precondition: `document.hasFileTables`.
    init(graph: ScheduleGraph, document: SpecDocument) {
        let tasks = graph.taskNodeCount
        var writers = [Int32](repeating: 0, count: document.filePaths.count)
        for v in 0..<tasks {
            for f in document.fileIDs(ofTask: Int(graph.taskOfNode[v])) where !document.isDirectory[Int(f)] {
                writers[Int(f)] += 1
            }
        }
        var index = [Int32](repeating: -1, count: writers.count)
        var count: Int32 = 0
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(tasks + 1)
        var ids: [Int32] = []
        for v in 0..<tasks {
            for f in document.fileIDs(ofTask: Int(graph.taskOfNode[v])) where writers[Int(f)] >= 2 && !document.isDirectory[Int(f)] {
                if index[Int(f)] < 0 {
                    index[Int(f)] = count
                    count += 1
                }
                ids.append(index[Int(f)])
            }
            offsets.append(Int32(ids.count))
        }
        if count == 0 {
            self = .none
        } else {
            self.init(offsets: offsets, fileIDs: ids, count: Int(count))
        }
    }

    /// The shared files task node `v` writes, each once.
    /// - Complexity: O(1).
    func files(ofNode v: Int32) -> ArraySlice<Int32> {
        offsets.isEmpty ? [] : fileIDs[Int(offsets[Int(v)])..<Int(offsets[Int(v) + 1])]
    }
}

/// How a list schedule keeps writers of one file apart: a task that is ready
/// but whose file is being written waits on that file (it is *parked*) until
/// the writer finishes.
///
/// When a file is freed only its most urgent parked task is handed back (with
/// the pinned ones above it, which go to their owners' queues): the others
/// would only find the file busy again once it starts. Should that task park
/// on another file instead, the next one is handed back. So each task parks
/// once per file mention and once per writer that starts ahead of it, and
/// the whole stays O((V + E + W) log V) for W file mentions.
extension ListScheduler {
    /// The first shared file of `v` that a running task writes, or -1.
    func busyFile(of v: Int32) -> Int32 {
        for f in files.files(ofNode: v) where writerOfFile[Int(f)] >= 0 { return f }
        return -1
    }

    /// Whether a queued entry is a stale copy: the task already started or is parked.
    func isStale(_ v: Int32) -> Bool {
        personOfNode[Int(v)] >= 0 || (files.count > 0 && parkedOn[Int(v)] >= 0)
    }

    /// Puts a ready task aside until file `f`'s writer finishes.
    mutating func park(_ item: ReadyTask, on f: Int32) {
        let v = Int(item.node)
        parkedOn[v] = f
        parked[Int(f)].insert(item)
        let claimed = claimedFile[v]
        if claimed >= 0 {
            // It was handed back by a file that is still free: the next task there may go.
            claimedFile[v] = -1
            if writerOfFile[Int(claimed)] < 0 { filesToHandBack.append(claimed) }
        }
    }

    /// Hands file `f`'s most urgent parked tasks back to the ready queues:
    /// pinned ones up to and including the first that anyone may take.
    mutating func handBack(_ f: Int32) {
        while let item = parked[Int(f)].popMin() {
            let v = Int(item.node)
            parkedOn[v] = -1
            release(item.node)
            if ownerOfNode[v] < 0 {
                claimedFile[v] = f
                return
            }
        }
    }

    /// Files freed by tasks that parked again elsewhere, handed back at last.
    mutating func handBackPendingFiles() {
        while let f = filesToHandBack.popLast() {
            if writerOfFile[Int(f)] < 0 { handBack(f) }
        }
    }

    /// The shared queue's most urgent task that can start now, left on top of
    /// the queue; stale copies are dropped and blocked tasks parked.
    mutating func sharedTop() -> ReadyTask? {
        while let top = shared.min {
            if isStale(top.node) {
                shared.removeMin()
            } else if files.count > 0, case let f = busyFile(of: top.node), f >= 0 {
                shared.removeMin()
                park(top, on: f)
            } else {
                return top
            }
        }
        return nil
    }

    /// Person `p`'s most urgent pinned task that can start now, left on top of their queue.
    mutating func ownedTop(_ p: Int) -> ReadyTask? {
        while let top = owned[p].min {
            guard files.count > 0, case let f = busyFile(of: top.node), f >= 0 else { return top }
            owned[p].removeMin()
            ownedWaiting -= 1
            park(top, on: f)
        }
        return nil
    }

    /// Story group `g`'s most urgent task that can start now (story tolerance only).
    mutating func groupTop(_ g: Int) -> ReadyTask? {
        while let top = groupReady[g].min {
            if isStale(top.node) {
                groupReady[g].removeMin()
            } else if files.count > 0, case let f = busyFile(of: top.node), f >= 0 {
                groupReady[g].removeMin()
                park(top, on: f)
            } else {
                return top
            }
        }
        return nil
    }
}
