import SpecKitGenerator
import SpecKitTasks
import TaskGraph

/// How likely a plan is to finish by a deadline, from Monte Carlo runs over
/// the whole graph.
///
/// Every run draws a duration for each task with a three-point estimate
/// (`est: 2h/4h/8h`) from the PERT-Beta distribution on [optimistic,
/// pessimistic] with the most likely value as its mode:
///
///     α = 1 + 4 (m − o) / (p − o),  β = 1 + 4 (p − m) / (p − o),
///     duration = o + (p − o) · X,   X ~ Beta(α, β) = G₁ / (G₁ + G₂),
///     G₁ ~ Gamma(α), G₂ ~ Gamma(β)  (Marsaglia–Tsang; α, β ≥ 1)
///
/// whose mean is the PERT mean (o + 4m + p) / 6 the plan uses. Other tasks
/// keep their planned duration. The run's finish time is the longest path
/// through the whole graph, not only through the deterministic critical path:
/// a path that is short on paper can turn out longest, so the critical path
/// alone underestimates (the merge bias of PERT).
///
/// The generator is xoshiro256** seeded through SplitMix64, and every
/// transcendental function is computed here from `+ − × ÷` and `sqrt`, so a
/// seed gives the same numbers on every platform.
public struct MonteCarloForecast: Sendable, Hashable {
    public let runs: Int
    public let seed: UInt64
    /// The deadline asked about, in hours, if any.
    public let deadline: Double?
    /// The share of runs that finished by the deadline (nil without a deadline).
    public let probability: Double?
    /// Finish time (hours) that half the runs met.
    public let p50: Double
    /// Finish time that 80 % of the runs met.
    public let p80: Double
    /// Finish time that 95 % of the runs met.
    public let p95: Double
    public let mean: Double
    /// Shortest and longest finish time seen.
    public let minimum: Double
    public let maximum: Double
    /// The critical path length with every task at its planned (PERT mean) duration.
    public let plannedLength: Double
    /// How many tasks have a three-point estimate (the others are fixed).
    public let uncertainTasks: Int
    /// The team each run was scheduled for; nil when runs assume anyone
    /// can start a task the moment it is ready (the longest path).
    public let team: Team?

    /// Runs the simulation.
    ///
    /// With a `team`, each run is the team's list schedule (``TeamSchedule``:
    /// priorities from the planned durations, as a lead would hand work out)
    /// with the run's durations, and `plannedLength` is the team's planned
    /// makespan; writers of one file never overlap (``ExclusiveFiles``), so
    /// longer draws can push them further apart. Without a team, a run is the
    /// longest path, which files do not change.
    ///
    /// - Precondition: `runs >= 1`.
    /// - Complexity: O(runs · (V + E)) time, O(runs + V) memory, no allocation per
    ///   run; with a team O(runs · ((V + E + W) log V + V · m)) for W written-file
    ///   mentions.
    ///
    /// `progress` is told the number of runs done, after each team schedule
    /// and after every 1 000 runs without a team.
    public init(
        plan: Plan, runs: Int, seed: UInt64, deadline: Double? = nil, team: Team? = nil,
        progress: ((Int) -> Void)? = nil
    ) {
        precondition(runs >= 1, "at least one run")
        let schedule = plan.schedule
        let sg = plan.graph
        let g = sg.graph
        var durations = sg.durations
        var uncertain: [(node: Int32, low: Double, alpha: Double, beta: Double, width: Double)] = []
        for v in 0..<Int32(sg.taskNodeCount) {
            guard let (o, m, p) = plan.task(ofNode: v).estimate?.threePoint,
                o.isFinite, m.isFinite, p.isFinite, o >= 0, o <= m, m <= p
            else { continue }
            if p - o <= 0 {
                durations[Int(v)] = m
                continue
            }
            let w = p - o
            uncertain.append((v, o, 1 + 4 * (m - o) / w, 1 + 4 * (p - m) / w, w))
        }

        // The predecessors of each node in topological order, flattened, so a run
        // walks two arrays front to back.
        let order = schedule.order
        var predecessorOffsets = [Int32](repeating: 0, count: order.count + 1)
        var predecessorPositions: [Int32] = []
        predecessorPositions.reserveCapacity(g.edgeCount)
        var position = [Int32](repeating: 0, count: order.count)
        for (i, v) in order.enumerated() { position[Int(v)] = Int32(i) }
        var durationAt = [Double](repeating: 0, count: order.count)
        for (i, v) in order.enumerated() {
            for e in g.incoming(v) { predecessorPositions.append(position[Int(g.edgeSources[Int(e)])]) }
            predecessorOffsets[i + 1] = Int32(predecessorPositions.count)
            durationAt[i] = durations[Int(v)]
        }
        let uncertainAt = uncertain.map { Int(position[Int($0.node)]) }

        var rng = Xoshiro256StarStar(seed: seed)
        var finishAt = [Double](repeating: 0, count: order.count)
        var results = [Double](repeating: 0, count: runs)
        var planned = schedule.length
        if let team {
            let inputs = TeamInputs(plan: plan, team: team)
            let priority = ListScheduler.priorities(graph: sg, order: order, firstNodes: inputs.resume)
            // The way the planned schedule hands out work, with each run's durations.
            let tolerance = TeamSchedule(plan: plan, team: team).storyTolerance
            func makespan(_ durations: [Double]) -> Double {
                var engine = ListScheduler(
                    graph: sg, priority: priority, teamSize: team.size, groupOfNode: inputs.groups.groupOfNode,
                    groupCount: inputs.groups.count, ownerOfNode: inputs.owners, durations: durations,
                    files: inputs.files, storyTolerance: tolerance)
                engine.run()
                return engine.makespan
            }
            planned = makespan(durations)
            for run in 0..<runs {
                for u in uncertain {
                    durations[Int(u.node)] = u.low + u.width * rng.nextBeta(alpha: u.alpha, beta: u.beta)
                }
                results[run] = makespan(durations)
                progress?(run + 1)
            }
        }
        for run in 0..<runs where team == nil {
            for (k, u) in uncertain.enumerated() {
                let x = rng.nextBeta(alpha: u.alpha, beta: u.beta)
                durationAt[uncertainAt[k]] = u.low + u.width * x
            }
            var length = 0.0
            for i in 0..<order.count {
                var begin = 0.0
                for k in Int(predecessorOffsets[i])..<Int(predecessorOffsets[i + 1]) {
                    begin = max(begin, finishAt[Int(predecessorPositions[k])])
                }
                let end = begin + durationAt[i]
                finishAt[i] = end
                length = max(length, end)
            }
            results[run] = length
            if (run + 1) % 1_000 == 0 { progress?(run + 1) }
        }

        var sum = 0.0
        var met = 0
        for r in results {
            sum += r
            if let deadline, r <= deadline + 1e-9 { met += 1 }
        }
        results.sort()
        self.runs = runs
        self.seed = seed
        self.deadline = deadline
        probability = deadline.map { _ in Double(met) / Double(runs) }
        p50 = Self.percentile(results, 0.50)
        p80 = Self.percentile(results, 0.80)
        p95 = Self.percentile(results, 0.95)
        mean = sum / Double(runs)
        minimum = results.first!
        maximum = results.last!
        plannedLength = planned
        uncertainTasks = uncertain.count
        self.team = team
    }

