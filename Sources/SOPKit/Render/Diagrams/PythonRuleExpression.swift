/// Rules (`jika`) and performer answers written as Python expressions, the condition language of
/// BPMN engines that evaluate Python (SpiffWorkflow), for the `conditionExpression` of a BPMN export.
///
/// - A case field is a variable of the same name (a field whose name is a Python keyword gets a
///   trailing `_`: `if` becomes `if_`); `dan`, `atau`, `bukan` become `and`, `or`, `not`;
///   comparisons keep their operators.
/// - Texts and choices are double-quoted Python strings; numbers are Python numbers; `true` and
///   `false` are `True` and `False`; dates are the strings `"YYYY-MM-DD"`, which compare in the same
///   order as the dates, so the case data must give dates as such strings.
/// - The answer to a decision taken by a performer is the variable `jawaban_<step id>` with `-`
///   made `_` (`jawaban_periksa_konsep == "Ya"`).
public enum PythonRuleExpression {
    /// Python's reserved words, which cannot name a variable.
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// The Python expression of `rule`.
    public static func translate(_ rule: Rule) -> String {
        expression(rule.expression)
    }

    /// The variable that holds case field `name`.
    public static func variable(forField name: String) -> String {
        keywords.contains(name) ? name + "_" : name
    }

    /// The variable that holds the answer to the decision of step `stepID`.
    public static func answerVariable(forStep stepID: String) -> String {
        "jawaban_" + stepID.replacingOccurrences(of: "-", with: "_")
    }

    /// The condition that the performer's answer to step `stepID` is `label`.
    public static func answerCondition(step stepID: String, label: String) -> String {
        "\(answerVariable(forStep: stepID)) == \(string(label))"
    }

    /// A case value as a Python literal.
    public static func literal(_ value: CaseValue) -> String {
        switch value {
        case .text(let text): string(text)
        case .number: value.description
        case .boolean(let truth): truth ? "True" : "False"
        case .date(let date): string(date.description)
        }
    }

    /// A double-quoted Python string literal of `text`.
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0xD800...0xDFFF).contains(scalar.value) {
                    out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
                } else if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                            || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += scalar.value <= 0xFFFF
                        ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                        : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func expression(_ node: RuleExpression) -> String {
        switch node {
        case .field(let name, _):
            return variable(forField: name)
        case .literal(let value, _):
            return literal(value)
        case .not(let operand, _):
            return "not " + grouped(operand, unless: { if case .field = $0 { return true }; if case .literal = $0 { return true }; return false })
        case .and(let left, let right):
            return grouped(left, unless: isTighterThanOr) + " and " + grouped(right, unless: isTighterThanOr)
        case .or(let left, let right):
            return expression(left) + " or " + expression(right)
        case .compare(let comparison, let left, let right, _):
            return grouped(left, unless: isOperand) + " \(comparison.rawValue) " + grouped(right, unless: isOperand)
        }
    }

    /// `node` in parentheses unless `plain` says it needs none where it stands.
    private static func grouped(_ node: RuleExpression, unless plain: (RuleExpression) -> Bool) -> String {
        plain(node) ? expression(node) : "(" + expression(node) + ")"
    }

    private static func isOperand(_ node: RuleExpression) -> Bool {
        switch node {
        case .field, .literal: true
        case .not, .and, .or, .compare: false
        }
    }

    private static func isTighterThanOr(_ node: RuleExpression) -> Bool {
        if case .or = node { return false }
        return true
    }
}
