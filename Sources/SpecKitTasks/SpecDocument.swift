/// A parsed spec-kit `tasks.md`: tasks, phases, dependencies and diagnostics,
/// every item located at the source line that produced it.
///
/// Tasks are addressed by their `Int32` index into ``tasks`` (document order).
/// Phases are addressed by their `Int32` index into ``phases``; phase 0 is the
/// implicit phase that holds tasks before the first phase heading (it is always
/// present, possibly empty).
public struct SpecDocument: Sendable {
    /// The path the document was read from, as given by the caller (for messages).
    public var path: String
    /// Every task found, in document order, once per ID: a later definition
    /// that restates a task is merged into it, one that is a different task is
    /// named `T045#2` (docs/grammar.md, "Duplicates").
    public var tasks: [SpecTask]
    /// Phases in document order. `phases[0]` is the implicit phase 0.
    public var phases: [Phase]
    /// Task-to-task dependencies (edge kinds `explicit` and `declared`), resolved
    /// to task indices. References to unknown tasks or to the task itself are not
    /// here; they are diagnostics.
    public var dependencies: [TaskDependency]
    /// Phase-level dependencies (edge kind `story`): `Phase 4 depends on Phase 2`,
    /// `US2 depends on US1`, resolved to phase indices.
    public var phaseDependencies: [PhaseDependency]
    /// Statements that put many tasks after many tasks at once
    /// (`T00001-T10000 → T10001-T20000`): every successor depends on every
    /// predecessor, kept as one group so that the document and the graph stay
    /// linear in size (the pairs are not also in ``dependencies``).
    public var dependencyGroups: [DependencyGroup] = []
    /// Statements that named tasks or phases can run together (`T005, T006, T007
    /// can run in parallel`, `US7: independent of other stories`, a correction's
    /// `T005, T006 parallel`). They add no edge; they remove implied ones
    /// (docs/semantics.md, implied edges).
    public var parallelStatements: [ParallelStatement] = []
    /// Written or implied edges a reader's correction takes out (`T017 not after T018`):
    /// every edge from `predecessor` to `successor`, whatever its kind.
    public var removedDependencies: [TaskDependency] = []
    /// The reader's corrections file applied to the document (`tasks.specgraph`),
    /// if any: the file that the lines of `correction` edges and of the
    /// corrections' diagnostics are in (``Corrections/apply(_:path:to:)``).
    public var correctionsPath: String? = nil
    /// Located diagnostics in source order.
    public var diagnostics: [Diagnostic]
    /// The number of lines in the document.
    public var lineCount: Int32
    /// Every distinct file path named by a task, in order of first appearance.
    /// Tasks refer to them by index through ``taskFileOffsets`` / ``taskFileIDs``,
    /// so consumers compare `Int32`s instead of hashing strings.
    public var filePaths: [String]
    /// Parallel to ``filePaths``: the path ends in `/` (a directory; directories do not conflict).
    public var isDirectory: [Bool]
    /// CSR offsets into ``taskFileIDs``: task `t`'s files are
    /// `taskFileIDs[taskFileOffsets[t]..<taskFileOffsets[t + 1]]`. Count: tasks + 1,
    /// or empty when the tables were not built (see ``internFiles()``).
    public var taskFileOffsets: [Int32]
    /// Indices into ``filePaths``, per task in the order of `SpecTask.files`, without duplicates.
    public var taskFileIDs: [Int32]

    public init(
        path: String, tasks: [SpecTask] = [], phases: [Phase] = [], dependencies: [TaskDependency] = [],
        phaseDependencies: [PhaseDependency] = [], diagnostics: [Diagnostic] = [], lineCount: Int32 = 0,
        filePaths: [String] = [], isDirectory: [Bool] = [], taskFileOffsets: [Int32] = [], taskFileIDs: [Int32] = []
    ) {
        self.path = path
        self.tasks = tasks
        self.phases = phases
        self.dependencies = dependencies
        self.phaseDependencies = phaseDependencies
        self.diagnostics = diagnostics
        self.lineCount = lineCount
        self.filePaths = filePaths
        self.isDirectory = isDirectory
        self.taskFileOffsets = taskFileOffsets
        self.taskFileIDs = taskFileIDs
    }

    /// Whether ``taskFileOffsets`` covers every task (the parser always builds it;
    /// hand-built documents call ``internFiles()``).
    public var hasFileTables: Bool { taskFileOffsets.count == tasks.count + 1 }

    /// The indices into ``filePaths`` of the files task `t` names, in order.
    /// - Precondition: ``hasFileTables``.
    /// - Complexity: O(1).
    public func fileIDs(ofTask t: Int) -> ArraySlice<Int32> {
        taskFileIDs[Int(taskFileOffsets[t])..<Int(taskFileOffsets[t + 1])]
    }

