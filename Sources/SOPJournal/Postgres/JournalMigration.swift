import Foundation
import SOPKit

/// Moves an office's SQLite journal to a PostgreSQL journal (`sop migrate`).
///
/// Definitions first, then each case in its own transaction: its header (same id and number),
/// every event exactly as stored (same seq, times, payload, actor, role, key), its idempotency keys
/// and its audit entries, plus an audit entry saying it was copied. Then the audit entries of no
/// case. A run that is interrupted leaves whole cases only; running it again skips the cases the
/// target already holds with the same events (same checksum), brings up to date the cases that got
/// new events on the source since, and copies the rest. A case the target holds with other
/// contents is refused and left alone. At the end both sides are read back and
/// compared: counts, and a SHA-256 over a canonical serialisation of every event.
public struct JournalMigration: Sendable {
    public let source: SQLiteJournal
    public let target: PostgresJournal
    /// How the source is named in the target's audit trail and in messages.
    public let sourceName: String
    /// Who is migrating, for the audit trail.
    public let actor: String

    public init(source: SQLiteJournal, target: PostgresJournal, sourceName: String, actor: String) {
        self.source = source
        self.target = target
        self.sourceName = sourceName
        self.actor = actor
    }

    public struct Report: Sendable {
        public var definitions = 0
        public var definitionsCopied = 0
        /// Cases copied by this run, with their event counts.
        public var copied: [(id: String, events: Int)] = []
        /// Cases the target held already with the same events.
        public var alreadyThere: [String] = []
        /// Cases copied by an earlier run that got new events on the source since: brought up to date.
        public var updated: [(id: String, events: Int)] = []
        /// Cases the target holds with the same events and newer ones after them (worked on there since).
        public var aheadOnTarget: [(id: String, newer: Int)] = []
        /// Cases refused, and why; the target's version of them is left untouched.
        public var refused: [(id: String, reason: Message)] = []
        public var otherAuditCopied = 0
        /// False when the run stopped before the last case (only in tests).
        public var complete = true
        public var verification = Verification()

        /// Everything copied and verified, nothing refused.
        public var succeeded: Bool { refused.isEmpty && complete && verification.matches }
    }

    /// Both sides read back after the copy, over the cases that were not refused.
    public struct Verification: Sendable {
        public var cases = (source: 0, target: 0)
        public var events = (source: 0, target: 0)
        public var commands = (source: 0, target: 0)
        public var audit = (source: 0, target: 0)
        /// Stored definitions, and how many the target holds with exactly the same text.
        public var definitions = (source: 0, target: 0)
        /// Over each case's identity (id, number, SOP, definition, opening time) and its events.
        public var checksum = (source: "", target: "")

        public var matches: Bool {
            cases.source == cases.target && events.source == events.target && commands.source == commands.target
                && audit.source == audit.target && definitions.source == definitions.target && checksum.source == checksum.target
        }
    }

    /// Copies what the target lacks and verifies; `progress` receives one line per copied or
    /// refused case. `caseLimit` stops after that many cases (to test resuming).
    public func run(caseLimit: Int? = nil, now: Date = Date(), progress: (Message) -> Void = { _ in }) throws(JournalError) -> Report {
        var report = Report()
        let definitions = try source.rowsDefinitions()
        report.definitions = definitions.count
        report.definitionsCopied = try target.importDefinitions(definitions)
        try target.importCalendars(try source.rowsCalendars())
        let headers = try source.rowsCases()
        for (index, header) in headers.enumerated() {
            if let caseLimit, index >= caseLimit {
                report.complete = false
                break
            }
            guard let rows = try source.rowsCase(header.id) else { continue }
            try copy(rows, now: now, into: &report, progress: progress)
        }
        if report.complete {
            report.otherAuditCopied = try target.importOtherAudit(try source.rowsOtherAudit(), source: sourceName)
            // The accounts of `sop serve` move with the cases (sessions do not: users log in again),
            // and the read model is made from the copied events.
            for user in try source.accounts.users() where try target.accounts.user(named: user.name) == nil {
                try target.accounts.addUser(user)
            }
            _ = try target.rebuildReadModel()
        }
        let refused = Set(report.refused.map(\.id))
        report.verification = try verify(headers.filter { !refused.contains($0.id) }, definitions: definitions)
        return report
    }

