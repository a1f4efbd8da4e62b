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

/// An independent, simple reading of which lines are tasks (docs/grammar.md,
/// "Tasks", shapes 1–7), written with regular expressions and without the parser's
/// code: outside fences and HTML comments,
/// 1. a checkbox list item whose first word is an ID (also `[TASK-004]`);
/// 2. a heading whose first word is an ID;
/// 3. a table row whose first cell is an ID;
/// 4. a list item without a checkbox that starts with a bold ID;
/// 5. a line outside lists that starts with an ID, a dash or colon and text;
/// 4 and 5 not in sections about dependencies, order, parallel work,
/// strategies, examples or notes. IDs: `T012` forms and worded IDs (`Task 1.2`,
/// `任务 1.1`, `TASK-001`). Without any of these, 7: each checkbox item at the
/// left margin under a heading, outside such sections, named `L<line>`.
enum SimpleTaskScan {
    static func taskLines(_ text: String) -> [(line: Int, id: String)] {
        var result: [(Int, String)] = []
        var generated: [(Int, String)] = []
        var fenceDepth = 0
        var inComment = false
        var frontMatter = false
        var underHeading = false
        var excludedLevel: Int?
        // "\r\n" is one Character in Swift: split at both.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        for (n, raw) in lines.enumerated() {
            var line = Substring(raw)
            if n == 0, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if n == 0, line == "---" { frontMatter = true; continue }
            if frontMatter { if line == "---" || line == "..." { frontMatter = false }; continue }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let indent = line.count - trimmed.count
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
            if let m = trimmed.prefixMatch(of: /(#{1,6})\s+(.*)/), headingID(trimmed) == nil {
                let level = m.output.1.count
                let title = m.output.2.lowercased()
                if let l = excludedLevel, level <= l { excludedLevel = nil }
                let isPhase = title.contains(/^[*_ ]*phase \d/)
                if excludedLevel == nil, !isPhase, n > 0 || level > 1,
                    ["dependenc", "execution order", "parallel", "strateg", "example", "note"].contains(where: { title.contains($0) })
                {
                    excludedLevel = level
                }
                underHeading = true
                continue
            }
            if let id = checkboxID(trimmed) ?? headingID(trimmed) ?? tableID(trimmed) {
                result.append((n + 1, id))
            } else if excludedLevel == nil, let id = boldItemID(trimmed) ?? (indent < 4 ? lineID(trimmed) : nil) {
                result.append((n + 1, id))
            } else if underHeading, excludedLevel == nil, indent == 0, trimmed.prefixMatch(of: /(?:[-*+]|\d+[.)])\s+\[[ xX~\/-]\]/) != nil {
                generated.append((n + 1, "L\(n + 1)"))
            }
        }
        return result.isEmpty ? generated : result
    }

    static var idPattern: Regex<Substring> {
        /(?:T-?[A-Z]*\d{2,}(?:(?:\.\d+)+|[A-Za-z]*(?:_[A-Za-z]+)?)|(?i:task|tarea|tarefa)[ \t]+[0-9]+(?:\.[0-9]+)*[A-Za-z]?|(?:任务|任務|タスク)[ \t]*[0-9]+(?:\.[0-9]+)*[A-Za-z]?|[Зз]адача[ \t]+[0-9]+(?:\.[0-9]+)*|(?i:task)-[0-9]+)(?![A-Za-z0-9_])/
    }

    /// `Task T-002`: the word before an ID of the usual kind.
    static func id(_ s: Substring) -> String? {
        let rest = s.prefixMatch(of: /(?i:task)[ \t]+(?=T-?[A-Z]*\d{2})/).map { s[$0.range.upperBound...] } ?? s
        return rest.prefixMatch(of: idPattern).map { String($0.output) }
    }

    static func checkboxID(_ s: Substring) -> String? {
        guard let m = s.prefixMatch(of: /(?:[-*+]|\d+[.)])\s+\[[ xX~\/-]\]\s*(?:\*\*|~~|`)*\[?/) else { return nil }
        let rest = s[m.range.upperBound...]
        guard let found = id(rest) else { return nil }
        // `T115a-1`: a hyphen and capitals or digits joined to a `T` ID (not `-T0…`).
        if found.hasPrefix("T"), !found.contains(" "),
            let suffix = rest.dropFirst(found.count).prefixMatch(of: /-(?!T\d)[A-Z0-9]{1,16}(?![A-Za-z0-9_])/)
        {
            return found + suffix.output
        }
        return found
    }

    static func headingID(_ s: Substring) -> String? {
        guard let m = s.prefixMatch(of: /#{1,6}\s+(?:\*\*|`)*/) else { return nil }
        return id(s[m.range.upperBound...])
    }

    static func tableID(_ s: Substring) -> String? {
        guard s.hasPrefix("|") else { return nil }
        let cell = s.dropFirst().prefix { $0 != "|" }.trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "*`~"))
        guard let m = cell.wholeMatch(of: idPattern) else { return nil }
        return String(m.output)
    }

    static func boldItemID(_ s: Substring) -> String? {
        guard let m = s.prefixMatch(of: /(?:[-*+]|\d+[.)])\s+(?:\*\*|__)[`\[]?/) else { return nil }
        let rest = s[m.range.upperBound...]
        guard let found = id(rest) else { return nil }
        // `**T001–T005**`: a range names tasks.
        if rest.dropFirst(found.count).prefixMatch(of: /\s*(?:-|–|—|\.\.)\s*[*`]*T-?[A-Z]*\d{2}/) != nil { return nil }
        return found
    }

    static func lineID(_ s: Substring) -> String? {
        guard s.prefixMatch(of: /(?:[-*+>|]|\d+[.)])(?:\s|$)/) == nil else { return nil }
        let body = s.drop { $0 == "*" || $0 == "_" || $0 == "`" }
        guard let found = id(body) else { return nil }
        let after = body.dropFirst(found.count).drop { $0 == "*" || $0 == "_" || $0 == "`" }
        guard let m = after.prefixMatch(of: /(?:\s*[:：]|\s+-\s|\s*[—–])\s*[*_]*/) else { return nil }
        let text = after[m.range.upperBound...]
        guard !text.isEmpty, id(text) == nil else { return nil }
        return found
    }

    /// IDs compared without case and spacing: `task  3` is `Task 3`.
    static func normalized(_ id: String) -> String {
        String(id.split(separator: "#").first ?? "").lowercased().filter { !$0.isWhitespace }
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
        // Each ID once, at its first definition: a restating duplicate is merged,
        // a different one is `T045#2` (rule 0), which this scan cannot tell apart.
        var seen = Set<String>()
        let firstExpected = expected.filter { seen.insert(SimpleTaskScan.normalized($0.id)).inserted }
        let firstFound = document.tasks.filter { !$0.id.contains("#") }
        #expect(firstFound.map { SimpleTaskScan.normalized($0.id) } == firstExpected.map { SimpleTaskScan.normalized($0.id) })
        #expect(firstFound.map { Int($0.location.line) } == firstExpected.map(\.line))
        #expect(document.tasks.count <= expected.count)
        let taskLines = Set(expected.map(\.line))
        let unparsed = document.diagnostics.filter { $0.code == .unparsedLine && taskLines.contains(Int($0.location.line)) }
        #expect(unparsed.isEmpty)
        #expect(!document.diagnostics.contains { $0.code == .invalidUTF8 || $0.code == .unreadable })
    }
}
