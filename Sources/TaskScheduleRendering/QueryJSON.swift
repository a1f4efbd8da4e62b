import SpecKitTasks
import TaskScheduling

/// JSON of the commands that answer one question about a plan: `waves`,
/// `critical-path`, `next` and `why` (the keys are in docs/semantics.md,
/// "JSON details"). `plan` is ``PlanJSON``; `batches` and `next --agents` are
/// ``AgentBatchesJSON``.
public enum QueryJSON {
    /// `{…,"waves":[["T001","T002"],["T003"]]}`.
    public static func waves(_ plan: Plan, into w: inout ByteWriter) {
        w.jsonObject { w in
            w.jsonHead(source: plan.document.path)
            w.jsonMember("waves") { w in
                w.jsonArray { w in
                    for wave in plan.schedule.waves { names(wave, plan, &w) }
                }
            }
        }
    }

    /// `{…,"criticalPath":{"length":…,"tasks":[…]},"slack":[{"task":…}]}`: the
    /// chain, then at most `limit` tasks by slack, most critical first.
    public static func criticalPath(_ plan: Plan, limit: Int?, into w: inout ByteWriter) {
        w.jsonObject { w in
            w.jsonHead(source: plan.document.path)
            let schedule = plan.schedule
            w.jsonMember("criticalPath") { w in
                w.jsonObject { w in
                    w.jsonMember("length", schedule.length)
                    w.jsonMember("tasks") { names(schedule.criticalPath, plan, &$0) }
                }
            }
            var rows = schedule.tasksBySlack(taskNodeCount: plan.graph.taskNodeCount)
            if let limit { rows = Array(rows.prefix(limit)) }
            w.jsonMember("slack") { w in
                w.jsonArray { w in
                    for v in rows {
                        w.jsonObject { w in
                            w.jsonMember("task", plan.name(of: v))
                            w.jsonMember("earliestStart", schedule.times.earliestStart[Int(v)])
                            w.jsonMember("latestStart", schedule.times.latestStart[Int(v)])
                            w.jsonMember("slack", max(0, schedule.times.slack(v)))
                            w.jsonMember("critical", schedule.isCritical(v))
                        }
                    }
                }
            }
        }
    }

    /// `{…,"ready":["T004"]}`.
    public static func next(_ plan: Plan, into w: inout ByteWriter) {
        w.jsonObject { w in
            w.jsonHead(source: plan.document.path)
            w.jsonMember("ready") { w in
                names(plan.readyTasks(), plan, &w)
            }
        }
    }

    /// `{…,"task":"T042","wave":3,"chain":[edges]}`: the edges that put
    /// `node` (written `task` by the user) in its wave, as ``PlanJSON`` writes edges.
    public static func why(_ plan: Plan, node: Int32, task: String, into w: inout ByteWriter) {
        w.jsonObject { w in
            w.jsonHead(source: plan.document.path)
            w.jsonMember("task", task)
            let chain = plan.explanation(of: node)
            w.jsonMember("wave", Int(plan.schedule.waveOfNode[Int(node)]))
            w.jsonMember("chain") { w in
                w.jsonArray { w in
                    for e in chain { w.jsonValue(raw: { PlanJSON.writeEdge(e, plan, &$0) }) }
                }
            }
        }
    }

    /// An array of node names (task IDs, milestone names).
    static func names(_ nodes: some Sequence<Int32>, _ plan: Plan, _ w: inout ByteWriter) {
        w.jsonStrings(nodes.lazy.map { plan.name(of: $0) })
    }
}
