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
    /// What the journal measured, counted as `sop report` counts (a completed run is on time when it
    /// completed by its due time; a performer's part when their sign-off came by it): by step id,
    /// and by performer id. The backtest sets the simulation's predictions beside these.
    public var measuredSteps: [String: Measured] = [:]
    public var measuredRoles: [String: Measured] = [:]

    /// A count and how many of it were on time.
    public struct Measured: Sendable, Hashable {
        public var count = 0
        public var onTime = 0
        public var share: Double { count == 0 ? .nan : Double(onTime) / Double(count) }
    }

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
                if let done = run.completedAt {
                    measuredSteps[run.stepID, default: Measured()].count += 1
                    if run.due.map({ done <= $0 }) ?? true { measuredSteps[run.stepID, default: Measured()].onTime += 1 }
                    var seen = Set<String>()
                    for signOff in run.signedOff where seen.insert(signOff.performer).inserted {
                        measuredRoles[signOff.performer, default: Measured()].count += 1
                        if run.due.map({ signOff.at <= $0 }) ?? true { measuredRoles[signOff.performer, default: Measured()].onTime += 1 }
                    }
                }
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
