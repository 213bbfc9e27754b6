import SOPKit

/// What a run's event loop asks of a step on every task, session and attendance, read from the
/// ``Step`` once per simulation (``RunSetup``): its mode, whether it is a group or recurring step,
/// and for a decision a performer answers, the outcomes' labels and the shares the answer is drawn
/// with. Each `sop.steps[s]` in the loop retained and released the step's box, `decision` copied
/// the whole decision out of it (outcomes, rules and locations) for every finished task, and the
/// shares were looked up by the step's id (a string hashed per answer).
struct StepFacts: Sendable {
    /// How the listed performers share the step.
    let mode: Step.Mode
    /// A group step (`kelompok`).
    let isGroup: Bool
    /// A recurring step (`berulang`).
    let repeats: Bool
    /// The step has a decision a performer answers (not one rules take): a finished task that
    /// completes the run draws its answer.
    let answered: Bool
    /// The labels of the decision's outcomes, in order (empty without a decision).
    let outcomeLabels: [String]
    /// The shares each outcome's answer is drawn with (the plan's, empty when it has none for the step).
    let shares: [Double]

    init(_ step: Step, shares: [String: [Double]]) {
        mode = step.mode
        isGroup = step.isGroup
        repeats = step.repeats
        answered = step.decision.map { !$0.isRuleDecided } ?? false
        outcomeLabels = step.decision?.outcomes.map(\.label) ?? []
        self.shares = shares[step.id] ?? []
    }
}
