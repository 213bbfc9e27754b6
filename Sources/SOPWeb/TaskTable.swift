import Foundation
import SOPJournal
import SOPKit

/// Tugas saya's table (or the line saying there is nothing to do), and how long it stays the
/// same: rendering it is most of what a view costs, and between two writes of the worklist only
/// time changes it, at instants known when it is rendered.
struct TaskTable {
    /// The table's HTML.
    var html: String
    /// The first instant at which the same entries may render differently; the table is the same
    /// at every instant from the one it was rendered at up to (not including) this one.
    var until: Date

    /// The table of `entries` (the head of a worklist of `total` tasks) at `now`.
    ///
    /// Only two things in it depend on `now`: whether a row is overdue (from its due instant on,
    /// the row's mark and lateness appear), and an overdue row's lateness, the working minutes
    /// since its due instant rounded to the minute. Working minutes grow at most one a minute of
    /// real time, so a lateness that reads `w` minutes keeps its text for at least `b - w` minutes,
    /// where `b` is the next half minute at which it rounds differently; `until` is the earliest
    /// of those instants, of the due instants of the rows not yet overdue, and of the next change
    /// of a calendar's UTC offset (local clocks jump there).
    static func render(_ entries: [WorklistEntry], total: Int, now: Date) -> TaskTable {
        guard !entries.isEmpty else { return TaskTable(html: "<p>\(HTML.escape(PageText.noTasks))</p>", until: .distantFuture) }
        var until = Date.distantFuture
        var zones = Set<TimeZone>()
        var body = "<table><thead><tr><th>\(PageText.caseID)</th><th>\(PageText.step)</th><th>\(PageText.due)</th><th>\(PageText.awaited)</th></tr></thead><tbody>"
        // The first page only: an inbox of thousands is read from the top (overdue first),
        // and the page stays small on a phone.
        for entry in entries {
            let item = entry.item
            let due = item.due.map { entry.context.formattedDue($0, in: PageText.bahasa) } ?? "-"
            var late = ""
            if let dueAt = item.due {
                zones.insert(entry.context.calendar.timeZone)
                if item.overdue {
                    let minutes = entry.context.calendar.workingMinutes(from: dueAt, to: now)
                    late = " <span class=\"overdue\">\(HTML.escape(PageText.late(CaseReport.duration(minutes))))</span>"
                    // The text rounds the minutes: it changes when they pass the next half minute.
                    let next = (minutes + 0.5).rounded(.down) + 0.5
                    // A millisecond early, for the rounding of the instants' arithmetic.
                    until = min(until, now.addingTimeInterval((next - minutes) * 60 - 0.001))
                } else {
                    until = min(until, dueAt)
                }
            }
            body += """
                <tr\(item.overdue ? " class=\"overdue-row\"" : "")><td><a href="/kasus/\(HTML.escape(item.caseID))">\(HTML.escape(item.caseID))</a></td>\
                <td>\(item.stepNumber). \(HTML.escape(item.uraian))</td><td>\(HTML.escape(due))\(late)</td>\
                <td>\(HTML.escape(item.awaited.joined(separator: ", ")))</td></tr>
                """
        }
        body += "</tbody></table>"
        if total > entries.count { body += "<p>\(HTML.escape(PageText.moreTasks(total - entries.count)))</p>" }
        for zone in zones {
            if let jump = zone.nextDaylightSavingTimeTransition(after: now) { until = min(until, jump) }
        }
        return TaskTable(html: body, until: until)
    }
}

/// The Tugas saya tables a server rendered, one per role set, each kept with the worklist rows it
/// was rendered from and the stretch of time it holds for. A view whose rows equal the kept ones
/// (compared whole: the rows name their definition and pinned calendar by content hash) and whose
/// `now` lies in the stretch gets the kept table, byte for byte what rendering would give; anything
/// else renders again. Rows with a calendar that is not pinned are never kept (their calendar
/// comes from the files found when they are shown).
final class TaskTables: @unchecked Sendable {
    struct Key: Hashable {
        var roles: [String]
        var sops: [String]
        var bahasa: Bahasa
        var limit: Int
    }

    struct Kept {
        var rows: WorklistRows
        var from: Date
        var table: TaskTable
        /// The audit detail of a view of this table (the count it shows).
        var detail: String
    }

    private let lock = NSLock()
    private var kept: [Key: Kept] = [:]
    private var hitCount = 0
    private var renderCount = 0
    /// Views answered from a kept table, and tables rendered and offered for keeping (tests read them).
    var hits: Int { lock.withLock { hitCount } }
    var renders: Int { lock.withLock { renderCount } }
    /// Role sets kept at most (an office has a few dozen users); past it all are dropped.
    let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// The table kept for `key` if it was rendered from `rows` and holds at `now`.
    func table(_ key: Key, rows: WorklistRows, now: Date) -> Kept? {
        lock.withLock {
            // `rows` is usually the very array the worklist memo kept, which compares at once.
            guard let entry = kept[key], entry.from <= now, now < entry.table.until, entry.rows == rows else { return nil }
            hitCount += 1
            return entry
        }
    }

    /// Drops every kept table (tests render afresh with it).
    func forget() {
        lock.withLock { kept.removeAll() }
    }

    /// Keeps a table rendered at `now` from `rows`.
    func keep(_ key: Key, rows: WorklistRows, now: Date, table: TaskTable, detail: String) {
        lock.withLock {
            renderCount += 1
            guard rows.rows.allSatisfy({ $0.calendarHash != nil }) else { return }
            if kept[key] == nil, kept.count >= capacity { kept.removeAll(keepingCapacity: true) }
            kept[key] = Kept(rows: rows, from: now, table: table, detail: detail)
        }
    }
}
