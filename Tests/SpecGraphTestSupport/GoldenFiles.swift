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
public func expectMatchesRecording(
    _ text: String, at path: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
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
