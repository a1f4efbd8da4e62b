import CByteClasses
import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A task's text, to be read after the line scan: its own line (from the ID
/// or the description on) and its body lines.
struct TextJob {
    var task: Int32
    var line: Int32
    /// Where the ID starts when the ID string, labels and description are
    /// still to be read (checkbox tasks; the ID ends at `descriptionStart`);
    /// -1 when the line scan read them.
    var idStart: Int
    var descriptionStart: Int
    var descriptionEnd: Int
    var lineStart: Int
    /// The body is `bodyLines[firstBodyLine..<bodyLineEnd]`.
    var firstBodyLine: Int32
    var bodyLineEnd: Int32
    /// A heading task with a body: look for a `**Status**:` field.
    var heading: Bool
    /// The ID at `idStart` is a task ID of the usual kind (`T012`): its
    /// String is its bytes (`taskIDString` would find the same).
    var plainID = false

    /// A job with no body yet (`bodyLineEnd` is set when the task closes).
    init(task: Int32, idStart: Int, descriptionStart: Int, descriptionEnd: Int, line: Int32, lineStart: Int, firstBodyLine: Int) {
        self.task = task
        self.line = line
        self.idStart = idStart
        self.descriptionStart = descriptionStart
        self.descriptionEnd = descriptionEnd
        self.lineStart = lineStart
        self.firstBodyLine = Int32(truncatingIfNeeded: firstBodyLine)
        self.bodyLineEnd = self.firstBodyLine
        self.heading = false
    }
}

/// What reading one task's text found, besides what went onto the task itself.
struct TextJobResult {
    var task: Int32 = 0
    /// Reference groups: `ChunkOutput.references[referenceStart..<referenceEnd]`.
    var referenceStart: Int32 = 0
    var referenceEnd: Int32 = 0
    /// The job's paths: spans of the document, `ChunkOutput.paths[pathStart..<pathEnd]`.
    var pathStart: Int32 = 0
    var pathEnd: Int32 = 0
    /// The chunk that read the job.
    var chunk: Int32 = 0
}

/// What one chunk of text jobs found, in job order.
struct ChunkOutput {
    var references: [(references: [Reference], reversed: Bool)] = []
    /// `parallel with T006` in a task's text, in job order.
    var parallels: [PendingParallel] = []
    /// Tasks whose first line ends in a duration after a dash (`… - 1h`) and
    /// that have no other estimate: estimates only in a document that writes
    /// most of its tasks so (`DocumentParser.mergeTextJobs`).
    var trailingEstimates: [(task: Int32, estimate: Estimate)] = []
    /// Every job's path spans (document offsets), in job order.
    var paths: [(Int, Int)] = []
    /// `ByteInterner.hash` of each span of `paths`, made here in parallel so
    /// that the serial interning of `FileTableBuilder` only probes.
    var pathHashes: [UInt64] = []
    /// Per span of `paths`: the index of an earlier span of the chunk with the
    /// same bytes, or -1. `FileTableBuilder` gives such a span that span's
    /// key without a probe: comparing the two in the table, out of cache,
    /// cost more than the rest of a span's interning.
    var pathLinks: [Int32] = []

    /// Appends a path span of `b` (document offsets), its hash and its link:
    /// the span of the chunk with the same bytes that `recent` (a table of
    /// `RecentPath.count` entries, by hash) holds, compared here, where the
    /// bytes are in cache (a task names the paths of the tasks just before
    /// it, mostly); -1 when there is none (a repeat the table lost is
    /// interned as any other span).
    /// - Complexity: O(hi - lo).
    @inline(__always)
    mutating func addPath(_ b: Bytes, _ lo: Int, _ hi: Int, recent: UnsafeMutablePointer<RecentPath>) {
        let h = ByteInterner.hash(b, lo, hi)
        let i = Int32(truncatingIfNeeded: paths.count)
        let r = recent + Int(truncatingIfNeeded: (h ^ (h >> 29)) & UInt64(RecentPath.count - 1))
        let seen = r.pointee
        if seen.hash == h, seen.span >= 0, SpanInterner.equal(b, paths[Int(seen.span)], (lo, hi)) {
            pathLinks.append(seen.span)
        } else {
            pathLinks.append(-1)
            r.pointee = RecentPath(hash: h, span: i)
        }
        paths.append((lo, hi))
        pathHashes.append(h)
    }
}

/// An entry of the table of recent paths `ChunkOutput.addPath` looks in.
struct RecentPath {
    static let count = 256
    var hash: UInt64 = 0
    /// The span's index in `ChunkOutput.paths`; -1 for an empty entry.
    var span: Int32 = -1
}

