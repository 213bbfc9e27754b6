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
        let decree = decreedYears(into: &diagnostics)
        let own = ownHolidays(skipping: decree?.years, into: &diagnostics)
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
            var calendar = base
            if let decree {
                // The office's copy of a new year's SKB: its libur nasional and cuti bersama (and
                // that year's Ramadan period, if given) replace the provisional ones of that year.
                let national = spec.holidays.map(\.value).filter { $0.kind != Holiday.office && decree.years.contains($0.date.year) }
                let ramadan = (spec.ramadanPeriods ?? []).filter { decree.years.contains($0.lowerBound.year) }
                var rest = spec
                rest.ramadanPeriods = spec.ramadanPeriods.map { periods in periods.filter { !decree.years.contains($0.lowerBound.year) } }
                if rest.ramadanPeriods?.isEmpty == true { rest.ramadanPeriods = nil }
                calendar = calendar.decreeing(national, years: decree.years, ramadan: ramadan).overriding(with: rest)
            } else {
                calendar = calendar.overriding(with: spec)
            }
            calendar = calendar.adding(daysOff: own)
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

    /// The years after the base's decreed ones for which this (extending) file lists libur nasional
    /// or cuti bersama: an office's copy of a newly published SKB. They must follow the base's last
    /// decreed year without a gap (a year's SKB cannot be skipped); nil when there are none.
    private func decreedYears(into diagnostics: inout [Diagnostic]) -> (years: ClosedRange<Int>, first: SourceLocation)? {
        guard let base else { return nil }
        let national = spec.holidays.filter { $0.value.kind != Holiday.office && $0.value.date.year > base.coveredYears.upperBound }
        guard let last = national.map(\.value.date.year).max(), let first = national.first?.location else { return nil }
        let years = (base.coveredYears.upperBound + 1)...last
        let listed = Set(national.map(\.value.date.year))
        if let missing = years.first(where: { !listed.contains($0) }) {
            diagnostics.append(.error("SOP601", CalendarMessages.skbYearSkipped(["last": .text("\(last)"), "missing": .text("\(missing)"), "base": .text(base.id),
                                                                        "through": .text("\(base.coveredYears.upperBound)")]),
                                      at: national.first { $0.value.date.year == last }?.location ?? first))
        }
        return (years, first)
    }

    /// The file's own days off; one the base calendar already has is reported and skipped. The
    /// national days off of the years this file decrees (`skipping`) are not among them: they
    /// replace the base's provisional ones instead.
    private func ownHolidays(skipping decreed: ClosedRange<Int>?, into diagnostics: inout [Diagnostic]) -> [Holiday] {
        spec.holidays.compactMap { located in
            if let decreed, located.value.kind != Holiday.office, decreed.contains(located.value.date.year) { return nil }
            // (A provisional day off of a decreed year is about to be dropped: it hides nothing.)
            if let base, let existing = base.holiday(on: located.value.date),
               !(existing.provisional && decreed?.contains(located.value.date.year) == true) {
                diagnostics.append(.warning("SOP607", CalendarMessages.alreadyOff(["date": .text("\(located.value.date)"), "base": .text(base.id), "name": .text(existing.name)]),
                                            at: located.location))
                return nil
            }
            return located.value
        }
    }
}
