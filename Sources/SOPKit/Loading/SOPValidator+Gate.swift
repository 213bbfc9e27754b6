extension SOPValidator {
    /// The completeness check ("Memeriksa kelengkapan berkas: lengkap?"): a decision whose
    /// kelengkapan a case may lack (documents it brings, persyaratan) needs an outcome that may be
    /// taken while they are missing, else such a case cannot be answered at all (SOP340).
    /// `perlu_kelengkapan` on a step without kelengkapan has no effect (SOP341).
    func checkKelengkapanGate(_ step: Step, _ decision: Decision, of name: String, in sop: SOPDefinition, _ out: inout [Diagnostic]) {
        if step.kelengkapan.isEmpty {
            for outcome in decision.outcomes {
                guard let written = outcome.kelengkapanWritten else { continue }
                out.append(.warning("SOP341", "'perlu_kelengkapan' on outcome '\(outcome.label)' of \(name) has no effect: the step lists no kelengkapan",
                                    at: written.location))
            }
            return
        }
        let brought = Set(sop.persyaratan.map { DocumentAvailability.key($0.value) })
        let lackable = step.kelengkapan.filter { item in
            brought.contains(DocumentAvailability.key(item.value)) || step.condition(of: item.value) != nil
        }
        guard !lackable.isEmpty, decision.outcomes.count >= 2, decision.outcomes.allSatisfy(\.needsKelengkapan) else { return }
        let names = lackable.prefix(3).map { "'\($0.value)'" }.joined(separator: ", ") + (lackable.count > 3 ? ", ..." : "")
        out.append(.warning("SOP340", "the decision of \(name) checks kelengkapan a case may lack (\(names)) but every outcome needs them, so a case missing one cannot be answered; let an outcome lead back to an earlier step or end with 'keluar', or mark it 'perlu_kelengkapan: false'",
                            at: decision.location))
    }
}