/// Scratch buffers of one reader, reused by every task it reads.
struct TextScratch {
    var spans: [(Int, Int)] = []
    var paths: [(Int, Int)] = []
    var joined: [UInt8] = []
    var segments: [(offset: Int, line: Int32, columnBase: Int)] = []
    var facts = TaskTextFacts()
    /// The description spans of the tasks read (document offsets), and their
    /// tasks, `described` of each: made `TaskText`s sharing one buffer once
    /// the chunk is read. Written in place, in room for every job of the
    /// chunk (`readChunk` makes it and frees it): no array append per task.
    var descriptions = UnsafeMutableBufferPointer<(Int, Int)>(start: nil, count: 0)
    var describedTasks = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    var described = 0
    /// The chunk's recent paths (`ChunkOutput.addPath`), `RecentPath.count`
    /// of them; made and freed by `readChunk`, as `descriptions`.
    var recentPaths = UnsafeMutablePointer<RecentPath>(bitPattern: MemoryLayout<RecentPath>.alignment)!
    /// The reads of a task that had none before its text: separated into
    /// this buffer, which a task gets a copy of only when it cites something.
    var reads: [String] = []
    /// The stories of the last task read that had any.
    var stories: [String] = []
    /// Where a task's labels put its stories: kept from task to task, so
    /// reading a task's stories allocates no array (its task is given
    /// `stories`, shared, or a copy when they differ).
    var storyBuffer: [String] = []
    /// The last story name made, for the next task of the same story.
    var storyNames = DocumentParser.StoryNameCache()
}

extension DocumentParser {
    /// Queues a task's text. The references it finds go after the pending
    /// references made so far (`placeReferences`).
    mutating func addTextJob(_ job: TextJob) {
        // The pipeline is handed a chunk only when it is not behind: what it
        // has not taken when the scan ends is read on every core. While it is
        // behind, it is asked again every 64 jobs, not at every job (each ask
        // retains and releases it, an object its own thread writes).
        let waiting = textJobs.count
        if waiting >= TextPipeline.chunkSize, waiting & 63 == 0, let pipeline, pipeline.backlog < 2 { dispatch(to: pipeline) }
        placeReferences()
        textJobs.append(job)
    }

    /// Sets `jobsBefore` on the pending references made since the last job
    /// was queued. (Holding a place for every job instead cost an entry a
    /// task, where few texts name other tasks.)
    @inline(__always) mutating func placeReferences() {
        guard placedReferences < taskReferences.count else { return }
        let jobs = Int32(truncatingIfNeeded: dispatchedJobs + textJobs.count)
        for k in placedReferences..<taskReferences.count { taskReferences[k].jobsBefore = jobs }
        placedReferences = taskReferences.count
    }

    /// Reads every queued task text: ID strings, labels and descriptions of
    /// checkbox tasks, dependency clauses, estimates, paths, owners and status
    /// fields.
    ///
    /// Each text is independent of the others, so large documents are read in
    /// chunks on every core; what must stay in document order (references,
    /// the file tables) is merged afterwards, so the result is the same as a
    /// serial read.
    /// - Complexity: O(total text), spread over the cores.
    mutating func runTextJobs() {
        let jobCount = dispatchedJobs + textJobs.count
        guard jobCount > 0 else { return }
        placeReferences()
        // Chunks the pipeline took during the line scan come first; the rest
        // are read on every core while it finishes its last ones.
        let pipelined = pipeline?.handedOver ?? 0
        let first = dispatchedJobs
        let chunkSize = TextPipeline.chunkSize
        let chunkCount = (jobCount - first + chunkSize - 1) / chunkSize
        let chunkBase = pipelined
        var outputs = [ChunkOutput](repeating: ChunkOutput(), count: pipelined + chunkCount)
        let reader = TextReader(text: bytes, bodyLines: bodyLines, wordedIDs: wordedIDs)
        // Every job's result is written once, by the chunk that reads it (the
        // pipeline's jobs `0..<first`, then the rest), so the array is not
        // zero-filled first.
        let results = [TextJobResult](unsafeUninitializedCapacity: jobCount) { results, initialized in
            textJobs.withWaiting { jobs in
                tasks.withUnsafeMutableBufferPointer { tasks in
                    outputs.withUnsafeMutableBufferPointer { outputs in
                        let shared = SharedJobs(jobs: jobs, tasks: tasks, results: results, outputs: outputs)
                        forEachChunk(count: jobCount - first, size: chunkSize) { c, range in
                            let chunk = chunkBase + c
                            var j = range.lowerBound + first
                            shared.outputs[chunk] = reader.readChunk(
                                shared.jobs[range],
                                tasks: shared.tasks.baseAddress!, chunk: Int32(chunk)
                            ) { result in
                                (shared.results.baseAddress! + j).initialize(to: result)
                                j += 1
                            }
                        }
                    }
                }
            }
            if let pipeline {
                self.pipeline = nil
                pipeline.done.wait()
                for (k, chunk) in pipeline.chunks.enumerated() {
                    for (j, r) in chunk.results.enumerated() { (results.baseAddress! + chunk.firstJob + j).initialize(to: r) }
                    outputs[k] = chunk.output
                }
            }
            initialized = jobCount
        }
        textJobs.removeAll()
        bodyLines = []
        dispatchedJobs = 0
        // The reference groups leave the outputs here, where nothing else
        // holds them, so that the merge moves each group's references instead
        // of copying them (a reference count each on an array made long
        // before, out of cache, and another when the outputs went).
        var groups: [[(references: [Reference], reversed: Bool)]] = []
        groups.reserveCapacity(outputs.count)
        for k in outputs.indices {
            var taken: [(references: [Reference], reversed: Bool)] = []
            swap(&taken, &outputs[k].references)
            groups.append(taken)
        }
        mergeTextJobs(results, outputs, groups: &groups)
    }

