import Foundation

extension WorkingCalendar {
    /// What differs between `old` and this calendar on the days `from...through`: days off added,
    /// removed or renamed, and days whose office hours changed, one line each in date order. This is
    /// the "why" beside a due time that moves when a case is moved to this calendar.
    public func changes(from old: WorkingCalendar, from start: CalendarDate, through end: CalendarDate) -> [String] {
        guard start <= end else { return [] }
        var lines: [String] = []
        var day = start
        var hoursChanged: [CalendarDate] = []
        while day <= end {
            let before = old.holiday(on: day), after = holiday(on: day)
            switch (before, after) {
            case (nil, let added?):
                lines.append("\(day) is now a day off (\(added.name), \(added.kind))")
            case (let removed?, nil):
                lines.append("\(day) is no longer a day off (was \(removed.name))")
            case (let was?, let now?) where was.name != now.name || was.kind != now.kind:
                lines.append("\(day) day off renamed: \(was.name) -> \(now.name)")
            default:
                if old.officeHours(on: day) != officeHours(on: day) { hoursChanged.append(day) }
            }
            day = day.adding(days: 1)
        }
        if let first = hoursChanged.first, let last = hoursChanged.last {
            lines.append(first == last ? "office hours on \(first) changed"
                                       : "office hours changed on \(hoursChanged.count) days from \(first) to \(last)")
        }
        if old.timeZone.identifier != timeZone.identifier {
            lines.append("time zone \(old.timeZone.identifier) -> \(timeZone.identifier)")
        }
        return lines
    }
}
