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
        guard let header = try query(c, "SELECT * FROM cases WHERE id = \(caseID)").first.map(PostgresJournal.header) else { return false }
        let stored: StoredCase
        do { stored = try self.stored(c, header) } catch { return false }
        let summary = CaseProjection.summary(of: stored, definitionSource: { hash in
            guard let row = try query(c, "SELECT sop_id, source FROM definitions WHERE hash = \(hash)").first else {
                throw JournalError.corrupt("definition \(hash) missing")
            }
            let source = try row.string("source")
            try StoredDefinition.check(source: source, hash: hash, sopID: try row.string("sop_id"))
            return source
        }, calendarRevision: { hash in
            guard let row = try query(c, "SELECT calendar_id, sources FROM calendars WHERE hash = \(hash)").first else {
                throw JournalError.corrupt("calendar \(hash) missing")
            }
            return try CalendarRevision.stored(hash: hash, calendarID: try row.string("calendar_id"), sources: try row.string("sources"))
        })
        guard let summary else { return false }
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
        return true
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

    public func caseDefinitionHashes() throws(JournalError) -> [String] {
        try read { (c) throws(JournalError) -> [String] in
            try query(c, "SELECT DISTINCT definition_hash FROM cases ORDER BY definition_hash").map { (row) throws(JournalError) -> String in try row.string("definition_hash") }
        }
    }

    public func rebuildReadModel() throws(JournalError) -> ReadModelRebuild {
        try transaction { (c) throws(JournalError) -> ReadModelRebuild in
            try query(c, "DELETE FROM case_awaiting")
            try query(c, "DELETE FROM case_state")
            var result = ReadModelRebuild(rebuilt: 0, unreadable: [])
            for row in try query(c, "SELECT id FROM cases ORDER BY number") {
                let id = try row.string("id")
                if try refreshSummary(c, caseID: id) { result.rebuilt += 1 } else { result.unreadable.append(id) }
            }
            return result
        }
    }
}
