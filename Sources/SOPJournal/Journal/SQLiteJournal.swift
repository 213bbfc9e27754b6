import Foundation
import SOPKit
import GRDB

/// The case journal in one SQLite file, through GRDB: WAL mode so readers never block the writer,
/// `synchronous = FULL` so an acknowledged command survives a power cut, a busy timeout so
/// concurrent processes queue instead of failing, owner-only file permissions, and migrations that
/// are never edited once shipped. A database written by a newer version is refused.
public final class SQLiteJournal: JournalStore, @unchecked Sendable {
    let writer: any DatabaseWriter
    /// Where the database is (`:memory:` for an in-memory journal).
    public let path: String

    /// Opens (creating if needed) the journal at `path`.
    public init(path: String, busyTimeout: TimeInterval = 15) throws(JournalError) {
        self.path = path
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard fm.fileExists(atPath: folder.isEmpty ? "." : folder) else {
                throw .cannotOpen("cannot create the database '\(path)': the folder '\(folder)' does not exist")
            }
            // Owner-only from the first byte: the journal holds data about children. SQLite gives
            // its -wal and -shm files the same permissions.
            guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw .cannotOpen("cannot create the database '\(path)' (permission denied?)")
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        writer = try SQLiteJournal.openPool(path: path, configuration: configuration, patience: busyTimeout)
    }

    /// Opens the pool and prepares the schema. Several processes opening a journal that does not
    /// exist yet race to switch it to WAL and to create its tables; SQLite answers the losers
    /// SQLITE_BUSY at once (no busy handler for those locks), so they wait a little and try
    /// again, up to `patience` seconds.
    private static func openPool(path: String, configuration: Configuration, patience: TimeInterval) throws(JournalError) -> DatabasePool {
        let start = Date()
        var attempt = 0
        while true {
            attempt += 1
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try SQLiteJournal.prepare(pool, path: path)
                return pool
            } catch let error as JournalError {
                throw error
            } catch {
                if SQLiteJournal.isBusy(error), Date().timeIntervalSince(start) < patience {
                    Thread.sleep(forTimeInterval: 0.01 * Double(min(attempt, 20)))
                    continue
                }
                throw .cannotOpen("cannot open '\(path)' as a sop journal: \(SQLiteJournal.describe(error))")
            }
        }
    }

    static func isBusy(_ error: any Error) -> Bool {
        (error as? DatabaseError)?.resultCode == .SQLITE_BUSY
    }

    /// An in-memory journal, for tests.
    public init(inMemory: Void = ()) throws(JournalError) {
        path = ":memory:"
        do {
            let queue = try DatabaseQueue()
            try SQLiteJournal.prepare(queue, path: path)
            writer = queue
        } catch {
            throw .cannotOpen("cannot create an in-memory journal: \(SQLiteJournal.describe(error))")
        }
    }

    private static func prepare(_ writer: any DatabaseWriter, path: String) throws {
        try writer.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            // Only GRDB's own table: another process is creating the journal at this moment.
            if tables.contains(where: { $0 != "grdb_migrations" }), !tables.contains("journal_info") {
                throw JournalError.cannotOpen("'\(path)' is an SQLite database but not a sop journal (it has tables \(tables.prefix(5).joined(separator: ", "))); give another --db")
            }
            if tables.contains("grdb_migrations"), try JournalSchema.migrator.hasBeenSuperseded(db) {
                let applied = try JournalSchema.migrator.appliedIdentifiers(db).subtracting(JournalSchema.migrationNames)
                throw JournalError.cannotOpen("'\(path)' was written by a newer version of sop (schema \(applied.sorted().joined(separator: ", "))); this version (\(SOPVersion.current)) cannot use it safely, so it leaves it untouched")
            }
        }
        do {
            try JournalSchema.migrator.migrate(writer)
        } catch {
            // Another process made the same tables a moment earlier ("table ... already exists"
            // once its transaction committed): its migrations are ours, as long as they are complete.
            if try writer.read({ db in try JournalSchema.migrator.hasCompletedMigrations(db) }) { return }
            throw error
        }
    }

    static func describe(_ error: any Error) -> String {
        if let e = error as? DatabaseError {
            if e.resultCode == .SQLITE_NOTADB { return "the file is not an SQLite database (or it is corrupted)" }
            if e.resultCode == .SQLITE_CORRUPT { return "the database is corrupted" }
            if e.resultCode == .SQLITE_BUSY { return "the database stayed locked by another process" }
            if e.resultCode == .SQLITE_FULL { return "the disk is full; free some space and run the command again" }
            if e.resultCode == .SQLITE_IOERR {
                // SQLite says "disk I/O error" for a full disk too when it cannot grow its -wal or -shm file.
                return "the disk could not be written or read (is it full, or failing?); nothing was recorded"
            }
            if e.resultCode == .SQLITE_READONLY || e.resultCode == .SQLITE_CANTOPEN || e.resultCode == .SQLITE_PERM {
                return "the file cannot be written (permissions?)"
            }
            return e.message ?? "\(e.resultCode)"
        }
        if let e = error as? JournalError { return e.description }
        return "\(error)"
    }

    /// Runs `body` in one IMMEDIATE transaction (taking the write lock at once, so concurrent
    /// commands queue on the busy timeout instead of failing half-way).
    func transaction<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw JournalError.storage("the transaction produced no result") }
                return result
            }
        } catch let error as JournalError {
            throw error
        } catch {
            throw .storage("the journal could not be written: \(SQLiteJournal.describe(error))")
        }
    }

    /// Runs a read.
    func read<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        do {
            return try writer.read(body)
        } catch let error as JournalError {
            throw error
        } catch {
            throw .storage("the journal could not be read: \(SQLiteJournal.describe(error))")
        }
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws(JournalError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }
}
