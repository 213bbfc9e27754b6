import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SOPJournal
@testable import SOPKit
@testable import SOPWeb

/// Sesi kelompok, Laporan mutu baku (SVG and CSV) and the SOP document page.
@Suite("sop serve: sessions, report, SOP document")
struct MorePagesTests {
    /// Runs a case of the reference SOP (not putus sekolah) up to its support group, as the roles would.
    static func caseAtSupportGroup(_ f: WebFixture) throws -> String {
        let entry = try #require(f.server.sops.entries["anak-jalanan"])
        let service = CaseService(store: f.store, actor: "setup", calendarFolder: WebFixture.root.appendingPathComponent("sops").path,
                                  clock: { f.clock.read() })
        let zone = TimeZone(identifier: "Asia/Jakarta")!
        func at(_ text: String) -> Date { InstantFormat.parse(text, in: zone)! }
        let id = try service.open(definition: entry.definition, source: entry.source, hash: entry.hash,
                                  data: ["nama_anak": "Sari", "putus_sekolah": "false"], documents: [], at: at("2025-01-06T08:00"), key: nil).caseID
        for (step, role, time) in [("perintah-spt", "kasi", "08:05"), ("perintah-spt", "petugas", "08:10"), ("disposisi-spt", "kabid", "08:20"),
                                   ("disposisi-spt", "kadis", "08:25"), ("penjangkauan", "kasi", "14:00"), ("penjangkauan", "peksos", "14:00"),
                                   ("penjangkauan", "petugas", "14:00")] {
            _ = try service.act(caseID: id, step: step, role: role, answer: nil, documents: [], note: nil, at: at("2025-01-06T" + time), key: nil)
        }
        return id
    }

    @Test("Sesi kelompok: the cases awaiting the session are listed; ticking them records one session for all; a bad time is refused")
    func groupSession() async throws {
        let f = try WebFixture()
        f.clock.advance(26 * 3600)  // 2025-01-07T10:00
        let id = try Self.caseAtSupportGroup(f)
        try await f.test { b in
            try await b.login("sari")
            let list = try await b.get("/sesi")
            #expect(list.text.contains("/sesi?sop=anak-jalanan&amp;langkah=support-group"))
            let page = try await b.get("/sesi?sop=anak-jalanan&langkah=support-group")
            #expect(page.text.contains("value=\"\(id)\""))
            let before = try f.store.loadCase(id).events.count
            let bad = try await b.post("/sesi", [("sop", "anak-jalanan"), ("langkah", "support-group"), ("waktu", "kemarin"), ("kasus", id)])
            #expect(bad.status == .unprocessableContent && bad.text.contains(HTML.escape(PageText.badTime)))
            let r = try await b.post("/sesi", [("sop", "anak-jalanan"), ("langkah", "support-group"), ("waktu", "2025-01-07T10:00"), ("kasus", id)])
            #expect(r.status == .seeOther)
            #expect(try f.store.loadCase(id).events.count > before)
            #expect(try f.store.audit(caseID: id).contains { $0.actor == "sari" && $0.action == "session record" })
            let twice = try await b.post("/sesi", [("sop", "anak-jalanan"), ("langkah", "support-group"), ("waktu", "2025-01-07T10:00"), ("kasus", id)])
            #expect(twice.status == .unprocessableContent && twice.text.contains("Ditolak:"))
            try await b.post("/keluar", [])
            // Not for a user without a role in the session's step.
            try await b.login("joko")
            let refused = try await b.post("/sesi", [("sop", "anak-jalanan"), ("langkah", "support-group"), ("waktu", "2025-01-07T10:00"), ("kasus", id)])
            #expect(refused.status == .forbidden)
        }
    }

