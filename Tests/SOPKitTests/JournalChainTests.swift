import Foundation
import GRDB
import Testing
@testable import SOPJournal
@testable import SOPKit

/// Tamper evidence (issue 12 finding 4, issue 20 finding 2), on each back end: the hash chains of
/// events (per case), the audit trail and the stored definitions; `verify` names the first row
/// that breaks one; an erased payload whose hash is kept still verifies; REPLACE is refused; an
/// altered stored definition is refused on load; journals made before the chains get them.
@Suite("Journal hash chains and sop journal verify")
struct JournalChainTests {
    private static let zone = TimeZone(identifier: "Asia/Jakarta") ?? .current
    private static func at(_ text: String) -> Date { InstantFormat.parse(text, in: zone) ?? .distantPast }

    private static func reference() throws -> (SOPDefinition, String, String) {
        let path = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let definition = try #require(SOPLoader().load(path: path).definition)
        return (definition, String(decoding: bytes, as: UTF8.self), SHA256.hex([UInt8](bytes)))
    }

    /// Two cases, the first with four more events, and a read.
    private static func fill(_ store: any JournalStore) throws {
        let s = CaseService(store: store, actor: "siti", calendarFolder: TestPaths.sops.path, osLogin: "root", claimedUser: "siti")
        let (definition, source, hash) = try reference()
        for name in ["Budi", "Ani"] {
            _ = try s.open(definition: definition, source: source, hash: hash, data: ["nama_anak": name, "putus_sekolah": "true"],
                           documents: [], at: at("2025-01-06T08:00"), key: nil)
        }
        for (step, role, time) in [("perintah-spt", "kasi", "08:05"), ("perintah-spt", "petugas", "08:10"), ("disposisi-spt", "kabid", "08:20")] {
            _ = try s.act(caseID: "AJ-0001", step: step, role: role, answer: nil, documents: [], note: nil, at: at("2025-01-06T" + time), key: nil)
        }
        _ = try s.show("AJ-0001", role: "kasi")
    }

    private static func verify(_ db: TestDatabase) throws -> JournalVerification {
        JournalVerification.verify(try db.open().chainRows())
    }

