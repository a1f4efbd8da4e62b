/// An output format of a Graphviz renderer, named as `dot -T` names it.
///
/// The set of formats depends on the plugins installed with Graphviz, so this
/// is an open set rather than an enum: the common ones are static members,
/// any other name can be tried with ``init(rawValue:)``, and an unknown name
/// makes ``GraphvizRenderer/render(dot:layout:format:)`` throw a ``GraphvizError``
/// whose message lists the installed formats (see ``GraphvizRenderer/availableFormats``).
public struct GraphvizFormat: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Scalable vector graphics (`svg:svg`); text is XML-escaped by Graphviz.
    public static let svg = GraphvizFormat(rawValue: "svg")
    /// PNG through the cairo renderer (`png:cairo`).
    public static let png = GraphvizFormat(rawValue: "png")
    /// PDF through the cairo renderer (`pdf:cairo`).
    public static let pdf = GraphvizFormat(rawValue: "pdf")
    /// DOT with the computed layout attached (`pos`, `bb`, `width`, ...).
    public static let dot = GraphvizFormat(rawValue: "dot")
    /// DOT re-printed canonically, without layout attributes.
    public static let canon = GraphvizFormat(rawValue: "canon")
    /// Graphviz's line-oriented `plain` text format.
    public static let plain = GraphvizFormat(rawValue: "plain")

    public var description: String { rawValue }
}
