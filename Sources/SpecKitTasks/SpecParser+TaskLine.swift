import CByteClasses

/// Checkbox task lines, heading tasks, labels and task bodies.
enum CheckboxLine {
    case none
    /// A task line: the checkbox column, its status and where the ID is.
    case task(TaskLineItem)
    /// Looks like a task but is not one (bad ID or bad checkbox); the offset
    /// to report, and the item a valid checkbox with an ID of no shape
    /// DESIGN reads makes (`- [ ] T1.1: Review`), which shape 7 may take.
    case suspicious(Int, box: TaskLineItem?)
    /// A checkbox item without an ID: a checklist step, or a shape-7 task.
    case plain(TaskLineItem)
}

struct TaskLineItem {
    var column: Int
    var status: TaskStatus
    var idStart: Int
    var idEnd: Int
    /// The ID is a task ID of the usual kind (`T012`), spelled as written.
    var plainID = false
}

/// What a task's text yields besides its description.
struct TaskTextFacts {
    var references: [(references: [Reference], reversed: Bool)] = []
    var phaseReferences: [PhaseReference] = []
    /// A dependency clause, `None` included (`SpecTask.statesDependencies`).
    var statesDependencies = false
    /// `(independent)`: `SpecTask.independent`.
    var independent = false
    /// `parallel with T006`: the task runs beside these (see `PendingParallel`).
    var together: [(references: [Reference], phases: [PhaseReference], location: SourceLocation)] = []
    /// The lexer's token buffer, kept from text to text (no allocation per token).
    var tokens: [ProseToken] = []
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

extension SpecTask {
    /// A task as the line scan opens it, before its text is read: no ID
    /// string, description, stories, files or estimate yet. Made with the
    /// memberwise initializer: one that assigns field by field leaves a
    /// copy and a destroy of the whole task (about 300 instructions and a
    /// retain and a release per reference field) that the optimizer keeps.
    @inline(__always)
    static func opening(_ location: SourceLocation, form: TaskForm, status: TaskStatus, segment: Int32) -> SpecTask {
        SpecTask(
            id: "", location: location, endLine: location.line, form: form, status: status, parallel: false,
            statesDependencies: false, stories: [], phase: 0, section: -1, segment: segment, independent: false,
            descriptionText: .empty, files: FileList(), estimateHours: -1, rare: nil)
    }
}

extension DocumentParser {
    /// Recognises `- [ ] T012 …` in `b` (any list marker, any indentation).
    /// The per-line recognizers are static: a call of an instance method from
    /// a mutating one copied the whole parser (about 570 bytes) to pass it
    /// as `self`.
    /// - Complexity: O(1) bytes looked at beyond the ID.
    static func recognizeCheckbox(_ b: Bytes, _ p: Int, _ end: Int) -> CheckboxLine {
        // The usual line, `- [ ] T012 …` or `- [x] T012 …`, from one load of
        // its first eight bytes; anything else the byte by byte reading below
        // (which finds the same for this shape).
        if p + 8 <= b.count, p + 6 < end, let base = b.baseAddress {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self))
            // `-`, blank, `[`, any mark, `]`, blank: the mark and the two bytes after the blank are read below.
            if w & 0x0000_FFFF_00FF_FFFF == 0x0000_205D_005B_202D {
                let mark = UInt8(truncatingIfNeeded: w >> 24)
                let first = UInt8(truncatingIfNeeded: w >> 48)
                let status: TaskStatus? =
                    mark == UInt8(ascii: " ") ? .todo : mark | 0x20 == UInt8(ascii: "x") ? .done : nil
                // The ID right after the blank: no more blanks, emphasis or bracket before it.
                if let status, first == UInt8(ascii: "T"), let idEnd = b.taskIDEnd(at: p + 6, end: end),
                    !(Self.mayStartRange(b, idEnd, end) && (rangeFollows(b, idEnd, end, from: p + 6) || listFollows(b, idEnd, end)))
                {
                    return .task(TaskLineItem(column: p + 2, status: status, idStart: p + 6, idEnd: idSuffixEnd(b, idEnd, end), plainID: true))
                }
            }
        }
        return recognizeCheckboxByBytes(b, p, end)
    }

    /// `recognizeCheckbox` one byte at a time (every shape).
    static func recognizeCheckboxByBytes(_ b: Bytes, _ p: Int, _ end: Int) -> CheckboxLine {
        var k = p
        let c = b[p]
        // `**[ ] T001** …`, `__[x] T005__ …`: a box inside emphasis, with no list marker.
        let emphasized = (c == UInt8(ascii: "*") || c == UInt8(ascii: "_")) && p + 2 < end && b[p + 1] == c && b[p + 2] == UInt8(ascii: "[")
        // `[X] T001 - Create …` with no list marker: a task when an ID follows a valid box.
        let bare = c == UInt8(ascii: "[") || emphasized
        if emphasized {
            k += 2
        } else if c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "+") {
            k += 1
        } else if c.isDigit {
            while k < end, k - p < 9, b[k].isDigit { k += 1 }
            guard k < end, b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: ")") else { return .none }
            k += 1
        } else if !bare {
            return .none
        }
        // `- **[ ] T003** …`: emphasis between the marker and the box.
        var boxEmphasized = emphasized
        if !bare {
            guard k < end, b[k].isSpaceOrTab else { return .none }
            k = b.skipSpaces(k, end)
            if k + 2 < end, b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "_"), b[k + 1] == b[k], b[k + 2] == UInt8(ascii: "[") {
                k += 2
                boxEmphasized = true
            }
        }
        guard k < end, b[k] == UInt8(ascii: "[") else { return .none }
        let box = k
        var close = k + 1
        while close < end, close - box <= 4, b[close] != UInt8(ascii: "]") { close += 1 }
        guard close < end, b[close] == UInt8(ascii: "]") else { return .none }
        // `[✅] T026`: a check mark in the box is done too.
        let status = close == box + 2 ? boxStatus(b[box + 1]) : close == box + 4 && b.matches("✅", at: box + 1, end: close) ? .done : nil
        // Emphasis opened before anything but a status box (`- **[P]** …`) is no box.
        if boxEmphasized, status == nil { return .none }
        var j = b.skipSpaces(close + 1, end)
        let textStart = j
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
        // `- [x] [TASK-004] …`: the ID in brackets.
        if j < end, b[j] == UInt8(ascii: "[") { j += 1 }
        // Most lines hold a task ID of the usual kind; the line scan notes it,
        // so neither interning nor the text job looks at the ID again.
        let plainEnd = b.taskIDEnd(at: j, end: end)
        if let (idStart, idEnd) = plainEnd.map({ (j, $0) }) ?? taskID(b, at: j, end) {
            // `- [x] T001–T009 verified`, `- [ ] T028, T029: tools`: a step about
            // a range or a list of tasks, no task.
            if rangeFollows(b, idEnd, end, from: idStart) || listFollows(b, idEnd, end) {
                return bare ? .none : status.map { .plain(TaskLineItem(column: box, status: $0, idStart: textStart, idEnd: textStart)) } ?? .none
            }
            guard var status else { return bare ? .none : .suspicious(box, box: nil) }
            if struck { status = .skipped }
            let suffixEnd = plainEnd != nil ? idSuffixEnd(b, idEnd, end) : idEnd
            return .task(TaskLineItem(column: box, status: status, idStart: idStart, idEnd: suffixEnd, plainID: plainEnd != nil))
        }
        if bare { return .none }
        if b.looksLikeTaskID(at: j, end: end) {
            return .suspicious(j, box: status.map { TaskLineItem(column: box, status: $0, idStart: textStart, idEnd: textStart) })
        }
        if let status { return .plain(TaskLineItem(column: box, status: status, idStart: textStart, idEnd: textStart)) }
        return .none
    }

    /// The end of a checkbox task's ID that ends at `e`, with a suffix of a
    /// hyphen and capitals or digits that the author joined to it (`T533-NEW2`,
    /// `T115a-1`, `T062-1`): those name tasks of their own, written below the
    /// one without the suffix. A range (`T001-T009`, handled before) or a
    /// hyphen before a word (`T001-Create …`, `T234a-i`) is no suffix.
    @inline(__always) static func idSuffixEnd(_ b: Bytes, _ e: Int, _ end: Int) -> Int {
        guard e + 1 < end, b[e] == UInt8(ascii: "-") else { return e }
        var j = e + 1
        while j < end, j - e <= 16, b[j].isUpper || b[j].isDigit { j += 1 }
        guard j > e + 1, j == end || !b[j].isWordByte, !(b[e + 1] == UInt8(ascii: "T") && e + 2 < end && b[e + 2].isDigit) else { return e }
        return j
    }

    /// The task ID at `j`, or nil: a task ID (`T012`), a worded ID (`Task 3`,
    /// `任务 1.1`, `TASK-001`), or a task ID after the word (`Task T-002`).
    static func taskID(_ b: Bytes, at j: Int, _ end: Int) -> (start: Int, end: Int)? {
        guard j < end else { return nil }
        if let e = b.taskIDEnd(at: j, end: end) { return (j, e) }
        guard let (numberStart, e, _) = b.wordedID(at: j, end: end) else {
            // `Task T-002`: the word, then an ID of the usual kind.
            if b[j] | 0x20 == UInt8(ascii: "t"), b.matchesLowercase("task ", at: j, end: end) {
                let k = b.skipSpaces(j + 5, end)
                if let e = b.taskIDEnd(at: k, end: end) { return (k, e) }
            }
            return nil
        }
        _ = numberStart
        return (j, e)
    }

    /// Whether a range or list mark may follow an ID ending at `e` (a blank,
    /// then `-`, `.`, `,`, `/`, `+`, `&`, or a multi-byte dash or wave dash):
    /// the cheap test before ``rangeFollows(_:_:_:)`` and ``listFollows(_:_:_:)``
    /// on the usual checkbox line.
    @inline(__always) static func mayStartRange(_ b: Bytes, _ e: Int, _ end: Int) -> Bool {
        var k = e
        if k < end, b[k] == UInt8(ascii: " ") { k += 1 }
        guard k < end else { return false }
        let c = b[k]
        // Letters and `[`, after almost every ID, fail the first test.
        guard c < 0x30 || c >= 0x7E else { return false }
        return c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: "~") || c == 0xE2 || c == 0xE3 || c == 0xEF
            || c == UInt8(ascii: ",") || c == UInt8(ascii: "/") || c == UInt8(ascii: "+") || c == UInt8(ascii: "&")
    }

    /// Whether another task ID follows the ID that ends at `e`, after `,`,
    /// `/`, `+` or `&` (`- [ ] T028, T029: tools`): such a line names tasks, it is none.
    static func listFollows(_ b: Bytes, _ e: Int, _ end: Int) -> Bool {
        var k = b.skipSpaces(e, end)
        guard k < end, b[k] == UInt8(ascii: ",") || b[k] == UInt8(ascii: "/") || b[k] == UInt8(ascii: "+") || b[k] == UInt8(ascii: "&")
        else { return false }
        k = b.skipSpaces(k + 1, end)
        while k < end, b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "`") { k += 1 }
        return b.taskIDEnd(at: k, end: end) != nil
    }

    /// Whether a range goes on after an ID that ends at `e` (`T001–T005: Setup`,
    /// `T001〜T003`): such a line names tasks, it is none.
    ///
    /// `from`, the start of the ID (a checkbox's): only a range to a higher
    /// task ID of the same kind counts (`T001–T009`), not one to a bare number
    /// (`Task 13-15`): a checkbox item `T115a-1` is a task written below T115a.
    static func rangeFollows(_ b: Bytes, _ e: Int, _ end: Int, from start: Int? = nil) -> Bool {
        let toID = start != nil
        var k = b.skipSpaces(e, end)
        if k < end, b[k] == UInt8(ascii: "-") {
            k += 1
        } else if b.matches("–", at: k, end: end) || (!toID && b.matches("—", at: k, end: end)) {
            k += 3
        } else if b.matches("..", at: k, end: end) {
            k += 2
        } else if b.matches("〜", at: k, end: end) || b.matches("～", at: k, end: end) {
            k += 3
        } else if k < end, b[k] == UInt8(ascii: "~") {
            k += 1
        } else {
            return false
        }
        k = b.skipSpaces(k, end)
        while k < end, b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "`") { k += 1 }
        if toID {
            // `T001–T009`: a task ID of the same kind, numbered higher (`T008 - T006
            // follow-up` and `T008 - Task 3 …` start the text of task T008).
            guard let start, let startID = Self.idNumber(b, start, e), let endEnd = b.taskIDEnd(at: k, end: end),
                let endID = Self.idNumber(b, k, endEnd)
            else { return false }
            return endID.prefix == startID.prefix && endID.number > startID.number
        }
        if taskID(b, at: k, end) != nil { return true }
        // `Task 13-15`, `任务 2.1-2.3`: the end of a range of worded IDs is a bare number.
        var digits = k
        while digits < end, b[digits].isDigit || (b[digits] == UInt8(ascii: ".") && digits > k && digits + 1 < end && b[digits + 1].isDigit) {
            digits += 1
        }
        return digits > k && !b[k - 1].isSpaceOrTab && (digits == end || !b[digits].isAlnum)
    }

    /// A plain task ID's letters before its first digit and the value of its first
    /// run of digits (`T-HF02`: `T-HF`, 2); nil when `lo..<hi` is no such ID.
    static func idNumber(_ b: Bytes, _ lo: Int, _ hi: Int) -> (prefix: [UInt8], number: Int)? {
        guard lo < hi, b.taskIDEnd(at: lo, end: hi) == hi else { return nil }
        var k = lo
        while k < hi, !b[k].isDigit { k += 1 }
        let prefix = Array(UnsafeBufferPointer(rebasing: b[lo..<k]))
        var n = 0
        while k < hi, b[k].isDigit, n < 1 << 40 {
            n = n * 10 + Int(b[k] - 0x30)
            k += 1
        }
        return (prefix, n)
    }

    /// Shape 4: a list item without a checkbox whose text starts with a bold ID
    /// (`- **T001: [設定]** 建立 Android 專案 [P]`, `1. **Task 2**: …`); the ID's span.
    static func recognizeBoldListItem(_ b: Bytes, _ p: Int, _ end: Int) -> (start: Int, end: Int)? {
        let c = b[p]
        var k = p
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "+") {
            k += 1
        } else if c.isDigit {
            while k < end, k - p < 9, b[k].isDigit { k += 1 }
            guard k < end, b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: ")") else { return nil }
            k += 1
        } else {
            return nil
        }
        guard k < end, b[k].isSpaceOrTab else { return nil }
        k = b.skipSpaces(k, end)
        guard b.matches("**", at: k, end: end) || b.matches("__", at: k, end: end) else { return nil }
        k += 2
        if k < end, b[k] == UInt8(ascii: "`") || b[k] == UInt8(ascii: "[") { k += 1 }
        guard let id = taskID(b, at: k, end), !rangeFollows(b, id.end, end) else { return nil }
        return id
    }

    /// The status a box's mark gives (`[ ]`, `[x]`, `[~]`, `[/]`), or nil.
    @inline(__always) static func boxStatus(_ mark: UInt8) -> TaskStatus? {
        switch mark {
        case UInt8(ascii: " "): .todo
        case UInt8(ascii: "x"), UInt8(ascii: "X"): .done
        case UInt8(ascii: "~"), UInt8(ascii: "-"): .skipped
        case UInt8(ascii: "/"): .inProgress
        default: nil
        }
    }

    /// Shape 5: a line outside any list that starts with an ID (possibly bold),
    /// then a dash, a colon or a full stop and text: `T001 — Create data/ scaffolding`,
    /// `**T001**: [P] ✅ Setup`, `Task 2: Wire the API`. The ID's span.
    ///
    /// `afterLineTask`: the line follows such a task in its section, where a
    /// blank alone separates the ID from the text too (`T017 Implement the
    /// grading logic` below `T016 ✅ Implement …`), unless a clause word
    /// follows it (`T017 depends on T016` states an order).
    static func recognizeIDLine(_ b: Bytes, _ p: Int, _ end: Int, afterLineTask: Bool = false) -> (start: Int, end: Int)? {
        var k = p
        while k < end, k - p < 3, b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "_") || b[k] == UInt8(ascii: "`") { k += 1 }
        guard let id = taskID(b, at: k, end), !rangeFollows(b, id.end, end) else { return nil }
        var j = id.end
        while j < end, b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: "_") || b[j] == UInt8(ascii: "`") { j += 1 }
        // `T007 [P] Write the contract test`, `T006 ✅ Install`, `**T008 [P]**: Migrate`:
        // labels and status marks after the ID stand for the separator.
        var labelled = false
        while true {
            let q = b.skipSpaces(j, end)
            if let close = shortLabelEnd(b, q, end) {
                j = close
            } else if let mark = statusMarkEnd(b, q, end) {
                j = mark
            } else {
                break
            }
            labelled = true
            while j < end, b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: "_") { j += 1 }
        }
        let spaced = b.skipSpaces(j, end)
        var separatorEnd = -1
        if spaced < end, b[spaced] == UInt8(ascii: ":") {
            separatorEnd = spaced + 1
        } else if spaced == j, spaced + 1 < end, b[spaced] == UInt8(ascii: "."), b[spaced + 1].isSpaceOrTab {
            // `T001. Ensure the branch is clean`
            separatorEnd = spaced + 1
        } else if b.matches("：", at: spaced, end: end) {
            separatorEnd = spaced + 3
        } else if spaced > j, spaced + 1 < end, b[spaced] == UInt8(ascii: "-"), b[spaced + 1].isSpaceOrTab {
            separatorEnd = spaced + 1
        } else if b.matches("—", at: spaced, end: end) || b.matches("–", at: spaced, end: end) {
            separatorEnd = spaced + 3
        } else if labelled, spaced > j || b[j - 1] == UInt8(ascii: "]") || b[j - 1] >= 0x80 {
            separatorEnd = spaced
        } else if afterLineTask, spaced > j, spaced < end, b[spaced].isUpper || b[spaced] >= 0x80,
            DependencyVocabulary.firstWordStart(b, spaced, end, roles: .clause, declared: true) == nil, !mentionsTaskID(b, spaced, end)
        {
            // (A clause word or another task's ID anywhere makes it prose: `T017 Must finish before T018 ships`.)
            separatorEnd = spaced
        }
        guard separatorEnd > 0 else { return nil }
        var text = b.skipSpaces(separatorEnd, end)
        while text < end, b[text] == UInt8(ascii: "*") || b[text] == UInt8(ascii: "_") { text += 1 }
        guard text < end, taskID(b, at: text, end) == nil else { return nil }
        return id
    }

    /// Whether `lo..<hi` holds a task ID that starts a word (`T018`).
    static func mentionsTaskID(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        var k = lo
        while let t = b.firstIndex(of: UInt8(ascii: "T"), k, hi) {
            if b.referenceEnd(at: t, lo: lo, end: hi) != nil { return true }
            k = t + 1
        }
        return false
    }

    /// The end of a short bracket label at `k` (`[P]`, `[US2]`, `[Setup]`:
    /// at most 16 bytes between the brackets, no blank first), or nil.
    static func shortLabelEnd(_ b: Bytes, _ k: Int, _ end: Int) -> Int? {
        guard k + 2 < end, b[k] == UInt8(ascii: "["), !b[k + 1].isSpaceOrTab, b[k + 1] != UInt8(ascii: "]") else { return nil }
        var j = k + 1
        while j < end, j - k <= 17, b[j] != UInt8(ascii: "]"), b[j] != UInt8(ascii: "[") { j += 1 }
        return j < end && b[j] == UInt8(ascii: "]") ? j + 1 : nil
    }

    /// The end of a status mark at `k` (`✅`, `✔`, `✓`, `☑`, `⏳`, `🚧`, `❌`, with a
    /// variation selector after it), or nil.
    static func statusMarkEnd(_ b: Bytes, _ k: Int, _ end: Int) -> Int? {
        guard k < end, b[k] >= 0xE2 else { return nil }
        for mark: StaticString in ["✅", "✔", "✓", "☑", "⏳", "🚧", "❌"] where b.matches(mark, at: k, end: end) {
            let e = k + mark.utf8CodeUnitCount
            return b.matches("\u{FE0F}", at: e, end: end) ? e + 3 : e
        }
        return nil
    }

    /// Opens a checkbox task; `end` is the end of the line's trimmed content
    /// (`trimEnd` of the line: so no blank ends `item.idEnd..<end` either).
    ///
    /// Only what the line scan needs is read here; the ID string, labels and
    /// description are read with the rest of the task's text in `runTextJobs`.
    mutating func startCheckboxTask(_ item: TaskLineItem, indent: Int, end: Int) {
        let index = tasks.count
        appendTask(SpecTask.opening(location(item.column), form: .checkbox, status: item.status, segment: segment))
        let plain = item.plainID || isPlainTaskID(item.idStart, item.idEnd)
        var job = TextJob(
            task: Int32(index), idStart: item.idStart, descriptionStart: item.idEnd, descriptionEnd: end,
            line: lineNumber, lineStart: lineStart, firstBodyLine: bodyLines.count)
        job.plainID = plain
        registerTask(idStart: item.idStart, idEnd: item.idEnd, open: OpenTask(job: job, indent: indent, form: .checkbox), plainID: plain)
    }

    /// Whether `idStart..<idEnd` is a task ID of the usual kind (`T012`), not a worded ID.
    @inline(__always) private func isPlainTaskID(_ idStart: Int, _ idEnd: Int) -> Bool {
        bytes[idStart] == UInt8(ascii: "T") && bytes.taskIDEnd(at: idStart, end: idEnd) == idEnd
    }

    /// Records a task, its ID key and the heading it sits under, and opens its body.
    mutating func addTask(_ task: consuming SpecTask, idStart: Int, idEnd: Int, open: OpenTask?) {
        appendTask(task)
        registerTask(idStart: idStart, idEnd: idEnd, open: open)
    }

    /// Records the last task of `tasks`: its ID key, the heading it sits under,
    /// references inherited from headings; opens its body. `plainID`: the
    /// caller knows the ID is a task ID of the usual kind (`T012`).
    @inline(__always) mutating func registerTask(idStart: Int, idEnd: Int, open: OpenTask?, plainID: Bool = false) {
        if plainID || isPlainTaskID(idStart, idEnd) {
            // Most IDs are `T` and digits: their hash needs no byte loop.
            let b = bytes
            let hash = ByteInterner.numberedIDHash(b, idStart, idEnd) ?? ByteInterner.hash(b, idStart, idEnd)
            taskIDKey.append(idTable.intern(b, idStart, idEnd, hash: hash).key)
        } else {
            wordedIDs = true
            taskIDKey.append(idTable.intern(bytes.taskIDString(idStart, idEnd)).key)
        }
        placeTask(open: open)
    }

    /// A shape-7 task: its ID was made, not written.
    mutating func registerGeneratedTask(_ id: String, open: OpenTask?) {
        taskIDKey.append(idTable.intern(id).key)
        placeTask(open: open)
    }

    /// The heading the last task sits under and the references it inherits from headings; opens its body.
    @inline(__always) private mutating func placeTask(open: OpenTask?) {
        let index = Int32(tasks.count - 1)
        let heading = headingStack.last?.index ?? -1
        // `HeadingRecord.directTasks` is counted from `taskHeading` when the scan ends.
        taskHeading.append(heading)
        // Once the innermost open heading has a task, so has every heading
        // around it: they were all marked with it (headings open innermost).
        if let innermost = headingStack.indices.last, !headingStack[innermost].hasTasks {
            for k in headingStack.indices { headingStack[k].hasTasks = true }
        }
        // References inherited from the open headings: most documents have none.
        if headingReferencesOpen {
            for k in headingStack.indices {
                if !headingStack[k].references.isEmpty {
                    taskReferences.append(
                        PendingTaskReferences(task: index, references: headingStack[k].references, reversed: false))
                }
                if !headingStack[k].reversedReferences.isEmpty {
                    taskReferences.append(
                        PendingTaskReferences(task: index, references: headingStack[k].reversedReferences, reversed: true))
                }
            }
        }
        openTask = open
    }

    /// The last story name a reader made (`US12`) and its bytes: the tasks of
    /// one story stand together, so the next label of that story takes this
    /// String instead of building its own from the same bytes.
    struct StoryNameCache {
        /// The name's bytes, the first in the lowest byte; its length is `count`.
        var key: UInt64 = 0
        var count = 0
        var name = ""

        /// The String of the bytes `k..<j` (at most 8 of them take the cache).
        @inline(__always) mutating func name(_ b: Bytes, _ k: Int, _ j: Int) -> String {
            let n = j - k
            guard n <= 8 else { return b.string(k, j) }
            let key: UInt64
            if n > 0, k + 8 <= b.count, let base = b.baseAddress {
                // One load, the bytes past the name cleared.
                let word = UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
                key = n == 8 ? word : word & ((1 << UInt64(8 * n)) - 1)
            } else {
                key = Self.key(b, k, n)
            }
            if key == self.key, n == count { return name }
            return remember(b, k, j, key: key)
        }

        /// The bytes `k..<k + n` (at most 8) as a key, one at a time.
        @inline(never) static func key(_ b: Bytes, _ k: Int, _ n: Int) -> UInt64 {
            var key: UInt64 = 0
            for i in 0..<n { key |= UInt64(b[k + i]) << (8 * UInt64(i)) }
            return key
        }

        /// A name not in the cache: made, and kept for the next label.
        @inline(never) mutating func remember(_ b: Bytes, _ k: Int, _ j: Int, key: UInt64) -> String {
            let made = b.string(k, j)
            self.key = key
            count = j - k
            name = made
            return made
        }
    }

    /// Reads bracket labels after the ID (`[P]`, `[US1]`, `**[P]**`, `[US1,US2]`)
    /// and returns where the description starts.
    static func readLabels(_ b: Bytes, into task: inout SpecTask, from start: Int, end: Int) -> Int {
        var names = StoryNameCache()
        return readLabels(b, into: &task, from: start, end: end, names: &names)
    }

    /// `readLabels`, taking story names from `names` (kept by a reader from task to task).
    static func readLabels(_ b: Bytes, into task: inout SpecTask, from start: Int, end: Int, names: inout StoryNameCache) -> Int {
        readLabels(b, into: &task, from: start, end: end, names: &names, shortcuts: true)
    }

    /// `readLabels`; `shortcuts: false` hands `[P]` and `[US12]` to
    /// `addLabel` like every other label and passes blanks without the early
    /// stop at `[` or a letter (tests compare the two; the caller above passes
    /// the constant, so its copy has no test).
    @inline(__always)
    static func readLabels(
        _ b: Bytes, into task: inout SpecTask, from start: Int, end: Int, names: inout StoryNameCache, shortcuts: Bool
    ) -> Int {
        var k = start
        // The bracket around `[TASK-004]`.
        if k < end, b[k] == UInt8(ascii: "]"), k > 0, b[k - 1] != UInt8(ascii: "[") { k += 1 }
        var colons = 0
        while true {
            // Spaces and emphasis in any mix: `**T001** **[P]**`, `[P]** **[US1]**`;
            // one colon too (`**T001**: [P] …`, `T001: [設定]`).
            var j = k
            while j < end {
                let c = b[j]
                // The bracket of the next label, or a letter of the text: neither is skipped.
                if shortcuts, c == UInt8(ascii: "[") || c.isLetter { break }
                if c.isSpaceOrTab || c == UInt8(ascii: "*") || c == UInt8(ascii: "`") || c == UInt8(ascii: "~") {
                    j += 1
                } else if c == UInt8(ascii: ":"), colons == 0 {
                    colons += 1
                    j += 1
                } else if colons == 0, b.matches("：", at: j, end: end) {
                    colons += 1
                    j += 3
                } else {
                    break
                }
            }
            guard j < end, b[j] == UInt8(ascii: "[") else { break }
            // `[P]`, the most common label, without the search for its
            // bracket and `addLabel` (which would find the same).
            if shortcuts, j + 2 < end, b[j + 1] | 0x20 == UInt8(ascii: "p"), b[j + 2] == UInt8(ascii: "]") {
                if j + 3 < end, b[j + 3] == UInt8(ascii: "(") { break }
                task.parallel = true
                k = j + 3
                continue
            }
            // `[US12]`, one story: what `addLabel` does with it, without its
            // other checks (none of which such a label meets).
            if shortcuts, j + 4 < end, b[j + 1] == UInt8(ascii: "U"), b[j + 2] == UInt8(ascii: "S"), b[j + 3].isDigit {
                var d = j + 4
                while d < end, b[d].isDigit { d += 1 }
                if d < end, d < j + 41, b[d] == UInt8(ascii: "]") {
                    if d + 1 < end, b[d + 1] == UInt8(ascii: "(") { break }
                    let story = names.name(b, j + 1, d)
                    if task.stories.isEmpty || !task.stories.contains(story) { task.stories.append(story) }
                    k = d + 1
                    continue
                }
            }
            // A label is at most 40 bytes: the scan stops at `j + 41` at the latest.
            var close = j + 1
            let limit = min(end, j + 41)
            while close < limit {
                let c = b[close]
                if c == UInt8(ascii: "]") || c == UInt8(ascii: "[") { break }
                close += 1
            }
            guard close < end, b[close] == UInt8(ascii: "]"), close > j + 1 else { break }
            // `[text](link)` is a Markdown link, not a label.
            if close + 1 < end, b[close + 1] == UInt8(ascii: "(") { break }
            addLabel(b, j + 1, close, to: &task, names: &names)
            k = close + 1
        }
        // Separators between the ID or labels and the text: `T001: …`, `**T001** - …`.
        // Emphasis and backticks are skipped only where they close the ID or a
        // label (no space before them): after a space they open the description
        // (`T013 `check` subcommand`, `T006 **(Observability)** Configure …`).
        var j = k
        while j < end, b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: "`") || b[j] == UInt8(ascii: "~") || b[j] == UInt8(ascii: "_") { j += 1 }
        while j < end {
            let c = b[j]
            if c == UInt8(ascii: ":") {
                // `**T004:** Fourth`: emphasis that closes right after the colon.
                j += 1
                while j < end, b[j] == UInt8(ascii: "*") { j += 1 }
            } else if c.isSpaceOrTab {
                j += 1
            } else if b.matches("：", at: j, end: end) {
                j += 3
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

    /// The end of a description at `lo..<hi` without what closes the task's
    /// first line: a `[P]` at its very end (the task is parallel) and emphasis
    /// opened before the ID (`- [x] **任务 1.1: 创建功能分支**`).
    static func descriptionEnd(_ b: Bytes, _ lo: Int, _ hi: Int, into task: inout SpecTask) -> Int {
        var hi = b.trimEnd(lo, hi)
        // A status mark may close the line after the `[P]` (`### Task 4: Write tests [P] ✅`).
        var beforeMarks = hi
        while true {
            if beforeMarks - lo >= 3, b.matches("✅", at: beforeMarks - 3, end: beforeMarks) {
                beforeMarks = b.trimEnd(lo, beforeMarks - 3)
            } else if beforeMarks - lo >= 6, b.matches("[DONE]", at: beforeMarks - 6, end: beforeMarks) {
                beforeMarks = b.trimEnd(lo, beforeMarks - 6)
            } else {
                break
            }
        }
        if beforeMarks - lo >= 3, b[beforeMarks - 1] == UInt8(ascii: "]"), b[beforeMarks - 2] | 0x20 == UInt8(ascii: "p"),
            b[beforeMarks - 3] == UInt8(ascii: "[")
        {
            task.parallel = true
            hi = b.trimEnd(lo, beforeMarks - 3)
        }
        if hi - lo >= 2, b.matches("**", at: hi - 2, end: hi), b.find("**", lo, hi - 2) == nil {
            hi = b.trimEnd(lo, hi - 2)
        }
        return hi
    }

    static func addLabel(_ b: Bytes, _ lo: Int, _ hi: Int, to task: inout SpecTask, names: inout StoryNameCache) {
        // `[2h]`, `[~3d]`, `[est: 2h/4h/8h]` right after the ID: an estimate,
        // the first one in the task's text.
        let first = lo < hi ? b[lo] : 0
        if first.isDigit || first == UInt8(ascii: "~") || first | 0x20 == UInt8(ascii: "e"), lo > 0, hi < b.count,
            let (estimate, span) = findEstimate(b, lo - 1, hi + 1), span == (lo - 1, hi + 1)
        {
            if task.estimate == nil { task.estimate = estimate }
            return
        }
        var lo = b.skipSpaces(lo, hi)
        let hi = b.trimEnd(lo, hi)
        guard lo < hi else { return }
        if hi - lo == 1, b[lo] == UInt8(ascii: "P") || b[lo] == UInt8(ascii: "p") {
            task.parallel = true
            return
        }
        if task.form != .checkbox, task.form != .tableRow, b.matchesLowercase("done", at: lo, end: hi), hi - lo == 4 {
            task.status = .done
            return
        }
        // `- **T001** [X] — …`: a list item or line task's status; in a table
        // row, `| T001 | [x] Write the docs |` (a Status column, read later, wins).
        if task.form == .listItem || task.form == .line || task.form == .tableRow, hi - lo == 1 {
            switch b[lo] {
            case UInt8(ascii: "x"), UInt8(ascii: "X"): task.status = .done; return
            case UInt8(ascii: "/"): task.status = .inProgress; return
            case UInt8(ascii: "~"), UInt8(ascii: "-"): task.status = .skipped; return
            default: break
            }
        }
        // Story labels: `US1`, `US1,US2`, `US1, US2`, `Story: US1`.
        if b.matchesLowercase("story:", at: lo, end: hi) { lo = b.skipSpaces(lo + 6, hi) }
        // Stories go straight into `task.stories` (no temporary array); a label
        // that turns out not to be a story list takes back what it added.
        let before = task.stories.count
        var found = false
        var valid = true
        var k = lo
        while k < hi {
            guard b.matches("US", at: k, end: hi) else { valid = false; break }
            var j = k + 2
            while j < hi, b[j].isDigit { j += 1 }
            guard j > k + 2 else { valid = false; break }
            j = b.storyNumberEnd(j, hi)
            let story = names.name(b, k, j)
            // A first story needs no search (the call alone costs more than the test).
            if task.stories.isEmpty || !task.stories.contains(story) { task.stories.append(story) }
            found = true
            k = j
            while k < hi, b[k] == UInt8(ascii: ",") || b[k].isSpaceOrTab || b[k] == UInt8(ascii: "/") { k += 1 }
        }
        if found, valid, k >= hi { return }
        if task.stories.count > before { task.stories.removeSubrange(before...) }
        task.labels.append(b.string(lo, hi))
    }

    /// Ends the open task: its text is read later, with every other task's
    /// (see `runTextJobs`).
    mutating func closeTask() {
        guard var open = openTask else { return }
        openTask = nil
        open.job.bodyLineEnd = Int32(bodyLines.count)
        let hasBody = open.job.bodyLineEnd > open.job.firstBodyLine
        if hasBody { tasks[Int(open.job.task)].endLine = bodyLines[bodyLines.count - 1].line }
        // A heading, list item or line task's `**Status**:` field lives in its body.
        open.job.heading = open.form != .checkbox && open.form != .tableRow && hasBody
        addTextJob(open.job)
    }

    /// Which kinds of fact a task text may hold, from one cheap pass over its bytes.
    struct TextTriggers: OptionSet {
        let rawValue: UInt8
        /// A clause word of the vocabulary (`RoleSet.clause`, as `scanDependencyClauses` reads them).
        static let keyword = TextTriggers(rawValue: 1)
        /// `(` or `[` before a blank, `~`, a digit or `e`, or a word starting `es`: a possible estimate.
        static let estimate = TextTriggers(rawValue: 2)
        /// `.` or `/`: every path has one.
        static let path = TextTriggers(rawValue: 4)
        /// `@` or `(o`: a possible owner.
        static let owner = TextTriggers(rawValue: 8)
        /// Every trigger: a pass that has found them all can stop.
        static let all: TextTriggers = [.keyword, .estimate, .path, .owner]
    }

    /// Per byte, for `textTriggers`: bit 0 a word byte (ASCII letter, digit,
    /// `_`); bit 1 a letter that may start a clause word of the vocabulary or
    /// `est`; bit 2 a byte that matters anywhere (`(` `[` `.` `/` `@`, the
    /// first byte of a clause word in another script).
    static let triggerClasses: [UInt8] = (0..<256).map { i in
        let c = UInt8(i)
        var cls: UInt8 = c.isWordByte ? 1 : 0
        if c.isLetter, DependencyVocabulary.mayStartWord(c) || c | 0x20 == UInt8(ascii: "e") { cls |= 2 }
        if "([./@".utf8.contains(c) || DependencyVocabulary.isLeadByte(c) || DocumentParser.isEstimateLeadByte(c) { cls |= 4 }
        return cls
    }

    /// One pass over a task's text that decides which of the detailed scans can
    /// find anything. Most task lines name a path and nothing else, so the
    /// clause, estimate and owner scans usually never run.
    ///
    /// Every trigger is a necessary condition of the scan it gates: the
    /// keyword trigger is a clause word of the vocabulary (a word start that
    /// `DependencyVocabulary.mayStart` lets through, or a character of another
    /// script, that `match` finds a clause word at), an
    /// estimate starts at `(`/`[` before a blank, `~`, a digit or `e`, or at a
    /// word `est…`; a path holds `.` or `/`; an
    /// owner needs `@` or `(owner:`.
    /// - Complexity: O(hi - lo).
    ///
    /// Also returns where the first keyword trigger is (`hi` when none): the
    /// first clause word, where `scanDependencyClauses` starts (its
    /// `firstWord`); and where the
    /// first estimate trigger is (`hi` when none): no estimate of
    /// `findEstimate` starts before it; and where the first `.` or `/` is
    /// (`hi` when none), for `findPaths`.
    func textTriggers(_ b: Bytes, _ lo: Int, _ hi: Int) -> (triggers: TextTriggers, firstKeyword: Int, firstEstimate: Int, firstPath: Int) {
        Self.textTriggers(b, lo, hi, classes: Self.triggerTable, starts: DependencyVocabulary.clauseStarts, words: .current)
    }

    /// `triggerClasses` in an immortal buffer: the readers take it once and
    /// pass it on, with no array access and no lazy-initialisation check per task.
    nonisolated(unsafe) static let triggerTable: UnsafeBufferPointer<UInt8> = {
        let table = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256)
        _ = table.initialize(from: triggerClasses)
        return UnsafeBufferPointer(table)
    }()

    /// `textTriggers` with its tables given (`triggerTable`,
    /// `DependencyVocabulary.clauseStarts` and the vocabulary's tables), for a
    /// caller that reads many texts.
    ///
    /// Up to 64 bytes per round (`cbyteclasses_trigger_masks`, where the
    /// machine has AVX2; elsewhere `textTriggersScalar`), giving what
    /// `textTriggersScalar` gives: the bytes it looks at are the word starts
    /// whose class has bit 1 and the bytes whose class has bit 2; the masks
    /// narrow them to ASCII letters at a word start and to `(` `[` `@` and
    /// the first bytes of characters of other scripts (the classes table
    /// decides at each), lowest first, and `.` `/` are found from their mask
    /// alone. A round that would read past the buffer reads a copy. Stops
    /// once every trigger is found.
    /// - Complexity: O(hi - lo): a few vector operations per 32 bytes, and a
    ///   look at each candidate (about one a word).
    @inline(__always)
    static func textTriggers(
        _ b: Bytes, _ lo: Int, _ hi: Int, classes: UnsafeBufferPointer<UInt8>, starts clauseStarts: DependencyVocabulary.ClauseStarts,
        words: DependencyVocabulary.Tables
    ) -> (triggers: TextTriggers, firstKeyword: Int, firstEstimate: Int, firstPath: Int) {
        guard lo < hi, let base = b.baseAddress else { return ([], hi, hi, hi) }
        guard cbyteclasses_available() != 0 else {
            return textTriggersScalar(b, lo, hi, classes: classes, starts: clauseStarts, words: words)
        }
        var t: UInt8 = 0
        var firstKeyword = hi
        var firstEstimate = hi
        var firstPath = hi
        var k = lo
        // Whether the byte before `k` is a word byte (the text's first is after none).
        var wordBefore: Int32 = 0
        while true {
            let n = min(hi &- k, 64)
            // Bit `i` of each mask is about byte `k + i`, none from `n` on.
            let masks =
                k &+ ((n &+ 31) & ~31) <= b.count
                ? cbyteclasses_trigger_masks(base + k, Int32(truncatingIfNeeded: n), wordBefore)
                : paddedTriggerMasks(b, k, hi, wordBefore: wordBefore)
            if masks.dotOrSlash != 0, t & TextTriggers.path.rawValue == 0 {
                firstPath = k &+ masks.dotOrSlash.trailingZeroBitCount
                t |= TextTriggers.path.rawValue
            }
            var candidates = masks.candidates
            while candidates != 0 {
                let i = k &+ candidates.trailingZeroBitCount
                candidates &= candidates &- 1
                let c = b[i]
                let cls = classes[Int(c)]
                if cls & 2 != 0 {
                    // A letter that starts a word (bit 1 marks only letters).
                    guard i &+ 1 < hi else { continue }
                    let lower = c | 0x20
                    if lower <= UInt8(ascii: "e"), lower >= UInt8(ascii: "d"), t & TextTriggers.estimate.rawValue == 0 {
                        // `est…`, or a field of effort or duration (`Effort:`, `Duration:`).
                        if lower == UInt8(ascii: "e") && b[i &+ 1] | 0x20 == UInt8(ascii: "s")
                            || DocumentParser.mayStartEffortKeyword(b, i, hi) && DocumentParser.startsField(b, i, lo)
                                && DocumentParser.effortKeywordEnd(b, i, hi) != nil
                        {
                            firstEstimate = i
                            t |= TextTriggers.estimate.rawValue
                        }
                    }
                    if t & TextTriggers.keyword.rawValue == 0, DependencyVocabulary.mayStart(b, i, hi, clauseStarts),
                        DependencyVocabulary.match(b, i, lo, hi, roles: .clause, declared: false, words) != nil
                    {
                        firstKeyword = i
                        t |= TextTriggers.keyword.rawValue
                    }
                } else if cls & 4 != 0 {
                    if c >= 0x80 {
                        // The first byte of a clause word in another script (`依`, `並`, `п`, `의`).
                        if t & TextTriggers.keyword.rawValue == 0,
                            DependencyVocabulary.match(b, i, lo, hi, roles: .clause, declared: false, words) != nil
                        {
                            firstKeyword = i
                            t |= TextTriggers.keyword.rawValue
                        }
                        // An estimate keyword of another script (`预估工时:`).
                        if t & TextTriggers.estimate.rawValue == 0, DocumentParser.cjkEstimateKeywordEnd(b, i, hi) != nil {
                            firstEstimate = i
                            t |= TextTriggers.estimate.rawValue
                        }
                    } else if c == UInt8(ascii: "@") {
                        t |= TextTriggers.owner.rawValue
                    } else if i &+ 1 < hi {
                        // `(` or `[`: as in `textTriggersScalar`.
                        let next = b[i &+ 1]
                        if next.isDigit || next.isSpaceOrTab || next == UInt8(ascii: "~") || next | 0x20 == UInt8(ascii: "e") {
                            if t & TextTriggers.estimate.rawValue == 0 { firstEstimate = i }
                            t |= TextTriggers.estimate.rawValue
                        }
                        if c == UInt8(ascii: "("), next | 0x20 == UInt8(ascii: "o") { t |= TextTriggers.owner.rawValue }
                    }
                }
            }
            if t == TextTriggers.all.rawValue || hi &- k <= 64 { break }
            wordBefore = Int32(truncatingIfNeeded: classes[Int(b[k &+ 63])] & 1)
            k &+= 64
        }
        return (TextTriggers(rawValue: t), firstKeyword, firstEstimate, firstPath)
    }

    /// `cbyteclasses_trigger_masks` of the bytes `k..<min(hi, k + 64)` when
    /// it would read past the end of `b`: it reads a copy.
    @inline(never)
    static func paddedTriggerMasks(_ b: Bytes, _ k: Int, _ hi: Int, wordBefore: Int32) -> CTriggerMasks {
        let n = min(hi - k, 64)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { copy in
            _ = copy.initialize(from: repeatElement(0, count: 64))
            _ = UnsafeMutableBufferPointer(rebasing: copy[..<n]).update(fromContentsOf: b[k..<k + n])
            return cbyteclasses_trigger_masks(copy.baseAddress!, Int32(n), wordBefore)
        }
    }

    /// `textTriggers` one byte at a time: what a machine without AVX2 runs,
    /// and the reference the vector loop is tested against.
    static func textTriggersScalar(
        _ b: Bytes, _ lo: Int, _ hi: Int, classes: UnsafeBufferPointer<UInt8>, starts clauseStarts: DependencyVocabulary.ClauseStarts,
        words: DependencyVocabulary.Tables
    ) -> (triggers: TextTriggers, firstKeyword: Int, firstEstimate: Int, firstPath: Int) {
        do {
            var t: UInt8 = 0
            var firstKeyword = hi
            var firstEstimate = hi
            var firstPath = hi
            /// Whether a clause word starts at `k` (what `scanDependencyClauses`'
            /// prefilter, `DependencyVocabulary.firstWordStart`, looks up at each
            /// candidate it keeps): the keyword trigger is set at the first one.
            @inline(__always) func isClauseWord(_ k: Int) -> Bool {
                DependencyVocabulary.match(b, k, lo, hi, roles: .clause, declared: false, words) != nil
            }
            /// The byte at `k`, whose class is in the triggers' bits (`cls & 6`
            /// at a word start, `cls & 4` elsewhere: letters matter only at a word start).
            @inline(__always) func trigger(_ k: Int, _ c: UInt8, wordStart: Bool) {
                switch c {
                case UInt8(ascii: "("), UInt8(ascii: "["):
                    // A bracket starts an estimate only before a blank, `~`, a
                    // digit or `est` (`findEstimate`): `(depends on …)`, `[P]` start none.
                    if k + 1 < hi {
                        let next = b[k + 1]
                        if next.isDigit || next.isSpaceOrTab || next == UInt8(ascii: "~") || next | 0x20 == UInt8(ascii: "e") {
                            if t & TextTriggers.estimate.rawValue == 0 { firstEstimate = k }
                            t |= TextTriggers.estimate.rawValue
                        }
                        if c == UInt8(ascii: "("), next | 0x20 == UInt8(ascii: "o") { t |= TextTriggers.owner.rawValue }
                    }
                case UInt8(ascii: "."), UInt8(ascii: "/"):
                    if t & TextTriggers.path.rawValue == 0 { firstPath = k }
                    t |= TextTriggers.path.rawValue
                case UInt8(ascii: "@"):
                    t |= TextTriggers.owner.rawValue
                case 0x80...0xFF, UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                    if c >= 0x80 {
                        // The first byte of a clause word in another script (`依`, `並`, `п`, `의`).
                        if t & TextTriggers.keyword.rawValue == 0, isClauseWord(k) {
                            firstKeyword = k
                            t |= TextTriggers.keyword.rawValue
                        }
                        // An estimate keyword of another script (`预估工时:`).
                        if t & TextTriggers.estimate.rawValue == 0, DocumentParser.cjkEstimateKeywordEnd(b, k, hi) != nil {
                            firstEstimate = k
                            t |= TextTriggers.estimate.rawValue
                        }
                    } else if wordStart, k + 1 < hi {
                        if c | 0x20 == UInt8(ascii: "e"), b[k + 1] | 0x20 == UInt8(ascii: "s") {
                            if t & TextTriggers.estimate.rawValue == 0 { firstEstimate = k }
                            t |= TextTriggers.estimate.rawValue
                        } else if t & TextTriggers.estimate.rawValue == 0, DocumentParser.mayStartEffortKeyword(b, k, hi),
                            DocumentParser.startsField(b, k, lo), DocumentParser.effortKeywordEnd(b, k, hi) != nil
                        {
                            firstEstimate = k
                            t |= TextTriggers.estimate.rawValue
                        }
                        if t & TextTriggers.keyword.rawValue == 0, DependencyVocabulary.mayStart(b, k, hi, clauseStarts), isClauseWord(k) {
                            firstKeyword = k
                            t |= TextTriggers.keyword.rawValue
                        }
                    }
                default:
                    break
                }
            }
            // At the top of the loop `k` is a word start (`lo`, or the byte
            // before is no word byte). The rest of a word is skipped with one
            // table load per byte: a word byte after the first is never a
            // trigger; the byte ending the word is looked at as no word start.
            var k = lo
            while k < hi {
                let c = b[k]
                let cls = classes[Int(c)]
                if cls & 6 != 0 { trigger(k, c, wordStart: true) }
                k += 1
                guard cls & 1 != 0 else { continue }
                // Four bytes per bound check while four remain.
                while hi &- k >= 4 {
                    guard classes[Int(b[k])] & 1 != 0 else { break }
                    guard classes[Int(b[k &+ 1])] & 1 != 0 else { k &+= 1; break }
                    guard classes[Int(b[k &+ 2])] & 1 != 0 else { k &+= 2; break }
                    guard classes[Int(b[k &+ 3])] & 1 != 0 else { k &+= 3; break }
                    k &+= 4
                }
                while k < hi, classes[Int(b[k])] & 1 != 0 { k += 1 }
                guard k < hi else { break }
                let end = b[k]
                if classes[Int(end)] & 4 != 0 { trigger(k, end, wordStart: false) }
                k += 1
            }
            return (TextTriggers(rawValue: t), firstKeyword, firstEstimate, firstPath)
        }
    }

    /// The status the checklist steps of a task's body give (`- [x] …` lines
    /// of `lo..<hi`, a text whose lines are joined by newlines): done when
    /// every step is checked, in progress when some are, nil when none is
    /// checked or there are no steps.
    static func checklistStatus(_ b: Bytes, _ lo: Int, _ hi: Int) -> TaskStatus? {
        var checked = 0
        var open = 0
        var k = lo
        while let newline = b.firstIndex(of: 0x0A, k, hi) {
            var j = b.skipSpaces(newline + 1, hi)
            k = newline + 1
            guard j + 1 < hi, b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: "+"), b[j + 1].isSpaceOrTab
            else { continue }
            j = b.skipSpaces(j + 1, hi)
            guard j + 2 < hi, b[j] == UInt8(ascii: "["), b[j + 2] == UInt8(ascii: "]") else { continue }
            switch b[j + 1] {
            case UInt8(ascii: "x"), UInt8(ascii: "X"): checked += 1
            case UInt8(ascii: " "): open += 1
            default: break
            }
        }
        guard checked > 0 else { return nil }
        return open == 0 ? .done : .inProgress
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
        if b.matchesLowercase("status", at: j, end: hi) {
            j += 6
        } else if let name = Vocabulary.statusFieldNames.first(where: { b.matchesLowercase($0, at: j, end: hi) }) {
            // `**Estado**: Hecho`, `**状态**：已完成`: in other languages the field needs its colon.
            var c = j + name.utf8CodeUnitCount
            while c < hi, b[c] == UInt8(ascii: "*") || b[c].isSpaceOrTab { c += 1 }
            guard c < hi, b[c] == UInt8(ascii: ":") || b.matches("：", at: c, end: hi) else { return nil }
            j = b[c] == UInt8(ascii: ":") ? c + 1 : c + 3
        } else {
            return nil
        }
        while j < hi, b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: ":") || b[j].isSpaceOrTab { j += 1 }
        return j
    }

    /// Maps a status word (`done`, `✅`, `in progress`, `skipped`) to a status; nil when unknown.
    func statusWord(_ b: Bytes, _ lo: Int, _ hi: Int) -> TaskStatus? {
        var k = b.skipSpaces(lo, hi)
        while k < hi, b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "`") { k += 1 }
        // A checkbox written as the status: `[x]`, `[/]`, `[-]`, `[ ]`.
        if k + 2 < hi, b[k] == UInt8(ascii: "["), b[k + 2] == UInt8(ascii: "]") {
            switch b[k + 1] {
            case UInt8(ascii: " "): return .todo
            case UInt8(ascii: "x"), UInt8(ascii: "X"): return .done
            case UInt8(ascii: "~"), UInt8(ascii: "-"): return .skipped
            case UInt8(ascii: "/"): return .inProgress
            default: break
            }
        }
        while k < hi, b[k] == UInt8(ascii: "[") { k += 1 }
        for (word, status) in Vocabulary.statusWords where b.matchesLowercase(word, at: k, end: hi) {
            let e = k + word.byteCount
            if word.utf8Start[0] >= 0x80 || b.isWordEnd(e, hi) { return status }
        }
        for (word, status) in Vocabulary.statusWordsOfOtherLanguages where b.matchesLowercase(word, at: k, end: hi) {
            let e = k + word.byteCount
            if word.utf8Start[0] >= 0x80 || b.isWordEnd(e, hi) { return status }
        }
        return nil
    }
}