    /// Lifts the append-only guard of `table` (as someone with write access to the file or the
    /// tables could), so a test can tamper with it.
    private static func liftGuard(_ db: TestDatabase, _ table: String) throws {
        switch db.backend {
        case .sqlite:
            let triggers = try DatabaseQueue(path: db.location).read { d in
                try String.fetchAll(d, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", arguments: [table])
            }
            for trigger in triggers { try db.execute("DROP TRIGGER \(trigger)") }
        case .postgres:
            try db.execute("ALTER TABLE \(table) DISABLE TRIGGER USER")
        }
    }

    @Test("a journal written by the commands verifies, with a head hash; the head moves with each command", arguments: Backend.enabled)
    func sound(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        try Self.fill(try db.open())
        let result = try Self.verify(db)
        #expect(result.firstBreak == nil, "\(result.firstBreak ?? "")")
        #expect(result.events > 4)
        #expect(result.cases == 2)
        #expect(result.definitions == 1)
        #expect(result.auditRows >= 6)
        #expect(result.head.count == 64)
        try db.open().recordAudit(AuditEntry(at: Date(), actor: "x", role: nil, action: "report", caseID: nil, detail: nil))
        #expect(try Self.verify(db).head != result.head)
    }

    @Test("verify names an edited event (payload, or payload and its hash together)", arguments: Backend.enabled)
    func editedEvent(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        try Self.fill(try db.open())
        try Self.liftGuard(db, "events")
        try db.execute("UPDATE events SET payload = replace(payload, 'Budi', 'Bodi') WHERE case_id = 'AJ-0001' AND seq = 1")
        #expect(try Self.verify(db).firstBreak?.contains("case AJ-0001 event #1: its payload was changed") == true)
        // The careful forger also rewrites the payload hash: the chain hash no longer matches.
        let newHash = JournalChain.payloadHash(try Self.payload(db, "AJ-0001", 1))
        try db.execute("UPDATE events SET payload_hash = '\(newHash)' WHERE case_id = 'AJ-0001' AND seq = 1")
        #expect(try Self.verify(db).firstBreak?.contains("case AJ-0001 event #1: its chain hash does not match") == true)
    }

    private static func payload(_ db: TestDatabase, _ caseID: String, _ seq: Int) throws -> String {
        try #require(try db.open().chainRows().events.first { $0.caseID == caseID && $0.seq == seq }?.payload)
    }

    @Test("verify names a deleted event and a reordered one", arguments: Backend.enabled)
    func deletedAndReordered(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        try Self.fill(try db.open())
        try Self.liftGuard(db, "events")
        // Two events of the same case swap places.
        try db.execute("UPDATE events SET seq = 1000 WHERE case_id = 'AJ-0001' AND seq = 2")
        try db.execute("UPDATE events SET seq = 2 WHERE case_id = 'AJ-0001' AND seq = 3")
        try db.execute("UPDATE events SET seq = 3 WHERE case_id = 'AJ-0001' AND seq = 1000")
        #expect(try Self.verify(db).firstBreak?.contains("case AJ-0001 event #2: its chain hash does not match") == true)
        // One event removed from the middle of the other case's history (and the numbers closed up).
        let db2 = try TestDatabase(backend)
        defer { db2.remove() }
        try Self.fill(try db2.open())
        try Self.liftGuard(db2, "events")
        try db2.execute("DELETE FROM events WHERE case_id = 'AJ-0001' AND seq = 2")
        #expect(try Self.verify(db2).firstBreak?.contains("case AJ-0001: event #2 is missing") == true)
        try db2.execute("UPDATE events SET seq = seq - 1 WHERE case_id = 'AJ-0001' AND seq > 2")
        #expect(try Self.verify(db2).firstBreak?.contains("case AJ-0001 event #2: its chain hash does not match") == true)
    }

    @Test("verify names an edited and a deleted audit row", arguments: Backend.enabled)
    func editedAudit(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        try Self.fill(try db.open())
        try Self.liftGuard(db, "audit")
        let ids = try db.integers("SELECT id FROM audit ORDER BY id")
        try db.execute("UPDATE audit SET actor = 'someone else' WHERE id = \(ids[2])")
        #expect(try Self.verify(db).firstBreak?.contains("audit row \(ids[2]): its chain hash does not match") == true)
        try db.execute("UPDATE audit SET actor = 'siti' WHERE id = \(ids[2])")
        #expect(try Self.verify(db).firstBreak == nil)
        try db.execute("DELETE FROM audit WHERE id = \(ids[1])")
        #expect(try Self.verify(db).firstBreak?.contains("audit row \(ids[2])") == true)
    }

    @Test("a payload erased after its retention period (replaced by a tombstone, its hash kept) still verifies", arguments: Backend.enabled)
    func erasureKeepsTheChain(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        try Self.fill(try db.open())
        let before = try Self.verify(db)
        try Self.liftGuard(db, "events")
        try db.execute("UPDATE events SET payload = '\(JournalChain.erasedPayload)' WHERE case_id = 'AJ-0002' AND seq = 1")
        let after = try Self.verify(db)
        #expect(after.firstBreak == nil, "\(after.firstBreak ?? "")")
        #expect(after.erased == 1)
        #expect(after.head == before.head, "erasure must not move the head: the chain covers payload hashes, not values")
        let rows = try db.open().chainRows()
        #expect(!rows.events.contains { $0.payload.contains("Ani") })
    }

    @Test("an altered stored definition is refused on load and named by verify; definitions are append-only", arguments: Backend.enabled)
    func alteredDefinition(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        try Self.fill(try db.open())
        #expect(throws: (any Error).self) { try db.execute("UPDATE definitions SET source = source || ' '") }
        #expect(throws: (any Error).self) { try db.execute("DELETE FROM definitions") }
        try Self.liftGuard(db, "definitions")
        try db.execute("UPDATE definitions SET source = replace(source, 'waktu: 15 menit', 'waktu: 15 hari')")
        let store = try db.open()
        do {
            _ = try store.loadCase("AJ-0001")
            Issue.record("an altered definition was loaded")
        } catch {
            #expect(error.description.contains("was altered"), "\(error.description)")
        }
        #expect(throws: JournalError.self) { try store.allCases(sopID: nil) }
        #expect(try Self.verify(db).firstBreak?.contains("was altered") == true)
    }

    @Test("an altered stored calendar revision is refused on load and named by verify (and by sop journal verify); so is a re-dated one",
          arguments: Backend.enabled)
    func alteredCalendar(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        try Self.fill(try db.open())
        let sound = try Self.verify(db)
        #expect(sound.firstBreak == nil, "\(sound.firstBreak ?? "")")
        #expect(sound.calendars == 1)
        #expect(throws: (any Error).self) { try db.execute("UPDATE calendars SET sources = sources || ' '") }
        #expect(throws: (any Error).self) { try db.execute("DELETE FROM calendars") }
        // Loaded once before the change: this process has checked the revision's text (and keeps it).
        _ = try CaseService(store: try db.open(), actor: "siti").load("AJ-0001")
        try Self.liftGuard(db, "calendars")
        // Idul Fitri 2025 moved by a month in the stored national calendar: every due time around it would move.
        try db.execute("UPDATE calendars SET sources = replace(sources, '2025-03-31', '2025-04-30')")
        let shortHash = try #require(try db.open().chainRows().calendars.first?.hash.prefix(12))
        let store = try db.open()
        do {
            _ = try CaseService(store: store, actor: "siti").load("AJ-0001")
            Issue.record("an altered calendar revision was used")
        } catch {
            #expect(error.description.contains("does not match its hash"), "\(error.description)")
        }
        let altered = try Self.verify(db)
        #expect(altered.firstBreak == "the stored calendar revision \(shortHash) (indonesia) was altered: its files no longer have that SHA-256",
                "\(altered.firstBreak ?? "")")
        let cli = try CLI.run(["journal", "verify", "--db", db.location])
        #expect(cli.status == 1)
        #expect(cli.stderr.contains("stored calendar revision \(shortHash) (indonesia) was altered"), "\(cli.stderr)")
        try db.execute("UPDATE calendars SET sources = replace(sources, '2025-04-30', '2025-03-31')")
        #expect(try Self.verify(db).firstBreak == nil)
        // Re-dated: the text is intact, the chain is not.
        try db.execute("UPDATE calendars SET stored_at = stored_at - 86400000")
        #expect(try Self.verify(db).firstBreak == "stored calendar revision \(shortHash) (indonesia): its chain hash does not match (edited, deleted or reordered)")
    }

