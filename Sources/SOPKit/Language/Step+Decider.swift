extension Step {
    /// The id of the performer who answers the step's decision, in whose column the diamond is
    /// drawn: the decision's `oleh`, else the step's only performer, else (a rule-decided decision
    /// shared by several performers without `oleh`, which the validator refuses) the last listed
    /// performer, who completes the step. `nil` when the step is no decision.
    public var decidingPerformer: String? {
        guard let decision else { return nil }
        if let decider = decision.decider?.value, performers.contains(where: { $0.value == decider }) { return decider }
        if performers.count == 1 { return performers[0].value }
        return decision.isRuleDecided ? performers.last?.value : nil
    }

    /// Whether the step is a decision taken by its rules alone, with no performer ("Bencana skala
    /// makro?" decided on the case's data): the engine takes it as soon as the case reaches it,
    /// recorded as taken by the rule, and the printed flowchart draws its diamond outside any
    /// performer's column.
    public var isRuleOnly: Bool {
        decidesByRule && performers.isEmpty
    }

    /// Whether `performer` must answer the decision when it acts (the step is a decision answered by
    /// a performer, not by rules, and `performer` is the one who decides).
    public func answers(_ performer: String) -> Bool {
        guard let decision, !decision.isRuleDecided else { return false }
        return decidingPerformer == performer
    }
}

extension SOPDefinition {
    /// Rewrites each decision's `oleh` to the id of the step's performer it names (its id, printed
    /// name or an alias, ignoring case), so the engine and the outputs compare ids. A name that is
    /// not one of the step's performers is left as written for the validator to report (SOP324).
    mutating func resolveDeciders() {
        for i in steps.indices {
            guard let decider = steps[i].decision?.decider else { continue }
            let own = steps[i].performers.compactMap { performer($0.value) }
            let match = own.first { $0.id == decider.value }
                ?? own.first { Performer.sameIgnoringCase($0.id, decider.value) }
                ?? own.first { $0.answers(to: decider.value) }
            if let match { steps[i].decision?.decider = Located(match.id, at: decider.location) }
        }
    }
}
