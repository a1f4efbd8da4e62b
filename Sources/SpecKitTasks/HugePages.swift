#if canImport(Glibc)
import Glibc
#endif

/// Large per-task tables backed by 2 MB pages where the system allows it.
///
/// A parse of a million tasks writes its task array (112 MB), its queue of
/// text jobs (56 MB), its ID slots (16 MB) and keys, and two per-task
/// `Int32` tables (4 MB each) from start to end: one page fault per 4 KB,
/// about 50,000 of them. With `transparent_hugepage` set to
/// `madvise` (a common default), a range the process advises is faulted in
/// 2 MB at a time. Only the reservations are advised, and only whole 2 MB
/// pages inside them; memory never written is still never touched. Elsewhere
/// (`always`, `never`, other systems) this does nothing.
package enum HugePages {
    /// Tables of at least this many bytes are advised: one whole huge page
    /// fits in most of them (a graph table of 900,000 `Int32`s, 3.6 MB, holds one).
    package static let minimumBytes = 2 << 20

    package static let pageSize = 1 << 21

    /// The whole 2 MB pages inside `bytes` bytes from the address `base`,
    /// or nil when the table is too small to advise or holds no whole page.
    package static func wholePages(base: Int, bytes: Int) -> Range<Int>? {
        guard bytes >= minimumBytes else { return nil }
        let start = (base + pageSize - 1) & ~(pageSize - 1)
        let end = (base + bytes) & ~(pageSize - 1)
        return end > start ? start..<end : nil
    }

    /// Advises the whole 2 MB pages of `bytes` bytes from `base`.
    package static func advise(_ base: UnsafeMutableRawPointer?, bytes: Int) {
        #if os(Linux)
        guard let base, let pages = wholePages(base: Int(bitPattern: base), bytes: bytes) else { return }
        // Advice only: a refusal (an older kernel, no THP) changes nothing.
        _ = madvise(UnsafeMutableRawPointer(bitPattern: pages.lowerBound), pages.count, MADV_HUGEPAGE)
        #endif
    }
}

extension Array {
    /// Advises huge pages for the storage `reserveCapacity` gave this array
    /// (see ``HugePages``); call it right after reserving, before writing.
    package mutating func adviseHugePages() {
        let bytes = capacity * MemoryLayout<Element>.stride
        withUnsafeMutableBufferPointer { HugePages.advise(UnsafeMutableRawPointer($0.baseAddress), bytes: bytes) }
    }
}