    /// Hands the next `TextPipeline.chunkSize` jobs to the pipeline; the queue
    /// drops them (`HandOverQueue`), so while the pipeline keeps up it stays a
    /// few chunks long, in cache, instead of holding every task's job (56 MB at
    /// 1M tasks). Every one of them is closed: a later job was queued after them.
    private mutating func dispatch(to pipeline: TextPipeline) {
        let range = dispatchedJobs..<dispatchedJobs + TextPipeline.chunkSize
        let jobs = textJobs.handOver(TextPipeline.chunkSize)
        var bodyLo = Int(jobs[0].firstBodyLine), bodyHi = bodyLo
        for job in jobs {
            bodyLo = min(bodyLo, Int(job.firstBodyLine))
            bodyHi = max(bodyHi, Int(job.bodyLineEnd))
        }
        let reader = TextReader(text: bytes, bodyLines: bodyLines.copied(bodyLo..<bodyHi), bodyBase: bodyLo, wordedIDs: wordedIDs)
        let taskBase = tasks.withUnsafeMutableBufferPointer { $0.baseAddress! }
        pipeline.read(jobs, firstJob: range.lowerBound, reader: reader, tasks: taskBase)
        dispatchedJobs = range.upperBound
    }

    /// Appends a task. The pipeline writes into the tasks array in place, so
    /// before the array grows (and moves) the pipeline is let finish.
    @inline(__always) mutating func appendTask(_ task: consuming SpecTask) {
        if let pipeline, tasks.count == tasks.capacity { pipeline.done.wait() }
        tasks.append(consume task)
    }

    /// References into their places in `taskReferences` (those of job `j`
    /// after the entries made before it was queued, before the others); the
    /// paths go into the document's file tables on another thread (`FileTableBuilder`).
    private mutating func mergeTextJobs(
        _ results: [TextJobResult], _ outputs: [ChunkOutput], groups: inout [[(references: [Reference], reversed: Bool)]]
    ) {
        // The file tables are built on another thread while the references are
        // merged here and resolved (`finish`); `completeFileTables` waits for
        // them. Started first: the merge below is serial, and the other core
        // had nothing to do while it ran.
        let builder = FileTableBuilder(text: bytes, results: results, outputs: outputs, taskCount: tasks.count)
        if results.count < 1 << 14 {
            builder.run()
        } else {
            DispatchQueue.global().async(group: builder.done) { builder.run() }
        }
        pendingFileTables = builder

        var merged: [PendingTaskReferences] = []
        merged.reserveCapacity(taskReferences.count + groups.reduce(0) { $0 + $1.count })
        results.withUnsafeBufferPointer { results in
            var job = 0
            for k in 0...taskReferences.count {
                let upTo = k < taskReferences.count ? Int(taskReferences[k].jobsBefore) : results.count
                while job < upTo {
                    let r = results[job]
                    job += 1
                    guard r.referenceEnd > r.referenceStart else { continue }
                    groups[Int(r.chunk)].withUnsafeMutableBufferPointer { groups in
                        for g in Int(r.referenceStart)..<Int(r.referenceEnd) {
                            var references: [Reference] = []
                            swap(&references, &groups[g].references)
                            merged.append(PendingTaskReferences(task: r.task, references: references, reversed: groups[g].reversed))
                        }
                    }
                }
                if k < taskReferences.count { merged.append(taskReferences[k]) }
            }
        }
        taskReferences = merged
        placedReferences = merged.count
        for output in outputs { parallels += output.parallels }
        // A document that ends most of its task lines with `- 1h` writes its
        // estimates so; in any other, `Set the session lifetime - 7d` states a
        // setting, not an effort.
        let trailing = outputs.reduce(0) { $0 + $1.trailingEstimates.count }
        if trailing >= 3, trailing * 2 >= tasks.count {
            for output in outputs {
                for (t, estimate) in output.trailingEstimates where tasks[Int(t)].estimate == nil { tasks[Int(t)].estimate = estimate }
            }
        }
    }

    /// Waits for the file tables `mergeTextJobs` started, takes them, and sets
    /// every task's `files`. Does nothing when there are none pending.
    mutating func completeFileTables() {
        guard let builder = pendingFileTables else { return }
        pendingFileTables = nil
        builder.done.wait()
        isDirectory = builder.isDirectory
        taskFileOffsets = builder.offsets
        taskFileIDs = builder.ids
        filePaths = builder.paths
        if let strings = builder.takeFileStrings() { setTaskFiles(strings) }
    }

