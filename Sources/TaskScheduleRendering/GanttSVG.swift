import SpecKitTasks
import TaskScheduling

/// A Gantt chart of a team schedule as a standalone SVG file.
///
/// One lane per person; one bar per task (`<g id="T012" class="bar critical">`
/// holding a rounded `<rect>`, the task ID when it fits, and a `<title>`
/// tooltip with the full description); bars coloured by story (bright
/// colours), or by phase for tasks outside a story (slate shades), with a legend; critical tasks outlined; checkpoints
/// as dashed vertical lines; a time axis in hours, or in days of 8 hours when
/// the makespan is over 40 hours.
///
/// A checkpoint line stands at the moment the last task of its phase finishes
/// in this schedule: spec-kit writes a phase's checkpoint after its tasks, so
/// that is when the team can check it.
///
/// Huge plans are cut to stay readable: at most ``Options/maxBars`` bars (the
/// earliest, with the time axis ending where the first bar left out starts) and
/// ``Options/maxLanes`` lanes; the chart says so in its footnote.
///
/// Output is deterministic: the same schedule gives the same bytes.
public enum GanttSVG {
    public struct Options: Sendable {
        /// At most this many bars are drawn.
        public var maxBars: Int
        /// At most this many people are drawn.
        public var maxLanes: Int
        public init(maxBars: Int = 2500, maxLanes: Int = 60) {
            self.maxBars = maxBars
            self.maxLanes = maxLanes
        }
    }

    /// Hours in a working day, for the axis in days.
    public static let hoursPerDay = 8.0

    /// Fill and text colours: a colour-blind-friendly palette with text that
    /// reads on each fill.
    static let palette: [(fill: StaticString, text: StaticString)] = [
        ("#4e79a7", "#ffffff"), ("#f28e2b", "#1f2328"), ("#59a14f", "#ffffff"), ("#17a5b5", "#1f2328"),
        ("#76b7b2", "#1f2328"), ("#edc948", "#1f2328"), ("#b07aa1", "#ffffff"), ("#ff9da7", "#1f2328"),
        ("#9c755f", "#ffffff"), ("#bab0ac", "#1f2328"), ("#2f6b8f", "#ffffff"), ("#8cd17d", "#1f2328"),
        ("#a0cbe8", "#1f2328"), ("#ffbe7d", "#1f2328"), ("#b6992d", "#ffffff"), ("#499894", "#ffffff"),
        ("#d37295", "#ffffff"), ("#d4a6c8", "#1f2328"), ("#7a5195", "#ffffff"), ("#c9b37a", "#1f2328"),
    ]

    /// Slate shades for barrier phases (Setup, Foundational, Polish…), so the
    /// stories stand out.
    static let neutralPalette: [(fill: StaticString, text: StaticString)] = [
        ("#5b6b7f", "#ffffff"), ("#94a3b8", "#1f2328"), ("#3f4a5a", "#ffffff"), ("#b8c2cf", "#1f2328"),
    ]

    /// Stories take the bright palette in order, barrier phases the slate one.
    static func colourOfGroup(_ groups: StoryGroups) -> [(fill: StaticString, text: StaticString)] {
        var stories = 0
        var phases = 0
        return groups.isStory.map { story in
            if story {
                defer { stories += 1 }
                return palette[stories % palette.count]
            }
            defer { phases += 1 }
            return neutralPalette[phases % neutralPalette.count]
        }
    }

    // Layout, in pixels.
    static let laneHeight = 30.0
    static let barHeight = 22.0
    static let top = 100.0
    static let right = 28.0
    /// Legend entries drawn; the rest are counted in a footnote.
    static let maxLegendItems = 40

