import Foundation

/// What `sop calendar show` prints about a working calendar: its source, zone, decreed and
/// provisional years, the days off per year, and optionally one year's days off.
public struct CalendarSummary: Sendable {
    public let calendar: WorkingCalendar

    public init(calendar: WorkingCalendar) {
        self.calendar = calendar
    }

    /// The summary in `bahasa`; with `year`, followed by that year's days off, each marked.
    public func text(year: Int? = nil, in bahasa: Bahasa = .en) -> String {
        typealias M = CalendarSummaryMessages
        func t(_ m: M, _ arguments: [String: MessageArgument] = [:]) -> String { m.text(arguments, in: bahasa) + "\n" }
        let offset = InstantFormat.string(calendar.instant(calendar.confirmedThrough, minuteOfDay: 0), in: calendar.timeZone).suffix(6)
        var out = t(.calendar, ["id": .text(calendar.id)])
        let builtIn = CalendarStore.builtInPrefix
        let source = calendar.source.map { $0.hasPrefix(builtIn) ? M.builtIn.text(in: bahasa) + $0.dropFirst(builtIn.count) : $0 } ?? "-"
        out += t(.source, ["source": .text(source)])
        out += t(.timeZone, ["zone": .text(calendar.timeZone.identifier), "offset": .text(String(offset))])
        out += t(.decreed, ["from": .text(String(calendar.coveredYears.lowerBound)), "to": .text(String(calendar.coveredYears.upperBound)),
                            "through": .date(calendar.confirmedThrough)])
        if let provisional = calendar.provisionalYears {
            out += t(.provisional, ["from": .text(String(provisional.lowerBound)), "to": .text(String(provisional.upperBound))])
        } else {
            out += t(.provisionalNone, ["year": .text(String(calendar.coveredYears.upperBound))])
        }
        let byYear = Dictionary(grouping: calendar.holidays, by: \.date.year)
        let key = M.daysOffKey.text(in: bahasa)
        out += t(.daysOff, ["years": .text(byYear.keys.sorted().map { y in
            "\(y) \(byYear[y]?.count ?? 0)\(calendar.isProvisional(year: y) ? key : "")"
        }.joined(separator: ", "))])
        if let year {
            out += "\n"
            let days = byYear[year] ?? []
            if days.isEmpty { out += t(.noDaysOff, ["year": .text(String(year))]) }
            for holiday in days.sorted(by: { $0.date < $1.date }) {
                out += t(.dayLine, ["date": .text(holiday.date.description), "kind": .text("\(holiday.kind)"),
                                    "mark": .message(holiday.provisional ? M.provisionalMark() : M.decreedMark()), "name": .text(holiday.name)])
            }
            let ramadan = calendar.ramadanPeriods.filter { $0.lowerBound.year == year }
            for period in ramadan {
                out += t(.ramadan, ["from": .text(period.lowerBound.description), "to": .text(period.upperBound.description),
                                    "provisional": .message(calendar.isProvisional(year: year) ? M.provisionalSuffix() : .empty)])
            }
        }
        return out
    }
}
