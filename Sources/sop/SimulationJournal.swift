import Foundation
import SOPJournal
import SOPKit
import SOPSimulate

/// The one place the simulator meets the journal: the cases of an SOP read (and the read audited)
/// and handed to ``SimulationHistory`` as contexts and states, so SOPSimulate needs no journal.
enum SimulationJournal {
    static func history(_ options: JournalOptions, sopID: String, from: Date, to: Date) throws -> SimulationHistory {
        let service = try options.service()
        let cases: [LoadedCase], unreadable: [UnreadableCase]
        do {
            (cases, unreadable) = try service.loadReadable(sopID: sopID, keepingEvents: false)
            try service.auditRead("simulate", detail: AuditMessages.casesOf(["count": .number(cases.count), "sop": .text(sopID)]).stored, asOf: nil)
        } catch {
            throw JournalFailure.exit(error)
        }
        for u in unreadable { Terminal.error(SimulationMessages.caseLeftOut.text(["case": .text(u.id), "reason": .message(u.why)], in: Language.session)) }
        return SimulationHistory(cases: cases.map { ($0.context, $0.state) }, sopID: sopID, from: from, to: to)
    }
}
