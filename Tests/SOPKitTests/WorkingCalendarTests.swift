import Foundation
import Testing
@testable import SOPKit

/// The shipped calendar, loaded once from the repository's `calendars/` folder.
private let shipped = CalendarStore.load(id: "indonesia", searchingFrom: TestPaths.root.path)

private func indonesia() throws -> WorkingCalendar {
    try #require(shipped.calendar, "\(shipped.diagnostics.map { "\($0.location?.description ?? ""): \($0.message)" })")
}

/// An instant from ISO 8601 text with an offset: "2025-06-13T16:20:00+07:00".
private func at(_ text: String) throws -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return try #require(formatter.date(from: text), "bad ISO 8601 in test: \(text)")
}

/// An instant as ISO 8601 text in WIB (+07:00), for readable failures.
private func wib(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
    return formatter.string(from: date)
}

private func day(_ text: String) throws -> CalendarDate {
    try #require(CalendarDate(iso: text), "bad date in test: \(text)")
}

private func d(_ amount: Double, _ unit: WaktuUnit) -> Durasi { Durasi(amount, unit) }

/// A temporary folder, removed by the caller.
private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sop-cal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// A small valid calendar; tests replace one line to break it.
private let minimalLines = [
    "id: test",                                                                          // 1
    "timezone: Asia/Jakarta",                                                            // 2
    "workweek:",                                                                         // 3
    "  days: [mon, tue, wed, thu, fri]",                                                 // 4
    "  hours_per_week: 37.5",                                                            // 5
    "  hours:",                                                                          // 6
    "    mon: {start: \"07:30\", end: \"16:00\", break: [\"12:00\", \"13:00\"]}",        // 7
    "    tue: {start: \"07:30\", end: \"16:00\", break: [\"12:00\", \"13:00\"]}",        // 8
    "    wed: {start: \"07:30\", end: \"16:00\", break: [\"12:00\", \"13:00\"]}",        // 9
    "    thu: {start: \"07:30\", end: \"16:00\", break: [\"12:00\", \"13:00\"]}",        // 10
    "    fri: {start: \"07:30\", end: \"16:30\", break: [\"11:30\", \"13:00\"]}",        // 11
    "  ramadan:",                                                                        // 12
    "    periods:",                                                                      // 13
    "      - {start: 2025-03-01, end: 2025-03-30}",                                      // 14
    "holidays:",                                                                         // 15
    "  - {date: 2025-01-01, name: \"Tahun Baru\", kind: libur-nasional}",                // 16
    "  - {date: 2025-12-25, name: \"Natal\", kind: libur-nasional}",                     // 17
]

private func minimal(replacing line: Int = 0, with text: String = "") -> [UInt8] {
    var lines = minimalLines
    if line > 0 { lines[line - 1] = text }
    return Array(lines.joined(separator: "\n").utf8)
}

@Suite("Working calendar")
struct WorkingCalendarTests {
    // MARK: The shipped data

    @Test("the shipped calendar loads with no diagnostics")
    func loadsShipped() throws {
        #expect(shipped.diagnostics.isEmpty, "\(shipped.diagnostics.map(\.message))")
        let calendar = try indonesia()
        #expect(calendar.id == "indonesia")
        #expect(calendar.timeZone.identifier == "Asia/Jakarta")
        #expect(calendar.coveredYears == 2024...2026)
    }

    @Test("entries per year match the file's COUNTS comment",
          arguments: [(2024, 19, 10, 24), (2025, 17, 11, 24), (2026, 17, 8, 21)])
    func counts(year: Int, libur: Int, cuti: Int, weekdays: Int) throws {
        let entries = try indonesia().holidays.filter { $0.date.year == year }
        #expect(entries.count == libur + cuti)
        #expect(entries.filter { $0.kind == Holiday.liburNasional }.count == libur)
        #expect(entries.filter { $0.kind == Holiday.cutiBersama }.count == cuti)
        let onWeekdays = entries.filter { (1...5).contains(CalendarDate.weekday(ofDayNumber: $0.date.dayNumber)) }
        #expect(onWeekdays.count == weekdays)
        // Every weekday entry removes a working day; weekend entries change nothing.
        let calendar = try indonesia()
        #expect(onWeekdays.allSatisfy { !calendar.isWorkingDay($0.date) })
    }

