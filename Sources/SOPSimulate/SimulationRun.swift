import Foundation
import SOPKit

/// One run of the simulation: a discrete-event loop over arrivals, staff and sessions that moves
/// every case with the engine's own commands (``CaseEngine/open(checked:documents:at:)``,
/// ``CaseEngine/act(on:step:as:answer:note:documents:at:)``, ``CaseEngine/attend(on:step:at:)``)
/// and folds their events with ``CaseState/apply(_:in:)``, or with the same commands of the
/// compiled form of the definition (``CompiledSOP``, checked equal to them) when it compiles: who
/// may act next, the kelengkapan gate, decisions, loops, early exits and session windows are the
/// engine's, not copies of them.
/// The simulation adds only arrivals, staff and a clock.
final class SimulationRun {
    let plan: SimulationPlan
    /// The plan's parts, held here so the hot loop borrows them instead of copying them out of the plan.
    let context: CaseContext
    let durations: DurationModel
    let shares: [String: [Double]]
    let seed: UInt64
    let engine: CaseEngine
    /// The compiled form of the definition, when it compiles (see SimulationRun+Cases.swift).
    let compiled: CompiledSOP?
    /// The events of one compiled command (one buffer for the whole run).
    var scratch: [CompiledEvent] = []
    let sop: SOPDefinition
    let calendar: WorkingCalendar
    let run: Int
    /// Simulation ends here at the latest (bounded work whatever the input).
    let horizon: Date
    let maxEvents: Int

    enum Event {
        case arrival(Int)
        case taskDone(Task)
        case occurrenceOpen(caseIndex: Int, runIndex: Int, occurrence: Int)
        case windowEnd(caseIndex: Int, runIndex: Int)
        case sessionTime(step: Int)
        case sessionDone(Session)
    }

    /// One performer's part of one step run (or one occurrence of a recurring step), waiting for a person of its role.
    struct Task {
        var caseIndex: Int
        var runIndex: Int
        var step: Int
        var role: Int
        var ready: Date
        var due: Date?
        var occurrence: Int?
        var started: Date = .distantPast
        var finish: Date = .distantPast
    }

    /// A group session: one person of each of the step's roles, for every case in the step.
    struct Session {
        var step: Int
        var roles: [Int]
        var reserved: [Int] = []
        var due: Date
        var attendees: [Int] = []
        var started: Date = .distantPast
    }

    struct CaseRecord {
        var state = CaseState()
        /// The case's state when the run is compiled (``state`` stays empty then).
        var compact = CompiledCaseState(data: [:], documents: [])
        var durations: SimulationRandom
        var decisions: SimulationRandom
        /// What the simulator noted about each of the case's step runs, by run index: one small
        /// array per case (it was four dictionaries, each allocated and hashed per case).
        var marks: [RunMarks] = []

        /// The marks of run `r`, made when first asked for.
        subscript(marks r: Int) -> RunMarks {
            get { r < marks.count ? marks[r] : RunMarks() }
            set {
                while marks.count <= r { marks.append(RunMarks()) }
                marks[r] = newValue
            }
        }
    }

    /// The simulator's notes on one step run of a case.
    struct RunMarks {
        /// Performers already given a task (bit per performer index); for a recurring step, 1 once its occurrences are scheduled.
        var tasked: UInt64 = 0
        /// Whether `tasked` was set at all (a recurring step's occurrences are scheduled once).
        var scheduled = false
        /// The whole-step work drawn for the run.
        var work: Durasi?
        /// A salah_satu run someone has taken.
        var taken = false
        /// Waiting for a non-recurring group step's session.
        var inSession = false
    }

    var heap = EventHeap<Event>()
    var now: Date
    var cases: [CaseRecord] = []
    var arrivals: [Date] = []
    var roleIndex: [String: Int] = [:]
    /// Free people per role; nil for unlimited (an external actor).
    var free: [Int?] = []
    var queues: [EventHeap<Task>] = []
    var pending: [Session] = []
    /// Cases in each recurring group step, by step index: case index to the index of its active run.
    var roster: [Roster] = []
    /// Cases waiting for a non-recurring group step's session, by step index.
    var waiting: [Int: [Int]] = [:]
    var sessionOpen = Set<Int>()
    var statistics: RunStatistics
    var events = 0
    var hitLimit = false
    /// Cases arrived and not yet ended.
    var openCases = 0
    /// Every case's events, in order, when the caller asked to keep them (a generated journal).
    var kept: [[CaseEvent]]?

