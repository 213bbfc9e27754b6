import Foundation

/// One run of a step within a case: a step entered again by a loop gets a new run with the next round.
public struct StepRun: Sendable, Hashable {
    /// One scheduled occurrence of a recurring step (the monthly support group).
    public struct Occurrence: Sendable, Hashable {
        public var number: Int
        public var windowStart: Date
        /// The end of the window; the occurrence is due by then.
        public var windowEnd: Date
        public var attendedAt: Date?
    }

    public var stepID: String
    /// 1 for the first run of the step, 2 for the second time a loop comes back to it, ...
    public var round: Int
    public var startedAt: Date
    /// Start plus the step's waktu (its upper end) in working time; nil when the step has no waktu.
    public var due: Date?
    /// Performers who did their part, in order, with when.
    public var signedOff: [SignOff] = []
    public var completedAt: Date?
    /// The outcome label of a decision step.
    public var outcome: String?
    public var decidedByRule = false
    /// The occurrences of a recurring step, in order; empty otherwise.
    public var occurrences: [Occurrence] = []

    /// A performer's part in a step.
    public struct SignOff: Sendable, Hashable {
        public var performer: String
        public var at: Date
        public var note: String?
    }

    public var isCompleted: Bool { completedAt != nil }

    /// Whether the run is late: completed after its due time, or still open past it at `now`.
    public func isOverdue(now: Date) -> Bool {
        guard let due else { return false }
        return (completedAt ?? now) > due
    }

    /// Occurrences whose window has passed at `now` (or before the run completed) without attendance.
    public func missedOccurrences(now: Date) -> [Occurrence] {
        let horizon = completedAt.map { max($0, now) } ?? now
        return occurrences.filter { $0.attendedAt == nil && $0.windowEnd <= horizon }
    }
}
