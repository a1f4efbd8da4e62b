import SpecGraphTestSupport
@testable import SpecKitTasks

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

/// A document of story phases, one task each (`T001`, `T002`… labelled with
/// its story), after a Setup phase when `setup`, then `dependencies` as the
/// lines of a `## Dependencies & Execution Order` section. Phase `i` (from 1)
/// holds the `i`-th phase written.
func storyDocument(setup: Bool = false, stories: [Int], dependencies: String) -> SpecDocument {
    var text = "# Tasks\n"
    var phase = 0
    if setup {
        phase += 1
        text += "## Phase 1: Setup\n- [ ] T001 Scaffold in src/\n"
    }
    for (k, story) in stories.enumerated() {
        phase += 1
        let task = phase < 10 ? "T00\(phase)" : "T0\(phase)"
        text += "## Phase \(phase): User Story \(story) - Feature \(story) (Priority: P\(min(k + 1, 3)))\n"
        text += "- [ ] \(task) [US\(story)] Build feature \(story) in src/f\(story).py\n"
    }
    return parse(text + "\n## Dependencies & Execution Order\n" + dependencies + "\n")
}

/// Calls `body` for `rounds` random tokens of `pieces` (at most `most` each)
/// at every start in them, backticked and not: with the token, its bytes,
/// whether a plain path may be claimed in it (`DocumentParser.mayClaimPlain`),
/// the start and the backtick setting. The path readers' shortcut tests
/// compare their two readings inside it.
func forEachTokenStart(
    _ g: inout SeededStream, _ pieces: [String], most: Int, rounds: Int,
    _ body: (_ token: String, _ b: UnsafeBufferPointer<UInt8>, _ plain: Bool, _ lo: Int, _ backticked: Bool) -> Void
) {
    for _ in 0..<rounds {
        let token = g.token(pieces, most: most)
        Array(token.utf8).withUnsafeBufferPointer { b in
            let plain = DocumentParser.mayClaimPlain(b)
            for lo in 0..<b.count {
                for backticked in [false, true] { body(token, b, plain, lo, backticked) }
            }
        }
    }
}
