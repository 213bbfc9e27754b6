import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop case list`: the cases in the journal.
struct CaseListCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: HelpMessages.caseListCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.caseListCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions

    @Option(help: "Only cases of this SOP id.")
    var sop: String?

    @Option(help: "Only cases with this status: open, completed or exited.")
    var status: CaseOutcome?

    @Flag(help: "Only cases with a step overdue now (or past their completion period).")
    var overdue = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("at"), help: "Look as of this time instead of now (ISO 8601, or a local date/time in the cases' time zone).")
    var asOf: String?

    func run() throws {
        let service = try journal.service()
        let all: [LoadedCase], unreadable: [UnreadableCase]
        do { (all, unreadable) = try service.loadReadable(sopID: sop, keepingEvents: false) } catch { throw JournalFailure.exit(error) }
        let asOfTime = try LoadedSOP.instant(asOf, cases: all, option: "--at")
        let now = asOfTime ?? service.clock()
        do {
            let cases = all.filter { status == nil || $0.state.status == status }
            let reports = cases.map { ($0, CaseReport(state: $0.state, context: $0.context, now: now)) }
                .filter { !overdue || !$0.1.overdue.isEmpty || $0.1.pastDeadline }
            try service.auditRead("case list", detail: "\(reports.count) case(s)", asOf: asOfTime)
            switch format {
            case .json:
                print(JSONValue.array(reports.map { loaded, report in
                    .object([("case", .string(loaded.id)), ("sop", .string(loaded.context.definition.id)),
                             ("status", .string(loaded.state.status.rawValue)),
                             ("opened", .string(loaded.context.format(loaded.stored.header.openedAt))),
                             ("active", .array(loaded.state.activeRunIndices.map { .string(loaded.state.runs[$0].stepID) })),
                             ("overdue", .array(report.overdue.map(JSONValue.string)))])
                }).serialized())
            case .text:
                if reports.isEmpty { print("no cases") }
                for (loaded, report) in reports {
                    let active = loaded.state.activeRunIndices.map { loaded.state.runs[$0].stepID }.joined(separator: ", ")
                    let late = report.overdue.isEmpty ? "" : "  overdue: \(report.overdue.joined(separator: ", "))"
                    print("\(loaded.id)  \(loaded.context.definition.id)  \(loaded.state.status.rawValue)  opened \(loaded.context.format(loaded.stored.header.openedAt))\(active.isEmpty ? "" : "  at \(active)")\(late)")
                }
            }
        } catch {
            throw JournalFailure.exit(error)
        }
        try UnreadableCases.report(unreadable)
    }
}

extension CaseOutcome: ExpressibleByArgument {}
