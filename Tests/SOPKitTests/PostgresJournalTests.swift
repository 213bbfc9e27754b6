import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// What only the PostgreSQL back end has: URLs, connection failures, TLS, schemas of other
/// programs, migrations in `schema_migrations`. Runs when `SOP_TEST_POSTGRES_URL` is set.
@Suite("Case journal on PostgreSQL", .enabled(if: Backend.postgresURL != nil))
struct PostgresJournalTests {
    private func cannotOpen(_ url: String) -> String? {
        do {
            _ = try PostgresJournal(url: url)
            return nil
        } catch {
            guard case .cannotOpen(let message) = error else { return "not cannotOpen: \(error)" }
            return message.english
        }
    }

    private var server: PostgresURL {
        get throws { try PostgresURL(try #require(Backend.postgresURL)) }
    }

    @Test("a malformed URL, a refused connection, a wrong password and a missing database are clear messages")
    func connectionProblems() throws {
        let good = try server
        let host = try #require(good.host)
        let malformed = cannotOpen("postgres://")
        #expect(malformed?.contains("is not valid: it names no host") == true, "\(malformed ?? "opened")")
        let mode = cannotOpen("postgres://sop@\(host):\(good.port)/x?sslmode=sometimes")
        #expect(mode?.contains("sslmode 'sometimes' is unknown") == true, "\(mode ?? "opened")")
        // Port 1 on loopback: nothing listens there.
        let refused = cannotOpen("postgres://sop:secret@127.0.0.1:1/sop")
        #expect(refused?.contains("PostgreSQL server at 127.0.0.1:1") == true, "\(refused ?? "opened")")
        #expect(refused?.contains("connection refused; check that the server is running") == true, "\(refused ?? "opened")")
        #expect(refused?.contains("secret") == false)
        let password = cannotOpen("postgres://\(good.user):wrong-\(UUID().uuidString)@\(host):\(good.port)/\(good.database)")
        #expect(password?.contains("refused user '\(good.user)'") == true, "\(password ?? "opened")")
        #expect(password?.contains("wrong-") == false)
        var missing = good
        missing.database = "no_such_db_\(UUID().uuidString.prefix(8).lowercased())"
        let database = cannotOpen("postgres://\(good.user):\(good.password ?? "")@\(host):\(good.port)/\(missing.database)")
        #expect(database?.contains("has no database '\(missing.database)'") == true, "\(database ?? "opened")")
        let schema = cannotOpen(TestDatabase.url(try #require(Backend.postgresURL), searchPath: "no_such_schema"))
        #expect(schema?.contains("has no schema to use") == true, "\(schema ?? "opened")")
        // postgresql:// too is a server, not a file name.
        do {
            _ = try JournalBackend.open("postgresql://sop:secret@127.0.0.1:1/sop")
            Issue.record("opened a journal on a closed port")
        } catch {
            #expect(error.description.contains("PostgreSQL server at 127.0.0.1:1"))
        }
    }

    @Test("the back end is chosen by the location: a postgres:// or postgresql:// URL is PostgreSQL, anything else a file")
    func backendChoice() throws {
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        #expect(try db.open() is PostgresJournal)
        let other = db.location.replacingOccurrences(of: "postgres://", with: "postgresql://")
        #expect(try JournalBackend.open(other) is PostgresJournal)
        let file = try TestDatabase(.sqlite)
        defer { file.remove() }
        #expect(try file.open() is SQLiteJournal)
        #expect(JournalBackend.describe("postgres://u:pw@h/d") == "postgres://u:***@h/d")
    }

    @Test("TLS when the URL asks for it (sslmode=require), plain otherwise; an unreadable sslrootcert is named")
    func tls() throws {
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        let plain = try PostgresJournal(url: db.location)
        let serverOffersTLS = try plain.strings("SHOW ssl") == ["on"]
        let encrypted = "SELECT CASE WHEN ssl THEN 1 ELSE 0 END FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
        #expect(try plain.integers(encrypted) == [0])
        if serverOffersTLS {
            let secure = try PostgresJournal(url: db.location(adding: "sslmode=require"))
            #expect(try secure.integers(encrypted) == [1])
            #expect(try secure.cases(sopID: nil, status: nil).isEmpty)
        } else {
            let message = cannotOpen(db.location(adding: "sslmode=require"))
            #expect(message?.contains("does not offer TLS, but the URL asks for it") == true, "\(message ?? "opened")")
        }
        let missingRoot = "/nonexistent-\(UUID().uuidString)/ca.crt"
        let root = cannotOpen(db.location(adding: "sslmode=verify-full&sslrootcert=\(missingRoot)"))
        #expect(root?.contains("sslrootcert '\(missingRoot)'") == true && root?.contains("cannot be read") == true, "\(root ?? "opened")")
    }

    @Test("a schema of another program and a journal of a newer version are refused and left untouched")
    func refusals() throws {
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        let raw = try PostgresSession(url: try PostgresURL(db.location))
        try raw.execute("CREATE TABLE pasien (nama TEXT)")
        let foreign = cannotOpen(db.location)
        #expect(foreign?.contains("is not a sop journal (it has tables pasien)") == true, "\(foreign ?? "opened")")
        try raw.execute("DROP TABLE pasien")
        let journal = try PostgresJournal(url: db.location)
        try journal.execute("INSERT INTO schema_migrations (name) VALUES ('v9-future')")
        let newer = cannotOpen(db.location)
        #expect(newer?.contains("was written by a newer version of sop (schema v9-future)") == true, "\(newer ?? "opened")")
        #expect(try journal.integers("SELECT COUNT(*) FROM schema_migrations") == [PostgresSchema.migrationNames.count + 1])
    }

    @Test("the shipped migrations are exactly the known ones, recorded in schema_migrations")
    func migrations() throws {
        #expect(PostgresSchema.migrationNames == ["v1-journal", "issue13-audit-as-of", "issue12-chain", "issue13-calendars", "issue13-calendar-chain", "issue17-read-model", "issue17-accounts", "issue17-case-tasks", "issue17-worklist-marker"])
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        let journal = try PostgresJournal(url: db.location)
        #expect(try journal.strings("SELECT name FROM schema_migrations ORDER BY name") == ["issue12-chain", "issue13-audit-as-of", "issue13-calendar-chain", "issue13-calendars", "issue17-accounts", "issue17-case-tasks", "issue17-read-model", "issue17-worklist-marker", "v1-journal"])
        // Same tables as the SQLite journal, plus the case counter and the migrations table.
        let tables = try journal.strings("""
            SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1
            """)
        #expect(tables == ["audit", "calendars", "case_awaiting", "case_numbers", "case_state", "case_tasks", "cases", "commands", "definitions", "events",
                           "journal_info", "login_failures", "read_model_gaps", "schema_migrations", "users", "web_sessions", "worklist_marker"])
        #expect(throws: JournalError.self) { try journal.execute("TRUNCATE events") }
        #expect(throws: JournalError.self) { try journal.execute("TRUNCATE audit") }
        #expect(throws: JournalError.self) { try journal.execute("TRUNCATE definitions CASCADE") }
    }

    @Test("processes opening a new database at once create the schema once")
    func concurrentFirstOpen() throws {
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        let log = WriterLog()
        Threads.run(6) { i in
            do { _ = try db.open() } catch { log.fail("opener \(i): \(error)") }
        }
        #expect(log.failures.isEmpty, "\(log.failures)")
        #expect(try db.count("SELECT COUNT(*) FROM schema_migrations") == PostgresSchema.migrationNames.count)
    }

    @Test("a statement with no answer in time closes its connection with a message; the session goes on")
    func statementDeadline() throws {
        let session = try PostgresSession(url: try server)
        session.statementDeadline = 1
        do {
            try session.execute("SELECT pg_sleep(4)")
            Issue.record("a 4 s statement returned under a 1 s deadline")
        } catch {
            #expect(error.description.contains("did not answer within 1 s"), "\(error)")
            #expect(error.description.contains("retry with the same --key"), "\(error)")
        }
        session.statementDeadline = 300
        try session.execute("SELECT 1")
    }

    @Test("a case locked longer than lock_timeout: the command fails naming the setting in force, and writes nothing")
    func lockTimeout() throws {
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        let opened = try CLI.run(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Sari", "--data", "putus_sekolah=true",
                                  "--at", "2025-01-06T08:00", "--db", db.location])
        #expect(opened.status == 0, "\(opened.stderr)")
        let schema = try #require(db.schema)
        let impatient = TestDatabase.url(try #require(Backend.postgresURL), searchPath: schema + "%20-c%20lock_timeout%3D1s")
        // Another session holds the case's row for the whole attempt.
        let holder = try PostgresSession(url: try PostgresURL(db.location))
        var attempt: CLIResult?
        try holder.withConnection { (c) throws(JournalError) in
            try holder.query(c, "BEGIN")
            try holder.query(c, "SELECT 1 FROM cases WHERE id = 'AJ-0001' FOR UPDATE")
            attempt = try? CLI.run(["case", "do", "AJ-0001", "perintah-spt", "--as", "kasi", "--at", "2025-01-06T08:05", "--db", impatient])
            try holder.query(c, "ROLLBACK")
        }
        let r = try #require(attempt)
        #expect(r.status != 0)
        #expect(r.stderr.contains("stayed locked by another command for longer than lock_timeout (1s)"), "\(r.stderr)")
        let after = try PostgresJournal(url: db.location)
        #expect(try after.loadCase("AJ-0001").header.version == 2)
    }

    @Test("a failed statement is a journal error and the journal stays usable")
    func failedStatement() throws {
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        let journal = try PostgresJournal(url: db.location)
        do {
            try journal.execute("SELECT * FROM no_such_table")
            Issue.record("a bad statement ran")
        } catch {
            #expect(error.description.contains("no_such_table"))
        }
        #expect(try journal.cases(sopID: nil, status: nil).isEmpty)
        #expect(throws: JournalError.unknownCase("AJ-0404")) { try journal.loadCase("AJ-0404") }
        journal.close()
        #expect(try journal.audit(caseID: nil).isEmpty)
    }
}
