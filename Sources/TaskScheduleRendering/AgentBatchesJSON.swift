import SpecKitTasks
import TaskScheduling

/// `batches --format json` and `next --agents/--running --format json`
/// (docs/batches.md). Keys are a contract; new keys may be added.
public enum AgentBatchesJSON {
    /// One object: `schemaVersion`, `source`, `agents`, `batches`, `waves`,
    /// `makespan`, `criticalPathLength`.
    ///
    /// - Complexity: O(V + D) for V tasks and D written dependencies, plus the text written.
    public static func render(_ plan: Plan, _ batches: AgentBatches, into w: inout ByteWriter) {
        w.jsonObject { w in
            w.jsonHead(source: plan.document.path)
            w.jsonMember("agents", batches.agents)
            let facts = PlanFacts(plan)
            w.jsonMember("batches") { w in
                w.jsonArray { w in
                    for (i, batch) in batches.batches.enumerated() {
                        w.jsonObject { w in
                            w.jsonMember("index", i + 1)
                            w.jsonMember("tasks") { tasks(batch, plan, facts, &$0) }
                            w.jsonMember("checkpoints") { w in
                                w.jsonArray { w in
                                    for p in batches.completedPhases[i] { checkpoint(plan.document.phases[Int(p)], &w) }
                                }
                            }
                        }
                    }
                }
            }
            w.jsonMember("waves", batches.waveCount)
            w.jsonMember("makespan", batches.makespan)
            w.jsonMember("criticalPathLength", plan.schedule.length)
        }
    }

    /// One object: `schemaVersion`, `source`, `agents`, `running`, `ready` (IDs
    /// that may start now, in order) and `tasks` (the same tasks, as in `batches`).
    public static func next(_ plan: Plan, _ dispatch: Dispatch, into w: inout ByteWriter) {
        w.jsonObject { w in
            w.jsonHead(source: plan.document.path)
            w.jsonMember("agents", dispatch.agents)
            w.jsonMember("running") { $0.jsonStrings(dispatch.running.lazy.map { plan.name(of: $0) }) }
            w.jsonMember("ready") { $0.jsonStrings(dispatch.startable.lazy.map { plan.name(of: $0) }) }
            w.jsonMember("tasks") { tasks(dispatch.startable, plan, PlanFacts(plan), &$0) }
        }
    }

    /// `{phase, title, checkpoint}`: a phase whose checkpoint a batch completes.
    static func checkpoint(_ phase: Phase, _ w: inout ByteWriter) {
        w.jsonObject { w in
            w.jsonMember("phase", Int(phase.index))
            w.jsonMember("title", phase.title)
            w.jsonMember("checkpoint", phase.checkpoint)
        }
    }

    /// `[{id, description, files, reads, stories, dependsOn, phase, duration, slack}]`.
    static func tasks(_ nodes: [Int32], _ plan: Plan, _ facts: PlanFacts, _ w: inout ByteWriter) {
        let doc = plan.document
        w.jsonArray { w in
            for v in nodes {
                let t = plan.graph.taskOfNode[Int(v)]
                let task = doc.tasks[Int(t)]
                w.jsonObject { w in
                    w.jsonMember("id", plan.name(of: v))
                    w.jsonKey("description")
                    w.jsonValue(raw: { w in task.descriptionText.withUTF8 { w.writeJSONString(utf8: $0) } })
                    w.jsonMember("files") { $0.jsonStrings(task.files) }
                    w.jsonMember("reads") { $0.jsonStrings(task.reads) }
                    w.jsonMember("stories") { $0.jsonStrings(task.stories) }
                    w.jsonMember("dependsOn") { $0.jsonStrings(facts.writtenPredecessors(of: t).map { doc.tasks[Int($0)].id }) }
                    let phase = Int(task.phase)
                    w.jsonMember("phase", Int(doc.phases.indices.contains(phase) ? doc.phases[phase].index : task.phase))
                    w.jsonMember("duration", plan.graph.durations[Int(v)])
                    w.jsonMember("slack", max(0, plan.schedule.times.slack(v)))
                }
            }
        }
    }
}
