import SpecKitGenerator

/// An independent, deliberately simple reading of a generated document:
/// line scans and substring searches, sharing no code with the generator
/// (or with the real parser), so that the tests check the text itself.
struct GeneratedSpec {
    struct TaskLine {
        var lineNumber: Int
        var id: Int
        var text: Substring
        /// IDs named in `(depends on …)` clauses; both ends of a range.
        var dependencies: [Int]
    }

    let text: String
    let lines: [Substring]
    let tasks: [TaskLine]

    init(_ bytes: [UInt8]) {
        text = String(decoding: bytes, as: UTF8.self)
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var tasks: [TaskLine] = []
        for (index, line) in lines.enumerated() where Self.isTaskLine(line) {
            let afterBox = line.dropFirst(5)  // "- [ ]" / "- [x]" …
            let id = Self.leadingID(afterBox.dropFirst())!
            tasks.append(
                TaskLine(lineNumber: index + 1, id: id, text: line, dependencies: Self.dependencyIDs(in: line)))
        }
        self.tasks = tasks
    }

    /// `- [` + one status character + `] T` + a digit.
    static func isTaskLine(_ line: Substring) -> Bool {
        let bytes = Array(line.utf8.prefix(8))
        guard bytes.count == 8 else { return false }
        return bytes[0] == UInt8(ascii: "-") && bytes[1] == UInt8(ascii: " ") && bytes[2] == UInt8(ascii: "[")
            && [" ", "x", "X", "/", "~", "-"].map { UInt8(ascii: $0) }.contains(bytes[3])
            && bytes[4] == UInt8(ascii: "]") && bytes[5] == UInt8(ascii: " ") && bytes[6] == UInt8(ascii: "T")
            && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[7])
    }

    /// The number of a `T<digits>` at the start of `text`.
    static func leadingID(_ text: Substring) -> Int? {
        guard text.first == "T" else { return nil }
        let digits = text.dropFirst().prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(digits)
    }

    /// Every `T<digits>` in `text`, in order.
    static func ids(in text: Substring) -> [Int] {
        var result: [Int] = []
        var rest = text[...]
        while let t = rest.firstIndex(of: "T") {
            let candidate = rest[t...]
            if let id = leadingID(candidate) {
                result.append(id)
            }
            rest = rest[rest.index(after: t)...]
        }
        return result
    }

    static func dependencyIDs(in line: Substring) -> [Int] {
        var result: [Int] = []
        var rest = line[...]
        while let clause = rest.range(of: "(depends on ") {
            let tail = rest[clause.upperBound...]
            let end = tail.firstIndex(of: ")") ?? tail.endIndex
            result += ids(in: tail[..<end])
            rest = tail[end...]
        }
        return result
    }

    /// `Ta-Tb` ranges inside `(depends on …)` clauses.
    static func ranges(in line: Substring) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var rest = line[...]
        while let clause = rest.range(of: "(depends on ") {
            let tail = rest[clause.upperBound...]
            let end = tail.firstIndex(of: ")") ?? tail.endIndex
            let body = tail[..<end]
            if let dash = body.firstIndex(of: "-"),
                let low = leadingID(body[..<dash]), let high = leadingID(body[body.index(after: dash)...]),
                low <= high
            {
                result.append(low...high)
            }
            rest = tail[end...]
        }
        return result
    }

    /// The lines of the `### Task Order` list in the Dependencies section.
    var taskOrderStatements: [Substring] {
        guard let start = lines.firstIndex(of: "### Task Order") else { return [] }
        return lines[(start + 1)...].prefix { !$0.hasPrefix("###") }.filter { $0.hasPrefix("- ") }
    }

    /// The two tasks named by `<!-- planted cycle: TA → TB → TA -->`.
    var plantedCycle: [Int]? {
        guard let line = lines.first(where: { $0.hasPrefix("<!-- planted cycle: ") }) else { return nil }
        return Self.ids(in: line)
    }
}

extension Substring {
    func range(of needle: String) -> Range<Index>? {
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(needle) {
                return start..<(index(start, offsetBy: needle.count))
            }
            start = index(after: start)
        }
        return nil
    }
}
