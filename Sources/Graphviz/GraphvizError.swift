/// A failure reported by Graphviz: DOT that does not parse, an unknown layout
/// engine or output format, a layout or renderer that gave up.
///
/// ``message`` is Graphviz's own text (for instance
/// `Error: syntax error in line 1 near '->'`), captured instead of being
/// printed to standard error, with any warnings that preceded it.
public struct GraphvizError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