    /// Renders the chart.
    ///
    /// - Complexity: O(V log V) for V tasks (the cut sorts by start time).
    public static func render(_ plan: Plan, _ s: TeamSchedule, options: Options = Options(), into w: inout ByteWriter) {
        let groups = StoryGroups(graph: plan.graph, document: plan.document)
        let colours = colourOfGroup(groups)
        let taskCount = plan.graph.taskNodeCount
        let laneCount = min(s.team.size, options.maxLanes)

        // The time window: everything, or up to the first bar that is cut.
        var windowEnd = s.makespan
        var drawn = [Bool](repeating: true, count: taskCount)
        for v in 0..<taskCount where s.personOfNode[v] >= laneCount { drawn[v] = false }
        var candidates = (0..<Int32(taskCount)).filter { drawn[Int($0)] }
        var barsCut = false
        // Too many bars: a person's consecutive tasks of one story become one
        // block, over the whole schedule; only when even the blocks are too
        // many is the window cut.
        var blocks: [Block]?
        if candidates.count > options.maxBars {
            let pixel = max(s.makespan, 1e-9) / min(1400, max(640, s.makespan * 40))
            var merged = Self.blocks(s, laneCount: laneCount, groups: groups, plan: plan, joinGap: pixel)
            // Still too many: runs narrower than three pixels join their
            // neighbours, coloured by the story that fills most of them.
            if merged.count > 2 * options.maxBars { merged = Self.coarsen(merged, minimumWidth: 3 * pixel, joinGap: pixel) }
            if merged.count <= 2 * options.maxBars { blocks = merged }
        }
        if blocks == nil && candidates.count > options.maxBars {
            candidates.sort { s.start[Int($0)] != s.start[Int($1)] ? s.start[Int($0)] < s.start[Int($1)] : $0 < $1 }
            // The window ends where the first bar after the last kept one
            // starts; bars starting with the last kept one stay (at most one
            // per person more), so a window never ends at 0 with nothing in it.
            let lastKept = s.start[Int(candidates[max(options.maxBars, 1) - 1])]
            let firstLeftOut = candidates[options.maxBars...].first { s.start[Int($0)] > lastKept }
            windowEnd = firstLeftOut.map { s.start[Int($0)] } ?? s.makespan
            for v in candidates where s.start[Int(v)] >= windowEnd { drawn[Int(v)] = false }
            barsCut = true
        }
        let drawnCount = drawn.count { $0 }
        let span = max(windowEnd, 1e-9)
        let inDays = span > 40
        let unit = inDays ? hoursPerDay : 1

        // Horizontal scale: about 40 px an hour, 640–1400 px in all.
        let longestName = (s.team.names.prefix(laneCount).map { $0.count }.max() ?? 1) + (s.team.isNumbered ? 7 : 0)
        let left = min(200, max(90, Double(longestName) * 7.5 + 28))
        let chartWidth = min(1400, max(640, span * 40))
        let scale = chartWidth / span
        let chartHeight = Double(max(laneCount, 1)) * laneHeight
        func x(_ t: Double) -> Double { left + min(t, windowEnd) * scale }

        // Legend rows, wrapped to the width.
        let allGroups = legendGroups(groups, drawn: drawn)
        let usedGroups = Array(allGroups.prefix(maxLegendItems))
        var legendRows: [[(group: Int32, x: Double)]] = [[]]
        var cursor = left
        for g in usedGroups {
            let itemWidth = 22 + Double(min(groups.names[Int(g)].count, 40)) * 6.6 + 18
            if cursor + itemWidth > left + chartWidth && !legendRows[legendRows.count - 1].isEmpty {
                legendRows.append([])
                cursor = left
            }
            legendRows[legendRows.count - 1].append((g, cursor))
            cursor += itemWidth
        }
        let axisY = top + chartHeight
        let legendTop = axisY + 40
        var notes = footnotes(s, laneCount: laneCount, drawnCount: drawnCount, barsCut: barsCut, windowEnd: windowEnd, inDays: inDays)
        if let blocks {
            notes.append("\(drawnCount) tasks drawn as \(blocks.count) blocks: a person's consecutive tasks of one story or phase are one block. Hover a block for its tasks.")
        }
        if allGroups.count > usedGroups.count {
            notes.append("The legend shows the first \(usedGroups.count) of \(allGroups.count) stories and phases; hover a bar for its own.")
        }
        let width = left + chartWidth + right
        let height = legendTop + Double(legendRows.count) * 22 + 12 + Double(notes.count) * 16 + 12

        // Document head.
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" as StaticString)
        w.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" as StaticString)
        number(width, &w)
        w.write("\" height=\"" as StaticString)
        number(height, &w)
        w.write("\" viewBox=\"0 0 " as StaticString)
        number(width, &w)
        w.write(" " as StaticString)
        number(height, &w)
        w.write("\" font-family=\"\(FontFamilies.css)\">\n")
        w.write("<title>" as StaticString)
        w.writeXMLEscaped("Team schedule for \(plan.document.path)")
        w.write("</title>\n" as StaticString)
        w.write("""
            <style>
            .lane{fill:#f6f8fa}
            .grid{stroke:#d8dee4;stroke-width:1}
            .axis{stroke:#57606a;stroke-width:1}
            .tick{font-size:11px;fill:#57606a}
            .person{font-size:13px;fill:#1f2328;font-weight:600}
            .bar rect{stroke:#ffffff;stroke-width:1}
            .bar.critical rect{stroke:#d62728;stroke-width:2.5}
            .bar.done rect{fill-opacity:0.4}
            .bar.thin rect{stroke:none}
            .bar.critical.thin rect{stroke:#d62728;stroke-width:0.8}
            .bar text{font-size:11px;pointer-events:none}
            .bar:hover rect{opacity:0.82}
            .block rect{stroke:#ffffff;stroke-width:0.5}
            .block.critical rect{stroke:#d62728;stroke-width:1.5}
            .block text{font-size:11px;pointer-events:none}
            .checkpoint{stroke:#cf222e;stroke-width:1.5;stroke-dasharray:5 4}
            .checkpoint-label{font-size:10px;fill:#cf222e}
            .heading{font-size:17px;font-weight:700;fill:#1f2328}
            .subheading{font-size:12px;fill:#57606a}
            .legend{font-size:12px;fill:#1f2328}
            .note{font-size:11px;fill:#57606a}
            </style>

            """ as StaticString)
        w.write("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" as StaticString)

        // Title.
        text(left, 28, "heading", "Team schedule · \(plan.document.path)", &w)
        let gap = AssignText.percent(s.gapPercent)
        let stageText = s.stageLowerBound > s.lowerBound + 1e-9
            ? " · with phase barriers \(duration(s.stageLowerBound, inDays)) (gap \(AssignText.percent(s.stageGapPercent)))" : ""
        let people = s.team.size == 1 ? "1 person" : "\(s.team.size) people"
        text(
            left, 48, "subheading",
            "\(people) · makespan \(duration(s.makespan, inDays)) · lower bound \(duration(s.lowerBound, inDays)) (gap \(gap))\(stageText) · utilisation \(AssignText.percent(s.utilisation * 100))",
            &w)

        // Lanes and names.
        w.write("<g class=\"lanes\">\n" as StaticString)
        for p in 0..<laneCount {
            let y = top + Double(p) * laneHeight
            if p % 2 == 0 {
                w.write("<rect class=\"lane\" x=\"" as StaticString)
                number(left, &w)
                w.write("\" y=\"" as StaticString)
                number(y, &w)
                w.write("\" width=\"" as StaticString)
                number(chartWidth, &w)
                w.write("\" height=\"" as StaticString)
                number(laneHeight, &w)
                w.write("\"/>\n" as StaticString)
            }
            w.write("<text class=\"person\" x=\"" as StaticString)
            number(left - 12, &w)
            w.write("\" y=\"" as StaticString)
            number(y + laneHeight / 2 + 4.5, &w)
            w.write("\" text-anchor=\"end\">" as StaticString)
            w.writeXMLEscaped(clip(s.team.isNumbered ? "Person \(s.team.names[p])" : s.team.names[p], 24))
            w.write("</text>\n" as StaticString)
        }
        w.write("</g>\n" as StaticString)

        // Grid and axis.
        let step = tickStep(span: span, scale: scale, unit: unit)
        w.write("<g class=\"axis-group\">\n" as StaticString)
        var k = 0
        while true {
            let t = Double(k) * step
            if t > span + 1e-9 { break }
            let px = x(t)
            line(px, top, px, axisY + 4, "grid", &w)
            w.write("<text class=\"tick\" x=\"" as StaticString)
            number(px, &w)
            w.write("\" y=\"" as StaticString)
            number(axisY + 18, &w)
            w.write("\" text-anchor=\"middle\">" as StaticString)
            w.writeXMLEscaped(tickLabel(t / unit, inDays))
            w.write("</text>\n" as StaticString)
            k += 1
        }
        line(left, axisY, left + chartWidth, axisY, "axis", &w)
        w.write("</g>\n" as StaticString)

        if let blocks {
            writeBlocks(blocks, plan: plan, s: s, groups: groups, colours: colours, x: x, inDays: inDays, into: &w)
        } else {
            writeBars(plan: plan, s: s, drawn: drawn, groups: groups, colours: colours, x: x, inDays: inDays, into: &w)
        }

        // Checkpoints.
        let marks = checkpoints(plan, s).filter { $0.time <= windowEnd + 1e-9 }
        if !marks.isEmpty {
            w.write("<g class=\"checkpoints\">\n" as StaticString)
            // Labels sit left of their line, in the first of three rows where they
            // do not run into the label before them; a label that fits nowhere is
            // left to the tooltip.
            var rowEnds = [Double](repeating: -Double.infinity, count: 3)
            for mark in marks {
                let px = x(mark.time)
                let label = clip(mark.text, 36)
                let labelStart = px - 3 - Double(label.count) * 5.8
                let row = rowEnds.firstIndex { $0 < labelStart - 6 }
                let labelY = top - 8 - Double(row ?? 0) * 13
                w.write("<g class=\"checkpoint-group\"><title>" as StaticString)
                w.writeXMLEscaped("Checkpoint at \(duration(mark.time, inDays)): \(mark.text)")
                w.write("</title>" as StaticString)
                line(px, labelY + 3, px, axisY, "checkpoint", &w)
                if let row {
                    rowEnds[row] = px
                    w.write("<text class=\"checkpoint-label\" x=\"" as StaticString)
                    number(px - 3, &w)
                    w.write("\" y=\"" as StaticString)
                    number(labelY, &w)
                    w.write("\" text-anchor=\"end\">" as StaticString)
                    w.writeXMLEscaped(label)
                    w.write("</text>" as StaticString)
                }
                w.write("</g>\n" as StaticString)
            }
            w.write("</g>\n" as StaticString)
        }

        // Legend.
        w.write("<g class=\"legend-group\">\n" as StaticString)
        for (r, row) in legendRows.enumerated() {
            let y = legendTop + Double(r) * 22
            for item in row {
                let colour = colours[Int(item.group)]
                w.write("<rect x=\"" as StaticString)
                number(item.x, &w)
                w.write("\" y=\"" as StaticString)
                number(y - 11, &w)
                w.write("\" width=\"14\" height=\"14\" rx=\"3\" fill=\"" as StaticString)
                w.write(colour.fill)
                w.write("\"/>" as StaticString)
                text(item.x + 20, y, "legend", clip(groups.names[Int(item.group)], 40), &w)
            }
        }
        var noteY = legendTop + Double(legendRows.count) * 22 + 8
        for note in notes {
            text(left, noteY, "note", note, &w)
            noteY += 16
        }
        w.write("</g>\n</svg>\n" as StaticString)
    }

