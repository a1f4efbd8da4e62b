import SpecKitTasks
import TaskGraph
import TaskScheduling

extension PlanJSON {
    /// The `tasks` objects of `plan --format json`, written a block of tasks at
    /// a time on every core (``PlanJSON/writeBlocks(count:into:_:)``).
    struct TaskObjects: Sendable {
        let plan: Plan
        let facts: PlanFacts
        let names: Names

        /// The objects of the tasks in `range`, each with a leading comma but the first.
        func write(_ range: Range<Int>, into w: inout ByteWriter) {
            let options = plan.options
            let nodeOfTask = plan.graph.nodeOfTask
            let phases = plan.document.phases
            let schedule = plan.schedule
            // Buffers taken once per block: fields read through the element in
            // place, as copying a task retains and releases each of its strings and arrays.
            // Times and waves read in place too: the other core reads the same
            // arrays, and a reference counted on them per task would bounce
            // between the cores.
            schedule.times.withUnsafeTimes { times in
            schedule.waveOfNode.withUnsafeBufferPointer { waves in
            plan.document.tasks.withUnsafeBufferPointer { tasks in
                facts.withOwnPredecessors { offsets, items in
                    for t in range {
                        let task = tasks.baseAddress! + t
                        let phase = Int(task.pointee.phase)
                        let row = Row(
                            t: t, phase: phases.indices.contains(phase) ? phases[phase].index : task.pointee.phase,
                            duration: options.duration(of: task.pointee.estimate), node: Int(nodeOfTask[t]))
                        if facts.isInGroup(Int32(t)) {
                            write(task, row, facts.writtenPredecessors(of: Int32(t)), times, waves, &w)
                        } else {
                            // The common case: the task's own list, -1 marking holes.
                            let own = UnsafeBufferPointer(rebasing: items[Int(offsets[t])..<Int(offsets[t + 1])])
                            write(task, row, OwnPredecessors(items: own), times, waves, &w)
                        }
                    }
                }
            }
            }
            }
        }

        /// What a task object says besides the task's own fields.
        private struct Row {
            let t: Int
            let phase: Int32
            let duration: Double
            /// Graph node, or -1 for a task left out of the plan.
            let node: Int
        }

        @inline(__always)
        private func write(
            _ task: UnsafePointer<SpecTask>, _ row: Row, _ predecessors: some Sequence<Int32>, _ times: UnsafeTimes,
            _ waves: UnsafeBufferPointer<Int32>, _ w: inout ByteWriter
        ) {
            // The task's lists and text taken where they are, before anything
            // is written: a value read through `task` and used around a write
            // (which may change memory, as far as the optimizer knows) would be
            // retained first, and paths and story lists are shared by many
            // tasks, whose counts would then bounce between the cores.
            let labels = SpecTask.unsafeLabels(at: task)
            let stories = SpecTask.unsafeStories(at: task)
            let files = FileList.unsafeBuffer(at: task.pointer(to: \.files)!)
            let reads = SpecTask.unsafeReads(at: task)
            let description = TaskText.unsafeUTF8(at: task.pointer(to: \.descriptionText)!)
            // One capacity check per task: the most its object can take.
            var bound = 640 + names.length(ofTask: row.t) + ByteCursor.jsonStringBound(description.count)
            bound += PlanJSON.stringsBound(labels) + PlanJSON.stringsBound(stories)
                + PlanJSON.stringsBound(files) + PlanJSON.stringsBound(reads)
            for d in predecessors { bound += names.length(ofTask: Int(d)) + 1 }
            w.withCursor(bound: bound) { c in
                if row.t > 0 { c.write("," as StaticString) }
                c.write("{\"id\":" as StaticString)
                names.writeTask(row.t, &c)
                c.write(",\"line\":" as StaticString)
                c.write(task.pointee.location.line)
                switch task.pointee.status {
                case .todo: c.write(",\"status\":\"todo\"" as StaticString)
                case .done: c.write(",\"status\":\"done\"" as StaticString)
                case .skipped: c.write(",\"status\":\"skipped\"" as StaticString)
                case .inProgress: c.write(",\"status\":\"in-progress\"" as StaticString)
                }
                c.write(task.pointee.parallel ? ",\"parallel\":true" as StaticString : ",\"parallel\":false" as StaticString)
                c.write(",\"labels\":" as StaticString)
                PlanJSON.writeStrings(labels, &c)
                c.write(",\"stories\":" as StaticString)
                PlanJSON.writeStrings(stories, &c)
                c.write(",\"phase\":" as StaticString)
                c.write(row.phase)
                c.write(",\"description\":" as StaticString)
                c.writeJSONString(utf8: description)
                c.write(",\"files\":" as StaticString)
                PlanJSON.writeStrings(files, &c)
                c.write(",\"reads\":" as StaticString)
                PlanJSON.writeStrings(reads, &c)
                c.write(",\"duration\":" as StaticString)
                c.write(row.duration)
                c.write(",\"dependsOn\":[" as StaticString)
                var first = true
                for d in predecessors {
                    if !first { c.write("," as StaticString) }
                    first = false
                    names.writeTask(Int(d), &c)
                }
                c.write("]" as StaticString)
                let v = row.node
                guard v >= 0 else {
                    c.write(",\"wave\":null,\"earliestStart\":null,\"earliestFinish\":null,\"latestStart\":null,\"latestFinish\":null,\"slack\":null,\"critical\":null}" as StaticString)
                    return
                }
                c.write(",\"wave\":" as StaticString)
                c.write(waves[v])
                c.write(",\"earliestStart\":" as StaticString)
                c.write(times.earliestStart[v])
                c.write(",\"earliestFinish\":" as StaticString)
                c.write(times.earliestFinish(v))
                c.write(",\"latestStart\":" as StaticString)
                c.write(times.latestStart(v))
                c.write(",\"latestFinish\":" as StaticString)
                c.write(times.latestFinish[v])
                let slack = times.slack(v)
                c.write(",\"slack\":" as StaticString)
                c.write(max(0, slack))
                c.write(Schedule.isCritical(slack: slack) ? ",\"critical\":true}" as StaticString : ",\"critical\":false}" as StaticString)
            }
        }
    }

    /// A task's own predecessor list read in place, skipping the holes (-1).
    private struct OwnPredecessors: Sequence, IteratorProtocol {
        let items: UnsafeBufferPointer<Int32>
        var at = 0

        init(items: UnsafeBufferPointer<Int32>) { self.items = items }

        @inline(__always) mutating func next() -> Int32? {
            while at < items.count {
                let p = items[at]
                at += 1
                if p >= 0 { return p }
            }
            return nil
        }
    }
}
