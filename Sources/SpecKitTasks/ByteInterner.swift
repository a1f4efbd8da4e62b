import CByteClasses

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps byte strings (task IDs, file paths) to dense `Int32` keys, in order of
/// first insertion, without creating a `String` or hashing through `Hasher`.
///
/// An open-addressing table (linear probing, power-of-two capacity, load ≤ ½)
/// of entry indices; each entry keeps a copy of its bytes in one shared
/// arena, so keys can come from the document or from a joined task text.
///
///     slots:  [ 0 | 1 | 0 | 3 | 2 | 0 | … ]     tag and entry index + 1, or empty
///     starts: [ 0, 4, 8, … ]                    entry e is arena[starts[e]..<starts[e + 1]]
///     arena:  "T001T002…"
///
/// The three tables are raw memory owned by one ``Storage`` object (copied
/// on write, like an array's buffer): an insertion checks that one object is
/// unique, where four arrays took a uniqueness check each, and copies a key
/// of up to eight bytes with one word store instead of a call to the
/// generic `Array.append(contentsOf:)` and `memcpy` (about 330 instructions a
/// task ID before). The slot hashes are not kept: the slots hold their tags,
/// and a rare regrowth hashes the keys' bytes again.
struct ByteInterner {
    /// The owner of the tables below; the struct keeps their addresses and
    /// sizes itself, so the hot path reads no class property (each would take
    /// a dynamic exclusivity check).
    private var storage: Storage
    /// Per slot: the hash's high 32 bits and the entry index + 1 (0 = empty), so
    /// a probe touches one cache line before the arena compare.
    private var slots: UnsafeMutablePointer<UInt64>
    private var mask: Int
    /// `count + 1` entry starts; room for `startsCapacity`.
    private var starts: UnsafeMutablePointer<Int32>
    private var startsCapacity: Int
    private var arena: UnsafeMutablePointer<UInt8>
    /// Bytes of `arena` in use; it has room for `arenaCapacity` plus
    /// `Self.slack` (a short key is copied as one eight-byte word).
    private var arenaCount = 0
    private var arenaCapacity: Int

    /// The number of distinct keys.
    private(set) var count = 0

    /// The distance from one probe to the next: the same place in the next
    /// group of eight slots, plus one. Numbered keys fill whole groups (see
    /// `hash`), so a key whose slot is taken would walk through the rest of
    /// a full group one slot at a time (13 probes on average where a task
    /// ID collided); odd, so the probes still visit every slot.
    static let probeStep = 9

    /// Bytes past `arenaCapacity`, so that a key of fewer than eight bytes is stored with one word.
    private static let slack = 8

    /// `expectedBytes` reserves the key arena: a large reservation that is
    /// never reached costs address space only (its pages are never touched),
    /// regrowing costs copies and page faults.
    init(expectedCount: Int = 16, expectedBytes: Int = 0) {
        let capacity = Self.slotCount(forKeys: expectedCount)
        mask = capacity - 1
        startsCapacity = max(expectedCount, 16) + 1
        arenaCapacity = max(expectedBytes, 64)
        let slots = Self.emptySlots(capacity)
        let starts = malloc(startsCapacity * MemoryLayout<Int32>.stride)!.assumingMemoryBound(to: Int32.self)
        let arena = malloc(arenaCapacity + Self.slack)!.assumingMemoryBound(to: UInt8.self)
        // Keys and their starts are written from front to back (8 MB of task
        // IDs and 4 MB of starts, 25 MB of paths, at a million tasks).
        HugePages.advise(UnsafeMutableRawPointer(arena), bytes: arenaCapacity)
        HugePages.advise(UnsafeMutableRawPointer(starts), bytes: startsCapacity * MemoryLayout<Int32>.stride)
        starts[0] = 0
        (self.slots, self.starts, self.arena) = (slots, starts, arena)
        storage = Storage(slots: slots, starts: starts, arena: arena)
    }

    /// The slots for `keys` keys: a power of two, at least twice as many, at least 16.
    static func slotCount(forKeys keys: Int) -> Int {
        var capacity = 16
        while capacity < keys * 2 { capacity <<= 1 }
        return capacity
    }

