/// The question of a decision step and its labelled outcomes (`keputusan:`).
public struct Decision: Sendable, Hashable {
    /// `pertanyaan`: the question ("Anak putus sekolah?").
    public var question: String
    /// `hasil`: two or more outcomes, in order.
    public var outcomes: [Outcome]
    public var location: SourceLocation
    /// `oleh`: the performer who answers the decision (an id after loading; the loader resolves a
    /// name or alias to the id of the step's performer it names). `nil` when not written.
    public var decider: Located<String>? = nil
    /// Outcomes whose `jika` could not be parsed (already reported); fallback checks skip such decisions.
    public var unparsedRules = 0

    /// Whether the decision is taken by rules on case data rather than by a performer.
    public var isRuleDecided: Bool {
        // Matched in place: `$0.rule != nil` copied each outcome's rule out (through its type's
        // runtime metadata) to compare it with nil, and the engine asks this on every decision.
        outcomes.contains { if case .some = $0.rule { true } else { false } }
    }

    /// The outcome with `label`, ignoring case.
    public func outcome(labelled label: String) -> Outcome? {
        outcomes.first { $0.label.lowercased() == label.lowercased() }
    }
}

/// One labelled exit of a decision.
public struct Outcome: Sendable, Hashable {
    /// `label`: the text on the arrow (Ya, Tidak, Lengkap, ...).
    public var label: String
    /// `lanjut`: where the flow goes on this outcome.
    public var next: Located<FlowTarget>
    /// `jika`: a rule on case data; the first outcome whose rule holds is taken; an outcome without
    /// a rule in a rule-decided decision is the fallback.
    public var rule: Located<Rule>?
    public var location: SourceLocation
    /// `perlu_kelengkapan` as written: whether this outcome may only be taken once the step's
    /// kelengkapan are all there. `nil` when not written (the loader then derives it).
    public var kelengkapanWritten: Located<Bool>? = nil
    /// Whether the outcome needs the step's kelengkapan (`true`), or is an "incomplete" outcome
    /// that may be taken while they are missing (`false`): one that leads back to an earlier step,
    /// directly or through others, or whose every path ends in `keluar` ("Tidak lengkap: berkas
    /// dikembalikan"). `perlu_kelengkapan` overrides the derived value.
    public var needsKelengkapan = true
}
