import Foundation
import SOPKit

/// What a journal says about an SOP, as the simulator uses it: when cases arrived, how long each
/// performer's part of each step took, and how often each decision went each way. Built from cases'
/// contexts and states (the command line reads them from the journal), so this module needs no
/// journal of its own.
public struct SimulationHistory: Sendable {
    /// Opening times of the SOP's cases in the period, in order.
    public var arrivals: [Date] = []
    /// Every performer's part of a step as the journal has it: ready when the step run started (in
    /// a `berurutan` step, when the previous performer signed off), done at the sign-off. How long
    /// the work itself took is estimated from these with the staff (``work(staff:)``).
    public var parts: [Part] = []
    /// The working calendar the parts are measured on (the first case's).
    public var calendar: WorkingCalendar?

    /// One performer's part of one step run.
    public struct Part: Sendable, Hashable {
        public var step: String
        public var performer: String
        public var ready: Date
        public var done: Date
    }
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
            if self.calendar == nil { self.calendar = context.calendar }
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
                    let ready = step.mode == .berurutan ? previous : run.startedAt
                    parts.append(Part(step: run.stepID, performer: signOff.performer, ready: ready, done: signOff.at))
                    previous = signOff.at
                }
            }
        }
        arrivals.sort()
    }

    /// Working minutes each performer's part of each step took, by step id then performer id. The
    /// journal records when work was done, not when it began: a part done while everyone of the
    /// role was busy began when one of them finished. With N people, a part began at the later of
    /// when it was ready and when the role's N-th previous part was done (exact for one person
    /// working in order); a role without a limit began at once. What remains is the work itself, so
    /// the simulation adds its own waiting rather than the journal's twice.
    public func work(staff: [String: Int?]) -> [String: [String: [Double]]] {
        guard let calendar else { return [:] }
        var result: [String: [String: [Double]]] = [:]
        for (performer, list) in Dictionary(grouping: parts, by: \.performer) {
            let people = staff[performer] ?? 1
            let sorted = list.sorted { $0.done < $1.done }
            for (i, part) in sorted.enumerated() {
                var start = part.ready
                if let people, people > 0, i >= people { start = max(start, sorted[i - people].done) }
                result[part.step, default: [:]][performer, default: []].append(calendar.workingMinutes(from: min(start, part.done), to: part.done))
            }
        }
        return result
    }
}
