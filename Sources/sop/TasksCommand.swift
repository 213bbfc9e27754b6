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
            abstract: HelpMessages.tasksCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.tasksCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions

    @Option(name: .customLong("as"), help: "The role (a performer id, name or alias).")
    var role: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("at"), help: "Look as of this time instead of now (ISO 8601, or a local date/time in the cases' time zone).")
    var asOf: String?

    func run() throws {
        let service = try journal.service()
        let all: [ListedCase], unreadable: [UnreadableCase]
        // From the read model: the open cases that may await the role.
        do { (all, unreadable) = try service.listed(sopID: nil, status: .open) } catch { throw JournalFailure.exit(error) }
        if !all.isEmpty, !Worklist.knows(role, in: all) {
            // A misspelt role would otherwise read as "nothing waits", which is not true.
            let roles = Worklist.roles(in: all)
            throw UsageFailure.exit("--as", "'\(role)' is not a performer of any SOP in this journal\(Suggestion.didYouMean(role, in: roles)) (roles: \(roles.joined(separator: ", ")))")
        }
        let asOfTime = try LoadedSOP.instant(asOf, listed: all, option: "--at")
        let now = asOfTime ?? service.clock()
        do {
            // As of a time, a case opened later did not exist yet: nothing of it waited.
            let cases = all.filter { asOfTime.map($0.existed(at:)) ?? true }
            let items = Worklist.items(for: role, in: cases, now: now)
            try service.auditRead("tasks", role: role, detail: "\(items.count) task(s)", asOf: asOfTime)
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
                    print(CaseViewMessages.taskLine.text(["flag": .text(item.overdue ? flag : String(repeating: " ", count: flag.count)), "case": .text(item.caseID),
                                                          "number": .text("\(item.stepNumber)"), "step": .text(item.step), "due": .text(due),
                                                          "uraian": .text(TerminalText.escaped(String(item.uraian.prefix(60))))], in: Language.session))
                }
            }
        } catch {
            throw JournalFailure.exit(error)
        }
        try UnreadableCases.report(unreadable)
    }
}
