/// Messages about rules on case data (`jika`, `SOP5xx`), and why a rule could not be decided.
public enum RuleMessages: String, MessageGroup {
    case inRule, unterminated, notOperatorWrite, notComparison, notOperatorHere, curlyQuote, leadingPoint, arithmetic, letterInName, unexpectedChar, numberTooLarge, noYearZero, noSuchMonth, noDayZero, dayBeyondMonth, decimalComma, dateShape, numberShape, digitStart, tooComplex, empty, notKeyword, chained, joinWithDan, writeInstead, expectedOperand, unmatchedClose, unclosedOpen, expectedList, aComparison, endOfRule, quotedToken, cannotCompare, cannotOrder, notAChoice, unknownField, noFields, valueTrue, valueFalse, fieldNotCondition, literalNotCondition, withoutQuotesField, useBoolean, withoutQuotes, inQuotes, theChoicesAre, aText, aNumber, aBoolean, aDate, aChoice, aCondition, fieldDescribed, valueNotCondition, fieldHasNoValue, cannotOrderValues, cannotCompareValues

    public var code: String? {
        switch self {
        case .unterminated: "SOP501"
        case .notOperatorWrite: "SOP501"
        case .notComparison: "SOP501"
        case .notOperatorHere: "SOP501"
        case .curlyQuote: "SOP501"
        case .leadingPoint: "SOP501"
        case .arithmetic: "SOP501"
        case .letterInName: "SOP501"
        case .unexpectedChar: "SOP501"
        case .numberTooLarge: "SOP501"
        case .noYearZero: "SOP501"
        case .noSuchMonth: "SOP501"
        case .noDayZero: "SOP501"
        case .dayBeyondMonth: "SOP501"
        case .decimalComma: "SOP501"
        case .dateShape: "SOP501"
        case .numberShape: "SOP501"
        case .digitStart: "SOP501"
        case .tooComplex: "SOP501"
        case .empty: "SOP501"
        case .notKeyword: "SOP501"
        case .chained: "SOP501"
        case .expectedOperand: "SOP501"
        case .unmatchedClose: "SOP501"
        case .unclosedOpen: "SOP501"
        case .expectedList: "SOP501"
        case .cannotCompare: "SOP503"
        case .cannotOrder: "SOP503"
        case .notAChoice: "SOP503"
        case .unknownField: "SOP502"
        case .fieldNotCondition: "SOP504"
        case .literalNotCondition: "SOP504"
        default: nil
        }
    }

