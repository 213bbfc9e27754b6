import Foundation
import Testing
@testable import SOPKit

/// End-to-end: the built `sop` binary, run the way a user runs it.
@Suite("sop command line")
struct CLITests {
    @Test("`sop validate sops/` exits 0 and says how many files it checked")
    func validateShippedFolder() throws {
        let r = try CLI.run(["validate", "sops/"])
        #expect(r.status == 0, "\(r.stderr)")
        // SOP610 (once, for the national calendar) while the decreed days off end within 60 days of today.
        let zone = TimeZone(identifier: "Asia/Jakarta") ?? .gmt
        let end = try #require(InstantFormat.parse("2026-12-31", in: zone))
        let near = end.timeIntervalSinceNow < Double(CalendarCoverage.warningDays) * 86_400
        #expect(r.stderr.contains("12 files checked (3 SOPs, 9 scenarios): 0 errors, \(near ? "1 warning" : "0 warnings")"), "\(r.stderr)")
        #expect(r.stderr.contains("[SOP610]") == near)
    }

    @Test("an installed sop, copied alone into an empty folder and run with no environment, runs the README's main command")
    func installedBinary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sop-installed-\(UUID().uuidString)")
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Copied by cp, not in this process: a write descriptor open here would be inherited by a
        // process another test forks at that moment, and exec of the copy fails "Text file busy".
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = [TestPaths.binary.path, bin.appendingPathComponent("sop").path]
        try copy.run()
        copy.waitUntilExit()
        #expect(copy.terminationStatus == 0)
        try FileManager.default.copyItem(at: TestPaths.sops.appendingPathComponent("anak-jalanan.yaml"),
                                         to: dir.appendingPathComponent("anak-jalanan.yaml"))
        func run(_ arguments: [String]) throws -> CLIResult {
            try CLI.run(["-i", "bin/sop"] + arguments, in: dir, executable: URL(fileURLWithPath: "/usr/bin/env"))
        }
        let r = try run(["run", "anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true", "--start", "2025-01-06T08:00"])
        #expect(r.status == 0, "\(r.stderr)")
        // No environment, no locale: Indonesian, the language of the people who run these SOPs.
        #expect(r.stdout.contains("hasil:     selesai"), "\(r.stdout)")
        #expect(r.stdout.contains("Senin, 6 Januari 2025 pukul 08.00"), "\(r.stdout)")
        let opened = try run(["case", "open", "anak-jalanan.yaml", "--db", "sop.sqlite", "--user", "petugas",
                              "--data", "nama_anak=Budi", "--data", "putus_sekolah=true", "--at", "2025-01-06T08:00"])
        #expect(opened.status == 0, "\(opened.stderr)")
        let shown = try run(["calendar"])
        #expect(shown.stdout.contains("sumber:      (tertanam di sop) indonesia.yaml"), "\(shown.stdout)")
    }

    @Test("sop calendar shows coverage and marks the provisional days")
    func calendarShow() throws {
        let r = try CLI.run(["calendar", "show", "--year", "2027"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("decreed:     2024-2026 (days off through 2026-12-31)"))
        #expect(r.stdout.contains("provisional: 2027-2036"))
        #expect(r.stdout.contains("  2027-01-01  libur-nasional  provisional  Tahun Baru 2027 Masehi"), "\(r.stdout)")
        #expect(r.stdout.contains("Ramadan office hours 2027-02-"))
        #expect(try CLI.run(["calendar", "show", "nosuch"]).status == 1)
        // While the decreed days off end within 60 days (or have ended), the warning's note is a line of its own.
        if r.stderr.contains("[SOP610]") {
            #expect(!r.stderr.contains("\\n"), "\(r.stderr)")
            #expect(r.stderr.contains("[SOP610]\nnote: when the SKB of "), "\(r.stderr)")
        }
    }

    @Test("text diagnostics are path:line:col: severity: message [code] on stderr, exit 1")
    func validateInvalidText() throws {
        let r = try CLI.run(["validate", "Tests/SOPKitTests/Fixtures/invalid/unknown-references.yaml"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(
            "Tests/SOPKitTests/Fixtures/invalid/unknown-references.yaml:13:24: error: unknown performer 'kadiss' in step 'disposisi'; did you mean 'kadis'? [SOP304]"))
        #expect(r.stderr.contains(":14:13: error: unknown step 'tandatangan' in the flow of step 'disposisi'; did you mean 'tandatangani'? [SOP305]"))
    }

    @Test("--format json is an array of {file, line, column, severity, code, message}")
    func validateJSON() throws {
        let r = try CLI.run(["validate", "--format", "json", "Tests/SOPKitTests/Fixtures/invalid/duplicate-key.yaml"])
        #expect(r.status == 1)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 2)
        let first = try #require(items.first)
        #expect(first["file"] as? String == "Tests/SOPKitTests/Fixtures/invalid/duplicate-key.yaml")
        #expect(first["line"] as? Int == 5)
        #expect(first["column"] as? Int == 3)
        #expect(first["severity"] as? String == "error")
        #expect(first["code"] as? String == "SOP102")
        #expect((first["message"] as? String)?.contains("duplicate key 'dinas'") == true)
    }

    @Test("warnings pass by default and fail with --strict")
    func strict() throws {
        let file = "Tests/SOPKitTests/Fixtures/invalid/unreachable.yaml"
        #expect(try CLI.run(["validate", file]).status == 0)
        #expect(try CLI.run(["validate", "--strict", file]).status == 1)
    }

    @Test("a missing path is a located failure, and usage errors exit 64")
    func missingAndUsage() throws {
        let missing = try CLI.run(["validate", "no/such/file.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("'no/such/file.yaml' does not exist [SOP100]"))
        #expect(try CLI.run(["validate"]).status == 64)
        #expect(try CLI.run(["validate", "--format", "xml", "sops/"]).status == 64)
        #expect(try CLI.run(["frobnicate"]).status == 64)
    }

    @Test("every hazard gives a located diagnostic and exit 1")
    func hazards() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sop-hazards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...40 { bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let cases: [(String, Data, String)] = [
            ("bomb.yaml", Data(bomb.utf8), "bomb.yaml:1:5: error: anchor '&a0'"),
            ("deep.yaml", Data(("k: " + String(repeating: "[", count: 40_000)).utf8), "deep.yaml:1:67: error: the text nests deeper than 64"),
            ("utf8.yaml", Data([0x69, 0x64, 0x3A, 0x20, 0xC3, 0x28, 0x0A]), "utf8.yaml:1:5: error: invalid UTF-8 (byte 0xC3)"),
            ("empty.yaml", Data(), "empty.yaml:1:1: error: the file is empty"),
            ("list.yaml", Data("- a\n- b\n".utf8), "list.yaml:1:1: error: the top of an SOP file must be a mapping"),
            ("tag.yaml", Data("id: !custom x\n".utf8), "tag.yaml:1:5: error: tag '!custom' is not allowed"),
        ]
        for (name, data, expected) in cases {
            try data.write(to: dir.appendingPathComponent(name))
            let r = try CLI.run(["validate", name], in: dir)
            #expect(r.status == 1, "\(name)")
            #expect(r.stderr.contains(expected), "\(name): \(r.stderr)")
        }
    }

    @Test("`sop show` draws the official table with a column per performer")
    func showText() throws {
        let r = try CLI.run(["show", "--width", "160", "sops/anak-jalanan.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("PEMERINTAH KOTA TANJUNGPINANG"))
        #expect(r.stdout.contains("Tanggal Efektif    04 Maret 2024"))
        #expect(r.stdout.contains("NIP 19660720 199302 2 008"))
        let lines = r.stdout.split(separator: "\n")
        let headerIndex = try #require(lines.firstIndex { $0.contains("Uraian Prosedur") })
        let header = lines[headerIndex] + lines[headerIndex + 1]
        for column in ["No", "Pimpinan", "SKPD", "Kabid", "Kasi", "Peksos", "Petugas", "Kelengkapan", "Waktu", "Output", "Ket"] {
            #expect(header.contains(column), "header lacks \(column)")
        }
        #expect(r.stdout.contains("◇ Anak putus sekolah?"))
        // The flow the symbols cannot show goes to Ket, as on the printed page.
        #expect(r.stdout.contains("Ya → langkah 4"))
        #expect(r.stdout.contains("Tidak →"))
        // One row per step: five rows, each opening with its number.
        #expect(lines.filter { $0.hasPrefix("│ ") && $0.dropFirst(2).first?.isNumber == true }.count == 5)
        #expect(r.stdout.contains("(Mulai)"))
        #expect(r.stdout.contains("(Selesai)"))
    }

    @Test("`sop show --width N` prints no line longer than N, for every shipped SOP", arguments: [60, 80, 120])
    func showFitsWidth(_ width: Int) throws {
        for file in HTMLDocumentTests.shippedFiles {
            let r = try CLI.run(["show", "--width", "\(width)", "sops/\(file.lastPathComponent)"])
            #expect(r.status == 0, "\(r.stderr)")
            let lines: [String] = r.stdout.components(separatedBy: "\n")
            let long: [String] = lines.filter { $0.count > width }
            #expect(long.isEmpty, "\(file.lastPathComponent) at \(width): \(long)")
        }
    }

    @Test("`sop show` breaks no word while a space exists, keeps the unit of bare numbers, fills Ket")
    func showWrapsAtSpaces() throws {
        let r = try CLI.run(["show", "--width", "80", "sops/anak-jalanan.yaml"])
        #expect(r.stdout.contains("ditandatangani"), "a word was broken")
        let duk = try CLI.run(["show", "--width", "80", "sops/pembuatan-duk.yaml"])
        #expect(duk.stdout.contains("30 menit") && duk.stdout.contains("Total waktu: 90 menit"), "\(duk.stdout)")
        #expect(duk.stdout.contains("Tidak →"), "remarks go to Ket")
        // Without --width and without a terminal: $COLUMNS, else 80.
        let narrow = try CLI.run(["show", "sops/pembuatan-duk.yaml"], environment: ["COLUMNS": "70"])
        #expect(narrow.stdout.components(separatedBy: "\n").allSatisfy { (line: String) in line.count <= 70 })
        let plain = try CLI.run(["show", "sops/pembuatan-duk.yaml"], environment: ["COLUMNS": ""])
        #expect(plain.stdout.components(separatedBy: "\n").allSatisfy { (line: String) in line.count <= 80 })
    }

    @Test("`sop show --format json` is the normalised model with parsed waktu")
    func showJSON() throws {
        let r = try CLI.run(["show", "--format", "json", "sops/anak-jalanan.yaml"])
        #expect(r.status == 0)
        let model = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(model["id"] as? String == "anak-jalanan")
        #expect(model["name"] as? String == "Anak Jalanan")
        let performers = try #require(model["performers"] as? [[String: Any]])
        #expect(performers.map { $0["id"] as? String } == ["kadis", "kabid", "kasi", "peksos", "petugas"])
        let steps = try #require(model["steps"] as? [[String: Any]])
        #expect(steps.map { $0["id"] as? String } == ["perintah-spt", "disposisi-spt", "penjangkauan", "pendampingan", "support-group"])
        let waktu = try #require(steps[0]["waktu"] as? [String: Any])
        #expect(waktu["raw"] as? String == "15 menit")
        #expect(waktu["minutes"] as? Int == 15)
        let day = try #require(steps[2]["waktu"] as? [String: Any])
        #expect(day["raw"] as? String == "1 Hari")
        #expect(day["minutes"] as? Int == 450)
    }

    @Test("`sop show` refuses an invalid SOP with its diagnostics")
    func showInvalid() throws {
        let r = try CLI.run(["show", "Tests/SOPKitTests/Fixtures/invalid/loop-no-exit.yaml"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("loop-no-exit.yaml:9:5: error: a loop with no way out"))
    }

    @Test("--version, help and --help on every command, with an example")
    func helpAndVersion() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == SOPVersion.current)
        for command in ["validate", "show", "run", "test", "schema"] {
            let help = try CLI.run(["help", command])
            #expect(help.status == 0)
            // An example is an indented command line under "Examples:" (the USAGE line also says
            // "sop \(command)", so that alone proves nothing).
            let examples = help.stdout.components(separatedBy: "Example").dropFirst().joined()
            #expect(examples.split(separator: "\n").contains { $0.hasPrefix("  sop \(command) ") }, "\(command) help lacks an example")
            let flag = try CLI.run([command, "--help"])
            #expect(flag.status == 0)
        }
    }

    @Test("`sop schema` prints the committed schema")
    func schema() throws {
        let r = try CLI.run(["schema"])
        #expect(r.status == 0)
        let committed = try String(contentsOf: TestPaths.root.appendingPathComponent("schema/sop.schema.json"), encoding: .utf8)
        #expect(r.stdout == committed)
    }
}
