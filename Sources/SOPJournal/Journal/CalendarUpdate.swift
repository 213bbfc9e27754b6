import Foundation
import SOPKit

/// What `sop calendar update` does or would do: the open cases of a calendar that move to a new
/// revision of it, and per case the due times that move and why.
public struct CalendarUpdatePlan: Sendable {
    /// A due time that moves: what it is, before and after, and the calendar changes behind it.
    public struct DueMove: Sendable, Hashable {
        /// `deadline`, `step perintah-spt`, `step pendampingan occurrence 2`.
        public var what: String
        public var before: Date?
        public var after: Date?
        public var why: [String]
    }

    /// One open case moving to the new revision.
    public struct CaseMove: Sendable {
        public var caseID: String
        /// The revision it was pinned to (nil: not pinned, read from the files found today).
        public var from: String?
        public var expectedVersion: Int
        public var moves: [DueMove]
        /// Formats a time in the case's zone.
        public var format: @Sendable (Date) -> String
    }

    /// The new revision.
    public var revision: CalendarRevision
    /// Open cases of the calendar not on the revision yet, in the order they were opened.
    public var cases: [CaseMove]
    /// Open cases of the calendar already on the revision.
    public var alreadyOn: [String]
    /// Completed and exited cases of the calendar: they keep the calendar they ran on.
    public var ended: [String]
    /// Cases that could not be read (named, not moved).
    public var unreadable: [UnreadableCase]
}

extension CaseService {
    /// Plans moving the open cases of `calendar.id` to `calendar` (its revision): each case is folded
    /// with its pinned calendar and with the new one, and every due time that differs is listed
    /// with the calendar changes between the case's opening and the later of the two times.
    /// Completed and exited cases are never moved.
    public func planCalendarUpdate(_ calendar: WorkingCalendar) throws(JournalError) -> CalendarUpdatePlan {
        let revision = calendar.revision
        let all = try loadReadable(sopID: nil)
        var plan = CalendarUpdatePlan(revision: revision, cases: [], alreadyOn: [], ended: [], unreadable: all.unreadable)
        for loaded in all.cases where loaded.context.calendar.id == calendar.id {
            guard loaded.state.status == .open else { plan.ended.append(loaded.id); continue }
            guard loaded.stored.header.calendarHash != revision.hash else { plan.alreadyOn.append(loaded.id); continue }
            var contexts: [String: CaseContext] = [:]
            let after = try fold(try store.loadCase(loaded.id), contexts: &contexts, calendar: calendar)
            let old = loaded.context.calendar
            let opened = loaded.state.openedAt.map(old.date(of:))
            func why(_ a: Date?, _ b: Date?) -> [String] {
                guard let opened, let last = [a, b].compactMap({ $0 }).max() else { return [] }
                return calendar.changes(from: old, from: opened, through: calendar.date(of: last))
            }
            var moves: [CalendarUpdatePlan.DueMove] = []
            func compare(_ what: String, _ a: Date?, _ b: Date?) {
                if a != b { moves.append(.init(what: what, before: a, after: b, why: why(a, b))) }
            }
            compare("deadline", loaded.state.deadline, after.state.deadline)
            for (a, b) in zip(loaded.state.runs, after.state.runs) {
                let name = "step \(a.stepID)" + (a.round > 1 ? " (round \(a.round))" : "")
                compare(name, a.due, b.due)
                for (x, y) in zip(a.occurrences, b.occurrences) {
                    compare("\(name) occurrence \(x.number)", x.windowEnd, y.windowEnd)
                }
            }
            let context = after.context
            plan.cases.append(.init(caseID: loaded.id, from: loaded.stored.header.calendarHash, expectedVersion: loaded.state.version,
                                    moves: moves, format: { context.format($0) }))
        }
        return plan
    }

    /// Moves the planned cases to the new revision, journaled: the revision is stored, and each case
    /// gets an audit entry `calendar update` naming the revision it left and the one it moved to.
    /// A case changed since the plan was made refuses the whole update (nothing is written).
    public func applyCalendarUpdate(_ plan: CalendarUpdatePlan, key: String?) throws(JournalError) -> [CommandOutcome] {
        guard !plan.cases.isEmpty else { return [] }
        let now = clock()
        let fingerprint = "calendar update \(plan.revision.calendarID) -> \(plan.revision.hash.prefix(16)) cases="
            + plan.cases.map(\.caseID).joined(separator: ",")
        let moves = plan.cases.map { CalendarMove(caseID: $0.caseID, expectedVersion: $0.expectedVersion, from: $0.from) }
        return try store.repinCalendar(moves, to: plan.revision,
                                       command: CommandInfo(key: key, fingerprint: fingerprint, actor: actor, role: nil,
                                                            action: "calendar update", recordedAt: now))
    }
}
