#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import SpecKitTasks
import Testing

/// Large documents read task texts beside the line scan (`TextPipeline`);
/// the document must be exactly the one the serial reading makes.
@Suite struct TextPipelineTests {
    /// One block of varied task shapes: bodies, comments, tables, headings,
    /// estimates, paths, dependencies and a Dependencies section.
    static func block(_ n: Int, worded: Bool = false) -> String {
        let a = String(format: "T%06d", n * 10 + 1), b = String(format: "T%06d", n * 10 + 2)
        let c = String(format: "T%06d", n * 10 + 3), d = String(format: "T%06d", n * 10 + 4)
        let e = String(format: "T%06d", n * 10 + 5)
        var text = """
            ## Phase \(n + 1): Story \(n) (Priority: P\(n % 3 + 1))

            - [ ] \(a) [P] [US\(n)] Create model in src/models/m\(n).py (2h)
            - [x] \(b) [US\(n)] Add service in `src/services/s\(n).py` per data-model.md (depends on \(a))
              <!-- reviewer: keep this short -->
              continues on a wrapped line, after \(a) is merged
            - [ ] \(c) Wire the route in src/api/r\(n).ts @alice (est: 1h/2h/4h)
              - Depends on: \(b)

            ### \(d): Document the endpoint
            **Status**: Done
            Update docs/api\(n).md using contracts/api.yaml.

            | ID | Task | Depends |
            |----|------|---------|
            | \(e) | Ship it in deploy/\(n).yml | \(c), \(d) |

            """
        if worded { text += "\n### Task \(n): Review the release\nAfter Task \(n - 1) is done, review deploy/\(n).yml.\n\n" }
        return text
    }

    static func document(blocks: Int, wordedFrom: Int? = nil) -> [UInt8] {
        var text = "# Tasks: pipeline check\n\n"
        for n in 0..<blocks { text += block(n, worded: wordedFrom.map { n >= $0 } ?? false) }
        text += "## Dependencies\n\n- \(String(format: "T%06d", 2)) → \(String(format: "T%06d", blocks * 10 - 1))\n"
        return Array(text.utf8)
    }

    static func expectSame(_ bytes: [UInt8]) {
        #expect(bytes.count >= TextPipeline.minimumBytes)
        let serial = SpecParser.parse(bytes, path: "big.md", pipelined: false)
        let pipelined = SpecParser.parse(bytes, path: "big.md", pipelined: true)
        #expect(serial.tasks.count > TextPipeline.chunkSize * 2)
        #expect(pipelined.tasks == serial.tasks)
        #expect(pipelined.dependencies == serial.dependencies)
        #expect(pipelined.phases == serial.phases)
        #expect(pipelined.phaseDependencies == serial.phaseDependencies)
        #expect(pipelined.parallelStatements == serial.parallelStatements)
        #expect(pipelined.dependencyGroups == serial.dependencyGroups)
        #expect(pipelined.diagnostics == serial.diagnostics)
        #expect(pipelined.filePaths == serial.filePaths)
        #expect(pipelined.taskFileOffsets == serial.taskFileOffsets)
        #expect(pipelined.taskFileIDs == serial.taskFileIDs)
    }

    @Test func largeDocumentReadsTheSameWithThePipeline() {
        Self.expectSame(Self.document(blocks: 3000))
    }

