import SpecKitTasks
import TaskScheduling

/// Human output formats.
public enum TextStyle: Sendable {
    /// Plain text for an 80-column terminal.
    case text
    /// GitHub-flavoured Markdown that pastes into a pull request.
    case markdown
}

/// Text and Markdown renderings of plans: `plan`, `waves`, `critical-path`, `next`, `why`.
public enum PlanText {
    /// Above this many tasks, summaries list the first tasks of each wave only.
    public static let fullListingLimit = 400

    // MARK: plan

    /// Summary, waves and critical path.
    public static func plan(_ plan: Plan, style: TextStyle, into w: inout ByteWriter) {
        let facts = PlanTotals(plan)
        let doc = plan.document
        let edges = plan.graph.graph.edgeCount
        switch style {
        case .text:
            w.write("\(doc.path)\n")
            w.write("  \(count(doc.tasks.count, "task")) (\(facts.doneCount) done) in \(count(facts.listedPhaseCount, "phase")), \(count(edges, "edge"))\n")
        case .markdown:
            w.write("## Plan for `\(markdownCode(doc.path))`\n\n")
            w.write("| tasks | done | phases | edges | waves | widest wave | critical path | total work |\n")
            w.write("|---:|---:|---:|---:|---:|---:|---:|---:|\n")
            let s = plan.schedule
            w.write("| \(doc.tasks.count) | \(facts.doneCount) | \(facts.listedPhaseCount) | \(edges) | \(s.waves.count) | \(s.widestWave) | \(hours(s.length)) | \(hours(facts.totalWork)) |\n\n")
            if let note = assumedNote(plan) { w.write("> \(markdownCell(note))\n\n") }
        }
        let schedule = plan.schedule
        let widest = schedule.widestWave
        if style == .text {
            w.write("  \(count(schedule.waves.count, "wave")), widest \(widest); critical path \(hours(schedule.length)) of \(hours(facts.totalWork)) work")
            if schedule.length > 0 {
                w.write(", \(format1(facts.totalWork / schedule.length))")
                w.write("× parallelism")
            }
            if let note = assumedNote(plan) { w.write("\n  (\(note))") }
            w.write("\n  \(count(plan.errorCount, "error")), \(count(plan.warningCount, "warning"))\n")
            if let sentence = CriticalShare(plan).sentence { w.write("  \(sentence)\n") }
            w.write("\n")
        } else if let sentence = CriticalShare(plan).sentence {
            w.write("> \(sentence.prefix(1).uppercased() + sentence.dropFirst()).\n\n")
        }
        waves(plan, style: style, limit: doc.tasks.count > fullListingLimit ? 12 : nil, into: &w)
        w.write("\n")
        criticalChain(plan, style: style, limit: doc.tasks.count > fullListingLimit ? 30 : nil, into: &w)
    }

    // MARK: waves

