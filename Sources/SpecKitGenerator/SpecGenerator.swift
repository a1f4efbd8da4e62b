/// What to generate: how many tasks, from which seed, in how many stories.
public struct GeneratorOptions: Sendable, Hashable {
    /// The exact number of task lines in the document (0 is allowed).
    public var tasks: Int
    /// The seed of the pseudo-random stream; the same options give the same bytes.
    public var seed: UInt64
    /// How many user-story phases; `nil` picks `GeneratorOptions.defaultStories(forTasks:)`.
    /// Never more than there are tasks for stories.
    public var stories: Int?
    /// Adds exactly one dependency cycle of two tasks (needs at least 2 tasks),
    /// named in an HTML comment `<!-- planted cycle: TA → TB → TA -->`.
    public var plantCycle: Bool

    public init(tasks: Int, seed: UInt64 = 1, stories: Int? = nil, plantCycle: Bool = false) {
        precondition(tasks >= 0, "tasks must not be negative")
        precondition(stories.map { $0 >= 1 } ?? true, "stories must be at least 1")
        self.tasks = tasks
        self.seed = seed
        self.stories = stories
        self.plantCycle = plantCycle
    }

    /// About one story per 40 tasks, at least 3 and at most 2 000, so that a
    /// million-task spec has stories of a few hundred tasks each.
    public static func defaultStories(forTasks tasks: Int) -> Int {
        max(3, min(tasks / 40, 2000))
    }
}

/// Writes synthetic spec-kit `tasks.md` documents.
///
/// The layout follows the current spec-kit template: a `# Tasks:` title,
/// Format and Path notes, `Phase 1: Setup`, `Phase 2: Foundational (Blocking
/// Prerequisites)` with a checkpoint, one phase per user story with *Tests*
/// and *Implementation* sections and a checkpoint, `Polish & Cross-Cutting
/// Concerns`, and a `Dependencies & Execution Order` section with declared
/// task order. Tasks mix `[P]` runs, ordered tasks, tasks that share a file,
/// done and in-progress boxes, estimates in several notations and
/// `(depends on …)` references. Every reference points to an earlier task, so
/// the document has no cycle unless `plantCycle` asks for one.
///
/// The output is a pure function of the options: the same options give the
/// same bytes on every platform.
public enum SpecGenerator {
    /// The size of the chunks handed to the `write` closure.
    public static let chunkSize = 1 << 20

    /// Generates the whole document in memory.
    ///
    /// - Complexity: O(`options.tasks` + stories) time; the result is about
    ///   90 bytes per task.
    public static func generate(_ options: GeneratorOptions) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(estimatedSize(options))
        generate(options) { chunk in result.append(contentsOf: chunk) }
        return result
    }

    /// Generates the document in chunks of at most `chunkSize` bytes, handing
    /// each to `write` in order; the chunk is only valid during the call.
    ///
    /// - Complexity: O(`options.tasks` + stories) time, O(stories +
    ///   `chunkSize`) memory whatever the number of tasks.
    public static func generate(_ options: GeneratorOptions, write: (UnsafeRawBufferPointer) -> Void) {
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { storage.deallocate() }
        withoutActuallyEscaping(write) { escapable in
            var writer = SpecWriter(
                layout: SpecLayout(options),
                sink: ByteSink(storage: storage, capacity: chunkSize, sink: escapable)
            )
            writer.writeDocument()
            writer.finish()
        }
    }

    /// A generous guess of the output size (about 98-105 bytes per task),
    /// for reserving capacity so the array never grows by copying.
    static func estimatedSize(_ options: GeneratorOptions) -> Int {
        8192 + options.tasks * 110
    }
}
