import Foundation

/// One row of a ``CompiledSOP``: what the engine asks of a step on every command, as integer
/// indices and flags worked out once from the definition (``CompiledSOP/init(context:)``).
struct CompiledStep: Sendable {
    /// The row itself: due times and occurrences are asked of the same ``CaseContext`` functions
    /// with it, so working time has one implementation.
    var step: Step
    var id: String
    /// Performer indices (into the definition's `performers`), in the listed order.
    var performers: [Int]
    /// A bit per listed performer index.
    var performerMask: UInt64
    var mode: Step.Mode
    /// A stand-alone `mulai` / `selesai` row: it passes at once.
    var passesAtOnce: Bool
    /// `jenis: selesai`: completing it ends the flow.
    var endsFlow: Bool
    /// A decision taken by rules with nobody to act: taken when the case reaches it.
    var ruleOnly: Bool
    var decides: Bool
    var byRule: Bool
    var repeats: Bool
    var isGroup: Bool
    /// The decider whose turn the engine checks (``CaseEngine/checkDecider``), or -1 when the check does not apply to the step.
    var checkedDecider: Int
    /// ``SOPDefinition/defaultNext(after:)``.
    var next: CompiledTarget
    var outcomes: [CompiledOutcome]
    /// Some outcome may be taken while kelengkapan are missing.
    var anyIncompleteOutcome: Bool
    var kelengkapan: [CompiledKelengkapan]
    /// Output document name indices, in order.
    var outputs: [Int]
}

/// Where the flow goes, by step index.
enum CompiledTarget: Sendable, Equatable {
    case step(Int)
    case end
    case exit
}

/// One outcome of a compiled decision.
struct CompiledOutcome: Sendable {
    var label: String
    var target: CompiledTarget
    /// `jika`; nil for the fallback (or for every outcome of a decision answered by a performer).
    var rule: Rule?
    var needsKelengkapan: Bool
}

/// One kelengkapan item of a compiled step.
struct CompiledKelengkapan: Sendable {
    /// The index of its document key (``DocumentAvailability/key(_:)``).
    var key: Int
    /// The group's attendance record satisfies it: never missing.
    var byAttendance: Bool
    /// Needed only when this rule does not evaluate to false on the case's data (``SOPDefinition/condition(of:at:)``).
    var condition: Rule?
}
