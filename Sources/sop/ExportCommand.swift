import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop export xes`: the event log for process-mining tools.
struct ExportCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exports the journal for other tools.",
        subcommands: [ExportXESCommand.self]
    )
}

struct ExportXESCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static let configuration = CommandConfiguration(
        commandName: "xes",
        abstract: "Writes the event log in IEEE XES, one trace per case, for process-mining tools (ProM, PM4Py, Disco).",
        discussion: """
        Case data marked sensitif in the SOP is left out.

        Example:
          sop export xes --sop anak-jalanan > anak-jalanan.xes
        """
    )

    @OptionGroup var journal: JournalOptions

    @Option(help: "Only cases of this SOP id.")
    var sop: String?

    func run() throws {
        let service = try journal.service()
        do {
            let cases = try service.loadAll(sopID: sop)
            try service.auditRead("export xes", detail: "\(cases.count) case(s)", asOf: nil)
            print(XESExport.xml(cases), terminator: "")
        } catch {
            throw JournalFailure.exit(error)
        }
    }
}
