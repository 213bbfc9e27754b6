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
        let when = left < 0 ? "ended on \(end)" : "end on \(end), \(left) day\(left == 1 ? "" : "s") from now"
        let after = calendar.provisionalYears.map { "provisional holidays computed by rule (\($0.lowerBound)-\($0.upperBound))" }
            ?? "weekdays only"
        return .warning("SOP610", "the decreed days off of the working calendar '\(calendar.id)' \(when); due times after that count \(after)",
                        at: location,
                        notes: [.init("when the SKB of \(end.year + 1) is published, add its dates to a copy of the calendar in $SOP_CALENDARS, or to calendars/ in the repository and rebuild sop (calendars/README.md)")])
    }
}
