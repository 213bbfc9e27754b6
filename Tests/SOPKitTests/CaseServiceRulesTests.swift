import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// Issue 13, findings 3, 4 and 7, in the service: old stored definitions always load, a case that
/// cannot be read does not stop the others, the SOP's zona decides the offsets, and a group session
/// belongs to one SOP.
@Suite("Case service rules (issue 13)")
struct CaseServiceRulesTests {
    private static let zone = TimeZone(identifier: "Asia/Jakarta")!
    private func at(_ text: String) -> Date { InstantFormat.parse(text, in: Self.zone)! }

    private func service(_ store: any JournalStore) -> CaseService {
        let fixed = at("2025-02-01T09:00")
        return CaseService(store: store, actor: "siti", calendarFolder: TestPaths.sops.path, clock: { fixed })
    }

    private func source(_ name: String) throws -> String {
        try String(contentsOf: TestPaths.sops.appendingPathComponent(name + ".yaml"), encoding: .utf8)
    }

    private func open(_ s: CaseService, sop name: String = "anak-jalanan", text: String? = nil,
                      data: [String: String] = ["nama_anak": "Budi", "putus_sekolah": "true"]) throws -> String {
        let text = try text ?? source(name)
        let definition = try #require(SOPLoader().load(text: text).definition)
        return try s.open(definition: definition, source: text, hash: SHA256.hex(Array(text.utf8)), data: data, documents: [],
                          at: at("2025-01-06T08:00"), key: nil).caseID
    }

    /// Stores a case under `stored` (a definition text) directly, as an older release would have.
    private func storeDirectly(_ s: CaseService, stored: String, runningAs text: String) throws -> String {
        let definition = try #require(SOPLoader().load(text: text).definition)
        let calendar = try #require(CalendarStore.load(id: "indonesia", searchingFrom: TestPaths.root.path).calendar)
        let events = try CaseEngine(context: CaseContext(definition: definition, calendar: calendar))
            .open(data: ["nama_anak": "Budi", "putus_sekolah": "true"], documents: [], at: at("2025-01-06T08:00"))
        return try s.store.openCase(sopID: definition.id, definitionHash: SHA256.hex(Array(stored.utf8)), definitionSource: stored,
                                    calendar: calendar.revision, events: events, command: CommandInfo(key: nil, fingerprint: "old", actor: "siti", role: nil,
                                                                         action: "case open", recordedAt: at("2025-01-06T08:00"))).caseID
    }

    @Test("a case stored under a definition that a stricter, newer check rejects still folds, shows, reports and exports",
          arguments: Backend.enabled)
    func oldDefinitionLoads(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let s = service(try db.open())
        let good = try source("anak-jalanan")
        // Today's validator refuses a start terminator on the second step (SOP316): stand-in for a
        // check added after the case was stored.
        let old = good.replacingOccurrences(of: "  - id: disposisi-spt\n", with: "  - id: disposisi-spt\n    mulai: true\n")
        #expect(old != good)
        #expect(SOPLoader().load(text: old).definition == nil)
        let id = try storeDirectly(s, stored: old, runningAs: good)
        let loaded = try s.load(id)
        #expect(loaded.state.activeRunIndices.map { loaded.state.runs[$0].stepID } == ["perintah-spt"])
        let view = CaseView(loaded: loaded, report: CaseReport(state: loaded.state, context: loaded.context, now: at("2025-01-07T08:00")))
        #expect(view.text().contains("case \(id)"))
        // It can still be worked on, and reported and exported with its work.
        _ = try s.act(caseID: id, step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil,
                      at: at("2025-01-06T09:00"), key: nil)
        _ = try s.act(caseID: id, step: "perintah-spt", role: "petugas", answer: nil, documents: [], note: nil,
                      at: at("2025-01-06T09:10"), key: nil)
        #expect(ComplianceReport(cases: try s.loadAll(sopID: nil), from: nil, to: nil).lines.contains { $0.name == "perintah-spt" })
        #expect(XESExport.xml(try s.loadAll(sopID: nil)).contains(id))
    }

