import Foundation
import SOPKit

/// The cases of a run as the simulator reads and moves them: through the compiled form of the
/// definition (``CompiledSOP``, checked equal to the engine and the fold by
/// `CompiledEquivalenceTests`) when it compiles, else through ``CaseEngine`` and ``CaseState``.
/// Either way the events are the engine's, so the reports do not depend on which was used.
extension SimulationRun {
    /// Whether case `c` is still open.
    @inline(__always) func isOpen(_ c: Int) -> Bool {
        compiled == nil ? cases[c].state.status == .open : cases[c].compact.status == .open
    }

    /// How many step runs case `c` has had.
    @inline(__always) func runCount(_ c: Int) -> Int {
        compiled == nil ? cases[c].state.runs.count : cases[c].compact.runCount
    }

    /// Whether run `r` of case `c` is completed.
    @inline(__always) func isCompleted(_ c: Int, run r: Int) -> Bool {
        compiled == nil ? cases[c].state.runs[r].isCompleted : cases[c].compact.isCompleted(run: r)
    }

    /// The step index of run `r` of case `c`.
    @inline(__always) func stepIndex(_ c: Int, run r: Int) -> Int? {
        compiled == nil ? sop.stepIndex(cases[c].state.runs[r].stepID) : cases[c].compact.step(ofRun: r)
    }

    /// The occurrences of run `r` of case `c` (a recurring step's).
    @inline(__always) func occurrences(_ c: Int, run r: Int) -> [StepRun.Occurrence] {
        compiled == nil ? cases[c].state.runs[r].occurrences : cases[c].compact.occurrences(run: r)
    }

    /// When run `r` of case `c` is due.
    @inline(__always) func due(_ c: Int, run r: Int) -> Date? {
        compiled == nil ? cases[c].state.runs[r].due : cases[c].compact.due(run: r)
    }

    /// Whether performer `p` (an index of the definition's performers) signed off run `r` of case `c`.
    @inline(__always) func hasSigned(_ c: Int, run r: Int, performer p: Int) -> Bool {
        guard compiled == nil else { return cases[c].compact.hasSigned(run: r, performer: p) }
        let id = sop.performers[p].id
        return cases[c].state.runs[r].signedOff.contains { $0.performer == id }
    }

    /// The index of the latest active run of step `s` in case `c`, or nil.
    @inline(__always) func activeRunIndex(_ c: Int, step s: Int) -> Int? {
        guard compiled == nil else { return cases[c].compact.activeRun(step: s) }
        let id = sop.steps[s].id
        return cases[c].state.runs.lastIndex { $0.stepID == id && !$0.isCompleted }
    }

    /// The ``CaseState`` of case `c` (converted from the compiled state when the run is compiled).
    func caseState(_ c: Int) -> CaseState {
        compiled.map { $0.caseState(cases[c].compact) } ?? cases[c].state
    }

    // MARK: Commands

    /// Opens case `record` (the `i`th arrival) with `data` and the definition's persyaratan.
    mutating func open(_ i: Int, data: [String: CaseValue], into record: inout CaseRecord) throws(SimulationFailure) {
        let now = self.now
        if let compiled {
            var state = CompiledCaseState(data: data, documents: compiled.persyaratanDocuments)
            let start = startCommand()
            guard compiled.open(state, at: now, into: &scratch) else {
                let documents = sop.persyaratan.map(\.value)
                throw SimulationFailure(caseNumber: i + 1, refusal: Self.refusal { () throws(CaseRefusal) in
                    try engine.open(checked: data, documents: documents, at: now)
                })
            }
            for e in start..<scratch.count { state.apply(scratch[e], in: compiled) }
            record.compact = state
            kept?.append(scratch[start...].map { compiled.caseEvent($0, of: state) })
            return
        }
        let opened: [CaseEvent]
        do {
            opened = try engine.open(checked: data, documents: sop.persyaratan.map(\.value), at: now)
        } catch {
            throw SimulationFailure(caseNumber: i + 1, refusal: error)
        }
        for event in opened { record.state.apply(event, in: context) }
        kept?.append(opened)
    }

