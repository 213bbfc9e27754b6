import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop journal export`: every case that can still be read, as JSON, from a journal that may be
/// damaged; writes nothing to it.
struct JournalExportCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: JournalHelpMessages.journalExportCommandAbstract.text(in: Language.session),
            discussion: JournalHelpMessages.journalExportCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions

    func run() throws {
        let store = try journal.readOnlyStore()
        let exported = store.readEachCase()
        // Each case's times in its office's zone; from a damaged journal, what can be read of it.
        let service = CaseService(store: store, actor: journal.actor)
        let zones = (try? service.zones()) ?? JournalZones(byCase: [:], fallback: TimeZone(identifier: "UTC") ?? .gmt)
        let cases: [JSONValue] = exported.cases.map { stored in
            let zone = zones.zone(caseID: stored.header.id)
            return .object([
                ("case", .string(stored.header.id)), ("sop", .string(stored.header.sopID)),
                ("definition", .string(stored.header.definitionHash)), ("status", .string(stored.header.status.rawValue)),
                ("opened", .string(InstantFormat.string(stored.header.openedAt, in: zone))),
                ("events", .array(stored.events.map { e in
                    .object([("seq", .number(Double(e.seq))), ("type", .string(e.event.name)),
                             ("at", .string(InstantFormat.string(e.event.at, in: zone))),
                             ("payload", .string(EventCoding.payload(e.event))),
                             ("recorded", .string(InstantFormat.string(e.recordedAt, in: zone))),
                             ("actor", .string(e.actor)), ("role", .optional(e.role))])
                })),
            ])
        }
        let unreadable: [JSONValue] = exported.unreadable.map { .object([("case", .string($0.caseID)), ("reason", .string($0.why.english))]) }
        print(JSONValue.object([("cases", .array(cases)), ("unreadable", .array(unreadable))]).serialized())
        if !exported.unreadable.isEmpty {
            Terminal.error(JournalCommandMessages.exportLeftOut.text(["n": .number(exported.unreadable.count)], in: Language.session))
            throw ExitCode(1)
        }
    }
}
