extension SOPDefinition {
    /// Whether outcome `outcome` of the decision at step index `index` is an "incomplete" outcome
    /// by default: it goes to `keluar`, to this or an earlier step, or to later steps from which no
    /// path reaches `selesai` without first going back to this row or before it (or out with
    /// `keluar`). "Memeriksa kelengkapan berkas: Tidak → dikembalikan" is one; "Ya → lanjut" is not.
    func isIncompleteOutcome(_ outcome: Outcome, at index: Int, graph: FlowGraph) -> Bool {
        switch outcome.next.value {
        case .exit: return true
        case .end: return false
        case .step(let id):
            guard let target = stepIndex(id) else { return false }
            if target <= index { return true }
            var seen: Set<Int> = [target]
            var work = [target]
            while let i = work.popLast() {
                if graph.exits[i].completes { return false }
                for j in graph.exits[i].steps where j > index && seen.insert(j).inserted { work.append(j) }
            }
            return true
        }
    }

    /// Sets each outcome's ``Outcome/needsKelengkapan``: `perlu_kelengkapan` where written, else
    /// the default of ``isIncompleteOutcome(_:at:graph:)``.
    mutating func resolveKelengkapanGates() {
        guard steps.contains(where: { $0.decision != nil }) else { return }
        let graph = FlowGraph(self)
        for i in steps.indices {
            guard var decision = steps[i].decision else { continue }
            for k in decision.outcomes.indices {
                decision.outcomes[k].needsKelengkapan = decision.outcomes[k].kelengkapanWritten?.value
                    ?? !isIncompleteOutcome(decision.outcomes[k], at: i, graph: graph)
            }
            steps[i].decision = decision
        }
    }
}
