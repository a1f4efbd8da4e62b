import Dispatch

/// Parses spec-kit `tasks.md` bytes into a ``SpecDocument`` (docs/grammar.md).
///
/// The parser makes one pass over the lines, recording tasks, headings,
/// checkpoints and unresolved references; a second, cheap step resolves
/// references to task indices (ranges need the whole document) and assigns
/// phases and sections. `docs/grammar.md` describes what is read.
public enum SpecParser {
    /// Parses a whole document. Never traps on any input: bad bytes and odd
    /// lines become diagnostics and parsing goes on.
    ///
    /// - Complexity: O(n) in the number of bytes, plus the size of expanded
    ///   dependency ranges.
    public static func parse(_ bytes: [UInt8], path: String) -> SpecDocument {
        bytes.withUnsafeBufferPointer { parse($0, path: path, pipelined: true) }
    }

    /// ``parse(_:path:)`` of bytes the caller holds, such as a file mapped
    /// into memory: they are read during the call only, never written, and
    /// the document keeps no reference to them.
    ///
    /// - Complexity: O(n) in the number of bytes, plus the size of expanded
    ///   dependency ranges.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> SpecDocument {
        parse(bytes, path: path, pipelined: true)
    }

    /// ``parse(_:path:)``; `pipelined: false` reads every task text after the
    /// line scan, as small documents are read (tests compare the two).
    package static func parse(_ bytes: [UInt8], path: String, pipelined: Bool) -> SpecDocument {
        bytes.withUnsafeBufferPointer { parse($0, path: path, pipelined: pipelined) }
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, path: String, pipelined: Bool) -> SpecDocument {
        let large = buffer.count >= 1 << 20
        // A large document is searched here only at its start (where a file
        // of CR line ends has its first), the rest beside the line scan.
        if let first = firstLoneCarriageReturn(buffer, before: large ? 1 << 16 : buffer.count) {
            return parseWithCarriageReturns(Array(buffer), path: path, first: first)
        }
        // The caller's bytes are read in place. HTML comments are blanked out
        // so that later passes never see them and columns stay exact; the
        // parser copies the document on its first such write (most documents,
        // generated ones included, have only comment-only lines and never do).
        var parser = DocumentParser(text: UnsafeMutableBufferPointer(mutating: buffer), path: path)
        if !large {
            parser.checkEncoding()
            parser.scanLines()
        } else {
            // The search for a lone CR and the encoding check read the
            // caller's bytes beside the line scan, and task texts are read as
            // the scan closes them.
            let check = EncodingCheck(text: buffer)
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) { check.run() }
            parser.pipeline = pipelined && buffer.count >= TextPipeline.minimumBytes ? TextPipeline() : nil
            parser.scanLines()
            group.wait()
            // Lines that end with a CR alone (rare): what was read is
            // dropped, and the document read with its CRs as line ends.
            if let first = check.loneCarriageReturn {
                parser.pipeline?.done.wait()
                parser.releaseCopy()
                return parseWithCarriageReturns(Array(buffer), path: path, first: first)
            }
            // A worded ID (`Task 3`) found after the pipeline read texts
            // without them: those texts are read again, with the whole scan.
            if parser.wordedIDs, let pipeline = parser.pipeline, pipeline.readPlain {
                pipeline.done.wait()
                parser.releaseCopy()
                return parse(buffer, path: path, pipelined: false)
            }
            parser.diagnostics.insert(contentsOf: check.found, at: 0)
        }
        // Shape 7: a document with no task of its own is read again, its
        // checkbox items under headings taken as tasks.
        if parser.tasks.isEmpty, parser.plainCheckboxes > 0 {
            parser.pipeline?.done.wait()
            let diagnostics = parser.diagnostics.filter { $0.code == .invalidUTF8 || $0.code == .unreadable }
            parser.releaseCopy()
            parser = DocumentParser(text: UnsafeMutableBufferPointer(mutating: buffer), path: path)
            parser.generatedIDs = true
            parser.diagnostics = diagnostics
            parser.scanLines()
        }
        parser.runTextJobs()
        parser.mergeDuplicates()
        let document = parser.finish()
        parser.releaseCopy()
        return document
    }
}

extension SpecParser {
    /// The offset of the first CR not followed by LF, if any.
    ///
    /// - Complexity: O(n).
    static func firstLoneCarriageReturn(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        firstLoneCarriageReturn(b, before: b.count)
    }

