/// One finding about a Waktu text, at a character position in it.
public struct WaktuProblem: Sendable, Hashable, CustomStringConvertible {
    /// Error (the text has no usable value) or warning (the value is usable but suspicious).
    public var severity: Severity
    /// The message naming what was found and what is valid, from the catalogue.
    public var text: Message
    /// The message in English.
    public var message: String { text.english }
    /// 0-based Character offset into the raw text where the problem is.
    public var offset: Int
    /// The diagnostic code, when it is not the general one (SOP401 for an error, SOP403 for a warning).
    public var code: String?

    /// Creates a problem.
    public init(severity: Severity, _ text: Message, offset: Int, code: String? = nil) {
        self.severity = severity
        self.text = text
        self.offset = offset
        self.code = code
    }

    /// A problem from an English literal: the old way, named by `MessageCatalogueTests` until translated.
    @available(*, deprecated, message: "use a catalogue Message")
    public init(severity: Severity, message: String, offset: Int, code: String? = nil) {
        self.init(severity: severity, .untranslated(message), offset: offset, code: code)
    }

    /// `error at 3: message`.
    public var description: String {
        "\(severity.rawValue) at \(offset): \(message)"
    }
}

/// The result of `WaktuParser.parse`: the value (nil iff an error problem exists) and every problem found.
public struct WaktuParse: Sendable {
    /// The parsed Waktu, or nil when `problems` holds an error.
    public var waktu: Waktu?
    /// Errors and warnings, in the order found.
    public var problems: [WaktuProblem]

    /// Creates a parse result.
    public init(waktu: Waktu?, problems: [WaktuProblem]) {
        self.waktu = waktu
        self.problems = problems
    }

    /// Whether any problem is an error.
    public var hasErrors: Bool {
        problems.contains { $0.severity == .error }
    }
}

extension WaktuProblem {
    /// Equal when they say the same (in English), however the message was built.
    public static func == (lhs: WaktuProblem, rhs: WaktuProblem) -> Bool { lhs.severity == rhs.severity && lhs.message == rhs.message && lhs.offset == rhs.offset && lhs.code == rhs.code }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(message)
        hasher.combine(offset)
        hasher.combine(code)
    }
}
