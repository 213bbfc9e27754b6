/// Why a rule could not be decided for a case, e.g. `case field 'umur' has no value` when an
/// optional field is absent from the case's data.
public struct RuleEvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in plain words (from the catalogue).
    public var text: Message
    /// ``text`` in English.
    public var message: String { text.english }

    /// Creates an error.
    public init(_ text: Message) { self.text = text }

    /// An error from an English literal: the old way, named by `MessageCatalogueTests` until translated.
    @available(*, deprecated, message: "use a catalogue Message")
    public init(_ message: String) { self.init(.untranslated(message)) }

    public var description: String { message }
}

extension RuleEvaluationError {
    /// Equal when they say the same (in English), however the message was built.
    public static func == (lhs: RuleEvaluationError, rhs: RuleEvaluationError) -> Bool { lhs.message == rhs.message }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(message)
    }
}
