/// Maps byte strings (task IDs, file paths) to dense `Int32` keys, in order of
/// first insertion, without creating a `String` or hashing through `Hasher`.
///
/// An open-addressing table (linear probing, power-of-two capacity, load ≤ ½)
/// of entry indices; each entry keeps its hash and a copy of its bytes in one
/// shared arena, so keys can come from the document or from a joined task text.
///
///     slots:  [ -1 | 0 | -1 | 2 | 1 | -1 | … ]     entry index or empty
///     entry 0: hash, arena[0..<4]   "T001"
///     entry 1: hash, arena[4..<8]   "T002"
struct ByteInterner {
    /// Per slot: the hash's high 32 bits and the entry index + 1 (0 = empty), so
    /// a probe touches one cache line before the arena compare.
    private var slots: [UInt64]
    private var mask: Int
    private var hashes: [UInt64] = []
    private var starts: [Int32] = []
    private(set) var arena: [UInt8] = []

    /// The number of distinct keys.
    var count: Int { hashes.count }

    /// `expectedBytes` reserves the key arena: a large reservation that is
    /// never reached costs address space only, regrowing costs copies and page faults.
    init(expectedCount: Int = 16, expectedBytes: Int = 0) {
        arena.reserveCapacity(expectedBytes)
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        hashes.reserveCapacity(expectedCount)
        starts.reserveCapacity(expectedCount + 1)
        starts.append(0)
    }

