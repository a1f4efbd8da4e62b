import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// `FileTableBuilder` writes its tables in place and makes each path's String
/// from the document span where the path first appears. Compared here with
/// plain interning written out (a dictionary of byte arrays, appends), over
/// made-up documents: paths short and long, ASCII, UTF-8 and invalid UTF-8,
/// directories, repeats within a task and across tasks, jobs in several
/// chunks, tasks without a job, and jobs out of task order.
@Suite("File table builder")
struct FileTableBuilderTests {
    struct Tables: Equatable {
        var paths: [String]
        var isDirectory: [Bool]
        var offsets: [Int32]
        var ids: [Int32]
    }

    /// The tables as plain interning makes them, job after job.
    static func plainTables(_ text: [UInt8], _ results: [TextJobResult], _ outputs: [ChunkOutput]) -> Tables {
        var keyOf: [[UInt8]: Int32] = [:]
        var keys: [[UInt8]] = []
        var offsets: [Int32] = [0]
        var ids: [Int32] = []
        for r in results {
            while offsets.count <= Int(r.task) { offsets.append(Int32(ids.count)) }
            let first = ids.count
            for (lo, hi) in outputs[Int(r.chunk)].paths[Int(r.pathStart)..<Int(r.pathEnd)] {
                let bytes = Array(text[lo..<hi])
                let key: Int32
                if let known = keyOf[bytes] {
                    key = known
                } else {
                    key = Int32(keys.count)
                    keyOf[bytes] = key
                    keys.append(bytes)
                }
                if !ids[first...].contains(key) { ids.append(key) }
            }
            offsets.append(Int32(ids.count))
        }
        return Tables(
            paths: keys.map { String(decoding: $0, as: UTF8.self) }, isDirectory: keys.map { $0.last == UInt8(ascii: "/") },
            offsets: offsets, ids: ids)
    }

    /// A made-up document of path-like pieces, and jobs naming some of them.
    static func sample(seed: UInt64, jobs: Int, chunkSize: Int, outOfOrder: Bool)
        -> (text: [UInt8], results: [TextJobResult], outputs: [ChunkOutput], taskCount: Int)
    {
        var g = SeededStream(seed: seed)
        let pieces: [[UInt8]] = [
            Array("src/".utf8), Array("models/".utf8), Array("a".utf8), Array("user_profile_settings".utf8), Array("7".utf8),
            Array("42".utf8), Array(".py".utf8), Array(".md".utf8), Array("/".utf8), Array("é".utf8), [0xFF], [0xC3], [0xE2, 0x82],
            Array("🎯".utf8), Array("config/lint".utf8), Array("-".utf8),
        ]
        // A pool of distinct-ish paths, each written into the document once or more.
        var pool: [[UInt8]] = []
        for _ in 0..<(20 + g.next(200)) {
            var path: [UInt8] = []
            for _ in 0..<(1 + g.next(8)) { path += pieces[g.next(pieces.count)] }
            pool.append(path)
        }
        var text: [UInt8] = Array("# Tasks\n".utf8)
        var outputs: [ChunkOutput] = []
        var results: [TextJobResult] = []
        var task: Int32 = 0
        var maxTask: Int32 = 0
        for j in 0..<jobs {
            if j % chunkSize == 0 { outputs.append(ChunkOutput()) }
            let chunk = outputs.count - 1
            // Gaps: tasks with no job (heading-less, phase tasks); now and then one out of order.
            task += Int32(g.next(3) == 0 ? 1 + g.next(3) : 1)
            var thisTask = task
            if outOfOrder, g.next(10) == 0 { thisTask = Int32(g.next(Int(task) + 1)) }
            maxTask = max(maxTask, thisTask)
            var r = TextJobResult()
            r.task = thisTask
            r.chunk = Int32(chunk)
            r.pathStart = Int32(outputs[chunk].paths.count)
            for _ in 0..<g.next(4) {
                text += Array(" in ".utf8)
                let path = pool[g.next(pool.count)]
                let lo = text.count
                text += path
                outputs[chunk].paths.append((lo, text.count))
            }
            text.append(0x0A)
            r.pathEnd = Int32(outputs[chunk].paths.count)
            results.append(r)
        }
        return (text, results, Self.linked(outputs, text), Int(maxTask) + 1)
    }

    /// `outputs` with the hashes and links the text jobs make
    /// (`ChunkOutput.addPath`, one table of recent paths per chunk); with
    /// `links: false`, no span linked to another (every one is probed).
    static func linked(_ outputs: [ChunkOutput], _ text: [UInt8], links: Bool = true) -> [ChunkOutput] {
        text.withUnsafeBufferPointer { b in
            let recent = UnsafeMutablePointer<RecentPath>.allocate(capacity: RecentPath.count)
            defer { recent.deallocate() }
            return outputs.map { output in
                recent.initialize(repeating: RecentPath(), count: RecentPath.count)
                var made = ChunkOutput()
                for (lo, hi) in output.paths { made.addPath(b, lo, hi, recent: recent) }
                if !links { made.pathLinks = made.pathLinks.map { _ in -1 } }
                return made
            }
        }
    }

