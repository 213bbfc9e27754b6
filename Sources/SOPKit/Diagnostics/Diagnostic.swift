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

/// One finding about a file: a located, coded message in plain words, in either language.
///
/// Codes are stable (`SOP1xx` YAML, `SOP2xx` structure, `SOP3xx` references and flow,
/// `SOP4xx` waktu and dates, `SOP5xx` rules, `SOP6xx` working calendars, `SOP7xx` scenarios); the
/// catalogue is in `docs/diagnostics.md`. The message is a catalogue ``Message``: the same
/// diagnostic prints in Indonesian or English with the same code and position.
public struct Diagnostic: Hashable, Sendable {
    /// A secondary remark attached to a diagnostic, optionally at its own position.
    public struct Note: Hashable, Sendable {
        /// The remark, from the catalogue.
        public var text: Message
        public var location: SourceLocation?

        /// Creates a note.
        public init(_ text: Message, at location: SourceLocation? = nil) {
            self.text = text
            self.location = location
        }

        /// A note from an English literal: the old way, named by `MessageCatalogueTests` until translated.
        @available(*, deprecated, message: "use a catalogue Message")
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.init(.untranslated(message), at: location)
        }

        /// The English text.
        public var message: String { text.english }

        /// The text in `bahasa`.
        public func message(in bahasa: Bahasa) -> String { text.text(in: bahasa) }
    }

    public var severity: Severity
    public var code: String
    /// The message, from the catalogue.
    public var text: Message
    public var location: SourceLocation?
    public var notes: [Note]

    /// The English text (library callers and tests that read English).
    public var message: String { text.english }

    /// The message in `bahasa`.
    public func message(in bahasa: Bahasa) -> String { text.text(in: bahasa) }

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ code: String, _ text: Message, at location: SourceLocation?, notes: [Note] = []) {
        self.severity = severity
        self.code = code
        self.text = text
        self.location = location
        self.notes = notes
    }

    /// An error diagnostic.
    public static func error(_ code: String, _ text: Message, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code, text, at: location, notes: notes)
    }

    /// A warning diagnostic.
    public static func warning(_ code: String, _ text: Message, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code, text, at: location, notes: notes)
    }

    /// A diagnostic from an English literal: the old way, named by `MessageCatalogueTests` until translated.
    @available(*, deprecated, message: "use a catalogue Message")
    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation?, notes: [Note] = []) {
        self.init(severity, code, .untranslated(message), at: location, notes: notes)
    }

    /// An error from an English literal: the old way, named by `MessageCatalogueTests` until translated.
    @available(*, deprecated, message: "use a catalogue Message")
    public static func error(_ code: String, _ message: String, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code, .untranslated(message), at: location, notes: notes)
    }

    /// A warning from an English literal: the old way, named by `MessageCatalogueTests` until translated.
    @available(*, deprecated, message: "use a catalogue Message")
    public static func warning(_ code: String, _ message: String, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code, .untranslated(message), at: location, notes: notes)
    }

    /// Whether the message or a note was built from an English literal.
    public var isUntranslated: Bool {
        text.containsUntranslated || notes.contains { $0.text.containsUntranslated }
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
