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
            for row in try query(c, "SELECT hash, sop_id, source FROM definitions WHERE hash = ANY(\(Array(Set(headers.map(\.definitionHash)))))") {
                let hash = try row.string("hash"), source = try row.string("source")
                try StoredDefinition.check(source: source, hash: hash, sopID: try row.string("sop_id"))
                sources[hash] = source
            }
            return headers.map { header in
                StoredCase(header: header, definitionSource: sources[header.definitionHash] ?? "", events: byCase[header.id] ?? [])
            }
        }
    }

    public func definitionSource(hash: String) throws(JournalError) -> String {
        guard let row = try session.query("SELECT sop_id, source FROM definitions WHERE hash = \(hash)").first.map(PGRow.init) else {
            throw .corrupt(JournalDataMessages.definitionNotStored(["hash": .text(String(hash.prefix(12)))]))
        }
        let source = try row.string("source")
        try StoredDefinition.check(source: source, hash: hash, sopID: try row.string("sop_id"))
        return source
    }

    public func calendarRevision(hash: String) throws(JournalError) -> CalendarRevision {
        guard let row = try session.query("SELECT calendar_id, sources FROM calendars WHERE hash = \(hash)").first.map(PGRow.init) else {
            throw .corrupt(JournalDataMessages.calendarNotStored(["hash": .text(String(hash.prefix(12)))]))
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
                                  asOf: try row.optionalInt64("as_of").map(EventCoding.date(milliseconds:)),
                                  osLogin: try row.optionalString("os_login"), claimedUser: try row.optionalString("claimed_user"),
                                  databaseRole: try row.optionalString("db_role"))
            }
    }

    public func chainRows() throws(JournalError) -> JournalChainRows {
        try read { (c) throws(JournalError) -> JournalChainRows in
            let events = try query(c, "SELECT * FROM events ORDER BY case_id COLLATE \"C\", seq").map { (r) throws(JournalError) -> EventChainRow in
                EventChainRow(caseID: try r.string("case_id"), seq: try r.int("seq"), format: try r.int("format"), type: try r.string("type"),
                              at: try r.int64("at"), recordedAt: try r.int64("recorded_at"), actor: try r.string("actor"),
                              role: try r.optionalString("role"), commandKey: try r.optionalString("command_key"), payload: try r.string("payload"),
                              payloadHash: try r.string("payload_hash"), chain: try r.string("chain"))
            }
            let audit = try query(c, "SELECT * FROM audit ORDER BY id").map { (r) throws(JournalError) -> AuditChainRow in
                AuditChainRow(id: try r.int64("id"), at: try r.int64("at"), actor: try r.string("actor"), osLogin: try r.optionalString("os_login"),
                              claimedUser: try r.optionalString("claimed_user"), databaseRole: try r.optionalString("db_role"),
                              role: try r.optionalString("role"), action: try r.string("action"), caseID: try r.optionalString("case_id"),
                              asOf: try r.optionalInt64("as_of"), detail: try r.optionalString("detail"), payloadHash: try r.string("payload_hash"), chain: try r.string("chain"))
            }
            let definitions = try query(c, "SELECT * FROM definitions ORDER BY position").map { (r) throws(JournalError) -> DefinitionChainRow in
                DefinitionChainRow(position: try r.int("position"), hash: try r.string("hash"), sopID: try r.string("sop_id"),
                                   source: try r.string("source"), storedAt: try r.int64("stored_at"), chain: try r.string("chain"))
            }
            let calendars = try query(c, "SELECT * FROM calendars ORDER BY position").map { (r) throws(JournalError) -> CalendarChainRow in
                CalendarChainRow(position: try r.int("position"), hash: try r.string("hash"), calendarID: try r.string("calendar_id"),
                                 sources: try r.string("sources"), storedAt: try r.int64("stored_at"), chain: try r.string("chain"))
            }
            var versions: [String: Int] = [:]
            for r in try query(c, "SELECT id, version FROM cases") { versions[try r.string("id")] = try r.int("version") }
            return JournalChainRows(events: events, audit: audit, definitions: definitions, calendars: calendars, caseVersions: versions)
        }
    }

    func stored(_ c: PostgresConnection, _ header: CaseHeader) throws(JournalError) -> StoredCase {
        guard let definition = try query(c, "SELECT sop_id, source FROM definitions WHERE hash = \(header.definitionHash)").first else {
            throw .corrupt(JournalDataMessages.caseDefinitionMissing(["case": .text(header.id)]))
        }
        let source = try definition.string("source")
        try StoredDefinition.check(source: source, hash: header.definitionHash, sopID: try definition.string("sop_id"))
        let events = try query(c, "SELECT * FROM events WHERE case_id = \(header.id) ORDER BY seq").map(PostgresJournal.event)
        guard events.count == header.version, events.enumerated().allSatisfy({ $0.offset + 1 == $0.element.seq }) else {
            throw .corrupt(JournalDataMessages.caseEventGap(["case": .text(header.id), "events": .number(events.count), "version": .number(header.version)]))
        }
        return StoredCase(header: header, definitionSource: source, events: events)
    }

    static func header(_ row: PGRow) throws(JournalError) -> CaseHeader {
        let raw = try row.string("status")
        guard let status = CaseOutcome(rawValue: raw) else { throw .corrupt(JournalDataMessages.unknownStatus(["status": .text(raw)])) }
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
