import Foundation
import PostgresNIO
import SOPKit

extension PostgresJournal {
    public var accounts: any AccountStore { PostgresAccounts(journal: self) }

    /// Writes the read model of one case from its stored events, inside the transaction that
    /// changed them (see ``SQLiteJournal``). Returns false when the case cannot be folded now.
    @discardableResult
    func refreshSummary(_ c: PostgresConnection, caseID: String) throws(JournalError) -> Bool {
        try query(c, "DELETE FROM case_awaiting WHERE case_id = \(caseID)")
        try query(c, "DELETE FROM case_state WHERE case_id = \(caseID)")
        try query(c, "DELETE FROM case_tasks WHERE case_id = \(caseID)")
        try query(c, "DELETE FROM read_model_gaps WHERE case_id = \(caseID)")
        guard let header = try query(c, "SELECT * FROM cases WHERE id = \(caseID)").first.map(PostgresJournal.header) else { return false }
        // A case the fold refuses has no rows: readers of case_tasks see the gap and fold instead.
        func gap() throws(JournalError) -> Bool {
            try query(c, "INSERT INTO read_model_gaps (case_id) VALUES (\(caseID))")
            return false
        }
        let stored: StoredCase
        do { stored = try self.stored(c, header) } catch { return try gap() }
        let summary = CaseProjection.summary(of: stored, definitionSource: { hash in
            guard let row = try query(c, "SELECT sop_id, source FROM definitions WHERE hash = \(hash)").first else {
                throw JournalError.corrupt(JournalDataMessages.definitionNotStored(["hash": .text(String(hash.prefix(12)))]))
            }
            let source = try row.string("source")
            try StoredDefinition.check(source: source, hash: hash, sopID: try row.string("sop_id"))
            return source
        }, calendarRevision: { hash in
            guard let row = try query(c, "SELECT calendar_id, sources FROM calendars WHERE hash = \(hash)").first else {
                throw JournalError.corrupt(JournalDataMessages.calendarNotStored(["hash": .text(String(hash.prefix(12)))]))
            }
            return try CalendarRevision.stored(hash: hash, calendarID: try row.string("calendar_id"), sources: try row.string("sources"))
        })
        guard let summary else { return try gap() }
        try query(c, """
            INSERT INTO case_state (case_id, sop_id, status, version, summary)
            VALUES (\(caseID), \(summary.sopID), \(summary.status.rawValue), \(summary.version), \(summary.encoded))
            """)
        if summary.status == .open {
            let performers = Set(summary.tasks.flatMap(\.awaited)).sorted()
            if !performers.isEmpty {
                try query(c, "INSERT INTO case_awaiting (case_id, performer) SELECT \(caseID), p FROM UNNEST(\(performers)::text[]) AS p")
            }
        }
        for row in TaskRow.rows(of: summary) {
            try query(c, """
                INSERT INTO case_tasks (case_id, position, performer, definition_hash, sop_id, step, due, sort_due, awaited, windows, recurring)
                VALUES (\(caseID), \(row.position), \(row.performer), \(header.definitionHash), \(summary.sopID), \(row.step), \(row.due),
                        \(row.sortDue), \(row.awaited), \(row.windows), \(row.windows == nil ? 0 : 1))
                """)
        }
        return true
    }

    public func worklist(of performers: Set<PerformerKey>, sopIDs: Set<String>?, now: Date, limit: Int) throws(JournalError) -> WorklistRows? {
        let at = EventCoding.milliseconds(now)
        let key = WorklistMemo.Key(performers: performers, sopIDs: sopIDs, limit: limit)
        let sops = key.sopIDs, anySOP = sopIDs == nil
        return try read { (c) throws(JournalError) -> WorklistRows? in
            // First in the snapshot: rows read after it are never older than the marker.
            let marker = try query(c, "SELECT sop_worklist_marker() AS version").first?.int64("version")
            return try worklistMemo.head(key, marker: marker, now: at) { (span) throws(JournalError) in
                try worklistRows(c, keys: key.performers, sops: sops, anySOP: anySOP, now: at, limit: limit, span: &span)
            }
        }
    }