    /// The waves table: one row per wave. With a `limit`, at most that many IDs per wave.
    public static func waves(_ plan: Plan, style: TextStyle, limit: Int? = nil, into w: inout ByteWriter) {
        let schedule = plan.schedule
        // In wave order: each wave's conflicts follow those of the waves before it.
        let conflicts = plan.waveFileConflicts()
        var nextConflict = 0
        func conflictText(_ c: WaveFileConflict) -> String {
            let names = c.tasks.map { plan.name(of: $0) }
            let list = names.count == 2 ? "\(names[0]) and \(names[1])" : names.dropLast().joined(separator: ", ") + " and " + names.last!
            return "\(list) write \(plan.document.filePaths[Int(c.file)]): never at the same time"
        }
        switch style {
        case .text:
            w.write("Waves (tasks that can run at the same time)\n" as StaticString)
            let numberWidth = digitCount(schedule.waves.count)
            let names = NodeNames(plan)
            for (i, wave) in schedule.waves.enumerated() {
                // Names only for the IDs shown: a wide wave has thousands.
                let shown = wave.prefix(limit.map { min($0, wave.count) } ?? wave.count)
                let more = wave.count - shown.count
                // `  12  (3)     `: the number right-aligned, the count left-aligned in 7.
                let countWidth = digitCount(wave.count) + 2
                let prefixWidth = 2 + numberWidth + 2 + max(countWidth, 7) + 1
                // Bytes first; a name that is not ASCII takes the row back to the
                // mark (nothing is flushed within a row: no checkpoint is reached).
                let mark = w.count
                w.withCursor(bound: prefixWidth + 8) { c in
                    for _ in 0..<(2 + numberWidth - digitCount(i + 1)) { c.write(byte: UInt8(ascii: " ")) }
                    c.write(i + 1)
                    c.write("  (" as StaticString)
                    c.write(wave.count)
                    c.write(byte: UInt8(ascii: ")"))
                    for _ in 0..<(max(7 - countWidth, 0) + 1) { c.write(byte: UInt8(ascii: " ")) }
                }
                var line = IDLine(indent: prefixWidth)
                if names.writeSimple(shown, on: &line, &w) {
                    if more > 0 {
                        // `… 12 more`: the ellipsis is one column of three bytes.
                        line.start(digitCount(more) + 7, &w)
                        w.write("… " as StaticString)
                        w.write(more)
                        w.write(" more" as StaticString)
                    }
                    w.write(byte: UInt8(ascii: "\n"))
                } else {
                    // Widths in Characters, which need the names as Strings.
                    w.written = mark
                    let label = pad(String(i + 1), numberWidth, right: true)
                    let prefix = "  \(label)  \(pad("(\(wave.count))", 7, right: false)) "
                    wrapIDs(shown.map { plan.name(of: $0) }, more: more, prefix: prefix, into: &w)
                }
                while nextConflict < conflicts.count, conflicts[nextConflict].wave == i + 1 {
                    w.write("\(spaces(prefixWidth))! \(conflictText(conflicts[nextConflict]))\n")
                    nextConflict += 1
                }
            }
        case .markdown:
            w.write("### Waves\n\n| wave | tasks | IDs |\n|---:|---:|---|\n")
            for (i, wave) in schedule.waves.enumerated() {
                var ids = wave.prefix(limit ?? wave.count).map { plan.name(of: $0) }.joined(separator: ", ")
                if let limit, wave.count > limit { ids += ", … \(wave.count - limit) more" }
                while nextConflict < conflicts.count, conflicts[nextConflict].wave == i + 1 {
                    ids += " (\(conflictText(conflicts[nextConflict])))"
                    nextConflict += 1
                }
                w.write("| \(i + 1) | \(wave.count) | \(markdownCell(ids)) |\n")
            }
        }
    }

    // MARK: critical path

    /// The critical chain as one line of IDs.
    public static func criticalChain(_ plan: Plan, style: TextStyle, limit: Int? = nil, into w: inout ByteWriter) {
        let schedule = plan.schedule
        let path = schedule.criticalPath
        let names = NodeNames(plan)
        if style == .text, names.areSimple(path) {
            w.write("Critical path: \(hours(schedule.length))\(plan.hasEstimates ? "" : " (assumed durations)"), \(count(path.count, "task"))\n")
            writeChain(path, names, limit: limit, into: &w)
            return
        }
        var ids = schedule.criticalPath.map { plan.name(of: $0) }
        if let limit, ids.count > limit {
            let head = ids.prefix(limit / 2)
            let tail = ids.suffix(limit / 2)
            ids = Array(head) + ["… \(schedule.criticalPath.count - head.count - tail.count) more …"] + Array(tail)
        }
        let assumed = plan.hasEstimates ? "" : " (assumed durations)"
        switch style {
        case .text:
            w.write("Critical path: \(hours(schedule.length))\(assumed), \(count(schedule.criticalPath.count, "task"))\n")
            wrapIDs(ids, prefix: "  ", separator: " → ", into: &w)
        case .markdown:
            w.write("### Critical path (\(hours(schedule.length))\(assumed))\n\n")
            w.write(markdownCell(ids.joined(separator: " → ")))
            w.write("\n")
        }
    }

