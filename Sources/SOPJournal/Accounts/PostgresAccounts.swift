import SOPKit
import Foundation
import PostgresNIO

/// ``AccountStore`` on the PostgreSQL journal.
struct PostgresAccounts: AccountStore {
    let journal: PostgresJournal

    func addUser(_ user: UserAccount) throws(JournalError) {
        try journal.transaction { (c) throws(JournalError) -> Void in
            if try !journal.query(c, "SELECT 1 AS one FROM users WHERE name = \(user.name)").isEmpty {
                throw .storage(JournalDataMessages.userExists(["user": .text(user.name)]))
            }
            try journal.query(c, """
                INSERT INTO users (name, password_hash, roles, sops, disabled, created_at, changed_at)
                VALUES (\(user.name), \(user.passwordHash), \(UserAccount.join(user.roles)), \(UserAccount.join(user.sops)), \(user.disabled),
                        \(EventCoding.milliseconds(user.createdAt)), \(EventCoding.milliseconds(user.changedAt)))
                """)
        }
    }

    func updateUser(_ user: UserAccount, endSessions: Bool) throws(JournalError) {
        try journal.transaction { (c) throws(JournalError) -> Void in
            let changed = try journal.query(c, """
                UPDATE users SET password_hash = \(user.passwordHash), roles = \(UserAccount.join(user.roles)), sops = \(UserAccount.join(user.sops)),
                    disabled = \(user.disabled), changed_at = \(EventCoding.milliseconds(user.changedAt))
                WHERE name = \(user.name) RETURNING name
                """)
            if changed.isEmpty { throw .storage(JournalDataMessages.noUser(["user": .text(user.name)])) }
            if endSessions { try journal.query(c, "DELETE FROM web_sessions WHERE user_name = \(user.name)") }
        }
    }

    func user(named name: String) throws(JournalError) -> UserAccount? {
        try journal.read { (c) throws(JournalError) -> UserAccount? in
            try journal.query(c, "SELECT * FROM users WHERE name = \(name)").first.map(PostgresAccounts.user)
        }
    }

    func users() throws(JournalError) -> [UserAccount] {
        try journal.read { (c) throws(JournalError) -> [UserAccount] in
            try journal.query(c, "SELECT * FROM users ORDER BY name").map(PostgresAccounts.user)
        }
    }

    static func user(_ row: PGRow) throws(JournalError) -> UserAccount {
        let disabled: Bool
        do { disabled = try row.row["disabled"].decode(Bool.self) } catch { throw .corrupt(JournalDataMessages.userNoDisabledFlag()) }
        return UserAccount(name: try row.string("name"), passwordHash: try row.string("password_hash"),
                           roles: UserAccount.split(try row.string("roles")), sops: UserAccount.split(try row.string("sops")), disabled: disabled,
                           createdAt: EventCoding.date(milliseconds: try row.int64("created_at")),
                           changedAt: EventCoding.date(milliseconds: try row.int64("changed_at")))
    }

    func createSession(_ session: WebSession) throws(JournalError) {
        try journal.transaction { (c) throws(JournalError) -> Void in
            try journal.query(c, """
                INSERT INTO web_sessions (token_hash, user_name, csrf, created_at, last_seen)
                VALUES (\(session.tokenHash), \(session.user), \(session.csrf), \(EventCoding.milliseconds(session.createdAt)),
                        \(EventCoding.milliseconds(session.lastSeen)))
                """)
        }
    }

    func session(tokenHash: String) throws(JournalError) -> WebSession? {
        try journal.read { (c) throws(JournalError) -> WebSession? in try session(c, tokenHash: tokenHash) }
    }

    /// Both in one read (every request of a logged-in user reads them).
    func sessionAndUser(tokenHash: String) throws(JournalError) -> (session: WebSession, user: UserAccount?)? {
        try journal.read { (c) throws(JournalError) -> (session: WebSession, user: UserAccount?)? in
            guard let session = try session(c, tokenHash: tokenHash) else { return nil }
            return (session, try journal.query(c, "SELECT * FROM users WHERE name = \(session.user)").first.map(PostgresAccounts.user))
        }
    }

    private func session(_ c: PostgresConnection, tokenHash: String) throws(JournalError) -> WebSession? {
        guard let row = try journal.query(c, "SELECT * FROM web_sessions WHERE token_hash = \(tokenHash)").first else { return nil }
        return WebSession(tokenHash: try row.string("token_hash"), user: try row.string("user_name"), csrf: try row.string("csrf"),
                          createdAt: EventCoding.date(milliseconds: try row.int64("created_at")),
                          lastSeen: EventCoding.date(milliseconds: try row.int64("last_seen")))
    }

    func touchSession(tokenHash: String, at: Date) throws(JournalError) {
        try journal.transaction { (c) throws(JournalError) -> Void in
            try journal.query(c, "UPDATE web_sessions SET last_seen = \(EventCoding.milliseconds(at)) WHERE token_hash = \(tokenHash)")
        }
    }

    func endSession(tokenHash: String) throws(JournalError) {
        try journal.transaction { (c) throws(JournalError) -> Void in
            try journal.query(c, "DELETE FROM web_sessions WHERE token_hash = \(tokenHash)")
        }
    }

    func recordLoginFailure(keys: [String], at: Date) throws(JournalError) {
        try journal.transaction { (c) throws(JournalError) -> Void in
            try journal.query(c, "INSERT INTO login_failures (key, at) SELECT k, \(EventCoding.milliseconds(at)) FROM UNNEST(\(keys)::text[]) AS k")
        }
    }

    func loginFailures(key: String, since: Date) throws(JournalError) -> Int {
        try journal.read { (c) throws(JournalError) -> Int in
            try journal.query(c, "SELECT COUNT(*) AS n FROM login_failures WHERE key = \(key) AND at >= \(EventCoding.milliseconds(since))")
                .first?.int("n") ?? 0
        }
    }

    func clearLoginFailures(key: String, before: Date) throws(JournalError) {
        try journal.transaction { (c) throws(JournalError) -> Void in
            try journal.query(c, "DELETE FROM login_failures WHERE key = \(key) OR at < \(EventCoding.milliseconds(before))")
        }
    }
}