    /// The slot hash of a key: the low 32 bits place it, the high 32 bits are
    /// the tag compared before the bytes.
    ///
    /// Task IDs and file paths are mostly numbered (`T000123`, `config/lint12.toml`)
    /// and arrive in number order, while the table is far larger than the cache.
    /// So the last run of digits is split: its value's low 3 bits pick the slot
    /// within an aligned group of 8 (one 64-byte line), and everything else (the
    /// other bytes and the value's high bits) hashes the group. Numbers 8k…8k+7
    /// of one name share a cache line, which turns most first probes of a
    /// numbered run into cache hits, while groups still scatter like a plain
    /// hash (clusters stay short; no run of IDs can pile up). Keys without
    /// digits, or with a longer digit run than fits, hash all their bytes with `mix`.
    @inline(__always) static func hash(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> UInt64 {
        var q = hi
        while q > lo, !b[q - 1].isDigit { q -= 1 }
        // The run's value is read in the same backward pass that finds its
        // start (wrapping past 19 digits, where it is not used).
        var p = q
        var d: UInt64 = 0
        var place: UInt64 = 1
        while p > lo, b[p - 1].isDigit {
            d = d &+ UInt64(b[p - 1] &- 0x30) &* place
            place = place &* 10
            p -= 1
        }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        guard p < q, q - p <= 18 else {
            mix(b, lo, hi, into: &h)
            return finalize(h)
        }
        mix(b, lo, p, into: &h)
        // The digit run's length keeps `T01` and `T1` apart in the tag.
        h = (h ^ UInt64(q - p)) &* 0x100_0000_01b3
        mix(b, q, hi, into: &h)
        let group = finalize(h ^ ((d >> 3) &* 0x9E37_79B9_7F4A_7C15))
        let tag = finalize(group ^ (d &* 0xD6E8_FEB8_6659_FD93))
        return (tag & 0xFFFF_FFFF_0000_0000) | (group & 0xFFFF_FFF8) | (d & 7)
    }

    /// Mixes `b[lo..<hi]` and its length into `h` (nothing when empty), eight
    /// bytes per step: file paths are 20 to 40 bytes, and a byte-at-a-time FNV
    /// spent most of their interning there. The last word of a key of 8 bytes
    /// or more is its last eight bytes, overlapping the one before; `finalize`
    /// spreads the bits.
    @inline(__always) static func mix(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, into h: inout UInt64) {
        let n = hi - lo
        guard n > 0, let base = b.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        if n < 8 {
            // A leading 1 bit marks the length (`T` and `\0T` differ).
            var w: UInt64 = 1
            for k in lo..<hi { w = w << 8 | UInt64(b[k]) }
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 32
            return
        }
        h = (h ^ UInt64(truncatingIfNeeded: n)) &* 0x9E37_79B9_7F4A_7C15
        var k = lo
        while k + 8 < hi {
            h = (h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 32
            k += 8
        }
        h = (h ^ raw.loadUnaligned(fromByteOffset: hi - 8, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
    }

    /// A multiply-xorshift finalizer so that the low bits (the slot index)
    /// depend on every input bit.
    @inline(__always) static func finalize(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 29
        h = h &* 0xbf58_476d_1ce4_e5b9
        return h ^ (h >> 32)
    }

    /// The key of `b[lo..<hi]`, inserting it when new.
    /// - Complexity: O(hi - lo) expected.
    @inline(__always)
    mutating func intern(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> (key: Int32, inserted: Bool) {
        intern(b, lo, hi, hash: Self.hash(b, lo, hi))
    }

    /// The key of `b[lo..<hi]`, inserting it when new, given its hash.
    /// - Precondition: `h == ByteInterner.hash(b, lo, hi)` (the file tables
    ///   hash paths in the parallel text jobs, where the bytes are in cache).
    /// - Complexity: O(hi - lo) expected.
    @inline(__always)
    mutating func intern(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, hash h: UInt64) -> (key: Int32, inserted: Bool) {
        let tag = h & 0xFFFF_FFFF_0000_0000
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[s]
            if slot == 0 { break }
            let e = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
            if slot & 0xFFFF_FFFF_0000_0000 == tag, equals(e, b, lo, hi) { return (Int32(e), false) }
            s = (s + 1) & mask
        }
        let key = Int32(hashes.count)
        hashes.append(h)
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: b[lo..<hi]))
        starts.append(Int32(arena.count))
        slots[s] = tag | UInt64(key + 1)
        if hashes.count * 2 > slots.count { grow() }
        return (key, true)
    }

    /// The key of `b[lo..<hi]`, or nil when it was never interned.
    func find(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int32? {
        let h = Self.hash(b, lo, hi)
        let tag = h & 0xFFFF_FFFF_0000_0000
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[s]
            if slot == 0 { return nil }
            let e = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
            if slot & 0xFFFF_FFFF_0000_0000 == tag, equals(e, b, lo, hi) { return Int32(e) }
            s = (s + 1) & mask
        }
    }

    /// The key of a String's UTF-8 bytes, or nil.
    func find(_ string: String) -> Int32? {
        var s = string
        return s.withUTF8 { find($0, 0, $0.count) }
    }

    /// The key of a String's UTF-8 bytes, inserting it when new.
    mutating func intern(_ string: String) -> (key: Int32, inserted: Bool) {
        var s = string
        return s.withUTF8 { intern($0, 0, $0.count) }
    }

    /// Where the bytes of `key` lie in ``arena``.
    func span(_ key: Int32) -> (lo: Int, hi: Int) {
        (Int(starts[Int(key)]), Int(starts[Int(key) + 1]))
    }

    /// The bytes of `key` as a String.
    func string(_ key: Int32) -> String {
        let lo = Int(starts[Int(key)])
        let hi = Int(starts[Int(key) + 1])
        return arena.withUnsafeBufferPointer { $0.string(lo, hi) }
    }

    @inline(__always) private func equals(_ e: Int, _ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        let s = Int(starts[e])
        let n = Int(starts[e + 1]) - s
        guard n == hi - lo else { return false }
        guard n > 0 else { return true }
        // Eight bytes per compare (paths are long); the last word may overlap.
        return arena.withUnsafeBufferPointer { a in
            if n < 8 {
                for k in 0..<n where a[s + k] != b[lo + k] { return false }
                return true
            }
            let x = UnsafeRawPointer(a.baseAddress! + s)
            let y = UnsafeRawPointer(b.baseAddress! + lo)
            var k = 0
            while k + 8 < n {
                if x.loadUnaligned(fromByteOffset: k, as: UInt64.self) != y.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
                    return false
                }
                k += 8
            }
            return x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        var newSlots = [UInt64](repeating: 0, count: capacity)
        let newMask = capacity - 1
        for e in hashes.indices {
            var s = Int(truncatingIfNeeded: hashes[e]) & newMask
            while newSlots[s] != 0 { s = (s + 1) & newMask }
            newSlots[s] = hashes[e] & 0xFFFF_FFFF_0000_0000 | UInt64(e + 1)
        }
        slots = newSlots
        mask = newMask
    }
}