    /// Performer `p` acts on step `s` of case `c` now, with `answer` when the act completes a decision.
    mutating func act(_ c: Int, step s: Int, performer p: Int, answer: String?) throws(SimulationFailure) {
        let now = self.now
        if let compiled {
            let answerIndex = compiled.answerIndex(answer, step: s)
            guard let refused = moveCompiled(c, compiled, { state, events in compiled.act(on: state, step: s, as: p, answer: answerIndex, at: now, into: &events) }) else { return }
            let step = sop.steps[s].id, performer = sop.performers[p].id
            throw SimulationFailure(caseNumber: c + 1, refusal: Self.refusal { () throws(CaseRefusal) in
                try engine.act(on: refused, step: step, as: performer, answer: answer, at: now)
            })
        }
        let state = takeState(c)
        let events: [CaseEvent]
        do {
            events = try engine.act(on: state, step: sop.steps[s].id, as: sop.performers[p].id, answer: answer, at: now)
        } catch {
            cases[c].state = state
            throw SimulationFailure(caseNumber: c + 1, refusal: error)
        }
        cases[c].state = state
        record(events, for: c)
    }

    /// Case `c` attends a session of step `s` now (or the step's period ends).
    mutating func attend(_ c: Int, step s: Int) throws(SimulationFailure) {
        let now = self.now
        if let compiled {
            guard let refused = moveCompiled(c, compiled, { state, events in compiled.attend(on: state, step: s, at: now, into: &events) }) else { return }
            let step = sop.steps[s].id
            throw SimulationFailure(caseNumber: c + 1, refusal: Self.refusal { () throws(CaseRefusal) in
                try engine.attend(on: refused, step: step, at: now)
            })
        }
        let state = takeState(c)
        let events: [CaseEvent]
        do {
            events = try engine.attend(on: state, step: sop.steps[s].id, at: now)
        } catch {
            cases[c].state = state
            throw SimulationFailure(caseNumber: c + 1, refusal: error)
        }
        cases[c].state = state
        record(events, for: c)
    }

    /// Case `c`'s state, moved out of the case (not copied: a copy retains and releases each of its
    /// fields); the caller puts it back.
    mutating func takeState(_ c: Int) -> CaseState {
        var state = CaseState()
        swap(&state, &cases[c].state)
        return state
    }

    /// A command on the compiled state of case `c`, its events applied (and kept when asked); nil
    /// when accepted, else the equivalent ``CaseState`` for the engine to give its refusal on.
    /// `compiled` is the run's, passed in by the caller that unwrapped it (unwrapping it again retained it again).
    private mutating func moveCompiled(_ c: Int, _ compiled: CompiledSOP, _ command: (CompiledCaseState, inout [CompiledEvent]) -> Bool) -> CaseState? {
        let start = startCommand()
        // The command reads the case's state where it is in the run's cases, and its events are
        // applied there: the state was swapped out with a spare and back (two moves of the whole
        // state per command), and reading it out of the array would copy it.
        switch Self.apply(command, to: &cases[c].compact, events: &scratch, from: start, compiled) {
        case .refused: return compiled.caseState(cases[c].compact)
        case .closed: openCases -= 1
        case .applied: break
        }
        if kept != nil {
            let state = cases[c].compact
            kept![c] += scratch[start...].map { compiled.caseEvent($0, of: state) }
        }
        return nil
    }

    /// What a compiled command did to a case.
    private enum Applied { case refused, applied, closed }

    /// Runs `command` on `state` and applies the events it appended to `events` (from `start`):
    /// `.closed` when they ended the open case. Static and given what it changes, so the state is
    /// changed in place in the run's cases while the command writes its events into the run's buffer.
    private static func apply(_ command: (CompiledCaseState, inout [CompiledEvent]) -> Bool, to state: inout CompiledCaseState,
                              events: inout [CompiledEvent], from start: Int, _ compiled: CompiledSOP) -> Applied {
        guard command(state, &events) else { return .refused }
        let wasOpen = state.status == .open
        for e in start..<events.count { state.apply(events[e], in: compiled) }
        return wasOpen && state.status != .open ? .closed : .applied
    }

    /// Where the next compiled command's events start in ``scratch``. The buffer is emptied only
    /// now and then: emptying it for every command (a generic `replaceSubrange`) cost more than
    /// the command's own bookkeeping. A refused command leaves the buffer as it was.
    private mutating func startCommand() -> Int {
        if scratch.count > 4096 { scratch.removeAll(keepingCapacity: true) }
        return scratch.count
    }

    /// The engine's refusal of a command the compiled form refused; should the engine accept it
    /// (the two disagree, which the equivalence test rules out), a refusal saying so.
    private static func refusal(_ command: () throws(CaseRefusal) -> [CaseEvent]) -> CaseRefusal {
        do {
            _ = try command()
            return CaseRefusal(.ruleFailed, SimulationInputMessages.compiledDisagrees())
        } catch {
            return error
        }
    }
}
