extension SOPValidator {
    func checkStep(_ step: Step, at i: Int, in sop: SOPDefinition, stepIndex: [String: Int], _ out: inout [Diagnostic]) {
        let name = CommonMessages.step(step.id, index: i)
        let performerIDs = sop.performers.map(\.id)
        var seen = Set<String>()
        for ref in step.performers {
            if sop.performer(ref.value) == nil {
                var hint = Suggestion.hint(ref.value, in: performerIDs)
                if let byName = sop.performers.first(where: { $0.answers(to: ref.value) }) {
                    hint = FlowMessages.performerNameNotID(["performer": .text(byName.id)])
                }
                out.append(.error("SOP304", FlowMessages.unknownPerformer(["performer": .text(ref.value), "step": .message(name), "hint": .message(hint)]),
                                  at: ref.location))
            } else if !seen.insert(ref.value).inserted {
                out.append(.error("SOP304", FlowMessages.performerListedTwice(["performer": .text(ref.value), "step": .message(name)]), at: ref.location))
            }
        }
        if let next = step.next { checkTarget(next, from: name, stepIndex: stepIndex, &out) }
        if step.mergedStart, i != 0 {
            out.append(.error("SOP316", FlowMessages.startNotFirst(["step": .message(name)]),
                              at: step.location))
        }
        if step.mergedEnd || step.kind == .selesai {
            // The end terminator ends the flow there: a flow that goes on to a step contradicts it.
            let onward = (step.next.map { [$0] } ?? []) + (step.decision?.outcomes.map(\.next) ?? [])
            for target in onward {
                if case .step(let id) = target.value {
                    out.append(.error("SOP326", FlowMessages.endWithFlow(["step": .message(name), "end": .text(step.mergedEnd ? "selesai: true" : "jenis: selesai"), "target": .text(id)]),
                                      at: target.location))
                }
            }
        }
        if step.kind == .mulai, i != 0 {
            out.append(.error("SOP316", FlowMessages.startKindNotFirst(["step": .message(name)]), at: step.location))
        }
        if let decision = step.decision {
            checkDecision(decision, of: name, in: sop, stepIndex: stepIndex, ruleOnly: step.isRuleOnly, &out)
            checkDecider(step, decision, of: name, in: sop, &out)
            checkKelengkapanGate(step, decision, of: name, in: sop, &out)
        }
        if let recurrence = step.recurrence, recurrence.during == nil, sop.jangkaWaktu == nil {
            out.append(.error("SOP317", FlowMessages.repeatsWithoutPeriod(["step": .message(name)]),
                              at: recurrence.location))
        }
        if let attendance = step.group?.attendance {
            let key = DocumentAvailability.key(attendance.value)
            if !step.kelengkapan.contains(where: { DocumentAvailability.key($0.value) == key }) {
                out.append(.error("SOP318", FlowMessages.attendanceNotKelengkapan(["attendance": .text(attendance.value), "step": .message(name),
                                                                                  "hint": .message(Suggestion.hint(attendance.value, in: step.kelengkapan.map(\.value)))]),
                                  at: attendance.location))
            }
        }
    }

    func checkTarget(_ target: Located<FlowTarget>, from name: Message, stepIndex: [String: Int], _ out: inout [Diagnostic]) {
        guard case .step(let id) = target.value, stepIndex[id] == nil else { return }
        let hint = Suggestion.hint(id, in: Array(stepIndex.keys) + FlowTarget.reserved)
        out.append(.error("SOP305", FlowMessages.unknownStep(["target": .text(id), "step": .message(name), "hint": .message(hint)]), at: target.location,
                          notes: hint == .empty ? [.init(FlowMessages.flowTargets())] : []))
    }