    // MARK: Pieces

    /// A run of one person's consecutive tasks of one story group.
    struct Block {
        var person: Int
        var group: Int32
        var start: Double
        var finish: Double
        var first: Int32
        var last: Int32
        var count: Int
        var critical: Bool
        /// How many story groups a coarsened block holds, and the share of its
        /// hours the largest one has (`group` is that one).
        var groupCount = 1
        var share = 1.0

        /// Takes in the run (or block) that follows it on the same lane.
        mutating func absorb(finish: Double, last: Int32, count: Int, critical: Bool) {
            self.finish = max(self.finish, finish)
            self.last = last
            self.count += count
            self.critical = self.critical || critical
        }
    }

    /// Each lane's tasks in order, merged while the story group stays the same
    /// and the next task starts within `joinGap` hours of the last one's end.
    /// - Complexity: O(V).
    static func blocks(_ s: TeamSchedule, laneCount: Int, groups: StoryGroups, plan: Plan, joinGap: Double) -> [Block] {
        var result: [Block] = []
        for p in 0..<laneCount {
            var current: Block?
            for v in s.lanes[p] {
                let i = Int(v)
                let group = groups.groupOfNode[i]
                let critical = plan.schedule?.isCritical(v) ?? false
                if var block = current, block.group == group, s.start[i] - block.finish <= joinGap {
                    block.absorb(finish: s.finish[i], last: v, count: 1, critical: critical)
                    current = block
                    continue
                }
                if let block = current { result.append(block) }
                current = Block(
                    person: p, group: group, start: s.start[i], finish: s.finish[i], first: v, last: v, count: 1,
                    critical: critical)
            }
            if let block = current { result.append(block) }
        }
        return result
    }

