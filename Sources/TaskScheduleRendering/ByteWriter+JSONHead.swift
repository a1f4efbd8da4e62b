extension ByteWriter {
    /// The version of every JSON object specgraph writes (plan, check,
    /// waves, critical-path, next, why, batches, assign, status).
    public static let jsonSchemaVersion = 2

    /// Opens the object every per-file JSON output starts with:
    /// `{"schemaVersion":2,"source":"<path>"`, without the closing brace.
    public mutating func writeJSONHead(source path: String) {
        write("{\"schemaVersion\":" as StaticString)
        write(Self.jsonSchemaVersion)
        write(",\"source\":" as StaticString)
        writeJSONString(path)
    }
}
