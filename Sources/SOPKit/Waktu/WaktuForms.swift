import Foundation

/// The Waktu forms that are not a duration read token by token: a deadline on the same day
/// ("Same Day", "hari itu juga"), a time-of-day cut-off ("sebelum pukul 13.00 selesai hari itu;
/// setelah pukul 13.00 selesai hari kerja berikutnya"), a date of the month ("Tgl 19/24 setiap
/// bulan", "Setiap awal bulan"), a whole sentence around a duration ("Pelayanan diselesaikan dalam
/// waktu paling lama 45 menit."), and two deadlines in one cell (SOP420: split the row).
enum WaktuForms {
    /// Words a remark on when the clock starts begins with; the others (`jika`, ...) state a condition.
    static let startWords: Set<String> = ["setelah", "sesudah", "terhitung", "sejak", "dihitung"]

    /// The lead-in words of a sentence that may stand before a duration ("... dalam waktu 45 menit").
    static let leadInEnds = ["dalam waktu", "dalam jangka waktu", "dalam", "selama", "yaitu", "adalah", "ialah"]

    private static func regex(_ pattern: String) -> NSRegularExpression? {
        // The patterns are literals of this file (a bad one would only ever match nothing; the tests read every form).
        try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    private static func match(_ re: NSRegularExpression?, _ text: String) -> [String?]? {
        guard let re else { return nil }
        let ns = text as NSString
        guard let m = re.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return (0..<m.numberOfRanges).map { i in
            let r = m.range(at: i)
            return r.location == NSNotFound ? nil : ns.substring(with: r)
        }
    }

    static let sameDayPattern = regex(#"^\s*(same\s*day|hari\s+itu\s+juga|pada\s+hari\s+(?:yang\s+)?sama|selesai\s+(?:pada\s+)?hari\s+itu(?:\s+juga)?)\s*(?:\((.*)\))?\s*$"#)
    static let nextDayWords = regex(#"^\s*(?:selesai\s+)?(?:pada\s+)?(?:hari\s+kerja\s+berikutnya|keesokan\s+harinya|besok(?:nya)?)\s*$"#)
    static let sameDayWords = regex(#"^\s*(?:selesai\s+)?(?:pada\s+)?(?:hari\s+itu(?:\s+juga)?|hari\s+yang\s+sama|same\s*day)\s*$"#)
    static let cutoffClause = regex(#"^\s*(?:(?:berkas|permohonan|yang)\s+)?(?:(?:masuk|diterima)\s+)?(sebelum|setelah|sesudah|lewat)\s+(?:pukul|jam|pkl\.?)\s*(\d{1,2})[.:](\d{2})\s*(?:wib|wita|wit)?\s*,?\s*(.*?)\s*$"#)
    static let monthlyDates = regex(#"^\s*(?:setiap\s+)?(?:tgl|tanggal)\.?\s*(\d{1,2}(?:\s*(?:/|,|&|dan|atau)\s*\d{1,2})*)\s+(?:setiap|tiap)\s+bulan(?:nya)?\s*$"#)
    static let monthlyEdge = regex(#"^\s*(?:setiap|tiap)\s+(awal|akhir)\s+bulan\s*$"#)

    /// The text without surrounding space and a final period.
    static func trimmed(_ raw: String) -> String {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(".") { text.removeLast() }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// A form of this file, or nil when the text is none of them (the token reader then reads it).
    static func parse(_ raw: String, options: WaktuParser.Options) -> WaktuParse? {
        let text = trimmed(raw)
        if let m = match(sameDayPattern, text) {
            let remark = m[2].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            return WaktuParse(waktu: Waktu(raw: raw, value: .sameDay, remark: remark), problems: [])
        }
        if let m = match(monthlyEdge, text), let edge = m[1] {
            return WaktuParse(waktu: Waktu(raw: raw, value: .monthly(days: [edge.lowercased() == "awal" ? 1 : -1])), problems: [])
        }
        if let m = match(monthlyDates, text), let list = m[1] {
            let days = list.components(separatedBy: CharacterSet.decimalDigits.inverted).compactMap { Int($0) }
            if let bad = days.first(where: { $0 < 1 || $0 > 31 }) {
                return WaktuParse(waktu: nil, problems: [WaktuProblem(severity: .error, WaktuMessages.badMonthDate(["day": .text("\(bad)")]), offset: 0)])
            }
            return WaktuParse(waktu: Waktu(raw: raw, value: .monthly(days: Array(Set(days)).sorted())), problems: [])
        }
        let clauses = splitClauses(text)
        guard clauses.count >= 2 else { return nil }
        if let cutoff = cutoff(raw, clauses) { return cutoff }
        // Two deadlines in one cell: each clause a duration of its own (with its lead-in words).
        let parsed = clauses.map { durationInside($0, options: options) }
        guard parsed.allSatisfy({ $0 != nil }) else { return nil }
        let quoted: [MessageArgument] = clauses.map { .text("'\($0)'") }
        return WaktuParse(waktu: nil, problems: [WaktuProblem(severity: .error,
            WaktuMessages.twoDeadlines(["count": .number(clauses.count), "clauses": .joined(quoted, by: CommonMessages.and())]),
            offset: 0, code: "SOP420")])
    }

    /// The clauses of a cell separated by ';' outside parentheses.
    static func splitClauses(_ text: String) -> [String] {
        var clauses: [String] = [], current = "", depth = 0
        for c in text {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
            if c == ";", depth == 0 {
                clauses.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        clauses.append(current)
        return clauses.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// "sebelum pukul 13.00 selesai hari itu; setelah pukul 13.00 selesai hari kerja berikutnya".
    static func cutoff(_ raw: String, _ clauses: [String]) -> WaktuParse? {
        guard clauses.count == 2, let a = match(cutoffClause, clauses[0]), let b = match(cutoffClause, clauses[1]),
              a[1]?.lowercased() == "sebelum", let h1 = a[2].flatMap({ Int($0) }), let m1 = a[3].flatMap({ Int($0) }),
              let h2 = b[2].flatMap({ Int($0) }), let m2 = b[3].flatMap({ Int($0) }) else { return nil }
        func deadline(_ text: String?) -> WaktuValue.DayDeadline? {
            guard let text else { return nil }
            if match(sameDayWords, text) != nil { return .sameDay }
            if match(nextDayWords, text) != nil { return .nextWorkingDay }
            return nil
        }
        guard h1 < 24, m1 < 60 else {
            return WaktuParse(waktu: nil, problems: [WaktuProblem(severity: .error, WaktuMessages.badCutoffClock(["clock": .text("\(h1).\(String(format: "%02d", m1))")]), offset: 0)])
        }
        guard let before = deadline(a[4]), let after = deadline(b[4]) else {
            return WaktuParse(waktu: nil, problems: [WaktuProblem(severity: .error,
                WaktuMessages.cutoffSides(["before": .text(a[4] ?? ""), "after": .text(b[4] ?? "")]), offset: 0)])
        }
        var problems: [WaktuProblem] = []
        if h1 != h2 || m1 != m2 {
            problems.append(WaktuProblem(severity: .warning, WaktuMessages.cutoffDisagree(["first": .text("\(h1).\(String(format: "%02d", m1))"),
                                                                          "second": .text("\(h2).\(String(format: "%02d", m2))")]), offset: 0))
        }
        return WaktuParse(waktu: Waktu(raw: raw, value: .cutoff(minuteOfDay: h1 * 60 + m1, before: before, after: after)), problems: problems)
    }

    /// The duration a clause of words gives, wherever it starts ("Menerima jawaban 1 (satu) hari
    /// sejak ..." gives "1 (satu) hari sejak ..."); nil when none does.
    static func durationInside(_ clause: String, options: WaktuParser.Options) -> Waktu? {
        var start = clause.startIndex
        while start < clause.endIndex {
            let rest = String(clause[start...])
            if let waktu = WaktuParser.parseTokens(rest, options: options).waktu, waktu.deadline != nil { return waktu }
            guard !clause[start].isNumber, let space = clause[start...].firstIndex(of: " ") else { return nil }
            start = clause.index(after: space)
        }
        return nil
    }

    /// A sentence around a duration: words without digits that end with "dalam waktu", "selama",
    /// ... before it ("Pelayanan diselesaikan dalam waktu paling lama 45 menit."). The words are
    /// kept as the Waktu's lead-in.
    static func leadIn(_ raw: String, text: String, options: WaktuParser.Options) -> WaktuParse? {
        let lowered = text.lowercased()
        for end in leadInEnds {
            guard let range = lowered.range(of: " " + end + " ") ?? (lowered.hasPrefix(end + " ") ? lowered.range(of: end + " ") : nil) else { continue }
            let lead = String(text[text.startIndex..<text.index(text.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: range.upperBound))])
                .trimmingCharacters(in: .whitespaces)
            guard !lead.contains(where: \.isNumber) else { continue }
            let rest = String(text[text.index(text.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: range.upperBound))...])
            let inner = WaktuParser.parse(rest, options: options)
            guard var waktu = inner.waktu else { continue }
            waktu.raw = raw
            waktu.lead = lead
            return WaktuParse(waktu: waktu, problems: inner.problems.map { var p = $0; p.offset += raw.count - rest.count; return p })
        }
        return nil
    }
}
