import Foundation
import SOPKit
import GRDB

extension SQLiteJournal {
    public func openCase(sopID: String, definitionHash: String, definitionSource: String, calendar: CalendarRevision,
                         events: [CaseEvent], command: CommandInfo) throws(JournalError) -> CommandOutcome {
        try transaction { db in
            if let previous = try replay(db, command) { return previous }
            try storeDefinition(db, hash: definitionHash, sopID: sopID, source: definitionSource, at: command.recordedAt)
            try storeCalendar(db, calendar, at: command.recordedAt)
            let number = (try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(number), 0) + 1 FROM cases")) ?? 1
            let id = CaseID.make(sopID: sopID, number: number)
            let openedAt = events.first?.at ?? command.recordedAt
            try db.execute(sql: """
                INSERT INTO cases (id, number, sop_id, definition_hash, calendar_hash, opened_at, status, version) VALUES (?, ?, ?, ?, ?, ?, 'open', 0)
                """, arguments: [id, number, sopID, definitionHash, calendar.hash, EventCoding.milliseconds(openedAt)])
            let version = try insert(db, caseID: id, from: 0, events: events, command: command)
            try refreshSummary(db, caseID: id)
            try remember(db, command, caseID: id, version: version)
            try audit(db, command, caseID: id, detail: AuditMessages.caseOpened(["sop": .text(sopID), "definition": .text(String(definitionHash.prefix(12))), "calendar": .text(calendar.calendarID), "revision": .text(calendar.shortHash)]).stored)
            return CommandOutcome(caseID: id, version: version, replayed: false)
        }
    }

    public func append(_ batches: [EventBatch], command: CommandInfo) throws(JournalError) -> [CommandOutcome] {
        try transaction { db in
            if let previous = try replay(db, command) { return [previous] }
            var outcomes: [CommandOutcome] = []
            for batch in batches {
                guard let found = try Int.fetchOne(db, sql: "SELECT version FROM cases WHERE id = ?", arguments: [batch.caseID]) else {
                    throw JournalError.unknownCase(batch.caseID)
                }
                guard found == batch.expectedVersion else {
                    throw JournalError.conflict(case: batch.caseID, expected: batch.expectedVersion, found: found)
                }
                let version = try insert(db, caseID: batch.caseID, from: found, events: batch.events, command: command)
                try refreshSummary(db, caseID: batch.caseID)
                outcomes.append(CommandOutcome(caseID: batch.caseID, version: version, replayed: false))
            }
            if let first = outcomes.first { try remember(db, command, caseID: first.caseID, version: first.version) }
            for outcome in outcomes {
                let steps = Set(batches.first { $0.caseID == outcome.caseID }?.events.compactMap(\.step) ?? [])
                try audit(db, command, caseID: outcome.caseID, detail: steps.sorted().joined(separator: ", "))
            }
            return outcomes
        }
    }

    public func migrateCase(_ caseID: String, expectedVersion: Int, sopID: String, definitionHash: String, definitionSource: String,
                            calendar: CalendarRevision, events: [CaseEvent], command: CommandInfo) throws(JournalError) -> CommandOutcome {
        try transaction { db in
            if let previous = try replay(db, command) { return previous }
            guard let found = try Int.fetchOne(db, sql: "SELECT version FROM cases WHERE id = ?", arguments: [caseID]) else {
                throw JournalError.unknownCase(caseID)
            }
            guard found == expectedVersion else {
                throw JournalError.conflict(case: caseID, expected: expectedVersion, found: found)
            }
            try storeDefinition(db, hash: definitionHash, sopID: sopID, source: definitionSource, at: command.recordedAt)
            try storeCalendar(db, calendar, at: command.recordedAt)
            let version = try insert(db, caseID: caseID, from: found, events: events, command: command)
            try db.execute(sql: "UPDATE cases SET definition_hash = ?, calendar_hash = ? WHERE id = ?", arguments: [definitionHash, calendar.hash, caseID])
            try refreshSummary(db, caseID: caseID)
            try remember(db, command, caseID: caseID, version: version)
            try audit(db, command, caseID: caseID, detail: AuditMessages.caseMigrated(["definition": .text(String(definitionHash.prefix(12))), "calendar": .text(calendar.calendarID), "revision": .text(calendar.shortHash)]).stored)
            return CommandOutcome(caseID: caseID, version: version, replayed: false)
        }
    }

