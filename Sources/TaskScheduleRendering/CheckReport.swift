import SpecKitTasks
import TaskScheduling

/// `specgraph check`: every diagnostic of each plan, as `path:line:col` text,
/// JSON, or GitHub Actions annotations.
public struct CheckReport {
    public enum Format: String, CaseIterable, Sendable { case text, json, github }

    /// Per file: its path and how many tasks it has.
    let files: [(path: String, tasks: Int)]
    /// Per file, its diagnostics (warnings made errors under `strict`).
    let diagnostics: [[Diagnostic]]

    /// The report of `documents` planned with `options`: the diagnostics
    /// their plans would have (`Plan.diagnostics(of:options:)`), without
    /// the schedules; with `strict`, warnings count as errors.
    public init(checking documents: [SpecDocument], options: PlanOptions, strict: Bool) {
        files = documents.map { ($0.path, $0.tasks.count) }
        diagnostics = documents.map { Self.strict(Plan.diagnostics(of: $0, options: options), strict) }
    }

    private static func strict(_ diagnostics: [Diagnostic], _ strict: Bool) -> [Diagnostic] {
        guard strict else { return diagnostics }
        return diagnostics.map { d in
            var d = d
            if d.severity == .warning { d.severity = .error }
            return d
        }
    }

    /// Whether any plan has an error (after `strict`): the check fails.
    public var hasErrors: Bool { diagnostics.contains { $0.contains { $0.severity == .error } } }

    public func render(_ format: Format, into w: inout ByteWriter) {
        switch format {
        case .text: text(into: &w)
        case .github: github(into: &w)
        case .json: w.jsonPerFile(files.count) { i, w in json(i, into: &w) }
        }
    }

    /// `path:line:col: severity: message [code]` lines, and a count line per
    /// file when there are several files or nothing to say.
    func text(into w: inout ByteWriter) {
        for (file, diagnostics) in zip(files, diagnostics) {
            let path = file.path
            for d in diagnostics {
                w.write(d.formatted(path: path))
                w.write("\n" as StaticString)
            }
            if files.count > 1 || diagnostics.isEmpty {
                let errors = diagnostics.count { $0.severity == .error }
                let warnings = diagnostics.count { $0.severity == .warning }
                w.write("\(path): \(PlanText.count(file.tasks, "task")), \(PlanText.count(errors, "error")), \(PlanText.count(warnings, "warning"))\n")
            }
        }
    }

    func github(into w: inout ByteWriter) {
        for (file, diagnostics) in zip(files, diagnostics) {
            for d in diagnostics {
                w.write(GitHubAnnotation.line(d, path: file.path))
                w.write("\n" as StaticString)
            }
        }
    }

    /// `{…,"tasks":12,"errors":1,"warnings":0,"diagnostics":[…]}`.
    func json(_ i: Int, into w: inout ByteWriter) {
        let diagnostics = diagnostics[i]
        w.jsonObject { w in
            w.jsonHead(source: files[i].path)
            w.jsonMember("tasks", files[i].tasks)
            w.jsonMember("errors", diagnostics.count { $0.severity == .error })
            w.jsonMember("warnings", diagnostics.count { $0.severity == .warning })
            w.jsonMember("diagnostics") { w in w.jsonValue(raw: { PlanJSON.writeDiagnostics(diagnostics, &$0) }) }
        }
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
public enum GitHubAnnotation {
    /// The annotation of a diagnostic; its notes join the message as lines.
    public static func line(_ d: Diagnostic, path: String) -> String {
        let level = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
        var message = d.message
        for note in d.notes { message += "\n\(note.file.map { "\($0) " } ?? "")line \(note.location.line): \(note.message)" }
        return "::\(level) file=\(property(d.file ?? path)),line=\(d.location.line),col=\(d.location.column),title=\(property(d.code.rawValue))::\(data(message))"
    }

    /// An error about a whole file (one that could not be read), as a line.
    public static func fileError(path: String, title: String, message: String) -> String {
        "::error file=\(property(path)),title=\(title)::\(data(message))\n"
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
