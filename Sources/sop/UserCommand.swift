import ArgumentParser
import Foundation
import SOPJournal
import SOPKit
import SOPWeb

/// `sop user`: the accounts of `sop serve`.
struct UserCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "user", abstract: JournalHelpMessages.userCommandAbstract.text(in: Language.session), discussion: JournalHelpMessages.userCommandDiscussion.text(in: Language.session), subcommands: [UserAddCommand.self, UserListCommand.self, UserDisableCommand.self, UserPasswdCommand.self])
    }
}

/// Shared: the journal, and who runs the command.
struct UserOptions: ParsableArguments {
    @OptionGroup var language: BahasaOption

    @Option(help: .catalogue(.journal))
    var db: String?

    @Flag(help: .catalogue(.userShared))
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
            throw UsageFailure.exit("user", error.message.text(in: Language.session))
        } catch let error as JournalError {
            throw JournalFailure.exit(error)
        }
    }
}

struct UserAddCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "add", abstract: JournalHelpMessages.userAddCommandAbstract.text(in: Language.session))
    }

    @OptionGroup var options: UserOptions
    @Argument(help: .catalogue(.newUserName)) var name: String
    @Option(help: .catalogue(.userRole)) var role: [String] = []
    @Option(help: .catalogue(.userSOP)) var sop: [String] = []
    @Option(help: .catalogue(.userSOPs))
    var sops: [String] = []

    func run() throws {
        try UserOptions.run {
            let admin = try options.admin()
            var definitions = ServedSOPs(folders: sops.isEmpty ? (FileManager.default.fileExists(atPath: "sops") ? ["sops"] : []) : sops).sorted.map(\.definition)
            definitions += try CaseService(store: admin.store, actor: admin.actor).storedDefinitions()
            if definitions.isEmpty { throw AdminError(UserMessages.noSOPKnown()) }
            let roles = try UserAdmin.resolve(roles: role, in: definitions).get()
            for id in sop where !definitions.contains(where: { $0.id == id }) {
                throw AdminError(UserMessages.notAKnownSOP(["id": .text(id), "hint": .message(Suggestion.hint(id, in: definitions.map(\.id)))]))
            }
            if let problem = UserAdmin.problem(name: name) { throw AdminError(problem) }
            if try admin.store.accounts.user(named: name) != nil { throw AdminError(UserMessages.userExists(["name": .text(name)])) }
            let password = try PasswordPrompt.read(confirm: true)
            let user = try admin.add(name: name, roles: roles, sops: sop, password: password)
            print(UserMessages.added.text(["name": .text(TerminalText.escaped(user.name)), "roles": .text(user.roles.joined(separator: ", "))], in: Language.session))
        }
    }
}

struct UserListCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: JournalHelpMessages.userListCommandAbstract.text(in: Language.session))
    }

    @OptionGroup var options: UserOptions

    func run() throws {
        try UserOptions.run {
            let users = try options.admin().list()
            if users.isEmpty { print(UserMessages.noUsers.text(in: Language.session)) }
            for user in users {
                print(UserMessages.listLine.text(["name": .text(TerminalText.escaped(user.name)), "roles": .text(user.roles.joined(separator: ", ")),
                                         "sops": user.sops.isEmpty ? .message(UserMessages.allSOPs()) : .text(user.sops.joined(separator: ", ")),
                                         "disabled": .message(user.disabled ? UserMessages.disabledMark() : .empty)], in: Language.session))
            }
        }
    }
}

struct UserDisableCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "disable", abstract: JournalHelpMessages.userDisableCommandAbstract.text(in: Language.session))
    }

    @OptionGroup var options: UserOptions
    @Argument(help: .catalogue(.userName)) var name: String

    func run() throws {
        try UserOptions.run {
            try options.admin().disable(name: name)
            print(UserMessages.disabled.text(["name": .text(TerminalText.escaped(name))], in: Language.session))
        }
    }
}

struct UserPasswdCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "passwd", abstract: JournalHelpMessages.userPasswdCommandAbstract.text(in: Language.session))
    }

    @OptionGroup var options: UserOptions
    @Argument(help: .catalogue(.userName)) var name: String

    func run() throws {
        try UserOptions.run {
            let admin = try options.admin()
            let password = try PasswordPrompt.read(confirm: true)
            try admin.setPassword(name: name, password: password)
            print(UserMessages.passwordSet.text(["name": .text(TerminalText.escaped(name))], in: Language.session))
        }
    }
}
