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
            abstract: HelpMessages.reportCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.reportCommandDiscussion.text(in: Language.session)
        )
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var journal: JournalOptions

    @Option(help: "Only cases of this SOP id.")
    var sop: String?

    @Option(help: "Only steps completed on or after this date (YYYY-MM-DD or ISO 8601).")
    var from: String?

    @Option(help: "Only steps completed before this date.")
    var to: String?

    @Option(help: "Output format: table, csv or json.")
    var format: Format = .table

    func run() throws {
        let service = try journal.service()
        // A malformed date is a usage error before the journal is read.
        for (text, option) in [(from, "--from"), (to, "--to")] {
            if let text, InstantFormat.parse(text, in: .gmt, defaultMinute: 0) == nil {
                throw UsageFailure.exit(option, "'\(text)' is not a date; write e.g. 2025-01-01 (YYYY-MM-DD)")
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
            try service.auditRead("report", detail: "\(cases.count) case(s)\(sop.map { " of \($0)" } ?? "")", asOf: nil)
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
