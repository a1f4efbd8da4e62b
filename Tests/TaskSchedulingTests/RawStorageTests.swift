import SpecKitTasks
import Testing

@testable import TaskScheduling

/// The raw tables of the graph build (``RawColumn``, ``RawList``,
/// ``PendingEdges``) against plain arrays doing the same steps.
@Suite struct RawStorageTests {
    /// A seeded generator (xorshift), so that a failure can be replayed.
    struct Steps {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
    }

    @Test func columnReadsWhatWasWritten() {
        let column = RawColumn<Int>(repeating: -1, count: 100)
        var reference = [Int](repeating: -1, count: 100)
        var steps = Steps(state: 7)
        for _ in 0..<1_000 {
            let i = steps.next(100), v = steps.next(1_000)
            column[i] = v
            reference[i] = v
        }
        #expect((0..<100).map { column[$0] } == reference)
        #expect(RawColumn<Bool>(repeating: true, count: 0).count == 0)
    }

    @Test(arguments: [1, 3, 16])
    func listAppendsEmptiesAndGrowsAsAnArray(capacity: Int) {
        var list = RawList<Int32>(capacity: capacity, filler: -1)
        var reference: [Int32] = []
        var steps = Steps(state: UInt64(capacity) * 31 + 1)
        for _ in 0..<2_000 {
            switch steps.next(10) {
            case 0:
                list.removeAll()
                reference.removeAll()
            case 1:
                let more = (0..<steps.next(40)).map { _ in Int32(steps.next(1_000)) }
                more.withUnsafeBufferPointer { list.append(contentsOf: $0) }
                reference += more
            case 2 where !reference.isEmpty:
                let i = steps.next(reference.count), v = Int32(steps.next(1_000))
                list[i] = v
                reference[i] = v
            default:
                let v = Int32(steps.next(1_000))
                list.append(v)
                reference.append(v)
            }
            #expect(list.count == reference.count)
            #expect(list.last == reference.last)
        }
        #expect(Array(list.elements) == reference)
        #expect(list.isEmpty == reference.isEmpty)
    }

    /// Edges through the pending block, flushed at random points, land in the
    /// columns as appending them one by one would put them.
    @Test func pendingEdgesLandInOrder() {
        let kinds = EdgeKind.allCases
        var pending = PendingEdges()
        var sources: [Int32] = [], targets: [Int32] = [], edgeKinds: [EdgeKind] = [], lines: [Int32] = [], columns: [Int32] = []
        var reference = (sources: [Int32](), targets: [Int32](), kinds: [EdgeKind](), lines: [Int32](), columns: [Int32]())
        var steps = Steps(state: 99)
        for _ in 0..<(3 * PendingEdges.blockSize) {
            if pending.isFull {
                if pending.isAllocated {
                    pending.move(into: &sources, &targets, &edgeKinds, &lines, &columns)
                } else {
                    pending.allocate()
                }
            }
            let (a, b) = (Int32(steps.next(500)), Int32(steps.next(500)))
            let kind = kinds[steps.next(kinds.count)]
            let location = SourceLocation(line: Int32(steps.next(10_000)), column: Int32(steps.next(80)))
            pending.append(a, b, kind, location)
            reference.sources.append(a)
            reference.targets.append(b)
            reference.kinds.append(kind)
            reference.lines.append(location.line)
            if kind.isWritten { reference.columns.append(location.column) }
            if steps.next(300) == 0 { pending.move(into: &sources, &targets, &edgeKinds, &lines, &columns) }
        }
        pending.move(into: &sources, &targets, &edgeKinds, &lines, &columns)
        #expect(pending.count == 0)
        #expect(sources == reference.sources)
        #expect(targets == reference.targets)
        #expect(edgeKinds == reference.kinds)
        #expect(lines == reference.lines)
        #expect(columns == reference.columns)
    }

    /// `init(hugeRepeating:count:)` holds what `init(repeating:count:)`
    /// does, for tables too small to advise and large enough to.
    @Test(arguments: [0, 1, 4095, (2 << 20) / 8 + 17])
    func hugeRepeatingMatchesRepeating(count: Int) {
        let made = [Double](hugeRepeating: 2.5, count: count)
        let same = made == [Double](repeating: 2.5, count: count)
        #expect(same)
        var ints = [Int32](hugeRepeating: 7, count: count)
        if count > 0 { ints[count - 1] = 1 }
        let held = ints.count == count && ints.dropLast().allSatisfy { $0 == 7 }
        #expect(held)
    }
}