    /// Every task's `files` from the file tables: `strings` holds the String
    /// of each entry of `taskFileIDs` (shared with `filePaths`), each moved
    /// into its task here, so no reference is counted; `strings` is then freed.
    private mutating func setTaskFiles(_ strings: UnsafeMutablePointer<String>) {
        let taskCount = taskFileOffsets.count - 1
        taskFileOffsets.withUnsafeBufferPointer { offsets in
            tasks.withUnsafeMutableBufferPointer { tasks in
                let shared = SharedFileTables(offsets: offsets, strings: strings, tasks: tasks)
                // Every task's list is still `FileList()`: written over, not released.
                let empty = FileList.EmptyBits()
                // The tasks were last written when their texts were read: each
                // list is asked for a few tasks ahead.
                let filesOffset = MemoryLayout<SpecTask>.offset(of: \SpecTask.files) ?? 0
                forEachChunk(count: taskCount, size: 16384) { _, range in
                    for t in range {
                        if t + 8 < range.upperBound {
                            cbyteclasses_prefetch(UnsafeRawPointer(shared.tasks.baseAddress! + t + 8) + filesOffset)
                        }
                        let lo = Int(shared.offsets[t])
                        let hi = Int(shared.offsets[t + 1])
                        guard hi > lo else { continue }
                        let list = shared.tasks.baseAddress! + t
                        // One path (the common case): held inline, no allocation.
                        if hi - lo == 1 {
                            withUnsafeMutablePointer(to: &list.pointee.files) {
                                empty.set(FileList(path: (shared.strings + lo).move()), at: $0)
                            }
                            continue
                        }
                        let files = [String](unsafeUninitializedCapacity: hi - lo) { files, count in
                            files.baseAddress!.moveInitialize(from: shared.strings + lo, count: hi - lo)
                            count = hi - lo
                        }
                        withUnsafeMutablePointer(to: &list.pointee.files) { empty.set(FileList(files), at: $0) }
                    }
                }
            }
        }
        strings.deallocate()
    }
}

/// Task texts read on another thread while the line scan goes on (large
/// documents): the scan hands over chunks of closed jobs, which are read in
/// order, one chunk at a time, exactly as `runTextJobs` reads the rest.
final class TextPipeline: @unchecked Sendable {
    static let chunkSize = 4096
    /// Documents from this size on are read with a pipeline.
    static let minimumBytes = 1 << 20
    struct Chunk {
        var firstJob: Int
        var results: [TextJobResult]
        var output: ChunkOutput
    }
    let done = DispatchGroup()
    private let queue = DispatchQueue(label: "specgraph.text-pipeline")
    /// Read chunks, in job order: written only on the pipeline's queue, read
    /// only after `done.wait()`.
    private(set) var chunks: [Chunk] = []
    /// Chunks handed over (the scan's thread only).
    private(set) var handedOver = 0
    /// Chunks handed over and not yet read.
    private let pending = Atomic<Int>(0)
    var backlog: Int { pending.load(ordering: .relaxed) }
    /// Whether a chunk was read without worded IDs (the scan's thread only).
    private(set) var readPlain = false

    func read(_ jobs: [TextJob], firstJob: Int, reader: TextReader, tasks: UnsafeMutablePointer<SpecTask>) {
        if !reader.wordedIDs { readPlain = true }
        let index = Int32(handedOver)
        handedOver += 1
        pending.add(1, ordering: .relaxed)
        let shared = SharedTasks(base: tasks)
        queue.async(group: done) {
            var results: [TextJobResult] = []
            results.reserveCapacity(jobs.count)
            let output = reader.readChunk(jobs, tasks: shared.base, chunk: index) { results.append($0) }
            self.chunks.append(Chunk(firstJob: firstJob, results: results, output: output))
            self.pending.subtract(1, ordering: .relaxed)
        }
    }
}

private struct SharedTasks: @unchecked Sendable {
    let base: UnsafeMutablePointer<SpecTask>
}

/// The document's file tables, made from every task's path spans: each path
/// interned (so files are numbered in order of first appearance in the
/// document, each once per task), then the CSR tables and the path Strings,
/// with a String per table entry for the parser to move into the tasks.
/// Reads only what it was given and the document's bytes (which outlive it:
/// the parser waits for it before it lets them go), so it runs beside the parser.
final class FileTableBuilder: @unchecked Sendable {
    let done = DispatchGroup()
    private let text: Bytes
    private(set) var isDirectory: [Bool] = []
    /// The task file tables, made from the jobs' paths (the parser has none before).
    private(set) var offsets: [Int32] = [0]
    private(set) var ids: [Int32] = []
    private(set) var paths: [String] = []
    /// One String per entry of `ids`, `paths[ids[k]]` (the same object):
    /// each task's files, ready to be moved into it (`takeFileStrings`).
    /// Every path's String gets its tasks' references where it is made, in
    /// cache; set from `paths` afterwards, a task's retain met a String made
    /// tens of milliseconds before (a cache miss per task at a million).
    private var fileStrings: UnsafeMutablePointer<String>?
    private var fileStringCount = 0
    private var results: [TextJobResult]
    private var outputs: [ChunkOutput]
    /// The parser's task count: every job's task is below it.
    private let taskCount: Int

    /// Takes what `run` reads; does nothing else (the parser's thread goes on
    /// with the references while `run` works on another).
    init(text: Bytes, results: [TextJobResult], outputs: [ChunkOutput], taskCount: Int) {
        self.text = text
        self.taskCount = max(taskCount, results.count)
        self.results = results
        self.outputs = outputs
    }

    deinit {
        if let fileStrings {
            fileStrings.deinitialize(count: fileStringCount)
            fileStrings.deallocate()
        }
    }

    /// The Strings of `ids` (`paths[ids[k]]`, each its own reference), which
    /// the caller must consume and deallocate; nil after the first call.
    func takeFileStrings() -> UnsafeMutablePointer<String>? {
        defer { fileStrings = nil }
        return fileStrings
    }