    init(plan: SimulationPlan, run: Int) {
        self.plan = plan
        self.run = run
        context = plan.context
        durations = plan.durations
        shares = plan.shares
        seed = plan.settings.seed
        engine = CaseEngine(context: plan.context)
        compiled = CompiledSOP(context: plan.context)
        sop = plan.context.definition
        calendar = plan.context.calendar
        now = plan.start
        let span = max(plan.end.timeIntervalSince(plan.start), 86_400 * 30)
        let working = plan.context.calendar
        let longest = plan.context.definition.jangkaWaktu?.deadline.map { working.adding($0, to: plan.end).instant.timeIntervalSince(plan.end) } ?? 0
        horizon = plan.end.addingTimeInterval(max(span, longest) * 2 + 86_400 * 60)
        for (i, performer) in sop.performers.enumerated() {
            roleIndex[performer.id] = i
            free.append(plan.staff[performer.id] ?? 1)
            queues.append(EventHeap<Task>())
        }
        statistics = RunStatistics(plan: plan)
        roster = Array(repeating: Roster(), count: sop.steps.count)
        arrivals = plan.journalArrivals ?? SimulationRun.poisson(plan: plan, run: run)
        maxEvents = 400 * (arrivals.count + 10) * max(1, sop.steps.count) + 1_000_000
    }

    /// Arrival times of a Poisson process in working time over the plan's period.
    static func poisson(plan: SimulationPlan, run: Int) -> [Date] {
        var random = SimulationRandom(seed: plan.settings.seed, run: run, purpose: .arrivals)
        let mean = 1 / max(plan.arrivalsPerWorkingMinute, 1e-12)
        var times: [Date] = []
        var t = plan.start
        while times.count < 5_000_000 {
            t = plan.context.calendar.adding(Durasi(random.exponential(mean: mean), .menit), to: t).instant
            guard t < plan.end else { break }
            times.append(t)
        }
        return times
    }

    /// Runs to the end (every case ended, or the horizon) and returns the run's statistics.
    func execute() throws(SimulationFailure) -> RunStatistics {
        for (i, at) in arrivals.enumerated() { heap.push(.arrival(i), key: at.timeIntervalSinceReferenceDate) }
        for (i, step) in sop.steps.enumerated() where step.group != nil && step.recurrence != nil {
            heap.push(.sessionTime(step: i), key: firstSession(after: plan.start).timeIntervalSinceReferenceDate)
        }
        while let (key, event) = heap.pop() {
            now = Date(timeIntervalSinceReferenceDate: key)
            events += 1
            if now > horizon || events > maxEvents { hitLimit = true; break }
            switch event {
            case .arrival(let i):
                try arrive(i)
            case .taskDone(let task): try finish(task)
            case .occurrenceOpen(let c, let r, let o): occurrenceOpens(c, r, o)
            case .windowEnd(let c, let r): try windowEnds(c, r)
            case .sessionTime(let s): sessionTime(s)
            case .sessionDone(let session): try sessionDone(session)
            }
            if openCases == 0, cases.count == arrivals.count { break }
        }
        let end = min(now, horizon)
        statistics.collect(end: end, hitLimit: hitLimit, queueLengths: queues.map(\.count))
        for c in cases.indices {
            if compiled == nil {
                withState(c) { statistics.collect($0, end: end) }
            } else {
                statistics.collect(caseState(c), end: end)
            }
        }
        statistics.summarise()
        return statistics
    }

    // MARK: Cases

    func arrive(_ i: Int) throws(SimulationFailure) {
        var record = CaseRecord(durations: SimulationRandom(seed: seed, run: run, purpose: .durations, index: i),
                                decisions: SimulationRandom(seed: seed, run: run, purpose: .decisions, index: i))
        var data = SimulationRandom(seed: seed, run: run, purpose: .data, index: i)
        let values = plan.ruleData.data(shares: shares, using: &data)
        try open(i, data: values, into: &record)
        cases.append(record)
        if isOpen(cases.count - 1) { openCases += 1 }
        advance(cases.count - 1)
    }

    /// Folds a command's events into the case's state (and keeps them when asked).
    func record(_ new: [CaseEvent], for c: Int) {
        let wasOpen = cases[c].state.status == .open
        let isOpen = withState(c) { state in
            for event in new { state.apply(event, in: context) }
            return state.status == .open
        }
        if wasOpen, !isOpen { openCases -= 1 }
        if kept != nil { kept![c] += new }
    }

