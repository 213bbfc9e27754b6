import Foundation
import Testing

/// The refusals of `sop simulate`'s input and of `sop serve`'s TLS files, in both languages: the
/// option or the file named the same way, the words in the language asked.
extension BahasaCLITests {
    @Test("sop simulate's refusals of bad input are in the language asked, name the option and exit 64")
    func simulateRefusalsBothLanguages() throws {
        let arguments = ["simulate", "sops/anak-jalanan.yaml", "--arrivals", "40/bulan", "--staff", "direktur=1", "--runs", "1"]
        let id = try CLI.run(arguments + ["--bahasa", "id"])
        #expect(id.status == 64, "\(id.stderr)")
        #expect(id.stderr.hasPrefix("sop: --staff: 'direktur' bukan pelaksana anak-jalanan (pelaksana: kadis, kabid, kasi") && id.stderr.hasSuffix(")\n"),
                "\(id.stderr)")
        let en = try CLI.run(arguments + ["--bahasa", "en"])
        #expect(en.status == 64)
        #expect(en.stderr.hasPrefix("sop: --staff: 'direktur' is not a performer of anak-jalanan (performers: "), "\(en.stderr)")
        // At parse time too (ArgumentParser's own error line), and with a did-you-mean.
        let rate = try CLI.run(["simulate", "sops/anak-jalanan.yaml", "--arrivals", "40/abad", "--bahasa", "id"])
        #expect(rate.status == 64 && rate.stderr.contains("'abad' dalam '40/abad' bukan periode; tulis hari, minggu, bulan atau tahun"), "\(rate.stderr)")
        let share = try CLI.run(["simulate", "sops/anak-jalanan.yaml", "--arrivals", "40/bulan", "--share", "jangkauan=Ya:0.5", "--bahasa", "id"])
        #expect(share.status == 64 && share.stderr.contains("'jangkauan' bukan langkah anak-jalanan (keputusan: ") && share.stderr.contains("Maksud Anda 'penjangkauan'?"),
                "\(share.stderr)")
    }

    @Test("sop simulate's HTML page is in the language asked")
    func simulateHTMLBothLanguages() throws {
        let arguments = ["simulate", "sops/anak-jalanan.yaml", "--arrivals", "10/bulan", "--runs", "1", "--from", "2025-01-01", "--to", "2025-02-01", "--format", "html",
                         "--staff", "kasi=3", "--staff", "peksos=2", "--staff", "petugas=2"]
        let id = try CLI.run(arguments + ["--bahasa", "id"])
        #expect(id.status == 0, "\(id.stderr)")
        #expect(id.stdout.contains("<html lang=\"id\">") && id.stdout.contains("Bagian tepat waktu per langkah") && id.stdout.contains("<th>Antre p90</th>")
                && id.stdout.contains("Kasus selesai tepat waktu: <b>"), "\(id.stdout)")
        // The header keeps its lines inside <pre> (only other control characters are taken out).
        #expect(id.stdout.contains("benih 1\nKedatangan: "), "\(id.stdout)")
        #expect(!id.stdout.contains("Share on time") && !id.stdout.contains("Lead time") && !id.stdout.contains("Intervals:"))
        let en = try CLI.run(arguments + ["--bahasa", "en"])
        #expect(en.stdout.contains("<html lang=\"en\">") && en.stdout.contains("Share on time per step") && en.stdout.contains("Cases ended in time: <b>"), "\(en.stdout)")
    }

    @Test("sop serve's refusal of a TLS file that is not PEM is in the language asked, naming the file")
    func serveTLSRefusalBothLanguages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let garbage = folder.appendingPathComponent("garbage.pem").path
        try "not a certificate\n".write(toFile: garbage, atomically: true, encoding: .utf8)
        func serve(_ bahasa: String) -> Spawn.Result {
            // A server that starts despite the bad file is killed after 20 s and fails the test.
            Spawn.run(TestPaths.binary.path, ["serve", "--db", folder.appendingPathComponent("j.sqlite").path, "--sops", "sops", "--listen", "127.0.0.1:8999",
                                              "--tls-cert", garbage, "--tls-key", garbage, "--bahasa", bahasa],
                      environment: ProcessInfo.processInfo.environment, directory: TestPaths.root.path, killAfter: 20)
        }
        let id = serve("id")
        #expect(id.status == 1 && !id.killed, "\(id)")
        #expect(id.stderr == "sop: sertifikat TLS '\(garbage)' tidak dapat dibaca sebagai PEM\n", "\(id.stderr)")
        let en = serve("en")
        #expect(en.status == 1 && !en.killed, "\(en)")
        #expect(en.stderr == "sop: the TLS certificate '\(garbage)' cannot be read as PEM\n", "\(en.stderr)")
    }
}
