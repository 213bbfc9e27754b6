import Foundation
import SOPKit

/// The calendar revisions this process has read from a journal and checked against their hash,
/// with the exact text they were read from. A revision is read from its row on every load (so a
/// row altered in the database is refused at the next load, as a fresh process would refuse it);
/// only when the row's text is the very text already checked is the decoding and the SHA-256 of
/// its files skipped. Tugas saya loads its cases' revision on every view: decoding and hashing
/// the national calendar's files was an eighth of a view's CPU.
final class VerifiedRevisions: @unchecked Sendable {
    static let shared = VerifiedRevisions()

    private struct Entry {
        var calendarID: String
        var sources: String
        var revision: CalendarRevision
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// The revision checked earlier from exactly this row, if any.
    func known(hash: String, calendarID: String, sources: String) -> CalendarRevision? {
        lock.withLock {
            guard let entry = entries[hash], entry.calendarID == calendarID, entry.sources == sources else { return nil }
            return entry.revision
        }
    }

    /// Remembers a revision checked from this row.
    func remember(hash: String, calendarID: String, sources: String, revision: CalendarRevision) {
        lock.withLock { entries[hash] = Entry(calendarID: calendarID, sources: sources, revision: revision) }
    }
}
