import Dispatch
import Testing

@testable import SpecKitTasks

/// `SpecTask`'s compact storage: the side record of rare fields, the estimate
/// kept as hours plus points, and the size that both buy.
@Suite("Task storage")
struct TaskStorageTests {
    // The parser reserves one `SpecTask` per 96 bytes of input up front, so at
    // a million tasks every byte of stride is a megabyte of peak memory (it was
    // 168 bytes, 172 MB at 1M tasks; issue 14 asks for at most 600 MB in all).
    // 112: 96 of fields, and `files` takes 24 to hold one path inline
    // (`FileList`), which saves a 48-byte array per task.
    // A new stored field must find room in the padding or go to the side record.
    @Test("a task takes at most 112 bytes")
    func strideBound() {
        #expect(MemoryLayout<SpecTask>.stride <= 112)
    }

    @Test("a task as the line scan opens it is the public initializer's task with no text")
    func openingTask() {
        let location = SourceLocation(line: 12, column: 3)
        for (form, status) in [(TaskForm.checkbox, TaskStatus.done), (.heading, .todo), (.tableRow, .inProgress)] {
            let opened = SpecTask.opening(location, form: form, status: status, segment: 4)
            #expect(opened == SpecTask(id: "", location: location, form: form, status: status, segment: 4))
            #expect(opened.endLine == 12 && opened.section == -1 && opened.phase == 0 && !opened.parallel)
            #expect(opened.description.isEmpty && opened.files.isEmpty && opened.stories.isEmpty && opened.labels.isEmpty)
            #expect(opened.estimate == nil && opened.owner == nil && opened.rare == nil)
        }
    }

    static func sample() -> SpecTask {
        SpecTask(
            id: "T001", location: SourceLocation(line: 3, column: 3), labels: ["Setup"], description: "Write it",
            estimate: Estimate(optimistic: 1, likely: 2, pessimistic: 6), owner: "ann")
    }

    @Test("labels, reads and stories read in place through a pointer are the properties' arrays")
    func listsInPlace() {
        var plain = SpecTask(id: "T002", location: SourceLocation(line: 4, column: 3), stories: ["US1", "US2"])
        var rare = Self.sample()
        rare.reads = ["docs/a-long-cited-path/data-model.md", "b.md"]
        for var task in [plain, rare, SpecTask(id: "T003", location: SourceLocation(line: 5, column: 3))] {
            withUnsafePointer(to: &task) { p in
                #expect(Array(SpecTask.unsafeLabels(at: p)) == p.pointee.labels)
                #expect(Array(SpecTask.unsafeReads(at: p)) == p.pointee.reads)
                #expect(Array(SpecTask.unsafeStories(at: p)) == p.pointee.stories)
            }
        }
        plain.stories = []
        #expect(withUnsafePointer(to: &plain) { SpecTask.unsafeStories(at: $0).isEmpty })
    }

    @Test("a copy changed leaves the original as it was, field by field")
    func copyThenMutate() {
        let original = Self.sample()
        let before = (original.labels, original.owner, original.reads, original.estimate)
        var copy = original
        copy.labels.append("SEC")
        copy.owner = "bo"
        copy.reads = ["spec.md"]
        copy.estimate = Estimate(hours: 3)
        #expect(original.labels == before.0 && original.owner == before.1 && original.reads == before.2)
        #expect(original.estimate == before.3 && original.estimate?.threePoint?.pessimistic == 6)
        #expect(copy.labels == ["Setup", "SEC"] && copy.owner == "bo" && copy.reads == ["spec.md"])
        #expect(copy.estimate == Estimate(hours: 3) && copy.estimate?.threePoint == nil)
        #expect(copy != original)

        // And the other way round: changing the original after the copy.
        var first = Self.sample()
        let second = first
        first.labels = []
        first.owner = nil
        first.estimate = nil
        #expect(second == Self.sample())
        #expect(second.labels == ["Setup"] && second.owner == "ann" && second.estimate?.hours == 2.5)
        #expect(first.labels == [] && first.owner == nil && first.estimate == nil)
    }

    @Test("tasks written at once on two threads from one shared record keep their own values")
    func concurrentWrites() {
        let shared = Self.sample()
        let count = 2_000
        let tasks = UnsafeMutableBufferPointer<SpecTask>.allocate(capacity: count)
        defer { tasks.deallocate() }
        tasks.initialize(repeating: shared)
        let base = UnsafeSendable(tasks)
        forEachChunk(count: count, size: count / 2) { _, range in
            for i in range {
                base.value[i].labels.append("L\(i)")
                base.value[i].owner = "owner \(i)"
                if i % 3 == 0 { base.value[i].estimate = Estimate(hours: Double(i)) }
            }
        }
        for i in 0..<count {
            #expect(tasks[i].labels == ["Setup", "L\(i)"] && tasks[i].owner == "owner \(i)")
            #expect(tasks[i].estimate == (i % 3 == 0 ? Estimate(hours: Double(i)) : shared.estimate))
        }
        #expect(shared == Self.sample())
        _ = tasks.deinitialize()
    }