    /// The chain as bytes, wrapped like ``wrapIDs(_:more:prefix:separator:into:)``
    /// with the separator ` → `: every name of `path` is ASCII without CR.
    static func writeChain(_ path: [Int32], _ names: NodeNames, limit: Int?, into w: inout ByteWriter) {
        w.write("  " as StaticString)
        var line = IDLine(indent: 2)
        // `T001 →`: the arrow is one column of three bytes.
        func item(_ k: Int) {
            let v = path[k]
            let last = k + 1 == path.count
            line.start(names.length(v) + (last ? 0 : 2), &w)
            names.write(v, &w)
            if !last { w.write(" →" as StaticString) }
        }
        if let limit, path.count > limit {
            let half = limit / 2
            for k in 0..<half { item(k) }
            // `… 5883 more … →`: two ellipses and the arrow, a column each.
            let more = path.count - 2 * half
            line.start(digitCount(more) + 9 + (half > 0 ? 2 : 0), &w)
            w.write("… " as StaticString)
            w.write(more)
            w.write(" more …" as StaticString)
            if half > 0 { w.write(" →" as StaticString) }
            for k in (path.count - half)..<path.count { item(k) }
        } else {
            for k in path.indices { item(k) }
        }
        w.write(byte: UInt8(ascii: "\n"))
    }

    /// `critical-path`: the chain, then every planned task by slack (most critical first).
    public static func criticalPath(_ plan: Plan, style: TextStyle, limit: Int?, into w: inout ByteWriter) {
        let schedule = plan.schedule
        criticalChain(plan, style: style, into: &w)
        w.write("\n")
        var rows = schedule.tasksBySlack(taskNodeCount: plan.graph.taskNodeCount)
        if let limit { rows = Array(rows.prefix(limit)) }
        let t = schedule.times
        switch style {
        case .text:
            w.write("  task       start   finish   latest    slack  description\n")
            for v in rows {
                let task = plan.task(ofNode: v)
                let mark = schedule.isCritical(v) ? "*" : " "
                let cols = [
                    pad(task.id, 9, right: false), pad(format1(t.earliestStart[Int(v)]), 6, right: true),
                    pad(format1(t.earliestFinish[Int(v)]), 8, right: true),
                    pad(format1(t.latestStart[Int(v)]), 8, right: true),
                    pad(format1(max(0, t.slack(v))), 8, right: true),
                ]
                w.write("\(mark) \(cols.joined(separator: " "))  \(truncate(task.description, 32))\n")
            }
            w.write("  (* critical; times in hours from the start)\n")
        case .markdown:
            w.write("| task | start | finish | latest start | slack | critical | description |\n|---|---:|---:|---:|---:|:-:|---|\n")
            for v in rows {
                let task = plan.task(ofNode: v)
                w.write("| \(markdownCell(task.id)) | \(format1(t.earliestStart[Int(v)])) | \(format1(t.earliestFinish[Int(v)])) | \(format1(t.latestStart[Int(v)])) | \(format1(max(0, t.slack(v)))) | \(schedule.isCritical(v) ? "✔" : "") | \(markdownCell(truncate(task.description, 80))) |\n")
            }
        }
    }

    // MARK: next

    /// Tasks ready now.
    public static func next(_ plan: Plan, ready: [Int32], style: TextStyle, into w: inout ByteWriter) {
        switch style {
        case .text:
            if ready.isEmpty {
                w.write("Nothing is ready: every task is finished or waits for an unfinished one.\n")
                return
            }
            w.write("Ready now (\(ready.count)):\n")
            for v in ready {
                let task = plan.task(ofNode: v)
                let p = task.parallel ? "[P] " : ""
                let state = task.status == .inProgress ? " (in progress)" : ""
                w.write("  \(pad(task.id, 8, right: false)) \(p)\(truncate(task.description, 60))\(state)\n")
            }
        case .markdown:
            w.write("### Ready now\n\n")
            if ready.isEmpty { w.write("Nothing is ready.\n") }
            for v in ready {
                let task = plan.task(ofNode: v)
                w.write("- [ ] **\(markdownCell(task.id))** \(markdownCell(task.description))\n")
            }
        }
    }