    @Test("a case whose stored definition cannot be read is named, and the others still load", arguments: Backend.enabled)
    func unreadableCase(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let s = service(try db.open())
        let first = try open(s)
        let broken = try storeDirectly(s, stored: "id: [unclosed\n", runningAs: try source("anak-jalanan"))
        let last = try open(s)
        let all = try s.loadReadable(sopID: nil)
        #expect(all.cases.map(\.id) == [first, last])
        #expect(all.unreadable.map(\.id) == [broken])
        #expect(all.unreadable.first?.reason.contains("no longer loads") == true)
    }

    @Test("an SOP with zona: WITA gives +08:00 due times on the national calendar", arguments: Backend.enabled)
    func witaOffice(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let s = service(try db.open())
        let wita = try source("anak-jalanan").replacingOccurrences(of: "  zona: WIB\n", with: "  zona: WITA\n")
        let id = try open(s, text: wita)
        let loaded = try s.load(id)
        #expect(loaded.context.calendar.timeZone.identifier == "Asia/Makassar")
        let report = CaseReport(state: loaded.state, context: loaded.context, now: at("2025-01-06T09:00"))
        // Opened at 08:00 WIB = 09:00 WITA, and 15 menit later in the office's own hours.
        #expect(report.formatDue(report.rows.first?.due) == "2025-01-06T09:15:00+08:00")
        #expect(loaded.context.format(loaded.state.openedAt!) == "2025-01-06T09:00:00+08:00")
    }

    @Test("a zona that contradicts the office calendar's time zone is named")
    func zoneConflict() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-zone-\(UUID().uuidString)")
        let calendars = folder.appendingPathComponent("calendars")
        try FileManager.default.createDirectory(at: calendars, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id: kantor-makassar\nextends: indonesia\ntimezone: Asia/Makassar\n".write(to: calendars.appendingPathComponent("kantor-makassar.yaml"),
                                                                                       atomically: true, encoding: .utf8)
        let office = try #require(CalendarStore.load(id: "kantor-makassar", searchingFrom: folder.path).calendar)
        let wib = try #require(SOPLoader().load(text: try source("anak-jalanan")).definition)
        #expect(CaseContext.zoneConflict(definition: wib, calendar: office)?.english
                == "the SOP 'anak-jalanan' says zona Asia/Jakarta but its office calendar 'kantor-makassar' is in Asia/Makassar; make them agree (remove one of them, or correct it)")
        let wita = try #require(SOPLoader().load(text: try source("anak-jalanan").replacingOccurrences(of: "  zona: WIB\n", with: "  zona: WITA\n")).definition)
        #expect(CaseContext.zoneConflict(definition: wita, calendar: office) == nil)
        // The national calendar's zone is a default only.
        let national = try #require(CalendarStore.load(id: "indonesia", searchingFrom: TestPaths.root.path).calendar)
        #expect(CaseContext.zoneConflict(definition: wita, calendar: national) == nil)
    }

    @Test("a group session belongs to one SOP: a case of another SOP refuses the whole session", arguments: Backend.enabled)
    func sessionOfOneSOP(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let s = service(try db.open())
        let a = try open(s)
        let version = try s.load(a).state.version
        do {
            _ = try s.recordSession(sopID: "pembuatan-duk", step: "support-group", at: at("2025-01-20T09:00"), caseIDs: [a], key: nil)
            Issue.record("a case of another SOP was accepted")
        } catch {
            guard case .refused(let r) = error else { Issue.record("\(error)"); return }
            #expect(r.message == "case \(a) is a case of 'anak-jalanan', not of 'pembuatan-duk'; nothing was recorded")
        }
        #expect(try s.load(a).state.version == version)
    }
}
