#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation

/// What the tests need to know about an SVG document, read with a real XML
/// parser so that a malformed document (bad escaping, truncation) fails.
struct SVGSummary {
    /// `id` of every `<g class="node">`, in document order.
    var nodeIDs: [String] = []
    /// Number of `<g class="cluster">`.
    var clusterCount = 0
    /// All character data, concatenated and unescaped.
    var text = ""

    /// `nil` when the bytes are not well-formed XML.
    init?(_ bytes: [UInt8]) {
        let reader = Reader()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = reader
        guard parser.parse() else { return nil }
        nodeIDs = reader.nodeIDs
        clusterCount = reader.clusterCount
        text = reader.text
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var nodeIDs: [String] = []
        var clusterCount = 0
        var text = ""

        func parser(
            _ parser: XMLParser,
            didStartElement elementName: String,
            namespaceURI: String?,
            qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            guard elementName == "g" else { return }
            switch attributes["class"] {
            case "node": nodeIDs.append(attributes["id"] ?? "")
            case "cluster": clusterCount += 1
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }
    }
}

/// Resident set size from `/proc/self/statm`, or `nil` where it does not exist.
func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
