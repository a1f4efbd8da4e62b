import Foundation
import Testing

@testable import SpecKitTasks

/// Real tasks.md files from `$SPECGRAPH_CORPUS` (CI: `../shared/corpus`).
///
/// The expected task IDs come from `SimpleTaskScan`, a deliberately naive line
/// scan written independently of the parser, so the two can disagree.
enum Corpus {
    /// The corpus directory, or nil when `SPECGRAPH_CORPUS` is unset or missing.
    static let directory: URL? = {
        guard let value = ProcessInfo.processInfo.environment["SPECGRAPH_CORPUS"], !value.isEmpty else {
            print("SPECGRAPH_CORPUS is not set: corpus conformance tests are skipped")
            return nil
        }
        let url = URL(fileURLWithPath: value, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("SPECGRAPH_CORPUS=\(value) does not exist: corpus conformance tests are skipped")
            return nil
        }
        return url
    }()

    static var files: [URL] {
        guard let directory else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { directory.appendingPathComponent($0) }
    }
}

/// An independent, simple reading of which lines are tasks: outside fences
/// and HTML comments, a checkbox list item whose first word is an ID, a heading
/// whose first word is an ID, or a table row whose first cell is an ID.
enum SimpleTaskScan {
    static func taskLines(_ text: String) -> [(line: Int, id: String)] {
        var result: [(Int, String)] = []
        var fenceDepth = 0
        var inComment = false
        var frontMatter = false
        // Split on the byte "\n" (scalars, not Characters: "\r\n" is one
        // Character, so splitting Characters on "\n" never splits a CRLF file).
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { scalars -> Substring in
            let line = Substring(String(String.UnicodeScalarView(scalars)))
            return line.hasSuffix("\r") ? line.dropLast() : line
        }
        for (n, raw) in lines.enumerated() {
            var line = Substring(raw)
            if n == 0, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if n == 0, line == "---" { frontMatter = true; continue }
            if frontMatter { if line == "---" || line == "..." { frontMatter = false }; continue }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if inComment {
                if trimmed.contains("-->") { inComment = false }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let rest = trimmed.drop { $0 == "`" || $0 == "~" }.trimmingCharacters(in: .whitespaces)
                if fenceDepth > 0 && rest.isEmpty { fenceDepth -= 1 } else if fenceDepth == 0 || !rest.isEmpty { fenceDepth += 1 }
                continue
            }
            if fenceDepth > 0 { continue }
            if trimmed.hasPrefix("<!--") {
                if !trimmed.contains("-->") { inComment = true }
                continue
            }
            if let id = checkboxID(trimmed) ?? headingID(trimmed) ?? tableID(trimmed) {
                result.append((n + 1, id))
            }
        }
        return result
    }

    static var idPattern: Regex<Substring> { /T-?[A-Z]*\d{2,}(?:(?:\.\d+)+|[A-Za-z]*(?:_[A-Za-z]+)?)(?![A-Za-z0-9_])/ }

    static func checkboxID(_ s: Substring) -> String? {
        guard let m = s.prefixMatch(of: /(?:[-*+]|\d+[.)])\s+\[[ xX~\/-]\]\s*(?:\*\*|~~|`)*/) else { return nil }
        return s[m.range.upperBound...].prefixMatch(of: idPattern).map { String($0.output) }
    }

    static func headingID(_ s: Substring) -> String? {
        guard let m = s.prefixMatch(of: /#{1,6}\s+(?:\*\*|`)*/) else { return nil }
        return s[m.range.upperBound...].prefixMatch(of: idPattern).map { String($0.output) }
    }

    static func tableID(_ s: Substring) -> String? {
        guard s.hasPrefix("|") else { return nil }
        let cell = s.dropFirst().prefix { $0 != "|" }.trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "*`~"))
        guard let m = cell.wholeMatch(of: idPattern) else { return nil }
        return String(m.output)
    }
}

@Suite(
    "Corpus conformance",
    // Skipped (and said so on stdout) when SPECGRAPH_CORPUS is unset: the corpus
    // lives outside the repository and is never copied into it.
    .enabled(if: Corpus.directory != nil, "SPECGRAPH_CORPUS is not set")
)
struct CorpusConformanceTests {
    @Test("the corpus is not empty")
    func corpusHasFiles() {
        #expect(Corpus.files.count >= 30)
    }

    @Test("every task of every corpus file is found", arguments: Corpus.files)
    func everyTaskFound(_ file: URL) throws {
        let data = try Data(contentsOf: file)
        let document = SpecParser.parse(Array(data), path: file.lastPathComponent)
        let expected = SimpleTaskScan.taskLines(String(decoding: data, as: UTF8.self))
        #expect(!expected.isEmpty)
        #expect(document.tasks.map(\.id) == expected.map(\.id))
        #expect(document.tasks.map { Int($0.location.line) } == expected.map(\.line))
        let taskLines = Set(expected.map(\.line))
        let unparsed = document.diagnostics.filter { $0.code == .unparsedLine && taskLines.contains(Int($0.location.line)) }
        #expect(unparsed.isEmpty)
        #expect(!document.diagnostics.contains { $0.code == .invalidUTF8 || $0.code == .unreadable })
    }
}
