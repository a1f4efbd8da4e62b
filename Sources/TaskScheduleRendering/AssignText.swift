import SpecKitTasks
import TaskScheduling

/// Text and Markdown for `assign` (team schedules, the team-size sweep) and
/// for the `plan --deadline` forecast.
public enum AssignText {
    /// `assign` for one plan: its team schedule, then its team-size sweep
    /// (either may be absent).
    public static func report(
        _ plan: Plan, schedule: TeamSchedule?, sweep: TeamSweep?, style: TextStyle, into w: inout ByteWriter
    ) {
        if let schedule { self.schedule(plan, schedule, style: style, into: &w) }
        if let sweep {
            if schedule != nil { w.write("\n" as StaticString) }
            self.sweep(plan, sweep, style: style, into: &w)
        }
    }

    // MARK: schedule

    /// The summary, then each person's tasks in order with start and finish.
    /// Critical tasks are marked `*` (text) or ✔ (Markdown).
    ///
    /// - Complexity: O(V) lines of output.
    public static func schedule(_ plan: Plan, _ s: TeamSchedule, style: TextStyle, into w: inout ByteWriter) {
        let team = s.team
        let doc = plan.document
        let names = team.names.joined(separator: ", ")
        let teamText = team.isNumbered ? people(team.size) : "\(team.size) (\(names))"
        // Switches between stories mean nothing in a file without stories.
        let hasStories = doc.tasks.contains { !$0.stories.isEmpty } || doc.phases.contains { $0.kind == .story }
        let bound = "max(critical path \(h(s.criticalPathLength)), work \(h(s.totalWork)) / \(team.size))"
        switch style {
        case .text:
            w.write("\(doc.path)\n")
            w.write("  Team of \(teamText): makespan \(h(s.makespan))\n")
            w.write("  lower bound \(h(s.lowerBound)) = \(bound); gap \(percent(s.gapPercent))\n")
            if s.stageLowerBound > s.lowerBound + 1e-9 {
                w.write("  seeing phase barriers, no team of \(team.size) beats \(h(s.stageLowerBound)): gap \(percent(s.stageGapPercent))\n")
            }
            w.write("  utilisation \(percent(s.utilisation * 100))")
            if hasStories { w.write("; \(s.storySwitches == 1 ? "1 story switch" : "\(s.storySwitches) story switches")") }
            if s.pinnedCount > 0 { w.write("; \(PlanText.count(s.pinnedCount, "task")) kept by their owner") }
            w.write("\n")
            if !s.unmatchedOwners.isEmpty {
                w.write("  note: not on the team, so their tasks went to anyone: \(s.unmatchedOwners.joined(separator: ", "))\n")
            }
        case .markdown:
            w.write("## Team schedule for `\(PlanText.markdownCode(doc.path))`\n\n")
            w.write("| team | makespan | lower bound | gap | stage bound | stage gap | utilisation | critical path | total work |")
            w.write(hasStories ? " story switches |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n" : "\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
            w.write("| \(PlanText.markdownCell(names)) | \(h(s.makespan)) | \(h(s.lowerBound)) | \(percent(s.gapPercent)) | \(h(s.stageLowerBound)) | \(percent(s.stageGapPercent)) | \(percent(s.utilisation * 100)) | \(h(s.criticalPathLength)) | \(h(s.totalWork)) |")
            w.write(hasStories ? " \(s.storySwitches) |\n" : "\n")
            if !s.unmatchedOwners.isEmpty {
                w.write("\n> Owners not on the team (their tasks went to anyone): \(PlanText.markdownCell(s.unmatchedOwners.joined(separator: ", ")))\n")
            }
        }
        let schedule = plan.schedule
        let timeWidth = max(4, PlanText.format1(s.makespan).count)
        let idWidth = min(10, max(4, (0..<plan.graph.taskNodeCount).map { plan.name(of: Int32($0)).count }.max() ?? 4))
        for (p, lane) in s.lanes.enumerated() {
            let busy = s.busyHours(of: p)
            let share = s.makespan > 0 ? busy / s.makespan * 100 : 0
            let head = "\(team.displayName(p)): \(PlanText.count(lane.count, "task")), \(h(busy)) busy (\(percent(share)))"
            switch style {
            case .text:
                w.write("\n\(head)\n")
                for v in lane {
                    let task = plan.task(ofNode: v)
                    let mark = schedule.isCritical(v) ? "*" : " "
                    let line = "  \(pad(PlanText.format1(s.start[Int(v)]), timeWidth)) → \(pad(PlanText.format1(s.finish[Int(v)]), timeWidth)) \(mark)\(PlanText.pad(task.id, idWidth, right: false))  "
                    let room = max(12, 80 - line.count)
                    w.write(line)
                    w.write(PlanText.truncate(task.description, room))
                    w.write("\n")
                }
            case .markdown:
                w.write("\n### \(PlanText.markdownCell(head))\n\n")
                if lane.isEmpty { continue }
                w.write("| start | finish | task | critical | description |\n|---:|---:|---|:-:|---|\n")
                for v in lane {
                    let task = plan.task(ofNode: v)
                    let critical = schedule.isCritical(v) ? "✔" : ""
                    w.write("| \(h(s.start[Int(v)])) | \(h(s.finish[Int(v)])) | \(PlanText.markdownCell(task.id)) | \(critical) | \(PlanText.markdownCell(PlanText.truncate(task.description, 100))) |\n")
                }
            }
        }
        if style == .text { w.write("\n  (times in hours from the start; * critical)\n") }
    }

    // MARK: sweep

    /// One row per team size, the saturation size marked.
    public static func sweep(_ plan: Plan, _ sweep: TeamSweep, style: TextStyle, into w: inout ByteWriter) {
        let verdict: String
        if let n = sweep.saturationSize {
            verdict = "Past \(people(n)), another person shortens the plan by less than 5 %."
        } else if let last = sweep.rows.last {
            verdict = "Every step up to \(last.size) people still shortens the plan by 5 % or more."
        } else {
            verdict = ""
        }
        switch style {
        case .text:
            w.write("\(plan.document.path)\n")
            w.write("  Team sizes: work \(h(sweep.totalWork)), critical path \(h(sweep.criticalPathLength))\n\n")
            w.write("  people  makespan  speedup  utilisation  lower bound     gap  stage bound   gap\n")
            for row in sweep.rows {
                let cols = [
                    pad(String(row.size), 6), pad(h(row.makespan), 9), pad(PlanText.format1(row.speedup) + "×", 8),
                    pad(percent(row.utilisation * 100), 12), pad(h(row.lowerBound), 12), pad(percent(row.gapPercent), 7),
                    pad(h(row.stageLowerBound), 12), pad(percent(row.stageGapPercent), 5),
                ]
                w.write("  \(cols.joined(separator: " "))")
                if row.size == sweep.saturationSize { w.write(" ◀") }
                w.write("\n")
            }
            w.write("\n  \(verdict)")
            if sweep.saturationSize != nil { w.write(" (◀)") }
            w.write("\n  The stage bound also sees phase barriers: no team of that size can beat it.\n")
        case .markdown:
            w.write("## Team sizes for `\(PlanText.markdownCode(plan.document.path))`\n\n")
            w.write("| people | makespan | speedup | utilisation | lower bound | gap | stage bound | stage gap | |\n|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
            for row in sweep.rows {
                let mark = row.size == sweep.saturationSize ? "◀ saturates" : ""
                w.write("| \(row.size) | \(h(row.makespan)) | \(PlanText.format1(row.speedup))× | \(percent(row.utilisation * 100)) | \(h(row.lowerBound)) | \(percent(row.gapPercent)) | \(h(row.stageLowerBound)) | \(percent(row.stageGapPercent)) | \(mark) |\n")
            }
            w.write("\nWork \(h(sweep.totalWork)), critical path \(h(sweep.criticalPathLength)). \(verdict)\n")
        }
    }

    // MARK: forecast

    /// The `plan --deadline` section: the probability and the percentiles.
    public static func forecast(_ f: MonteCarloForecast, style: TextStyle, into w: inout ByteWriter) {
        var runs = "\(f.runs) runs, seed \(f.seed), \(PlanText.count(f.uncertainTasks, "task")) with three-point estimates"
        let planned = f.team.map { "planned makespan for \(people($0.size))" } ?? "planned critical path"
        if let team = f.team { runs += ", each scheduled for \(people(team.size))" }
        let line = "P50 \(h(f.p50)) · P80 \(h(f.p80)) · P95 \(h(f.p95)) · mean \(h(f.mean)) (\(planned) \(h(f.plannedLength)))"
        switch style {
        case .text:
            w.write("Forecast (\(runs))\n")
            if let d = f.deadline, let p = f.probability {
                w.write("  P(finished by \(h(d))) = \(percent(p * 100))\n")
            }
            w.write("  \(line)\n")
            if f.uncertainTasks == 0 { w.write("  (no task has a three-point estimate such as (est: 2h/4h/8h): every run is the plan)\n") }
        case .markdown:
            w.write("### Forecast\n\n")
            if let d = f.deadline, let p = f.probability {
                w.write("**\(percent(p * 100))** chance of finishing by \(h(d)). ")
            }
            w.write("\(line); \(runs).\n")
        }
    }

    // MARK: helpers

    static func h(_ x: Double) -> String { PlanText.hours(x) }

    /// `1 person`, `3 people`.
    static func people(_ n: Int) -> String { n == 1 ? "1 person" : "\(n) people" }

    /// `16.7%`, one decimal.
    static func percent(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        var w = ByteWriter(capacity: 16)
        w.write(r == 0 ? 0.0 : r)
        return String(w) + "%"
    }

    static func pad(_ s: String, _ width: Int) -> String { PlanText.pad(s, width, right: true) }
}
