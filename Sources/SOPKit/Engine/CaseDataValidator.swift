/// Checks the data a case is opened with against the SOP's `data_kasus`: every required field
/// given, no unknown field, every value of its field's type.
public struct CaseDataValidator: Sendable {
    let sop: SOPDefinition

    public init(_ sop: SOPDefinition) {
        self.sop = sop
    }

    /// The typed data, or a refusal listing every problem.
    public func validate(_ raw: [String: String]) throws(CaseRefusal) -> [String: CaseValue] {
        var problems: [String] = []
        var data: [String: CaseValue] = [:]
        let names = sop.caseFields.map(\.name)
        for (name, text) in raw.sorted(by: { $0.key < $1.key }) {
            guard let field = sop.caseField(name) else {
                let known = names.isEmpty ? "the SOP declares no case data" : "known fields: \(names.joined(separator: ", "))"
                let hint = Suggestion.didYouMean(name, in: names)
                problems.append("unknown case field '\(name)'\(hint.isEmpty ? " (\(known))" : hint)")
                continue
            }
            switch CaseValue.parse(text, as: field.type) {
            case .success(let value): data[name] = value
            case .failure(let error): problems.append("\(name): \(error.message)")
            }
        }
        for field in sop.caseFields where field.required && raw[field.name] == nil {
            problems.append("missing required case field '\(field.name)' (\(field.type.keyword)\(field.label.map { ": \($0)" } ?? ""))")
        }
        if !problems.isEmpty {
            throw CaseRefusal(.badData, "the case data is not valid: " + problems.joined(separator: "; "))
        }
        return data
    }
}
