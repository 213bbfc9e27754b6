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
///
/// A struct driven through `mutating` methods on a local variable: its exclusivity is checked by the
/// compiler. As a class, every access to one of its stored properties (the cases, the heaps, the
/// queues, each several times per event) went through the runtime's dynamic exclusivity check
/// (`swift_beginAccess`), about a sixth of a simulated year's instructions.
struct SimulationRun {
    // What every run of the plan reads, worked out once for all of them (``RunSetup``) and held
    // here field by field: read through the shared class, each value passed to a call (the
    // calendar to `adding`, the duration model to `draw`) was copied first.
    let plan: SimulationPlan
    /// The plan's parts, held here so the hot loop borrows them instead of copying them out of the plan.
    let context: CaseContext
    let durations: DurationModel
    let shares: [String: [Double]]
    let seed: UInt64
    let engine: CaseEngine
    /// The compiled form of the definition, when it compiles (see SimulationRun+Cases.swift).
    let compiled: CompiledSOP?
    let sop: SOPDefinition
    let calendar: WorkingCalendar
    /// Simulation ends here at the latest (bounded work whatever the input).
    let horizon: Date
    /// The index of each performer id (the definition's order).
    let roleIndex: [String: Int]
    /// The role indices each step lists, in order (performers the definition does not name left out).
    let listedRoles: [[Int]]
    /// Whether every performer each step lists is a role of the definition.
    let listsOnlyRoles: [Bool]
    /// The role that gives an answered decision's answer when the step lists several, by step.
    let deciders: [Int?]
    /// How each case's data is drawn.
    let dataDraw: RuleDataSampler.Draw
    /// Work and parts that draw nothing, worked out once (see ``RunSetup``).
    let fixedWork: [Durasi?]
    let fixedParts: [[Durasi?]]
    /// The events of one compiled command (one buffer for the whole run).
    var scratch: [CompiledEvent] = []
    /// The performers to task next (``nextPerformers(_:listed:decider:into:hasSigned:)``), one buffer for the run.
    var nextBuffer: [Int] = []
    /// Holds a case's compiled state while a command runs on it (see `moveCompiled`).
    var spare = CompiledCaseState(data: [:], documents: [])
    let run: Int
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

