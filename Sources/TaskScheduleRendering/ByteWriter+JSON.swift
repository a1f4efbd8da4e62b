/// A small JSON writer: objects and arrays open and close themselves and
/// place their own commas, so no caller counts elements.
///
/// ```swift
/// w.jsonObject { w in
///     w.jsonHead(source: "specs/001/tasks.md")
///     w.jsonMember("waves") { w in w.jsonArray { w in w.jsonValue("T001") } }
/// }
/// // {"schemaVersion":2,"source":"specs/001/tasks.md","waves":["T001"]}
/// ```
///
/// One flag is enough to place commas: a value (or a closed container) is
/// always followed by a comma if anything else comes in the same container,
/// and a key or an opening bracket is never. Outside the containers this
/// writer opened (at the top, or inside a value written by a raw writer with
/// ``jsonValue(raw:)``) it writes no comma: there the raw writer places its own.
extension ByteWriter {
    /// The version of every JSON object specgraph writes (plan, check,
    /// waves, critical-path, next, why, batches, assign, status).
    public static let jsonSchemaVersion = 2

    /// `{…}` whose members `body` writes with ``jsonMember(_:_:)-(StaticString,Int)`` and its kin.
    public mutating func jsonObject(_ body: (inout ByteWriter) throws -> Void) rethrows {
        jsonOpen(UInt8(ascii: "{"))
        try body(&self)
        jsonClose(UInt8(ascii: "}"))
    }

    /// `[…]` whose elements `body` writes with ``jsonValue(_:)-(String)`` and its kin.
    public mutating func jsonArray(_ body: (inout ByteWriter) throws -> Void) rethrows {
        jsonOpen(UInt8(ascii: "["))
        try body(&self)
        jsonClose(UInt8(ascii: "]"))
    }

    /// `"key":`, with a comma before it when a member came before.
    public mutating func jsonKey(_ key: StaticString) {
        jsonSeparate()
        write(byte: UInt8(ascii: "\""))
        write(key)
        write("\":" as StaticString)
        jsonNeedsComma = false
    }

    /// A value written by another writer (one that writes raw bytes, such as
    /// `PlanJSON.writeEdge`): `body` writes exactly one complete JSON value.
    public mutating func jsonValue(raw body: (inout ByteWriter) throws -> Void) rethrows {
        jsonSeparate()
        let depth = jsonDepth
        jsonDepth = 0
        try body(&self)
        jsonDepth = depth
        jsonNeedsComma = true
    }

    public mutating func jsonValue(_ s: String) { jsonValue { $0.writeJSONString(s) } }
    public mutating func jsonValue(_ n: Int) { jsonValue { $0.write(n) } }
    public mutating func jsonValue(_ x: Double) { jsonValue { $0.write(x) } }
    public mutating func jsonValue(_ b: Bool) { jsonValue { $0.write(b ? "true" as StaticString : "false") } }
    public mutating func jsonNull() { jsonValue { $0.write("null" as StaticString) } }

    /// `["a","b"]`.
    public mutating func jsonStrings(_ items: some Sequence<String>) {
        jsonArray { w in
            for s in items { w.jsonValue(s) }
        }
    }

    /// A number, or `null`.
    public mutating func jsonValue(_ n: Int?) { if let n { jsonValue(n) } else { jsonNull() } }
    /// A number, or `null`.
    public mutating func jsonValue(_ x: Double?) { if let x { jsonValue(x) } else { jsonNull() } }
    /// A string, or `null`.
    public mutating func jsonValue(_ s: String?) { if let s { jsonValue(s) } else { jsonNull() } }

    /// `"key":"text"`.
    public mutating func jsonMember(_ key: StaticString, _ s: String) { jsonKey(key); jsonValue(s) }
    /// `"key":12`.
    public mutating func jsonMember(_ key: StaticString, _ n: Int) { jsonKey(key); jsonValue(n) }
    /// `"key":2.5`.
    public mutating func jsonMember(_ key: StaticString, _ x: Double) { jsonKey(key); jsonValue(x) }
    /// `"key":true`.
    public mutating func jsonMember(_ key: StaticString, _ b: Bool) { jsonKey(key); jsonValue(b) }
    /// `"key":12` or `"key":null`.
    public mutating func jsonMember(_ key: StaticString, _ n: Int?) { jsonKey(key); jsonValue(n) }
    /// `"key":2.5` or `"key":null`.
    public mutating func jsonMember(_ key: StaticString, _ x: Double?) { jsonKey(key); jsonValue(x) }
    /// `"key":"text"` or `"key":null`.
    public mutating func jsonMember(_ key: StaticString, _ s: String?) { jsonKey(key); jsonValue(s) }
    /// `"key":` and the value `body` writes with this writer (an object, an array, `null`).
    public mutating func jsonMember(_ key: StaticString, _ body: (inout ByteWriter) throws -> Void) rethrows {
        jsonKey(key)
        try body(&self)
    }

    /// The members every per-file JSON object starts with:
    /// `"schemaVersion":2,"source":"<path>"`.
    public mutating func jsonHead(source path: String) {
        jsonMember("schemaVersion", Self.jsonSchemaVersion)
        jsonMember("source", path)
    }

    /// One JSON value per input file: the value alone for one file, an array of
    /// them for several (nothing for none); then a newline. `body(i, &w)` writes the `i`-th value.
    public mutating func jsonPerFile(_ count: Int, _ body: (Int, inout ByteWriter) throws -> Void) rethrows {
        if count > 1 {
            try jsonArray { w in
                for i in 0..<count { try w.jsonValue(raw: { try body(i, &$0) }) }
            }
        } else if count == 1 {
            try jsonValue(raw: { try body(0, &$0) })
        }
        write(byte: UInt8(ascii: "\n"))
    }

    private mutating func jsonSeparate() {
        if jsonNeedsComma && jsonDepth > 0 { write(byte: UInt8(ascii: ",")) }
    }

    private mutating func jsonOpen(_ bracket: UInt8) {
        jsonSeparate()
        write(byte: bracket)
        jsonDepth += 1
        jsonNeedsComma = false
    }

    private mutating func jsonClose(_ bracket: UInt8) {
        write(byte: bracket)
        jsonDepth -= 1
        jsonNeedsComma = true
    }
}
