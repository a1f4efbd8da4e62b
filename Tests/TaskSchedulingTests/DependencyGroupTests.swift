import SpecKitTasks
import Testing
@testable import TaskScheduling

/// A statement about many pairs (`T00001-T10000 → T10001-T20000`) is one
/// group in the document and one milestone in the graph:
///
/// ```
/// T00001 ─┐                    ┌─▶ T10001
/// T00002 ─┼─▶ @after-T00001..T10000 ─┼─▶ T10002
///   …     ┘                    └─▶ …
/// ```
@Suite struct DependencyGroupTests {
    /// `count` tasks in one phase, then a dependencies section.
    static func text(tasks count: Int, statements: [String]) -> [UInt8] {
        var s = "# Tasks\n\n## Phase 1: Setup\n\n"
        for i in 1...count { s += "- [ ] \(id(i)) Make part \(i)\n" }
        s += "\n## Dependencies\n\n" + statements.map { "- \($0)\n" }.joined()
        return Array(s.utf8)
    }

    static func id(_ i: Int) -> String {
        let digits = String(i)
        return "T" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    @Test(arguments: ["T00001-T10000 → T10001-T20000", "T10001-T20000 depend on T00001-T10000"])
    func aRangeAfterARangeIsLinearInSize(_ statement: String) throws {
        let doc = SpecParser.parse(Self.text(tasks: 20_000, statements: [statement]), path: "big.md")
        // Pairwise this would be 100 000 000 dependencies and as many edges.
        #expect(doc.dependencies.isEmpty)
        let group = try #require(doc.dependencyGroups.first)
        #expect(doc.dependencyGroups.count == 1)
        #expect(group.predecessors.count == 10_000 && group.successors.count == 10_000)
        let plan = Plan(doc, options: PlanOptions(withinPhase: .explicit))
        // 10 000 into the milestone, 10 000 out of it.
        #expect(plan.graph.graph.edgeCount == 20_000)
        #expect(plan.graph.milestoneNames == ["@after-T00001..T10000"])
        #expect(plan.schedule.waves.count == 2)
    }

    /// The pairs of every group as plain dependencies.
    static func pairwise(_ doc: SpecDocument) -> SpecDocument {
        var flat = doc
        for g in doc.dependencyGroups {
            for b in g.successors {
                for a in g.predecessors where a != b {
                    flat.dependencies.append(TaskDependency(predecessor: a, successor: b, kind: g.kind, location: g.location))
                }
            }
        }
        flat.dependencyGroups = []
        return flat
    }

    static func predecessorIDs(_ plan: Plan) -> [String: Set<String>] {
        let sets = PlanClosure.taskPredecessors(plan)
        var result: [String: Set<String>] = [:]
        for v in sets.indices {
            result[plan.task(ofNode: Int32(v)).id] = Set(sets[v].map { plan.task(ofNode: $0).id })
        }
        return result
    }

    @Test(arguments: [
        ["T00001-T00080 → T00081-T00160"],
        ["T00081-T00160 depend on T00001-T00080", "T00020 → T00030"],
        // The sides overlap: the shared tasks come after the others.
        ["T00001-T00120 → T00060-T00160"],
        // Left arrows pointing back are read forward, the group too.
        ["T00081-T00160 ← T00001-T00080"],
        // A correction keeps one successor from one predecessor.
        ["T00001-T00080 → T00081-T00160", "T00100 not after T00003"],
    ])
    func predecessorsAreThePairwiseOnes(_ statements: [String]) throws {
        var doc = SpecParser.parse(Self.text(tasks: 160, statements: statements.filter { !$0.contains("not after") }), path: "g.md")
        let corrections = statements.filter { $0.contains("not after") }.joined(separator: "\n")
        if !corrections.isEmpty { Corrections.apply(Array(corrections.utf8), path: "c.txt", to: &doc) }
        #expect(doc.dependencyGroups.count == 1)
        for within in [WithinPhase.explicit, .ordered] {
            let options = PlanOptions(withinPhase: within)
            let grouped = Plan(doc, options: options)
            let flat = Plan(Self.pairwise(doc), options: options)
            #expect(Self.predecessorIDs(grouped) == Self.predecessorIDs(flat))
            #expect(grouped.graph.graph.edgeCount < flat.graph.graph.edgeCount || within == .ordered)
        }
    }

    @Test func aCycleThroughAGroupIsFoundAndBrokenAtAWrittenEdge() throws {
        let doc = SpecParser.parse(
            Self.text(tasks: 160, statements: ["T00001-T00080 → T00081-T00160", "T00100 → T00010"]), path: "c.md")
        let plan = Plan(doc, options: PlanOptions(withinPhase: .explicit))
        let cycle = try #require(plan.cycles.first)
        #expect(plan.cycles.count == 1)
        #expect(plan.schedule.waves.count > 0)
        // Every removed edge is one the author wrote, with its line.
        #expect(!cycle.removed.isEmpty)
        #expect(cycle.removed.allSatisfy { $0.kind.isWritten && $0.graphEdge == nil && $0.location.line > 160 })
        let message = cycle.diagnostic(graph: plan.graph, document: doc)
        #expect(message.message.contains("@after-T00001..T00080"))
        // The notes say what the milestone stands for, in words.
        #expect(message.notes.contains { $0.message.contains("every task of T00001–T00080") })
        #expect(message.notes.contains { $0.message.hasPrefix("planned without the declared dependency") })
        // Without the removed edges the plan agrees with the pairwise reading minus the same pairs.
        #expect(PlanClosure.taskPredecessors(plan).count == 160)
    }

    @Test func smallStatementsStayPairwise() {
        let doc = SpecParser.parse(Self.text(tasks: 20, statements: ["T00001-T00010 → T00011-T00020"]), path: "s.md")
        #expect(doc.dependencyGroups.isEmpty)
        #expect(doc.dependencies.count == 100)
    }

    /// A statement between tasks and a phase (`**US1**: needs T00001-T02000`,
    /// `Setup blocks T02001-T03000`) is a group too.
    @Test func aPhaseAfterManyTasksIsAGroup() throws {
        var text = "# Tasks\n\n## Phase 1: Setup\n\n"
        for i in 1...2_000 { text += "- [ ] \(Self.id(i)) Setup part \(i)\n" }
        text += "\n## Phase 2: User Story 1 - Login (Priority: P1)\n\n"
        for i in 2_001...3_000 { text += "- [ ] \(Self.id(i)) [US1] Story part \(i)\n" }
        text += "\n## Dependencies\n\n- **US1**: needs T00001-T02000\n- Setup blocks T02001-T03000\n"
        let doc = SpecParser.parse(Array(text.utf8), path: "mixed.md")
        // The two statements say the same: one group.
        #expect(doc.dependencyGroups.count == 1)
        #expect(doc.dependencyGroups.allSatisfy { $0.predecessors.count == 2_000 && $0.successors.count == 1_000 })
        #expect(doc.dependencies.isEmpty)
        let plan = Plan(doc, options: PlanOptions(withinPhase: .explicit))
        // A milestone of 3 000 edges and the phase order's 3 000 (pairwise: 2 000 000 more).
        #expect(plan.graph.graph.edgeCount == 6_000)
        let flat = Plan(Self.pairwise(doc), options: PlanOptions(withinPhase: .explicit))
        #expect(Self.predecessorIDs(plan) == Self.predecessorIDs(flat))
    }

    /// A heading's range inherited by every task below it is one group.
    @Test func aHeadingRangeOverManyTasksIsAGroup() throws {
        var text = "# Tasks\n\n## Phase 1: Setup\n\n"
        for i in 1...100 { text += "- [ ] \(Self.id(i)) Setup part \(i)\n" }
        text += "\n## Phase 2: Core\n\n### Services (depends on T00001-T00100)\n\n"
        for i in 101...200 { text += "- [ ] \(Self.id(i)) Service part \(i)\n" }
        let doc = SpecParser.parse(Array(text.utf8), path: "heading.md")
        let group = try #require(doc.dependencyGroups.first)
        #expect(group.kind == .explicit && group.predecessors.count == 100 && group.successors.count == 100)
        #expect(doc.dependencies.isEmpty)
        for within in [WithinPhase.explicit, .ordered] {
            let plan = Plan(doc, options: PlanOptions(withinPhase: within))
            let flat = Plan(Self.pairwise(doc), options: PlanOptions(withinPhase: within))
            #expect(Self.predecessorIDs(plan) == Self.predecessorIDs(flat))
            #expect(plan.graph.graph.edgeCount < flat.graph.graph.edgeCount)
        }
    }

    /// The same statement written again is one group, as a repeated pair is one edge.
    @Test func aRepeatedStatementIsOneGroup() {
        let line = "T00001-T00080 → T00081-T00160"
        let doc = SpecParser.parse(Self.text(tasks: 160, statements: Array(repeating: line, count: 500)), path: "r.md")
        #expect(doc.dependencyGroups.count == 1)
        #expect(Plan(doc, options: PlanOptions(withinPhase: .explicit)).graph.graph.edgeCount == 160)
    }
}
