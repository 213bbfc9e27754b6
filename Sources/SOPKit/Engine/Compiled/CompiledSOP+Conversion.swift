import Foundation

extension CompiledSOP {
    /// The ``CaseEvent`` a compiled event stands for, in the case whose state is `state` (for the
    /// opening's data and documents).
    public func caseEvent(_ event: CompiledEvent, of state: CompiledCaseState) -> CaseEvent {
        let s = Int(event.step), v = Int(event.value)
        let step = s >= 0 && s < steps.count ? steps[s].id : ""
        let kind: CaseEvent.Kind
        switch event.kind {
        case .opened: kind = .opened(data: state.data, documents: state.brought.map { documentNames[$0] })
        case .stepStarted: kind = .stepStarted(step: step)
        case .signedOff: kind = .signedOff(step: step, performer: context.definition.performers[v].id, note: nil)
        case .documentProduced: kind = .documentProduced(name: documentNames[v], step: step)
        case .decisionTaken: kind = .decisionTaken(step: step, outcome: steps[s].outcomes[v].label, byRule: event.byRule)
        case .stepCompleted: kind = .stepCompleted(step: step)
        case .sessionAttended: kind = .sessionAttended(step: step, occurrence: v)
        case .ended: kind = .ended(v == 0 ? .completed : .exited)
        }
        return CaseEvent(kind, at: event.at)
    }

    /// The ``CaseState`` a compiled state stands for: every field, so that it can be compared whole
    /// with the fold of the engine's events.
    public func caseState(_ state: CompiledCaseState) -> CaseState {
        var result = CaseState()
        result.status = state.status
        result.openedAt = state.openedAt
        result.endedAt = state.endedAt
        result.data = state.version == 0 ? [:] : state.data
        result.documents = state.documents.map {
            CaseState.Document(name: documentNames[$0.name], step: $0.step >= 0 ? steps[$0.step].id : nil, at: $0.at)
        }
        var signOffs = Array(repeating: [StepRun.SignOff](), count: state.runs.count)
        for signOff in state.signOffs {
            signOffs[signOff.run].append(.init(performer: context.definition.performers[signOff.performer].id, at: signOff.at, note: nil))
        }
        result.runs = state.runs.enumerated().map { r, run in
            var converted = StepRun(stepID: steps[run.step].id, round: run.round, startedAt: run.startedAt, due: run.due)
            converted.signedOff = signOffs[r]
            converted.completedAt = run.completedAt
            converted.outcome = run.outcome >= 0 ? steps[run.step].outcomes[run.outcome].label : nil
            converted.decidedByRule = run.decidedByRule
            converted.occurrences = run.occurrences
            return converted
        }
        result.deadline = state.deadline
        result.uncoveredYears = state.uncoveredYears
        result.version = state.version
        // A step's latest round is its last run's (rounds only go up).
        for run in state.runs { result.roundsByStep[steps[run.step].id] = run.round }
        return result
    }
}
