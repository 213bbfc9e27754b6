import Foundation
import PostgresNIO
import SOPKit

extension PostgresJournal {
    public func openCase(sopID: String, definitionHash: String, definitionSource: String, calendar: CalendarRevision,
                         events: [CaseEvent], command: CommandInfo) throws(JournalError) -> CommandOutcome {
        try transaction(idempotent: command.key != nil) { (c) throws(JournalError) -> CommandOutcome in
            if let previous = try replay(c, command) { return previous }
            try storeDefinition(c, hash: definitionHash, sopID: sopID, source: definitionSource, at: command.recordedAt)
            try storeCalendar(c, calendar, at: command.recordedAt)
            // The counter row's lock is held to the end of the transaction: openings queue here.
            let numbered = try query(c, """
                UPDATE case_numbers SET last = GREATEST(last, (SELECT COALESCE(MAX(number), 0) FROM cases)) + 1
                RETURNING last
                """)
            guard let number = try numbered.first?.int("last") else { throw .corrupt(JournalDataMessages.caseCounterMissing()) }
            let id = CaseID.make(sopID: sopID, number: number)
            let openedAt = EventCoding.milliseconds(events.first?.at ?? command.recordedAt)
            try query(c, """
                INSERT INTO cases (id, number, sop_id, definition_hash, calendar_hash, opened_at, status, version)
                VALUES (\(id), \(number), \(sopID), \(definitionHash), \(calendar.hash), \(openedAt), 'open', 0)
                """)
            let version = try insert(c, caseID: id, from: 0, events: events, command: command)
            try refreshSummary(c, caseID: id)
            try remember(c, command, caseID: id, version: version)
            try audit(c, command, caseID: id, detail: AuditMessages.caseOpened(["sop": .text(sopID), "definition": .text(String(definitionHash.prefix(12))), "calendar": .text(calendar.calendarID), "revision": .text(calendar.shortHash)]).stored)
            return CommandOutcome(caseID: id, version: version, replayed: false)
        }
    }

    public func append(_ batches: [EventBatch], command: CommandInfo) throws(JournalError) -> [CommandOutcome] {
        try transaction(idempotent: command.key != nil) { (c) throws(JournalError) -> [CommandOutcome] in
            if let previous = try replay(c, command) { return [previous] }
            // Lock every case of the command at once, in id order, so two commands on the same
            // cases queue instead of deadlocking.
            let ids = Array(Set(batches.map(\.caseID))).sorted()
            var versions: [String: Int] = [:]
            for row in try query(c, "SELECT id, version FROM cases WHERE id = ANY(\(ids)) ORDER BY id FOR UPDATE") {
                versions[try row.string("id")] = try row.int("version")
            }
            var outcomes: [CommandOutcome] = []
            for batch in batches {
                guard let found = versions[batch.caseID] else { throw .unknownCase(batch.caseID) }
                guard found == batch.expectedVersion else {
                    throw .conflict(case: batch.caseID, expected: batch.expectedVersion, found: found)
                }
                let version = try insert(c, caseID: batch.caseID, from: found, events: batch.events, command: command)
                try refreshSummary(c, caseID: batch.caseID)
                versions[batch.caseID] = version
                outcomes.append(CommandOutcome(caseID: batch.caseID, version: version, replayed: false))
            }
            if let first = outcomes.first { try remember(c, command, caseID: first.caseID, version: first.version) }
            for outcome in outcomes {
                let steps = Set(batches.first { $0.caseID == outcome.caseID }?.events.compactMap(\.step) ?? [])
                try audit(c, command, caseID: outcome.caseID, detail: steps.sorted().joined(separator: ", "))
            }
            return outcomes
        }
    }

