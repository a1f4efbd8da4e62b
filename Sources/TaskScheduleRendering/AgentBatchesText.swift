import SpecKitTasks
import TaskScheduling

/// Text and Markdown renderings of `batches` and of `next --agents/--running`.
///
/// The Markdown is a "Parallel execution plan" section in the shape spec-kit
/// users paste into tasks.md: `### Batch 1 — start immediately`, then task
/// lines `- [ ] T012 [P] [US1] description (files)`.
public enum AgentBatchesText {
    /// The batches of one plan.
    public static func batches(_ plan: Plan, _ batches: AgentBatches, style: TextStyle, into w: inout ByteWriter) {
        let path = plan.document.path
        switch style {
        case .text: w.write("\(path)\n")
        case .markdown: w.write("## Parallel execution plan\n\n")
        }
        let schedule = plan.schedule
        let taskCount = batches.batches.reduce(0) { $0 + $1.count }
        let agents = batches.agents.map { PlanText.count($0, "agent") } ?? "unlimited agents"
        var summary = "\(PlanText.count(taskCount, "task")) in \(batchCount(batches.batches.count))"
        summary += " for \(agents) (\(PlanText.count(batches.waveCount, "wave")));"
        summary += " makespan \(PlanText.hours(batches.makespan)) (critical path \(PlanText.hours(schedule.length)))"
        let note = estimateNote(plan)
        switch style {
        case .text:
            w.write("  \(summary)\n")
            if let note { w.write("  \(note)\n") }
        case .markdown:
            w.write("`\(PlanText.markdownCode(path))`: \(summary).\n")
            if let note { w.write("\n_\(note)_\n") }
        }
        for (i, batch) in batches.batches.enumerated() {
            let when = i == 0 ? "start immediately" : "after batch \(i)"
            switch style {
            case .text: w.write("\nBatch \(i + 1) (\(when))\n")
            case .markdown: w.write("\n### Batch \(i + 1) — \(when)\n\n")
            }
            for v in batch { task(plan, v, parallel: batch.count > 1, style: style, into: &w) }
            for p in batches.completedPhases[i] {
                let line = checkpoint(plan, phase: p)
                switch style {
                case .text: w.write("  checkpoint: \(line)\n")
                case .markdown: w.write("\n**Checkpoint**: \(PlanText.markdownCell(line))\n")
                }
            }
        }
    }

    /// What may start now, given the running tasks (`next --agents/--running`).
    public static func next(_ plan: Plan, _ dispatch: Dispatch, style: TextStyle, into w: inout ByteWriter) {
        if style == .text { w.write("\(plan.document.path)\n") }
        let running = dispatch.running.map { plan.name(of: $0) }.joined(separator: ", ")
        var free = ""
        if let agents = dispatch.agents {
            free = "\(max(0, agents - dispatch.running.count)) of \(PlanText.count(agents, "agent")) free"
        }
        switch style {
        case .text:
            if !dispatch.running.isEmpty { w.write("Running (\(dispatch.running.count)): \(running)\n") }
            if dispatch.startable.isEmpty {
                w.write("Nothing may start now\(free.isEmpty ? "" : " (\(free))"): the other tasks wait for a running or unfinished task, share a file with a running one, or no agent is free.\n")
                return
            }
            w.write("May start now (\(PlanText.count(dispatch.startable.count, "task"))\(free.isEmpty ? "" : "; \(free)")):\n")
        case .markdown:
            w.write("### May start now\n\n")
            if !dispatch.running.isEmpty {
                w.write("Running: \(PlanText.markdownCell(running))\(free.isEmpty ? "" : " (\(free))").\n\n")
            }
            if dispatch.startable.isEmpty { w.write("Nothing may start now.\n") }
        }
        for v in dispatch.startable {
            task(plan, v, parallel: dispatch.startable.count + dispatch.running.count > 1, style: style, into: &w)
        }
    }

    /// One task line.
    static func task(_ plan: Plan, _ v: Int32, parallel: Bool, style: TextStyle, into w: inout ByteWriter) {
        let task = plan.task(ofNode: v)
        let p = parallel ? "[P] " : ""
        switch style {
        case .text:
            var line = "  \(PlanText.pad(plan.name(of: v), 8, right: false)) \(p)\(PlanText.truncate(task.description, 60))"
            if !task.files.isEmpty { line += "  (writes \(task.files.joined(separator: ", ")))" }
            w.write("\(line)\n")
        case .markdown:
            var line = "- [ ] \(PlanText.markdownCell(plan.name(of: v))) \(p)"
            for s in task.stories { line += "[\(PlanText.markdownCell(s))] " }
            line += PlanText.markdownCell(task.description)
            if !task.files.isEmpty {
                line += " (" + task.files.map { "`\(PlanText.markdownCode($0))`" }.joined(separator: ", ") + ")"
            }
            w.write("\(line)\n")
        }
    }

    /// `Phase 2: Foundational complete: Foundation ready`.
    static func checkpoint(_ plan: Plan, phase p: Int32) -> String {
        let phase = plan.document.phases[Int(p)]
        let title = phase.title.isEmpty ? "The tasks before the first phase" : phase.title
        guard let text = phase.checkpoint, !text.isEmpty else { return "\(title) complete" }
        return "\(title) complete: \(text)"
    }

    static func batchCount(_ n: Int) -> String { n == 1 ? "1 batch" : "\(n) batches" }

    /// Said wherever a length is shown when no planned task has an estimate.
    static func estimateNote(_ plan: Plan) -> String? {
        PlanText.assumedNote(plan).map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }
    }
}
