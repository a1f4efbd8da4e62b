import SpecGraphTestSupport
import SpecKitTasks
@testable import TaskScheduling

extension DocumentBuilder {
    /// A task with the fields team schedules look at.
    mutating func work(
        _ id: String, hours: Double = 1, p: Bool = true, owner: String? = nil, stories: [String] = [],
        status: TaskStatus = .todo, estimate: Estimate? = nil, files: [String] = []
    ) {
        line += 1
        doc.tasks.append(SpecTask(
            id: id, location: SourceLocation(line: line, column: 3), status: status, parallel: p,
            stories: stories, phase: Int32(doc.phases.count - 1), segment: segment, description: "do \(id)",
            files: files, estimate: estimate ?? Estimate(hours: hours), owner: owner))
    }
}

extension TeamSchedule {
    /// Each person's tasks as `ID@start-finish`, for comparing with drawn schedules.
    func laneText(_ plan: Plan) -> [String] {
        lanes.map { lane in
            lane.map { v in "\(plan.name(of: v))@\(fmt(start[Int(v)]))-\(fmt(finish[Int(v)]))" }.joined(separator: " ")
        }
    }

    private func fmt(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}

/// Random DAG-shaped specs from a seed: phases (barrier and story), `[P]` runs,
/// backward dependencies, shared files, estimates and (optionally) owners.
struct RandomSpec {
    var rng: Xoshiro256StarStar

    init(seed: UInt64) { rng = Xoshiro256StarStar(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }
    mutating func chance(_ p: Double) -> Bool { rng.nextUnit() < p }

    mutating func document(tasks n: Int, owners: [String] = [], threePoint: Bool = false) -> SpecDocument {
        var b = DocumentBuilder()
        let durations: [Double] = [0.5, 1, 1, 2, 3, 4, 8]
        var story = 0
        var made = 0
        while made < n {
            if chance(0.6) {
                story += 1
                b.phase("Phase \(b.doc.phases.count): User Story \(story)", kind: .story, story: "US\(story)")
            } else {
                b.phase("Phase \(b.doc.phases.count): Barrier")
            }
            let size = min(n - made, int(1...max(1, min(40, n / 4 + 1))))
            for _ in 0..<size {
                if chance(0.1) { b.section() }
                made += 1
                let id = "T\(made)"
                let hours = durations[int(0...durations.count - 1)]
                let estimate: Estimate? = threePoint && chance(0.5)
                    ? Estimate(optimistic: hours / 2, likely: hours, pessimistic: hours * 3) : nil
                let owner = !owners.isEmpty && chance(0.2) ? owners[int(0...owners.count - 1)] : nil
                let files = chance(0.15) ? ["src/f\(int(1...5)).swift"] : []
                b.work(id, hours: hours, p: chance(0.7), owner: owner, estimate: estimate, files: files)
                if made > 1 && chance(0.3) {
                    let pred = int(max(1, made - 30)...(made - 1))
                    b.doc.dependencies.append(TaskDependency(
                        predecessor: Int32(pred - 1), successor: Int32(made - 1), kind: .explicit,
                        location: b.doc.tasks[made - 1].location))
                }
            }
        }
        return b.doc
    }
}
