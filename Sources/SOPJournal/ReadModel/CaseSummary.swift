import Foundation
import SOPKit

/// The read model of one case: what the lists and worklists need of its current state, kept in the
/// journal (`case_state`) in the same transaction as the case's events and rebuilt from the events
/// by `sop journal rebuild`. Nothing here is the truth: the events are, and a test checks that the
/// stored summary equals the one made from the fold.
///
/// Times that depend on "now" (overdue, past the deadline, the current window of a recurring step)
/// are not stored: the summary keeps the due times and windows, and the reader decides at its now.
public struct CaseSummary: Sendable, Hashable, Codable {
    public var sopID: String
    public var definitionHash: String
    public var status: CaseOutcome
    public var version: Int
    /// Milliseconds since 1970 (as the events store times).
    public var openedAt: Int64?
    public var endedAt: Int64?
    /// The case's jangka waktu penyelesaian.
    public var deadline: Int64?
    /// The case data as shown (``CaseValue/description``), by field name.
    public var data: [String: String]
    /// Every run in path order: what "overdue" needs.
    public var runs: [RunMark]
    /// The active steps and who they await.
    public var tasks: [Task]

    /// One run of a step: when it started, its due time, each performer's sign-off and when it
    /// was completed (what `sop report` needs of it).
    public struct RunMark: Sendable, Hashable, Codable {
        public var step: String
        /// Required, as `signedOff` is: a row stored before they were kept does not decode, so
        /// the reader folds that case (never a report from half a summary).
        public var startedAt: Int64
        public var due: Int64?
        public var completedAt: Int64?
        public var signedOff: [SignOffMark]
    }

    /// A performer's part in a run, and when.
    public struct SignOffMark: Sendable, Hashable, Codable {
        public var performer: String
        public var at: Int64
    }

    /// An active step of the case and the performers it awaits.
    public struct Task: Sendable, Hashable, Codable {
        public var step: String
        public var stepNumber: Int
        public var uraian: String
        public var due: Int64?
        /// Performer ids still awaited, in order.
        public var awaited: [String]
        /// In sequence mode (berurutan, not recurring) only the first awaited performer has the task.
        public var firstOnly: Bool
        /// The windows of a recurring step: while the current one is attended, nobody is awaited.
        public var windows: [Window]
    }

    /// One occurrence window of a recurring step.
    public struct Window: Sendable, Hashable, Codable {
        public var start: Int64
        public var end: Int64
        public var attended: Bool
    }

    /// The summary of a folded case.
    public init(state: CaseState, context: CaseContext, definitionHash: String) {
        let sop = context.definition
        let engine = CaseEngine(context: context)
        let ms = EventCoding.milliseconds
        sopID = sop.id
        self.definitionHash = definitionHash
        status = state.status
        version = state.version
        openedAt = state.openedAt.map(ms)
        endedAt = state.endedAt.map(ms)
        deadline = state.deadline.map(ms)
        data = state.data.mapValues(\.description)
        runs = state.runs.map { run in
            RunMark(step: run.stepID, startedAt: ms(run.startedAt), due: run.due.map(ms), completedAt: run.completedAt.map(ms),
                    signedOff: run.signedOff.map { SignOffMark(performer: $0.performer, at: ms($0.at)) })
        }
        tasks = state.activeRunIndices.compactMap { index in
            let run = state.runs[index]
            guard let step = sop.step(run.stepID) else { return nil }
            return Task(step: step.id, stepNumber: (sop.stepIndex(step.id) ?? 0) + 1, uraian: step.uraian, due: run.due.map(ms),
                        awaited: engine.awaited(step, run), firstOnly: step.mode == .berurutan && step.recurrence == nil,
                        windows: run.occurrences.map { Window(start: ms($0.windowStart), end: ms($0.windowEnd), attended: $0.attendedAt != nil) })
        }
    }

    /// The summary of a loaded case.
    public init(_ loaded: LoadedCase) {
        self.init(state: loaded.state, context: loaded.context, definitionHash: loaded.stored.header.definitionHash)
    }

    /// Step ids late or overdue at `now`, in path order, each once (as ``CaseReport/overdue``).
    public func overdue(now: Date) -> [String] {
        let now = EventCoding.milliseconds(now)
        var seen = Set<String>()
        return runs.filter { run in run.due.map { (run.completedAt ?? now) > $0 } ?? false }.map(\.step).filter { seen.insert($0).inserted }
    }

    /// Whether the case is past its jangka waktu at `now` (as ``CaseReport/pastDeadline``).
    public func pastDeadline(now: Date) -> Bool {
        guard let deadline else { return false }
        return (endedAt ?? EventCoding.milliseconds(now)) > deadline
    }

    /// The active step ids.
    public var activeSteps: [String] { tasks.map(\.step) }

    /// The tasks awaiting `performer` (an id) at `now`, with the rules of ``Worklist``.
    public func tasks(awaiting performer: String, now: Date) -> [Task] {
        let at = EventCoding.milliseconds(now)
        guard status == .open else { return [] }
        return tasks.filter { task in
            guard task.awaited.contains(performer) else { return false }
            if let current = task.windows.first(where: { $0.start <= at && at < $0.end }), current.attended { return false }
            if task.firstOnly, task.awaited.first != performer { return false }
            return true
        }
    }

    /// The stored form (JSON with sorted keys, so equal summaries are equal text).
    public var encoded: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// A stored summary (nil when it cannot be read: the reader folds the case instead).
    public static func decode(_ text: String) -> CaseSummary? {
        try? JSONDecoder().decode(CaseSummary.self, from: Data(text.utf8))
    }
}

extension CaseOutcome: Codable {}