    /// The worklist head read from the rows (``worklist(of:sopIDs:now:limit:)`` without the memo),
    /// narrowing `span` to the time around `now` in which the same recurring tasks are open.
    private func worklistRows(_ c: PostgresConnection, keys: [PerformerKey], sops: [String]?, anySOP: Bool, now at: Int64, limit: Int,
                              span: inout WorklistSpan) throws(JournalError) -> WorklistRows? {
        let hashes = keys.map(\.definitionHash), ids = keys.map(\.performer)
        // While an open case has no worklist rows, the rows are not the whole truth: fold.
        if try !query(c, """
            SELECT 1 AS gap FROM read_model_gaps g JOIN cases c ON c.id = g.case_id WHERE c.status = \(CaseOutcome.open.rawValue) LIMIT 1
            """).isEmpty {
            return nil
        }
        guard !keys.isEmpty, sops?.isEmpty != true else { return WorklistRows(rows: [], total: 0) }
        // The head in worklist order, a page at a time until `limit` tasks (a task awaiting
        // two of the performers has two rows; a recurring one may be attended now).
        var rows: [WorklistRow] = []
        var seen = Set<String>()
        var offset = 0
        let page = min(max(limit, 25), 5_000) * 2
        while rows.count < limit {
            let found = try query(c, """
                SELECT t.case_id, t.position, t.step, t.due, t.awaited, t.windows, t.sop_id, t.definition_hash, c.calendar_hash
                FROM case_tasks t JOIN cases c ON c.id = t.case_id
                WHERE (t.definition_hash, t.performer) IN (SELECT * FROM UNNEST(\(hashes)::text[], \(ids)::text[]))
                  AND (\(anySOP) OR t.sop_id = ANY(\(sops ?? [])::text[]))
                ORDER BY t.sort_due, t.case_id COLLATE "C", t.position LIMIT \(Int64(page)) OFFSET \(Int64(offset))
                """)
            for row in found where rows.count < limit {
                let caseID = try row.string("case_id"), step = try row.string("step")
                let position = try row.int64("position")
                guard TaskRow.open(windows: try row.optionalString("windows"), now: at), seen.insert(caseID + "|\(position)").inserted else { continue }
                let awaited = (try? JSONDecoder().decode([String].self, from: Data(try row.string("awaited").utf8))) ?? []
                rows.append(WorklistRow(caseID: caseID, sopID: try row.string("sop_id"), definitionHash: try row.string("definition_hash"),
                                        calendarHash: try row.optionalString("calendar_hash"), step: step, due: try row.optionalInt64("due"),
                                        awaited: awaited))
            }
            if found.count < page { break }
            offset += page
        }
        // The count: each task once (per case and place), from the index that holds the
        // performers, plus the tasks of recurring steps whose current window is not attended.
        var total = try Int(query(c, """
            SELECT COUNT(*) AS n FROM (SELECT DISTINCT t.case_id, t.position FROM case_tasks t
            WHERE (t.definition_hash, t.performer) IN (SELECT * FROM UNNEST(\(hashes)::text[], \(ids)::text[]))
              AND (\(anySOP) OR t.sop_id = ANY(\(sops ?? [])::text[])) AND t.recurring = 0) AS d
            """).first?.int64("n") ?? 0)
        var recurring = Set<String>()
        for row in try query(c, """
            SELECT t.case_id, t.position, t.windows FROM case_tasks t
            WHERE (t.definition_hash, t.performer) IN (SELECT * FROM UNNEST(\(hashes)::text[], \(ids)::text[]))
              AND (\(anySOP) OR t.sop_id = ANY(\(sops ?? [])::text[])) AND t.recurring = 1
            """) {
            // Every recurring task the head or the count may hold is among these rows.
            let windows = try row.optionalString("windows")
            span.narrow(windows: windows, now: at)
            guard TaskRow.open(windows: windows, now: at) else { continue }
            recurring.insert(try row.string("case_id") + "|\(try row.int64("position"))")
        }
        total += recurring.count
        return WorklistRows(rows: rows, total: total)
    }

    public func readModel(sopID: String?, status: CaseOutcome?, awaiting: Set<String>?) throws(JournalError) -> ReadModelRows {
        let performers = awaiting.map { Array($0).sorted() }
        let filtered = performers != nil
        return try read { (c) throws(JournalError) -> ReadModelRows in
            var rows = ReadModelRows(summaries: [], missing: [])
            for row in try query(c, """
                SELECT c.*, s.version AS s_version, s.summary AS s_summary FROM cases c LEFT JOIN case_state s ON s.case_id = c.id
                WHERE (\(sopID)::text IS NULL OR c.sop_id = \(sopID)::text) AND (\(status?.rawValue)::text IS NULL OR c.status = \(status?.rawValue)::text)
                AND (NOT \(filtered) OR s.case_id IS NULL OR s.version <> c.version
                     OR c.id IN (SELECT case_id FROM case_awaiting WHERE performer = ANY(\(performers ?? [])::text[])))
                ORDER BY c.number
                """) {
                let header = try PostgresJournal.header(row)
                let version = try row.optionalInt64("s_version").map(Int.init), text = try row.optionalString("s_summary")
                if version == header.version, let summary = text.flatMap(CaseSummary.decode), summary.definitionHash == header.definitionHash {
                    rows.summaries.append((header, summary))
                } else {
                    rows.missing.append(header)
                }
            }
            return rows
        }
    }

    public func definitionHashes() throws(JournalError) -> [String] {
        try read { (c) throws(JournalError) -> [String] in
            try query(c, "SELECT hash FROM definitions ORDER BY hash").map { (row) throws(JournalError) -> String in try row.string("hash") }
        }
    }

    public func caseDefinitionHashes() throws(JournalError) -> [String] {
        try read { (c) throws(JournalError) -> [String] in
            try query(c, "SELECT DISTINCT definition_hash FROM cases ORDER BY definition_hash").map { (row) throws(JournalError) -> String in try row.string("definition_hash") }
        }
    }

    public func rebuildReadModel() throws(JournalError) -> ReadModelRebuild {
        try transaction { (c) throws(JournalError) -> ReadModelRebuild in
            try query(c, "DELETE FROM case_awaiting")
            try query(c, "DELETE FROM case_state")
            try query(c, "DELETE FROM case_tasks")
            try query(c, "DELETE FROM read_model_gaps")
            var result = ReadModelRebuild(rebuilt: 0, unreadable: [])
            for row in try query(c, "SELECT id FROM cases ORDER BY number") {
                let id = try row.string("id")
                if try refreshSummary(c, caseID: id) { result.rebuilt += 1 } else { result.unreadable.append(id) }
            }
            return result
        }
    }
}
