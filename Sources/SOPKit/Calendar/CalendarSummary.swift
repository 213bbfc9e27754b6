import Foundation

/// What `sop calendar show` prints about a working calendar: its source, zone, decreed and
/// provisional years, the days off per year, and optionally one year's days off.
public struct CalendarSummary: Sendable {
    public let calendar: WorkingCalendar

    public init(calendar: WorkingCalendar) {
        self.calendar = calendar
    }

    /// The summary; with `year`, followed by that year's days off, each marked.
    public func text(year: Int? = nil) -> String {
        let offset = InstantFormat.string(calendar.instant(calendar.confirmedThrough, minuteOfDay: 0), in: calendar.timeZone).suffix(6)
        var out = "calendar:    \(calendar.id)\n"
        out += "source:      \(calendar.source ?? "-")\n"
        out += "time zone:   \(calendar.timeZone.identifier) (UTC\(offset))\n"
        out += "decreed:     \(calendar.coveredYears.lowerBound)-\(calendar.coveredYears.upperBound) (days off through \(calendar.confirmedThrough))\n"
        if let provisional = calendar.provisionalYears {
            out += "provisional: \(provisional.lowerBound)-\(provisional.upperBound): national holidays and Ramadan computed by rule "
                + "(fixed dates by law, Easter computus, Islamic civil and Chinese calendars; Nyepi, Waisak and Islamic days may be one day off; "
                + "no cuti bersama); due times there are marked (provisional)\n"
        } else {
            out += "provisional: none; due times past \(calendar.coveredYears.upperBound) count weekdays only\n"
        }
        let byYear = Dictionary(grouping: calendar.holidays, by: \.date.year)
        out += "days off:    " + byYear.keys.sorted().map { y in
            "\(y) \(byYear[y]?.count ?? 0)\(calendar.isProvisional(year: y) ? "p" : "")"
        }.joined(separator: ", ") + " (p: provisional)\n"
        if let year {
            out += "\n"
            let days = byYear[year] ?? []
            if days.isEmpty { out += "no days off listed for \(year)\n" }
            for holiday in days.sorted(by: { $0.date < $1.date }) {
                out += "  \(holiday.date)  \(holiday.kind)  \(holiday.provisional ? "provisional" : "decreed    ")  \(holiday.name)\n"
            }
            let ramadan = calendar.ramadanPeriods.filter { $0.lowerBound.year == year }
            for period in ramadan {
                out += "  Ramadan office hours \(period.lowerBound) .. \(period.upperBound)\(calendar.isProvisional(year: year) ? " (provisional)" : "")\n"
            }
        }
        return out
    }
}
