import Foundation
import Testing
@testable import SOPKit

/// `sop run` and `sop test`, end to end on the built binary.
@Suite("sop run and sop test")
struct RunCLITests {
    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("a child who dropped out and one who did not take different paths, and both complete")
    func dropoutPaths() throws {
        var paths: [[String]] = []
        for value in ["true", "false"] {
            let r = try CLI.run(["run", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=\(value)",
                                 "--start", "2025-01-06T08:00", "--format", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            let report = try json(r.stdout)
            #expect(report["outcome"] as? String == "completed")
            paths.append(report["path"] as? [String] ?? [])
            let steps = try #require(report["steps"] as? [[String: Any]])
            #expect(steps.allSatisfy { $0["status"] as? String == "on_time" })
            #expect(steps.first?["due"] as? String == "2025-01-06T08:15:00+07:00")
            let keys = Set(steps.first.map { Array($0.keys) } ?? [])
            #expect(keys.isSuperset(of: ["step", "performers", "started", "finished", "standard", "actual_minutes", "due", "status"]))
        }
        #expect(paths[0] == ["perintah-spt", "disposisi-spt", "penjangkauan", "pendampingan", "support-group"])
        #expect(paths[1] == ["perintah-spt", "disposisi-spt", "penjangkauan", "support-group"])
    }

    @Test("the text trace shows each step and a summary")
    func textTrace() throws {
        let r = try CLI.run(["run", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true",
                             "--start", "2025-01-06T08:00"])
        #expect(r.status == 0)
        // One record per step: heading, then when it ran, then its standard against the actual time.
        #expect(r.stdout.contains("3. penjangkauan: kasi, peksos, petugas — on time → Ya\n"
                                  + "   started 2025-01-06T08:30:00+07:00; finished 2025-01-07T08:30:00+07:00\n"
                                  + "   standard 1 Hari; actual 1 hari kerja; due 2025-01-07T08:30:00+07:00\n"), "\(r.stdout)")
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(r.stdout)")
        #expect(r.stdout.contains("outcome:   completed"))
        // A summary line longer than 80 columns continues under its value.
        let summary = r.stdout.replacingOccurrences(of: "\n           ", with: " ")
        #expect(summary.contains("path:      perintah-spt → disposisi-spt → penjangkauan → pendampingan → support-group"))
        #expect(r.stdout.contains("sessions:  12 attended, 0 missed"))
        #expect(r.stdout.contains("overdue:   none"))
    }

    @Test("a decision with no rule and no answer stops with a clear message; --answer takes loops in order")
    func answers() throws {
        let stopped = try CLI.run(["run", "sops/pembuatan-duk.yaml", "--data", "tahun=2025", "--start", "2025-03-03T08:00"])
        #expect(stopped.status == 1)
        #expect(stopped.stderr.contains("step 'periksa-konsep' is a decision taken by a performer (Konsep DUK sesuai?); give --answer periksa-konsep=Ya|Tidak"))
        let looped = try CLI.run(["run", "sops/pembuatan-duk.yaml", "--data", "tahun=2025", "--start", "2025-03-03T08:00",
                                  "--answer", "periksa-konsep=Tidak", "--answer", "periksa-konsep=Ya", "--format", "json"])
        #expect(looped.status == 0, "\(looped.stderr)")
        let report = try json(looped.stdout)
        #expect(report["path"] as? [String] == ["kumpulkan-data", "konsep-duk", "periksa-konsep", "konsep-duk", "periksa-konsep",
                                                "buat-duk", "paraf-duk", "tandatangani-duk", "umumkan-arsipkan"])
        let rounds = (report["steps"] as? [[String: Any]])?.map { $0["round"] as? Int ?? 0 }
        #expect(rounds == [1, 1, 1, 2, 2, 1, 1, 1, 1])
        #expect(report["total_minutes"] as? Int == 110)
    }

    @Test("bad case data, dates and options are refused with a message")
    func refusals() throws {
        let badData = try CLI.run(["run", "sops/anak-jalanan.yaml", "--data", "putus_sekolah=yes", "--start", "2025-01-06"])
        #expect(badData.status == 64)  // a bad --data value is a usage error (issue 12)
        #expect(badData.stderr.contains("putus_sekolah: 'yes' is not a boolean (true or false); write true"))
        #expect(badData.stderr.contains("missing required case field 'nama_anak'"))
        let badStart = try CLI.run(["run", "sops/anak-jalanan.yaml", "--data", "nama_anak=A", "--data", "putus_sekolah=true", "--start", "kemarin"])
        #expect(badStart.status == 64)
        #expect(badStart.stderr.contains("sop: --start: 'kemarin' is not a date or time"))
    }

    @Test("--scenario replays a history; an illegal action is refused at the scenario's file:line:col")
    func scenarioReplay() throws {
        let ok = try CLI.run(["run", "sops/anak-jalanan.yaml", "--scenario", "sops/anak-jalanan.terlambat.skenario.yaml", "--format", "json"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let report = try json(ok.stdout)
        #expect(report["outcome"] as? String == "open")
        #expect(report["overdue"] as? [String] == ["penjangkauan"])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sop-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("salah.skenario.yaml")
        try """
        skenario: Kadis memerintahkan SPT
        sop: anak-jalanan
        mulai: 2025-01-06T08:00
        data: {nama_anak: Budi, putus_sekolah: true}
        riwayat:
          - langkah: perintah-spt
            oleh: kadis
        """.write(to: scenario, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["run", "sops/anak-jalanan.yaml", "--scenario", scenario.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("\(scenario.path):6:5: error: refused: Pimpinan SKPD (kadis) does not perform step 'perintah-spt'"))
    }

    @Test("`sop test sops/` runs every shipped scenario; the last line is N passed, M failed")
    func testShipped() throws {
        let r = try CLI.run(["test", "sops/"])
        #expect(r.status == 0, "\(r.stdout)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.last == "9 passed, 0 failed")
        #expect(lines.filter { $0.hasPrefix("PASS ") }.count == 9)
    }

    @Test("a scenario whose expectations do not hold fails with the reason at its position, exit 1")
    func testFailing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sop-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: TestPaths.sops.appendingPathComponent("anak-jalanan.yaml"),
                                         to: dir.appendingPathComponent("anak-jalanan.yaml"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("calendars"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.root.appendingPathComponent("calendars/indonesia.yaml"),
                                         to: dir.appendingPathComponent("calendars/indonesia.yaml"))
        try """
        skenario: Harapan keliru
        sop: anak-jalanan
        mulai: 2025-01-06T08:00
        data: {nama_anak: Budi, putus_sekolah: false}
        riwayat:
          - langkah: perintah-spt
        harapan:
          jalur: [perintah-spt, pendampingan]
          hasil: selesai
        """.write(to: dir.appendingPathComponent("keliru.skenario.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["test", "."], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("FAIL Harapan keliru"))
        #expect(r.stdout.contains("./keliru.skenario.yaml:8:3: error: expected path perintah-spt → pendampingan but the case took perintah-spt → disposisi-spt [SOP710]"))
        #expect(r.stdout.contains("./keliru.skenario.yaml:9:3: error: expected outcome selesai (completed) but the case is berjalan (open) [SOP710]"))
        #expect(r.stdout.split(separator: "\n").last == "0 passed, 1 failed")
    }
}
