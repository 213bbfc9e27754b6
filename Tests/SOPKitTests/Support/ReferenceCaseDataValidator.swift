import Foundation
@testable import SOPKit

/// `CaseDataValidator` as it was at 32d256a, before it kept only the case fields and counted the
/// required ones given instead of looking each up by name: kept here, unchanged but for its name and
/// access, as the reference `CaseDataValidatorEquivalenceTests` compares the validator's verdicts with.
struct ReferenceCaseDataValidator {
    let sop: SOPDefinition

    init(_ sop: SOPDefinition) {
        self.sop = sop
    }

    /// The typed data, or a refusal listing every problem. `openedOn` is the day the case is
    /// opened (in the office's calendar), against which birth dates are checked.
    func validate(_ raw: [String: String], openedOn: CalendarDate? = nil) throws(CaseRefusal) -> [String: CaseValue] {
        let (data, problems) = check(raw, openedOn: openedOn)
        if !problems.isEmpty {
            throw CaseRefusal(.badData, EngineMessages.dataInvalid(["problems": .joined(problems.map { .message($0.message) }, by: EngineMessages.semicolon())]))
        }
        return data
    }

    /// Every problem of `raw`, each with the field it belongs to (nil for an unknown field), and
    /// the typed values of the fields without one: what a form shows beside each field.
    func check(_ raw: [String: String], openedOn: CalendarDate? = nil) -> (data: [String: CaseValue], problems: [(field: String?, message: Message)]) {
        if let data = clean(raw, openedOn: openedOn) { return (data, []) }
        return checkEveryField(raw, openedOn: openedOn)
    }

    /// ``check(_:openedOn:)`` field by field in the order of their names, listing every problem.
    func checkEveryField(_ raw: [String: String], openedOn: CalendarDate?) -> (data: [String: CaseValue], problems: [(field: String?, message: Message)]) {
        var problems: [(field: String?, message: Message)] = []
        var data: [String: CaseValue] = [:]
        for (name, text) in raw.sorted(by: { $0.key < $1.key }) {
            guard let field = sop.caseField(name) else {
                let names = sop.caseFields.map(\.name)
                let known = names.isEmpty ? EngineMessages.noCaseData() : EngineMessages.knownFields(["names": .text(names.joined(separator: ", "))])
                let hint = Suggestion.hint(name, in: names)
                problems.append((nil, EngineMessages.unknownField(["name": .text(name), "hint": .message(hint == .empty ? known : hint)])))
                continue
            }
            // Only blanks: what trimming whitespace and newlines would leave empty (without Foundation's copy).
            if field.required, text.unicodeScalars.allSatisfy({ CharacterSet.whitespacesAndNewlines.contains($0) }) {
                problems.append((name, EngineMessages.requiredEmpty(["name": .text(name)])))
                continue
            }
            switch CaseValue.parse(text, as: field.type) {
            case .success(.date(let day)) where !CaseDataValidator.dateRange.contains(day):
                problems.append((name, EngineMessages.dateOutside(["name": .text(name), "day": .text("\(day)"), "from": .text("\(CaseDataValidator.dateRange.lowerBound)"),
                                                                    "to": .text("\(CaseDataValidator.dateRange.upperBound)")])))
            case .success(.date(let day)) where CaseDataValidator.isBirthDate(name) && openedOn.map({ $0 < day }) == true:
                problems.append((name, EngineMessages.birthAfterOpen(["name": .text(name), "opened": .text(openedOn.map(\.description) ?? ""), "day": .text("\(day)")])))
            case .success(let value): data[name] = value
            case .failure(let error): problems.append((name, EngineMessages.fieldProblem(["name": .text(name), "problem": .message(error.text)])))
            }
        }
        for field in sop.caseFields where field.required && raw[field.name] == nil {
            problems.append((field.name, EngineMessages.missingRequired(["name": .text(field.name), "type": .text(field.type.keyword),
                                                                    "label": .text(field.label.map { ": \($0)" } ?? "")])))
        }
        return (data, problems)
    }

    /// The typed data when `raw` has no problem at all (the usual case, on every case opened),
    /// else nil and ``check(_:openedOn:)`` lists the problems in the order of the field names.
    /// The same tests as there, without sorting the fields or copying each field's definition.
    private func clean(_ raw: [String: String], openedOn: CalendarDate?) -> [String: CaseValue]? {
        let fields = sop.caseFields
        var data: [String: CaseValue] = [:]
        data.reserveCapacity(raw.count)
        for (name, text) in raw {
            guard let i = fields.firstIndex(where: { $0.name == name }) else { return nil }
            if fields[i].required, CaseDataValidator.isBlank(text) { return nil }
            switch CaseValue.parse(text, as: fields[i].type) {
            case .success(.date(let day)) where !CaseDataValidator.dateRange.contains(day): return nil
            case .success(.date(let day)) where CaseDataValidator.isBirthDate(name) && openedOn.map({ $0 < day }) == true: return nil
            case .success(let value): data[name] = value
            case .failure: return nil
            }
        }
        for i in fields.indices where fields[i].required && raw[fields[i].name] == nil { return nil }
        return data
    }
}
