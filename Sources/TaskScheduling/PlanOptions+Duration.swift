import SpecKitTasks

extension PlanOptions {
    /// The hours a task with this estimate is planned with: the estimate, or
    /// ``defaultDuration`` when there is none or it is not a finite,
    /// non-negative number.
    ///
    /// The one statement of the default-duration rule; the schedule, JSON
    /// `duration` and the text reports all go through it.
    public func duration(of estimate: Estimate?) -> Double {
        if let hours = estimate?.hours, hours.isFinite, hours >= 0 { return hours }
        return defaultDuration
    }
}
