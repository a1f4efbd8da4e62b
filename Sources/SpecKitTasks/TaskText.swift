/// A piece of text kept as UTF-8 bytes, made a `String` only when asked for.
///
/// The parser copies the descriptions of a chunk of tasks into one shared
/// buffer and gives each task a span of it: a million descriptions are then a
/// few hundred allocations instead of a million `String`s, each with its own
/// header and allocator overhead. Text given as a `String` gets a buffer of
/// its own. Either way the bytes are never written after they are made, so
/// the value is `Sendable` (which `ManagedBuffer` cannot declare).
public struct TaskText: @unchecked Sendable {
    /// nil for the empty text: a task made empty and given its text on
    /// another thread then counts no references on an object both threads share.
    @usableFromInline let storage: TextStorage?
    @usableFromInline let offset: UInt32
    /// `UInt32.max`: the whole storage (text given as a `String`, of any length).
    @usableFromInline let length: UInt32

    /// The empty text.
    public static var empty: TaskText { TaskText(storage: nil, offset: 0, length: 0) }

    private init(storage: TextStorage?, offset: UInt32, length: UInt32) {
        self.storage = storage
        self.offset = offset
        self.length = length
    }

    /// The text of `string`, in a buffer of its own.
    public init(_ string: String) {
        var string = string
        let count = string.utf8.count
        guard count > 0 else {
            self = .empty
            return
        }
        let storage = string.withUTF8 { bytes in
            TextStorage.make(count: count) { $0.baseAddress!.initialize(from: bytes.baseAddress!, count: count) }
        }
        self.init(storage: storage, offset: 0, length: UInt32.max)
    }

    /// The number of UTF-8 bytes.
    @inlinable public var utf8Count: Int { length == UInt32.max ? storage?.header ?? 0 : Int(length) }

    /// The text's UTF-8 bytes, valid inside `body` (inlinable: the writers
    /// in other modules call it once per task).
    @inlinable @inline(__always)
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let storage else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try storage.withUnsafeMutablePointerToElements {
            try body(UnsafeBufferPointer(start: $0 + Int(offset), count: utf8Count))
        }
    }

    /// The bytes of the text at `text`, where they are: valid while that
    /// text (the task holding it) is neither changed nor destroyed.
    ///
    /// For writers that read a task in place through a pointer on several
    /// threads at once: ``withUTF8(_:)`` would retain the storage, which the
    /// tasks of a parser chunk share, around its body (which the optimizer
    /// cannot see through), and the count would bounce between the cores;
    /// here nothing runs between reading the storage and taking its address.
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public static func unsafeUTF8(at text: UnsafePointer<TaskText>) -> UnsafeBufferPointer<UInt8> {
        guard let storage = text.pointee.storage else { return UnsafeBufferPointer(start: nil, count: 0) }
        let length = text.pointee.length
        let offset = Int(text.pointee.offset)
        return storage.withUnsafeMutablePointers { header, bytes in
            // The header read through its pointer: `header` itself is a
            // stored `var` of a class, checked for exclusive access on every read.
            UnsafeBufferPointer(start: bytes + offset, count: length == UInt32.max ? header.pointee : Int(length))
        }
    }

    /// The text as a `String` (made on every call).
    public var string: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }

    /// Spans of `bytes`, copied into one buffer shared by the texts made,
    /// each handed to `take` with its span's index, in span order: text `i`
    /// is `bytes[spans[i].0..<spans[i].1]` (invalid UTF-8 reads as
    /// replacement characters, as `String(decoding:as:)` reads it). A span
    /// that would not fit the 32-bit offsets gets a buffer of its own. The
    /// caller stores the texts where they belong (the parser, into its
    /// tasks): no array of them is made, and one reference is counted per text.
    static func shared(
        _ bytes: UnsafeBufferPointer<UInt8>, spans: UnsafeBufferPointer<(Int, Int)>, _ take: (Int, borrowing TaskText) -> Void
    ) {
        var total = 0
        for (lo, hi) in spans { total += hi - lo }
        guard total > 0 else {
            for i in spans.indices { take(i, .empty) }
            return
        }
        guard total < Int(UInt32.max) else {
            for (i, (lo, hi)) in spans.enumerated() {
                take(i, TaskText(String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)))
            }
            return
        }
        let storage = TextStorage.make(count: total) { buffer in
            var at = buffer.baseAddress!
            for (lo, hi) in spans where hi > lo {
                at.initialize(from: bytes.baseAddress! + lo, count: hi - lo)
                at += hi - lo
            }
        }
        var offset: UInt32 = 0
        for (i, (lo, hi)) in spans.enumerated() {
            guard hi > lo else {
                take(i, .empty)
                continue
            }
            take(i, TaskText(storage: storage, offset: offset, length: UInt32(hi - lo)))
            offset += UInt32(hi - lo)
        }
    }
}

extension TaskText: Hashable {
    /// Texts are equal when their strings are (`String` equality: canonically
    /// equivalent spellings are equal); equal bytes answer without a `String`.
    public static func == (a: TaskText, b: TaskText) -> Bool {
        let sameBytes = a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && x.elementsEqual(y) } }
        return sameBytes || a.string == b.string
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(string) }
}

/// The bytes of one or more texts: a count and the bytes, in one allocation.
@usableFromInline final class TextStorage: ManagedBuffer<Int, UInt8> {
    /// A buffer of `count` bytes that `fill` initialises; never written after.
    static func make(count: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Void) -> TextStorage {
        let buffer = TextStorage.create(minimumCapacity: max(count, 1)) { _ in count }
        buffer.withUnsafeMutablePointerToElements { fill(UnsafeMutableBufferPointer(start: $0, count: count)) }
        return unsafeDowncast(buffer, to: TextStorage.self)
    }
}
