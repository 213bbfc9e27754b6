import Foundation
import SOPKit

/// A simulation checked against one SOP and ready to run: staff per role, each decision's shares,
/// where arrivals and durations come from, and the expected load of each role. Building it refuses
/// what cannot be simulated (``SimulationInputError``, naming the option).
public struct SimulationPlan: Sendable {
    public let context: CaseContext
    public let settings: SimulationSettings
    /// People per performer id; nil for an external actor without `--staff` (never waits).
    public let staff: [String: Int?]
    /// Roles whose staff was not given (one person assumed; external actors unlimited).
    public let assumedStaff: [String]
    /// Shares of each decision's outcomes, by step id, aligned with the outcomes.
    public let shares: [String: [Double]]
    /// Where each decision's shares come from: `given`, `journal` or `assumed` (equal).
    public let shareSources: [String: String]
    public let durations: DurationModel
    public let ruleData: RuleDataSampler
    /// The period's bounds as instants (local midnight of `from` and `to`).
    public let start: Date, end: Date
    /// Working minutes in the period.
    public let workingMinutes: Double
    /// The arrival times when they come from the journal.
    public let journalArrivals: [Date]?
    /// Expected visits of each step per case (loops count every round).
    public let visits: [String: Double]
    /// Expected share of each role's working time that the work needs (above 1: the queue grows without bound).
    public let load: [String: Double]
    /// Roles that are simulated: in the SOP's column order.
    public var roles: [String] { context.definition.performers.map(\.id) }

    /// The SOP's steps and performers that another revision has, so that `--compare` accepts a
    /// `--share` or `--staff` that only one of the two revisions uses.
    public struct Tolerance: Sendable {
        public var steps: Set<String> = []
        public var performers: Set<String> = []
        public init(steps: Set<String> = [], performers: Set<String> = []) {
            self.steps = steps
            self.performers = performers
        }
    }

