import SpecKitTasks
@testable import TaskScheduling

/// Builds documents by hand, without the parser, so scheduling is tested alone.
struct DocBuilder {
    var doc = SpecDocument(path: "t.md", phases: [Phase(index: 0, title: "", line: 0)])
    var line: Int32 = 1
    var segment: Int32 = 0

    mutating func phase(_ title: String, kind: PhaseKind = .barrier, story: String? = nil, priority: Int? = nil) {
        line += 1
        segment += 1
        doc.phases.append(Phase(
            index: Int32(doc.phases.count), title: title, line: line, kind: kind, story: story, priority: priority))
    }

    mutating func section() {
        line += 1
        segment += 1
    }

    mutating func task(
        _ id: String, p: Bool = false, status: TaskStatus = .todo, files: [String] = [], hours: Double? = nil
    ) {
        line += 1
        doc.tasks.append(SpecTask(
            id: id, location: SourceLocation(line: line, column: 3), status: status, parallel: p,
            phase: Int32(doc.phases.count - 1), segment: segment, description: "do \(id)", files: files,
            estimate: hours.map { Estimate(hours: $0) }))
    }

    mutating func depend(_ succ: String, on pred: String, kind: DependencyKind = .explicit) {
        let s = doc.tasks.firstIndex { $0.id == succ }!
        let p = doc.tasks.firstIndex { $0.id == pred }!
        doc.dependencies.append(TaskDependency(
            predecessor: Int32(p), successor: Int32(s), kind: kind, location: doc.tasks[s].location))
    }

    mutating func phaseDepends(_ succ: Int32, on pred: Int32) {
        doc.phaseDependencies.append(PhaseDependency(
            predecessor: pred, successor: succ, location: SourceLocation(line: 1, column: 1)))
    }
}

extension Plan {
    func waveIDs() -> [[String]] { schedule!.waves.map { $0.map { name(of: $0) } } }
    func criticalIDs() -> [String] { schedule!.criticalPath.map { name(of: $0) } }
    func edgeList(_ kind: EdgeKind? = nil) -> [String] {
        (0..<Int32(graph.graph.edgeCount)).filter { kind == nil || graph.edgeKinds[Int($0)] == kind }.map {
            "\(name(of: graph.graph.edgeSources[Int($0)]))>\(name(of: graph.graph.edgeTargets[Int($0)]))"
        }
    }
    func times(_ id: String) -> (es: Double, ef: Double, slack: Double) {
        let v = node(forID: id)!
        let t = schedule!.times
        return (t.earliestStart[Int(v)], t.earliestFinish[Int(v)], t.slack(v))
    }
}
