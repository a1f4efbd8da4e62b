// Every stage of `specgraph plan` on generated specs of 10 000 and 1 000 000 tasks:
// parse, graph build, cycle check, waves, CPM, team assignment, JSON and DOT writing.
// Wall time, instructions and allocations are recorded for each.
import Benchmark
import SpecKitGenerator
import SpecKitTasks
import TaskGraph
import TaskScheduleRendering
import TaskScheduling

/// Inputs are made once per size, outside the measured region.
final class Fixture: @unchecked Sendable {
    let bytes: [UInt8]
    let document: SpecDocument
    let plan: Plan

    init(tasks: Int) {
        bytes = SpecGenerator.generate(GeneratorOptions(tasks: tasks, seed: 1))
        document = SpecParser.parse(bytes, path: "generated.md")
        plan = Plan(document)
    }
}

nonisolated(unsafe) var fixtures: [Int: Fixture] = [:]

func fixture(_ tasks: Int) -> Fixture {
    if let f = fixtures[tasks] { return f }
    let f = Fixture(tasks: tasks)
    fixtures[tasks] = f
    return f
}

let benchmarks: @Sendable () -> Void = {
    // Names use `_`, not spaces: `thresholds update` writes a name's spaces as
    // `_` in the file name while `thresholds check` looks the name up as it is.
    // Tolerances for `make bench-check` against the thresholds recorded in
    // Benchmarks/Thresholds (`make bench-thresholds`): allocation counts move by
    // a few with the threads' timing (69 or 73 in a run that allocates
    // almost nothing), so 15 % (an allocation per task is far more); time on
    // this 2-core machine drifts by up to 1.5× over a day, so it only catches
    // a doubling, and throughput (parse_100k) only a halving.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .instructions, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 20,
        thresholds: [
            .mallocCountTotal: .init(relative: [.p90: 15]),
            .peakMemoryResident: .init(relative: [.p90: 25]),
            .wallClock: .init(relative: [.p90: 100]),
            .throughput: .init(relative: [.p90: 50]),
        ]
    )

    // Parsing alone also at 100 000 tasks (about 10 MB), the figure for MB/s.
    // The parse benchmarks stop before the document is freed, as the command
    // line never frees it (`Teardown.skip`); `document_release_*` measures that.
    Benchmark("parse_100k", configuration: .init(metrics: [.wallClock, .throughput, .instructions, .mallocCountTotal, .peakMemoryResident], maxIterations: 10)) { benchmark in
        let f = fixture(100_000)
        benchmark.startMeasurement()
        let document = SpecParser.parse(f.bytes, path: "generated.md")
        benchmark.stopMeasurement()
        blackHole(document)
    }

    for (size, label) in [(10_000, "10k"), (1_000_000, "1M")] {
        let iterations = size >= 1_000_000 ? 3 : 20
        let config = Benchmark.Configuration(maxIterations: iterations)
        // Graph passes that allocate a few dozen blocks in all: their counts
        // move by a quarter from run to run (36 to 52 for cpm_1M), so only a
        // doubling counts, which an allocation per node would far exceed.
        let fewAllocations = Benchmark.Configuration(
            maxIterations: iterations,
            thresholds: [
                .mallocCountTotal: .init(relative: [.p90: 100]),
                .peakMemoryResident: .init(relative: [.p90: 25]),
                .wallClock: .init(relative: [.p90: 100]),
            ])

        Benchmark("parse_\(label)", configuration: config) { benchmark in
            let f = fixture(size)
            benchmark.startMeasurement()
            let document = SpecParser.parse(f.bytes, path: "generated.md")
            benchmark.stopMeasurement()
            blackHole(document)
        }

        // Freeing a parsed document task by task: what a library caller pays
        // when its document goes away (the command line skips it at exit).
        // It allocates a few dozen blocks (48 or 56 at 1M, by the threads'
        // timing), so its count takes the looser tolerance of the graph passes.
        Benchmark("document_release_\(label)", configuration: fewAllocations) { benchmark in
            let f = fixture(size)
            var document: SpecDocument? = SpecParser.parse(f.bytes, path: "generated.md")
            blackHole(document?.tasks.count)
            benchmark.startMeasurement()
            document = nil
            benchmark.stopMeasurement()
            blackHole(document)
        }

        Benchmark("graph_build_\(label)", configuration: config) { benchmark in
            let f = fixture(size)
            benchmark.startMeasurement()
            blackHole(ScheduleGraph.build(f.document))
        }

        Benchmark("cycle_check_\(label)", configuration: fewAllocations) { benchmark in
            let f = fixture(size)
            benchmark.startMeasurement()
            blackHole(f.plan.graph.graph.stronglyConnectedComponents())
        }

        Benchmark("waves_\(label)", configuration: fewAllocations) { benchmark in
            let f = fixture(size)
            let g = f.plan.graph
            var weight = [Int32](repeating: 1, count: g.nodeCount)
            for m in g.taskNodeCount..<g.nodeCount { weight[m] = 0 }
            benchmark.startMeasurement()
            let order = g.graph.topologicalOrder()!
            blackHole(g.graph.generations(order: order, weight: weight))
        }

        Benchmark("cpm_\(label)", configuration: fewAllocations) { benchmark in
            let f = fixture(size)
            let g = f.plan.graph
            let order = f.plan.schedule.order
            benchmark.startMeasurement()
            blackHole(g.graph.criticalPathTimes(order: order, durations: g.durations))
        }

        Benchmark("plan_json_\(label)", configuration: config) { benchmark in
            let f = fixture(size)
            benchmark.startMeasurement()
            var count = 0
            var w = ByteWriter(flushingAt: 1 << 20) { count += $0.count }
            PlanJSON.render([f.plan], into: &w)
            w.flush()
            blackHole(count)
        }

        Benchmark("assign_8_people_\(label)", configuration: config) { benchmark in
            let f = fixture(size)
            let team = try Team.parse("8")
            benchmark.startMeasurement()
            blackHole(TeamSchedule(plan: f.plan, team: team))
        }

        // DOT for the phase view at any size, and for every task at 10 000
        // (the picture the graph command draws by default at each size).
        Benchmark("dot_writing_\(label)", configuration: config) { benchmark in
            let f = fixture(size)
            benchmark.startMeasurement()
            let options = DiagramOptions(view: size > 5_000 ? .phases : .tasks)
            let diagram = try Diagram(f.plan, options: options)
            var w = ByteWriter()
            PlanDOT.render(diagram, into: &w)
            blackHole(w.bytes.count)
        }
    }
}
