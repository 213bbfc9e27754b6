import Foundation
import HummingbirdBcrypt
import SOPJournal
import SOPKit

/// `sop user add|list|disable|passwd`: accounts of `sop serve` in the journal. Passwords are hashed
/// with bcrypt at ``cost``; the password itself is never stored, logged or shown.
public struct UserAdmin: Sendable {
    /// bcrypt's cost factor (2^12 rounds).
    public static let cost: UInt8 = 12
    /// bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused.
    public static let passwordBytes = 10...72

    public let store: any JournalStore
    /// Who runs the command (the OS login), for the audit trail.
    public let actor: String
    public let clock: @Sendable () -> Date

    public init(store: any JournalStore, actor: String, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.actor = actor
        self.clock = clock
    }

    /// Why a password is refused (in our own words, never quoting it), or nil.
    public static func problem(password: String) -> Message? {
        let bytes = password.utf8.count
        if bytes < passwordBytes.lowerBound { return UserMessages.passwordTooShort(["n": .number(passwordBytes.lowerBound)]) }
        if bytes > passwordBytes.upperBound { return UserMessages.passwordTooLong(["n": .number(passwordBytes.upperBound)]) }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return UserMessages.passwordControl() }
        return nil
    }

    /// Why a user name is refused, or nil.
    public static func problem(name: String) -> Message? {
        if name.isEmpty || name.count > 64 { return UserMessages.nameLength() }
        if name.unicodeScalars.contains(where: { !($0.properties.isAlphabetic || $0.properties.numericType != nil || "._-@".unicodeScalars.contains($0)) }) {
            return UserMessages.nameCharacters()
        }
        return nil
    }

    /// The performer ids `roles` name in `definitions` (an id or an alias), or the first role no SOP knows.
    public static func resolve(roles: [String], in definitions: [SOPDefinition]) -> Result<[String], AdminError> {
        var ids: [String] = []
        for role in roles {
            guard let performer = definitions.lazy.compactMap({ $0.performer(named: role) }).first else {
                let known = Set(definitions.flatMap { $0.performers.map(\.id) }).sorted()
                return .failure(AdminError(UserMessages.notAKnownPerformer(["role": .text(role), "hint": .message(Suggestion.hint(role, in: known)),
                                                                    "roles": .text(known.joined(separator: ", "))])))
            }
            if !ids.contains(performer.id) { ids.append(performer.id) }
        }
        return .success(ids)
    }

    public func add(name: String, roles: [String], sops: [String], password: String) throws -> UserAccount {
        if let problem = Self.problem(name: name) { throw AdminError(problem) }
        if let problem = Self.problem(password: password) { throw AdminError(problem) }
        if roles.isEmpty { throw AdminError(UserMessages.giveARole()) }
        if try store.accounts.user(named: name) != nil { throw AdminError(UserMessages.userExists(["name": .text(name)])) }
        let now = clock()
        let user = UserAccount(name: name, passwordHash: Bcrypt.hash(password, cost: Self.cost), roles: roles, sops: sops,
                               createdAt: now, changedAt: now)
        try store.accounts.addUser(user)
        try recordRead("user add", AuditMessages.userAdded(["name": .text(name), "roles": .list(roles.map { .text($0) }),
                                                          "sops": sops.isEmpty ? .message(.empty) : .message(AuditMessages.userSOPs(["sops": .list(sops.map { .text($0) })]))]))
        return user
    }

    public func setPassword(name: String, password: String) throws {
        if let problem = Self.problem(password: password) { throw AdminError(problem) }
        guard var user = try store.accounts.user(named: name) else { throw AdminError(UserMessages.noSuchUser(["name": .text(name)])) }
        user.passwordHash = Bcrypt.hash(password, cost: Self.cost)
        user.changedAt = clock()
        try store.accounts.updateUser(user, endSessions: true)
        try recordRead("user passwd", AuditMessages.passwordChanged(["name": .text(name)]))
    }

    public func disable(name: String) throws {
        guard var user = try store.accounts.user(named: name) else { throw AdminError(UserMessages.noSuchUser(["name": .text(name)])) }
        user.disabled = true
        user.changedAt = clock()
        try store.accounts.updateUser(user, endSessions: true)
        try recordRead("user disable", AuditMessages.userDisabled(["name": .text(name)]))
    }

    public func list() throws -> [UserAccount] {
        let users = try store.accounts.users()
        try recordRead("user list", AuditMessages.users(["count": .number(users.count)]))
        return users
    }

    private func recordRead(_ action: String, _ detail: Message) throws {
        try CaseService(store: store, actor: actor, osLogin: actor, clock: clock).recordRead(action, role: nil, caseID: nil, detail: detail.stored)
    }
}

/// A refused `sop user` command, in our own words.
public struct AdminError: Error, CustomStringConvertible {
    /// The refusal, in either language.
    public let message: Message
    public init(_ message: Message) { self.message = message }
    /// The refusal in English.
    public var description: String { message.english }
}