    @Test("days off and working days",
          arguments: [("2025-03-31", "Idul Fitri 1446 Hijriah", Holiday.liburNasional, false),
                      ("2025-08-18", "Cuti Bersama Proklamasi Kemerdekaan (HUT ke-80 RI)", Holiday.cutiBersama, false),
                      ("2024-02-10", "Tahun Baru Imlek 2575 Kongzili", Holiday.liburNasional, false),   // a Saturday
                      ("2025-03-24", "", "", true),        // WFA: still a working day
                      ("2025-06-14", "", "", false),       // Saturday
                      ("2025-06-16", "", "", true)])
    func daysOff(date: String, name: String, kind: String, working: Bool) throws {
        let calendar = try indonesia()
        let holiday = calendar.holiday(on: try day(date))
        #expect(holiday?.name ?? "" == name)
        #expect(holiday?.kind ?? "" == kind)
        #expect(calendar.isWorkingDay(try day(date)) == working)
    }

    @Test("office hours: breaks removed, Friday ends later, Ramadan hours in Ramadan",
          arguments: [("2025-06-16", [450..<720, 780..<960]),          // Monday
                      ("2025-06-13", [450..<690, 780..<990]),          // Friday: 16:30, 90-minute break
                      ("2025-06-14", []),                              // Saturday
                      ("2025-04-18", []),                              // Wafat Yesus Kristus
                      ("2025-03-03", [480..<720, 750..<900]),          // Ramadan Monday 08:00-15:00
                      ("2025-03-07", [480..<690, 750..<930]),          // Ramadan Friday 08:00-15:30
                      ("2024-04-09", []),                              // last day of Ramadan 1445, cuti bersama
                      ("2026-02-19", [480..<720, 750..<900])])         // 1 Ramadan 1447, a Thursday
    func officeHours(date: String, hours: [Range<Int>]) throws {
        #expect(try indonesia().officeHours(on: try day(date)) == hours)
    }

    @Test("Friday's hours run longer; the working minutes of a week total 37.5 hours")
    func fridayLonger() throws {
        let calendar = try indonesia()
        let monday = calendar.officeHours(on: try day("2025-06-09"))
        let friday = calendar.officeHours(on: try day("2025-06-13"))
        #expect((friday.last?.upperBound ?? 0) > (monday.last?.upperBound ?? 0))
        let week = calendar.workingMinutes(from: try at("2025-06-16T00:00:00+07:00"), to: try at("2025-06-23T00:00:00+07:00"))
        #expect(week == 37.5 * 60)
    }

    // MARK: Adding a standard time

