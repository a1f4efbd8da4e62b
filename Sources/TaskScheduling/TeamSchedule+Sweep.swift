/// Team size against makespan: how many people a plan can use.
public struct TeamSweep: Sendable {
    /// One team size.
    public struct Row: Sendable, Hashable {
        public let size: Int
        public let makespan: Double
        /// One person's makespan (the total work) over this makespan.
        public let speedup: Double
        public let utilisation: Double
        public let lowerBound: Double
        public let gapPercent: Double
        /// The barrier-aware bound (``StageBound``) and the gap to it.
        public let stageLowerBound: Double
        public let stageGapPercent: Double
    }

    /// A saving below this share of the makespan is not worth another person.
    public static let worthwhileSaving = 0.05

    /// One row per team size, in increasing size.
    public let rows: [Row]
    /// The sum of all durations: one person's makespan.
    public let totalWork: Double
    /// The critical path length: no team is faster.
    public let criticalPathLength: Double
    /// The size past which one more person shortens the makespan by less than
    /// ``worthwhileSaving`` (the first size whose next size saves too little); nil
    /// when every step in the range still saves enough.
    public let saturationSize: Int?

    /// Schedules the plan once per team size, with people named `1`, `2`, …
    /// (so owners do not pin tasks) and writers of one file kept apart as in
    /// ``TeamSchedule``.
    ///
    /// - Complexity: O(k · ((V + E + W) log V + V · m)) for k sizes up to m
    ///   people and W written-file mentions.
    public init(plan: Plan, sizes: ClosedRange<Int>) {
        let schedule = plan.schedule
        let groups = StoryGroups(graph: plan.graph, document: plan.document)
        let owners = [Int32](repeating: -1, count: plan.graph.taskNodeCount)
        let stages = StageBound(graph: plan.graph, order: schedule.order, times: schedule.times)
        let files = ExclusiveFiles(plan: plan)
        var rows: [Row] = []
        var work = 0.0
        for size in sizes {
            let s = TeamSchedule(
                graph: plan.graph, order: schedule.order, criticalPathLength: schedule.length,
                team: Team(size: size), groupOfNode: groups.groupOfNode, groupCount: groups.count, ownerOfNode: owners,
                files: files, stageBound: stages)
            work = s.totalWork
            rows.append(Row(
                size: size, makespan: s.makespan, speedup: s.makespan > 0 ? s.totalWork / s.makespan : 1,
                utilisation: s.utilisation, lowerBound: s.lowerBound, gapPercent: s.gapPercent,
                stageLowerBound: s.stageLowerBound, stageGapPercent: s.stageGapPercent))
        }
        self.rows = rows
        totalWork = work
        criticalPathLength = schedule.length
        saturationSize = Self.saturation(rows)
    }

    static func saturation(_ rows: [Row]) -> Int? {
        for (a, b) in zip(rows, rows.dropFirst()) {
            let saving = a.makespan > 0 ? (a.makespan - b.makespan) / a.makespan : 0
            if saving < worthwhileSaving { return a.size }
        }
        return nil
    }

    /// Reads a `--sweep` value: `1..8`, `1...8`, `2-6`, or `8` (meaning `1..8`).
    public static func parseSizes(_ text: String) throws(TeamSpecError) -> ClosedRange<Int> {
        let t = Team.trim(text)
        let bad = TeamSpecError(
            "--sweep \(text): expected a range of team sizes such as 1..8 (between 1 and \(Team.maximumSize))")
        var low: Int?
        var high: Int?
        for separator in ["...", "..", "-", "–"] {
            if let r = t.firstRange(of: separator) {
                low = Int(Team.trim(String(t[..<r.lowerBound])))
                high = Int(Team.trim(String(t[r.upperBound...])))
                break
            }
        }
        if low == nil && high == nil, let n = Int(t) {
            low = 1
            high = n
        }
        guard let low, let high, low >= 1, low <= high, high <= Team.maximumSize else { throw bad }
        return low...high
    }
}
