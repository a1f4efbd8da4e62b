import SpecKitTasks
import TaskScheduling

/// `specgraph report`: one self-contained HTML file that works offline.
///
/// The page holds the status table, then per feature: the remaining critical
/// path, the tasks ready now, the phases (table and picture), the task graph
/// (inline SVG with pan, zoom, search and click), warnings grouped by code,
/// out-of-order work and, with a team, the Gantt chart. Everything the
/// script needs is in one `<script type="application/json">` blob per page;
/// the script itself is `ReportScript`, written here, with no library.
///
/// Nothing in the page points outside it: the SVG prologs (with their DTD
/// URL) are dropped, and `://` after `http`/`https` in any text is written
/// as a character reference, so that only the SVG, XLink and XHTML
/// namespace names remain as URLs.
public enum ReportHTML {
    /// One feature's pictures and figures, drawn by the caller (the pictures
    /// come from libgvc, which this module does not see).
    public struct Feature: Sendable {
        public var plan: Plan
        public var status: FeatureStatus
        /// SVG documents as Graphviz or ``GanttSVG`` wrote them.
        public var taskSVG: String?
        public var phaseSVG: String?
        public var ganttSVG: String?
        /// Why a picture is missing or reduced, in words.
        public var notes: [String]

        public init(
            plan: Plan, status: FeatureStatus, taskSVG: String? = nil, phaseSVG: String? = nil, ganttSVG: String? = nil,
            notes: [String] = []
        ) {
            self.plan = plan
            self.status = status
            self.taskSVG = taskSVG
            self.phaseSVG = phaseSVG
            self.ganttSVG = ganttSVG
            self.notes = notes
        }
    }

    /// Above this many planned tasks, `why` chains are not precomputed
    /// (each costs up to O(V + E)).
    public static let whyTaskLimit = 3_000

    /// Items listed per warning code and in the out-of-order list.
    public static let listLimit = 200

    /// Writes the whole page.
    public static func render(_ features: [Feature], title: String = "specgraph report", into w: inout ByteWriter) {
        w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" as StaticString)
        w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" as StaticString)
        // No request may leave the page, whatever a task's text says.
        w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n" as StaticString)
        w.write("<title>")
        w.write(text(title))
        w.write("</title>\n<style>\n" as StaticString)
        w.write(ReportScript.css)
        w.write("</style>\n</head>\n<body>\n<header>\n<h1>")
        w.write(text(title))
        w.write("</h1>\n<div class=\"search\"><label>Find a task <input id=\"search\" type=\"search\" placeholder=\"ID or text\" autocomplete=\"off\"></label> <span id=\"search-count\"></span></div>\n</header>\n<main>\n" as StaticString)
        w.write("<ul id=\"search-results\" hidden></ul>\n" as StaticString)
        statusTable(features, into: &w)
        for (i, f) in features.enumerated() { feature(f, index: i, into: &w) }
        w.write("</main>\n<script type=\"application/json\" id=\"report-data\">" as StaticString)
        var blob = ByteWriter()
        data(features, into: &blob)
        w.write(neutraliseURLs(inJSON: String(blob)))
        w.write("</script>\n<script>\n" as StaticString)
        w.write(ReportScript.javaScript)
        w.write("</script>\n</body>\n</html>\n" as StaticString)
    }

    // MARK: sections

    static func statusTable(_ features: [Feature], into w: inout ByteWriter) {
        w.write("<section id=\"status\">\n<h2>Status</h2>\n<table class=\"status\">\n<thead><tr>" as StaticString)
        for h in StatusText.headers { w.write("<th>\(text(h))</th>") }
        w.write("</tr></thead>\n<tbody>\n" as StaticString)
        for (i, f) in features.enumerated() {
            let cells = StatusText.cells(f.status)
            w.write("<tr class=\"feature-row\"><th scope=\"row\"><a href=\"#feature-\(i + 1)\">\(text(cells[0]))</a></th>")
            for c in cells.dropFirst() { w.write("<td>\(text(c))</td>") }
            w.write("</tr>\n" as StaticString)
        }
        w.write("</tbody>\n</table>\n</section>\n" as StaticString)
    }

