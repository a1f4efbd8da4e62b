import TaskScheduleRendering
import Testing

/// The number and string writers of ``ByteWriter`` against plain statements of
/// their formats: the writers take shortcuts, the bytes must not change.
@Suite struct ByteWriterShortcutTests {
    /// The JSON number format written the slow way: rounded to nine decimals,
    /// trailing zeros of the fraction dropped (one kept), `null` for NaN and
    /// infinities, Swift's own text from 9e6 on.
    static func expected(_ x: Double) -> String {
        if x.isNaN || x.isInfinite { return "null" }
        let scaled = (x * 1e9).rounded()
        guard abs(scaled) < 9e15 else { return String(decoding: Array(x.description.utf8.prefix(32)), as: UTF8.self) }
        let m = UInt64(abs(scaled))
        var fraction = String(m % 1_000_000_000)
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
        return (scaled < 0 && m != 0 ? "-" : "") + String(m / 1_000_000_000) + "." + fraction
    }

    static func written(_ x: Double) -> String {
        var w = ByteWriter(capacity: 16)
        w.write(x)
        return String(w)
    }

    static let edgeValues: [Double] = [
        0, -0.0, 1, -1, 2.5, 14, 0.1, 0.25, 1.0 / 3, 2.0 / 3, 5.0 / 6, 0.8333333333333339, 1.0 / 60, 7.0 / 60,
        1e-9, -1e-9, 4e-10, -4e-10, 5e-10, -5e-10, 6e-10, -6e-10, 1.5e-9, 2.5e-9, 0.0000000015, 0.9999999995,
        0.99999999949, 9.9999999995, 1_000_000, 8_999_999.999999999, 8_999_999.9999999995, 9_000_000, -9_000_000,
        10_000_000, 1e15, 1e300, -1e300, 123_456.789, 312_192.583333333, 27_319.75,
        .leastNonzeroMagnitude, .greatestFiniteMagnitude, .nan, .infinity, -.infinity, Double.ulpOfOne,
    ]

    @Test(arguments: edgeValues)
    func edgeCases(_ x: Double) {
        #expect(Self.written(x) == Self.expected(x))
    }

