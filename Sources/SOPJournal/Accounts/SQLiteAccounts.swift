import SOPKit
import Foundation
import GRDB

/// ``AccountStore`` on the SQLite journal.
struct SQLiteAccounts: AccountStore {
    let journal: SQLiteJournal

    func addUser(_ user: UserAccount) throws(JournalError) {
        try journal.transaction { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE name = ?", arguments: [user.name]) == true {
                throw JournalError.storage(JournalDataMessages.userExists(["user": .text(user.name)]))
            }
            try db.execute(sql: """
                INSERT INTO users (name, password_hash, roles, sops, disabled, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [user.name, user.passwordHash, UserAccount.join(user.roles), UserAccount.join(user.sops), user.disabled,
                                 EventCoding.milliseconds(user.createdAt), EventCoding.milliseconds(user.changedAt)])
        }
    }

    func updateUser(_ user: UserAccount, endSessions: Bool) throws(JournalError) {
        try journal.transaction { db in
            try db.execute(sql: "UPDATE users SET password_hash = ?, roles = ?, sops = ?, disabled = ?, changed_at = ? WHERE name = ?",
                           arguments: [user.passwordHash, UserAccount.join(user.roles), UserAccount.join(user.sops), user.disabled,
                                       EventCoding.milliseconds(user.changedAt), user.name])
            if db.changesCount == 0 { throw JournalError.storage(JournalDataMessages.noUser(["user": .text(user.name)])) }
            if endSessions { try db.execute(sql: "DELETE FROM web_sessions WHERE user_name = ?", arguments: [user.name]) }
        }
    }

    func user(named name: String) throws(JournalError) -> UserAccount? {
        try journal.read { db in try SQLiteAccounts.user(db, named: name) }
    }

    /// The columns ``user(_:)`` reads, named: a statement kept compiled keeps its columns.
    static let userColumns = "name, password_hash, roles, sops, disabled, created_at, changed_at"

    /// Every request of a logged-in user reads these two rows: one read, and statements compiled
    /// once per connection (compiling cost more than reading).
    static func user(_ db: Database, named name: String) throws -> UserAccount? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(userColumns) FROM users WHERE name = ?"), arguments: [name]).map(SQLiteAccounts.user)
    }

    func users() throws(JournalError) -> [UserAccount] {
        try journal.read { db in try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY name").map(SQLiteAccounts.user) }
    }

    static func user(_ row: Row) -> UserAccount {
        UserAccount(name: row["name"], passwordHash: row["password_hash"], roles: UserAccount.split(row["roles"]),
                    sops: UserAccount.split(row["sops"]), disabled: row["disabled"],
                    createdAt: EventCoding.date(milliseconds: row["created_at"]), changedAt: EventCoding.date(milliseconds: row["changed_at"]))
    }

    func createSession(_ session: WebSession) throws(JournalError) {
        try journal.transaction { db in
            try db.execute(sql: "INSERT INTO web_sessions (token_hash, user_name, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?)",
                           arguments: [session.tokenHash, session.user, session.csrf, EventCoding.milliseconds(session.createdAt),
                                       EventCoding.milliseconds(session.lastSeen)])
        }
    }

    func session(tokenHash: String) throws(JournalError) -> WebSession? {
        try journal.read { db in try SQLiteAccounts.session(db, tokenHash: tokenHash) }
    }

    func sessionAndUser(tokenHash: String) throws(JournalError) -> (session: WebSession, user: UserAccount?)? {
        try journal.read { db in
            guard let session = try SQLiteAccounts.session(db, tokenHash: tokenHash) else { return nil }
            return (session, try SQLiteAccounts.user(db, named: session.user))
        }
    }

    static func session(_ db: Database, tokenHash: String) throws -> WebSession? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT token_hash, user_name, csrf, created_at, last_seen FROM web_sessions WHERE token_hash = ?"),
                         arguments: [tokenHash]).map { row in
            WebSession(tokenHash: row["token_hash"], user: row["user_name"], csrf: row["csrf"],
                       createdAt: EventCoding.date(milliseconds: row["created_at"]), lastSeen: EventCoding.date(milliseconds: row["last_seen"]))
        }
    }

    func touchSession(tokenHash: String, at: Date) throws(JournalError) {
        try journal.transaction { db in
            try db.execute(sql: "UPDATE web_sessions SET last_seen = ? WHERE token_hash = ?", arguments: [EventCoding.milliseconds(at), tokenHash])
        }
    }

    func endSession(tokenHash: String) throws(JournalError) {
        try journal.transaction { db in try db.execute(sql: "DELETE FROM web_sessions WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    func recordLoginFailure(keys: [String], at: Date) throws(JournalError) {
        try journal.transaction { db in
            for key in keys {
                try db.execute(sql: "INSERT INTO login_failures (key, at) VALUES (?, ?)", arguments: [key, EventCoding.milliseconds(at)])
            }
        }
    }

    func loginFailures(key: String, since: Date) throws(JournalError) -> Int {
        try journal.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM login_failures WHERE key = ? AND at >= ?",
                             arguments: [key, EventCoding.milliseconds(since)]) ?? 0
        }
    }

    func clearLoginFailures(key: String, before: Date) throws(JournalError) {
        try journal.transaction { db in
            try db.execute(sql: "DELETE FROM login_failures WHERE key = ? OR at < ?", arguments: [key, EventCoding.milliseconds(before)])
        }
    }
}
