#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling

/// Writing results: stdout, stderr, and output files written whole or not at all.
enum Output {
    static func stdout(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { writeAll(1, $0) }
    }

    static func stdout(_ bytes: UnsafeBufferPointer<UInt8>) { writeAll(1, bytes) }

    static func stdout(_ writer: ByteWriter) { writeAll(1, writer.unsafeBytes) }

    static func stderr(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        line.withUTF8 { writeAll(2, $0) }
    }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return  // a closed pipe: nothing more can be said
            }
            offset += n
        }
    }

    /// Writes a file atomically: a temporary file beside it, then a rename. A
    /// failure leaves any existing file as it was.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(IOFailure) {
        let dir: String
        if let slash = path.lastIndex(of: "/") {
            dir = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            dir = "."
        }
        var template = Array((dir + "/.specgraph-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw IOFailure(description: "\(path): error: cannot write: \(InputFiles.errnoText())")
        }
        let tmp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The first failure's reason: a write, the close, or the rename.
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = InputFiles.errnoText()
                    return
                }
                offset += n
            }
        }
        fchmod(fd, 0o644)
        if close(fd) != 0, failure == nil { failure = InputFiles.errnoText() }
        if failure == nil, rename(tmp, path) != 0 { failure = InputFiles.errnoText() }
        if let failure {
            unlink(tmp)
            throw IOFailure(description: "\(path): error: cannot write: \(failure)")
        }
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 && getenv("NO_COLOR") == nil }

    /// Errors the planning commands print per file; `check` lists everything.
    static let diagnosticsShown = 20

    /// What the commands other than `check` say about diagnostics: every
    /// error in full (`path:line:col: error: …`) before the results, and one
    /// line at the end counting the rest (``printDiagnosticsSummary(_:inputs:)``),
    /// so that the answer is not lost among warnings.
    static func printErrors(_ plans: [Plan]) {
        for plan in plans {
            printDiagnostics(plan.diagnostics.filter { $0.severity == .error }, path: plan.document.path, limit: diagnosticsShown)
        }
    }

    /// One line on stderr: `3 warnings, 1 note; `specgraph check FILE` lists them`,
    /// or nothing when there are none. `inputs` are the paths as the user gave them.
    static func printDiagnosticsSummary(_ plans: [Plan], inputs: [String]) {
        if let line = diagnosticsSummary(plans.flatMap(\.diagnostics), inputs: inputs) { stderr(line) }
    }

    /// The summary line for diagnostics that were not printed, or nil.
    static func diagnosticsSummary(_ diagnostics: [Diagnostic], inputs: [String]) -> String? {
        let warnings = diagnostics.count { $0.severity == .warning }
        let notes = diagnostics.count { $0.severity == .note }
        var parts: [String] = []
        if warnings > 0 { parts.append(PlanText.count(warnings, "warning")) }
        if notes > 0 { parts.append(PlanText.count(notes, "note")) }
        guard !parts.isEmpty else { return nil }
        let files = inputs.isEmpty ? "FILE" : inputs.map(shellQuoted).joined(separator: " ")
        let pronoun = warnings + notes == 1 ? "it" : "them"
        return "\(parts.joined(separator: ", ")); `specgraph check \(files)` lists \(pronoun)"
    }

    /// A path as a shell reads it back: quoted only when it needs to be.
    static func shellQuoted(_ path: String) -> String {
        let plain = !path.isEmpty && path.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || "/._-+,:@%=".unicodeScalars.contains($0)
        }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Prints at most `limit` diagnostics (errors first), then a line saying how many more there are.
    static func printDiagnostics(_ diagnostics: [Diagnostic], path: String, limit: Int = .max) {
        guard !diagnostics.isEmpty else { return }
        let colour = stderrIsTerminal
        var text = ""
        var shown = diagnostics
        if diagnostics.count > limit {
            shown = diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity != .error }
            shown = Array(shown.prefix(limit))
        }
        defer {
            if diagnostics.count > shown.count {
                stderr("\(path): note: \(diagnostics.count - shown.count) more diagnostics; `specgraph check \(path)` lists them all")
            }
        }
        for d in shown {
            var formatted = d.formatted(path: path)
            if colour {
                let name = d.severity.rawValue
                let code = d.severity == .error ? "\u{1B}[1;31m" : d.severity == .warning ? "\u{1B}[1;33m" : "\u{1B}[1;36m"
                formatted = formatted.replacingFirst(": \(name): ", with: ": \(code)\(name)\u{1B}[0m: ")
            }
            text += formatted + "\n"
        }
        stderr(text)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
