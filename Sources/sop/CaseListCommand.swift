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
            abstract: CaseHelpMessages.caseListCommandAbstract.text(in: Language.session),
            discussion: CaseHelpMessages.caseListCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions

    @Option(help: .catalogue(.onlySOP))
    var sop: String?

    @Option(help: .catalogue(.status))
    var status: CaseOutcome?

    @Flag(help: .catalogue(.overdue))
    var overdue = false

    @Option(help: .catalogue(.formatTextJSON))
    var format: OutputFormat = .text

    @Option(name: .customLong("at"), help: .catalogue(.atCases))
    var asOf: String?

    func run() throws {
        let service = try journal.service()
        var all: [ListedCase], unreadable: [UnreadableCase]
        // From the read model (current case state kept with the events), not a fold of every event.
        // As of a time, the status asked for is the status then: read every case, then fold each as it stood.
        do { (all, unreadable) = try service.listed(sopID: sop, status: asOf == nil ? status : nil) } catch { throw JournalFailure.exit(error) }
        let asOfTime = try LoadedSOP.instant(asOf, listed: all, option: "--at")
        if let asOfTime {
            do { (all, unreadable) = try service.listed(sopID: sop, status: status, asOf: asOfTime) } catch { throw JournalFailure.exit(error) }
        }
        let now = asOfTime ?? service.clock()
        do {
            let listed = all
                .map { ($0, $0.summary.overdue(now: now)) }
                .filter { !overdue || !$0.1.isEmpty || $0.0.summary.pastDeadline(now: now) }
            try service.auditRead("case list", detail: AuditMessages.cases(["count": .number(listed.count)]).stored, asOf: asOfTime)
            switch format {
            case .json:
                print(JSONValue.array(listed.map { listed, late in
                    .object([("case", .string(listed.id)), ("sop", .string(listed.summary.sopID)),
                             ("status", .string(listed.summary.status.rawValue)),
                             ("opened", .string(listed.context.format(listed.header.openedAt))),
                             ("active", .array(listed.summary.activeSteps.map(JSONValue.string))),
                             ("overdue", .array(late.map(JSONValue.string)))])
                }).serialized())
            case .text:
                if listed.isEmpty { print(CaseCommandMessages.noCases.text(in: Language.session)) }
                for (listed, late) in listed {
                    let active = listed.summary.activeSteps.joined(separator: ", ")
                    let lateText = late.isEmpty ? Message.empty : CaseCommandMessages.listOverdue(["steps": .text(late.joined(separator: ", "))])
                    let atText = active.isEmpty ? Message.empty : CaseCommandMessages.listAt(["steps": .text(active)])
                    print(CaseCommandMessages.listLine.text(["case": .text(listed.id), "sop": .text(listed.summary.sopID), "status": .message(CaseReport.outcomeWord(listed.summary.status)),
                                                             "opened": .text(listed.context.formatted(listed.header.openedAt, in: Language.session)), "at": .message(atText),
                                                             "overdue": .message(lateText)], in: Language.session))
                }
            }
        } catch {
            throw JournalFailure.exit(error)
        }
        try UnreadableCases.report(unreadable)
    }
}

extension CaseOutcome: ExpressibleByArgument {}
