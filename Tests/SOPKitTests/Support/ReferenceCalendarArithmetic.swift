import Foundation
@testable import SOPKit

/// The working-time arithmetic as it was before the per-day running totals (commit af5ff0f): a walk
/// day by day through the marked days (holidays, cuti bersama, Ramadan). Kept here, unchanged, as the
/// reference that `CalendarIndexTests` compares the indexed arithmetic with. It reads each day's office
/// hours as a `[Range<Int>]` (``DayTables/hours(day:)``), as the arithmetic did before it read the
/// flat interval tables by index, with its own copies of the helpers that changed then.
extension WorkingCalendar {
    /// The old `adding(_:to:)`.
    func referenceAdding(_ durasi: Durasi, to start: Date) -> CalendarResult {
        var months = 0.0, calendarDays = 0.0, workingDays = 0.0, minutes = 0.0
        for part in durasi.parts {
            let amount = part.amount.isNaN ? 0 : min(max(part.amount, 0), 1e10)
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
        if months == 0, calendarDays == 0, workingDays == 0, minutes == 0 {
            return CalendarResult(instant: start)
        }
        var position = clock.position(of: start)
        if months > 0 {
            let whole = months.rounded(.down)
            position.day = CalendarDate(dayNumber: position.day).addingMonths(Int(whole)).dayNumber
            calendarDays += (months - whole) * 30
        }
        if calendarDays > 0 {
            let total = position.minute + calendarDays * 1440
            let extraDays = (total / 1440).rounded(.down)
            position.day += Int(extraDays)
            position.minute = total - extraDays * 1440
        }
        guard workingDays > 0 || minutes > 0 else {
            return CalendarResult(instant: clock.instant(of: position))
        }
        let walkStart = position.day
        if workingDays > 0 {
            position = referenceNextOfficeTime(from: position)
            let whole = workingDays.rounded(.down)
            position.day = referenceAdvance(workingDays: Int(whole), from: position.day)
            position.minute = referenceClamp(position.minute, into: tables.hours(day: position.day))
            minutes += (workingDays - whole) * Double(OfficeSchedule.minutes(tables.hours(day: position.day)))
        }
        if minutes > 0 {
            position = referenceWalk(minutes: minutes, from: position)
        }
        if position.day > CalendarDate.lastDayNumber {
            position = LocalClock.Position(day: CalendarDate.lastDayNumber, minute: 1439)
        }
        return CalendarResult(instant: clock.instant(of: position),
                              uncoveredYears: uncoveredYears(fromDay: walkStart, toDay: position.day))
    }

    /// The old `workingMinutes(from:to:)`.
    func referenceWorkingMinutes(from start: Date, to end: Date) -> Double {
        guard end > start else { return 0 }
        let a = clock.position(of: start), b = clock.position(of: end)
        if a.day == b.day { return referenceOverlap(tables.hours(day: a.day), from: a.minute, to: b.minute) }
        var total = referenceOverlap(tables.hours(day: a.day), from: a.minute, to: 1440)
        var day = a.day + 1
        while day < b.day {
            let weeks = tables.ordinaryWeeks(from: day, atMost: (b.day - day) / 7)
            if weeks > 0 {
                total += Double(weeks * tables.weekMinutes)
                day += weeks * 7
                continue
            }
            total += Double(OfficeSchedule.minutes(tables.hours(day: day)))
            day += 1
        }
        return total + referenceOverlap(tables.hours(day: b.day), from: 0, to: b.minute)
    }

    /// The old `advance(workingDays:from:)`.
    func referenceAdvance(workingDays count: Int, from day: Int) -> Int {
        var day = day, remaining = count
        while remaining > 0, day <= CalendarDate.lastDayNumber {
            if tables.weekWorkdays > 0 {
                let weeks = tables.ordinaryWeeks(from: day + 1, atMost: (remaining - 1) / tables.weekWorkdays)
                if weeks > 0 {
                    day += weeks * 7
                    remaining -= weeks * tables.weekWorkdays
                    continue
                }
            }
            day += 1
            if !tables.hours(day: day).isEmpty { remaining -= 1 }
        }
        return day
    }

    /// The old `walk(minutes:from:)`.
    func referenceWalk(minutes: Double, from position: LocalClock.Position) -> LocalClock.Position {
        var remaining = minutes
        var day = position.day
        var minute = position.minute
        while day <= CalendarDate.lastDayNumber {
            for interval in tables.hours(day: day) where Double(interval.upperBound) > minute {
                let from = max(minute, Double(interval.lowerBound))
                let available = Double(interval.upperBound) - from
                if remaining <= available { return LocalClock.Position(day: day, minute: from + remaining) }
                remaining -= available
            }
            day += 1
            minute = -1
            if tables.weekMinutes > 0 {
                let fullWeeks = (remaining / Double(tables.weekMinutes)).rounded(.up) - 1
                let weeks = tables.ordinaryWeeks(from: day, atMost: Int(min(fullWeeks, 1e9)))
                if weeks > 0 {
                    day += weeks * 7
                    remaining -= Double(weeks * tables.weekMinutes)
                }
            }
        }
        return LocalClock.Position(day: day, minute: 0)
    }

    /// The old `nextOfficeTime(from:)`, on each day's `[Range<Int>]`.
    func referenceNextOfficeTime(from position: LocalClock.Position) -> LocalClock.Position {
        for interval in tables.hours(day: position.day) where Double(interval.upperBound) >= position.minute {
            return LocalClock.Position(day: position.day, minute: max(position.minute, Double(interval.lowerBound)))
        }
        var day = position.day + 1
        while day <= CalendarDate.lastDayNumber {
            if let first = tables.hours(day: day).first {
                return LocalClock.Position(day: day, minute: Double(first.lowerBound))
            }
            day += 1
        }
        return LocalClock.Position(day: day, minute: 0)
    }

    /// The old `clamp(_:into:)`.
    func referenceClamp(_ minute: Double, into hours: [Range<Int>]) -> Double {
        guard let first = hours.first else { return minute }
        if minute < Double(first.lowerBound) { return Double(first.lowerBound) }
        var result = Double(first.lowerBound)
        for interval in hours {
            if minute < Double(interval.lowerBound) { break }
            if minute < Double(interval.upperBound) { return minute }
            result = Double(interval.upperBound)
        }
        return result
    }

    /// The old `overlap(_:from:to:)`.
    func referenceOverlap(_ hours: [Range<Int>], from: Double, to: Double) -> Double {
        var total = 0.0
        for interval in hours {
            let low = max(from, Double(interval.lowerBound)), high = min(to, Double(interval.upperBound))
            if high > low { total += high - low }
        }
        return total
    }
}
