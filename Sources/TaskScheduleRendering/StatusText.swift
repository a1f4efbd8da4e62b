import TaskScheduling

/// `specgraph status`: one table of features (and phases), then out-of-order
/// work and, with `--since`, what changed. Text, Markdown, JSON and CSV.
public enum StatusText {
    /// One feature to print: its status and, with `--since`, its change.
    public struct Entry: Sendable {
        public var status: FeatureStatus
        public var change: FeatureChange?
        public init(status: FeatureStatus, change: FeatureChange? = nil) {
            self.status = status
            self.change = change
        }
    }

    static let headers = ["feature", "done", "skipped", "remaining", "ready", "blocked", "critical path", "waves", "warnings", "errors"]

    /// The critical-path cell: `14.0h`, `6.0h assumed` (no estimate), `cycle`.
    public static func hoursCell(_ hours: Double?, remaining: Int, estimated: Bool) -> String {
        guard let hours else { return "cycle" }
        return PlanText.hours(hours) + (remaining > 0 && !estimated ? " assumed" : "")
    }

    static func cells(_ s: FeatureStatus) -> [String] {
        let c = s.counts
        return [
            s.name, "\(c.done)", "\(c.skipped)", "\(c.remaining)", "\(c.ready)", "\(c.blocked)",
            hoursCell(s.remainingHours, remaining: c.remaining, estimated: s.estimated),
            s.waves.map(String.init) ?? "–", "\(s.warnings)", "\(s.errors)",
        ]
    }

    static func cells(_ p: FeatureStatus.PhaseRow, feature: FeatureStatus) -> [String] {
        let c = p.counts
        return [
            p.title, "\(c.done)", "\(c.skipped)", "\(c.remaining)", "\(c.ready)", "\(c.blocked)",
            hoursCell(p.remainingHours, remaining: c.remaining, estimated: feature.estimated), "",
            "\(p.warnings)", "\(p.errors)",
        ]
    }

    // MARK: text and Markdown

