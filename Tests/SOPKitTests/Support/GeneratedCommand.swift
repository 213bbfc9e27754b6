import Foundation
@testable import SOPKit

/// What one generated command (`InvariantTests.commands`) asks of a case: which step, as which
/// performer, with which answer. `pick == 0` names any step of the SOP (often refused); otherwise
/// the case's first active step. The property tests of the engine, the read model and the views
/// as of a time drive cases the same way through this.
struct GeneratedCommand {
    var step: String
    var performer: String
    var answer: String?

    init(pick: Int, who: Int, answerPick: Int, sop: SOPDefinition, state: CaseState) {
        step = pick == 0 ? sop.steps[who % sop.steps.count].id
            : (state.activeRunIndices.first.map { state.runs[$0].stepID } ?? sop.steps[0].id)
        performer = sop.performers[who % sop.performers.count].id
        let labels = sop.step(step)?.decision?.outcomes.map(\.label) ?? []
        answer = answerPick == 0 || labels.isEmpty ? nil : labels[(answerPick - 1) % labels.count]
    }
}
