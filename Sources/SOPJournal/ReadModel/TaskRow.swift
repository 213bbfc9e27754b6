import Foundation
import SOPKit

/// One stored worklist row of the read model (`case_tasks`, issue 17): an active step of an open
/// case and one performer who has it, whatever the time (in sequence mode only the first awaited
/// performer). Made from a ``CaseSummary`` in the transaction that writes the case's events, so
/// Tugas saya is one indexed query instead of a decode of every awaiting case's summary.
struct TaskRow: Sendable, Hashable {
    /// The task's place in ``CaseSummary/tasks`` (the fold's order within a case).
    var position: Int
    var performer: String
    var step: String
    var due: Int64?
    /// Every performer still awaited, as JSON (shown on the page).
    var awaited: String
    /// For a recurring step (nil for other steps), its attended windows as `start:end` pairs in
    /// milliseconds, comma-separated (empty when none is): the reader checks at its now whether
    /// the current window was attended, as ``CaseSummary/tasks(awaiting:now:)`` does. Only the
    /// attended ones matter, and a plain list is read without a JSON decoder (decoding every
    /// recurring task's windows on each view was most of Tugas saya's time).
    var windows: String?

    /// The due time as the index sorts it: no due time sorts last.
    var sortDue: Int64 { due ?? Int64.max }

    /// The rows of a summary: none unless the case is open.
    static func rows(of summary: CaseSummary) -> [TaskRow] {
        guard summary.status == .open else { return [] }
        var rows: [TaskRow] = []
        for (position, task) in summary.tasks.enumerated() {
            var seen = Set<String>()
            let holders = task.firstOnly ? Array(task.awaited.prefix(1)) : task.awaited
            for performer in holders where seen.insert(performer).inserted {
                rows.append(TaskRow(position: position, performer: performer, step: task.step, due: task.due,
                                    awaited: encode(task.awaited),
                                    windows: task.windows.isEmpty ? nil : task.windows.filter(\.attended).map { "\($0.start):\($0.end)" }.joined(separator: ",")))
            }
        }
        return rows
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// Whether a task with these stored windows is someone's at `now` (false while the current
    /// window is attended). Text that cannot be read counts as no attended window (the task shows).
    static func open(windows: String?, now: Int64) -> Bool {
        guard let windows, !windows.isEmpty else { return true }
        for pair in windows.split(separator: ",") {
            let ends = pair.split(separator: ":")
            guard ends.count == 2, let start = Int64(ends[0]), let end = Int64(ends[1]) else { continue }
            if start <= now && now < end { return false }
        }
        return true
    }
}

/// A performer of one stored SOP revision: what a user's role means in the cases of that revision.
public struct PerformerKey: Sendable, Hashable {
    public var definitionHash: String
    public var performer: String

    public init(definitionHash: String, performer: String) {
        self.definitionHash = definitionHash
        self.performer = performer
    }
}

/// One task of a worklist read from `case_tasks`, in worklist order.
public struct WorklistRow: Sendable, Hashable {
    public var caseID: String
    public var sopID: String
    public var definitionHash: String
    public var calendarHash: String?
    public var step: String
    public var due: Int64?
    public var awaited: [String]
}

/// The head of a worklist (overdue first, then by due time, then by case) and how many tasks it has.
public struct WorklistRows: Sendable, Hashable {
    public var rows: [WorklistRow]
    public var total: Int
}
