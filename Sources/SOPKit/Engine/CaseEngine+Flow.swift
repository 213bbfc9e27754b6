import Foundation

extension CaseEngine {
    func activeRun(_ state: CaseState, _ id: String) throws(CaseRefusal) -> (Step, StepRun) {
        guard state.status == .open else {
            throw CaseRefusal(.caseClosed, EngineMessages.caseEnded(["status": .text(state.status.rawValue)]))
        }
        guard let step = sop.step(id) else {
            throw CaseRefusal(.unknownStep, EngineMessages.unknownStep(["step": .text(id), "hint": .message(Suggestion.hint(id, in: sop.steps.map(\.id)))]))
        }
        // Found by index: `last(where:)` returned an optional run, destroyed through its runtime metadata.
        guard let index = state.runs.lastIndex(where: { $0.stepID == id && !$0.isCompleted }) else {
            let active = state.activeRunIndices.map { state.runs[$0].stepID }
            let now = active.isEmpty ? EngineMessages.noActiveStep()
                                     : EngineMessages.activeSteps(["steps": .text(active.map { "'\($0)'" }.joined(separator: ", "))])
            let done = state.runs.contains { $0.stepID == id } ? EngineMessages.stepDone(["step": .text(id)]) : EngineMessages.stepNotStarted(["step": .text(id)])
            throw CaseRefusal(.stepNotActive, EngineMessages.notActive(["done": .message(done), "now": .message(now)]))
        }
        return (step, state.runs[index])
    }

    func whoMayAct(_ step: Step, _ run: StepRun) -> Message {
        let names = awaited(step, run).map { id in sop.performer(id).map { "\($0.id) (\($0.nama))" } ?? id }
        if names.isEmpty { return EngineMessages.nobodyAwaited(["step": .text(step.id)]) }
        let how = step.mode == .salahSatu ? EngineMessages.anyOneOf : step.mode == .berurutan ? EngineMessages.nextInOrder : EngineMessages.awaited
        return how(["step": .text(step.id), "names": .text(names.joined(separator: ", "))])
    }

    func checkKelengkapan(_ step: Step, held: CaseState) throws(CaseRefusal) {
        guard lacksKelengkapan(step, held: held) else { return }
        throw kelengkapanRefusal(step, missingKelengkapan(step, held: held))
    }

    /// The missing documents, each with where it comes from: `'SKTM' (brought by the case (persyaratan))`.
    func describeMissing(_ missing: [(document: String, producers: [String])]) -> MessageArgument {
        let items: [MessageArgument] = missing.map { item in
            let from = item.producers.isEmpty ? EngineMessages.broughtByCase()
                : EngineMessages.producedBy(["steps": .text(item.producers.map { "'\($0)'" }.joined(separator: ", "))])
            return .message(EngineMessages.missingItem(["document": .text(item.document), "from": .message(from)]))
        }
        return .joined(items, by: EngineMessages.semicolon())
    }

    func kelengkapanRefusal(_ step: Step, _ missing: [(document: String, producers: [String])]) -> CaseRefusal {
        CaseRefusal(.missingKelengkapan, EngineMessages.missingKelengkapan(["step": .text(step.id), "list": describeMissing(missing)]))
    }

    /// An outcome that needs the step's kelengkapan, taken while some are missing: refused, naming
    /// them and the outcomes that may be taken meanwhile.
    func checkOutcomeKelengkapan(_ step: Step, _ decision: Decision, _ outcome: Outcome, held: CaseState) throws(CaseRefusal) {
        guard outcome.needsKelengkapan, lacksKelengkapan(step, held: held) else { return }
        let missing = missingKelengkapan(step, held: held)
        let allowed = decision.outcomes.filter { !$0.needsKelengkapan }.map { "'\($0.label)'" }.joined(separator: ", ")
        let how = decision.isRuleDecided ? EngineMessages.ruleTakes(["outcome": .text(outcome.label)])
            : EngineMessages.cannotAnswer(["outcome": .text(outcome.label)])
        throw CaseRefusal(.missingKelengkapan, EngineMessages.outcomeNeedsKelengkapan([
            "step": .text(step.id), "how": .message(how), "list": describeMissing(missing),
            "allowed": .message(allowed.isEmpty ? .empty : EngineMessages.onlyAllowed(["outcomes": .text(allowed)])),
        ]))
    }