    /// The table, then the out-of-order work and the changes.
    public static func render(_ entries: [Entry], phases: Bool, style: TextStyle, into w: inout ByteWriter) {
        var rows: [(cells: [String], indent: Bool)] = []
        for e in entries {
            rows.append((cells(e.status), false))
            if phases { for p in e.status.phases { rows.append((cells(p, feature: e.status), true)) } }
        }
        switch style {
        case .text:
            let nameWidth = min(max(headers[0].count, rows.map { $0.cells[0].count + ($0.indent ? 2 : 0) }.max() ?? 0), 40)
            var widths = headers.map(\.count)
            for r in rows { for i in 1..<r.cells.count { widths[i] = max(widths[i], r.cells[i].count) } }
            var head = PlanText.pad(headers[0], nameWidth, right: false)
            for i in 1..<headers.count { head += "  " + PlanText.pad(headers[i], widths[i], right: i != 6) }
            w.write(head.trimmingSuffixSpaces() + "\n")
            for r in rows {
                let name = (r.indent ? "  " : "") + r.cells[0].replacingNewlines()
                var line = PlanText.pad(PlanText.truncate(name, nameWidth), nameWidth, right: false)
                for i in 1..<r.cells.count { line += "  " + PlanText.pad(r.cells[i], widths[i], right: i != 6) }
                w.write(line.trimmingSuffixSpaces() + "\n")
            }
        case .markdown:
            w.write("## Status\n\n| " + headers.joined(separator: " | ") + " |\n")
            w.write("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
            for r in rows {
                var c = r.cells.map(PlanText.markdownCell)
                c[0] = r.indent ? "↳ " + c[0] : "**\(c[0])**"
                w.write("| " + c.joined(separator: " | ") + " |\n")
            }
        }
        for e in entries { details(e, style: style, into: &w) }
    }

    static func details(_ e: Entry, style: TextStyle, into w: inout ByteWriter) {
        let s = e.status
        let md = style == .markdown
        func heading(_ text: String) {
            w.write(md ? "\n### \(PlanText.markdownCell(text))\n\n" : "\n\(text)\n")
        }
        func item(_ text: String) {
            w.write(md ? "- \(PlanText.markdownCell(text))\n" : "  \(text.replacingNewlines())\n")
        }
        if !s.outOfOrder.isEmpty {
            heading("\(s.name): out-of-order work (done before what it depends on)")
            for o in s.outOfOrder.prefix(outOfOrderShown) {
                item("\(o.task) is done, but \(o.openPredecessor), which it depends on (line \(o.line)), is open")
            }
            if s.outOfOrder.count > outOfOrderShown {
                item("… and \(s.outOfOrder.count - outOfOrderShown) more (`--format json` lists them all)")
            }
        }
        guard let c = e.change else { return }
        heading("\(s.name): since \(c.since)")
        if !c.existed { item("the file is new since \(c.since)") }
        if c.isEmpty {
            item("no change")
            return
        }
        func list(_ label: String, _ ids: [String]) {
            guard !ids.isEmpty else { return }
            item("\(label) (\(ids.count)): \(ids.joined(separator: ", "))")
        }
        list("added", c.added)
        list("removed", c.removed)
        list("completed", c.completed)
        list("reopened", c.reopened)
        list("dependencies added", c.dependenciesAdded.map { "\($0.from) → \($0.to)" })
        list("dependencies removed", c.dependenciesRemoved.map { "\($0.from) → \($0.to)" })
        func figure(_ x: Double?) -> String { x.map(PlanText.hours) ?? "cycle" }
        if c.existed {
            let delta = (c.hoursBefore != nil && c.hoursAfter != nil) ? " (\(signed(c.hoursAfter! - c.hoursBefore!))h)" : ""
            item("remaining critical path: \(figure(c.hoursBefore)) → \(figure(c.hoursAfter))\(delta)")
            item("waves: \(c.wavesBefore.map(String.init) ?? "cycle") → \(c.wavesAfter.map(String.init) ?? "cycle")")
        }
    }

    /// Out-of-order pairs listed per feature in text and Markdown.
    public static let outOfOrderShown = 20

    static func signed(_ x: Double) -> String { x >= 0 ? "+" + PlanText.format1(x) : PlanText.format1(x) }

    // MARK: JSON

    /// `{"schemaVersion": 2, "features": [...]}`.
    public static func json(_ entries: [Entry], into w: inout ByteWriter) {
        w.write("{\"schemaVersion\":2,\"features\":[" as StaticString)
        for (i, e) in entries.enumerated() {
            if i > 0 { w.write("," as StaticString) }
            let s = e.status
            w.write("{\"name\":" as StaticString)
            w.writeJSONString(s.name)
            w.write(",\"source\":" as StaticString)
            w.writeJSONString(s.path)
            counts(s.counts, into: &w)
            w.write(",\"remainingCriticalPath\":" as StaticString)
            optional(s.remainingHours, into: &w)
            w.write(",\"estimated\":" as StaticString)
            w.write(s.estimated ? "true" as StaticString : "false" as StaticString)
            w.write(",\"criticalPath\":" as StaticString)
            strings(s.criticalPath, into: &w)
            w.write(",\"waves\":" as StaticString)
            if let waves = s.waves { w.write(waves) } else { w.write("null" as StaticString) }
            w.write(",\"warnings\":" as StaticString)
            w.write(s.warnings)
            w.write(",\"errors\":" as StaticString)
            w.write(s.errors)
            w.write(",\"readyTasks\":" as StaticString)
            strings(s.ready, into: &w)
            w.write(",\"outOfOrder\":[" as StaticString)
            for (j, o) in s.outOfOrder.enumerated() {
                if j > 0 { w.write("," as StaticString) }
                w.write("{\"task\":" as StaticString)
                w.writeJSONString(o.task)
                w.write(",\"openPredecessor\":" as StaticString)
                w.writeJSONString(o.openPredecessor)
                w.write(",\"line\":" as StaticString)
                w.write(o.line)
                w.write("}" as StaticString)
            }
            w.write("],\"phases\":[" as StaticString)
            for (j, p) in s.phases.enumerated() {
                if j > 0 { w.write("," as StaticString) }
                w.write("{\"index\":" as StaticString)
                w.write(p.index)
                w.write(",\"title\":" as StaticString)
                w.writeJSONString(p.title)
                counts(p.counts, into: &w)
                w.write(",\"remainingHours\":" as StaticString)
                optional(p.remainingHours, into: &w)
                w.write(",\"warnings\":" as StaticString)
                w.write(p.warnings)
                w.write(",\"errors\":" as StaticString)
                w.write(p.errors)
                w.write("}" as StaticString)
            }
            w.write("]" as StaticString)
            if let c = e.change {
                w.write(",\"since\":{\"ref\":" as StaticString)
                w.writeJSONString(c.since)
                w.write(",\"existed\":" as StaticString)
                w.write(c.existed ? "true" as StaticString : "false" as StaticString)
                for (key, ids) in [("added", c.added), ("removed", c.removed), ("completed", c.completed), ("reopened", c.reopened)] {
                    w.write(",\"\(key)\":")
                    strings(ids, into: &w)
                }
                for (key, deps) in [("dependenciesAdded", c.dependenciesAdded), ("dependenciesRemoved", c.dependenciesRemoved)] {
                    w.write(",\"\(key)\":[")
                    for (j, d) in deps.enumerated() {
                        if j > 0 { w.write("," as StaticString) }
                        w.write("{\"from\":" as StaticString)
                        w.writeJSONString(d.from)
                        w.write(",\"to\":" as StaticString)
                        w.writeJSONString(d.to)
                        w.write("}" as StaticString)
                    }
                    w.write("]" as StaticString)
                }
                w.write(",\"criticalPathBefore\":" as StaticString)
                optional(c.hoursBefore, into: &w)
                w.write(",\"criticalPathAfter\":" as StaticString)
                optional(c.hoursAfter, into: &w)
                w.write(",\"wavesBefore\":" as StaticString)
                optional(c.wavesBefore.map(Double.init), integer: true, into: &w)
                w.write(",\"wavesAfter\":" as StaticString)
                optional(c.wavesAfter.map(Double.init), integer: true, into: &w)
                w.write("}" as StaticString)
            }
            w.write("}" as StaticString)
        }
        w.write("]}\n" as StaticString)
    }

    static func counts(_ c: FeatureStatus.Counts, into w: inout ByteWriter) {
        w.write(",\"done\":\(c.done),\"skipped\":\(c.skipped),\"remaining\":\(c.remaining),\"inProgress\":\(c.inProgress),\"ready\":\(c.ready),\"blocked\":\(c.blocked)")
    }

    static func optional(_ x: Double?, integer: Bool = false, into w: inout ByteWriter) {
        guard let x else { return w.write("null" as StaticString) }
        if integer { w.write(Int(x)) } else { w.write(x) }
    }

    static func strings(_ items: [String], into w: inout ByteWriter) {
        w.write("[" as StaticString)
        for (i, s) in items.enumerated() {
            if i > 0 { w.write("," as StaticString) }
            w.writeJSONString(s)
        }
        w.write("]" as StaticString)
    }

    // MARK: CSV

    /// One row per feature (and per phase with `phases`); with `--since`, the
    /// changed task IDs in extra columns, separated by spaces.
    public static func csv(_ entries: [Entry], phases: Bool, into w: inout ByteWriter) {
        let since = entries.contains { $0.change != nil }
        var head = ["feature", "phase", "done", "skipped", "remaining", "ready", "blocked", "critical path hours", "assumed", "waves", "warnings", "errors"]
        if since { head += ["added", "removed", "completed", "reopened", "dependencies added", "dependencies removed"] }
        CSVWriter.row(head, into: &w)
        for e in entries {
            let s = e.status
            func row(_ phase: String, _ c: FeatureStatus.Counts, _ hours: Double?, waves: String, _ warnings: Int, _ errors: Int) -> [String] {
                [
                    s.name, phase, "\(c.done)", "\(c.skipped)", "\(c.remaining)", "\(c.ready)", "\(c.blocked)",
                    hours.map(CSVWriter.number) ?? "", c.remaining > 0 && !s.estimated ? "yes" : "no", waves,
                    "\(warnings)", "\(errors)",
                ]
            }
            var cells = row("", s.counts, s.remainingHours, waves: s.waves.map(String.init) ?? "", s.warnings, s.errors)
            if since {
                let c = e.change
                cells += [c?.added, c?.removed, c?.completed, c?.reopened].map { ($0 ?? []).joined(separator: " ") }
                cells += [c?.dependenciesAdded, c?.dependenciesRemoved].map {
                    ($0 ?? []).map { "\($0.from)>\($0.to)" }.joined(separator: " ")
                }
            }
            CSVWriter.row(cells, into: &w)
            guard phases else { continue }
            for p in s.phases {
                var cells = row(p.title, p.counts, p.remainingHours, waves: "", p.warnings, p.errors)
                if since { cells += Array(repeating: "", count: 6) }
                CSVWriter.row(cells, into: &w)
            }
        }
    }
}
