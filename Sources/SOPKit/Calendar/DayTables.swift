/// Precomputed lookups for the working-time walk.
struct DayTables: Sendable {
    /// Office hours of each weekday on an ordinary day and on a Ramadan day (empty on a non-working weekday).
    let ordinary: [[Range<Int>]]
    let ramadan: [[Range<Int>]]
    /// Office minutes of an ordinary week.
    let weekMinutes: Int
    /// Working days in an ordinary week.
    let weekWorkdays: Int
    /// Day number of `marks[0]`; days outside `firstMarked ..< firstMarked + marks.count` are ordinary.
    let firstMarked: Int
    /// For each day from `firstMarked`: 0 ordinary, 1 day off, 2 Ramadan.
    let marks: [UInt8]

    init(schedule: OfficeSchedule, daysOff: some Collection<Int>) {
        ordinary = (0..<7).map { schedule.workdays[$0] ? schedule.hours[$0] : [] }
        ramadan = (0..<7).map { weekday in
            guard schedule.workdays[weekday] else { return [] }
            let special = schedule.ramadanHours[weekday]
            return special.isEmpty ? schedule.hours[weekday] : special
        }
        weekMinutes = ordinary.reduce(0) { $0 + OfficeSchedule.minutes($1) }
        weekWorkdays = ordinary.filter { !$0.isEmpty }.count
        let periods = schedule.ramadanPeriods.map { $0.lowerBound.dayNumber...$0.upperBound.dayNumber }
        let lows = Array(daysOff) + periods.map(\.lowerBound)
        let highs = Array(daysOff) + periods.map(\.upperBound)
        guard let low = lows.min(), let high = highs.max() else {
            firstMarked = 0
            marks = []
            return
        }
        var marks = [UInt8](repeating: 0, count: high - low + 1)
        for period in periods {
            for day in period { marks[day - low] = 2 }
        }
        for day in daysOff { marks[day - low] = 1 }
        self.firstMarked = low
        self.marks = marks
    }

    /// The last day number with a mark (days after it repeat the ordinary week).
    var lastMarked: Int { firstMarked + marks.count - 1 }

    /// Office hours on a day number.
    @inline(__always)
    func hours(day: Int) -> [Range<Int>] {
        let weekday = CalendarDate.weekday(ofDayNumber: day)
        let index = day - firstMarked
        if index >= 0, index < marks.count {
            switch marks[index] {
            case 1: return []
            case 2: return ramadan[weekday]
            default: break
            }
        }
        return ordinary[weekday]
    }

    /// How many whole weeks starting at `day` (inclusive) hold only ordinary days, at most `limit`:
    /// such weeks have exactly ``weekMinutes`` office minutes and ``weekWorkdays`` working days, so the
    /// walk can skip them at once.
    func ordinaryWeeks(from day: Int, atMost limit: Int) -> Int {
        guard limit > 0 else { return 0 }
        if day > lastMarked { return limit }
        if day < firstMarked { return min(limit, (firstMarked - day) / 7) }
        return 0
    }
}
