#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling

/// Writing results: stdout, stderr, and output files written whole or not at all.
///
/// Every write is checked. The first failure on stdout (a full disk, a closed
/// descriptor) stops further writes there and is reported once, with exit
/// code 2, when the command ends (``finish(exitCode:)``).
enum Output {
    /// Why stdout stopped taking bytes, if it did.
    nonisolated(unsafe) private static var stdoutFailure: String?
    /// Whether stderr failed (nothing more can be said then, but the exit code says it).
    nonisolated(unsafe) private static var stderrFailed = false
    /// Whether anything was written to stdout.
    nonisolated(unsafe) private static var wroteStdout = false
    /// Whether anything was written to stdout or stderr.
    nonisolated(unsafe) private(set) static var wroteAnything = false
    /// The escaper of text sent to stdout, which keeps its state between chunks.
    nonisolated(unsafe) private static var stdoutEscaper = TerminalEscaper()

    /// Raw bytes to stdout: JSON, and formats that escape for themselves.
    static func stdout(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { stdout($0) }
    }

    static func stdout(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard stdoutFailure == nil else { return }
        wroteStdout = true
        if let error = writeAll(1, bytes) { stdoutFailure = error }
    }

    static func stdout(_ writer: ByteWriter) { stdout(writer.unsafeBytes) }

    /// Text for people to stdout, with control characters from task text made
    /// visible (`\u{1B}`) so that they cannot drive the terminal.
    static func stdoutText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard stdoutFailure == nil else { return }
        var escaped: [UInt8] = []
        if stdoutEscaper.escape(bytes, into: &escaped) {
            escaped.withUnsafeBufferPointer { stdout($0) }
        } else {
            stdout(bytes)
        }
    }

    static func stdoutText(_ writer: ByteWriter) { stdoutText(writer.unsafeBytes) }

    static func stdoutText(_ text: String) {
        var text = text
        text.withUTF8 { stdoutText($0) }
    }

    /// A line to stderr, control characters made visible.
    static func stderr(_ text: String) {
        var line = TerminalEscaper.escape(text)
        if !line.hasSuffix("\n") { line += "\n" }
        stderrRaw(line)
    }

    /// A line to stderr as it is (only for text specgraph made itself, such as colours).
    private static func stderrRaw(_ text: String) {
        var text = text
        text.withUTF8 { if writeAll(2, $0) != nil { stderrFailed = true } }
    }

    /// Writes every byte, retrying after signals; the failure's reason, or nil.
    private static func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = bytes.baseAddress else { return nil }
        wroteAnything = true
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return InputFiles.errnoText()
            }
            offset += n
        }
        return nil
    }

    /// The exit code after the last write: `code`, or 2 when stdout or stderr
    /// could not take everything (or could not be closed), with one message.
    static func finish(exitCode code: Int32) -> Int32 {
        // ArgumentParser's help text goes through stdio.
        if fflush(nil) != 0, stdoutFailure == nil { stdoutFailure = InputFiles.errnoText() }
        // Errors that show only when the file is closed (NFS, quotas); a
        // descriptor that was never open is an error only if something was written.
        if close(1) != 0, stdoutFailure == nil, errno != EBADF || wroteStdout {
            stdoutFailure = InputFiles.errnoText()
        }
        if let failure = stdoutFailure {
            stderrRaw("error: cannot write to standard output: \(failure)\n")
            return 2
        }
        if stderrFailed { return 2 }
        return code
    }

    /// Writes a file whole or not at all (see ``OutputFile``).
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(IOFailure) {
        let file = try OutputFile(path)
        bytes.withUnsafeBufferPointer { file.write($0) }
        try file.commit()
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
        return plain ? path : "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
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
        for d in shown { text += DiagnosticText.terminalLine(d, path: path, colour: colour) + "\n" }
        stderrRaw(text)
    }
}
