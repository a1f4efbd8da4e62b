import SpecKitTasks
import TaskScheduling

/// `plan --format csv`: one row per task, for spreadsheets and issue importers.
///
/// Columns: id, phase, story, status, wave, start, finish, slack, critical,
/// depends on, files, source. Every task found is a row, in document order;
/// a finished task (not planned unless `--all`) has empty schedule cells, as
/// has every task of a plan with a cycle. Times are hours from the start.
/// `depends on` lists the written dependencies, `files` the written files,
/// both separated by spaces. Cells are quoted and guarded as ``CSVWriter`` says.
public enum PlanCSV {
    public static let header = [
        "id", "phase", "story", "status", "wave", "start", "finish", "slack", "critical", "depends on", "files", "source",
    ]

    /// The header and the rows of every plan.
    public static func render(_ plans: [Plan], into w: inout ByteWriter) {
        CSVWriter.row(header, into: &w)
        for plan in plans { rows(plan, into: &w) }
    }

    /// The rows of one plan (no header).
    ///
    /// - Complexity: O(T + D) and proportional to the text written.
    public static func rows(_ plan: Plan, into w: inout ByteWriter) {
        let doc = plan.document
        let facts = PlanFacts(plan)
        let schedule = plan.schedule
        for (t, task) in doc.tasks.enumerated() {
            let phase = doc.phases.indices.contains(Int(task.phase)) ? doc.phases[Int(task.phase)].title : ""
            let node = t < plan.graph.nodeOfTask.count ? plan.graph.nodeOfTask[t] : -1
            var timing = ["", "", "", "", ""]
            if node >= 0 {
                let v = Int(node)
                let times = schedule.times
                timing = [
                    "\(schedule.waveOfNode[v])", CSVWriter.number(times.earliestStart[v]),
                    CSVWriter.number(times.earliestFinish[v]), CSVWriter.number(max(0, times.slack(node))),
                    schedule.isCritical(node) ? "yes" : "no",
                ]
            }
            let dependsOn = facts.writtenPredecessors(of: Int32(t)).map { doc.tasks[Int($0)].id }
            CSVWriter.row(
                [task.id, phase, task.stories.joined(separator: " "), task.status.rawValue] + timing
                    + [dependsOn.joined(separator: " "), task.files.joined(separator: " "), doc.path],
                into: &w)
        }
    }
}
