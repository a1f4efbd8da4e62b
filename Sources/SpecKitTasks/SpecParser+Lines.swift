/// Line splitting, encoding checks, front matter, fences and HTML comments.
extension DocumentParser {
    /// Reports the first invalid UTF-8 sequence and the first NUL byte, once each.
    mutating func checkEncoding() {
        diagnostics.insert(contentsOf: Self.encodingDiagnostics(bytes), at: 0)
    }

    /// The diagnostics of `checkEncoding`; reads only `b`, so it may run
    /// beside the line scan (which never changes a non-ASCII byte or a NUL).
    ///
    /// - Complexity: O(n), with an ASCII fast path of 128 bytes at a time.
    static func encodingDiagnostics(_ b: Bytes) -> [Diagnostic] {
        let n = b.count
        var i = 0
        var badUTF8: Int?
        var nul: Int?
        while i < n {
            // 128 bytes at a time while they are plain ASCII with no NUL, as
            // eight vectors of bytes: `c &- 1` is 0x7F or above exactly where
            // `c` is a NUL or 0x80 or above, so the largest of them over the
            // block (one subtraction and one maximum a vector) says whether
            // any byte is either: `m | (m &+ 1)` has its high bit set exactly
            // where `m` is 0x7F or above (0xFF wraps to 0, but is 0xFF).
            while i + 128 <= n {
                let p = UnsafeRawPointer(b.baseAddress! + i)
                let ones = SIMD16<UInt8>(repeating: 1)
                var largest = SIMD16<UInt8>(repeating: 0)
                for k in 0..<8 {
                    largest = pointwiseMax(largest, p.loadUnaligned(fromByteOffset: 16 * k, as: SIMD16<UInt8>.self) &- ones)
                }
                let flags = unsafeBitCast(largest | (largest &+ ones), to: SIMD2<UInt64>.self)
                guard (flags[0] | flags[1]) & 0x8080_8080_8080_8080 == 0 else { break }
                i += 128
            }
            // Then eight bytes at a time up to the byte that stopped it (the
            // lowest flagged byte of a word is a NUL or 0x80 or above), so
            // that the block is not read again for every word before it.
            while i + 8 <= n {
                let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let flags = ((word &- 0x0101_0101_0101_0101) | word) & 0x8080_8080_8080_8080
                guard flags == 0 else {
                    i += flags.trailingZeroBitCount >> 3
                    break
                }
                i += 8
            }
            guard i < n else { break }
            let c = b[i]
            if c == 0 {
                if nul == nil { nul = i }
                i += 1
                continue
            }
            if c < 0x80 {
                i += 1
                continue
            }
            let length = utf8SequenceLength(b, at: i)
            if length == 0 {
                if badUTF8 == nil { badUTF8 = i }
                i += 1
            } else {
                i += length
            }
            if badUTF8 != nil && nul != nil { break }
        }
        var found: [Diagnostic] = []
        if let bad = badUTF8 {
            found.append(
                Diagnostic(
                    .invalidUTF8, "invalid UTF-8 byte 0x\(String(b[bad], radix: 16, uppercase: true)); the text is read with replacement characters",
                    at: locationByCounting(b, bad)))
        }
        if let nul {
            found.append(
                Diagnostic(.unreadable, "the file contains NUL bytes; it looks like a binary file, not Markdown", at: locationByCounting(b, nul)))
        }
        return found
    }

    /// The length of the valid UTF-8 sequence at `i`, or 0 when it is invalid.
    static func utf8SequenceLength(_ b: Bytes, at i: Int) -> Int {
        let n = b.count
        let c = b[i]
        let length: Int
        var lo: UInt8 = 0x80
        var hi: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; hi = 0x9F
        case 0xF0: length = 4; lo = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; hi = 0x8F
        default: return 0
        }
        guard i + length <= n else { return 0 }
        guard b[i + 1] >= lo, b[i + 1] <= hi else { return 0 }
        for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// Line and column of a byte offset, by counting newlines (used once per file).
    static func locationByCounting(_ b: Bytes, _ offset: Int) -> SourceLocation {
        var line: Int32 = 1
        var start = 0
        for k in 0..<offset where b[k] == 0x0A {
            line += 1
            start = k + 1
        }
        return SourceLocation(line: line, column: Int32(offset - start + 1))
    }

