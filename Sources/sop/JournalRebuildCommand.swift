import ArgumentParser
import SOPJournal
import SOPKit

/// `sop journal rebuild`: the read model of current case state made again from the events.
struct JournalRebuildCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "rebuild", abstract: JournalHelpMessages.journalRebuildCommandAbstract.text(in: Language.session), discussion: JournalHelpMessages.journalRebuildCommandDiscussion.text(in: Language.session))
    }

    @OptionGroup var language: BahasaOption
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let service = try journal.service()
        let result: ReadModelRebuild
        do {
            result = try service.store.rebuildReadModel()
            try service.recordRead("journal rebuild", role: nil, caseID: nil,
                                   detail: AuditMessages.rebuilt(["rebuilt": .number(result.rebuilt), "unreadable": .number(result.unreadable.count)]).stored)
        } catch {
            throw JournalFailure.exit(error)
        }
        for id in result.unreadable { print(JournalCommandMessages.rebuiltUnreadable.text(["case": .text(TerminalText.escaped(id))], in: Language.session)) }
        print(JournalCommandMessages.rebuilt.text(["n": .number(result.rebuilt)], in: Language.session))
        if !result.unreadable.isEmpty { throw ExitCode(1) }
    }
}
