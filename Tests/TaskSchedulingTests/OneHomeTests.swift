import SpecGraphTestSupport
import SpecKitTasks
import Testing
@testable import TaskScheduling

/// The helpers that are the single home of a rule several outputs share.
@Suite struct OneHomeTests {
    @Test func repeatedNamesGetHashSuffixesInOrder() {
        var names = UniqueNames()
        let given = ["a", "b", "a", "a", "a#2", "b"].map { names.claim($0) }
        // "a#2" was handed out already, so the literal proposal moves on too.
        #expect(given == ["a", "b", "a#2", "a#3", "a#2#2", "b#2"])
    }

    /// Hours written, nil for no estimate; what the plan uses with a 3 h
    /// default. Estimates are bounded when made (`Estimate.clampHours`):
    /// negative and NaN are 0, anything above 10⁶ h is 10⁶ h.
    @Test(arguments: [(nil, 3.0), (5, 5), (0, 0), (-2, 0), (.nan, 0), (.infinity, 1_000_000), (2e9, 1_000_000)] as [(Double?, Double)])
    func durationFallsBackToTheDefault(written: Double?, expected: Double) {
        var options = PlanOptions()
        options.defaultDuration = 3
        #expect(options.duration(of: written.map { Estimate(hours: $0) }) == expected)
    }

    @Test func lookupNamesTheFileOrTheFilter() throws {
        var b = DocumentBuilder()
        b.task("T1", status: .done)
        b.task("T2")
        let plan = Plan(b.doc)
        #expect(plan.taskIndex(forID: "T2") == 1)
        #expect(plan.taskIndex(forID: "T9") == nil)
        #expect(try plan.plannedNode(forID: "T2") == plan.graph.nodeOfTask[1])
        #expect(throws: TaskLookupError.unknown(id: "T9", path: "t.md")) { try plan.plannedNode(forID: "T9") }
        #expect(throws: TaskLookupError.notPlanned(id: "T1")) { try plan.plannedNode(forID: "T1") }
        #expect(TaskLookupError.unknown(id: "T9", path: "t.md").description == "no task T9 in t.md")
    }
}