    private func copy(_ rows: JournalRows.CaseRows, now: Date, into report: inout Report, progress: (Message) -> Void) throws(JournalError) {
        let id = rows.header.id
        let checksum = JournalRows.checksum(rows.events)
        func refuse(_ reason: Message) {
            report.refused.append((id, reason))
            progress(JournalCommandMessages.progressRefused(["case": .text(id), "reason": .message(reason)]))
        }
        guard let there = try target.rowsCase(id) else {
            let taken = try target.rowsCommands(rows.commands.map(\.key))
            if let clash = rows.commands.first(where: { taken[$0.key] != nil && taken[$0.key] != $0 }) {
                refuse(MigrationMessages.keyUsedForCommand(["key": .text(clash.key)]))
                return
            }
            let note = AuditEntry(at: now, actor: actor, role: nil, action: "migrate", caseID: id,
                                  detail: AuditMessages.copiedFrom(["source": .text(sourceName), "events": .number(rows.events.count), "checksum": .text(String(checksum.prefix(16)))]).stored)
            do {
                try target.importCase(rows, note: note)
            } catch .refused(let why) {
                refuse(why.text)
                return
            }
            report.copied.append((id, rows.events.count))
            progress(JournalCommandMessages.progressCopied(["case": .text(id), "events": .number(rows.events.count), "keys": .number(rows.commands.count), "audit": .number(rows.audit.count)]))
            return
        }
        // The target has this case: the same one (copied before, perhaps worked on since on one
        // side) or another office's. The same case's events on one side begin with the other's.
        let h = rows.header, t = there.header
        let shared = min(there.events.count, rows.events.count)
        guard t.number == h.number, t.sopID == h.sopID, t.openedAt == h.openedAt,
              JournalRows.checksum(Array(there.events.prefix(shared))) == JournalRows.checksum(Array(rows.events.prefix(shared))) else {
            refuse(MigrationMessages.otherContents(["case": .text(id), "events": .number(there.events.count), "sop": .text(t.sopID)]))
            return
        }
        if there.events.count == rows.events.count, t.definitionHash != h.definitionHash || t.status != h.status {
            refuse(MigrationMessages.otherDefinition(["case": .text(id)]))
            return
        }
        // Keys and audit entries added on the source since the earlier copy.
        let stored = Dictionary(there.commands.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var missingKeys: [JournalRows.Command] = []
        for command in rows.commands {
            if let known = stored[command.key] {
                guard known == command else { refuse(MigrationMessages.keyRecordsOther(["key": .text(command.key)])); return }
            } else {
                missingKeys.append(command)
            }
        }
        let taken = try target.rowsCommands(missingKeys.map(\.key))
        if let clash = missingKeys.first(where: { taken[$0.key] != nil }) {
            refuse(MigrationMessages.keyUsedForCase(["key": .text(clash.key)]))
            return
        }
        let matched = JournalMigration.matchAudit(source: rows.audit, target: there.audit)
        if let change = matched.changeOnTarget, matched.count < rows.audit.count {
            refuse(MigrationMessages.auditDiffers(["entry": .number(matched.count), "change": .text("\(change)")]))
            return
        }
        let missingAudit = Array(rows.audit[matched.count...])
        if rows.events.count > there.events.count {
            let added = rows.events.count - there.events.count
            let note = AuditEntry(at: now, actor: actor, role: nil, action: "migrate", caseID: id,
                                  detail: AuditMessages.updatedFrom(["source": .text(sourceName), "added": .number(added), "checksum": .text(String(checksum.prefix(16)))]).stored)
            do {
                try target.catchUpCase(rows, from: there.events.count, commands: missingKeys, audit: missingAudit, note: note)
            } catch .conflict {
                refuse(MigrationMessages.changedDuringUpdate())
                return
            }
            report.updated.append((id, added))
            progress(JournalCommandMessages.progressUpdated(["case": .text(id), "n": .number(added)]))
            return
        }
        try target.completeCase(commands: missingKeys, audit: missingAudit)
        if there.events.count > rows.events.count {
            report.aheadOnTarget.append((id, there.events.count - rows.events.count))
        } else {
            report.alreadyThere.append(id)
        }
        if !missingKeys.isEmpty || !missingAudit.isEmpty {
            progress(JournalCommandMessages.progressCompleted(["case": .text(id), "keys": .number(missingKeys.count), "audit": .number(missingAudit.count)]))
        }
    }

    /// How much of the source's audit trail of a case the target holds, in order. The target's own
    /// entries in between are skipped when they are reads (a case read on the server is not a case
    /// changed there) or notes of this migration; any other entry the source lacks is a change on
    /// the target, returned as `changeOnTarget` (its action; matching stops there). Such a change
    /// matters only when the source has entries after it (the case changed on both sides).
    static func matchAudit(source: [JournalRows.Audit], target: [JournalRows.Audit]) -> (count: Int, changeOnTarget: String?) {
        var next = 0
        for entry in target {
            if next < source.count, entry == source[next] {
                next += 1
            } else if entry.action != "migrate", !AuditActions.isRead(entry.action) {
                return (next, entry.action)
            }
        }
        return (next, nil)
    }

    /// Reads both sides back and compares them.
    private func verify(_ headers: [JournalRows.Case], definitions: [JournalRows.Definition]) throws(JournalError) -> Verification {
        var v = Verification()
        for definition in definitions {
            v.definitions.source += 1
            if (try? target.definitionSource(hash: definition.hash)) == definition.source { v.definitions.target += 1 }
        }
        /// A case's identity: what must be the same on both sides whatever happened since.
        func identity(_ c: JournalRows.Case) -> String { "\(c.number) \(c.sopID) \(c.definitionHash) \(c.openedAt) " }
        var sourceSums: [(id: String, checksum: String)] = [], targetSums: [(id: String, checksum: String)] = []
        for header in headers {
            guard let mine = try source.rowsCase(header.id) else { continue }
            v.cases.source += 1
            v.events.source += mine.events.count
            v.commands.source += mine.commands.count
            v.audit.source += mine.audit.count
            sourceSums.append((header.id, identity(mine.header) + JournalRows.checksum(mine.events)))
            guard let theirs = try target.rowsCase(header.id) else { continue }
            v.cases.target += 1
            let events = Array(theirs.events.prefix(mine.events.count))
            v.events.target += events.count
            let keys = Set(theirs.commands)
            v.commands.target += mine.commands.filter { keys.contains($0) }.count
            v.audit.target += JournalMigration.matchAudit(source: mine.audit, target: theirs.audit).count
            targetSums.append((header.id, identity(theirs.header) + JournalRows.checksum(events)))
        }
        let other = try source.rowsOtherAudit()
        v.audit.source += other.count
        v.audit.target += min(other.count, try target.otherAuditCopied(first: other.first))
        v.checksum = (JournalRows.checksum(cases: sourceSums), JournalRows.checksum(cases: targetSums))
        return v
    }
}
