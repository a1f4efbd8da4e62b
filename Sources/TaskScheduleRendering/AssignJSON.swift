import SpecKitTasks
import TaskScheduling

/// `assign --format json` (docs/semantics.md, "JSON details"): one object per plan. The keys of the
/// contract come first; `stageLowerBound` and `stageGapPercent` (the bound
/// that sees phase barriers), `criticalPathLength`, `totalWork`,
/// `storySwitches`, `people` and `sweep` are additions.
///
/// ```json
/// {"schemaVersion": 2, "source": "tasks.md", "team": ["ann", "bo"],
///  "makespan": 12.0, "lowerBound": 11.0, "gapPercent": 9.1, "utilisation": 0.83,
///  "assignments": [{"task": "T001", "person": "ann", "start": 0.0, "finish": 1.0}]}
/// ```
/// `assignments` lists every planned task once, in document order. With a
/// dependency cycle there is no schedule: the figures are `null` and
/// `assignments` is empty.
public enum AssignJSON {
    /// One plan as a JSON object; `schedule` is nil only when the plan has a cycle
    /// or when only a sweep was asked for (`team` then holds no names).
    ///
    /// - Complexity: O(V) and proportional to the text written.
    public static func render(_ plan: Plan, schedule: TeamSchedule?, team: Team?, sweep: TeamSweep? = nil, into w: inout ByteWriter) {
        w.writeJSONHead(source: plan.document.path)
        if let team {
            w.write(",\"team\":" as StaticString)
            PlanJSON.writeStrings(team.names, &w)
            if let s = schedule {
                w.write(",\"makespan\":" as StaticString)
                w.write(hours(s.makespan))
                w.write(",\"lowerBound\":" as StaticString)
                w.write(hours(s.lowerBound))
                w.write(",\"gapPercent\":" as StaticString)
                w.write((s.gapPercent * 10).rounded() / 10)
                w.write(",\"utilisation\":" as StaticString)
                w.write((s.utilisation * 100).rounded() / 100)
                w.write(",\"assignments\":[" as StaticString)
                for v in 0..<plan.graph.taskNodeCount {
                    if v > 0 { w.write("," as StaticString) }
                    w.write("{\"task\":" as StaticString)
                    w.writeJSONString(plan.name(of: Int32(v)))
                    w.write(",\"person\":" as StaticString)
                    w.writeJSONString(team.names[Int(s.personOfNode[v])])
                    w.write(",\"start\":" as StaticString)
                    w.write(hours(s.start[v]))
                    w.write(",\"finish\":" as StaticString)
                    w.write(hours(s.finish[v]))
                    w.write("}" as StaticString)
                }
                w.write("],\"stageLowerBound\":" as StaticString)
                w.write(hours(s.stageLowerBound))
                w.write(",\"stageGapPercent\":" as StaticString)
                w.write((s.stageGapPercent * 10).rounded() / 10)
                w.write(",\"criticalPathLength\":" as StaticString)
                w.write(hours(s.criticalPathLength))
                w.write(",\"totalWork\":" as StaticString)
                w.write(hours(s.totalWork))
                w.write(",\"storySwitches\":" as StaticString)
                w.write(s.storySwitches)
                w.write(",\"people\":[" as StaticString)
                for (p, name) in team.names.enumerated() {
                    if p > 0 { w.write("," as StaticString) }
                    w.write("{\"name\":" as StaticString)
                    w.writeJSONString(name)
                    w.write(",\"tasks\":" as StaticString)
                    w.write(s.lanes[p].count)
                    w.write(",\"busy\":" as StaticString)
                    w.write(hours(s.busyHours(of: p)))
                    w.write("}" as StaticString)
                }
                w.write("]" as StaticString)
            } else {
                w.write(",\"makespan\":null,\"lowerBound\":null,\"gapPercent\":null,\"utilisation\":null,\"assignments\":[]" as StaticString)
            }
        }
        if let sweep {
            w.write(",\"sweep\":" as StaticString)
            writeSweep(sweep, &w)
        }
        w.write("}" as StaticString)
    }

    /// `{"totalWork", "criticalPathLength", "saturationSize", "rows": [{"team", "makespan", "speedup", "utilisation", "lowerBound", "gapPercent"}]}`.
    public static func writeSweep(_ sweep: TeamSweep, _ w: inout ByteWriter) {
        w.write("{\"totalWork\":" as StaticString)
        w.write(hours(sweep.totalWork))
        w.write(",\"criticalPathLength\":" as StaticString)
        w.write(hours(sweep.criticalPathLength))
        w.write(",\"saturationSize\":" as StaticString)
        if let n = sweep.saturationSize { w.write(n) } else { w.write("null" as StaticString) }
        w.write(",\"rows\":[" as StaticString)
        for (i, row) in sweep.rows.enumerated() {
            if i > 0 { w.write("," as StaticString) }
            w.write("{\"team\":" as StaticString)
            w.write(row.size)
            w.write(",\"makespan\":" as StaticString)
            w.write(hours(row.makespan))
            w.write(",\"speedup\":" as StaticString)
            w.write((row.speedup * 100).rounded() / 100)
            w.write(",\"utilisation\":" as StaticString)
            w.write((row.utilisation * 100).rounded() / 100)
            w.write(",\"lowerBound\":" as StaticString)
            w.write(hours(row.lowerBound))
            w.write(",\"gapPercent\":" as StaticString)
            w.write((row.gapPercent * 10).rounded() / 10)
            w.write(",\"stageLowerBound\":" as StaticString)
            w.write(hours(row.stageLowerBound))
            w.write(",\"stageGapPercent\":" as StaticString)
            w.write((row.stageGapPercent * 10).rounded() / 10)
            w.write("}" as StaticString)
        }
        w.write("]}" as StaticString)
    }

    /// `{"runs", "seed", "deadline", "probability", "p50", "p80", "p95", "mean", "min", "max", "plannedLength", "uncertainTasks"}`:
    /// the `forecast` object of `plan --deadline`.
    public static func writeForecast(_ f: MonteCarloForecast, _ w: inout ByteWriter) {
        w.write("{\"runs\":" as StaticString)
        w.write(f.runs)
        w.write(",\"seed\":" as StaticString)
        w.write(String(f.seed))
        w.write(",\"deadline\":" as StaticString)
        if let d = f.deadline { w.write(hours(d)) } else { w.write("null" as StaticString) }
        w.write(",\"probability\":" as StaticString)
        if let p = f.probability { w.write((p * 10000).rounded() / 10000) } else { w.write("null" as StaticString) }
        for (key, value) in [
            (",\"p50\":", f.p50), (",\"p80\":", f.p80), (",\"p95\":", f.p95), (",\"mean\":", f.mean),
            (",\"min\":", f.minimum), (",\"max\":", f.maximum), (",\"plannedLength\":", f.plannedLength),
        ] as [(StaticString, Double)] {
            w.write(key)
            w.write((value * 1000).rounded() / 1000)
        }
        w.write(",\"uncertainTasks\":" as StaticString)
        w.write(f.uncertainTasks)
        w.write(",\"team\":" as StaticString)
        if let team = f.team {
            w.write("[" as StaticString)
            for (i, name) in team.names.enumerated() {
                if i > 0 { w.write("," as StaticString) }
                w.writeJSONString(name)
            }
            w.write("]" as StaticString)
        } else {
            w.write("null" as StaticString)
        }
        w.write("}" as StaticString)
    }

    /// Hours without the noise of floating-point sums (0.1 + 0.2 prints as 0.3).
    static func hours(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
}