    /// A decision answered by a performer, on a step of several: only the decider (`oleh`) answers,
    /// and answers last, when the step completes; the others sign off without answering.
    func checkDecider(_ step: Step, _ run: StepRun, performer: String, answer: String?) throws(CaseRefusal) {
        guard step.decides, !step.decidesByRule, !step.repeats, step.performers.count > 1, let decision = step.decision,
              let decider = step.decidingPerformer else { return }
        // Named only in a refusal (building it on every action was an allocation each time).
        var who: String { sop.performer(decider).map { "\($0.id) (\($0.nama))" } ?? decider }
        if performer != decider {
            if answer != nil {
                throw CaseRefusal(.badAnswer, EngineMessages.onlyDeciderAnswers(["step": .text(step.id), "who": .text(who), "question": .text(decision.question),
                                                                              "performer": .text(performer)]))
            }
            if step.mode == .salahSatu {
                throw CaseRefusal(.wrongPerformer, EngineMessages.deciderCompletes(["step": .text(step.id), "who": .text(who), "performer": .text(performer)]))
            }
        } else if step.mode == .bersama {
            let waiting = step.performers.map(\.value).filter { id in id != decider && !run.signedOff.contains { $0.performer == id } }
            if !waiting.isEmpty {
                throw CaseRefusal(.outOfTurn, EngineMessages.deciderLast(["step": .text(step.id), "who": .text(who), "waiting": .text(waiting.joined(separator: ", "))]))
            }
        }
    }

    func badAnswer(_ step: Step, _ answer: String) -> CaseRefusal {
        let labels = step.decision?.outcomes.map { "'\($0.label)'" }.joined(separator: ", ") ?? ""
        return CaseRefusal(.badAnswer, EngineMessages.badAnswer(["answer": .text(answer), "step": .text(step.id), "labels": .text(labels)]))
    }

    /// The events of completing a step: its decision, its outputs, and entering what comes next.
    /// The events are appended to `events` (the command's, so no intermediate arrays are built).
    func complete(_ step: Step, state: CaseState, answer: String?, at: Date, into events: inout [CaseEvent],
                  depth: Int = 0) throws(CaseRefusal) {
        var target: FlowTarget
        if step.decides, let decision = step.decision {
            let outcome = try decide(step, decision, data: state.data, answer: answer)
            try checkOutcomeKelengkapan(step, decision, outcome, held: state)
            events.append(CaseEvent(.decisionTaken(step: step.id, outcome: outcome.label, byRule: decision.isRuleDecided), at: at))
            target = outcome.next.value
        } else {
            guard let index = sop.stepIndex(step.id) else { throw CaseRefusal(.unknownStep, EngineMessages.unknownStep(["step": .text(step.id), "hint": .message(.empty)])) }
            target = sop.defaultNext(after: index)
        }
        for output in step.output {
            events.append(CaseEvent(.documentProduced(name: output.value, step: step.id), at: at))
        }
        events.append(CaseEvent(.stepCompleted(step: step.id), at: at))
        if step.kind == .selesai { target = .end }
        // The case as it stands after this step (its outputs held) is read only by a decision that
        // rules take on entry; building it copied the whole state on every completion.
        guard readsHeld(target) else {
            return try enter(target, held: state, at: at, into: &events, depth: depth)
        }
        var after = state
        for output in step.output {
            after.documents.append(CaseState.Document(name: output.value, step: step.id, at: at))
        }
        try enter(target, held: after, at: at, into: &events, depth: depth)
    }

    /// Whether entering `target` reads the case as it stands (``enter(_:held:at:into:depth:)``): it
    /// reaches, through stand-alone terminator rows, a decision taken by rules alone.
    func readsHeld(_ target: FlowTarget) -> Bool {
        var next = target
        for _ in 0...sop.steps.count {
            guard case .step(let id) = next, let index = sop.stepIndex(id) else { return false }
            let step = sop.steps[index]
            if step.isRuleOnly { return true }
            guard step.kind == .mulai || step.kind == .selesai else { return false }
            next = step.kind == .selesai ? .end : sop.defaultNext(after: index)
        }
        return true
    }

