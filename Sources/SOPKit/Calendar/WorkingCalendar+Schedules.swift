import Foundation

/// Due times of the Waktu forms that are not durations: the same office day, a time-of-day
/// cut-off, and the next scheduled date of the month.
extension WorkingCalendar {
    /// The due time of `value` for work that starts at `start`, or nil when `value` is a duration
    /// (added with ``adding(_:to:)``) or a frequency.
    public func due(of value: WaktuValue, from start: Date) -> CalendarResult? {
        let position = clock.position(of: start)
        switch value {
        case .sameDay:
            return closeOfDay(nextOfficeTime(from: position).day, from: position.day)
        case .cutoff(let minuteOfDay, let before, let after):
            // The hour is read on the office's clock; work that arrives on a day off or after hours
            // arrives on the next office morning, before the cut-off.
            let office = nextOfficeTime(from: position)
            let late = office.day == position.day && position.minute >= Double(minuteOfDay)
            let deadline = late ? after : before
            let day = deadline == .sameDay ? office.day : advance(workingDays: 1, from: office.day)
            return closeOfDay(day, from: position.day)
        case .monthly(let days):
            guard !days.isEmpty else { return nil }
            let today = CalendarDate(dayNumber: position.day)
            var month = CalendarDate(unchecked: today.year, month: today.month, day: 1)
            // The next listed date on or after the start day (within a year: 31 exists every few
            // months, and -1 is every month's last day).
            for k in 0..<13 {
                let last = CalendarDate.daysIn(month: month.month, year: month.year)
                let candidates = days.map { $0 == -1 ? last : $0 }.filter { $0 <= last && (k > 0 || $0 >= today.day) }
                if let day = candidates.min() {
                    let scheduled = CalendarDate(unchecked: month.year, month: month.month, day: day).dayNumber
                    return closeOfDay(nextOfficeTime(from: LocalClock.Position(day: scheduled, minute: 0)).day, from: position.day)
                }
                month = month.addingMonths(1)
            }
            return nil
        default:
            return nil
        }
    }

    /// The close of office hours of `day` (its last interval's end).
    private func closeOfDay(_ day: Int, from startDay: Int) -> CalendarResult {
        let end = tables.hours(day: day).last?.upperBound ?? 1439
        return CalendarResult(instant: clock.instant(of: LocalClock.Position(day: day, minute: Double(end))),
                              uncoveredYears: uncoveredYears(fromDay: startDay, toDay: day))
    }
}
