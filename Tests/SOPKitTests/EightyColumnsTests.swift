import Foundation
import Testing
@testable import SOPKit

/// `case show` and `tasks` keep every line within 80 columns in both languages (issue 16): the
/// calendar line, the timeline and a task line grow with Indonesian dates and are broken at a
/// space, the rest indented under the line.
@Suite("case show and tasks within 80 columns")
struct EightyColumnsTests {
    @Test("a long line is broken at the last space that fits, the rest indented; its spacing and words are kept")
    func hanging() {
        let line = "  Senin, 7 Desember 2026 pukul 13.27  perintah-spt: kasi selesai  [root sebagai kasi; dicatat Senin, 7 Desember 2026 pukul 13.27]"
        let pieces = TextWrap.hanging(line, width: 80)
        #expect(pieces == ["  Senin, 7 Desember 2026 pukul 13.27  perintah-spt: kasi selesai  [root sebagai",
                           "      kasi; dicatat Senin, 7 Desember 2026 pukul 13.27]"])
        #expect(TextWrap.hanging("pendek  sekali", width: 80) == ["pendek  sekali"])
        // A word longer than the room is cut, never lost.
        let word = String(repeating: "x", count: 100)
        #expect(TextWrap.hanging("a " + word, width: 40).joined().filter { $0 == "x" }.count == 100)
        #expect(TextWrap.hanging("a " + word, width: 40).allSatisfy { $0.count <= 40 })
    }

    @Test("case show and tasks print no line wider than 80 columns, in Indonesian and in English")
    func caseShowAndTasks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-80-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("j.sqlite").path
        let opened = try CLI.run(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi Santoso bin Ahmad Hidayat",
                                  "--data", "putus_sekolah=true", "--at", "2025-09-17T08:00", "--db", db])
        try #require(opened.status == 0, "\(opened.stderr)")
        let done = try CLI.run(["case", "do", "AJ-0001", "perintah-spt", "--as", "kasi", "--at", "2025-09-17T08:05", "--db", db])
        try #require(done.status == 0, "\(done.stderr)")
        for bahasa in ["id", "en"] {
            let show = try CLI.run(["case", "show", "AJ-0001", "--db", db, "--bahasa", bahasa])
            let tasks = try CLI.run(["tasks", "--as", "petugas", "--db", db, "--bahasa", bahasa])
            #expect(show.status == 0 && tasks.status == 0, "\(show.stderr) \(tasks.stderr)")
            for output in [show.stdout, tasks.stdout] {
                let wide = output.split(separator: "\n").filter { $0.count > 80 }
                #expect(wide.isEmpty, "\(bahasa): \(wide.joined(separator: "\n"))")
            }
            #expect(tasks.stdout.contains("AJ-0001"), "\(tasks.stdout)")
            // Broken, not lost: the timeline still names who did what.
            #expect(show.stdout.contains(bahasa == "id" ? "sebagai" : "as kasi"), "\(show.stdout)")
        }
    }

    @Test("sop test keeps its LULUS and GAGAL lines within 80 columns, every scenario's path still shown whole")
    func scenarioLines() throws {
        for bahasa in ["id", "en"] {
            let result = try CLI.run(["test", "sops/", "--bahasa", bahasa])
            #expect(result.status == 0, "\(result.stderr)")
            let wide = result.stdout.split(separator: "\n").filter { $0.count > 80 }
            #expect(wide.isEmpty, "\(bahasa): \(wide.joined(separator: "\n"))")
            let scenarios = try FileManager.default.contentsOfDirectory(atPath: TestPaths.root.appendingPathComponent("sops").path).filter { $0.hasSuffix(".skenario.yaml") }
            try #require(!scenarios.isEmpty)
            for file in scenarios { #expect(result.stdout.contains("(sops/\(file))"), "\(file) missing in \(result.stdout)") }
        }
    }
}
