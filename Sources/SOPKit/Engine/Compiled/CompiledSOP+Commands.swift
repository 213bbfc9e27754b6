import Foundation

extension CompiledSOP {
    /// Opens `state` (made with the case's data and documents, no event applied yet): appends the
    /// opening and the first step's events, as ``CaseEngine/open(checked:documents:at:)``. False
    /// when the engine would refuse; `events` are then as they were.
    public func open(_ state: CompiledCaseState, at: Date, into events: inout [CompiledEvent]) -> Bool {
        let start = events.count
        events.append(CompiledEvent(.opened, step: -1, at: at))
        // The case as it stands for a decision taken by rules on entry: its data and what it brought
        // (all that entering and completing read of it; made afresh rather than copying the whole state).
        var held = CompiledCaseState(data: state.data, documents: state.brought)
        held.documents = state.brought.map { CompiledCaseState.Document(name: $0, step: -1, at: at) }
        if enter(.step(0), held, at: at, from: start, into: &events, depth: 0) { return true }
        events.removeSubrange(start...)
        return false
    }

    /// A performer does their part of step `step` (indices: ``stepIndex(_:)``, ``performerIndex(named:)``,
    /// ``answerIndex(_:step:)``), as ``CaseEngine/act(on:step:as:answer:note:documents:at:into:)``
    /// without a note or documents. False when the engine refuses; `events` are then as they were.
    public func act(on state: CompiledCaseState, step s: Int, as p: Int, answer: Int = CompiledSOP.noAnswer, at: Date,
                    into events: inout [CompiledEvent]) -> Bool {
        let start = events.count
        if act(state, s, p, answer, at, from: start, into: &events) { return true }
        events.removeSubrange(start...)
        return false
    }

    /// The case attends a session of recurring or group step `step`, as ``CaseEngine/attend(on:step:at:)``.
    public func attend(on state: CompiledCaseState, step s: Int, at: Date, into events: inout [CompiledEvent]) -> Bool {
        let start = events.count
        guard let r = activeRun(state, s) else { return false }
        let step = steps[s]
        guard step.repeats || step.isGroup, !lacks(step, state, events, from: start) else { return false }
        if recurring(s, r, state, performer: -1, at: at, from: start, into: &events) { return true }
        events.removeSubrange(start...)
        return false
    }

    /// The active run of step `s` when the case is open and `s` a step; nil for a refusal.
    func activeRun(_ state: CompiledCaseState, _ s: Int) -> Int? {
        guard state.status == .open, s >= 0, s < steps.count else { return nil }
        return state.activeRun(of: s)
    }

    private func act(_ state: CompiledCaseState, _ s: Int, _ p: Int, _ answer: Int, _ at: Date, from start: Int,
                     into events: inout [CompiledEvent]) -> Bool {
        guard let r = activeRun(state, s), p >= 0, p < 64 else { return false }
        let step = steps[s]
        let signed = state.runs[r].signed
        guard step.performerMask & (1 << UInt64(p)) != 0, at >= state.runs[r].startedAt else { return false }
        if !step.repeats {
            if signed & (1 << UInt64(p)) != 0 { return false }
            if step.mode == .berurutan, let next = step.performers.first(where: { signed & (1 << UInt64($0)) == 0 }), next != p { return false }
        }
        let decider = step.checkedDecider
        if decider >= 0 {
            if p != decider {
                if answer != Self.noAnswer || step.mode == .salahSatu { return false }
            } else if step.mode == .bersama, step.performers.contains(where: { $0 != decider && signed & (1 << UInt64($0)) == 0 }) {
                return false
            }
        }
        if answer != Self.noAnswer, !step.decides || step.byRule { return false }
        if lacks(step, state, events, from: start), step.repeats || !step.anyIncompleteOutcome { return false }
        if step.repeats { return recurring(s, r, state, performer: p, at: at, from: start, into: &events) }
        events.append(CompiledEvent(.signedOff, step: s, value: p, at: at))
        let done = step.mode == .salahSatu || step.performers.allSatisfy { $0 == p || signed & (1 << UInt64($0)) != 0 }
        guard done else { return answer != Self.notALabel }
        return complete(s, state, answer: answer, at: at, from: start, into: &events, depth: 0)
    }

