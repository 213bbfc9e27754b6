extension Rule {
    /// Decides the rule for a case whose data is `data` (field name to value).
    ///
    /// `dan` and `atau` short-circuit left to right, so a field on the right is only read when the
    /// left side does not already decide. Throws when a field the rule needs has no value
    /// (`case field 'umur' has no value`) or when values cannot be compared (only possible for a
    /// rule that did not pass `RuleChecker`, or data that does not match the field types).
    public func evaluate(_ data: [String: CaseValue]) throws(RuleEvaluationError) -> Bool {
        try RuleEvaluator(data: data).condition(expression)
    }
}

/// The walk behind `Rule.evaluate(_:)`.
struct RuleEvaluator {
    let data: [String: CaseValue]

    func condition(_ expression: RuleExpression) throws(RuleEvaluationError) -> Bool {
        switch expression {
        case .not(let operand, _):
            return try !condition(operand)
        case .and(let left, let right):
            if try !condition(left) { return false }
            return try condition(right)
        case .or(let left, let right):
            if try condition(left) { return true }
            return try condition(right)
        case .compare(let comparison, let left, let right, _):
            return try compare(comparison, left, right)
        case .field, .literal:
            let value = try value(expression)
            guard case .boolean(let truth) = value else {
                throw RuleEvaluationError(RuleMessages.valueNotCondition(["what": .message(describe(expression, value))]))
            }
            return truth
        }
    }

    func value(_ expression: RuleExpression) throws(RuleEvaluationError) -> CaseValue {
        switch expression {
        case .field(let name, _):
            guard let value = data[name] else { throw RuleEvaluationError(RuleMessages.fieldHasNoValue(["name": .text(name)])) }
            return value
        case .literal(let value, _):
            return value
        case .not, .and, .or, .compare:
            return .boolean(try condition(expression))
        }
    }

    func compare(_ comparison: RuleComparison, _ left: RuleExpression, _ right: RuleExpression) throws(RuleEvaluationError) -> Bool {
        let a = try value(left)
        let b = try value(right)
        let order: Int
        switch (a, b) {
        case (.number(let x), .number(let y)):
            if x.isNaN || y.isNaN { return comparison == .notEqual }
            order = x < y ? -1 : x > y ? 1 : 0
        case (.date(let x), .date(let y)):
            order = x < y ? -1 : x > y ? 1 : 0
        case (.text(let x), .text(let y)) where !comparison.isOrdering:
            order = x == y ? 0 : 1
        case (.boolean(let x), .boolean(let y)) where !comparison.isOrdering:
            order = x == y ? 0 : 1
        case (.text, .text), (.boolean, .boolean):
            throw RuleEvaluationError(RuleMessages.cannotOrderValues(["op": .text(comparison.rawValue), "left": .message(describe(left, a)),
                                                                      "right": .message(describe(right, b))]))
        default:
            throw RuleEvaluationError(RuleMessages.cannotCompareValues(["left": .message(describe(left, a)), "right": .message(describe(right, b))]))
        }
        return comparison.holds(forOrder: order)
    }

    /// `'umur' (a number)`, `a text`, `a condition`.
    func describe(_ expression: RuleExpression, _ value: CaseValue) -> Message {
        let kind = Checker.article(value)
        switch expression {
        case .field(let name, _): return RuleMessages.fieldDescribed(["name": .text(name), "kind": .message(kind)])
        case .literal: return kind
        case .not, .and, .or, .compare: return RuleMessages.aCondition()
        }
    }
}
