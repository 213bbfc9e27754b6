/// Indonesian numbers written in words ("lima belas", "dua puluh satu", "seratus", "setengah"), as found
/// in legal-style Waktu texts such as "15 (lima belas) hari kerja".
enum IndonesianNumber {
    /// The digit words.
    static let digits: [String: Double] = [
        "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4,
        "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
    ]

    /// Words that are complete numbers on their own by the "se-" (one) prefix.
    static let seForms: [String: Double] = [
        "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000,
    ]

    /// Multiplier words that follow a digit word: "lima belas", "dua puluh", "tiga ratus", "dua ribu".
    static let scaleWords: Set<String> = ["belas", "puluh", "ratus", "ribu"]

    /// Whether `word` (lowercased) is part of an Indonesian number.
    static func isNumberWord(_ word: String) -> Bool {
        digits[word] != nil || seForms[word] != nil || scaleWords.contains(word) || word == "setengah"
    }

    /// The value of a run of number words ("dua puluh lima" → 25, "satu setengah" → 1.5),
    /// or nil when the words do not form a number.
    static func value(of words: [String]) -> Double? {
        guard !words.isEmpty else { return nil }
        var thousands = 0.0
        var group = 0.0
        var pending: Double?
        var half = 0.0
        for word in words {
            if let digit = digits[word] {
                guard pending == nil else { return nil }
                pending = digit
                continue
            }
            switch word {
            case "sepuluh", "sebelas", "seratus":
                guard pending == nil, let value = seForms[word] else { return nil }
                group += value
            case "seribu":
                guard pending == nil, group == 0 else { return nil }
                thousands += 1000
            case "belas":
                guard let p = pending else { return nil }
                group += 10 + p
                pending = nil
            case "puluh":
                guard let p = pending else { return nil }
                group += 10 * p
                pending = nil
            case "ratus":
                guard let p = pending else { return nil }
                group += 100 * p
                pending = nil
            case "ribu":
                let count = group + (pending ?? 0)
                guard count > 0 else { return nil }
                thousands += 1000 * count
                group = 0
                pending = nil
            case "setengah":
                guard half == 0 else { return nil }
                half = 0.5
            default:
                return nil
            }
        }
        return thousands + group + (pending ?? 0) + half
    }

    /// The number spelled in free text such as the inside of "(lima belas)": words that are not number
    /// words are skipped; nil when no number words remain or they do not form a number.
    static func value(inText text: String) -> Double? {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        let numberWords = words.filter(isNumberWord)
        return value(of: numberWords)
    }
}
