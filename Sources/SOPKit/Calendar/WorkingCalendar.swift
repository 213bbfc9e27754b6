import Foundation

/// A working calendar: which days are working days, the office hours of each, and the time zone.
///
/// Load one with ``CalendarStore/load(id:searchingFrom:)`` (the shipped `indonesia` calendar, or an
/// office calendar that extends it) and keep it: every query after loading works on precomputed
/// tables (a day-indexed table of days off and Ramadan days, and the hours of each weekday), so
/// ``adding(_:to:)`` and ``workingMinutes(from:to:)`` do no parsing and no formatting.
///
/// A day off on a weekend is kept (``holiday(on:)`` names it) but changes nothing. Days outside
/// ``coveredYears`` are treated as ordinary weeks; the arithmetic reports the years it relied on
/// that are not covered (``CalendarResult/uncoveredYears``).
public struct WorkingCalendar: Sendable {
    /// The calendar's id (`indonesia`, `dinsos-tanjungpinang`).
    public var id: String
    /// The office's time zone (`timezone:` in the file, e.g. Asia/Jakarta). All clock times are in it.
    public var timeZone: TimeZone {
        get { clock.timeZone }
        set { clock = LocalClock(timeZone: newValue) }
    }
    /// The years the holiday list covers, from the first to the last year with a national holiday or
    /// cuti bersama (2024...2026 for the shipped calendar). Office days off do not widen it.
    public var coveredYears: ClosedRange<Int> {
        didSet { coveredDays = WorkingCalendar.days(of: coveredYears) }
    }
    /// The day numbers of ``coveredYears``, from 1 January of the first year to 31 December of the
    /// last: every due time asks whether it stayed inside them, and computing both day numbers each
    /// time was 2% of running a case.
    private(set) var coveredDays: ClosedRange<Int>
    /// The years after ``coveredYears`` whose national holidays and Ramadan are computed by rule
    /// (``ProvisionalHolidays``, `provisional_years:` in the file), or nil. A due time in one of them
    /// may move when that year's SKB is published.
    public var provisionalYears: ClosedRange<Int>?
    /// Where the calendar was read from: a file path, or ``CalendarStore/builtInPrefix`` and the id
    /// for the compiled-in copy; nil when parsed from bytes.
    public var source: String?
    /// The id of the calendar whose file set ``timeZone`` (an office calendar that extends the
    /// national one without `timezone:` keeps the national zone, and this names `indonesia`).
    public var timeZoneSetBy: String
    /// The exact text of every calendar file this calendar was built from, by id (itself and what
    /// it `extends`): what the journal pins (``revision``).
    public internal(set) var sources: [String: String] = [:]
    /// The revision of the files this calendar was built from (id, files, hash), for pinning.
    public var revision: CalendarRevision { CalendarRevision(calendarID: id, sources: sources) }

    var clock: LocalClock
    private(set) var schedule: OfficeSchedule
    private(set) var holidaysByDay: [Int: Holiday]
    private(set) var tables: DayTables

    /// Creates a calendar from its parts (the store builds these from files).
    init(id: String, timeZone: TimeZone, coveredYears: ClosedRange<Int>, provisionalYears: ClosedRange<Int>? = nil,
         holidays: [Holiday], schedule: OfficeSchedule) {
        self.id = id
        self.timeZoneSetBy = id
        self.provisionalYears = provisionalYears
        self.clock = LocalClock(timeZone: timeZone)
        self.coveredYears = coveredYears
        self.coveredDays = WorkingCalendar.days(of: coveredYears)
        self.schedule = schedule
        var byDay: [Int: Holiday] = [:]
        for holiday in holidays where byDay[holiday.date.dayNumber] == nil {
            byDay[holiday.date.dayNumber] = holiday
        }
        self.holidaysByDay = byDay
        self.tables = DayTables(schedule: schedule, daysOff: byDay.keys)
    }

    /// The day numbers from 1 January of the first of `years` to 31 December of the last.
    static func days(of years: ClosedRange<Int>) -> ClosedRange<Int> {
        CalendarDate.dayNumber(year: years.lowerBound, month: 1, day: 1)...CalendarDate.dayNumber(year: years.upperBound, month: 12, day: 31)
    }

    /// Every day off, by date.
    public var holidays: [Holiday] {
        holidaysByDay.values.sorted { $0.date < $1.date }
    }

