import SpecKitTasks

/// Parses Markdown text.
func parse(_ text: String) -> SpecDocument {
    SpecParser.parse(Array(text.utf8), path: "tasks.md")
}

extension SpecDocument {
    /// Edges as `T001->T002` strings, in the order the parser produced them.
    func edges(_ kind: DependencyKind? = nil) -> [String] {
        dependencies.filter { kind == nil || $0.kind == kind }.map {
            "\(tasks[Int($0.predecessor)].id)->\(tasks[Int($0.successor)].id)"
        }
    }

    /// IDs the task with `id` depends on.
    func predecessors(of id: String) -> [String] {
        guard let t = tasks.firstIndex(where: { $0.id == id }) else { return [] }
        return dependencies.filter { $0.successor == Int32(t) }.map { tasks[Int($0.predecessor)].id }
    }

    func codes(_ code: DiagnosticCode) -> [Diagnostic] { diagnostics.filter { $0.code == code } }

    func task(_ id: String) -> SpecTask? { tasks.first { $0.id == id } }
}