    /// The offset of the first CR below `limit` not followed by LF, if any
    /// (the byte after it is read even at `limit`).
    static func firstLoneCarriageReturn(_ b: UnsafeBufferPointer<UInt8>, before limit: Int) -> Int? {
        var i = 0
        while let cr = b.firstIndex(of: 0x0D, i, min(limit, b.count)) {
            if cr + 1 == b.count || b[cr + 1] != 0x0A { return cr }
            i = cr + 2
        }
        return nil
    }

    /// Classic Mac OS line ends (CR alone): each lone CR is read as a line end,
    /// with one `cr-line-endings` warning where the first one is. Offsets and
    /// columns are those of the original bytes (one byte replaced by one).
    static func parseWithCarriageReturns(_ bytes: [UInt8], path: String, first: Int) -> SpecDocument {
        var copy = bytes
        var line: Int32 = 1
        for i in 0..<copy.count {
            if copy[i] == 0x0A {
                if i < first { line += 1 }
            } else if copy[i] == 0x0D, i + 1 == copy.count || copy[i + 1] != 0x0A {
                copy[i] = 0x0A
            }
        }
        var document = parse(copy, path: path)
        let warning = Diagnostic(
            .crLineEndings, "lines end with a carriage return (CR) alone, as on classic Mac OS; each is read as a line end",
            at: SourceLocation(line: line, column: Int32(first - (bytes[..<first].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1)))
        let at = document.diagnostics.firstIndex { $0.location > warning.location } ?? document.diagnostics.count
        document.diagnostics.insert(warning, at: at)
        return document
    }
}

/// The encoding check of a large document, run on another thread.
private final class EncodingCheck: @unchecked Sendable {
    let text: Bytes
    /// The offset of the first CR not followed by LF, if any.
    var loneCarriageReturn: Int?
    var found: [Diagnostic] = []
    init(text: Bytes) { self.text = text }
    func run() {
        loneCarriageReturn = SpecParser.firstLoneCarriageReturn(text)
        // A document read again with its CRs as line ends is checked then.
        if loneCarriageReturn == nil { found = DocumentParser.encodingDiagnostics(text) }
    }
}

/// A task reference as written: one ID, or a range `T004-T007`.
struct Reference {
    var id: String
    /// The end of a range; nil for a single ID.
    var upTo: String?
    var location: SourceLocation
}

/// A reference to a phase: `Phase 4` (by its number as written) or `US2` (its story).
enum PhaseReference: Hashable {
    case number(String)
    case story(String)
    /// `Setup`, `Foundational`, `Polish`: every phase with that word in its title (lowercased here).
    case named(String)
    /// `all user stories`, `all desired user stories`: every story phase.
    case allStories
    /// `US6-US24`, `US2–4`: every story numbered between the ends whose phase
    /// is written between the ends' phases, so that a story written elsewhere
    /// in the document (US13 before US6) is not in it, nor is one numbered
    /// outside the range that is written inside it. An end that names no
    /// phase bounds nothing on its side.
    case storyRange(from: Int, to: Int)
}

/// References found in one task's text, not yet resolved.
struct PendingTaskReferences {
    var task: Int32
    var references: [Reference]
    /// `blocks T011`: the named tasks depend on this one.
    var reversed: Bool
    /// How many text jobs were queued before this entry: the references
    /// those jobs find come before it (`mergeTextJobs`). Set when the next
    /// job is queued, or when the jobs are run; -1 until then.
    var jobsBefore: Int32 = -1
}

/// A statement in a Dependencies section: every successor depends on every predecessor.
struct PendingStatement {
    var predecessors: [Reference]
    var successors: [Reference]
    var location: SourceLocation
    /// Written with `←` / `<-`: read the other way round when every edge points backwards.
    var leftArrow: Bool
    /// Statements of one line that share the `←` reversal decision.
    var group: Int32
}

/// A statement between the tasks of phases and named tasks: every task of
/// the phases depends on the tasks (`phasesFollow`), or the other way round.
struct PendingMixedStatement {
    var phases: [PhaseReference]
    var references: [Reference]
    var phasesFollow: Bool
    var location: SourceLocation
    /// Tasks of these phases name nothing here: their phase's statement says it
    /// (`US2 depends on Phase 2 and T010`: T010 unless it is in Phase 2).
    var outsidePhases: [PhaseReference] = []
}

/// A statement that tasks or phases may run together, not yet resolved:
/// `T005, T006 can run in parallel`, `Parallel with: T006` in a task's body
/// (`task` is that task), `US7: independent of other stories`, `T016 independent`.
struct PendingParallel {
    /// The task whose text holds the statement, or -1.
    var task: Int32 = -1
    /// The subject: what the statement is about (`T005, T006 can run in parallel`).
    var references: [Reference] = []
    var phases: [PhaseReference] = []
    /// What the subject runs beside (`parallel with T006`, `independent of US2`):
    /// the subject with each of these, one statement per partner, so that
    /// `T007 parallel with T005 and T006` says nothing about T005 and T006.
    var partners: [Reference] = []
    var partnerPhases: [PhaseReference] = []
    /// `independent of other stories`: each named phase with every other story phase.
    var otherStories = false
    /// `T016 independent`: the named tasks are independent (`SpecTask.independent`).
    var independent = false
    var location: SourceLocation
}

/// A phase-level statement; `successorHeading` >= 0 names "the phase holding this heading".
struct PendingPhaseStatement {
    var predecessors: [PhaseReference]
    var successors: [PhaseReference]
    var successorHeading: Int32
    var location: SourceLocation
}

/// A heading other than a task heading.
struct HeadingRecord {
    var level: Int
    var title: String
    var line: Int32
    /// `Phase 3`, `Phase 3.1`, `Phase N`: the number as written, when the heading is a phase candidate.
    var phaseNumber: String?
    var directTasks: Int32 = 0
    var parent: Int32
    /// From a `**Priority**: P1` line before the heading's first task.
    var priority: Int? = nil
}

/// The state of one parse. Lives only inside `SpecParser.parse`.
struct DocumentParser {
    /// The document: the caller's bytes (never written) until `blank` first
    /// needs to write, then a private copy (`ownsText`).
    var text: UnsafeMutableBufferPointer<UInt8>
    var ownsText = false
    var bytes: Bytes { UnsafeBufferPointer(text) }
    let path: String

