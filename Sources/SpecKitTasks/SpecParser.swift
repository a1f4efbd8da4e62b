/// Parses spec-kit `tasks.md` bytes into a ``SpecDocument`` (DESIGN.md §1).
public enum SpecParser {
    /// Parses a whole document. Never traps on any input: bad bytes and odd
    /// lines become diagnostics and parsing goes on.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(_ bytes: [UInt8], path: String) -> SpecDocument {
        SpecDocument(path: path)
    }
}
