import Foundation
import GRDB
import Testing
@testable import SOPJournal
@testable import SOPKit

/// The journal on each back end (SQLite always; PostgreSQL when `SOP_TEST_POSTGRES_URL` is set):
/// append-only events, expected-version concurrency, idempotency keys, stored definitions, the
/// audit trail, and refusals of files it must not touch.
@Suite("Case journal")
struct JournalTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func journal(_ name: String = "j.sqlite") throws -> SQLiteJournal {
        try SQLiteJournal(path: folder.appendingPathComponent(name).path)
    }

    private func service(_ store: any JournalStore, actor: String = "tester") -> CaseService {
        CaseService(store: store, actor: actor, calendarFolder: TestPaths.sops.path)
    }

    private func reference() throws -> (SOPDefinition, String, String) {
        let path = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let definition = try #require(SOPLoader().load(path: path).definition)
        return (definition, String(decoding: bytes, as: UTF8.self), SHA256.hex([UInt8](bytes)))
    }

    private func at(_ text: String) -> Date { InstantFormat.parse(text, in: TimeZone(identifier: "Asia/Jakarta")!)! }

    private func openCase(_ s: CaseService, key: String? = nil, name: String = "Budi") throws -> String {
        let (definition, source, hash) = try reference()
        return try s.open(definition: definition, source: source, hash: hash, data: ["nama_anak": name, "putus_sekolah": "true"],
                          documents: [], at: at("2025-01-06T08:00"), key: key).caseID
    }

    @Test("the database file is owner-only, in WAL mode with synchronous FULL")
    func fileSettings() throws {
        let store = try journal()
        let attributes = try FileManager.default.attributesOfItem(atPath: store.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let (mode, sync) = try store.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(sync == 2)
        // The connection that writes is the one that must be FULL (GRDB sets NORMAL there).
        let writerSync = try store.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(writerSync == 2)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test("events are append-only: the schema refuses UPDATE and DELETE", arguments: Backend.enabled)
    func appendOnly(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        _ = try openCase(service(try db.open()))
        // Refused by the schema's own triggers, not by any error (an SQL typo would also throw).
        func refused(_ sql: String, _ reason: String) {
            do {
                try db.execute(sql)
                Issue.record("\(sql) was allowed")
            } catch {
                #expect(String(reflecting: error).contains(reason), "\(sql) failed for another reason: \(String(reflecting: error))")
            }
        }
        refused("UPDATE events SET type = 'x'", "events are append-only")
        refused("DELETE FROM events", "events are append-only")
        refused("DELETE FROM audit", "the audit trail is append-only")
        refused("UPDATE audit SET actor = 'x'", "the audit trail is append-only")
        #expect(try db.count("SELECT COUNT(*) FROM events") == 2)
        #expect(try db.count("SELECT COUNT(*) FROM audit") == 1)
    }

    @Test("each event carries its format version; the case stores the definition it started on", arguments: Backend.enabled)
    func storedDefinitionAndFormat(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        let id = try openCase(service(store))
        let (_, source, hash) = try reference()
        let stored = try store.loadCase(id)
        #expect(stored.definitionSource == source)
        #expect(stored.header.definitionHash == hash)
        #expect(try db.integers("SELECT DISTINCT format FROM events") == [EventCoding.formatVersion])
        #expect(try store.definitionSource(hash: hash) == source)
    }

    @Test("a command based on an old version conflicts and writes nothing", arguments: Backend.enabled)
    func conflict(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        let s = service(store)
        let id = try openCase(s)
        let stale = try s.load(id)
        _ = try s.act(caseID: id, step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil, at: at("2025-01-06T08:05"), key: nil)
        let events = try CaseEngine(context: stale.context).act(on: stale.state, step: "perintah-spt", as: "kasi", at: at("2025-01-06T08:06"))
        let before = try store.loadCase(id).events.count
        do {
            _ = try store.append([EventBatch(caseID: id, expectedVersion: stale.state.version, events: events)],
                                 command: CommandInfo(key: nil, fingerprint: "x", actor: "t", role: "kasi", action: "case do", recordedAt: Date()))
            Issue.record("a stale command was written")
        } catch {
            #expect(error == .conflict(case: id, expected: 2, found: 3))
            #expect(error.description.contains("nothing was written"))
        }
        #expect(try store.loadCase(id).events.count == before)
    }

    @Test("a retry with the same idempotency key records the command once; a key reused for another command is refused",
          arguments: Backend.enabled)
    func idempotency(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        let s = service(store)
        let first = try openCase(s, key: "open-1")
        let again = try openCase(s, key: "open-1")
        #expect(first == again)
        #expect(try store.cases(sopID: nil, status: nil).count == 1)
        let (a, _) = try s.act(caseID: first, step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil,
                              at: at("2025-01-06T08:05"), key: "do-1")
        let (b, _) = try s.act(caseID: first, step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil,
                              at: at("2025-01-06T08:05"), key: "do-1")
        #expect(!a.replayed)
        #expect(b.replayed)
        #expect(a.version == b.version)
        #expect(throws: JournalError.self) { try openCase(s, key: "do-1", name: "Lain") }
    }

    @Test("a later edit of the YAML does not change a running case", arguments: Backend.enabled)
    func definitionIsFrozen(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        let s = service(store)
        let id = try openCase(s)
        let (definition, source, _) = try reference()
        let edited = source.replacingOccurrences(of: "waktu: 15 menit", with: "waktu: 45 menit")
        let editedDefinition = try #require(SOPLoader().load(text: edited).definition)
        _ = try s.open(definition: editedDefinition, source: edited, hash: SHA256.hex(Array(edited.utf8)),
                       data: ["nama_anak": "Ani", "putus_sekolah": "false"], documents: [], at: at("2025-01-06T08:00"), key: nil)
        let old = try s.load(id)
        #expect(old.context.definition.steps[0].waktu?.raw == "15 menit")
        #expect(definition.steps[0].waktu?.raw == "15 menit")
        #expect(try db.count("SELECT COUNT(*) FROM definitions") == 2)
    }

    @Test("a case moves to another definition: stored once, its events appended, the version checked, the key honoured",
          arguments: Backend.enabled)
    func migrateCase(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        let id = try openCase(service(store))
        let (_, source, hash) = try reference()
        let edited = source.replacingOccurrences(of: "waktu: 15 menit", with: "waktu: 45 menit")
        let editedHash = SHA256.hex(Array(edited.utf8))
        let event = CaseEvent(.migrated(from: hash, to: editedHash, mapping: [:]), at: at("2025-01-06T09:00"))
        let command = CommandInfo(key: "move-1", fingerprint: "case migrate \(id)", actor: "siti", role: nil, action: "case migrate", recordedAt: Date())
        func move(_ expected: Int, _ caseID: String? = nil) throws -> CommandOutcome {
            try store.migrateCase(caseID ?? id, expectedVersion: expected, sopID: "anak-jalanan", definitionHash: editedHash,
                                  definitionSource: edited, calendar: TestCalendar.national.revision, events: [event], command: command)
        }
        #expect(throws: JournalError.conflict(case: id, expected: 1, found: 2)) { try move(1) }
        #expect(try store.loadCase(id).header.definitionHash == hash)
        let moved = try move(2)
        #expect(moved.version == 3 && !moved.replayed)
        #expect(try move(2).replayed)
        let loaded = try store.loadCase(id)
        #expect(loaded.header.definitionHash == editedHash)
        #expect(loaded.definitionSource == edited)
        #expect(loaded.events.last?.event == event)
        #expect(try store.definitionSource(hash: hash) == source)
        #expect(try store.audit(caseID: id).map(\.action) == ["case open", "case migrate"])
        #expect(throws: JournalError.unknownCase("AJ-0999")) {
            try store.migrateCase("AJ-0999", expectedVersion: 2, sopID: "anak-jalanan", definitionHash: editedHash, definitionSource: edited,
                                  calendar: TestCalendar.national.revision, events: [event], command: CommandInfo(key: nil, fingerprint: "x", actor: "siti", role: nil,
                                                                        action: "case migrate", recordedAt: Date()))
        }
    }

    @Test("a session for many cases is one transaction: one refused case records nothing for any", arguments: Backend.enabled)
    func sessionAtomic(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        let s = service(store)
        let (definition, source, hash) = try reference()
        var ids: [String] = []
        for name in ["A", "B"] {
            let id = try s.open(definition: definition, source: source, hash: hash, data: ["nama_anak": name, "putus_sekolah": "false"],
                                documents: [], at: at("2025-01-06T08:00"), key: nil).caseID
            for (step, role, time) in [("perintah-spt", "kasi", "08:05"), ("perintah-spt", "petugas", "08:10"), ("disposisi-spt", "kabid", "08:20"),
                                       ("disposisi-spt", "kadis", "08:25"), ("penjangkauan", "kasi", "10:00"), ("penjangkauan", "peksos", "10:00"),
                                       ("penjangkauan", "petugas", "10:00")] {
                _ = try s.act(caseID: id, step: step, role: role, answer: nil, documents: [], note: nil, at: at("2025-01-06T" + time), key: nil)
            }
            ids.append(id)
        }
        let third = try openCase(s, name: "C")
        let versions = try ids.map { try store.loadCase($0).header.version }
        #expect(throws: JournalError.self) { try s.recordSession(step: "support-group", at: at("2025-01-20T09:00"), caseIDs: ids + [third], key: nil) }
        #expect(try ids.map { try store.loadCase($0).header.version } == versions)
        let outcomes = try s.recordSession(step: "support-group", at: at("2025-01-20T09:00"), caseIDs: ids, key: nil)
        #expect(outcomes.map(\.caseID) == ids)
        #expect(try ids.allSatisfy { try s.load($0).state.latestRun(of: "support-group")?.occurrences[0].attendedAt != nil })
    }

    @Test("reports read the journal in parts by case id on every core: the same cases, in the same order, the same report",
          arguments: Backend.enabled)
    func partitionedRead(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        let s = service(store)
        var ids: [String] = []
        for i in 0..<23 {
            let id = try openCase(s, name: "Anak \(i)")
            // Different progress and timing per case, so the report has something to differ on.
            for (step, role, minute) in [("perintah-spt", "kasi", 5), ("perintah-spt", "petugas", 10)].prefix(i % 3) {
                _ = try s.act(caseID: id, step: step, role: role, answer: nil, documents: [], note: nil,
                              at: at("2025-01-06T08:00").addingTimeInterval(Double(60 * (minute + i))), key: nil)
            }
            ids.append(id)
        }
        // A range of ids gives exactly the cases in it, in the order they were opened.
        let range = try store.allCases(sopID: nil, ids: CaseIDRange(lower: ids[5], upper: ids[12]))
        #expect(range.map(\.header.id) == Array(ids[5..<12]))
        #expect(try store.allCases(sopID: nil, ids: CaseIDRange(lower: ids[20], upper: nil)).map(\.header.id) == Array(ids[20...]))
        #expect(try store.allCases(sopID: "no-such-sop", ids: nil).isEmpty)

        let whole = try s.loadAll(sopID: nil, parts: 1, casesPerPart: 1).map { try $0.get() }
        #expect(whole.map(\.id) == ids)
        for parts in [2, 3, 7] {
            let split = try s.loadAll(sopID: nil, parts: parts, casesPerPart: 2).map { try $0.get() }
            #expect(split.map(\.id) == ids, "\(parts) parts")
            #expect(split.map(\.state.version) == whole.map(\.state.version))
            #expect(ComplianceReport(cases: split, from: nil, to: nil).lines == ComplianceReport(cases: whole, from: nil, to: nil).lines)
        }
        #expect(ComplianceReport(cases: whole, from: nil, to: nil).lines.first { $0.name == "perintah-spt" }?.count == 7)
    }

    @Test("reads and writes are in the audit trail with the actor and the role", arguments: Backend.enabled)
    func auditTrail(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        let s = service(store, actor: "siti")
        let id = try openCase(s)
        _ = try s.act(caseID: id, step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil, at: at("2025-01-06T08:05"), key: nil)
        _ = try s.show(id, role: nil)
        let entries = try store.audit(caseID: id)
        #expect(entries.map(\.action) == ["case open", "case do", "case show"])
        #expect(entries.allSatisfy { $0.actor == "siti" })
        #expect(entries[1].role == "kasi")
    }

    @Test("a foreign SQLite database, a non-database file and a newer journal are refused and left untouched")
    func refusals() throws {
        let foreign = folder.appendingPathComponent("foreign.sqlite").path
        try DatabaseQueue(path: foreign).write { db in try db.execute(sql: "CREATE TABLE pasien (nama TEXT)") }
        chmod(foreign, 0o600)  // private, so it is refused for what it is, not for its permissions
        #expect(throws: JournalError.cannotOpen(JournalFileMessages.foreignDatabase(["path": .text(foreign), "tables": "pasien"]))) {
            try SQLiteJournal(path: foreign)
        }
        let text = folder.appendingPathComponent("notes.sqlite")
        try Data("catatan rapat\n".utf8).write(to: text)
        do {
            _ = try SQLiteJournal(path: text.path)
            Issue.record("a text file was opened as a journal")
        } catch {
            #expect(error.description.contains("not an SQLite database"))
        }
        #expect(try String(contentsOf: text, encoding: .utf8) == "catatan rapat\n")
        let newer = try journal("newer.sqlite")
        try newer.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
        }
        do {
            _ = try SQLiteJournal(path: newer.path)
            Issue.record("a newer journal was opened")
        } catch {
            #expect(error.description.contains("was written by a newer version of sop (schema v9-future)"))
        }
        #expect(throws: JournalError.self) { try SQLiteJournal(path: folder.appendingPathComponent("missing/j.sqlite").path) }
    }

    @Test("the shipped migrations are exactly the known ones (never edited, only added)")
    func migrations() throws {
        #expect(JournalSchema.migrator.migrations == ["v1-journal", "issue13-audit-as-of", "issue12-chain", "issue13-calendars", "issue13-calendar-chain",
                                                      "issue17-read-model", "issue17-accounts", "issue17-case-tasks", "issue17-worklist-marker"])
        #expect(PostgresSchema.migrationNames == JournalSchema.migrator.migrations)
        #expect(JournalSchema.migrationNames == Set(JournalSchema.migrator.migrations))
    }
}