    /// - Complexity: linear in the file mentions (and the bytes of the
    ///   distinct paths, and of the mentions whose hash meets another path's).
    func run() {
        let b = text
        // The tables are worked on as locals (the class's stored arrays would
        // take an exclusivity check and a reference count per access), and
        // written in place, in room for every entry they can get: the ids at
        // most one per mention; the offsets one per task, and one more per job
        // (as many as there are jobs when the jobs come in task order, as they
        // do). No append (a uniqueness check each, 370 000 at 100k tasks).
        let results = self.results, outputs = self.outputs
        (self.results, self.outputs) = ([], [])
        // Every distinct path is one of the spans: their count bounds the
        // table, so it never grows.
        let mentions = Self.mentionCount(of: outputs)
        var table = SpanInterner(capacity: mentions)
        defer { table.deallocate() }
        // Where each path is first a task's file (an index of `ids`), and the
        // other entries of `ids`, whose path was a file of an earlier task.
        let firstEntry = UnsafeMutablePointer<Int32>.allocate(capacity: max(mentions, 1))
        let repeated = UnsafeMutablePointer<Int32>.allocate(capacity: max(mentions, 1))
        defer {
            firstEntry.deallocate()
            repeated.deallocate()
        }
        var repeatCount = 0
        // The key of each span of the chunk being read, for the spans that
        // name an earlier one (`ChunkOutput.pathLinks`).
        let spanKeys = UnsafeMutablePointer<Int32>.allocate(capacity: max(outputs.reduce(0) { max($0, $1.paths.count) }, 1))
        defer { spanKeys.deallocate() }
        let offsetCapacity = taskCount + results.count + 1
        var ids: [Int32] = []
        let offsets = [Int32](unsafeUninitializedCapacity: offsetCapacity) { offsets, offsetCount in
            ids = [Int32](unsafeUninitializedCapacity: mentions) { ids, idCount in
                let o = offsets.baseAddress!
                let d = ids.baseAddress
                o[0] = 0
                var n = 1, m = 0
                results.withUnsafeBufferPointer { results in
                    // Results come in runs of one chunk: each run takes its chunk's
                    // buffers once (taking them per task cost four reference counts a task).
                    var runStart = 0
                    while runStart < results.count {
                        let chunk = Int(results[runStart].chunk)
                        var runEnd = runStart + 1
                        while runEnd < results.count, Int(results[runEnd].chunk) == chunk { runEnd += 1 }
                        outputs[chunk].paths.withUnsafeBufferPointer { spans in
                            outputs[chunk].pathHashes.withUnsafeBufferPointer { hashes in
                                outputs[chunk].pathLinks.withUnsafeBufferPointer { links in
                                    for r in results[runStart..<runEnd] {
                                        let index = Int(r.task)
                                        while n <= index {
                                            o[n] = Int32(truncatingIfNeeded: m)
                                            n += 1
                                        }
                                        let first = m
                                        for i in Int(r.pathStart)..<Int(r.pathEnd) {
                                            // The slots are far larger than the cache.
                                            if i + Self.prefetchDistance < hashes.count {
                                                table.prefetch(hash: hashes[i + Self.prefetchDistance])
                                            }
                                            let key: Int32
                                            let link = Int(links[i])
                                            if link >= 0 {
                                                // The bytes of an earlier span of the chunk: its key.
                                                key = spanKeys[link]
                                            } else {
                                                let (lo, hi) = spans[i]
                                                let (found, inserted) = table.intern(b, lo, hi, hash: hashes[i])
                                                key = found
                                                spanKeys[i] = key
                                                // A new path is in no task's list yet.
                                                if inserted {
                                                    firstEntry[Int(key)] = Int32(truncatingIfNeeded: m)
                                                    d![m] = key
                                                    m += 1
                                                    continue
                                                }
                                            }
                                            spanKeys[i] = key
                                            var seen = false
                                            for k in first..<m where d![k] == key { seen = true }
                                            if !seen {
                                                repeated[repeatCount] = Int32(truncatingIfNeeded: m)
                                                repeatCount += 1
                                                d![m] = key
                                                m += 1
                                            }
                                        }
                                        o[n] = Int32(truncatingIfNeeded: m)
                                        n += 1
                                    }
                                }
                            }
                        }
                        runStart = runEnd
                    }
                }
                offsetCount = n
                idCount = m
            }
        }
        (self.offsets, self.ids) = (offsets, ids)
        // The Strings, with their directory flags and their first task's
        // reference, made in parallel chunks of paths; then the references
        // of the entries that name an earlier task's path.
        let keyCount = table.count
        let strings = UnsafeMutablePointer<String>.allocate(capacity: max(ids.count, 1))
        var paths: [String] = []
        isDirectory = [Bool](unsafeUninitializedCapacity: keyCount) { flags, flagCount in
            paths = [String](unsafeUninitializedCapacity: keyCount) { paths, pathCount in
                let shared = SharedPathStrings(
                    text: b, spans: table.spans, firstEntry: firstEntry, paths: paths.baseAddress, flags: flags.baseAddress,
                    strings: strings)
                forEachChunk(count: keyCount, size: 16384) { _, range in
                    for k in range {
                        let (lo, hi) = shared.spans[k]
                        let path = shared.text.string(lo, hi)
                        shared.flags![k] = shared.text[hi - 1] == UInt8(ascii: "/")
                        (shared.strings + Int(shared.firstEntry[k])).initialize(to: path)
                        (shared.paths! + k).initialize(to: path)
                    }
                }
                pathCount = keyCount
            }
            flagCount = keyCount
        }
        paths.withUnsafeBufferPointer { paths in
            ids.withUnsafeBufferPointer { ids in
                let shared = SharedRepeats(paths: paths, ids: ids, repeated: repeated, strings: strings)
                forEachChunk(count: repeatCount, size: 16384) { _, range in
                    for r in range {
                        let entry = Int(shared.repeated[r])
                        (shared.strings + entry).initialize(to: shared.paths[Int(shared.ids[entry])])
                    }
                }
            }
        }
        self.paths = paths
        fileStrings = strings
        fileStringCount = ids.count
    }