    /// Hours as plans produce them (quarters, minutes, thirds, their sums), and
    /// arbitrary doubles of every magnitude, from a fixed seed.
    @Test func manyValues() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
        var mismatches: [Double] = []
        for i in 0..<60_000 {
            let r = next()
            let x: Double
            switch i % 6 {
            case 0: x = Double(r % 100_000) / 4
            case 1: x = Double(r % 1_000_000) / 60
            case 2: x = Double(r % 300_000) / 3 + Double(r >> 40 % 7) / 6
            case 3: x = Double(bitPattern: r)
            case 4: x = Double(r % 1_000_000_000_000) * 1e-9 * (r & 1 == 0 ? 1 : -1)
            default: x = Double(r >> 11) / Double(1 << 53) * pow10(Int(r % 20) - 12)
            }
            if Self.written(x) != Self.expected(x) { mismatches.append(x) }
        }
        #expect(mismatches.isEmpty)
    }

    func pow10(_ k: Int) -> Double {
        var p = 1.0
        for _ in 0..<abs(k) { p *= 10 }
        return k < 0 ? 1 / p : p
    }

    static let integerValues: [Int] = [
        0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12_345, 99_999, 100_000, 1_234_567, 4_294_967_295,
        999_999_999_999_999_999, 1_000_000_000_000_000_000, Int.max, -1, -10, -99, -100, -123_456, Int.min,
    ]

    @Test(arguments: integerValues)
    func integers(_ n: Int) {
        var w = ByteWriter(capacity: 16)
        w.write(n)
        #expect(String(w) == String(n))
    }

    /// Every whole number and quarter the quarter shortcut takes (|x| < 8e6),
    /// sampled densely at the bottom and around each power of ten and the
    /// shortcut's limit, with eighths and thirds beside them (which take the
    /// general path), against the slow statement of the format.
    @Test func quartersAndTheirNeighboursMatchTheGeneralFormat() {
        var quarters: [Int64] = Array(-40_000...40_000)
        var p: Int64 = 10
        while p <= 1_000_000_000 {
            for d in -3...3 { quarters += [p + Int64(d), -p + Int64(d), 4 * p + Int64(d)] }
            p *= 10
        }
        for d in -5...5 { quarters += [32_000_000 + Int64(d), -32_000_000 + Int64(d), 36_000_000 + Int64(d)] }
        var mismatches: [Double] = []
        for k in quarters {
            for x in [Double(k) / 4, Double(k) / 8, Double(k) / 3, Double(k) / 4 + 1e-9, Double(k) / 4 - 4e-10] {
                if Self.written(x) != Self.expected(x) { mismatches.append(x) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// Sums that floating point does not make exact, next to the quarters they approach.
    static let nearQuarters: [Double] = [
        0.1 + 0.2, 0.25 + 1e-17, 0.75 - 1e-16, 2.5.nextUp, 2.5.nextDown, -0.25.nextUp, 1.0.nextDown, 7_999_999.75,
        7_999_999.75.nextUp, 8_000_000, 8_000_000.25, 3.3 * 3, 1.1 + 2.2, 0.000000001 * 3, 1e-300, -1e-300,
    ]

    @Test(arguments: nearQuarters)
    func sumsNearQuartersMatchTheGeneralFormat(_ x: Double) {
        #expect(Self.written(x) == Self.expected(x))
    }

    /// Numbers are stored a word at a time: what follows them in the same
    /// reservation is still exactly what was written next.
    @Test func numbersWrittenInARowKeepTheirNeighbours() {
        let values: [Double] = [0, 1, 2.5, 0.75, 22_345.75, 1.0 / 3, -4.125, 8_999_999.5, 12.000000001]
        var w = ByteWriter(capacity: 16)
        var expected = ""
        for (i, x) in values.enumerated() {
            w.withCursor(bound: ByteCursor.doubleBound + 21 + 1) { c in
                c.write(x)
                c.write(byte: UInt8(ascii: ","))
                c.write(i * 1_000_003)
            }
            expected += Self.expected(x) + "," + String(i * 1_000_003)
        }
        #expect(String(w) == expected)
    }

    /// Integers below 10^8 take the word shortcut: all of them up to 10^5,
    /// and every power of ten and its neighbours, both signs.
    @Test func shortIntegersMatchTheirDescription() {
        var values = Array(0..<100_000)
        var p = 10
        while p <= 1_000_000_000_000 {
            for d in -2...2 { values.append(p + d) }
            p *= 10
        }
        values += values.map { -$0 }
        var mismatches: [Int] = []
        for n in values {
            var w = ByteWriter(capacity: 16)
            w.write(n)
            if String(w) != String(n) { mismatches.append(n) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// Byte runs of every length up to 40 are copied whole, through the
    /// writer and through a cursor, and nothing after them changes.
    @Test func byteRunsOfEveryLengthAreCopiedExactly() {
        let source = (0..<40).map { UInt8(truncatingIfNeeded: 0x41 + $0 * 7) }
        for n in 0...40 {
            let run = Array(source.prefix(n))
            var w = ByteWriter(capacity: 16)
            run.withUnsafeBufferPointer { w.write(bytes: $0) }
            w.write(byte: 0x7C)
            var c = ByteWriter(capacity: 16)
            c.withCursor(bound: n + 1) { cursor in
                run.withUnsafeBufferPointer { cursor.write(bytes: $0) }
                cursor.write(byte: 0x7C)
            }
            #expect(w.bytes == run + [0x7C], "length \(n)")
            #expect(c.bytes == run + [0x7C], "length \(n)")
        }
    }

    static let strings: [String] = [
        "", "T001", "a\"b\\c", "short é", "<tag> & \u{1}\u{7F}\t\n\r", String(repeating: "long text ", count: 40),
        "日本語のタスクの説明はここにあります", "\u{1F600} emoji after sixteen bytes",
    ]

    @Test(arguments: strings)
    func borrowedStringsAreEscapedAsCopies(_ s: String) {
        var copied = ByteWriter()
        copied.writeJSONString(s)
        var borrowed = ByteWriter()
        borrowed.withCursor(bound: ByteCursor.jsonStringBound(s.utf8.count)) { $0.writeJSONString(borrowing: s) }
        #expect(borrowed.bytes == copied.bytes)
    }

    /// Strings read in place through a pointer: around the small-string limit
    /// (15 bytes), short and long, with escapes and other scripts.
    static let inPlaceStrings: [String] = strings + [
        "fifteen bytes!!", "sixteen bytes!!!", "src/models/user.py", "é twelve b \"", String(repeating: "é", count: 8),
    ]

    @Test(arguments: inPlaceStrings)
    func stringsInPlaceAreEscapedAsCopies(_ s: String) {
        var copied = ByteWriter()
        copied.writeJSONString(s)
        // Inside an array, as a task's lists hold them.
        let held = [s, s + "-", String(s.reversed())]
        held.withUnsafeBufferPointer { strings in
            for i in strings.indices {
                var expected = ByteWriter()
                expected.writeJSONString(strings[i])
                var inPlace = ByteWriter()
                inPlace.withCursor(bound: ByteCursor.jsonStringBound(strings[i].utf8.count)) {
                    $0.writeJSONString(at: strings.baseAddress! + i)
                }
                #expect(inPlace.bytes == expected.bytes)
            }
        }
        #expect(copied.bytes == Self.escaped(Array(s.utf8)))
    }

    @Test func removeAllKeepsTheWriterUsable() {
        var w = ByteWriter(capacity: 16)
        w.jsonObject { $0.jsonMember("a", 1) }
        w.removeAll()
        #expect(w.count == 0)
        w.jsonArray { $0.jsonValue(2.5) }
        #expect(String(w) == "[2.5]")
    }

    /// JSON string escapes written one byte at a time, as the format states them.
    static func escaped(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for b in bytes {
            switch b {
            case 0x22: out += Array(#"\""#.utf8)
            case 0x5C: out += Array(#"\\"#.utf8)
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case 0x3C, 0x3E, 0x26, 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                out += Array(#"\u00"#.utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        return out + [0x22]
    }

    /// Runs of plain text of every length with bytes that need an escape (and
    /// their neighbours, which do not) at every offset of the eight-byte steps,
    /// often (one byte in four) and rarely (one in twenty: the string's last
    /// word then mostly needs none, while bytes before it did).
    @Test(arguments: [4, 20]) func jsonStringsMatchTheByteByByteEscapes(oneIn density: Int) {
        let special: [UInt8] = [0, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x3B, 0x3C,
                                0x3D, 0x3E, 0x3F, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xA0, 0xC3, 0xE2, 0xFF]
        var state: UInt64 = 12345
        var failures = 0
        for length in 0..<40 {
            for _ in 0..<120 {
                var bytes: [UInt8] = []
                for _ in 0..<length {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let r = Int(state >> 33)
                    bytes.append(r % density == 0 ? special[(r >> 2) % special.count] : UInt8(0x61 + (r >> 2) % 26))
                }
                var w = ByteWriter(capacity: 16)
                bytes.withUnsafeBufferPointer { w.writeJSONString(utf8: $0) }
                if w.bytes != Self.escaped(bytes) { failures += 1 }
            }
        }
        #expect(failures == 0)
        for b in UInt8.min...UInt8.max {
            let bytes = [UInt8](repeating: 0x61, count: 11) + [b] + [UInt8](repeating: 0x62, count: 9)
            var w = ByteWriter(capacity: 16)
            bytes.withUnsafeBufferPointer { w.writeJSONString(utf8: $0) }
            #expect(w.bytes == Self.escaped(bytes), "byte \(b)")
        }
    }
}
