import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SOPKit
import GRDB

/// The case journal in one SQLite file, through GRDB: WAL mode so readers never block the writer,
/// `synchronous = FULL` so an acknowledged command survives a power cut, a busy timeout so
/// concurrent processes queue instead of failing, owner-only file permissions, and migrations that
/// are never edited once shipped. A database written by a newer version is refused.
public final class SQLiteJournal: JournalStore, @unchecked Sendable {
    let writer: any DatabaseWriter
    /// The worklist heads this process read, kept until the journal's worklist marker moves.
    let worklistMemo = WorklistMemo()
    /// Where the database is (`:memory:` for an in-memory journal).
    public let path: String

    /// Opens (creating if needed) the journal at `path`. A file that belongs to another user or
    /// that group or others may open is refused unless `allowShared`.
    public init(path: String, busyTimeout: TimeInterval = 15, allowShared: Bool = false) throws(JournalError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        // A new journal is made private and complete under a name nobody else can reach, then
        // linked into place (JournalFile): no process ever sees it half-made or readable.
        try JournalFile.createIfMissing(path) { temporary in
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try JournalSchema.migrator.migrate(queue)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
            try queue.close()
        }
        // Everything that can refuse the file is checked on a read-only connection first: opening
        // the pool writes (GRDB makes sure a non-empty -wal exists with a throwaway CREATE/DROP
        // TABLE, which every process's first open did, bumping the header), and a refused file must
        // stay byte-for-byte as it was.
        try SQLiteJournal.inspectReadOnly(path, allowShared: allowShared)
        writer = try SQLiteJournal.openPool(path: path, configuration: configuration, patience: busyTimeout)
    }

