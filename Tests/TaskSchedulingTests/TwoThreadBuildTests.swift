import Foundation
import SpecKitGenerator
import SpecKitTasks
import TaskGraph
import Testing

@testable import TaskScheduling

/// Large documents make their order and phase edges on two threads (the
/// phase pass reading the order edges run by run as they are made); the
/// graph must be the one-thread graph, edge for edge and name for name.
@Suite struct TwoThreadBuildTests {
    /// Builds `doc` on one thread and on two, and compares everything the build yields.
    static func expectSame(
        _ doc: SpecDocument, _ options: PlanOptions, scanBudget: Int = GraphBuilder.defaultScanBudget,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let one = ScheduleGraph.build(doc, options: options, scanBudget: scanBudget, twoThreads: false)
        let two = ScheduleGraph.build(doc, options: options, scanBudget: scanBudget, twoThreads: true)
        let (a, b) = (one.graph, two.graph)
        #expect(a.graph.nodeCount == b.graph.nodeCount, sourceLocation: sourceLocation)
        #expect(a.graph.edgeSources == b.graph.edgeSources, sourceLocation: sourceLocation)
        #expect(a.graph.edgeTargets == b.graph.edgeTargets, sourceLocation: sourceLocation)
        #expect(a.edgeKinds == b.edgeKinds, sourceLocation: sourceLocation)
        #expect(a.edgeLines == b.edgeLines, sourceLocation: sourceLocation)
        #expect(a.milestoneNames == b.milestoneNames, sourceLocation: sourceLocation)
        #expect(a.durations == b.durations, sourceLocation: sourceLocation)
        #expect(a.referenceOrder == b.referenceOrder, sourceLocation: sourceLocation)
        #expect(one.diagnostics == two.diagnostics, sourceLocation: sourceLocation)
        #expect(one.cycles == two.cycles, sourceLocation: sourceLocation)
    }

    static let optionSets = [
        PlanOptions(), PlanOptions(stories: .priority), PlanOptions(withinPhase: .ordered),
        PlanOptions(withinPhase: .explicit), PlanOptions(withinPhase: .ordered, stories: .priority),
        PlanOptions(files: .serialize), PlanOptions(remaining: false),
    ]

    static func generated(tasks: Int, seed: UInt64, stories: Int? = nil, plantCycle: Bool = false) -> SpecDocument {
        SpecParser.parse(
            SpecGenerator.generate(GeneratorOptions(tasks: tasks, seed: seed, stories: stories, plantCycle: plantCycle)),
            path: "g.md")
    }

    @Test(arguments: [(600, 1), (1_500, 2), (3_000, 3)])
    func generatedSpecsBuildAlikeOnOneThreadAndTwo(tasks: Int, seed: UInt64) {
        let doc = Self.generated(tasks: tasks, seed: seed)
        for options in Self.optionSets { Self.expectSame(doc, options) }
    }

    @Test func aPlantedCycleAndManyStoriesBuildAlike() {
        for doc in [Self.generated(tasks: 900, seed: 5, plantCycle: true), Self.generated(tasks: 2_000, seed: 6, stories: 60)] {
            for options in Self.optionSets { Self.expectSame(doc, options) }
        }
    }

    /// Phase-level statements name `@end-phase-N` milestones among the
    /// written edges, so the phase pass's own `@end-phase-N` become `#2`:
    /// names given after the order pass's, as on one thread.
    @Test func milestoneNamesTakenByWrittenStatementsGetTheSameSuffixes() {
        var doc = Self.generated(tasks: 1_200, seed: 7, stories: 20)
        let at = SpecKitTasks.SourceLocation(line: 1, column: 1)
        let stories = doc.phases.indices.filter { doc.phases[$0].kind == .story }.map(Int32.init)
        for (p, q) in zip(stories, stories.dropFirst(2)) {
            doc.phaseDependencies.append(PhaseDependency(predecessor: p, successor: q, location: at))
        }
        let built = ScheduleGraph.build(doc, options: PlanOptions(stories: .priority), scanBudget: GraphBuilder.defaultScanBudget, twoThreads: true)
        #expect(built.graph.milestoneNames.contains { $0.hasSuffix("#2") })
        for options in Self.optionSets { Self.expectSame(doc, options) }
    }