    public func repinCalendar(_ moves: [CalendarMove], to calendar: CalendarRevision, command: CommandInfo) throws(JournalError) -> [CommandOutcome] {
        try transaction { db in
            if let previous = try replay(db, command) { return [previous] }
            try storeCalendar(db, calendar, at: command.recordedAt)
            var outcomes: [CommandOutcome] = []
            for move in moves {
                guard let row = try Row.fetchOne(db, sql: "SELECT version, calendar_hash FROM cases WHERE id = ?", arguments: [move.caseID]) else {
                    throw JournalError.unknownCase(move.caseID)
                }
                let found: Int = row["version"], pinned: String? = row["calendar_hash"]
                guard found == move.expectedVersion, pinned == move.from else {
                    throw JournalError.conflict(case: move.caseID, expected: move.expectedVersion, found: found)
                }
                try db.execute(sql: "UPDATE cases SET calendar_hash = ? WHERE id = ?", arguments: [calendar.hash, move.caseID])
                try refreshSummary(db, caseID: move.caseID)
                try audit(db, command, caseID: move.caseID, detail: CalendarMove.detail(from: move.from, to: calendar))
                outcomes.append(CommandOutcome(caseID: move.caseID, version: found, replayed: false))
            }
            if let first = outcomes.first { try remember(db, command, caseID: first.caseID, version: first.version) }
            return outcomes
        }
    }

