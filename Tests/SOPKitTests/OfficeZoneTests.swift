import Foundation
import Testing
@testable import SOPKit

/// Issue 13, finding 4, on the command line: every time `sop case show` and `sop audit` print is in
/// the office's own zone (the SOP's zona, else its office calendar's timezone), never a zone fixed
/// in the code; reads made with `--at 2019` leave no entry dated 2019.
@Suite("The office's own time zone on the command line (issue 13)")
struct OfficeZoneTests {
    /// A fresh folder holding the reference SOP with `zona` replaced (nil: no zona, the calendar's
    /// zone applies), and optionally an office calendar.
    private struct Office {
        let folder: URL
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-zone-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("calendars"), withIntermediateDirectories: true)
        }
        func sop(_ name: String, zona: String?, calendar: String? = nil) throws {
            var text = try String(contentsOf: TestPaths.sops.appendingPathComponent("anak-jalanan.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "  zona: WIB\n", with: zona.map { "  zona: \($0)\n" } ?? "")
            if let calendar { text = text.replacingOccurrences(of: "  kalender: indonesia\n", with: "  kalender: \(calendar)\n") }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        func run(_ arguments: [String]) throws -> CLIResult {
            try CLI.run(arguments + ["--db", folder.appendingPathComponent("sop.sqlite").path, "--user", "siti"], in: folder)
        }
        func open(_ sop: String) throws {
            let r = try run(["case", "open", sop, "--data", "nama_anak=Budi", "--data", "putus_sekolah=true", "--at", "2025-01-06T08:00"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// The ISO 8601 times in `text` (`2025-01-06T08:00:00+08:00`), by their offsets.
    private func offsets(_ text: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d)"#)
        let range = NSRange(text.startIndex..., in: text)
        return Set(pattern.matches(in: text, range: range).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } })
    }

    @Test("a WITA office: case show and sop audit print +08:00 only, and reads as of 2019 leave no 2019 entry",
          arguments: [("zona: WITA", "WITA", nil), ("office calendar in Asia/Makassar", nil, "kantor-makassar")] as [(String, String?, String?)])
    func wita(_ label: String, _ zona: String?, _ calendar: String?) throws {
        let office = try Office()
        defer { office.remove() }
        try "id: kantor-makassar\nextends: indonesia\ntimezone: Asia/Makassar\n"
            .write(to: office.folder.appendingPathComponent("calendars/kantor-makassar.yaml"), atomically: true, encoding: .utf8)
        try office.sop("anak-jalanan.yaml", zona: zona, calendar: calendar)
        try office.open("anak-jalanan.yaml")
        let shown = try office.run(["case", "show", "AJ-0001", "--at", "2019-01-01T08:00"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(offsets(shown.stdout) == ["+08:00"], "\(shown.stdout)")
        // As of 2019 nothing had happened; as of the morning it opened, the first step waited (in WITA).
        #expect(!shown.stdout.contains("awaiting:"), "\(shown.stdout)")
        let morning = try office.run(["case", "show", "AJ-0001", "--at", "2025-01-06T08:05"])
        #expect(offsets(morning.stdout) == ["+08:00"], "\(morning.stdout)")
        #expect(morning.stdout.unwrapped.contains("awaiting: perintah-spt by kasi, petugas, due 2025-01-06T08:15:00+08:00"), "\(morning.stdout)")
        // As of 2019 the case (opened 2025) did not exist: no case, no task.
        let list = try office.run(["case", "list", "--at", "2019-01-01T08:00"])
        #expect(list.status == 0 && list.stdout == "no cases\n", "\(list.stdout)")
        let tasks = try office.run(["tasks", "--as", "kasi", "--at", "2019-01-01T08:00"])
        #expect(tasks.status == 0 && tasks.stdout == "nothing waits for kasi\n", "\(tasks.stdout)")
        #expect(try office.run(["case", "list", "--at", "2025-01-06T08:00"]).stdout.hasPrefix("AJ-0001  "))
        let audit = try office.run(["audit"])
        #expect(audit.status == 0, "\(audit.stderr)")
        let lines = audit.stdout.split(separator: "\n")
        #expect(lines.count == 6, "\(audit.stdout)")
        #expect(offsets(audit.stdout) == ["+08:00"], "\(audit.stdout)")
        #expect(lines.allSatisfy { !$0.hasPrefix("2019") }, "\(audit.stdout)")
        #expect(lines.filter { $0.hasSuffix("(as of 2019-01-01T08:00:00+08:00)") }.count == 3, "\(audit.stdout)")
        let json = try office.run(["audit", "--format", "json"])
        #expect(offsets(json.stdout) == ["+08:00"], "\(json.stdout)")
    }

    @Test("a WITA office: sop report reads --from without an offset in WITA; sop journal export prints +08:00")
    func witaReportAndExport() throws {
        let office = try Office()
        defer { office.remove() }
        try office.sop("anak-jalanan.yaml", zona: "WITA")
        try office.open("anak-jalanan.yaml")
        for (role, time) in [("kasi", "08:05"), ("petugas", "08:10")] {
            let r = try office.run(["case", "do", "AJ-0001", "perintah-spt", "--as", role, "--at", "2025-01-06T" + time])
            #expect(r.status == 0, "\(r.stderr)")
        }
        // Completed 08:10 WITA: inside a period from 08:09 WITA (08:09 WIB would be 09:09 WITA, after it).
        let report = try office.run(["report", "--format", "csv", "--from", "2025-01-06T08:09"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("step,anak-jalanan,perintah-spt,1,"), "\(report.stdout)")
        let later = try office.run(["report", "--format", "csv", "--from", "2025-01-06T08:11"])
        #expect(!later.stdout.contains("step,anak-jalanan,perintah-spt,"), "\(later.stdout)")
        let export = try office.run(["journal", "export"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(offsets(export.stdout) == ["+08:00"], "\(export.stdout)")
    }

    @Test("a journal of a WIB and a WITA office: each case's lines in its zone, the others in UTC; --zona chooses one zone")
    func mixed() throws {
        let office = try Office()
        defer { office.remove() }
        try office.sop("jakarta.yaml", zona: "WIB")
        try office.sop("makassar.yaml", zona: "WITA")
        try office.open("jakarta.yaml")
        try office.open("makassar.yaml")
        #expect(try office.run(["case", "list", "--at", "2025-01-07T08:00+07:00"]).status == 0)
        let audit = try office.run(["audit"])
        #expect(audit.status == 0, "\(audit.stderr)")
        let lines = audit.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("AJ-0001") }.allSatisfy { offsets($0) == ["+07:00"] }, "\(audit.stdout)")
        #expect(lines.filter { $0.contains("AJ-0002") }.allSatisfy { offsets($0) == ["+08:00"] }, "\(audit.stdout)")
        #expect(lines.filter { $0.contains("case list") }.allSatisfy { offsets($0) == ["+00:00"] }, "\(audit.stdout)")
        #expect(lines.contains { $0.hasSuffix("(as of 2025-01-07T01:00:00+00:00)") }, "\(audit.stdout)")
        let wit = try office.run(["audit", "--zona", "WIT"])
        #expect(offsets(wit.stdout) == ["+09:00"], "\(wit.stdout)")
        let bad = try office.run(["audit", "--zona", "Mars/Olympus"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--zona"), "\(bad.stderr)")
    }
}
