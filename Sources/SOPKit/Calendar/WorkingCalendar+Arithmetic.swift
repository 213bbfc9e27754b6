import Foundation

/// Working-time arithmetic: adding a standard time (Waktu) to an instant, and counting working minutes.
///
/// The rules, in the order `adding` applies them:
/// 1. Calendar units ignore the calendar: `tahun` (12 months) and `bulan` move to the same day of
///    the month, clamped to the month's last day (Jan 31 + 1 bulan = Feb 28/29), keeping the clock
///    time; a fraction of a month counts 30 calendar days per month (the nominal length the Waktu
///    parser uses); `minggu` is 7 calendar days; `hari kalender` a calendar day of 24 hours.
/// 2. `hari kerja`: an instant outside office hours (a day off, before or after hours, a break; the
///    closing minute itself, 16:00, still counts as inside) first moves to the next office-hours
///    start; then N whole working days later, at the same clock time.
///    When that clock time is not within the target day's office hours, it is clamped: before the
///    day's start to the start, after it (or in a break) to the end of the last interval before it
///    (an equivalent point in working time). A fraction of a working day is that fraction of the
///    office minutes of the day reached (0,5 hari kerja on a Monday = 225 minutes), added as step 3.
/// 3. `jam` and `menit` are working minutes: the walk spends them inside office hours only. A walk that
///    ends exactly at the end of an interval stops there (07:30 + 4,5 jam = 12:00, not 13:00).
///
/// Negative, NaN and infinite amounts count as zero; amounts are capped at 10^10 of their unit, and
/// results past 9999-12-31 stay at the end of that day.
extension WorkingCalendar {
    /// Adds a standard time to a start instant (see the rules above). The result lists the years of the
    /// days the working-time part looked at that the holiday list does not cover.
    public func adding(_ durasi: Durasi, to start: Date) -> CalendarResult {
        adding(Span(durasi, times: 1), to: start).result
    }

    /// ``adding(_:to:)`` of a duration already summed (``Span``): for one duration added to many
    /// starts (a recurring step's sessions, each due from its window's start), and for the engine's
    /// due times, which take the ``Sum`` as it is.
    func adding(_ span: Span, to start: Date) -> Sum {
        if span.isZero { return Sum(instant: start) }
        let position = clock.position(of: start)
        return adding(span, at: position, startDate: span.months > 0 ? CalendarDate(dayNumber: position.day) : nil)
    }

    /// `start` plus `durasi` taken 1, 2, ... `count` times, in order: `body(k, result)` receives exactly
    /// what ``adding(_:to:)`` gives for the duration with every part's amount multiplied by `k` (a
    /// recurring step's session windows: 1 bulan, 2 bulan, ... from the run's start). One walk: the
    /// start's local position and its civil date are read once for the whole series instead of once
    /// per sum; each sum is still computed from the start, not from the previous result (Jan 31 + 2
    /// bulan is Mar 31, not Feb 28 + 1 bulan), so the answers are those of the separate sums.
    func addingMultiples(of durasi: Durasi, count: Int, to start: Date, _ body: (Int, Sum) -> Void) {
        guard count > 0 else { return }
        var position: LocalClock.Position?
        var startDate: CalendarDate?
        for k in 1...count {
            let span = Span(durasi, times: Double(k))
            if span.isZero {
                body(k, Sum(instant: start))
                continue
            }
            let at = position ?? clock.position(of: start)
            position = at
            if span.months > 0, startDate == nil { startDate = CalendarDate(dayNumber: at.day) }
            body(k, adding(span, at: at, startDate: startDate))
        }
    }

    /// A duration's parts summed by how ``adding(_:to:)`` treats them (rule 1: months and calendar
    /// days; rule 2: working days; rule 3: working minutes), each part's amount first multiplied by
    /// `times` (1 for the duration itself: `x * 1` is `x` for every Double, NaN included).
    struct Span {
        var months = 0.0, calendarDays = 0.0, workingDays = 0.0, minutes = 0.0

        @inline(__always)
        init(_ durasi: Durasi, times: Double) {
            for part in durasi.parts {
                let scaled = part.amount * times
                let amount = scaled.isNaN ? 0 : min(max(scaled, 0), 1e10)
                switch part.unit {
                case .tahun: months += amount * 12
                case .bulan: months += amount
                case .minggu: calendarDays += amount * 7
                case .hariKalender: calendarDays += amount
                case .hariKerja: workingDays += amount
                case .jam: minutes += amount * 60
                case .menit: minutes += amount
                }
            }
        }

        var isZero: Bool { months == 0 && calendarDays == 0 && workingDays == 0 && minutes == 0 }
    }

