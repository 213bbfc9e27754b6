/// What `sop calendar show` prints: the labelled lines of a working calendar and its days off.
/// The labels are padded to one width in each language, so the values line up.
public enum CalendarSummaryMessages: String, MessageGroup {
    case calendar, source, timeZone, decreed, provisional, provisionalNone, daysOff, daysOffKey, noDaysOff, dayLine, decreedMark, provisionalMark, ramadan, provisionalSuffix, builtIn

    public var texts: MessageTexts {
        switch self {
        case .calendar: .init(id: "kalender:    {id}", en: "calendar:    {id}")
        case .source: .init(id: "sumber:      {source}", en: "source:      {source}")
        case .timeZone: .init(id: "zona waktu:  {zone} (UTC{offset})", en: "time zone:   {zone} (UTC{offset})")
        case .decreed: .init(id: "ditetapkan:  {from}-{to} (hari libur sampai {through})", en: "decreed:     {from}-{to} (days off through {through})")
        case .provisional: .init(id: "sementara:   {from}-{to}: hari libur nasional dan Ramadan dihitung menurut aturan (tanggal tetap menurut undang-undang, hitungan Paskah, kalender Hijriah dan Tionghoa; Nyepi, Waisak dan hari besar Islam dapat meleset satu hari; tanpa cuti bersama); tenggat di tahun-tahun itu ditandai (sementara)",
                                 en: "provisional: {from}-{to}: national holidays and Ramadan computed by rule (fixed dates by law, Easter computus, Islamic civil and Chinese calendars; Nyepi, Waisak and Islamic days may be one day off; no cuti bersama); due times there are marked (provisional)")
        case .provisionalNone: .init(id: "sementara:   tidak ada; tenggat sesudah {year} hanya menghitung hari kerja biasa", en: "provisional: none; due times past {year} count weekdays only")
        case .daysOff: .init(id: "hari libur:  {years} (s: sementara)", en: "days off:    {years} (p: provisional)")
        case .daysOffKey: .init(id: "s", en: "p")
        case .noDaysOff: .init(id: "tidak ada hari libur untuk {year}", en: "no days off listed for {year}")
        case .dayLine: .init(id: "  {date}  {kind}  {mark}  {name}", en: "  {date}  {kind}  {mark}  {name}")
        case .decreedMark: .init(id: "ditetapkan", en: "decreed    ")
        case .provisionalMark: .init(id: "sementara ", en: "provisional")
        case .ramadan: .init(id: "  Jam kerja Ramadan {from} .. {to}{provisional}", en: "  Ramadan office hours {from} .. {to}{provisional}")
        case .builtIn: .init(id: "(tertanam di sop) ", en: "(built into sop) ")
        case .provisionalSuffix: .init(id: " (sementara)", en: " (provisional)")
        }
    }
}
