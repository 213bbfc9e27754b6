import Foundation
import SOPKit

/// Makes a case's ``CaseSummary`` inside the transaction that writes its events: the store hands it
/// the stored case and lookups that read through the same transaction (a definition or calendar
/// stored by this very command is not yet visible to other connections).
///
/// The fold is the one of ``CaseService``: events before a migration read against the definition
/// the case had then; a pinned case with its stored calendar revision, an unpinned one with the
/// calendar files found now. A case that cannot be folded gets no summary (readers fold it
/// themselves and name it unreadable, as before).
enum CaseProjection {
    private static let calendars = PinnedCalendars()

    static func summary(of stored: StoredCase, definitionSource: (String) throws -> String,
                        calendarRevision: (String) throws -> CalendarRevision) -> CaseSummary? {
        do {
            let pin = stored.header.calendarHash
            func context(_ hash: String) throws -> CaseContext {
                let source = hash == stored.header.definitionHash ? stored.definitionSource : try definitionSource(hash)
                let definition = try DefinitionCache.shared.definition(source: source, hash: hash)
                let calendar: WorkingCalendar
                if let pin {
                    calendar = try calendars.calendar(hash: pin, revision: calendarRevision)
                } else {
                    guard let found = CalendarStore.load(id: definition.time.calendar, searchingFrom: nil).calendar else { throw JournalError.storage(JournalDataMessages.calendarNotFound(["calendar": .text(definition.time.calendar), "sop": .text(definition.id)])) }
                    calendar = found
                }
                if CaseContext.zoneConflict(definition: definition, calendar: calendar) != nil { throw JournalError.storage(JournalDataMessages.calendarZoneConflict(["calendar": .text(calendar.id), "sop": .text(definition.id)])) }
                return CaseContext(definition: definition, calendar: calendar)
            }
            let first = stored.events.lazy.compactMap { $0.event.kind.migrationFrom }.first ?? stored.header.definitionHash
            var current = try context(first)
            var state = CaseState()
            for event in stored.events {
                if case .migrated(_, let to, _) = event.event.kind { current = try context(to) }
                state.apply(event.event, in: current)
            }
            return CaseSummary(state: state, context: current, definitionHash: stored.header.definitionHash)
        } catch {
            return nil
        }
    }
}

/// Calendars of stored revisions, built once per hash for the process.
private final class PinnedCalendars: @unchecked Sendable {
    private var built: [String: WorkingCalendar] = [:]
    private let lock = NSLock()

    func calendar(hash: String, revision: (String) throws -> CalendarRevision) throws -> WorkingCalendar {
        if let hit = lock.withLock({ built[hash] }) { return hit }
        guard let calendar = CalendarStore.load(revision: try revision(hash)).calendar else { throw JournalError.corrupt(JournalDataMessages.calendarNoLongerBuilds(["hash": .text(String(hash.prefix(12))), "calendar": .text(hash)])) }
        lock.withLock { built[hash] = calendar }
        return calendar
    }
}
