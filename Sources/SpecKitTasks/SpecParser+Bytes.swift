#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte classes and small scanning helpers shared by the parser's passes.
///
/// The parser works on UTF-8 bytes: every class here is ASCII-only, so a
/// multi-byte scalar is never split by a test on one of its bytes.
extension UInt8 {
    @inline(__always) var isSpaceOrTab: Bool { self == 0x20 || self == 0x09 }
    @inline(__always) var isWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
    @inline(__always) var isDigit: Bool { self &- 0x30 < 10 }
    @inline(__always) var isUpper: Bool { self &- 0x41 < 26 }
    @inline(__always) var isLower: Bool { self &- 0x61 < 26 }
    @inline(__always) var isLetter: Bool { (self | 0x20) &- 0x61 < 26 }
    @inline(__always) var isAlnum: Bool { isLetter || isDigit }
    /// A byte that may continue an identifier-like word (`_` included).
    @inline(__always) var isWordByte: Bool { isAlnum || self == UInt8(ascii: "_") }
    @inline(__always) var lowercased: UInt8 { isUpper ? self | 0x20 : self }
}

/// A view of the bytes being parsed: the whole document or one task's joined text.
typealias Bytes = UnsafeBufferPointer<UInt8>

extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes in `range` as a String, invalid UTF-8 repaired.
    ///
    /// Up to 15 bytes (task IDs, labels, most heading words) the String is
    /// built in place as a small string: the standard library then checks the
    /// bytes are ASCII with one mask instead of validating and copying them
    /// again (non-ASCII bytes still go through the repairing decoder). Either
    /// way the String is the same.
    @inline(__always) func string(_ lo: Int, _ hi: Int) -> String {
        guard lo < hi else { return "" }
        let n = hi - lo
        if n <= 15, let base = baseAddress {
            return String(unsafeUninitializedCapacity: n) { buffer in
                buffer.baseAddress!.update(from: base + lo, count: n)
                return n
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: self[lo..<hi]), as: UTF8.self)
    }

    /// Whether the bytes at `i` spell `word` (ASCII, compared case-insensitively).
    @inline(__always) func matchesLowercase(_ word: StaticString, at i: Int, end: Int) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= end else { return false }
        let w = word.utf8Start
        for k in 0..<n where self[i + k].lowercased != w[k] { return false }
        return true
    }

    /// Where `words` (lowercase ASCII, words separated by single spaces) ends
    /// when it starts at `i`, compared case-insensitively, each space matching
    /// any run of spaces, tabs and line breaks; nil when it does not match.
    /// A trailing space in `words` must match at least one blank too.
    @inline(__always) func matchesLowercaseWords(_ words: StaticString, at i: Int, end: Int) -> Int? {
        let n = words.utf8CodeUnitCount
        let w = words.utf8Start
        var j = i
        var k = 0
        while k < n {
            if w[k] == 0x20 {
                guard j < end, self[j].isWhitespace else { return nil }
                while j < end, self[j].isWhitespace { j += 1 }
            } else {
                guard j < end, self[j].lowercased == w[k] else { return nil }
                j += 1
            }
            k += 1
        }
        return j
    }

    /// Where the emoji or pictographic symbol at `i` ends (`✅`, `🚧`, `⚠️`,
    /// with variation selectors and joiners), or nil when the scalar there is
    /// none: letters of any script, CJK included, are not emoji.
    func emojiEnd(at i: Int, end: Int) -> Int? {
        guard i < end, self[i] >= 0xC0 else { return nil }
        let lead = self[i]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard i + length <= end else { return nil }
        var scalar = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for k in 1..<length {
            guard self[i + k] & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(self[i + k] & 0x3F)
        }
        switch scalar {
        case 0x2190...0x2BFF, 0x1F000...0x1FAFF, 0xFE0F, 0x200D, 0x20E3, 0xE0020...0xE007F, 0x00A9, 0x00AE, 0x3030, 0x303D:
            return i + length
        default:
            return nil
        }
    }

    /// Whether the bytes at `i` are exactly `word` (case-sensitive).
    @inline(__always) func matches(_ word: StaticString, at i: Int, end: Int) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= end else { return false }
        let w = word.utf8Start
        for k in 0..<n where self[i + k] != w[k] { return false }
        return true
    }

    /// Whether `word` (lowercase ASCII) occurs anywhere in `lo..<hi`, compared case-insensitively.
    ///
    /// Replaces `String.contains` on a lowercased copy: no String, no allocation.
    /// - Complexity: O((hi - lo) · word length) in the worst case, O(hi - lo) typically.
    func containsLowercase(_ word: StaticString, _ lo: Int, _ hi: Int) -> Bool {
        let n = word.utf8CodeUnitCount
        guard n > 0, hi - lo >= n else { return false }
        let first = word.utf8Start[0]
        var i = lo
        let last = hi - n
        while i <= last {
            if self[i].lowercased == first, matchesLowercase(word, at: i, end: hi) { return true }
            i += 1
        }
        return false
    }

    /// The first offset in `lo..<hi` holding `byte`, or nil.
    ///
    /// `memchr` scans 16–32 bytes per step; the parser looks for a newline or a
    /// rare first byte (`<` of `<!--`) in every line, which is most of the document.
    @inline(__always) func firstIndex(of byte: UInt8, _ lo: Int, _ hi: Int) -> Int? {
        guard lo < hi, let base = baseAddress else { return nil }
        guard let found = memchr(base + lo, Int32(byte), hi - lo) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// The first offset in `lo..<hi` where `needle` starts, or nil.
    func find(_ needle: StaticString, _ lo: Int, _ hi: Int) -> Int? {
        let first = needle.utf8Start[0]
        var i = lo
        while let at = firstIndex(of: first, i, hi) {
            if matches(needle, at: at, end: hi) { return at }
            i = at + 1
        }
        return nil
    }

    @inline(__always) func skipSpaces(_ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end, self[i].isSpaceOrTab { i += 1 }
        return i
    }

    @inline(__always) func trimEnd(_ lo: Int, _ hi: Int) -> Int {
        var hi = hi
        while hi > lo, self[hi - 1].isWhitespace { hi -= 1 }
        return hi
    }

    /// Whether `i` starts a word: the byte before is not an ASCII letter, digit or `_`.
    @inline(__always) func isWordStart(_ i: Int, _ lo: Int) -> Bool {
        i == lo || !self[i - 1].isWordByte
    }

    /// Where the story name holding the `US` at `k` starts: at `k`, or at a
    /// prefix joined to it by a hyphen (`AUTH-US1`, `FE-US2`: a word of up to
    /// 12 capitals and digits, starting with a capital; not `Post-US2`), which is part of
    /// the name, so that `AUTH-US1` and `TASK-US1` are two stories.
    @inline(__always) func storyStart(at k: Int) -> Int {
        guard k >= 2, self[k - 1] == UInt8(ascii: "-") else { return k }
        var s = k - 1
        while s > 0, k - 1 - s < 12, self[s - 1].isUpper || self[s - 1].isDigit { s -= 1 }
        guard s < k - 1, self[s].isUpper, isWordStart(s, 0) else { return k }
        return s
    }

    /// The end of a number whose first digits end at `j`, with its dotted
    /// parts: past `.2` in `US3.2`, `User Story 3.2`, `TASK-0.2` and `1.2.3`
    /// (a `.` that no digit follows ends a sentence, not the number).
    @inline(__always) func dottedNumberEnd(_ j: Int, _ end: Int) -> Int {
        var j = j
        while j + 1 < end, self[j] == UInt8(ascii: "."), self[j + 1].isDigit {
            j += 1
            while j < end, self[j].isDigit { j += 1 }
        }
        return j
    }

    /// The end of a story's number whose first digits end at `j`: its dotted
    /// parts (`US3.2`), then one lowercase letter ending the word (`US1b`,
    /// `User Story 1a`; not `s`, a plural: `US1s`).
    @inline(__always) func storyNumberEnd(_ j: Int, _ end: Int) -> Int {
        let j = dottedNumberEnd(j, end)
        if j < end, self[j] >= UInt8(ascii: "a"), self[j] <= UInt8(ascii: "z"), self[j] != UInt8(ascii: "s"), isWordEnd(j + 1, end) {
            return j + 1
        }
        return j
    }

    /// Whether `i` ends a word: the byte at `i` is not an ASCII letter, digit or `_`.
    @inline(__always) func isWordEnd(_ i: Int, _ end: Int) -> Bool {
        i >= end || !self[i].isWordByte
    }
}

extension String {
    /// ASCII letters lowercased, everything else unchanged.
    func lowercasedASCII() -> String {
        String(decoding: utf8.map { $0.lowercased }, as: UTF8.self)
    }
}

extension StaticString {
    @inline(__always) var byteCount: Int { utf8CodeUnitCount }
}