    static func feature(_ f: Feature, index: Int, into w: inout ByteWriter) {
        let s = f.status
        let plan = f.plan
        w.write("<section class=\"feature\" id=\"feature-\(index + 1)\" data-feature=\"\(index)\">\n")
        w.write("<h2>\(text(s.name)) <small>\(text(s.path))</small></h2>\n")
        for note in f.notes { w.write("<p class=\"note\">\(text(note))</p>\n") }

        // Critical path and next.
        w.write("<h3>Remaining critical path</h3>\n" as StaticString)
        if s.criticalPath.isEmpty {
            w.write("<p>Nothing left to do.</p>\n" as StaticString)
        } else {
            let hours = StatusText.hoursCell(s.remainingHours, remaining: s.counts.remaining, estimated: s.estimated)
            w.write("<p><strong>\(text(hours))</strong>, \(s.criticalPath.count) tasks")
            if s.counts.remaining > 0, let note = PlanText.assumedNote(plan) { w.write(" (\(text(note)))") }
            w.write(":</p>\n<ol class=\"chain\">" as StaticString)
            for id in s.criticalPath { w.write("<li>\(taskButton(id))</li>") }
            w.write("</ol>\n" as StaticString)
        }
        w.write("<h3>Ready now (\(s.ready.count))</h3>\n")
        if s.ready.isEmpty {
            w.write("<p>Nothing is ready: every task is finished or waits for an unfinished one.</p>\n" as StaticString)
        } else {
            w.write("<ul class=\"next\">\n" as StaticString)
            var taskOfID: [String: Int] = [:]
            for (t, task) in plan.document.tasks.enumerated() where taskOfID[task.id] == nil { taskOfID[task.id] = t }
            for id in s.ready {
                let description = taskOfID[id].map { plan.document.tasks[$0].description } ?? ""
                w.write("<li>\(taskButton(id)) \(text(description))</li>\n")
            }
            w.write("</ul>\n" as StaticString)
        }

        // Task graph and the panel of the selected task.
        w.write("<h3>Task graph</h3>\n" as StaticString)
        if let svg = f.taskSVG {
            w.write("<p class=\"hint\">Drag to pan, wheel or the buttons to zoom; click a task to see what comes before and after it, and why it is where it is.</p>\n" as StaticString)
            w.write("<div class=\"graph-and-panel\">" as StaticString)
            picture(svg, kind: "tasks", label: "Task graph of \(s.name)", into: &w)
        } else {
            w.write("<p>No task graph was drawn.</p>\n<div class=\"graph-and-panel\">" as StaticString)
        }
        w.write("<aside class=\"selection\" aria-live=\"polite\"><p>Click a task in the graph (or a task ID above) to see it here.</p></aside></div>\n" as StaticString)

        // Phases.
        w.write("<h3>Phases</h3>\n<table class=\"phases\"><thead><tr><th>phase</th><th>done</th><th>skipped</th><th>remaining</th><th>ready</th><th>blocked</th><th>hours left</th><th>warnings</th></tr></thead><tbody>\n" as StaticString)
        for p in s.phases {
            let c = StatusText.cells(p, feature: s)
            w.write("<tr><th scope=\"row\">\(text(c[0]))</th>")
            for cell in [c[1], c[2], c[3], c[4], c[5], c[6], c[8]] { w.write("<td>\(text(cell))</td>") }
            w.write("</tr>\n" as StaticString)
        }
        w.write("</tbody></table>\n" as StaticString)
        if let svg = f.phaseSVG { picture(svg, kind: "phases", label: "Phases of \(s.name)", into: &w) }

        // Warnings by code.
        let shown = plan.diagnostics.filter { $0.severity != .note }
        w.write("<h3>Warnings and errors (\(shown.count))</h3>\n")
        if shown.isEmpty {
            w.write("<p>None.</p>\n" as StaticString)
        } else {
            var order: [DiagnosticCode] = []
            var byCode: [DiagnosticCode: [Diagnostic]] = [:]
            for d in shown {
                if byCode[d.code] == nil { order.append(d.code) }
                byCode[d.code, default: []].append(d)
            }
            for code in order {
                let list = byCode[code]!
                let severity = list.contains { $0.severity == .error } ? "error" : "warning"
                w.write("<details class=\"diagnostics \(severity)\"><summary><code>\(text(code.rawValue))</code> (\(list.count))</summary><ul>\n")
                for d in list.prefix(listLimit) {
                    w.write("<li><span class=\"where\">line \(d.location.line)</span> \(text(d.message))</li>\n")
                }
                if list.count > listLimit { w.write("<li>… and \(list.count - listLimit) more; `specgraph check` lists them all</li>\n") }
                w.write("</ul></details>\n" as StaticString)
            }
        }
        if !s.outOfOrder.isEmpty {
            w.write("<h3>Out-of-order work (\(s.outOfOrder.count))</h3>\n<ul class=\"late\">\n")
            for o in s.outOfOrder.prefix(listLimit) {
                w.write("<li>\(taskButton(o.task)) is done, but \(taskButton(o.openPredecessor)), which it depends on (line \(o.line)), is open</li>\n")
            }
            if s.outOfOrder.count > listLimit { w.write("<li>… and \(s.outOfOrder.count - listLimit) more</li>\n") }
            w.write("</ul>\n" as StaticString)
        }
        if let svg = f.ganttSVG {
            w.write("<h3>Team schedule</h3>\n" as StaticString)
            picture(svg, kind: "gantt", label: "Gantt chart of \(s.name)", into: &w)
        }
        w.write("</section>\n" as StaticString)
    }