    public init(context: CaseContext, settings: SimulationSettings, history: SimulationHistory? = nil,
                tolerating other: Tolerance = Tolerance()) throws(SimulationInputError) {
        self.context = context
        self.settings = settings
        let sop = context.definition
        let calendar = context.calendar
        guard settings.from < settings.to else {
            throw SimulationInputError("--to", SimulationInputMessages.periodBackwards(["from": "\(settings.from)", "to": "\(settings.to)"]))
        }
        guard settings.runs >= 1, settings.runs <= 10_000 else {
            throw SimulationInputError("--runs", SimulationInputMessages.runsRange(["runs": .number(settings.runs)]))
        }
        start = calendar.instant(settings.from, minuteOfDay: 0)
        end = calendar.instant(settings.to, minuteOfDay: 0)
        workingMinutes = calendar.workingMinutes(from: start, to: end)
        guard workingMinutes > 0 else {
            throw SimulationInputError("--from", SimulationInputMessages.noWorkingDays(["from": "\(settings.from)", "to": "\(settings.to)", "calendar": .text(calendar.id)]))
        }
        guard !sop.steps.isEmpty else { throw SimulationInputError("SOP", SimulationInputMessages.noSteps()) }

        // Staff: every name must be a performer some step uses (or that the other revision uses).
        var staff: [String: Int?] = [:]
        var used = Set(sop.steps.flatMap { $0.performers.map(\.value) })
        for (name, count) in settings.staff {
            guard let performer = sop.performer(named: name) else {
                if other.performers.contains(name) { continue }
                let ids = sop.performers.map(\.id)
                throw SimulationInputError("--staff", SimulationInputMessages.notPerformer(["name": .text(name), "sop": .text(sop.id), "performers": .list(ids.map { .text($0) }),
                                                                                           "hint": .message(Suggestion.hint(name, in: ids))]))
            }
            guard used.contains(performer.id) || other.performers.contains(performer.id) else {
                throw SimulationInputError("--staff", SimulationInputMessages.performsNoStep(["role": .text(performer.id), "name": .text(performer.nama), "sop": .text(sop.id), "given": "\(name)=\(count)"]))
            }
            staff[performer.id] = count
        }
        var assumed: [String] = []
        for performer in sop.performers where staff[performer.id] == nil {
            staff[performer.id] = performer.kind == .eksternal ? .some(nil) : 1
            if used.contains(performer.id) { assumed.append(performer.id) }
        }
        used.formIntersection(staff.keys)
        for step in sop.steps {
            let people = step.performers.map(\.value)
            let free = people.filter { (staff[$0] ?? 1).map { $0 > 0 } ?? true }
            let blocked: [String]
            if step.group != nil || step.mode != .salahSatu { blocked = people.filter { !free.contains($0) } }
            else { blocked = free.isEmpty ? people : [] }
            if let role = blocked.first {
                throw SimulationInputError("--staff", SimulationInputMessages.zeroStaff(["role": .text(role), "step": .text(step.id), "name": .text(sop.performer(role)?.nama ?? role)]))
            }
        }
        self.staff = staff
        assumedStaff = assumed

        // Shares: given, else learned from the journal, else equal.
        var shares: [String: [Double]] = [:], sources: [String: String] = [:]
        var given: [String: [(Int, Double)]] = [:]
        for spec in settings.shares {
            guard let step = sop.step(spec.step) else {
                if other.steps.contains(spec.step) { continue }
                let decisions = sop.steps.filter { $0.decision != nil }.map(\.id)
                throw SimulationInputError("--share", SimulationInputMessages.notStep(["step": .text(spec.step), "sop": .text(sop.id), "decisions": .list(decisions.map { .text($0) }),
                                                                        "hint": .message(Suggestion.hint(spec.step, in: decisions))]))
            }
            guard let decision = step.decision else {
                throw SimulationInputError("--share", SimulationInputMessages.notDecision(["step": .text(spec.step)]))
            }
            guard let index = decision.outcomes.firstIndex(where: { $0.label.lowercased() == spec.outcome.lowercased() }) else {
                throw SimulationInputError("--share", SimulationInputMessages.notOutcome(["outcome": .text(spec.outcome), "step": .text(step.id), "outcomes": .list(decision.outcomes.map { .text($0.label) })]))
            }
            if given[step.id]?.contains(where: { $0.0 == index }) == true {
                throw SimulationInputError("--share", SimulationInputMessages.givenTwice(["share": "\(step.id)=\(decision.outcomes[index].label)"]))
            }
            given[step.id, default: []].append((index, spec.share))
        }
        for step in sop.steps {
            guard let decision = step.decision else { continue }
            let n = decision.outcomes.count
            if let pairs = given[step.id] {
                let total = pairs.reduce(0) { $0 + $1.1 }
                let labels = pairs.map { "\(decision.outcomes[$0.0].label):\($0.1)" }.joined(separator: ", ")
                if pairs.count == n, abs(total - 1) > 1e-6 {
                    throw SimulationInputError("--share", SimulationInputMessages.sharesNotOne(["step": .text(step.id), "shares": .text(labels), "total": .decimal(total, places: 4)]))
                }
                if total > 1 + 1e-6 {
                    throw SimulationInputError("--share", SimulationInputMessages.sharesOverOne(["step": .text(step.id), "shares": .text(labels), "total": .decimal(total, places: 4)]))
                }
                var row = Array(repeating: (1 - total) / Double(n - pairs.count), count: n)
                for (i, p) in pairs { row[i] = p }
                shares[step.id] = row
                sources[step.id] = "given"
            } else if let counts = history?.outcomes[step.id], counts.values.reduce(0, +) > 0 {
                let total = Double(counts.values.reduce(0, +))
                shares[step.id] = decision.outcomes.map { o in Double(counts.first { $0.key.lowercased() == o.label.lowercased() }?.value ?? 0) / total }
                sources[step.id] = "journal"
            } else {
                shares[step.id] = Array(repeating: 1 / Double(n), count: n)
                sources[step.id] = "assumed"
            }
        }
        self.shares = shares
        shareSources = sources
        ruleData = RuleDataSampler(sop: sop, openedOn: settings.from)
        for step in sop.steps where step.decision?.isRuleDecided == true {
            guard let i = ruleData.decisions.firstIndex(of: step.id) else { continue }
            let possible = Set(ruleData.achievable.map { $0[i] })
            for (j, share) in (shares[step.id] ?? []).enumerated() where share > 0 && !possible.contains(j) {
                let label = step.decision?.outcomes[j].label ?? ""
                throw SimulationInputError("--share", SimulationInputMessages.ruleCannotTake(["step": .text(step.id), "outcome": .text(label)]))
            }
        }

        if settings.durations == .journal, history == nil {
            throw SimulationInputError("--durations", SimulationInputMessages.journalDurations())
        }
        let visits = try FlowVisits.expected(sop, shares: shares)
        self.visits = visits
        durations = DurationModel(mode: settings.durations, history: history, staff: staff, spread: TotalSpread(sop, visits: visits))
        var arrivalTimes: [Date]?
        if case .journal = settings.arrivals {
            let (low, high) = (start, end)
            let times = (history?.arrivals ?? []).filter { $0 >= low && $0 < high }
            guard !times.isEmpty else {
                throw SimulationInputError("--arrivals-from-journal", SimulationInputMessages.noJournalArrivals(["sop": .text(sop.id), "from": "\(settings.from)", "to": "\(settings.to)"]))
            }
            arrivalTimes = times
        }
        journalArrivals = arrivalTimes
        if case .rate(let rate) = settings.arrivals {
            let expected = rate.perDay * end.timeIntervalSince(start) / 86_400
            guard expected <= Double(SimulationPlan.maxCasesPerRun) else {
                throw SimulationInputError("--arrivals", SimulationInputMessages.tooManyCases(["rate": "\(rate)", "from": "\(settings.from)", "to": "\(settings.to)", "n": .number(Int(expected)),
                                                                                    "max": .number(SimulationPlan.maxCasesPerRun)]))
            }
        }
        load = LoadCheck.load(context: context, staff: staff, visits: visits, durations: durations, settings: settings,
                              arrivals: arrivalTimes?.count, workingMinutes: workingMinutes,
                              totalMinutes: end.timeIntervalSince(start) / 60)
    }

    /// The most cases one run may simulate (bounded work: a mistyped rate must not run for hours).
    public static let maxCasesPerRun = 250_000

    /// Cases expected per working minute.
    public var arrivalsPerWorkingMinute: Double {
        if let journalArrivals { return Double(journalArrivals.count) / workingMinutes }
        guard case .rate(let rate) = settings.arrivals else { return 0 }
        let days = end.timeIntervalSince(start) / 86_400
        return rate.perDay * days / workingMinutes
    }

    /// The role whose load is 1 or more (the queue grows without bound), with its load; nil when every role keeps up.
    public var unstableRole: (role: String, load: Double)? {
        let worst = roles.compactMap { role in load[role].map { (role, $0) } }.max { $0.1 < $1.1 }
        guard let worst, worst.1 >= 1 else { return nil }
        return worst
    }
}
