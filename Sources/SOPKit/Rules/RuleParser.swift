/// Reads rules: the conditions an SOP's decision steps carry in `jika:`, such as
/// `putus_sekolah` or `umur < 18 dan bukan putus_sekolah`.
///
/// ## The rule language
///
/// A rule is a condition on the case's data (`data_kasus`) that is either true or false. Keywords
/// are Indonesian and lower case:
///
/// ```
/// expr       := or
/// or         := and ('atau' and)*              -- either side holds
/// and        := unary ('dan' unary)*           -- both sides hold
/// unary      := 'bukan' unary | comparison     -- 'bukan': does not hold
/// comparison := primary (op primary)?          -- op: == != < <= > >=
/// primary    := field | number | text | 'true' | 'false' | date | '(' expr ')'
/// ```
///
/// - `bukan` binds tightest, then comparisons, then `dan`, then `atau`:
///   `a atau b dan c` means `a atau (b dan c)`, and `bukan umur < 18` means `bukan (umur < 18)`.
///   `dan` and `atau` group to the left.
/// - A *field* names a case field: `[A-Za-z_][A-Za-z0-9_]*`, case-sensitive (`putus_sekolah`).
///   A field of type `boolean` is a condition by itself; any other field must be compared.
/// - A *number* is digits with an optional decimal point: `18`, `1.5` (no sign, no `1,5`).
/// - A *text* is written in double or single quotes: `"kawin"`, `'belum kawin'`. There are no
///   escapes; a text ends at the next quote of the same kind, so `"Jum'at"` works.
/// - A *date* is written `YYYY-MM-DD` without quotes: `2024-03-04`.
/// - Comparisons do not chain: write `umur >= 6 dan umur < 18`, not `6 <= umur < 18`.
/// - Numbers compare numerically and dates by day with all six operators; texts and choices
///   (`pilihan`) compare exactly, with `==` and `!=` only; booleans with `==` and `!=` only.
/// - Evaluation short-circuits left to right: in `sudah_menikah dan tanggal_nikah < 2020-01-01`,
///   `tanggal_nikah` is only read when `sudah_menikah` is true, so an optional field may be
///   left out where the rule does not need it.
///
/// Syntax errors are `SOP501` problems pointing at the offending token. English or C-like
/// spellings (`and`, `or`, `not`, `&&`, `||`, `!`, `=`) get a hint naming the right keyword or
/// operator.
public enum RuleParser {
    /// How deeply a rule may nest (parentheses, `bukan`, and chained `dan`/`atau` operands) before
    /// it is refused as too complex. Keeps every later walk over the tree shallow.
    public static let maximumDepth = 100

    /// Parses `source` into a rule, or returns the first syntax problem (`SOP501`) in it.
    public static func parse(_ source: String) -> Result<Rule, RuleProblem> {
        var parser = Parser(source: source)
        do {
            let expression = try parser.parseRule()
            return .success(Rule(source: source, expression: expression))
        } catch {
            return .failure(error)
        }
    }
}

/// The recursive-descent parser behind `RuleParser`.
private struct Parser {
    /// A parsed piece with its nesting depth and the source range it covers.
    struct Parsed {
        var expression: RuleExpression
        var depth: Int
        var start: Int
        var end: Int
    }

    let characters: [Character]
    let tokens: [RuleToken]
    var index = 0
    /// Open parentheses and `bukan`s around the current position.
    var nesting = 0
    /// Whether the last operand parsed was a lone primary (so a comparison could have followed).
    var lastWasLonePrimary = false

    init(source: String) {
        characters = Array(source)
        tokens = RuleLexer.tokens(characters)
    }

    /// The current token; reports it if the lexer could not read it.
    func peek() throws(RuleProblem) -> RuleToken {
        let token = tokens[min(index, tokens.count - 1)]
        if case .invalid(let problem) = token.kind { throw problem }
        return token
    }

