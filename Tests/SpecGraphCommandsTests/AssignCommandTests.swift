import ArgumentParser
import Testing
@testable import SpecGraphCommands

@Suite struct AssignCommandTests {
    @Test(arguments: [
        ("40h", 40.0), ("40", 40), ("5d", 40), ("90m", 1.5), ("2w", 80), ("1.5 days", 12), ("12.5", 12.5), ("3 hours", 3),
    ])
    func deadlinesParse(_ text: String, _ hours: Double) {
        #expect(ForecastOptions.hours(text) == hours)
    }

    @Test(arguments: ["", "h", "40x", "-3h", "4h30", "1e9999"])
    func badDeadlinesAreRejected(_ text: String) {
        #expect(ForecastOptions.hours(text) == nil)
    }

    @Test func usageErrorsAreCaught() {
        for args in [
            ["x.md"], ["--team", "0", "x.md"], ["--team", "ann,ann", "x.md"], ["--sweep", "5..2", "x.md"],
            ["--sweep", "1..4", "--gantt", "g.svg", "x.md"], ["--team", "2", "--gantt", "", "x.md"],
        ] {
            #expect(throws: (any Error).self) { try AssignCommand.parse(args) }
        }
        #expect(throws: (any Error).self) { try PlanCommand.parse(["--deadline", "soon", "x.md"]) }
        #expect(throws: (any Error).self) { try PlanCommand.parse(["--simulate", "0", "x.md"]) }
    }

    @Test func goodCommandLinesParse() throws {
        let a = try AssignCommand.parse(["--team", "ann,bo", "--gantt", "out/plan.svg", "--sweep", "1..8", "x.md"])
        #expect(a.team == "ann,bo")
        #expect(a.gantt == "out/plan.svg")
        let p = try PlanCommand.parse(["--deadline", "40h", "x.md"])
        #expect(p.forecast.isRequested)
        #expect(p.forecast.seed == 1)
    }

    @Test(arguments: [
        ("plan.svg", 2, "plan-2.svg"), ("out/plan.svg", 3, "out/plan-3.svg"), ("plan", 1, "plan-1"),
        ("dir.v2/plan", 2, "dir.v2/plan-2"), (".svg", 2, ".svg-2"),
    ])
    func ganttNamesForSeveralInputs(_ path: String, _ n: Int, _ expected: String) {
        #expect(AssignCommand.numbered(path, n) == expected)
    }
}