    var tasks: [SpecTask] = []
    var diagnostics: [Diagnostic] = []
    var headings: [HeadingRecord] = []
    /// Per task: the innermost heading above it (-1 for none).
    var taskHeading: [Int32] = []
    var checkpoints: [(heading: Int32, text: String)] = []
    var taskReferences: [PendingTaskReferences] = []
    /// `taskReferences[..<placedReferences]` have their `jobsBefore` set.
    var placedReferences = 0
    var statements: [PendingStatement] = []
    var phaseStatements: [PendingPhaseStatement] = []
    /// `**US1**: needs T002/T003`: a phase on one side, tasks on the other.
    var mixedStatements: [PendingMixedStatement] = []
    /// Statements that tasks or phases may run together, in source order.
    var parallels: [PendingParallel] = []
    /// `T013, T014, T015 are sequential`: each named task after the one before.
    var sequences: [(references: [Reference], location: SourceLocation)] = []
    var statementGroups: Int32 = 0
    /// The last part of the arrow chain on line `chainLine`, which the next
    /// line may go on from (`→ T008` below `T001 → T005`); `chainDangling`
    /// when that line ended with the arrow itself.
    var chainTail: ReferenceList?
    var chainLine: Int32 = -1
    var chainDangling = false
    /// Lines already read with the declared line above them (a parenthesis wrapped onto them).
    var declaredJoinedThrough: Int32 = 0
    /// The token buffer of the dependency-prose lexer, reused line after line.
    var proseTokens: [ProseToken] = []
    /// The document writes worded IDs (`Task 3`, `任务 1.1`): references
    /// written with the same word name tasks too (set at its first such task).
    var wordedIDs = false
    /// Shape 7 (docs/grammar.md, "Tasks"): the document has no task with an ID, so every
    /// checkbox item under a heading is a task with an ID made from its line.
    var generatedIDs = false
    /// Checkbox items without an ID that shape 7 would make tasks of.
    var plainCheckboxes = 0
    /// Shape 7 told once that the document's IDs are of no shape read (`T1.1`).
    var reportedUnreadIDs = false

    /// Task IDs by their bytes; `taskIDKey[t]` is task `t`'s key.
    var idTable: ByteInterner
    var taskIDKey: [Int32] = []
    /// The document's file tables (see `SpecDocument.filePaths`), built from
    /// the text jobs' path spans by `FileTableBuilder`.
    var filePaths: [String] = []
    var isDirectory: [Bool] = []
    var taskFileOffsets: [Int32] = [0]
    var taskFileIDs: [Int32] = []
    /// Large documents: task texts read beside the line scan, and how many
    /// jobs it was handed (see `TextPipeline`).
    var pipeline: TextPipeline?
    var dispatchedJobs = 0
    /// File tables being built beside the parser (see `completeFileTables`).
    var pendingFileTables: FileTableBuilder?
    /// The texts still to read after the line scan (see `runTextJobs`): the
    /// jobs from `dispatchedJobs` on (those before went to the pipeline); and
    /// the body lines of every task, task after task.
    var textJobs = HandOverQueue<TextJob>()
    var bodyLines: [BodyLine] = []

