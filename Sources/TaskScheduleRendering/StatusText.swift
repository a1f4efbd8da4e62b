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
            String(s.waves), "\(s.warnings)", "\(s.errors)",
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

    /// `{"schemaVersion":2,"features":[…]}`.
    public static func json(_ entries: [Entry], into w: inout ByteWriter) {
        w.jsonObject { w in
            w.jsonMember("schemaVersion", ByteWriter.jsonSchemaVersion)
            w.jsonMember("features") { w in
                w.jsonArray { w in
                    for e in entries { feature(e, into: &w) }
                }
            }
        }
        w.write("\n" as StaticString)
    }

    /// One feature of `status --format json`.
    static func feature(_ e: Entry, into w: inout ByteWriter) {
        let s = e.status
        w.jsonObject { w in
            w.jsonMember("name", s.name)
            w.jsonMember("source", s.path)
            counts(s.counts, into: &w)
            w.jsonMember("remainingCriticalPath", s.remainingHours)
            w.jsonMember("estimated", s.estimated)
            w.jsonMember("criticalPath") { $0.jsonStrings(s.criticalPath) }
            w.jsonMember("waves", s.waves)
            w.jsonMember("warnings", s.warnings)
            w.jsonMember("errors", s.errors)
            w.jsonMember("readyTasks") { $0.jsonStrings(s.ready) }
            w.jsonMember("outOfOrder") { w in
                w.jsonArray { w in
                    for o in s.outOfOrder {
                        w.jsonObject { w in
                            w.jsonMember("task", o.task)
                            w.jsonMember("openPredecessor", o.openPredecessor)
                            w.jsonMember("line", Int(o.line))
                        }
                    }
                }
            }
            w.jsonMember("phases") { w in
                w.jsonArray { w in
                    for p in s.phases {
                        w.jsonObject { w in
                            w.jsonMember("index", p.index)
                            w.jsonMember("title", p.title)
                            counts(p.counts, into: &w)
                            w.jsonMember("remainingHours", p.remainingHours)
                            w.jsonMember("warnings", p.warnings)
                            w.jsonMember("errors", p.errors)
                        }
                    }
                }
            }
            if let c = e.change { w.jsonMember("since") { change(c, into: &$0) } }
        }
    }

    /// What changed since `--since`, as the `since` object.
    static func change(_ c: FeatureChange, into w: inout ByteWriter) {
        w.jsonObject { w in
            w.jsonMember("ref", c.since)
            w.jsonMember("existed", c.existed)
            w.jsonMember("added") { $0.jsonStrings(c.added) }
            w.jsonMember("removed") { $0.jsonStrings(c.removed) }
            w.jsonMember("completed") { $0.jsonStrings(c.completed) }
            w.jsonMember("reopened") { $0.jsonStrings(c.reopened) }
            for (key, deps) in [("dependenciesAdded" as StaticString, c.dependenciesAdded), ("dependenciesRemoved", c.dependenciesRemoved)] {
                w.jsonMember(key) { w in
                    w.jsonArray { w in
                        for d in deps {
                            w.jsonObject { w in
                                w.jsonMember("from", d.from)
                                w.jsonMember("to", d.to)
                            }
                        }
                    }
                }
            }
            w.jsonMember("criticalPathBefore", c.hoursBefore)
            w.jsonMember("criticalPathAfter", c.hoursAfter)
            w.jsonMember("wavesBefore", c.wavesBefore)
            w.jsonMember("wavesAfter", c.wavesAfter)
        }
    }

    /// The members `done` … `blocked`.
    static func counts(_ c: FeatureStatus.Counts, into w: inout ByteWriter) {
        w.jsonMember("done", c.done)
        w.jsonMember("skipped", c.skipped)
        w.jsonMember("remaining", c.remaining)
        w.jsonMember("inProgress", c.inProgress)
        w.jsonMember("ready", c.ready)
        w.jsonMember("blocked", c.blocked)
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
            var cells = row("", s.counts, s.remainingHours, waves: String(s.waves), s.warnings, s.errors)
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
