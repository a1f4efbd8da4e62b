/// Checkbox task lines, heading tasks, labels and task bodies.
enum CheckboxLine {
    case none
    /// A task line: the checkbox column, its status and where the ID is.
    case task(TaskLineItem)
    /// Looks like a task but is not one (bad ID or bad checkbox); the offset to report.
    case suspicious(Int)
}

struct TaskLineItem {
    var column: Int
    var status: TaskStatus
    var idStart: Int
    var idEnd: Int
}

/// What a task's text yields besides its description.
struct TaskTextFacts {
    var files: [String] = []
    var estimate: Estimate?
    var owner: String?
    var references: [(references: [Reference], reversed: Bool)] = []
    var phaseReferences: [PhaseReference] = []
    var status: TaskStatus?
}

/// Maps offsets in a task's (possibly joined) text back to source locations.
///
/// A single-line text (the common case) needs no array, so no allocation.
struct TextLocator {
    /// Start offset in the view, source line, and the view offset of column 1.
    typealias Segment = (offset: Int, line: Int32, columnBase: Int)
    var first: Segment
    var more: [Segment]

    init(segments: [Segment]) {
        first = segments[0]
        more = Array(segments.dropFirst())
    }

    init(_ segment: Segment) {
        first = segment
        more = []
    }

    func location(_ offset: Int) -> SourceLocation {
        var s = first
        for candidate in more where candidate.offset <= offset { s = candidate }
        return SourceLocation(line: s.line, column: Int32(offset - s.columnBase + 1))
    }
}