    private func checkDecision(_ decision: Decision, of name: Message, in sop: SOPDefinition, stepIndex: [String: Int],
                               ruleOnly: Bool, _ out: inout [Diagnostic]) {
        if decision.outcomes.count < 2 {
            out.append(.error("SOP306", FlowMessages.decisionTooFewOutcomes(["step": .message(name), "count": .number(decision.outcomes.count)]),
                              at: decision.location))
        }
        var labels: [String: SourceLocation] = [:]
        for outcome in decision.outcomes {
            checkTarget(outcome.next, from: name, stepIndex: stepIndex, &out)
            let key = outcome.label.lowercased()
            if let first = labels[key] {
                out.append(.error("SOP307", FlowMessages.outcomeLabelTwice(["step": .message(name), "label": .text(outcome.label)]), at: outcome.location,
                                  notes: [.init(CommonMessages.firstHere(), at: first)]))
            }
            labels[key] = outcome.location
            if let rule = outcome.rule {
                for problem in RuleChecker.check(rule.value, fields: sop.caseFieldTypes) {
                    out.append(.error(problem.code, RuleMessages.inRule(["rule": .text(rule.value.source), "problem": .message(problem.text)]),
                                      at: rule.location.advanced(byColumns: problem.scalarOffset(in: rule.value.source))))
                }
            }
        }
        guard decision.isRuleDecided, decision.unparsedRules == 0 else { return }
        let fallbacks = decision.outcomes.filter { $0.rule == nil }
        if fallbacks.isEmpty, ruleOnly {
            out.append(.error("SOP342", FlowMessages.ruleOnlyNoFallback(["step": .message(name)]),
                              at: decision.location))
        } else if fallbacks.isEmpty {
            out.append(.warning("SOP313", FlowMessages.noFallback(["step": .message(name)]),
                                at: decision.location))
        } else if fallbacks.count > 1 {
            out.append(.error("SOP314", FlowMessages.secondFallback(["step": .message(name), "label": .text(fallbacks[1].label)]),
                              at: fallbacks[1].location))
        } else if let last = decision.outcomes.last, last.rule != nil, let fallback = fallbacks.first {
            out.append(.warning("SOP314", FlowMessages.fallbackNotLast(["step": .message(name), "label": .text(fallback.label)]),
                                at: fallback.location))
        }
    }

    /// Who decides: `oleh` names one of the step's performers, is required when there are several,
    /// and in a berurutan step is the last of them (the decider answers when the step completes).
    private func checkDecider(_ step: Step, _ decision: Decision, of name: Message, in sop: SOPDefinition, _ out: inout [Diagnostic]) {
        let own = step.performers.map(\.value)
        guard let decider = decision.decider else {
            if own.count > 1 {
                out.append(.error("SOP323", FlowMessages.deciderMissing(["step": .message(name), "count": .number(own.count), "performers": .text(own.joined(separator: ", "))]),
                                  at: decision.location))
            }
            return
        }
        guard own.contains(decider.value) else {
            out.append(.error("SOP324", FlowMessages.deciderNotPerformer(["decider": .text(decider.value), "step": .message(name), "performers": .text(own.joined(separator: ", ")),
                                                                         "hint": .message(Suggestion.hint(decider.value, in: own))]),
                              at: decider.location))
            return
        }
        if step.mode == .berurutan, !decision.isRuleDecided, let last = own.last, last != decider.value {
            out.append(.error("SOP325", FlowMessages.deciderNotLast(["step": .message(name), "decider": .text(decider.value), "last": .text(last)]),
                              at: decider.location))
        }
    }

    func checkFlow(_ sop: SOPDefinition, _ graph: FlowGraph, _ out: inout [Diagnostic]) {
        // With a flow target misspelt (reported already), reachability would only add noise.
        guard !graph.hasUnresolvedTargets else { return }
        let reachable = graph.reachable()
        for (i, step) in sop.steps.enumerated() where !reachable.contains(i) {
            out.append(.warning("SOP308", FlowMessages.unreachable(["step": .text(step.id)]), at: step.location))
        }
        let (anyEnd, completion) = graph.canFinish()
        var reported = Set<Int>()
        for i in reachable.sorted() where !anyEnd.contains(i) && !reported.contains(i) {
            // Everything reachable from here is trapped too: report the loop once.
            var trapped: Set<Int> = [i]
            var work = [i]
            while let j = work.popLast() {
                for k in graph.exits[j].steps where trapped.insert(k).inserted { work.append(k) }
            }
            reported.formUnion(trapped)
            let ids = trapped.sorted().map { "'\(sop.steps[$0].id)'" }.joined(separator: ", ")
            out.append(.error("SOP309", FlowMessages.loopNoExit(["step": .text(sop.steps[i].id), "steps": .text(ids)]),
                              at: sop.steps[i].location))
        }
        if reported.isEmpty, !completion.contains(0) {
            // Point at where the paths go wrong: the reachable steps whose flow ends early ('keluar').
            let exits = reachable.sorted().filter { graph.exits[$0].exits }
            let ids = exits.map { "'\(sop.steps[$0].id)'" }.joined(separator: ", ")
            let first = exits.first.map { sop.steps[$0] }
            let location = first.flatMap { s in
                (s.decision?.outcomes.map(\.next) ?? s.next.map { [$0] } ?? []).first { $0.value == .exit }?.location
            } ?? first?.location ?? sop.steps[0].location
            out.append(.error("SOP310", FlowMessages.noPathToEnd(["at": .message(ids.isEmpty ? .empty : FlowMessages.atSteps(["steps": .text(ids)]))]),
                              at: location, notes: exits.dropFirst().map { .init(FlowMessages.alsoEndsHere(), at: sop.steps[$0].location) }))
        }
    }

