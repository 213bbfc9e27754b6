/// Parses the "Waktu" column of an SOP step: "15 menit", "3 s/d 5 hari", "maksimal 14 hari",
/// "7 Hari, 5 Jam, 50 Menit", "Sekali setiap bulan", ...
///
/// Matching is case-insensitive; surrounding whitespace and a trailing period are ignored; a comma or a
/// dot is a decimal separator between digits ("1,5 jam"), and "1/2 jam" is half an hour.
/// The parser never fails on any input: every problem is returned with its character offset.
public enum WaktuParser {
    /// How to read texts whose meaning depends on the SOP.
    public struct Options: Sendable {
        /// Unit of a bare number ("30" under a column header "WAKTU (Menit)"); nil makes a bare number an error.
        public var bareNumberUnit: WaktuUnit?
        /// What plain "hari"/"hr"/"h" means: `.hariKerja` (default: service standards count working days)
        /// or `.hariKalender`. Any other unit is treated as `.hariKerja`.
        public var plainDay: WaktuUnit

        /// Creates options.
        public init(bareNumberUnit: WaktuUnit? = nil, plainDay: WaktuUnit = .hariKerja) {
            self.bareNumberUnit = bareNumberUnit
            self.plainDay = plainDay
        }
    }

    /// Parses one Waktu text. `waktu` is nil exactly when `problems` holds an error.
    public static func parse(_ raw: String, options: Options = .init()) -> WaktuParse {
        if let form = WaktuForms.parse(raw, options: options) { return form }
        let plain = parseTokens(raw, options: options)
        // A whole sentence around a duration ("Pelayanan diselesaikan dalam waktu paling lama 45 menit.").
        if plain.hasErrors, let sentence = WaktuForms.leadIn(raw, text: WaktuForms.trimmed(raw), options: options) { return sentence }
        return plain
    }

    /// A Waktu read token by token: a duration, range, bound or frequency, with its remark.
    static func parseTokens(_ raw: String, options: Options) -> WaktuParse {
        let chars = Array(raw)
        var tokens = WaktuLexer.tokenize(chars)
        while let last = tokens.last, last.kind == .dot { tokens.removeLast() }
        guard !tokens.isEmpty else {
            let problem = WaktuProblem(severity: .error, WaktuMessages.empty(), offset: 0)
            return WaktuParse(waktu: nil, problems: [problem])
        }
        var reader = WaktuReader(chars: chars, tokens: tokens, options: options)
        do throws(WaktuFailure) {
            let value = try reader.readValue()
            let remark = try reader.readEnd()
            let hours = WaktuParser.officeHoursWarning(value)
            return WaktuParse(waktu: Waktu(raw: raw, value: value, remark: remark), problems: reader.warnings + hours)
        } catch {
            return WaktuParse(waktu: nil, problems: reader.warnings + [error.problem])
        }
    }
}

extension WaktuParser {
    /// SOP408: hours or minutes adding up to a working day or more ("24 jam") are office time of
    /// working days (7.5 hours each), so "24 jam" is more than three working days. Real SOPs mostly
    /// mean one day; the warning says how it is counted and what to write instead.
    static func officeHoursWarning(_ value: WaktuValue) -> [WaktuProblem] {
        let duration: Durasi?
        switch value {
        case .exact(let d), .atMost(let d), .about(let d): duration = d
        case .range(_, let high): duration = high
        case .frequency, .sameDay, .cutoff, .monthly: duration = nil
        }
        guard let d = duration, !d.parts.isEmpty, d.parts.allSatisfy({ $0.unit == .jam || $0.unit == .menit }) else { return [] }
        let minutes = d.minutes()
        guard minutes >= WaktuUnit.jam.minutes() * 7.5 else { return [] }
        let days = minutes / 1440
        let n = days >= 1 && days == days.rounded() ? WaktuAmount.format(days) : "1"
        return [WaktuProblem(severity: .warning,
                             WaktuMessages.officeHours(["written": .text("\(d)"), "duration": .text(CaseReport.duration(minutes)),
                                                        "hours": .text(WaktuAmount.format(minutes / 60)), "days": .text(n)]),
                             offset: 0, code: "SOP408")]
    }
}

