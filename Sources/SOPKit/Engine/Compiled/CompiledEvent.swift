import Foundation

/// A ``CaseEvent`` of a ``CompiledSOP``: a small value with indices instead of strings, so that
/// appending, switching on and applying it copies a few words and retains nothing.
/// ``CompiledSOP/caseEvent(_:of:)`` gives the ``CaseEvent`` it stands for.
public struct CompiledEvent: Sendable, Hashable {
    /// What happened (``CaseEvent/Kind`` without payloads).
    public enum Kind: UInt8, Sendable, Hashable {
        case opened, stepStarted, signedOff, documentProduced, decisionTaken, stepCompleted, sessionAttended, ended
    }

    public var kind: Kind
    /// `decisionTaken`: taken by the rules.
    public var byRule: Bool
    /// The step index; -1 for `opened` and `ended`.
    public var step: Int32
    /// The performer index (`signedOff`), document name index (`documentProduced`), outcome index
    /// (`decisionTaken`), occurrence number (`sessionAttended`), 0 completed / 1 exited (`ended`).
    public var value: Int32
    public var at: Date

    init(_ kind: Kind, step: Int, value: Int = 0, byRule: Bool = false, at: Date) {
        self.kind = kind
        self.byRule = byRule
        self.step = Int32(truncatingIfNeeded: step)
        self.value = Int32(truncatingIfNeeded: value)
        self.at = at
    }
}
