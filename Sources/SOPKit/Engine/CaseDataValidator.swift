import Foundation

/// Checks the data a case is opened with against the SOP's `data_kasus`: every required field
/// given, no unknown field, every value of its field's type.
///
/// It keeps only the definition's case fields (making one copied the whole definition, a retain and
/// a release of each of its fields, on every case opened), and counts the required ones once.
public struct CaseDataValidator: Sendable {
    /// `data_kasus`, in the definition's order.
    let fields: [CaseField]
    /// How many fields are required.
    let requiredCount: Int

    public init(_ sop: SOPDefinition) {
        fields = sop.caseFields
        requiredCount = fields.reduce(0) { $0 + ($1.required ? 1 : 0) }
    }

    /// The earliest and latest date a `tanggal` value may hold: outside these it is a typo (a
    /// year 2999, 0024), not a date an office procedure refers to.
    public static let dateRange = CalendarDate(year: 1900, month: 1, day: 1)!...CalendarDate(year: 2099, month: 12, day: 31)!

    /// Whether `field` holds a birth date (`tanggal_lahir`, `lahir`, or a name ending in `_lahir`),
    /// which cannot be after the day the case is opened.
    public static func isBirthDate(_ field: String) -> Bool {
        field == "lahir" || field.hasSuffix("_lahir")
    }

    /// The typed data, or a refusal listing every problem. `openedOn` is the day the case is
    /// opened (in the office's calendar), against which birth dates are checked.
    public func validate(_ raw: [String: String], openedOn: CalendarDate? = nil) throws(CaseRefusal) -> [String: CaseValue] {
        let (data, problems) = check(raw, openedOn: openedOn)
        if !problems.isEmpty {
            throw CaseRefusal(.badData, EngineMessages.dataInvalid(["problems": .joined(problems.map { .message($0.message) }, by: EngineMessages.semicolon())]))
        }
        return data
    }

    /// Every problem of `raw`, each with the field it belongs to (nil for an unknown field), and
    /// the typed values of the fields without one: what a form shows beside each field.
    public func check(_ raw: [String: String], openedOn: CalendarDate? = nil) -> (data: [String: CaseValue], problems: [(field: String?, message: Message)]) {
        if let data = clean(raw, openedOn: openedOn) { return (data, []) }
        return checkEveryField(raw, openedOn: openedOn)
    }

    /// ``check(_:openedOn:)`` field by field in the order of their names, listing every problem.
    func checkEveryField(_ raw: [String: String], openedOn: CalendarDate?) -> (data: [String: CaseValue], problems: [(field: String?, message: Message)]) {
        var problems: [(field: String?, message: Message)] = []
        var data: [String: CaseValue] = [:]
        for (name, text) in raw.sorted(by: { $0.key < $1.key }) {
            guard let field = fields.first(where: { $0.name == name }) else {
                let names = fields.map(\.name)
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
        for field in fields where field.required && raw[field.name] == nil {
            problems.append((field.name, EngineMessages.missingRequired(["name": .text(field.name), "type": .text(field.type.keyword),
                                                                    "label": .text(field.label.map { ": \($0)" } ?? "")])))
        }
        return (data, problems)
    }

    /// Whether `text` is only white space and newlines (`CharacterSet.whitespacesAndNewlines`),
    /// answered at once when it starts with a printable ASCII character (the usual case: the
    /// character set was built and asked for every required field of every case opened).
    static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return text.unicodeScalars.allSatisfy { CharacterSet.whitespacesAndNewlines.contains($0) }
    }

    /// The typed data when `raw` has no problem at all (the usual case, on every case opened),
    /// else nil and ``check(_:openedOn:)`` lists the problems in the order of the field names.
    /// The same tests as there, without sorting the fields or copying each field's definition.
    private func clean(_ raw: [String: String], openedOn: CalendarDate?) -> [String: CaseValue]? {
        // Made with its room by the initialiser: `reserveCapacity` on an empty dictionary runs the
        // standard library's unspecialised code, which looked the storage's generic metadata up on
        // every case (866 instructions for a dictionary of four, against 699).
        var data = [String: CaseValue](minimumCapacity: raw.count)
        // The required fields whose name the data gives: all of them exactly when this reaches
        // `requiredCount` (the data's names are distinct, so no field is counted twice).
        var requiredGiven = 0
        for (name, text) in raw {
            var first = -1
            // Names of another length are told apart without comparing their characters.
            let length = name.utf8.count
            for j in fields.indices where fields[j].name.utf8.count == length && fields[j].name == name {
                if first < 0 { first = j }
                if fields[j].required { requiredGiven += 1 }
            }
            guard first >= 0 else { return nil }
            let i = first
            if fields[i].required, CaseDataValidator.isBlank(text) { return nil }
            switch CaseValue.parse(text, as: fields[i].type) {
            case .success(.date(let day)) where !CaseDataValidator.dateRange.contains(day): return nil
            case .success(.date(let day)) where CaseDataValidator.isBirthDate(name) && openedOn.map({ $0 < day }) == true: return nil
            case .success(let value): data[name] = value
            case .failure: return nil
            }
        }
        // Every required field given, without looking each one up in the data by name.
        return requiredGiven == requiredCount ? data : nil
    }
}
