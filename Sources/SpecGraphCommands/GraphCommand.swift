import ArgumentParser
import Graphviz
import TaskScheduleRendering
import TaskScheduling

extension Diagram.View: ExpressibleByArgument {}
extension Diagram.Direction: ExpressibleByArgument {}

/// `specgraph graph`: draw the dependency graph.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw the dependency graph: SVG, PNG or PDF through Graphviz, or DOT and Mermaid text.",
        discussion: """
            One cluster per phase; milestones and checkpoints as small diamonds; [P], done
            and skipped tasks styled apart; edges styled by kind; the critical path bold
            and red. In SVG every task is a <g id="T012" class="node task critical …">
            whose tooltip is its full description.

            -o FILE writes the picture whole or not at all; the extension picks the format
            (.svg .png .pdf .dot .gv .mmd). Without -o, --format dot|mermaid|svg prints to
            stdout. One tasks.md per run. Exit code 1 when the spec has errors (the
            picture is still drawn: a cycle's edges that the plan keeps in dashed red,
            without the ones it leaves out), 2 for I/O and Graphviz failures. Done and
            skipped tasks are drawn only with --all.

            Layout (--layout auto): Graphviz dot up to \(LayoutStrategy.dotReducedNodeLimit) task-view nodes
            (\(LayoutStrategy.dotNodeLimit) with --no-reduce, \(LayoutStrategy.dotGroupNodeLimit) in the group views); above, a layered
            layout by wave (straight edges, linear time). Above \(GraphCommand.phaseViewTaskLimit) tasks
            the default view is phases; --view tasks draws every task anyway.

            Examples:
              specgraph graph specs/001-auth/tasks.md -o plan.svg
              specgraph graph --format mermaid specs/001-auth/tasks.md >> README.md
              specgraph graph --view phases -o phases.png specs/001-auth/tasks.md
              specgraph graph --focus T042 --depth 2 --rankdir LR -o t042.svg specs/001-auth/tasks.md
            """)

    /// Above this many tasks, the default view is phases: a task graph of
    /// 200 boxes is thousands of points wide and cannot be read on a screen.
    static let phaseViewTaskLimit = 150

    enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
        case svg, png, pdf, dot, mermaid

        /// The format a file name's extension asks for.
        init?(fileName: String) {
            guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
            switch fileName[fileName.index(after: dot)...].lowercased() {
            case "svg": self = .svg
            case "png": self = .png
            case "pdf": self = .pdf
            case "dot", "gv": self = .dot
            case "mmd", "mermaid": self = .mermaid
            default: return nil
            }
        }

        var isText: Bool { self == .svg || self == .dot || self == .mermaid }
    }

    enum LayoutChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, dot, layered
    }

    @OptionGroup var planning: PlanningOptions

    @Option(name: .shortAndLong, help: "Write the picture to this file; the extension picks the format: .svg, .png, .pdf, .dot (.gv) or .mmd (Mermaid).")
    var output: String?

    @Option(help: "dot, mermaid or svg to stdout (or the format of -o, whatever its extension).")
    var format: GraphFormat?

    @Option(help: "tasks, phases, stories or waves. Default: tasks (phases above \(GraphCommand.phaseViewTaskLimit) tasks).")
    var view: Diagram.View?

    @Option(help: "Draw only the tasks within --depth hops of this task ID.")
    var focus: String?

    @Option(parsing: .unconditional, help: "Hops from --focus, following dependencies both ways (milestones are not hops).")
    var depth: Int = 2

    /// The largest `--depth`: a neighbourhood wider than this is the whole graph
    /// in practice, and the task view draws that without --focus.
    static let maximumDepth = 10_000

    @Flag(inversion: .prefixedNo, help: "Leave out edges implied by other edges (transitive reduction).")
    var reduce = true

    @Option(help: "TB (top to bottom) or LR (left to right).")
    var rankdir: Diagram.Direction = .topToBottom

    @Option(help: "auto, dot (Graphviz dot) or layered (by wave, linear time).")
    var layout: LayoutChoice = .auto

    @Flag(help: "Print the time of each stage and the layout used to stderr.")
    var timings = false

    func validate() throws {
        if depth < 0 || depth > Self.maximumDepth {
            throw ValidationError("--depth \(depth): expected a number of hops from 0 to \(Self.maximumDepth).")
        }
        if let output, let format, let named = GraphFormat(fileName: output), named != format {
            throw ValidationError("-o \(output) names a .\(named.rawValue) file but --format asks for \(format.rawValue): drop one of them.")
        }
        if let output, format == nil, GraphFormat(fileName: output) == nil {
            throw ValidationError("Cannot tell the format of '\(output)' from its extension: use .svg, .png, .pdf, .dot, .gv or .mmd, or give --format.")
        }
        if output == nil {
            guard let format else {
                throw ValidationError("Name an output file with -o FILE.svg (.png, .pdf, .dot, .mmd), or print text with --format dot|mermaid|svg.")
            }
            if !format.isText { throw ValidationError("--format \(format.rawValue) is binary: write it to a file with -o FILE.\(format.rawValue).") }
        }
    }

    /// Mermaid's default `maxEdges` and `maxTextSize`, which GitHub keeps.
    static let mermaidEdgeLimit = 500
    static let mermaidTextLimit = 50_000

    func run() throws {
        let timer = StageTimer(enabled: timings)
        let plans = try Loading.plansOrFail(planning, timer: timer)
        guard plans.count == 1, let plan = plans.first else {
            Output.stderr("error: graph draws one tasks.md at a time; \(plans.count) were given (\(plans.map(\.document.path).joined(separator: ", ")))")
            throw ExitCode(2)
        }
        Output.printErrors(plans)
        let diagram = try diagram(of: plan, timer: timer)
        let format = format ?? GraphFormat(fileName: output ?? "") ?? .svg
        let bytes = format == .mermaid ? mermaid(diagram, timer: timer) : try picture(diagram, of: plan, format: format, timer: timer)
        try write(bytes, format: format)
        timer.lap("write")
        Output.printDiagnosticsSummary(plans, inputs: planning.paths)
        timer.report()
        if plan.errorCount > 0 { throw ExitCode(1) }
    }

    /// The diagram of the chosen view (phases for a big plan when no view is named).
    func diagram(of plan: Plan, timer: StageTimer) throws -> Diagram {
        let taskCount = plan.graph.taskNodeCount
        var chosenView = view ?? .tasks
        if view == nil && focus == nil && taskCount > Self.phaseViewTaskLimit {
            chosenView = .phases
            Output.stderr("note: \(taskCount) tasks, more than \(Self.phaseViewTaskLimit): drawing one box per phase; --view tasks draws every task")
        }
        let options = DiagramOptions(view: chosenView, focus: focus, depth: depth, reduce: reduce, direction: rankdir)
        let diagram: Diagram
        do {
            diagram = try Diagram(plan, options: options)
        } catch {
            Output.stderr("error: \(error.message)")
            throw ExitCode(2)
        }
        for note in diagram.notes { Output.stderr("note: \(note)") }
        timer.lap("diagram: \(chosenView.rawValue) view, \(diagram.nodes.count) nodes, \(diagram.edges.count) edges")
        return diagram
    }

    /// Mermaid text, with a note when GitHub would not draw that much.
    func mermaid(_ diagram: Diagram, timer: StageTimer) -> [UInt8] {
        var w = ByteWriter()
        PlanMermaid.render(diagram, into: &w)
        let bytes = w.bytes
        timer.lap("mermaid text (\(bytes.count) bytes)")
        if diagram.edges.count > Self.mermaidEdgeLimit || bytes.count > Self.mermaidTextLimit {
            Output.stderr(
                "note: \(diagram.edges.count) links, \(bytes.count) bytes: more than Mermaid draws by default (\(Self.mermaidEdgeLimit) links, \(Self.mermaidTextLimit) characters), so GitHub may show an error instead; try --view phases or --focus ID")
        }
        return bytes
    }

    /// DOT text, or a picture drawn by Graphviz, laid out as `--layout` says.
    func picture(_ diagram: Diagram, of plan: Plan, format: GraphFormat, timer: StageTimer) throws -> [UInt8] {
        let strategy: LayoutStrategy = switch layout {
        case .auto: LayoutStrategy.automatic(for: diagram, reduced: reduce)
        case .dot: .dot
        case .layered: .layered
        }
        if strategy == .layered && layout == .auto {
            Output.stderr(
                "note: \(diagram.nodes.count) nodes: laid out in layers by wave, which stays fast at any size; --layout dot for Graphviz's own layout (slower, often much slower)")
        }
        do {
            return try GraphDrawing.draw(
                diagram, strategy: strategy, format: format == .dot ? nil : GraphvizFormat(rawValue: format.rawValue),
                timer: timer)
        } catch {
            Output.stderr("error: Graphviz could not draw \(plan.document.path): \(error.message)")
            throw ExitCode(2)
        }
    }

    /// To `-o FILE` (whole or not at all), else to stdout.
    func write(_ bytes: [UInt8], format: GraphFormat) throws {
        if let output {
            do { try Output.writeFile(output, bytes) } catch { throw fail(error) }
        } else if format.isText {
            bytes.withUnsafeBufferPointer { Output.stdoutText($0) }
        } else {
            Output.stdout(bytes)
        }
    }
}