extension DocumentParser {
    /// Recognises `- [ ] T012 …` (any list marker, any indentation).
    /// - Complexity: O(1) bytes looked at beyond the ID.
    func recognizeCheckbox(_ p: Int, _ end: Int) -> CheckboxLine {
        let b = bytes
        var k = p
        let c = b[p]
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "+") {
            k += 1
        } else if c.isDigit {
            while k < end, k - p < 9, b[k].isDigit { k += 1 }
            guard k < end, b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: ")") else { return .none }
            k += 1
        } else {
            return .none
        }
        guard k < end, b[k].isSpaceOrTab else { return .none }
        k = b.skipSpaces(k, end)
        guard k < end, b[k] == UInt8(ascii: "[") else { return .none }
        let box = k
        var close = k + 1
        while close < end, close - box <= 4, b[close] != UInt8(ascii: "]") { close += 1 }
        guard close < end, b[close] == UInt8(ascii: "]") else { return .none }
        var status: TaskStatus?
        if close == box + 2 {
            switch b[box + 1] {
            case UInt8(ascii: " "): status = .todo
            case UInt8(ascii: "x"), UInt8(ascii: "X"): status = .done
            case UInt8(ascii: "~"), UInt8(ascii: "-"): status = .skipped
            case UInt8(ascii: "/"): status = .inProgress
            default: status = nil
            }
        }
        var j = b.skipSpaces(close + 1, end)
        var struck = false
        for _ in 0..<3 {
            if b.matches("**", at: j, end: end) {
                j += 2
            } else if b.matches("~~", at: j, end: end) {
                struck = true
                j += 2
            } else if j < end, b[j] == UInt8(ascii: "`") || b[j] == UInt8(ascii: "_") {
                j += 1
            } else {
                break
            }
        }
        if let idEnd = b.taskIDEnd(at: j, end: end) {
            guard var status else { return .suspicious(box) }
            if struck { status = .skipped }
            return .task(TaskLineItem(column: box, status: status, idStart: j, idEnd: idEnd))
        }
        if b.looksLikeTaskID(at: j, end: end) { return .suspicious(j) }
        return .none
    }

    mutating func startCheckboxTask(_ item: TaskLineItem, indent: Int) {
        let b = bytes
        let end = b.trimEnd(item.idEnd, b.count > 0 ? lineEndOffset(item.idEnd) : item.idEnd)
        var task = SpecTask(
            id: b.string(item.idStart, item.idEnd), location: location(item.column), form: .checkbox,
            status: item.status, segment: segment)
        let descriptionStart = readLabels(into: &task, from: item.idEnd, end: end)
        task.description = b.string(descriptionStart, end)
        addTask(task, open: OpenTask(
            index: Int32(tasks.count), indent: indent, form: .checkbox, descriptionStart: descriptionStart,
            descriptionEnd: end, line: lineNumber, lineStart: lineStart))
    }

    /// The offset of the end of the current line's content (before `\r\n`).
    func lineEndOffset(_ from: Int) -> Int {
        let b = bytes
        var k = from
        while k < b.count, b[k] != 0x0A { k += 1 }
        if k > from, b[k - 1] == 0x0D { k -= 1 }
        return k
    }

    /// Records a task and the heading it sits under, and opens its body.
    mutating func addTask(_ task: SpecTask, open: OpenTask?) {
        let index = Int32(tasks.count)
        tasks.append(task)
        let heading = headingStack.last?.index ?? -1
        taskHeading.append(heading)
        if heading >= 0 { headings[Int(heading)].directTasks += 1 }
        for k in headingStack.indices {
            headingStack[k].hasTasks = true
            if !headingStack[k].references.isEmpty {
                taskReferences.append(
                    PendingTaskReferences(task: index, references: headingStack[k].references, reversed: false))
            }
            if !headingStack[k].reversedReferences.isEmpty {
                taskReferences.append(
                    PendingTaskReferences(task: index, references: headingStack[k].reversedReferences, reversed: true))
            }
        }
        openTask = open
    }

    /// Reads bracket labels after the ID (`[P]`, `[US1]`, `**[P]**`, `[US1,US2]`)
    /// and returns where the description starts.
    func readLabels(into task: inout SpecTask, from start: Int, end: Int) -> Int {
        let b = bytes
        var k = start
        while true {
            var j = b.skipSpaces(k, end)
            while j < end, b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: "`") || b[j] == UInt8(ascii: "~") { j += 1 }
            j = b.skipSpaces(j, end)
            guard j < end, b[j] == UInt8(ascii: "[") else { break }
            var close = j + 1
            while close < end, close - j <= 40, b[close] != UInt8(ascii: "]"), b[close] != UInt8(ascii: "[") { close += 1 }
            guard close < end, b[close] == UInt8(ascii: "]"), close > j + 1 else { break }
            // `[text](link)` is a Markdown link, not a label.
            if close + 1 < end, b[close + 1] == UInt8(ascii: "(") { break }
            addLabel(b, j + 1, close, to: &task)
            k = close + 1
        }
        // Separators between the ID or labels and the text: `T001: …`, `**T001** - …`.
        var j = b.skipSpaces(k, end)
        while j < end {
            let c = b[j]
            if c == UInt8(ascii: "*") || c == UInt8(ascii: ":") || c == UInt8(ascii: "`") || c == UInt8(ascii: "~")
                || c.isSpaceOrTab
            {
                j += 1
            } else if c == UInt8(ascii: "-"), j + 1 >= end || b[j + 1].isSpaceOrTab {
                j += 1
            } else if b.matches("—", at: j, end: end) || b.matches("–", at: j, end: end) {
                j += 3
            } else {
                break
            }
        }
        return j
    }

    func addLabel(_ b: Bytes, _ lo: Int, _ hi: Int, to task: inout SpecTask) {
        var lo = b.skipSpaces(lo, hi)
        let hi = b.trimEnd(lo, hi)
        guard lo < hi else { return }
        if hi - lo == 1, b[lo] == UInt8(ascii: "P") || b[lo] == UInt8(ascii: "p") {
            task.parallel = true
            return
        }
        if task.form == .heading, b.matchesLowercase("done", at: lo, end: hi), hi - lo == 4 {
            task.status = .done
            return
        }
        // Story labels: `US1`, `US1,US2`, `US1, US2`, `Story: US1`.
        if b.matchesLowercase("story:", at: lo, end: hi) { lo = b.skipSpaces(lo + 6, hi) }
        var stories: [String] = []
        var k = lo
        while k < hi {
            guard b.matches("US", at: k, end: hi) else { stories = []; break }
            var j = k + 2
            while j < hi, b[j].isDigit { j += 1 }
            guard j > k + 2 else { stories = []; break }
            stories.append(b.string(k, j))
            k = j
            while k < hi, b[k] == UInt8(ascii: ",") || b[k].isSpaceOrTab || b[k] == UInt8(ascii: "/") { k += 1 }
        }
        if !stories.isEmpty, k >= hi {
            for s in stories where !task.stories.contains(s) { task.stories.append(s) }
            return
        }
        task.labels.append(b.string(lo, hi))
    }

    /// Ends the open task: reads files, estimate, owner and references from its
    /// text and body.
    mutating func closeTask() {
        guard let open = openTask else { return }
        openTask = nil
        let index = Int(open.index)
        let facts: TaskTextFacts
        if open.body.isEmpty {
            let locator = TextLocator((open.descriptionStart, open.line, open.lineStart))
            facts = analyzeTaskText(bytes, open.descriptionStart, open.descriptionEnd, locator, heading: false)
        } else {
            tasks[index].endLine = open.body[open.body.count - 1].line
            // Join the description and body lines with newlines so clauses can
            // run across wrapped lines; the locator maps offsets back.
            var joined: [UInt8] = []
            var segments: [(offset: Int, line: Int32, columnBase: Int)] = []
            let b = bytes
            joined.append(contentsOf: UnsafeBufferPointer(rebasing: b[open.descriptionStart..<open.descriptionEnd]))
            segments.append((0, open.line, 0 - (open.descriptionStart - open.lineStart)))
            for line in open.body {
                joined.append(0x0A)
                let offset = joined.count
                segments.append((offset, line.line, offset - (line.start - line.lineStart)))
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: b[line.start..<line.end]))
            }
            let locator = TextLocator(segments: segments)
            facts = joined.withUnsafeBufferPointer {
                analyzeTaskText($0, 0, $0.count, locator, heading: open.form == .heading)
            }
        }
        tasks[index].files = facts.files
        tasks[index].estimate = facts.estimate
        tasks[index].owner = facts.owner
        if let status = facts.status { tasks[index].status = status }
        for group in facts.references where !group.references.isEmpty {
            taskReferences.append(PendingTaskReferences(task: open.index, references: group.references, reversed: group.reversed))
        }
    }

    /// One pass per concern over a task's text: dependency clauses and estimates
    /// first (their spans are not searched for paths), then paths and the owner.
    func analyzeTaskText(_ b: Bytes, _ lo: Int, _ hi: Int, _ locator: TextLocator, heading: Bool) -> TaskTextFacts {
        var facts = TaskTextFacts()
        var excluded: [(Int, Int)] = []
        scanDependencyClauses(b, lo, hi, locator, into: &facts, excluded: &excluded)
        if let (estimate, range) = findEstimate(b, lo, hi) {
            facts.estimate = estimate
            excluded.append(range)
        }
        if excluded.count > 1 { excluded.sort { $0.0 < $1.0 } }
        facts.files = findPaths(b, lo, hi, excluding: excluded)
        facts.owner = findOwner(b, lo, hi)
        if heading { facts.status = findStatusField(b, lo, hi) }
        return facts
    }

    /// `**Status**: Done` below a heading task.
    func findStatusField(_ b: Bytes, _ lo: Int, _ hi: Int) -> TaskStatus? {
        var k = lo
        while k < hi {
            if (k == lo || b[k - 1] == 0x0A), let value = statusValueStart(b, k, hi) {
                var e = value
                while e < hi, b[e] != 0x0A { e += 1 }
                return statusWord(b, value, e)
            }
            k += 1
        }
        return nil
    }

    private func statusValueStart(_ b: Bytes, _ k: Int, _ hi: Int) -> Int? {
        var j = k
        while j < hi, b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: "-") || b[j].isSpaceOrTab { j += 1 }
        guard b.matchesLowercase("status", at: j, end: hi) else { return nil }
        j += 6
        while j < hi, b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: ":") || b[j].isSpaceOrTab { j += 1 }
        return j
    }

    /// Maps a status word (`done`, `✅`, `in progress`, `skipped`) to a status; nil when unknown.
    func statusWord(_ b: Bytes, _ lo: Int, _ hi: Int) -> TaskStatus? {
        var k = b.skipSpaces(lo, hi)
        while k < hi, b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "`") || b[k] == UInt8(ascii: "[") { k += 1 }
        for (word, status) in Vocabulary.statusWords where b.matchesLowercase(word, at: k, end: hi) {
            let e = k + word.byteCount
            if word.utf8Start[0] >= 0x80 || b.isWordEnd(e, hi) { return status }
        }
        return nil
    }
}
