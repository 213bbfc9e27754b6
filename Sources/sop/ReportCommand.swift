import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop report`: mutu baku compliance over the journal.
struct ReportCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: CaseHelpMessages.reportCommandAbstract.text(in: Language.session),
            discussion: CaseHelpMessages.reportCommandDiscussion.text(in: Language.session)
        )
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var journal: JournalOptions

    @Option(help: .catalogue(.onlySOP))
    var sop: String?

    @Option(help: .catalogue(.reportFrom))
    var from: String?

    @Option(help: .catalogue(.reportTo))
    var to: String?

    @Option(help: .catalogue(.formatReport))
    var format: Format = .table

    func run() throws {
        let service = try journal.service()
        // A malformed date is a usage error before the journal is read.
        for (text, option) in [(from, "--from"), (to, "--to")] {
            if let text, InstantFormat.parse(text, in: .gmt, defaultMinute: 0) == nil {
                throw UsageFailure.exit(option, CaseCommandMessages.notADate.text(["text": .text(text)], in: Language.session))
            }
        }
        // From the read model (each case's runs as its summary keeps them; a case without a current
        // summary is folded): the events are not read and folded again.
        let cases: [ListedCase], unreadable: [UnreadableCase]
        do { (cases, unreadable) = try service.listed(sopID: sop) } catch { throw JournalFailure.exit(error) }
        // A date or time without an offset is read in the office's zone (that of the cases reported).
        let start = try LoadedSOP.instant(from, listed: cases, option: "--from", defaultMinute: 0)
        let end = try LoadedSOP.instant(to, listed: cases, option: "--to", defaultMinute: 0)
        do {
            let report = ComplianceReport(listed: cases, from: start, to: end)
            try service.auditRead("report", detail: (sop.map { AuditMessages.casesOf(["count": .number(cases.count), "sop": .text($0)]) } ?? AuditMessages.cases(["count": .number(cases.count)])).stored, asOf: nil)
            switch format {
            case .table: print(report.table(in: Language.session), terminator: "")
            case .csv: print(report.csv(), terminator: "")
            case .json: print(report.json().serialized())
            }
        } catch {
            throw JournalFailure.exit(error)
        }
        try UnreadableCases.report(unreadable)
    }
}
