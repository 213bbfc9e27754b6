import Foundation
import Testing

/// `sop simulate` the way a user runs it: the issue's own command, `--compare`, the formats, and
/// every refusal as one line naming the option, exit 64.
@Suite struct SimulationCLITests {
    static let period = ["--from", "2025-01-01", "--to", "2025-04-01"]

    @Test func theReferenceCommandPrintsOnTimeSharesAndTheBottleneck() throws {
        let result = try CLI.run(["simulate", "sops/anak-jalanan.yaml", "--arrivals", "40/bulan", "--staff", "kasi=1", "--staff", "peksos=2",
                                  "--staff", "petugas=2", "--staff", "kabid=1", "--staff", "kadis=1", "--runs", "2"] + Self.period)
        // One Kasi cannot do a day of outreach and two of pendampingan for 40 children a month:
        // unstable, exit 1, with the figures and the role named.
        #expect(result.status == 1)
        for step in ["perintah-spt", "disposisi-spt", "penjangkauan", "pendampingan", "support-group"] {
            #expect(result.stdout.contains(step))
        }
        #expect(result.stdout.contains("Unstable: kasi"))
        #expect(result.stdout.contains("Bottleneck: kasi"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(result.stdout)")
    }

    @Test func aStableSimulationExitsZeroAndComparesARevision() throws {
        let revision = "Tests/SOPKitTests/Fixtures/simulate/revisi/anak-jalanan.yaml"
        let result = try CLI.run(["simulate", "sops/anak-jalanan.yaml", "--arrivals", "20/bulan", "--staff", "kasi=3", "--staff", "peksos=4",
                                  "--staff", "petugas=3", "--runs", "2", "--share", "penjangkauan=Ya:0.4", "--compare", revision] + Self.period)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("bottleneck      kasi -> peksos"), "\(result.stdout)")
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(result.stdout)")
        let json = try CLI.run(["simulate", "sops/anak-jalanan.yaml", "--arrivals", "20/bulan", "--staff", "kasi=3", "--runs", "2",
                                "--format", "json", "--compare", revision] + Self.period)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["base"] != nil && object?["revised"] != nil)
    }

    @Test func htmlIsOnePageWithItsChartsInline() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("simulate-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["simulate", "sops/anak-jalanan.yaml", "--arrivals", "5/bulan", "--runs", "2", "--format", "html",
                                  "-o", out.path] + Self.period)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("</html>"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="))
    }

    @Test(arguments: [
        (["--arrivals", "0/bulan"], "--arrivals"),
        (["--arrivals", "40/abad"], "--arrivals"),
        (["--arrivals", "40/bulan", "--arrivals-from-journal"], "--arrivals"),
        ([String](), "--arrivals"),
        (["--arrivals", "40/bulan", "--staff", "direktur=1"], "--staff"),
        (["--arrivals", "40/bulan", "--staff", "kasi=0"], "--staff"),
        (["--arrivals", "40/bulan", "--staff", "kasi"], "--staff"),
        (["--arrivals", "40/bulan", "--share", "penjangkauan=Mungkin:0.5"], "--share"),
        (["--arrivals", "40/bulan", "--share", "penjangkauan=Ya:0.7", "--share", "penjangkauan=Tidak:0.7"], "--share"),
        (["--arrivals", "40/bulan", "--share", "penjangkauan=Ya:2"], "--share"),
        (["--arrivals", "40/bulan", "--from", "2025-01-01", "--to", "2025-01-02"], "--from"),
        (["--arrivals", "40/bulan", "--from", "2025-13-01"], "--from"),
        (["--arrivals", "40/bulan", "--runs", "0"], "--runs"),
        (["--arrivals", "40/bulan", "--durations", "kira-kira"], "--durations"),
    ])
    func badInputExits64NamingTheOption(arguments: [String], option: String) throws {
        let result = try CLI.run(["simulate", "sops/anak-jalanan.yaml"] + arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(option), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