    /// Rebuilds ``filePaths``, ``isDirectory``, ``taskFileOffsets`` and
    /// ``taskFileIDs`` from every task's `files`, for documents built by hand or
    /// edited after parsing.
    /// - Complexity: O(total bytes of all file mentions).
    public mutating func internFiles() {
        var table = ByteInterner(expectedCount: tasks.count)
        filePaths = []
        isDirectory = []
        taskFileOffsets = [0]
        taskFileOffsets.reserveCapacity(tasks.count + 1)
        taskFileIDs = []
        for t in tasks.indices {
            let first = taskFileIDs.count
            for path in tasks[t].files {
                let (key, inserted) = table.intern(path)
                if inserted {
                    filePaths.append(path)
                    isDirectory.append(path.utf8.last == UInt8(ascii: "/"))
                }
                if !taskFileIDs[first...].contains(key) { taskFileIDs.append(key) }
            }
            taskFileOffsets.append(Int32(taskFileIDs.count))
        }
    }
}

/// A 1-based line and column (column counted in UTF-8 bytes from the line start, 1-based).
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var line: Int32
    public var column: Int32
    public init(line: Int32, column: Int32) {
        self.line = line
        self.column = column
    }
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// The progress state of a task, from its checkbox.
public enum TaskStatus: String, Sendable, Hashable, CaseIterable {
    /// `[ ]`
    case todo
    /// `[x]` or `[X]`
    case done
    /// `[~]`, `[-]`, or an ID struck through with `~~`.
    case skipped
    /// `[/]`
    case inProgress = "in-progress"

    /// Done and skipped tasks are finished: `--remaining` takes them out.
    public var isFinished: Bool { self == .done || self == .skipped }
}

/// Where a task was written.
public enum TaskForm: String, Sendable, Hashable {
    case checkbox, heading, tableRow
    /// A list item without a checkbox whose text starts with a bold ID (`- **T001**: …`).
    case listItem
    /// A line outside any list that starts with an ID and a dash or colon (`T001 — …`).
    case line
}

/// A duration estimate, in hours.
public struct Estimate: Sendable, Hashable {
    /// The expected duration in hours (PERT mean for three-point estimates),
    /// within 0 … ``maximumHours``.
    public let hours: Double
    /// The variance in hours² (0 for a single-point estimate).
    public let variance: Double
    /// Optimistic, most likely and pessimistic durations for three-point
    /// estimates, each within 0 … ``maximumHours``.
    ///
    /// The three values are read-only so that ``hours`` and ``variance``
    /// always follow from them: a task stores only the hours and the points
    /// and computes the variance again with the same expression, to the same bits.
    public let threePoint: (optimistic: Double, likely: Double, pessimistic: Double)?

    /// The longest duration a task can have, in hours (about 114 years): larger
    /// estimates are read as this much, so that sums of a million of them stay
    /// exact enough and every time converts to whole units for drawing.
    public static let maximumHours: Double = 1_000_000

    /// `hours` within 0 … ``maximumHours``; NaN becomes 0.
    ///
    /// The one place durations are bounded: estimates read from a file are
    /// clamped here, and a planner that computes a duration from elsewhere
    /// should pass it through this too.
    @inlinable public static func clampHours(_ hours: Double) -> Double {
        hours >= 0 ? min(hours, maximumHours) : 0
    }

    public init(hours: Double) {
        self.hours = Self.clampHours(hours)
        self.variance = 0
        self.threePoint = nil
    }

    public init(optimistic o: Double, likely m: Double, pessimistic p: Double) {
        let (o, m, p) = (Self.clampHours(o), Self.clampHours(m), Self.clampHours(p))
        self.hours = (o + 4 * m + p) / 6
        self.variance = Self.variance(optimistic: o, pessimistic: p)
        self.threePoint = (o, m, p)
    }

    /// An estimate made again from what a task stores (`SpecTask.estimate`):
    /// values that came out of the public initialisers, taken as they are.
    @inlinable init(
        storedHours hours: Double, threePoint: (optimistic: Double, likely: Double, pessimistic: Double)?
    ) {
        self.hours = hours
        self.variance = threePoint.map { Self.variance(optimistic: $0.optimistic, pessimistic: $0.pessimistic) } ?? 0
        self.threePoint = threePoint
    }

    /// The PERT variance of a three-point estimate (the points clamped).
    @inlinable static func variance(optimistic o: Double, pessimistic p: Double) -> Double {
        let sd = (p - o) / 6
        return sd * sd
    }

