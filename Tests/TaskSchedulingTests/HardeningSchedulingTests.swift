import SpecKitGenerator
import SpecKitTasks
import Testing
@testable import TaskScheduling

/// Bounds on what a command line can ask the scheduler for.
@Suite struct HardeningSchedulingTests {
    @Test(arguments: ["-3", "3.5", "0x3", "+2", "1e3", ".5", "ann,-bo", "ann,2"])
    func numbersThatAreNotTeamSizesAreNotNames(_ text: String) {
        #expect(throws: TeamSpecError.self) { try Team.parse(text) }
    }

    @Test func namesAndCountsStillRead() throws {
        #expect(try Team.parse("3").size == 3)
        #expect(try Team.parse("ann, bo,@cy").names == ["ann", "bo", "cy"])
        #expect(try Team.parse("x1,y2").names == ["x1", "y2"])
    }

    /// A run costs V + E alone, more with a team; the number of runs shrinks as
    /// the graph grows so that their total stays within the budget.
    @Test func monteCarloRunsShrinkAsTheGraphGrows() throws {
        let small = Plan(SpecParser.parse(SpecGenerator.generate(GeneratorOptions(tasks: 50, seed: 3)), path: "s.md"))
        let large = Plan(SpecParser.parse(SpecGenerator.generate(GeneratorOptions(tasks: 5_000, seed: 3)), path: "l.md"))
        let team = try Team.parse("3")
        let requested = 10_000_000
        for plan in [small, large] {
            for t in [nil, team] {
                let runs = MonteCarloForecast.affordableRuns(requested, plan: plan, team: t)
                let work = runs * MonteCarloForecast.workPerRun(plan: plan, team: t)
                #expect(runs >= MonteCarloForecast.minimumRuns)
                #expect(work <= MonteCarloForecast.workBudget || runs == MonteCarloForecast.minimumRuns)
            }
        }
        let smallRuns = MonteCarloForecast.affordableRuns(requested, plan: small, team: team)
        let largeRuns = MonteCarloForecast.affordableRuns(requested, plan: large, team: team)
        #expect(largeRuns * 50 < smallRuns)
        #expect(MonteCarloForecast.affordableRuns(100, plan: small, team: nil) == 100)
    }

    /// Long forecasts say how far they are: each team run, every 1 000 runs without a team.
    @Test func monteCarloReportsItsProgress() throws {
        let plan = Plan(SpecParser.parse(SpecGenerator.generate(GeneratorOptions(tasks: 50, seed: 3)), path: "s.md"))
        var withTeam: [Int] = []
        _ = MonteCarloForecast(plan: plan, runs: 30, seed: 1, team: try Team.parse("3")) { withTeam.append($0) }
        #expect(withTeam == Array(1...30))
        var alone: [Int] = []
        _ = MonteCarloForecast(plan: plan, runs: 2_500, seed: 1) { alone.append($0) }
        #expect(alone == [1_000, 2_000])
    }
}
