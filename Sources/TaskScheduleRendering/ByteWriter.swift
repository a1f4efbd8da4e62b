/// An append-only UTF-8 byte buffer with the escapes each output format needs.
///
/// Renderers write bytes, not `String`s, so a million-task plan is written with
/// a handful of allocations.
public struct ByteWriter {
    public private(set) var bytes: [UInt8] = []
    private var threshold = Int.max
    private var sink: (([UInt8]) -> Void)?

    public init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    /// A writer that hands its bytes to `sink` whenever more than `threshold`
    /// have collected at a ``checkpoint()``, so a huge output never sits in
    /// memory whole. Call ``flush()`` at the end.
    public init(flushingAt threshold: Int, to sink: @escaping ([UInt8]) -> Void) {
        self.threshold = threshold
        self.sink = sink
        bytes.reserveCapacity(threshold + (threshold >> 2))
    }

    /// Hands the collected bytes to the sink if there are enough of them.
    @inline(__always) public mutating func checkpoint() {
        if bytes.count > threshold { flush() }
    }

    /// Hands every collected byte to the sink (no-op without a sink).
    public mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    public mutating func write(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func write(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func write(byte: UInt8) { bytes.append(byte) }

    public mutating func write(bytes more: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: more) }

    public mutating func write(_ n: Int) {
        if n < 0 {
            bytes.append(UInt8(ascii: "-"))
            writeUnsigned(UInt64(n.magnitude))
        } else {
            writeUnsigned(UInt64(n))
        }
    }

    public mutating func write(_ n: Int32) { write(Int(n)) }

    private mutating func writeUnsigned(_ n: UInt64) {
        if n < 10 {
            bytes.append(UInt8(48 + n))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = n
        withUnsafeMutableBytes(of: &digits) { buf in
            while v > 0 {
                buf[count] = UInt8(48 + v % 10)
                v /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buf[i]) }
        }
    }

    /// A number as JSON and humans like it: always with a fraction (`14.0`,
    /// `2.5`), at most nine decimals (floating-point noise such as
    /// `0.8333333333333339` is written `0.833333333`), no exponent for ordinary values.
    public mutating func write(_ x: Double) {
        if x.isNaN || x.isInfinite {
            write("null" as StaticString)
            return
        }
        let scaled = (x * 1e9).rounded()
        guard abs(scaled) < 9e15 else {
            write(x.description)
            return
        }
        let m = UInt64(abs(scaled))
        if scaled < 0 && m != 0 { bytes.append(UInt8(ascii: "-")) }
        writeUnsigned(m / 1_000_000_000)
        bytes.append(UInt8(ascii: "."))
        var frac = m % 1_000_000_000
        if frac == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var width = 9
        while frac % 10 == 0 {
            frac /= 10
            width -= 1
        }
        var divisor: UInt64 = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(48 + (frac / divisor) % 10))
            divisor /= 10
        }
    }

    /// A JSON string literal with quotes; control characters, `"`, `\` escaped,
    /// and `<`, `>`, `&` escaped too so that JSON embedded in HTML stays inert.
    public mutating func writeJSONString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                let escape: StaticString?
                switch b {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case 0..<0x20, 0x7F: escape = nil
                default: continue
                }
                if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                start = i + 1
                if let escape {
                    write(escape)
                } else {
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    write("\\u00" as StaticString)
                    bytes.append(hex[Int(b >> 4)])
                    bytes.append(hex[Int(b & 15)])
                }
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(UInt8(ascii: "\""))
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
            case 0x09, 0x0A: bytes.append(b)
            case 0..<0x20, 0x7F: continue
            default: bytes.append(b)
            }
        }
    }
}

extension String {
    /// The bytes a ``ByteWriter`` collected, as text.
    public init(_ writer: ByteWriter) {
        self = String(decoding: writer.bytes, as: UTF8.self)
    }
}
