import Foundation

/// A value of one field of a case's data, after it has been checked against its `CaseFieldType`.
public enum CaseValue: Hashable, Sendable, CustomStringConvertible {
    case text(String)
    case number(Double)
    case boolean(Bool)
    /// A calendar date as year, month, day (no time zone: a date in the office's calendar).
    case date(CalendarDate)

    public var description: String {
        switch self {
        case .text(let s): s
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .boolean(let b): b ? "true" : "false"
        case .date(let d): d.description
        }
    }

    /// Parses `text` as a value of `type`, or says in plain words why it cannot be one.
    ///
    /// Booleans are `true` or `false` only: YAML 1.1 spellings (`yes`, `no`, `on`, `off`) and their
    /// Indonesian counterparts are refused rather than guessed.
    public static func parse(_ text: String, as type: CaseFieldType) -> Result<CaseValue, CaseValueError> {
        // Text is kept as written: no trimming to look at (finding the first and last characters
        // was a grapheme walk per field of every case opened).
        if case .text = type { return .success(.text(text)) }
        // Foundation's trimming is costly; skip it when neither end is white space (the usual case).
        let trimmed: String
        // Printable ASCII at both ends is not white space, without finding the characters there.
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            trimmed = text
        } else if let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace {
            trimmed = text
        } else {
            trimmed = text.trimmingCharacters(in: .whitespaces)
        }
        switch type {
        case .text:
            return .success(.text(text))
        case .number:
            let normalised = trimmed.replacingOccurrences(of: ",", with: ".")
            if let n = Double(normalised), n.isFinite { return .success(.number(n)) }
            return .failure(CaseValueError(CommonMessages.notNumber(["value": .text(text)])))
        case .boolean:
            switch trimmed {
            case "true": return .success(.boolean(true))
            case "false": return .success(.boolean(false))
            default:
                let hint: Message
                switch trimmed.lowercased() {
                case "yes", "y", "on", "ya", "benar", "1", "true": hint = CommonMessages.writeTrue()
                case "no", "n", "off", "tidak", "salah", "0", "false": hint = CommonMessages.writeFalse()
                default: hint = .empty
                }
                return .failure(CaseValueError(CommonMessages.notBoolean(["value": .text(text), "hint": .message(hint)])))
            }
        case .date:
            if let d = CalendarDate(iso: trimmed) { return .success(.date(d)) }
            return .failure(CaseValueError(CommonMessages.notDate(["value": .text(text)])))
        case .choice(let choices):
            if choices.contains(trimmed) { return .success(.text(trimmed)) }
            let list = choices.map { "'\($0)'" }.joined(separator: ", ")
            return .failure(CaseValueError(CommonMessages.notChoice(["value": .text(text), "choices": .text(list),
                                                                    "hint": .message(Suggestion.hint(trimmed, in: choices))])))
        }
    }
}

/// Why a text is not a valid value of a case field.
public struct CaseValueError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why, from the catalogue.
    public var text: Message
    /// Why, in English.
    public var message: String { text.english }
    public init(_ text: Message) { self.text = text }
    public var description: String { message }
}
