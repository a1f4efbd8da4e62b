/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The stable diagnostic codes (docs/semantics.md, "Diagnostic codes"). Scripts match on the raw values.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
    case cycle
    case duplicateID = "duplicate-id"
    case unknownReference = "unknown-reference"
    case selfReference = "self-reference"
    case parallelFileConflict = "parallel-file-conflict"
    case parallelWithDependency = "parallel-with-dependency"
    case noTasks = "no-tasks"
    case invalidUTF8 = "invalid-utf8"
    case unparsedLine = "unparsed-line"
    /// A code fence that is never closed and hides task-like lines.
    case unclosedFence = "unclosed-fence"
    /// Lines ended by a carriage return alone (read as line ends).
    case crLineEndings = "cr-line-endings"
    /// Input that could not be read at all (missing, a directory, binary).
    case unreadable
    /// A `←` statement read the other way round, and similar notes.
    case reversedArrow = "reversed-arrow"
    /// A written edge placed a task after a task written below it.
    case reordered

    /// The severity a diagnostic with this code has unless stated otherwise.
    public var defaultSeverity: Severity {
        switch self {
        case .cycle, .duplicateID, .invalidUTF8, .unreadable: .error
        case .reversedArrow, .reordered: .note
        default: .warning
        }
    }
}

/// A located message: `path:line:column: severity: message [code]`, followed by notes.
public struct Diagnostic: Sendable, Hashable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation
    /// Follow-up lines printed as `path:line:column: note: message`.
    public var notes: [Note]
    /// The file the location is in, when it is not the document's own
    /// (a corrections file).
    public var file: String?

    public struct Note: Sendable, Hashable {
        public var message: String
        public var location: SourceLocation
        /// The file the location is in, when it is not the diagnostic's own
        /// (a corrections file, for a cycle through a correction).
        public var file: String?
        public init(message: String, location: SourceLocation, file: String? = nil) {
            self.message = message
            self.location = location
            self.file = file
        }
    }

    public init(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, severity: Severity? = nil,
        notes: [Note] = [], file: String? = nil
    ) {
        self.file = file
        self.code = code
        self.message = message
        self.location = location
        self.severity = severity ?? code.defaultSeverity
        self.notes = notes
    }

    /// `path:line:column: severity: message [code]` and one line per note.
    public func formatted(path: String) -> String {
        let path = file ?? path
        var s = "\(path):\(location.line):\(location.column): \(severity.rawValue): \(message) [\(code.rawValue)]"
        for note in notes {
            s += "\n\(note.file ?? path):\(note.location.line):\(note.location.column): note: \(note.message)"
        }
        return s
    }
}
