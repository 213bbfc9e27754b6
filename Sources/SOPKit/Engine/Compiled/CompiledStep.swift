import Foundation

/// One row of a ``CompiledSOP``: what the engine asks of a step on every command, as integer
/// indices and flags worked out once from the definition (``CompiledSOP/init(context:)``).
/// A class of constants, so that taking a row out of the table is one retain (as a struct, each
/// command copied its six arrays and strings, a retain and a release of each).
final class CompiledStep: Sendable {
    /// The row itself: due times and occurrences are asked of the same ``CaseContext`` functions
    /// with it, so working time has one implementation.
    let step: Step
    let id: String
    /// Performer indices (into the definition's `performers`), in the listed order.
    let performers: [Int]
    /// A bit per listed performer index.
    let performerMask: UInt64
    let mode: Step.Mode
    /// A stand-alone `mulai` / `selesai` row: it passes at once.
    let passesAtOnce: Bool
    /// `jenis: selesai`: completing it ends the flow.
    let endsFlow: Bool
    /// A decision taken by rules with nobody to act: taken when the case reaches it.
    let ruleOnly: Bool
    let decides: Bool
    let byRule: Bool
    let repeats: Bool
    let isGroup: Bool
    /// The decider whose turn the engine checks (``CaseEngine/checkDecider``), or -1 when the check does not apply to the step.
    let checkedDecider: Int
    /// ``SOPDefinition/defaultNext(after:)``.
    let next: CompiledTarget
    let outcomes: [CompiledOutcome]
    /// Some outcome may be taken while kelengkapan are missing.
    let anyIncompleteOutcome: Bool
    let kelengkapan: [CompiledKelengkapan]
    /// Some kelengkapan item is checked against the case's documents (not all of them are satisfied
    /// by the group's attendance record): without one, nothing can be missing, and the check on
    /// every command (each session of a recurring step) is skipped.
    let checksKelengkapan: Bool
    /// Output document name indices, in order.
    let outputs: [Int]
    /// A recurring step's interval and number of occurrences (``CaseContext/sessions(of:)``), worked
    /// out once (asking on every run copied the step's recurrence and the jangka waktu out).
    let sessions: (every: Durasi, count: Int)?

    init(step: Step, id: String, performers: [Int], performerMask: UInt64, mode: Step.Mode, passesAtOnce: Bool,
         endsFlow: Bool, ruleOnly: Bool, decides: Bool, byRule: Bool, repeats: Bool, isGroup: Bool,
         checkedDecider: Int, next: CompiledTarget, outcomes: [CompiledOutcome], anyIncompleteOutcome: Bool,
         kelengkapan: [CompiledKelengkapan], outputs: [Int], sessions: (every: Durasi, count: Int)?) {
        self.step = step
        self.id = id
        self.performers = performers
        self.performerMask = performerMask
        self.mode = mode
        self.passesAtOnce = passesAtOnce
        self.endsFlow = endsFlow
        self.ruleOnly = ruleOnly
        self.decides = decides
        self.byRule = byRule
        self.repeats = repeats
        self.isGroup = isGroup
        self.checkedDecider = checkedDecider
        self.next = next
        self.outcomes = outcomes
        self.anyIncompleteOutcome = anyIncompleteOutcome
        self.kelengkapan = kelengkapan
        checksKelengkapan = kelengkapan.contains { !$0.byAttendance }
        self.outputs = outputs
        self.sessions = sessions
    }
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
