import Foundation

/// An error that stops parsing; carries the problem to report.
struct WaktuFailure: Error {
    var problem: WaktuProblem
}

/// One amount as read, before a missing unit is filled in from context.
struct ReadAmount {
    var amount: Double
    /// nil for a bare number ("30", the "3" of "3 s/d 5 hari").
    var unit: WaktuUnit?
    /// Offset of the number (or of the "se-" word).
    var offset: Int
    /// Offset just past the amount's last token.
    var end: Int
    /// The number as written, for messages.
    var numberText: String
    /// Offset of the unit word, when there is one.
    var unitOffset: Int? = nil
}

/// A cursor over the tokens of one Waktu text, with the grammar of numbers, units and durations.
/// Ranges, bounds and frequencies are in `WaktuParser` and `WaktuReader+Frequency.swift`.
struct WaktuReader {
    let chars: [Character]
    let tokens: [WaktuToken]
    let options: WaktuParser.Options
    var index = 0
    var warnings: [WaktuProblem] = []

    /// Words that may follow a number without being (unknown) units.
    static let nonUnitWords: Set<String> = Set(["sd", "sampai", "hingga", "dan", "kali", "x", "per", "setiap", "tiap"])
        .union(WaktuReader.remarkWords)

    init(chars: [Character], tokens: [WaktuToken], options: WaktuParser.Options) {
        self.chars = chars
        self.tokens = tokens
        self.options = options
    }

    var current: WaktuToken? { token(at: index) }
    func token(at i: Int) -> WaktuToken? { i >= 0 && i < tokens.count ? tokens[i] : nil }
    func word(at i: Int) -> String? { token(at: i)?.word }
    var currentWord: String? { word(at: index) }

    /// Offset just past the last token (where "missing ..." problems point).
    var endOffset: Int { tokens.last?.end ?? 0 }

    /// Plain "hari" resolved by the options; anything but `.hariKalender` means working days.
    var plainDay: WaktuUnit { options.plainDay == .hariKalender ? .hariKalender : .hariKerja }

    /// The raw text between two offsets, trimmed.
    func text(from start: Int, to end: Int) -> String {
        let lo = max(0, min(start, chars.count)), hi = max(lo, min(end, chars.count))
        let slice = chars[lo..<hi]
        // Nothing to trim when neither end is white space (the usual case): skip Foundation.
        if let first = slice.first, let last = slice.last, !first.isWhitespace, !last.isWhitespace {
            return WaktuLexer.string(slice)
        }
        return WaktuLexer.string(slice).trimmingCharacters(in: .whitespaces)
    }

    func failure(_ message: Message, at offset: Int) -> WaktuFailure {
        WaktuFailure(problem: WaktuProblem(severity: .error, message, offset: offset))
    }

    mutating func warn(_ message: Message, at offset: Int) {
        warnings.append(WaktuProblem(severity: .warning, message, offset: offset))
    }

    // MARK: Numbers

    /// Index just past a number starting at `i` (digits, or a run of number words), or nil.
    func numberEnd(at i: Int) -> Int? {
        guard let t = token(at: i) else { return nil }
        switch t.kind {
        case .number, .invalidNumber: return i + 1
        case .word(let w) where IndonesianNumber.isNumberWord(w):
            var j = i
            while let w = word(at: j), IndonesianNumber.isNumberWord(w) { j += 1 }
            return j
        default: return nil
        }
    }

