import Foundation
import PostgresNIO
import SOPKit

/// The case journal on a PostgreSQL server, for many offices and case workers writing at once.
///
/// The same semantics as ``SQLiteJournal``: events append-only (triggers refuse UPDATE, DELETE and
/// TRUNCATE), every command one transaction that locks the case's row (`SELECT ... FOR UPDATE`)
/// and checks the version the command saw, so of two concurrent commands on a case one wins and
/// the other gets ``JournalError/conflict(case:expected:found:)``; idempotency keys (serialised per
/// key with an advisory lock, so a retry racing its original still records once); the definition
/// each case started on; the audit trail; migrations in `schema_migrations`, a database written by a
/// newer version refused. Case numbers come from a one-row counter locked by the opening
/// transaction: no duplicates and no gaps under concurrency.
///
/// Open with a URL: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require]` (see
/// ``PostgresURL``). The tables live in the first schema of `search_path` (`public` unless the URL
/// says `options=-c search_path=NAME`).
public final class PostgresJournal: JournalStore, @unchecked Sendable {
    let session: PostgresSession
    /// The worklist heads this process read, kept until the journal's worklist marker moves.
    let worklistMemo = WorklistMemo()
    /// The server and database, without the password.
    public var location: String { session.url.redacted }

    /// Connects to the server (checking the URL, the login and the schema) and applies missing
    /// migrations; any failure is a ``JournalError/cannotOpen(_:)`` saying what to check.
    public convenience init(url: String) throws(JournalError) {
        try self.init(url: try PostgresURL(url))
    }

    public init(url: PostgresURL) throws(JournalError) {
        session = try PostgresSession(url: url)
        do {
            try PostgresSchema.prepare(session)
        } catch .storage(let message) {
            throw .cannotOpen(PostgresConnectMessages.prepareFailed(["url": .text(url.redacted), "why": .message(message)]))
        }
    }

    /// Closes the pooled connections now (they are also closed when the journal is released).
    public func close() { session.closeIdle() }

    /// Runs `body` in one write transaction. `idempotent` (a command with a key) lets a transaction
    /// whose connection was lost while committing run again on a fresh connection: the key's
    /// replay reports the first result if it was recorded.
    func transaction<T>(idempotent: Bool = false, _ body: (PostgresConnection) throws(JournalError) -> T) throws(JournalError) -> T {
        try session.transaction(idempotent: idempotent, body)
    }

    /// Runs `body` in one read-only transaction with a consistent snapshot.
    func read<T>(_ body: (PostgresConnection) throws(JournalError) -> T) throws(JournalError) -> T {
        try session.transaction(readOnly: true, body)
    }

    @discardableResult
    func query(_ connection: PostgresConnection, _ query: PostgresQuery) throws(JournalError) -> [PGRow] {
        try session.query(connection, query).map(PGRow.init)
    }

    // MARK: For tests and tools

    /// Runs one SQL statement outside any transaction (tests use it to try to break the rules).
    func execute(_ sql: String) throws(JournalError) {
        try session.query(PostgresQuery(unsafeSQL: sql))
    }

    /// The first column of every row of `sql`, as integers.
    func integers(_ sql: String) throws(JournalError) -> [Int] {
        try session.query(PostgresQuery(unsafeSQL: sql)).map { (row) throws(JournalError) -> Int in
            let random = row.makeRandomAccess()
            guard random.count > 0 else { throw .corrupt(JournalDataMessages.columnMissing(["column": "1"])) }
            do { return Int(try random[0].decode(Int64.self)) } catch { throw .corrupt(JournalDataMessages.columnNotNumber(["column": "1"])) }
        }
    }

    /// The first column of every row of `sql`, as text.
    func strings(_ sql: String) throws(JournalError) -> [String?] {
        try session.query(PostgresQuery(unsafeSQL: sql)).map { (row) throws(JournalError) -> String? in
            let random = row.makeRandomAccess()
            guard random.count > 0 else { throw .corrupt(JournalDataMessages.columnMissing(["column": "1"])) }
            do { return try random[0].decode(String?.self) } catch { throw .corrupt(JournalDataMessages.columnNotText(["column": "1"])) }
        }
    }
}