    /// `parse(_:path:)` of bytes the caller lends (a mapped file) reads them
    /// in place and never writes them: from read-only pages, with HTML
    /// comments inside task lines that the parser blanks out in its own copy,
    /// the document is the one the array makes.
    @Test func readOnlyBytesParseAsTheArrayDoes() throws {
        var text = String(decoding: Self.document(blocks: 3000), as: UTF8.self)
        text = text.replacingOccurrences(of: "Create model in", with: "Create <!-- not T000001 --> model in")
        let bytes = Array(text.utf8)
        let size = bytes.count
        let pages = try #require(mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        #expect(pages != MAP_FAILED)
        defer { munmap(pages, size) }
        bytes.withUnsafeBytes { pages.copyMemory(from: $0.baseAddress!, byteCount: size) }
        #expect(mprotect(pages, size, PROT_READ) == 0)
        let lent = UnsafeBufferPointer(start: pages.assumingMemoryBound(to: UInt8.self), count: size)
        let fromPages = SpecParser.parse(lent, path: "big.md")
        let fromArray = SpecParser.parse(bytes, path: "big.md")
        #expect(fromPages.tasks.count > TextPipeline.chunkSize * 2)
        #expect(!fromPages.tasks.contains { $0.description.contains("<!--") })
        #expect(fromPages.tasks == fromArray.tasks)
        #expect(fromPages.dependencies == fromArray.dependencies)
        #expect(fromPages.diagnostics == fromArray.diagnostics)
        #expect(fromPages.filePaths == fromArray.filePaths)
        #expect(fromPages.taskFileIDs == fromArray.taskFileIDs)
    }

    /// Tasks far denser than the parser reserves for (a dozen bytes each):
    /// the tasks array grows while the pipeline writes into it.
    @Test func denseTasksGrowTheArrayBesideThePipeline() {
        var text = "# Tasks\n\n## Phase 1: Setup\n\n"
        var n = 0
        while text.utf8.count < TextPipeline.minimumBytes + 1000 {
            n += 1
            text += "- [ ] T\(n) a\n"
            if n % 7 == 0 { text += "- [x] T\(n)b b (after T\(n))\n" }
        }
        Self.expectSame(Array(text.utf8))
    }

    /// Worded IDs met only after the pipeline read texts without them: the
    /// document is read again serially, and nothing differs.
    @Test func wordedIDsFoundLateReadTheSame() {
        let bytes = Self.document(blocks: 3000, wordedFrom: 2900)
        Self.expectSame(bytes)
        let document = SpecParser.parse(bytes, path: "big.md")
        #expect(document.tasks.contains { $0.id == "Task 2950" })
    }

    /// A chunk handed to the pipeline is a copy: when it covers the whole job
    /// queue, `Array(queue[range])` would share the queue's buffer, and the
    /// next job queued would copy all of it, reserved capacity included.
    @Test func aCopiedRangeNeverSharesTheBuffer() {
        var queue: [Int32] = []
        queue.reserveCapacity(1 << 16)
        queue.append(contentsOf: 0..<64)
        let whole = queue.copied(0..<64), part = queue.copied(8..<16)
        #expect(whole == queue && part == Array(8..<16))
        let base = queue.withUnsafeBufferPointer { $0.baseAddress }
        #expect(whole.withUnsafeBufferPointer { $0.baseAddress } != base)
        queue.append(64)
        #expect(queue.withUnsafeBufferPointer { $0.baseAddress } == base)
    }

    /// The hand-over queue gives back the elements in order whether its
    /// reader keeps up or falls behind, and its storage never holds more than
    /// the waiting elements and as many handed over.
    @Test(arguments: [1, 2, 5])
    func handOverQueueKeepsOrderAndBoundsItsStorage(appendsPerHandOver: Int) {
        var queue = HandOverQueue<Int32>()
        var next: Int32 = 0, expected: Int32 = 0
        for step in 0..<400 {
            for _ in 0..<appendsPerHandOver * 64 {
                queue.append(next)
                next += 1
            }
            guard step % 3 != 2, queue.count >= 64 else { continue }
            let front = queue.handOver(64)
            #expect(front == Array(expected..<expected + 64))
            expected += 64
            #expect(queue.count == Int(next - expected))
            #expect(queue.storage.count <= 2 * queue.count + 64)
        }
        let waiting = queue.withWaiting { Array($0) }
        #expect(waiting == Array(expected..<next))
        queue.removeAll()
        #expect(queue.count == 0 && queue.withWaiting { $0.isEmpty })
    }
}
