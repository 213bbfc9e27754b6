import Foundation
import GRDB
import PostgresNIO
import SOPKit

/// The journal's rows exactly as stored (times in milliseconds, payloads as their JSON text), so
/// `sop migrate` copies them verbatim and both sides can be checksummed the same way.
public enum JournalRows {
    public struct Definition: Sendable, Hashable {
        public var hash: String
        public var sopID: String
        public var source: String
        public var storedAt: Int64
    }

    public struct Case: Sendable, Hashable {
        public var id: String
        public var number: Int
        public var sopID: String
        public var definitionHash: String
        public var openedAt: Int64
        public var status: String
        public var version: Int
        /// The calendar revision the case is pinned to (nil: opened before pinning).
        public var calendarHash: String? = nil
    }

    /// A stored calendar revision (issue 13): its files as stored, under their common hash.
    public struct Calendar: Sendable, Hashable {
        public var hash: String
        public var calendarID: String
        public var sources: String
        public var storedAt: Int64
    }

    public struct Event: Sendable, Hashable {
        public var caseID: String
        public var seq: Int
        public var format: Int
        public var type: String
        public var at: Int64
        public var payload: String
        public var recordedAt: Int64
        public var actor: String
        public var role: String?
        public var commandKey: String?

        /// One line of the canonical serialisation: every column, strings JSON-quoted, NULL as
        /// `null`, separated by commas, ending in a newline.
        public var canonical: String {
            [quote(caseID), String(seq), String(format), quote(type), String(at), quote(payload), String(recordedAt),
             quote(actor), role.map(quote) ?? "null", commandKey.map(quote) ?? "null"].joined(separator: ",") + "\n"
        }
    }

    public struct Command: Sendable, Hashable {
        public var key: String
        public var fingerprint: String
        public var caseID: String
        public var version: Int
        public var recordedAt: Int64
    }

    public struct Audit: Sendable, Hashable {
        public var at: Int64
        public var actor: String
        public var role: String?
        public var action: String
        public var caseID: String?
        public var detail: String?
        /// A read's as-of time (issue 13); nil for writes and for entries written before it.
        public var asOf: Int64? = nil

        var canonical: String {
            // Without an as-of time the line is what it was before the column existed.
            ([String(at), quote(actor), role.map(quote) ?? "null", quote(action), caseID.map(quote) ?? "null",
              detail.map(quote) ?? "null"] + (asOf.map { [String($0)] } ?? [])).joined(separator: ",") + "\n"
        }
    }

    /// The SHA-256 of the canonical serialisation of `events` (one case's, in order).
    public static func checksum(_ events: [Event]) -> String {
        SHA256.hex(Array(events.map(\.canonical).joined().utf8))
    }

    /// The checksum of a whole journal: the SHA-256 over each case's id and event checksum, in case
    /// number order.
    public static func checksum(cases: [(id: String, checksum: String)]) -> String {
        SHA256.hex(Array(cases.map { "\($0.id) \($0.checksum)\n" }.joined().utf8))
    }

    static func quote(_ text: String) -> String { JSONValue.string(text).serialized(indent: nil) }
}

// MARK: Reading rows from SQLite

