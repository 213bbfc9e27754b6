/// Why the engine refused a command: an action the SOP does not allow, in plain words.
public struct CaseRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of refusal, for scripts and tests.
    public enum Reason: String, Sendable, Hashable {
        case caseClosed = "case_closed"
        case unknownStep = "unknown_step"
        case stepNotActive = "step_not_active"
        case wrongPerformer = "wrong_performer"
        case outOfTurn = "out_of_turn"
        case alreadySigned = "already_signed"
        case missingKelengkapan = "missing_kelengkapan"
        case answerNeeded = "answer_needed"
        case badAnswer = "bad_answer"
        case ruleFailed = "rule_failed"
        case badData = "bad_data"
        case badTime = "bad_time"
        case sessionRefused = "session_refused"
        /// An idempotency key (`--key`) already recorded for another command.
        case keyReused = "key_reused"
    }

    public var reason: Reason
    public var message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}
