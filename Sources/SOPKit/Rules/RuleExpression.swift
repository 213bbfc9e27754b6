/// The syntax tree of a rule (`jika:`), as `RuleParser` reads it.
///
/// Offsets are 0-based `Character` offsets into the rule's source text.
public indirect enum RuleExpression: Hashable, Sendable {
    /// A case field by name (`putus_sekolah`), at the offset of its first character.
    case field(String, offset: Int)
    /// A literal value: a number, a text, `true`/`false` or a date, at the offset where it starts.
    case literal(CaseValue, offset: Int)
    /// `bukan x`, at the offset of `bukan`.
    case not(RuleExpression, offset: Int)
    /// `x dan y`.
    case and(RuleExpression, RuleExpression)
    /// `x atau y`.
    case or(RuleExpression, RuleExpression)
    /// `x op y`, at the offset of the operator.
    case compare(RuleComparison, RuleExpression, RuleExpression, offset: Int)

    /// The offset where the expression's text starts (its leftmost part).
    public var startOffset: Int {
        var node = self
        while true {
            switch node {
            case .field(_, let offset), .literal(_, let offset), .not(_, let offset):
                return offset
            case .and(let left, _), .or(let left, _), .compare(_, let left, _, _):
                node = left
            }
        }
    }

    /// The names of the case fields the expression reads, in order of first use, each once.
    public var fieldNames: [String] {
        var names: [String] = []
        var seen: Set<String> = []
        // Depth-first, left before right, without recursion: source order.
        var stack: [RuleExpression] = [self]
        while let node = stack.popLast() {
            switch node {
            case .field(let name, _):
                if seen.insert(name).inserted { names.append(name) }
            case .literal:
                break
            case .not(let operand, _):
                stack.append(operand)
            case .and(let left, let right), .or(let left, let right), .compare(_, let left, let right, _):
                stack.append(right)
                stack.append(left)
            }
        }
        return names
    }
}