    public var texts: MessageTexts {
        switch self {
        case .inRule: .init(id: "Aturan '{rule}': {problem}", en: "rule '{rule}': {problem}")
        case .unterminated: .init(id: "Teks tidak ditutup; akhiri dengan {quote} yang sama", en: "unterminated string; end it with a matching {quote}")
        case .notOperatorWrite: .init(id: "'{written}' bukan operator; tulis '{instead}'", en: "'{written}' is not an operator; write '{instead}'")
        case .notComparison: .init(id: "'=' bukan perbandingan; tulis '=='", en: "'=' is not a comparison; write '=='")
        case .notOperatorHere: .init(id: "'{written}' bukan operator di sini; tulis '{instead}'", en: "'{written}' is not an operator here; write '{instead}'")
        case .curlyQuote: .init(id: "'{char}' adalah tanda kutip lengkung; tulis teks dengan tanda kutip lurus, \"...\" atau '...'", en: "'{char}' is a curly quote; write texts in straight quotes, \"...\" or '...'")
        case .leadingPoint: .init(id: "Karakter '.' tidak diharapkan; tulis angka sebelum titik, misalnya 0.5", en: "unexpected character '.'; write a digit before the point, e.g. 0.5")
        case .arithmetic: .init(id: "Karakter '{char}' tidak diharapkan; aturan tidak dapat berhitung", en: "unexpected character '{char}'; rules cannot do arithmetic")
        case .letterInName: .init(id: "{char} tidak dapat dipakai dalam nama data; gunakan hanya huruf A-Z dan a-z, angka dan '_'", en: "{char} cannot be used in a field name; use only the letters A-Z and a-z, digits and '_'")
        case .unexpectedChar: .init(id: "Karakter {char} tidak diharapkan", en: "unexpected character {char}")
        case .numberTooLarge: .init(id: "'{word}' angka yang terlalu besar", en: "'{word}' is too large a number")
        case .noYearZero: .init(id: "'{word}' bukan tanggal: tidak ada tahun 0", en: "'{word}' is not a date: there is no year 0")
        case .noSuchMonth: .init(id: "'{word}' bukan tanggal: tidak ada bulan {month}", en: "'{word}' is not a date: there is no month {month}")
        case .noDayZero: .init(id: "'{word}' bukan tanggal: tidak ada tanggal 0", en: "'{word}' is not a date: there is no day 0")
        case .dayBeyondMonth: .init(id: "'{word}' bukan tanggal: {monthName} {year} memiliki {days} hari, bukan {day}", en: "'{word}' is not a date: {monthName} {year} has {days} days, not {day}")
        case .decimalComma: .init(id: "'{word}' bukan angka; tulis desimal dengan titik: {pointed}", en: "'{word}' is not a number; write decimals with a point: {pointed}")
        case .dateShape: .init(id: "'{word}' bukan tanggal; tulis tanggal sebagai TTTT-BB-HH, misalnya 2024-03-04", en: "'{word}' is not a date; write dates as YYYY-MM-DD, e.g. 2024-03-04")
        case .numberShape: .init(id: "'{word}' bukan angka; tulis angka seperti 18 atau 1.5", en: "'{word}' is not a number; write numbers like 18 or 1.5")
        case .digitStart: .init(id: "'{word}' bukan angka atau tanggal; nama data tidak boleh diawali angka", en: "'{word}' is not a number or a date; field names cannot start with a digit")
        case .tooComplex: .init(id: "Aturan ini terlalu rumit (bersarang lebih dari {depth} tingkat); pecah menjadi aturan yang lebih sederhana", en: "this rule is too complex (nested more than {depth} levels deep); split it into simpler rules")
        case .empty: .init(id: "Aturan kosong; tulis syarat seperti 'umur < 18'", en: "the rule is empty; write a condition such as 'umur < 18'")
        case .notKeyword: .init(id: "'{word}' bukan kata kunci di sini; tulis '{keyword}'", en: "'{word}' is not a keyword here; write '{keyword}'")
        case .chained: .init(id: "Perbandingan tidak dapat dirangkai; {suggestion}", en: "comparisons do not chain; {suggestion}")
        case .joinWithDan: .init(id: "gabungkan dua perbandingan dengan 'dan'", en: "join two comparisons with 'dan'")
        case .writeInstead: .init(id: "tulis '{text}'", en: "write '{text}'")
        case .expectedOperand: .init(id: "Seharusnya nama data, nilai atau '(', tertulis {found}", en: "expected a field, a value or '(' but found {found}")
        case .unmatchedClose: .init(id: "')' tidak memiliki pasangan '('", en: "')' has no matching '('")
        case .unclosedOpen: .init(id: "Seharusnya ')' untuk menutup '(', tetapi aturan sudah berakhir", en: "expected ')' to close '(' but found the end of the rule")
        case .expectedList: .init(id: "Seharusnya {list}, tertulis {found}", en: "expected {list} but found {found}")
        case .aComparison: .init(id: "perbandingan (==, !=, <, <=, >, >=)", en: "a comparison (==, !=, <, <=, >, >=)")
        case .endOfRule: .init(id: "akhir aturan", en: "the end of the rule")
        case .quotedToken: .init(id: "'{text}'", en: "'{text}'")
        case .cannotCompare: .init(id: "{left} tidak dapat dibandingkan dengan {right}{hint}", en: "cannot compare {left} with {right}{hint}")
        case .cannotOrder: .init(id: "'{op}' tidak dapat dipakai pada {left} dan {right}; '<', '<=', '>' dan '>=' hanya membandingkan angka dan tanggal", en: "cannot use '{op}' on {left} and {right}; '<', '<=', '>' and '>=' compare only numbers (angka) and dates (tanggal)")
        case .notAChoice: .init(id: "'{value}' bukan salah satu pilihan '{name}': {choices}{hint}", en: "'{value}' is not one of the choices of '{name}': {choices}{hint}")
        case .unknownField: .init(id: "Data kasus '{name}' tidak dikenal{hint}", en: "unknown case field '{name}'{hint}")
        case .noFields: .init(id: "; SOP tidak mendeklarasikan data kasus (data_kasus)", en: "; the SOP declares no case fields (data_kasus)")
        case .valueTrue: .init(id: "; untuk nilainya, tulis true", en: "; for the value, write true")
        case .valueFalse: .init(id: "; untuk nilainya, tulis false", en: "; for the value, write false")
        case .fieldNotCondition: .init(id: "'{name}' adalah {kind} ({type}), bukan syarat; bandingkan, misalnya '{example}'", en: "'{name}' is {kind} ({type}), not a condition; compare it, e.g. '{example}'")
        case .literalNotCondition: .init(id: "{value} adalah {kind}, bukan syarat{hint}", en: "{value} is {kind}, not a condition{hint}")
        case .withoutQuotesField: .init(id: "; untuk memakai data kasus, tulis {name} tanpa tanda kutip", en: "; to use the case field, write {name} without quotes")
        case .useBoolean: .init(id: "; gunakan data kasus benar/salah atau perbandingan", en: "; use a boolean case field or a comparison")
        case .withoutQuotes: .init(id: "; tulis {text} tanpa tanda kutip", en: "; write {text} without quotes")
        case .inQuotes: .init(id: "; tulis dalam tanda kutip: \"{text}\"", en: "; write it in quotes: \"{text}\"")
        case .theChoicesAre: .init(id: "; pilihannya {choices}", en: "; the choices are {choices}")
        case .aText: .init(id: "teks", en: "a text")
        case .aNumber: .init(id: "angka", en: "a number")
        case .aBoolean: .init(id: "nilai benar/salah", en: "a boolean")
        case .aDate: .init(id: "tanggal", en: "a date")
        case .aChoice: .init(id: "pilihan", en: "a choice")
        case .aCondition: .init(id: "syarat", en: "a condition")
        case .fieldDescribed: .init(id: "'{name}' ({kind})", en: "'{name}' ({kind})")
        case .valueNotCondition: .init(id: "{what} bukan syarat", en: "{what} is not a condition")
        case .fieldHasNoValue: .init(id: "Data kasus '{name}' tidak memiliki nilai", en: "case field '{name}' has no value")
        case .cannotOrderValues: .init(id: "'{op}' tidak dapat dipakai pada {left} dan {right}", en: "cannot use '{op}' on {left} and {right}")
        case .cannotCompareValues: .init(id: "{left} tidak dapat dibandingkan dengan {right}", en: "cannot compare {left} with {right}")
        }
    }
}