    /// The token after the current one, if it is a valid token.
    var lookahead: RuleToken? {
        guard index + 1 < tokens.count else { return nil }
        return tokens[index + 1]
    }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    func text(_ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, characters.count))
        let upper = max(lower, min(end, characters.count))
        return String(characters[lower..<upper])
    }

    func tooComplex(at offset: Int) -> RuleProblem {
        .syntax(RuleMessages.tooComplex(["depth": .number(RuleParser.maximumDepth)]),
                at: offset)
    }

    mutating func parseRule() throws(RuleProblem) -> RuleExpression {
        let first = try peek()
        if case .end = first.kind {
            throw RuleProblem.syntax(RuleMessages.empty(), at: first.offset)
        }
        let parsed = try parseOr()
        let token = try peek()
        if case .end = token.kind { return parsed.expression }
        throw unexpectedAfterOperand(token, insideParentheses: false)
    }

    mutating func parseOr() throws(RuleProblem) -> Parsed {
        var left = try parseAnd()
        while case .or = try peek().kind {
            let keyword = try peek()
            advance()
            let right = try parseAnd()
            left = try combine(.or(left.expression, right.expression), left, right, at: keyword.offset)
        }
        return left
    }

    mutating func parseAnd() throws(RuleProblem) -> Parsed {
        var left = try parseUnary()
        while case .and = try peek().kind {
            let keyword = try peek()
            advance()
            let right = try parseUnary()
            left = try combine(.and(left.expression, right.expression), left, right, at: keyword.offset)
        }
        return left
    }

    func combine(_ expression: RuleExpression, _ left: Parsed, _ right: Parsed, at offset: Int) throws(RuleProblem) -> Parsed {
        let depth = max(left.depth, right.depth) + 1
        if depth > RuleParser.maximumDepth { throw tooComplex(at: offset) }
        return Parsed(expression: expression, depth: depth, start: left.start, end: right.end)
    }

    mutating func parseUnary() throws(RuleProblem) -> Parsed {
        let token = try peek()
        if case .not = token.kind {
            nesting += 1
            defer { nesting -= 1 }
            if nesting > RuleParser.maximumDepth { throw tooComplex(at: token.offset) }
            advance()
            let operand = try parseUnary()
            let depth = operand.depth + 1
            if depth > RuleParser.maximumDepth { throw tooComplex(at: token.offset) }
            return Parsed(expression: .not(operand.expression, offset: token.offset), depth: depth,
                          start: token.offset, end: operand.end)
        }
        if case .identifier(let word) = token.kind, lookahead?.startsPrimary == true,
           ["not", "tidak", "bukan"].contains(word.lowercased()) {
            throw RuleProblem.syntax(RuleMessages.notKeyword(["word": .text(word), "keyword": "bukan"]), at: token.offset)
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws(RuleProblem) -> Parsed {
        let left = try parsePrimary()
        guard case .comparison(let comparison) = try peek().kind else {
            lastWasLonePrimary = true
            return left
        }
        let operatorToken = try peek()
        advance()
        let right = try parsePrimary()
        lastWasLonePrimary = false
        let next = try peek()
        if case .comparison(let second) = next.kind {
            throw chainedComparison(left, comparison, right, second, at: next)
        }
        let depth = max(left.depth, right.depth) + 1
        if depth > RuleParser.maximumDepth { throw tooComplex(at: operatorToken.offset) }
        return Parsed(expression: .compare(comparison, left.expression, right.expression, offset: operatorToken.offset),
                      depth: depth, start: left.start, end: right.end)
    }

    /// The problem for `a < b < c`, suggesting `a < b dan b < c` when the third operand reads.
    mutating func chainedComparison(_ left: Parsed, _ first: RuleComparison, _ middle: Parsed,
                                    _ second: RuleComparison, at token: RuleToken) -> RuleProblem {
        advance()
        let a = text(left.start, left.end)
        let b = text(middle.start, middle.end)
        var suggestion = RuleMessages.joinWithDan()
        if let right = try? parsePrimary() {
            let c = text(right.start, right.end)
            suggestion = RuleMessages.writeInstead(["text": .text("\(a) \(first.rawValue) \(b) dan \(b) \(second.rawValue) \(c)")])
        }
        return .syntax(RuleMessages.chained(["suggestion": .message(suggestion)]), at: token.offset)
    }

    mutating func parsePrimary() throws(RuleProblem) -> Parsed {
        let token = try peek()
        switch token.kind {
        case .identifier(let name):
            advance()
            return Parsed(expression: .field(name, offset: token.offset), depth: 1,
                          start: token.offset, end: token.offset + token.text.count)
        case .literal(let value):
            advance()
            return Parsed(expression: .literal(value, offset: token.offset), depth: 1,
                          start: token.offset, end: token.offset + token.text.count)
        case .openParen:
            nesting += 1
            defer { nesting -= 1 }
            if nesting > RuleParser.maximumDepth { throw tooComplex(at: token.offset) }
            advance()
            var inner = try parseOr()
            let closing = try peek()
            guard case .closeParen = closing.kind else {
                throw unexpectedAfterOperand(closing, insideParentheses: true)
            }
            advance()
            inner.start = token.offset
            inner.end = closing.offset + 1
            return inner
        default:
            throw RuleProblem.syntax(RuleMessages.expectedOperand(["found": .message(token.described)]), at: token.offset)
        }
    }

    /// The problem for a token that cannot follow a complete operand.
    func unexpectedAfterOperand(_ token: RuleToken, insideParentheses: Bool) -> RuleProblem {
        if case .identifier(let word) = token.kind {
            switch word.lowercased() {
            case "and", "dan":
                return .syntax(RuleMessages.notKeyword(["word": .text(word), "keyword": "dan"]), at: token.offset)
            case "or", "atau":
                return .syntax(RuleMessages.notKeyword(["word": .text(word), "keyword": "atau"]), at: token.offset)
            default:
                break
            }
        }
        if case .closeParen = token.kind, !insideParentheses {
            return .syntax(RuleMessages.unmatchedClose(), at: token.offset)
        }
        if case .end = token.kind, insideParentheses {
            return .syntax(RuleMessages.unclosedOpen(), at: token.offset)
        }
        let expected: [MessageArgument] = lastWasLonePrimary ? [.message(RuleMessages.aComparison()), "'dan'", "'atau'"] : ["'dan'", "'atau'"]
        let last: MessageArgument = insideParentheses ? "')'" : .message(RuleMessages.endOfRule())
        let list = MessageArgument.joined([.list(expected), last], by: FlowMessages.or())
        return .syntax(RuleMessages.expectedList(["list": list, "found": .message(token.described)]), at: token.offset)
    }
}