        /// The marks of run `r`, made when first asked for. Changed in place (`_modify`): a get
        /// and a set copied the marks, and the work drawn in them, on every change.
        subscript(marks r: Int) -> RunMarks {
            get { r < marks.count ? marks[r] : RunMarks() }
            _modify {
                while marks.count <= r { marks.append(RunMarks()) }
                yield &marks[r]
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

    /// Run `run` of `plan`, with its own setup (``Simulation`` shares one setup between its runs).
    init(plan: SimulationPlan, run: Int) {
        self.init(setup: RunSetup(plan: plan), run: run)
    }

    init(setup: RunSetup, run: Int) {
        plan = setup.plan
        context = setup.context
        durations = setup.durations
        shares = setup.shares
        seed = setup.seed
        engine = setup.engine
        compiled = setup.compiled
        sop = setup.sop
        calendar = setup.calendar
        horizon = setup.horizon
        roleIndex = setup.roleIndex
        listedRoles = setup.listedRoles
        listsOnlyRoles = setup.listsOnlyRoles
        deciders = setup.deciders
        dataDraw = setup.dataDraw
        fixedWork = setup.fixedWork
        fixedParts = setup.fixedParts
        self.run = run
        let plan = setup.plan, sop = setup.sop
        now = plan.start
        for performer in sop.performers {
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
    mutating func execute() throws(SimulationFailure) -> RunStatistics {
        // The arrivals wait in order beside the heap, not in it (a heap twice the size for the whole
        // period). They were pushed first, so an arrival came out before any other event at the
        // same time, and arrivals at the same time in the order given: taken in that order here.
        let arrivalKeys = arrivals.map(\.timeIntervalSinceReferenceDate)
        let arrivalOrder = arrivals.indices.sorted { (arrivalKeys[$0], $0) < (arrivalKeys[$1], $1) }
        var nextArrival = 0
        for (i, step) in sop.steps.enumerated() where step.group != nil && step.recurrence != nil {
            heap.push(.sessionTime(step: i), key: firstSession(after: plan.start).timeIntervalSinceReferenceDate)
        }
        while true {
            let key: Double, event: Event
            if nextArrival < arrivalOrder.count, heap.minKey.map({ arrivalKeys[arrivalOrder[nextArrival]] <= $0 }) ?? true {
                let i = arrivalOrder[nextArrival]
                (key, event) = (arrivalKeys[i], .arrival(i))
                nextArrival += 1
            } else if let (popped, item) = heap.pop() {
                (key, event) = (popped, item)
            } else {
                break
            }
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
                statistics.collect(cases[c].state, end: end)
            } else {
                statistics.collect(cases[c].compact, end: end)
            }
        }
        statistics.summarise()
        return statistics
    }

    // MARK: Cases

    mutating func arrive(_ i: Int) throws(SimulationFailure) {
        var record = CaseRecord(durations: SimulationRandom(seed: seed, run: run, purpose: .durations, index: i),
                                decisions: SimulationRandom(seed: seed, run: run, purpose: .decisions, index: i))
        var data = SimulationRandom(seed: seed, run: run, purpose: .data, index: i)
        let values = plan.ruleData.data(dataDraw, using: &data)
        try open(i, data: values, into: &record)
        cases.append(record)
        if isOpen(cases.count - 1) { openCases += 1 }
        advance(cases.count - 1)
    }

    /// Folds a command's events into the case's state (and keeps them when asked).
    mutating func record(_ new: [CaseEvent], for c: Int) {
        var state = takeState(c)
        let wasOpen = state.status == .open
        for event in new { state.apply(event, in: context) }
        if wasOpen, state.status != .open { openCases -= 1 }
        cases[c].state = state
        if kept != nil { kept![c] += new }
    }

    /// Gives work to the roles for every active run of a case that has none yet.
    mutating func advance(_ c: Int) {
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
            var next: [Int] = []
            swap(&next, &nextBuffer)
            defer { swap(&next, &nextBuffer) }
            Self.nextPerformers(step.mode, listed: listedRoles[s], decider: deciders[s], into: &next) { hasSigned(c, run: r, performer: $0) }
            for role in next {
                let bit: UInt64 = role < 64 ? 1 << UInt64(role) : 0
                if cases[c][marks: r].tasked & bit != 0 { continue }
                cases[c][marks: r].scheduled = true
                cases[c][marks: r].tasked |= bit
                enqueue(Task(caseIndex: c, runIndex: r, step: s, role: role, ready: now, due: due))
            }
        }
    }

    /// The performers (role indices) who can act on a step run now: the next in order
    /// (berurutan); anyone listed until one has (salah_satu); everyone who has not signed
    /// (bersama), the decider of an answered decision last, as the engine requires; in `next`
    /// (the run's one buffer: a new array for each advance was an allocation). Static, and given
    /// what it reads: a method of the run would copy the whole run to be called.
    static func nextPerformers(_ mode: Step.Mode, listed: [Int], decider: Int?, into next: inout [Int], hasSigned: (Int) -> Bool) {
        next.removeAll(keepingCapacity: true)
        switch mode {
        case .berurutan:
            if let first = listed.first(where: { !hasSigned($0) }) { next.append(first) }
        case .salahSatu:
            guard !listed.contains(where: hasSigned) else { return }
            if let decider { next.append(decider) } else { next.append(contentsOf: listed) }
        case .bersama:
            for performer in listed where !hasSigned(performer) { next.append(performer) }
            if let decider, next.contains(decider), next.count > 1 { next.removeAll { $0 == decider } }
        }
    }

    mutating func enqueue(_ task: Task) {
        queues[task.role].push(task, key: (task.due ?? .distantFuture).timeIntervalSinceReferenceDate)
        dispatch(task.role)
    }

    /// Starts work for free people of a role: a pending session first, then the queued task due earliest.
    mutating func dispatch(_ role: Int) {
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
            // The case's stream is drawn from in a local copy and put back: drawing into the case in
            // place (an inout access to the run) while reading the shared duration model made the
            // compiler copy the model for each draw.
            var random = cases[task.caseIndex].durations
            let whole: Durasi
            if let fixed = fixedWork[task.step] {
                // An exact waktu: the same work every time, and no random number drawn for it.
                whole = fixed
            } else if task.occurrence != nil {
                whole = durations.draw(step, using: &random)
            } else if let drawn = cases[task.caseIndex][marks: task.runIndex].work {
                whole = drawn
            } else {
                whole = durations.draw(step, using: &random)
                cases[task.caseIndex][marks: task.runIndex].work = whole
            }
            let part = task.occurrence != nil ? whole
                : fixedParts[task.step][role] ?? durations.part(step: step, performer: sop.performers[role].id, whole: whole, using: &random)
            cases[task.caseIndex].durations = random
            task.finish = calendar.adding(part, to: now).instant
            // Measured first, recorded after (recording while reading the calendar copied the calendar).
            let (wait, busy) = statistics.times(of: task, calendar: calendar)
            statistics.started(task, wait: wait, busy: busy)
            heap.push(.taskDone(task), key: task.finish.timeIntervalSinceReferenceDate)
        }
    }

    /// Whether a queued task still has work: its run still active, and for salah_satu nobody has taken it.
    @inline(__always) func stillNeeded(_ task: Task) -> Bool {
        let c = task.caseIndex
        guard isOpen(c), task.runIndex < runCount(c) else { return false }
        if isCompleted(c, run: task.runIndex) { return false }
        if task.occurrence == nil, sop.steps[task.step].mode == .salahSatu, cases[c][marks: task.runIndex].taken { return false }
        return true
    }

    mutating func finish(_ task: Task) throws(SimulationFailure) {
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
        if let decision = step.decision, !decision.isRuleDecided, completes(step, task.step, c, task.runIndex, task.role) {
            let index = cases[c].decisions.pick(shares[step.id] ?? [])
            answer = decision.outcomes[min(index, decision.outcomes.count - 1)].label
        }
        try act(c, step: task.step, performer: task.role, answer: answer)
        advance(c)
    }

    /// Whether performer `p`'s act completes run `r` of case `c` (so it carries a decision's answer).
    @inline(__always) func completes(_ step: Step, _ s: Int, _ c: Int, _ r: Int, _ p: Int) -> Bool {
        if step.mode == .salahSatu { return true }
        return listsOnlyRoles[s] && listedRoles[s].allSatisfy { q in q == p || hasSigned(c, run: r, performer: q) }
    }

    mutating func occurrenceOpens(_ c: Int, _ r: Int, _ number: Int) {
        guard isOpen(c), !isCompleted(c, run: r),
              let s = stepIndex(c, run: r), let first = sop.steps[s].performers.first?.value,
              let role = roleIndex[first], let occurrence = occurrences(c, run: r).first(where: { $0.number == number }) else { return }
        enqueue(Task(caseIndex: c, runIndex: r, step: s, role: role, ready: now, due: occurrence.windowEnd, occurrence: number))
    }

    /// The end of a recurring step's last window: the engine closes the step (missed sessions stay missed).
    mutating func windowEnds(_ c: Int, _ r: Int) throws(SimulationFailure) {
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
