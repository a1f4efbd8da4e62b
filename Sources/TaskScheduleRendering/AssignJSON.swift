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
        w.jsonObject { w in
            w.jsonHead(source: plan.document.path)
            if let team {
                w.jsonMember("team") { $0.jsonStrings(team.names) }
                if let s = schedule {
                    members(plan, s, team, &w)
                } else {
                    for key: StaticString in ["makespan", "lowerBound", "gapPercent", "utilisation"] { w.jsonMember(key) { $0.jsonNull() } }
                    w.jsonMember("assignments") { $0.jsonArray { _ in } }
                }
            }
            if let sweep { w.jsonMember("sweep") { writeSweep(sweep, &$0) } }
        }
    }

    /// The members of a team schedule, from `makespan` to `people`.
    static func members(_ plan: Plan, _ s: TeamSchedule, _ team: Team, _ w: inout ByteWriter) {
        w.jsonMember("makespan", hours(s.makespan))
        w.jsonMember("lowerBound", hours(s.lowerBound))
        w.jsonMember("gapPercent", (s.gapPercent * 10).rounded() / 10)
        w.jsonMember("utilisation", (s.utilisation * 100).rounded() / 100)
        w.jsonMember("assignments") { w in
            w.jsonArray { w in
                for v in 0..<plan.graph.taskNodeCount {
                    w.jsonObject { w in
                        w.jsonMember("task", plan.name(of: Int32(v)))
                        w.jsonMember("person", team.names[Int(s.personOfNode[v])])
                        w.jsonMember("start", hours(s.start[v]))
                        w.jsonMember("finish", hours(s.finish[v]))
                    }
                }
            }
        }
        w.jsonMember("stageLowerBound", hours(s.stageLowerBound))
        w.jsonMember("stageGapPercent", (s.stageGapPercent * 10).rounded() / 10)
        w.jsonMember("criticalPathLength", hours(s.criticalPathLength))
        w.jsonMember("totalWork", hours(s.totalWork))
        w.jsonMember("storySwitches", s.storySwitches)
        w.jsonMember("people") { w in
            w.jsonArray { w in
                for (p, name) in team.names.enumerated() {
                    w.jsonObject { w in
                        w.jsonMember("name", name)
                        w.jsonMember("tasks", s.lanes[p].count)
                        w.jsonMember("busy", hours(s.busyHours(of: p)))
                    }
                }
            }
        }
    }

    /// `{"totalWork", "criticalPathLength", "saturationSize", "rows": [{"team", "makespan", "speedup", "utilisation", "lowerBound", "gapPercent"}]}`.
    public static func writeSweep(_ sweep: TeamSweep, _ w: inout ByteWriter) {
        w.jsonObject { w in
            w.jsonMember("totalWork", hours(sweep.totalWork))
            w.jsonMember("criticalPathLength", hours(sweep.criticalPathLength))
            w.jsonMember("saturationSize", sweep.saturationSize)
            w.jsonMember("rows") { w in
                w.jsonArray { w in
                    for row in sweep.rows {
                        w.jsonObject { w in
                            w.jsonMember("team", row.size)
                            w.jsonMember("makespan", hours(row.makespan))
                            w.jsonMember("speedup", (row.speedup * 100).rounded() / 100)
                            w.jsonMember("utilisation", (row.utilisation * 100).rounded() / 100)
                            w.jsonMember("lowerBound", hours(row.lowerBound))
                            w.jsonMember("gapPercent", (row.gapPercent * 10).rounded() / 10)
                            w.jsonMember("stageLowerBound", hours(row.stageLowerBound))
                            w.jsonMember("stageGapPercent", (row.stageGapPercent * 10).rounded() / 10)
                        }
                    }
                }
            }
        }
    }

    /// `{"runs", "seed", "deadline", "probability", "p50", "p80", "p95", "mean", "min", "max", "plannedLength", "uncertainTasks"}`:
    /// the `forecast` object of `plan --deadline`.
    public static func writeForecast(_ f: MonteCarloForecast, _ w: inout ByteWriter) {
        w.jsonObject { w in
            w.jsonMember("runs", f.runs)
            // A UInt64 may not fit an Int: its digits as they are.
            w.jsonMember("seed") { w in w.jsonValue(raw: { $0.write(String(f.seed)) }) }
            w.jsonMember("deadline", f.deadline.map(hours))
            w.jsonMember("probability", f.probability.map { ($0 * 10000).rounded() / 10000 })
            for (key, value) in [
                ("p50", f.p50), ("p80", f.p80), ("p95", f.p95), ("mean", f.mean),
                ("min", f.minimum), ("max", f.maximum), ("plannedLength", f.plannedLength),
            ] as [(StaticString, Double)] {
                w.jsonMember(key, (value * 1000).rounded() / 1000)
            }
            w.jsonMember("uncertainTasks", f.uncertainTasks)
            w.jsonMember("team") { w in
                if let team = f.team { w.jsonStrings(team.names) } else { w.jsonNull() }
            }
        }
    }

    /// Hours without the noise of floating-point sums (0.1 + 0.2 prints as 0.3).
    static func hours(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
}