extension SQLiteJournal {
    public func rowsDefinitions() throws(JournalError) -> [JournalRows.Definition] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM definitions ORDER BY hash").map { row in
                JournalRows.Definition(hash: row["hash"], sopID: row["sop_id"], source: row["source"], storedAt: row["stored_at"])
            }
        }
    }

    public func rowsCalendars() throws(JournalError) -> [JournalRows.Calendar] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM calendars ORDER BY position").map { row in
                JournalRows.Calendar(hash: row["hash"], calendarID: row["calendar_id"], sources: row["sources"], storedAt: row["stored_at"])
            }
        }
    }

    public func rowsCases() throws(JournalError) -> [JournalRows.Case] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM cases ORDER BY number").map { row in
                JournalRows.Case(id: row["id"], number: row["number"], sopID: row["sop_id"], definitionHash: row["definition_hash"],
                                 openedAt: row["opened_at"], status: row["status"], version: row["version"], calendarHash: row["calendar_hash"])
            }
        }
    }

    /// One case's header, events, idempotency keys and audit entries, read in one snapshot.
    public func rowsCase(_ id: String) throws(JournalError) -> JournalRows.CaseRows? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cases WHERE id = ?", arguments: [id]) else { return nil }
            let header = JournalRows.Case(id: row["id"], number: row["number"], sopID: row["sop_id"], definitionHash: row["definition_hash"],
                                          openedAt: row["opened_at"], status: row["status"], version: row["version"],
                                          calendarHash: row["calendar_hash"])
            let events = try Row.fetchAll(db, sql: "SELECT * FROM events WHERE case_id = ? ORDER BY seq", arguments: [id]).map { e in
                JournalRows.Event(caseID: e["case_id"], seq: e["seq"], format: e["format"], type: e["type"], at: e["at"], payload: e["payload"],
                                  recordedAt: e["recorded_at"], actor: e["actor"], role: e["role"], commandKey: e["command_key"])
            }
            let commands = try Row.fetchAll(db, sql: "SELECT * FROM commands WHERE case_id = ? ORDER BY key", arguments: [id]).map { c in
                JournalRows.Command(key: c["key"], fingerprint: c["fingerprint"], caseID: c["case_id"], version: c["version"], recordedAt: c["recorded_at"])
            }
            let audit = try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE case_id = ? ORDER BY id", arguments: [id]).map(SQLiteJournal.auditRow)
            return JournalRows.CaseRows(header: header, events: events, commands: commands, audit: audit)
        }
    }

    /// Audit entries of no case (or of a case that is not in the journal), oldest first.
    public func rowsOtherAudit() throws(JournalError) -> [JournalRows.Audit] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE case_id IS NULL OR case_id NOT IN (SELECT id FROM cases) ORDER BY id")
                .map(SQLiteJournal.auditRow)
        }
    }

    private static func auditRow(_ a: Row) -> JournalRows.Audit {
        JournalRows.Audit(at: a["at"], actor: a["actor"], role: a["role"], action: a["action"], caseID: a["case_id"], detail: a["detail"],
                          asOf: a["as_of"])
    }
}

extension JournalRows {
    /// Everything stored for one case.
    public struct CaseRows: Sendable, Hashable {
        public var header: Case
        public var events: [Event]
        public var commands: [Command]
        public var audit: [Audit]
    }
}

// MARK: Reading and writing rows on PostgreSQL

extension PostgresJournal {
    /// One case's header, events, idempotency keys and audit entries, read in one snapshot.
    public func rowsCase(_ id: String) throws(JournalError) -> JournalRows.CaseRows? {
        try read { (c) throws(JournalError) -> JournalRows.CaseRows? in
            guard let row = try query(c, "SELECT * FROM cases WHERE id = \(id)").first else { return nil }
            let header = try PostgresJournal.caseRow(row)
            let events = try query(c, "SELECT * FROM events WHERE case_id = \(id) ORDER BY seq").map(PostgresJournal.eventRow)
            let commands = try query(c, "SELECT * FROM commands WHERE case_id = \(id) ORDER BY key").map { (r) throws(JournalError) in
                JournalRows.Command(key: try r.string("key"), fingerprint: try r.string("fingerprint"), caseID: try r.string("case_id"),
                                    version: try r.int("version"), recordedAt: try r.int64("recorded_at"))
            }
            let audit = try query(c, "SELECT * FROM audit WHERE case_id = \(id) ORDER BY id").map(PostgresJournal.auditRow)
            return JournalRows.CaseRows(header: header, events: events, commands: commands, audit: audit)
        }
    }

    /// The idempotency keys among `keys` that are already stored, with what they recorded.
    func rowsCommands(_ keys: [String]) throws(JournalError) -> [String: JournalRows.Command] {
        var found: [String: JournalRows.Command] = [:]
        for r in try session.query("SELECT * FROM commands WHERE key = ANY(\(keys))").map(PGRow.init) {
            let command = JournalRows.Command(key: try r.string("key"), fingerprint: try r.string("fingerprint"), caseID: try r.string("case_id"),
                                              version: try r.int("version"), recordedAt: try r.int64("recorded_at"))
            found[command.key] = command
        }
        return found
    }

