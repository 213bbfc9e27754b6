/// A parsed rule: its source text as written and its expression.
///
/// Create one with `RuleParser.parse(_:)`, check it against the SOP's case fields with
/// `RuleChecker.check(_:fields:)`, and run it on a case with `evaluate(_:)`.
public struct Rule: Hashable, Sendable {
    /// The rule as the author wrote it (the `jika:` scalar).
    public var source: String
    /// The parsed expression; its offsets point into `source`.
    public var expression: RuleExpression
    /// The case fields the rule reads, in order of first use, each once.
    public var fieldNames: [String]

    /// Creates a rule from its source and parsed expression; `fieldNames` is derived from the expression.
    public init(source: String, expression: RuleExpression) {
        self.source = source
        self.expression = expression
        self.fieldNames = expression.fieldNames
    }
}
