import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop case show`: a case's state, timeline, documents, due and overdue.
struct CaseShowCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show",
            abstract: CaseHelpMessages.caseShowCommandAbstract.text(in: Language.session),
            discussion: CaseHelpMessages.caseShowCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions

    @Argument(help: .catalogue(.caseID))
    var caseID: String

    @Option(help: .catalogue(.formatTextJSON))
    var format: OutputFormat = .text

    @Option(name: .customLong("at"), help: .catalogue(.atCase))
    var asOf: String?

    func run() throws {
        let service = try journal.service()
        var loaded: LoadedCase
        // An unknown case is audited as a refused read.
        do { loaded = try service.load(caseID, for: "case show") } catch { throw JournalFailure.exit(error) }
        // --at without an offset is read in the case's own time zone.
        let asOfTime = try LoadedSOP.instant(asOf, context: loaded.context, option: "--at")
        do {
            try service.auditRead("case show", caseID: caseID, detail: nil, asOf: asOfTime)
            // As of a time, the case as it stood then: only the work done by then.
            if let asOfTime { loaded = try service.asOf(loaded, asOfTime) }
            let report = CaseReport(state: loaded.state, context: loaded.context, now: asOfTime ?? service.clock())
            let view = CaseView(loaded: loaded, report: report, asOf: asOfTime)
            switch format {
            case .text: print(view.text(in: Language.session), terminator: "")
            case .json: print(view.json().serialized())
            }
        } catch {
            throw JournalFailure.exit(error)
        }
    }
}
