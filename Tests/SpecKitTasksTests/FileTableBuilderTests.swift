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
        // The hashes the text jobs make.
        text.withUnsafeBufferPointer { b in
            for c in outputs.indices {
                outputs[c].pathHashes = outputs[c].paths.map { ByteInterner.hash(b, $0.0, $0.1) }
            }
        }
        return (text, results, outputs, Int(maxTask) + 1)
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
        text.withUnsafeBufferPointer { b in output.pathHashes = output.paths.map { ByteInterner.hash(b, $0.0, $0.1) } }
        let built = Self.builtTables(text, results, [output], taskCount: results.count)
        let plain = Self.plainTables(text, results, [output])
        #expect(built.paths.count == plain.paths.count)
        let same = built == plain
        #expect(same)
    }
}
