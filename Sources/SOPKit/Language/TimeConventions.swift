/// How the SOP's times are to be read (`waktu:` at the top level).
public struct TimeConventions: Sendable, Hashable {
    /// What plain "hari" means in this SOP.
    public enum DayBasis: String, Sendable, Hashable, CaseIterable {
        case kerja, kalender
    }

    /// `satuan_angka`: the unit of a bare number in the Waktu column ("WAKTU (Menit)": `30`).
    public var bareNumberUnit: WaktuUnit?
    /// `hari`: whether plain "hari" counts working days (the default) or calendar days.
    public var dayBasis: DayBasis
    /// `zona`: the office's time zone, an IANA name (`Asia/Jakarta`); WIB, WITA and WIT are accepted.
    public var timeZone: String
    /// Whether the SOP wrote `zona` (else the working calendar's zone applies: see ``CaseContext``).
    public var timeZoneGiven = false
    /// `kalender`: the working calendar that applies (`indonesia`, the shipped national calendar).
    public var calendar: String
    /// `total`: a total standard time the SOP states for the whole procedure, when it gives one.
    public var total: Waktu?

    /// The defaults: bare numbers need a unit, hari means hari kerja, WIB, the national calendar.
    public static let standard = TimeConventions(bareNumberUnit: nil, dayBasis: .kerja, timeZone: "Asia/Jakarta",
                                                 calendar: "indonesia", total: nil)

    /// The options the Waktu parser needs to read this SOP's times.
    public var parserOptions: WaktuParser.Options {
        WaktuParser.Options(bareNumberUnit: bareNumberUnit, plainDay: dayBasis == .kerja ? .hariKerja : .hariKalender)
    }

    /// Maps WIB/WITA/WIT to IANA names; other names are returned unchanged.
    public static func ianaZone(_ name: String) -> String {
        switch name.uppercased() {
        case "WIB": "Asia/Jakarta"
        case "WITA": "Asia/Makassar"
        case "WIT": "Asia/Jayapura"
        default: name
        }
    }
}