    /// Stores definitions not yet stored; a stored definition whose text differs under the same
    /// hash is refused. Returns how many were new.
    func importDefinitions(_ definitions: [JournalRows.Definition]) throws(JournalError) -> Int {
        try transaction { (c) throws(JournalError) -> Int in
            var added = 0
            for d in definitions {
                if try query(c, "SELECT 1 FROM definitions WHERE hash = \(d.hash)").isEmpty {
                    try storeDefinition(c, hash: d.hash, sopID: d.sopID, source: d.source, at: EventCoding.date(milliseconds: d.storedAt))
                    added += 1
                    continue
                }
                guard let stored = try query(c, "SELECT source FROM definitions WHERE hash = \(d.hash)").first?.string("source"), stored == d.source else {
                    throw .refused(CaseRefusal(.badData, EngineMessages.otherDefinition(["hash": .text(String(d.hash.prefix(12)))])))
                }
            }
            return added
        }
    }

    /// Stores calendar revisions not yet stored, each joining the target's calendar chain; a
    /// different text under the same hash is refused.
    func importCalendars(_ calendars: [JournalRows.Calendar]) throws(JournalError) {
        try transaction { (c) throws(JournalError) -> Void in
            for k in calendars {
                if try query(c, "SELECT 1 FROM calendars WHERE hash = \(k.hash)").isEmpty {
                    try storeCalendar(c, hash: k.hash, calendarID: k.calendarID, sources: k.sources, storedAt: k.storedAt)
                    continue
                }
                guard let stored = try query(c, "SELECT sources FROM calendars WHERE hash = \(k.hash)").first?.string("sources"), stored == k.sources else {
                    throw .refused(CaseRefusal(.badData, EngineMessages.otherCalendar(["hash": .text(String(k.hash.prefix(12)))])))
                }
            }
        }
    }

    /// Copies one case that the target does not have, with its events, keys and audit entries,
    /// in one transaction, and records the copy in the audit trail.
    func importCase(_ rows: JournalRows.CaseRows, note: AuditEntry) throws(JournalError) {
        let h = rows.header
        try transaction { (c) throws(JournalError) -> Void in
            // Case numbers are handed out under the counter's lock: take it, so no case opened
            // meanwhile gets this number, then move the counter past it.
            try query(c, "SELECT last FROM case_numbers FOR UPDATE")
            if let other = try query(c, "SELECT id FROM cases WHERE id = \(h.id) OR number = \(h.number)").first {
                let id = try other.string("id")
                throw .refused(CaseRefusal(.badData, id == h.id
                    ? EngineMessages.appearedOnTarget(["case": .text(h.id)])
                    : EngineMessages.numberTaken(["case": .text(h.id), "number": .text("\(h.number)"), "other": .text(id)])))
            }
            try query(c, """
                INSERT INTO cases (id, number, sop_id, definition_hash, calendar_hash, opened_at, status, version)
                VALUES (\(h.id), \(h.number), \(h.sopID), \(h.definitionHash), \(h.calendarHash), \(h.openedAt), \(h.status), \(h.version))
                """)
            try query(c, "UPDATE case_numbers SET last = GREATEST(last, \(h.number))")
            try insertEvents(c, rows.events)
            for command in rows.commands {
                try query(c, """
                    INSERT INTO commands (key, fingerprint, case_id, version, recorded_at)
                    VALUES (\(command.key), \(command.fingerprint), \(command.caseID), \(command.version), \(command.recordedAt))
                    """)
            }
            try insertAudit(c, rows.audit + [JournalRows.Audit(entry: note)])
        }
    }

