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
            abstract: CaseHelpMessages.sessionCommandAbstract.text(in: Language.session),
            subcommands: [SessionRecordCommand.self]
        )
    }
}

struct SessionRecordCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "record",
            abstract: CaseHelpMessages.sessionRecordCommandAbstract.text(in: Language.session),
            discussion: CaseHelpMessages.sessionRecordCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions
    @OptionGroup var key: KeyOption

    @Argument(help: .catalogue(.sessionSOP))
    var sop: String

    @Argument(help: .catalogue(.stepID))
    var step: String

    @Option(help: .catalogue(.sessionAt))
    var at: String

    @Option(name: .customLong("case"), help: .catalogue(.sessionCase))
    var cases: [String] = []

    func validate() throws {
        if cases.isEmpty { throw ValidationError(CaseCommandMessages.nameACase.text(in: Language.session)) }
    }

    func run() throws {
        let service = try journal.service()
        let sopID = URL(fileURLWithPath: sop).deletingPathExtension().lastPathComponent
        do {
            guard let first = cases.first else { return }
            let context = try service.load(first, for: "session record").context
            let when = try LoadedSOP.instant(at, context: context, option: "--at") ?? service.clock()
            let outcomes = try service.recordSession(sopID: sopID, step: step, at: when, caseIDs: cases, key: key.value)
            for outcome in outcomes { print(CaseCommandMessages.sessionRecorded.text(["case": .text(outcome.caseID), "step": .text(step), "version": .text(String(outcome.version))], in: Language.session)) }
        } catch let error as JournalError {
            throw JournalFailure.exit(error)
        }
    }
}