    /// Joins each lane's blocks until every block is at least `minimumWidth`
    /// hours long (or stands alone after a gap); a joined block takes the
    /// group with the most hours in it. Counts and first and last tasks add up.
    /// - Complexity: O(B · g) for B blocks of g groups each.
    static func coarsen(_ blocks: [Block], minimumWidth: Double, joinGap: Double) -> [Block] {
        var result: [Block] = []
        var current: Block?
        var hours: [Int32: Double] = [:]
        func flush() {
            guard var block = current else { return }
            if hours.count > 1 {
                let top = hours.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!
                block.group = top.key
                block.groupCount = hours.count
                block.share = top.value / max(hours.values.reduce(0, +), 1e-9)
            }
            result.append(block)
            current = nil
            hours = [:]
        }
        for block in blocks {
            if var open = current, open.person == block.person, block.start - open.finish <= joinGap,
                open.finish - open.start < minimumWidth || block.finish - block.start < minimumWidth
            {
                open.absorb(finish: block.finish, last: block.last, count: block.count, critical: block.critical)
                hours[block.group, default: 0] += block.finish - block.start
                current = open
                continue
            }
            flush()
            current = block
            hours[block.group] = block.finish - block.start
        }
        flush()
        return result
    }

    /// One bar per drawn task, in document order.
    static func writeBars(
        plan: Plan, s: TeamSchedule, drawn: [Bool], groups: StoryGroups,
        colours: [(fill: StaticString, text: StaticString)], x: (Double) -> Double, inDays: Bool, into w: inout ByteWriter
    ) {
        w.write("<g class=\"bars\">\n" as StaticString)
        var usedIDs = Set<String>()
        let schedule = plan.schedule
        for v in drawn.indices where drawn[v] {
            let task = plan.task(ofNode: Int32(v))
            let person = Int(s.personOfNode[v])
            let group = Int(groups.groupOfNode[v])
            let colour = colours[group]
            let critical = schedule?.isCritical(Int32(v)) ?? false
            var id = task.id
            var n = 2
            while !usedIDs.insert(id).inserted {
                id = "\(task.id)-\(n)"
                n += 1
            }
            let x0 = x(s.start[v])
            let barWidth = max(x(s.finish[v]) - x0, 1.5)
            let y = top + Double(person) * laneHeight + (laneHeight - barHeight) / 2

            w.write("<g id=\"" as StaticString)
            w.writeXMLEscaped(id)
            // A thin bar gets no white edge (it would turn white) and a fine outline when critical.
            let thin = barWidth < 8
            w.write("\" class=\"bar" as StaticString)
            if critical { w.write(" critical" as StaticString) }
            if thin { w.write(" thin" as StaticString) }
            // Finished work (planned when --remaining is not given) is drawn faded.
            let finished = task.status.isFinished
            if finished { w.write(" done" as StaticString) }
            w.write("\">" as StaticString)
            w.write("<title>" as StaticString)
            var tip = "\(task.id) · \(s.team.names[person]) · \(duration(s.start[v], inDays))–\(duration(s.finish[v], inDays))"
            tip += " (\(PlanText.hours(s.finish[v] - s.start[v])))\n\(groups.names[group])"
            if critical { tip += " · critical" }
            if finished { tip += " · \(task.status == .done ? "done" : "skipped")" }
            tip += "\n\(task.description)"
            writeBar(tip: tip, label: task.id, x0: x0, y: y, width: barWidth, rounded: true, colour: colour, into: &w)
        }
        w.write("</g>\n" as StaticString)
    }