    /// Brings a case copied earlier up to date with the source: the events after `version` (the
    /// target's, unchanged since: checked under the case's lock), the header, and the keys and
    /// audit entries added since, in one transaction.
    func catchUpCase(_ rows: JournalRows.CaseRows, from version: Int, commands: [JournalRows.Command], audit: [JournalRows.Audit],
                     note: AuditEntry) throws(JournalError) {
        let h = rows.header
        try transaction { (c) throws(JournalError) -> Void in
            guard let found = try query(c, "SELECT version FROM cases WHERE id = \(h.id) FOR UPDATE").first?.int("version") else {
                throw .unknownCase(h.id)
            }
            guard found == version else { throw .conflict(case: h.id, expected: version, found: found) }
            try insertEvents(c, Array(rows.events.dropFirst(version)))
            try query(c, """
                UPDATE cases SET version = \(h.version), status = \(h.status), definition_hash = \(h.definitionHash),
                    calendar_hash = \(h.calendarHash) WHERE id = \(h.id)
                """)
            for command in commands {
                try query(c, """
                    INSERT INTO commands (key, fingerprint, case_id, version, recorded_at)
                    VALUES (\(command.key), \(command.fingerprint), \(command.caseID), \(command.version), \(command.recordedAt))
                    """)
            }
            try insertAudit(c, audit + [JournalRows.Audit(entry: note)])
        }
    }

    /// Adds keys and audit entries of a case already copied (those added on the source since).
    func completeCase(commands: [JournalRows.Command], audit: [JournalRows.Audit]) throws(JournalError) {
        guard !commands.isEmpty || !audit.isEmpty else { return }
        try transaction { (c) throws(JournalError) -> Void in
            for command in commands {
                try query(c, """
                    INSERT INTO commands (key, fingerprint, case_id, version, recorded_at)
                    VALUES (\(command.key), \(command.fingerprint), \(command.caseID), \(command.version), \(command.recordedAt))
                    """)
            }
            try insertAudit(c, audit)
        }
    }

    /// Copies the audit entries of no case that a previous run has not copied. Progress is kept
    /// in `journal_info` under a key naming the source (by its first audit entry, which never
    /// changes), in the same transaction as the copy. Returns how many were copied.
    func importOtherAudit(_ entries: [JournalRows.Audit], source: String) throws(JournalError) -> Int {
        guard let first = entries.first else { return 0 }
        let key = "migrated-audit " + SHA256.hex(Array(first.canonical.utf8)).prefix(32)
        return try transaction { (c) throws(JournalError) -> Int in
            let done = try query(c, "SELECT value FROM journal_info WHERE key = \(key) FOR UPDATE").first.map { (r) throws(JournalError) in
                Int(try r.string("value").split(separator: " ").first ?? "") ?? 0
            } ?? 0
            guard entries.count > done else { return 0 }
            try insertAudit(c, Array(entries[done...]))
            try query(c, """
                INSERT INTO journal_info (key, value) VALUES (\(key), \("\(entries.count) entries from \(source)"))
                ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                """)
            return entries.count - done
        }
    }

    /// The audit entries of no case copied so far from the source whose first entry is `first`.
    func otherAuditCopied(first: JournalRows.Audit?) throws(JournalError) -> Int {
        guard let first else { return 0 }
        let key = "migrated-audit " + SHA256.hex(Array(first.canonical.utf8)).prefix(32)
        let value = try session.query("SELECT value FROM journal_info WHERE key = \(key)").first
            .map { (row) throws(JournalError) -> String? in
                do { return try row.makeRandomAccess()[0].decode(String?.self) } catch { throw .corrupt(JournalDataMessages.columnNotText(["column": "journal_info.value"])) }
            } ?? nil
        return Int(value?.split(separator: " ").first ?? "") ?? 0
    }

