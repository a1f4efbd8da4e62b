import ArgumentParser
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling

/// `specgraph check`: diagnostics only.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report what is wrong with a plan: cycles, duplicate IDs, dangling references, [P] conflicts.",
        discussion: """
            Prints `path:line:col: severity: message [code]` lines. Exit code 1 when
            there are errors (or warnings with --strict).

            Examples:
              specgraph check specs/001-auth/tasks.md
              specgraph check --format github --strict specs/
              specgraph check --format json specs/001-auth/tasks.md | jq '.diagnostics[].code'
            """)

    enum CheckFormat: String, ExpressibleByArgument, CaseIterable { case text, json, github }

    @OptionGroup var planning: PlanningOptions

    @Option(help: "text (path:line:col lines), json, or github (Actions annotations).")
    var format: CheckFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let timer = StageTimer(enabled: false)
        let plans: [Plan]
        do { plans = try Loading.plans(planning, timer: timer) } catch { throw fail(error) }
        var failed = false
        var w = ByteWriter()
        if format == .json && plans.count > 1 { w.write("[" as StaticString) }
        for (i, plan) in plans.enumerated() {
            let path = plan.document.path
            let diagnostics = plan.diagnostics.map { d -> Diagnostic in
                var d = d
                if strict && d.severity == .warning { d.severity = .error }
                return d
            }
            let errors = diagnostics.count { $0.severity == .error }
            let warnings = diagnostics.count { $0.severity == .warning }
            if errors > 0 { failed = true }
            switch format {
            case .text:
                for d in diagnostics { w.write(d.formatted(path: path)); w.write("\n" as StaticString) }
                if plans.count > 1 || diagnostics.isEmpty {
                    w.write("\(path): \(PlanText.count(plan.document.tasks.count, "task")), \(PlanText.count(errors, "error")), \(PlanText.count(warnings, "warning"))\n")
                }
            case .github:
                for d in diagnostics { w.write(GitHubAnnotation.line(d, path: path)); w.write("\n" as StaticString) }
            case .json:
                if i > 0 { w.write("," as StaticString) }
                w.write("{\"schemaVersion\":2,\"source\":" as StaticString)
                w.writeJSONString(path)
                w.write(",\"tasks\":\(plan.document.tasks.count),\"errors\":\(errors),\"warnings\":\(warnings),\"diagnostics\":")
                PlanJSON.writeDiagnostics(diagnostics, &w)
                w.write("}" as StaticString)
            }
        }
        if format == .json {
            if plans.count > 1 { w.write("]" as StaticString) }
            w.write("\n" as StaticString)
        }
        Output.stdout(w)
        if failed { throw ExitCode(1) }
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
enum GitHubAnnotation {
    static func line(_ d: Diagnostic, path: String) -> String {
        let level = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
        var message = d.message
        for note in d.notes { message += "\nline \(note.location.line): \(note.message)" }
        return "::\(level) file=\(property(d.file ?? path)),line=\(d.location.line),col=\(d.location.column),title=\(property(d.code.rawValue))::\(data(message))"
    }

    /// Escapes for the message part (`%`, CR, LF).
    static func data(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Escapes for property values (also `:` and `,`).
    static func property(_ s: String) -> String {
        var out = ""
        for c in data(s).unicodeScalars {
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
