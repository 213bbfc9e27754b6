import Foundation
import SOPKit
import GRDB

extension SQLiteJournal {
    public func loadCase(_ id: String) throws(JournalError) -> StoredCase {
        let loaded: StoredCase? = try read { db in
            guard let header = try header(db, id: id) else { return nil }
            return try stored(db, header)
        }
        guard let loaded else { throw .unknownCase(id) }
        return loaded
    }

    public func cases(sopID: String?, status: CaseOutcome?) throws(JournalError) -> [CaseHeader] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM cases WHERE (?1 IS NULL OR sop_id = ?1) AND (?2 IS NULL OR status = ?2) ORDER BY number
                """, arguments: [sopID, status?.rawValue]).compactMap(SQLiteJournal.header)
        }
    }

    /// WAL mode with a pool of reader connections: reads on several threads run side by side.
    public var readsInParallel: Bool { true }

    public func allCases(sopID: String?, ids: CaseIDRange?) throws(JournalError) -> [StoredCase] {
        try read { db in
            let inRange = "(?2 IS NULL OR c.id >= ?2) AND (?3 IS NULL OR c.id < ?3)"
            let arguments: StatementArguments = [sopID, ids?.lower, ids?.upper]
            let headers = try Row.fetchAll(db, sql: "SELECT * FROM cases c WHERE (?1 IS NULL OR c.sop_id = ?1) AND \(inRange) ORDER BY number",
                                           arguments: arguments).compactMap(SQLiteJournal.header)
            var sources: [String: String] = [:]
            var byCase: [String: [StoredEvent]] = [:]
            // Columns by position and cases by run (the rows come ordered by case): looking up each
            // column by name and each event's case in a dictionary took a quarter of `sop report`.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT e.case_id, e.seq, e.type, e.at, e.payload, e.format, e.recorded_at, e.actor, e.role
                FROM events e JOIN cases c ON c.id = e.case_id
                WHERE (?1 IS NULL OR c.sop_id = ?1) AND \(inRange) ORDER BY e.case_id, e.seq
                """, arguments: arguments)
            var currentID: String?
            var current: [StoredEvent] = []
            while let row = try rows.next() {
                let caseID: String = row[0]
                if caseID != currentID {
                    if let id = currentID { byCase[id] = current }
                    currentID = caseID
                    current = byCase[caseID] ?? []
                }
                current.append(try SQLiteJournal.eventByPosition(row))
            }
            if let id = currentID { byCase[id] = current }
            return try headers.map { header in
                if sources[header.definitionHash] == nil {
                    sources[header.definitionHash] = try SQLiteJournal.definition(db, hash: header.definitionHash) ?? ""
                }
                return StoredCase(header: header, definitionSource: sources[header.definitionHash] ?? "", events: byCase[header.id] ?? [])
            }
        }
    }

    public func definitionSource(hash: String) throws(JournalError) -> String {
        let source: String? = try read { db in try SQLiteJournal.definition(db, hash: hash) }
        guard let source else { throw .corrupt(JournalDataMessages.definitionNotStored(["hash": .text(String(hash.prefix(12)))])) }
        return source
    }

    public func calendarRevision(hash: String) throws(JournalError) -> CalendarRevision {
        let row: Row? = try read { db in try Row.fetchOne(db, sql: "SELECT calendar_id, sources FROM calendars WHERE hash = ?", arguments: [hash]) }
        guard let row else { throw .corrupt(JournalDataMessages.calendarNotStored(["hash": .text(String(hash.prefix(12)))])) }
        return try CalendarRevision.stored(hash: hash, calendarID: row["calendar_id"], sources: row["sources"])
    }

    public func audit(caseID: String?) throws(JournalError) -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE (?1 IS NULL OR case_id = ?1) ORDER BY id", arguments: [caseID]).map { row in
                AuditEntry(at: EventCoding.date(milliseconds: row["at"]), actor: row["actor"], role: row["role"], action: row["action"],
                           caseID: row["case_id"], detail: row["detail"],
                           asOf: (row["as_of"] as Int64?).map(EventCoding.date(milliseconds:)),
                           osLogin: row["os_login"], claimedUser: row["claimed_user"], databaseRole: row["db_role"])
            }
        }
    }

    /// A stored definition's source, checked against the SHA-256 it is stored under: an edited
    /// definition is refused, never run.
    static func definition(_ db: Database, hash: String) throws -> String? {
        guard let row = try Row.fetchOne(db, sql: "SELECT sop_id, source FROM definitions WHERE hash = ?", arguments: [hash]) else { return nil }
        let source: String = row["source"]
        try StoredDefinition.check(source: source, hash: hash, sopID: row["sop_id"])
        return source
    }

    public func chainRows() throws(JournalError) -> JournalChainRows {
        try read { db in
            JournalChainRows(
                events: try Row.fetchAll(db, sql: "SELECT * FROM events ORDER BY case_id, seq").map(SQLiteJournal.eventChainRow),
                audit: try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id").map(SQLiteJournal.auditChainRow),
                definitions: try Row.fetchAll(db, sql: "SELECT * FROM definitions ORDER BY position").map { row in
                    DefinitionChainRow(position: row["position"] ?? 0, hash: row["hash"], sopID: row["sop_id"], source: row["source"],
                                       storedAt: row["stored_at"], chain: row["chain"])
                },
                // (A journal read without migrating may predate the calendars or their chain.)
                calendars: try !db.tableExists("calendars") ? [] : Row.fetchAll(db, sql: try db.columns(in: "calendars").contains { $0.name == "position" }
                                                                           ? "SELECT * FROM calendars ORDER BY position" : "SELECT * FROM calendars ORDER BY rowid").map { row in
                    CalendarChainRow(position: row["position"] ?? 0, hash: row["hash"], calendarID: row["calendar_id"], sources: row["sources"],
                                     storedAt: row["stored_at"], chain: row["chain"])
                },
                caseVersions: Dictionary(try Row.fetchAll(db, sql: "SELECT id, version FROM cases").map { ($0["id"], $0["version"]) },
                                         uniquingKeysWith: { a, _ in a }))
        }
    }

    static func eventChainRow(_ row: Row) -> EventChainRow {
        EventChainRow(caseID: row["case_id"], seq: row["seq"], format: row["format"], type: row["type"], at: row["at"],
                      recordedAt: row["recorded_at"], actor: row["actor"], role: row["role"], commandKey: row["command_key"],
                      payload: row["payload"], payloadHash: row["payload_hash"] ?? "", chain: row["chain"] ?? "")
    }

    static func auditChainRow(_ row: Row) -> AuditChainRow {
        AuditChainRow(id: row["id"], at: row["at"], actor: row["actor"], osLogin: row["os_login"], claimedUser: row["claimed_user"],
                      databaseRole: row["db_role"], role: row["role"], action: row["action"], caseID: row["case_id"], asOf: row["as_of"],
                      detail: row["detail"], payloadHash: row["payload_hash"] ?? "", chain: row["chain"] ?? "")
    }

    func header(_ db: Database, id: String) throws -> CaseHeader? {
        try Row.fetchOne(db, sql: "SELECT * FROM cases WHERE id = ?", arguments: [id]).flatMap(SQLiteJournal.header)
    }

    func stored(_ db: Database, _ header: CaseHeader) throws -> StoredCase {
        let source = try SQLiteJournal.definition(db, hash: header.definitionHash)
        guard let source else { throw JournalError.corrupt(JournalDataMessages.caseDefinitionMissing(["case": .text(header.id)])) }
        let events = try Row.fetchAll(db, sql: "SELECT * FROM events WHERE case_id = ? ORDER BY seq", arguments: [header.id])
            .map(SQLiteJournal.event)
        guard events.count == header.version, events.enumerated().allSatisfy({ $0.offset + 1 == $0.element.seq }) else {
            throw JournalError.corrupt(JournalDataMessages.caseEventGap(["case": .text(header.id), "events": .number(events.count), "version": .number(header.version)]))
        }
        return StoredCase(header: header, definitionSource: source, events: events)
    }

    static func header(_ row: Row) -> CaseHeader? {
        guard let status = CaseOutcome(rawValue: row["status"]) else { return nil }
        return CaseHeader(id: row["id"], sopID: row["sop_id"], definitionHash: row["definition_hash"],
                          calendarHash: row["calendar_hash"], openedAt: EventCoding.date(milliseconds: row["opened_at"]), status: status, version: row["version"])
    }

    /// ``event(_:)`` of a row selected as `case_id, seq, type, at, payload, format, recorded_at, actor, role`.
    static func eventByPosition(_ row: Row) throws -> StoredEvent {
        switch EventCoding.decode(type: row[2], milliseconds: row[3], payload: row[4], format: row[5]) {
        case .success(let event):
            return StoredEvent(seq: row[1], event: event, recordedAt: EventCoding.date(milliseconds: row[6]),
                               actor: row[7], role: row[8])
        case .failure(let error):
            throw error
        }
    }

    static func event(_ row: Row) throws -> StoredEvent {
        switch EventCoding.decode(type: row["type"], milliseconds: row["at"], payload: row["payload"], format: row["format"]) {
        case .success(let event):
            return StoredEvent(seq: row["seq"], event: event, recordedAt: EventCoding.date(milliseconds: row["recorded_at"]),
                               actor: row["actor"], role: row["role"])
        case .failure(let error):
            throw error
        }
    }
}
