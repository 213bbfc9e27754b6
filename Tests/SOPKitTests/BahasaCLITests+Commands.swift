import Foundation
import Testing
import SOPKit

/// The texts issue 16 left English at first: option help and ArgumentParser's own words, the
/// commands' refusals and outputs (calendar, journal, migrate, user, simulate, case migrate, diff
/// values) and the help of the newer commands, each in both languages.
extension BahasaCLITests {
    @Test("option help and ArgumentParser's headings are in the language asked")
    func optionHelpBothLanguages() throws {
        let id = try CLI.run(["validate", "--help", "--bahasa", "id"])
        #expect(id.status == 0)
        #expect(id.stdout.contains("Gagal juga bila ada peringatan.") && id.stdout.contains("Bentuk keluaran: text atau json."), "\(id.stdout)")
        #expect(id.stdout.contains("OPSI:") && id.stdout.contains("ARGUMEN:") && id.stdout.contains("PENGGUNAAN: sop validate"))
        #expect(id.stdout.contains("Menampilkan bantuan.") && !id.stdout.contains("Show help information."))
        #expect(id.stdout.contains("(nilai: text, json;") && id.stdout.contains("bawaan: text)") && !id.stdout.contains("default:"), "\(id.stdout)")
        let en = try CLI.run(["validate", "--help", "--bahasa", "en"])
        #expect(en.stdout.contains("Fail on warnings too.") && en.stdout.contains("OPTIONS:") && en.stdout.contains("Show help information."))
    }

    @Test("ArgumentParser's errors are in the language asked, name the option and exit 64",
          arguments: [
            (["run", "--bahasa", "id"], "Kesalahan: Argumen '<sop>' belum diberikan", "Error: Missing expected argument '<sop>'"),
            (["validate", "--bogus", "sops/"], "Kesalahan: Opsi '--bogus' tidak dikenal", "Error: Unknown option '--bogus'"),
            (["run", "sops/anak-jalanan.yaml", "--format", "xml"], "Kesalahan: Nilai 'xml' tidak sah untuk '--format <format>'. Berikan salah satu dari 'text' atau 'json'.",
             "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text' and 'json'."),
            (["show", "--width"], "Kesalahan: Nilai untuk '--width <columns>' belum diberikan", "Error: Missing value for '--width <columns>'"),
          ])
    func parserErrorsBothLanguages(_ arguments: [String], _ indonesian: String, _ english: String) throws {
        let id = try CLI.run(arguments, environment: ["SOP_BAHASA": "id"])
        #expect(id.status == 64)
        #expect(id.stderr.contains(indonesian), "\(id.stderr)")
        #expect(id.stderr.contains("Cara pakai: sop ") && id.stderr.contains("untuk keterangan lebih lanjut."), "\(id.stderr)")
        let en = try CLI.run(arguments.filter { $0 != "id" && $0 != "--bahasa" })
        #expect(en.status == 64)
        #expect(en.stderr.contains(english), "\(en.stderr)")
        #expect(en.stderr.contains("Usage: sop "))
    }

    @Test("the newer commands' help (serve, user, simulate, journal rebuild) in both languages")
    func newCommandsHelp() throws {
        for (command, indonesian, english) in [(["serve"], "Melayani kasus-kasus kantor", "Serves the office's cases"),
                                               (["user", "add"], "Menambahkan pengguna dengan peran", "Adds a user with the roles"),
                                               (["simulate"], "Menyimulasikan kasus yang datang", "Simulates cases arriving"),
                                               (["journal", "rebuild"], "Membangun ulang model baca", "Rebuilds the read model")] {
            let id = try CLI.run(["help"] + command + ["--bahasa", "id"])
            #expect(id.stdout.contains(indonesian), "\(id.stdout)")
            let en = try CLI.run(["help"] + command + ["--bahasa", "en"])
            #expect(en.stdout.contains(english), "\(en.stdout)")
        }
    }

    @Test("sop calendar show and the command refusals in both languages")
    func calendarAndRefusals() throws {
        let id = try CLI.run(["calendar", "show", "--year", "2025", "--bahasa", "id"])
        #expect(id.stdout.contains("kalender:    indonesia") && id.stdout.contains("zona waktu:  Asia/Jakarta"), "\(id.stdout)")
        #expect(id.stdout.contains("ditetapkan") && id.stdout.contains("Jam kerja Ramadan"))
        let en = try CLI.run(["calendar", "show", "--year", "2025", "--bahasa", "en"])
        #expect(en.stdout.contains("calendar:    indonesia") && en.stdout.contains("time zone:   Asia/Jakarta") && en.stdout.contains("Ramadan office hours"))
        let migrateID = try CLI.run(["migrate", "--from", "a.sqlite", "--to", "b.sqlite", "--bahasa", "id"])
        #expect(migrateID.status == 64 && migrateID.stderr.contains("--to harus URL PostgreSQL"), "\(migrateID.stderr)")
        let migrateEN = try CLI.run(["migrate", "--from", "a.sqlite", "--to", "b.sqlite"])
        #expect(migrateEN.status == 64 && migrateEN.stderr.contains("--to must be a PostgreSQL URL"))
        let dateID = try CLI.run(["simulate", "sops/anak-jalanan.yaml", "--arrivals", "40/bulan", "--from", "kemarin", "--bahasa", "id"])
        #expect(dateID.status == 64 && dateID.stderr.contains("sop: --from: 'kemarin' bukan tanggal; tulis misalnya 2025-01-01 (TTTT-BB-HH)"), "\(dateID.stderr)")
    }

