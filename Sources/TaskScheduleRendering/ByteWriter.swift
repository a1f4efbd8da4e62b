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
        ByteCursor.copy(source, to: p, count: n)
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
        ByteCursor.copy(source, to: position, count: n)
        position += n
    }

    /// Copies `n` bytes. Names, keys and punctuation are a few bytes: two
    /// overlapping words (the first and the last eight or four bytes) beat a
    /// loop and a call to memcpy. Writes nothing outside `target..<target + n`.
    @inlinable @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count n: Int) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        if n >= 8 {
            guard n <= 16 else {
                target.update(from: source, count: n)
                return
            }
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: n &- 8, as: UInt64.self)
        } else if n >= 4 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: n &- 4, as: UInt32.self)
        } else {
            for i in 0..<n { target[i] = source[i] }
        }
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

    /// The decimal digits of `n` (at most 20); below 10^8 (line numbers,
    /// waves, whole hours) eight bytes are stored, of which the digits are kept.
    @inlinable @inline(__always)
    mutating func writeUnsigned(_ n: UInt64) {
        if n < 100_000_000 {
            writeShort(n)
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

    /// The digits of `n` < 10^8 without leading zeros ("0" for 0). Stores
    /// eight bytes: the caller reserves eight, of which the digits are kept.
    @inlinable @inline(__always)
    mutating func writeShort(_ n: UInt64) {
        let digits = ByteCursor.eightDigits(n)
        // The leading zeros are the low bytes that are 0; one digit is always kept.
        let zeros = min(digits.trailingZeroBitCount &>> 3, 7)
        let text = (digits | 0x3030_3030_3030_3030) &>> UInt64(zeros &* 8)
        UnsafeMutableRawPointer(position).storeBytes(of: text, as: UInt64.self)
        position += 8 &- zeros
    }

    /// The eight decimal digits of `n` < 10^8, leading zeros included, as the
    /// bytes of a word (values 0...9, the first digit in the low byte, as a
    /// little-endian store puts it first), without a division per digit: the
    /// halves, quarters and digits are split in the lanes of one word at once.
    /// `(x * 5243) >> 19` is `x / 100` for `x` < 10^4, `(x * 103) >> 10` is `x / 10` for `x` < 100.
    @inlinable @inline(__always)
    static func eightDigits(_ n: UInt64) -> UInt64 {
        let high = n / 10_000
        var v = high | (n &- high &* 10_000) &<< 32
        let hundreds = ((v &* 5243) &>> 19) & 0x0000_007F_0000_007F
        v = hundreds | (v &- hundreds &* 100) &<< 16
        let tens = ((v &* 103) &>> 10) & 0x000F_000F_000F_000F
        return tens | (v &- tens &* 10) &<< 8
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

    /// See ``ByteWriter/write(_:)-(Double)``; at most ``doubleBound`` bytes
    /// (it stores whole words, at most 18 bytes from where it starts, and
    /// keeps the digits of them).
    ///
    /// The value is rounded to nine decimals, `(x * 1e9).rounded()`, and that
    /// integer written with a point before its last nine digits, trailing
    /// zeros of the fraction dropped (one kept).
    public mutating func write(_ x: Double) {
        // Most hours are whole or quarters. For x = k / 4 the general path
        // below computes m = |k| * 2.5e8 exactly (below 2^53 the product is
        // exact) and writes the same digits as these: the whole part and
        // `.0`, `.25`, `.5` or `.75`.
        let quarters = x * 4
        if quarters.magnitude < 32_000_000 {
            let k = Int64(quarters)
            if Double(k) == quarters {
                if k < 0 { write(byte: UInt8(ascii: "-")) }
                let u = k.magnitude
                writeShort(u &>> 2)
                let r = u & 3
                // ".0", ".25", ".5", ".75" as little-endian words.
                let text: UInt32 = r == 0 ? 0x302E : r == 1 ? 0x35_322E : r == 2 ? 0x352E : 0x35_372E
                UnsafeMutableRawPointer(position).storeBytes(of: text, as: UInt32.self)
                position += 2 &+ Int(r & 1)
                return
            }
        }
        let scaled = x * 1e9
        // Below 9e15 (< 2^53) truncation to an integer is exact and so is the
        // fraction it leaves: rounding half away from zero, as `rounded()`
        // does, is one comparison instead of a call to libm.
        guard scaled.magnitude < 9e15 else {
            writeUnusual(x)
            return
        }
        // Through Int64, which converts in one instruction each way (the
        // magnitude is far below 2^63, so both conversions are exact).
        var m = UInt64(Int64(scaled.magnitude))
        if scaled.magnitude - Double(Int64(m)) >= 0.5 { m &+= 1 }
        if scaled < 0 && m != 0 { write(byte: UInt8(ascii: "-")) }
        // m <= 9e15, so the whole part is below 10^8 and so are the last
        // eight digits of the fraction: each is written as one word.
        let whole = m / 1_000_000_000
        let fraction = m &- whole &* 1_000_000_000
        writeShort(whole)
        let first = fraction / 100_000_000
        let rest = ByteCursor.eightDigits(fraction &- first &* 100_000_000)
        position[0] = UInt8(ascii: ".")
        position[1] = UInt8(truncatingIfNeeded: 48 &+ first)
        UnsafeMutableRawPointer(position + 2).storeBytes(of: rest | 0x3030_3030_3030_3030, as: UInt64.self)
        // The trailing zeros of the fraction are the high bytes that are 0
        // (all eight when only the first decimal is kept, `2.5`, `14.0`).
        position += 10 &- rest.leadingZeroBitCount &>> 3
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

    /// ``writeJSONString(_:)`` of the string at `s`, read where it is, without
    /// counting a reference to its storage; `s` must stay valid and unchanged
    /// during the call.
    ///
    /// For strings read in place on several cores at once (a file path shared by
    /// every task that names it): ``writeJSONString(borrowing:)`` takes its
    /// bytes in a closure around the writes, which may change memory, so the
    /// string is retained first, and its count bounces between the cores. A
    /// string of more than 15 bytes is never small, so its bytes are in its
    /// storage: their address is taken before anything is written. A small
    /// string holds its bytes in the value, which is copied without a count.
    @inline(__always)
    public mutating func writeJSONString(at s: UnsafePointer<String>) {
        if s.pointee.utf8.count > 15, let bytes = s.pointee.utf8.withContiguousStorageIfAvailable({ $0 }) {
            writeJSONString(utf8: bytes)
        } else {
            writeJSONString(borrowing: s.pointee)
        }
    }

    /// See ``ByteWriter/writeJSONString(_:)``; at most ``jsonStringBound(_:)`` bytes.
    ///
    /// Text that needs no escape (most of it) is checked and copied eight
    /// bytes at a time, in one pass; the last few bytes of a string as one
    /// word that ends where the string ends, and a string of four to seven
    /// bytes (a task ID) as two overlapping halves checked as one word. Only
    /// a word with a byte to escape is written a byte at a time.
    public mutating func writeJSONString(utf8: UnsafeBufferPointer<UInt8>) {
        write(byte: UInt8(ascii: "\""))
        let n = utf8.count
        if let base = utf8.baseAddress {
            let from = UnsafeRawPointer(base)
            var i = 0
            while i &+ 8 <= n {
                writeWord(from, at: i)
                i &+= 8
            }
            let left = n &- i
            if left > 0 {
                if n >= 8 {
                    // The string's last eight bytes, of which the first
                    // 8 - left were written already. When none of the eight
                    // needs an escape, those were written as themselves, so
                    // rewriting them from one word changes nothing.
                    let word = from.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
                    if !ByteCursor.anyJSONEscape(word) {
                        UnsafeMutableRawPointer(position - (8 &- left)).storeBytes(of: word, as: UInt64.self)
                        position += left
                    } else {
                        writeEscaping(base + i, count: left)
                    }
                } else if n >= 4 {
                    let head = from.loadUnaligned(as: UInt32.self)
                    let tail = from.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
                    if !ByteCursor.anyJSONEscape(UInt64(head) | UInt64(tail) &<< 32) {
                        let to = UnsafeMutableRawPointer(position)
                        to.storeBytes(of: head, as: UInt32.self)
                        to.storeBytes(of: tail, toByteOffset: n &- 4, as: UInt32.self)
                        position += n
                    } else {
                        writeEscaping(base, count: n)
                    }
                } else {
                    writeEscaping(base, count: n)
                }
            }
        }
        write(byte: UInt8(ascii: "\""))
    }

    /// The eight bytes at `i`, as one word when none needs an escape.
    @inline(__always)
    private mutating func writeWord(_ from: UnsafeRawPointer, at i: Int) {
        let word = from.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if _fastPath(!ByteCursor.anyJSONEscape(word)) {
            UnsafeMutableRawPointer(position).storeBytes(of: word, as: UInt64.self)
            position += 8
        } else {
            writeEscaping(from.assumingMemoryBound(to: UInt8.self) + i, count: 8)
        }
    }

    /// `count` bytes a byte at a time, escaping those ``jsonEscapeClass`` marks.
    private mutating func writeEscaping(_ bytes: UnsafePointer<UInt8>, count: Int) {
        ByteCursor.jsonEscapeClass.withUnsafeBufferPointer { table in
            for k in 0..<count {
                let b = bytes[k]
                if table[Int(b)] != 0 { writeJSONEscape(b) } else { write(byte: b) }
            }
        }
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