    /// Names a path by the decisions it takes: "on the path where step 'penjangkauan' goes 'Tidak'".
    static func branch(_ path: [Int], in sop: SOPDefinition) -> Message {
        var choices: [MessageArgument] = []
        for (a, b) in zip(path, path.dropFirst()) {
            guard let decision = sop.steps[a].decision else { continue }
            let labels: [MessageArgument] = decision.outcomes.filter { $0.next.value == .step(sop.steps[b].id) }.map { .text("'\($0.label)'") }
            if !labels.isEmpty {
                choices.append(.message(FlowMessages.branchChoice(["step": .text(sop.steps[a].id), "labels": .joined(labels, by: FlowMessages.or())])))
            }
        }
        if choices.isEmpty {
            let ids = path.map { "'\(sop.steps[$0].id)'" }
            let steps = ids.count > 6 ? (ids.prefix(2) + ["…"] + ids.suffix(2)).joined(separator: " → ") : ids.joined(separator: " → ")
            return FlowMessages.pathThrough(["steps": .text(steps)])
        }
        return FlowMessages.pathWhere(["choices": .joined(choices, by: FlowMessages.thenJoin())])
    }

    func checkKelengkapan(_ sop: SOPDefinition, _ graph: FlowGraph, _ out: inout [Diagnostic]) {
        let availability = DocumentAvailability(sop, graph: graph)
        // Who produces what, and every known name, are only needed for a message: built on the first miss.
        var producersByKey: [String: [String]]?
        var knownNames: [String]?
        for i in sop.steps.indices {
            // By index, not iterated: iterating copies every Step.
            let attendance = sop.steps[i].group?.attendance.map { DocumentAvailability.key($0.value) }
            for item in sop.steps[i].kelengkapan {
                let key = DocumentAvailability.key(item.value)
                if key == attendance || availability.isAvailable(key: key, before: i) { continue }
                if producersByKey == nil {
                    var byKey: [String: [String]] = [:]
                    for step in sop.steps {
                        for output in step.output { byKey[DocumentAvailability.key(output.value), default: []].append(step.id) }
                    }
                    producersByKey = byKey
                    knownNames = Array(Set(sop.steps.flatMap { $0.output.map(\.value) } + sop.persyaratan.map(\.value)))
                }
                let producers = producersByKey ?? [:], known = knownNames ?? []
                let step = sop.steps[i]
                let message: Message
                if availability.canBeProduced(key, before: i), let path = availability.pathWithout(key, to: i) {
                    // Produced on some paths only: name a branch on which it is missing.
                    let makers = (producers[key] ?? []).map { "'\($0)'" }.joined(separator: ", ")
                    message = FlowMessages.kelengkapanNotOnEveryPath(["item": .text(item.value), "step": .text(step.id),
                                                                      "branch": .message(Self.branch(path, in: sop)), "makers": .text(makers)])
                } else {
                    let more = producers[key].map { later in
                        FlowMessages.kelengkapanOnlyLater(["steps": .text(later.map { "'\($0)'" }.joined(separator: ", "))])
                    } ?? Suggestion.hint(item.value, in: known)
                    message = FlowMessages.kelengkapanNotProduced(["item": .text(item.value), "step": .text(step.id), "more": .message(more)])
                }
                out.append(.warning("SOP311", message, at: item.location))
            }
        }
    }
}
