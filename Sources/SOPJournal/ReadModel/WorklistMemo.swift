import Foundation

/// The worklist heads a process has read (Tugas saya of each role set), kept until the journal's
/// worklist marker moves (issue 17).
///
/// Every write of the worklist rows moves the marker in the same transaction: triggers on
/// `case_tasks`, `read_model_gaps` and the columns of `cases` the worklist reads (see the
/// `issue17-worklist-marker` migration), so no write path can forget it, whichever process writes
/// (`sop case do` from the command line, another `sop serve` on the same PostgreSQL, `sop journal
/// rebuild`, `sop calendar update`, `sop case migrate`, SQL typed by hand). A reader reads the
/// marker in the snapshot it reads the rows in (or before them), so a head is never kept under a
/// marker newer than its rows.
///
/// Only the rows are kept, never the time: the order of the rows does not depend on `now` (by due
/// time, so overdue first), the overdue marks and lateness are worked out by the caller at its own
/// `now`, and a head is used only within the ``WorklistSpan`` around the `now` it was read at, in
/// which no recurring task's attended window begins or ends (so the same tasks are open).
final class WorklistMemo: @unchecked Sendable {
    /// What a worklist head was asked for.
    struct Key: Hashable {
        /// Sorted by definition and performer: the order the queries bind them in.
        var performers: [PerformerKey]
        var sopIDs: [String]?
        var limit: Int

        init(performers: Set<PerformerKey>, sopIDs: Set<String>?, limit: Int) {
            self.performers = performers.sorted { ($0.definitionHash, $0.performer) < ($1.definitionHash, $1.performer) }
            self.sopIDs = sopIDs.map { $0.sorted() }
            self.limit = limit
        }
    }

    private struct Entry {
        var marker: Int64
        var span: WorklistSpan
        /// Nil: the read model had gaps (the caller folds).
        var rows: WorklistRows?
    }

    /// Guards `entries` and `reading`; signalled when a read ends.
    private let condition = NSCondition()
    private var entries: [Key: Entry] = [:]
    /// The heads being read now, and the marker each is read under.
    private var reading: [Key: Int64] = [:]
    /// How many role sets are kept (an office has a few dozen users); past it, heads of an older
    /// marker go first, then all.
    let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// The head for `key` in a read that saw `marker`: the one kept while it holds at `now`, else
    /// `read`'s answer (which narrows the span it holds for), kept under `marker`. Both back ends
    /// go through this, so the check and the keeping cannot differ between them. Without a marker
    /// nothing is kept.
    ///
    /// Single flight: a view that finds no kept head while another view is reading the same head
    /// under the same marker waits for that read instead of reading too (after a write, every view
    /// of a role set misses at once, and each read walks the rows); then it uses what was kept if it
    /// holds at its own `now`, else reads. A read under another marker is not waited for.
    func head<E: Error>(_ key: Key, marker: Int64?, now: Int64,
                        read: (inout WorklistSpan) throws(E) -> WorklistRows?) throws(E) -> WorklistRows? {
        guard let marker else {
            var span = WorklistSpan()
            return try read(&span)
        }
        condition.lock()
        while true {
            if let entry = entries[key], entry.marker == marker, entry.span.contains(now) {
                condition.unlock()
                return entry.rows
            }
            guard reading[key] == marker else { break }
            condition.wait()
        }
        // Another marker's read may be under way: this one then reads on its own, unannounced.
        let announced = reading[key] == nil
        if announced { reading[key] = marker }
        condition.unlock()
        defer {
            if announced {
                condition.lock()
                reading[key] = nil
                condition.broadcast()
                condition.unlock()
            }
        }
        var span = WorklistSpan()
        let rows = try read(&span)
        remember(key, marker: marker, span: span, rows: rows)
        return rows
    }

    /// The head kept for `key` if it was read under `marker` and `now` lies in its span; the outer
    /// nil means none is kept, an inner nil that the read model had gaps.
    func answer(_ key: Key, marker: Int64, now: Int64) -> WorklistRows?? {
        condition.withLock {
            guard let entry = entries[key], entry.marker == marker, entry.span.contains(now) else { return nil }
            return .some(entry.rows)
        }
    }

    /// Keeps the head read under `marker`, for the times in `span`.
    func remember(_ key: Key, marker: Int64, span: WorklistSpan, rows: WorklistRows?) {
        condition.withLock {
            if entries[key] == nil, entries.count >= capacity {
                entries = entries.filter { $0.value.marker == marker }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = Entry(marker: marker, span: span, rows: rows)
        }
    }
}

/// The stretch of time around a `now` (milliseconds) in which every recurring task read keeps the
/// state it had at `now`: no attended window of theirs begins or ends inside it. Tasks of other
/// steps do not change with time (only their overdue mark does, which is not kept).
struct WorklistSpan: Sendable, Hashable {
    /// The first millisecond of the span.
    var from: Int64 = .min
    /// The first millisecond after it.
    var until: Int64 = .max

    /// Whether the span holds `now`.
    func contains(_ now: Int64) -> Bool { from <= now && now < until }

    /// Narrows the span around `now` to the boundaries of a task's stored attended windows
    /// (``TaskRow/windows``: `start:end` pairs): a window is attended from its start, included,
    /// to its end, excluded. Text that cannot be read is no window, as ``TaskRow/open(windows:now:)`` reads it.
    mutating func narrow(windows: String?, now: Int64) {
        guard let windows, !windows.isEmpty else { return }
        for pair in windows.split(separator: ",") {
            let ends = pair.split(separator: ":")
            guard ends.count == 2, let start = Int64(ends[0]), let end = Int64(ends[1]) else { continue }
            for boundary in [start, end] {
                if boundary <= now { from = max(from, boundary) } else { until = min(until, boundary) }
            }
        }
    }
}