    /// Walks the document line by line and hands every visible line to `handleLine`.
    mutating func scanLines() {
        let b = bytes
        let n = b.count
        var i = 0
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        // YAML front matter: `---` on the first line, closed by `---` or `...`.
        var frontMatterEnd: Int32 = 0
        if isFrontMatterFence(from: i, dotsToo: false) {
            var j = nextLine(after: i)
            var line: Int32 = 2
            while j < n {
                if isFrontMatterFence(from: j, dotsToo: true) {
                    frontMatterEnd = line
                    break
                }
                j = nextLine(after: j)
                line += 1
            }
        }
        while i < n {
            let end = b.firstIndex(of: 0x0A, i, n) ?? n
            let next = end < n ? end + 1 : end
            var contentEnd = end
            if contentEnd > i, b[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            lineNumber += 1
            lineStart = i
            if lineNumber > frontMatterEnd {
                // Most lines are outside comments and fences, start with no
                // blank, backtick or tilde (so open no fence) and hold no `<`
                // (the next one, found before, lies past them): what
                // `handleRawLine` would hand over as it is.
                if !inComment, fences.isEmpty, nextAngle >= contentEnd, i < contentEnd, Self.mayStartPlainLine(b[i]) {
                    handleLine(i, contentEnd)
                } else {
                    handleRawLine(i, contentEnd)
                }
            }
            i = next
        }
        // A final newline does not start another line.
        closeTask()
        countDirectTasks()
        if !fences.isEmpty, fenceHiddenTasks > 0 {
            diagnostics.append(
                Diagnostic(
                    .unclosedFence,
                    "this code fence is never closed, so the \(fenceHiddenTasks == 1 ? "task-like line" : "\(fenceHiddenTasks) task-like lines") below it \(fenceHiddenTasks == 1 ? "is" : "are") read as code, not as tasks; close it with a line of the same fence characters",
                    at: fenceStart))
        }
    }

    /// Whether a line starting with `c` may skip `handleRawLine`'s fence
    /// check: not a blank (the check looks past them), a backtick or a tilde.
    @inline(__always) static func mayStartPlainLine(_ c: UInt8) -> Bool {
        c != UInt8(ascii: " ") && c != 0x09 && c != UInt8(ascii: "`") && c != UInt8(ascii: "~")
    }

    /// Each heading's `directTasks`, from the heading every task sits under:
    /// one pass when the scan ends instead of a write per task line.
    /// Tasks stand in runs under one heading: a run is counted with one write.
    mutating func countDirectTasks() {
        let taskHeading = taskHeading
        headings.withUnsafeMutableBufferPointer { headings in
            taskHeading.withUnsafeBufferPointer { under in
                var k = 0
                while k < under.count {
                    let h = under[k]
                    var j = k + 1
                    while j < under.count, under[j] == h { j += 1 }
                    if h >= 0 { headings[Int(h)].directTasks += Int32(truncatingIfNeeded: j - k) }
                    k = j
                }
            }
        }
    }

    func nextLine(after i: Int) -> Int {
        let b = bytes
        var j = i
        while j < b.count, b[j] != 0x0A { j += 1 }
        return j < b.count ? j + 1 : j
    }

    func isFrontMatterFence(from i: Int, dotsToo: Bool) -> Bool {
        let b = bytes
        var end = i
        while end < b.count, b[end] != 0x0A { end += 1 }
        end = b.trimEnd(i, end)
        guard end - i == 3 else { return false }
        return b.matches("---", at: i, end: end) || (dotsToo && b.matches("...", at: i, end: end))
    }

    /// Fences and comments first; what is left is Markdown content.
    mutating func handleRawLine(_ lo: Int, _ hi: Int) {
        let b = bytes
        var lo = lo
        if inComment {
            guard let close = find("-->", lo, hi) else { return }
            // Nothing reads a line before its `lo`: the comment's tail needs
            // blanking only when the line goes on with content.
            if !isBlank(close + 3, hi) { blank(lo, close + 3) }
            inComment = false
            lo = close + 3
        }
        let p = b.skipSpaces(lo, hi)
        if !fences.isEmpty {
            let (marker, count) = fences[fences.count - 1]
            var k = p
            while k < hi, b[k] == marker { k += 1 }
            if k - p >= count {
                if b.skipSpaces(k, hi) == hi {
                    fences.removeLast()
                    if fences.isEmpty { mermaidFence = false }
                } else if k - p >= 3 {
                    // ```mermaid inside a ```markdown example: authors nest fences
                    // and mean the inner bare ``` to close the inner one only.
                    fences.append((marker, k - p))
                }
                return
            }
            if mermaidFence, fences.count == 1, inDeclaredSection {
                parseMermaidLine(lo, hi)
            }
            if p < hi, case .task = Self.recognizeCheckbox(b, p, b.trimEnd(p, hi)) { fenceHiddenTasks += 1 }
            return
        }
        if p + 3 <= hi, b[p] == UInt8(ascii: "`") || b[p] == UInt8(ascii: "~") {
            let marker = b[p]
            var k = p
            while k < hi, b[k] == marker { k += 1 }
            if k - p >= 3, marker == UInt8(ascii: "~") || find("`", k, hi) == nil {
                fences.append((marker, k - p))
                fenceStart = location(p)
                fenceHiddenTasks = 0
                previousLineBlank = true  // a fence is a block of its own: no lazy continuation across it
                let info = b.skipSpaces(k, hi)
                mermaidFence = b.matchesLowercase("mermaid", at: info, end: hi)
                if mermaidFence, !mermaidLabels.isEmpty { mermaidLabels = [:] }
                return
            }
        }
        // HTML comments: blank them so no later pass sees their text. A line
        // that is only comments and blanks reads as a blank line, which needs
        // no write (and so no copy of the document).
        // Most lines have no `<` at all: the next `<` of the document, found
        // with one memchr, settles every line before it (blanking a comment
        // only ever removes a `<`, so a line past it holds none either).
        if nextAngle < lo { nextAngle = b.firstIndex(of: UInt8(ascii: "<"), lo, b.count) ?? b.count }
        guard nextAngle < hi, let first = find("<!--", lo, hi) else {
            handleLine(lo, hi)
            return
        }
        if isBlank(lo, first) {
            var k = first
            var onlyComments = true
            while onlyComments, let open = find("<!--", k, hi) {
                guard isBlank(k, open) else { onlyComments = false; break }
                guard let close = find("-->", open + 4, hi) else { k = hi; break }
                k = close + 3
            }
            if onlyComments, isBlank(k, hi) {
                // The same scan as the blanking loop below: an unclosed `<!--` opens a comment.
                var j = first
                while let open = find("<!--", j, hi) {
                    guard let close = find("-->", open + 4, hi) else { inComment = true; break }
                    j = close + 3
                }
                handleLine(lo, lo)
                return
            }
        }
        var k = lo
        while let open = find("<!--", k, hi) {
            if let close = find("-->", open + 4, hi) {
                blank(open, close + 3)
                k = close + 3
            } else {
                blank(open, hi)
                inComment = true
                break
            }
        }
        handleLine(lo, hi)
    }

    func find(_ needle: StaticString, _ lo: Int, _ hi: Int) -> Int? {
        bytes.find(needle, lo, hi)
    }

    /// Overwrites `lo..<hi` with spaces, copying the document first if it is still the caller's.
    mutating func blank(_ lo: Int, _ hi: Int) {
        if !ownsText {
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.count)
            _ = copy.initialize(from: UnsafeBufferPointer(text))
            text = copy
            ownsText = true
        }
        for k in lo..<hi { text[k] = 0x20 }
    }

