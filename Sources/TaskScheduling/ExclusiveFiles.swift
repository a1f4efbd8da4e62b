import SpecKitTasks

/// The written files that keep tasks apart in a team schedule (docs/semantics.md,
/// "Files"; `--files exclusive`): two tasks that write one file never run at
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
