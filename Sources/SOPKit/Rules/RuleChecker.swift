/// Checks a parsed rule against the case fields its SOP declares (`data_kasus`).
public enum RuleChecker {
    /// Every problem in one pass, in source order: unknown field (code "SOP502", with did-you-mean
    /// over the field names), comparison of different types or an ordering (<, >, ...) on
    /// text/boolean/choice (code "SOP503", message naming both types, e.g. "cannot compare 'umur'
    /// (angka) with a text"), a value compared with a choice field that is not one of its choices
    /// (SOP503, with did-you-mean), a non-boolean field or literal used as a condition / with dan,
    /// atau, bukan (code "SOP504", e.g. "'umur' is a number (angka), not a condition; compare it,
    /// e.g. 'umur < 18'"), a rule whose whole value is not boolean (SOP504).
    ///
    /// An unknown field is reported once and not again in the comparisons or conditions it is part of.
    public static func check(_ rule: Rule, fields: [String: CaseFieldType]) -> [RuleProblem] {
        var checker = Checker(fields: fields)
        checker.requireCondition(rule.expression)
        return checker.problems.enumerated()
            .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
            .map(\.element)
    }
}

/// The walk behind `RuleChecker`.
struct Checker {
    /// What an expression yields, as far as the checker knows.
    enum ValueType: Equatable {
        case text, number, boolean, date
        case choice([String])
        /// Not known because of a problem already reported (an unknown field).
        case unknown
    }

    let fields: [String: CaseFieldType]
    var problems: [RuleProblem] = []

    init(fields: [String: CaseFieldType]) {
        self.fields = fields
    }

    /// Checks `expression` and returns the type of its value.
    mutating func typeOf(_ expression: RuleExpression) -> ValueType {
        switch expression {
        case .field(let name, let offset):
            guard let type = fields[name] else {
                problems.append(unknownField(name, at: offset))
                return .unknown
            }
            return Self.valueType(of: type)
        case .literal(let value, _):
            return Self.valueType(of: value)
        case .not(let operand, _):
            requireCondition(operand)
            return .boolean
        case .and(let left, let right), .or(let left, let right):
            requireCondition(left)
            requireCondition(right)
            return .boolean
        case .compare(let comparison, let left, let right, let offset):
            let leftType = typeOf(left)
            let rightType = typeOf(right)
            checkComparison(comparison, left, leftType, right, rightType, at: offset)
            return .boolean
        }
    }

    /// Checks `expression` and reports it when it is not a condition (a boolean).
    mutating func requireCondition(_ expression: RuleExpression) {
        switch typeOf(expression) {
        case .boolean, .unknown:
            return
        case .text, .number, .date, .choice:
            if let problem = notACondition(expression) { problems.append(problem) }
        }
    }

    mutating func checkComparison(_ comparison: RuleComparison, _ left: RuleExpression, _ leftType: ValueType,
                                  _ right: RuleExpression, _ rightType: ValueType, at offset: Int) {
        if leftType == .unknown || rightType == .unknown { return }
        let compatible: Bool
        switch (leftType, rightType) {
        case (.number, .number), (.date, .date), (.boolean, .boolean),
             (.text, .text), (.text, .choice), (.choice, .text), (.choice, .choice):
            compatible = true
        default:
            compatible = false
        }
        guard compatible else {
            let message = RuleMessages.cannotCompare(["left": .message(describe(left, leftType)), "right": .message(describe(right, rightType)),
                                                      "hint": .message(mismatchHint(left, leftType, right, rightType))])
            problems.append(RuleProblem(code: "SOP503", message, offset: offset))
            return
        }
        if comparison.isOrdering, leftType != .number, leftType != .date {
            let message = RuleMessages.cannotOrder(["op": .text(comparison.rawValue), "left": .message(describe(left, leftType)),
                                                    "right": .message(describe(right, rightType))])
            problems.append(RuleProblem(code: "SOP503", message, offset: offset))
            return
        }
        // A text compared with a choice field must be one of its choices.
        for (field, fieldType, other) in [(left, leftType, right), (right, rightType, left)] {
            guard case .choice(let choices) = fieldType, case .field(let name, _) = field,
                  case .literal(.text(let value), let valueOffset) = other, !choices.contains(value) else { continue }
            let list = choices.map { "'\($0)'" }.joined(separator: ", ")
            let message = RuleMessages.notAChoice(["value": .text(value), "name": .text(name), "choices": .text(list),
                                                   "hint": .message(didYouMean(value, in: choices))])
            problems.append(RuleProblem(code: "SOP503", message, offset: valueOffset))
        }
    }

    // MARK: - Messages

    /// `Suggestion.closest`, but never a word that shares nothing with `word` (`'1'` for `'4'`).
    static func closest(to word: String, in candidates: [String]) -> String? {
        guard let candidate = Suggestion.closest(to: word, in: candidates),
              Suggestion.editDistance(word.lowercased(), candidate.lowercased()) < max(word.count, candidate.count)
        else { return nil }
        return candidate
    }

    /// The did-you-mean phrase, or ``Message/empty``.
    func didYouMean(_ word: String, in candidates: [String]) -> Message {
        Self.closest(to: word, in: candidates).map { CommonMessages.didYouMean(["candidate": .text($0)]) } ?? .empty
    }