    /// The fill of a block of many stories.
    static let mixedColour: (fill: StaticString, text: StaticString) = ("#d0d7de", "#1f2328")

    static func writeBlocks(
        _ blocks: [Block], plan: Plan, s: TeamSchedule, groups: StoryGroups,
        colours: [(fill: StaticString, text: StaticString)], x: (Double) -> Double, inDays: Bool, into w: inout ByteWriter
    ) {
        w.write("<g class=\"blocks\">\n" as StaticString)
        for block in blocks {
            // A block of many stories, none with half of it, is drawn neutral:
            // one story's colour would tell a story that is not there.
            let mixed = block.groupCount > 1 && block.share < 0.5
            let colour = mixed ? mixedColour : colours[Int(block.group)]
            let x0 = x(block.start)
            let barWidth = max(x(block.finish) - x0, 1.5)
            let y = top + Double(block.person) * laneHeight + (laneHeight - barHeight) / 2
            w.write("<g class=\"block" as StaticString)
            if block.critical { w.write(" critical" as StaticString) }
            if mixed { w.write(" mixed" as StaticString) }
            w.write("\"><title>" as StaticString)
            let first = plan.task(ofNode: block.first).id, last = plan.task(ofNode: block.last).id
            let tasks = block.count == 1 ? first : "\(block.count) tasks, \(first) … \(last)"
            let story = block.groupCount == 1
                ? groups.names[Int(block.group)]
                : "\(block.groupCount) stories and phases, most of it \(groups.names[Int(block.group)]) (\(AssignText.percent(block.share * 100)))"
            var tip = "\(story) · \(s.team.names[block.person]) · "
            tip += "\(duration(block.start, inDays))–\(duration(block.finish, inDays)) · \(tasks)"
            if block.critical { tip += " · on the critical path" }
            writeBar(tip: tip, label: "×\(block.count)", x0: x0, y: y, width: barWidth, rounded: false, colour: colour, into: &w)
        }
        w.write("</g>\n" as StaticString)
    }