    /// How many spans ahead of the one interned `run` asks for a slot.
    static let prefetchDistance = 16

    /// How many path spans the outputs hold: a bound on the distinct paths
    /// and on the task file entries.
    static func mentionCount(of outputs: [ChunkOutput]) -> Int {
        outputs.reduce(0) { $0 + $1.paths.count }
    }
}

/// What the chunks of `FileTableBuilder.run` making the path Strings share;
/// each writes the entries of its own paths only.
private struct SharedPathStrings: @unchecked Sendable {
    let text: Bytes
    let spans: UnsafeMutablePointer<(Int, Int)>
    let firstEntry: UnsafeMutablePointer<Int32>
    let paths: UnsafeMutablePointer<String>?
    let flags: UnsafeMutablePointer<Bool>?
    let strings: UnsafeMutablePointer<String>
}

/// What the chunks giving the repeated entries their Strings share.
private struct SharedRepeats: @unchecked Sendable {
    let paths: UnsafeBufferPointer<String>
    let ids: UnsafeBufferPointer<Int32>
    let repeated: UnsafeMutablePointer<Int32>
    let strings: UnsafeMutablePointer<String>
}

private struct SharedFileTables: @unchecked Sendable {
    let offsets: UnsafeBufferPointer<Int32>
    let strings: UnsafeMutablePointer<String>
    let tasks: UnsafeMutableBufferPointer<SpecTask>
}

/// The buffers the chunks of `runTextJobs` share. Each chunk writes only the
/// results, outputs and tasks of its own jobs.
private struct SharedJobs: @unchecked Sendable {
    let jobs: UnsafeBufferPointer<TextJob>
    let tasks: UnsafeMutableBufferPointer<SpecTask>
    let results: UnsafeMutableBufferPointer<TextJobResult>
    let outputs: UnsafeMutableBufferPointer<ChunkOutput>
}

/// Reads task texts; holds only the document, so any number of threads can
/// use one reader at once.
struct TextReader: @unchecked Sendable {
    let text: Bytes
    let bodyLines: [BodyLine]
    /// The index of `bodyLines[0]` among all the document's body lines.
    let bodyBase: Int
    /// `DocumentParser.triggerTable` and the vocabulary's clause-start
    /// tables, looked up once per reader instead of once per task (each
    /// global's lazy-initialisation check).
    private let triggerClasses: UnsafeBufferPointer<UInt8>
    private let clauseStarts: DependencyVocabulary.ClauseStarts
    private let vocabulary: DependencyVocabulary.Tables
    private let pathTables: DocumentParser.PathTables

    /// Whether references in worded IDs (`Task 3`) are read.
    let wordedIDs: Bool

    init(text: Bytes, bodyLines: [BodyLine], bodyBase: Int = 0, wordedIDs: Bool) {
        self.text = text
        self.wordedIDs = wordedIDs
        self.bodyLines = bodyLines
        self.bodyBase = bodyBase
        triggerClasses = DocumentParser.triggerTable
        clauseStarts = DependencyVocabulary.clauseStarts
        vocabulary = .current
        pathTables = .current
    }

