import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// `sop migrate`: an office's SQLite journal of reference-SOP cases moved to PostgreSQL, every
/// event verified; resumed after an interruption; a clashing case refused. In process and end to
/// end. Runs when `SOP_TEST_POSTGRES_URL` is set.
@Suite("sop migrate: SQLite to PostgreSQL", .enabled(if: Backend.postgresURL != nil))
struct JournalMigrationTests {
    private static let zone = TimeZone(identifier: "Asia/Jakarta") ?? .current

    private static func at(_ text: String) -> Date { InstantFormat.parse(text, in: zone) ?? .distantPast }

    private static func reference() throws -> (SOPDefinition, String, String) {
        let path = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let definition = try #require(SOPLoader().load(path: path).definition)
        return (definition, String(decoding: bytes, as: UTF8.self), SHA256.hex([UInt8](bytes)))
    }

    /// An office's journal: `count` cases of the reference SOP at every stage, with idempotency
    /// keys, a group session, reads in the audit trail, and a second revision of the SOP.
    static func office(_ store: any JournalStore, cases count: Int) throws {
        let s = CaseService(store: store, actor: "siti", calendarFolder: TestPaths.sops.path)
        let (definition, source, hash) = try reference()
        let steps = [("perintah-spt", "kasi", "08:05"), ("perintah-spt", "petugas", "08:10"), ("disposisi-spt", "kabid", "08:20"),
                     ("disposisi-spt", "kadis", "08:25"), ("penjangkauan", "kasi", "10:00"), ("penjangkauan", "peksos", "10:00"),
                     ("penjangkauan", "petugas", "10:00")]
        var ready: [String] = []
        for i in 0..<count {
            let id = try s.open(definition: definition, source: source, hash: hash,
                                data: ["nama_anak": "Anak \(i)", "putus_sekolah": i % 3 == 0 ? "true" : "false"],
                                documents: [], at: at("2025-01-06T08:00"), key: "open-\(i)").caseID
            for (n, (step, role, time)) in steps.prefix(i % (steps.count + 1)).enumerated() {
                _ = try s.act(caseID: id, step: step, role: role, answer: nil, documents: [], note: n == 0 ? "catatan \(i)" : nil,
                              at: at("2025-01-06T" + time), key: n % 2 == 0 ? "do-\(i)-\(n)" : nil)
            }
            if i % (steps.count + 1) == steps.count, i % 3 != 0 { ready.append(id) }
            if i % 4 == 0 { _ = try s.show(id, role: "kasi") }
        }
        if !ready.isEmpty {
            _ = try s.recordSession(step: "support-group", at: at("2025-01-20T09:00"), caseIDs: ready, key: "session-1")
        }
        // A second revision of the SOP, for one more case.
        let edited = source.replacingOccurrences(of: "waktu: 15 menit", with: "waktu: 20 menit")
        let revised = try #require(SOPLoader().load(text: edited).definition)
        let revisedHash = SHA256.hex(Array(edited.utf8))
        _ = try s.open(definition: revised, source: edited, hash: revisedHash,
                       data: ["nama_anak": "Revisi", "putus_sekolah": "true"], documents: [], at: at("2025-02-03T08:00"), key: nil)
        // One running case moved to the revision (a `migrated` event; the case's definition changes).
        if count > 1 {
            let moving = try s.load(CaseID.make(sopID: "anak-jalanan", number: 2))
            _ = try store.migrateCase(moving.id, expectedVersion: moving.state.version, sopID: revised.id, definitionHash: revisedHash,
                                      definitionSource: edited, calendar: TestCalendar.national.revision, events: [CaseEvent(.migrated(from: hash, to: revisedHash, mapping: [:]),
                                                                                    at: at("2025-02-03T08:30"))],
                                      command: CommandInfo(key: "move-2", fingerprint: "case migrate AJ-0002", actor: "siti", role: nil,
                                                           action: "case migrate", recordedAt: at("2025-02-03T08:30")))
        }
        try store.recordAudit(AuditEntry(at: at("2025-02-03T09:00"), actor: "rina", role: "kabid", action: "report", caseID: nil, detail: "1 case(s)"))
    }

