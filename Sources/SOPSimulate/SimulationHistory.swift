import Foundation
import SOPKit

/// What a journal says about an SOP, as the simulator uses it: when cases arrived, how long each
/// performer's part of each step took, and how often each decision went each way. Built from cases'
/// contexts and states (the command line reads them from the journal), so this module needs no
/// journal of its own.
public struct SimulationHistory: Sendable {
    /// Opening times of the SOP's cases in the period, in order.
    public var arrivals: [Date] = []
    /// Working minutes each performer's part of each step took: step id, then performer id. A part
    /// starts when the step run started, or, in a `berurutan` step, when the previous performer
    /// signed off; it ends at the performer's sign-off. Waiting for the desk is inside these times:
    /// the journal cannot tell it apart.
    public var work: [String: [String: [Double]]] = [:]
    /// How often each decision's outcome was taken: step id, then outcome label.
    public var outcomes: [String: [String: Int]] = [:]
    /// How many cases of the SOP the history was read from (in the period).
    public var caseCount = 0

    public init() {}

    /// The history of the cases of SOP `sopID` opened in `from ..< to`.
    public init(cases: [(context: CaseContext, state: CaseState)], sopID: String, from: Date, to: Date) {
        for (context, state) in cases where context.definition.id == sopID {
            guard let opened = state.openedAt, opened >= from, opened < to else { continue }
            caseCount += 1
            arrivals.append(opened)
            let calendar = context.calendar
            for run in state.runs {
                guard let step = context.definition.step(run.stepID) else { continue }
                if let outcome = run.outcome { outcomes[run.stepID, default: [:]][outcome, default: 0] += 1 }
                guard step.recurrence == nil, step.group == nil else { continue }
                var previous = run.startedAt
                for signOff in run.signedOff {
                    let start = step.mode == .berurutan ? previous : run.startedAt
                    work[run.stepID, default: [:]][signOff.performer, default: []].append(calendar.workingMinutes(from: start, to: signOff.at))
                    previous = signOff.at
                }
            }
        }
        arrivals.sort()
    }
}
