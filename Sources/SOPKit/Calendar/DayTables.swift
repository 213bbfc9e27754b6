/// Precomputed lookups for the working-time walk.
///
/// Days outside the marked range repeat the ordinary week, so the walk skips them a week at a time;
/// inside it, ``minutesBefore`` and ``workdaysBefore`` (running totals over the marked days, built
/// once with the tables) let the arithmetic cross any stretch of marked days with a subtraction or
/// a binary search instead of a day-by-day walk. The tables are immutable after `init`, so a
/// calendar can be shared by any number of tasks and threads.
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
    /// Office minutes of the marked days before each index: `minutesBefore[i]` is the total of days
    /// `firstMarked ..< firstMarked + i` (`marks.count + 1` entries).
    let minutesBefore: [Int]
    /// Working days among the marked days before each index, like ``minutesBefore``.
    let workdaysBefore: [Int]
    /// The office hours of every kind of day in one flat list of bounds, read by index in the walk
    /// (handing out a day's `[Range<Int>]` retained and released an array on every question): kinds
    /// 0-6 are the ordinary weekdays, 7-13 the Ramadan weekdays, 14 a day off; the intervals of kind
    /// `k` are `lows[i]..<highs[i]` for `i` in `spans[k]..<spans[k + 1]`.
    let lows: [Int]
    let highs: [Int]
    let spans: [Int]
    /// Office minutes of each kind of day.
    let kindMinutes: [Int]
    /// Bit `k` set when kind `k` has office hours: the walk's "is this a working day" without reading an array.
    let workingKinds: UInt16

    init(schedule: OfficeSchedule, daysOff: some Collection<Int>) {
        let ordinary: [[Range<Int>]] = (0..<7).map { schedule.workdays[$0] ? schedule.hours[$0] : [] }
        let ramadan: [[Range<Int>]] = (0..<7).map { weekday in
            guard schedule.workdays[weekday] else { return [] }
            let special = schedule.ramadanHours[weekday]
            return special.isEmpty ? schedule.hours[weekday] : special
        }
        self.ordinary = ordinary
        self.ramadan = ramadan
        let kinds = ordinary + ramadan + [[]]
        lows = kinds.flatMap { $0.map(\.lowerBound) }
        highs = kinds.flatMap { $0.map(\.upperBound) }
        spans = kinds.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        kindMinutes = kinds.map(OfficeSchedule.minutes)
        workingKinds = kinds.indices.reduce(0) { kinds[$1].isEmpty ? $0 : $0 | UInt16(1) << UInt16($1) }
        weekMinutes = ordinary.reduce(0) { $0 + OfficeSchedule.minutes($1) }
        weekWorkdays = ordinary.filter { !$0.isEmpty }.count
        let periods = schedule.ramadanPeriods.map { $0.lowerBound.dayNumber...$0.upperBound.dayNumber }
        let lows = Array(daysOff) + periods.map(\.lowerBound)
        let highs = Array(daysOff) + periods.map(\.upperBound)
        guard let low = lows.min(), let high = highs.max() else {
            firstMarked = 0
            marks = []
            minutesBefore = [0]
            workdaysBefore = [0]
            return
        }
        var marks = [UInt8](repeating: 0, count: high - low + 1)
        for period in periods {
            for day in period { marks[day - low] = 2 }
        }
        for day in daysOff { marks[day - low] = 1 }
        self.firstMarked = low
        self.marks = marks
        var minutes = [Int](repeating: 0, count: marks.count + 1)
        var workdays = [Int](repeating: 0, count: marks.count + 1)
        let (ordinaryMinutes, ramadanMinutes) = (ordinary.map(OfficeSchedule.minutes), ramadan.map(OfficeSchedule.minutes))
        for index in marks.indices {
            let weekday = CalendarDate.weekday(ofDayNumber: low + index)
            let day = marks[index] == 1 ? 0 : marks[index] == 2 ? ramadanMinutes[weekday] : ordinaryMinutes[weekday]
            minutes[index + 1] = minutes[index] + day
            workdays[index + 1] = workdays[index] + (day > 0 ? 1 : 0)
        }
        self.minutesBefore = minutes
        self.workdaysBefore = workdays
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

    /// The kind of a day number (see ``spans``): its weekday, 7 more in Ramadan, 14 on a day off.
    @inline(__always)
    func kind(day: Int) -> Int {
        let weekday = CalendarDate.weekday(ofDayNumber: day)
        let index = day - firstMarked
        if index >= 0, index < marks.count {
            switch marks[index] {
            case 1: return 14
            case 2: return 7 + weekday
            default: break
            }
        }
        return weekday
    }

    /// Whether a day number has office hours.
    @inline(__always)
    func isWorking(day: Int) -> Bool {
        workingKinds & (UInt16(1) << UInt16(kind(day: day))) != 0
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

    /// Whether a day number is inside the marked range.
    @inline(__always)
    func isMarked(_ day: Int) -> Bool { day >= firstMarked && day <= lastMarked }

    /// Office minutes of the marked days `days` (a range inside the marked range).
    func minutes(ofMarked days: Range<Int>) -> Int {
        minutesBefore[days.upperBound - firstMarked] - minutesBefore[days.lowerBound - firstMarked]
    }

    /// Working days among the marked days `days` (a range inside the marked range).
    func workdays(ofMarked days: Range<Int>) -> Int {
        workdaysBefore[days.upperBound - firstMarked] - workdaysBefore[days.lowerBound - firstMarked]
    }

    /// The first marked day `end` in `from ... lastMarked` whose running total from `from` through
    /// `end` (``minutesBefore`` or ``workdaysBefore``) reaches `target`, or nil when the marked days
    /// from `from` on add up to less. A binary search over the running totals.
    func firstMarkedDay(from: Int, reaching target: Double, in totals: [Int]) -> Int? {
        let base = totals[from - firstMarked]
        var low = from - firstMarked + 1, high = marks.count   // candidates: totals index = end - firstMarked + 1
        guard Double(totals[high] - base) >= target else { return nil }
        while low < high {
            let middle = (low + high) / 2
            if Double(totals[middle] - base) >= target { high = middle } else { low = middle + 1 }
        }
        return firstMarked + low - 1
    }

    /// `total` plus the office minutes of the marked days `days`, rounded exactly as adding them one
    /// day at a time in floating point would round it, without the walk.
    ///
    /// Adding a whole number of minutes to a `Double` is exact while the sum stays in the same binade
    /// (the same power of two), so only a day whose running sum first enters a higher binade can round;
    /// each such day is found by binary search and added on its own. At most one step per binade.
    func adding(minutesOfMarked days: Range<Int>, to total: Double) -> Double {
        var total = total, start = days.lowerBound
        while start < days.upperBound {
            let rest = Double(minutes(ofMarked: start..<days.upperBound))
            // A whole number (or zero) plus whole numbers: exact, whatever the order.
            if total == total.rounded(.down) || !total.isFinite { return total + rest }
            // The next binade starts at `limit`; `limit - total` is exact (Sterbenz).
            let limit = Double(sign: .plus, exponent: total.exponent + 1, significand: 1)
            guard let crossing = firstMarkedDay(from: start, reaching: limit - total, in: minutesBefore),
                  crossing < days.upperBound else { return total + rest }
            total += Double(minutes(ofMarked: start..<(crossing + 1)))
            start = crossing + 1
        }
        return total
    }
}
