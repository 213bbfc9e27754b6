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
    /// Why, from the catalogue.
    public var text: Message
    /// Why, in English (what the journal's refusal audit stores).
    public var message: String { text.english }

    /// Creates a refusal.
    public init(_ reason: Reason, _ text: Message) {
        self.reason = reason
        self.text = text
    }

    /// Why, in `bahasa`.
    public func message(in bahasa: Bahasa) -> String { text.text(in: bahasa) }

    /// A refusal from an English literal: the old way, named by `MessageCatalogueTests` until translated.
    @available(*, deprecated, message: "use a catalogue Message")
    public init(_ reason: Reason, _ message: String) {
        self.init(reason, .untranslated(message))
    }

    public var description: String { message }
}

extension CaseRefusal {
    /// Equal when they say the same (in English), however the message was built.
    public static func == (lhs: CaseRefusal, rhs: CaseRefusal) -> Bool { lhs.reason == rhs.reason && lhs.message == rhs.message }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(reason)
        hasher.combine(message)
    }
}
