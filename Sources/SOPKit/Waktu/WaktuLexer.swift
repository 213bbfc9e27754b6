/// One lexical token of a Waktu text, located by Character offset in the raw text.
struct WaktuToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// "15", "1,5", "1.5", "1/2", "½".
        case number(Double)
        /// Digits that do not make a usable number ("1/0", too many digits); the reason in English.
        case invalidNumber(String)
        /// Letters, lowercased; inner hyphens kept ("selambat-lambatnya"); "s/d", "s.d." become "sd".
        case word(String)
        /// "-", "–", "—", "−", "~".
        case dash
        case comma, dot, slash, plus
        /// "±", "+-", "+/-".
        case plusMinus
        /// "≤", "<=", "<".
        case atMostSign
        /// "×" or "*" (the letter "x" is a word).
        case times
        /// "( ... )": the text inside.
        case parenthesized(String)
        /// A "(" with no ")" after it.
        case unclosedParen
        /// Anything else.
        case other
    }

    var kind: Kind
    /// Character offset of the first character.
    var offset: Int
    /// Number of Characters covered.
    var length: Int
    /// The text as written.
    var text: String

    /// Offset just past the token.
    var end: Int { offset + length }

    /// The lowercased word, if this is a word.
    var word: String? {
        if case .word(let w) = kind { return w }
        return nil
    }

    /// The number, if this is a valid number.
    var number: Double? {
        if case .number(let n) = kind { return n }
        return nil
    }
}

/// Splits a Waktu text into tokens. Never fails: unknown characters become `.other`.
enum WaktuLexer {
    static func isDigit(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue else { return false }
        return ascii >= 48 && ascii <= 57
    }

    /// The text of some Characters: appending them is several times cheaper than String's generic
    /// Sequence initialiser, which dominated the cost of parsing a waktu.
    static func string(_ chars: ArraySlice<Character>) -> String {
        var result = ""
        for c in chars { result.append(c) }
        return result
    }

    static let dashes: Set<Character> = ["-", "–", "—", "−", "‐", "‑", "~"]

    // ASCII first: Character's Unicode properties (isWhitespace, isLetter) and hashing into a Set
    // were a tenth of loading a small SOP, for waktu texts that are nearly always ASCII.
    static func isSpace(_ c: Character) -> Bool {
        if let a = c.asciiValue { return a == 32 || (a >= 9 && a <= 13) }
        return c.isWhitespace
    }

    static func isLetter(_ c: Character) -> Bool {
        if let a = c.asciiValue { return (a >= 65 && a <= 90) || (a >= 97 && a <= 122) }
        return c.isLetter
    }

    static func isDash(_ c: Character) -> Bool {
        if let a = c.asciiValue { return a == 45 || a == 126 }
        return dashes.contains(c)
    }
    static let vulgarFractions: [Character: Double] = ["½": 0.5, "¼": 0.25, "¾": 0.75]

    static func tokenize(_ chars: [Character]) -> [WaktuToken] {
        var tokens: [WaktuToken] = []
        var i = 0
        let n = chars.count
        func at(_ k: Int) -> Character? { k >= 0 && k < n ? chars[k] : nil }
        func emit(_ kind: WaktuToken.Kind, _ start: Int, _ end: Int) {
            tokens.append(WaktuToken(kind: kind, offset: start, length: end - start, text: WaktuLexer.string(chars[start..<end])))
        }
        while i < n {
            let c = chars[i]
            let start = i
            if isSpace(c) {
                i += 1
            } else if isDigit(c) {
                i = lexNumber(chars, from: i, into: &tokens)
            } else if c.asciiValue == nil, let fraction = vulgarFractions[c] {
                i += 1
                emit(.number(fraction), start, i)
            } else if isLetter(c) {
                var j = i + 1
                while j < n, isLetter(chars[j]) || (isDash(chars[j]) && chars[j] != "~"
                                                    && at(j + 1).map(isLetter) == true) {
                    j += 1
                }
                var word = WaktuLexer.string(chars[i..<j]).lowercased()
                // "s/d", "s.d.", "k.l.": single letters joined by '.' or '/' form one abbreviation.
                if j - i == 1, let sep = at(j), sep == "." || sep == "/", let second = at(j + 1), isLetter(second),
                   at(j + 2).map(isLetter) != true {
                    word += String(second).lowercased()
                    j += 2
                    if at(j) == "." { j += 1 }
                }
                i = j
                emit(.word(word), start, i)
            } else if isDash(c) {
                i += 1
                emit(.dash, start, i)
            } else if c == "+" {
                if at(i + 1).map(isDash) == true {
                    i += 2
                    emit(.plusMinus, start, i)
                } else if at(i + 1) == "/", at(i + 2).map(isDash) == true {
                    i += 3
                    emit(.plusMinus, start, i)
                } else {
                    i += 1
                    emit(.plus, start, i)
                }
            } else if c == "(" {
                var j = i + 1
                while j < n, chars[j] != ")" { j += 1 }
                if j < n {
                    i = j + 1
                    tokens.append(WaktuToken(kind: .parenthesized(WaktuLexer.string(chars[(start + 1)..<j])),
                                             offset: start, length: i - start, text: WaktuLexer.string(chars[start..<i])))
                } else {
                    i += 1
                    emit(.unclosedParen, start, i)
                }
            } else {
                i += 1
                let kind: WaktuToken.Kind
                switch c {
                case "±": kind = .plusMinus
                case "≤": kind = .atMostSign
                case "<":
                    if at(i) == "=" { i += 1 }
                    kind = .atMostSign
                case "×", "*": kind = .times
                case ",": kind = .comma
                case ".": kind = .dot
                case "/": kind = .slash
                default: kind = .other
                }
                emit(kind, start, i)
            }
        }
        return tokens
    }

    /// Lexes "15", "1,5", "1.5" or "1/2" starting at `start`; returns the index after it.
    private static func lexNumber(_ chars: [Character], from start: Int, into tokens: inout [WaktuToken]) -> Int {
        let n = chars.count
        func digits(from k: Int) -> Int {
            var j = k
            while j < n, isDigit(chars[j]) { j += 1 }
            return j
        }
        var j = digits(from: start)
        var literal = WaktuLexer.string(chars[start..<j])
        if j + 1 < n, chars[j] == "," || chars[j] == ".", isDigit(chars[j + 1]) {
            let fractionEnd = digits(from: j + 1)
            literal += "." + WaktuLexer.string(chars[(j + 1)..<fractionEnd])
            j = fractionEnd
        }
        var value = Double(literal)
        if j + 1 < n, chars[j] == "/", isDigit(chars[j + 1]) {
            let denominatorEnd = digits(from: j + 1)
            let denominator = Double(WaktuLexer.string(chars[(j + 1)..<denominatorEnd]))
            j = denominatorEnd
            if let d = denominator, d != 0, let v = value { value = v / d } else { value = nil }
        }
        let text = WaktuLexer.string(chars[start..<j])
        let kind: WaktuToken.Kind
        if let value, value.isFinite {
            kind = .number(value)
        } else {
            kind = .invalidNumber(text)
        }
        tokens.append(WaktuToken(kind: kind, offset: start, length: j - start, text: text))
        return j
    }
}
