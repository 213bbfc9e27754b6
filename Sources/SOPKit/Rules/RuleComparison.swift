/// A comparison operator of the rule language, spelled as an author writes it.
public enum RuleComparison: String, Sendable, Hashable, CaseIterable {
    /// `==`: the same value (numbers numerically, dates by day, texts and choices exactly).
    case equal = "=="
    /// `!=`: not the same value.
    case notEqual = "!="
    /// `<`: smaller number or earlier date.
    case less = "<"
    /// `<=`: smaller or equal number, or the same or an earlier date.
    case lessOrEqual = "<="
    /// `>`: larger number or later date.
    case greater = ">"
    /// `>=`: larger or equal number, or the same or a later date.
    case greaterOrEqual = ">="

    /// Whether this operator orders its operands (`<`, `<=`, `>`, `>=`), which only numbers and dates allow.
    public var isOrdering: Bool {
        switch self {
        case .equal, .notEqual: false
        case .less, .lessOrEqual, .greater, .greaterOrEqual: true
        }
    }

    /// Applies an ordering operator to the result of comparing two values
    /// (`order` is negative, zero or positive as the left value is smaller, equal or larger).
    func holds(forOrder order: Int) -> Bool {
        switch self {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        case .greaterOrEqual: order >= 0
        }
    }
}