    /// Lends case `c`'s state to an engine command without copying it: the state is moved out of
    /// the case for the call and back after it (passing `cases[c].state` itself copied the whole
    /// state, a retain and a release of each of its fields, on every command).
    func withState<T, E: Error>(_ c: Int, _ body: (inout CaseState) throws(E) -> T) throws(E) -> T {
        var state = CaseState()
        swap(&state, &cases[c].state)
        defer { swap(&state, &cases[c].state) }
        return try body(&state)
    }

    /// Gives work to the roles for every active run of a case that has none yet.
    func advance(_ c: Int) {
        guard isOpen(c) else { return }
        // The active runs, in order (the runs do not change here: no command is given while advancing).
        for r in 0..<runCount(c) where !isCompleted(c, run: r) {
            guard let s = stepIndex(c, run: r) else { continue }
            let step = sop.steps[s]
            if step.isGroup {
                if step.repeats {
                    if roster[s].updateValue(r, forKey: c) == nil, let last = occurrences(c, run: r).last {
                        heap.push(.windowEnd(caseIndex: c, runIndex: r), key: last.windowEnd.timeIntervalSinceReferenceDate)
                    }
                } else if !cases[c][marks: r].inSession {
                    cases[c][marks: r].inSession = true
                    waiting[s, default: []].append(c)
                    if !sessionOpen.contains(s) { openSession(s, due: due(c, run: r) ?? now) }
                }
                continue
            }
            if step.repeats {
                guard !cases[c][marks: r].scheduled else { continue }
                cases[c][marks: r].scheduled = true
                cases[c][marks: r].tasked = 1
                let occurrences = occurrences(c, run: r)
                for occurrence in occurrences {
                    heap.push(.occurrenceOpen(caseIndex: c, runIndex: r, occurrence: occurrence.number),
                              key: max(occurrence.windowStart, now).timeIntervalSinceReferenceDate)
                }
                if let last = occurrences.last {
                    heap.push(.windowEnd(caseIndex: c, runIndex: r), key: last.windowEnd.timeIntervalSinceReferenceDate)
                }
                continue
            }
            let due = due(c, run: r)
            for role in nextPerformers(step, c, r) {
                let bit: UInt64 = role < 64 ? 1 << UInt64(role) : 0
                if cases[c][marks: r].tasked & bit != 0 { continue }
                cases[c][marks: r].scheduled = true
                cases[c][marks: r].tasked |= bit
                enqueue(Task(caseIndex: c, runIndex: r, step: s, role: role, ready: now, due: due))
            }
        }
    }

    /// The performers (role indices) who can act on run `r` of case `c` now: the next in order
    /// (berurutan); anyone listed until one has (salah_satu); everyone who has not signed
    /// (bersama), the decider of an answered decision last, as the engine requires.
    func nextPerformers(_ step: Step, _ c: Int, _ r: Int) -> [Int] {
        let listed = step.performers.compactMap { roleIndex[$0.value] }
        func hasSigned(_ performer: Int) -> Bool { self.hasSigned(c, run: r, performer: performer) }
        let answered = step.decision.map { !$0.isRuleDecided } ?? false
        let decider = answered && listed.count > 1 ? step.decidingPerformer.flatMap { roleIndex[$0] } : nil
        switch step.mode {
        case .berurutan:
            return listed.first { !hasSigned($0) }.map { [$0] } ?? []
        case .salahSatu:
            guard !listed.contains(where: hasSigned) else { return [] }
            return decider.map { [$0] } ?? listed
        case .bersama:
            let unsigned = listed.filter { !hasSigned($0) }
            guard let decider, unsigned.contains(decider), unsigned.count > 1 else { return unsigned }
            return unsigned.filter { $0 != decider }
        }
    }

    func enqueue(_ task: Task) {
        queues[task.role].push(task, key: (task.due ?? .distantFuture).timeIntervalSinceReferenceDate)
        dispatch(task.role)
    }

