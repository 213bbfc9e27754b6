/// How serious a finding is.
public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding about a file: a located, coded message in plain words.
///
/// Codes are stable (`SOP1xx` YAML, `SOP2xx` structure, `SOP3xx` references and flow,
/// `SOP4xx` waktu and dates, `SOP5xx` rules, `SOP6xx` working calendars, `SOP7xx` scenarios); the
/// catalogue is in `docs/diagnostics.md`.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// A secondary remark attached to a diagnostic, optionally at its own position.
    public struct Note: Hashable, Sendable, Codable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var code: String
    public var message: String
    public var location: SourceLocation?
    public var notes: [Note]

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation?, notes: [Note] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// An error diagnostic.
    public static func error(_ code: String, _ message: String, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, notes: notes)
    }

    /// A warning diagnostic.
    public static func warning(_ code: String, _ message: String, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, notes: notes)
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line, column, keeping the order of equal positions.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let la = a.element.location ?? SourceLocation(line: 0, column: 0)
            let lb = b.element.location ?? SourceLocation(line: 0, column: 0)
            if la != lb { return la < lb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
