#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import SpecGraphTestSupport
import SpecKitTasks
import Testing

/// Paths and recorded files for the diagram tests.
enum DiagramFixtures {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let examples = ["auth-service", "broken", "large-platform", "legacy-cli"]

    /// A parsed example, with the path written relative to the package root
    /// so that recorded output does not depend on where the package is.
    static func example(_ name: String) throws -> SpecDocument {
        let relative = "Examples/\(name)/tasks.md"
        let data = try Data(contentsOf: packageRoot.appendingPathComponent(relative))
        return SpecParser.parse([UInt8](data), path: relative)
    }
}

/// Compares text with `Tests/TaskScheduleRenderingTests/Golden/<name>`;
/// `SPECGRAPH_RECORD=1` records it anew.
func expectRecorded(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    try expectMatchesRecording(text, at: "Tests/TaskScheduleRenderingTests/Golden/\(name)", sourceLocation: sourceLocation)
}
