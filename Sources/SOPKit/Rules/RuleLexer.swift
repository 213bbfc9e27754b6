/// Splits a rule's source into tokens.
///
/// Lexing stops at the first character sequence that is not a token, producing an `.invalid`
/// token carrying a helpful `SOP501` problem; the parser reports it only if it gets that far, so
/// problems are always reported in source order.
enum RuleLexer {
    /// The tokens of `characters`, ending with `.end` or `.invalid`.
    static func tokens(_ characters: [Character]) -> [RuleToken] {
        var tokens: [RuleToken] = []
        var index = 0
        let count = characters.count

        func text(_ range: Range<Int>) -> String {
            // Appending Characters is several times cheaper than String's generic Sequence initialiser.
            var result = ""
            for c in characters[range] { result.append(c) }
            return result
        }
        func at(_ i: Int) -> Character? { i < count ? characters[i] : nil }
        func invalid(_ message: Message, at offset: Int, length: Int = 1) -> RuleToken {
            RuleToken(kind: .invalid(.syntax(message, at: offset)), offset: offset,
                      text: text(offset..<min(count, offset + length)))
        }

        while index < count {
            let c = characters[index]
            let start = index
            if c.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                index += 1
                continue
            }
            if isIdentifierStart(c) {
                while let next = at(index), isIdentifierPart(next) { index += 1 }
                let word = text(start..<index)
                let kind: RuleToken.Kind
                switch word {
                case "dan": kind = .and
                case "atau": kind = .or
                case "bukan": kind = .not
                case "true": kind = .literal(.boolean(true))
                case "false": kind = .literal(.boolean(false))
                default: kind = .identifier(word)
                }
                tokens.append(RuleToken(kind: kind, offset: start, text: word))
                continue
            }
            if isDigit(c) {
                // Take the whole run that could belong to a number or date, then classify it,
                // so that `18tahun` or `2024-1-5` is reported as one piece.
                while let next = at(index) {
                    if isIdentifierPart(next) || next == "." || next == "-" {
                        index += 1
                    } else if next == ",", let after = at(index + 1), isDigit(after) {
                        index += 1
                    } else {
                        break
                    }
                }
                let word = text(start..<index)
                switch numberOrDate(word) {
                case .success(let value):
                    tokens.append(RuleToken(kind: .literal(value), offset: start, text: word))
                    continue
                case .failure(let failure):
                    tokens.append(RuleToken(kind: .invalid(.syntax(failure.text, at: start)), offset: start, text: word))
                    return tokens
                }
            }
            if c == "\"" || c == "'" {
                var end = index + 1
                while end < count, characters[end] != c { end += 1 }
                guard end < count else {
                    tokens.append(invalid(RuleMessages.unterminated(["quote": .text(String(c))]), at: start))
                    return tokens
                }
                let content = text(start + 1..<end)
                index = end + 1
                tokens.append(RuleToken(kind: .literal(.text(content)), offset: start, text: text(start..<index)))
                continue
            }
            let next = at(index + 1)
            var token: RuleToken?
            switch c {
            case "(":
                token = RuleToken(kind: .openParen, offset: start, text: "(")
            case ")":
                token = RuleToken(kind: .closeParen, offset: start, text: ")")
            case "=":
                if next == "=" {
                    token = RuleToken(kind: .comparison(.equal), offset: start, text: "==")
                } else if next == "<" {
                    tokens.append(invalid(RuleMessages.notOperatorWrite(["written": "=<", "instead": "<="]), at: start, length: 2))
                    return tokens
                } else if next == ">" {
                    tokens.append(invalid(RuleMessages.notOperatorWrite(["written": "=>", "instead": ">="]), at: start, length: 2))
                    return tokens
                } else {
                    tokens.append(invalid(RuleMessages.notComparison(), at: start))
                    return tokens
                }
            case "!":
                if next == "=" {
                    token = RuleToken(kind: .comparison(.notEqual), offset: start, text: "!=")
                } else {
                    tokens.append(invalid(RuleMessages.notOperatorHere(["written": "!", "instead": "bukan"]), at: start))
                    return tokens
                }
            case "<":
                if next == "=" {
                    token = RuleToken(kind: .comparison(.lessOrEqual), offset: start, text: "<=")
                } else if next == ">" {
                    tokens.append(invalid(RuleMessages.notOperatorWrite(["written": "<>", "instead": "!="]), at: start, length: 2))
                    return tokens
                } else {
                    token = RuleToken(kind: .comparison(.less), offset: start, text: "<")
                }
            case ">":
                if next == "=" {
                    token = RuleToken(kind: .comparison(.greaterOrEqual), offset: start, text: ">=")
                } else {
                    token = RuleToken(kind: .comparison(.greater), offset: start, text: ">")
                }
            case "&", "|":
                let written = next == c ? "\(c)\(c)" : "\(c)"
                let keyword = c == "&" ? "dan" : "atau"
                tokens.append(invalid(RuleMessages.notOperatorHere(["written": .text(written), "instead": .text(keyword)]), at: start,
                                      length: written.count))
                return tokens
            case "≠", "≤", "≥":
                let replacement = c == "≠" ? "!=" : c == "≤" ? "<=" : ">="
                tokens.append(invalid(RuleMessages.notOperatorWrite(["written": .text(String(c)), "instead": .text(replacement)]), at: start))
                return tokens
            case "“", "”", "„", "‘", "’", "‚", "«", "»":
                tokens.append(invalid(RuleMessages.curlyQuote(["char": .text(String(c))]),
                                      at: start))
                return tokens
            case "." where next.map(isDigit) == true:
                tokens.append(invalid(RuleMessages.leadingPoint(), at: start))
                return tokens
            case "+", "-", "*", "/", "%":
                tokens.append(invalid(RuleMessages.arithmetic(["char": .text(String(c))]), at: start))
                return tokens
            default:
                if c.isLetter {
                    tokens.append(invalid(
                        RuleMessages.letterInName(["char": .text(shown(c))]),
                        at: start))
                } else {
                    tokens.append(invalid(RuleMessages.unexpectedChar(["char": .text(shown(c))]), at: start))
                }
                return tokens
            }
            if let token {
                tokens.append(token)
                index += token.text.count
            }
        }
        tokens.append(RuleToken(kind: .end, offset: count, text: ""))
        return tokens
    }

    /// Classifies a run starting with a digit as a number (`18`, `1.5`) or date (`2024-03-04`).
    private static func numberOrDate(_ word: String) -> Result<CaseValue, Failure> {
        let bytes = Array(word.utf8)
        let isDigitByte = { (b: UInt8) in b >= 48 && b <= 57 }
        // Number: digits, optionally '.' and digits.
        let integerEnd = bytes.firstIndex { !isDigitByte($0) } ?? bytes.count
        if integerEnd == bytes.count
            || (bytes[integerEnd] == UInt8(ascii: ".") && integerEnd + 1 < bytes.count
                && bytes[(integerEnd + 1)...].allSatisfy(isDigitByte)) {
            guard let number = Double(word), number.isFinite else {
                return .failure(Failure(RuleMessages.numberTooLarge(["word": .text(word)])))
            }
            return .success(.number(number))
        }
        // Date shape: YYYY-MM-DD.
        let isDateShaped = bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || isDigitByte($0.element) }
        if isDateShaped {
            if let date = CalendarDate(iso: word) { return .success(.date(date)) }
            let year = Int(word.prefix(4)) ?? 0
            let month = Int(word.dropFirst(5).prefix(2)) ?? 0
            let day = Int(word.suffix(2)) ?? 0
            if year == 0 { return .failure(Failure(RuleMessages.noYearZero(["word": .text(word)]))) }
            if !(1...12).contains(month) {
                return .failure(Failure(RuleMessages.noSuchMonth(["word": .text(word), "month": .text(String(month))])))
            }
            if day == 0 { return .failure(Failure(RuleMessages.noDayZero(["word": .text(word)]))) }
            let days = CalendarDate.daysIn(month: month, year: year)
            let name = CalendarDate.monthNames[month - 1]
            return .failure(Failure(RuleMessages.dayBeyondMonth(["word": .text(word), "monthName": .text(name), "year": .text(String(year)),
                                                                "days": .text(String(days)), "day": .text(String(day))])))
        }
        if bytes.contains(UInt8(ascii: ",")), !bytes.contains(UInt8(ascii: "-")) {
            let pointed = word.replacingOccurrences(of: ",", with: ".")
            return .failure(Failure(RuleMessages.decimalComma(["word": .text(word), "pointed": .text(pointed)])))
        }
        if bytes.contains(UInt8(ascii: "-")) {
            return .failure(Failure(RuleMessages.dateShape(["word": .text(word)])))
        }
        if bytes.allSatisfy({ isDigitByte($0) || $0 == UInt8(ascii: ".") }) {
            return .failure(Failure(RuleMessages.numberShape(["word": .text(word)])))
        }
        return .failure(Failure(RuleMessages.digitStart(["word": .text(word)])))
    }

    /// A failure message while classifying a word.
    private struct Failure: Error {
        var text: Message
        init(_ text: Message) { self.text = text }
    }

    static func isIdentifierStart(_ c: Character) -> Bool {
        guard let a = c.asciiValue, c.unicodeScalars.count == 1 else { return false }
        return (a >= 65 && a <= 90) || (a >= 97 && a <= 122) || a == 95
    }

    static func isIdentifierPart(_ c: Character) -> Bool { isIdentifierStart(c) || isDigit(c) }

    static func isDigit(_ c: Character) -> Bool {
        guard let a = c.asciiValue, c.unicodeScalars.count == 1 else { return false }
        return a >= 48 && a <= 57
    }

    /// A character for a message: `'#'`, or `U+0007` when it would not show.
    static func shown(_ c: Character) -> String {
        let visible = c.unicodeScalars.allSatisfy { scalar in
            !scalar.properties.isWhitespace && scalar.properties.generalCategory != .control
                && scalar.properties.generalCategory != .format
                && scalar.properties.generalCategory != .unassigned
                && scalar.properties.generalCategory != .surrogate
                && scalar.properties.generalCategory != .privateUse
        }
        let hasMark = c.unicodeScalars.contains { scalar in
            [.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory)
        }
        if visible && !hasMark { return "'\(c)'" }
        return c.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) }
            .joined(separator: " ")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
