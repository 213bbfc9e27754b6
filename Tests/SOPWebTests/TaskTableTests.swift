import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SOPJournal
@testable import SOPKit
@testable import SOPWeb

/// Issue 17: the server keeps Tugas saya's rendered table while neither its worklist rows nor time
/// can change it. Each test compares the page of a server that keeps tables with the page a server
/// keeping none renders for the same session at the same `now`, byte for byte.
@Suite("Tugas saya's kept table (issue 17)")
struct TaskTableTests {
    static let zone = TimeZone(identifier: "Asia/Jakarta")!
    static func at(_ text: String) -> Date { InstantFormat.parse(text, in: zone)! }
    static let everyRole = ["kasi", "petugas", "peksos", "kabid", "kadis"]

    /// A journal of cases of the reference SOP opened through the morning of 6 January 2025 (Monday)
    /// at several steps, and one at the monthly support group (a recurring step); users `semua`
    /// (every role) and `sari` (kasi). Sessions do not expire: the tests move the clock by weeks.
    final class Office: @unchecked Sendable {
        let fixture: WebFixture
        let keeping: WebServer
        let fresh: WebServer
        let service: CaseService

        init() throws {
            fixture = try WebFixture(users: [("semua", TaskTableTests.everyRole), ("sari", ["kasi"])])
            let f = fixture
            let policy = SessionPolicy(idleLimit: 1e9, absoluteLimit: 1e9)
            keeping = WebServer(store: f.store, sops: f.server.sops, policy: policy, osLogin: "tester", clock: { f.clock.read() })
            fresh = WebServer(store: f.store, sops: f.server.sops, policy: policy, osLogin: "tester", clock: { f.clock.read() })
            service = CaseService(store: f.store, actor: "setup", calendarFolder: WebFixture.root.appendingPathComponent("sops").path,
                                  clock: { f.clock.read() })
            let entry = try #require(f.server.sops.entries["anak-jalanan"])
            // Work is recorded after it happened: the setup runs at the end of the first day.
            f.clock.set(TaskTableTests.at("2025-01-06T17:00"))
            for i in 0..<8 {
                let opened = TaskTableTests.at("2025-01-06T08:00").addingTimeInterval(Double(i) * 11 * 60 + Double(i) * 7.25)
                let id = try service.open(definition: entry.definition, source: entry.source, hash: entry.hash,
                                          data: ["nama_anak": "Anak \(i)", "putus_sekolah": "true"], documents: [], at: opened, key: nil).caseID
                // Some further along: their due times fall on later days and across the office's hours.
                if i % 3 == 1 {
                    _ = try service.act(caseID: id, step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil,
                                        at: opened.addingTimeInterval(5 * 60), key: nil)
                    _ = try service.act(caseID: id, step: "perintah-spt", role: "petugas", answer: nil, documents: [], note: nil,
                                        at: opened.addingTimeInterval(9 * 60), key: nil)
                }
            }
            _ = try MorePagesTests.caseAtSupportGroup(f)
        }

        /// Runs `body` with a client of each server; both log in as `user` with one session.
        func test(as user: String, _ body: @escaping @Sendable (Browser, Browser) async throws -> Void) async throws {
            let keepingApp = Application(router: keeping.router())
            let freshApp = Application(router: fresh.router())
            try await keepingApp.test(.router) { keepingClient in
                try await freshApp.test(.router) { freshClient in
                    let kept = Browser(client: keepingClient), rendered = Browser(client: freshClient)
                    try await kept.login(user)
                    rendered.cookies = kept.cookies
                    try await body(kept, rendered)
                }
            }
        }

        /// Tugas saya at `now` from both servers; expects the same bytes and returns them.
        @discardableResult
        func expectSamePage(_ kept: Browser, _ rendered: Browser, now: Date, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> String {
            fixture.clock.set(now)
            let page = try await kept.get("/tugas")
            fresh.taskTables.forget()
            let reference = try await rendered.get("/tugas")
            #expect(page.status == .ok && reference.status == .ok, sourceLocation: sourceLocation)
            #expect(page.text == reference.text, "Tugas saya differs from a fresh rendering at \(InstantFormat.string(now, in: TaskTableTests.zone)) (\(now.timeIntervalSince1970))",
                    sourceLocation: sourceLocation)
            return page.text
        }

        /// The due instants of every task of `roles` (the ones the table's rows can change at).
        func dues(_ roles: [String]) throws -> [Date] {
            try service.worklistHead(roles: roles, worksOn: { _ in true }, now: TaskTableTests.at("2025-01-06T07:00"), limit: 1000)
                .entries.compactMap(\.item.due)
        }
    }

    /// The instants a table can change at, and around them: due instants (an overdue mark appears
    /// just after), the half minutes at which an overdue row's lateness rounds up, and the edges of
    /// office hours (lateness stops and starts growing), each with the millisecond before and after;
    /// and a sweep every two hours over the first week, three views a few seconds apart each time, and days in the support group's windows.
    /// (Every twenty minutes made this one test run for ten minutes in a debug build beside the rest
    /// of the suite, long enough to starve the live-server tests of the two cores.)
    static func instants(dues: [Date]) -> [Date] {
        var instants: [Date] = []
        for due in dues {
            for offset in [-0.001, 0, 0.001, 1, 29.999, 30, 30.001, 59.999, 60, 89.999, 90, 90.001, 150] {
                instants.append(due.addingTimeInterval(offset))
            }
        }
        for day in ["06", "07", "08", "09", "10"] {
            for edge in ["07:30", "11:30", "12:00", "13:00", "16:00", "16:30"] {
                for offset in [-60, -30.001, -30, -0.001, 0, 0.001, 29.999, 30, 30.001, 60, 90] {
                    instants.append(at("2025-01-\(day)T\(edge)").addingTimeInterval(offset))
                }
            }
        }
        let start = at("2025-01-06T07:00")
        // Views in quick succession, as an office makes them: these are answered from the kept table.
        for step in 0..<(7 * 12) {
            for offset in [0.37, 1.2, 4.9] { instants.append(start.addingTimeInterval(Double(step) * 7200 + offset)) }
        }
        for text in ["2025-01-20T09:00", "2025-01-22T10:00", "2025-02-06T13:59:59", "2025-02-06T14:00", "2025-02-25T10:00"] {
            instants.append(at(text))
        }
        return instants.sorted()
    }