/// The top level: bounds, approximations, ranges, single durations, and what may follow them.
extension WaktuReader {
    enum Bound { case atMost, about }

    /// Bound and approximation phrases, as lowercased words.
    static let qualifiers: [([String], Bound)] = [
        (["maksimal"], .atMost), (["maksimum"], .atMost), (["maks"], .atMost), (["max"], .atMost),
        (["paling", "lama"], .atMost), (["paling", "lambat"], .atMost), (["selambat-lambatnya"], .atMost),
        (["selambatnya"], .atMost), (["tidak", "lebih", "dari"], .atMost),
        (["kurang", "lebih"], .about), (["lebih", "kurang"], .about), (["kl"], .about),
        (["sekitar"], .about), (["kira-kira"], .about),
    ]

    /// Words offered when an unexpected word starts the text.
    static let startCandidates = ["maksimal", "maksimum", "sekitar", "kurang", "paling", "selambat-lambatnya",
                                  "setiap", "sekali", "tiap"] + WaktuUnit.suggestionCandidates

    /// Reads "maksimal", "paling lama", "≤", "±", "kurang lebih", ..., or nil without consuming.
    mutating func readQualifier() -> (bound: Bound, text: String)? {
        guard let t = current else { return nil }
        switch t.kind {
        case .atMostSign:
            index += 1
            return (.atMost, t.text)
        case .plusMinus:
            index += 1
            return (.about, t.text)
        default:
            break
        }
        for (words, bound) in WaktuReader.qualifiers
        where words.indices.allSatisfy({ word(at: index + $0) == words[$0] }) {
            index += words.count
            if case .dot = current?.kind { index += 1 }
            return (bound, text(from: t.offset, to: lastEnd))
        }
        return nil
    }

    /// Reads the whole value (not what follows it).
    mutating func readValue() throws(WaktuFailure) -> WaktuValue {
        if tokens.count == 1, case .dash = tokens[0].kind {
            throw failure(WaktuTextMessages.notATime(["text": .text(tokens[0].text)]), at: tokens[0].offset)
        }
        if let frequency = try readFrequency() { return frequency }
        if let qualifier = readQualifier() {
            guard let parts = try readDuration() else {
                guard current != nil else {
                    throw failure(WaktuTextMessages.missingAfterBound(["bound": .text(qualifier.text)]),
                                  at: endOffset)
                }
                throw expectedDuration()
            }
            if atRangeConnector, let t = current {
                throw failure(WaktuTextMessages.boundWithRange(["text": .text(t.text), "bound": .text(qualifier.text)]), at: t.offset)
            }
            let durasi = try complete(parts)
            return qualifier.bound == .atMost ? .atMost(durasi) : .about(durasi)
        }
        guard let low = try readDuration() else { throw expectedDuration() }
        guard atRangeConnector, let connector = current else { return .exact(try complete(low)) }
        skipRangeConnector()
        guard let high = try readDuration() else {
            guard current != nil else {
                throw failure(WaktuTextMessages.missingRangeEnd(["connector": .text(connector.text)]),
                              at: endOffset)
            }
            throw expectedDuration()
        }
        return try range(low, high)
    }

    /// A single duration; a bare number takes `Options.bareNumberUnit`, and a bare 0 is `Durasi.zero`.
    func complete(_ parts: [ReadAmount]) throws(WaktuFailure) -> Durasi {
        guard parts.count == 1, parts[0].unit == nil else { return Durasi(reading: parts) }
        let p = parts[0]
        if p.amount == 0 { return .zero }
        guard let unit = options.bareNumberUnit else {
            throw failure(WaktuTextMessages.bareNumber(["number": .text(p.numberText)]), at: p.offset)
        }
        return Durasi(p.amount, unit)
    }