    /// Parallel statements about tasks of one phase and about phases: the
    /// order pass and the phase pass scan pairs and make class prefixes.
    @Test(arguments: 1...2)
    func parallelStatementsBuildAlike(seed: Int) {
        var doc = Self.generated(tasks: 1_600, seed: UInt64(seed), stories: 16)
        let at = SpecKitTasks.SourceLocation(line: 2, column: 1)
        let stories = doc.phases.indices.filter { doc.phases[$0].kind == .story }.map(Int32.init)
        doc.parallelStatements.removeAll()
        for (p, q) in zip(stories, stories.dropFirst(3)) {
            doc.parallelStatements.append(ParallelStatement(phases: [p, q], location: at))
        }
        // Every third task of each phase beside the next two of its phase.
        var byPhase: [Int32: [Int32]] = [:]
        for t in doc.tasks.indices { byPhase[doc.tasks[t].phase, default: []].append(Int32(t)) }
        for tasks in byPhase.values {
            for i in stride(from: 0, to: tasks.count - 2, by: 3) {
                doc.parallelStatements.append(ParallelStatement(tasks: Array(tasks[i..<i + 3]), location: at))
            }
        }
        for options in Self.optionSets { Self.expectSame(doc, options) }
        // Budgets the order pass alone, or both passes together, run past:
        // the phase pass is made again after the order pass.
        for budget in [0, 50, 2_000, 20_000] {
            Self.expectSame(doc, PlanOptions(withinPhase: .ordered), scanBudget: budget)
            Self.expectSame(doc, PlanOptions(stories: .priority), scanBudget: budget)
        }
    }

    /// A document named in the order's corrections (`not after`) and with
    /// repeated task IDs, whose order milestones repeat names.
    @Test func correctionsAndRepeatedIDsBuildAlike() {
        var text = ""
        text += "## Phase 1: Setup\n"
        for i in 1...40 { text += "- [ ] T\(String(format: "%03d", i % 13 + 1)) [P] Prepare part \(i) in src/p\(i % 7).py\n" }
        text += "## Phase 2: Build\n"
        for i in 1...40 { text += "- [ ] T\(String(format: "%03d", 100 + i)) \(i % 4 == 0 ? "" : "[P] ")Build part \(i) in src/b\(i % 5).py\n" }
        text += "## Phase 3: User Story 1 - Reports (Priority: P2)\n"
        for i in 1...30 { text += "- [ ] T\(String(format: "%03d", 200 + i)) [P] [US1] Report \(i) in src/r\(i).py\n" }
        text += "## Phase 4: User Story 2 - Alerts (Priority: P1)\n"
        for i in 1...30 { text += "- [ ] T\(String(format: "%03d", 300 + i)) [US2] Alert \(i) in src/a\(i % 3).py\n" }
        text += "## Dependencies\n- T205 depends on T301\n- T120 and T121 can run in parallel\n- Phase 4 depends on Phase 2\n"
        let doc = SpecParser.parse(Array(text.utf8), path: "tasks.md")
        #expect(doc.tasks.count == 140)
        for options in Self.optionSets { Self.expectSame(doc, options) }
    }

    /// Every corpus file, when `SPECGRAPH_CORPUS` names it.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SPECGRAPH_CORPUS"] != nil, "SPECGRAPH_CORPUS is not set"))
    func corpusFilesBuildAlike() throws {
        let directory = ProcessInfo.processInfo.environment["SPECGRAPH_CORPUS"]!
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = try #require(FileManager.default.contents(atPath: directory + "/" + name))
            let doc = SpecParser.parse(Array(bytes), path: name)
            for options in Self.optionSets { Self.expectSame(doc, options) }
        }
    }

    /// Small documents, and documents of one stage (no phase pass), build on one thread.
    @Test func onlySmallDocumentsOfManyStagesUseOneThread() {
        var builder = GraphBuilder(document: Self.generated(tasks: 300, seed: 1), options: PlanOptions())
        builder.readTasks()
        builder.computeStages()
        #expect(builder.stages.count > 1 && !builder.usesTwoThreads)
        builder.twoThreads = true
        #expect(builder.usesTwoThreads)
        builder.stages = [builder.stages[0]]
        #expect(!builder.usesTwoThreads)
    }
}
