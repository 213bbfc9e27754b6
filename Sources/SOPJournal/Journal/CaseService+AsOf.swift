import Foundation
import SOPKit

/// Views of the journal as of an earlier time (`case show --at`, `case list --at`, `tasks --at`):
/// the cases as they stood then, folded from the events that had happened by then, not today's
/// state looked at with an earlier clock. What is overdue "as of 1 March" is what was still
/// undone on 1 March, not what is undone now.
///
/// The calendar is the revision each case runs on now (a correction of a holiday made later is
/// applied to the past view too); the definition is the one the case ran on then (a migration
/// after that time had not happened yet).
extension CaseService {
    /// `loaded` (with its events) as it stood at `time`: only the events done by then.
    public func asOf(_ loaded: LoadedCase, _ time: Date) throws(JournalError) -> LoadedCase {
        guard loaded.stored.events.contains(where: { $0.event.at > time }) else { return loaded }
        var contexts: [String: CaseContext] = [:]
        return try fold(loaded.stored, contexts: &contexts, until: time)
    }

    /// The cases (optionally one SOP's) that existed at `time`, each as it stood then, with
    /// `status` as it was then (a case closed since was still open). Every case is folded: slower
    /// than the read model, which only knows today.
    public func listed(sopID: String?, status: CaseOutcome?, asOf time: Date) throws(JournalError)
        -> (cases: [ListedCase], unreadable: [UnreadableCase]) {
        // Each case folded once, up to `time`; a case opened later has no event by then.
        let all = try loadReadable(sopID: sopID, keepingEvents: false, asOf: time)
        let listed = all.cases.filter { loaded in loaded.existed(at: time) && (status.map { loaded.state.status == $0 } ?? true) }
            .map { ListedCase(header: $0.stored.header, summary: CaseSummary($0), context: $0.context) }
        return (listed, all.unreadable)
    }
}