    static func taskButton(_ id: String) -> String {
        "<button type=\"button\" class=\"task-link\" data-task=\"\(text(id))\">\(text(id))</button>"
    }

    /// A picture in a viewport with zoom buttons.
    static func picture(_ svg: String, kind: String, label: String, into w: inout ByteWriter) {
        w.write("<figure class=\"picture \(kind)\"><div class=\"zoom\"><button type=\"button\" data-zoom=\"in\" title=\"Zoom in\">+</button><button type=\"button\" data-zoom=\"out\" title=\"Zoom out\">−</button><button type=\"button\" data-zoom=\"reset\" title=\"Fit\">fit</button></div><div class=\"viewport\" role=\"img\" aria-label=\"\(text(label))\">")
        w.write(inlineSVG(svg))
        w.write("</div></figure>\n" as StaticString)
    }

    // MARK: data blob

    /// `{"features": [{"name", "tasks": {id: {...}}, "nodes": [...], "edges": [[from, to], ...]}]}`.
    static func data(_ features: [Feature], into w: inout ByteWriter) {
        w.write("{\"features\":[" as StaticString)
        for (i, f) in features.enumerated() {
            if i > 0 { w.write("," as StaticString) }
            let plan = f.plan
            let doc = plan.document
            let g = plan.graph
            let schedule = plan.schedule
            w.write("{\"name\":" as StaticString)
            w.writeJSONString(f.status.name)
            w.write(",\"nodes\":[" as StaticString)
            for v in 0..<Int32(g.nodeCount) {
                if v > 0 { w.write("," as StaticString) }
                w.writeJSONString(plan.name(of: v))
            }
            w.write("],\"edges\":[" as StaticString)
            for e in 0..<g.graph.edgeCount {
                if e > 0 { w.write("," as StaticString) }
                w.write("[\(g.graph.edgeSources[e]),\(g.graph.edgeTargets[e])]")
            }
            w.write("],\"tasks\":{" as StaticString)
            var seen = Set<String>()
            var first = true
            for (t, task) in doc.tasks.enumerated() {
                let node = t < g.nodeOfTask.count ? g.nodeOfTask[t] : -1
                let name = node >= 0 ? plan.name(of: node) : task.id
                guard seen.insert(name).inserted else { continue }
                if !first { w.write("," as StaticString) }
                first = false
                w.writeJSONString(name)
                w.write(":{\"text\":" as StaticString)
                task.descriptionText.withUTF8 { w.writeJSONString(utf8: $0) }
                w.write(",\"status\":" as StaticString)
                w.writeJSONString(task.status.rawValue)
                w.write(",\"line\":" as StaticString)
                w.write(task.location.line)
                w.write(",\"phase\":" as StaticString)
                w.writeJSONString(doc.phases.indices.contains(Int(task.phase)) ? doc.phases[Int(task.phase)].title : "")
                w.write(",\"node\":" as StaticString)
                w.write(Int(node))
                if node >= 0 {
                    let v = Int(node)
                    w.write(",\"wave\":" as StaticString)
                    w.write(schedule.waveOfNode[v])
                    w.write(",\"start\":" as StaticString)
                    w.write(schedule.times.earliestStart[v])
                    w.write(",\"finish\":" as StaticString)
                    w.write(schedule.times.earliestFinish[v])
                    w.write(",\"slack\":" as StaticString)
                    w.write(max(0, schedule.times.slack(node)))
                    w.write(schedule.isCritical(node) ? ",\"critical\":true" as StaticString : ",\"critical\":false" as StaticString)
                    if g.taskNodeCount <= whyTaskLimit {
                        let chain = plan.explanation(of: node)
                        w.write(",\"why\":[" as StaticString)
                        for (j, e) in chain.enumerated() {
                            if j > 0 { w.write("," as StaticString) }
                            w.write("[" as StaticString)
                            w.writeJSONString(plan.name(of: g.graph.edgeSources[Int(e)]))
                            w.write("," as StaticString)
                            w.writeJSONString(plan.name(of: g.graph.edgeTargets[Int(e)]))
                            w.write("," as StaticString)
                            w.writeJSONString(g.edgeKinds[Int(e)].rawValue)
                            w.write("," as StaticString)
                            w.write(g.edgeLines[Int(e)])
                            w.write("]" as StaticString)
                        }
                        w.write("]" as StaticString)
                    }
                }
                w.write("}" as StaticString)
            }
            w.write("}}" as StaticString)
        }
        w.write("]}" as StaticString)
    }