    /// `capacity` empty slots (freed with `deallocate`, not `free`).
    ///
    /// Written with zeros, not taken zeroed from `calloc`: the first probe of
    /// a fresh page reads it (the kernel maps its zero page) and the insertion
    /// then writes it, two page faults where the zeroing write takes one
    /// (8,192 more at a million task IDs). Not `malloc` either: the optimizer
    /// turns `malloc` and a zeroing write into `calloc`.
    static func emptySlots(_ capacity: Int) -> UnsafeMutablePointer<UInt64> {
        let slots = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        // Every slot page is written here, and probed at random afterwards.
        HugePages.advise(UnsafeMutableRawPointer(slots), bytes: capacity * MemoryLayout<UInt64>.stride)
        slots.initialize(repeating: 0, count: capacity)
        return slots
    }

    /// Frees the tables when the last copy of an interner goes.
    private final class Storage {
        var slots: UnsafeMutablePointer<UInt64>
        var starts: UnsafeMutablePointer<Int32>
        var arena: UnsafeMutablePointer<UInt8>

        init(slots: UnsafeMutablePointer<UInt64>, starts: UnsafeMutablePointer<Int32>, arena: UnsafeMutablePointer<UInt8>) {
            self.slots = slots
            self.starts = starts
            self.arena = arena
        }

        deinit {
            slots.deallocate()
            free(starts)
            free(arena)
        }
    }

