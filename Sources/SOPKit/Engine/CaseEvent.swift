import Foundation

/// One thing that happened to a case. A case's state is a pure fold over its events
/// (``CaseState/apply(_:in:)``); the rules that decide which events a command produces live in
/// ``CaseEngine``.
public struct CaseEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// The case was opened with its data and the documents (persyaratan) it brings.
        case opened(data: [String: CaseValue], documents: [String])
        /// A step became active (again, on a loop).
        case stepStarted(step: String)
        /// A performer did their part of a step.
        case signedOff(step: String, performer: String, note: String?)
        /// A document now exists for the case: a step's output, or one brought later (`step` nil).
        case documentProduced(name: String, step: String?)
        /// A decision step's outcome, taken by its rule or answered by a performer.
        case decisionTaken(step: String, outcome: String, byRule: Bool)
        /// A step is done.
        case stepCompleted(step: String)
        /// The case attended one occurrence (1-based) of a recurring or group step.
        case sessionAttended(step: String, occurrence: Int)
        /// The procedure ended: completed, or exited early.
        case ended(CaseOutcome)
        /// The case moved to a revised definition; step ids of its runs are renamed by `mapping`
        /// (old id to new id, only the ids that change).
        case migrated(from: String, to: String, mapping: [String: String])
    }

    public var kind: Kind
    /// When it happened (for work recorded after the fact, when the work was done).
    public var at: Date

    public init(_ kind: Kind, at: Date) {
        self.kind = kind
        self.at = at
    }

    /// The short name of the event kind, as stored and exported.
    public var name: String {
        switch kind {
        case .opened: "opened"
        case .stepStarted: "step_started"
        case .signedOff: "signed_off"
        case .documentProduced: "document_produced"
        case .decisionTaken: "decision_taken"
        case .stepCompleted: "step_completed"
        case .sessionAttended: "session_attended"
        case .ended: "ended"
        case .migrated: "migrated"
        }
    }

    /// The step the event is about, if any.
    public var step: String? {
        switch kind {
        case .opened, .ended, .migrated: nil
        case .stepStarted(let s), .signedOff(let s, _, _), .decisionTaken(let s, _, _), .stepCompleted(let s),
             .sessionAttended(let s, _):
            s
        case .documentProduced(_, let s): s
        }
    }
}

/// Where a case stands: still running, completed, or ended early.
public enum CaseOutcome: String, Sendable, Hashable, CaseIterable {
    case open, completed, exited
}

extension CaseEvent.Kind {
    /// The definition hash a migration moved away from.
    public var migrationFrom: String? {
        if case .migrated(let from, _, _) = self { return from }
        return nil
    }
}