    public static func == (a: Estimate, b: Estimate) -> Bool {
        a.hours == b.hours && a.variance == b.variance
            && a.threePoint?.optimistic == b.threePoint?.optimistic
            && a.threePoint?.likely == b.threePoint?.likely
            && a.threePoint?.pessimistic == b.threePoint?.pessimistic
    }
    public func hash(into h: inout Hasher) {
        h.combine(hours)
        h.combine(variance)
    }
}

/// One task of the spec.
///
/// A document holds one per task, a million for a large generated spec, so
/// the stored layout is kept compact (112 bytes, checked by a test): the
/// stored properties are ordered so that the small ones fill what would be
/// padding, the estimate is one `Double` (its hours), and the fields few
/// tasks have (labels, owner, reads, a three-point estimate's points) live
/// in one shared, immutable side record that is absent when they are empty
/// (SpecTask+RareFields.swift). Every property reads and writes as a plain
/// stored one; a task is a value like any other.
public struct SpecTask: Sendable, Hashable {
    /// The task ID as written, without decoration: `T012`, `T-HF02`, `T007a`, `T231.1`;
    /// a worded ID spelled one way (`Task 3`, `任务 1.1`, `TASK-001`); `L42` for a
    /// task of a document without IDs (its line); `T045#2` for a second, different
    /// task with a repeated ID.
    public var id: String
    /// Line of the task; column of the list item's content (the checkbox), of the
    /// heading's first character, or of the table row's first cell.
    public var location: SourceLocation
    /// The last line of the task's body (equal to `location.line` when it has none).
    public var endLine: Int32
    public var form: TaskForm
    public var status: TaskStatus
    /// `[P]`: may run in parallel with the other `[P]` tasks of its group.
    public var parallel: Bool
    /// The task states its own dependencies: a dependency clause in its line or
    /// body (`Depends on: T003`, `Dependencies: None`). A phase whose every task
    /// does is explicit under `--within-phase auto`.
    public var statesDependencies: Bool
    /// User stories named by labels, in order, without duplicates (`US1`, `US2`).
    public var stories: [String]
    /// Index into `SpecDocument.phases`.
    public var phase: Int32
    /// Index of the section (heading below a phase) holding the task, or -1.
    public var section: Int32
    /// Group segment: increases at every phase heading, section heading and
    /// checkpoint line. A `[P]` group never spans two segments (docs/semantics.md, "Groups and `order` edges").
    public var segment: Int32
    /// The task is declared independent (`T016 independent`): it gets no `order` edges.
    public var independent: Bool
    /// The description: the text after the ID and labels on the task's own line,
    /// with Markdown emphasis kept as written and surrounding white space trimmed.
    /// Made from ``descriptionText`` on every read.
    public var description: String {
        get { descriptionText.string }
        set { descriptionText = TaskText(newValue) }
    }
    /// The description's bytes, as the parser keeps them (see ``TaskText``):
    /// writers that only copy the text read it here without making a `String`.
    public var descriptionText: TaskText
    /// File paths the task writes (creates, changes, deletes), named in the
    /// description and body, in order of appearance, without duplicates.
    /// Directories (ending in `/`) are included as written. Cited files are in ``reads``.
    /// One path is held inline (see ``FileList``).
    public var files: FileList
    /// The estimate found in the task's text or body, if any.
    /// Stored as its hours (`Estimate.hours`, never negative), or -1 when
    /// there is none; read and written through ``estimate``.
    @usableFromInline var estimateHours: Double
    /// Labels, owner, reads and a three-point estimate's points; nil when
    /// they are all empty (most tasks). Read and written through the public
    /// properties, which keep that invariant.
    @usableFromInline var rare: RareFields?
}

// The public initializer lives in an extension so that the struct keeps its
// implicit memberwise initializer, which builds the value in one step: the
// line scan opens a task per task line with it (`SpecTask.opening`),
// where an initializer assigning field by field left a copy and a destroy
// of the whole task.
extension SpecTask {
    public init(
        id: String, location: SourceLocation, endLine: Int32? = nil, form: TaskForm = .checkbox,
        status: TaskStatus = .todo, parallel: Bool = false, labels: [String] = [], stories: [String] = [],
        phase: Int32 = 0, section: Int32 = -1, segment: Int32 = 0, description: String = "",
        files: [String] = [], estimate: Estimate? = nil, owner: String? = nil
    ) {
        self.id = id
        self.location = location
        self.endLine = endLine ?? location.line
        self.form = form
        self.status = status
        self.parallel = parallel
        self.statesDependencies = false
        self.independent = false
        self.stories = stories
        self.phase = phase
        self.section = section
        self.segment = segment
        self.descriptionText = description.isEmpty ? .empty : TaskText(description)
        self.files = FileList(files)
        // The stored form of `estimate`, `owner` and `labels` (their setters, in one step).
        self.estimateHours = estimate?.hours ?? -1
        self.rare = .make(labels: labels, owner: owner, reads: [], threePoint: estimate?.threePoint)
    }
}

