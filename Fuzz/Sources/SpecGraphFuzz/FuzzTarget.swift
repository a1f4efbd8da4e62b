import SpecKitTasks
import TaskGraph
import TaskScheduleRendering
import TaskScheduling

/// libFuzzer's entry point: one input is one tasks.md.
///
/// The last byte picks the planning options (so that one input explores every
/// mode); the rest is parsed, planned, scheduled for a team and rendered. Any
/// trap is a finding; so is a broken invariant of the schedule (checked with
/// `precondition`, which traps in release builds too).
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size - 1))
    FuzzRun.run(bytes, selector: data[size - 1])
    return 0
}

enum FuzzRun {
    static func run(_ bytes: [UInt8], selector: UInt8) {
        let document = SpecParser.parse(bytes, path: "fuzz/tasks.md")
        let within: [WithinPhase] = [.auto, .ordered, .explicit]
        let files: [FilePolicy] = [.exclusive, .serialize, .ignore]
        let options = PlanOptions(
            withinPhase: within[Int(selector % 3)], stories: selector & 4 == 0 ? .parallel : .priority,
            files: files[Int(selector / 8 % 3)], defaultDuration: 1, remaining: selector & 0x80 == 0)
        let plan = Plan(document, options: options)
        checkSchedule(plan)

        var w = ByteWriter()
        PlanJSON.render([plan], into: &w)
        PlanText.plan(plan, style: selector & 0x40 == 0 ? .text : .markdown, into: &w)
        if let team = try? Team.parse(selector & 0x20 == 0 ? "2" : "ann,bo,cy") {
            let schedule = TeamSchedule(plan: plan, team: team)
            for v in 0..<plan.graph.taskNodeCount {
                precondition(schedule.finish[v] >= schedule.start[v], "a task ends before it starts")
            }
        }
        if plan.graph.taskNodeCount <= 300, let diagram = try? Diagram(plan, options: DiagramOptions()) {
            PlanDOT.render(diagram, placement: nil, into: &w)
            PlanMermaid.render(diagram, into: &w)
        }
    }

    /// Every edge goes forward in waves and in time; times are finite.
    static func checkSchedule(_ plan: Plan) {
        let schedule = plan.schedule
        let g = plan.graph.graph
        let times = schedule.times
        for e in 0..<g.edgeCount {
            let from = Int(g.edgeSources[e]), to = Int(g.edgeTargets[e])
            precondition(schedule.waveOfNode[to] >= schedule.waveOfNode[from], "an edge goes back a wave")
            precondition(times.earliestStart[to] + 1e-6 >= times.earliestStart[from] + plan.graph.durations[from],
                         "a task starts before its predecessor ends")
        }
        for v in 0..<plan.graph.nodeCount {
            precondition(times.earliestStart[v].isFinite && times.latestStart[v].isFinite, "a time is not finite")
        }
    }
}
