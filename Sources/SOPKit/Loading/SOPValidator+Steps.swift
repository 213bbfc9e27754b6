extension SOPValidator {
    func checkStep(_ step: Step, at i: Int, in sop: SOPDefinition, stepIndex: [String: Int], _ out: inout [Diagnostic]) {
        let name = step.id.isEmpty ? "step \(i + 1)" : "step '\(step.id)'"
        let performerIDs = sop.performers.map(\.id)
        var seen = Set<String>()
        for ref in step.performers {
            if sop.performer(ref.value) == nil {
                var hint = Suggestion.didYouMean(ref.value, in: performerIDs)
                if let byName = sop.performers.first(where: { $0.answers(to: ref.value) }) {
                    hint = "; it is a name of performer '\(byName.id)': use its id"
                }
                out.append(.error("SOP304", "unknown performer '\(ref.value)' in \(name)\(hint)", at: ref.location))
            } else if !seen.insert(ref.value).inserted {
                out.append(.error("SOP304", "performer '\(ref.value)' is listed twice in \(name)", at: ref.location))
            }
        }
        if let next = step.next { checkTarget(next, from: name, stepIndex: stepIndex, &out) }
        if step.mergedStart, i != 0 {
            out.append(.error("SOP316", "\(name) has 'mulai: true' but only the first step can carry the start terminator",
                              at: step.location))
        }
        if step.kind == .mulai, i != 0 {
            out.append(.error("SOP316", "\(name) is a start terminator (jenis mulai) but is not the first step", at: step.location))
        }
        if let decision = step.decision {
            checkDecision(decision, of: name, in: sop, stepIndex: stepIndex, &out)
        }
        if let recurrence = step.recurrence, recurrence.during == nil, sop.jangkaWaktu == nil {
            out.append(.error("SOP317", "\(name) repeats but neither its 'selama' nor the SOP's 'jangka_waktu' says for how long",
                              at: recurrence.location))
        }
        if let attendance = step.group?.attendance {
            let key = DocumentAvailability.key(attendance.value)
            if !step.kelengkapan.contains(where: { DocumentAvailability.key($0.value) == key }) {
                out.append(.error("SOP318", "the kehadiran '\(attendance.value)' of \(name) is not one of its kelengkapan\(Suggestion.didYouMean(attendance.value, in: step.kelengkapan.map(\.value)))",
                                  at: attendance.location))
            }
        }
    }

    func checkTarget(_ target: Located<FlowTarget>, from name: String, stepIndex: [String: Int], _ out: inout [Diagnostic]) {
        guard case .step(let id) = target.value, stepIndex[id] == nil else { return }
        let hint = Suggestion.didYouMean(id, in: Array(stepIndex.keys) + FlowTarget.reserved)
        out.append(.error("SOP305", "unknown step '\(id)' in the flow of \(name)\(hint)", at: target.location,
                          notes: hint.isEmpty ? [.init("a flow goes to a step id, to 'selesai' (the procedure completes) or to 'keluar' (it ends early)")] : []))
    }

    private func checkDecision(_ decision: Decision, of name: String, in sop: SOPDefinition, stepIndex: [String: Int],
                               _ out: inout [Diagnostic]) {
        if decision.outcomes.count < 2 {
            out.append(.error("SOP306", "the decision of \(name) has \(decision.outcomes.count) outcome(s); a decision needs at least two",
                              at: decision.location))
        }
        var labels: [String: SourceLocation] = [:]
        for outcome in decision.outcomes {
            checkTarget(outcome.next, from: name, stepIndex: stepIndex, &out)
            let key = outcome.label.lowercased()
            if let first = labels[key] {
                out.append(.error("SOP307", "the decision of \(name) has two outcomes labelled '\(outcome.label)'", at: outcome.location,
                                  notes: [.init("first here", at: first)]))
            }
            labels[key] = outcome.location
            if let rule = outcome.rule {
                for problem in RuleChecker.check(rule.value, fields: sop.caseFieldTypes) {
                    out.append(.error(problem.code, "rule '\(rule.value.source)': \(problem.message)",
                                      at: rule.location.advanced(byColumns: problem.scalarOffset(in: rule.value.source))))
                }
            }
        }
        guard decision.isRuleDecided, decision.unparsedRules == 0 else { return }
        let fallbacks = decision.outcomes.filter { $0.rule == nil }
        if fallbacks.isEmpty {
            out.append(.warning("SOP313", "the decision of \(name) is taken by rules but no outcome is the fallback (an outcome without 'jika'); a case matching no rule would stop there",
                                at: decision.location))
        } else if fallbacks.count > 1 {
            out.append(.error("SOP314", "the decision of \(name) is taken by rules, so only one outcome may go without 'jika' (the fallback); '\(fallbacks[1].label)' is a second",
                              at: fallbacks[1].location))
        } else if let last = decision.outcomes.last, last.rule != nil, let fallback = fallbacks.first {
            out.append(.warning("SOP314", "the fallback outcome '\(fallback.label)' of \(name) is not last; outcomes after it can never be taken",
                                at: fallback.location))
        }
    }

    func checkFlow(_ sop: SOPDefinition, _ graph: FlowGraph, _ out: inout [Diagnostic]) {
        // With a flow target misspelt (reported already), reachability would only add noise.
        guard !graph.hasUnresolvedTargets else { return }
        let reachable = graph.reachable()
        for (i, step) in sop.steps.enumerated() where !reachable.contains(i) {
            out.append(.warning("SOP308", "step '\(step.id)' can never be reached from the first step", at: step.location))
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
            out.append(.error("SOP309", "a loop with no way out: from step '\(sop.steps[i].id)' the flow only reaches \(ids) and never 'selesai' or 'keluar'",
                              at: sop.steps[i].location))
        }
        if reported.isEmpty, !completion.contains(0) {
            out.append(.error("SOP310", "no path from the first step reaches the end ('selesai'); every path ends with 'keluar'",
                              at: sop.steps[0].location))
        }
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
                var message = "kelengkapan '\(item.value)' of step '\(step.id)' is produced by no step before it and is not in the SOP's persyaratan"
                if let later = producers[key] {
                    message += "; it is produced only by \(later.map { "'\($0)'" }.joined(separator: ", ")), which cannot come before"
                } else {
                    message += Suggestion.didYouMean(item.value, in: known)
                }
                out.append(.warning("SOP311", message, at: item.location))
            }
        }
    }
}
