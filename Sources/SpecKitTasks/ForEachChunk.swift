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
