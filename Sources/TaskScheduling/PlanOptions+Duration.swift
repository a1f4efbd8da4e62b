import SpecKitTasks

extension PlanOptions {
    /// The hours a task with this estimate is planned with: the estimate, or
    /// ``defaultDuration`` when there is none, bounded by `Estimate.clampHours`
    /// (0 … 10⁶ h; NaN and negative become 0).
    ///
    /// The one statement of the default-duration rule; the schedule, JSON
    /// `duration` and the text reports all go through it.
    public func duration(of estimate: Estimate?) -> Double {
        Estimate.clampHours(estimate?.hours ?? defaultDuration)
    }
}
