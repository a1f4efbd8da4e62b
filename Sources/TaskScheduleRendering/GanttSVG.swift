import SpecKitTasks
import TaskScheduling

/// A Gantt chart of a team schedule as a standalone SVG file.
///
/// One lane per person; one bar per task (`<g id="T012" class="bar critical">`
/// holding a rounded `<rect>`, a label, and a `<title>` tooltip with the full
/// description). Every bar is labelled: the ID and as much of the description
/// as fits, else the ID shortened (`12` for `T012`), written upwards in a bar
/// too narrow for it. Bars are coloured by story or phase from one
/// qualitative palette, with a legend; critical tasks outlined; checkpoints
/// as dashed vertical lines whose labels never overlap (they stack in as many
/// rows as needed); a time axis in hours, the unit of the text output.
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

    /// Fill and text colours: a colour-blind-friendly palette with text that
    /// reads on each fill. Neighbours in this order differ in hue and
    /// lightness; there is no red, which marks the critical path.
    static let palette: [(fill: StaticString, text: StaticString)] = [
        ("#4e79a7", "#ffffff"), ("#f28e2b", "#1f2328"), ("#59a14f", "#ffffff"), ("#b07aa1", "#ffffff"),
        ("#edc948", "#1f2328"), ("#17a5b5", "#1f2328"), ("#ff9da7", "#1f2328"), ("#9c755f", "#ffffff"),
        ("#8cd17d", "#1f2328"), ("#2f6b8f", "#ffffff"), ("#ffbe7d", "#1f2328"), ("#76b7b2", "#1f2328"),
        ("#d37295", "#ffffff"), ("#b6992d", "#ffffff"), ("#a0cbe8", "#1f2328"), ("#499894", "#ffffff"),
        ("#7a5195", "#ffffff"), ("#c9b37a", "#1f2328"), ("#d4a6c8", "#1f2328"), ("#bab0ac", "#1f2328"),
    ]

    /// Every story and phase takes the next colour of the qualitative
    /// palette, in order of first appearance: neighbours always differ, and a
    /// barrier phase is as easy to tell apart as a story (slate greys were not).
    static func colourOfGroup(_ groups: StoryGroups) -> [(fill: StaticString, text: StaticString)] {
        (0..<groups.count).map { palette[$0 % palette.count] }
    }

    // Layout, in pixels.
    static let laneHeight = 30.0
    static let barHeight = 22.0
    /// The top of the first lane when checkpoint labels need at most
    /// ``checkpointRowsBelowTitle`` rows; each further row moves the lanes down.
    static let baseTop = 100.0
    static let checkpointRowsBelowTitle = 3
    static let checkpointRowHeight = 13.0
    /// The widest chart, in pixels, when every task is drawn as a bar: wide
    /// enough that a short bar still holds a few characters.
    static let maxChartWidth = 4800.0
    static let right = 28.0
    /// Legend entries drawn; the rest are counted in a footnote.
    static let maxLegendItems = 40

    /// Renders the chart.
    ///
    /// - Complexity: O(V log V) for V tasks (the cut sorts by start time).
    public static func render(_ plan: Plan, _ s: TeamSchedule, options: Options = Options(), into w: inout ByteWriter) {
        let groups = StoryGroups(graph: plan.graph, document: plan.document)
        // When most tasks are critical, red outlines everywhere say nothing: the footnote says it instead.
        let critical = CriticalShare(plan)
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
            var merged = Self.blocks(s, laneCount: laneCount, groups: groups, plan: plan, joinGap: pixel, marksCritical: !critical.isMost)
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

        // Horizontal scale: about 40 px an hour, 640–1400 px in all.
        let longestName = (s.team.names.prefix(laneCount).map { $0.count }.max() ?? 1) + (s.team.isNumbered ? 7 : 0)
        let left = min(200, max(90, Double(longestName) * 7.5 + 28))
        // Bars get room for their labels; blocks of thousands of tasks stay on one screen.
        let chartWidth = min(blocks == nil ? maxChartWidth : 1400, max(640, span * 40, barWidthWanted(plan, s, drawn: drawn, span: span)))
        let scale = chartWidth / span
        let chartHeight = Double(max(laneCount, 1)) * laneHeight
        func x(_ t: Double) -> Double { left + min(t, windowEnd) * scale }

        // Checkpoint labels: placed first, because their rows decide where the lanes start.
        let marks = checkpoints(plan, s).filter { $0.time <= windowEnd + 1e-9 }
        let labels = checkpointLabels(marks.map { (x: x($0.time), text: clip($0.text, 36)) }, minX: 4)
        let labelRows = (labels.map(\.row).max() ?? -1) + 1
        let top = baseTop + Double(max(0, labelRows - checkpointRowsBelowTitle)) * checkpointRowHeight

        // Legend rows, wrapped to the width.
        let allGroups = legendGroups(groups, drawn: drawn)
        let usedGroups = Array(allGroups.prefix(maxLegendItems))
        var legendRows: [[(group: Int32, x: Double)]] = [[]]
        var cursor = left
        for g in usedGroups {
            let itemWidth = 22 + textWidth(legendName(groups, g), fontSize: 12) + 18
            if cursor + itemWidth > left + chartWidth && !legendRows[legendRows.count - 1].isEmpty {
                legendRows.append([])
                cursor = left
            }
            legendRows[legendRows.count - 1].append((g, cursor))
            cursor += itemWidth
        }
        let axisY = top + chartHeight
        let legendTop = axisY + 40
        var notes = footnotes(s, laneCount: laneCount, drawnCount: drawnCount, barsCut: barsCut, windowEnd: windowEnd, critical: critical)
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
            .checkpoint-label{font-size:10px;fill:#cf222e;paint-order:stroke;stroke:#ffffff;stroke-width:3px;stroke-linejoin:round}
            .heading{font-size:17px;font-weight:700;fill:#1f2328}
            .subheading{font-size:12px;fill:#57606a}
            .legend{font-size:12px;fill:#1f2328}
            .note{font-size:11px;fill:#57606a}
            </style>

            """ as StaticString)
        w.write("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" as StaticString)

        // Title.
        // A long path is cut to the chart's width (bold 17 px runs wider than the estimate).
        text(left, 28, "heading", clipped("Team schedule · \(plan.document.path)", toWidth: chartWidth + right - 8, fontSize: 17 * 1.1), &w)
        let gap = AssignText.percent(s.gapPercent)
        let stageText = s.stageLowerBound > s.lowerBound + 1e-9
            ? " · with phase barriers \(duration(s.stageLowerBound)) (gap \(AssignText.percent(s.stageGapPercent)))" : ""
        let people = s.team.size == 1 ? "1 person" : "\(s.team.size) people"
        text(
            left, 48, "subheading",
            "\(people) · makespan \(duration(s.makespan)) · lower bound \(duration(s.lowerBound)) (gap \(gap))\(stageText) · utilisation \(AssignText.percent(s.utilisation * 100))",
            &w)

        // Lanes and names.
        w.write("<g class=\"lanes\">\n" as StaticString)
        for p in 0..<laneCount {
            let y = top + Double(p) * laneHeight
            if p % 2 == 0 {
                w.write("<rect class=\"lane\"" as StaticString)
                box(left, y, chartWidth, laneHeight, &w)
                w.write("/>\n" as StaticString)
            }
            w.write("<text class=\"person\"" as StaticString)
            position(left - 12, y + laneHeight / 2 + 4.5, &w)
            w.write(" text-anchor=\"end\">" as StaticString)
            w.writeXMLEscaped(clip(s.team.isNumbered ? "Person \(s.team.names[p])" : s.team.names[p], 24))
            w.write("</text>\n" as StaticString)
        }
        w.write("</g>\n" as StaticString)

        // Grid and axis.
        let step = tickStep(span: span, scale: scale)
        w.write("<g class=\"axis-group\">\n" as StaticString)
        var k = 0
        while true {
            let t = Double(k) * step
            if t > span + 1e-9 { break }
            let px = x(t)
            line(px, top, px, axisY + 4, "grid", &w)
            w.write("<text class=\"tick\"" as StaticString)
            position(px, axisY + 18, &w)
            w.write(" text-anchor=\"middle\">" as StaticString)
            w.writeXMLEscaped(tickLabel(t))
            w.write("</text>\n" as StaticString)
            k += 1
        }
        line(left, axisY, left + chartWidth, axisY, "axis", &w)
        w.write("</g>\n" as StaticString)

        if let blocks {
            writeBlocks(blocks, plan: plan, s: s, groups: groups, colours: colours, x: x, top: top, into: &w)
        } else {
            writeBars(plan: plan, s: s, drawn: drawn, groups: groups, colours: colours, x: x, top: top, marksCritical: !critical.isMost, into: &w)
        }

        // Checkpoints: every label shown, none over another (see `checkpointLabels`).
        if !marks.isEmpty {
            w.write("<g class=\"checkpoints\">\n" as StaticString)
            for (mark, label) in zip(marks, labels) {
                let px = x(mark.time)
                let labelY = top - 8 - Double(label.row) * checkpointRowHeight
                w.write("<g class=\"checkpoint-group\"><title>" as StaticString)
                w.writeXMLEscaped("Checkpoint at \(duration(mark.time)): \(mark.text)")
                w.write("</title>" as StaticString)
                line(px, labelY + 3, px, axisY, "checkpoint", &w)
                w.write("<text class=\"checkpoint-label\"" as StaticString)
                position(label.minX, labelY, &w)
                w.write(" data-width=\"" as StaticString)
                number(label.maxX - label.minX, &w)
                w.write("\">" as StaticString)
                w.writeXMLEscaped(label.text)
                w.write("</text></g>\n" as StaticString)
            }
            w.write("</g>\n" as StaticString)
        }

        // Legend.
        w.write("<g class=\"legend-group\">\n" as StaticString)
        for (r, row) in legendRows.enumerated() {
            let y = legendTop + Double(r) * 22
            for item in row {
                let colour = colours[Int(item.group)]
                w.write("<rect" as StaticString)
                position(item.x, y - 11, &w)
                w.write(" width=\"14\" height=\"14\" rx=\"3\" fill=\"" as StaticString)
                w.write(colour.fill)
                w.write("\"/>" as StaticString)
                text(item.x + 20, y, "legend", legendName(groups, item.group), &w)
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
    static func blocks(_ s: TeamSchedule, laneCount: Int, groups: StoryGroups, plan: Plan, joinGap: Double, marksCritical: Bool) -> [Block] {
        var result: [Block] = []
        for p in 0..<laneCount {
            var current: Block?
            for v in s.lanes[p] {
                let i = Int(v)
                let group = groups.groupOfNode[i]
                let critical = marksCritical && plan.schedule.isCritical(v)
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
        colours: [(fill: StaticString, text: StaticString)], x: (Double) -> Double, top: Double, marksCritical: Bool,
        into w: inout ByteWriter
    ) {
        w.write("<g class=\"bars\">\n" as StaticString)
        var usedIDs = UniqueNames()
        let schedule = plan.schedule
        for v in drawn.indices where drawn[v] {
            let task = plan.task(ofNode: Int32(v))
            let person = Int(s.personOfNode[v])
            let group = Int(groups.groupOfNode[v])
            let colour = colours[group]
            let critical = marksCritical && schedule.isCritical(Int32(v))
            let id = usedIDs.claim(task.id)
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
            // Finished work (planned only with --all) is drawn faded.
            let finished = task.status.isFinished
            if finished { w.write(" done" as StaticString) }
            w.write("\">" as StaticString)
            w.write("<title>" as StaticString)
            var tip = "\(task.id) · \(s.team.names[person]) · \(duration(s.start[v]))–\(duration(s.finish[v]))"
            tip += " (\(PlanText.hours(s.finish[v] - s.start[v])))\n\(groups.names[group])"
            if critical { tip += " · critical" }
            if finished { tip += " · \(task.status == .done ? "done" : "skipped")" }
            tip += "\n\(task.description)"
            let description = InlineMarkdown.plain(task.description).replacingNewlines()
            writeBar(tip: tip, label: BarText(id: task.id, description: description), x0: x0, y: y, width: barWidth, rounded: true, colour: colour, into: &w)
        }
        w.write("</g>\n" as StaticString)
    }

    /// The fill of a block of many stories.
    static let mixedColour: (fill: StaticString, text: StaticString) = ("#d0d7de", "#1f2328")

    static func writeBlocks(
        _ blocks: [Block], plan: Plan, s: TeamSchedule, groups: StoryGroups,
        colours: [(fill: StaticString, text: StaticString)], x: (Double) -> Double, top: Double, into w: inout ByteWriter
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
            tip += "\(duration(block.start))–\(duration(block.finish)) · \(tasks)"
            if block.critical { tip += " · on the critical path" }
            writeBar(tip: tip, label: BarText(id: "×\(block.count)", description: ""), x0: x0, y: y, width: barWidth, rounded: false, colour: colour, into: &w)
        }
        w.write("</g>\n" as StaticString)
    }

    /// The rest of a bar's `<g>` after `<title>`: the tooltip text, the bar,
    /// its label when it fits, and the closing tags.
    static func writeBar(
        tip: String, label: BarText, x0: Double, y: Double, width barWidth: Double, rounded: Bool,
        colour: (fill: StaticString, text: StaticString), into w: inout ByteWriter
    ) {
        w.writeXMLEscaped(tip)
        w.write("</title><rect" as StaticString)
        box(x0 + 0.5, y, max(barWidth - 1, 1), barHeight, &w)
        w.write(rounded ? " rx=\"4\" fill=\"" as StaticString : " fill=\"" as StaticString)
        w.write(colour.fill)
        w.write("\"/>" as StaticString)
        let fitted = barLabel(label, width: barWidth)
        w.write("<text x=\"" as StaticString)
        if fitted.vertical {
            // Read from bottom to top, centred in the bar.
            let cx = x0 + barWidth / 2 + fitted.fontSize * 0.35
            let cy = y + barHeight - 3
            number(cx, &w)
            w.write("\" y=\"" as StaticString)
            number(cy, &w)
            w.write("\" transform=\"rotate(-90 " as StaticString)
            number(cx, &w)
            w.write(" " as StaticString)
            number(cy, &w)
            w.write(")" as StaticString)
        } else {
            number(x0 + 3, &w)
            w.write("\" y=\"" as StaticString)
            number(y + barHeight / 2 + fitted.fontSize * 0.36, &w)
        }
        w.write("\" font-size=\"" as StaticString)
        number(fitted.fontSize, &w)
        w.write("\" fill=\"" as StaticString)
        w.write(colour.text)
        w.write("\">" as StaticString)
        w.writeXMLEscaped(fitted.text)
        w.write("</text></g>\n" as StaticString)
    }

    // MARK: Labels

    /// What a bar could say: its task ID and description.
    public struct BarText: Sendable, Hashable {
        public var id: String
        public var description: String

        public init(id: String, description: String) {
            self.id = id
            self.description = description
        }

        /// `12` for `T012`, `7a` for `T007a`, `HF02` for `T-HF02`, `1.2` for
        /// `Task 1.2`: the ID without its common prefix, for a narrow bar.
        public var shortID: String {
            var rest = Substring(id)
            if rest.hasPrefix("T-") { rest = rest.dropFirst(2) } else if rest.hasPrefix("T"), rest.dropFirst().first?.isNumber == true {
                rest = rest.dropFirst()
            } else if let space = rest.firstIndex(where: { $0 == " " || $0 == "-" }), rest[rest.index(after: space)...].first?.isNumber == true {
                rest = rest[rest.index(after: space)...]
            }
            while rest.count > 1, rest.first == "0", rest.dropFirst().first?.isNumber == true { rest = rest.dropFirst() }
            return rest.isEmpty ? id : String(rest)
        }
    }

    /// The label a bar `width` px wide shows: the ID and as much of the
    /// description as fits; else the ID, or the short ID, at 11 px then at
    /// 9 px; else the short ID written upwards, as large as the bar allows.
    /// Every bar gets one; its `<title>` holds the full text.
    public static func barLabel(_ label: BarText, width: Double) -> (text: String, fontSize: Double, vertical: Bool) {
        let padding = 6.0
        for size in [11.0, 9.0] {
            let room = width - padding
            if size == 11, !label.description.isEmpty {
                let head = label.id + " "
                let left = room - textWidth(head, fontSize: size)
                if left >= textWidth("abcdef…", fontSize: size) {
                    return (head + clipped(label.description, toWidth: left, fontSize: size), size, false)
                }
            }
            for text in [label.id, label.shortID] where textWidth(text, fontSize: size) <= room {
                return (text, size, false)
            }
        }
        let size = max(4, min(9, width - 2))
        return (clipped(label.shortID, toWidth: barHeight - 5, fontSize: size), size, true)
    }

    /// `text` cut to `width` px at `fontSize`, with `…` when cut.
    static func clipped(_ text: String, toWidth width: Double, fontSize: Double) -> String {
        if textWidth(text, fontSize: fontSize) <= width { return text }
        var out = ""
        var used = textWidth("…", fontSize: fontSize)
        for c in text {
            let w = textWidth(String(c), fontSize: fontSize)
            if used + w > width { break }
            out.append(c)
            used += w
        }
        while out.last == " " { out.removeLast() }
        return out.isEmpty ? String(text.prefix(1)) : out + "…"
    }

    /// An estimate of the width of `text` in px in a sans-serif font,
    /// generous so that an estimate that fits does fit: CJK and emoji are
    /// one em wide, other letters about 0.6 em.
    public static func textWidth(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x0300 && v < 0x0370 { continue }  // combining marks
            if v >= 0x1100 { em += 1.0 } else if "MWmw@".unicodeScalars.contains(scalar) { em += 0.85 } else if "il.,:;'|!I1 ".unicodeScalars.contains(scalar) { em += 0.32 } else { em += 0.6 }
        }
        return em * fontSize
    }

    /// A checkpoint label placed: its text, its extent in px, and its row
    /// (0 just above the lanes, counting upwards).
    struct CheckpointLabel {
        var text: String
        var minX: Double
        var maxX: Double
        var row: Int
    }

    /// Places checkpoint labels so that none overlaps another: each ends just
    /// left of its line (or starts just right of it when there is no room on
    /// the left), in the lowest row where it is 6 px clear of every label
    /// already there. Rows are added as needed; no label is dropped.
    ///
    /// - Complexity: O(n²) for n checkpoints.
    static func checkpointLabels(_ items: [(x: Double, text: String)], minX: Double) -> [CheckpointLabel] {
        var rows: [[ClosedRange<Double>]] = []
        var result: [CheckpointLabel] = []
        for item in items {
            let width = textWidth(item.text, fontSize: 10)
            var start = item.x - 3 - width
            if start < minX { start = item.x + 3 }
            let extent = (start - 6)...(start + width + 6)
            let row = rows.firstIndex { placed in !placed.contains { $0.overlaps(extent) } } ?? rows.count
            if row == rows.count { rows.append([]) }
            rows[row].append(extent)
            result.append(CheckpointLabel(text: item.text, minX: start, maxX: start + width, row: row))
        }
        return result
    }

    /// The chart width at which the shortest bar drawn is wide enough for
    /// a short label (about 30 px).
    static func barWidthWanted(_ plan: Plan, _ s: TeamSchedule, drawn: [Bool], span: Double) -> Double {
        var shortest = Double.infinity
        for v in drawn.indices where drawn[v] {
            let d = s.finish[v] - s.start[v]
            if d > 1e-9 { shortest = min(shortest, d) }
        }
        return shortest.isFinite ? span * 30 / shortest : 0
    }

    /// A story's or phase's name as the legend shows it: plain text, at most 40 characters.
    static func legendName(_ groups: StoryGroups, _ g: Int32) -> String {
        clip(InlineMarkdown.plain(groups.names[Int(g)]), 40)
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

    static func footnotes(_ s: TeamSchedule, laneCount: Int, drawnCount: Int, barsCut: Bool, windowEnd: Double, critical: CriticalShare) -> [String] {
        let outline = critical.sentence.map { "\($0), so none is outlined" } ?? "critical tasks are outlined in red"
        var notes = ["Bars are coloured by story or phase; \(outline); finished ones are faded; dashed lines are checkpoints. Hover a bar for its description."]
        if barsCut {
            notes.append("Too many tasks to draw them all: showing the \(drawnCount) tasks that start before \(duration(windowEnd)), of \(s.personOfNode.count) (makespan \(duration(s.makespan))).")
        }
        if laneCount < s.team.size {
            notes.append("Showing the first \(laneCount) of \(s.team.size) people.")
        }
        return notes
    }

    /// A tick spacing in hours from 1-2-5-style steps, at least 56 px apart.
    static func tickStep(span: Double, scale: Double) -> Double {
        let steps: [Double] = [0.25, 0.5, 1, 2, 4, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000]
        for step in steps where step * scale >= 56 { return step }
        var step = steps.last!
        while step * scale < 56 { step *= 10 }
        return step
    }

    /// `12h`, `2.5h`: the unit of the text output.
    static func tickLabel(_ value: Double) -> String {
        let v = (value * 100).rounded() / 100
        let text = v == v.rounded() ? String(Int(v)) : PlanText.format1(v)
        return "\(text)h"
    }

    /// `12.5h`, as `plan` and `assign` print it.
    static func duration(_ hours: Double) -> String {
        PlanText.hours(hours)
    }

    static func clip(_ s: String, _ n: Int) -> String {
        PlanText.truncate(s, n)
    }

    /// A coordinate with one decimal.
    static func number(_ x: Double, _ w: inout ByteWriter) {
        w.write((x * 10).rounded() / 10)
    }

    /// ` x="…" y="…"`.
    static func position(_ x: Double, _ y: Double, _ w: inout ByteWriter) {
        w.write(" x=\"" as StaticString)
        number(x, &w)
        w.write("\" y=\"" as StaticString)
        number(y, &w)
        w.write("\"" as StaticString)
    }

    /// ` x="…" y="…" width="…" height="…"`.
    static func box(_ x: Double, _ y: Double, _ width: Double, _ height: Double, _ w: inout ByteWriter) {
        position(x, y, &w)
        w.write(" width=\"" as StaticString)
        number(width, &w)
        w.write("\" height=\"" as StaticString)
        number(height, &w)
        w.write("\"" as StaticString)
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
        w.write("\"" as StaticString)
        position(x, y, &w)
        w.write(">" as StaticString)
        w.writeXMLEscaped(content)
        w.write("</text>\n" as StaticString)
    }
}