    /// Inserts copied events (one case's, in order) with their payload hashes and chain hashes,
    /// chained on to the event before the first one.
    private func insertEvents(_ c: PostgresConnection, _ events: [JournalRows.Event]) throws(JournalError) {
        guard let first = events.first else { return }
        var previous = first.seq <= 1 ? JournalChain.genesis
            : try query(c, "SELECT chain FROM events WHERE case_id = \(first.caseID) AND seq = \(first.seq - 1)").first?.string("chain") ?? JournalChain.genesis
        var hashes: [String] = [], chains: [String] = []
        for e in events {
            let row = EventChainRow(caseID: e.caseID, seq: e.seq, format: e.format, type: e.type, at: e.at, recordedAt: e.recordedAt, actor: e.actor,
                                    role: e.role, commandKey: e.commandKey, payload: e.payload, payloadHash: JournalChain.payloadHash(e.payload), chain: "")
            previous = JournalChain.event(previous: previous, row)
            hashes.append(row.payloadHash)
            chains.append(previous)
        }
        // In slices, so a long case stays well within the protocol's limits.
        var start = 0
        while start < events.count {
            let range = start..<min(start + 500, events.count)
            let slice = events[range]
            try query(c, """
                INSERT INTO events (case_id, seq, format, type, at, payload, recorded_at, actor, role, command_key, payload_hash, chain)
                SELECT case_id, seq, format, type, at, payload, recorded_at, actor,
                       CASE WHEN no_role THEN NULL ELSE role END, CASE WHEN no_key THEN NULL ELSE command_key END, payload_hash, chain
                FROM UNNEST(\(slice.map(\.caseID))::text[], \(slice.map(\.seq))::bigint[], \(slice.map(\.format))::bigint[],
                                     \(slice.map(\.type))::text[], \(slice.map(\.at))::bigint[], \(slice.map(\.payload))::text[],
                                     \(slice.map(\.recordedAt))::bigint[], \(slice.map(\.actor))::text[],
                                     \(slice.map { $0.role ?? "" })::text[], \(slice.map { $0.role == nil })::boolean[],
                                     \(slice.map { $0.commandKey ?? "" })::text[], \(slice.map { $0.commandKey == nil })::boolean[],
                                     \(Array(hashes[range]))::text[], \(Array(chains[range]))::text[])
                    AS e(case_id, seq, format, type, at, payload, recorded_at, actor, role, no_role, command_key, no_key, payload_hash, chain)
                """)
            start += 500
        }
    }

    /// Appends copied audit entries to the target's audit chain.
    private func insertAudit(_ c: PostgresConnection, _ entries: [JournalRows.Audit]) throws(JournalError) {
        for a in entries {
            try appendAudit(c, AuditEntry(at: EventCoding.date(milliseconds: a.at), actor: a.actor, role: a.role, action: a.action,
                                          caseID: a.caseID, detail: a.detail, asOf: a.asOf.map(EventCoding.date(milliseconds:))))
        }
    }

    static func caseRow(_ r: PGRow) throws(JournalError) -> JournalRows.Case {
        JournalRows.Case(id: try r.string("id"), number: try r.int("number"), sopID: try r.string("sop_id"),
                         definitionHash: try r.string("definition_hash"), openedAt: try r.int64("opened_at"),
                         status: try r.string("status"), version: try r.int("version"), calendarHash: try r.optionalString("calendar_hash"))
    }

    static func eventRow(_ r: PGRow) throws(JournalError) -> JournalRows.Event {
        JournalRows.Event(caseID: try r.string("case_id"), seq: try r.int("seq"), format: try r.int("format"), type: try r.string("type"),
                          at: try r.int64("at"), payload: try r.string("payload"), recordedAt: try r.int64("recorded_at"),
                          actor: try r.string("actor"), role: try r.optionalString("role"), commandKey: try r.optionalString("command_key"))
    }

    static func auditRow(_ r: PGRow) throws(JournalError) -> JournalRows.Audit {
        JournalRows.Audit(at: try r.int64("at"), actor: try r.string("actor"), role: try r.optionalString("role"),
                          action: try r.string("action"), caseID: try r.optionalString("case_id"), detail: try r.optionalString("detail"),
                          asOf: try r.optionalInt64("as_of"))
    }
}

extension JournalRows.Audit {
    init(entry: AuditEntry) {
        self.init(at: EventCoding.milliseconds(entry.at), actor: entry.actor, role: entry.role, action: entry.action,
                  caseID: entry.caseID, detail: entry.detail, asOf: entry.asOf.map(EventCoding.milliseconds))
    }
}
