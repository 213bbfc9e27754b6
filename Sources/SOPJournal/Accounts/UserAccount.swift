import Foundation

/// A person who may log in to `sop serve`: the roles (performer ids) they act as, the SOPs they
/// work on (empty: every SOP), and a bcrypt hash of their password (never the password).
public struct UserAccount: Sendable, Hashable {
    public var name: String
    public var passwordHash: String
    public var roles: [String]
    public var sops: [String]
    public var disabled: Bool
    public var createdAt: Date
    public var changedAt: Date

    public init(name: String, passwordHash: String, roles: [String], sops: [String], disabled: Bool = false,
                createdAt: Date, changedAt: Date) {
        self.name = name
        self.passwordHash = passwordHash
        self.roles = roles
        self.sops = sops
        self.disabled = disabled
        self.createdAt = createdAt
        self.changedAt = changedAt
    }

    /// Whether the user works on the SOP `id`.
    public func worksOn(_ id: String) -> Bool { sops.isEmpty || sops.contains(id) }
}

/// A logged-in browser session, kept server-side: the cookie carries a random token, the journal
/// only its SHA-256, so a copy of the database logs nobody in.
public struct WebSession: Sendable, Hashable {
    public var tokenHash: String
    public var user: String
    /// The token every form of the session carries (CSRF).
    public var csrf: String
    public var createdAt: Date
    public var lastSeen: Date

    public init(tokenHash: String, user: String, csrf: String, createdAt: Date, lastSeen: Date) {
        self.tokenHash = tokenHash
        self.user = user
        self.csrf = csrf
        self.createdAt = createdAt
        self.lastSeen = lastSeen
    }
}

/// Users, sessions and failed logins, in the journal database (so several `sop serve` processes
/// can front one PostgreSQL server).
public protocol AccountStore: Sendable {
    /// Adds a user; a name already taken is refused.
    func addUser(_ user: UserAccount) throws(JournalError)
    /// Replaces a user's hash, roles, SOPs and disabled flag; ends every session of the user when
    /// `endSessions` (a new password, a disabled account).
    func updateUser(_ user: UserAccount, endSessions: Bool) throws(JournalError)
    func user(named name: String) throws(JournalError) -> UserAccount?
    func users() throws(JournalError) -> [UserAccount]

    func createSession(_ session: WebSession) throws(JournalError)
    func session(tokenHash: String) throws(JournalError) -> WebSession?
    /// The session of `tokenHash` and its user (nil when the account is gone), read together:
    /// what every request of a logged-in user needs, in one read.
    func sessionAndUser(tokenHash: String) throws(JournalError) -> (session: WebSession, user: UserAccount?)?
    func touchSession(tokenHash: String, at: Date) throws(JournalError)
    func endSession(tokenHash: String) throws(JournalError)

    /// Records a failed login under each key (the account, the address).
    func recordLoginFailure(keys: [String], at: Date) throws(JournalError)
    /// Failed logins under `key` since `since`.
    func loginFailures(key: String, since: Date) throws(JournalError) -> Int
    /// Forgets the failures under `key` (after a good login) and every one older than `before`.
    func clearLoginFailures(key: String, before: Date) throws(JournalError)
}

extension AccountStore {
    /// The session, then its user, in two reads (a store that can read both at once says so).
    public func sessionAndUser(tokenHash: String) throws(JournalError) -> (session: WebSession, user: UserAccount?)? {
        guard let session = try session(tokenHash: tokenHash) else { return nil }
        return (session, try user(named: session.user))
    }
}

extension UserAccount {
    static func join(_ list: [String]) -> String { list.joined(separator: ",") }
    static func split(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
}
