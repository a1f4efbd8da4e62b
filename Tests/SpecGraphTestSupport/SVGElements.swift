#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation

/// What the tests read from an SVG, with a real XML parser, so that a
/// malformed document (bad escaping, truncation) fails: nil when the bytes
/// are not well-formed XML.
public struct SVGElements {
    /// `id` and `class` of every `<g>`, in document order.
    public var groups: [(id: String, classes: [String])] = []
    /// Every element name.
    public var elementNames: Set<String> = []
    /// All character data, concatenated and unescaped.
    public var text = ""

    public init?(_ bytes: [UInt8]) {
        let reader = Reader()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = reader
        guard parser.parse() else { return nil }
        groups = reader.groups
        elementNames = reader.names
        text = reader.text
    }

    /// `<g>` elements of task nodes (specgraph's `task` class).
    public var tasks: [(id: String, classes: [String])] { groups.filter { $0.classes.contains("task") } }

    /// `id` of every Graphviz node group (`<g class="node …">`), in document order.
    public var nodeIDs: [String] { groups.filter { $0.classes.contains("node") }.map(\.id) }

    /// The number of Graphviz cluster groups (`<g class="cluster …">`).
    public var clusterCount: Int { groups.count { $0.classes.contains("cluster") } }

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
