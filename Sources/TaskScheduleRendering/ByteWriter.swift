/// An append-only UTF-8 byte buffer with the escapes each output format needs.
///
/// Renderers write bytes, not `String`s, so a million-task plan is written with
/// a handful of allocations. The bytes live in one growable buffer that writes
/// reach through a pointer: each write checks the room left once and copies,
/// without the per-element bookkeeping of `Array.append`. Copies of a writer
/// share nothing (the buffer is copied on the first write after a copy).
public struct ByteWriter {
    /// Owns one allocation. Its fields never change, so reading them needs no
    /// exclusivity check; the writer keeps its own copy of the pointer.
    @usableFromInline final class Buffer {
        @usableFromInline let base: UnsafeMutablePointer<UInt8>
        @usableFromInline init(capacity: Int) { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }
    }

    @usableFromInline var buffer: Buffer
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var written = 0
    @usableFromInline var capacity: Int
    private var threshold = Int.max
    /// Whether the next JSON value needs a comma before it, and how many
    /// objects and arrays the JSON writer has open (see `ByteWriter+JSON.swift`).
    var jsonNeedsComma = false
    var jsonDepth = 0
    private var sink: ((UnsafeBufferPointer<UInt8>) -> Void)?

    public init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 16)
        buffer = Buffer(capacity: self.capacity)
        base = buffer.base
    }

    /// A writer that hands its bytes to `sink` whenever more than `threshold`
    /// have collected at a ``checkpoint()``, so a huge output never sits in
    /// memory whole. Call ``flush()`` at the end.
    public init(flushingAt threshold: Int, to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.init(capacity: threshold + (threshold >> 2))
        self.threshold = threshold
        self.sink = sink
    }

    /// The number of bytes written so far (since the last flush).
    @inlinable public var count: Int { written }

    /// The bytes written so far (a copy).
    public var bytes: [UInt8] { Array(unsafeBytes) }

    /// The bytes written so far, valid until the next write.
    public var unsafeBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: count)
    }

    /// Room for `n` more bytes: the pointer to write them at. Call
    /// ``commit(_:)`` with the number actually written.
    @inlinable @inline(__always)
    public mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(written &+ n > capacity || !isKnownUniquelyReferenced(&buffer)) { move(making: n) }
        return base + written
    }

    /// A buffer of this writer's own with room for `n` more bytes.
    @usableFromInline mutating func move(making n: Int) {
        var size = capacity
        while size < written + n { size *= 2 }
        let bigger = Buffer(capacity: size)
        bigger.base.update(from: base, count: written)
        buffer = bigger
        base = bigger.base
        capacity = size
    }

    @inlinable @inline(__always)
    public mutating func commit(_ n: Int) { written &+= n }

    /// Forgets the bytes written, keeping the buffer (and its memory pages,
    /// already touched) for the next ones.
    public mutating func removeAll() {
        written = 0
        jsonNeedsComma = false
        jsonDepth = 0
    }

    /// Hands the collected bytes to the sink if there are enough of them.
    @inline(__always) public mutating func checkpoint() {
        if count > threshold { flush() }
    }

    /// Hands every collected byte to the sink (no-op without a sink).
    public mutating func flush() {
        guard let sink, written > 0 else { return }
        sink(unsafeBytes)
        written = 0
    }

    /// Appends another writer's bytes. A writer with a sink hands a large
    /// block straight to it (after its own bytes) instead of copying it first.
    public mutating func pass(_ other: ByteWriter) {
        let bytes = other.unsafeBytes
        if let sink, bytes.count >= threshold >> 2 {
            flush()
            sink(bytes)
        } else {
            write(bytes: bytes)
            checkpoint()
        }
    }

    @inlinable
    public mutating func write(_ s: StaticString) {
        write(bytes: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    public mutating func write(_ s: String) {
        var s = s
        s.withUTF8 { write(bytes: $0) }
    }

    @inlinable @inline(__always)
    public mutating func write(byte: UInt8) {
        reserve(1).pointee = byte
        commit(1)
    }

    @inlinable @inline(__always)
    public mutating func write(bytes more: UnsafeBufferPointer<UInt8>) {
        guard let source = more.baseAddress else { return }
        let n = more.count
        let p = reserve(n)
        // Keys and punctuation are a few bytes: a loop beats a call to memcpy.
        if n <= 16 {
            for i in 0..<n { p[i] = source[i] }
        } else {
            p.update(from: source, count: n)
        }
        commit(n)
    }

    /// Appends another writer's bytes.
    public mutating func write(contentsOf other: ByteWriter) { write(bytes: other.unsafeBytes) }

    @inlinable
    public mutating func write(_ n: Int) {
        withCursor(bound: 21) { $0.write(n) }
    }

    @inlinable public mutating func write(_ n: Int32) { write(Int(n)) }

    /// A number as JSON and humans like it: always with a fraction (`14.0`,
    /// `2.5`), at most nine decimals (floating-point noise such as
    /// `0.8333333333333339` is written `0.833333333`), no exponent for ordinary values.
    public mutating func write(_ x: Double) {
        withCursor(bound: ByteCursor.doubleBound) { $0.write(x) }
    }

    /// A JSON string literal with quotes; control characters, `"`, `\` escaped,
    /// and `<`, `>`, `&` escaped too so that JSON embedded in HTML stays inert.
    public mutating func writeJSONString(_ s: String) {
        var s = s
        s.withUTF8 { writeJSONString(utf8: $0) }
    }

    /// ``writeJSONString(_:)`` for UTF-8 bytes.
    public mutating func writeJSONString(utf8: UnsafeBufferPointer<UInt8>) {
        withCursor(bound: ByteCursor.jsonStringBound(utf8.count)) { $0.writeJSONString(utf8: utf8) }
    }

    /// Writes at most `bound` bytes through a cursor that checks nothing: one
    /// capacity check for a whole record instead of one per field.
    @inlinable @inline(__always)
    public mutating func withCursor(bound: Int, _ body: (inout ByteCursor) -> Void) {
        let start = reserve(bound)
        var cursor = ByteCursor(start)
        body(&cursor)
        commit(start.distance(to: cursor.position))
    }

    /// A scalar as UTF-8, a control character (C0 or DEL) as a space: what the
    /// DOT and Mermaid label escapers write for a scalar they do not escape.
    @inline(__always)
    public mutating func writeBlankingControls(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x20 || scalar.value == 0x7F {
            write(byte: UInt8(ascii: " "))
        } else if scalar.isASCII {
            write(byte: UInt8(scalar.value))
        } else {
            UTF8.encode(scalar, into: { write(byte: $0) })
        }
    }

    /// Text for XML and HTML: `&`, `<`, `>`, `"`, `'` escaped; control characters
    /// other than tab and newline dropped (they are not allowed in XML 1.0).
    public mutating func writeXMLEscaped(_ s: String) {
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "&"): write("&amp;" as StaticString)
            case UInt8(ascii: "<"): write("&lt;" as StaticString)
            case UInt8(ascii: ">"): write("&gt;" as StaticString)
            case UInt8(ascii: "\""): write("&quot;" as StaticString)
            case UInt8(ascii: "'"): write("&#39;" as StaticString)
            case 0x09, 0x0A: write(byte: b)
            case 0..<0x20, 0x7F: continue
            default: write(byte: b)
            }
        }
    }
}