    public func migrateCase(_ caseID: String, expectedVersion: Int, sopID: String, definitionHash: String, definitionSource: String,
                            calendar: CalendarRevision, events: [CaseEvent], command: CommandInfo) throws(JournalError) -> CommandOutcome {
        try transaction(idempotent: command.key != nil) { (c) throws(JournalError) -> CommandOutcome in
            if let previous = try replay(c, command) { return previous }
            guard let found = try query(c, "SELECT version FROM cases WHERE id = \(caseID) FOR UPDATE").first?.int("version") else {
                throw .unknownCase(caseID)
            }
            guard found == expectedVersion else { throw .conflict(case: caseID, expected: expectedVersion, found: found) }
            try storeDefinition(c, hash: definitionHash, sopID: sopID, source: definitionSource, at: command.recordedAt)
            try storeCalendar(c, calendar, at: command.recordedAt)
            let version = try insert(c, caseID: caseID, from: found, events: events, command: command)
            try query(c, "UPDATE cases SET definition_hash = \(definitionHash), calendar_hash = \(calendar.hash) WHERE id = \(caseID)")
            try refreshSummary(c, caseID: caseID)
            try remember(c, command, caseID: caseID, version: version)
            try audit(c, command, caseID: caseID, detail: AuditMessages.caseMigrated(["definition": .text(String(definitionHash.prefix(12))), "calendar": .text(calendar.calendarID), "revision": .text(calendar.shortHash)]).stored)
            return CommandOutcome(caseID: caseID, version: version, replayed: false)
        }
    }

    public func repinCalendar(_ moves: [CalendarMove], to calendar: CalendarRevision, command: CommandInfo) throws(JournalError) -> [CommandOutcome] {
        try transaction { (c) throws(JournalError) -> [CommandOutcome] in
            if let previous = try replay(c, command) { return [previous] }
            try storeCalendar(c, calendar, at: command.recordedAt)
            let ids = Array(Set(moves.map(\.caseID))).sorted()
            var seen: [String: (version: Int, pinned: String?)] = [:]
            for row in try query(c, "SELECT id, version, calendar_hash FROM cases WHERE id = ANY(\(ids)) ORDER BY id FOR UPDATE") {
                seen[try row.string("id")] = (try row.int("version"), try row.optionalString("calendar_hash"))
            }
            var outcomes: [CommandOutcome] = []
            for move in moves {
                guard let found = seen[move.caseID] else { throw .unknownCase(move.caseID) }
                guard found.version == move.expectedVersion, found.pinned == move.from else {
                    throw .conflict(case: move.caseID, expected: move.expectedVersion, found: found.version)
                }
                try query(c, "UPDATE cases SET calendar_hash = \(calendar.hash) WHERE id = \(move.caseID)")
                try refreshSummary(c, caseID: move.caseID)
                try audit(c, command, caseID: move.caseID, detail: CalendarMove.detail(from: move.from, to: calendar))
                outcomes.append(CommandOutcome(caseID: move.caseID, version: found.version, replayed: false))
            }
            if let first = outcomes.first { try remember(c, command, caseID: first.caseID, version: first.version) }
            return outcomes
        }
    }

    private func storeCalendar(_ c: PostgresConnection, _ calendar: CalendarRevision, at: Date) throws(JournalError) {
        try storeCalendar(c, hash: calendar.hash, calendarID: calendar.calendarID, sources: calendar.encoded, storedAt: EventCoding.milliseconds(at))
    }

    /// Stores a calendar revision once per hash, chained to the one stored before it (one advisory
    /// lock serialises the calendars' chain).
    func storeCalendar(_ c: PostgresConnection, hash: String, calendarID: String, sources: String, storedAt: Int64) throws(JournalError) {
        if try !query(c, "SELECT 1 FROM calendars WHERE hash = \(hash)").isEmpty { return }
        try query(c, "SELECT pg_advisory_xact_lock(hashtextextended('sop-calendars-chain', 12))")
        if try !query(c, "SELECT 1 FROM calendars WHERE hash = \(hash)").isEmpty { return }
        let last = try query(c, "SELECT position, chain FROM calendars ORDER BY position DESC NULLS LAST LIMIT 1").first
        let row = CalendarChainRow(position: try last.map { (r) throws(JournalError) -> Int in try r.int("position") + 1 } ?? 1,
                                   hash: hash, calendarID: calendarID, sources: sources, storedAt: storedAt, chain: "")
        let chain = JournalChain.calendar(previous: try last?.string("chain") ?? JournalChain.genesis, row)
        try query(c, """
            INSERT INTO calendars (hash, calendar_id, sources, stored_at, position, chain)
            VALUES (\(hash), \(calendarID), \(sources), \(storedAt), \(row.position), \(chain))
            """)
    }