    @Test("calendar revisions stored before they were chained get the chain by migration (issue13-calendar-chain), and it goes on",
          arguments: Backend.enabled)
    func calendarChainMigration(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let national = try #require(CalendarStore.load(id: "indonesia", searchingFrom: TestPaths.root.path).calendar).revision
        func edition(_ n: Int) -> CalendarRevision {
            var revision = national
            revision.sources["indonesia"]? += "\n# edition \(n)\n"
            return revision
        }
        let raw: (String) throws -> Void
        switch db.backend {
        case .sqlite:
            let queue = try DatabaseQueue(path: db.location)
            try JournalSchema.migrator.migrate(queue, upTo: "issue13-calendars")
            raw = { sql in try queue.write { d in try d.execute(sql: sql) } }
        case .postgres:
            let session = try PostgresSession(url: try PostgresURL(db.location))
            raw = { sql in try session.execute(sql) }
            for migration in PostgresSchema.migrations.prefix(while: { $0.name != "issue13-calendar-chain" }) {
                for statement in migration.statements + ["INSERT INTO schema_migrations (name) VALUES ('\(migration.name)')"] { try raw(statement) }
            }
        }
        func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        for (n, revision) in [edition(1), edition(2)].enumerated() {
            try raw("INSERT INTO calendars (hash, calendar_id, sources, stored_at) VALUES (\(quote(revision.hash)), 'indonesia', \(quote(revision.encoded)), \(1736125200000 + n))")
        }
        if db.backend == .sqlite { chmod(db.location, 0o600) }
        let store = try db.open()
        let migrated = JournalVerification.verify(try store.chainRows())
        #expect(migrated.firstBreak == nil, "\(migrated.firstBreak ?? "")")
        #expect(migrated.calendars == 2)
        #expect(try store.chainRows().calendars.map(\.hash) == [edition(1).hash, edition(2).hash])
        _ = try store.repinCalendar([], to: edition(3), command: CommandInfo(key: nil, fingerprint: "x", actor: "siti", role: nil,
                                                                              action: "calendar update", recordedAt: Self.at("2025-01-07T08:00")))
        let after = JournalVerification.verify(try store.chainRows())
        #expect(after.firstBreak == nil, "\(after.firstBreak ?? "")")
        #expect(after.calendars == 3)
    }

    @Test("REPLACE, INSERT OR REPLACE and upserts cannot rewrite events, audit rows or definitions", arguments: Backend.enabled)
    func replaceRefused(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        try Self.fill(try db.open())
        let before = try Self.verify(db).head
        let statements: [String]
        switch backend {
        case .sqlite:
            statements = [
                "INSERT OR REPLACE INTO events SELECT case_id, seq, format, type, at, 'x', recorded_at, actor, role, command_key, payload_hash, chain FROM events WHERE seq = 1",
                "REPLACE INTO events SELECT case_id, seq, format, type, at, 'x', recorded_at, actor, role, command_key, payload_hash, chain FROM events WHERE seq = 1",
                "REPLACE INTO audit (id, at, actor, action) SELECT id, at, 'x', 'y' FROM audit LIMIT 1",
                "INSERT OR REPLACE INTO definitions (hash, sop_id, source, stored_at) SELECT hash, sop_id, 'x', stored_at FROM definitions",
                "INSERT INTO events SELECT * FROM events WHERE seq = 1 ON CONFLICT (case_id, seq) DO UPDATE SET payload = 'x'",
            ]
        case .postgres:
            statements = [
                "INSERT INTO events SELECT * FROM events WHERE seq = 1 ON CONFLICT (case_id, seq) DO UPDATE SET payload = 'x'",
                "INSERT INTO audit OVERRIDING SYSTEM VALUE SELECT * FROM audit ORDER BY id LIMIT 1 ON CONFLICT (id) DO UPDATE SET actor = 'x'",
                "INSERT INTO definitions SELECT * FROM definitions ON CONFLICT (hash) DO UPDATE SET source = 'x'",
            ]
        }
        for sql in statements {
            #expect(throws: (any Error).self, "\(sql)") { try db.execute(sql) }
        }
        let after = try Self.verify(db)
        #expect(after.firstBreak == nil)
        #expect(after.head == before)
    }