    /// Asserts that every case of `source` is on `target` row for row.
    static func expectSame(_ source: SQLiteJournal, _ target: PostgresJournal) throws {
        for header in try source.rowsCases() {
            let mine = try #require(try source.rowsCase(header.id))
            let theirs = try #require(try target.rowsCase(header.id), "case \(header.id) is missing on the target")
            #expect(theirs.header == mine.header)
            #expect(theirs.events == mine.events, "case \(header.id)")
            #expect(theirs.commands == mine.commands)
            #expect(theirs.audit.filter { $0.action != "migrate" } == mine.audit)
            #expect(theirs.audit.filter { $0.action == "migrate" }.count >= 1)
            let loaded = try target.loadCase(header.id)
            #expect(loaded.definitionSource == (try source.loadCase(header.id)).definitionSource)
        }
        for command in try source.rowsCases().flatMap({ try #require(try source.rowsCase($0.id)).commands }) {
            let replay = try #require(try target.recordedOutcome(key: command.key, fingerprint: command.fingerprint))
            #expect(replay.caseID == command.caseID && replay.version == command.version && replay.replayed)
        }
    }

    @Test("every case, event, key, definition and audit entry is copied; counts and checksum match; numbering goes on")
    func copiesEverything() throws {
        let file = try TestDatabase(.sqlite)
        defer { file.remove() }
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        let source = try SQLiteJournal(path: file.location)
        try Self.office(source, cases: 12)
        let target = try PostgresJournal(url: db.location)
        var lines: [String] = []
        let report = try JournalMigration(source: source, target: target, sourceName: "dinsos.sqlite", actor: "admin").run { lines.append($0.english) }
        #expect(report.succeeded)
        #expect(report.copied.count == 13)
        #expect(report.definitions == 2 && report.definitionsCopied == 2)
        #expect(report.otherAuditCopied == 1)
        let events = try file.count("SELECT COUNT(*) FROM events")
        #expect(report.verification.events == (events, events))
        #expect(report.verification.cases == (13, 13))
        #expect(report.verification.definitions == (2, 2))
        #expect(report.verification.commands.source == (try file.count("SELECT COUNT(*) FROM commands")))
        #expect(report.verification.audit.source == (try file.count("SELECT COUNT(*) FROM audit")))
        #expect(report.verification.checksum.source == report.verification.checksum.target)
        #expect(report.verification.checksum.source.count == 64)
        #expect(lines.count == 13 && lines[0].hasPrefix("copied AJ-0001: "))
        try Self.expectSame(source, target)
        #expect(try db.count("SELECT COUNT(*) FROM audit WHERE case_id IS NULL") == 1)
        // The copied cases work on the server as they did in the file; a new case continues the numbering.
        let s = CaseService(store: target, actor: "andi", calendarFolder: TestPaths.sops.path)
        let (definition, text, hash) = try Self.reference()
        let next = try s.open(definition: definition, source: text, hash: hash, data: ["nama_anak": "Baru", "putus_sekolah": "true"],
                              documents: [], at: Self.at("2025-03-03T08:00"), key: nil)
        #expect(next.caseID == "AJ-0014")
        let local = CaseService(store: source, actor: "andi", calendarFolder: TestPaths.sops.path)
        let (onServer, _) = try s.act(caseID: "AJ-0001", step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil,
                                      at: Self.at("2025-03-03T08:05"), key: nil)
        let (inFile, _) = try local.act(caseID: "AJ-0001", step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil,
                                        at: Self.at("2025-03-03T08:05"), key: nil)
        #expect(onServer.version == inFile.version)
        #expect(try s.load("AJ-0008").state == (try local.load("AJ-0008")).state)
    }

    @Test("an interrupted run resumes: whole cases only, nothing copied twice; later source changes are added")
    func resumes() throws {
        let file = try TestDatabase(.sqlite)
        defer { file.remove() }
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        let source = try SQLiteJournal(path: file.location)
        try Self.office(source, cases: 9)
        let target = try PostgresJournal(url: db.location)
        let migration = JournalMigration(source: source, target: target, sourceName: "dinsos.sqlite", actor: "admin")
        let first = try migration.run(caseLimit: 4)
        #expect(!first.complete && !first.succeeded)
        #expect(first.copied.count == 4)
        #expect(try db.count("SELECT COUNT(*) FROM cases") == 4)
        let second = try migration.run()
        #expect(second.succeeded)
        #expect(second.copied.map(\.id) == (5...10).map { CaseID.make(sopID: "anak-jalanan", number: $0) })
        #expect(second.alreadyThere.count == 4)
        try Self.expectSame(source, target)
        let audit = try db.count("SELECT COUNT(*) FROM audit")
        let third = try migration.run()
        #expect(third.succeeded && third.copied.isEmpty && third.alreadyThere.count == 10)
        #expect(try db.count("SELECT COUNT(*) FROM audit") == audit)
        // The office goes on writing to its file, then migrates again: the new events are added.
        let s = CaseService(store: source, actor: "siti", calendarFolder: TestPaths.sops.path)
        _ = try s.act(caseID: "AJ-0001", step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil,
                      at: Self.at("2025-01-06T08:05"), key: "late-1")
        _ = try s.show("AJ-0002")
        let fourth = try migration.run()
        #expect(fourth.succeeded)
        #expect(fourth.updated.map(\.id) == ["AJ-0001"])
        try Self.expectSame(source, target)
    }

    @Test("migrating again brings up to date a case that was only read on the server (reads are not changes)")
    func readOnServer() throws {
        let file = try TestDatabase(.sqlite)
        defer { file.remove() }
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        let source = try SQLiteJournal(path: file.location)
        try Self.office(source, cases: 3)
        let target = try PostgresJournal(url: db.location)
        let migration = JournalMigration(source: source, target: target, sourceName: "dinsos.sqlite", actor: "admin")
        #expect(try migration.run().succeeded)
        // On the server, during the trial: AJ-0001 and AJ-0003 are only read.
        let server = CaseService(store: target, actor: "rina", calendarFolder: TestPaths.sops.path)
        _ = try server.show("AJ-0001", role: "kabid")
        _ = try server.show("AJ-0003")
        // Meanwhile the office kept writing to its file.
        let office = CaseService(store: source, actor: "siti", calendarFolder: TestPaths.sops.path)
        _ = try office.act(caseID: "AJ-0001", step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil,
                           at: Self.at("2025-01-06T08:05"), key: "late-1")
        _ = try office.show("AJ-0003")
        _ = try office.show("AJ-0002")
        let again = try migration.run()
        #expect(again.updated.map(\.id) == ["AJ-0001"], "\(again.refused)")
        #expect(again.alreadyThere.contains("AJ-0003"))
        #expect(again.succeeded, "\(again.refused)")
        let mine = try #require(try source.rowsCase("AJ-0001")), theirs = try #require(try target.rowsCase("AJ-0001"))
        #expect(theirs.events == mine.events)
        #expect(JournalMigration.matchAudit(source: mine.audit, target: theirs.audit).count == mine.audit.count)
        #expect(theirs.audit.contains { $0.action == "case show" && $0.actor == "rina" })
        let third = try #require(try target.rowsCase("AJ-0003"))
        #expect(third.audit.filter { $0.action == "case show" }.count == (try #require(try source.rowsCase("AJ-0003"))).audit.filter { $0.action == "case show" }.count + 1)
        #expect(again.verification.audit.source == again.verification.audit.target)
    }

    @Test("a case the target holds with other contents is refused and left untouched; the others are copied")
    func refusesClash() throws {
        let file = try TestDatabase(.sqlite)
        defer { file.remove() }
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        let source = try SQLiteJournal(path: file.location)
        try Self.office(source, cases: 3)
        // Another office already has an AJ-0001 on the server.
        let target = try PostgresJournal(url: db.location)
        let (definition, text, hash) = try Self.reference()
        _ = try CaseService(store: target, actor: "lain", calendarFolder: TestPaths.sops.path)
            .open(definition: definition, source: text, hash: hash, data: ["nama_anak": "Lain", "putus_sekolah": "false"],
                  documents: [], at: Self.at("2025-01-02T08:00"), key: nil)
        let before = try target.rowsCase("AJ-0001")
        let report = try JournalMigration(source: source, target: target, sourceName: "dinsos.sqlite", actor: "admin").run()
        #expect(!report.succeeded)
        #expect(report.refused.map(\.id) == ["AJ-0001"])
        #expect(report.refused.first?.reason.english.contains("other contents") == true)
        #expect(report.copied.count == 3)
        #expect(try target.rowsCase("AJ-0001") == before)
        #expect(report.verification.matches)
    }

    // MARK: End to end

    private func sop(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(arguments + ["--user", "admin"])
    }

    @Test("sop migrate end to end: prints what it copied and the verification; the cases then work with --db on the server")
    func endToEnd() throws {
        let file = try TestDatabase(.sqlite)
        defer { file.remove() }
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        try Self.office(try SQLiteJournal(path: file.location), cases: 5)
        let r = try sop(["migrate", "--from", file.location, "--to", db.location])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("copied AJ-0001: 2 events"), "\(r.stdout)")
        #expect(r.stdout.contains("cases: 6 copied"))
        #expect(r.stdout.contains("verified: 2 definitions, 6 cases, "), "\(r.stdout)")
        #expect(r.stdout.contains(" on both sides"))
        #expect(!r.stdout.contains(try PostgresURL(db.location).password ?? "no password"))
        let again = try sop(["migrate", "--from", file.location, "--to", db.location])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("cases: 0 copied (0 events), 6 already there"))
        // (Reads after this are audited on each side at their own real time, so the two trails
        // then differ, as they should: a later run would refuse those cases.)
        for id in ["AJ-0003", "AJ-0006"] {
            let before = try CLI.run(["case", "show", id, "--format", "json", "--at", "2025-06-01T09:00", "--db", file.location])
            let after = try CLI.run(["case", "show", id, "--format", "json", "--at", "2025-06-01T09:00", "--db", db.location])
            #expect(after.status == 0, "\(after.stderr)")
            #expect(after.stdout == before.stdout)
        }
    }

    @Test("sop migrate killed at random points, then run again: every case copied once, verified")
    func killedAndResumed() throws {
        let file = try TestDatabase(.sqlite)
        defer { file.remove() }
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        try Self.office(try SQLiteJournal(path: file.location), cases: 40)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        var kills = 0
        for delay in [0.05, 0.15, 0.3, 0.6] {
            let r = Spawn.run(TestPaths.binary.path, ["migrate", "--from", file.location, "--to", db.location], environment: env,
                              directory: TestPaths.root.path, killAfter: delay)
            if r.killed { kills += 1 } else { #expect(r.status == 0, "\(r.stderr)") }
        }
        let final = try sop(["migrate", "--from", file.location, "--to", db.location])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(final.stdout.contains("verified: 2 definitions, 41 cases, "), "\(final.stdout)")
        #expect(try db.count("SELECT COUNT(*) FROM cases") == 41)
        #expect(try db.count("SELECT COUNT(*) FROM audit WHERE action = 'migrate'") == 41)
        #expect(try db.count("SELECT COUNT(*) FROM audit WHERE case_id IS NULL") == 1)
        try Self.expectSame(try SQLiteJournal(path: file.location), try PostgresJournal(url: db.location))
        #expect(kills >= 1, "no run was killed: the test did not interrupt a copy")
    }

    @Test("sop migrate refuses a --to that is not a server (64), a missing or empty --from (1), and reports a clashing case (1)")
    func refusals() throws {
        let file = try TestDatabase(.sqlite)
        defer { file.remove() }
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        let usage = try sop(["migrate", "--from", file.location, "--to", file.folder.appendingPathComponent("other.sqlite").path])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--to must be a PostgreSQL URL"))
        let missing = try sop(["migrate", "--from", file.folder.appendingPathComponent("nope.sqlite").path, "--to", db.location])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: file.folder.appendingPathComponent("nope.sqlite").path))
        let emptyPath = file.folder.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: emptyPath, contents: Data())
        let empty = try sop(["migrate", "--from", emptyPath, "--to", db.location])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("is empty, not a journal"))
        #expect((try FileManager.default.attributesOfItem(atPath: emptyPath)[.size] as? Int) == 0)
        try Self.office(try SQLiteJournal(path: file.location), cases: 2)
        let opened = try CLI.run(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Lain", "--data", "putus_sekolah=true",
                                  "--at", "2025-01-02T08:00", "--db", db.location])
        #expect(opened.status == 0, "\(opened.stderr)")
        let clash = try sop(["migrate", "--from", file.location, "--to", db.location])
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("case AJ-0001 was not copied: the target has a case AJ-0001 with other contents"))
        #expect(clash.stdout.contains("refused AJ-0001"))
        #expect(clash.stdout.contains("copied AJ-0002"))
    }
}