    @Test("adding working time", arguments: [
        // Friday 16:20 + 15 menit: 10 minutes on Friday, 5 on Monday.
        ("2025-06-13T16:20:00+07:00", d(15, .menit), "2025-06-16T07:35:00+07:00"),
        // Thursday before a Friday holiday (Wafat Yesus Kristus, 18 Apr 2025).
        ("2025-04-17T10:00:00+07:00", d(1, .hariKerja), "2025-04-21T10:00:00+07:00"),
        // Across Idul Fitri 2025: 28 Mar, 31 Mar-4 Apr and 7 Apr are off.
        ("2025-03-27T10:00:00+07:00", d(2, .hariKerja), "2025-04-09T10:00:00+07:00"),
        // Ramadan: the day ends at 15:00, the next starts at 08:00.
        ("2025-03-03T14:30:00+07:00", d(1, .jam), "2025-03-04T08:30:00+07:00"),
        ("2025-03-03T07:45:00+07:00", d(30, .menit), "2025-03-03T08:30:00+07:00"),
        // Starting on a Saturday.
        ("2025-06-14T09:00:00+07:00", d(30, .menit), "2025-06-16T08:00:00+07:00"),
        ("2025-06-14T09:00:00+07:00", d(1, .hariKerja), "2025-06-17T07:30:00+07:00"),
        // The break is skipped; a walk ending at a break stops there.
        ("2025-06-16T11:45:00+07:00", d(30, .menit), "2025-06-16T13:15:00+07:00"),
        ("2025-06-16T07:30:00+07:00", d(4.5, .jam), "2025-06-16T12:00:00+07:00"),
        ("2025-06-16T07:30:00+07:00", d(7.5, .jam), "2025-06-16T16:00:00+07:00"),
        ("2025-06-16T07:30:00+07:00", d(0.5, .hariKerja), "2025-06-16T11:15:00+07:00"),
        // Same clock time, clamped into the target day's hours.
        ("2025-06-13T16:15:00+07:00", d(1, .hariKerja), "2025-06-16T16:00:00+07:00"),
        ("2025-06-19T14:00:00+07:00", d(1, .hariKerja), "2025-06-20T14:00:00+07:00"),
        ("2025-06-16T16:00:00+07:00", d(1, .hariKerja), "2025-06-17T16:00:00+07:00"),   // closing time stays
        ("2025-06-16T17:00:00+07:00", d(1, .hariKerja), "2025-06-18T07:30:00+07:00"),   // after hours: next start
        ("2025-06-19T11:45:00+07:00", d(1, .hariKerja), "2025-06-20T11:30:00+07:00"),
        ("2025-02-28T07:40:00+07:00", d(1, .hariKerja), "2025-03-03T08:00:00+07:00"),
        // Mixed parts: working days first, then hours.
        ("2025-06-16T15:00:00+07:00", Durasi(parts: [.init(amount: 1, unit: .hariKerja), .init(amount: 2, unit: .jam)]),
         "2025-06-18T08:30:00+07:00"),
        // Over the year end: 25 and 26 Dec 2025 are off.
        ("2025-12-24T10:00:00+07:00", d(2, .hariKerja), "2025-12-30T10:00:00+07:00"),
        // Nothing to add: the start itself, even on a Saturday night.
        ("2025-06-14T21:00:00+07:00", .zero, "2025-06-14T21:00:00+07:00"),
        ("2025-06-14T21:00:00+07:00", d(0, .menit), "2025-06-14T21:00:00+07:00"),
    ])
    func addingWorkingTime(start: String, durasi: Durasi, expected: String) throws {
        let result = try indonesia().adding(durasi, to: try at(start))
        #expect(wib(result.instant) == wib(try at(expected)), "\(start) + \(durasi)")
        #expect(result.uncoveredYears.isEmpty)
    }

    @Test("calendar units ignore days off and clamp to the end of the month", arguments: [
        ("2025-03-27T10:00:00+07:00", d(7, .hariKalender), "2025-04-03T10:00:00+07:00"),   // lands on cuti bersama
        ("2025-03-27T10:00:00+07:00", d(1, .minggu), "2025-04-03T10:00:00+07:00"),
        ("2025-01-31T09:00:00+07:00", d(1, .bulan), "2025-02-28T09:00:00+07:00"),
        ("2024-01-31T09:00:00+07:00", d(1, .bulan), "2024-02-29T09:00:00+07:00"),
        ("2024-02-29T10:00:00+07:00", d(1, .tahun), "2025-02-28T10:00:00+07:00"),
        ("2025-01-15T10:00:00+07:00", d(1.5, .bulan), "2025-03-02T10:00:00+07:00"),        // 1 bulan + 15 days
        ("2025-06-14T10:00:00+07:00", d(0.5, .hariKalender), "2025-06-14T22:00:00+07:00"),
        ("2025-12-31T23:30:00+07:00", d(1, .hariKalender), "2026-01-01T23:30:00+07:00"),
    ])
    func calendarUnits(start: String, durasi: Durasi, expected: String) throws {
        let result = try indonesia().adding(durasi, to: try at(start))
        #expect(wib(result.instant) == wib(try at(expected)), "\(start) + \(durasi)")
    }