/// Writes into memory reserved beforehand (``ByteWriter/withCursor(bound:_:)``),
/// with no bounds checks: the caller reserves what the writes can take.
public struct ByteCursor {
    /// Where the next byte goes.
    public var position: UnsafeMutablePointer<UInt8>

    @inlinable public init(_ start: UnsafeMutablePointer<UInt8>) { position = start }

    /// The most bytes ``write(_:)-(Double)`` writes.
    public static let doubleBound = 32

    /// The most bytes ``writeJSONString(utf8:)`` writes for `count` bytes of text.
    @inlinable public static func jsonStringBound(_ count: Int) -> Int { 6 * count + 2 }

    @inlinable @inline(__always)
    public mutating func write(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        let source = s.utf8Start
        for i in 0..<n { position[i] = source[i] }
        position += n
    }

    @inlinable @inline(__always)
    public mutating func write(byte: UInt8) {
        position.pointee = byte
        position += 1
    }

    @inlinable @inline(__always)
    public mutating func write(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let n = bytes.count
        if n <= 16 {
            for i in 0..<n { position[i] = source[i] }
        } else {
            position.update(from: source, count: n)
        }
        position += n
    }

    /// At most 21 bytes.
    @inlinable @inline(__always)
    public mutating func write(_ n: Int) {
        if n < 0 { write(byte: UInt8(ascii: "-")) }
        writeUnsigned(UInt64(n.magnitude))
    }

