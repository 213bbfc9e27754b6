import Foundation
import Testing
@testable import SOPKit

/// Every Waktu form issue 19 found printed in real SOPs parses to a meaning, and that meaning
/// gives the due time the docs say.
@Suite("Printed waktu forms")
struct WaktuFormsTests {
    static let printed: [(String, String)] = [
        ("kurang lebih (Dua) hari", "about"),
        ("1 (satu) hari sejak Surat Permohonan diterima", "exact"),
        ("maksimal 3 hari kerja sejak permohonan diterima", "at_most"),
        ("3 bulan setelah persyaratan lengkap dan benar, jika : data pemohon valid", "exact"),
        ("Same Day (setelah administrasi lengkap)", "same_day"),
        ("hari itu juga", "same_day"),
        ("Pelayanan diselesaikan dalam waktu paling lama 45 menit.", "at_most"),
        ("Tgl 19/24 setiap bulan", "monthly"),
        ("Setiap awal bulan", "monthly"),
        ("berkas masuk sebelum pukul 13.00 selesai hari itu; setelah pukul 13.00 selesai hari kerja berikutnya", "cutoff"),
    ]

    @Test("each printed form parses, without an error, to its kind", arguments: printed)
    func parses(_ form: (String, String)) {
        let parse = WaktuParser.parse(form.0)
        #expect(!parse.hasErrors, "\(parse.problems)")
        #expect(parse.waktu?.value.kind == form.1)
        #expect(parse.waktu?.raw == form.0)
    }

    @Test("the meanings: words-only numbers, start and condition remarks, the lead-in of a sentence, dates of the month")
    func meanings() throws {
        #expect(WaktuParser.parse("kurang lebih (Dua) hari").waktu?.value == .about(Durasi(2, .hariKerja)))
        let since = try #require(WaktuParser.parse("1 (satu) hari sejak Surat Permohonan diterima").waktu)
        #expect(since.value == .exact(Durasi(1, .hariKerja)) && since.remark == "sejak Surat Permohonan diterima" && since.remarkIsStart == true)
        #expect(WaktuParser.parse("60 menit jika berkas telah lengkap").waktu?.remarkIsStart == false)
        let sentence = try #require(WaktuParser.parse("Pelayanan diselesaikan dalam waktu paling lama 45 menit.").waktu)
        #expect(sentence.value == .atMost(Durasi(45, .menit)) && sentence.lead == "Pelayanan diselesaikan dalam waktu")
        #expect(WaktuParser.parse("Tgl 19/24 setiap bulan").waktu?.value == .monthly(days: [19, 24]))
        #expect(WaktuParser.parse("Setiap awal bulan").waktu?.value == .monthly(days: [1]))
        #expect(WaktuParser.parse("setiap akhir bulan").waktu?.value == .monthly(days: [-1]))
        #expect(WaktuParser.parse("berkas masuk sebelum pukul 13.00 selesai hari itu; setelah pukul 13.00 selesai hari kerja berikutnya").waktu?.value
                == .cutoff(minuteOfDay: 780, before: .sameDay, after: .nextWorkingDay))
        // A misspelt bound is still an error, not a lead-in: only words ending "dalam waktu", "selama", ... lead in.
        #expect(WaktuParser.parse("maksimall 3 hari").hasErrors)
    }

    @Test("SOP420: two deadlines in one cell are an error that says to split the row")
    func twoDeadlines() {
        let parse = WaktuParser.parse("Menerima jawaban 1 (satu) hari sejak Surat Permohonan diterima; Penyaluran maksimal 3 hari kerja sejak jawaban diterima")
        #expect(parse.waktu == nil)
        #expect(parse.problems.map(\.code) == ["SOP420"])
        #expect(parse.problems.first?.message.contains("split it into one row per deadline") == true)
    }

    static func calendar() throws -> WorkingCalendar {
        let (calendar, problems) = CalendarStore.load(id: "indonesia", searchingFrom: TestPaths.sops.path)
        return try #require(calendar, "\(problems)")
    }

    static func instant(_ text: String, _ calendar: WorkingCalendar) -> Date {
        InstantFormat.parse(text, in: calendar.timeZone) ?? .distantPast
    }

    @Test("due times: the same office day, the cut-off hour, the next date of the month")
    func dueTimes() throws {
        let c = try Self.calendar()
        func due(_ value: WaktuValue, _ start: String) -> String {
            c.due(of: value, from: Self.instant(start, c)).map { InstantFormat.string($0.instant, in: c.timeZone) } ?? "-"
        }
        let close = InstantFormat.string(Self.instant("2025-03-17T08:00", c), in: c.timeZone).prefix(10)
        #expect(close == "2025-03-17")
        // Monday 17 March 2025: the office closes at the end of its last interval.
        let mondayClose = due(.sameDay, "2025-03-17T10:00")
        #expect(mondayClose.hasPrefix("2025-03-17T"))
        #expect(due(.sameDay, "2025-03-17T20:00").hasPrefix("2025-03-18T"))  // after hours: the next office day
        let cut = WaktuValue.cutoff(minuteOfDay: 780, before: .sameDay, after: .nextWorkingDay)
        #expect(due(cut, "2025-03-17T12:59") == mondayClose)
        #expect(due(cut, "2025-03-17T13:00").hasPrefix("2025-03-18T"))
        #expect(due(cut, "2025-03-21T14:00").hasPrefix("2025-03-24T"))  // Friday afternoon: Monday
        #expect(due(.monthly(days: [19, 24]), "2025-03-17T10:00").hasPrefix("2025-03-19T"))
        #expect(due(.monthly(days: [19, 24]), "2025-03-20T10:00").hasPrefix("2025-03-24T"))
        #expect(due(.monthly(days: [19, 24]), "2025-03-25T10:00").hasPrefix("2025-04-21T"))  // 19 April 2025 is a Saturday
        #expect(due(.monthly(days: [-1]), "2025-02-03T10:00").hasPrefix("2025-02-28T"))
    }

    // MARK: 5. Months are calendar months

    @Test("months are calendar months in show, run and the report: 31 Jan + 3 bulan = 30 Apr; show gives months, not 129,600 minutes")
    func calendarMonths() throws {
        let c = try Self.calendar()
        let threeMonths = try #require(WaktuParser.parse("3 bulan").waktu)
        let json = SOPJSON.waktu(threeMonths).serialized(indent: nil)
        #expect(json.contains("\"months\":3") && !json.contains("129600"), "\(json)")
        let due = c.adding(Durasi(3, .bulan), to: Self.instant("2025-01-31T09:00", c)).instant
        #expect(InstantFormat.string(due, in: c.timeZone).hasPrefix("2025-04-30T09:00"))
        let feb = c.adding(Durasi(3, .bulan), to: Self.instant("2025-02-03T09:00", c)).instant
        #expect(InstantFormat.string(feb, in: c.timeZone).hasPrefix("2025-05-03T09:00"))
    }
}
