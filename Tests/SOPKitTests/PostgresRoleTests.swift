import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// Least-privilege roles on the real server: the owner creates the journal, a writer works on
/// cases, a reader reads (each read audited); a role without a privilege is told which; one role
/// per office's schema keeps offices from reading each other's cases. Roles are made per test
/// with unique names and dropped afterwards. Runs when `SOP_TEST_POSTGRES_URL` is set.
@Suite("PostgreSQL roles and office isolation", .serialized, .enabled(if: Backend.postgresURL != nil))
struct PostgresRoleTests {
    /// Roles and schemas of one test, on the test server; `drop()` removes them.
    final class Office: @unchecked Sendable {
        let tag = "t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).lowercased()
        let admin: PostgresSession
        let base: PostgresURL
        private(set) var roles: [String] = []
        private(set) var schemas: [String] = []

        init() throws {
            base = try PostgresURL(try #require(Backend.postgresURL))
            admin = try PostgresSession(url: base)
        }

        /// A login role with a password of its own.
        func role(_ name: String) throws -> String {
            let role = "\(tag)_\(name)"
            try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD 'pw-\(role)'")
            roles.append(role)
            return role
        }

        func schema(_ name: String) throws -> String {
            let schema = "\(tag)_\(name)"
            try admin.execute("CREATE SCHEMA \(schema)")
            schemas.append(schema)
            return schema
        }

        /// The URL that connects as `role` to the journal in `schema`.
        func url(_ role: String, _ schema: String) -> String {
            TestDatabase.url("postgres://\(role):pw-\(role)@\(base.host ?? "127.0.0.1"):\(base.port)/\(base.database)", searchPath: schema)
        }

        /// Runs `statements` as the server's administrator.
        func run(_ statements: [String]) throws {
            for statement in statements { try admin.execute(statement) }
        }

        func drop() {
            for schema in schemas { try? admin.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
            for role in roles {
                try? admin.execute("DROP OWNED BY \(role) CASCADE")
                try? admin.execute("DROP ROLE IF EXISTS \(role)")
            }
        }
    }

    private static let sop = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path

    private static func open(_ db: String, child: String = "Sari") throws -> CLIResult {
        try CLI.run(["case", "open", sop, "--data", "nama_anak=\(child)", "--data", "putus_sekolah=true", "--at", "2025-01-06T08:00", "--db", db])
    }

    /// One line of our own: no library text, no second line.
    private static func oneLine(_ r: CLIResult) -> Bool {
        let text = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.hasPrefix("sop: ") && !text.contains("\n") && !FaultLedger.raw.contains { text.contains($0) }
    }

    /// An office whose owner created the journal (one case open) and whose writer and reader got
    /// the documented grants.
    private static func office(_ o: Office, _ name: String) throws -> (schema: String, owner: String, writer: String, reader: String) {
        let schema = try o.schema(name)
        let owner = try o.role("\(name)_owner"), writer = try o.role("\(name)_writer"), reader = try o.role("\(name)_reader")
        try o.run(JournalGrants.statements(for: .owner, schema: schema, grantee: owner))
        let opened = try open(o.url(owner, schema))
        try #require(opened.status == 0, "the owner could not create the journal: \(opened.stderr)")
        try o.run(JournalGrants.statements(for: .writer, schema: schema, grantee: writer)
            + JournalGrants.statements(for: .reader, schema: schema, grantee: reader))
        return (schema, owner, writer, reader)
    }

    @Test("every table and sequence of the journal's schema is in the grant list")
    func grantListIsComplete() throws {
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        let journal = try PostgresJournal(url: db.location)
        let objects = try journal.strings("""
            SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S')
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')
            ORDER BY 1
            """).compactMap { $0 }
        let listed = (JournalGrants.tables.map(\.table) + JournalGrants.sequences.map(\.sequence)).sorted()
        #expect(objects == listed)
    }

    @Test("docs/journal.md shows the GRANT statements the code makes")
    func documented() throws {
        let doc = try String(contentsOf: TestPaths.root.appendingPathComponent("docs/journal.md"), encoding: .utf8)
        let script = JournalGrants.script(schema: "tanjungpinang", owner: "tpi_owner", writer: "tpi_petugas", reader: "tpi_auditor")
        #expect(doc.contains(script), "docs/journal.md lacks:\n\(script)")
    }

    @Test("the owner creates the journal, a writer works on cases, a reader reads (each read audited) and may not write")
    func roles() throws {
        let o = try Office()
        defer { o.drop() }
        let office = try Self.office(o, "a")
        let writer = o.url(office.writer, office.schema), reader = o.url(office.reader, office.schema)
        let opened = try Self.open(writer, child: "Budi")
        #expect(opened.status == 0, "\(opened.stderr)")
        let done = try CLI.run(["case", "do", "AJ-0001", "perintah-spt", "--as", "kasi", "--at", "2025-01-06T08:05", "--db", writer, "--key", "k1"])
        #expect(done.status == 0, "\(done.stderr)")
        for arguments in [["case", "show", "AJ-0001"], ["case", "list"], ["tasks", "--as", "kasi"], ["report"], ["audit"], ["export", "xes"]] {
            let r = try CLI.run(arguments + ["--db", reader])
            #expect(r.status == 0, "reader: \(arguments.joined(separator: " ")): \(r.stderr)")
        }
        let refused = try CLI.run(["case", "do", "AJ-0001", "perintah-spt", "--as", "petugas", "--at", "2025-01-06T08:10", "--db", reader])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the PostgreSQL role '\(office.reader)' lacks a privilege"), "\(refused.stderr)")
        #expect(Self.oneLine(refused), "\(refused.stderr)")
        let journal = try PostgresJournal(url: o.url(office.owner, office.schema))
        let readsByReader = try journal.integers("SELECT COUNT(*) FROM audit WHERE action = 'case show'")
        #expect(readsByReader == [1])
        // The writer may not reshape the journal.
        let writing = try PostgresSession(url: try PostgresURL(writer))
        #expect(throws: JournalError.self) { try writing.execute("CREATE TABLE extra (x INT)") }
        #expect(throws: JournalError.self) { try writing.execute("ALTER TABLE audit DISABLE TRIGGER audit_append_only") }
    }

    @Test("privilege problems are named: a schema without USAGE, a role without rights on the tables, a role that may not bring the journal up to date")
    func privilegeMessages() throws {
        let o = try Office()
        defer { o.drop() }
        let office = try Self.office(o, "b")
        let stranger = try o.role("stranger")
        // No USAGE on the schema: not "the schema does not exist".
        let noUsage = try Self.open(o.url(stranger, office.schema))
        #expect(noUsage.stderr.contains("may not use the schema '\(office.schema)' on") && noUsage.stderr.contains("no USAGE privilege"), "\(noUsage.stderr)")
        #expect(Self.oneLine(noUsage), "\(noUsage.stderr)")
        // USAGE and CREATE on the schema but no rights on the tables: not "schema_migrations already exists".
        try o.run(["GRANT USAGE, CREATE ON SCHEMA \(office.schema) TO \(stranger)"])
        let noTables = try Self.open(o.url(stranger, office.schema))
        #expect(noTables.stderr.contains("may not read the sop journal in schema '\(office.schema)'"), "\(noTables.stderr)")
        #expect(!noTables.stderr.contains("already exists"), "\(noTables.stderr)")
        // An empty schema the role may not create in.
        let empty = try o.schema("empty")
        try o.run(["GRANT USAGE ON SCHEMA \(empty) TO \(stranger)"])
        let noCreate = try Self.open(o.url(stranger, empty))
        #expect(noCreate.stderr.contains("holds no sop journal yet") && noCreate.stderr.contains("no CREATE privilege"), "\(noCreate.stderr)")
        // A migration missing: only the owner may apply it; a writer is told so instead of failing in DDL.
        try o.run(["DELETE FROM \(office.schema).schema_migrations"])
        defer { try? o.run(["INSERT INTO \(office.schema).schema_migrations (name) VALUES ('v1-journal')"]) }
        let stale = try CLI.run(["case", "list", "--db", o.url(office.writer, office.schema)])
        #expect(stale.stderr.contains("which only its owner '\(office.owner)' may do"), "\(stale.stderr)")
        #expect(Self.oneLine(stale), "\(stale.stderr)")
    }

    @Test("one role per office's schema: office B's role cannot read office A's cases, and is told so")
    func officeIsolation() throws {
        let o = try Office()
        defer { o.drop() }
        let a = try Self.office(o, "kota")
        let b = try Self.office(o, "kab")
        let child = "Rahasia\(o.tag)"
        let opened = try Self.open(o.url(a.writer, a.schema), child: child)
        #expect(opened.status == 0, "\(opened.stderr)")
        for role in [b.owner, b.writer, b.reader] {
            // Pointing search_path at office A's schema.
            let r = try CLI.run(["case", "show", "AJ-0002", "--db", o.url(role, a.schema)])
            #expect(r.status == 1)
            #expect(r.stderr.contains("may not use the schema '\(a.schema)'"), "\(r.stderr)")
            #expect(!r.stdout.contains(child) && !r.stderr.contains(child))
            // Naming office A's tables directly.
            let session = try PostgresSession(url: try PostgresURL(o.url(role, b.schema)))
            do {
                try session.execute("SELECT * FROM \(a.schema).events")
                Issue.record("\(role) read office A's events")
            } catch {
                #expect(error.description.contains("lacks a privilege"), "\(error)")
                #expect(!error.description.contains(child))
            }
        }
        // Office B's own journal holds only its own cases.
        let own = try CLI.run(["case", "list", "--db", o.url(b.reader, b.schema)])
        #expect(own.status == 0, "\(own.stderr)")
        #expect(!own.stdout.contains(child))
    }
}
