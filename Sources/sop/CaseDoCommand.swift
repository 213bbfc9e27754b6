import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop case do`: a performer acts on a step of a case.
struct CaseDoCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "do",
            abstract: HelpMessages.caseDoCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.caseDoCommandDiscussion.text(in: Language.session)
        )
    }

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
