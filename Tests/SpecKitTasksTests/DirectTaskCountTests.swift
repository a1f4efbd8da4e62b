import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// `countDirectTasks` (a write per run of tasks under one heading) against
/// a count of one task at a time.
@Suite("Direct task counts")
struct DirectTaskCountTests {
    @Test("each heading's direct tasks are the tasks that sit under it, for random runs")
    func runsMatchTaskByTask() {
        var g = SeededStream(seed: 53)
        for round in 0..<500 {
            let headingCount = 1 + g.next(12)
            var under: [Int32] = []
            let tasks = g.next(300)
            while under.count < tasks {
                // Runs of any length, -1 (no heading) among them, a heading again later.
                let h = Int32(g.next(headingCount + 1)) - 1
                for _ in 0..<(1 + g.next(round % 3 == 0 ? 2 : 40)) { under.append(h) }
            }
            var expected = [Int32](repeating: 0, count: headingCount)
            for h in under where h >= 0 { expected[Int(h)] += 1 }
            var bytes: [UInt8] = []
            let counted = bytes.withUnsafeMutableBufferPointer { buffer in
                var parser = DocumentParser(text: buffer, path: "")
                for i in 0..<headingCount {
                    parser.headings.append(HeadingRecord(level: 2, title: "H\(i)", line: Int32(i + 1), phaseNumber: nil, parent: -1))
                }
                parser.taskHeading = under
                parser.countDirectTasks()
                return parser.headings.map(\.directTasks)
            }
            #expect(counted == expected, "round \(round)")
        }
    }
}