    @Test("concurrent writers keep one audit chain", arguments: Backend.enabled)
    func concurrentAudit(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        try Self.fill(try db.open())
        let log = WriterLog()
        Threads.run(6) { i in
            do {
                let store = try db.open()
                for n in 0..<8 {
                    try store.recordAudit(AuditEntry(at: Date(), actor: "w\(i)", role: nil, action: "read", caseID: nil, detail: "\(n)"))
                }
            } catch {
                log.fail("\(error)")
            }
        }
        #expect(log.failures.isEmpty, "\(log.failures.prefix(2))")
        let result = try Self.verify(db)
        #expect(result.firstBreak == nil, "\(result.firstBreak ?? "")")
    }

    @Test("a journal made by the previous schema gets the chains by migration, verifies, and goes on", arguments: Backend.enabled)
    func chainMigration(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let (definition, source, hash) = try Self.reference()
        let fixture = try EngineFixture("anak-jalanan")
        let events = try CaseEngine(context: fixture.context).open(data: ["nama_anak": "Lama", "putus_sekolah": "true"], documents: [],
                                                                   at: Self.at("2025-01-06T08:00"))
        // Straight to the database, so nothing of the current version touches it before it is opened.
        let raw: (String) throws -> Void
        switch backend {
        case .sqlite:
            let queue = try DatabaseQueue(path: db.location)
            try JournalSchema.migrator.migrate(queue, upTo: "v1-journal")
            raw = { sql in try queue.write { d in try d.execute(sql: sql) } }
        case .postgres:
            let session = try PostgresSession(url: try PostgresURL(db.location))
            raw = { sql in try session.execute(sql) }
            let v1 = try #require(PostgresSchema.migrations.first { $0.name == "v1-journal" })
            for statement in v1.statements + ["INSERT INTO schema_migrations (name) VALUES ('v1-journal')"] { try raw(statement) }
        }
        func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        try raw("INSERT INTO definitions (hash, sop_id, source, stored_at) VALUES (\(quote(hash)), 'anak-jalanan', \(quote(source)), 1736125200000)")
        try raw("INSERT INTO cases (id, number, sop_id, definition_hash, opened_at, status, version) VALUES ('AJ-0001', 1, 'anak-jalanan', \(quote(hash)), 1736125200000, 'open', \(events.count))")
        for (n, event) in events.enumerated() {
            try raw("""
                INSERT INTO events (case_id, seq, format, type, at, payload, recorded_at, actor, role, command_key)
                VALUES ('AJ-0001', \(n + 1), 1, \(quote(event.name)), \(EventCoding.milliseconds(event.at)), \(quote(EventCoding.payload(event))), 1736125200000, 'siti', NULL, NULL)
                """)
        }
        try raw("INSERT INTO audit (at, actor, role, action, case_id, detail) VALUES (1736125200000, 'siti', NULL, 'case open', 'AJ-0001', 'opened')")
        try raw("INSERT INTO audit (at, actor, role, action, case_id, detail) VALUES (1736125300000, 'rina', 'kasi', 'case show', 'AJ-0001', NULL)")
        if backend == .sqlite { chmod(db.location, 0o600) }
        // The current version opens it: the migration chains what is there.
        let store = try db.open()
        let migrated = JournalVerification.verify(try store.chainRows())
        #expect(migrated.firstBreak == nil, "\(migrated.firstBreak ?? "")")
        #expect(migrated.events == events.count)
        #expect(migrated.auditRows == 2)
        #expect(migrated.definitions == 1)
        let s = CaseService(store: store, actor: "siti", calendarFolder: TestPaths.sops.path)
        _ = try s.act(caseID: "AJ-0001", step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil, at: Self.at("2025-01-06T08:05"), key: nil)
        _ = try s.open(definition: definition, source: source, hash: hash, data: ["nama_anak": "Baru", "putus_sekolah": "true"], documents: [],
                       at: Self.at("2025-01-06T09:00"), key: nil)
        let after = JournalVerification.verify(try store.chainRows())
        #expect(after.firstBreak == nil, "\(after.firstBreak ?? "")")
        #expect(after.cases == 2)
    }
}
