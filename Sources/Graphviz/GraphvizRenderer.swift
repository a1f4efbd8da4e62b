import CGraphviz
import Synchronization

/// DOT text in, rendered bytes out, through Graphviz's C library (libgvc).
///
/// This file is the only place in the package that calls C. libcgraph and
/// libgvc are not thread-safe (their dictionaries reorganise even on lookups,
/// and the parser, layouts and renderers use process globals), so every call
/// runs inside one process-wide lock: concurrent callers are safe and simply
/// take turns. Each render frees what it allocated (`gvFreeLayout`, `agclose`,
/// `gvFreeRenderData`) before returning.
///
/// One Graphviz context serves the whole process and is never freed: in
/// Graphviz 2.43 every `gvContext()` leaks its parsed plugin configuration
/// (about 3.6 KB, valgrind) and every `gvPluginList` call leaks duplicate
/// names, so a context per render grew the process by ~4 KB per render, while
/// one shared context (plugin lists cached) keeps it flat.
///
/// Graphviz reports problems through `agerr`, which by default prints to
/// standard error. While the lock is held a handler collects those messages
/// instead; they become the text of a thrown ``GraphvizError``.
public enum GraphvizRenderer {
    /// Lays out a graph given as DOT text and renders it.
    ///
    /// - Parameters:
    ///   - dot: one graph in the DOT language. A `layout` attribute on the
    ///     graph overrides `layout`, as it does for the `dot` command.
    ///   - layout: the layout engine; ``GraphvizLayout/pinned`` keeps the
    ///     `pos` of every node.
    ///   - format: the output format.
    /// - Returns: the rendered document (UTF-8 text for svg and dot).
    /// - Throws: ``GraphvizError`` with Graphviz's message when the DOT does
    ///   not parse or the layout or format is unknown or fails.
    /// - Complexity: that of the layout engine; `dot` is super-linear in the
    ///   number of nodes and edge spans, ``GraphvizLayout/pinned`` with
    ///   `splines=line` is linear.
    public static func render(
        dot: String,
        layout: GraphvizLayout = .dot,
        format: GraphvizFormat
    ) throws(GraphvizError) -> [UInt8] {
        try withContext { gvc, state throws(GraphvizError) in
            // Graphviz only notices an unknown format after the layout, and
            // then says just "renderer for x is unavailable".
            let formats = state.pluginNames(kind: "device")
            guard let name = format.rawValue.split(separator: ":").first, formats.contains(String(name)) else {
                let list = formats.joined(separator: " ")
                throw GraphvizError(message: "Error: Format: \"\(format)\" not recognized. Use one of: \(list)")
            }
            // libcgraph's lexer carries its line count over to the next parse
            // when a text ends in whitespace after the graph, which shifted the
            // line named in a later syntax error; the graph ends at its brace.
            let graph = cgv_memread(String(dot.trimmingTrailingWhitespace))
            defer { if let graph { agclose(graph) } }
            guard let graph, agerrors() == 0 else {
                throw failure(default: "Error: the DOT text contains no graph")
            }

            guard gvLayout(gvc, graph, layout.rawValue) == 0 else {
                throw failure(default: "layout \"\(layout)\" failed")
            }
            defer { gvFreeLayout(gvc, graph) }

            var data: UnsafeMutablePointer<CChar>? = nil
            var length = 0
            guard cgv_render_data(gvc, graph, format.rawValue, &data, &length) == 0, let data else {
                throw failure(default: "rendering as \"\(format)\" failed")
            }
            defer { gvFreeRenderData(data) }
            return [UInt8](UnsafeRawBufferPointer(start: data, count: length))
        }
    }

    /// The Graphviz library version, for instance `2.43.0`.
    public static var version: String {
        (try? withContext { gvc, _ in gvcVersion(gvc).map { String(cString: $0) } ?? "" }) ?? ""
    }

    /// The layout engines installed with Graphviz, sorted by name.
    public static var availableLayouts: [GraphvizLayout] {
        let names = try? withContext { _, state in state.pluginNames(kind: "layout") }
        return (names ?? []).map(GraphvizLayout.init(rawValue:))
    }

    /// The output formats installed with Graphviz, sorted by name.
    public static var availableFormats: [GraphvizFormat] {
        let names = try? withContext { _, state in state.pluginNames(kind: "device") }
        return (names ?? []).map(GraphvizFormat.init(rawValue:))
    }

    /// Runs `body` with the process's Graphviz context, holding the
    /// process-wide lock and capturing Graphviz's messages for the whole call.
    private static func withContext<Result: Sendable>(
        _ body: (OpaquePointer, inout LibraryState) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        try library.withLock { state throws(GraphvizError) -> Result in
            capturedMessages.withLock { $0 = "" }
            _ = agreseterrors()
            let previousHandler = agseterrf(captureMessage)
            defer { agseterrf(previousHandler) }

            if state.context == nil {
                state.context = gvContext()
            }
            guard let gvc = state.context else {
                throw failure(default: "Error: Graphviz could not create a context")
            }
            return try body(gvc, &state)
        }
    }

    /// The messages Graphviz reported during this call, or `fallback`.
    private static func failure(default fallback: String) -> GraphvizError {
        let text = capturedMessages.withLock { $0 }
        let trimmed = text.split(whereSeparator: \.isNewline).joined(separator: "\n")
        return GraphvizError(message: trimmed.isEmpty ? fallback : trimmed)
    }
}

/// Serialises every call into libcgraph/libgvc in this process, and holds
/// what outlives one call.
private let library = Mutex(LibraryState())

private struct LibraryState {
    /// Created on first use, never freed (see ``GraphvizRenderer``).
    var context: OpaquePointer?
    /// `gvPluginList` results by kind; the installed plugins do not change.
    var plugins: [String: [String]] = [:]

    /// Names of the installed plugins of one kind, sorted.
    mutating func pluginNames(kind: String) -> [String] {
        if let cached = plugins[kind] { return cached }
        guard let context else { return [] }
        var count: Int32 = 0
        guard let list = cgv_plugin_list(context, kind, &count) else { return [] }
        defer { cgv_free_plugin_list(list, count) }
        // gvPluginList may list a name once per providing plugin.
        let names = Set((0..<Int(count)).compactMap { list[$0].map { String(cString: $0) } }).sorted()
        plugins[kind] = names
        return names
    }
}

/// Text passed to ``captureMessage``. A lock of its own: the handler runs on
/// the thread that already holds ``library``, whose lock is not reentrant.
private let capturedMessages = Mutex("")

/// The `agusererrf` handler: Graphviz calls it with the pieces of each message
/// (`"Error"`, `": "`, then the text) instead of writing to standard error.
private func captureMessage(_ text: UnsafeMutablePointer<CChar>?) -> Int32 {
    guard let text else { return 0 }
    let piece = String(cString: text)
    capturedMessages.withLock { $0 += piece }
    return 0
}

extension StringProtocol {
    /// The text without the spaces, tabs and line breaks at its end.
    fileprivate var trimmingTrailingWhitespace: SubSequence {
        var end = endIndex
        while end > startIndex {
            let before = index(before: end)
            guard self[before].isWhitespace else { break }
            end = before
        }
        return self[startIndex..<end]
    }
}
