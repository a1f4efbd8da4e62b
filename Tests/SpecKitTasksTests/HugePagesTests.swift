import Testing

@testable import SpecKitTasks

@Suite struct HugePagesTests {
    /// The advised range is the whole 2 MB pages inside the table, never a
    /// byte outside it, compared with a page-by-page count.
    @Test(arguments: [0, 1, 4095, 1 << 20, (1 << 21) - 64, 1 << 21, (1 << 21) + 4096, 5 << 20])
    func wholePagesLieInsideTheTable(offset: Int) {
        let page = HugePages.pageSize
        for bytes in [HugePages.minimumBytes - 1, HugePages.minimumBytes, HugePages.minimumBytes + 12345, 37 << 20, 3 * page] {
            let base = 0x7f00_0000_0000 + offset
            let range = HugePages.wholePages(base: base, bytes: bytes)
            // The reference: every page-aligned start whose page ends inside the table.
            var expected: [Int] = []
            var p = (base / page) * page
            while p < base + bytes {
                if p >= base, p + page <= base + bytes { expected.append(p) }
                p += page
            }
            if bytes < HugePages.minimumBytes || expected.isEmpty {
                #expect(range == nil, "\(offset) \(bytes)")
            } else {
                #expect(range == expected.first!..<(expected.last! + page), "\(offset) \(bytes)")
            }
        }
    }

    /// Advising keeps what an array holds and what is appended after.
    @Test func advisedArrayKeepsItsElements() {
        var values: [Int32] = []
        values.reserveCapacity(HugePages.minimumBytes / 4 + 1000)
        values.adviseHugePages()
        for k in 0..<100_000 { values.append(Int32(k)) }
        #expect(values.count == 100_000)
        #expect(values.first == 0 && values.last == 99_999)
        var small: [UInt8] = [1, 2, 3]
        small.adviseHugePages()
        #expect(small == [1, 2, 3])
    }
}
