import Foundation

/// Indonesia's national holidays of a year no SKB has fixed yet, computed by rule and marked
/// provisional.
///
/// A calendar file opts in with `provisional_years: N`: the N years after its last confirmed year get
/// these days off and Ramadan periods, each ``Holiday/provisional``. What each rule is, and how close it
/// came to the decreed dates of 2024-2026 (`WorkingCalendarTests` checks every one):
/// - fixed by law (Keppres 8/2024): 1 January, 1 May, 1 June, 17 August, 25 December; exact.
/// - Easter (Gregorian computus): Wafat (Good Friday), Paskah, Kenaikan (Easter + 39 days); exact.
/// - Islamic (Foundation's `islamicCivil` calendar): Isra Mikraj 27 Rajab, Idul Fitri 1-2 Syawal,
///   Idul Adha 10 Zulhijah, Tahun Baru Islam 1 Muharam, Maulid 12 Rabiulawal, and Ramadan (the
///   Ramadan office hours); Kemenag decides by sighting (isbat), so a date may be one day off.
/// - Imlek: 1/1 of Foundation's `chinese` calendar; exact.
/// - Waisak: the 15th (full moon) of the 4th month of the `chinese` calendar; may be one day off.
/// - Nyepi: the first day (new moon) of the `chinese` month that begins in March; the Balinese Saka
///   reckoning is not in Foundation, so it may be one day off.
/// - Cuti bersama is a yearly decision and is not guessed.
public enum ProvisionalHolidays {
    /// The days off of `year`, ascending, each provisional.
    public static func holidays(year: Int) -> [Holiday] {
        var days: [Holiday] = []
        func add(_ date: CalendarDate?, _ name: String) {
            guard let date, date.year == year else { return }
            days.append(Holiday(date: date, name: name, kind: Holiday.liburNasional, provisional: true))
        }
        add(CalendarDate(year: year, month: 1, day: 1), "Tahun Baru \(year) Masehi")
        add(CalendarDate(year: year, month: 5, day: 1), "Hari Buruh Internasional")
        add(CalendarDate(year: year, month: 6, day: 1), "Hari Lahir Pancasila")
        add(CalendarDate(year: year, month: 8, day: 17), "Proklamasi Kemerdekaan")
        add(CalendarDate(year: year, month: 12, day: 25), "Kelahiran Yesus Kristus")
        let easter = easterSunday(year: year)
        add(easter.adding(days: -2), "Wafat Yesus Kristus")
        add(easter, "Kebangkitan Yesus Kristus (Paskah)")
        add(easter.adding(days: 39), "Kenaikan Yesus Kristus")
        add(imlek(year: year), "Tahun Baru Imlek")
        add(nyepi(year: year), "Hari Suci Nyepi")
        add(waisak(year: year), "Hari Raya Waisak")
        // A Gregorian year meets two or three Hijri years.
        let firstHijri = hijriYear(of: CalendarDate(year: year, month: 1, day: 1) ?? easter)
        for hijri in firstHijri...(firstHijri + 1) {
            add(islamic(hijri, month: 7, day: 27), "Isra Mikraj Nabi Muhammad SAW")
            add(islamic(hijri, month: 10, day: 1), "Idul Fitri \(hijri) Hijriah")
            add(islamic(hijri, month: 10, day: 2), "Idul Fitri \(hijri) Hijriah")
            add(islamic(hijri, month: 12, day: 10), "Idul Adha \(hijri) Hijriah")
            add(islamic(hijri, month: 1, day: 1), "1 Muharam Tahun Baru Islam \(hijri) Hijriah")
            add(islamic(hijri, month: 3, day: 12), "Maulid Nabi Muhammad SAW")
        }
        var seen = Set<CalendarDate>()
        return days.sorted { $0.date < $1.date }.filter { seen.insert($0.date).inserted }
    }

    /// The Ramadan periods (1 Ramadan to the day before 1 Syawal) that begin in `year`.
    public static func ramadan(year: Int) -> [ClosedRange<CalendarDate>] {
        let firstHijri = hijriYear(of: CalendarDate(year: year, month: 1, day: 1) ?? CalendarDate(dayNumber: 0))
        return (firstHijri...(firstHijri + 1)).compactMap { hijri in
            guard let start = islamic(hijri, month: 9, day: 1), start.year == year,
                  let fitri = islamic(hijri, month: 10, day: 1) else { return nil }
            return start...fitri.adding(days: -1)
        }
    }

    /// Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
    static func easterSunday(year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(unchecked: year, month: month, day: day)
    }

    /// Lunar dates are read in UTC+8 (China's civil time, and WITA): the Chinese calendar's own zone.
    private static let zone = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt

    private static func calendar(_ identifier: Calendar.Identifier) -> Calendar {
        var calendar = Calendar(identifier: identifier)
        calendar.timeZone = zone
        return calendar
    }

    private static func gregorian(_ date: Date) -> CalendarDate {
        let parts = calendar(.gregorian).dateComponents([.year, .month, .day], from: date)
        return CalendarDate(unchecked: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    private static func instant(_ date: CalendarDate) -> Date? {
        calendar(.gregorian).date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))
    }

    private static func hijriYear(of date: CalendarDate) -> Int {
        guard let instant = instant(date) else { return 1 }
        return calendar(.islamicCivil).component(.year, from: instant)
    }

    private static func islamic(_ year: Int, month: Int, day: Int) -> CalendarDate? {
        calendar(.islamicCivil).date(from: DateComponents(year: year, month: month, day: day, hour: 12)).map(gregorian)
    }

    /// The first day of a Chinese lunar month after `from` (its own day 1, the new moon).
    private static func chineseDay(_ day: Int, month: Int? = nil, after from: CalendarDate) -> CalendarDate? {
        guard let start = instant(from) else { return nil }
        var parts = DateComponents(day: day)
        parts.month = month
        parts.isLeapMonth = false
        return calendar(.chinese).nextDate(after: start, matching: parts, matchingPolicy: .strict).map(gregorian)
    }

    static func imlek(year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: 1, day: 1).flatMap { chineseDay(1, month: 1, after: $0.adding(days: -1)) }
    }

    static func waisak(year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: 1, day: 1).flatMap { chineseDay(15, month: 4, after: $0) }
    }

    static func nyepi(year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: 2, day: 28).flatMap { chineseDay(1, after: $0) }
    }
}