    static func builtTables(_ text: [UInt8], _ results: [TextJobResult], _ outputs: [ChunkOutput], taskCount: Int) -> Tables {
        text.withUnsafeBufferPointer { b in
            let builder = FileTableBuilder(text: b, results: results, outputs: outputs, taskCount: taskCount)
            builder.run()
            return Tables(paths: builder.paths, isDirectory: builder.isDirectory, offsets: builder.offsets, ids: builder.ids)
        }
    }

    @Test(arguments: 0..<40)
    func tablesMatchPlainInterning(seed: Int) {
        let jobs = [0, 1, 5, 300, 2000][seed % 5]
        let (text, results, outputs, taskCount) = Self.sample(
            seed: UInt64(seed) + 1, jobs: jobs, chunkSize: [1, 7, 64, 4096][seed % 4], outOfOrder: seed % 3 == 0)
        let built = Self.builtTables(text, results, outputs, taskCount: taskCount)
        let plain = Self.plainTables(text, results, outputs)
        #expect(built.paths.count == plain.paths.count)
        let same = built == plain
        #expect(same)
        // Every span probed, none given its key by a link: the same tables.
        let probed = Self.builtTables(text, results, Self.linked(outputs, text, links: false), taskCount: taskCount)
        let sameProbed = probed == plain
        #expect(sameProbed)
    }

    /// Each link names an earlier span of the chunk with the same bytes, and
    /// the span just before, when it has the same bytes, is always found.
    @Test(arguments: 0..<8)
    func linksNameEarlierSpansOfTheSameBytes(seed: Int) {
        let (text, _, outputs, _) = Self.sample(seed: UInt64(seed) + 100, jobs: 3000, chunkSize: [64, 4096][seed % 2], outOfOrder: false)
        var linked = 0, wrong = 0, missed = 0
        for output in outputs {
            #expect(output.pathLinks.count == output.paths.count)
            #expect(output.pathHashes.count == output.paths.count)
            for (i, (lo, hi)) in output.paths.enumerated() {
                let link = Int(output.pathLinks[i])
                let bytes = Array(text[lo..<hi])
                let hash = text.withUnsafeBufferPointer { ByteInterner.hash($0, lo, hi) }
                if output.pathHashes[i] != hash { wrong += 1 }
                if link >= 0 {
                    linked += 1
                    let (a, b) = output.paths[link]
                    if link >= i || Array(text[a..<b]) != bytes { wrong += 1 }
                } else if i > 0 {
                    let (a, b) = output.paths[i - 1]
                    if Array(text[a..<b]) == bytes { missed += 1 }
                }
            }
        }
        #expect(wrong == 0)
        #expect(missed == 0)
        #expect(linked > 0)
    }

    /// `SpanInterner.equal` against a plain comparison, for spans of every
    /// length up to 20 that differ at each byte, overlap or touch the buffer's ends.
    @Test func spanEqualityMatchesPlainComparison() {
        var g = SeededStream(seed: 77)
        // A block of 50 bytes eight times over, a byte changed here and there:
        // spans 50 bytes apart often hold the same bytes.
        var block: [UInt8] = []
        for _ in 0..<50 { block.append([UInt8(ascii: "a"), UInt8(ascii: "b"), 0xC3, UInt8(ascii: "/")][g.next(4)]) }
        var text: [UInt8] = []
        for _ in 0..<8 { text += block }
        for _ in 0..<12 { text[g.next(text.count)] = UInt8(ascii: "z") }
        var wrong = 0
        text.withUnsafeBufferPointer { b in
            for _ in 0..<20000 {
                let n = g.next(21)
                let x = g.next(b.count - n + 1)
                var y = x + 50 * (g.next(15) - 7)
                if y < 0 || y + n > b.count { y = g.next(b.count - n + 1) }
                let plain = Array(b[x..<x + n]) == Array(b[y..<y + n])
                if SpanInterner.equal(b, (x, x + n), (y, y + n)) != plain { wrong += 1 }
                let m = g.next(21)
                let z = g.next(b.count - m + 1)
                if SpanInterner.equal(b, (x, x + n), (z, z + m)) != (Array(b[x..<x + n]) == Array(b[z..<z + m])) { wrong += 1 }
            }
        }
        #expect(wrong == 0)
    }

    /// Many distinct paths: the Strings are made in parallel chunks.
    @Test func manyDistinctPathsMatchPlainInterning() {
        var text: [UInt8] = []
        var output = ChunkOutput()
        var results: [TextJobResult] = []
        for n in 0..<40000 {
            let lo = text.count
            text += Array((n % 3 == 0 ? "src/p\(n)/" : n % 3 == 1 ? "docs/é\(n).md" : "a\(n % 500)").utf8)
            output.paths.append((lo, text.count))
            text.append(0x20)
            var r = TextJobResult()
            r.task = Int32(n)
            r.pathStart = Int32(n)
            r.pathEnd = Int32(n + 1)
            results.append(r)
        }
        let outputs = Self.linked([output], text)
        let built = Self.builtTables(text, results, outputs, taskCount: results.count)
        let plain = Self.plainTables(text, results, outputs)
        #expect(built.paths.count == plain.paths.count)
        let same = built == plain
        #expect(same)
    }
}
