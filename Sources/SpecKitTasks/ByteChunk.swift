/// Eight bytes of a text read as one number, for scans that look at a few
/// kinds of byte only (word starts, lead bytes of other scripts): the
/// classes of all eight bytes come from a handful of word operations, and
/// only the bytes that matter are visited one by one
/// (`DependencyVocabulary.firstWordStart`, `wordBytesEnd`).
///
/// Each class is a mask with bit 7 of a byte set where that byte is of the
/// class; byte `i` of the chunk is the text's byte `k + i` (little-endian).
/// Bytes past the end of the text read as zero: ASCII, and of no other class.
struct ByteChunk {
    let bytes: UInt64

    static let high: UInt64 = 0x8080_8080_8080_8080
    static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The bytes `k..<min(k + 8, hi)` of `b`, zeros after `hi`.
    @inline(__always) init(_ b: Bytes, _ k: Int, _ hi: Int) {
        if hi - k >= 8, let base = b.baseAddress {
            bytes = UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
        } else {
            var v: UInt64 = 0
            var shift: UInt64 = 0
            var j = k
            while j < hi {
                v |= UInt64(b[j]) << shift
                shift += 8
                j += 1
            }
            bytes = v
        }
    }

    /// ASCII bytes (below 0x80).
    @inline(__always) var ascii: UInt64 { ~bytes & Self.high }

    /// ASCII letters (`UInt8.isLetter`).
    @inline(__always) var letters: UInt64 {
        // Per byte, folded to lowercase: bit 7 of `l + 0x1F` is set from `a` up, that of `l + 0x05` from `{` up.
        let l = bytes & Self.low7 | 0x2020_2020_2020_2020
        return (l &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(l &+ 0x0505_0505_0505_0505) & ascii
    }

    /// Word bytes (`UInt8.isWordByte`: ASCII letters, digits and `_`).
    @inline(__always) var wordBytes: UInt64 {
        let h = bytes & Self.low7
        let digits = (h &+ 0x5050_5050_5050_5050) & ~(h &+ 0x4646_4646_4646_4646)
        return letters | (digits | equalBits(UInt8(ascii: "_"))) & ascii
    }

    /// First bytes of a character of two bytes or more (0xC0 and up).
    @inline(__always) var leadBytes: UInt64 { bytes & bytes << 1 & Self.high }

    /// Bytes whose low seven bits equal `c`'s (bit 7 not looked at).
    @inline(__always) private func equalBits(_ c: UInt8) -> UInt64 {
        let x = (bytes & Self.low7) ^ (UInt64(c) &* Self.ones)
        return ~(x &+ Self.low7) & Self.high
    }

    /// The offset into the chunk (0..<8) of the first byte whose bit is set in `mask` (not 0).
    @inline(__always) static func firstOffset(_ mask: UInt64) -> Int { mask.trailingZeroBitCount >> 3 }

    /// Bit 7 of the lowest zero byte of `v`, and maybe of bytes above it; 0
    /// when no byte is zero. The lowest bit set is exact: a borrow can only
    /// mark a byte above a zero byte. Whether any of eight bytes is `c`:
    /// `zeroBytes(v ^ UInt64(c) &* ones) != 0`.
    @inline(__always) static func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & high }

    /// Bit 7 of exactly the bytes of `word` equal to `c`, no other bit (no
    /// carry runs between bytes).
    @inline(__always) static func equalBytes(_ word: UInt64, _ c: UInt8) -> UInt64 {
        let x = word ^ (UInt64(c) &* ones)
        let nonzero = ((x & low7) &+ low7) | x
        return ~nonzero & high
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The first offset from `k` on (up to `hi`) whose byte is no word byte
    /// (`UInt8.isWordByte`), eight bytes at a time while eight remain.
    @inline(__always) func wordBytesEnd(_ k: Int, _ hi: Int) -> Int {
        var k = k
        while hi - k >= 8 {
            let other = ~ByteChunk(self, k, hi).wordBytes & ByteChunk.high
            if other != 0 { return k + ByteChunk.firstOffset(other) }
            k += 8
        }
        while k < hi, self[k].isWordByte { k += 1 }
        return k
    }
}
