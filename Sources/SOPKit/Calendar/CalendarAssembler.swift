import Foundation

/// Turns a read calendar file (and the calendar it extends, if any) into a ``WorkingCalendar``,
/// checking what only the merged result shows: a calendar without `extends` must give its time zone,
/// workweek and holidays; every working weekday needs office hours.
struct CalendarAssembler {
    let spec: CalendarSpec
    let id: String
    let base: WorkingCalendar?

    /// The calendar, or nil when something it needs is missing (the reasons are appended).
    func assemble(into diagnostics: inout [Diagnostic]) -> WorkingCalendar? {
        if spec.extends != nil, base == nil { return nil }
        guard spec.isMapping else { return nil }
        let workweekAt = spec.workweekLocation ?? spec.rootLocation
        var complete = true
        if base == nil {
            if spec.timeZone == nil, !diagnostics.contains(where: { $0.code == "SOP608" }) {
                diagnostics.append(.error("SOP601", CalendarMessages.noTimezone(),
                                          at: spec.rootLocation))
            }
            if spec.days == nil {
                diagnostics.append(.error("SOP601", CalendarMessages.noWorkdays(),
                                          at: workweekAt))
                complete = false
            }
            if spec.holidays.isEmpty {
                diagnostics.append(.error("SOP601", CalendarMessages.noHolidays(),
                                          at: spec.holidaysLocation ?? spec.rootLocation))
                complete = false
            }
        }
        guard let timeZone = spec.timeZone ?? base?.timeZone, complete else { return nil }
        if let offset = spec.utcOffset, timeZone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: 0)) == nil,
           timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: 0)) != offset.value {
            diagnostics.append(.warning("SOP608", CalendarMessages.offsetMismatch(["zone": .text(timeZone.identifier)]), at: offset.location))
        }
        var schedule = (base?.schedule ?? OfficeSchedule()).overridden(by: spec)
        for weekday in 0..<7 where schedule.workdays[weekday] && schedule.hours[weekday].isEmpty {
            let at = spec.days?.first { $0.value == weekday }?.location ?? workweekAt
            diagnostics.append(.error("SOP601", CalendarMessages.workdayNoHours(["day": .text(OfficeSchedule.shortName(weekday))]),
                                      at: at))
        }
        let own = ownHolidays(into: &diagnostics)
        let covered: ClosedRange<Int>
        if let base {
            covered = base.coveredYears
        } else {
            let national = own.filter { $0.kind != Holiday.office }
            let years = (national.isEmpty ? own : national).map(\.date.year)
            guard let first = years.min(), let last = years.max() else { return nil }
            covered = first...last
            let missing = covered.filter { !Set(years).contains($0) }
            if !missing.isEmpty {
                diagnostics.append(.warning("SOP609", CalendarMessages.yearsMissing(["first": .text("\(first)"), "last": .text("\(last)"), "missing": .text(missing.map(String.init).joined(separator: ", "))]),
                                            at: spec.holidaysLocation ?? spec.rootLocation))
            }
        }
        if let base {
            var calendar = base.overriding(with: spec).adding(daysOff: own)
            calendar.id = id
            calendar.timeZone = timeZone
            if spec.timeZone != nil { calendar.timeZoneSetBy = id }
            return calendar
        }
        var holidays = own
        var provisional: ClosedRange<Int>?
        if let count = spec.provisionalYears?.value, count > 0, covered.upperBound < 9000 {
            let years = (covered.upperBound + 1)...(covered.upperBound + count)
            provisional = years
            let confirmedRamadan = schedule.ramadanPeriods
            for year in years {
                holidays += ProvisionalHolidays.holidays(year: year)
                schedule.ramadanPeriods += ProvisionalHolidays.ramadan(year: year).filter { period in
                    !confirmedRamadan.contains { $0.overlaps(period) }
                }
            }
        }
        return WorkingCalendar(id: id, timeZone: timeZone, coveredYears: covered, provisionalYears: provisional,
                               holidays: holidays, schedule: schedule)
    }

    /// The file's own days off; one the base calendar already has is reported and skipped.
    private func ownHolidays(into diagnostics: inout [Diagnostic]) -> [Holiday] {
        spec.holidays.compactMap { located in
            if let base, let existing = base.holiday(on: located.value.date) {
                diagnostics.append(.warning("SOP607", CalendarMessages.alreadyOff(["date": .text("\(located.value.date)"), "base": .text(base.id), "name": .text(existing.name)]),
                                            at: located.location))
                return nil
            }
            return located.value
        }
    }
}