    @Test("years the holiday list does not cover are reported", arguments: [
        // 2027 is provisional (1 January computed by law), so not reported as uncovered; 2037 is beyond it.
        ("2026-12-30T10:00:00+07:00", d(3, .hariKerja), "2027-01-05T10:00:00+07:00", []),
        ("2036-12-30T10:00:00+07:00", d(3, .hariKerja), "2037-01-02T10:00:00+07:00", [2037]),
        ("2023-12-29T10:00:00+07:00", d(1, .hariKerja), "2024-01-02T10:00:00+07:00", [2023]),
        ("2026-12-30T10:00:00+07:00", d(1, .hariKerja), "2026-12-31T10:00:00+07:00", []),
        ("2026-12-30T10:00:00+07:00", d(1, .bulan), "2027-01-30T10:00:00+07:00", []),     // calendar units only
    ])
    func uncovered(start: String, durasi: Durasi, expected: String, years: [Int]) throws {
        let result = try indonesia().adding(durasi, to: try at(start))
        #expect(wib(result.instant) == wib(try at(expected)))
        #expect(result.uncoveredYears == years)
    }

    @Test("huge amounts finish and stay within year 9999")
    func hugeAmounts() throws {
        let calendar = try indonesia()
        let start = try at("2025-06-16T10:00:00+07:00")
        let far = calendar.adding(d(100_000, .hariKerja), to: start)
        #expect(calendar.date(of: far.instant).year > 2400)
        let end = calendar.adding(d(1e15, .menit), to: start)
        #expect(calendar.date(of: end.instant) == CalendarDate(year: 9999, month: 12, day: 31))
        #expect(calendar.adding(d(.infinity, .tahun), to: start).instant > far.instant)
        #expect(calendar.adding(d(.nan, .jam), to: start).instant == start)
        #expect(calendar.adding(d(-3, .hariKerja), to: start).instant == start)
    }

    // MARK: Working minutes

    @Test("working minutes between instants", arguments: [
        ("2025-06-13T16:20:00+07:00", "2025-06-16T07:35:00+07:00", 15.0),
        ("2025-06-16T07:30:00+07:00", "2025-06-16T16:00:00+07:00", 450),
        ("2025-06-16T12:10:00+07:00", "2025-06-16T12:50:00+07:00", 0),      // inside the break
        ("2025-06-14T00:00:00+07:00", "2025-06-16T00:00:00+07:00", 0),      // a weekend
        ("2025-06-16T10:00:00+07:00", "2025-06-16T09:00:00+07:00", 0),      // end before start
        // Ramadan Thursday 10:00-15:00 less 30 minutes, Tuesday 8 Apr whole, Wednesday 9 Apr 07:30-10:00.
        ("2025-03-27T10:00:00+07:00", "2025-04-09T10:00:00+07:00", 870.0),   // 270 + 450 + 150
        ("2025-06-16T10:00:30+07:00", "2025-06-16T10:01:00+07:00", 0.5),
    ])
    func workingMinutes(from: String, to: String, minutes: Double) throws {
        #expect(try indonesia().workingMinutes(from: try at(from), to: try at(to)) == minutes)
    }

    @Test("working minutes over years equal the sum of each day's office hours")
    func longSpans() throws {
        let calendar = try indonesia()
        let first = try day("2022-11-03"), last = try day("2029-02-14")
        var expected = 0
        for number in first.dayNumber..<last.dayNumber {
            expected += calendar.officeHours(on: CalendarDate(dayNumber: number)).reduce(0) { $0 + $1.count }
        }
        let start = calendar.instant(first, minuteOfDay: 0), end = calendar.instant(last, minuteOfDay: 0)
        #expect(calendar.workingMinutes(from: start, to: end) == Double(expected))
    }

    @Test("adding then counting gives back the working minutes",
          arguments: [1.0, 15, 60, 90, 450, 451, 1_000, 5_000, 100_000])
    func roundTrip(minutes: Double) throws {
        let calendar = try indonesia()
        var start = try at("2024-03-01T06:17:00+07:00")
        for _ in 0..<60 {
            let end = calendar.adding(d(minutes, .menit), to: start).instant
            #expect(calendar.workingMinutes(from: start, to: end) == minutes, "\(wib(start)) + \(minutes) menit")
            start = start.addingTimeInterval(6 * 86_400 + 3 * 3600 + 11 * 60)
        }
    }