    public func recordAudit(_ entry: AuditEntry) throws(JournalError) {
        try transaction { (c) throws(JournalError) -> Void in try appendAudit(c, entry) }
    }

    public func recordAudits(_ entries: [AuditEntry]) throws(JournalError) {
        guard !entries.isEmpty else { return }
        try transaction { (c) throws(JournalError) -> Void in
            for entry in entries { try appendAudit(c, entry) }
        }
    }

    /// Appends an audit row chained to the last one. The chain is global, so concurrent writers
    /// take one advisory lock, held to the end of their transaction, before reading the head:
    /// the next writer reads this row as its predecessor once this transaction commits.
    func appendAudit(_ c: PostgresConnection, _ entry: AuditEntry) throws(JournalError) {
        try query(c, "SELECT pg_advisory_xact_lock(hashtextextended('sop-audit-chain', 12))")
        let previous = try query(c, "SELECT chain FROM audit ORDER BY id DESC LIMIT 1").first?.string("chain") ?? JournalChain.genesis
        let role = try query(c, "SELECT current_user::text AS role").first?.string("role")
        let row = AuditChainRow(id: 0, at: EventCoding.milliseconds(entry.at), actor: entry.actor, osLogin: entry.osLogin,
                                claimedUser: entry.claimedUser, databaseRole: role, role: entry.role, action: entry.action,
                                caseID: entry.caseID, asOf: entry.asOf.map(EventCoding.milliseconds), detail: entry.detail,
                                payloadHash: JournalChain.payloadHash(entry.detail), chain: "")
        let chain = JournalChain.audit(previous: previous, row)
        try query(c, """
            INSERT INTO audit (at, actor, os_login, claimed_user, db_role, role, action, case_id, as_of, detail, payload_hash, chain)
            VALUES (\(row.at), \(row.actor), \(row.osLogin), \(row.claimedUser), \(role), \(row.role), \(row.action), \(row.caseID),
                    \(row.asOf), \(row.detail), \(row.payloadHash), \(chain))
            """)
    }

    public func recordedOutcome(key: String, fingerprint: String) throws(JournalError) -> CommandOutcome? {
        try session.withConnection(retry: true) { (c) throws(JournalError) -> CommandOutcome? in
            try lookUp(c, key: key, fingerprint: fingerprint)
        }
    }

    /// The first result of a command whose idempotency key was used already (a key reused for a
    /// different command is refused). Takes the key's advisory lock first, so a retry that races
    /// its original waits for it and then replays it.
    private func replay(_ c: PostgresConnection, _ command: CommandInfo) throws(JournalError) -> CommandOutcome? {
        guard let key = command.key else { return nil }
        try query(c, "SELECT pg_advisory_xact_lock(hashtextextended(\(key), 7219))")
        return try lookUp(c, key: key, fingerprint: command.fingerprint)
    }

    private func lookUp(_ c: PostgresConnection, key: String, fingerprint wanted: String) throws(JournalError) -> CommandOutcome? {
        guard let row = try query(c, "SELECT fingerprint, case_id, version FROM commands WHERE key = \(key)").first else { return nil }
        let fingerprint = try row.string("fingerprint")
        guard fingerprint == wanted else {
            throw .refused(CaseRefusal(.keyReused, EngineMessages.keyReused(["key": .text(key), "fingerprint": .text("\(fingerprint)")])))
        }
        return CommandOutcome(caseID: try row.string("case_id"), version: try row.int("version"), replayed: true)
    }

