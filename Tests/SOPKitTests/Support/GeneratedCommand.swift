import Foundation
@testable import SOPJournal
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

    /// Valid case data for `sop`: variant 0 answers every yes/no field "true" and takes the first
    /// choice; other variants "false" and the variant's choice.
    static func caseData(_ sop: SOPDefinition, variant: Int) -> [String: String] {
        var data: [String: String] = [:]
        for field in sop.caseFields {
            switch field.type {
            case .boolean: data[field.name] = variant == 0 ? "true" : "false"
            case .number: data[field.name] = "3"
            case .date: data[field.name] = "2015-06-01"
            case .choice(let choices): data[field.name] = choices[variant % choices.count]
            case .text: data[field.name] = "x"
            }
        }
        return data
    }

    /// Records the command on case `id` through the journal at `time`: a group session when
    /// `attend`, else the performer's action. Returns whether it was accepted; a refusal records
    /// nothing and is not an error, anything else is thrown.
    func record(on id: String, by service: CaseService, at time: Date, attend: Bool) throws -> Bool {
        do {
            if attend {
                _ = try service.recordSession(step: step, at: time, caseIDs: [id], key: nil)
            } else {
                _ = try service.act(caseID: id, step: step, role: performer, answer: answer, documents: [], note: nil, at: time, key: nil)
            }
            return true
        } catch let error as JournalError {
            guard case .refused = error else { throw error }
            return false
        }
    }
}