    /// The rest of a bar's `<g>` after `<title>`: the tooltip text, the bar,
    /// its label when it fits, and the closing tags.
    static func writeBar(
        tip: String, label: String, x0: Double, y: Double, width barWidth: Double, rounded: Bool,
        colour: (fill: StaticString, text: StaticString), into w: inout ByteWriter
    ) {
        w.writeXMLEscaped(tip)
        w.write("</title><rect x=\"" as StaticString)
        number(x0 + 0.5, &w)
        w.write("\" y=\"" as StaticString)
        number(y, &w)
        w.write("\" width=\"" as StaticString)
        number(max(barWidth - 1, 1), &w)
        w.write("\" height=\"" as StaticString)
        number(barHeight, &w)
        w.write(rounded ? "\" rx=\"4\" fill=\"" as StaticString : "\" fill=\"" as StaticString)
        w.write(colour.fill)
        w.write("\"/>" as StaticString)
        if Double(label.count) * 6.6 + 8 <= barWidth {
            w.write("<text x=\"" as StaticString)
            number(x0 + 5, &w)
            w.write("\" y=\"" as StaticString)
            number(y + barHeight / 2 + 4, &w)
            w.write("\" fill=\"" as StaticString)
            w.write(colour.text)
            w.write("\">" as StaticString)
            w.writeXMLEscaped(label)
            w.write("</text>" as StaticString)
        }
        w.write("</g>\n" as StaticString)
    }

    /// Story groups that have a drawn bar, in order of first appearance.
    static func legendGroups(_ groups: StoryGroups, drawn: [Bool]) -> [Int32] {
        var seen = [Bool](repeating: false, count: groups.count)
        var result: [Int32] = []
        for (v, g) in groups.groupOfNode.enumerated() where drawn[v] && !seen[Int(g)] {
            seen[Int(g)] = true
            result.append(g)
        }
        return result
    }

