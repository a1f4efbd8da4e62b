/// A reader's corrections to what specgraph read, from a file beside the
/// tasks file (`tasks.specgraph`) or named with `--corrections`, one
/// statement a line, `#` starting a comment:
///
/// ```
/// T020 after T019          # adds T019 → T020 (edge kind `correction`)
/// T020 after T017, T018    # several, and ranges T004-T007
/// T017 not after T018      # removes every edge T018 → T017, written or implied
/// T005, T006, T007 parallel
/// ```
///
/// The author's prose stays untouched; the lead's reading wins over it.
public enum Corrections {
    /// Reads `bytes` and applies every statement to `document`. Problems
    /// (unknown IDs, lines that say nothing readable) become warnings located
    /// in the corrections file.
    ///
    /// - Complexity: O(bytes + tasks).
    public static func apply(_ bytes: [UInt8], path: String, to document: inout SpecDocument) {
        document.correctionsPath = path
        var index: [String: Int32] = [:]
        index.reserveCapacity(document.tasks.count)
        for (t, task) in document.tasks.enumerated() where index[task.id] == nil { index[task.id] = Int32(t) }
        let text = String(decoding: bytes, as: UTF8.self)
        var lineNumber: Int32 = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let words = tokens(line)
            if words.isEmpty { continue }
            let at = SourceLocation(line: lineNumber, column: 1)
            func warn(_ code: DiagnosticCode, _ message: String) {
                document.diagnostics.append(Diagnostic(code, message, at: at, file: path))
            }
            func resolve(_ names: ArraySlice<String>) -> [Int32]? {
                var result: [Int32] = []
                var i = names.startIndex
                while i < names.endIndex {
                    let name = names[i]
                    if i + 2 < names.endIndex, ["-", "–", "..", "to", "through"].contains(names[i + 1]) {
                        guard let a = index[name], let b = index[names[i + 2]] else {
                            warn(.unknownReference, "correction names \(index[name] == nil ? name : names[i + 2]), which does not exist")
                            return nil
                        }
                        result.append(contentsOf: a <= b ? Array(a...b) : Array(b...a))
                        i += 3
                        continue
                    }
                    if ["and", "&", "+"].contains(name) { i += 1; continue }
                    guard let t = index[name] else {
                        warn(.unknownReference, "correction names \(name), which does not exist")
                        return nil
                    }
                    result.append(t)
                    i += 1
                }
                return result
            }
            let lowered = words.map { $0.lowercased() }
            if let k = lowered.firstIndex(of: "after"), k > 0 {
                let negated = lowered[k - 1] == "not"
                let subjectEnd = negated ? k - 1 : k
                guard subjectEnd > 0, k + 1 < words.count,
                    let successors = resolve(words[0..<subjectEnd]), let predecessors = resolve(words[(k + 1)...])
                else {
                    if subjectEnd == 0 || k + 1 == words.count { warn(.unparsedLine, "a correction reads `T020 after T019` or `T017 not after T018`") }
                    continue
                }
                // Many after many: one group (the sides must not share a task,
                // which the pairs would skip and a group could not).
                if !negated, DependencyGroup.isLarge(predecessors: predecessors.count, successors: successors.count),
                    Set(predecessors).isDisjoint(with: successors)
                {
                    document.dependencyGroups.append(DependencyGroup(
                        predecessors: DocumentParser.withoutRepeats(predecessors),
                        successors: DocumentParser.withoutRepeats(successors), kind: .correction, location: at))
                    continue
                }
                for s in successors {
                    for p in predecessors where p != s {
                        let d = TaskDependency(predecessor: p, successor: s, kind: .correction, location: at)
                        if negated { document.removedDependencies.append(d) } else { document.dependencies.append(d) }
                    }
                }
            } else if lowered.last == "parallel" || lowered.suffix(3) == ["in", "parallel"][...] {
                var end = words.count - 1
                while end > 0, ["in", "run", "can", "parallel"].contains(lowered[end - 1]) { end -= 1 }
                guard end >= 2, let tasks = resolve(words[0..<end]) else {
                    if end < 2 { warn(.unparsedLine, "a parallel correction names two or more tasks: `T005, T006 parallel`") }
                    continue
                }
                document.parallelStatements.append(ParallelStatement(tasks: tasks, location: at))
            } else {
                warn(.unparsedLine, "not a correction; write `T020 after T019`, `T017 not after T018` or `T005, T006 parallel`")
            }
        }
    }

    /// Words of a line: IDs and keywords, commas dropped, range marks kept as words.
    static func tokens(_ line: Substring) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        for c in line {
            switch c {
            case ",", ";", " ", "\t", "\r":
                flush()
            case "–":
                flush()
                words.append("–")
            case "-" where !current.isEmpty && !current.hasSuffix("-") && current.first == "T" && current.count > 1
                && !(current == "T"):
                // `T004-T007` is a range; `T-HF02` keeps its dash (only one letter before it).
                if current.dropFirst().allSatisfy({ $0.isNumber || $0.isLetter || $0 == "." || $0 == "_" })
                    && current.dropFirst().contains(where: \.isNumber)
                {
                    flush()
                    words.append("-")
                } else {
                    current.append(c)
                }
            default:
                current.append(c)
            }
        }
        flush()
        // `T004..T007` written without spaces.
        return words.flatMap { word -> [String] in
            let chars = Array(word)
            guard chars.count > 4, let k = (1..<(chars.count - 2)).first(where: { chars[$0] == "." && chars[$0 + 1] == "." })
            else { return [word] }
            return [String(chars[..<k]), "..", String(chars[(k + 2)...])]
        }
    }
}
