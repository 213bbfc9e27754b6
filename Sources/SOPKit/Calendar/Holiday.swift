/// A day the office is closed: a national holiday, a cuti bersama day, or the office's own closure.
public struct Holiday: Sendable, Hashable, CustomStringConvertible {
    /// The day.
    public var date: CalendarDate
    /// The name as the decree writes it ("Hari Raya Idul Fitri 1445 Hijriah").
    public var name: String
    /// `libur-nasional`, `cuti-bersama` or `office` (see ``Holiday/kinds``).
    public var kind: String
    /// Whether the date is computed by rule (``ProvisionalHolidays``) rather than decreed: no SKB has
    /// fixed it yet, so a due time that counts it may move when the SKB is published.
    public var provisional: Bool

    /// Creates a day off.
    public init(date: CalendarDate, name: String, kind: String = Holiday.office, provisional: Bool = false) {
        self.date = date
        self.name = name
        self.kind = kind
        self.provisional = provisional
    }

    /// A national holiday (hari libur nasional: SKB 3 Menteri or Keppres).
    public static let liburNasional = "libur-nasional"
    /// Collective leave (cuti bersama): offices closed.
    public static let cutiBersama = "cuti-bersama"
    /// A closure of one office (its own calendar file, or ``WorkingCalendar/adding(daysOff:)``).
    public static let office = "office"
    /// Every kind a calendar file may use.
    public static let kinds = [liburNasional, cutiBersama, office]

    /// `2025-03-31 Idul Fitri 1446 Hijriah (libur-nasional)`.
    public var description: String { "\(date) \(name) (\(kind)\(provisional ? ", provisional" : ""))" }
}