    /// Checkpoints: for each phase with a checkpoint line and planned tasks, the
    /// finish of its last task. Sorted by time, then phase.
    public static func checkpoints(_ plan: Plan, _ s: TeamSchedule) -> [(time: Double, text: String)] {
        let doc = plan.document
        var end = [Double](repeating: -1, count: doc.phases.count)
        for v in 0..<plan.graph.taskNodeCount {
            let p = Int(plan.task(ofNode: Int32(v)).phase)
            if end.indices.contains(p) { end[p] = max(end[p], s.finish[v]) }
        }
        var marks: [(time: Double, phase: Int, text: String)] = []
        for (p, phase) in doc.phases.enumerated() where end[p] >= 0 {
            guard let text = phase.checkpoint, !text.isEmpty else { continue }
            marks.append((end[p], p, text))
        }
        marks.sort { $0.time != $1.time ? $0.time < $1.time : $0.phase < $1.phase }
        return marks.map { ($0.time, $0.text) }
    }

    static func footnotes(_ s: TeamSchedule, laneCount: Int, drawnCount: Int, barsCut: Bool, windowEnd: Double, inDays: Bool) -> [String] {
        var notes = ["Bars are coloured by story or phase; critical tasks are outlined in red, finished ones faded; dashed lines are checkpoints. Hover a bar for its description."]
        if barsCut {
            notes.append("Too many tasks to draw them all: showing the \(drawnCount) tasks that start before \(duration(windowEnd, inDays)), of \(s.personOfNode.count) (makespan \(duration(s.makespan, inDays))).")
        }
        if laneCount < s.team.size {
            notes.append("Showing the first \(laneCount) of \(s.team.size) people.")
        }
        return notes
    }

    /// A tick spacing (hours) from 1-2-5-style steps of the unit, at least 56 px apart.
    static func tickStep(span: Double, scale: Double, unit: Double) -> Double {
        let steps: [Double] = [0.25, 0.5, 1, 2, 4, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000]
        for step in steps where step * unit * scale >= 56 { return step * unit }
        var step = steps.last! * unit
        while step * scale < 56 { step *= 10 }
        return step
    }

    static func tickLabel(_ value: Double, _ inDays: Bool) -> String {
        let v = (value * 100).rounded() / 100
        let text = v == v.rounded() ? String(Int(v)) : PlanText.format1(v)
        return inDays ? "\(text)d" : "\(text)h"
    }

    /// `12.5h`, or `3.1d` on a day axis.
    static func duration(_ hours: Double, _ inDays: Bool) -> String {
        inDays ? "\(PlanText.format1((hours / hoursPerDay * 10).rounded() / 10))d" : PlanText.hours(hours)
    }

    static func clip(_ s: String, _ n: Int) -> String {
        PlanText.truncate(s, n)
    }

    /// A coordinate with one decimal.
    static func number(_ x: Double, _ w: inout ByteWriter) {
        w.write((x * 10).rounded() / 10)
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ cls: StaticString, _ w: inout ByteWriter) {
        w.write("<line class=\"" as StaticString)
        w.write(cls)
        w.write("\" x1=\"" as StaticString)
        number(x1, &w)
        w.write("\" y1=\"" as StaticString)
        number(y1, &w)
        w.write("\" x2=\"" as StaticString)
        number(x2, &w)
        w.write("\" y2=\"" as StaticString)
        number(y2, &w)
        w.write("\"/>\n" as StaticString)
    }

    static func text(_ x: Double, _ y: Double, _ cls: StaticString, _ content: String, _ w: inout ByteWriter) {
        w.write("<text class=\"" as StaticString)
        w.write(cls)
        w.write("\" x=\"" as StaticString)
        number(x, &w)
        w.write("\" y=\"" as StaticString)
        number(y, &w)
        w.write("\">" as StaticString)
        w.writeXMLEscaped(content)
        w.write("</text>\n" as StaticString)
    }
}
