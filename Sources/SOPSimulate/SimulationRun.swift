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
    /// What the event loop asks of each step (``StepFacts``), by step index.
    let stepFacts: [StepFacts]
    /// The events of one compiled command (one buffer for the whole run).
    var scratch: [CompiledEvent] = []
    /// The performers to task next (``nextPerformers(_:listed:decider:into:hasSigned:)``), one buffer for the run.
    var nextBuffer: [Int] = []
    let run: Int
    let maxEvents: Int

    /// Plain data (a held session is named by its step, see ``held``), so the event heap moves
    /// events as bytes: with a session in it, each push and pop of any event went through the
    /// enum's copy and destroy witnesses.
    enum Event {
        case arrival(Int)
        case taskDone(Task)
        case occurrenceOpen(caseIndex: Int, runIndex: Int, occurrence: Int)
        case windowEnd(caseIndex: Int, runIndex: Int)
        case sessionTime(step: Int)
        /// The session of step `step` ends (the session is in ``held``).
        case sessionDone(step: Int)
    }

    /// One performer's part of one step run (or one occurrence of a recurring step), waiting for a person of its role.
    ///
    /// Every task is copied into its role's queue, out of it, into the event heap and out again:
    /// its indices are held in 32 bits and the optionals after the dates, 64 bytes instead of 88
    /// (`SimulationStructuresTests.aTaskKeepsItsIndicesInSixtyFourBytes`), read as `Int`s. They
    /// fit: a run's cases (at most 5,000,000 drawn arrivals, or a journal's cases), a case's runs, the
    /// steps and the roles stay far below 2^31 in any run that fits in memory.
    struct Task {
        var ready: Date
        var started: Date = .distantPast
        var finish: Date = .distantPast
        private var caseIndex32: Int32
        private var runIndex32: Int32
        private var step32: Int32
        private var role32: Int32
        var due: Date?
        private var occurrence32: Int32?

        init(caseIndex: Int, runIndex: Int, step: Int, role: Int, ready: Date, due: Date?, occurrence: Int? = nil) {
            self.ready = ready
            self.due = due
            caseIndex32 = Int32(caseIndex)
            runIndex32 = Int32(runIndex)
            step32 = Int32(step)
            role32 = Int32(role)
            occurrence32 = occurrence.map { Int32($0) }
        }

        var caseIndex: Int { Int(caseIndex32) }
        var runIndex: Int { Int(runIndex32) }
        var step: Int { Int(step32) }
        var role: Int { Int(role32) }
        /// The occurrence's number, for a recurring step's task.
        var occurrence: Int? { occurrence32.map { Int($0) } }
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
        /// Performers already given a task (bit per performer index below 64).
        var tasked: UInt64 = 0
        /// Performers from index 64 on already given a task (nil while none: SOPs rarely have so many).
        var taskedBeyond: [Int]?
        /// Whether any performer was tasked (`tasked` or `taskedBeyond`); read for a recurring step, whose occurrences are scheduled once.
        var scheduled = false
        /// The whole-step work drawn for the run.
        var work: Durasi?
        /// A salah_satu run someone has taken.
        var taken = false
        /// Waiting for a non-recurring group step's session.
        var inSession = false
    }

    /// The events in time order (the arrivals wait beside them, see ``execute()``).
    var timeline = EventQueue<Event>()
    var now: Date
    var cases: [CaseRecord] = []
    var arrivals: [Date] = []
    /// Free people per role; nil for unlimited (an external actor).
    var free: [Int?] = []
    var queues: [EventHeap<Task>] = []
    var pending: [Session] = []
    /// The session being held for each step, by step index (a step holds one session at a time:
    /// ``sessionOpen`` stays set from its opening to its release).
    var held: [Session?] = []
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

    /// Run `run` of `plan`, with its own setup (``Simulation`` shares one setup between the runs of a lane).
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
        stepFacts = setup.stepFacts
        self.run = run
        let plan = setup.plan, sop = setup.sop
        now = plan.start
        for performer in sop.performers {
            free.append(plan.staff[performer.id] ?? 1)
            queues.append(EventHeap<Task>())
        }
        statistics = RunStatistics(plan: plan)
        roster = Array(repeating: Roster(), count: sop.steps.count)
        held = Array(repeating: nil, count: sop.steps.count)
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

    /// Schedules `event` at `key` (seconds since the reference date), after every event already
    /// scheduled at the same time; a window's end among the far events (see ``EventQueue``).
    mutating func schedule(_ event: Event, at key: Double) {
        if case .windowEnd = event {
            timeline.push(event, key: key, far: true)
        } else {
            timeline.push(event, key: key)
        }
    }

    /// Runs to the end (every case ended, or the horizon) and returns the run's statistics.
    mutating func execute() throws(SimulationFailure) -> RunStatistics {
        // The arrivals wait in order beside the timeline's heaps, not in them (a heap twice the size for the whole
        // period). They were pushed first, so an arrival came out before any other event at the
        // same time, and arrivals at the same time in the order given: taken in that order here.
        let arrivalKeys = arrivals.map(\.timeIntervalSinceReferenceDate)
        let arrivalOrder = arrivals.indices.sorted { (arrivalKeys[$0], $0) < (arrivalKeys[$1], $1) }
        var nextArrival = 0
        for (i, step) in sop.steps.enumerated() where step.group != nil && step.recurrence != nil {
            schedule(.sessionTime(step: i), at: firstSession(after: plan.start).timeIntervalSinceReferenceDate)
        }
        while true {
            let key: Double, event: Event
            if nextArrival < arrivalOrder.count, timeline.minKey.map({ arrivalKeys[arrivalOrder[nextArrival]] <= $0 }) ?? true {
                let i = arrivalOrder[nextArrival]
                (key, event) = (arrivalKeys[i], .arrival(i))
                nextArrival += 1
            } else if let (popped, item) = timeline.pop() {
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
            case .sessionDone(let s): if let session = held[s].take() { try sessionDone(session) }
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
}
