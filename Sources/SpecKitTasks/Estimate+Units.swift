extension Estimate {
    /// The hours a duration written as text stands for: `40h`, `5d`, `2w`,
    /// `90m`, `1.5 days`, or a plain number of hours; nil for anything else.
    ///
    /// The units are those of estimates in `tasks.md` (`(est: 3d)`), from
    /// the parser's one table, so a day is 8 hours and a week 5 days here as
    /// there (docs/semantics.md). Spaces anywhere and letter case are ignored.
    ///
    /// - Complexity: O(n) for n characters.
    public static func hours(in text: String) -> Double? {
        let t = text.filter { !$0.isWhitespace }.lowercased()
        let digits = t.prefix { $0.isNumber || $0 == "." }
        guard !digits.isEmpty, let value = Double(digits), value.isFinite, value >= 0 else { return nil }
        let unit = t.dropFirst(digits.count)
        if unit.isEmpty { return value }
        guard let factor = Vocabulary.units.first(where: { $0.0.description == unit })?.1 else { return nil }
        return value * factor
    }
}
