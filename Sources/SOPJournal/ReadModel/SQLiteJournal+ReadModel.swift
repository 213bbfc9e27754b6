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
        guard let header = try header(db, id: caseID) else { return false }
        let stored: StoredCase
        do { stored = try self.stored(db, header) } catch { return false }
        let summary = CaseProjection.summary(of: stored, definitionSource: { hash in
            guard let source = try SQLiteJournal.definition(db, hash: hash) else { throw JournalError.corrupt("definition \(hash) missing") }
            return source
        }, calendarRevision: { hash in
            guard let row = try Row.fetchOne(db, sql: "SELECT calendar_id, sources FROM calendars WHERE hash = ?", arguments: [hash]) else {
                throw JournalError.corrupt("calendar \(hash) missing")
            }
            return try CalendarRevision.stored(hash: hash, calendarID: row["calendar_id"], sources: row["sources"])
        })
        guard let summary else { return false }
        try db.execute(sql: "INSERT INTO case_state (case_id, sop_id, status, version, summary) VALUES (?, ?, ?, ?, ?)",
                       arguments: [caseID, summary.sopID, summary.status.rawValue, summary.version, summary.encoded])
        if summary.status == .open {
            for performer in Set(summary.tasks.flatMap(\.awaited)) {
                try db.execute(sql: "INSERT INTO case_awaiting (case_id, performer) VALUES (?, ?)", arguments: [caseID, performer])
            }
        }
        return true
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

    public func caseDefinitionHashes() throws(JournalError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT definition_hash FROM cases ORDER BY definition_hash") }
    }

    public func rebuildReadModel() throws(JournalError) -> ReadModelRebuild {
        try transaction { db in
            try db.execute(sql: "DELETE FROM case_awaiting; DELETE FROM case_state")
            var result = ReadModelRebuild(rebuilt: 0, unreadable: [])
            for id in try String.fetchAll(db, sql: "SELECT id FROM cases ORDER BY number") {
                if try refreshSummary(db, caseID: id) { result.rebuilt += 1 } else { result.unreadable.append(id) }
            }
            return result
        }
    }
}