    /// Stores a definition once per hash, chained to the one stored before it (one advisory lock
    /// serialises the definitions' chain).
    func storeDefinition(_ c: PostgresConnection, hash: String, sopID: String, source: String, at: Date) throws(JournalError) {
        if try !query(c, "SELECT 1 FROM definitions WHERE hash = \(hash)").isEmpty { return }
        try query(c, "SELECT pg_advisory_xact_lock(hashtextextended('sop-definitions-chain', 12))")
        if try !query(c, "SELECT 1 FROM definitions WHERE hash = \(hash)").isEmpty { return }
        let last = try query(c, "SELECT position, chain FROM definitions ORDER BY position DESC NULLS LAST LIMIT 1").first
        let row = DefinitionChainRow(position: try last.map { (r) throws(JournalError) -> Int in try r.int("position") + 1 } ?? 1,
                                     hash: hash, sopID: sopID, source: source, storedAt: EventCoding.milliseconds(at), chain: "")
        let chain = JournalChain.definition(previous: try last?.string("chain") ?? JournalChain.genesis, row)
        try query(c, """
            INSERT INTO definitions (hash, sop_id, source, stored_at, position, chain)
            VALUES (\(hash), \(sopID), \(source), \(row.storedAt), \(row.position), \(chain))
            """)
    }

    private func remember(_ c: PostgresConnection, _ command: CommandInfo, caseID: String, version: Int) throws(JournalError) {
        guard let key = command.key else { return }
        try query(c, """
            INSERT INTO commands (key, fingerprint, case_id, version, recorded_at)
            VALUES (\(key), \(command.fingerprint), \(caseID), \(version), \(EventCoding.milliseconds(command.recordedAt)))
            """)
    }

    /// Appends `events` after `version` in one statement and moves the case's header on.
    private func insert(_ c: PostgresConnection, caseID: String, from version: Int, events: [CaseEvent],
                        command: CommandInfo) throws(JournalError) -> Int {
        var seqs: [Int] = [], types: [String] = [], ats: [Int64] = [], payloads: [String] = [], hashes: [String] = [], chains: [String] = []
        var status: CaseOutcome?
        var previous = version == 0 ? JournalChain.genesis
            : try query(c, "SELECT chain FROM events WHERE case_id = \(caseID) AND seq = \(version)").first?.string("chain") ?? JournalChain.genesis
        let recorded = EventCoding.milliseconds(command.recordedAt)
        for (offset, event) in events.enumerated() {
            let payload = EventCoding.payload(event)
            let row = EventChainRow(caseID: caseID, seq: version + offset + 1, format: EventCoding.formatVersion, type: event.name,
                                    at: EventCoding.milliseconds(event.at), recordedAt: recorded, actor: command.actor, role: command.role,
                                    commandKey: command.key, payload: payload, payloadHash: JournalChain.payloadHash(payload), chain: "")
            previous = JournalChain.event(previous: previous, row)
            seqs.append(row.seq)
            types.append(row.type)
            ats.append(row.at)
            payloads.append(payload)
            hashes.append(row.payloadHash)
            chains.append(previous)
            if case .ended(let outcome) = event.kind { status = outcome }
        }
        let seq = version + events.count
        if !events.isEmpty {
            try query(c, """
                INSERT INTO events (case_id, seq, format, type, at, payload, recorded_at, actor, role, command_key, payload_hash, chain)
                SELECT \(caseID), e.seq, \(EventCoding.formatVersion), e.type, e.at, e.payload,
                       \(recorded), \(command.actor), \(command.role)::text, \(command.key)::text, e.payload_hash, e.chain
                FROM UNNEST(\(seqs)::bigint[], \(types)::text[], \(ats)::bigint[], \(payloads)::text[], \(hashes)::text[], \(chains)::text[])
                    AS e(seq, type, at, payload, payload_hash, chain)
                """)
        }
        try query(c, "UPDATE cases SET version = \(seq), status = COALESCE(\(status?.rawValue)::text, status) WHERE id = \(caseID)")
        return seq
    }

    private func audit(_ c: PostgresConnection, _ command: CommandInfo, caseID: String?, detail: String?) throws(JournalError) {
        try appendAudit(c, AuditEntry(at: command.recordedAt, actor: command.actor, role: command.role, action: command.action,
                                      caseID: caseID, detail: detail, osLogin: command.osLogin, claimedUser: command.claimedUser))
    }
}
