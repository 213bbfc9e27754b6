import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop tasks`: a role's worklist across cases.
struct TasksCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "tasks",
            abstract: CaseHelpMessages.tasksCommandAbstract.text(in: Language.session),
            discussion: CaseHelpMessages.tasksCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions

    @Option(name: .customLong("as"), help: .catalogue(.role))
    var role: String

    @Option(help: .catalogue(.formatTextJSON))
    var format: OutputFormat = .text

    @Option(name: .customLong("at"), help: .catalogue(.atCases))
    var asOf: String?

    func run() throws {
        let service = try journal.service()
        let all: [ListedCase]
        var unreadable: [UnreadableCase]
        // From the read model: the open cases that may await the role.
        do { (all, unreadable) = try service.listed(sopID: nil, status: .open) } catch { throw JournalFailure.exit(error) }
        if !all.isEmpty, !Worklist.knows(role, in: all) {
            // A misspelt role would otherwise read as "nothing waits", which is not true.
            let roles = Worklist.roles(in: all)
            throw UsageFailure.exit("--as", CaseCommandMessages.notAPerformer.text(["role": .text(role), "hint": .message(Suggestion.hint(role, in: roles)),
                                                                                  "roles": .text(roles.joined(separator: ", "))], in: Language.session))
        }
        let asOfTime = try LoadedSOP.instant(asOf, listed: all, option: "--at")
        let now = asOfTime ?? service.clock()
        do {
            // As of a time, the open cases of then, each as it stood: a case opened later did not
            // exist, one closed since still waited, a step signed since was still undone.
            var cases = all
            if let asOfTime { (cases, unreadable) = try service.listed(sopID: nil, status: .open, asOf: asOfTime) }
            let items = Worklist.items(for: role, in: cases, now: now)
            try service.auditRead("tasks", role: role, detail: AuditMessages.tasks(["count": .number(items.count)]).stored, asOf: asOfTime)
            let zones = Dictionary(cases.map { ($0.id, $0.context) }, uniquingKeysWith: { a, _ in a })
            func format(_ item: WorkItem) -> JSONValue {
                item.due.flatMap { due in zones[item.caseID].map { .string($0.format(due)) } } ?? .null
            }
            switch self.format {
            case .json:
                print(JSONValue.array(items.map { item in
                    .object([("case", .string(item.caseID)), ("step", .string(item.step)), ("due", format(item)), ("overdue", .bool(item.overdue))])
                }).serialized())
            case .text:
                if items.isEmpty { print(CaseViewMessages.nothingWaits.text(["role": .text(TerminalText.escaped(role))], in: Language.session)) }
                for item in items {
                    let due = item.due.flatMap { due in zones[item.caseID].map { $0.formattedDue(due, in: Language.session) } } ?? "-"
                    let flag = CaseViewMessages.overdueFlag.text(in: Language.session)
                    let line = CaseViewMessages.taskLine.text(["flag": .text(item.overdue ? flag : String(repeating: " ", count: flag.count)), "case": .text(item.caseID),
                                                          "number": .text("\(item.stepNumber)"), "step": .text(item.step), "due": .text(due),
                                                          "uraian": .text(TerminalText.escaped(String(item.uraian.prefix(60))))], in: Language.session)
                    // Broken to fit 80 columns; the pieces after the first are indented under the line.
                    print(TextWrap.hanging(line, width: TextWrap.terminalColumns).joined(separator: "\n"))
                }
            }
        } catch {
            throw JournalFailure.exit(error)
        }
        try UnreadableCases.report(unreadable)
    }
}