    @Test("whole working days add a day's office minutes on ordinary weeks")
    func roundTripDays() throws {
        let calendar = try indonesia()
        let start = try at("2025-07-07T09:10:00+07:00")   // Monday, no day off until 17 Aug
        for days in 1...20 where days % 5 != 4 {           // land on Monday-Thursday, same hours as the start
            let end = calendar.adding(d(Double(days), .hariKerja), to: start).instant
            #expect(calendar.workingMinutes(from: start, to: end) == Double(days) * 450)
        }
    }

    // MARK: Time zone and day numbers

    @Test("dates and instants are in the calendar's time zone, not the machine's")
    func timeZone() throws {
        var calendar = try indonesia()
        #expect(calendar.date(of: try at("2025-06-15T20:00:00Z")) == CalendarDate(year: 2025, month: 6, day: 16))
        #expect(calendar.instant(try day("2025-06-16"), minuteOfDay: 450) == (try at("2025-06-16T00:30:00Z")))
        calendar.timeZone = try #require(TimeZone(identifier: "Asia/Jayapura"))
        let result = calendar.adding(d(15, .menit), to: try at("2025-06-13T16:20:00+09:00"))
        #expect(result.instant == (try at("2025-06-16T07:35:00+09:00")))
        calendar.timeZone = try #require(TimeZone(identifier: "Europe/Berlin"))   // a zone with DST
        #expect(calendar.instant(try day("2025-03-31"), minuteOfDay: 600) == (try at("2025-03-31T10:00:00+02:00")))
        #expect(calendar.instant(try day("2025-03-28"), minuteOfDay: 600) == (try at("2025-03-28T10:00:00+01:00")))
        #expect(calendar.date(of: try at("2025-03-30T23:30:00Z")) == CalendarDate(year: 2025, month: 3, day: 31))
    }

    @Test("day numbers and weekdays agree with Foundation's Gregorian calendar")
    func dayNumbers() throws {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = try #require(TimeZone(identifier: "UTC"))
        for number in stride(from: -40_000, through: 60_000, by: 37) {
            let date = CalendarDate(dayNumber: number)
            let parts = gregorian.dateComponents([.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: Double(number) * 86_400))
            #expect([date.year, date.month, date.day] == [parts.year, parts.month, parts.day].compactMap { $0 })
            #expect(CalendarDate.weekday(ofDayNumber: number) + 1 == parts.weekday)
            #expect(date.dayNumber == number)
        }
        #expect(CalendarDate(dayNumber: Int.max) == CalendarDate(year: 9999, month: 12, day: 31))
    }

    // MARK: Office days off

    @Test("an office's own days off are added on top of the national ones")
    func officeDaysOff() throws {
        let national = try indonesia()
        let office = national.adding(daysOff: [
            Holiday(date: try day("2025-06-16"), name: "Rapat kerja Dinas Sosial"),
            Holiday(date: try day("2025-03-31"), name: "Libur kantor", kind: Holiday.office),
        ])
        #expect(office.holiday(on: try day("2025-06-16"))?.kind == Holiday.office)
        #expect(office.holiday(on: try day("2025-03-31"))?.kind == Holiday.liburNasional)   // the national entry stays
        #expect(office.coveredYears == national.coveredYears)
        let result = office.adding(d(15, .menit), to: try at("2025-06-13T16:20:00+07:00"))
        #expect(wib(result.instant) == "2025-06-17T07:35:00+07:00")
        #expect(national.isWorkingDay(try day("2025-06-16")))
    }

