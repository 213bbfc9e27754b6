import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop export xes`: the event log for process-mining tools.
struct ExportCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: CaseHelpMessages.exportCommandAbstract.text(in: Language.session),
            subcommands: [ExportXESCommand.self]
        )
    }
}

struct ExportXESCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "xes",
            abstract: CaseHelpMessages.exportXESCommandAbstract.text(in: Language.session),
            discussion: CaseHelpMessages.exportXESCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions

    @Option(help: .catalogue(.onlySOP))
    var sop: String?

    func run() throws {
        let service = try journal.service()
        do {
            let cases = try service.loadAll(sopID: sop)
            try service.auditRead("export xes", detail: AuditMessages.cases(["count": .number(cases.count)]).stored, asOf: nil)
            print(XESExport.xml(cases), terminator: "")
        } catch {
            throw JournalFailure.exit(error)
        }
    }
}