    /// Stores a calendar revision once per hash, chained to the one stored before it.
    private func storeCalendar(_ db: Database, _ calendar: CalendarRevision, at: Date) throws {
        let hash = calendar.hash
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM calendars WHERE hash = ?", arguments: [hash]) == true { return }
        let last = try Row.fetchOne(db, sql: "SELECT position, chain FROM calendars ORDER BY position DESC LIMIT 1")
        let row = CalendarChainRow(position: (last?["position"] as Int?).map { $0 + 1 } ?? 1, hash: hash, calendarID: calendar.calendarID,
                                   sources: calendar.encoded, storedAt: EventCoding.milliseconds(at), chain: "")
        try db.execute(sql: "INSERT INTO calendars (hash, calendar_id, sources, stored_at, position, chain) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [hash, row.calendarID, row.sources, row.storedAt, row.position,
                                   JournalChain.calendar(previous: (last?["chain"] as String?) ?? JournalChain.genesis, row)])
    }

    public func recordAudit(_ entry: AuditEntry) throws(JournalError) {
        try transaction { db in
            try appendAudit(db, entry)
        }
    }

    public func recordAudits(_ entries: [AuditEntry]) throws(JournalError) {
        guard !entries.isEmpty else { return }
        try transaction { db in
            for entry in entries { try appendAudit(db, entry) }
        }
    }

    public func recordedOutcome(key: String, fingerprint: String) throws(JournalError) -> CommandOutcome? {
        try read { db in
            try replay(db, CommandInfo(key: key, fingerprint: fingerprint, actor: "", role: nil, action: "", recordedAt: Date()))
        }
    }

    /// The first result of a command whose idempotency key was used already; a key reused for a
    /// different command is refused.
    private func replay(_ db: Database, _ command: CommandInfo) throws -> CommandOutcome? {
        guard let key = command.key else { return nil }
        guard let row = try Row.fetchOne(db, sql: "SELECT fingerprint, case_id, version FROM commands WHERE key = ?", arguments: [key]) else {
            return nil
        }
        let fingerprint: String = row["fingerprint"]
        guard fingerprint == command.fingerprint else {
            throw JournalError.refused(CaseRefusal(.keyReused, EngineMessages.keyReused(["key": .text(key), "fingerprint": .text("\(fingerprint)")])))
        }
        return CommandOutcome(caseID: row["case_id"], version: row["version"], replayed: true)
    }

    private func remember(_ db: Database, _ command: CommandInfo, caseID: String, version: Int) throws {
        guard let key = command.key else { return }
        try db.execute(sql: "INSERT INTO commands (key, fingerprint, case_id, version, recorded_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [key, command.fingerprint, caseID, version, EventCoding.milliseconds(command.recordedAt)])
    }

    private func insert(_ db: Database, caseID: String, from version: Int, events: [CaseEvent], command: CommandInfo) throws -> Int {
        let recorded = EventCoding.milliseconds(command.recordedAt)
        var seq = version
        var status: CaseOutcome?
        var previous = version == 0 ? JournalChain.genesis
            : try String.fetchOne(db, sql: "SELECT chain FROM events WHERE case_id = ? AND seq = ?", arguments: [caseID, version]) ?? JournalChain.genesis
        let statement = try db.cachedStatement(sql: """
            INSERT INTO events (case_id, seq, format, type, at, payload, recorded_at, actor, role, command_key, payload_hash, chain)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for event in events {
            seq += 1
            let payload = EventCoding.payload(event)
            let row = EventChainRow(caseID: caseID, seq: seq, format: EventCoding.formatVersion, type: event.name,
                                    at: EventCoding.milliseconds(event.at), recordedAt: recorded, actor: command.actor, role: command.role,
                                    commandKey: command.key, payload: payload, payloadHash: JournalChain.payloadHash(payload), chain: "")
            previous = JournalChain.event(previous: previous, row)
            try statement.execute(arguments: [caseID, seq, row.format, row.type, row.at, payload, recorded, command.actor, command.role,
                                              command.key, row.payloadHash, previous])
            if case .ended(let outcome) = event.kind { status = outcome }
        }
        try db.execute(sql: "UPDATE cases SET version = ?, status = COALESCE(?, status) WHERE id = ?",
                       arguments: [seq, status?.rawValue, caseID])
        return seq
    }

    private func audit(_ db: Database, _ command: CommandInfo, caseID: String?, detail: String?) throws {
        try appendAudit(db, AuditEntry(at: command.recordedAt, actor: command.actor, role: command.role, action: command.action,
                                       caseID: caseID, detail: detail, osLogin: command.osLogin, claimedUser: command.claimedUser))
    }

    /// Appends an audit row chained to the last one (the write lock serialises the chain).
    func appendAudit(_ db: Database, _ entry: AuditEntry) throws {
        let previous = try String.fetchOne(db, sql: "SELECT chain FROM audit ORDER BY id DESC LIMIT 1") ?? JournalChain.genesis
        let row = AuditChainRow(id: 0, at: EventCoding.milliseconds(entry.at), actor: entry.actor, osLogin: entry.osLogin,
                                claimedUser: entry.claimedUser, databaseRole: nil, role: entry.role, action: entry.action,
                                caseID: entry.caseID, asOf: entry.asOf.map(EventCoding.milliseconds), detail: entry.detail,
                                payloadHash: JournalChain.payloadHash(entry.detail), chain: "")
        try db.execute(sql: """
            INSERT INTO audit (at, actor, os_login, claimed_user, db_role, role, action, case_id, as_of, detail, payload_hash, chain)
            VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [row.at, row.actor, row.osLogin, row.claimedUser, row.role, row.action, row.caseID, row.asOf, row.detail,
                             row.payloadHash, JournalChain.audit(previous: previous, row)])
    }

    /// Stores a definition once per hash, chained to the one stored before it.
    private func storeDefinition(_ db: Database, hash: String, sopID: String, source: String, at: Date) throws {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM definitions WHERE hash = ?", arguments: [hash]) == true { return }
        let last = try Row.fetchOne(db, sql: "SELECT position, chain FROM definitions ORDER BY position DESC LIMIT 1")
        let row = DefinitionChainRow(position: (last?["position"] as Int?).map { $0 + 1 } ?? 1, hash: hash, sopID: sopID, source: source,
                                     storedAt: EventCoding.milliseconds(at), chain: "")
        try db.execute(sql: "INSERT INTO definitions (hash, sop_id, source, stored_at, position, chain) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [hash, sopID, source, row.storedAt, row.position,
                                   JournalChain.definition(previous: (last?["chain"] as String?) ?? JournalChain.genesis, row)])
    }
}
