/// Day arithmetic on `CalendarDate`: a date as a count of days, weekdays and month steps.
///
/// The working-time walk moves day by day millions of times in an interpreter benchmark, so it counts
/// days as plain integers (days since 1970-01-01, proleptic Gregorian) instead of going through
/// Foundation for every step. `WorkingCalendarTests` cross-checks these against Foundation's Calendar.
extension CalendarDate {
    /// The first and last dates a `CalendarDate` can hold, as day numbers (0001-01-01 and 9999-12-31;
    /// `WorkingCalendarTests` checks them against ``dayNumber(year:month:day:)``). Literals, not
    /// computed: a computed `static let` is a lazily initialised global, checked on every read, and
    /// the walk reads them on every day it moves.
    static let firstDayNumber = -719_162
    static let lastDayNumber = 2_932_896

    /// Creates a date from parts already known to be valid (used only after clamping).
    init(unchecked year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (negative before it).
    var dayNumber: Int { CalendarDate.dayNumber(year: year, month: month, day: day) }

    /// The date `dayNumber` days after 1970-01-01, clamped to 0001-01-01...9999-12-31.
    init(dayNumber: Int) {
        let n = Swift.min(Swift.max(dayNumber, CalendarDate.firstDayNumber), CalendarDate.lastDayNumber)
        // Howard Hinnant's civil_from_days.
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Howard Hinnant's days_from_civil.
    /// Out-of-range parts (a `CalendarDate` whose fields were set by hand) are clamped, never trapped on.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let (year, month, day) = (Swift.min(Swift.max(year, -1_000_000), 1_000_000), Swift.min(Swift.max(month, 1), 12),
                                  Swift.min(Swift.max(day, -1_000_000), 1_000_000))
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 0 = Sunday ... 6 = Saturday, for a day number.
    static func weekday(ofDayNumber n: Int) -> Int {
        ((n % 7) + 7 + 4) % 7   // 1970-01-01 was a Thursday
    }

    /// The same day of the month `months` months later (or earlier), clamped to the month's last day
    /// (Jan 31 + 1 month = Feb 28 or 29) and to the years 1...9999.
    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    func addingMonths(_ months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1)
        let (limitLow, limitHigh) = (12, 9999 * 12 + 11)
        let (sum, overflow) = index.addingReportingOverflow(months)
        let target = overflow ? (months > 0 ? limitHigh : limitLow) : Swift.min(Swift.max(sum, limitLow), limitHigh)
        let y = target / 12
        let m = target % 12 + 1
        return CalendarDate(unchecked: y, month: m, day: Swift.min(day, CalendarDate.daysIn(month: m, year: y)))
    }
}