    /// Makes the tables this copy's own before a write, when another copy shares them.
    @inline(__always) private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { copyTables() }
    }

    private mutating func copyTables() {
        let capacity = mask + 1
        let newSlots = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        newSlots.initialize(from: slots, count: capacity)
        let newStarts = malloc(startsCapacity * MemoryLayout<Int32>.stride)!.assumingMemoryBound(to: Int32.self)
        newStarts.update(from: starts, count: count + 1)
        let newArena = malloc(arenaCapacity + Self.slack)!.assumingMemoryBound(to: UInt8.self)
        newArena.update(from: arena, count: arenaCount)
        (slots, starts, arena) = (newSlots, newStarts, newArena)
        storage = Storage(slots: slots, starts: starts, arena: arena)
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
        hash(b, lo, hi, wordReads: true)
    }

    /// `hash`; `wordReads: false` reads the digit run a byte at a time (tests
    /// compare the two; `hash` passes the constant, so its copy has no test).
    @inline(__always) static func hash(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, wordReads: Bool) -> UInt64 {
        let (p, q, d) = lastDigitRun(b, lo, hi, wordReads: wordReads)
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

    /// `hash(b, lo, hi)` when `b[lo..<hi]` is `T` and three to eight ASCII
    /// digits (a numbered task ID, `T000123`), read with one or two loads
    /// inside the key and no byte loop; nil for any other key.
    @inline(__always) static func numberedIDHash(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> UInt64? {
        let digits = hi - lo - 1
        guard digits >= 3, digits <= 8, hi <= b.count, let base = b.baseAddress, b[lo] == UInt8(ascii: "T") else { return nil }
        let word = keyWord(UnsafeRawPointer(base + lo), count: digits + 1)
        // Its top `digits` bytes must all be digits.
        guard (~digitBits(word) & 0x8080_8080_8080_8080) >> UInt64(64 - 8 * digits) == 0 else { return nil }
        return numberedIDHash(digits: digits, value: decimalValue(word, digits: digits))
    }

    /// The eight bytes ending where a key of `count` bytes (4...9) at `p`
    /// ends, as one little-endian word, read only inside the key: the bytes
    /// below the key are zero (nine bytes lose their first).
    /// Keys may be a String's bytes, with nothing readable around them.
    @inline(__always) static func keyWord(_ p: UnsafeRawPointer, count n: Int) -> UInt64 {
        if n >= 8 { return UInt64(littleEndian: p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) }
        // The last four bytes on top; the first four below them, shifted so
        // that the bytes both loads hold (n < 8) land on themselves.
        let last = UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)))
        let first = UInt64(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
        return last << 32 | first << UInt64(8 * (8 - n))
    }

    /// `hash` of `T` followed by a run of `digits` ASCII digits (1...18)
    /// whose value is `value`: the steps of `hash` for such a key, with the
    /// `mix` of the `T` a constant.
    @inline(__always) static func numberedIDHash(digits: Int, value d: UInt64) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        // `mix` of the one byte before the digits (a leading 1 bit marks its length).
        h = (h ^ (1 << 8 | UInt64(UInt8(ascii: "T")))) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        h = (h ^ UInt64(truncatingIfNeeded: digits)) &* 0x100_0000_01b3
        let group = finalize(h ^ ((d >> 3) &* 0x9E37_79B9_7F4A_7C15))
        let tag = finalize(group ^ (d &* 0xD6E8_FEB8_6659_FD93))
        return (tag & 0xFFFF_FFFF_0000_0000) | (group & 0xFFFF_FFF8) | (d & 7)
    }

    /// The last run of ASCII digits in `b[lo..<hi]`: where it starts and ends
    /// (`p == q == lo` when there is none) and its value (wrapping past 19
    /// digits, where `hash` does not use it).
    ///
    /// Eight bytes at a time where a word ending at the position can be read
    /// (`ByteChunk`'s digit test): the last digit of a path lies behind its
    /// extension and file name, and the run of an ID's number is read with a
    /// few multiplications instead of one per digit. Bytes of `b` before `lo`
    /// may be loaded; they are masked off, never used. `wordReads: false`
    /// reads a byte at a time only (the loop below, which every key's
    /// remainder goes through).
    /// - Complexity: O(hi - lo).
    @inline(__always) static func lastDigitRun(
        _ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, wordReads: Bool
    ) -> (p: Int, q: Int, d: UInt64) {
        var q = hi
        if wordReads, let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while q - lo >= 8 {
                let digits = digitBits(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: q - 8, as: UInt64.self)))
                if digits != 0 {
                    // Just past the highest digit byte of the word.
                    q += (56 - digits.leadingZeroBitCount) / 8 - 7
                    break
                }
                q -= 8
            }
            // The run ends at `q`: when a word ending there can be read, its
            // top bytes that are digits are the run, up to eight of them.
            if q > lo, q >= 8 {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: q - 8, as: UInt64.self))
                let others = ~digitBits(word) & 0x8080_8080_8080_8080
                let run = min(others == 0 ? 8 : others.leadingZeroBitCount / 8, q - lo)
                if run > 0, run < 8 || q - 8 == lo || !b[q - 9].isDigit {
                    return (q - run, q, decimalValue(word, digits: run))
                }
            }
        }
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
        return (p, q, d)
    }

    /// Bit 7 of each byte of `w` that is an ASCII digit (`ByteChunk.wordBytes`' digit test).
    @inline(__always) static func digitBits(_ w: UInt64) -> UInt64 {
        let h = w & ByteChunk.low7
        return (h &+ 0x5050_5050_5050_5050) & ~(h &+ 0x4646_4646_4646_4646) & ~w & ByteChunk.high
    }

    /// The value of the top `digits` bytes of `w` (1...8, each an ASCII
    /// digit, the most significant lowest): the other bytes are cleared to
    /// leading zeros, then pairs, quads and halves are combined.
    @inline(__always) static func decimalValue(_ w: UInt64, digits: Int) -> UInt64 {
        var v = (w & 0x0F0F_0F0F_0F0F_0F0F) & (UInt64.max << UInt64(8 * (8 - digits)))
        v = (v &* 10 &+ (v >> 8)) & 0x00FF_00FF_00FF_00FF
        v = (v &* 100 &+ (v >> 16)) & 0x0000_FFFF_0000_FFFF
        return (v &* 10000 &+ (v >> 32)) & 0xFFFF_FFFF
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
            if hi >= 8 {
                // The word ending at `hi`, byte-swapped: `b[hi - 1]` lowest,
                // `b[lo]` the n-th byte; the bytes before `lo` cleared.
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: hi - 8, as: UInt64.self)).byteSwapped
                w = (word & ((1 << UInt64(8 * n)) - 1)) | (1 << UInt64(8 * n))
            } else {
                for k in lo..<hi { w = w << 8 | UInt64(b[k]) }
            }
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

    /// Probes `slots` (of `mask + 1`) for a key of hash `h`, in the order
    /// every table of this layout uses: the key of the first slot whose tag
    /// (the hash's high 32 bits) matches and whose key `holds` (its bytes
    /// are the ones looked up), else -1 and the empty slot where it goes.
    @inline(__always) static func probe(
        _ slots: UnsafeMutablePointer<UInt64>, mask: Int, hash h: UInt64, _ holds: (Int) -> Bool
    ) -> (key: Int, slot: Int) {
        let tag = h & 0xFFFF_FFFF_0000_0000
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[s]
            if slot == 0 { return (-1, s) }
            let e = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
            if slot & 0xFFFF_FFFF_0000_0000 == tag, holds(e) { return (e, s) }
            s = (s + probeStep) & mask
        }
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
        let (found, s) = Self.probe(slots, mask: mask, hash: h) { equals($0, b, lo, hi) }
        if found >= 0 { return (Int32(found), false) }
        let tag = h & 0xFFFF_FFFF_0000_0000
        makeUnique()
        let key = count
        let n = hi - lo
        if arenaCount + n > arenaCapacity || key + 2 > startsCapacity { reserve(bytes: n) }
        Self.copy(b, lo, hi, to: arena + arenaCount)
        arenaCount += n
        count = key + 1
        starts[key + 1] = Int32(truncatingIfNeeded: arenaCount)
        slots[s] = tag | UInt64(key + 1)
        if count * 2 > mask + 1 { grow() }
        return (Int32(truncatingIfNeeded: key), true)
    }

    /// Copies `b[lo..<hi]` to `to`, which has room for `hi - lo` bytes plus ``slack``.
    @inline(__always) private static func copy(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, to: UnsafeMutablePointer<UInt8>) {
        let n = hi - lo
        guard n > 0, let base = b.baseAddress else { return }
        let from = UnsafeRawPointer(base + lo)
        let raw = UnsafeMutableRawPointer(to)
        if n >= 8 {
            // Whole words, the last one overlapping the one before.
            var k = 0
            while k + 8 < n {
                raw.storeBytes(of: from.loadUnaligned(fromByteOffset: k, as: UInt64.self), toByteOffset: k, as: UInt64.self)
                k += 8
            }
            raw.storeBytes(of: from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
        } else if lo + 8 <= b.count {
            // One word: the bytes after the key land in the arena's slack,
            // where the next key overwrites them.
            raw.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else {
            for k in 0..<n { to[k] = from.load(fromByteOffset: k, as: UInt8.self) }
        }
    }

    /// Room for one more key of `n` bytes: the arena or the starts doubled
    /// (`realloc`, which moves a large block by remapping its pages).
    private mutating func reserve(bytes n: Int) {
        if arenaCount + n > arenaCapacity {
            arenaCapacity = max(arenaCapacity * 2, arenaCount + n)
            arena = realloc(arena, arenaCapacity + Self.slack)!.assumingMemoryBound(to: UInt8.self)
            storage.arena = arena
        }
        if count + 2 > startsCapacity {
            startsCapacity *= 2
            starts = realloc(starts, startsCapacity * MemoryLayout<Int32>.stride)!.assumingMemoryBound(to: Int32.self)
            storage.starts = starts
        }
    }

    /// The key of `b[lo..<hi]`, or nil when it was never interned.
    func find(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int32? {
        find(b, lo, hi, hash: Self.findHash(b, lo, hi))
    }

    /// The hash `find` looks `b[lo..<hi]` up by (`hash(b, lo, hi)`, read
    /// faster for a numbered task ID).
    @inline(__always) static func findHash(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> UInt64 {
        // References name numbered task IDs mostly (`T000123`).
        numberedIDHash(b, lo, hi) ?? hash(b, lo, hi)
    }

    /// Asks for the slots where a key of hash `h` is looked up first (a
    /// lookup a little later then finds them in cache).
    @inline(__always) func prefetch(hash h: UInt64) {
        let s = Int(truncatingIfNeeded: h) & mask
        cbyteclasses_prefetch(UnsafeRawPointer(slots + s))
    }

    /// Asks for the bytes of the key `find` would compare first for hash
    /// `h`: its start, and where its bytes lie if the keys before it are of
    /// its length (task IDs of one form are: the arena holds them in order).
    /// Reads the slot itself (`prefetch(hash:)` asked for it before).
    /// Returns that key (or -1 when the slot holds no key of this tag),
    /// so that the caller can ask for what it keeps per key.
    @inline(__always) @discardableResult func prefetchEntry(hash h: UInt64) -> Int {
        let slot = slots[Int(truncatingIfNeeded: h) & mask]
        guard slot != 0, slot & 0xFFFF_FFFF_0000_0000 == h & 0xFFFF_FFFF_0000_0000 else { return -1 }
        let e = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
        cbyteclasses_prefetch(UnsafeRawPointer(starts + e))
        if count > 0 { cbyteclasses_prefetch(UnsafeRawPointer(arena + arenaCount / count * e)) }
        return e
    }

    /// `find(b, lo, hi)`, given `h == ByteInterner.findHash(b, lo, hi)`.
    @inline(__always) func find(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, hash h: UInt64) -> Int32? {
        let found = Self.probe(slots, mask: mask, hash: h) { equals($0, b, lo, hi) }.key
        return found >= 0 ? Int32(found) : nil
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

    /// The bytes of `key` as a String.
    func string(_ key: Int32) -> String {
        let lo = Int(starts[Int(key)])
        let hi = Int(starts[Int(key) + 1])
        return withExtendedLifetime(storage) {
            UnsafeBufferPointer(start: arena, count: arenaCount).string(lo, hi)
        }
    }

    /// Whether entry `e` holds the bytes `b[lo..<hi]`. Called once the tags
    /// match (almost always a hit), so not inlined: an insertion, which
    /// rarely meets a matching tag, stays small enough to inline.
    @inline(never) private func equals(_ e: Int, _ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        let s = Int(starts[e])
        let n = Int(starts[e + 1]) - s
        guard n == hi - lo else { return false }
        guard n > 0 else { return true }
        return Self.sameBytes(UnsafeRawPointer(arena + s), UnsafeRawPointer(b.baseAddress! + lo), count: n)
    }

    /// Whether the `n` bytes at `x` and at `y` are the same, read only inside
    /// both (a key may be a String's bytes, which may end there): eight bytes
    /// per compare (paths are long), the last word overlapping the one before;
    /// four to seven bytes as the first four and the last four.
    @inline(__always) static func sameBytes(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer, count n: Int) -> Bool {
        if n < 8 {
            if n >= 4 {
                return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                    && x.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            }
            for k in 0..<n where x.load(fromByteOffset: k, as: UInt8.self) != y.load(fromByteOffset: k, as: UInt8.self) {
                return false
            }
            return true
        }
        var k = 0
        while k + 8 < n {
            if x.loadUnaligned(fromByteOffset: k, as: UInt64.self) != y.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
                return false
            }
            k += 8
        }
        return x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }

    /// Doubles the slots, placing every key again by its hash, made anew
    /// from its bytes (the hashes are not kept: a grown table is rare, as the
    /// parser reserves for the keys it expects).
    private mutating func grow() {
        let capacity = (mask + 1) * 2
        let newSlots = Self.emptySlots(capacity)
        let newMask = capacity - 1
        let keys = UnsafeBufferPointer(start: UnsafePointer(arena), count: arenaCount)
        for e in 0..<count {
            let h = Self.hash(keys, Int(starts[e]), Int(starts[e + 1]))
            var s = Int(truncatingIfNeeded: h) & newMask
            while newSlots[s] != 0 { s = (s + Self.probeStep) & newMask }
            newSlots[s] = h & 0xFFFF_FFFF_0000_0000 | UInt64(e + 1)
        }
        slots.deallocate()
        slots = newSlots
        storage.slots = newSlots
        mask = newMask
    }
}

/// Maps spans of one buffer (the document's file paths) to dense `Int32`
/// keys, in order of first insertion, as ``ByteInterner`` does, but without
/// copying the keys' bytes: each key keeps the span where it first appeared,
/// and a probe whose tag matches compares the two spans in the buffer.
///
/// The file tables intern a million paths at a million tasks, their hashes
/// made beforehand: most are new, and a new key then reads neither the
/// buffer nor an arena (a `ByteInterner` copied each into its arena, reading
/// the document's bytes out of cache, and wrote 25 MB of keys and 4 MB of starts).
///
/// Sized once for at most `capacity` keys (it never grows); its memory is
/// freed by ``deallocate()``, not when the struct goes.
struct SpanInterner {
    /// Per slot: the hash's high 32 bits and the key + 1 (0 = empty), as ``ByteInterner``'s.
    private let slots: UnsafeMutablePointer<UInt64>
    private let mask: Int
    /// The span of each key where it was first interned: `spans[0..<count]`.
    let spans: UnsafeMutablePointer<(Int, Int)>
    /// The number of distinct keys.
    private(set) var count = 0

    /// Room for `capacity` distinct keys; the slots are written with zeros here.
    init(capacity: Int) {
        let slotCount = ByteInterner.slotCount(forKeys: capacity)
        mask = slotCount - 1
        slots = ByteInterner.emptySlots(slotCount)
        spans = .allocate(capacity: max(capacity, 1))
        HugePages.advise(UnsafeMutableRawPointer(spans), bytes: capacity * MemoryLayout<(Int, Int)>.stride)
    }

    /// Asks for the slots a key of hash `h` is probed at first and second,
    /// ahead of its `intern`. Numbered paths fill whole lines of slots (see
    /// `ByteInterner.hash`), so a line another run of numbers holds sends
    /// every key of the run to the next line: second probes were a third of
    /// the interning's time when only the first line was asked for.
    @inline(__always) func prefetch(hash h: UInt64) {
        let s = Int(truncatingIfNeeded: h) & mask
        cbyteclasses_prefetch(UnsafeRawPointer(slots + s))
        cbyteclasses_prefetch(UnsafeRawPointer(slots + ((s + ByteInterner.probeStep) & mask)))
    }

    /// Frees the tables (``spans`` included).
    func deallocate() {
        slots.deallocate()
        spans.deallocate()
    }

    /// The key of `b[lo..<hi]`, inserting it when new, given its hash.
    /// - Precondition: `h == ByteInterner.hash(b, lo, hi)`, fewer than
    ///   `capacity` keys so far when the key is new, and `b` the buffer of every span interned.
    /// - Complexity: O(hi - lo) expected.
    @inline(__always)
    mutating func intern(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, hash h: UInt64) -> (key: Int32, inserted: Bool) {
        let spans = self.spans
        let (found, s) = ByteInterner.probe(slots, mask: mask, hash: h) { Self.equal(b, spans[$0], (lo, hi)) }
        if found >= 0 { return (Int32(found), false) }
        let key = count
        spans[key] = (lo, hi)
        count = key + 1
        slots[s] = h & 0xFFFF_FFFF_0000_0000 | UInt64(key + 1)
        return (Int32(truncatingIfNeeded: key), true)
    }

    /// Whether the spans `x` and `y` of `b` hold the same bytes, read only
    /// inside them. Called once the tags match (almost always a hit).
    @inline(never) static func equal(_ b: UnsafeBufferPointer<UInt8>, _ x: (Int, Int), _ y: (Int, Int)) -> Bool {
        let n = x.1 - x.0
        guard n == y.1 - y.0 else { return false }
        guard n > 0, let base = b.baseAddress else { return true }
        return ByteInterner.sameBytes(UnsafeRawPointer(base + x.0), UnsafeRawPointer(base + y.0), count: n)
    }
}