    // MARK: escaping

    /// Text for HTML content and attribute values: escaped, and with no URL left.
    public static func text(_ s: String) -> String {
        var w = ByteWriter(capacity: s.utf8.count + 16)
        w.writeXMLEscaped(s)
        return neutraliseURLs(String(w), entity: "&#58;")
    }

    /// The namespace names an inline SVG keeps; they are names, never fetched.
    static let namespaceURIs = ["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink", "http://www.w3.org/1999/xhtml"]

    /// An SVG document made fit to sit inside HTML: the XML declaration,
    /// DOCTYPE (with its DTD URL) and leading comments dropped, and every URL
    /// but the namespace names neutralised.
    public static func inlineSVG(_ svg: String) -> String {
        let bytes = Array(svg.utf8)
        let tag = Array("<svg".utf8)
        guard let start = (0..<max(0, bytes.count - tag.count + 1)).first(where: { bytes[$0..<$0 + tag.count].elementsEqual(tag) })
        else { return "" }
        return neutraliseURLs(String(decoding: bytes[start...], as: UTF8.self), entity: "&#58;", keeping: namespaceURIs)
    }

    /// JSON text whose strings may hold URLs: `:` in `http://` written `\u003a`.
    static func neutraliseURLs(inJSON json: String) -> String { neutraliseURLs(json, entity: "\\u003a") }

    /// Replaces the `:` of every `http://` and `https://` (any case) by
    /// `entity`, except at the start of a `keeping` URL.
    static func neutraliseURLs(_ s: String, entity: String, keeping: [String] = []) -> String {
        guard s.utf8.contains(UInt8(ascii: ":")) else { return s }
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let kept = keeping.map { Array($0.utf8) }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ":"), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "/") {
                let lower = bytes[max(0, i - 5)..<i].map { $0 | 0x20 }
                let scheme = lower.count >= 4 && (Array(lower.suffix(4)) == Array("http".utf8) || Array(lower.suffix(5)) == Array("https".utf8))
                if scheme {
                    let schemeStart = i - (Array(lower.suffix(5)) == Array("https".utf8) ? 5 : 4)
                    let keep = kept.contains { k in
                        schemeStart + k.count <= bytes.count && Array(bytes[schemeStart..<schemeStart + k.count]) == k
                            && (schemeStart + k.count == bytes.count || bytes[schemeStart + k.count] == UInt8(ascii: "\""))
                    }
                    if !keep {
                        out.append(contentsOf: entity.utf8)
                        i += 1
                        continue
                    }
                }
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
