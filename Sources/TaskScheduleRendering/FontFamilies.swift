/// The fonts every picture asks for: the usual sans-serif faces first, then
/// faces with Chinese and Japanese glyphs, so that a label in 日本語 or 中文
/// is drawn on a machine that has any one of them instead of as empty boxes.
public enum FontFamilies {
    /// The CJK-capable faces, most widespread first (Linux, macOS, Windows).
    public static let cjk = ["Noto Sans CJK JP", "Noto Sans CJK SC", "Source Han Sans", "Hiragino Sans", "Microsoft YaHei"]

    /// For Graphviz `fontname`: a comma-separated list that Pango reads as
    /// fallbacks and that Graphviz copies into SVG `font-family`, where the
    /// unquoted names are valid CSS.
    public static let graphviz = (["Helvetica", "Arial"] + cjk + ["sans-serif"]).joined(separator: ",")

    /// For an SVG `font-family` attribute written by this package (inside
    /// double quotes): names with spaces in single quotes.
    public static let css = (["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial"] + cjk)
        .map { $0.contains(" ") ? "'\($0)'" : $0 }
        .joined(separator: ", ") + ", sans-serif"
}
