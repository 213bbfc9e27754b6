/// A scenario: a case history to replay against an SOP, and what must hold at the end.
public struct Scenario: Sendable {
    public var name: String
    public var sop: Located<String>
    public var start: Located<String>
    public var now: Located<String>?
    public var data: [String: String]
    public var dataLocation: SourceLocation
    public var documents: [String]
    public var history: [ScenarioEntry]
    public var expectations: ScenarioExpectations?
    public var file: String?
    public var location: SourceLocation
}

/// One entry of a scenario's history.
public struct ScenarioEntry: Sendable {
    public enum Kind: Sendable {
        /// Performers act on a step (nil: every performer awaited, in order).
        case act(step: String, performers: [String]?, answer: String?, note: String?, documents: [String])
        /// The case attended a session of a recurring or group step.
        case session(step: String)
    }

    public var kind: Kind
    public var at: Located<String>?
    /// The entry must be refused: a reason or words of the message.
    public var refused: String?
    public var location: SourceLocation
}

/// What must hold when a scenario has been replayed.
public struct ScenarioExpectations: Sendable {
    public var path: Located<[String]>?
    public var outcome: Located<CaseOutcome>?
    public var overdue: Located<[String]>?
    public var totalTime: Located<Waktu>?
    public var sessionsAttended: Located<Int>?
    public var sessionsMissed: Located<Int>?
    public var documents: Located<[String]>?
    /// `lewat_batas`: whether the case is past its deadline (the SOP's `jangka_waktu`) at the end.
    public var pastDeadline: Located<Bool>? = nil

    /// The words for outcomes in scenario files.
    public static let outcomeWords: [(String, CaseOutcome)] = [("selesai", .completed), ("keluar", .exited), ("berjalan", .open)]
}
