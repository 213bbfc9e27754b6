import Foundation
import SOPKit

/// What the simulation predicts, over all runs: per step and per role the share on time, waiting
/// (p50, p90, working minutes) and utilisation; per case the lead time against the jangka waktu;
/// the bottleneck role. Every figure is a ``Spread`` across runs.
public struct SimulationReport: Sendable {
    public struct StepLine: Sendable {
        public var id: String
        public var number: Int
        /// The waktu as written (for a recurring step: its period).
        public var standard: String?
        /// The share on time the journal measured (with a history), for the backtest.
        public var measured: Double? = nil
        /// Step runs per simulation run.
        public var runs: Spread
        public var onTime: Spread
        public var waitP50: Spread
        public var waitP90: Spread
    }

    public struct RoleLine: Sendable {
        public var id: String
        public var nama: String
        /// People; nil for an external actor with no limit.
        public var staff: Int?
        public var assumed: Bool
        public var parts: Spread
        public var onTime: Spread
        public var waitP50: Spread
        public var waitP90: Spread
        /// Busy share of the staff's working time in the arrival period; nil without a limit.
        public var utilisation: Spread?
        /// The expected load (work needed per person's working time), from the plan.
        public var load: Double
    }

    public var sopID: String
    public var sopName: String
    public var jangkaWaktu: String?
    public var steps: [StepLine] = []
    public var roles: [RoleLine] = []
    /// Cases per run that arrived.
    public var cases: Spread
    public var leadP50: Spread
    public var leadP90: Spread
    /// The longest lead time of any case in any run, in days.
    public var leadWorst: Double
    /// Share of ended cases that ended by their deadline (opened plus the jangka waktu).
    public var casesOnTime: Spread
    public var completed: Spread, exited: Spread, unfinished: Spread
    /// The role with the highest utilisation (the desk the cases wait for).
    public var bottleneck: String?
    /// A role whose load is 1 or more: the simulation was not run.
    public var unstable: (role: String, load: Double)?
    /// Runs that stopped at the horizon with cases still open.
    public var runsAtLimit: Int
    public var runCount: Int
    public var settings: SimulationSettings
    public var shares: [(step: String, outcomes: [(String, Double)], source: String)]
    public var assumedStaff: [String]
    public var calendarID: String
    /// With a journal history: the mean and largest absolute difference, in shares, between the
    /// predicted and the measured on-time share of the steps the journal has, and the step of the largest.
    public var backtest: (meanError: Double, worstError: Double, worstStep: String, steps: Int)?
    /// The SOP's `waktu.total` as written, when it was spread over the steps (``TotalSpread``):
    /// the steps that got a share, in the SOP's order, and the share each got (0 to 1).
    public var spread: (total: String, steps: [String], share: Double)?

    init(plan: SimulationPlan, runs: [RunStatistics]) {
        let sop = plan.context.definition
        sopID = sop.id
        sopName = sop.nama
        jangkaWaktu = sop.jangkaWaktu?.raw
        settings = plan.settings
        runCount = runs.count
        assumedStaff = plan.assumedStaff
        calendarID = plan.context.calendar.id
        shares = sop.steps.compactMap { step in
            guard let decision = step.decision, let row = plan.shares[step.id] else { return nil }
            return (step.id, zip(decision.outcomes.map(\.label), row).map { ($0, $1) }, plan.shareSources[step.id] ?? "assumed")
        }
        unstable = plan.unstableRole
        if let total = plan.durations.spread, let share = total.shares.values.first {
            spread = (total.total.raw, sop.steps.map(\.id).filter { total.shares[$0] != nil }, share)
        }
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? .nan : Double(a) / Double(b) }
        for (i, step) in sop.steps.enumerated() {
            let standard = step.recurrence != nil ? (step.recurrence?.during ?? sop.jangkaWaktu)?.raw : step.waktu?.raw
            steps.append(StepLine(id: step.id, number: i + 1, standard: standard,
                                  runs: Spread(runs.map { Double($0.steps[i].runs) }),
                                  onTime: Spread(runs.map { ratio($0.steps[i].onTime, $0.steps[i].runs) }),
                                  waitP50: Spread(runs.map { $0.steps[i].waitP50 }),
                                  waitP90: Spread(runs.map { $0.steps[i].waitP90 })))
        }
        if let history = plan.durations.history {
            var errors: [(String, Double)] = []
            for i in steps.indices {
                guard let measured = history.measuredSteps[steps[i].id], measured.count > 0 else { continue }
                steps[i].measured = measured.share
                if steps[i].onTime.isKnown { errors.append((steps[i].id, abs(steps[i].onTime.mean - measured.share))) }
            }
            if let worst = errors.max(by: { $0.1 < $1.1 }) {
                backtest = (errors.map(\.1).reduce(0, +) / Double(errors.count), worst.1, worst.0, errors.count)
            }
        }
        for (i, performer) in sop.performers.enumerated() {
            let people = plan.staff[performer.id] ?? 1
            let capacity = people.map { Double($0) * plan.workingMinutes }
            roles.append(RoleLine(id: performer.id, nama: performer.nama, staff: people, assumed: plan.assumedStaff.contains(performer.id),
                                  parts: Spread(runs.map { Double($0.roles[i].parts) }),
                                  onTime: Spread(runs.map { ratio($0.roles[i].onTime, $0.roles[i].parts) }),
                                  waitP50: Spread(runs.map { $0.roles[i].waitP50 }),
                                  waitP90: Spread(runs.map { $0.roles[i].waitP90 }),
                                  utilisation: capacity.map { c in Spread(runs.map { c > 0 ? $0.roles[i].busy / c : .nan }) },
                                  load: plan.load[performer.id] ?? 0))
        }
        cases = Spread(runs.map { Double($0.completed + $0.exited + $0.unfinished) })
        leadP50 = Spread(runs.map(\.leadP50))
        leadP90 = Spread(runs.map(\.leadP90))
        leadWorst = runs.map(\.leadWorst).filter(\.isFinite).max() ?? .nan
        casesOnTime = Spread(runs.map { ratio($0.casesOnTime, $0.completed + $0.exited) })
        completed = Spread(runs.map { Double($0.completed) })
        exited = Spread(runs.map { Double($0.exited) })
        unfinished = Spread(runs.map { Double($0.unfinished) })
        runsAtLimit = runs.filter(\.hitLimit).count
        let used = roles.filter { ($0.utilisation?.mean ?? 0) > 0 }
        bottleneck = unstable?.role ?? used.max { ($0.utilisation?.mean ?? 0) < ($1.utilisation?.mean ?? 0) }?.id
    }

    /// The step line of a step id.
    public func step(_ id: String) -> StepLine? { steps.first { $0.id == id } }
    /// The role line of a performer id.
    public func role(_ id: String) -> RoleLine? { roles.first { $0.id == id } }
}
