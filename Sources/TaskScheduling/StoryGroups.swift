import SpecKitTasks

/// The stream of work each task belongs to: its first user story (`[US2]`), else
/// the story of its phase, else the phase itself. A person who stays in one
/// stream hands off less; a Gantt chart colours bars by stream.
public struct StoryGroups: Sendable {
    /// The group of every task node.
    public let groupOfNode: [Int32]
    /// Display name of each group: `US2`, or the phase title (`Phase 1: Setup`),
    /// or `Phase 0` for tasks before the first phase heading.
    public let names: [String]
    /// Whether a group is a user story (true) or a phase (false).
    public let isStory: [Bool]

    /// Groups numbered in order of first appearance in the document.
    ///
    /// - Complexity: O(T) hash lookups.
    public init(graph: ScheduleGraph, document: SpecDocument) {
        var index: [String: Int32] = [:]
        var names: [String] = []
        var isStory: [Bool] = []
        var groupOfNode = [Int32](repeating: 0, count: graph.taskNodeCount)
        for v in 0..<graph.taskNodeCount {
            let task = document.tasks[Int(graph.taskOfNode[v])]
            let phase = document.phases.indices.contains(Int(task.phase)) ? document.phases[Int(task.phase)] : nil
            let key: String
            let name: String
            let story: Bool
            if let s = task.stories.first ?? (phase?.kind == .story ? phase?.story : nil) {
                key = "s:" + s
                name = s
                story = true
            } else {
                key = "p:\(task.phase)"
                let title = phase?.title ?? ""
                name = title.isEmpty ? "Phase \(phase?.index ?? task.phase)" : title
                story = false
            }
            if let g = index[key] {
                groupOfNode[v] = g
            } else {
                let g = Int32(names.count)
                index[key] = g
                names.append(name)
                isStory.append(story)
                groupOfNode[v] = g
            }
        }
        self.groupOfNode = groupOfNode
        self.names = names
        self.isStory = isStory
    }

    /// The number of groups.
    @inlinable public var count: Int { names.count }
}