/// Whether a phase is a barrier (Setup, Foundational, Polish…) or a user-story phase.
public enum PhaseKind: String, Sendable, Hashable {
    case barrier, story
}

/// A phase: a `Phase N` heading (or, in documents without one, a top-level
/// heading that holds tasks), or the implicit phase 0.
public struct Phase: Sendable, Hashable {
    /// 0 for the implicit phase; 1, 2, … in document order for the others.
    public var index: Int32
    /// Heading text without the `#` marks, trimmed; "" for the implicit phase.
    public var title: String
    /// Line of the heading; 0 for the implicit phase.
    public var line: Int32
    public var kind: PhaseKind
    /// The user story of a story phase (`US2`), else nil.
    public var story: String?
    /// Priority from `(Priority: P2)`: 2; nil when absent.
    public var priority: Int?
    /// The text of the phase's first checkpoint line, if any (`Foundation ready`).
    public var checkpoint: String?
    /// Sections (headings below the phase heading): titles and lines.
    public var sections: [Section]

    public init(
        index: Int32, title: String, line: Int32, kind: PhaseKind = .barrier, story: String? = nil,
        priority: Int? = nil, checkpoint: String? = nil, sections: [Section] = []
    ) {
        self.index = index
        self.title = title
        self.line = line
        self.kind = kind
        self.story = story
        self.priority = priority
        self.checkpoint = checkpoint
        self.sections = sections
    }
}

/// A heading below a phase heading.
public struct Section: Sendable, Hashable {
    public var title: String
    public var line: Int32
    public init(title: String, line: Int32) {
        self.title = title
        self.line = line
    }
}

/// How a task-to-task dependency was written.
public enum DependencyKind: String, Sendable, Hashable {
    /// In a task's own line or body, or in its section heading (`depends on T012`).
    case explicit
    /// In a Dependencies / Execution Order section (`T008 blocks T009`, arrows, mermaid).
    case declared
    /// In the reader's corrections file (`T020 after T019`).
    case correction
}

/// A statement that named tasks and phases can run together. Tasks of a named
/// phase count as named. No `phase` or `order` edge joins two tasks named in
/// one statement.
public struct ParallelStatement: Sendable, Hashable {
    /// Task indices named directly (ranges expanded).
    public var tasks: [Int32]
    /// Phase indices named (`US1 and US2 can run in parallel`).
    public var phases: [Int32]
    public var location: SourceLocation
    public init(tasks: [Int32] = [], phases: [Int32] = [], location: SourceLocation) {
        self.tasks = tasks
        self.phases = phases
        self.location = location
    }
}

/// `successor` cannot start before `predecessor` finishes.
public struct TaskDependency: Sendable, Hashable {
    public var predecessor: Int32
    public var successor: Int32
    public var kind: DependencyKind
    /// Where the reference was written.
    public var location: SourceLocation
    public init(predecessor: Int32, successor: Int32, kind: DependencyKind, location: SourceLocation) {
        self.predecessor = predecessor
        self.successor = successor
        self.kind = kind
        self.location = location
    }
}

/// Every task of `successors` depends on every task of `predecessors`: one
/// statement about many pairs, read as such (the graph joins the two sides
/// through one milestone).
public struct DependencyGroup: Sendable, Hashable {
    /// Task indices, in the order written, without repeats.
    public var predecessors: [Int32]
    public var successors: [Int32]
    public var kind: DependencyKind
    /// Where the statement was written.
    public var location: SourceLocation

    /// A statement naming at least this many pairs (and two tasks or more on
    /// each side) is kept as a group; smaller ones are listed pair by pair.
    /// Statements people write stay below it (the largest in the corpus names
    /// about 1 000 pairs), so their edges read as before; a range after a
    /// range of ten thousand tasks names a hundred million.
    public static let minimumPairs = 4096

    public init(predecessors: [Int32], successors: [Int32], kind: DependencyKind, location: SourceLocation) {
        self.predecessors = predecessors
        self.successors = successors
        self.kind = kind
        self.location = location
    }

    /// Whether `predecessors × successors` is big enough to keep grouped.
    public static func isLarge(predecessors: Int, successors: Int) -> Bool {
        predecessors >= 2 && successors >= 2 && predecessors * successors >= minimumPairs
    }
}

/// Every task of phase `successor` depends on every task of phase `predecessor`.
public struct PhaseDependency: Sendable, Hashable {
    public var predecessor: Int32
    public var successor: Int32
    public var location: SourceLocation
    public init(predecessor: Int32, successor: Int32, location: SourceLocation) {
        self.predecessor = predecessor
        self.successor = successor
        self.location = location
    }
}
