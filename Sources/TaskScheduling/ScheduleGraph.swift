import SpecKitTasks
import TaskGraph

/// Why an edge exists (docs/semantics.md, "Written edges" and "Implied edges"). The raw values are the JSON `kind`s.
public enum EdgeKind: String, Sendable, Hashable, CaseIterable {
    /// Phases in document order form stages; a stage waits for the one before it.
    case phase
    /// Groups inside a phase run one after another.
    case order
    /// Written in a task's line, body or section heading (`depends on T012`).
    case explicit
    /// Written in a Dependencies / Execution Order section.
    case declared
    /// A phase-level statement (`Phase 4 depends on Phase 2`).
    case story
    /// Two tasks write the same file (`--files serialize`).
    case file
    /// Written in the reader's corrections file (`T020 after T019`).
    case correction

    /// Written edges (explicit, declared, story, correction) always win over
    /// implied ones (phase, order, file), which are dropped when they would
    /// contradict them.
    public var isWritten: Bool {
        switch self {
        case .explicit, .declared, .story, .correction: true
        case .phase, .order, .file: false
        }
    }
}

/// How tasks inside a phase are ordered (`--within-phase`).
public enum WithinPhase: String, Sendable, CaseIterable {
    /// A phase whose every planned task states its own dependencies is explicit, others ordered.
    case auto
    case ordered, explicit
}

/// How consecutive story phases are staged (`--stories`).
public enum StoryStaging: String, Sendable, CaseIterable {
    case parallel, priority
}

/// How shared files are treated (`--files`).
public enum FilePolicy: String, Sendable, CaseIterable {
    /// Two tasks that write one file never overlap in a team schedule; no edges.
    case exclusive
    /// Tasks that write one file are chained in the reference order (`file` edges).
    case serialize
    /// Files play no part.
    case ignore
}

/// The options that change how a document becomes a graph.
public struct PlanOptions: Sendable, Hashable {
    public var withinPhase: WithinPhase
    public var stories: StoryStaging
    public var files: FilePolicy
    /// Hours for a task without an estimate.
    public var defaultDuration: Double
    /// Plan only unfinished tasks: done and skipped tasks are taken out first
    /// (the default; `--all` sets it to false).
    public var remaining: Bool

    public init(
        withinPhase: WithinPhase = .auto, stories: StoryStaging = .parallel, files: FilePolicy = .exclusive,
        defaultDuration: Double = 1, remaining: Bool = true
    ) {
        self.withinPhase = withinPhase
        self.stories = stories
        self.files = files
        self.defaultDuration = defaultDuration
        self.remaining = remaining
    }
}

/// The dependency graph of a document: one node per planned task, then the
/// zero-duration milestones that keep barriers linear in size.
///
/// Node `i < taskNodeCount` is the task `taskOfNode[i]` (an index into
/// `SpecDocument.tasks`); planned tasks keep document order, so comparing node
/// numbers compares document positions. Node `taskNodeCount + m` is milestone `m`.
public struct ScheduleGraph: Sendable {
    public let graph: DirectedGraph
    /// The document task behind each task node.
    public let taskOfNode: [Int32]
    /// The node of each document task, or -1 when it is not planned (`--remaining`).
    public let nodeOfTask: [Int32]
    /// Milestone names, each starting with `@`.
    public let milestoneNames: [String]
    /// Kind of each edge.
    public let edgeKinds: [EdgeKind]
    /// Source line that created each edge.
    public let edgeLines: [Int32]
    /// Duration in hours of each node (0 for milestones).
    public let durations: [Double]
    /// The reference order π: task nodes in document order, changed only where
    /// a written edge demands it. Every edge goes forward in it.
    public let referenceOrder: [Int32]

    @inlinable public var taskNodeCount: Int { taskOfNode.count }
    @inlinable public var nodeCount: Int { graph.nodeCount }
    @inlinable public func isMilestone(_ node: Int32) -> Bool { Int(node) >= taskOfNode.count }

    /// The display name of a node: the task ID, or the milestone name.
    public func name(of node: Int32, in document: SpecDocument) -> String {
        isMilestone(node)
            ? milestoneNames[Int(node) - taskOfNode.count]
            : document.tasks[Int(taskOfNode[Int(node)])].id
    }
}
