import ArgumentParser
import SpecKitTasks
import TaskScheduling

/// `plan --deadline 40h --simulate 10000 --seed 1`: a Monte Carlo forecast.
struct ForecastOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Give the probability of finishing by this time: 40h, 5d (8h days), 2w, 90m, or a number of hours.",
        valueName: "duration"))
    var deadline: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Monte Carlo runs over three-point estimates (est: 2h/4h/8h); 10000 when --deadline is given.",
        valueName: "runs"))
    var simulate: Int?

    @Option(parsing: .unconditional, help: "Seed of the Monte Carlo runs: the same seed gives the same numbers.")
    var seed: UInt64 = 1

    /// The largest number of runs accepted.
    static let maximumRuns = 10_000_000

    func validate() throws {
        if let deadline, Self.hours(deadline) == nil {
            throw ValidationError("--deadline \(deadline): expected a duration such as 40h, 5d, 90m or 12.5")
        }
        if let simulate, simulate < 1 || simulate > Self.maximumRuns {
            throw ValidationError("--simulate: between 1 and \(Self.maximumRuns) runs")
        }
    }

    /// Whether a forecast was asked for.
    var isRequested: Bool { deadline != nil || simulate != nil }

    /// The forecast for a plan, or nil when none was asked for or the plan has a
    /// cycle; with a team, every run is that team's schedule.
    func forecast(_ plan: Plan, team: Team? = nil) -> MonteCarloForecast? {
        guard isRequested else { return nil }
        let requested = simulate ?? 10_000
        let runs = MonteCarloForecast.affordableRuns(requested, plan: plan, team: team)
        if runs < requested {
            Output.stderr(
                "\(plan.document.path): note: \(runs) Monte Carlo runs instead of \(requested): \(plan.graph.taskNodeCount) tasks\(team.map { " and a team of \($0.size)" } ?? "") make more runs too much work")
        }
        // Runs that do more than the work budget (the fewest runs on a huge
        // graph) take seconds each: say how far they are, ten times at most.
        let work = runs.multipliedReportingOverflow(by: MonteCarloForecast.workPerRun(plan: plan, team: team))
        let long = work.overflow || work.partialValue > MonteCarloForecast.workBudget
        let step = max(1, runs / 10)
        let progress: ((Int) -> Void)? = !long ? nil : { done in
            guard done % step == 0 || done == runs else { return }
            Output.stderr("\(plan.document.path): note: Monte Carlo \(done) of \(runs) runs")
        }
        return MonteCarloForecast(
            plan: plan, runs: runs, seed: seed, deadline: deadline.flatMap { Self.hours($0) }, team: team,
            progress: progress)
    }

    /// Hours in `40h`, `5d`, `2w`, `90m`, `1.5 days`, or a plain number of hours.
    static func hours(_ text: String) -> Double? { Estimate.hours(in: text) }
}
