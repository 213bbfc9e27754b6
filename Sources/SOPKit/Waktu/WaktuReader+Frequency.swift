/// Frequencies, which are not durations: "Sekali setiap bulan", "2 kali seminggu", "sebulan sekali",
/// "setiap minggu", "per bulan", "/bulan", "bulanan".
extension WaktuReader {
    /// Words that introduce the period of a frequency: "setiap bulan", "tiap minggu", "per hari".
    static let periodMarkers: Set<String> = ["setiap", "tiap", "per"]

    /// "harian", "mingguan", "bulanan", "tahunan": once per that unit (nil means plain day).
    static let periodAdjectives: [String: WaktuUnit?] = [
        "harian": nil, "mingguan": .minggu, "bulanan": .bulan, "tahunan": .tahun,
    ]

    /// Whether a count of times starts at `i`: "sekali", or a number followed by "kali"/"x" that is not
    /// the multiplication of "1 x 24 jam".
    func timesStart(at i: Int) -> Bool {
        if word(at: i) == "sekali" { return true }
        guard var j = numberEnd(at: i) else { return false }
        if case .parenthesized = token(at: j)?.kind { j += 1 }
        guard let t = token(at: j) else { return false }
        let isTimesWord = t.word == "kali" || t.word == "x" || t.kind == .times
        return isTimesWord && numberEnd(at: j + 1) == nil
    }

    /// Reads "sekali", "2 kali", "2x", or returns nil without consuming.
    mutating func readTimes() throws(WaktuFailure) -> Int? {
        guard timesStart(at: index) else { return nil }
        if currentWord == "sekali" {
            index += 1
            return 1
        }
        guard let number = try readNumber() else { return nil }
        index += 1  // "kali", "x" or "×"
        guard number.value >= 1, number.value <= 1000, number.value == number.value.rounded() else {
            throw failure(WaktuTextMessages.timesRange(["text": .text(number.text)]),
                          at: number.offset)
        }
        return Int(number.value)
    }

    /// Reads the period of a frequency, or returns nil without consuming when none starts here.
    /// After a count of times (`afterTimes`), "dalam" ("2 kali dalam sebulan") and a bare "se-" word
    /// ("2 kali seminggu") also introduce the period.
    mutating func readPeriod(afterTimes: Bool) throws(WaktuFailure) -> WaktuUnit? {
        guard let t = current else { return nil }
        let isMarker: Bool
        if case .slash = t.kind {
            isMarker = true
        } else if let w = t.word {
            isMarker = WaktuReader.periodMarkers.contains(w) || (afterTimes && w == "dalam")
        } else {
            isMarker = false
        }
        if !isMarker {
            if !afterTimes, let w = t.word, let adjective = WaktuReader.periodAdjectives[w] {
                index += 1
                return adjective ?? plainDay
            }
            guard afterTimes, let se = readSeUnit() else { return nil }
            return se.unit
        }
        index += 1
        if let se = readSeUnit() { return se.unit }
        if numberEnd(at: index) != nil, let number = try readNumber(), number.value != 1 {
            throw failure(WaktuTextMessages.perOneUnit(["number": .text(number.text), "text": .text(t.text)]), at: number.offset)
        }
        guard let unit = readUnit() else {
            if let next = current, next.word != nil { throw unknownUnit(next) }
            throw failure(WaktuTextMessages.missingUnitAfter(["text": .text(t.text)]), at: current?.offset ?? endOffset)
        }
        return unit.unit
    }

    /// Reads a frequency, or returns nil without consuming when the text is not one.
    mutating func readFrequency() throws(WaktuFailure) -> WaktuValue? {
        // Period first: "setiap bulan", "per hari", "/bulan", "bulanan", optionally "... sekali", "... 2 kali".
        if let per = try readPeriod(afterTimes: false) {
            let times = try readTimes() ?? 1
            return .frequency(times: times, per: per)
        }
        // "sebulan sekali", "seminggu 2 kali" (a "se-" word alone is a duration: "sebulan").
        let save = index
        if let se = readSeUnit() {
            if let times = try readTimes() { return .frequency(times: times, per: se.unit) }
            index = save
        }
        // Times first: "sekali setiap bulan", "2 kali seminggu", "1 kali per bulan", "2x/minggu".
        let timesOffset = current?.offset ?? 0
        guard let times = try readTimes() else { return nil }
        guard let per = try readPeriod(afterTimes: true) else {
            let said = text(from: timesOffset, to: lastEnd)
            if let next = current, next.word != nil, WaktuUnit.word(next.text) != nil {
                throw failure(WaktuTextMessages.notFrequency(["said": .text(said), "text": .text(next.text)]),
                              at: next.offset)
            }
            throw failure(WaktuTextMessages.missingPeriod(["said": .text(said)]),
                          at: current?.offset ?? endOffset)
        }
        return .frequency(times: times, per: per)
    }
}
