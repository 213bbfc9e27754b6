import SOPKit

/// The engine refused a command the simulation gave it: the SOP cannot be run as simulated.
public struct SimulationFailure: Error, Sendable {
    public var caseNumber: Int
    public var refusal: CaseRefusal
    /// The failure in either language.
    public var text: Message { SimulationInputMessages.engineRefused(["case": .number(caseNumber), "reason": .message(refusal.text)]) }
    /// The English text.
    public var message: String { text.english }
}
