/// The office-hours part of a working calendar: which weekdays are worked, the hours of each
/// (breaks removed), the Ramadan hours, and the Ramadan periods.
///
/// Weekdays are indexed 0 = Sunday ... 6 = Saturday. Hours are minute-of-day intervals, sorted and
/// disjoint: Monday 07:30-16:00 with a 12:00-13:00 break is `[450..<720, 780..<960]`.
struct OfficeSchedule: Sendable, Hashable {
    /// Whether each weekday is a working day.
    var workdays: [Bool] = Array(repeating: false, count: 7)
    /// Office hours of each weekday (empty when none are set).
    var hours: [[Range<Int>]] = Array(repeating: [], count: 7)
    /// Ramadan office hours of each weekday (empty: the ordinary hours apply).
    var ramadanHours: [[Range<Int>]] = Array(repeating: [], count: 7)
    /// The Ramadan periods, first to last day inclusive.
    var ramadanPeriods: [ClosedRange<CalendarDate>] = []

    /// The weekday names a calendar file may use: English abbreviations and Indonesian names.
    static let weekdayNames: [String: Int] = [
        "sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6,
        "minggu": 0, "senin": 1, "selasa": 2, "rabu": 3, "kamis": 4, "jumat": 5, "sabtu": 6,
    ]

    /// The short English name of a weekday index, for messages.
    static func shortName(_ weekday: Int) -> String {
        ["sun", "mon", "tue", "wed", "thu", "fri", "sat"][((weekday % 7) + 7) % 7]
    }

    /// The weekday index of a name (case-insensitive), or nil.
    static func weekday(named name: String) -> Int? {
        weekdayNames[name.lowercased()]
    }

    /// Office hours from a start, an end and breaks (each a minute-of-day range inside start..<end):
    /// the parts of `start..<end` not covered by a break.
    static func intervals(start: Int, end: Int, breaks: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var cursor = start
        for pause in breaks.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let from = max(pause.lowerBound, start)
            let to = min(pause.upperBound, end)
            if from > cursor { result.append(cursor..<from) }
            cursor = max(cursor, to)
        }
        if end > cursor { result.append(cursor..<end) }
        return result
    }

    /// This schedule with the parts a file sets replacing this one's: `days` as a whole, hours and
    /// Ramadan hours weekday by weekday, Ramadan periods as a whole (an office calendar that decrees
    /// years replaces only those years' periods: ``WorkingCalendar/decreeing(_:years:ramadan:)``).
    func overridden(by spec: CalendarSpec) -> OfficeSchedule {
        var merged = self
        if let days = spec.days {
            merged.workdays = (0..<7).map { weekday in days.contains { $0.value == weekday } }
        }
        for (weekday, intervals) in spec.hours { merged.hours[weekday] = intervals }
        for (weekday, intervals) in spec.ramadanHours { merged.ramadanHours[weekday] = intervals }
        if let periods = spec.ramadanPeriods { merged.ramadanPeriods = periods }
        return merged
    }

    /// Minutes of office time in a list of intervals.
    static func minutes(_ intervals: [Range<Int>]) -> Int {
        intervals.reduce(0) { $0 + $1.count }
    }
}