    /// Reads `jobs` in order as chunk `chunk` (their tasks are at `tasks`),
    /// handing each job's result to `take`; returns what the chunk found.
    func readChunk<Jobs: Collection<TextJob>>(
        _ jobs: Jobs, tasks: UnsafeMutablePointer<SpecTask>, chunk: Int32, _ take: (TextJobResult) -> Void
    ) -> ChunkOutput {
        var scratch = TextScratch()
        // At most one description per job.
        scratch.descriptions = .allocate(capacity: jobs.count)
        scratch.describedTasks = .allocate(capacity: jobs.count)
        scratch.recentPaths = .allocate(capacity: RecentPath.count)
        scratch.recentPaths.initialize(repeating: RecentPath(), count: RecentPath.count)
        defer {
            scratch.descriptions.deallocate()
            scratch.describedTasks.deallocate()
            scratch.recentPaths.deallocate()
        }
        var output = ChunkOutput()
        // About one path a task: reserved once rather than grown from empty,
        // chunk after chunk.
        let expected = jobs.underestimatedCount
        output.paths.reserveCapacity(expected)
        output.pathHashes.reserveCapacity(expected)
        output.pathLinks.reserveCapacity(expected)
        // The parser's text scans read only the bytes they are given, never the
        // parser's state: a parser of no text, made per chunk (no reference
        // counts on a parser other threads use) and lent to every task read
        // (a parser stored in the reader was copied, 570 bytes, at every task).
        var scans = DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "")
        scans.wordedIDs = wordedIDs
        for job in jobs {
            take(read(job, into: tasks + Int(job.task), output: &output, chunk: chunk, scratch: &scratch, scans: scans))
        }
        let described = UnsafeBufferPointer(rebasing: scratch.describedTasks[..<scratch.described])
        let spans = UnsafeBufferPointer(rebasing: scratch.descriptions[..<scratch.described])
        TaskText.shared(text, spans: spans) { i, description in tasks[Int(described[i])].descriptionText = copy description }
        return output
    }

    /// Reads one task's text, sets what it finds on `task`, appends
    /// references and path spans to `output`.
    func read(
        _ job: TextJob, into task: UnsafeMutablePointer<SpecTask>, output: inout ChunkOutput, chunk: Int32,
        scratch: inout TextScratch, scans: borrowing DocumentParser
    ) -> TextJobResult {
        let b = text
        var descriptionStart = job.descriptionStart
        if job.idStart >= 0 {
            task.pointee.id =
                job.plainID ? b.string(job.idStart, job.descriptionStart) : b.taskIDString(job.idStart, job.descriptionStart)
            let pooled = task.pointee.stories.isEmpty
            if pooled { swap(&task.pointee.stories, &scratch.storyBuffer) }
            descriptionStart = DocumentParser.readLabels(
                b, into: &task.pointee, from: job.descriptionStart, end: job.descriptionEnd, names: &scratch.storyNames
            )
            // Tasks of one story share one stories array (a million tasks, a few thousand stories).
            if pooled {
                swap(&task.pointee.stories, &scratch.storyBuffer)
                if !scratch.storyBuffer.isEmpty {
                    if scratch.storyBuffer != scratch.stories {
                        scratch.stories = []
                        scratch.stories.reserveCapacity(scratch.storyBuffer.count)
                        scratch.stories.append(contentsOf: scratch.storyBuffer)
                    }
                    task.pointee.stories = scratch.stories
                    // One or two stories: `removeLast` is far cheaper than `removeAll(keepingCapacity:)`.
                    while !scratch.storyBuffer.isEmpty { scratch.storyBuffer.removeLast() }
                }
            } else if !task.pointee.stories.isEmpty {
                if task.pointee.stories == scratch.stories {
                    task.pointee.stories = scratch.stories
                } else {
                    scratch.stories = task.pointee.stories
                }
            }
            let end = DocumentParser.descriptionEnd(b, descriptionStart, job.descriptionEnd, into: &task.pointee)
            // Copied with the chunk's other descriptions into one buffer (`readChunk`).
            scratch.descriptions[scratch.described] = (descriptionStart, end)
            scratch.describedTasks[scratch.described] = job.task
            scratch.described += 1
        }
        var result = TextJobResult(
            task: job.task, referenceStart: Int32(output.references.count), referenceEnd: 0, pathStart: Int32(output.paths.count),
            pathEnd: 0, chunk: chunk)
        if job.bodyLineEnd == job.firstBodyLine {
            let locator = TextLocator((descriptionStart, job.line, job.lineStart))
            readFacts(
                b, descriptionStart, job.descriptionEnd, firstLineEnd: job.descriptionEnd, locator, heading: job.heading, index: job.task,
                into: task, output: &output, scratch: &scratch, scans: scans)
            for (lo, hi) in scratch.paths { output.addPath(b, lo, hi, recent: scratch.recentPaths) }
        } else {
            // Join the description and body lines with newlines so clauses can
            // run across wrapped lines; the locator maps offsets back.
            var joined = scratch.joined
            var segments = scratch.segments
            scratch.joined = []
            scratch.segments = []
            joined.removeAll(keepingCapacity: true)
            segments.removeAll(keepingCapacity: true)
            joined.append(contentsOf: UnsafeBufferPointer(rebasing: b[descriptionStart..<job.descriptionEnd]))
            segments.append((0, job.line, 0 - (descriptionStart - job.lineStart)))
            // Through a buffer pointer: a slice of the body lines would count a
            // reference on an array every chunk of the document reads.
            bodyLines.withUnsafeBufferPointer { lines in
                for line in lines[Int(job.firstBodyLine) - bodyBase..<Int(job.bodyLineEnd) - bodyBase] {
                    joined.append(0x0A)
                    let offset = joined.count
                    segments.append((offset, line.line, offset - (line.start - line.lineStart)))
                    joined.append(contentsOf: UnsafeBufferPointer(rebasing: b[line.start..<line.end]))
                }
            }
            let locator = TextLocator(segments: segments)
            joined.withUnsafeBufferPointer {
                readFacts(
                    $0, 0, $0.count, firstLineEnd: job.descriptionEnd - descriptionStart, locator, heading: job.heading, index: job.task,
                    into: task, output: &output, scratch: &scratch, scans: scans)
            }
            // Paths never hold a newline, so each lies in one line: back to document offsets.
            var s = 0
            for (lo, hi) in scratch.paths {
                while s + 1 < segments.count, segments[s + 1].offset <= lo { s += 1 }
                let documentStart = s == 0 ? descriptionStart : bodyLines[Int(job.firstBodyLine) - bodyBase + s - 1].start
                let shift = documentStart - segments[s].offset
                output.addPath(b, lo + shift, hi + shift, recent: scratch.recentPaths)
            }
            scratch.joined = joined
            scratch.segments = segments
        }
        result.referenceEnd = Int32(output.references.count)
        result.pathEnd = Int32(output.paths.count)
        return result
    }

    /// Reads a text for its facts: dependency clauses and the estimate first
    /// (their spans are not searched for paths), then paths (left in
    /// `scratch.paths`, in the text's offsets), the owner and, for heading
    /// tasks, a `**Status**:` field.
    /// - Complexity: O(hi - lo) for the common task; clause lists and ranges add
    ///   their own length.
    private func readFacts(
        _ b: Bytes, _ lo: Int, _ hi: Int, firstLineEnd: Int, _ locator: TextLocator, heading: Bool, index: Int32,
        into task: UnsafeMutablePointer<SpecTask>,
        output: inout ChunkOutput, scratch: inout TextScratch, scans: borrowing DocumentParser
    ) {
        let (triggers, firstKeyword, firstEstimate, firstPath) = DocumentParser.textTriggers(
            b, lo, hi, classes: triggerClasses, starts: clauseStarts, words: vocabulary)
        // A few spans each: `removeLast` costs far less than `removeAll(keepingCapacity:)`.
        while !scratch.spans.isEmpty { scratch.spans.removeLast() }
        while !scratch.paths.isEmpty { scratch.paths.removeLast() }
        if triggers.contains(.keyword) {
            scans.scanDependencyClauses(
                b, lo, hi, locator, into: &scratch.facts, excluded: &scratch.spans, ownID: task.pointee.id, firstWord: firstKeyword)
            for group in scratch.facts.references where !group.references.isEmpty {
                output.references.append(group)
            }
            if !scratch.facts.references.isEmpty { scratch.facts.references.removeAll(keepingCapacity: true) }
            if !scratch.facts.phaseReferences.isEmpty { scratch.facts.phaseReferences.removeAll(keepingCapacity: true) }
            if scratch.facts.statesDependencies { task.pointee.statesDependencies = true }
            if scratch.facts.independent { task.pointee.independent = true }
            for (references, phases, location) in scratch.facts.together {
                output.parallels.append(PendingParallel(task: index, partners: references, partnerPhases: phases, location: location))
            }
            scratch.facts.statesDependencies = false
            scratch.facts.independent = false
            if !scratch.facts.together.isEmpty { scratch.facts.together.removeAll(keepingCapacity: true) }
        }
        if triggers.contains(.estimate), let (estimate, range) = DocumentParser.findEstimate(b, lo, hi, from: firstEstimate) {
            // A label estimate (`T001 [2h] …`) came first.
            if task.pointee.estimate == nil { task.pointee.estimate = estimate }
            scratch.spans.append(range)
        } else if task.pointee.estimate == nil, let (estimate, range) = DocumentParser.trailingEstimate(b, lo, firstLineEnd) {
            // `… in src/x.ts - 1h`.
            output.trailingEstimates.append((index, estimate))
            scratch.spans.append(range)
        }
        if scratch.spans.count > 1 { scratch.spans.sort { $0.0 < $1.0 } }
        if triggers.contains(.path) {
            scans.findPaths(b, lo, hi, excluding: scratch.spans, into: &scratch.paths, firstDotOrSlash: firstPath, tables: pathTables)
            // Cited files (`per data-model.md`) are the task's reads, not its files.
            if !scratch.paths.isEmpty {
                // Few texts cite a file: the task's reads are written back only when this one adds to them.
                if task.pointee.rare == nil {
                    // No reads yet (the common case): separated into the scratch
                    // buffer, not into a copy of the task's (empty) array.
                    scans.separateReads(b, lo, hi, &scratch.paths, reads: &scratch.reads, classes: triggerClasses)
                    if !scratch.reads.isEmpty {
                        task.pointee.reads = scratch.reads
                        scratch.reads = []
                    }
                } else {
                    var reads = task.pointee.reads
                    let count = reads.count
                    scans.separateReads(b, lo, hi, &scratch.paths, reads: &reads, classes: triggerClasses)
                    if reads.count != count { task.pointee.reads = reads }
                }
            }
        }
        if triggers.contains(.owner) { task.pointee.owner = scans.findOwner(b, lo, hi) }
        if heading {
            if let status = scans.findStatusField(b, lo, hi) {
                task.pointee.status = status
            } else if task.pointee.status == .todo, let status = DocumentParser.checklistStatus(b, lo, hi),
                task.pointee.form != .heading || !Array(task.pointee.id.utf8).withUnsafeBufferPointer({ $0.taskIDEnd(at: 0, end: $0.count) == $0.count })
            {
                // Shapes 4–6 (a heading task with a worded ID among them):
                // `[x]` on the steps of its body.
                task.pointee.status = status
            }
        }
    }
}