    @Test("the case migrate plan and a journal's outputs in both languages")
    func caseMigratePlanBothLanguages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-bahasa-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("sop.sqlite").path
        let opened = try CLI.run(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true",
                                  "--at", "2025-01-06T08:00", "--db", db, "--bahasa", "id"])
        #expect(opened.status == 0 && opened.stdout.contains("kasus anak-jalanan ("), "\(opened.stderr)")
        let plan = ["case", "migrate", "--to", "Tests/SOPKitTests/Fixtures/revisions/add-step.yaml", "--all-open", "--dry-run", "--db", db]
        let id = try CLI.run(plan + ["--bahasa", "id"])
        #expect(id.stdout.contains("rencana ") && id.stdout.contains(": di ") && id.stdout.contains(": siap"), "\(id.stdout)\(id.stderr)")
        let en = try CLI.run(plan + ["--bahasa", "en"])
        #expect(en.stdout.contains("plan ") && en.stdout.contains(": at ") && en.stdout.contains(": ready"), "\(en.stdout)")
        let verify = try CLI.run(["journal", "verify", "--db", db, "--bahasa", "id"])
        #expect(verify.stdout.contains("1 kasus dengan") && verify.stdout.contains("setiap rantai utuh"), "\(verify.stdout)")
    }

    @Test("the before/after values inside sop diff lines are in the language asked")
    func diffValuesBothLanguages() throws {
        let arguments = ["diff", "sops/anak-jalanan.yaml", "Tests/SOPKitTests/Fixtures/revisions/remove-step.yaml"]
        let id = try CLI.run(arguments + ["--bahasa", "id"])
        #expect(id.stdout.contains("(tanpa keputusan): (jalur tidak ada) → 2 hari kerja 30 menit"), "\(id.stdout)")
        #expect(id.stdout.contains("keputusan: Anak putus sekolah? → (tidak ada)") && !id.stdout.contains("no decisions"), "\(id.stdout)")
        let en = try CLI.run(arguments + ["--bahasa", "en"])
        #expect(en.stdout.contains("(no decisions): (no such path) → 2 hari kerja 30 menit"), "\(en.stdout)")
    }

    @Test("sop simulate's text report in both languages, with Indonesian decimals, within 80 columns")
    func simulateReportBothLanguages() throws {
        let arguments = ["simulate", "sops/anak-jalanan.yaml", "--arrivals", "40/bulan", "--runs", "2", "--from", "2025-01-01", "--to", "2025-03-01"]
        let id = try CLI.run(arguments + ["--bahasa", "id"])
        #expect(id.stdout.contains("Simulasi anak-jalanan") && id.stdout.contains("Kedatangan: 40/bulan") && id.stdout.contains("Rabu, 1 Januari 2025"), "\(id.stdout)\(id.stderr)")
        #expect(id.stdout.contains("antre p90") && id.stdout.contains("lama penyelesaian") && !id.stdout.contains("Steps ("))
        let en = try CLI.run(arguments + ["--bahasa", "en"])
        #expect(en.stdout.contains("Simulation of anak-jalanan") && en.stdout.contains("wait p90") && en.stdout.contains("lead time"))
        for line in (id.stdout + en.stdout).split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    @Test("sop run fits 80 columns in both languages, and its total standard keeps a year as the author wrote it")
    func runFitsEightyColumns() throws {
        let run = ["run", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true", "--start", "2025-01-06T08:00"]
        for bahasa in ["id", "en"] {
            let r = try CLI.run(run + ["--bahasa", bahasa])
            #expect(r.status == 0, "\(r.stderr)")
            for line in r.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(bahasa): \(line)") }
            let summary = r.stdout.replacingOccurrences(of: "\n           ", with: " ")
            #expect(summary.contains("1 tahun + 3 hari kerja + 30 menit"), "\(r.stdout)")
            #expect(!r.stdout.contains("234 hari kerja"), "\(r.stdout)")
        }
        let id = try CLI.run(run + ["--bahasa", "id"])
        #expect(id.stdout.contains("1. perintah-spt: kasi, petugas — tepat waktu"), "\(id.stdout)")
        #expect(id.stdout.contains("   mulai Senin, 6 Januari 2025 pukul 08.00; selesai pukul 08.15"), "\(id.stdout)")
    }

    @Test("the pages of sop serve come from the catalogue: Indonesian by default, English when the server is told")
    func pageTextsBothLanguages() throws {
        // The catalogue entries the pages read exist in both languages (the page tests read the Indonesian).
        let entries = MessageCatalogue.entries.filter { $0.key.hasPrefix("PageMessages.") }
        #expect(entries.count > 60)
        #expect(entries.first { $0.key == "PageMessages.myTasks" }?.texts.id == "Tugas saya")
        #expect(entries.first { $0.key == "PageMessages.myTasks" }?.texts.en == "My tasks")
    }
}