    /// Nearest-rank percentile of sorted values: the smallest value with at
    /// least `q` of the values at or below it.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

/// xoshiro256** (Blackman and Vigna), seeded by SplitMix64: fast, small state,
/// and the same stream on every platform.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    public init(seed: UInt64) {
        var seeds = SplitMix64(seed: seed)
        s0 = seeds.next()
        s1 = seeds.next()
        s2 = seeds.next()
        s3 = seeds.next()
    }

    @inlinable
    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Standard normal, Marsaglia's polar method.
    public mutating func nextNormal() -> Double {
        while true {
            let u = 2 * nextUnit() - 1
            let v = 2 * nextUnit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * PortableMath.log(s) / s).squareRoot()
            }
        }
    }

    /// Gamma(shape, 1) for shape ≥ 1 (Marsaglia and Tsang, 2000).
    public mutating func nextGamma(shape: Double) -> Double {
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = nextNormal()
            var v = 1 + c * x
            if v <= 0 { continue }
            v = v * v * v
            let u = nextUnit()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if u > 0 && PortableMath.log(u) < 0.5 * x2 + d * (1 - v + PortableMath.log(v)) { return d * v }
        }
    }

    /// Beta(α, β) for α, β ≥ 1, as a ratio of Gamma draws.
    public mutating func nextBeta(alpha: Double, beta: Double) -> Double {
        let a = nextGamma(shape: alpha)
        let b = nextGamma(shape: beta)
        return a / (a + b)
    }
}

/// Elementary functions from IEEE basic operations only, so results do not
/// depend on the platform's libm.
enum PortableMath {
    /// Natural logarithm of a positive finite number, to about one ulp.
    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite)
        // x = f · 2^e with f in [√½, √2).
        var e = Double(x.exponent)
        var f = x.significand  // in [1, 2)
        if f > 1.4142135623730951 {
            f /= 2
            e += 1
        }
        // log f = 2 atanh(s), s = (f − 1) / (f + 1), |s| < 0.1716.
        let s = (f - 1) / (f + 1)
        let s2 = s * s
        var term = s
        var sum = s
        var k = 3.0
        while true {
            term *= s2
            let next = sum + term / k
            if next == sum { break }
            sum = next
            k += 2
        }
        return 2 * sum + e * 0.6931471805599453
    }
}

extension MonteCarloForecast {
    /// The work one forecast may do, in the units of ``workPerRun(plan:team:)``:
    /// about a second of runs on any graph (a release build does some 10⁸ a second).
    public static let workBudget = 100_000_000

    /// Runs below this many are never dropped, whatever the graph (each is no
    /// more work than one `assign`).
    public static let minimumRuns = 20

    /// The work of one run: V + E for the longest path, (V + E) · log₂ V + V · m
    /// for a team of m people (the list scheduler's heap and its choice of person).
    public static func workPerRun(plan: Plan, team: Team?) -> Int {
        let v = max(plan.graph.nodeCount, 1)
        let e = plan.graph.graph.edgeCount
        guard let team else { return v + e }
        let log = Int.bitWidth - max(v, 2).leadingZeroBitCount
        return (v + e) * log + v * team.size
    }

    /// `requested` runs, or fewer when they would do more than ``workBudget``
    /// (never fewer than ``minimumRuns`` or than asked).
    public static func affordableRuns(_ requested: Int, plan: Plan, team: Team?) -> Int {
        let perRun = workPerRun(plan: plan, team: team)
        let affordable = max(workBudget / perRun, minimumRuns)
        return min(requested, affordable)
    }
}
