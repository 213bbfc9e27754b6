import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// Options shared by every command that uses the case journal.
struct JournalOptions: ParsableArguments {
    @Option(help: .catalogue(.journal))
    var db: String?

    @Option(help: .catalogue(.user))
    var user: String?

    @Flag(help: .catalogue(.allowShared))
    var sharedJournal = false

    /// The database in effect: an SQLite path or a PostgreSQL URL.
    var path: String {
        db ?? ProcessInfo.processInfo.environment["SOP_DB"] ?? "sop.sqlite"
    }

    /// The person in effect: the name given with `--user`, else the login.
    var actor: String {
        if let user, !user.isEmpty { return user }
        return OperatingSystemLogin.name
    }

    /// The name claimed with `--user`, when one was given (the audit keeps it beside the login).
    var claimedUser: String? { user.flatMap { $0.isEmpty ? nil : $0 } }

    /// Opens the journal and a case service, or fails with a clear message.
    func service() throws -> CaseService {
        // A folder or a loop of symbolic links given as --db is named as such (SQLite would say
        // "cannot be written", and a dangling loop would be replaced by a new file).
        if !PostgresURL.isPostgres(path), let problem = BoundedFile.problemAsFile(path) {
            Terminal.error(JournalCommandMessages.notAJournalFile.text(["path": .text(path), "reason": .message(problem.reasonText)], in: Language.session))
            throw ExitCode(1)
        }
        do {
            let store = try JournalBackend.open(path, allowShared: sharedJournal)
            return CaseService(store: store, actor: actor, calendarFolder: nil, osLogin: OperatingSystemLogin.name, claimedUser: claimedUser)
        } catch {
            Terminal.error("sop: \(error.message(in: Language.session))")
            throw ExitCode(1)
        }
    }
}

/// How journal failures reach the user: a message and an exit status (75 for a conflict, so a
/// script knows a retry may succeed; 1 otherwise).
enum JournalFailure {
    static func exit(_ error: JournalError) -> ExitCode {
        // Case data the SOP refuses is a bad option value: a usage error naming the option.
        if case .refused(let refusal) = error, refusal.reason == .badData { return UsageFailure.exit("--data", refusal.message(in: Language.session)) }
        // So is a key already used for another command.
        if case .refused(let refusal) = error, refusal.reason == .keyReused { return UsageFailure.exit("--key", refusal.message(in: Language.session)) }
        Terminal.error("sop: \(error.message(in: Language.session))")
        if case .conflict = error { return ExitCode(75) }
        return ExitCode(1)
    }
}

/// A command key option: the same key on a retry records the command once.
struct KeyOption: ParsableArguments {
    @Option(help: .catalogue(.key))
    var key: String?

    var value: String? { key ?? ProcessInfo.processInfo.environment["SOP_COMMAND_KEY"] }
}
