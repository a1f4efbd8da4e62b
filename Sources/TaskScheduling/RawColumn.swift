import SpecKitTasks

/// A fixed number of values in memory of their own, read and written through
/// a pointer: no uniqueness check per write, which an array stored in a
/// struct costs each time a mutating method changes it (the graph passes
/// write a few such tables per task).
///
/// Copies share the memory, let go with the last of them: a column belongs
/// to the one pass that made it, and is never handed to another.
struct RawColumn<Element> {
    private final class Storage {
        let base: UnsafeMutablePointer<Element>
        let count: Int

        init(repeating value: Element, count: Int) {
            base = .allocate(capacity: max(count, 1))
            // Written from end to end before it is read (`HugePages`).
            HugePages.advise(UnsafeMutableRawPointer(base), bytes: count * MemoryLayout<Element>.stride)
            base.initialize(repeating: value, count: count)
            self.count = count
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }

    private let storage: Storage
    /// The first value; the column holds ``count`` from here.
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(repeating value: Element, count: Int) {
        storage = Storage(repeating: value, count: count)
        base = storage.base
        self.count = count
    }

    /// Unchecked: `i` must be in `0..<count`.
    @inline(__always) subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }
}

/// A list of values that grows, in a ``RawColumn``: appended to and emptied
/// without a uniqueness check (a list refilled for every task or group of a
/// pass). Copies share the memory (see ``RawColumn``).
struct RawList<Element> {
    private var column: RawColumn<Element>
    private(set) var count = 0
    private let filler: Element

    /// An empty list with room for `capacity` values; `filler` fills the room not used yet.
    init(capacity: Int = 16, filler: Element) {
        column = RawColumn(repeating: filler, count: max(capacity, 1))
        self.filler = filler
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always) mutating func append(_ value: Element) {
        if count == column.count { grow(to: 2 * count) }
        column[count] = value
        count += 1
    }

    @inline(__always) mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
        if count + values.count > column.count { grow(to: max(2 * column.count, count + values.count)) }
        let to = column.base + count
        for k in 0..<values.count { to[k] = values[k] }
        count += values.count
    }

    @inline(__always) mutating func removeAll() { count = 0 }

    /// Unchecked: `i` must be in `0..<count`.
    @inline(__always) subscript(i: Int) -> Element {
        get { column[i] }
        nonmutating set { column[i] = newValue }
    }

    var last: Element? { count > 0 ? column[count - 1] : nil }

    /// The values, valid until the list next changes.
    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: column.base, count: count) }

    @inline(never) private mutating func grow(to capacity: Int) {
        let larger = RawColumn(repeating: filler, count: capacity)
        for k in 0..<count { larger[k] = column[k] }
        column = larger
    }
}

extension Array {
    /// `count` copies of `value` in storage advised for huge pages before it
    /// is written (see `HugePages`): `Array(repeating:count:)` writes the
    /// whole table, one page fault per 4 KB, before it could be advised.
    /// Made in this module, where the optimizer specializes it: called as a
    /// generic from another, it copied the value element by element.
    init(hugeRepeating value: Element, count: Int) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            HugePages.advise(UnsafeMutableRawPointer(buffer.baseAddress), bytes: buffer.count * MemoryLayout<Element>.stride)
            buffer.initialize(repeating: value)
            initialized = buffer.count
        }
    }
}