    @Test("an office calendar file extends the national one and may change the workweek")
    func officeFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let calendars = folder.appendingPathComponent("calendars")
        try FileManager.default.createDirectory(at: calendars, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.root.appendingPathComponent("calendars/indonesia.yaml"),
                                         to: calendars.appendingPathComponent("indonesia.yaml"))
        try write("""
            id: dinsos-tanjungpinang
            extends: indonesia
            workweek:
              days: [senin, selasa, rabu, kamis, jumat, sabtu]
              hours:
                sat: {start: "08:00", end: "12:00"}
            holidays:
              - {date: 2025-06-16, name: "Rapat kerja"}
              - {date: 2025-06-06, name: "Idul Adha (already national)"}
            """, to: calendars.appendingPathComponent("dinsos-tanjungpinang.yaml"))
        let nested = folder.appendingPathComponent("sops/bansos")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let loaded = CalendarStore.load(id: "dinsos-tanjungpinang", searchingFrom: nested.path)
        let calendar = try #require(loaded.calendar, "\(loaded.diagnostics.map(\.message))")
        #expect(loaded.diagnostics.map(\.code) == ["SOP607"])       // the warning about 6 June
        #expect(loaded.diagnostics.first?.severity == .warning)
        #expect(calendar.id == "dinsos-tanjungpinang")
        #expect(calendar.coveredYears == 2024...2026)
        #expect(calendar.holiday(on: try day("2025-06-16"))?.kind == Holiday.office)
        #expect(calendar.isWorkingDay(try day("2025-06-14")))        // Saturday is now worked
        #expect(calendar.officeHours(on: try day("2025-06-14")) == [480..<720])
        #expect(!calendar.isWorkingDay(try day("2025-08-18")))       // national cuti bersama still applies
        let result = calendar.adding(d(15, .menit), to: try at("2025-06-13T16:20:00+07:00"))
        #expect(wib(result.instant) == "2025-06-14T08:05:00+07:00")
    }

    @Test("the search path: $SOP_CALENDARS, the folder and its parents, next to the executable")
    func searchPath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let envFolder = folder.appendingPathComponent("office-calendars")
        try write("id: only-in-env\nextends: indonesia\n", to: envFolder.appendingPathComponent("only-in-env.yaml"))
        #expect(CalendarStore.load(id: "only-in-env", searchingFrom: folder.path, environment: [:]).calendar == nil)
        let environment = ["SOP_CALENDARS": envFolder.path]
        #expect(CalendarStore.searchFolders(from: folder.path, environment: environment).first == envFolder.path)
        // Found in $SOP_CALENDARS; its base found in the repository (via the executable's parents).
        let loaded = CalendarStore.load(id: "only-in-env", searchingFrom: folder.path, environment: environment)
        #expect(loaded.calendar?.id == "only-in-env", "\(loaded.diagnostics.map(\.message))")
        let folders = CalendarStore.searchFolders(from: folder.appendingPathComponent("a/b").path)
        #expect(folders.contains(folder.appendingPathComponent("a/b/calendars").path))
        #expect(folders.contains(folder.appendingPathComponent("calendars").path))
        #expect(CalendarStore.load(id: "indonesia", searchingFrom: "/").calendar != nil)   // via the executable
    }

    @Test("loading reports unknown ids, mismatched ids and extends loops")
    func loadProblems() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let calendars = folder.appendingPathComponent("calendars")
        try write("id: something-else\nextends: indonesia\n", to: calendars.appendingPathComponent("misnamed.yaml"))
        try write("id: loop-a\nextends: loop-b\n", to: calendars.appendingPathComponent("loop-a.yaml"))
        try write("id: loop-b\nextends: loop-a\n", to: calendars.appendingPathComponent("loop-b.yaml"))
        try write("id: orphan\nextends: nowhere\n", to: calendars.appendingPathComponent("orphan.yaml"))
        for (id, line, column) in [("no-such-calendar", 0, 0), ("misnamed", 1, 5), ("loop-a", 2, 10), ("orphan", 2, 10), ("../x", 0, 0)] {
            let loaded = CalendarStore.load(id: id, searchingFrom: folder.path)
            #expect(loaded.calendar == nil, "\(id)")
            let problem = loaded.diagnostics.first { $0.code == "SOP606" }
            #expect(problem != nil, "\(id): \(loaded.diagnostics.map(\.message))")
            #expect((problem?.location?.line ?? 0, problem?.location?.column ?? 0) == (line, column), "\(id)")
        }
    }

    // MARK: Diagnostics for broken files

    @Test("the minimal calendar used below is valid")
    func minimalIsValid() throws {
        let parsed = CalendarStore.parse(bytes: minimal(), file: "test.yaml")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        let calendar = try #require(parsed.calendar)
        #expect(calendar.coveredYears == 2025...2025)
        #expect(calendar.officeHours(on: try day("2025-03-03")) == [450..<720, 780..<960])   // no Ramadan hours: ordinary ones
    }

    @Test("broken calendar files give located diagnostics", arguments: [
        (16, "  - {date: 2025-02-30, name: \"X\", kind: libur-nasional}", "SOP602", 16, 12),
        (7, "    mon: {start: \"7.30\", end: \"16:00\"}", "SOP602", 7, 18),
        (4, "  days: [mon, tue, wed, thu, fry]", "SOP603", 4, 30),
        (7, "    mom: {start: \"07:30\", end: \"16:00\", break: [\"12:00\", \"13:00\"]}", "SOP603", 7, 5),
        (7, "    mon: {start: \"16:00\", end: \"07:30\"}", "SOP604", 7, 32),
        (7, "    mon: {start: \"07:30\", end: \"16:00\", break: [\"13:00\", \"12:00\"]}", "SOP604", 7, 58),
        (14, "      - {start: 2025-03-30, end: 2025-03-01}", "SOP604", 14, 34),
        (7, "    mon: {start: \"07:30\", end: \"16:00\", break: [\"16:00\", \"17:00\"]}", "SOP605", 7, 49),
        (7, "    mon: {start: \"07:30\", end: \"16:00\", break: [[\"12:00\", \"13:00\"], [\"12:30\", \"13:30\"]]}", "SOP605", 7, 70),
        (17, "  - {date: 2025-01-01, name: \"Tahun Baru lagi\", kind: libur-nasional}", "SOP607", 17, 12),
        (1, "extends: nowhere-to-be-found", "SOP606", 1, 10),
        (2, "timezone: Asia/Jakarat", "SOP608", 2, 11),
        (15, "holiday:", "SOP601", 15, 1),
        (16, "  - {date: 2025-01-01, name: \"Tahun Baru\", kind: nasional}", "SOP601", 16, 50),
        (11, "    fri: {start: \"07:30\"}", "SOP601", 11, 10),
        (11, "    sat: {start: \"07:30\", end: \"16:30\"}", "SOP601", 4, 30),           // fri has no hours
        (8, "    tue: {start: \"07:30\", end: \"16:00\", break: [\"12:00\", \"13:00\"]", "SOP101", 9, 5),
    ])
    func brokenFile(line: Int, text: String, code: String, atLine: Int, column: Int) {
        let parsed = CalendarStore.parse(bytes: minimal(replacing: line, with: text), file: "broken.yaml")
        #expect(parsed.calendar == nil)
        let found = parsed.diagnostics.first { $0.code == code && $0.severity == .error }
        #expect(found != nil, "\(code) expected, got \(parsed.diagnostics.map { "\($0.code) \($0.message)" })")
        #expect(found?.location == SourceLocation(file: "broken.yaml", line: atLine, column: column),
                "\(found?.message ?? "")")
    }

    @Test("inconsistent totals are warnings, and the calendar still loads", arguments: [
        (5, "  hours_per_week: 40", 5, 19),
        (12, "  break_minutes: {mon: 45}", 12, 24),
    ])
    func totalsWarnings(line: Int, text: String, atLine: Int, column: Int) {
        var lines = minimalLines
        lines[line - 1] = text
        if line == 12 { lines.insert("  ramadan:", at: 12) }
        let parsed = CalendarStore.parse(bytes: Array(lines.joined(separator: "\n").utf8), file: "w.yaml")
        #expect(parsed.calendar != nil)
        #expect(parsed.diagnostics.map(\.code) == ["SOP609"])
        #expect(parsed.diagnostics.first?.severity == .warning)
        #expect(parsed.diagnostics.first?.location == SourceLocation(file: "w.yaml", line: atLine, column: column))
    }
}
