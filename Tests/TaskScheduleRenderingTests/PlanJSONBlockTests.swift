import Foundation
import SpecKitGenerator
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling
import Testing

/// Big plans are rendered in blocks on several cores; the bytes must be those of
/// one serial pass: every task once, in document order, every edge once.
@Test func plansBiggerThanOneBlockRenderWholeAndInOrder() throws {
    let doc = SpecParser.parse(SpecGenerator.generate(GeneratorOptions(tasks: 20_000, seed: 9)), path: "g.md")
    let plan = Plan(doc)
    var chunks = 0
    var out: [UInt8] = []
    var w = ByteWriter(flushingAt: 1 << 16) { out += $0; chunks += 1 }
    PlanJSON.render(plan, into: &w)
    w.flush()
    #expect(chunks > 1)
    let object = try #require(JSONSerialization.jsonObject(with: Data(out)) as? [String: Any])
    let tasks = try #require(object["tasks"] as? [[String: Any]])
    #expect(tasks.map { $0["id"] as! String } == doc.tasks.map(\.id))
    #expect(tasks.map { $0["line"] as! Int } == doc.tasks.map { Int($0.location.line) })
    let edges = try #require(object["edges"] as? [[String: Any]])
    #expect(edges.count == plan.graph.graph.edgeCount)
    let g = plan.graph.graph
    for e in stride(from: 0, to: edges.count, by: 997) {
        #expect(edges[e]["from"] as? String == plan.name(of: g.edgeSources[e]))
        #expect(edges[e]["to"] as? String == plan.name(of: g.edgeTargets[e]))
    }
}
