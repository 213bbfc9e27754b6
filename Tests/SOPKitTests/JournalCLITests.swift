import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SOPJournal
@testable import SOPKit

/// The journal commands end to end, on each back end (`--db` a file, or a PostgreSQL URL when
/// `SOP_TEST_POSTGRES_URL` is set): a case of the reference SOP worked through by its roles via
/// `sop tasks`, attending support-group sessions, and reported on.
@Suite("sop case, tasks, session, report, export, audit")
struct JournalCLITests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-cli-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func sop(_ arguments: [String], user: String = "siti", db: TestDatabase) throws -> CLIResult {
        try CLI.run(arguments + ["--db", db.location, "--user", user])
    }

    private func open(_ name: String, putusSekolah: Bool, db: TestDatabase) throws -> String {
        let r = try sop(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=\(name)", "--data", "putus_sekolah=\(putusSekolah)",
                         "--at", "2025-01-06T08:00"], db: db)
        #expect(r.status == 0, "\(r.stderr)")
        return String(r.stdout.split(separator: "\n").last ?? "")
    }

    /// Does every task `role` has, at `at`, until nothing waits for it.
    private func work(_ role: String, at: String, db: TestDatabase) throws -> Int {
        let r = try sop(["tasks", "--as", role, "--format", "json", "--at", at], db: db)
        #expect(r.status == 0, "\(r.stderr)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        for item in items {
            let done = try sop(["case", "do", item["case"] as? String ?? "", item["step"] as? String ?? "", "--as", role, "--at", at], db: db)
            #expect(done.status == 0, "\(done.stderr)")
        }
        return items.count
    }

    @Test("a case from open to close: worked by the right roles via sop tasks, sessions attended, reported on",
          arguments: Backend.enabled)
    func wholeCase(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let budi = try open("Budi", putusSekolah: true, db: db)
        let sari = try open("Sari", putusSekolah: false, db: db)
        #expect(budi == "AJ-0001")
        #expect(sari == "AJ-0002")
        #expect(try work("kasi", at: "2025-01-06T08:05", db: db) == 2)
        #expect(try work("kadis", at: "2025-01-06T08:06", db: db) == 0)  // the Kadis signs only after the Kabid
        #expect(try work("petugas", at: "2025-01-06T08:10", db: db) == 2)
        #expect(try work("kabid", at: "2025-01-06T08:20", db: db) == 2)
        #expect(try work("kadis", at: "2025-01-06T08:25", db: db) == 2)
        for role in ["kasi", "peksos", "petugas"] { #expect(try work(role, at: "2025-01-06T14:00", db: db) == 2) }
        #expect(try work("kasi", at: "2025-01-07T10:00", db: db) == 2)  // Budi's pendampingan; Sari's first support-group session
        #expect(try work("peksos", at: "2025-01-07T11:00", db: db) == 1)
        for month in 2...12 {
            let day = month < 10 ? "0\(month)" : "\(month)"
            let r = try sop(["session", "record", "anak-jalanan", "support-group", "--at", "2025-\(day)-10T09:00", "--case", budi, "--case", sari], db: db)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let list = try sop(["case", "list", "--format", "json", "--at", "2025-12-31T09:00"], db: db)
        let cases = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        // Attending the session of the last window (from 7 December) completes both cases.
        #expect(cases.map { $0["status"] as? String } == ["completed", "completed"])
        // Budi's support group started after pendampingan on 7 January at 11:00: its first window
        // (to 7 February) had no session, the sessions on the 10th of February..December cover 2..12.
        let show = try sop(["case", "show", budi, "--format", "json", "--at", "2025-12-31T09:00"], db: db)
        let budiCase = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(budiCase["path"] as? [String] == ["perintah-spt", "disposisi-spt", "penjangkauan", "pendampingan", "support-group"])
        #expect((budiCase["sessions"] as? [String: Any])?["attended"] as? Int == 11)
        #expect((budiCase["sessions"] as? [String: Any])?["missed"] as? Int == 1)
        let report = try sop(["report", "--sop", "anak-jalanan", "--format", "json"], db: db)
        #expect(report.status == 0)
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [[String: Any]])
        let spt = try #require(lines.first { $0["kind"] as? String == "step" && $0["name"] as? String == "perintah-spt" })
        #expect(spt["count"] as? Int == 2)
        #expect(spt["standard_minutes"] as? Int == 15)
        #expect(spt["median_minutes"] as? Int == 10)
        #expect(spt["share_on_time"] as? Double == 1)
        let csv = try sop(["report", "--format", "csv"], db: db)
        #expect(csv.stdout.hasPrefix("kind,sop,name,count,standard,standard_minutes,median_minutes,worst_minutes,on_time,share_on_time\n"))
        let table = try sop(["report"], db: db)
        #expect(table.stdout.contains("perintah-spt"))
    }

    @Test("a refused action is a clear message, exit 1, and the journal unchanged", arguments: Backend.enabled)
    func refusals(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let id = try open("Budi", putusSekolah: true, db: db)
        let before = try db.open().loadCase(id).events.count
        let wrongRole = try sop(["case", "do", id, "perintah-spt", "--as", "kadis"], db: db)
        #expect(wrongRole.status == 1)
        #expect(wrongRole.stderr.contains("Pimpinan SKPD (kadis) does not perform step 'perintah-spt'"))
        let unknownCase = try sop(["case", "do", "AJ-9999", "perintah-spt", "--as", "kasi"], db: db)
        #expect(unknownCase.status == 1)
        #expect(unknownCase.stderr.contains("no case 'AJ-9999' in this database"))
        let unknownStep = try sop(["case", "do", id, "perintah", "--as", "kasi"], db: db)
        #expect(unknownStep.status == 1)
        #expect(unknownStep.stderr.contains("unknown step 'perintah'; did you mean 'perintah-spt'?"))
        let badDate = try sop(["case", "do", id, "perintah-spt", "--as", "kasi", "--at", "2025-02-30"], db: db)
        #expect(badDate.status == 64)
        let badData = try sop(["case", "open", "sops/anak-jalanan.yaml", "--data", "putus_sekolah=ya"], db: db)
        #expect(badData.status == 64)  // a bad --data value is a usage error (issue 12)
        #expect(badData.stderr.contains("'ya' is not a boolean (true or false); write true"))
        #expect(try db.open().loadCase(id).events.count == before)
        #expect(try db.open().cases(sopID: nil, status: nil).count == 1)
    }

    @Test("a corrupted or foreign file given as --db is refused and left as it was")
    func foreignDatabase() throws {
        let notes = folder.appendingPathComponent("notes.txt")
        try Data("bukan database".utf8).write(to: notes)
        let r = try CLI.run(["case", "list", "--db", notes.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("not an SQLite database"))
        #expect(try String(contentsOf: notes, encoding: .utf8) == "bukan database")
    }

    @Test("the XES export is well-formed XML with one trace per case and leaves sensitive data out", arguments: Backend.enabled)
    func xes(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        _ = try open("Budi", putusSekolah: true, db: db)
        _ = try sop(["case", "do", "AJ-0001", "perintah-spt", "--as", "kasi", "--at", "2025-01-06T08:05"], db: db)
        let r = try sop(["export", "xes"], db: db)
        #expect(r.status == 0)
        #expect(!r.stdout.contains("Budi"))
        #expect(r.stdout.contains("<string key=\"data:putus_sekolah\" value=\"true\"/>"))
        let parser = XMLParser(data: Data(r.stdout.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        #expect(parser.parse())
        #expect(counter.counts["trace"] == 1)
        #expect(counter.counts["event"] == 3)  // opened, perintah-spt started, kasi signed off
    }

    @Test("the audit trail names who did and who read what, and the role", arguments: Backend.enabled)
    func audit(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let id = try open("Budi", putusSekolah: true, db: db)
        _ = try sop(["case", "do", id, "perintah-spt", "--as", "kasi", "--at", "2025-01-06T08:05"], user: "andi", db: db)
        _ = try sop(["case", "show", id], user: "rina", db: db)
        let r = try sop(["audit", "--case", id, "--format", "json"], db: db)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { "\($0["actor"] as? String ?? "") \($0["action"] as? String ?? "")" } == ["siti case open", "andi case do", "rina case show"])
        #expect(entries[1]["role"] as? String == "kasi")
    }

    @Test("reads with --at 2019 are audited at the real time; the as-of time is beside it (issue 13, finding 1)",
          arguments: Backend.enabled)
    func auditClock(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let id = try open("Budi", putusSekolah: true, db: db)
        let shown = try sop(["case", "show", id, "--at", "2019-01-01T08:00"], db: db)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("as of:    2019-01-01T08:00:00+07:00"))
        #expect(shown.stdout.unwrapped.contains("before the case was opened (2025-01-06T08:00:00+07:00)"), "\(shown.stdout)")
        // As of a time before the case opened, nothing had happened: the timeline is empty.
        #expect(!shown.stdout.unwrapped.contains("recorded 20"), "\(shown.stdout)")
        #expect(try sop(["case", "show", id], db: db).stdout.unwrapped.contains("recorded 20"))
        #expect(shown.stdout.contains("calendar: indonesia revision "), "\(shown.stdout)")
        #expect(try sop(["case", "list", "--at", "2019-01-01T08:00"], db: db).status == 0)
        #expect(try sop(["tasks", "--as", "kasi", "--at", "2019-01-01T08:00"], db: db).status == 0)
        let r = try sop(["audit"], db: db)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 5, "\(r.stdout)")
        #expect(!lines.contains { $0.hasPrefix("2019") }, "\(r.stdout)")
        #expect(lines.filter { $0.hasSuffix("(as of 2019-01-01T08:00:00+07:00)") }.count == 3, "\(r.stdout)")
        // Work dated in the future is refused, and says why.
        let future = try sop(["case", "do", id, "perintah-spt", "--as", "kasi", "--at", "2999-01-06T08:05"], db: db)
        #expect(future.status == 1)
        #expect(future.stderr.contains("work cannot be recorded in advance"), "\(future.stderr)")
    }
}

final class ElementCounter: NSObject, XMLParserDelegate, @unchecked Sendable {
    var counts: [String: Int] = [:]
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
    }
}