    /// What a sum gives inside the package: ``CalendarResult`` with the uncovered years nil when
    /// there are none (the usual case), so that the 30 or so sums of a case retain and release no
    /// empty list each (about 1% of a compiled case of the reference SOP).
    struct Sum {
        var instant: Date
        /// ``CalendarResult/uncoveredYears``; nil or empty when there are none.
        var uncovered: [Int]? = nil

        /// The public form.
        var result: CalendarResult { CalendarResult(instant: instant, uncoveredYears: uncovered ?? []) }
    }

    /// ``adding(_:to:)`` of a span that is not zero, from the start's local position and (when the span
    /// has months) the civil date of that position's day.
    private func adding(_ span: Span, at start: LocalClock.Position, startDate: CalendarDate?) -> Sum {
        var position = start
        var calendarDays = span.calendarDays, minutes = span.minutes
        let months = span.months, workingDays = span.workingDays
        if months > 0 {
            let whole = months.rounded(.down)
            position.day = (startDate ?? CalendarDate(dayNumber: position.day)).addingMonths(Int(whole)).dayNumber
            calendarDays += (months - whole) * 30
        }
        if calendarDays > 0 {
            let total = position.minute + calendarDays * 1440
            let extraDays = (total / 1440).rounded(.down)
            position.day += Int(extraDays)
            position.minute = total - extraDays * 1440
        }
        guard workingDays > 0 || minutes > 0 else {
            return Sum(instant: clock.instant(of: position))
        }
        let walkStart = position.day
        if workingDays > 0 {
            position = nextOfficeTime(from: position)
            let whole = workingDays.rounded(.down)
            position.day = advance(workingDays: Int(whole), from: position.day)
            let kind = tables.kind(day: position.day)
            position.minute = clamp(position.minute, kind: kind)
            minutes += (workingDays - whole) * Double(tables.kindMinutes[kind])
        }
        if minutes > 0 {
            position = walk(minutes: minutes, from: position)
        }
        if position.day > CalendarDate.lastDayNumber {
            position = LocalClock.Position(day: CalendarDate.lastDayNumber, minute: 1439)
        }
        return Sum(instant: clock.instant(of: position), uncovered: uncoveredYearsIfAny(fromDay: walkStart, toDay: position.day))
    }

    /// Working minutes between two instants: the parts of `start..<end` inside office hours (0 if end <= start).
    public func workingMinutes(from start: Date, to end: Date) -> Double {
        guard end > start else { return 0 }
        let a = clock.position(of: start), b = clock.position(of: end)
        if a.day == b.day { return overlap(tables.kind(day: a.day), from: a.minute, to: b.minute) }
        var total = overlap(tables.kind(day: a.day), from: a.minute, to: 1440)
        var day = a.day + 1
        while day < b.day {
            let weeks = tables.ordinaryWeeks(from: day, atMost: (b.day - day) / 7)
            if weeks > 0 {
                total += Double(weeks * tables.weekMinutes)
                day += weeks * 7
                continue
            }
            if tables.isMarked(day) {
                // Holidays and Ramadan: the running totals, rounded as the day-by-day sum was.
                let end = min(b.day, tables.lastMarked + 1)
                total = tables.adding(minutesOfMarked: day..<end, to: total)
                day = end
                continue
            }
            total += Double(tables.kindMinutes[tables.kind(day: day)])
            day += 1
        }
        return total + overlap(tables.kind(day: b.day), from: 0, to: b.minute)
    }

    // MARK: The walk

    /// The position itself when it is inside office hours (the end of an interval counts as inside, so a
    /// step finished at 16:00 gives the next one's days from 16:00), else the next office-hours start.
    func nextOfficeTime(from position: LocalClock.Position) -> LocalClock.Position {
        let kind = tables.kind(day: position.day)
        for i in tables.spans[kind]..<tables.spans[kind + 1] where Double(tables.highs[i]) >= position.minute {
            return LocalClock.Position(day: position.day, minute: max(position.minute, Double(tables.lows[i])))
        }
        var day = position.day + 1
        while day <= CalendarDate.lastDayNumber {
            let kind = tables.kind(day: day)
            let first = tables.spans[kind]
            if first < tables.spans[kind + 1] {
                return LocalClock.Position(day: day, minute: Double(tables.lows[first]))
            }
            day += 1
        }
        return LocalClock.Position(day: day, minute: 0)
    }

