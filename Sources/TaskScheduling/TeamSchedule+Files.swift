import HeapModule

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
