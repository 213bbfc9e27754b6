/// A value put into a message template: user text verbatim, a count written with the
/// language's separators, or another catalogue message rendered in the same language.
public indirect enum MessageArgument: Hashable, Sendable, ExpressibleByStringInterpolation {
    /// Shown as it is (names, ids, quoted user input, years).
    case text(String)
    /// A count: `1.234` in Indonesian, `1234` in English.
    case number(Int)
    /// A number a person reads with a fraction, at most `places` decimals (trailing zeros
    /// dropped): `1,4` and `1.234,5` in Indonesian, `1.4` and `1,234.5` in English.
    case decimal(Double, places: Int)
    /// A date: `Kamis, 31 Desember 2026` in Indonesian, `2026-12-31` in English.
    case date(CalendarDate)
    /// A catalogue phrase, rendered in the language of the message around it.
    case message(Message)
    /// Several values joined by `, `.
    case list([MessageArgument])
    /// Several values joined by a phrase of the language (` atau ` / ` or `).
    case joined([MessageArgument], by: Message)

    public init(stringLiteral value: String) { self = .text(value) }

    public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }

    /// The argument as text in `bahasa`.
    public func text(in bahasa: Bahasa) -> String {
        switch self {
        case .text(let s): s
        case .number(let n): NumberFormat.integer(n, in: bahasa)
        case .decimal(let x, let places): NumberFormat.decimal(x, places: places, in: bahasa, groupingEnglish: true)
        case .date(let d): DateText.long(d, in: bahasa)
        case .message(let m): m.text(in: bahasa)
        case .list(let items): items.map { $0.text(in: bahasa) }.joined(separator: ", ")
        case .joined(let items, let separator): items.map { $0.text(in: bahasa) }.joined(separator: separator.text(in: bahasa))
        }
    }

    /// Whether an untranslated message hides inside (see ``Message/isUntranslated``).
    var containsUntranslated: Bool {
        switch self {
        case .text, .number, .decimal, .date: false
        case .message(let m): m.containsUntranslated
        case .list(let items): items.contains { $0.containsUntranslated }
        case .joined(let items, let separator): separator.containsUntranslated || items.contains { $0.containsUntranslated }
        }
    }
}
