import Foundation

/// Runs one case through an SOP in standard time: every step takes exactly its waktu (the upper end
/// of a range), every performer acts when the step falls due, decisions are taken by their rules, or
/// by the answers given, and each session of a recurring step is attended.
public struct StandardRun: Sendable {
    public let engine: CaseEngine
    /// Answers for decisions without a rule, by step id, used in order (a loop takes several).
    public var answers: [String: [String]]
    /// Asked for an answer when none was given (an interactive terminal); nil to stop with a message.
    public var ask: (@Sendable (Step, Decision) -> String?)?
    /// A guard against rules that loop for ever: how many times the run may go back to a step it
    /// has already done (a loop). Steps done for the first time do not count, so a long straight SOP
    /// runs to its end.
    public var maxRuns = 1000

    public init(engine: CaseEngine, answers: [String: [String]] = [:], ask: (@Sendable (Step, Decision) -> String?)? = nil) {
        self.engine = engine
        self.answers = answers
        self.ask = ask
    }

    /// The events and final state of the run. A refusal carries the state reached so far.
    public func run(data: [String: String], documents: [String]? = nil, start: Date) throws(StandardRunStopped) -> (events: [CaseEvent], state: CaseState) {
        let sop = engine.context.definition
        var events: [CaseEvent] = []
        events.reserveCapacity(64)
        var state = CaseState()
        func record(_ new: [CaseEvent]) {
            for event in new { state.apply(event, in: engine.context) }
            events += new
        }
        do throws(CaseRefusal) {
            // The case brings its persyaratan: those needed only sometimes when their rule holds for it.
            let typed = try CaseDataValidator(sop).validate(data, openedOn: engine.context.calendar.date(of: start))
            record(try engine.open(checked: typed, documents: documents ?? sop.persyaratan(for: typed), at: start))
            var pending = answers
            var repeats = 0, counted = 0, firstActive = 0
            while state.status == .open {
                // Count the runs that went back to a step already run (each run once): a run's round
                // is past 1 exactly then (a set of the steps seen hashed every step id).
                while counted < state.runs.count {
                    if state.runs[counted].round > 1 { repeats += 1 }
                    counted += 1
                }
                guard repeats <= maxRuns else {
                    throw CaseRefusal(.ruleFailed, EngineMessages.loopsBack(["limit": .number(maxRuns)]))
                }
                // The first active run: runs only complete, so it never moves back.
                while firstActive < state.runs.count, state.runs[firstActive].isCompleted { firstActive += 1 }
                guard firstActive < state.runs.count else { break }
                let index = firstActive
                guard let step = sop.step(state.runs[index].stepID) else { break }
                if !state.runs[index].occurrences.isEmpty {
                    let performer = step.performers.first?.value ?? ""
                    // The occurrences not attended when the loop starts, read from the state each time
                    // (holding a copy of the run made every attendance copy its occurrences).
                    let unattended = state.runs[index].occurrences.indices.filter { state.runs[index].occurrences[$0].attendedAt == nil }
                    // Every session attended and the run still open would loop here for ever: the
                    // engine completes the run with its last session, so only a broken change gets
                    // here, and it should fail, not hang (as in ``CompiledStandardRun``).
                    guard !unattended.isEmpty else {
                        throw CaseRefusal(.ruleFailed, EngineMessages.sessionsLeftOpen(["step": .text(step.id)]))
                    }
                    for k in unattended {
                        let occurrence = state.runs[index].occurrences[k]
                        let at = engine.context.due(after: occurrence.windowStart, of: step, uncovered: &state.uncoveredYears)
                            ?? occurrence.windowStart
                        let before = events.count
                        try engine.act(on: state, step: step.id, as: performer, at: min(at, occurrence.windowEnd.addingTimeInterval(-1)), into: &events)
                        for e in before..<events.count { state.apply(events[e], in: engine.context) }
                    }
                    continue
                }
                let at = state.runs[index].due ?? state.runs[index].startedAt
                var answer: String?
                // The step's flags first: copying its decision out only to find it taken by rules (or
                // absent) went through the decision's runtime metadata.
                let answered = step.decides && !step.decidesByRule
                if answered, let decision = step.decision {
                    if var queue = pending[step.id], !queue.isEmpty {
                        answer = queue.removeFirst()
                        pending[step.id] = queue
                    } else if let asked = ask?(step, decision) {
                        answer = asked
                    } else {
                        let labels = decision.outcomes.map(\.label).joined(separator: "|")
                        throw CaseRefusal(.answerNeeded, EngineMessages.giveAnswer(["step": .text(step.id), "question": .text(decision.question), "labels": .text(labels)]))
                    }
                }
                // The decider (`oleh`) acts last and gives the answer; the others sign off first.
                var actors = step.performers.map(\.value)
                if step.mode == .salahSatu { actors = Array(actors.prefix(1)) }
                if answered, let decider = step.decidingPerformer, step.performers.contains(where: { $0.value == decider }) {
                    actors.removeAll { $0 == decider }
                    actors.append(decider)
                    if step.mode == .salahSatu { actors = [decider] }
                }
                // A row nobody performs (a decision by rules alone) is taken when entered; one left
                // active would never move, so the run stops instead of waiting for ever.
                guard !actors.isEmpty else {
                    throw CaseRefusal(.ruleFailed, EngineMessages.nobodyToAct(["step": .text(step.id)]))
                }
                for (i, performer) in actors.enumerated() {
                    // Appended to the run's events and applied from there: no array per command.
                    let before = events.count
                    try engine.act(on: state, step: step.id, as: performer, answer: i == actors.count - 1 ? answer : nil, at: at, into: &events)
                    for e in before..<events.count { state.apply(events[e], in: engine.context) }
                }
            }
        } catch {
            throw StandardRunStopped(refusal: error, events: events, state: state)
        }
        return (events, state)
    }
}

/// A standard run that could not go on, with what had happened until then.
extension StandardRun {
    /// Why the queued answers cannot be used: a step that is not a decision of `sop`, or an
    /// outcome its decision does not have; nil when every answer names a real decision outcome.
    /// Checked before the run, so a misspelt `--answer` is not silently left unused.
    public static func problem(with answers: [String: [String]], in sop: SOPDefinition) -> String? {
        for (stepID, labels) in answers.sorted(by: { $0.key < $1.key }) {
            let decisions = sop.steps.filter { $0.decision != nil }.map(\.id)
            guard let step = sop.step(stepID) else {
                return "'\(stepID)' is not a step of \(sop.id)\(Suggestion.didYouMean(stepID, in: decisions)) (decisions: \(decisions.joined(separator: ", ")))"
            }
            guard let decision = step.decision else {
                return "step '\(stepID)' is not a decision (decisions: \(decisions.joined(separator: ", ")))"
            }
            let outcomes = decision.outcomes.map(\.label)
            for label in labels where decision.outcome(labelled: label) == nil {
                return "'\(label)' is not an outcome of '\(stepID)' (outcomes: \(outcomes.joined(separator: ", ")))"
            }
        }
        return nil
    }
}

public struct StandardRunStopped: Error, Sendable {
    public var refusal: CaseRefusal
    public var events: [CaseEvent]
    public var state: CaseState
}
