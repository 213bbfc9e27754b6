import ArgumentParser
import SOPKit

/// `sop case`: open, act on, show and list cases in the journal.
struct CaseCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "case",
            abstract: CaseHelpMessages.caseCommandAbstract.text(in: Language.session),
            discussion: CaseHelpMessages.caseCommandDiscussion.text(in: Language.session),
            subcommands: [CaseOpenCommand.self, CaseDoCommand.self, CaseShowCommand.self, CaseListCommand.self, CaseMigrateCommand.self]
        )
    }
}
