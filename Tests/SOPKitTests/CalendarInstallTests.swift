import Foundation
import Testing
@testable import SOPKit

/// Issue 13, findings 5 and 6: the national calendar is compiled into `sop`, and the years after
/// the decreed ones get provisional holidays computed by rule, marked as such.
@Suite("Built-in and provisional calendar")
struct CalendarInstallTests {
    private static let national = CalendarStore.load(id: "indonesia", searchingFrom: TestPaths.root.path).calendar

    private func indonesia() throws -> WorkingCalendar {
        try #require(Self.national)
    }

    @Test("the copy compiled into sop is byte for byte calendars/*.yaml (run scripts/embed-calendars.sh after an edit)")
    func embeddedEqualsFiles() throws {
        let folder = TestPaths.root.appendingPathComponent("calendars")
        let files = TestPaths.files(in: folder, ext: "yaml")
        #expect(CalendarStore.builtInIDs == files.map { $0.deletingPathExtension().lastPathComponent })
        for file in files {
            let id = file.deletingPathExtension().lastPathComponent
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(CalendarStore.builtInText(id: id) == text, "\(id).yaml differs from the compiled-in copy")
        }
    }

    @Test("with no calendars/ folder anywhere, the compiled-in national calendar is used")
    func builtInFallback() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("sop-nocal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let loaded = CalendarStore.load(id: "indonesia", nearbyOnly: empty.path)
        let calendar = try #require(loaded.calendar, "\(loaded.diagnostics.map(\.message))")
        #expect(calendar.source == CalendarStore.builtInPrefix + "indonesia.yaml")
        #expect(calendar.holidays.filter { !$0.provisional } == (try indonesia()).holidays.filter { !$0.provisional })
    }

    @Test("the decreed 2024-2026 days off are kept, and 2027-2036 are provisional")
    func provisionalYears() throws {
        let calendar = try indonesia()
        #expect(calendar.coveredYears == 2024...2026)
        #expect(calendar.provisionalYears == 2027...2036)
        #expect(calendar.holidays.filter { $0.date.year <= 2026 }.allSatisfy { !$0.provisional })
        #expect(calendar.holidays.filter { $0.date.year >= 2027 }.allSatisfy { $0.provisional })
        let first = try #require(CalendarDate(year: 2027, month: 1, day: 1))
        let newYear = try #require(calendar.holiday(on: first))
        #expect(newYear.provisional && newYear.kind == Holiday.liburNasional)
        #expect(calendar.isWorkingDay(first) == false)
        // Idul Fitri 1448 and the Ramadan before it (Ramadan office hours).
        #expect(calendar.holidays.contains { $0.date.year == 2027 && $0.name.contains("Idul Fitri 1448") })
        #expect(calendar.ramadanPeriods.contains { $0.lowerBound.year == 2027 })
        #expect(calendar.ramadanPeriods.filter { $0.lowerBound.year == 2026 }.count == 1)   // the decreed one, not doubled
    }

    /// Each rule against what the SKBs of 2024-2026 decreed: the keyword of the decreed name and
    /// how many days a rule may be off (Kemenag sights the moon; the Balinese reckoning is its own).
    @Test("the rules reproduce the decreed 2024-2026 dates (exact, or within one day where sighting decides)",
          arguments: [("Masehi", 0), ("Buruh", 0), ("Pancasila", 0), ("Proklamasi", 0), ("Natal|Kelahiran", 0),
                      ("Wafat", 0), ("Paskah", 0), ("Kenaikan", 0), ("Imlek", 0), ("Waisak", 1), ("Nyepi", 1),
                      ("Isra", 1), ("Idul Fitri", 1), ("Idul Adha", 1), ("Muharam|Tahun Baru Islam", 1), ("Maulid", 1)])
    func rulesMatchDecrees(keyword: String, tolerance: Int) throws {
        let decreed = try indonesia().holidays.filter { $0.kind == Holiday.liburNasional && !$0.provisional }
        let keys = keyword.split(separator: "|").map(String.init)
        func matches(_ h: Holiday) -> Bool { keys.contains { h.name.contains($0) } && !h.name.contains("Cuti") }
        for year in 2024...2026 {
            let official = decreed.filter { $0.date.year == year && matches($0) }.map(\.date.dayNumber).sorted()
            let computed = ProvisionalHolidays.holidays(year: year).filter(matches).map(\.date.dayNumber).sorted()
            #expect(official.count == computed.count, "\(keyword) \(year): \(official) vs \(computed)")
            for (a, b) in zip(official, computed) {
                #expect(abs(a - b) <= tolerance, "\(keyword) \(year): decreed \(CalendarDate(dayNumber: a)), computed \(CalendarDate(dayNumber: b))")
            }
        }
    }

    @Test("the computed Ramadan periods are within a day of the sighted ones")
    func ramadanRule() throws {
        let decreed = try indonesia().ramadanPeriods.filter { $0.lowerBound.year <= 2026 }
        #expect(decreed.count == 3)
        for period in decreed {
            let computed = try #require(ProvisionalHolidays.ramadan(year: period.lowerBound.year).first)
            #expect(abs(computed.lowerBound.dayNumber - period.lowerBound.dayNumber) <= 1)
            #expect(abs(computed.upperBound.dayNumber - period.upperBound.dayNumber) <= 1)
        }
    }

    @Test("Easter by the computus", arguments: [(2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2038, 4, 25)])
    func easter(year: Int, month: Int, day: Int) {
        #expect(ProvisionalHolidays.easterSunday(year: year) == CalendarDate(year: year, month: month, day: day))
    }

    @Test("sop validate warns (SOP610) when the decreed days off end within 60 days, and not before")
    func coverageWarning() throws {
        let calendar = try indonesia()
        func at(_ text: String) throws -> Date { try #require(InstantFormat.parse(text, in: calendar.timeZone)) }
        #expect(CalendarCoverage.warning(for: calendar, now: try at("2026-10-01T08:00"), at: nil) == nil)
        let near = try #require(CalendarCoverage.warning(for: calendar, now: try at("2026-12-06T08:00"), at: nil))
        #expect(near.code == "SOP610" && near.severity == .warning)
        #expect(near.message == "the decreed days off of the working calendar 'indonesia' end on 2026-12-31, 25 days from now; due times after that count provisional holidays computed by rule (2027-2036)")
        let past = try #require(CalendarCoverage.warning(for: calendar, now: try at("2027-02-01T08:00"), at: nil))
        #expect(past.message.contains("ended on 2026-12-31"))
    }
}
