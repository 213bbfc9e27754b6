import Foundation
import SOPKit
import GRDB

extension SQLiteJournal {
    public var accounts: any AccountStore { SQLiteAccounts(journal: self) }

    /// Writes the read model of one case from its stored events, inside the transaction that
    /// changed them (every write of a case calls it last). Returns false when the case cannot be
    /// folded now (it then has no row).
    @discardableResult
    func refreshSummary(_ db: Database, caseID: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM case_awaiting WHERE case_id = ?", arguments: [caseID])
        try db.execute(sql: "DELETE FROM case_state WHERE case_id = ?", arguments: [caseID])
        try db.execute(sql: "DELETE FROM case_tasks WHERE case_id = ?", arguments: [caseID])
        try db.execute(sql: "DELETE FROM read_model_gaps WHERE case_id = ?", arguments: [caseID])
        guard let header = try header(db, id: caseID) else { return false }
        // A case the fold refuses has no rows: readers of case_tasks see the gap and fold instead.
        func gap() throws -> Bool {
            try db.execute(sql: "INSERT INTO read_model_gaps (case_id) VALUES (?)", arguments: [caseID])
            return false
        }
        let stored: StoredCase
        do { stored = try self.stored(db, header) } catch { return try gap() }
        let summary = CaseProjection.summary(of: stored, definitionSource: { hash in
            guard let source = try SQLiteJournal.definition(db, hash: hash) else { throw JournalError.corrupt(JournalDataMessages.definitionNotStored(["hash": .text(String(hash.prefix(12)))])) }
            return source
        }, calendarRevision: { hash in
            guard let row = try Row.fetchOne(db, sql: "SELECT calendar_id, sources FROM calendars WHERE hash = ?", arguments: [hash]) else {
                throw JournalError.corrupt(JournalDataMessages.calendarNotStored(["hash": .text(String(hash.prefix(12)))]))
            }
            return try CalendarRevision.stored(hash: hash, calendarID: row["calendar_id"], sources: row["sources"])
        })
        guard let summary else { return try gap() }
        try db.execute(sql: "INSERT INTO case_state (case_id, sop_id, status, version, summary) VALUES (?, ?, ?, ?, ?)",
                       arguments: [caseID, summary.sopID, summary.status.rawValue, summary.version, summary.encoded])
        if summary.status == .open {
            for performer in Set(summary.tasks.flatMap(\.awaited)) {
                try db.execute(sql: "INSERT INTO case_awaiting (case_id, performer) VALUES (?, ?)", arguments: [caseID, performer])
            }
        }
        for row in TaskRow.rows(of: summary) {
            try db.execute(sql: """
                INSERT INTO case_tasks (case_id, position, performer, definition_hash, sop_id, step, due, sort_due, awaited, windows, recurring)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [caseID, row.position, row.performer, header.definitionHash, summary.sopID, row.step, row.due, row.sortDue,
                                 row.awaited, row.windows, row.windows == nil ? 0 : 1])
        }
        return true
    }

    public func worklist(of performers: Set<PerformerKey>, sopIDs: Set<String>?, now: Date, limit: Int) throws(JournalError) -> WorklistRows? {
        let at = EventCoding.milliseconds(now)
        let key = WorklistMemo.Key(performers: performers, sopIDs: sopIDs, limit: limit)
        return try read { db in
            // One read snapshot: the marker and the rows it stands for.
            let marker = try Int64.fetchOne(db.cachedStatement(sql: "SELECT version FROM worklist_marker"))
            return try worklistMemo.head(key, marker: marker, now: at) { span in
                try worklistRows(db, keys: key.performers, sopIDs: sopIDs, now: at, limit: limit, span: &span)
            }
        }
    }

    /// The worklist head read from the rows (``worklist(of:sopIDs:now:limit:)`` without the memo),
    /// narrowing `span` to the time around `now` in which the same recurring tasks are open.
    private func worklistRows(_ db: Database, keys: [PerformerKey], sopIDs: Set<String>?, now at: Int64, limit: Int,
                              span: inout WorklistSpan) throws -> WorklistRows? {
        // While an open case has no worklist rows, the rows are not the whole truth: fold.
        if try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM read_model_gaps g CROSS JOIN cases c ON c.id = g.case_id WHERE c.status = ?)
            """, arguments: [CaseOutcome.open.rawValue]) ?? true {
            return nil
        }
        guard !keys.isEmpty, sopIDs?.isEmpty != true else { return WorklistRows(rows: [], total: 0) }
        var filter = "(t.definition_hash, t.performer) IN (VALUES \(Array(repeating: "(?, ?)", count: keys.count).joined(separator: ", ")))"
        var arguments = StatementArguments(keys.flatMap { [$0.definitionHash, $0.performer] })
        if let sopIDs {
            filter += " AND t.sop_id IN (\(Array(repeating: "?", count: sopIDs.count).joined(separator: ", ")))"
            arguments += StatementArguments(sopIDs.sorted())
        }
        // The head: walk the rows in worklist order (an index, no sort) until `limit` tasks.
        var rows: [WorklistRow] = []
        var seen = Set<String>()
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT t.case_id, t.step, t.due, t.awaited, t.windows, t.sop_id, t.definition_hash, c.calendar_hash, t.position
            FROM case_tasks t INDEXED BY case_tasks_order JOIN cases c ON c.id = t.case_id
            WHERE \(filter) ORDER BY t.sort_due, t.case_id, t.position
            """, arguments: arguments)
        while rows.count < limit, let row = try cursor.next() {
            let caseID: String = row[0], step: String = row[1]
            guard TaskRow.open(windows: row[4], now: at), seen.insert(caseID + "|" + String(row[8] as Int)).inserted else { continue }
            let awaited = (try? JSONDecoder().decode([String].self, from: Data((row[3] as String).utf8))) ?? []
            rows.append(WorklistRow(caseID: caseID, sopID: row[5], definitionHash: row[6], calendarHash: row[7], step: step, due: row[2],
                                    awaited: awaited))
        }
        // The count, per SOP revision (a case has one): its tasks held by any of the user's
        // performers there, each once, from an index that holds them (no table read), plus
        // those of recurring steps whose current window is not attended.
        var total = 0
        var recurring = Set<String>()
        for (hash, group) in Dictionary(grouping: keys, by: \.definitionHash) {
            let marks = Array(repeating: "?", count: group.count).joined(separator: ", ")
            var arguments = StatementArguments([hash] + group.map(\.performer))
            var sops = ""
            if let sopIDs {
                sops = " AND sop_id IN (\(Array(repeating: "?", count: sopIDs.count).joined(separator: ", ")))"
                arguments += StatementArguments(sopIDs.sorted())
            }
            total += try Int.fetchOne(db, sql: group.count == 1
                ? "SELECT COUNT(*) FROM case_tasks WHERE definition_hash = ? AND performer IN (\(marks)) AND recurring = 0\(sops)"
                : "SELECT COUNT(*) FROM (SELECT DISTINCT case_id, position FROM case_tasks WHERE definition_hash = ? AND performer IN (\(marks)) AND recurring = 0\(sops))",
                arguments: arguments) ?? 0
            for row in try Row.fetchAll(db, sql: "SELECT case_id, position, windows FROM case_tasks WHERE definition_hash = ? AND performer IN (\(marks)) AND recurring = 1\(sops)",
                                        arguments: arguments) {
                // Every recurring task the head or the count may hold is among these rows.
                span.narrow(windows: row[2], now: at)
                if TaskRow.open(windows: row[2], now: at) { recurring.insert((row[0] as String) + "|" + String(row[1] as Int)) }
            }
        }
        total += recurring.count
        return WorklistRows(rows: rows, total: total)
    }

    public func readModel(sopID: String?, status: CaseOutcome?, awaiting: Set<String>?) throws(JournalError) -> ReadModelRows {
        try read { db in
            var sql = """
                SELECT c.*, s.version AS s_version, s.summary AS s_summary FROM cases c LEFT JOIN case_state s ON s.case_id = c.id
                WHERE (?1 IS NULL OR c.sop_id = ?1) AND (?2 IS NULL OR c.status = ?2)
                """
            var arguments: StatementArguments = [sopID, status?.rawValue]
            if let awaiting {
                let marks = Array(repeating: "?", count: awaiting.count).joined(separator: ", ")
                sql += " AND (s.case_id IS NULL OR s.version <> c.version OR c.id IN (SELECT case_id FROM case_awaiting WHERE performer IN (\(marks.isEmpty ? "NULL" : marks))))"
                arguments += StatementArguments(awaiting.sorted())
            }
            sql += " ORDER BY c.number"
            var rows = ReadModelRows(summaries: [], missing: [])
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                guard let header = SQLiteJournal.header(row) else { continue }
                let version: Int? = row["s_version"], text: String? = row["s_summary"]
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
        try read { db in try String.fetchAll(db.cachedStatement(sql: "SELECT hash FROM definitions ORDER BY hash")) }
    }

    public func caseDefinitionHashes() throws(JournalError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT definition_hash FROM cases ORDER BY definition_hash") }
    }

    public func rebuildReadModel() throws(JournalError) -> ReadModelRebuild {
        try transaction { db in
            try db.execute(sql: "DELETE FROM case_awaiting; DELETE FROM case_state; DELETE FROM case_tasks; DELETE FROM read_model_gaps")
            var result = ReadModelRebuild(rebuilt: 0, unreadable: [])
            for id in try String.fetchAll(db, sql: "SELECT id FROM cases ORDER BY number") {
                if try refreshSummary(db, caseID: id) { result.rebuilt += 1 } else { result.unreadable.append(id) }
            }
            return result
        }
    }
}