    /// The day off on a date (a national holiday, cuti bersama, or an office closure), or nil.
    public func holiday(on date: CalendarDate) -> Holiday? {
        holidaysByDay[date.dayNumber]
    }

    /// Whether a year's days off are computed by rule rather than decreed (see ``provisionalYears``).
    public func isProvisional(year: Int) -> Bool {
        provisionalYears?.contains(year) ?? false
    }

    /// The last day whose days off are decreed: 31 December of the last covered year.
    public var confirmedThrough: CalendarDate {
        CalendarDate(unchecked: coveredYears.upperBound, month: 12, day: 31)
    }

    /// Whether a date is a working day: a workweek day that is not a day off.
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        !tables.hours(day: date.dayNumber).isEmpty
    }

    /// The Ramadan periods (first to last day), decreed and provisional, in order.
    public var ramadanPeriods: [ClosedRange<CalendarDate>] {
        schedule.ramadanPeriods.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Whether a date is in one of the calendar's Ramadan periods (whether or not it is a working day).
    public func isRamadan(_ date: CalendarDate) -> Bool {
        schedule.ramadanPeriods.contains { $0.contains(date) }
    }

    /// Office hours of that day as minute-of-day intervals (break removed); empty on a day off.
    /// Ramadan periods use the Ramadan hours.
    public func officeHours(on date: CalendarDate) -> [Range<Int>] {
        tables.hours(day: date.dayNumber)
    }

    /// The calendar date of an instant in this calendar's time zone.
    public func date(of instant: Date) -> CalendarDate {
        CalendarDate(dayNumber: clock.position(of: instant).day)
    }

    /// The instant of a clock time (minutes after local midnight) on a date, in this calendar's time zone:
    /// `instant(date, minuteOfDay: 450)` is 07:30 that day. Minutes past 1439 roll into the next days.
    public func instant(_ date: CalendarDate, minuteOfDay: Int) -> Date {
        clock.instant(of: LocalClock.Position(day: date.dayNumber, minute: Double(minuteOfDay)))
    }

    /// A copy with extra days off (an office's own closures), named. A date that is already a day off
    /// keeps its existing entry (a national holiday stays named as such). ``coveredYears`` is unchanged.
    public func adding(daysOff: [Holiday]) -> WorkingCalendar {
        var copy = self
        for holiday in daysOff where copy.holidaysByDay[holiday.date.dayNumber] == nil {
            copy.holidaysByDay[holiday.date.dayNumber] = holiday
        }
        copy.tables = DayTables(schedule: copy.schedule, daysOff: copy.holidaysByDay.keys)
        return copy
    }

    /// A copy in which `years` (the years just after ``coveredYears``) are decreed by an office's
    /// copy of their SKB: the provisional days off of those years are dropped and `holidays` (that
    /// SKB's libur nasional and cuti bersama) take their place; `ramadan`'s periods replace the
    /// computed periods that start in their years. ``coveredYears`` grows to the last of `years`, and
    /// the provisional years that remain start after it.
    func decreeing(_ holidays: [Holiday], years: ClosedRange<Int>, ramadan: [ClosedRange<CalendarDate>]) -> WorkingCalendar {
        var copy = self
        copy.holidaysByDay = holidaysByDay.filter { !($0.value.provisional && years.contains($0.value.date.year)) }
        for holiday in holidays where copy.holidaysByDay[holiday.date.dayNumber] == nil {
            copy.holidaysByDay[holiday.date.dayNumber] = holiday
        }
        let given = Set(ramadan.map(\.lowerBound.year))
        copy.schedule.ramadanPeriods = schedule.ramadanPeriods.filter { !given.contains($0.lowerBound.year) } + ramadan
        copy.coveredYears = coveredYears.lowerBound...max(coveredYears.upperBound, years.upperBound)
        if let provisional = provisionalYears {
            copy.provisionalYears = years.upperBound < provisional.upperBound ? (years.upperBound + 1)...provisional.upperBound : nil
        }
        copy.tables = DayTables(schedule: copy.schedule, daysOff: copy.holidaysByDay.keys)
        return copy
    }

    /// A copy whose workweek is this one overridden by a file's settings (used for `extends`).
    func overriding(with spec: CalendarSpec) -> WorkingCalendar {
        var copy = self
        copy.schedule = schedule.overridden(by: spec)
        copy.tables = DayTables(schedule: copy.schedule, daysOff: copy.holidaysByDay.keys)
        return copy
    }
}