extension Vocabulary {
    /// Names of a `Status` field in other languages (lowercase ASCII letters).
    static let statusFieldNames: [StaticString] = [
        "estado", "situação", "statut", "zustand", "状态", "狀態", "状態", "ステータス", "상태", "статус", "Статус",
    ]

    /// Status values of a `Status` field or column in Spanish, Portuguese,
    /// French, German, Korean, Russian, Japanese and Chinese (lowercase ASCII letters).
    static let statusWordsOfOtherLanguages: [(StaticString, TaskStatus)] = [
        ("hecho", .done), ("completado", .done), ("completada", .done), ("terminado", .done), ("terminada", .done),
        ("concluído", .done), ("concluido", .done), ("concluída", .done), ("concluida", .done), ("feito", .done),
        ("finalizado", .done), ("finalizada", .done), ("terminé", .done), ("fait", .done), ("erledigt", .done),
        ("fertig", .done), ("abgeschlossen", .done), ("완료", .done), ("готово", .done), ("Готово", .done),
        ("выполнено", .done), ("Выполнено", .done), ("завершено", .done), ("Завершено", .done),
        ("en progreso", .inProgress), ("en curso", .inProgress), ("em andamento", .inProgress),
        ("em progresso", .inProgress), ("en cours", .inProgress), ("in bearbeitung", .inProgress),
        ("in arbeit", .inProgress), ("진행 중", .inProgress), ("진행중", .inProgress), ("в работе", .inProgress),
        ("В работе", .inProgress), ("作業中", .inProgress), ("実装中", .inProgress), ("開発中", .inProgress),
        ("pendiente", .todo), ("pendente", .todo), ("por hacer", .todo), ("a fazer", .todo), ("à faire", .todo),
        ("offen", .todo), ("ausstehend", .todo), ("대기", .todo), ("미착수", .todo), ("예정", .todo), ("未完成", .todo),
        ("待处理", .todo), ("未実装", .todo),
        ("omitido", .skipped), ("cancelado", .skipped), ("cancelada", .skipped), ("annulé", .skipped),
        ("abgebrochen", .skipped), ("übersprungen", .skipped), ("취소", .skipped), ("отменено", .skipped),
        ("Отменено", .skipped), ("已取消", .skipped), ("スキップ", .skipped), ("中止", .skipped),
    ]
}
