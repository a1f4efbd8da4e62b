import SpecKitTasks

/// Builds a ``SpecDocument`` by hand, without the parser, so that planning and
/// rendering are tested alone: phases, tasks on consecutive lines, and
/// written dependencies.
///
/// ```swift
/// var b = DocumentBuilder()
/// b.phase("Phase 1: Setup")
/// b.task("T001", hours: 2); b.task("T002", p: true)
/// b.depend("T002", on: "T001")
/// let plan = Plan(b.doc)
/// ```
public struct DocumentBuilder {
    public var doc: SpecDocument
    /// The line of the last phase or task written.
    public var line: Int32 = 1
    /// The current segment (a phase or a section starts one; a `[P]` group never spans two).
    public var segment: Int32 = 0
    /// The estimate of a task written without `hours:` (nil: none).
    public var defaultHours: Double?

    public init(path: String = "t.md", defaultHours: Double? = nil) {
        doc = SpecDocument(path: path, phases: [Phase(index: 0, title: "", line: 0)])
        self.defaultHours = defaultHours
    }

    /// A phase heading; a phase with a story is a story phase unless `kind` says otherwise.
    public mutating func phase(
        _ title: String, kind: PhaseKind? = nil, story: String? = nil, priority: Int? = nil, checkpoint: String? = nil
    ) {
        line += 1
        segment += 1
        doc.phases.append(Phase(
            index: Int32(doc.phases.count), title: title, line: line, kind: kind ?? (story == nil ? .barrier : .story),
            story: story, priority: priority, checkpoint: checkpoint))
    }

    /// A section heading inside a phase: a new segment.
    public mutating func section() {
        line += 1
        segment += 1
    }

    /// A task of the last phase; its description is `do <id>` unless given.
    public mutating func task(
        _ id: String, p: Bool = false, status: TaskStatus = .todo, files: [String] = [], hours: Double? = nil,
        description: String? = nil, owner: String? = nil
    ) {
        line += 1
        doc.tasks.append(SpecTask(
            id: id, location: SourceLocation(line: line, column: 3), status: status, parallel: p,
            phase: Int32(doc.phases.count - 1), segment: segment, description: description ?? "do \(id)", files: files,
            estimate: (hours ?? defaultHours).map { Estimate(hours: $0) }, owner: owner))
    }

    /// `succ` waits for `pred` (both written before).
    public mutating func depend(_ succ: String, on pred: String, kind: DependencyKind = .explicit) {
        let s = doc.tasks.firstIndex { $0.id == succ }!
        let p = doc.tasks.firstIndex { $0.id == pred }!
        doc.dependencies.append(TaskDependency(
            predecessor: Int32(p), successor: Int32(s), kind: kind, location: doc.tasks[s].location))
    }

    /// Phase `succ` waits for phase `pred` (indices in `doc.phases`).
    public mutating func phaseDepends(_ succ: Int32, on pred: Int32) {
        doc.phaseDependencies.append(PhaseDependency(
            predecessor: pred, successor: succ, location: SourceLocation(line: 1, column: 1)))
    }
}