    func unknownField(_ name: String, at offset: Int) -> RuleProblem {
        var hint = Message.empty
        if fields.isEmpty {
            hint = RuleMessages.noFields()
        } else if let suggestion = Self.closest(to: name, in: fields.keys.sorted()) {
            hint = CommonMessages.didYouMean(["candidate": .text(suggestion)])
        } else {
            switch name.lowercased() {
            case "true", "yes", "ya", "benar": hint = RuleMessages.valueTrue()
            case "false", "no", "tidak", "salah": hint = RuleMessages.valueFalse()
            default: break
            }
        }
        return RuleProblem(code: "SOP502", RuleMessages.unknownField(["name": .text(name), "hint": .message(hint)]), offset: offset)
    }

    func notACondition(_ expression: RuleExpression) -> RuleProblem? {
        switch expression {
        case .field(let name, let offset):
            guard let type = fields[name] else { return nil }
            let example: String
            switch type {
            case .number: example = "\(name) < 18"
            case .date: example = "\(name) < 2024-01-01"
            case .choice(let choices): example = "\(name) == \"\(choices.first ?? "...")\""
            case .text, .boolean: example = "\(name) == \"...\""
            }
            let message = RuleMessages.fieldNotCondition(["name": .text(name), "kind": .message(Self.article(type)), "type": .text(type.keyword),
                                                          "example": .text(example)])
            return RuleProblem(code: "SOP504", message, offset: offset)
        case .literal(let value, let offset):
            let hint: Message
            if case .text(let text) = value, fields[text] != nil {
                hint = RuleMessages.withoutQuotesField(["name": .text(text)])
            } else {
                hint = RuleMessages.useBoolean()
            }
            let message = RuleMessages.literalNotCondition(["value": .text(Self.written(value)), "kind": .message(Self.article(value)),
                                                            "hint": .message(hint)])
            return RuleProblem(code: "SOP504", message, offset: offset)
        case .not, .and, .or, .compare:
            return nil
        }
    }

    /// `'umur' (angka)`, `a text`, `a condition`.
    func describe(_ expression: RuleExpression, _ type: ValueType) -> Message {
        switch expression {
        case .field(let name, _):
            if let fieldType = fields[name] { return RuleMessages.fieldDescribed(["name": .text(name), "kind": .text(fieldType.keyword)]) }
            return RuleMessages.quotedToken(["text": .text(name)])
        case .literal(let value, _):
            return Self.article(value)
        case .not, .and, .or, .compare:
            return RuleMessages.aCondition()
        }
    }

    /// A hint for comparing a field with a literal written as the wrong kind of value.
    func mismatchHint(_ left: RuleExpression, _ leftType: ValueType,
                      _ right: RuleExpression, _ rightType: ValueType) -> Message {
        for (fieldType, other) in [(leftType, right), (rightType, left)] {
            guard case .literal(let value, _) = other else { continue }
            switch (fieldType, value) {
            case (.number, .text(let text)):
                if let number = Double(text), number.isFinite, text.first?.isNumber == true {
                    return RuleMessages.withoutQuotes(["text": .text(text)])
                }
            case (.date, .text(let text)):
                if CalendarDate(iso: text) != nil { return RuleMessages.withoutQuotes(["text": .text(text)]) }
            case (.boolean, .text(let text)):
                if text == "true" || text == "false" { return RuleMessages.withoutQuotes(["text": .text(text)]) }
            case (.text, .number), (.text, .date), (.text, .boolean):
                return RuleMessages.inQuotes(["text": .text(value.description)])
            case (.choice(let choices), .number), (.choice(let choices), .date), (.choice(let choices), .boolean):
                if choices.contains(value.description) { return RuleMessages.inQuotes(["text": .text(value.description)]) }
                return RuleMessages.theChoicesAre(["choices": .text(choices.map { "'\($0)'" }.joined(separator: ", "))])
            default:
                break
            }
        }
        return .empty
    }

    static func valueType(of type: CaseFieldType) -> ValueType {
        switch type {
        case .text: .text
        case .number: .number
        case .boolean: .boolean
        case .date: .date
        case .choice(let choices): .choice(choices)
        }
    }

    static func valueType(of value: CaseValue) -> ValueType {
        switch value {
        case .text: .text
        case .number: .number
        case .boolean: .boolean
        case .date: .date
        }
    }

    static func article(_ type: CaseFieldType) -> Message {
        switch type {
        case .text: RuleMessages.aText()
        case .number: RuleMessages.aNumber()
        case .boolean: RuleMessages.aBoolean()
        case .date: RuleMessages.aDate()
        case .choice: RuleMessages.aChoice()
        }
    }

    static func article(_ value: CaseValue) -> Message {
        switch value {
        case .text: RuleMessages.aText()
        case .number: RuleMessages.aNumber()
        case .boolean: RuleMessages.aBoolean()
        case .date: RuleMessages.aDate()
        }
    }

    /// A literal as an author would write it: `"kawin"`, `18`, `2024-03-04`.
    static func written(_ value: CaseValue) -> String {
        if case .text(let text) = value { return "\"\(text)\"" }
        return value.description
    }
}
