/// Amounts and composite durations: "15 menit", "1 x 24 jam", "sehari", "7 Hari, 5 Jam, 50 Menit".
extension WaktuReader {
    /// Whether the word at `i` is the multiplication of "1 x 24 jam" (followed by a number).
    func isMultiplier(at i: Int) -> Bool {
        guard let t = token(at: i) else { return false }
        let isTimes: Bool
        if case .times = t.kind { isTimes = true } else { isTimes = t.word == "x" || t.word == "kali" }
        return isTimes && numberEnd(at: i + 1) != nil
    }

    /// Reads one amount, or returns nil without consuming when no number or "se-" word starts here.
    ///
    /// `N x 24 jam` is read as N calendar days (`.hariKalender`): "1 x 24 jam" is the government idiom for a
    /// full day around the clock, not 24 working hours. Any other product ("2 x 30 menit") is multiplied out.
    mutating func readAmount() throws(WaktuFailure) -> ReadAmount? {
        if let se = readSeUnit() {
            return ReadAmount(amount: 1, unit: se.unit, offset: se.offset, end: lastEnd, numberText: se.text,
                              unitOffset: se.offset)
        }
        guard let number = try readNumber() else { return nil }
        var amount = number.value
        var numberText = number.text
        var multiplier: Double?
        if isMultiplier(at: index) {
            index += 1
            if let second = try readNumber() {
                multiplier = second.value
                amount *= second.value
                numberText += " x " + second.text
            }
        }
        guard let unit = readUnit() else {
            if let t = current, let w = t.word, !WaktuReader.nonUnitWords.contains(w), WaktuUnit.seWord(w) == nil {
                throw unknownUnit(t)
            }
            return ReadAmount(amount: amount, unit: nil, offset: number.offset, end: lastEnd, numberText: numberText)
        }
        if unit.unit == .jam, multiplier == 24 {
            return ReadAmount(amount: number.value, unit: .hariKalender, offset: number.offset, end: lastEnd,
                              numberText: number.text, unitOffset: unit.offset)
        }
        return ReadAmount(amount: amount, unit: unit.unit, offset: number.offset, end: lastEnd, numberText: numberText,
                          unitOffset: unit.offset)
    }

    /// Offset just past the last consumed token.
    var lastEnd: Int { token(at: index - 1)?.end ?? 0 }

    /// The error for a word where a unit should be.
    func unknownUnit(_ t: WaktuToken) -> WaktuFailure {
        let hint = Suggestion.hint(t.text, in: WaktuUnit.suggestionCandidates)
        if hint == .empty {
            return failure(WaktuTextMessages.unknownUnitList(["unit": .text(t.text)]), at: t.offset)
        }
        return failure(WaktuTextMessages.unknownUnit(["unit": .text(t.text), "hint": .message(hint)]), at: t.offset)
    }

    /// Reads a duration of one or more amounts ("1 jam 30 menit", "7 Hari, 5 Jam, 50 Menit", "2 hari dan 3 jam"),
    /// or nil without consuming when no amount starts here. A unitless first amount is returned alone, for
    /// the caller to complete (range low end, bare number).
    mutating func readDuration() throws(WaktuFailure) -> [ReadAmount]? {
        guard let first = try readAmount() else { return nil }
        guard let firstUnit = first.unit else { return [first] }
        var parts = [first]
        var seen: Set<WaktuUnit> = [firstUnit]
        // Each repeated unit is reported once: a warning per repetition, each quoting the text so
        // far, made a long run ("1 jam 1 jam ...", 48 KB) quadratic and hung the loader (fuzzing).
        var warned: Set<WaktuUnit> = []
        while true {
            let save = index
            if let t = current {
                switch t.kind {
                case .dash: return parts  // a range connector, not a part
                case .comma, .plus: index += 1
                case .word("dan"): index += 1
                default: break
                }
            }
            guard let next = try readAmount() else {
                index = save
                break
            }
            guard let unit = next.unit else {
                throw failure(WaktuTextMessages.numberNoUnit(["number": .text(next.numberText)]),
                              at: next.offset)
            }
            if !seen.insert(unit).inserted, warned.insert(unit).inserted {
                warn(WaktuTextMessages.unitTwice(["unit": .text(unit.label), "text": .text(text(from: first.offset, to: next.end))]), at: next.unitOffset ?? next.offset)
            }
            parts.append(next)
        }
        return parts
    }

    /// Whether the current token joins the two ends of a range: "-", "–", "s/d", "sd", "s.d.", "sampai", "hingga".
    var atRangeConnector: Bool {
        guard let t = current else { return false }
        if case .dash = t.kind { return true }
        return t.word == "sd" || t.word == "sampai" || t.word == "hingga"
    }

    /// Consumes a range connector ("sampai dengan" included).
    mutating func skipRangeConnector() {
        let wasSampai = currentWord == "sampai"
        index += 1
        if wasSampai, currentWord == "dengan" { index += 1 }
    }
}

extension Durasi {
    /// A duration from read amounts whose units are all known.
    init(reading parts: [ReadAmount]) {
        self.init(parts: parts.compactMap { p in p.unit.map { WaktuAmount(amount: p.amount, unit: $0) } })
    }
}
