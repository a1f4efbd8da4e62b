import Foundation
import Testing

/// The package's root folder, from this file's path.
public let testPackageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Compares `text` with the recorded file at `path` (relative to the package
/// root) and records an issue naming the first line that differs; with
/// `SPECGRAPH_RECORD=1` in the environment it records the file anew instead.
///
/// The one golden-file helper: `expectGolden` (command tests) and
/// `expectRecorded` (rendering tests) call it with their own folders.
/// A `.json` file is compared and recorded pretty-printed
/// (``prettyPrintedJSON(_:)``), so that a diff of it can be read.
public func expectMatchesRecording(
    _ text: String, at path: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let text = path.hasSuffix(".json") ? prettyPrintedJSON(text) : text
    let url = testPackageRoot.appendingPathComponent(path)
    if ProcessInfo.processInfo.environment["SPECGRAPH_RECORD"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let recorded = try String(contentsOf: url, encoding: .utf8)
    guard text != recorded else { return }
    // Name the first line that differs, not the whole (possibly huge) output.
    let new = text.split(separator: "\n", omittingEmptySubsequences: false)
    let old = recorded.split(separator: "\n", omittingEmptySubsequences: false)
    let i = (0..<min(new.count, old.count)).first { new[$0] != old[$0] } ?? min(new.count, old.count)
    func excerpt(_ lines: [Substring]) -> String { i < lines.count ? String(lines[i].prefix(300)) : "<end>" }
    Issue.record(
        "output differs from \(path) at line \(i + 1): got \(excerpt(new)), recorded \(excerpt(old)); re-record with SPECGRAPH_RECORD=1 if intended",
        sourceLocation: sourceLocation)
}

/// JSON text with one member or element a line, indented by two spaces, and
/// `": "` after keys. Only white space outside strings changes: keys keep
/// their order and numbers their spelling (`14.0` stays `14.0`). Empty
/// objects and arrays stay `{}` and `[]`. Compact input gives the same
/// output as input that was pretty-printed already.
public func prettyPrintedJSON(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    var depth = 0
    var inString = false
    var escaped = false
    func newline() {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        i += 1
        if inString {
            out.append(b)
            if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
            continue
        }
        switch b {
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
            continue
        case UInt8(ascii: "\""):
            inString = true
            out.append(b)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            out.append(b)
            // The next byte that is not white space: an empty container stays on one line.
            var j = i
            while j < bytes.count, [0x20, 0x0A, 0x09, 0x0D].contains(bytes[j]) { j += 1 }
            if j < bytes.count, bytes[j] == (b == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                out.append(bytes[j])
                i = j + 1
            } else {
                depth += 1
                newline()
            }
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            depth -= 1
            newline()
            out.append(b)
        case UInt8(ascii: ","):
            out.append(b)
            newline()
        case UInt8(ascii: ":"):
            out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
        default:
            out.append(b)
        }
    }
    if !out.isEmpty { out.append(UInt8(ascii: "\n")) }
    return String(decoding: out, as: UTF8.self)
}
