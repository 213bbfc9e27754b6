import Foundation
import GRDB
import Testing
@testable import SOPJournal

/// The journal's back ends under test: SQLite always, PostgreSQL when `SOP_TEST_POSTGRES_URL`
/// names a server (`.ci/run` starts one on loopback with scripts/pg-test-server.sh).
enum Backend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres

    /// The test server's URL, if any (an empty value counts as none).
    static let postgresURL: String? = {
        guard let url = ProcessInfo.processInfo.environment["SOP_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }()

    /// The back ends to run parameterised tests on.
    static var enabled: [Backend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { self == .sqlite ? "SQLite" : "PostgreSQL" }
}

/// A fresh, empty journal location for one test: an SQLite file in a new folder, or a new schema
/// on the test server (reached through `options=-c search_path=...`). A test ends with
/// `defer { db.remove() }`, which drops the schema or the folder.
final class TestDatabase: @unchecked Sendable {
    let backend: Backend
    /// What `--db` / `$SOP_DB` take: a path or a URL.
    let location: String
    let folder: URL
    let schema: String?

    /// One connection pool to the test server for creating and dropping schemas.
    private static let admin: PostgresSession? = {
        guard let url = Backend.postgresURL, let parsed = try? PostgresURL(url) else { return nil }
        return try? PostgresSession(url: parsed)
    }()

    init(_ backend: Backend) throws {
        self.backend = backend
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        switch backend {
        case .sqlite:
            schema = nil
            location = folder.appendingPathComponent("journal.sqlite").path
        case .postgres:
            let base = try #require(Backend.postgresURL, "SOP_TEST_POSTGRES_URL is not set")
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let admin = try #require(TestDatabase.admin, "cannot reach the test server")
            try admin.execute("CREATE SCHEMA \(name)")
            schema = name
            location = TestDatabase.url(base, searchPath: name)
        }
    }

    /// Drops the schema (PostgreSQL) and removes the folder.
    func remove() {
        if let schema, let admin = TestDatabase.admin {
            try? admin.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// `base` with `options=-c search_path=NAME` added.
    static func url(_ base: String, searchPath: String) -> String {
        base + (base.contains("?") ? "&" : "?") + "options=-c%20search_path%3D" + searchPath
    }

    /// `location` with extra URL parameters (PostgreSQL only).
    func location(adding parameters: String) -> String {
        location + (location.contains("?") ? "&" : "?") + parameters
    }

    /// Opens the journal (another instance each time, as another process would).
    func open() throws -> any JournalStore {
        try JournalBackend.open(location)
    }

    /// Runs one SQL statement directly, bypassing the journal (to try to break its rules).
    func execute(_ sql: String) throws {
        switch backend {
        case .sqlite: try DatabaseQueue(path: location).write { db in try db.execute(sql: sql) }
        case .postgres: try PostgresJournal(url: location).execute(sql)
        }
    }

    /// The integer in the first column of each row of `sql`.
    func integers(_ sql: String) throws -> [Int] {
        switch backend {
        case .sqlite: return try DatabaseQueue(path: location).read { db in try Int.fetchAll(db, sql: sql) }
        case .postgres: return try PostgresJournal(url: location).integers(sql)
        }
    }

    /// The integer `sql` returns.
    func count(_ sql: String) throws -> Int {
        try #require(try integers(sql).first)
    }

    /// `PRAGMA integrity_check` on SQLite; on PostgreSQL, that every case's events are numbered
    /// 1...version with no gap (the server keeps its own files sound).
    func soundness() throws -> String {
        switch backend {
        case .sqlite:
            return try SQLiteJournal(path: location).integrityCheck()
        case .postgres:
            let broken = try count("""
                SELECT COUNT(*) FROM cases c WHERE c.version <> (SELECT COUNT(*) FROM events e WHERE e.case_id = c.id)
                OR c.version <> COALESCE((SELECT MAX(seq) FROM events e WHERE e.case_id = c.id), 0)
                """)
            return broken == 0 ? "ok" : "\(broken) case(s) with a gap or a wrong version"
        }
    }
}
