import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop tasks`: a role's worklist across cases.
struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "Shows a role's worklist across open cases: the steps waiting for that role, overdue first.",
        discussion: """
        JSON is an array of {case, step, due, overdue}.

        Examples:
          sop tasks --as kasi
          sop tasks --as "Kepala Dinas" --format json
        """
    )

    @OptionGroup var journal: JournalOptions

    @Option(name: .customLong("as"), help: "The role (a performer id, name or alias).")
    var role: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("at"), help: "Look as of this time instead of now (ISO 8601 or a local date/time in WIB).")
    var asOf: String?

    func run() throws {
        let service = try journal.service()
        let now = try LoadedSOP.instant(asOf, zone: TimeZone(identifier: "Asia/Jakarta"), option: "--at") ?? Date()
        do {
            let cases = try service.loadAll(sopID: nil, keepingEvents: false)
            let items = Worklist.items(for: role, in: cases, now: now)
            try service.recordRead("tasks", role: role, caseID: nil, at: now,
                                                     detail: "\(items.count) task(s)")
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
                if items.isEmpty { print("nothing waits for \(role)") }
                for item in items {
                    let due: String
                    if case .string(let text) = format(item) { due = text } else { due = "-" }
                    print("\(item.overdue ? "OVERDUE " : "        ")\(item.caseID)  step \(item.stepNumber) \(item.step)  due \(due)  \(item.uraian.prefix(60))")
                }
            }
        } catch {
            throw JournalFailure.exit(error)
        }
    }
}