    /// Frees the private copy, if `blank` made one. The parser must not be used afterwards.
    mutating func releaseCopy() {
        if ownsText { text.deallocate() }
        ownsText = false
    }

    /// Whether `lo..<hi` holds only spaces and tabs.
    func isBlank(_ lo: Int, _ hi: Int) -> Bool {
        bytes.skipSpaces(lo, hi) >= hi
    }

    var inDeclaredSection: Bool { headingStack.last?.declared ?? false }
    var inExcludedSection: Bool { headingStack.last?.excluded ?? false }

    /// Indentation width in columns (a tab counts 4) and the first non-blank offset.
    func indentation(_ lo: Int, _ hi: Int) -> (width: Int, first: Int) {
        let b = bytes
        var width = 0
        var k = lo
        while k < hi, b[k].isSpaceOrTab {
            width += b[k] == 0x09 ? 4 - width % 4 : 1
            k += 1
        }
        return (width, k)
    }

    /// One visible Markdown line: headings, task lines, table rows, body and statements.
    ///
    /// The parser's own non-mutating helpers called here for every line are
    /// inlined (`@inline(__always)`) or static: a call of an instance method
    /// from a mutating one copied the whole parser (about 570 bytes) to pass
    /// it as `self`.
    mutating func handleLine(_ lo: Int, _ hi: Int) {
        let b = bytes
        let (indent, p) = indentation(lo, hi)
        let end = b.trimEnd(p, hi)
        if p >= end {
            if table != nil { table = nil }
            previousLineBlank = true
            return
        }
        let afterBlank = previousLineBlank
        previousLineBlank = false
        if b[p] == UInt8(ascii: "#"), let level = headingLevel(p, end) {
            table = nil
            closeTask()
            handleHeading(p, end, level: level)
            return
        }
        if b[p] == UInt8(ascii: "|") {
            if handleTableRow(p, end, indent: indent) { return }
        } else if table != nil {
            table = nil
        }
        switch Self.recognizeCheckbox(b, p, end) {
        case .task(let item):
            // `## T-01: Schema` then `- [x] **T-01 done**`: a checkbox that
            // repeats a heading task's ID is that task's status, in its body.
            if let open = openTask, open.form == .heading, taskIDKey[Int(open.job.task)] == idTable.find(b, item.idStart, item.idEnd) {
                tasks[Int(open.job.task)].status = item.status
                bodyLines.append(BodyLine(start: item.idEnd, end: end, line: lineNumber, lineStart: lineStart))
                return
            }
            // `### T007: Implement X`, then `- [ ] **T002 tests pass**` among its
            // acceptance criteria: a checkbox naming a task written above, inside
            // the body of a heading or line task, is a checklist step of that
            // body (about T002), not a second definition of T002.
            if let open = openTask, open.form == .heading || open.form == .line, isDefined((item.idStart, item.idEnd)) {
                bodyLines.append(BodyLine(start: p, end: end, line: lineNumber, lineStart: lineStart))
                return
            }
            closeTask()
            startCheckboxTask(item, indent: indent, end: end)
            return
        case .suspicious(let column, let box):
            handleSuspiciousLine(column: column, box: box, indent: indent, end: end)
            return
        case .plain(let item):
            // Shape 7: in a document without IDs, a checkbox item under a
            // heading is a task; one indented below such a task is its step.
            let looseSection = headingStack.last.map { !$0.noLooseTasks } ?? false
            if looseSection, !(openTask.map { $0.form == .checkbox && indent > $0.indent } ?? false) {
                if generatedIDs {
                    closeTask()
                    startGeneratedTask(item, indent: indent, end: end)
                    return
                }
                plainCheckboxes += 1
            }
        case .none:
            // Shapes 4 and 5: a list item starting with a bold ID, a line starting with an ID.
            if !generatedIDs, !(headingStack.last?.noLooseTasks ?? false) {
                if let id = Self.recognizeBoldListItem(b, p, end) {
                    closeTask()
                    startLooseTask(p, id, indent: indent, end: end, form: .listItem)
                    return
                }
                // A line about a task already defined (`T001: must land before T002`)
                // is prose, not a second definition.
                if indent < 4, !startsBlock(p, end), let id = Self.recognizeIDLine(b, p, end, afterLineTask: openTask?.form == .line),
                    !isDefined(id)
                {
                    closeTask()
                    startLooseTask(p, id, indent: indent, end: end, form: .line)
                    return
                }
            }
        }
        if let task = openTask {
            let isCheckpoint = Self.checkpointText(b, p, end) != nil
            // A checkbox task's body: lines indented deeper than its marker,
            // and lines right below it that start no block of their own (a
            // lazy continuation: the body ends at a blank line followed by a
            // line that is not indented).
            let continues = task.form == .heading || task.form == .line
                ? !isCheckpoint && !isThematicBreak(p, end)
                : indent > task.indent
                    || (!afterBlank && !isCheckpoint && !isThematicBreak(p, end) && !startsBlock(p, end))
            if continues {
                bodyLines.append(BodyLine(start: p, end: end, line: lineNumber, lineStart: lineStart))
                return
            }
            closeTask()
        }
        handlePlainLine(p, end)
    }