    @Test("at every instant around due times, half minutes, office-hour edges and windows, the kept page is the page rendered afresh")
    func sameBytesAsTimePasses() async throws {
        let office = try Office()
        let instants = Self.instants(dues: try office.dues(Self.everyRole))
        try await office.test(as: "semua") { kept, rendered in
            var pages = Set<String>()
            for now in instants {
                pages.insert(try await office.expectSamePage(kept, rendered, now: now))
            }
            // Back in time (a clock set back): a table is not used before the instant it was rendered at.
            for now in instants.prefix(120).reversed() {
                try await office.expectSamePage(kept, rendered, now: now)
            }
            #expect(pages.count > 100, "time should change the page")
        }
        // The comparison is not empty: most views were answered from a kept table.
        let (hits, renders) = (office.keeping.taskTables.hits, office.keeping.taskTables.renders)
        #expect(hits > 300 && renders > 100, "hits \(hits), renders \(renders) of \(instants.count + 120) views")
    }

    @Test("a step signed between two views (the rows change) is on the next view, as rendered afresh")
    func rowsChange() async throws {
        let office = try Office()
        let now = Self.at("2025-01-06T10:00:12")
        try await office.test(as: "semua") { kept, rendered in
            let before = try await office.expectSamePage(kept, rendered, now: now)
            #expect(try await office.expectSamePage(kept, rendered, now: now) == before)
            let waiting = try #require(try office.service.worklistHead(roles: ["kasi"], worksOn: { _ in true }, now: now, limit: 1).entries.first)
            _ = try office.service.act(caseID: waiting.item.caseID, step: waiting.item.step, role: "kasi", answer: nil, documents: [], note: nil,
                                       at: now, key: nil)
            let after = try await office.expectSamePage(kept, rendered, now: now)
            #expect(after != before)
        }
    }

    @Test("with read-model gaps (a journal from before the worklist rows) the page is the cases folded, the same as from the rows, and nothing is kept")
    func gapsFold() async throws {
        let office = try Office()
        let now = Self.at("2025-01-07T09:00")
        try await office.test(as: "semua") { kept, rendered in
            let fromRows = try await office.expectSamePage(kept, rendered, now: now)
            try await office.fixture.store.writer.write { db in
                try db.execute(sql: "DELETE FROM case_tasks")
                try db.execute(sql: "INSERT INTO read_model_gaps (case_id) SELECT id FROM cases")
            }
            let renders = office.keeping.taskTables.renders
            let folded = try await office.expectSamePage(kept, rendered, now: now)
            #expect(folded == fromRows)
            // Folded pages are never offered for keeping.
            #expect(office.keeping.taskTables.renders == renders)
        }
    }

    @Test("each role set keeps its own table: another user's view does not push it out, and each gets its own tasks")
    func roleSets() async throws {
        let office = try Office()
        let now = Self.at("2025-01-07T09:00")
        for user in ["semua", "sari", "semua"] {
            try await office.test(as: user) { kept, rendered in
                try await office.expectSamePage(kept, rendered, now: now)
                try await office.expectSamePage(kept, rendered, now: now.addingTimeInterval(1))
            }
        }
        // The second view of each visit, and the first of the second visit of `semua`, whose
        // table Sari's views left in place (no lateness rounds anew within that second).
        #expect(office.keeping.taskTables.hits == 4)
    }

    @Test("a change of the calendar's UTC offset ends a table's stretch (local clocks jump there, and with them working minutes)")
    func offsetChange() throws {
        // No SOP can name a zone with summer time today (`zona` takes Indonesia's zones); the
        // table does not count on it: the zone is set by hand here.
        let text = try String(contentsOf: WebFixture.root.appendingPathComponent("sops/anak-jalanan.yaml"), encoding: .utf8)
        var definition = try #require(SOPLoader().load(text: text).definition)
        definition.time.timeZoneGiven = false
        var calendar = try #require(CalendarStore.load(id: "indonesia", searchingFrom: WebFixture.root.appendingPathComponent("sops").path).calendar)
        calendar.timeZone = try #require(TimeZone(identifier: "Europe/Berlin"))
        let context = CaseContext(definition: definition, calendar: calendar)
        // Summer time begins in Berlin at 01:00 UTC on 30 March 2025; the row is due a day later.
        let jump = Date(timeIntervalSince1970: 1_743_296_400)
        let item = WorkItem(caseID: "AJ-0001", sopID: definition.id, step: "perintah-spt", stepNumber: 1, uraian: "Perintah",
                            due: jump.addingTimeInterval(86_400), overdue: false, awaited: ["kasi"])
        let table = TaskTable.render([WorklistEntry(item: item, context: context)], total: 1, now: jump.addingTimeInterval(-3_600))
        #expect(table.until == jump)
    }
}
