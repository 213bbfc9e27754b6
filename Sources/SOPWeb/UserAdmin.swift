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
    public static func problem(password: String) -> String? {
        let bytes = password.utf8.count
        if bytes < passwordBytes.lowerBound { return "the password is too short: give at least \(passwordBytes.lowerBound) characters" }
        if bytes > passwordBytes.upperBound { return "the password is too long: bcrypt reads at most \(passwordBytes.upperBound) bytes" }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return "the password holds a control character" }
        return nil
    }

    /// Why a user name is refused, or nil.
    public static func problem(name: String) -> String? {
        if name.isEmpty || name.count > 64 { return "a user name has 1 to 64 characters" }
        if name.unicodeScalars.contains(where: { !($0.properties.isAlphabetic || $0.properties.numericType != nil || "._-@".unicodeScalars.contains($0)) }) {
            return "a user name holds only letters, digits and . _ - @"
        }
        return nil
    }

    /// The performer ids `roles` name in `definitions` (an id or an alias), or the first role no SOP knows.
    public static func resolve(roles: [String], in definitions: [SOPDefinition]) -> Result<[String], AdminError> {
        var ids: [String] = []
        for role in roles {
            guard let performer = definitions.lazy.compactMap({ $0.performer(named: role) }).first else {
                let known = Set(definitions.flatMap { $0.performers.map(\.id) }).sorted()
                return .failure(AdminError("'\(role)' is not a performer of any known SOP\(Suggestion.didYouMean(role, in: known)) (roles: \(known.joined(separator: ", ")))"))
            }
            if !ids.contains(performer.id) { ids.append(performer.id) }
        }
        return .success(ids)
    }

    public func add(name: String, roles: [String], sops: [String], password: String) throws -> UserAccount {
        if let problem = Self.problem(name: name) { throw AdminError(problem) }
        if let problem = Self.problem(password: password) { throw AdminError(problem) }
        if roles.isEmpty { throw AdminError("give at least one --role") }
        if try store.accounts.user(named: name) != nil { throw AdminError("the user '\(name)' exists already") }
        let now = clock()
        let user = UserAccount(name: name, passwordHash: Bcrypt.hash(password, cost: Self.cost), roles: roles, sops: sops,
                               createdAt: now, changedAt: now)
        try store.accounts.addUser(user)
        try recordRead("user add", "\(name): roles \(roles.joined(separator: ", "))\(sops.isEmpty ? "" : "; SOPs \(sops.joined(separator: ", "))")")
        return user
    }

    public func setPassword(name: String, password: String) throws {
        if let problem = Self.problem(password: password) { throw AdminError(problem) }
        guard var user = try store.accounts.user(named: name) else { throw AdminError("there is no user '\(name)'") }
        user.passwordHash = Bcrypt.hash(password, cost: Self.cost)
        user.changedAt = clock()
        try store.accounts.updateUser(user, endSessions: true)
        try recordRead("user passwd", "\(name): new password; every session ended")
    }

    public func disable(name: String) throws {
        guard var user = try store.accounts.user(named: name) else { throw AdminError("there is no user '\(name)'") }
        user.disabled = true
        user.changedAt = clock()
        try store.accounts.updateUser(user, endSessions: true)
        try recordRead("user disable", "\(name): disabled; every session ended")
    }

    public func list() throws -> [UserAccount] {
        let users = try store.accounts.users()
        try recordRead("user list", "\(users.count) user(s)")
        return users
    }

    private func recordRead(_ action: String, _ detail: String) throws {
        try CaseService(store: store, actor: actor, osLogin: actor, clock: clock).recordRead(action, role: nil, caseID: nil, detail: detail)
    }
}

/// A refused `sop user` command, in our own words.
public struct AdminError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
