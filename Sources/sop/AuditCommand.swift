import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop audit`: who did and read what, when.
struct AuditCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "audit",
            abstract: CaseHelpMessages.auditCommandAbstract.text(in: Language.session),
            discussion: CaseHelpMessages.auditCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions

    @Option(name: .customLong("case"), help: .catalogue(.auditCase))
    var caseID: String?

    @Option(help: .catalogue(.formatTextJSON))
    var format: OutputFormat = .text

    @Option(name: .customLong("zona"), help: .catalogue(.zona))
    var zone: ZoneArgument?

    func run() throws {
        let service = try journal.service()
        do {
            let zones = if let zone { JournalZones(byCase: [:], fallback: zone.timeZone) } else { try service.zones() }
            let entries = try service.store.audit(caseID: caseID)
            try service.auditRead("audit", caseID: caseID, detail: nil, asOf: nil)
            switch format {
            case .json:
                print(JSONValue.array(entries.map { e in
                    let zone = zones.zone(caseID: e.caseID)
                    return .object([("at", .string(InstantFormat.string(e.at, in: zone))), ("actor", .string(e.actor)), ("login", .optional(e.osLogin)),
                             ("claimed_user", .optional(e.claimedUser)), ("database_role", .optional(e.databaseRole)), ("role", .optional(e.role)),
                             ("action", .string(e.action)), ("case", .optional(e.caseID)), ("detail", .optional(e.detail.map { StoredMessage.text($0, in: .en) })),
                             ("asOf", e.asOf.map { .string(InstantFormat.string($0, in: zone)) } ?? .null)])
                }).serialized())
            case .text:
                let safe = TerminalText.escaped  // one entry, one line, whatever the user or the detail holds
                for e in entries {
                    let zone = zones.zone(caseID: e.caseID)
                    let role = e.role.map { CaseCommandMessages.auditAs.text(["role": .text(safe($0))], in: Language.session) } ?? ""
                    let asOf = e.asOf.map { CaseCommandMessages.auditAsOf.text(["time": .text(InstantFormat.string($0, in: zone))], in: Language.session) } ?? ""
                    print("\(InstantFormat.string(e.at, in: zone))  \(safe(e.actor))\(safe(AuditCommand.who(e)))\(role)  \(safe(e.action))\(e.caseID.map { " \(safe($0))" } ?? "")\(e.detail.map { ": \(safe(StoredMessage.text($0, in: Language.session)))" } ?? "")\(asOf)")
                }
            }
        } catch {
            throw JournalFailure.exit(error)
        }
    }

    /// The login, and the database role, beside the name shown (`--user` claims a name; the login
    /// is the process's own).
    static func who(_ e: AuditEntry) -> String {
        var parts: [String] = []
        if let login = e.osLogin, login != e.actor || e.claimedUser != nil { parts.append(CaseCommandMessages.auditLogin.text(["login": .text(login)], in: Language.session)) }
        if let role = e.databaseRole { parts.append(CaseCommandMessages.auditDatabaseRole.text(["role": .text(role)], in: Language.session)) }
        return parts.isEmpty ? "" : " [\(parts.joined(separator: ", "))]"
    }
}
