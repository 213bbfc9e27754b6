import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop case show`: a case's state, timeline, documents, due and overdue.
struct CaseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Shows a case: its SOP revision, data, active step and who is awaited, timeline, documents, due and overdue.",
        discussion: """
        The read is recorded in the audit trail.

        Examples:
          sop case show AJ-0001
          sop case show AJ-0001 --format json
        """
    )

    @OptionGroup var journal: JournalOptions

    @Argument(help: "The case id.")
    var caseID: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("at"), help: "Look as of this time instead of now (ISO 8601 or a local date/time in WIB).")
    var asOf: String?

    func run() throws {
        let service = try journal.service()
        let now = try LoadedSOP.instant(asOf, zone: TimeZone(identifier: "Asia/Jakarta"), option: "--at") ?? Date()
        do {
            let loaded = try service.show(caseID, now: now)
            let report = CaseReport(state: loaded.state, context: loaded.context, now: now)
            let view = CaseView(loaded: loaded, report: report)
            switch format {
            case .text: print(view.text(), terminator: "")
            case .json: print(view.json().serialized())
            }
        } catch {
            throw JournalFailure.exit(error)
        }
    }
}