    /// At most 21 bytes.
    @inlinable @inline(__always)
    public mutating func write(_ n: Int32) { write(Int(n)) }

    /// The decimal digits of `n` (at most 20).
    @inlinable @inline(__always)
    mutating func writeUnsigned(_ n: UInt64) {
        if n < 10 {
            write(byte: UInt8(truncatingIfNeeded: 48 &+ n))
            return
        }
        var digits = 1
        var limit: UInt64 = 10
        while digits < 20, n >= limit {
            digits &+= 1
            if digits == 20 { break }
            limit = limit &* 10
        }
        writeDigits(n, count: digits)
    }

    /// The last `count` decimal digits of `n`, leading zeros included, two at
    /// a time: half the dependent divisions of one digit at a time.
    @inlinable @inline(__always)
    mutating func writeDigits(_ n: UInt64, count: Int) {
        let pairs: StaticString = """
            00010203040506070809101112131415161718192021222324252627282930313233343536373839\
            40414243444546474849505152535455565758596061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899
            """
        let table = pairs.utf8Start
        var v = n
        var k = count
        while k >= 2 {
            let pair = Int(truncatingIfNeeded: v % 100) &* 2
            v /= 100
            k &-= 2
            position[k] = table[pair]
            position[k &+ 1] = table[pair &+ 1]
        }
        if k == 1 { position[0] = UInt8(truncatingIfNeeded: 48 &+ v % 10) }
        position += count
    }

    /// See ``ByteWriter/write(_:)-(Double)``; at most ``doubleBound`` bytes.
    ///
    /// The value is rounded to nine decimals, `(x * 1e9).rounded()`, and that
    /// integer written with a point before its last nine digits, trailing
    /// zeros of the fraction dropped (one kept).
    public mutating func write(_ x: Double) {
        let scaled = x * 1e9
        // Below 9e15 (< 2^53) truncation to an integer is exact and so is the
        // fraction it leaves: rounding half away from zero, as `rounded()`
        // does, is one comparison instead of a call to libm.
        guard scaled.magnitude < 9e15 else {
            writeUnusual(x)
            return
        }
        var m = UInt64(scaled.magnitude)
        if scaled.magnitude - Double(m) >= 0.5 { m &+= 1 }
        if scaled < 0 && m != 0 { write(byte: UInt8(ascii: "-")) }
        let whole = m / 1_000_000_000
        var frac = m &- whole &* 1_000_000_000
        writeUnsigned(whole)
        write(byte: UInt8(ascii: "."))
        if frac == 0 {
            write(byte: UInt8(ascii: "0"))
            return
        }
        var width = 9
        while frac % 10_000 == 0 {
            frac /= 10_000
            width &-= 4
        }
        if frac % 100 == 0 {
            frac /= 100
            width &-= 2
        }
        if frac % 10 == 0 {
            frac /= 10
            width &-= 1
        }
        writeDigits(frac, count: width)
    }

    /// NaN and infinities as `null`; magnitudes of 9e6 and more as Swift prints them.
    private mutating func writeUnusual(_ x: Double) {
        if x.isNaN || x.isInfinite {
            write("null" as StaticString)
            return
        }
        var text = x.description
        text.withUTF8 { write(bytes: UnsafeBufferPointer(rebasing: $0.prefix(ByteCursor.doubleBound))) }
    }

    /// See ``ByteWriter/writeJSONString(_:)``; at most ``jsonStringBound(_:)`` bytes.
    public mutating func writeJSONString(_ s: String) {
        var s = s
        s.withUTF8 { writeJSONString(utf8: $0) }
    }