    /// Refuses, without writing anything: a journal file that is not private (JournalFile), one
    /// SQLite finds damaged (`PRAGMA quick_check`), an SQLite database of another program, and a
    /// journal of a newer version. Files that are not SQLite databases at all are left to the open
    /// that follows, which says so. (The file is never opened outside SQLite: closing any other
    /// descriptor of it would drop this process's SQLite locks on it.)
    private static func inspectReadOnly(_ path: String, allowShared: Bool) throws(JournalError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        guard info.st_size > 0 else {
            try JournalFile.checkPrivate(path, allowShared: allowShared)  // SQLite would make a journal in it
            return
        }
        do {
            try JournalFile.checkPrivate(path, allowShared: allowShared)
        } catch {
            // A file that is not an SQLite database is refused as such by the open that follows.
            // (Its header is read only here, when the file is refused anyway.)
            if JournalFile.startsLikeSQLite(path) { throw error }
            return
        }
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            // Reading the schema fails on a file that is not an SQLite database at all.
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
        } catch {
            if let e = error as? DatabaseError, e.resultCode == .SQLITE_CORRUPT { throw .damaged(path: path, problems: describe(error)) }
            return  // not an SQLite database, or unreadable: the read-write open says what is wrong
        }
        do {
            try queue.read { db in
                try SQLiteJournal.refuseDamaged(db, path: path)
                try SQLiteJournal.refuseForeignOrNewer(db, path: path)
            }
        } catch let error as JournalError {
            throw error
        } catch {
            if let e = error as? DatabaseError, e.resultCode == .SQLITE_CORRUPT || e.resultCode == .SQLITE_NOTADB {
                throw .damaged(path: path, problems: describe(error))
            }
        }
    }

    /// Opens an existing journal for reading only, without creating, migrating or writing anything
    /// (`sop journal check`, `sop journal export`): the file stays byte-for-byte as it is, even
    /// when it is damaged.
    public init(readingOnly path: String, allowShared: Bool = false) throws(JournalError) {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else { throw .cannotOpen(JournalFileMessages.noJournal(["path": .text(path)])) }
        try JournalFile.checkPrivate(path, allowShared: allowShared)
        var configuration = Configuration()
        configuration.readonly = true
        do {
            writer = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw .cannotOpen(JournalFileMessages.notAJournal(["path": .text(path), "why": .message(SQLiteJournal.describe(error))]))
        }
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
                // GRDB's WAL set-up switches the writer to synchronous = NORMAL after
                // prepareDatabase has run; an acknowledged command must survive a power cut.
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
                try SQLiteJournal.prepare(pool, path: path)
                return pool
            } catch let error as JournalError {
                throw error
            } catch {
                if SQLiteJournal.isBusy(error) || SQLiteJournal.isVanishedWAL(error), Date().timeIntervalSince(start) < patience {
                    Thread.sleep(forTimeInterval: 0.01 * Double(min(attempt, 20)))
                    continue
                }
                throw .cannotOpen(JournalFileMessages.notAJournal(["path": .text(path), "why": .message(SQLiteJournal.describe(error))]))
            }
        }
    }

    /// GRDB checks that the -wal file exists and then reads its size; another process closing its
    /// last connection in between deletes it, and the size read fails ("file doesn't exist").
    /// Opening again succeeds.
    static func isVanishedWAL(_ error: any Error) -> Bool {
        if let cocoa = error as? CocoaError, cocoa.code == .fileReadNoSuchFile || cocoa.code == .fileNoSuchFile { return true }
        let ns = error as NSError
        return ns.domain == NSCocoaErrorDomain && (ns.code == CocoaError.fileReadNoSuchFile.rawValue || ns.code == CocoaError.fileNoSuchFile.rawValue)
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
            throw .cannotOpen(JournalFileMessages.inMemory(["why": .message(SQLiteJournal.describe(error))]))
        }
    }

    private static func prepare(_ writer: any DatabaseWriter, path: String) throws {
        try writer.read { db in try SQLiteJournal.refuseForeignOrNewer(db, path: path) }
        if try writer.read({ db in try JournalSchema.migrator.hasCompletedMigrations(db) }) { return }
        // An older journal gets the new migrations, which write: never on a damaged file.
        if path != ":memory:" { try writer.read { db in try SQLiteJournal.refuseDamaged(db, path: path) } }
        do {
            try JournalSchema.migrator.migrate(writer)
        } catch {
            // Another process made the same tables a moment earlier ("table ... already exists"
            // once its transaction committed): its migrations are ours, as long as they are complete.
            if try writer.read({ db in try JournalSchema.migrator.hasCompletedMigrations(db) }) { return }
            throw error
        }
    }

    /// Refuses an SQLite database of another program, and a journal of a newer version.
    static func refuseForeignOrNewer(_ db: Database, path: String) throws {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if tables.contains(where: { $0 != "grdb_migrations" }), !tables.contains("journal_info") {
            throw JournalError.cannotOpen(JournalFileMessages.foreignDatabase(["path": .text(path), "tables": .text(tables.prefix(5).joined(separator: ", "))]))
        }
        if tables.contains("grdb_migrations"), try JournalSchema.migrator.hasBeenSuperseded(db) {
            let applied = try JournalSchema.migrator.appliedIdentifiers(db).subtracting(JournalSchema.migrationNames)
            throw JournalError.cannotOpen(JournalFileMessages.newerJournal(["path": .text(path), "schema": .text(applied.sorted().joined(separator: ", ")),
                                                                            "version": .text(SOPVersion.current)]))
        }
    }

    /// What SQLite's failure means, in our words; an unusual one by its result code.
    static func describe(_ error: any Error) -> Message {
        if let e = error as? DatabaseError {
            if e.resultCode == .SQLITE_NOTADB { return JournalFileMessages.notSQLite() }
            if e.resultCode == .SQLITE_CORRUPT { return JournalFileMessages.corrupted() }
            if e.resultCode == .SQLITE_BUSY { return JournalFileMessages.locked() }
            if e.resultCode == .SQLITE_FULL { return JournalFileMessages.diskFull() }
            if e.resultCode == .SQLITE_IOERR {
                // SQLite says "disk I/O error" for a full disk too when it cannot grow its -wal or -shm file.
                return JournalFileMessages.diskFailing()
            }
            if e.resultCode == .SQLITE_READONLY || e.resultCode == .SQLITE_CANTOPEN || e.resultCode == .SQLITE_PERM {
                return JournalFileMessages.notWritable()
            }
            return JournalFileMessages.sqliteOther(["code": .text("\(e.resultCode)")])
        }
        if let e = error as? JournalError { return e.text }
        return JournalFileMessages.sqliteOther(["code": .text("\(type(of: error))")])
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
                guard let result else { throw JournalError.storage(JournalFileMessages.noResult()) }
                return result
            }
        } catch let error as JournalError {
            throw error
        } catch {
            throw .storage(JournalFileMessages.cannotWrite(["why": .message(SQLiteJournal.describe(error))]))
        }
    }

    /// Runs a read.
    func read<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        do {
            return try writer.read(body)
        } catch let error as JournalError {
            throw error
        } catch {
            throw .storage(JournalFileMessages.cannotRead(["why": .message(SQLiteJournal.describe(error))]))
        }
    }

    /// Refuses to write to a file SQLite finds damaged (`PRAGMA quick_check`), saying how to recover.
    static func refuseDamaged(_ db: Database, path: String) throws {
        let problems: Message
        do {
            let found = try String.fetchAll(db, sql: "PRAGMA quick_check")
            if found == ["ok"] { return }
            problems = JournalFileMessages.quickCheck(["found": .text(found.prefix(3).joined(separator: "; "))])
        } catch {
            problems = describe(error)
        }
        throw JournalError.damaged(path: path, problems: problems)
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws(JournalError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }
}