    /// A line that looks like a task but is none (`unparsed-line`); in shape
    /// 7, a checkbox item whose ID is of no shape read is a task. Out of
    /// line: in `handleLine` its code made every call copy the parser.
    @inline(never) mutating func handleSuspiciousLine(column: Int, box: TaskLineItem?, indent: Int, end: Int) {
        let b = bytes
        // Shape 7 also takes a checkbox item whose ID is of no shape read
        // (`- [ ] T1.1: Review`): a document of such IDs yields its tasks,
        // each named by its line, instead of none.
        let looseSection = headingStack.last.map { !$0.noLooseTasks } ?? false
        let shapeSeven = box != nil && looseSection && !(openTask.map { $0.form == .checkbox && indent > $0.indent } ?? false)
        if let box, shapeSeven, generatedIDs {
            closeTask()
            // Once, at the first such task: the document writes its IDs so throughout.
            if !reportedUnreadIDs {
                reportedUnreadIDs = true
                var idEnd = column
                while idEnd < end, idEnd - column < 24, b[idEnd].isAlnum || b[idEnd] == UInt8(ascii: ".") || b[idEnd] == UInt8(ascii: "-") {
                    idEnd += 1
                }
                while idEnd > column, b[idEnd - 1] == UInt8(ascii: ".") { idEnd -= 1 }
                let id = b.string(column, idEnd)
                diagnostics.append(
                    Diagnostic(
                        .unparsedLine,
                        "task IDs such as `\(id)` are not ones specgraph reads (a letter and two or more digits, such as T012); such tasks are named after their lines (this one L\(lineNumber))",
                        at: SourceLocation(line: lineNumber, column: Int32(column - lineStart + 1))))
            }
            startGeneratedTask(box, indent: indent, end: end)
            return
        }
        if shapeSeven { plainCheckboxes += 1 }
        closeTask()
        diagnostics.append(
            Diagnostic(
                .unparsedLine, "this line looks like a task but has no valid task ID or checkbox",
                at: SourceLocation(line: lineNumber, column: Int32(column - lineStart + 1))))
    }

