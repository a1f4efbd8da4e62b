import SpecGraphTestSupport
import SpecKitTasks
@testable import TaskScheduling

extension Plan {
    func waveIDs() -> [[String]] { schedule.waves.map { $0.map { name(of: $0) } } }
    func criticalIDs() -> [String] { schedule.criticalPath.map { name(of: $0) } }
    func edgeList(_ kind: EdgeKind? = nil) -> [String] {
        (0..<Int32(graph.graph.edgeCount)).filter { kind == nil || graph.edgeKinds[Int($0)] == kind }.map {
            "\(name(of: graph.graph.edgeSources[Int($0)]))>\(name(of: graph.graph.edgeTargets[Int($0)]))"
        }
    }
    func times(_ id: String) -> (es: Double, ef: Double, slack: Double) {
        let v = node(forID: id)!
        let t = schedule.times
        return (t.earliestStart[Int(v)], t.earliestFinish[Int(v)], t.slack(v))
    }
}