    /// Reads a number (digits or words, with an optional "(words)" cross-check), or returns nil without
    /// consuming anything when none starts here.
    mutating func readNumber() throws(WaktuFailure) -> (value: Double, offset: Int, text: String)? {
        guard let t = current else { return nil }
        if case .dash = t.kind, let next = token(at: index + 1), numberEnd(at: index + 1) != nil {
            throw failure(WaktuTextMessages.negative(["text": .text(next.text)]), at: t.offset)
        }
        // A number written only in words, in parentheses, before its unit: "kurang lebih (Dua) hari".
        if case .parenthesized(let inner) = t.kind, let w = word(at: index + 1), WaktuUnit.word(w) != nil,
           let spelled = IndonesianNumber.value(inText: inner) ?? Double(inner.trimmingCharacters(in: .whitespaces)) {
            index += 1
            return (spelled, t.offset, t.text)
        }
        guard let end = numberEnd(at: index) else { return nil }
        let value: Double
        let fromDigits: Bool
        switch t.kind {
        case .number(let n):
            value = n
            fromDigits = true
        case .invalidNumber(let written):
            throw failure(WaktuTextMessages.invalidNumber(["text": .text(written)]), at: t.offset)
        default:
            let words = tokens[index..<end].compactMap(\.word)
            guard let v = IndonesianNumber.value(of: words) else {
                throw failure(WaktuTextMessages.notWords(["text": .text(text(from: t.offset, to: tokens[end - 1].end))]), at: t.offset)
            }
            value = v
            fromDigits = false
        }
        let numberText = text(from: t.offset, to: tokens[end - 1].end)
        guard value <= 1_000_000 else {
            throw failure(WaktuTextMessages.tooLarge(["number": .text(numberText)]), at: t.offset)
        }
        index = end
        if let paren = current {
            if case .parenthesized(let inner) = paren.kind {
                checkSpelledNumber(inner, against: value, fromDigits: fromDigits, numberText: numberText, at: paren)
                index += 1
            } else if case .unclosedParen = paren.kind {
                throw failure(WaktuTextMessages.unclosedParen(), at: paren.offset)
            }
        }
        return (value, t.offset, numberText)
    }

    /// Compares "15 (lima belas)" (or "lima belas (15)"): a mismatch is a warning at the parenthesis.
    /// Text in the parentheses that holds no number is ignored.
    private mutating func checkSpelledNumber(_ inner: String, against value: Double, fromDigits: Bool,
                                             numberText: String, at paren: WaktuToken) {
        let spelled: Double?
        if fromDigits {
            spelled = IndonesianNumber.value(inText: inner)
        } else {
            spelled = WaktuLexer.tokenize(Array(inner)).first?.number
        }
        guard let spelled, spelled != value else { return }
        let message = fromDigits
            ? WaktuTextMessages.wordsDisagree(["words": .text(paren.text), "spelled": .text(WaktuAmount.format(spelled)), "number": .text(numberText)])
            : WaktuTextMessages.digitsDisagree(["digits": .text(paren.text), "spelled": .text(WaktuAmount.format(spelled)), "number": .text(numberText),
                                                "value": .text(WaktuAmount.format(value))])
        warn(message, at: paren.offset)
    }

    // MARK: Units

    /// Reads a unit word ("menit", "hr", "HK", "hari kerja", "hr. kalender"), or nil without consuming.
    mutating func readUnit() -> (unit: WaktuUnit, offset: Int)? {
        guard let t = current, let w = t.word, let unitWord = WaktuUnit.word(w) else { return nil }
        index += 1
        let unit: WaktuUnit
        switch unitWord {
        case .unit(let u):
            unit = u
            // "jam kerja", "menit kerja": working time is how these are counted anyway.
            if u == .jam || u == .menit, currentWord == "kerja" { index += 1 }
        case .day:
            unit = readDayKind()
        }
        if case .dot = current?.kind { index += 1 }
        return (unit, t.offset)
    }

    /// After "hari"/"hr"/"h"/"se-hari": "kerja" or "kalender" (optionally after a '.'), else `plainDay`.
    mutating func readDayKind() -> WaktuUnit {
        var i = index
        if case .dot = token(at: i)?.kind { i += 1 }
        switch word(at: i) {
        case "kerja":
            index = i + 1
            return .hariKerja
        case "kalender":
            index = i + 1
            return .hariKalender
        default:
            return plainDay
        }
    }

    /// Reads a "se-" unit word ("sehari", "seminggu") as its unit, or nil without consuming.
    mutating func readSeUnit() -> (unit: WaktuUnit, offset: Int, text: String)? {
        guard let t = current, let w = t.word, let seWord = WaktuUnit.seWord(w) else { return nil }
        index += 1
        switch seWord {
        case .unit(let u): return (u, t.offset, t.text)
        case .day: return (readDayKind(), t.offset, t.text)
        }
    }
}
