import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// `sop report` reads each case's runs from the read model instead of folding every event (issue
/// 17): its output must stay exactly what the fold gives, on a generated journal of finished,
/// half-done and fresh cases.
@Suite("sop report from the read model")
struct ReportReadModelTests {
    /// A journal of `count` cases of the reference SOP in standard time: some run to the end, the
    /// others cut at different points (so runs are open, signed off by some performers, or late).
    static func generated(_ backend: Backend, count: Int) throws -> (TestDatabase, CaseService) {
        let db = try TestDatabase(backend)
        let store = try db.open()
        let path = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let source = String(decoding: bytes, as: UTF8.self), hash = SHA256.hex([UInt8](bytes))
        let f = try EngineFixture("anak-jalanan")
        let service = CaseService(store: store, actor: "tester", calendarFolder: TestPaths.sops.path, clock: { f.at("2026-01-05T08:00") })
        let context = f.context
        for i in 0..<count {
            let data = ["nama_anak": "Anak \(i)", "putus_sekolah": i % 2 == 0 ? "true" : "false",
                        "jenis_kelamin": i % 3 == 0 ? "perempuan" : "laki-laki", "lokasi_penjangkauan": "Jalan Merdeka"]
            let start = f.at("2025-01-06T08:00").addingTimeInterval(Double(i % 40) * 86_400 + Double(i % 7) * 1_800)
            let events = try StandardRun(engine: CaseEngine(context: context)).run(data: data, start: start).events
            let cut = i % 3 == 0 ? events.count : max(2, events.count * (i % 5 + 1) / 6)
            _ = try store.openCase(sopID: context.definition.id, definitionHash: hash, definitionSource: source, calendar: context.calendar.revision,
                                   events: Array(events.prefix(cut)),
                                   command: CommandInfo(key: nil, fingerprint: "gen \(i)", actor: "tester", role: nil, action: "case open",
                                                        recordedAt: f.at("2026-01-05T08:00")))
        }
        return (db, service)
    }

    @Test("the report from the read model is the fold's report, whole, in every format and window", arguments: Backend.enabled)
    func sameAsFold(_ backend: Backend) throws {
        let (db, service) = try Self.generated(backend, count: backend == .postgres ? 30 : 90)
        defer { db.remove() }
        let folded = try service.loadAll(sopID: nil, keepingEvents: false)
        let listed = try service.listed(sopID: nil)
        try #require(listed.unreadable.isEmpty && listed.cases.count == folded.count)
        let f = try EngineFixture("anak-jalanan")
        for (from, to) in [(nil, nil), (f.at("2025-01-20T00:00"), nil), (nil, f.at("2025-02-10T00:00")), (f.at("2025-01-15T00:00"), f.at("2025-02-01T12:00"))] {
            let fold = ComplianceReport(cases: folded, from: from, to: to)
            let read = ComplianceReport(listed: listed.cases, from: from, to: to)
            #expect(!fold.lines.isEmpty)
            #expect(read.lines == fold.lines)
            #expect(read.table(in: .id) == fold.table(in: .id))
            #expect(read.table(in: .en) == fold.table(in: .en))
            #expect(read.csv() == fold.csv())
            #expect(read.json().serialized() == fold.json().serialized())
        }
    }

    @Test("sop report prints the fold's report (csv and json, whole output), also for cases whose summary is missing")
    func commandOutput() throws {
        let (db, service) = try Self.generated(.sqlite, count: 45)
        defer { db.remove() }
        let fold = ComplianceReport(cases: try service.loadAll(sopID: nil, keepingEvents: false), from: nil, to: nil)
        let csv = try CLI.run(["report", "--format", "csv", "--db", db.location])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == fold.csv())
        let json = try CLI.run(["report", "--format", "json", "--db", db.location])
        #expect(json.stdout == fold.json().serialized() + "\n")
        // Summaries lost (or stored by an older version): the reader folds those cases, same report.
        try db.execute("DELETE FROM case_state WHERE case_id IN (SELECT id FROM cases WHERE number % 2 = 0)")
        #expect(try CLI.run(["report", "--format", "csv", "--db", db.location]).stdout == fold.csv())
    }
}