    /// Starts work for free people of a role: a pending session first, then the queued task due earliest.
    func dispatch(_ role: Int) {
        while free[role].map({ $0 > 0 }) ?? true {
            if let p = pending.firstIndex(where: { $0.roles.contains(role) && !$0.reserved.contains(role) }) {
                if free[role] != nil { free[role]! -= 1 }
                pending[p].reserved.append(role)
                if pending[p].reserved.count == pending[p].roles.count { startSession(pending.remove(at: p)) }
                continue
            }
            guard var task = queues[role].pop()?.item else { return }
            guard stillNeeded(task) else { continue }
            if free[role] != nil { free[role]! -= 1 }
            let step = sop.steps[task.step]
            if step.mode == .salahSatu, task.occurrence == nil { cases[task.caseIndex][marks: task.runIndex].taken = true }
            task.started = now
            let whole: Durasi
            if task.occurrence != nil {
                whole = durations.draw(step, using: &cases[task.caseIndex].durations)
            } else if let drawn = cases[task.caseIndex][marks: task.runIndex].work {
                whole = drawn
            } else {
                whole = durations.draw(step, using: &cases[task.caseIndex].durations)
                cases[task.caseIndex][marks: task.runIndex].work = whole
            }
            let part = task.occurrence == nil
                ? durations.part(step: step, performer: sop.performers[role].id, whole: whole, using: &cases[task.caseIndex].durations)
                : whole
            task.finish = calendar.adding(part, to: now).instant
            statistics.started(task, calendar: calendar)
            heap.push(.taskDone(task), key: task.finish.timeIntervalSinceReferenceDate)
        }
    }

    /// Whether a queued task still has work: its run still active, and for salah_satu nobody has taken it.
    func stillNeeded(_ task: Task) -> Bool {
        let c = task.caseIndex
        guard isOpen(c), task.runIndex < runCount(c) else { return false }
        if isCompleted(c, run: task.runIndex) { return false }
        if task.occurrence == nil, sop.steps[task.step].mode == .salahSatu, cases[c][marks: task.runIndex].taken { return false }
        return true
    }

    func finish(_ task: Task) throws(SimulationFailure) {
        if free[task.role] != nil { free[task.role]! += 1 }
        defer { dispatch(task.role) }
        let c = task.caseIndex
        guard isOpen(c), !isCompleted(c, run: task.runIndex) else { return }
        let step = sop.steps[task.step]
        if task.occurrence != nil, let occurrence = occurrences(c, run: task.runIndex).first(where: { $0.windowStart <= now && now < $0.windowEnd }),
           occurrence.attendedAt != nil {
            return
        }
        var answer: String?
        if let decision = step.decision, !decision.isRuleDecided, completes(step, c, task.runIndex, task.role) {
            let index = cases[c].decisions.pick(shares[step.id] ?? [])
            answer = decision.outcomes[min(index, decision.outcomes.count - 1)].label
        }
        try act(c, step: task.step, performer: task.role, answer: answer)
        advance(c)
    }

    /// Whether performer `p`'s act completes run `r` of case `c` (so it carries a decision's answer).
    func completes(_ step: Step, _ c: Int, _ r: Int, _ p: Int) -> Bool {
        if step.mode == .salahSatu { return true }
        return step.performers.allSatisfy { listed in
            guard let q = roleIndex[listed.value] else { return false }
            return q == p || hasSigned(c, run: r, performer: q)
        }
    }

    func occurrenceOpens(_ c: Int, _ r: Int, _ number: Int) {
        guard isOpen(c), !isCompleted(c, run: r),
              let s = stepIndex(c, run: r), let first = sop.steps[s].performers.first?.value,
              let role = roleIndex[first], let occurrence = occurrences(c, run: r).first(where: { $0.number == number }) else { return }
        enqueue(Task(caseIndex: c, runIndex: r, step: s, role: role, ready: now, due: occurrence.windowEnd, occurrence: number))
    }

    /// The end of a recurring step's last window: the engine closes the step (missed sessions stay missed).
    func windowEnds(_ c: Int, _ r: Int) throws(SimulationFailure) {
        guard isOpen(c), !isCompleted(c, run: r), let s = stepIndex(c, run: r) else { return }
        try attend(c, step: s)
        roster[s].removeValue(forKey: c)
        advance(c)
    }
}

/// The engine refused a command the simulation gave it: the SOP cannot be run as simulated.
public struct SimulationFailure: Error, Sendable {
    public var caseNumber: Int
    public var refusal: CaseRefusal
    /// The failure in either language.
    public var text: Message { SimulationInputMessages.engineRefused(["case": .number(caseNumber), "reason": .message(refusal.text)]) }
    /// The English text.
    public var message: String { text.english }
}
