import TaskScheduling

extension PlanText {
    /// The text of several plans: a blank line between two; in Markdown with
    /// `headings` and more than one plan, a `## feature` heading before each.
    /// `body(i, &w)` writes the `i`-th plan.
    public static func each(
        _ plans: [Plan], style: TextStyle, headings: Bool = false,
        into w: inout ByteWriter, _ body: (Int, inout ByteWriter) throws -> Void
    ) rethrows {
        let names = style == .markdown && headings && plans.count > 1
            ? FeatureStatus.uniqueNames(of: plans.map(\.document.path)) : nil
        for i in plans.indices {
            if i > 0 { w.write("\n" as StaticString) }
            if let names { w.write("## \(markdownCell(names[i]))\n\n") }
            try body(i, &w)
        }
    }
}