    /// The day number `count` working days after `day`.
    func advance(workingDays count: Int, from day: Int) -> Int {
        var day = day, remaining = count
        while remaining > 0, day <= CalendarDate.lastDayNumber {
            // A few working days (a step's "1 Hari"): the day-by-day walk below, which the searches
            // and week jumps only shorten, is quicker than a binary search over the marked days.
            if remaining <= 3 {
                day += 1
                if tables.isWorking(day: day) { remaining -= 1 }
                continue
            }
            if tables.isMarked(day + 1) {
                // The marked days: the running count of working days, searched.
                if let end = tables.firstMarkedDay(from: day + 1, reaching: Double(remaining), in: tables.workdaysBefore) {
                    return end
                }
                remaining -= tables.workdays(ofMarked: (day + 1)..<(tables.lastMarked + 1))
                day = tables.lastMarked
                continue
            }
            if tables.weekWorkdays > 0 {
                let weeks = tables.ordinaryWeeks(from: day + 1, atMost: (remaining - 1) / tables.weekWorkdays)
                if weeks > 0 {
                    day += weeks * 7
                    remaining -= weeks * tables.weekWorkdays
                    continue
                }
            }
            day += 1
            if tables.isWorking(day: day) { remaining -= 1 }
        }
        return day
    }

    /// Spends `minutes` working minutes from a position, inside office hours only.
    func walk(minutes: Double, from position: LocalClock.Position) -> LocalClock.Position {
        var remaining = minutes
        var day = position.day
        var minute = position.minute
        while day <= CalendarDate.lastDayNumber {
            if minute < 0, tables.isMarked(day) {
                // Whole marked days: subtracting whole minutes from what remains is exact, so the
                // running totals find the day the walk ends in, and the walk resumes there.
                if let end = tables.firstMarkedDay(from: day, reaching: remaining, in: tables.minutesBefore) {
                    remaining -= Double(tables.minutes(ofMarked: day..<end))
                    day = end
                } else {
                    remaining -= Double(tables.minutes(ofMarked: day..<(tables.lastMarked + 1)))
                    day = tables.lastMarked + 1
                    skipOrdinaryWeeks(day: &day, remaining: &remaining)
                    continue
                }
            }
            let kind = tables.kind(day: day)
            for i in tables.spans[kind]..<tables.spans[kind + 1] where Double(tables.highs[i]) > minute {
                let from = max(minute, Double(tables.lows[i]))
                let available = Double(tables.highs[i]) - from
                if remaining <= available { return LocalClock.Position(day: day, minute: from + remaining) }
                remaining -= available
            }
            day += 1
            minute = -1
            skipOrdinaryWeeks(day: &day, remaining: &remaining)
        }
        return LocalClock.Position(day: day, minute: 0)
    }

    /// The walk's jump over whole ordinary weeks from the start of `day`, leaving at least part of a week to walk.
    private func skipOrdinaryWeeks(day: inout Int, remaining: inout Double) {
        guard tables.weekMinutes > 0 else { return }
        let fullWeeks = (remaining / Double(tables.weekMinutes)).rounded(.up) - 1
        let weeks = tables.ordinaryWeeks(from: day, atMost: Int(min(fullWeeks, 1e9)))
        if weeks > 0 {
            day += weeks * 7
            remaining -= Double(weeks * tables.weekMinutes)
        }
    }

    /// A clock time moved into a day's office hours: kept when inside, the day's start when before it,
    /// otherwise the end of the last interval before it.
    /// `kind` is the day's kind in the tables (``DayTables/kind(day:)``).
    func clamp(_ minute: Double, kind: Int) -> Double {
        let intervals = tables.spans[kind]..<tables.spans[kind + 1]
        guard let first = intervals.first else { return minute }
        if minute < Double(tables.lows[first]) { return Double(tables.lows[first]) }
        var result = Double(tables.lows[first])
        for i in intervals {
            if minute < Double(tables.lows[i]) { break }
            if minute < Double(tables.highs[i]) { return minute }
            result = Double(tables.highs[i])
        }
        return result
    }

    /// Minutes of the office hours of a kind of day inside `from..<to` (minutes of the day).
    func overlap(_ kind: Int, from: Double, to: Double) -> Double {
        var total = 0.0
        for i in tables.spans[kind]..<tables.spans[kind + 1] {
            let low = max(from, Double(tables.lows[i])), high = min(to, Double(tables.highs[i]))
            if high > low { total += high - low }
        }
        return total
    }

    /// Years from the year of `fromDay` to that of `toDay` that ``coveredYears`` does not include.
    func uncoveredYears(fromDay: Int, toDay: Int) -> [Int] {
        uncoveredYearsIfAny(fromDay: fromDay, toDay: toDay) ?? []
    }

    /// ``uncoveredYears(fromDay:toDay:)``, nil within the covered years (the usual case, answered
    /// without converting the days to dates or making a list).
    func uncoveredYearsIfAny(fromDay: Int, toDay: Int) -> [Int]? {
        if fromDay >= coveredDays.lowerBound, Swift.max(fromDay, toDay) <= coveredDays.upperBound {
            return nil
        }
        let first = CalendarDate(dayNumber: fromDay).year, last = CalendarDate(dayNumber: max(fromDay, toDay)).year
        return (first...last).filter { !coveredYears.contains($0) && !isProvisional(year: $0) }
    }
}
