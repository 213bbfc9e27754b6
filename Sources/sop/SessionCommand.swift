import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop session record`: one group session attended by many cases.
struct SessionCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "session",
            abstract: HelpMessages.sessionCommandAbstract.text(in: Language.session),
            subcommands: [SessionRecordCommand.self]
        )
    }
}

struct SessionRecordCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "record",
            abstract: HelpMessages.sessionRecordCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.sessionRecordCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions
    @OptionGroup var key: KeyOption

    @Argument(help: "The SOP id (or its file).")
    var sop: String

    @Argument(help: "The step id.")
    var step: String

    @Option(help: "When the session was held (ISO 8601 or a local date/time).")
    var at: String

    @Option(name: .customLong("case"), help: "A case that attended (repeatable).")
    var cases: [String] = []

    func validate() throws {
        if cases.isEmpty { throw ValidationError("name at least one --case") }
    }

    func run() throws {
        let service = try journal.service()
        let sopID = URL(fileURLWithPath: sop).deletingPathExtension().lastPathComponent
        do {
            guard let first = cases.first else { return }
            let context = try service.load(first, for: "session record").context
            let when = try LoadedSOP.instant(at, context: context, option: "--at") ?? service.clock()
            let outcomes = try service.recordSession(sopID: sopID, step: step, at: when, caseIDs: cases, key: key.value)
            for outcome in outcomes { print("\(outcome.caseID): session of \(step) recorded (version \(outcome.version))") }
        } catch let error as JournalError {
            throw JournalFailure.exit(error)
        }
    }
}
