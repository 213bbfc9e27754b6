/// Unit of a duration. Plain "hari" is resolved by the parser to hariKerja or hariKalender (Options.plainDay).
///
/// `minggu` is 7 calendar days; `bulan` and `tahun` are calendar months, counted on the calendar
/// (`WorkingCalendar.adding`: 31 Jan + 3 bulan = 30 Apr). Their nominal minutes (30 and 365 days)
/// only compare lengths (`waktu.total` against the steps); due times never use them.
public enum WaktuUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Minutes, hours, working days, calendar days, weeks, months, years (raw values are the JSON names).
    case menit, jam, hariKerja = "hari_kerja", hariKalender = "hari_kalender", minggu, bulan, tahun

    /// Nominal length in minutes: menit 1, jam 60, hari kerja = workingDayMinutes (default 450 = 7.5 h, Perpres 21/2023: 37.5 h / 5 days),
    /// hari kalender 1440, minggu 7*1440, bulan 30*1440, tahun 365*1440.
    public func minutes(workingDayMinutes: Double = 450) -> Double {
        switch self {
        case .menit: 1
        case .jam: 60
        case .hariKerja: workingDayMinutes
        case .hariKalender: 1440
        case .minggu: 7 * 1440
        case .bulan: 30 * 1440
        case .tahun: 365 * 1440
        }
    }

    /// Indonesian label used when printing ("menit", "jam", "hari kerja", "hari kalender", "minggu", "bulan", "tahun").
    public var label: String {
        switch self {
        case .menit: "menit"
        case .jam: "jam"
        case .hariKerja: "hari kerja"
        case .hariKalender: "hari kalender"
        case .minggu: "minggu"
        case .bulan: "bulan"
        case .tahun: "tahun"
        }
    }
}

extension WaktuUnit {
    /// What a single unit word names: a definite unit, or plain "hari" whose kind the parser decides
    /// (from a following "kerja"/"kalender", else from `Options.plainDay`).
    enum Word: Sendable, Equatable {
        case unit(WaktuUnit)
        case day
    }

    /// Every accepted spelling of a unit word, lowercased.
    static let spellings: [String: Word] = [
        "menit": .unit(.menit), "mnt": .unit(.menit), "mt": .unit(.menit), "min": .unit(.menit),
        "jam": .unit(.jam), "jm": .unit(.jam),
        "hari": .day, "hr": .day, "h": .day,
        "hk": .unit(.hariKerja),
        "minggu": .unit(.minggu), "mg": .unit(.minggu), "mgg": .unit(.minggu), "pekan": .unit(.minggu),
        "bulan": .unit(.bulan), "bln": .unit(.bulan),
        "tahun": .unit(.tahun), "thn": .unit(.tahun), "th": .unit(.tahun),
    ]

    /// Unit words that may follow "se" to mean one of that unit: "sehari", "sejam", "seminggu", "sebulan".
    static let seStems: [String: Word] = [
        "menit": .unit(.menit), "jam": .unit(.jam), "hari": .day,
        "minggu": .unit(.minggu), "pekan": .unit(.minggu), "bulan": .unit(.bulan), "tahun": .unit(.tahun),
    ]

    /// Candidates offered in "did you mean" hints for a mistyped unit: full words first, so that a
    /// typo as close to a full word as to an abbreviation ("mnit") is pointed at the full word.
    static let suggestionCandidates: [String] = [
        "menit", "jam", "hari", "minggu", "pekan", "bulan", "tahun", "kerja", "kalender",
        "mnt", "jm", "hr", "hk", "mg", "bln", "thn",
    ]

    /// The list of valid units, in words, for error messages.
    static let validUnitsText = "menit, jam, hari, hari kerja (HK), hari kalender, minggu, bulan or tahun"

    /// The unit word for `word` ("hr", "HK", "bln"), or nil.
    static func word(_ word: String) -> Word? {
        spellings[word.lowercased()]
    }

    /// The unit meant by a "se-" word ("sehari", "se-minggu", "sebulan"), or nil.
    static func seWord(_ word: String) -> Word? {
        let lowered = word.lowercased()
        guard lowered.hasPrefix("se") else { return nil }
        var stem = lowered.dropFirst(2)
        if stem.hasPrefix("-") { stem = stem.dropFirst() }
        return seStems[String(stem)]
    }
}
