/// A problem in a rule. `offset` is the 0-based Character offset into the source where it starts
/// (so a caller can add it to the column of the YAML scalar).
///
/// Codes: `SOP501` syntax, `SOP502` unknown case field, `SOP503` comparison that cannot work
/// (different types, ordering of non-orderable values, a value that is not one of a choice field's
/// choices), `SOP504` something that is not a condition where a condition is needed.
public struct RuleProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stable diagnostic code, e.g. `SOP501`.
    public var code: String
    /// What is wrong, in plain words, with a hint where one helps (from the catalogue).
    public var text: Message
    /// ``text`` in English.
    public var message: String { text.english }
    /// 0-based `Character` offset into the rule's source where the problem starts.
    public var offset: Int

    /// Creates a problem.
    public init(code: String, _ text: Message, offset: Int) {
        self.code = code
        self.text = text
        self.offset = offset
    }

    /// A problem from an English literal: the old way, named by `MessageCatalogueTests` until translated.
    @available(*, deprecated, message: "use a catalogue Message")
    public init(code: String, message: String, offset: Int) {
        self.init(code: code, .untranslated(message), offset: offset)
    }

    /// `code: message (at offset N)`.
    public var description: String { "\(code): \(message) (at offset \(offset))" }

    /// The problem's offset counted in Unicode scalars of `source` instead of `Character`s, for
    /// adding to a `SourceLocation` column (which counts scalars, as libyaml does).
    ///
    /// The two differ only when the rule contains characters made of several scalars before the
    /// problem (such as a letter with a separate combining accent inside a text).
    public func scalarOffset(in source: String) -> Int {
        var scalars = 0
        for (index, character) in source.enumerated() {
            if index >= offset { break }
            scalars += character.unicodeScalars.count
        }
        return scalars
    }

    /// A syntax error (`SOP501`).
    static func syntax(_ message: Message, at offset: Int) -> RuleProblem {
        RuleProblem(code: "SOP501", message, offset: offset)
    }

    /// A syntax error from an English literal: the old way, named by `MessageCatalogueTests` until translated.
    @available(*, deprecated, message: "use a catalogue Message")
    static func syntax(_ message: String, at offset: Int) -> RuleProblem {
        RuleProblem(code: "SOP501", .untranslated(message), offset: offset)
    }
}

extension RuleProblem {
    /// Equal when they say the same (in English), however the message was built.
    public static func == (lhs: RuleProblem, rhs: RuleProblem) -> Bool { lhs.code == rhs.code && lhs.message == rhs.message && lhs.offset == rhs.offset }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(offset)
    }
}
