import Testing

@testable import SpecKitTasks

/// Keys of every shape the parser interns: numbered task IDs, worded IDs,
/// paths with and without digits, keys shorter and longer than one 8-byte word,
/// keys that differ only in their last byte, in one byte of a middle word, or
/// in the length of a digit run.
private func sampleKeys() -> [String] {
    var keys: [String] = []
    for i in 0..<3000 { keys.append("T" + String(repeating: "0", count: 6 - String(i).count) + String(i)) }
    for i in 0..<500 { keys.append("T\(i)") }
    for i in 0..<200 { keys.append("src/app\(i)/models/user\(i % 7).py") }
    for i in 0..<200 { keys.append("tests/contract/courses/test_customer\(i).py") }
    let words = ["models", "services", "api", "schemas", "ui", "docs", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi"]
    for a in words {
        for b in words { keys.append("\(a)/\(b).md") }
    }
    for n in 1...40 { keys.append(String(repeating: "x", count: n)) }
    for n in 1...40 { keys.append(String(repeating: "x", count: n - 1) + "y") }
    keys += ["", "T", "T-HF02", "T007a", "T231.1", "任务 1.1", "Task 3", "TASK-001", "T01", "T1", "T001", "a1b", "a01b"]
    keys += ["src/courses/models/customer.py", "src/courses/models/customer.pz", "src/courses/modelz/customer.py"]
    keys += [String(repeating: "9", count: 30), "T" + String(repeating: "1", count: 19), "T" + String(repeating: "1", count: 18)]
    return keys
}

@Test func internerNumbersKeysInOrderOfFirstInsertion() {
    let keys = sampleKeys()
    var table = ByteInterner(expectedCount: 4)
    var expected: [String: Int32] = [:]
    var order: [String] = []
    // Every key twice, the second round in reverse: the second sight of a key finds it.
    for key in keys + keys.reversed() {
        let (found, inserted) = table.intern(key)
        if let known = expected[key] {
            #expect(!inserted, "\(key) was inserted twice")
            #expect(found == known, "\(key) changed its key")
        } else {
            #expect(inserted, "\(key) was not new")
            #expect(found == Int32(order.count), "\(key) got key \(found), not \(order.count)")
            expected[key] = found
            order.append(key)
        }
    }
    #expect(table.count == order.count)
    for (k, key) in order.enumerated() {
        #expect(table.string(Int32(k)) == key)
        #expect(table.find(key) == Int32(k))
    }
}

@Test func internerFindsNothingItWasNotGiven() {
    var table = ByteInterner(expectedCount: 16)
    let keys = sampleKeys()
    for key in keys where key.count % 2 == 0 { _ = table.intern(key) }
    for key in keys {
        #expect((table.find(key) != nil) == (key.count % 2 == 0), "\(key)")
    }
    // Near misses of the keys held (no key held has a U+0001): one byte more,
    // the last or the first byte changed.
    for key in keys where key.count % 2 == 0 && !key.isEmpty {
        for miss in [key + "\u{1}", String(key.dropLast()) + "\u{1}", "\u{1}" + key.dropFirst()] {
            #expect(table.find(miss) == nil, "\(miss) found")
        }
    }
}

@Test func internerReadsKeysInsideALargerBuffer() {
    // The same bytes at different offsets of a document are the same key
    // (the word loads read up to the key's end, never past it).
    let text = Array("- [ ] T000123 in src/app12/models/user.py\n- [ ] T000123 in src/app12/models/user.py".utf8)
    var table = ByteInterner()
    text.withUnsafeBufferPointer { b in
        let first = table.intern(b, 6, 13)
        let path = table.intern(b, 17, 41)
        let again = table.intern(b, 48, 55)
        let pathAgain = table.intern(b, 59, 83)
        #expect(first.inserted && path.inserted)
        #expect(!again.inserted && again.key == first.key)
        #expect(!pathAgain.inserted && pathAgain.key == path.key)
    }
    #expect(table.string(0) == "T000123")
    #expect(table.string(1) == "src/app12/models/user.py")
}

/// The slot hash reads the value of a key's last digit run: its low three
/// bits pick the slot in a group of eight, the rest picks the group. A wrong
/// value (digits read in the wrong order, a carry lost) breaks this.
@Test func internerHashPlacesNumberedKeysByTheirLastNumber() {
    func hash(_ key: String) -> UInt64 {
        let bytes = Array(("xx" + key + "yy").utf8)
        return bytes.withUnsafeBufferPointer { ByteInterner.hash($0, 2, 2 + key.utf8.count) }
    }
    // Numbers written with as many digits (the run's length is hashed too).
    func padded(_ value: UInt64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let values: [UInt64] = [0, 7, 8, 13, 123, 4095, 987_654_321, 123_456_789_012_345_678, 999_999_999_999_999_999]
    for value in values {
        let width = max(6, String(value).count)
        for (prefix, suffix) in [("T", ""), ("T-HF", "a"), ("src/app12/models/user", ".py"), ("", "")] {
            let key = prefix + padded(value, width) + suffix
            let h = hash(key)
            #expect(h & 7 == value & 7, "\(key)")
            // The other seven numbers of its group of eight share its group.
            let first = value & ~7
            for other in first..<(first + 8) {
                let o = hash(prefix + padded(other, width) + suffix)
                #expect(o & 0xFFFF_FFF8 == h & 0xFFFF_FFF8, "\(key) and \(other)")
                #expect(o & 7 == other & 7)
            }
        }
    }
    // Zero-padded numbers keep their value; the run's length keeps them apart in the tag.
    #expect(hash("T000123") != hash("T123"))
}

/// The word-at-a-time digit run gives the byte-at-a-time hash for keys of
/// every length at every offset of a buffer (so with and without a word
/// readable before the key), digit runs of 0 to 25 bytes at the end, in the
/// middle or filling the key, and bytes that are digits only in their low
/// seven bits (`0xB0`…`0xB9`) or look like digits' neighbours (`/`, `:`).
@Test func internerHashReadsDigitRunsAsTheByteLoopDid() {
    var state: UInt64 = 12345
    func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
    let alphabet = Array("0123456789/:Ta._".utf8) + [0xB0, 0xB5, 0xB9, 0xC3, 0xA9, 0x00, 0x39, 0x30]
    var mismatches = 0
    for _ in 0..<20000 {
        var key: [UInt8] = []
        let shape = next(4)
        let length = next(30)
        for _ in 0..<length { key.append(alphabet[next(alphabet.count)]) }
        // Most keys end in or hold a long run of digits.
        if shape > 0 {
            let run = (0..<next(26)).map { _ in UInt8(0x30 + next(10)) }
            key += run
            if shape == 2 { key += Array(".py".utf8) }
        }
        let before = next(12)
        let after = next(12)
        let buffer = [UInt8](repeating: 0x37, count: before) + key + [UInt8](repeating: 0x38, count: after)
        buffer.withUnsafeBufferPointer { b in
            let (lo, hi) = (before, before + key.count)
            if ByteInterner.hash(b, lo, hi) != ByteInterner.hash(b, lo, hi, wordReads: false) { mismatches += 1 }
        }
    }
    #expect(mismatches == 0)
}
