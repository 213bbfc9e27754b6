import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// Issue 13, finding 2: a case runs on the calendar revision pinned in the journal when it was
/// opened; editing a calendar file moves nothing; `sop calendar update` moves open cases, journaled.
@Suite("Calendar pinning (issue 13)")
struct CalendarPinningTests {
    private static let zone = TimeZone(identifier: "Asia/Jakarta")!
    private func at(_ text: String) -> Date { InstantFormat.parse(text, in: Self.zone)! }

    /// A folder with `sops/aj.yaml` (the reference SOP on the office calendar `kantor-uji`) and
    /// `calendars/kantor-uji.yaml` (the national calendar, nothing added yet).
    private struct Office {
        let folder: URL
        let sop: String
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-pin-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("sops"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("calendars"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
            sop = try String(contentsOf: TestPaths.sops.appendingPathComponent("anak-jalanan.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "  kalender: indonesia\n", with: "  kalender: kantor-uji\n")
            try sop.write(to: folder.appendingPathComponent("sops/anak-jalanan.yaml"), atomically: true, encoding: .utf8)
            try writeCalendar(extra: "")
        }
        var calendarFile: URL { folder.appendingPathComponent("calendars/kantor-uji.yaml") }
        func writeCalendar(extra: String) throws {
            try ("id: kantor-uji\nextends: indonesia\n" + extra).write(to: calendarFile, atomically: true, encoding: .utf8)
        }
        /// The office closes on the day the case opened: the first step's due time moves a day.
        func closeOpeningDay() throws {
            try writeCalendar(extra: "holidays:\n  - {date: 2025-01-06, name: \"Rapat kerja\"}\n")
        }
        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    private func service(_ store: any JournalStore, _ office: Office) -> CaseService {
        let fixed = at("2025-01-06T09:00")
        return CaseService(store: store, actor: "siti", calendarFolder: office.folder.path, clock: { fixed })
    }

    private func firstDue(_ s: CaseService, _ id: String) throws -> Date? {
        try s.load(id).state.runs.first?.due
    }

    @Test("editing the calendar file moves no due time of a running case; calendar update moves open cases only, journaled",
          arguments: Backend.enabled)
    func pinnedAndUpdated(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let office = try Office()
        defer { office.remove() }
        let store = try db.open()
        let s = service(store, office)
        let definition = try #require(SOPLoader().load(text: office.sop).definition)
        let hash = SHA256.hex(Array(office.sop.utf8))
        let running = try s.open(definition: definition, source: office.sop, hash: hash,
                                 data: ["nama_anak": "Budi", "putus_sekolah": "true"], documents: [], at: at("2025-01-06T08:00"), key: nil).caseID
        // A case run to its end, stored on the same calendar revision.
        let context = try s.context(for: definition)
        let events = try StandardRun(engine: CaseEngine(context: context))
            .run(data: ["nama_anak": "Sari", "putus_sekolah": "false"], start: at("2025-01-06T08:00")).events
        let ended = try store.openCase(sopID: definition.id, definitionHash: hash, definitionSource: office.sop, calendar: context.calendar.revision,
                                       events: events, command: CommandInfo(key: nil, fingerprint: "done", actor: "siti", role: nil,
                                                                            action: "case open", recordedAt: at("2025-01-06T09:00"))).caseID
        let pinned = context.calendar.revision.hash
        #expect(try store.loadCase(running).header.calendarHash == pinned)
        #expect(try s.load(ended).state.status != .open)
        #expect(try firstDue(s, running) == at("2025-01-06T08:15"))
        let endedDues = try s.load(ended).state.runs.map(\.due)

        try office.closeOpeningDay()
        // A new service reads the files afresh: the pinned case does not see the edit.
        let fresh = service(try db.open(), office)
        #expect(try firstDue(fresh, running) == at("2025-01-06T08:15"))
        #expect(try fresh.load(running).context.calendar.holiday(on: CalendarDate(unchecked: 2025, month: 1, day: 6)) == nil)

        let edited = try #require(CalendarStore.load(id: "kantor-uji", searchingFrom: office.folder.path).calendar)
        let plan = try fresh.planCalendarUpdate(edited)
        #expect(plan.cases.map(\.caseID) == [running])
        #expect(plan.ended == [ended])
        let move = try #require(plan.cases.first?.moves.first { $0.what == "step perintah-spt" })
        #expect(move.before == at("2025-01-06T08:00").addingTimeInterval(15 * 60))
        #expect(move.after.map { $0 > at("2025-01-07T00:00") } == true)
        #expect(move.why == ["2025-01-06 is now a day off (Rapat kerja, office)"])

        let outcomes = try fresh.applyCalendarUpdate(plan, key: nil)
        #expect(outcomes.map(\.caseID) == [running])
        #expect(try store.loadCase(running).header.calendarHash == edited.revision.hash)
        #expect(try firstDue(fresh, running) == move.after)
        // The ended case keeps its revision and its due times.
        #expect(try store.loadCase(ended).header.calendarHash == pinned)
        #expect(try service(try db.open(), office).load(ended).state.runs.map(\.due) == endedDues)
        let audit = try store.audit(caseID: running).last
        #expect(audit?.action == "calendar update")
        #expect(audit?.detail.map { StoredMessage.text($0, in: .en) } == "calendar kantor-uji: \(pinned.prefix(12)) -> \(edited.revision.shortHash)")
        // The plan is stale now: applying it again refuses and writes nothing.
        #expect(throws: JournalError.self) { try fresh.applyCalendarUpdate(plan, key: nil) }
        #expect(try store.audit(caseID: running).filter { $0.action == "calendar update" }.count == 1)
    }

    @Test("stored calendars are append-only; a case without a pin is read with today's files and says so", arguments: Backend.enabled)
    func appendOnlyAndUnpinned(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let office = try Office()
        defer { office.remove() }
        let s = service(try db.open(), office)
        let definition = try #require(SOPLoader().load(text: office.sop).definition)
        let id = try s.open(definition: definition, source: office.sop, hash: SHA256.hex(Array(office.sop.utf8)),
                            data: ["nama_anak": "Budi", "putus_sekolah": "true"], documents: [], at: at("2025-01-06T08:00"), key: nil).caseID
        #expect(throws: (any Error).self) { try db.execute("UPDATE calendars SET sources = '{}'") }
        #expect(throws: (any Error).self) { try db.execute("DELETE FROM calendars") }
        #expect(try db.count("SELECT COUNT(*) FROM calendars") == 1)
        // As a case opened before calendars were pinned: it follows the files.
        try db.execute("UPDATE cases SET calendar_hash = NULL")
        try office.closeOpeningDay()
        let loaded = try service(try db.open(), office).load(id)
        #expect(loaded.state.runs.first?.due.map { $0 > at("2025-01-07T00:00") } == true)
        let view = CaseView(loaded: loaded, report: CaseReport(state: loaded.state, context: loaded.context, now: at("2025-01-06T09:00")))
        #expect(view.calendarLine.hasPrefix("kantor-uji not pinned (opened before calendars were pinned): read from "), "\(view.calendarLine)")
    }

    @Test("case migrate keeps the case's pinned calendar revision: a new definition does not bring the edited calendar")
    func migrateKeepsPin() throws {
        let db = try TestDatabase(.sqlite)
        defer { db.remove() }
        let office = try Office()
        defer { office.remove() }
        let store = try db.open()
        let s = service(store, office)
        let definition = try #require(SOPLoader().load(text: office.sop).definition)
        let id = try s.open(definition: definition, source: office.sop, hash: SHA256.hex(Array(office.sop.utf8)),
                            data: ["nama_anak": "Budi", "putus_sekolah": "true"], documents: [], at: at("2025-01-06T08:00"), key: nil).caseID
        let pinned = try store.loadCase(id).header.calendarHash
        try office.closeOpeningDay()
        let revised = office.sop.replacingOccurrences(of: "waktu: 15 menit", with: "waktu: 45 menit")
        let target = try #require(SOPLoader().load(text: revised).definition)
        let hash = SHA256.hex(Array(revised.utf8))
        let fresh = service(try db.open(), office)
        let loaded = try fresh.load(id)
        let migrator = CaseMigrator(target: target, targetHash: hash, targetContext: try fresh.context(for: target), explicit: [:])
        _ = try fresh.migrate(loaded, plan: migrator.plan(loaded), definition: target, source: revised, key: nil)
        #expect(try store.loadCase(id).header.definitionHash == hash)
        #expect(try store.loadCase(id).header.calendarHash == pinned)
        #expect(try firstDue(fresh, id) == at("2025-01-06T08:45"))
    }

    @Test("a revision's hash covers every file it is built from; a pinned calendar builds from the stored files only")
    func revisionHash() throws {
        let office = try Office()
        defer { office.remove() }
        let calendar = try #require(CalendarStore.load(id: "kantor-uji", searchingFrom: office.folder.path).calendar)
        #expect(calendar.sources.keys.sorted() == ["indonesia", "kantor-uji"])
        #expect(calendar.sources["indonesia"] == CalendarStore.builtInText(id: "indonesia"))
        let revision = calendar.revision
        let again = try #require(CalendarRevision(calendarID: "kantor-uji", encoded: revision.encoded))
        #expect(again.hash == revision.hash)
        var national = revision
        national.sources["indonesia"]? += "\n"
        #expect(national.hash != revision.hash)
        try office.closeOpeningDay()
        let rebuilt = try #require(CalendarStore.load(revision: revision).calendar)
        #expect(rebuilt.holiday(on: CalendarDate(unchecked: 2025, month: 1, day: 6)) == nil)
        #expect(rebuilt.revision.hash == revision.hash)
        #expect(rebuilt.source == "journal revision \(revision.shortHash)")
    }

    @Test("sop calendar update --dry-run lists what moves and changes nothing; the update moves the case; show works from any folder",
          arguments: Backend.enabled)
    func cli(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let office = try Office()
        defer { office.remove() }
        func sop(_ arguments: [String], in folder: URL? = nil) throws -> CLIResult {
            try CLI.run(arguments + ["--db", db.location, "--user", "siti"], in: folder ?? office.folder)
        }
        let opened = try sop(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true",
                              "--at", "2025-01-06T08:00"])
        #expect(opened.status == 0, "\(opened.stderr)")
        let shown = try sop(["case", "show", "AJ-0001"], in: office.folder.appendingPathComponent("elsewhere"))
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("calendar: kantor-uji revision "), "\(shown.stdout)")
        #expect(shown.stdout.contains("due 2025-01-06T08:15:00+07:00"), "\(shown.stdout)")
        try office.closeOpeningDay()
        let rows = "SELECT (SELECT COUNT(*) FROM audit) + (SELECT COUNT(*) FROM calendars) * 1000"
        let rowsBefore = try db.count(rows)
        let pinBefore = try db.open().loadCase("AJ-0001").header.calendarHash
        let dry = try sop(["calendar", "update", "calendars/kantor-uji.yaml", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("  step perintah-spt: 2025-01-06T08:15:00+07:00 -> 2025-01-07T"), "\(dry.stdout)")
        #expect(dry.stdout.contains("    because 2025-01-06 is now a day off (Rapat kerja, office)"), "\(dry.stdout)")
        #expect(dry.stdout.contains("nothing was changed"), "\(dry.stdout)")
        // Nothing written: no audit entry, no stored calendar, the case still on its revision.
        // (dryRunTouchesNothing compares the file's bytes.)
        #expect(try db.count(rows) == rowsBefore)
        #expect(try db.open().loadCase("AJ-0001").header.calendarHash == pinBefore)
        #expect(try sop(["case", "show", "AJ-0001"]).stdout.contains("due 2025-01-06T08:15:00+07:00"))
        let real = try sop(["calendar", "update", "calendars/kantor-uji.yaml"])
        #expect(real.status == 0, "\(real.stderr)")
        #expect(real.stdout.contains("1 open case(s) moved to "), "\(real.stdout)")
        let after = try sop(["case", "show", "AJ-0001"], in: office.folder.appendingPathComponent("elsewhere"))
        #expect(after.stdout.contains("due 2025-01-07T"), "\(after.stdout)")
        #expect(try sop(["audit", "--case", "AJ-0001"]).stdout.contains("calendar update"))
    }

    @Test("sop calendar update --dry-run leaves the journal file byte for byte as it was, and makes no journal where there is none")
    func dryRunTouchesNothing() throws {
        let db = try TestDatabase(.sqlite)
        defer { db.remove() }
        let office = try Office()
        defer { office.remove() }
        func sop(_ arguments: [String]) throws -> CLIResult {
            try CLI.run(arguments + ["--db", db.location, "--user", "siti"], in: office.folder)
        }
        let opened = try sop(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true",
                              "--at", "2025-01-06T08:00"])
        #expect(opened.status == 0, "\(opened.stderr)")
        try office.closeOpeningDay()
        let folder = URL(fileURLWithPath: db.location).deletingLastPathComponent()
        func snapshot() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                files[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
            }
            return files
        }
        let before = try snapshot()
        #expect(before.keys.contains { $0.hasSuffix(".sqlite") })
        let dry = try sop(["calendar", "update", "calendars/kantor-uji.yaml", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("  step perintah-spt: 2025-01-06T08:15:00+07:00 -> 2025-01-07T"), "\(dry.stdout)")
        let after = try snapshot()
        for (name, bytes) in before { #expect(after[name] == bytes, "\(name) changed") }
        // SQLite's read-only open of a WAL journal may leave its shared-memory index and an empty
        // -wal (no change in it); the next command's close removes them.
        for name in Set(after.keys).subtracting(before.keys) {
            #expect(name.hasSuffix("-shm") || (name.hasSuffix("-wal") && after[name]?.isEmpty == true), "\(name) left with \(after[name]?.count ?? 0) bytes")
        }
        // A dry run against a journal that does not exist makes none.
        let none = folder.appendingPathComponent("none.sqlite").path
        let missing = try CLI.run(["calendar", "update", "calendars/kantor-uji.yaml", "--dry-run", "--db", none], in: office.folder)
        #expect(missing.status == 1)
        #expect(!FileManager.default.fileExists(atPath: none))
    }
}
