import SpecKitTasks
import TaskScheduling

/// `batches --format json` and `next --agents/--running --format json`
/// (docs/batches.md). Keys are a contract; new keys may be added.
public enum AgentBatchesJSON {
    /// One object: `schemaVersion`, `source`, `agents`, `batches`, `waves`,
    /// `makespan`, `criticalPathLength`. `batches` is nil when the plan has a cycle.
    ///
    /// - Complexity: O(V + D) for V tasks and D written dependencies, plus the text written.
    public static func render(_ plan: Plan, _ batches: AgentBatches?, into w: inout ByteWriter) {
        head(plan, &w)
        w.write(",\"agents\":" as StaticString)
        writeOptional(batches?.agents, &w)
        guard let batches else {
            w.write(",\"batches\":null,\"waves\":null,\"makespan\":null,\"criticalPathLength\":null}" as StaticString)
            return
        }
        let schedule = plan.schedule
        let facts = PlanFacts(plan)
        w.write(",\"batches\":[" as StaticString)
        for (i, batch) in batches.batches.enumerated() {
            if i > 0 { w.write("," as StaticString) }
            w.write("{\"index\":" as StaticString)
            w.write(i + 1)
            w.write(",\"tasks\":" as StaticString)
            tasks(batch, plan, facts, &w)
            w.write(",\"checkpoints\":[" as StaticString)
            for (j, p) in batches.completedPhases[i].enumerated() {
                if j > 0 { w.write("," as StaticString) }
                let phase = plan.document.phases[Int(p)]
                w.write("{\"phase\":" as StaticString)
                w.write(phase.index)
                w.write(",\"title\":" as StaticString)
                w.writeJSONString(phase.title)
                w.write(",\"checkpoint\":" as StaticString)
                if let text = phase.checkpoint { w.writeJSONString(text) } else { w.write("null" as StaticString) }
                w.write("}" as StaticString)
            }
            w.write("]}" as StaticString)
        }
        w.write("],\"waves\":" as StaticString)
        w.write(batches.waveCount)
        w.write(",\"makespan\":" as StaticString)
        w.write(batches.makespan)
        w.write(",\"criticalPathLength\":" as StaticString)
        w.write(schedule.length)
        w.write("}" as StaticString)
    }

    /// One object: `schemaVersion`, `source`, `agents`, `running`, `ready` (IDs
    /// that may start now, in order) and `tasks` (the same tasks, as in `batches`).
    /// `ready` and `tasks` are null when the plan has a cycle.
    public static func next(_ plan: Plan, _ dispatch: Dispatch?, running: [String], into w: inout ByteWriter) {
        head(plan, &w)
        w.write(",\"agents\":" as StaticString)
        writeOptional(dispatch?.agents, &w)
        w.write(",\"running\":[" as StaticString)
        let names = dispatch.map { $0.running.map { plan.name(of: $0) } } ?? running
        for (i, id) in names.enumerated() {
            if i > 0 { w.write("," as StaticString) }
            w.writeJSONString(id)
        }
        w.write("]" as StaticString)
        guard let dispatch else {
            w.write(",\"ready\":null,\"tasks\":null}" as StaticString)
            return
        }
        w.write(",\"ready\":[" as StaticString)
        for (i, v) in dispatch.startable.enumerated() {
            if i > 0 { w.write("," as StaticString) }
            w.writeJSONString(plan.name(of: v))
        }
        w.write("],\"tasks\":" as StaticString)
        tasks(dispatch.startable, plan, PlanFacts(plan), &w)
        w.write("}" as StaticString)
    }

    static func head(_ plan: Plan, _ w: inout ByteWriter) {
        w.writeJSONHead(source: plan.document.path)
    }

    static func writeOptional(_ n: Int?, _ w: inout ByteWriter) {
        if let n { w.write(n) } else { w.write("null" as StaticString) }
    }

    /// `[{id, description, files, reads, stories, dependsOn, phase, duration, slack}]`.
    static func tasks(_ nodes: [Int32], _ plan: Plan, _ facts: PlanFacts, _ w: inout ByteWriter) {
        let doc = plan.document
        w.write("[" as StaticString)
        for (i, v) in nodes.enumerated() {
            if i > 0 { w.write("," as StaticString) }
            let t = plan.graph.taskOfNode[Int(v)]
            let task = doc.tasks[Int(t)]
            w.write("{\"id\":" as StaticString)
            w.writeJSONString(plan.name(of: v))
            w.write(",\"description\":" as StaticString)
            w.writeJSONString(task.description)
            w.write(",\"files\":" as StaticString)
            strings(task.files, &w)
            w.write(",\"reads\":" as StaticString)
            strings(task.reads, &w)
            w.write(",\"stories\":" as StaticString)
            strings(task.stories, &w)
            w.write(",\"dependsOn\":" as StaticString)
            strings(facts.writtenPredecessors(of: t).map { doc.tasks[Int($0)].id }, &w)
            w.write(",\"phase\":" as StaticString)
            let phase = Int(task.phase)
            w.write(doc.phases.indices.contains(phase) ? doc.phases[phase].index : task.phase)
            w.write(",\"duration\":" as StaticString)
            w.write(plan.graph.durations[Int(v)])
            w.write(",\"slack\":" as StaticString)
            w.write(max(0, plan.schedule.times.slack(v)))
            w.write("}" as StaticString)
        }
        w.write("]" as StaticString)
    }

    static func strings(_ items: [String], _ w: inout ByteWriter) {
        w.write("[" as StaticString)
        for (i, s) in items.enumerated() {
            if i > 0 { w.write("," as StaticString) }
            w.writeJSONString(s)
        }
        w.write("]" as StaticString)
    }
}
