/// A decision's rule written in words for a reader of the Markdown table ("jika putus sekolah",
/// "jika umur kurang dari 18 dan tidak terdaftar di DTKS") instead of rule syntax. A case field is
/// named by its `label` when it has one, else by its name with spaces for underscores.
struct RuleWords {
    let sop: SOPDefinition

    /// The condition as a phrase, without the leading "jika".
    func phrase(_ rule: RuleExpression) -> String {
        switch rule {
        case .field(let name, _): return field(name)
        case .literal(let value, _): return literal(value)
        case .not(let operand, _): return "tidak " + phrase(operand)
        case .and(let left, let right): return phrase(left) + " dan " + phrase(right)
        case .or(let left, let right): return phrase(left) + " atau " + phrase(right)
        case .compare(let op, let left, let right, _):
            if case .literal(.boolean(let b), _) = right, op == .equal || op == .notEqual {
                return (b == (op == .equal)) ? phrase(left) : "tidak " + phrase(left)
            }
            let words: String
            switch op {
            case .equal: words = "adalah"
            case .notEqual: words = "bukan"
            case .less: words = "kurang dari"
            case .lessOrEqual: words = "paling banyak"
            case .greater: words = "lebih dari"
            case .greaterOrEqual: words = "paling sedikit"
            }
            return "\(phrase(left)) \(words) \(phrase(right))"
        }
    }

    private func field(_ name: String) -> String {
        let label = sop.caseField(name)?.label ?? name.replacingOccurrences(of: "_", with: " ")
        return label.prefix(1).lowercased() + label.dropFirst()
    }

    private func literal(_ value: CaseValue) -> String {
        switch value {
        case .text(let s): return "\u{201C}\(s)\u{201D}"
        case .boolean(let b): return b ? "ya" : "tidak"
        case .date(let d): return d.indonesian
        default: return value.description
        }
    }
}
