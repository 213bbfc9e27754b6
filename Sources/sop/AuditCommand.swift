import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop audit`: who did and read what, when.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Shows the audit trail: who did what and who read what, when, and the role acted as.",
        discussion: """
        Examples:
          sop audit
          sop audit --case AJ-0001
        """
    )

    @OptionGroup var journal: JournalOptions

    @Option(name: .customLong("case"), help: "Only this case's entries.")
    var caseID: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let service = try journal.service()
        let zone = TimeZone(identifier: "Asia/Jakarta") ?? .current
        do {
            let entries = try service.store.audit(caseID: caseID)
            try service.store.recordAudit(AuditEntry(at: Date(), actor: service.actor, role: nil, action: "audit", caseID: caseID, detail: nil))
            switch format {
            case .json:
                print(JSONValue.array(entries.map { e in
                    .object([("at", .string(InstantFormat.string(e.at, in: zone))), ("actor", .string(e.actor)), ("role", .optional(e.role)),
                             ("action", .string(e.action)), ("case", .optional(e.caseID)), ("detail", .optional(e.detail))])
                }).serialized())
            case .text:
                let safe = TerminalText.escaped  // one entry, one line, whatever the user or the detail holds
                for e in entries {
                    print("\(InstantFormat.string(e.at, in: zone))  \(safe(e.actor))\(e.role.map { " as \(safe($0))" } ?? "")  \(safe(e.action))\(e.caseID.map { " \(safe($0))" } ?? "")\(e.detail.map { ": \(safe($0))" } ?? "")")
                }
            }
        } catch {
            throw JournalFailure.exit(error)
        }
    }
}
