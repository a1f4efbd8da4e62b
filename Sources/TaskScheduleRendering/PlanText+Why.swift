import SpecKitTasks
import TaskScheduling

extension PlanText {
    // MARK: why

    /// The chain of edges that puts a task in its wave, one line per edge, in
    /// the reader's words: milestones are named by what they stand for (the
    /// end of a phase, a `[P]` group), each edge says why it exists (a file
    /// edge names the file), and where it was read (`path:line`).
    ///
    /// ```
    /// T012 is in wave 3, starts at 2.0h (critical)
    ///   T004 → the end of Phase 1: Setup — phase order, tasks.md:30
    ///   the end of Phase 1: Setup → T012 — phase order, tasks.md:30
    /// ```
    public static func why(_ plan: Plan, node: Int32, chain: [Int32], style: TextStyle, into w: inout ByteWriter) {
        let schedule = plan.schedule
        let task = plan.task(ofNode: node)
        let g = plan.graph
        let path = plan.document.path
        let wave = schedule.waveOfNode[Int(node)]
        let critical = schedule.isCritical(node) ? "critical" : "slack \(hours(max(0, schedule.times.slack(node))))"
        let head = "\(task.id) is in wave \(wave), starts at \(hours(schedule.times.earliestStart[Int(node)])) (\(critical))"
        switch style {
        case .text: w.write("\(head)\n")
        case .markdown: w.write("### Why \(markdownCell(task.id))\n\n\(markdownCell(head))\n\n")
        }
        if chain.isEmpty {
            w.write(style == .text ? "  Nothing comes before it: it can start in wave 1.\n" : "Nothing comes before it.\n")
            return
        }
        for e in chain {
            let source = g.graph.edgeSources[Int(e)], target = g.graph.edgeTargets[Int(e)]
            let from = spokenName(of: source, in: plan)
            let to = spokenName(of: target, in: plan)
            let reason = reason(forEdge: e, in: plan)
            // A correction's line is in the corrections file.
            let file = g.edgeKinds[Int(e)] == .correction ? plan.document.correctionsPath ?? path : path
            let location = "\(file):\(g.edgeLines[Int(e)])"
            switch style {
            case .text:
                w.write("  \(from) → \(to) — \(reason), \(location)\n")
            case .markdown:
                w.write("- \(markdownCell(from)) → \(markdownCell(to)) (\(markdownCell(reason)), \(markdownCell(location)))\n")
            }
        }
    }

    /// A node as a reader names it: a task by its ID; a milestone by what it
    /// stands for, `the end of Phase 2: Foundational`,
    /// `the end of Phase 3: US1 … Phase 5: US3`, `the end of the [P] group T010–T012`.
    /// A milestone name this does not know is shown as it is.
    public static func spokenName(of node: Int32, in plan: Plan) -> String {
        let g = plan.graph
        guard g.isMilestone(node) else { return plan.name(of: node) }
        var name = Substring(g.name(of: node, in: plan.document))
        // A repeated name gets `#2`: the reader needs no number.
        if let hash = name.lastIndex(of: "#"), name[name.index(after: hash)...].allSatisfy(\.isNumber) {
            name = name[..<hash]
        }
        if name.hasPrefix("@end-phases-") {
            let numbers = name.dropFirst("@end-phases-".count).split(separator: "-")
            if numbers.count == 2, let a = phaseTitle(numbered: numbers[0], plan), let b = phaseTitle(numbered: numbers[1], plan) {
                return "the end of \(a) … \(b)"
            }
        } else if name.hasPrefix("@end-phase-"), let title = phaseTitle(numbered: name.dropFirst("@end-phase-".count), plan) {
            return "the end of \(title)"
        } else if name.hasPrefix("@after-"), let dots = name.firstRange(of: "..") {
            let first = name[name.index(name.startIndex, offsetBy: 7)..<dots.lowerBound]
            return "the end of \(first)–\(name[dots.upperBound...])"
        } else if name.hasPrefix("@end-"), let dots = name.firstRange(of: "..") {
            let first = name[name.index(name.startIndex, offsetBy: 5)..<dots.lowerBound]
            let last = name[dots.upperBound...]
            return "the end of the [P] group \(first)–\(last)"
        }
        return String(name)
    }

    /// Why an edge exists, in a few words; a file edge names a file both tasks write.
    public static func reason(forEdge e: Int32, in plan: Plan) -> String {
        let g = plan.graph
        switch g.edgeKinds[Int(e)] {
        case .explicit: return "written dependency"
        case .declared: return "stated in the dependencies section"
        case .story: return "phase order stated in the text"
        case .correction: return "your correction"
        case .phase: return "phase order"
        case .order: return "order within the phase"
        case .file:
            let a = g.graph.edgeSources[Int(e)], b = g.graph.edgeTargets[Int(e)]
            guard !g.isMilestone(a), !g.isMilestone(b) else { return "same file" }
            let second = Set(plan.task(ofNode: b).files)
            if let shared = plan.task(ofNode: a).files.first(where: { second.contains($0) }) {
                return "both write \(shared)"
            }
            return "same file"
        }
    }

    /// `Phase 2: Foundational` for the phase whose index is `number`: its
    /// heading without Markdown and without a trailing `(…)` remark; nil when
    /// there is no such phase.
    static func phaseTitle(numbered number: Substring, _ plan: Plan) -> String? {
        guard let n = Int32(number), let phase = plan.document.phases.first(where: { $0.index == n }) else { return nil }
        return spokenTitle(of: phase)
    }

    /// A phase heading as a reader says it: Markdown removed, a trailing
    /// parenthesised remark dropped (`Phase 2: Foundational (Blocking
    /// Prerequisites)` → `Phase 2: Foundational`).
    public static func spokenTitle(of phase: Phase) -> String {
        var title = InlineMarkdown.plain(phase.title).replacingNewlines()
        if title.isEmpty { return phase.index == 0 ? "the tasks before the first phase" : "phase \(phase.index)" }
        if title.hasSuffix(")"), let open = title.lastIndex(of: "("), open > title.startIndex {
            let kept = String(title[..<open]).trimmingSuffixSpaces()
            if !kept.isEmpty { title = kept }
        }
        // An emoji or a colon left at the end reads as noise.
        while let last = title.last, last == ":" || last == "-" || last == "–" { title.removeLast() }
        return title.trimmingSuffixSpaces()
    }
}