    @Test("fields set and emptied again give a task equal to, and hashing like, one never given them")
    func emptiedEqualsFresh() {
        let fresh = SpecTask(id: "T002", location: SourceLocation(line: 1, column: 1))
        var task = fresh
        task.labels = ["X"]
        task.reads = ["a.md"]
        task.owner = ""
        task.estimate = Estimate(optimistic: 1, likely: 1, pessimistic: 1)
        #expect(task != fresh)
        task.labels = []
        task.reads = []
        task.owner = nil
        task.estimate = nil
        #expect(task == fresh)
        #expect(task.hashValue == fresh.hashValue)
        #expect(task.rare == nil)
        // An empty owner is an owner (`@` alone never makes one, but a caller may).
        task.owner = ""
        #expect(task.owner == "" && task != fresh)
    }

    /// Values around the bounds and ones whose sums round: zero, subnormal,
    /// thirds and tenths, the maximum and past it, negatives and NaN.
    static let points: [Double] = [
        0, -0.0, .leastNonzeroMagnitude, 1e-9, 0.1, 1.0 / 3, 0.5, 1, 2.2, 7, 1.0 / 7 * 100, 333.333,
        12_345.678_9, 999_999.9, 1_000_000, 1_000_000.5, 3e9, -1, -.infinity, .infinity, .nan,
    ]

    @Test("hours and variance of three-point estimates are the formula's bits, stored in a task or not")
    func threePointBits() {
        func clamp(_ x: Double) -> Double { x >= 0 ? min(x, 1_000_000) : 0 }
        var task = SpecTask(id: "T1", location: SourceLocation(line: 1, column: 1))
        var checked = 0
        for o in Self.points {
            for m in Self.points {
                for p in Self.points {
                    let (co, cm, cp) = (clamp(o), clamp(m), clamp(p))
                    let hours = (co + 4 * cm + cp) / 6
                    let sd = (cp - co) / 6
                    let variance = sd * sd
                    let estimate = Estimate(optimistic: o, likely: m, pessimistic: p)
                    task.estimate = estimate
                    let copy = task
                    for read in [estimate, task.estimate, copy.estimate] {
                        #expect(read?.hours.bitPattern == hours.bitPattern)
                        #expect(read?.variance.bitPattern == variance.bitPattern)
                        #expect(read?.threePoint?.optimistic.bitPattern == co.bitPattern)
                        #expect(read?.threePoint?.likely.bitPattern == cm.bitPattern)
                        #expect(read?.threePoint?.pessimistic.bitPattern == cp.bitPattern)
                    }
                    #expect(task.estimate == estimate)
                    checked += 1
                }
            }
        }
        #expect(checked == Self.points.count * Self.points.count * Self.points.count)
    }

    @Test("single-point estimates read back as written, clamped", arguments: points)
    func singlePoint(hours: Double) {
        var task = SpecTask(id: "T1", location: SourceLocation(line: 1, column: 1), estimate: Estimate(hours: hours))
        let clamped = hours >= 0 ? min(hours, 1_000_000) : 0
        #expect(task.estimate?.hours.bitPattern == clamped.bitPattern)
        #expect(task.estimate?.variance == 0 && task.estimate?.threePoint == nil)
        task.estimate = nil
        #expect(task.estimate == nil)
    }

    @Test("a parsed spec's rare fields land on their own tasks")
    func parsedRareFields() {
        let doc = parse(
            """
            - [ ] T001 [Setup] Write the notes per design.md in notes/a.md @ann (est: 1h/2h/6h)
            - [ ] T002 Write notes/b.md (3h)
            - [ ] T003 Write notes/c.md
            """)
        #expect(doc.tasks.map(\.labels) == [["Setup"], [], []])
        #expect(doc.tasks.map(\.owner) == ["ann", nil, nil])
        #expect(doc.tasks.map(\.reads) == [["design.md"], [], []])
        let hours: [Double?] = [15.0 / 6, 3, nil]
        #expect(doc.tasks.map(\.estimate?.hours) == hours)
        #expect(doc.tasks.map { $0.rare == nil } == [false, true, true])
    }
}

/// Hands a buffer to the chunked loop; each chunk writes only its own tasks.
private struct UnsafeSendable: @unchecked Sendable {
    let value: UnsafeMutableBufferPointer<SpecTask>
    init(_ value: UnsafeMutableBufferPointer<SpecTask>) { self.value = value }
}
