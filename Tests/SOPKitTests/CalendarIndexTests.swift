import Foundation
import Testing
@testable import SOPKit

/// The indexed working-time arithmetic (running totals over the marked days, binary searches) against
/// the day-by-day walk it replaced (`ReferenceCalendarArithmetic`), on random calendars (workweeks,
/// hours with breaks, Ramadan hours and periods, holidays and cuti bersama across many years) and on
/// the shipped one, over random instants and durations: the results must be bit for bit the same.
@Suite("Working calendar: indexed arithmetic equals the day-by-day walk")
struct CalendarIndexTests {
    @Test("working minutes between random instants", arguments: 0..<40)
    func workingMinutes(seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed) &* 7919 &+ 17)
        let calendar = seed < 2 ? shipped(officeDaysOff: seed == 1, random: &random) : randomCalendar(&random)
        for _ in 0..<300 {
            let start = randomInstant(&random)
            let end = random.chance(0.1) ? start.addingTimeInterval(Double.random(in: 0..<86_400, using: &random))
                : start.addingTimeInterval(Double.random(in: 0..<(86_400 * 365 * Double(Int.random(in: 1...12, using: &random))), using: &random))
            let expected = calendar.referenceWorkingMinutes(from: start, to: end)
            let actual = calendar.workingMinutes(from: start, to: end)
            #expect(actual.bitPattern == expected.bitPattern, "\(calendar.id) \(start) -> \(end): \(actual) against \(expected)")
        }
    }

    @Test("adding random durations to random instants", arguments: 0..<40)
    func adding(seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed) &* 104_729 &+ 3)
        let calendar = seed < 2 ? shipped(officeDaysOff: seed == 1, random: &random) : randomCalendar(&random)
        for _ in 0..<300 {
            let start = randomInstant(&random)
            let durasi = randomDurasi(&random)
            let expected = calendar.referenceAdding(durasi, to: start)
            let actual = calendar.adding(durasi, to: start)
            #expect(actual == expected, "\(calendar.id) \(start) + \(durasi): \(actual) against \(expected)")
        }
    }

    @Test("a series of multiples of a duration from one start equals the separate sums", arguments: 0..<40)
    func multiples(seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed) &* 15_485_863 &+ 29)
        let calendar = seed < 2 ? shipped(officeDaysOff: seed == 1, random: &random) : randomCalendar(&random)
        for _ in 0..<60 {
            var start = randomInstant(&random)
            if random.chance(0.2) {
                // The end of a month (Jan 31 + 1 bulan is Feb 28/29, + 2 bulan Mar 31).
                let date = calendar.date(of: start)
                let last = CalendarDate.daysIn(month: date.month, year: date.year)
                start = calendar.instant(CalendarDate(unchecked: date.year, month: date.month, day: last), minuteOfDay: Int.random(in: 0..<1440, using: &random))
            }
            let durasi = random.chance(0.5) ? randomInterval(&random) : randomDurasi(&random)
            let count = Int.random(in: 1...13, using: &random)
            var series: [CalendarResult] = []
            calendar.addingMultiples(of: durasi, count: count, to: start) { k, result in
                #expect(k == series.count + 1)
                series.append(result.result)
            }
            #expect(series.count == count)
            for (i, result) in series.enumerated() {
                let scaled = Durasi(parts: durasi.parts.map { WaktuAmount(amount: $0.amount * Double(i + 1), unit: $0.unit) })
                let expected = calendar.referenceAdding(scaled, to: start)
                #expect(result == expected, "\(calendar.id) \(start) + \(i + 1) x \(durasi): \(result) against \(expected)")
                #expect(result == calendar.adding(scaled, to: start))
            }
        }
    }

    @Test("the running totals agree with each marked day's office hours")
    func runningTotals() throws {
        var random = SplitMix(seed: 99)
        for calendar in [shipped(officeDaysOff: false, random: &random), randomCalendar(&random)] {
            let tables = calendar.tables
            #expect(tables.minutesBefore.count == tables.marks.count + 1)
            for (index, day) in (tables.firstMarked...tables.lastMarked).enumerated() {
                let minutes = OfficeSchedule.minutes(tables.hours(day: day))
                #expect(tables.minutesBefore[index + 1] - tables.minutesBefore[index] == minutes)
                #expect(tables.workdaysBefore[index + 1] - tables.workdaysBefore[index] == (minutes > 0 ? 1 : 0))
            }
        }
    }

    @Test("the next office time, clamping and the office minutes of random positions", arguments: 0..<8)
    func positions(seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed) &* 6_151 &+ 11)
        let calendar = seed < 2 ? shipped(officeDaysOff: seed == 1, random: &random) : randomCalendar(&random)
        let tables = calendar.tables
        for _ in 0..<2_000 {
            let day = Int.random(in: dayNumber(2016)...dayNumber(2043), using: &random)
            var minute = Double.random(in: -1..<1440, using: &random)
            if random.chance(0.5) { minute.round(.down) }
            let position = LocalClock.Position(day: day, minute: minute)
            #expect(calendar.nextOfficeTime(from: position) == calendar.referenceNextOfficeTime(from: position), "\(calendar.id) \(position)")
            let kind = tables.kind(day: day), hours = tables.hours(day: day)
            #expect(calendar.clamp(minute, kind: kind).bitPattern == calendar.referenceClamp(minute, into: hours).bitPattern)
            #expect(calendar.overlap(kind, from: minute, to: 1440).bitPattern == calendar.referenceOverlap(hours, from: minute, to: 1440).bitPattern)
            #expect(tables.kindMinutes[kind] == OfficeSchedule.minutes(hours))
            #expect(tables.isWorking(day: day) == !hours.isEmpty)
        }
    }

    @Test("the day-number bounds are 0001-01-01 and 9999-12-31")
    func dayNumberBounds() {
        #expect(CalendarDate.firstDayNumber == CalendarDate.dayNumber(year: 1, month: 1, day: 1))
        #expect(CalendarDate.lastDayNumber == CalendarDate.dayNumber(year: 9999, month: 12, day: 31))
        #expect(LocalClock.maxSeconds == Double(CalendarDate.lastDayNumber + 1) * 86_400)
        #expect(LocalClock.minSeconds == Double(CalendarDate.firstDayNumber) * 86_400)
    }

    // MARK: Random calendars and inputs

    private func shipped(officeDaysOff: Bool, random: inout SplitMix) -> WorkingCalendar {
        guard officeDaysOff else { return TestCalendar.national }
        let days = (0..<40).map { _ in
            Holiday(date: CalendarDate(dayNumber: Int.random(in: dayNumber(2019)...dayNumber(2040), using: &random)), name: "Tutup")
        }
        return TestCalendar.national.adding(daysOff: days)
    }

    /// A calendar with a random workweek, random hours and breaks, Ramadan hours on some weekdays,
    /// a Ramadan period in most years and 5 to 25 days off a year over a random stretch of years.
    private func randomCalendar(_ random: inout SplitMix) -> WorkingCalendar {
        var schedule = OfficeSchedule()
        for weekday in 0..<7 {
            schedule.workdays[weekday] = random.chance(weekday == 0 || weekday == 6 ? 0.2 : 0.9)
            schedule.hours[weekday] = randomHours(&random)
            if random.chance(0.6) { schedule.ramadanHours[weekday] = randomHours(&random) }
        }
        if !schedule.workdays.contains(true) { schedule.workdays[3] = true }
        let first = Int.random(in: 2018...2026, using: &random), last = first + Int.random(in: 0...12, using: &random)
        var holidays: [Holiday] = []
        for year in first...last {
            if random.chance(0.85) {
                let start = dayNumber(year) + Int.random(in: 0..<330, using: &random)
                let period = CalendarDate(dayNumber: start)...CalendarDate(dayNumber: start + Int.random(in: 0...30, using: &random))
                schedule.ramadanPeriods.append(period)
            }
            for _ in 0..<Int.random(in: 5...25, using: &random) {
                let date = CalendarDate(dayNumber: dayNumber(year) + Int.random(in: 0..<365, using: &random))
                let kind = random.chance(0.3) ? Holiday.cutiBersama : Holiday.liburNasional
                holidays.append(Holiday(date: date, name: "Libur", kind: kind))
            }
        }
        let zones = ["Asia/Jakarta", "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Europe/Amsterdam"]
        let zone = TimeZone(identifier: zones[Int.random(in: 0..<zones.count, using: &random)]) ?? .gmt
        return WorkingCalendar(id: "acak-\(first)-\(last)", timeZone: zone, coveredYears: first...last,
                               holidays: holidays, schedule: schedule)
    }

    /// Sorted, disjoint office hours: a start, an end, and maybe one or two breaks.
    private func randomHours(_ random: inout SplitMix) -> [Range<Int>] {
        let start = Int.random(in: 300...600, using: &random)
        let end = min(1439, start + Int.random(in: 60...700, using: &random))
        var breaks: [Range<Int>] = []
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            let from = Int.random(in: start..<end, using: &random)
            breaks.append(from..<min(end, from + Int.random(in: 1...90, using: &random)))
        }
        return OfficeSchedule.intervals(start: start, end: end, breaks: breaks)
    }

    /// An instant from 2016 to 2043: whole minutes, whole seconds, or any fraction of a second.
    private func randomInstant(_ random: inout SplitMix) -> Date {
        var seconds = Double.random(in: 1_451_606_400..<2_303_596_800, using: &random)
        if random.chance(0.3) { seconds = (seconds / 60).rounded(.down) * 60 } else if random.chance(0.5) { seconds.round(.down) }
        return Date(timeIntervalSince1970: seconds)
    }

    /// One or two parts: working days (whole or fractional), hours, minutes, now and then calendar units
    /// or a very large amount.
    private func randomDurasi(_ random: inout SplitMix) -> Durasi {
        var parts: [WaktuAmount] = []
        for _ in 0..<Int.random(in: 1...2, using: &random) {
            let unit: WaktuUnit = [.hariKerja, .hariKerja, .jam, .jam, .menit, .hariKalender, .bulan][Int.random(in: 0..<7, using: &random)]
            var amount = Double.random(in: 0..<(unit == .menit ? 100_000 : 400), using: &random)
            if random.chance(0.5) { amount.round(.down) }
            if random.chance(0.03) { amount *= 10_000 }
            parts.append(WaktuAmount(amount: amount, unit: unit))
        }
        return Durasi(parts: parts)
    }

    /// A recurring step's interval: months, years, weeks or calendar days (whole or not), now and
    /// then with working days or hours added, or nothing at all.
    private func randomInterval(_ random: inout SplitMix) -> Durasi {
        if random.chance(0.03) { return Durasi(parts: []) }
        let unit: WaktuUnit = [.bulan, .bulan, .bulan, .tahun, .minggu, .hariKalender][Int.random(in: 0..<6, using: &random)]
        var amount = Double(Int.random(in: 1...6, using: &random))
        if random.chance(0.2) { amount = Double.random(in: 0..<4, using: &random) }
        var parts = [WaktuAmount(amount: amount, unit: unit)]
        if random.chance(0.2) { parts.append(WaktuAmount(amount: Double(Int.random(in: 1...3, using: &random)), unit: random.chance(0.5) ? .hariKerja : .jam)) }
        return Durasi(parts: parts)
    }

    private func dayNumber(_ year: Int) -> Int { CalendarDate.dayNumber(year: year, month: 1, day: 1) }
}