    /// A range; a unitless low end takes the unit of the high end ("3 s/d 5 hari").
    func range(_ low: [ReadAmount], _ high: [ReadAmount]) throws(WaktuFailure) -> WaktuValue {
        guard let lowFirst = low.first, let highFirst = high.first else { throw expectedDuration() }
        let lowBare = lowFirst.unit == nil
        let lowDurasi: Durasi, highDurasi: Durasi
        if let highUnit = highFirst.unit {
            lowDurasi = lowBare ? Durasi(lowFirst.amount, highUnit) : Durasi(reading: low)
            highDurasi = Durasi(reading: high)
        } else if lowBare {
            guard let unit = options.bareNumberUnit else {
                let said = text(from: lowFirst.offset, to: highFirst.end)
                throw failure(WaktuTextMessages.bareRange(["range": .text(said)]), at: lowFirst.offset)
            }
            lowDurasi = Durasi(lowFirst.amount, unit)
            highDurasi = Durasi(highFirst.amount, unit)
        } else {
            throw failure(WaktuTextMessages.highNoUnit(["number": .text(highFirst.numberText), "unit": .text(low.last?.unit?.label ?? "menit")]),
                          at: highFirst.offset)
        }
        if lowDurasi.minutes() > highDurasi.minutes() {
            throw failure(WaktuTextMessages.rangeBackwards(["low": .text("\(lowDurasi)"), "high": .text("\(highDurasi)")]), at: lowFirst.offset)
        }
        return .range(lowDurasi, highDurasi)
    }

    /// The error for a token where a time should start.
    func expectedDuration() -> WaktuFailure {
        guard let t = current else {
            return failure(WaktuTextMessages.missingTime(), at: endOffset)
        }
        if case .unclosedParen = t.kind { return failure(WaktuTextMessages.unclosedParen(), at: t.offset) }
        guard let w = t.word else {
            return failure(WaktuTextMessages.expectedTime(["text": .text(t.text), "hint": .message(.empty)]), at: t.offset)
        }
        if WaktuUnit.word(w) != nil || w == "kerja" || w == "kalender" {
            return failure(WaktuTextMessages.missingNumber(["text": .text(t.text)]), at: t.offset)
        }
        let hint = Suggestion.hint(t.text, in: WaktuReader.startCandidates)
        return failure(WaktuTextMessages.expectedTime(["text": .text(t.text), "hint": .message(hint)]), at: t.offset)
    }

    /// Words that start a remark on when the clock starts or on a condition ("1 hari setelah
    /// persyaratan dilengkapi", "15 menit terhitung berkas diterima", "60 menit jika berkas lengkap").
    static let remarkWords: Set<String> = ["setelah", "sesudah", "terhitung", "sejak", "dihitung", "jika", "apabila", "bila"]

    /// After the value: a remark starting with one of ``remarkWords`` (returned, with what follows
    /// it), a parenthesised remark (a warning), anything else an error.
    mutating func readEnd() throws(WaktuFailure) -> String? {
        while let t = current {
            if let w = t.word, WaktuReader.remarkWords.contains(w) {
                var rest = String(chars[t.offset...]).trimmingCharacters(in: .whitespaces)
                if rest.hasSuffix(".") { rest.removeLast() }
                index = tokens.count
                return rest
            }
            switch t.kind {
            case .parenthesized:
                warn(WaktuTextMessages.remarkIgnored(["text": .text(t.text)]),
                     at: t.offset)
                index += 1
            case .unclosedParen:
                throw failure(WaktuTextMessages.unclosedParen(), at: t.offset)
            default:
                let before = text(from: 0, to: t.offset)
                let hint = t.word.map { _ in Suggestion.hint(t.text, in: ["kerja", "kalender"]) } ?? .empty
                throw failure(WaktuTextMessages.unexpectedAfter(["text": .text(t.text), "before": .text(before),
                                                                 "more": .message(hint == .empty ? WaktuTextMessages.endsWithUnit() : hint)]),
                              at: t.offset)
            }
        }
        return nil
    }
}
