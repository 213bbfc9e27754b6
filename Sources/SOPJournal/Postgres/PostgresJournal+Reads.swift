import Foundation
import PostgresNIO
import SOPKit

extension PostgresJournal {
    public func loadCase(_ id: String) throws(JournalError) -> StoredCase {
        let loaded = try read { (c) throws(JournalError) -> StoredCase? in
            guard let header = try query(c, "SELECT * FROM cases WHERE id = \(id)").first.map(PostgresJournal.header) else { return nil }
            return try stored(c, header)
        }
        guard let loaded else { throw .unknownCase(id) }
        return loaded
    }

    public func cases(sopID: String?, status: CaseOutcome?) throws(JournalError) -> [CaseHeader] {
        try session.query("""
            SELECT * FROM cases WHERE (\(sopID)::text IS NULL OR sop_id = \(sopID)::text)
            AND (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue)::text) ORDER BY number
            """).map { (row) throws(JournalError) -> CaseHeader in try PostgresJournal.header(PGRow(row)) }
    }

    public func allCases(sopID: String?, ids: CaseIDRange?) throws(JournalError) -> [StoredCase] {
        let lower = ids?.lower, upper = ids?.upper
        return try read { (c) throws(JournalError) -> [StoredCase] in
            let headers = try query(c, """
                SELECT * FROM cases WHERE (\(sopID)::text IS NULL OR sop_id = \(sopID)::text)
                AND (\(lower)::text IS NULL OR id COLLATE "C" >= \(lower)::text) AND (\(upper)::text IS NULL OR id COLLATE "C" < \(upper)::text)
                ORDER BY number
                """).map(PostgresJournal.header)
            var byCase: [String: [StoredEvent]] = [:]
            for row in try query(c, """
                SELECT e.* FROM events e JOIN cases c ON c.id = e.case_id
                WHERE (\(sopID)::text IS NULL OR c.sop_id = \(sopID)::text)
                AND (\(lower)::text IS NULL OR c.id COLLATE "C" >= \(lower)::text) AND (\(upper)::text IS NULL OR c.id COLLATE "C" < \(upper)::text)
                ORDER BY e.case_id, e.seq
                """) {
                byCase[try row.string("case_id"), default: []].append(try PostgresJournal.event(row))
            }
            var sources: [String: String] = [:]
            for row in try query(c, "SELECT hash, source FROM definitions WHERE hash = ANY(\(Array(Set(headers.map(\.definitionHash)))))") {
                sources[try row.string("hash")] = try row.string("source")
            }
            return headers.map { header in
                StoredCase(header: header, definitionSource: sources[header.definitionHash] ?? "", events: byCase[header.id] ?? [])
            }
        }
    }

    public func definitionSource(hash: String) throws(JournalError) -> String {
        guard let source = try session.query("SELECT source FROM definitions WHERE hash = \(hash)").first.map(PGRow.init)?.string("source") else {
            throw .corrupt("the definition \(hash.prefix(12)) is not stored")
        }
        return source
    }

    public func calendarRevision(hash: String) throws(JournalError) -> CalendarRevision {
        guard let row = try session.query("SELECT calendar_id, sources FROM calendars WHERE hash = \(hash)").first.map(PGRow.init) else {
            throw .corrupt("the calendar revision \(hash.prefix(12)) is not stored")
        }
        return try CalendarRevision.stored(hash: hash, calendarID: try row.string("calendar_id"), sources: try row.string("sources"))
    }

    public func audit(caseID: String?) throws(JournalError) -> [AuditEntry] {
        try session.query("SELECT * FROM audit WHERE (\(caseID)::text IS NULL OR case_id = \(caseID)::text) ORDER BY at, id")
            .map { (raw) throws(JournalError) -> AuditEntry in
                let row = PGRow(raw)
                return AuditEntry(at: EventCoding.date(milliseconds: try row.int64("at")), actor: try row.string("actor"),
                                  role: try row.optionalString("role"), action: try row.string("action"),
                                  caseID: try row.optionalString("case_id"), detail: try row.optionalString("detail"),
                                  asOf: try row.optionalInt64("as_of").map(EventCoding.date(milliseconds:)))
            }
    }

    private func stored(_ c: PostgresConnection, _ header: CaseHeader) throws(JournalError) -> StoredCase {
        guard let source = try query(c, "SELECT source FROM definitions WHERE hash = \(header.definitionHash)").first?.string("source") else {
            throw .corrupt("case \(header.id) refers to a definition that is not stored")
        }
        let events = try query(c, "SELECT * FROM events WHERE case_id = \(header.id) ORDER BY seq").map(PostgresJournal.event)
        guard events.count == header.version, events.enumerated().allSatisfy({ $0.offset + 1 == $0.element.seq }) else {
            throw .corrupt("case \(header.id) has \(events.count) events but version \(header.version), or a gap in its sequence")
        }
        return StoredCase(header: header, definitionSource: source, events: events)
    }

    static func header(_ row: PGRow) throws(JournalError) -> CaseHeader {
        let raw = try row.string("status")
        guard let status = CaseOutcome(rawValue: raw) else { throw .corrupt("a case has the unknown status '\(raw)'") }
        return CaseHeader(id: try row.string("id"), sopID: try row.string("sop_id"), definitionHash: try row.string("definition_hash"),
                          calendarHash: try row.optionalString("calendar_hash"), openedAt: EventCoding.date(milliseconds: try row.int64("opened_at")), status: status, version: try row.int("version"))
    }

    static func event(_ row: PGRow) throws(JournalError) -> StoredEvent {
        let decoded = EventCoding.decode(type: try row.string("type"), milliseconds: try row.int64("at"),
                                         payload: try row.string("payload"), format: try row.int("format"))
        switch decoded {
        case .success(let event):
            return StoredEvent(seq: try row.int("seq"), event: event, recordedAt: EventCoding.date(milliseconds: try row.int64("recorded_at")),
                               actor: try row.string("actor"), role: try row.optionalString("role"))
        case .failure(let error):
            throw error
        }
    }
}
