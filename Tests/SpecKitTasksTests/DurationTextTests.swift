import SpecKitTasks
import Testing

/// `Estimate.hours(in:)` reads durations with the estimate units of the parser.
@Suite struct DurationTextTests {
    @Test(arguments: [
        ("3", 3.0), ("2 hrs", 2), ("1.5 d", 12), ("2 WEEKS", 80), ("30 minutes", 0.5), ("3wks", 120),
        ("0d", 0),
    ])
    func unitsAreTheEstimateUnits(text: String, hours: Double) {
        #expect(Estimate.hours(in: text) == hours)
    }

    @Test(arguments: ["", "d", "3 fortnights", "-2h", "1e3h", "inf", "2h30m", "..h"])
    func anythingElseIsNil(text: String) {
        #expect(Estimate.hours(in: text) == nil)
    }

    /// The parser and `hours(in:)` agree on what a day is.
    @Test func aDayMeansTheSameInTasksFiles() throws {
        let doc = parse("## Phase 1: Setup\n\n- [ ] T001 Build it (est: 2d)\n")
        let estimate = try #require(doc.tasks.first?.estimate)
        #expect(estimate.hours == Estimate.hours(in: "2d"))
    }
}
