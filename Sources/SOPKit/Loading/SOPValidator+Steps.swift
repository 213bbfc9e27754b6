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
        if step.mergedEnd || step.kind == .selesai {
            // The end terminator ends the flow there: a flow that goes on to a step contradicts it.
            let onward = (step.next.map { [$0] } ?? []) + (step.decision?.outcomes.map(\.next) ?? [])
            for target in onward {
                if case .step(let id) = target.value {
                    out.append(.error("SOP326", "\(name) ends the procedure (\(step.mergedEnd ? "selesai: true" : "jenis: selesai")) but its flow goes on to step '\(id)'; remove '\(step.mergedEnd ? "selesai: true" : "jenis: selesai")' or the 'lanjut'",
                                      at: target.location))
                }
            }
        }
        if step.kind == .mulai, i != 0 {
            out.append(.error("SOP316", "\(name) is a start terminator (jenis mulai) but is not the first step", at: step.location))
        }
        if let decision = step.decision {
            checkDecision(decision, of: name, in: sop, stepIndex: stepIndex, ruleOnly: step.isRuleOnly, &out)
            checkDecider(step, decision, of: name, in: sop, &out)
            checkKelengkapanGate(step, decision, of: name, in: sop, &out)
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
                               ruleOnly: Bool, _ out: inout [Diagnostic]) {
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
        if fallbacks.isEmpty, ruleOnly {
            out.append(.error("SOP342", "the decision of \(name) is taken by rules alone (it has no pelaksana) but no outcome is the fallback (an outcome without 'jika'); a case matching no rule would stop there with nobody to act: add a last outcome without 'jika'",
                              at: decision.location))
        } else if fallbacks.isEmpty {
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

    /// Who decides: `oleh` names one of the step's performers, is required when there are several,
    /// and in a berurutan step is the last of them (the decider answers when the step completes).
    private func checkDecider(_ step: Step, _ decision: Decision, of name: String, in sop: SOPDefinition, _ out: inout [Diagnostic]) {
        let own = step.performers.map(\.value)
        guard let decider = decision.decider else {
            if own.count > 1 {
                out.append(.error("SOP323", "the decision of \(name) has \(own.count) performers (\(own.joined(separator: ", "))) but does not say who decides; add 'oleh: <performer>' under 'keputusan' (the others sign off without answering)",
                                  at: decision.location))
            }
            return
        }
        guard own.contains(decider.value) else {
            out.append(.error("SOP324", "'oleh: \(decider.value)' of \(name) is not one of its performers (\(own.joined(separator: ", ")))\(Suggestion.didYouMean(decider.value, in: own))",
                              at: decider.location))
            return
        }
        if step.mode == .berurutan, !decision.isRuleDecided, let last = own.last, last != decider.value {
            out.append(.error("SOP325", "\(name) is done in order (berurutan) and decided by '\(decider.value)', who answers when the step completes: list '\(decider.value)' last in 'pelaksana' (now '\(last)' is last)",
                              at: decider.location))
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
            // Point at where the paths go wrong: the reachable steps whose flow ends early ('keluar').
            let exits = reachable.sorted().filter { graph.exits[$0].exits }
            let ids = exits.map { "'\(sop.steps[$0].id)'" }.joined(separator: ", ")
            let first = exits.first.map { sop.steps[$0] }
            let location = first.flatMap { s in
                (s.decision?.outcomes.map(\.next) ?? s.next.map { [$0] } ?? []).first { $0.value == .exit }?.location
            } ?? first?.location ?? sop.steps[0].location
            out.append(.error("SOP310", "no path from the first step reaches the end ('selesai'); every path ends with 'keluar'\(ids.isEmpty ? "" : ", at step \(ids)")",
                              at: location, notes: exits.dropFirst().map { .init("also ends early here", at: sop.steps[$0].location) }))
        }
    }

    /// Names a path by the decisions it takes: "on the path where step 'penjangkauan' goes 'Tidak'".
    static func branch(_ path: [Int], in sop: SOPDefinition) -> String {
        var choices: [String] = []
        for (a, b) in zip(path, path.dropFirst()) {
            guard let decision = sop.steps[a].decision else { continue }
            let labels = decision.outcomes.filter { $0.next.value == .step(sop.steps[b].id) }.map { "'\($0.label)'" }
            if !labels.isEmpty { choices.append("step '\(sop.steps[a].id)' goes \(labels.joined(separator: " or "))") }
        }
        if choices.isEmpty {
            let ids = path.map { "'\(sop.steps[$0].id)'" }
            return "on the path " + (ids.count > 6 ? (ids.prefix(2) + ["…"] + ids.suffix(2)).joined(separator: " → ") : ids.joined(separator: " → "))
        }
        return "on the path where " + choices.joined(separator: ", then ")
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
                if availability.canBeProduced(key, before: i), let path = availability.pathWithout(key, to: i) {
                    // Produced on some paths only: name a branch on which it is missing.
                    let makers = (producers[key] ?? []).map { "'\($0)'" }.joined(separator: ", ")
                    message = "kelengkapan '\(item.value)' of step '\(step.id)' is not produced on every path to it: \(Self.branch(path, in: sop)), no step before it produces it (it is made by \(makers)); a case taking that path would stop here"
                } else if let later = producers[key] {
                    message += "; it is produced only by \(later.map { "'\($0)'" }.joined(separator: ", ")), which cannot come before"
                } else {
                    message += Suggestion.didYouMean(item.value, in: known)
                }
                out.append(.warning("SOP311", message, at: item.location))
            }
        }
    }
}
