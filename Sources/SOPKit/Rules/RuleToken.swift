/// One token of a rule's source, as `RuleLexer` reads it.
struct RuleToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// A case field name.
        case identifier(String)
        /// The keyword `dan`.
        case and
        /// The keyword `atau`.
        case or
        /// The keyword `bukan`.
        case not
        /// A number, text, `true`/`false` or date.
        case literal(CaseValue)
        /// `==`, `!=`, `<`, `<=`, `>`, `>=`.
        case comparison(RuleComparison)
        case openParen
        case closeParen
        /// The end of the rule.
        case end
        /// Text that is not a token; the lexer stops here and the parser reports it when it gets here.
        case invalid(RuleProblem)
    }

    var kind: Kind
    /// 0-based `Character` offset of the token's first character.
    var offset: Int
    /// The token as written (empty at the end).
    var text: String

    /// Whether a primary (field, value or parenthesised expression) can start with this token.
    var startsPrimary: Bool {
        switch kind {
        case .identifier, .literal, .openParen: true
        default: false
        }
    }

    /// The token for messages: `'text'`, or `the end of the rule`.
    var described: Message {
        if case .end = kind { return RuleMessages.endOfRule() }
        return RuleMessages.quotedToken(["text": .text(text)])
    }
}
