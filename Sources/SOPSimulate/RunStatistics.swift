import Foundation
import SOPKit

/// What one run measured. On-time shares count the way `sop report` counts them: a step run is on
/// time when it completed by its due time (a run still open at the end of the simulation counts as
/// late once past its due time, and is left out before); a performer's part when their sign-off
/// came by the run's due time. Waiting is the working time a task spent in its role's queue.
public struct RunStatistics: Sendable {
    public struct StepFigures: Sendable {
        public var runs = 0
        public var onTime = 0
        /// Every task's wait, until ``summarise()`` reduces them to their percentiles.
        public var waits: [Double] = []
        /// The median and 90th percentile of `waits` (nan without tasks), set by ``summarise()``.
        public var waitP50 = Double.nan, waitP90 = Double.nan
    }

    public struct RoleFigures: Sendable {
        public var parts = 0
        public var onTime = 0
        public var waits: [Double] = []
        public var waitP50 = Double.nan, waitP90 = Double.nan
        /// Working minutes busy within the arrival period.
        public var busy = 0.0
        /// Tasks still queued when the run ended.
        public var leftInQueue = 0
    }

    public var steps: [StepFigures]
    public var roles: [RoleFigures]
    /// Lead time of each ended case, in calendar days from opening to its end.
    public var leadDays: [Double] = []
    /// The median, 90th percentile and longest of `leadDays` (nan without ended cases), set by ``summarise()``.
    public var leadP50 = Double.nan, leadP90 = Double.nan, leadWorst = Double.nan
    public var casesOnTime = 0
    public var completed = 0
    public var exited = 0
    public var unfinished = 0
    public var sessions = 0
    /// The run reached its horizon or its bound on events before every case ended.
    public var hitLimit = false
    let stepIndex: [String: Int]
    let roleIndex: [String: Int]
    let start: Date, end: Date
    /// Buffers of the collect of a ``CompiledCaseState``, kept for the next case.
    private var runLimits: [Date?] = [], runDueless: [Bool] = [], runSeen: [UInt64] = []

