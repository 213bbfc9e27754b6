import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// Issue 13, "the next year": when the SKB of a year is published, an office adds it as data to its
/// own calendar (extends: indonesia) and `sop calendar update` applies it to its open cases. The
/// dates below are test data standing in for a published SKB, not the real 2027 decree.
@Suite("A new year's SKB added to an office calendar (issue 13)")
struct SKBUpdateTests {
    private static let zone = TimeZone(identifier: "Asia/Jakarta")!
    private func at(_ text: String) -> Date { InstantFormat.parse(text, in: Self.zone)! }
    private func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    private static let skb2027 = """
        holidays:
          # Test data standing in for "SKB 3 Menteri tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027".
          - {date: 2027-01-01, name: "Tahun Baru 2027 Masehi", kind: libur-nasional, basis: skb-2027}
          - {date: 2027-01-04, name: "Cuti Bersama (test)", kind: cuti-bersama}
          - {date: 2027-01-06, name: "Isra Mikraj Nabi Muhammad SAW", kind: libur-nasional}
          - {date: 2027-03-11, name: "Idul Fitri 1448 Hijriah (test)", kind: libur-nasional}
          - {date: 2027-03-12, name: "Idul Fitri 1448 Hijriah (test)", kind: libur-nasional}
          - {date: 2027-06-16, name: "Rapat kerja tahunan"}
        workweek:
          ramadan:
            periods:
              - {hijri: 1448, start: 2027-02-09, end: 2027-03-10}

        """

    /// A folder with `calendars/kantor-skb.yaml` (extends the national calendar; `extra` appended).
    private struct Office {
        let folder: URL
        init(extra: String = "") throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-skb-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("calendars"), withIntermediateDirectories: true)
            try write(extra)
        }
        func write(_ extra: String) throws {
            try ("id: kantor-skb\nextends: indonesia\n" + extra)
                .write(to: folder.appendingPathComponent("calendars/kantor-skb.yaml"), atomically: true, encoding: .utf8)
        }
        func load() -> (calendar: WorkingCalendar?, diagnostics: [Diagnostic]) {
            CalendarStore.load(id: "kantor-skb", searchingFrom: folder.path)
        }
        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test("the office's SKB replaces the provisional days off of its year, which becomes decreed for that office only")
    func decreedPerOffice() throws {
        let office = try Office(extra: Self.skb2027)
        defer { office.remove() }
        let (loaded, diagnostics) = office.load()
        let calendar = try #require(loaded, "\(diagnostics)")
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(calendar.coveredYears == 2024...2027)
        #expect(calendar.provisionalYears == 2028...2036)
        #expect(!calendar.isProvisional(year: 2027))
        // The SKB's dates, decreed; the computed Idul Fitri (10 March) and Idul Adha are gone with the rest of the rule's 2027.
        #expect(calendar.holiday(on: day("2027-03-12"))?.provisional == false)
        #expect(calendar.holiday(on: day("2027-01-04"))?.kind == Holiday.cutiBersama)
        #expect(calendar.holiday(on: day("2027-03-10")) == nil)
        #expect(calendar.holiday(on: day("2027-05-17")) == nil)
        #expect(calendar.holiday(on: day("2027-06-16"))?.kind == Holiday.office)
        // 2028 is still computed by rule.
        #expect(calendar.holiday(on: day("2028-01-01"))?.provisional == true)
        // Ramadan 2027 from the office's data; the decreed years' periods and the later computed ones stay.
        #expect(calendar.ramadanPeriods.filter { $0.lowerBound.year == 2027 } == [day("2027-02-09")...day("2027-03-10")])
        #expect(calendar.ramadanPeriods.filter { $0.lowerBound.year == 2025 }.count == 1)
        #expect(calendar.ramadanPeriods.filter { $0.lowerBound.year == 2028 }.count == 1)
        // The national calendar, and any other office, still count 2027 as provisional.
        let national = try #require(CalendarStore.load(id: "indonesia", searchingFrom: office.folder.path).calendar)
        #expect(national.isProvisional(year: 2027))
        #expect(national.holiday(on: day("2027-03-10"))?.provisional == true)
    }

    @Test("a year's SKB cannot be skipped: data for 2028 without 2027 is refused, naming the missing year")
    func noGap() throws {
        let office = try Office(extra: "holidays:\n  - {date: 2028-01-03, name: \"Cuti Bersama\", kind: cuti-bersama}\n")
        defer { office.remove() }
        let (calendar, diagnostics) = office.load()
        #expect(calendar == nil || diagnostics.hasErrors)
        #expect(diagnostics.contains { $0.code == "SOP601" && $0.message.contains("lists libur nasional or cuti bersama for 2028 but none for 2027") },
                "\(diagnostics.map(\.message))")
    }

    @Test("sop calendar update applies the office's SKB to its open cases: the due time moves past the new cuti bersama and is no longer provisional",
          arguments: Backend.enabled)
    func appliedByUpdate(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let office = try Office()
        defer { office.remove() }
        let fixed = at("2026-12-02T09:00")
        let s = CaseService(store: try db.open(), actor: "siti", calendarFolder: office.folder.path, clock: { fixed })
        let text = try String(contentsOf: TestPaths.sops.appendingPathComponent("anak-jalanan.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  kalender: indonesia\n", with: "  kalender: kantor-skb\n")
            .replacingOccurrences(of: "    waktu: 15 menit\n", with: "    waktu: 30 hari kerja\n")
        let sop = try #require(ValidatedSOP(SOPLoader().load(text: text)))
        let id = try s.open(sop, data: ["nama_anak": "Budi", "putus_sekolah": "true"], documents: [], at: at("2026-12-01T08:00"), key: nil).caseID
        let before = try #require(try s.load(id).state.runs.first?.due)
        let context = try s.load(id).context
        #expect(context.formatDue(before).hasSuffix(" (provisional)"), "\(context.formatDue(before))")
        #expect(context.calendar.date(of: before) > day("2027-01-04"))
        try office.write(Self.skb2027)
        let updated = try #require(office.load().calendar)
        let plan = try s.planCalendarUpdate(updated)
        let move = try #require(plan.cases.first { $0.caseID == id })
        let due = try #require(move.moves.first { $0.what == "step perintah-spt" }, "\(move.moves)")
        #expect(due.before == before)
        #expect(due.why.contains { $0.contains("2027-01-04") }, "\(due.why)")
        _ = try s.applyCalendarUpdate(plan, key: nil)
        let after = try s.load(id)
        let moved = try #require(after.state.runs.first?.due)
        #expect(moved > before)
        #expect(after.context.calendar.coveredYears == 2024...2027)
        #expect(!after.context.formatDue(moved).contains("provisional"), "\(after.context.formatDue(moved))")
    }
}
