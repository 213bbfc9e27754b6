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
            abstract: CaseHelpMessages.caseDoCommandAbstract.text(in: Language.session),
            discussion: CaseHelpMessages.caseDoCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions
    @OptionGroup var key: KeyOption

    @Argument(help: .catalogue(.caseID))
    var caseID: String

    @Argument(help: .catalogue(.stepID))
    var step: String

    @Option(name: .customLong("as"), help: .catalogue(.actAs))
    var role: String

    @Option(help: .catalogue(.answer))
    var answer: String?

    @Option(name: .customLong("output"), help: .catalogue(.actionOutput))
    var outputs: [String] = []

    @Option(help: .catalogue(.note))
    var note: String?

    @Option(help: .catalogue(.doneAt))
    var at: String?

    func run() throws {
        let service = try journal.service()
        do {
            let loaded = try service.load(caseID, for: "case do", role: role)
            let when = try LoadedSOP.instant(at, context: loaded.context, option: "--at")
            let (outcome, after) = try service.act(caseID: caseID, step: step, role: role, answer: answer, documents: outputs,
                                                   note: note, at: when, key: key.value)
            if outcome.replayed { Terminal.error(CaseCommandMessages.alreadyRecorded.text(in: Language.session)) }
            let active = after.state.activeRunIndices.map { after.state.runs[$0].stepID }
            let next = after.state.status == .open ? CaseCommandMessages.nowAt(["steps": .text(active.joined(separator: ", "))])
                : CaseCommandMessages.caseEnded(["status": .message(after.state.status == .completed ? OutputMessages.outcomeCompleted() : OutputMessages.outcomeExited())])
            print(CaseCommandMessages.done.text(["case": .text(caseID), "step": .text(step), "role": .text(role), "next": .message(next),
                                                 "version": .text(String(outcome.version))], in: Language.session))
        } catch let error as JournalError {
            throw JournalFailure.exit(error)
        }
    }
}
