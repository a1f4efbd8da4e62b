import SpecKitGenerator
import SpecKitTasks
import TaskGraph
import Testing
@testable import TaskScheduling

/// A large graph's waves are computed on another thread while the
/// critical-path times are; the result must be the serial computation's.
@Test func largeSchedulesMatchTheSerialComputation() {
    let doc = SpecParser.parse(SpecGenerator.generate(GeneratorOptions(tasks: 70_000, seed: 4)), path: "g.md")
    let plan = Plan(doc)
    let graph = plan.graph
    #expect(graph.nodeCount >= 1 << 16)
    // The forward pass's order is topological: each node once, every edge
    // forward. (Its exact FIFO order is checked in DirectedGraphTests; here
    // `anyTopologicalOrder` would run the same queue loop.)
    var position = [Int](repeating: -1, count: graph.nodeCount)
    for (i, v) in plan.schedule.order.enumerated() { position[Int(v)] = i }
    #expect(plan.schedule.order.count == graph.nodeCount && !position.contains(-1))
    #expect(zip(graph.graph.edgeSources, graph.graph.edgeTargets).allSatisfy { position[Int($0)] < position[Int($1)] })
    let times = graph.graph.criticalPathTimes(order: plan.schedule.order, durations: graph.durations)
    #expect(plan.schedule.times.earliestStart.map(\.bitPattern) == times.earliestStart.map(\.bitPattern))
    #expect(plan.schedule.times.latestFinish.map(\.bitPattern) == times.latestFinish.map(\.bitPattern))
    #expect(plan.schedule.times.latestStart == times.latestStart)
    #expect(plan.schedule.length == times.length)
    #expect(plan.schedule.criticalPath == Schedule.criticalChain(graph: graph, times: times))
    #expect(!plan.schedule.criticalPath.isEmpty)
    #expect(plan.schedule.waves.reduce(0) { $0 + $1.count } == graph.taskNodeCount)
    let weight = (0..<graph.nodeCount).map { Int32($0 < graph.taskNodeCount ? 1 : 0) }
    #expect(plan.schedule.waveOfNode == graph.graph.generations(order: plan.schedule.order, weight: weight))
    #expect(plan.schedule.waves.enumerated().allSatisfy { w, nodes in nodes.allSatisfy { plan.schedule.waveOfNode[Int($0)] == w + 1 } })
}
