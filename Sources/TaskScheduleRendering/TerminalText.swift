import SpecKitTasks

/// Makes C0 and C1 control characters visible: tab and newline pass, every
/// other one (ESC, CR, BEL, DEL, U+0080–U+009F, …) becomes `\u{1B}`, so text
/// from a tasks.md can neither clear the screen nor fake a link on a terminal.
public struct TerminalEscaper {
    public init() {}

    /// A 0xC2 lead byte at the end of the last chunk (a C1 character may be split).
    private var pendingLead = false

    /// Appends the escaped `bytes` to `out`; false (and `out` untouched) when there
    /// is nothing to escape, so the common case copies nothing.
    ///
    /// - Complexity: O(n).
    public mutating func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        let clean = !pendingLead && !bytes.contains { b in (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F || b == 0xC2 }
        if clean { return false }
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        if pendingLead {
            pendingLead = false
            if let first = bytes.first, (0x80...0x9F).contains(first) {
                Self.appendEscape(first, &out)
                i = 1
            } else {
                out.append(0xC2)
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F {
                Self.appendEscape(b, &out)
            } else if b == 0xC2 {
                if i + 1 == bytes.count {
                    pendingLead = true
                } else if (0x80...0x9F).contains(bytes[i + 1]) {
                    Self.appendEscape(bytes[i + 1], &out)
                    i += 1
                } else {
                    out.append(b)
                }
            } else {
                out.append(b)
            }
            i += 1
        }
        return true
    }

    private static func appendEscape(_ scalar: UInt8, _ out: inout [UInt8]) {
        out.append(contentsOf: "\\u{\(String(scalar, radix: 16, uppercase: true))}".utf8)
    }

    /// `text` with its control characters made visible.
    public static func escape(_ text: String) -> String {
        var escaper = TerminalEscaper()
        var out: [UInt8] = []
        var text = text
        let changed = text.withUTF8 { escaper.escape($0, into: &out) }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }
}

/// Diagnostics as a terminal shows them.
public enum DiagnosticText {
    /// `path:line:col: severity: message [code]` and its note lines, control
    /// characters made visible; with `colour`, the severity in ANSI bold red
    /// (error), yellow (warning) or cyan (note).
    public static func terminalLine(_ d: Diagnostic, path: String, colour: Bool) -> String {
        let formatted = d.formatted(path: path)
        guard colour else { return TerminalEscaper.escape(formatted) }
        let head = "\(d.file ?? path):\(d.location.line):\(d.location.column): "
        let name = d.severity.rawValue
        let code = d.severity == .error ? "\u{1B}[1;31m" : d.severity == .warning ? "\u{1B}[1;33m" : "\u{1B}[1;36m"
        let rest = formatted.dropFirst(head.count + name.count)
        return TerminalEscaper.escape(head) + code + name + "\u{1B}[0m" + TerminalEscaper.escape(String(rest))
    }
}
