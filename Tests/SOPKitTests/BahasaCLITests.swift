import Foundation
import Testing

/// `--bahasa`, `SOP_BAHASA` and the locale, end to end through the built binary: the same
/// diagnostics (codes, positions, the `path:line:col: severity:` shape) in both languages, the
/// message in the chosen one; the last line of `sop test` unchanged; help in the chosen language.
@Suite("Bahasa on the command line")
struct BahasaCLITests {
    static let invalid = ["bad-values.yaml", "rules.yaml", "malformed-waktu.yaml", "loop-no-exit.yaml", "kelengkapan-not-produced.yaml",
                          "missing-required.yaml", "reserved-and-duplicates.yaml", "decision-rules.yaml"]

    /// `path:line:col: severity:` and `[CODE]` of every diagnostic line.
    static func shape(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").compactMap { line -> String? in
            guard let colon = line.range(of: ": error: ") ?? line.range(of: ": warning: ") ?? line.range(of: ": note: ") else { return nil }
            let code = line.hasSuffix("]") ? String(line[(line.lastIndex(of: "[") ?? line.endIndex)...]) : ""
            return String(line[..<colon.upperBound]) + code
        }
    }

    @Test("validate: the same codes and positions in Indonesian and English, the messages in the language asked", arguments: invalid)
    func sameDiagnosticsBothLanguages(_ name: String) throws {
        let path = "Tests/SOPKitTests/Fixtures/invalid/" + name
        let id = try CLI.run(["validate", path, "--bahasa", "id"])
        let en = try CLI.run(["validate", "--bahasa", "en", path])
        #expect(id.status == en.status)
        #expect(!Self.shape(en.stderr).isEmpty)
        #expect(Self.shape(id.stderr) == Self.shape(en.stderr))
        #expect(id.stderr != en.stderr, "the Indonesian run printed the English text")
        #expect(id.stderr.contains("berkas diperiksa"))
        #expect(en.stderr.contains("checked"))
    }

    @Test("LANG=id_ID.UTF-8 with no SOP_BAHASA is Indonesian; LANG=en_US is English; SOP_BAHASA wins over LANG")
    func localeChoosesTheLanguage() throws {
        let path = "Tests/SOPKitTests/Fixtures/invalid/bad-values.yaml"
        let id = try CLI.run(["validate", path], environment: ["SOP_BAHASA": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "id_ID.UTF-8"])
        #expect(id.stderr.contains("bukan nilai yang sah untuk 'hari'. Maksud Anda 'kerja'? [SOP206]"), "\(id.stderr)")
        let en = try CLI.run(["validate", path], environment: ["SOP_BAHASA": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"])
        #expect(en.stderr.contains("is not a valid value for 'hari'; did you mean 'kerja'? [SOP206]"), "\(en.stderr)")
        let chosen = try CLI.run(["validate", path], environment: ["SOP_BAHASA": "en", "LANG": "id_ID.UTF-8"])
        #expect(chosen.stderr.contains("did you mean 'kerja'?"))
    }

    @Test("a SOP_BAHASA that names no language is a usage error naming the variable")
    func badEnvironmentLanguage() throws {
        let r = try CLI.run(["validate", "sops/anak-jalanan.yaml"], environment: ["SOP_BAHASA": "fr"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("SOP_BAHASA") && r.stderr.contains("'fr'"))
        let flag = try CLI.run(["validate", "--bahasa", "fr", "sops/anak-jalanan.yaml"])
        #expect(flag.status == 64)
        #expect(flag.stderr.contains("--bahasa"))
    }

    @Test("JSON keeps its keys and codes; the message is in the language asked")
    func jsonMessageLanguage() throws {
        let path = "Tests/SOPKitTests/Fixtures/invalid/bad-values.yaml"
        let id = try CLI.run(["validate", "--format", "json", "--bahasa", "id", path])
        let en = try CLI.run(["validate", "--format", "json", "--bahasa", "en", path])
        func parse(_ s: String) throws -> [[String: Any]] {
            try #require(JSONSerialization.jsonObject(with: Data(s.utf8)) as? [[String: Any]])
        }
        let a = try parse(id.stdout), b = try parse(en.stdout)
        #expect(a.count == b.count && !a.isEmpty)
        for (x, y) in zip(a, b) {
            #expect(Set(x.keys) == Set(y.keys))
            #expect(x["code"] as? String == y["code"] as? String)
            #expect(x["line"] as? Int == y["line"] as? Int && x["column"] as? Int == y["column"] as? Int)
        }
        #expect(a.contains { ($0["message"] as? String)?.contains("bukan") == true })
        #expect(b.contains { ($0["message"] as? String)?.contains("is not") == true })
    }

    @Test("run, test and help speak the language asked; the last line of sop test stays 'N passed, M failed'")
    func commandsInBothLanguages() throws {
        let run = ["run", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true", "--start", "2025-01-06T08:00"]
        let id = try CLI.run(run + ["--bahasa", "id"])
        #expect(id.stdout.contains("hasil:     selesai") && id.stdout.contains("Senin, 6 Januari 2025 pukul 08.00") && id.stdout.contains("tepat waktu"))
        let en = try CLI.run(run + ["--bahasa", "en"])
        #expect(en.stdout.contains("outcome:   completed") && en.stdout.contains("2025-01-06T08:00:00+07:00"))
        let testID = try CLI.run(["test", "sops/", "--bahasa", "id"])
        let testEN = try CLI.run(["test", "sops/", "--bahasa", "en"])
        #expect(testID.stdout.split(separator: "\n").last == testEN.stdout.split(separator: "\n").last)
        #expect(testID.stdout.split(separator: "\n").last?.hasSuffix("passed, 0 failed") == true)
        #expect(testID.stdout.contains("LULUS ") && testEN.stdout.contains("PASS "))
        let helpID = try CLI.run(["help", "validate", "--bahasa", "id"])
        #expect(helpID.stdout.contains("Memeriksa berkas SOP"), "\(helpID.stdout)")
        let helpEN = try CLI.run(["validate", "--help"])
        #expect(helpEN.stdout.contains("Checks SOP files"), "\(helpEN.stdout)")
    }
}