    /// ``writeJSONString(_:)`` reading the string's bytes where they are:
    /// for a string read in place (through a pointer), a copy would retain its storage.
    @inline(__always)
    public mutating func writeJSONString(borrowing s: String) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { writeJSONString(utf8: $0) }
        if done == nil { writeJSONString(s) }
    }

    /// See ``ByteWriter/writeJSONString(_:)``; at most ``jsonStringBound(_:)`` bytes.
    ///
    /// Text that needs no escape (most of it) is checked and copied eight
    /// bytes at a time, in one pass; the last few bytes of a string as one
    /// word that ends where the string ends.
    public mutating func writeJSONString(utf8: UnsafeBufferPointer<UInt8>) {
        write(byte: UInt8(ascii: "\""))
        let n = utf8.count
        if let base = utf8.baseAddress {
            ByteCursor.jsonEscapeClass.withUnsafeBufferPointer { table in
                var i = 0
                while i < n {
                    if i + 8 <= n {
                        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                        if !ByteCursor.anyJSONEscape(word) {
                            UnsafeMutableRawPointer(position).storeBytes(of: word, as: UInt64.self)
                            position += 8
                            i += 8
                            continue
                        }
                    } else if n >= 8 {
                        // The string's last eight bytes, of which the first
                        // 8 - (n - i) were written already. When none of the
                        // eight needs an escape, those were written as
                        // themselves, so rewriting them from one word changes
                        // nothing.
                        let back = 8 - (n - i)
                        let word = UnsafeRawPointer(base + n - 8).loadUnaligned(as: UInt64.self)
                        if !ByteCursor.anyJSONEscape(word) {
                            UnsafeMutableRawPointer(position - back).storeBytes(of: word, as: UInt64.self)
                            position += n - i
                            break
                        }
                    }
                    let b = base[i]
                    if table[Int(b)] != 0 { writeJSONEscape(b) } else { write(byte: b) }
                    i += 1
                }
            }
        }
        write(byte: UInt8(ascii: "\""))
    }

    /// The escape of one byte that ``jsonEscapeClass`` marks.
    private mutating func writeJSONEscape(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "\""): write("\\\"" as StaticString)
        case UInt8(ascii: "\\"): write("\\\\" as StaticString)
        case 0x0A: write("\\n" as StaticString)
        case 0x0D: write("\\r" as StaticString)
        case 0x09: write("\\t" as StaticString)
        case UInt8(ascii: "<"): write("\\u003c" as StaticString)
        case UInt8(ascii: ">"): write("\\u003e" as StaticString)
        case UInt8(ascii: "&"): write("\\u0026" as StaticString)
        default:
            let hex: StaticString = "0123456789abcdef"
            write("\\u00" as StaticString)
            write(byte: hex.utf8Start[Int(b >> 4)])
            write(byte: hex.utf8Start[Int(b & 15)])
        }
    }

    /// Whether any of the eight bytes of `word` is one ``jsonEscapeClass``
    /// marks: below 0x20, `"` or `&` (0x22, 0x26), `<` or `>` (0x3C, 0x3E),
    /// `\` (0x5C) or DEL (0x7F). Each test is the bit trick that finds a zero
    /// byte, `(v - 0x01…) & ~v & 0x80…`, which is exact for "any" (a false
    /// flag can only follow a true one).
    @inline(__always)
    static func anyJSONEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func anyZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let control = (word &- 0x20 &* ones) & ~word & highs
        let quoteOrAmpersand = anyZero((word | 0x04 &* ones) ^ (0x26 &* ones))
        let angle = anyZero((word | 0x02 &* ones) ^ (0x3E &* ones))
        let backslash = anyZero(word ^ (0x5C &* ones))
        let delete = anyZero(word ^ (0x7F &* ones))
        return control | quoteOrAmpersand | angle | backslash | delete != 0
    }

    /// 1 for the bytes ``writeJSONString(utf8:)`` escapes.
    static let jsonEscapeClass: [UInt8] = (0..<256).map { b in
        b < 0x20 || b == 0x7F || b == 0x22 || b == 0x5C || b == 0x3C || b == 0x3E || b == 0x26 ? 1 : 0
    }
}

extension String {
    /// The bytes a ``ByteWriter`` collected, as text.
    public init(_ writer: ByteWriter) {
        self = String(decoding: writer.unsafeBytes, as: UTF8.self)
    }
}
