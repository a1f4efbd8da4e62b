import Foundation
import Testing
@testable import SpecKitTasks

@Test func zzDebugDump() throws {
    guard let dir = ProcessInfo.processInfo.environment["DUMP"] else { return }
    for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where name.hasSuffix(".md") {
        if let only = ProcessInfo.processInfo.environment["ONLY"], !name.contains(only) { continue }
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
        let doc = SpecParser.parse(Array(data), path: name)
        print("=== \(name): tasks \(doc.tasks.count) phases \(doc.phases.count) deps \(doc.dependencies.count) phaseDeps \(doc.phaseDependencies.count)")
        for p in doc.phases { print("  P\(p.index) \(p.kind) \(p.story ?? "-") pri \(p.priority.map(String.init) ?? "-") L\(p.line) '\(p.title.prefix(50))' cp=\(p.checkpoint?.prefix(30) ?? "nil") sections \(p.sections.count)") }
        for d in doc.diagnostics { print("  " + d.formatted(path: name)) }
        if ProcessInfo.processInfo.environment["DUMPTASKS"] != nil {
            for t in doc.tasks { print("  \(t.id) \(t.status) P=\(t.parallel) \(t.labels) \(t.stories) ph\(t.phase) s\(t.section) seg\(t.segment) L\(t.location.line):\(t.location.column)-\(t.endLine) files=\(t.files) est=\(t.estimate?.hours ?? -1) owner=\(t.owner ?? "-") | \(t.description.prefix(60))") }
            for e in doc.dependencies { print("  edge \(doc.tasks[Int(e.predecessor)].id) -> \(doc.tasks[Int(e.successor)].id) \(e.kind) L\(e.location.line)") }
            for e in doc.phaseDependencies { print("  phaseEdge \(e.predecessor) -> \(e.successor) L\(e.location.line)") }
        }
    }
}
