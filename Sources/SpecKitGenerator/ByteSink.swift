/// A fixed-size output buffer that hands full chunks to a closure.
///
/// Every append checks the remaining room once (not per byte) and flushes
/// when the piece would not fit, so a generated document of any size needs
/// only `capacity` bytes of working memory. Pieces are bounded by a few
/// hundred bytes, far below the capacity.
struct ByteSink {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private let sink: (UnsafeRawBufferPointer) -> Void

    /// `storage` must hold at least `capacity` bytes and outlive the sink.
    init(storage: UnsafeMutablePointer<UInt8>, capacity: Int, sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        precondition(capacity >= 4096, "capacity too small for one piece")
        self.base = storage
        self.capacity = capacity
        self.sink = sink
    }

    /// Hands the buffered bytes to the sink and empties the buffer.
    ///
    /// - Complexity: O(1) plus the sink's cost.
    mutating func flush() {
        guard count > 0 else { return }
        sink(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }

    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count &+ n > capacity { flush() }
    }

    /// Appends one byte.
    @inline(__always)
    mutating func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count &+= 1
    }

    /// Appends the UTF-8 bytes of a static string.
    ///
    /// - Complexity: O(length).
    @inline(__always)
    mutating func text(_ s: StaticString) {
        s.withUTF8Buffer { raw in bytes(raw) }
    }

    /// Appends a buffer of bytes (at most `capacity` long).
    ///
    /// - Complexity: O(length).
    @inline(__always)
    mutating func bytes(_ raw: UnsafeBufferPointer<UInt8>) {
        let n = raw.count
        guard n > 0, let source = raw.baseAddress else { return }
        reserve(n)
        (base + count).update(from: source, count: n)
        count &+= n
    }

    /// Appends the decimal digits of a non-negative `value`, zero-padded to
    /// at least `width` digits, without building a `String`.
    ///
    /// - Complexity: O(digits).
    @inline(__always)
    mutating func decimal(_ value: Int, width: Int = 1) {
        precondition(value >= 0, "negative numbers are never written")
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits &+= 1
        }
        let total = max(width, digits)
        reserve(total)
        var position = count &+ total &- 1
        rest = value
        while position >= count {
            base[position] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            position &-= 1
        }
        count &+= total
    }
}
