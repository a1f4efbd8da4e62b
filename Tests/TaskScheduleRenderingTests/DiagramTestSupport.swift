#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
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
    let url = DiagramFixtures.packageRoot.appendingPathComponent("Tests/TaskScheduleRenderingTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["SPECGRAPH_RECORD"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let recorded = try String(contentsOf: url, encoding: .utf8)
    #expect(text == recorded, "differs from Golden/\(name); SPECGRAPH_RECORD=1 records it anew", sourceLocation: sourceLocation)
}

/// What the tests read from an SVG, with a real XML parser: nil when the
/// bytes are not well-formed XML.
struct SVGElements {
    /// `id` and `class` of every `<g>`.
    var groups: [(id: String, classes: [String])] = []
    /// Every element name.
    var elementNames: Set<String> = []
    /// All character data.
    var text = ""

    init?(_ bytes: [UInt8]) {
        let reader = Reader()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = reader
        guard parser.parse() else { return nil }
        groups = reader.groups
        elementNames = reader.names
        text = reader.text
    }

    /// `<g>` elements of task nodes.
    var tasks: [(id: String, classes: [String])] { groups.filter { $0.classes.contains("task") } }

    private final class Reader: NSObject, XMLParserDelegate {
        var groups: [(id: String, classes: [String])] = []
        var names: Set<String> = []
        var text = ""

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            names.insert(elementName)
            if elementName == "g" {
                groups.append((attributes["id"] ?? "", (attributes["class"] ?? "").split(separator: " ").map(String.init)))
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }
}
