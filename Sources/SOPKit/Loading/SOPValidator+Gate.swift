extension SOPValidator {
    /// The completeness check ("Memeriksa kelengkapan berkas: lengkap?"): a decision whose
    /// kelengkapan a case may lack (documents it brings, persyaratan) needs an outcome that may be
    /// taken while they are missing, else such a case cannot be answered at all (SOP340).
    /// `perlu_kelengkapan` on a step without kelengkapan has no effect (SOP341).
    func checkKelengkapanGate(_ step: Step, _ decision: Decision, of name: Message, in sop: SOPDefinition, _ out: inout [Diagnostic]) {
        if step.kelengkapan.isEmpty {
            for outcome in decision.outcomes {
                guard let written = outcome.kelengkapanWritten else { continue }
                out.append(.warning("SOP341", FlowMessages.gateNoEffect(["label": .text(outcome.label), "step": .message(name)]),
                                    at: written.location))
            }
            return
        }
        let brought = Set(sop.persyaratan.map { DocumentAvailability.key($0.value) })
        let lackable = step.kelengkapan.filter { item in
            brought.contains(DocumentAvailability.key(item.value)) || sop.condition(of: item.value, at: step) != nil
        }
        guard !lackable.isEmpty, decision.outcomes.count >= 2, decision.outcomes.allSatisfy(\.needsKelengkapan) else { return }
        let names = lackable.prefix(3).map { "'\($0.value)'" }.joined(separator: ", ") + (lackable.count > 3 ? ", ..." : "")
        out.append(.warning("SOP340", FlowMessages.gateNoWayOut(["step": .message(name), "names": .text(names)]),
                            at: decision.location))
    }
}

extension SOPValidator {
    /// The rules of conditional kelengkapan and persyaratan (`jika`), type-checked against
    /// `data_kasus` like a decision's (SOP502-SOP504), in the order written.
    func checkDocumentConditions(_ sop: SOPDefinition, _ out: inout [Diagnostic]) {
        let conditions = sop.persyaratanConditions.values.map { $0 }
            + sop.steps.indices.flatMap { sop.steps[$0].kelengkapanConditions.values.map { $0 } }
        let fields = sop.caseFieldTypes
        for rule in conditions.sorted(by: { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }) {
            for problem in RuleChecker.check(rule.value, fields: fields) {
                out.append(.error(problem.code, RuleMessages.inRule(["rule": .text(rule.value.source), "problem": .message(problem.text)]),
                                  at: rule.location.advanced(byColumns: problem.scalarOffset(in: rule.value.source))))
            }
        }
    }
}