    /// Whether some kelengkapan of `step` is missing from the case as it stands: `state` with the
    /// documents this command produced so far (`events` from `start`).
    func lacks(_ step: CompiledStep, _ state: CompiledCaseState, _ events: [CompiledEvent], from start: Int) -> Bool {
        guard step.checksKelengkapan else { return false }
        for item in step.kelengkapan where !item.byAttendance {
            if let rule = item.condition, (try? rule.evaluate(state.data)) == false { continue }
            if !holds(item.key, state, events, from: start) { return true }
        }
        return false
    }

    private func holds(_ key: Int, _ state: CompiledCaseState, _ events: [CompiledEvent], from start: Int) -> Bool {
        if state.documents.contains(where: { documentKeys[$0.name] == key }) { return true }
        return events[start...].contains { $0.kind == .documentProduced && documentKeys[Int($0.value)] == key }
    }

    /// Completing step `s`: its decision, outputs, and entering what comes next (``CaseEngine/complete``).
    private func complete(_ s: Int, _ state: CompiledCaseState, answer: Int, at: Date, from start: Int,
                          into events: inout [CompiledEvent], depth: Int) -> Bool {
        let step = steps[s]
        var target = step.next
        if step.decides {
            var taken = -1
            if step.byRule {
                for (k, outcome) in step.outcomes.enumerated() {
                    guard let rule = outcome.rule else { taken = k; break }
                    do {
                        if try rule.evaluate(state.data) { taken = k; break }
                    } catch {
                        return false
                    }
                }
            } else {
                taken = answer >= 0 ? answer : -1
            }
            guard taken >= 0 else { return false }
            let outcome = step.outcomes[taken]
            if outcome.needsKelengkapan, lacks(step, state, events, from: start) { return false }
            events.append(CompiledEvent(.decisionTaken, step: s, value: taken, byRule: step.byRule, at: at))
            target = outcome.target
        }
        for name in step.outputs { events.append(CompiledEvent(.documentProduced, step: s, value: name, at: at)) }
        events.append(CompiledEvent(.stepCompleted, step: s, at: at))
        if step.endsFlow { target = .end }
        return enter(target, state, at: at, from: start, into: &events, depth: depth)
    }

    /// Entering a flow target (``CaseEngine/enter``): start a step, passing stand-alone terminators
    /// and taking decisions by rules alone at once, or end the case.
    private func enter(_ target: CompiledTarget, _ state: CompiledCaseState, at: Date, from start: Int,
                       into events: inout [CompiledEvent], depth: Int) -> Bool {
        switch target {
        case .end: events.append(CompiledEvent(.ended, step: -1, value: 0, at: at))
        case .exit: events.append(CompiledEvent(.ended, step: -1, value: 1, at: at))
        case .step(let i):
            events.append(CompiledEvent(.stepStarted, step: i, at: at))
            let step = steps[i]
            if step.passesAtOnce {
                events.append(CompiledEvent(.stepCompleted, step: i, at: at))
                return enter(step.endsFlow ? .end : step.next, state, at: at, from: start, into: &events, depth: depth)
            }
            if step.ruleOnly {
                guard depth < steps.count else { return false }
                return complete(i, state, answer: Self.noAnswer, at: at, from: start, into: &events, depth: depth + 1)
            }
        }
        return true
    }

    /// A session of a recurring step (``CaseEngine/recurringAct``): attendance for the occurrence
    /// whose window holds `at`; after the last one (or once the period is over) the step completes.
    private func recurring(_ s: Int, _ r: Int, _ state: CompiledCaseState, performer p: Int, at: Date, from start: Int,
                           into events: inout [CompiledEvent]) -> Bool {
        if p >= 0 { events.append(CompiledEvent(.signedOff, step: s, value: p, at: at)) }
        let occurrences = state.runs[r].occurrences
        guard let last = occurrences.last else {
            events.append(CompiledEvent(.sessionAttended, step: s, value: 1, at: at))
            return complete(s, state, answer: Self.noAnswer, at: at, from: start, into: &events, depth: 0)
        }
        if at >= last.windowEnd { return complete(s, state, answer: Self.noAnswer, at: at, from: start, into: &events, depth: 0) }
        guard let occurrence = occurrences.first(where: { $0.windowStart <= at && at < $0.windowEnd }),
              occurrence.attendedAt == nil else { return false }
        events.append(CompiledEvent(.sessionAttended, step: s, value: occurrence.number, at: at))
        guard occurrence.number == last.number else { return true }
        return complete(s, state, answer: Self.noAnswer, at: at, from: start, into: &events, depth: 0)
    }
}