    // MARK: helpers

    /// Said wherever a length is shown when no planned task has an estimate:
    /// the hours are `--default-duration` each, not a forecast.
    public static func assumedNote(_ plan: Plan) -> String? {
        guard !plan.hasEstimates, plan.graph.taskNodeCount > 0 else { return nil }
        return "no task has an estimate: every task counts \(hours(plan.options.defaultDuration)), so lengths are assumed, not forecast"
    }

    /// IDs after `prefix`, wrapped at 80 columns; `more` IDs left out are
    /// counted at the end (`… 12 more`).
    static func wrapIDs(_ ids: [String], more: Int = 0, prefix: String, separator: String = " ", into w: inout ByteWriter) {
        let width = 80
        let indent = spaces(prefix.count)
        var line = prefix
        var lineHasItem = false
        var items = ids
        if more > 0 { items.append("… \(more) more") }
        let joiner = separator == " " ? "" : separator.trimmingSuffixSpaces()
        for (i, id) in items.enumerated() {
            let piece = (i + 1 < items.count) ? id + joiner : id
            if lineHasItem && line.count + 1 + piece.count > width {
                w.write(line)
                w.write("\n")
                line = indent
                lineHasItem = false
            }
            if lineHasItem { line += " " }
            line += piece
            lineHasItem = true
        }
        w.write(line)
        w.write("\n")
    }

    /// `3 tasks`, `1 task`.
    public static func count(_ n: Int, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
    }

    /// `14.0h`, or `1.5h` — hours with one decimal when that is exact enough.
    public static func hours(_ h: Double) -> String { "\(format1(h))h" }

    /// A number with at most two decimals and at least one.
    public static func format1(_ x: Double) -> String {
        var w = ByteWriter(capacity: 16)
        let rounded = (x * 100).rounded() / 100
        w.write(rounded)
        return String(w)
    }

    /// `n` spaces (made from bytes: `String(repeating:count:)` costs
    /// thousands of instructions, once per wave of a large plan).
    static func spaces(_ n: Int) -> String {
        String(unsafeUninitializedCapacity: n) { buffer in
            buffer.initialize(repeating: UInt8(ascii: " "))
            return n
        }
    }

    static func pad(_ s: String, _ width: Int, right: Bool) -> String {
        let n = s.count
        if n >= width { return s }
        let fill = spaces(width - n)
        return right ? fill + s : s + fill
    }

    static func truncate(_ s: String, _ n: Int) -> String {
        let flat = s.replacingNewlines()
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }

    /// Text safe inside a Markdown table cell: pipes escaped, newlines folded,
    /// HTML tags neutralised.
    public static func markdownCell(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.replacingNewlines() {
            switch c {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Text for inside backticks: backticks removed.
    static func markdownCode(_ s: String) -> String {
        s.replacingNewlines().filter { $0 != "`" }
    }
}

extension String {
    func replacingNewlines() -> String {
        // A newline Character (U+000A–U+000D, NEL, LS, PS, or CR LF) is never
        // part of a larger one: text without any of their bytes (0A–0D, the
        // 85 of NEL, the A8 and A9 of LS and PS) has none, and a scan of bytes
        // costs far less than one of Characters.
        var text = self
        let mayHaveNewline = text.withUTF8 { bytes in
            bytes.contains { ($0 >= 0x0A && $0 <= 0x0D) || $0 == 0x85 || $0 == 0xA8 || $0 == 0xA9 }
        }
        guard mayHaveNewline, contains(where: { $0.isNewline }) else { return self }
        return String(map { $0.isNewline ? " " : $0 })
    }

    func trimmingSuffixSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