    @Test("Laporan mutu baku: bars in inline SVG, a table, and the same lines as CSV")
    func report() async throws {
        let f = try WebFixture()
        f.clock.advance(26 * 3600)
        _ = try Self.caseAtSupportGroup(f)
        try await f.test { b in
            try await b.login("sari")
            let page = try await b.get("/laporan?sop=anak-jalanan")
            #expect(page.status == .ok && page.text.contains("<svg class=\"chart\"") && page.text.contains("perintah-spt"))
            let csv = try await b.get("/laporan.csv?sop=anak-jalanan")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.split(separator: "\n").count >= 4)
            // The page reads the read model (as `sop report` does); its lines are those of the fold.
            let service = CaseService(store: f.store, actor: "setup", calendarFolder: WebFixture.root.appendingPathComponent("sops").path,
                                      clock: { f.clock.read() })
            let folded = ComplianceReport(cases: try service.loadAll(sopID: "anak-jalanan", keepingEvents: false), from: nil, to: nil)
            #expect(csv.text == folded.csv())
            #expect(try f.store.audit(caseID: nil).contains { $0.actor == "sari" && $0.action == "report" })
        }
    }

    @Test("SOP: the official document as sop render writes it, framed only by our own page; an unknown id is 404")
    func sopDocument() async throws {
        let f = try WebFixture(users: [("sari", ["kasi"])])
        try await f.test { b in
            try await b.login("sari")
            #expect(try await b.get("/sop").text.contains("/sop/anak-jalanan"))
            let page = try await b.get("/sop/anak-jalanan/dokumen")
            let entry = try #require(f.server.sops.entries["anak-jalanan"])
            #expect(page.text == SOPDocumentHTML().render(entry.definition))
            let csp = try #require(page.headers[.contentSecurityPolicy])
            #expect(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'self'") && !csp.contains("script-src 'self' 'unsafe"))
            #expect(try await b.get("/sop/tidak-ada").status == .notFound)
            #expect(try await b.get("/sop/tidak-ada/dokumen").status == .notFound)
            #expect(try await b.get("/sop/tidak-ada/pdf").status == .notFound)
        }
    }
}

/// Tugas saya on a large inbox.
@Suite("sop serve: a large inbox")
struct LargeInboxTests {
    @Test("Tugas saya lists the 100 most urgent tasks and counts the rest")
    func firstHundred() async throws {
        let f = try WebFixture(users: [("sari", ["kasi"])])
        let entry = try #require(f.server.sops.entries["anak-jalanan"])
        let service = CaseService(store: f.store, actor: "setup", calendarFolder: WebFixture.root.appendingPathComponent("sops").path,
                                  clock: { f.clock.read() })
        for i in 0..<(WebServer.tasksShown + 3) {
            _ = try service.open(definition: entry.definition, source: entry.source, hash: entry.hash,
                                 data: ["nama_anak": "Anak \(i)", "putus_sekolah": "true"], documents: [], at: f.clock.read(), key: nil)
        }
        try await f.test { b in
            try await b.login("sari")
            let page = try await b.get("/tugas")
            #expect(page.text.components(separatedBy: "<tr").count - 2 == WebServer.tasksShown)
            #expect(page.text.contains(HTML.escape(PageText.moreTasks(3))))
        }
    }
}

/// Page views audited in batches (what `sop serve` runs with).
@Suite("sop serve: page views audited in batches")
struct BatchedAuditTests {
    @Test("each page view is in the audit trail as the logged-in user at the time it was served, once the batch is written")
    func viewsLandInTheTrail() async throws {
        let f = try WebFixture(users: [("sari", ["kasi"])])
        let batcher = AuditBatcher(store: f.store)
        let clock = f.clock
        let server = WebServer(store: f.store, sops: f.server.sops, osLogin: "tester", clock: { clock.read() }, auditBatcher: batcher)
        let first = f.clock.read()
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            let b = Browser(client: client)
            try await b.login("sari")
            #expect(try await b.get("/tugas").status == .ok)
            clock.advance(90)
            #expect(try await b.get("/tugas").status == .ok)
        }
        let before = try f.store.audit(caseID: nil).filter { $0.action == "web tugas" }
        #expect(before.isEmpty)
        try batcher.stop()
        let views = try f.store.audit(caseID: nil).filter { $0.action == "web tugas" }
        #expect(views.map(\.actor) == ["sari", "sari"])
        #expect(views.map(\.at) == [first, first.addingTimeInterval(90)])
        #expect(views.allSatisfy { $0.role == "kasi" && $0.osLogin == "tester" })
    }
}
