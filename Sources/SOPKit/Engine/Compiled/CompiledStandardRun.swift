import Foundation

/// ``StandardRun`` on a ``CompiledSOP``: the same case in standard time (every performer acts when
/// the step falls due, decisions by their rules or the answers given, each session attended), with
/// the same events. It says only whether the run got to the end: for a refusal's message, run
/// ``StandardRun`` on the same case.
public struct CompiledStandardRun: Sendable {
    public let sop: CompiledSOP
    /// Answers for decisions without a rule, by step id, used in order (a loop takes several).
    public var answers: [String: [String]]
    /// ``StandardRun/maxRuns``.
    public var maxRuns = 1000

    public init(sop: CompiledSOP, answers: [String: [String]] = [:]) {
        self.sop = sop
        self.answers = answers
    }

    /// The final state of the run, its events appended to `events`; nil where ``StandardRun`` stops
    /// (data that does not validate, a refusal, an answer missing, a loop past ``maxRuns``, a
    /// recurring step still open with every session attended).
    public func run(data raw: [String: String], start: Date, into events: inout [CompiledEvent]) -> CompiledCaseState? {
        guard let data = try? sop.validator.validate(raw, openedOn: sop.context.calendar.date(of: start)) else { return nil }
        var state = CompiledCaseState(data: data, documents: sop.persyaratanDocuments(for: data))
        let opened = events.count
        guard sop.open(state, at: start, into: &events) else { return nil }
        for e in opened..<events.count { state.apply(events[e], in: sop) }
        var pending = answers
        var repeats = 0, counted = 0, firstActive = 0
        while state.status == .open {
            while counted < state.runs.count {
                if state.runs[counted].round > 1 { repeats += 1 }
                counted += 1
            }
            guard repeats <= maxRuns else { return nil }
            while firstActive < state.runs.count, state.runs[firstActive].completedAt != nil { firstActive += 1 }
            guard firstActive < state.runs.count else { break }
            let r = firstActive, s = state.runs[r].step
            let step = sop.steps[s]
            if !state.runs[r].occurrences.isEmpty {
                let performer = step.performers.first ?? -1
                // The occurrences not attended when the loop starts (attending one changes no other),
                // each due from its window's start: their due times asked of the context in one call.
                // Read from the state as it goes rather than from a copy of the list: a copy held
                // while the sessions are attended made the first attendance copy the whole list.
                // The first session's window starts with the run: its due time is the one the run
                // worked out when it started (the same sum from the same start).
                let attending = events.count
                let dues = sop.context.dues(of: step.step, sessions: state.runs[r].occurrences,
                                            first: (state.runs[r].startedAt, state.runs[r].ownDue), uncovered: &state.uncoveredYears)
                for k in dues.indices where state.runs[r].occurrences[k].attendedAt == nil {
                    let (start, end) = (state.runs[r].occurrences[k].windowStart, state.runs[r].occurrences[k].windowEnd)
                    let at = dues[k] ?? start
                    let before = events.count
                    guard sop.act(on: state, step: s, as: performer, at: min(at, end.addingTimeInterval(-1)), into: &events) else { return nil }
                    for e in before..<events.count { state.apply(events[e], in: sop) }
                }
                // Every session attended and the run still open would loop here for ever: stop
                // instead (the engine completes the run with its last session, so only a broken
                // change gets here, and it should fail, not hang).
                guard events.count > attending else { return nil }
                continue
            }
            let at = state.runs[r].due ?? state.runs[r].startedAt
            var answer = CompiledSOP.noAnswer
            let answered = step.decides && !step.byRule
            if answered {
                guard var queue = pending[step.id], !queue.isEmpty else { return nil }
                answer = sop.answerIndex(queue.removeFirst(), step: s)
                pending[step.id] = queue
            }
            // The listed performers in order (the first alone for salah_satu); for an answered
            // decision the decider (`oleh`) acts last and gives the answer, the others first.
            var actors = step.performers
            if answered {
                if step.mode == .salahSatu { actors = Array(actors.prefix(1)) }
                if let decider = step.step.decidingPerformer, let d = sop.context.definition.performers.firstIndex(where: { $0.id == decider }),
                   step.performers.contains(d) {
                    actors.removeAll { $0 == d }
                    actors.append(d)
                    if step.mode == .salahSatu { actors = [d] }
                }
            }
            let count = !answered && step.mode == .salahSatu ? min(1, actors.count) : actors.count
            guard count > 0 else { return nil }
            for i in 0..<count {
                let performer = actors[i]
                let before = events.count
                guard sop.act(on: state, step: s, as: performer, answer: i == count - 1 ? answer : CompiledSOP.noAnswer,
                              at: at, into: &events) else { return nil }
                for e in before..<events.count { state.apply(events[e], in: sop) }
            }
        }
        return state
    }
}