    // Line state.
    var position = 0
    var lineNumber: Int32 = 0
    var lineStart = 0
    var segment: Int32 = 0
    var inComment = false
    /// The first `<` at or after the start of the last line handed to
    /// `handleRawLine` (the document's length when there is none); -1 before
    /// the first search. Lines are handed over in order, so it holds until a
    /// line starts past it.
    var nextAngle = -1
    /// The last line handed to `handleLine` was blank (it ends lazy continuations).
    var previousLineBlank = true
    var fences: [(marker: UInt8, count: Int)] = []
    var mermaidFence = false
    /// The phases or tasks that the labelled nodes of the open mermaid fence
    /// name, by node ID (`FOUND[Phase 2: 基盤]` on one line, `FOUND --> US1` on another).
    var mermaidLabels: [String: ReferenceList] = [:]
    /// Where the outermost open fence starts, and how many lines inside it look
    /// like tasks (reported when the fence is never closed).
    var fenceStart = SourceLocation(line: 0, column: 0)
    var fenceHiddenTasks = 0

    /// Open headings, innermost last.
    var headingStack: [OpenHeading] = []
    /// Whether an open heading has references its tasks inherit (kept by
    /// `noteHeadingReferences`), so most task lines skip looking for them.
    var headingReferencesOpen = false
    var openTask: OpenTask?
    var table: TableContext?

    init(text: UnsafeMutableBufferPointer<UInt8>, path: String) {
        self.text = text
        self.path = path
        // Generated specs spend about 100 bytes per task, hand-written ones more:
        // reserving for the denser case avoids regrowing the task array.
        let expectedTasks = text.count / 96 + 16
        tasks.reserveCapacity(expectedTasks)
        taskHeading.reserveCapacity(expectedTasks)
        taskIDKey.reserveCapacity(expectedTasks)
        // The ID arena: generated IDs are 7 or 8 bytes. (The file table is
        // sized by `FileTableBuilder`, which knows every path span.)
        idTable = ByteInterner(expectedCount: expectedTasks, expectedBytes: expectedTasks * 8)
        taskReferences.reserveCapacity(expectedTasks / 2)
        textJobs.reserveCapacity(expectedTasks)
        // The per-task tables are written from end to end (`HugePages`).
        tasks.adviseHugePages()
        textJobs.adviseHugePages()
        taskHeading.adviseHugePages()
        taskIDKey.adviseHugePages()
    }

    @inline(__always) func location(_ offset: Int) -> SourceLocation {
        SourceLocation(line: lineNumber, column: Int32(offset - lineStart + 1))
    }
}

/// A heading whose scope is still open.
struct OpenHeading {
    var level: Int
    var index: Int32
    /// Inside a Dependencies / Execution Order section: statements there are declared dependencies.
    var declared: Bool
    /// Inside a Dependencies / Parallel Example / Strategy section: `Phase N` headings there are not phases.
    var excluded: Bool
    /// Inside a Dependencies, Parallel, Strategy, Example or Notes section: list
    /// items and lines starting with an ID there are not tasks (shapes 4 and 5).
    var noLooseTasks: Bool = false
    /// `(depends on T016)` in the heading, or a `**Depends on**:` line before its first task.
    var references: [Reference]
    /// `(blocks T020)` in the heading: the named tasks depend on every task here.
    var reversedReferences: [Reference]
    var hasTasks: Bool
}

/// The task whose body is being collected: its text job, still without the
/// end of its body, and what tells which lines belong to that body.
struct OpenTask {
    var job: TextJob
    var indent: Int
    var form: TaskForm
}

/// One line of a task's body: a document byte range, its line number and line start.
struct BodyLine {
    var start: Int
    var end: Int
    var line: Int32
    var lineStart: Int
}

/// The header of the table being read.
struct TableContext {
    var statusColumn: Int?
    var dependencyColumn: Int?
    /// `Can Parallelize With`: a Dependencies table's column of what runs beside the row's subject.
    var parallelColumn: Int?
    var descriptionColumn: Int?
    /// `Estimate` / `Effort` / `Duration`: a bare duration (`2h`, `1h/2h/4h`).
    var estimateColumn: Int?
    var rowsSeen: Int
}
