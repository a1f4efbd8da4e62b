import Dispatch

/// Runs `body` on consecutive chunks of `0..<count` (chunk index and range),
/// on every core when there is more than one chunk. The package's one
/// chunked parallel loop (the parser's text jobs, the team schedule's tries).
package func forEachChunk(count: Int, size: Int, _ body: @Sendable (Int, Range<Int>) -> Void) {
    let chunks = (count + size - 1) / size
    if chunks == 1 {
        body(0, 0..<count)
    } else if chunks > 1 {
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in body(chunk, chunk * size..<min(count, (chunk + 1) * size)) }
    }
}

extension Array {
    /// A new array holding `self[range]`, in a buffer of its own.
    ///
    /// `Array(self[range])` hands back this array's own buffer when the range
    /// covers every element; the next append to either array then copies the
    /// whole buffer, reserved capacity included (the parser's job queue,
    /// reserved for a million tasks, was copied so on its first hand-over).
    package func copied(_ range: Range<Int>) -> [Element] {
        withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}

/// A queue whose front is handed over a chunk at a time (the parser's text
/// jobs, handed to the pipeline) while the back keeps growing.
///
/// Handed-over elements are dropped once they are at least half of the
/// storage: a reader that keeps up keeps the storage a few chunks long, and one
/// that falls behind costs at most one move per element. (Dropping each chunk
/// as it went moved the whole waiting queue every time: quadratic when the
/// reader is behind, as it is through most of a million-task scan.)
struct HandOverQueue<Element> {
    private(set) var storage: [Element] = []
    /// Elements of `storage` before it were handed over.
    private(set) var head = 0

    /// Elements not handed over yet.
    var count: Int { storage.count - head }

    mutating func reserveCapacity(_ n: Int) { storage.reserveCapacity(n) }

    /// Advises huge pages for the reserved storage (`HugePages`).
    mutating func adviseHugePages() { storage.adviseHugePages() }

    mutating func append(_ element: Element) { storage.append(element) }

    /// The first `n` waiting elements (`n <= count`), as an array of their own.
    mutating func handOver(_ n: Int) -> [Element] {
        let front = storage.copied(head..<head + n)
        head += n
        if head >= storage.count - head {
            storage.removeSubrange(0..<head)
            head = 0
        }
        return front
    }

    /// The waiting elements.
    func withWaiting<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[head...])) }
    }

    mutating func removeAll() {
        storage = []
        head = 0
    }
}
