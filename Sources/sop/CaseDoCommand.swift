import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop case do`: a performer acts on a step of a case.
struct CaseDoCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static let configuration = CommandConfiguration(
        commandName: "do",
        abstract: "Records that a performer did their part of a step of a case (the SOP's rules apply).",
        discussion: """
        The role must perform the step (in order for a berurutan step), the step's kelengkapan must \
        be held, and a decision taken by a performer needs --answer. On a recurring step the action \
        records the case's session for the current window, or closes the step after its period. \
        --at records work done earlier. Exit 1 when refused (nothing is written), 75 when another \
        command changed the case at the same moment (look again and retry).

        Examples:
          sop case do AJ-0001 perintah-spt --as kasi
          sop case do DUK-0002 periksa-konsep --as kasubbag-umpeg --answer Tidak --note "urutan golongan keliru"
          sop case do RRP-0003 terima-permohonan --as front-office --output "Foto rumah (depan, samping, belakang, dalam)" --at 2025-02-04T09:00
        """
    )

    @OptionGroup var journal: JournalOptions
    @OptionGroup var key: KeyOption

    @Argument(help: "The case id.")
    var caseID: String

    @Argument(help: "The step id.")
    var step: String

    @Option(name: .customLong("as"), help: "The role acted as (a performer id, name or alias).")
    var role: String

    @Option(help: "The answer to a decision taken by a performer.")
    var answer: String?

    @Option(name: .customLong("output"), help: "A document produced or brought with the action (repeatable).")
    var outputs: [String] = []

    @Option(help: "A note kept with the action.")
    var note: String?

    @Option(help: "When the work was done, if not now (ISO 8601 or a local date/time).")
    var at: String?

    func run() throws {
        let service = try journal.service()
        do {
            let loaded = try service.load(caseID, for: "case do", role: role)
            let when = try LoadedSOP.instant(at, context: loaded.context, option: "--at")
            let (outcome, after) = try service.act(caseID: caseID, step: step, role: role, answer: answer, documents: outputs,
                                                   note: note, at: when, key: key.value)
            if outcome.replayed { Terminal.error("(already recorded under this key)") }
            let active = after.state.activeRunIndices.map { after.state.runs[$0].stepID }
            let next = after.state.status == .open ? "now at \(active.joined(separator: ", "))" : "case \(after.state.status.rawValue)"
            print("\(caseID): \(step) done by \(role); \(next) (version \(outcome.version))")
        } catch let error as JournalError {
            throw JournalFailure.exit(error)
        }
    }
}
