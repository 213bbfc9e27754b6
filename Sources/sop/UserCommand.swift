import ArgumentParser
import Foundation
import SOPJournal
import SOPKit
import SOPWeb

/// `sop user`: the accounts of `sop serve`.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Adds, lists, disables users of sop serve and sets their passwords (bcrypt, in the journal).",
        discussion: """
        The password is read from the terminal (echo off, asked twice) or, when standard input is not a
        terminal, as one line from it; never from an option.

        Examples:
          sop user add sari --role kasi --role peksos --sops sops/
          sop user list
          sop user passwd sari
          sop user disable sari
        """,
        subcommands: [UserAddCommand.self, UserListCommand.self, UserDisableCommand.self, UserPasswdCommand.self]
    )
}

/// Shared: the journal, and who runs the command.
struct UserOptions: ParsableArguments {
    @Option(help: "The journal: an SQLite file, or a postgres://USER@HOST:PORT/DB URL (default: $SOP_DB, else ./sop.sqlite).")
    var db: String?

    @Flag(help: "Use an SQLite journal file that other users may read or that belongs to another user.")
    var sharedJournal = false

    func admin() throws -> UserAdmin {
        let options = try JournalOptions.parse((db.map { ["--db", $0] } ?? []) + (sharedJournal ? ["--shared-journal"] : []))
        return UserAdmin(store: try options.service().store, actor: OperatingSystemLogin.name)
    }

    /// Runs a user command; a refusal is one line and exit 1 (64 for a bad value).
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as AdminError {
            throw UsageFailure.exit("user", error.description)
        } catch let error as JournalError {
            throw JournalFailure.exit(error)
        }
    }
}

struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Adds a user with the roles (performer ids or aliases) they act as.")

    @OptionGroup var options: UserOptions
    @Argument(help: "The user name (letters, digits, . _ - @).") var name: String
    @Option(help: "A role the user holds: a performer id or alias of a known SOP (repeat for several).") var role: [String] = []
    @Option(help: "Limit the user to this SOP id (repeat for several; default: every SOP).") var sop: [String] = []
    @Option(help: "A folder of SOP files whose performers the roles are checked against (repeat; default: sops/ when present, and the SOPs in the journal).")
    var sops: [String] = []

    func run() throws {
        try UserOptions.run {
            let admin = try options.admin()
            var definitions = ServedSOPs(folders: sops.isEmpty ? (FileManager.default.fileExists(atPath: "sops") ? ["sops"] : []) : sops).sorted.map(\.definition)
            definitions += try CaseService(store: admin.store, actor: admin.actor).storedDefinitions()
            if definitions.isEmpty { throw AdminError("no SOP is known to check the roles against; give --sops DIR") }
            let roles = try UserAdmin.resolve(roles: role, in: definitions).get()
            for id in sop where !definitions.contains(where: { $0.id == id }) {
                throw AdminError("--sop '\(id)' is not a known SOP\(Suggestion.didYouMean(id, in: definitions.map(\.id)))")
            }
            if let problem = UserAdmin.problem(name: name) { throw AdminError(problem) }
            if try admin.store.accounts.user(named: name) != nil { throw AdminError("the user '\(name)' exists already") }
            let password = try PasswordPrompt.read(confirm: true)
            let user = try admin.add(name: name, roles: roles, sops: sop, password: password)
            print("user \(TerminalText.escaped(user.name)) added: roles \(user.roles.joined(separator: ", "))")
        }
    }
}

struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Lists the users, their roles and whether they are disabled.")

    @OptionGroup var options: UserOptions

    func run() throws {
        try UserOptions.run {
            let users = try options.admin().list()
            if users.isEmpty { print("no users") }
            for user in users {
                print("\(TerminalText.escaped(user.name))  roles \(user.roles.joined(separator: ", "))  SOPs \(user.sops.isEmpty ? "all" : user.sops.joined(separator: ", "))\(user.disabled ? "  DISABLED" : "")")
            }
        }
    }
}

struct UserDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disables a user and ends their sessions (the account and its audit trail stay).")

    @OptionGroup var options: UserOptions
    @Argument(help: "The user name.") var name: String

    func run() throws {
        try UserOptions.run {
            try options.admin().disable(name: name)
            print("user \(TerminalText.escaped(name)) disabled")
        }
    }
}

struct UserPasswdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Sets a user's password (read from the terminal or standard input) and ends their sessions.")

    @OptionGroup var options: UserOptions
    @Argument(help: "The user name.") var name: String

    func run() throws {
        try UserOptions.run {
            let admin = try options.admin()
            let password = try PasswordPrompt.read(confirm: true)
            try admin.setPassword(name: name, password: password)
            print("password of \(TerminalText.escaped(name)) set")
        }
    }
}
