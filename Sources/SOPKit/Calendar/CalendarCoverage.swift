import Foundation

/// How far a working calendar's decreed days off reach, and the warning `sop validate` gives when
/// that end is near (SOP610): past it, due times count provisional holidays or weekdays only.
public enum CalendarCoverage {
    /// How many days ahead the end of the decreed days off is warned about.
    public static let warningDays = 60

    /// SOP610 when `calendar`'s decreed days off end within ``warningDays`` of `now` (or have ended),
    /// located at `location` (the SOP naming the calendar); nil otherwise.
    public static func warning(for calendar: WorkingCalendar, now: Date, at location: SourceLocation?) -> Diagnostic? {
        let today = calendar.date(of: now)
        let end = calendar.confirmedThrough
        let left = end.dayNumber - today.dayNumber
        guard left <= warningDays else { return nil }
        let when = left < 0 ? CalendarMessages.endedOn(["date": .date(end)])
                            : left == 1 ? CalendarMessages.endsTomorrow(["date": .date(end)])
                            : CalendarMessages.endsOn(["date": .date(end), "days": .number(left)])
        let after = calendar.provisionalYears.map { CalendarMessages.provisionalAfter(["from": .text("\($0.lowerBound)"), "to": .text("\($0.upperBound)")]) }
            ?? CalendarMessages.weekdaysOnly()
        return .warning("SOP610", CalendarMessages.coverageEnds(["calendar": .text(calendar.id), "when": .message(when), "after": .message(after)]),
                        at: location,
                        notes: [.init(CalendarMessages.addSKB(["year": .text("\(end.year + 1)")]))])
    }
}