    /// Whether a task with the ID at `id` was read already.
    @inline(__always) func isDefined(_ id: (start: Int, end: Int)) -> Bool {
        let b = bytes
        if b.taskIDEnd(at: id.start, end: id.end) == id.end { return idTable.find(b, id.start, id.end) != nil }
        return idTable.find(b.taskIDString(id.start, id.end)) != nil
    }

    /// Whether the line opens a Markdown block of its own: a list item, a
    /// quote or a table row (headings are handled before).
    @inline(__always) func startsBlock(_ p: Int, _ end: Int) -> Bool {
        let b = bytes
        let c = b[p]
        if c == UInt8(ascii: ">") || c == UInt8(ascii: "|") { return true }
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "+") {
            return p + 1 >= end || b[p + 1].isSpaceOrTab
        }
        var k = p
        while k < end, k - p < 9, b[k].isDigit { k += 1 }
        return k > p && k < end && (b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: ")")) && (k + 1 >= end || b[k + 1].isSpaceOrTab)
    }

    @inline(__always) func headingLevel(_ p: Int, _ end: Int) -> Int? {
        let b = bytes
        var k = p
        while k < end, b[k] == UInt8(ascii: "#") { k += 1 }
        let level = k - p
        guard level <= 6, k == end || b[k].isSpaceOrTab else { return nil }
        return level
    }

    @inline(__always) func isThematicBreak(_ p: Int, _ end: Int) -> Bool {
        let b = bytes
        let c = b[p]
        guard c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") else { return false }
        var count = 0
        for k in p..<end {
            if b[k] == c { count += 1 } else if !b[k].isSpaceOrTab { return false }
        }
        return count >= 3
    }
}