    func decide(_ step: Step, _ decision: Decision, data: [String: CaseValue], answer: String?) throws(CaseRefusal) -> Outcome {
        if decision.isRuleDecided {
            for outcome in decision.outcomes {
                guard let rule = outcome.rule else { return outcome }
                do {
                    if try rule.value.evaluate(data) { return outcome }
                } catch {
                    throw CaseRefusal(.ruleFailed, EngineMessages.cannotDecide(["step": .text(step.id), "question": .text(decision.question), "why": .message(error.text)]))
                }
            }
            throw CaseRefusal(.ruleFailed, EngineMessages.noRuleHolds(["step": .text(step.id), "question": .text(decision.question)]))
        }
        guard let answer else {
            let labels = decision.outcomes.map { "'\($0.label)'" }.joined(separator: ", ")
            throw CaseRefusal(.answerNeeded, EngineMessages.answerNeeded(["step": .text(step.id), "question": .text(decision.question), "labels": .text(labels)]))
        }
        guard let outcome = decision.outcome(labelled: answer) else { throw badAnswer(step, answer) }
        return outcome
    }

    /// Entering a flow target: start a step (completing stand-alone terminators at once, and taking a
    /// decision made by rules alone, with nobody to act), or end the case. `held` is the case as it
    /// stands (its data and documents, with what this command produced), for such a decision.
    func enter(_ target: FlowTarget, held: CaseState, at: Date, into events: inout [CaseEvent], depth: Int = 0) throws(CaseRefusal) {
        switch target {
        case .end: events.append(CaseEvent(.ended(.completed), at: at))
        case .exit: events.append(CaseEvent(.ended(.exited), at: at))
        case .step(let id):
            events.append(CaseEvent(.stepStarted(step: id), at: at))
            guard let index = sop.stepIndex(id) else { return }
            // A stand-alone terminator row has no work: it passes at once.
            if sop.steps[index].kind == .mulai || sop.steps[index].kind == .selesai {
                events.append(CaseEvent(.stepCompleted(step: id), at: at))
                try enter(sop.steps[index].kind == .selesai ? .end : sop.defaultNext(after: index), held: held, at: at, into: &events, depth: depth)
            } else if sop.steps[index].isRuleOnly {
                // Rules send a case through rows nobody performs at most once each per command:
                // more means they go round a loop for ever on this case's data.
                guard depth < sop.steps.count else {
                    throw CaseRefusal(.ruleFailed, EngineMessages.ruleLoop(["step": .text(id)]))
                }
                try complete(sop.steps[index], state: held, answer: nil, at: at, into: &events, depth: depth + 1)
            }
        }
    }

    /// A session of a recurring step: attendance for the occurrence whose window holds `at`; after the
    /// last occurrence (or once the period is over) the step completes.
    func recurringAct(_ step: Step, _ run: StepRun, state: CaseState, performer: String?, note: String?, at: Date,
                      into events: inout [CaseEvent]) throws(CaseRefusal) {
        if let performer { events.append(CaseEvent(.signedOff(step: step.id, performer: performer, note: note), at: at)) }
        guard let last = run.occurrences.last else {
            // A group step that does not repeat: one session completes it.
            events.append(CaseEvent(.sessionAttended(step: step.id, occurrence: 1), at: at))
            return try complete(step, state: state, answer: nil, at: at, into: &events)
        }
        if at >= last.windowEnd {
            // The period is over: close the step; unattended occurrences stay missed.
            return try complete(step, state: state, answer: nil, at: at, into: &events)
        }
        guard let occurrence = run.occurrences.first(where: { $0.windowStart <= at && at < $0.windowEnd }) else {
            throw CaseRefusal(.sessionRefused, EngineMessages.noSessionWindow(["step": .text(step.id), "at": .text(context.format(at))]))
        }
        if occurrence.attendedAt != nil {
            throw CaseRefusal(.sessionRefused, EngineMessages.sessionRecorded(["number": .number(occurrence.number), "step": .text(step.id),
                                                                          "from": .text(context.format(occurrence.windowStart)), "to": .text(context.format(occurrence.windowEnd))]))
        }
        events.append(CaseEvent(.sessionAttended(step: step.id, occurrence: occurrence.number), at: at))
        if occurrence.number == last.number {
            try complete(step, state: state, answer: nil, at: at, into: &events)
        }
    }
}