    init(plan: SimulationPlan) {
        let sop = plan.context.definition
        steps = Array(repeating: StepFigures(), count: sop.steps.count)
        roles = Array(repeating: RoleFigures(), count: sop.performers.count)
        stepIndex = Dictionary(sop.steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        roleIndex = Dictionary(sop.performers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        start = plan.start
        end = plan.end
    }

    /// A task's wait in its queue (from `ready` to `started`) and its working minutes within the
    /// arrival period (from `started` to `finish`), for ``started(step:role:wait:busy:)``. Given the
    /// times, not the task: a task passed by value was copied for the call.
    func times(ready: Date, started: Date, finish: Date, calendar: WorkingCalendar) -> (wait: Double, busy: Double) {
        (calendar.workingMinutes(from: ready, to: started), calendar.workingMinutes(from: max(started, start), to: min(finish, end)))
    }

    /// Records a task of step `step` for role `role` started, with its ``times(ready:started:finish:calendar:)``.
    mutating func started(step: Int, role: Int, wait: Double, busy: Double) {
        steps[step].waits.append(wait)
        roles[role].waits.append(wait)
        roles[role].busy += busy
    }

    mutating func session(roles sessionRoles: [Int], from: Date, to: Date, calendar: WorkingCalendar) {
        sessions += 1
        let busy = calendar.workingMinutes(from: max(from, start), to: min(to, end))
        for role in sessionRoles { roles[role].busy += busy }
    }

    mutating func collect(end horizon: Date, hitLimit: Bool, queueLengths: [Int]) {
        self.hitLimit = hitLimit
        for (i, n) in queueLengths.enumerated() { roles[i].leftInQueue = n }
    }

    /// Counts one case as it stands at the end of the run (`horizon`).
    mutating func collect(_ state: CaseState, end horizon: Date) {
        for run in state.runs {
            guard let s = stepIndex[run.stepID] else { continue }
            if let done = run.completedAt {
                steps[s].runs += 1
                if run.due.map({ done <= $0 }) ?? true { steps[s].onTime += 1 }
            } else if let due = run.due, due < horizon {
                steps[s].runs += 1
            }
            guard let due = run.due ?? run.completedAt else { continue }
            // Each performer's first sign-off (a run has a handful: a scan, not a set per run).
            for (k, signOff) in run.signedOff.enumerated()
            where !run.signedOff[..<k].contains(where: { $0.performer == signOff.performer }) {
                guard let r = roleIndex[signOff.performer] else { continue }
                roles[r].parts += 1
                if run.due == nil || signOff.at <= due { roles[r].onTime += 1 }
            }
        }
        switch state.status {
        case .open: unfinished += 1
        case .completed, .exited:
            if state.status == .completed { completed += 1 } else { exited += 1 }
            if let opened = state.openedAt, let ended = state.endedAt {
                leadDays.append(ended.timeIntervalSince(opened) / 86_400)
                if state.deadline.map({ ended <= $0 }) ?? true { casesOnTime += 1 }
            }
        }
    }

    /// Counts one case as the collect of a ``CaseState`` counts the state it stands for,
    /// read from the compiled state in place (`RunStatisticsTests` checks the two agree on every
    /// case of simulated runs): converting each case first cost more than the counting.
    mutating func collect(_ state: CompiledCaseState, end horizon: Date) {
        // Per run: the time its sign-offs count against (nil: they are not counted), and whether it has a due time.
        var limits: [Date?] = [], dueless: [Bool] = [], seen: [UInt64] = []
        // The buffers are moved out of the statistics and back (a copy would share them, and clearing a shared buffer allocates).
        swap(&limits, &runLimits)
        swap(&dueless, &runDueless)
        swap(&seen, &runSeen)
        limits.removeAll(keepingCapacity: true)
        dueless.removeAll(keepingCapacity: true)
        state.forEachRun { s, due, done in
            if let done {
                steps[s].runs += 1
                if due.map({ done <= $0 }) ?? true { steps[s].onTime += 1 }
            } else if let due, due < horizon {
                steps[s].runs += 1
            }
            limits.append(due ?? done)
            dueless.append(due == nil)
        }
        seen.removeAll(keepingCapacity: true)
        seen.append(contentsOf: repeatElement(0, count: limits.count))
        // Each performer's first sign-off of each run.
        state.forEachSignOff { r, p, at in
            guard let limit = limits[r], seen[r] & (1 << UInt64(p)) == 0 else { return }
            seen[r] |= 1 << UInt64(p)
            roles[p].parts += 1
            if dueless[r] || at <= limit { roles[p].onTime += 1 }
        }
        (runLimits, runDueless, runSeen) = (limits, dueless, seen)
        let (opened, ended, deadline) = state.times
        switch state.status {
        case .open: unfinished += 1
        case .completed, .exited:
            if state.status == .completed { completed += 1 } else { exited += 1 }
            if let opened, let ended {
                leadDays.append(ended.timeIntervalSince(opened) / 86_400)
                if deadline.map({ ended <= $0 }) ?? true { casesOnTime += 1 }
            }
        }
    }

    /// Reduces the run's samples to the percentiles the report shows and drops the samples: each
    /// worker sorts its own runs' samples (instead of the report sorting every run's on one thread
    /// at the end), and a run's statistics stay small while the other runs go on.
    mutating func summarise() {
        func cut(_ values: inout [Double]) -> (Double, Double) {
            // Selected, not sorted (``Percentiles``): sorting each run's waits was 2.5% of a simulated year.
            let result = Percentiles.of(&values, 0.5, 0.9)
            values = []
            return result
        }
        for i in steps.indices { (steps[i].waitP50, steps[i].waitP90) = cut(&steps[i].waits) }
        for i in roles.indices { (roles[i].waitP50, roles[i].waitP90) = cut(&roles[i].waits) }
        leadWorst = leadDays.max() ?? .nan
        (leadP50, leadP90) = cut(&leadDays)
    }
}
