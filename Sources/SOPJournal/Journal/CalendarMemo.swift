import Foundation
import SOPKit

/// The calendars one ``CaseService`` has loaded (a service lives for one command).
final class CalendarMemo: @unchecked Sendable {
    private var loaded: [String: (calendar: WorkingCalendar?, diagnostics: [Diagnostic])] = [:]
    private let lock = NSLock()
    /// Calendars of stored revisions, for the whole process: a revision's files are fixed by its
    /// hash (checked when read), so one built is good for every service. `sop serve` makes a
    /// service per request, and would otherwise build the same calendar again on every page view.
    private nonisolated(unsafe) static var pinned: [String: WorkingCalendar] = [:]
    private static let pinnedLock = NSLock()

    /// The calendar of a stored revision, built from its stored files (once per hash). The row is
    /// read, and its files checked against their hash, on every call: a revision altered in the
    /// database while the server runs is refused at the next load, as it is by a fresh process.
    func pinned(hash: String, store: any JournalStore) throws(JournalError) -> WorkingCalendar {
        let revision = try store.calendarRevision(hash: hash)
        if let hit = Self.pinnedLock.withLock({ Self.pinned[hash] }) { return hit }
        let (calendar, diagnostics) = CalendarStore.load(revision: revision)
        guard let calendar else {
            let names: [String: MessageArgument] = ["hash": .text(String(hash.prefix(12))), "calendar": .text(revision.calendarID)]
            guard let why = diagnostics.first else { throw .corrupt(JournalDataMessages.calendarNoLongerBuilds(names)) }
            throw .corrupt(JournalDataMessages.calendarNoLongerBuildsWhy(names.merging(["why": .message(why.text)]) { a, _ in a }))
        }
        Self.pinnedLock.withLock { Self.pinned[hash] = calendar }
        return calendar
    }

    func load(id: String, searchingFrom folder: String?) -> (calendar: WorkingCalendar?, diagnostics: [Diagnostic]) {
        if let hit = lock.withLock({ loaded[id] }) { return hit }
        let result = CalendarStore.load(id: id, searchingFrom: folder)
        lock.withLock { loaded[id] = result }
        return result
    }
}
