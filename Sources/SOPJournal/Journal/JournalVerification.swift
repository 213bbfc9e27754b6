import SOPKit

/// What `sop journal verify` found.
public struct JournalVerification: Sendable {
    /// The first row that breaks a chain, in words; nil when every chain holds.
    public var firstBreak: String?
    public var events: Int
    public var cases: Int
    public var auditRows: Int
    public var definitions: Int
    /// Stored calendar revisions (issue 13).
    public var calendars: Int = 0
    /// Payloads erased (replaced by ``JournalChain/erasedPayload``) whose hashes still chain.
    public var erased: Int
    /// One hash over the head of every chain: write it down or send it elsewhere; a later
    /// verify that prints a head whose history does not contain it means the chain was rewritten.
    public var head: String

    /// Checks every chain in `rows`.
    public static func verify(_ rows: JournalChainRows) -> JournalVerification {
        var firstBreak: String?
        func broke(_ text: String) { if firstBreak == nil { firstBreak = text } }
        var erased = 0
        // Definitions: each source must still hash to the key it is stored under (its SHA-256).
        var definitionHead = JournalChain.genesis
        for (index, row) in rows.definitions.enumerated() {
            if row.position != index + 1 { broke("stored definition \(row.hash.prefix(12)) (\(row.sopID)): position \(row.position) where \(index + 1) was expected (a definition was deleted or moved)") }
            if JournalChain.payloadHash(row.source) != row.hash { broke("the stored SOP revision \(row.hash.prefix(12)) (\(row.sopID)) was altered: its text no longer has that SHA-256") }
            if JournalChain.definition(previous: definitionHead, row) != row.chain { broke("stored definition \(row.hash.prefix(12)) (\(row.sopID)): its chain hash does not match (edited, deleted or reordered)") }
            definitionHead = row.chain
        }
        // Calendar revisions: each one's files must still hash to the key it is stored under.
        var calendarHead = JournalChain.genesis
        for (index, row) in rows.calendars.enumerated() {
            let name = "stored calendar revision \(row.hash.prefix(12)) (\(row.calendarID))"
            if row.position != index + 1 { broke("\(name): position \(row.position) where \(index + 1) was expected (a calendar revision was deleted or moved)") }
            if !JournalChain.calendarMatches(row) { broke("the \(name) was altered: its files no longer have that SHA-256") }
            if JournalChain.calendar(previous: calendarHead, row) != row.chain { broke("\(name): its chain hash does not match (edited, deleted or reordered)") }
            calendarHead = row.chain
        }
        // Events, per case.
        var heads: [String: String] = [:]
        var counts: [String: Int] = [:]
        for row in rows.events {
            let previous = heads[row.caseID] ?? JournalChain.genesis
            let expected = (counts[row.caseID] ?? 0) + 1
            counts[row.caseID] = expected
            let name = "case \(row.caseID) event #\(row.seq)"
            if row.seq != expected { broke("case \(row.caseID): event #\(expected) is missing or out of place (found #\(row.seq))") }
            if row.payload == JournalChain.erasedPayload {
                erased += 1
            } else if JournalChain.payloadHash(row.payload) != row.payloadHash {
                broke("\(name): its payload was changed (it no longer has its recorded SHA-256)")
            }
            if JournalChain.event(previous: previous, row) != row.chain { broke("\(name): its chain hash does not match (edited, deleted or reordered)") }
            heads[row.caseID] = row.chain
        }
        for (id, version) in rows.caseVersions.sorted(by: { $0.key < $1.key }) where (counts[id] ?? 0) != version {
            broke("case \(id): \(counts[id] ?? 0) events stored but its version says \(version) (events deleted or added)")
        }
        // The audit trail, one chain.
        var auditHead = JournalChain.genesis
        for row in rows.audit {
            if JournalChain.payloadHash(row.detail) != row.payloadHash, row.detail != JournalChain.erasedPayload {
                broke("audit row \(row.id): its detail was changed (it no longer has its recorded SHA-256)")
            }
            if JournalChain.audit(previous: auditHead, row) != row.chain { broke("audit row \(row.id): its chain hash does not match (edited, deleted or reordered)") }
            auditHead = row.chain
        }
        var summary = "definitions \(definitionHead)\naudit \(auditHead)\n"
        // (A journal without stored calendars keeps the head it had before they were chained.)
        if !rows.calendars.isEmpty { summary += "calendars \(calendarHead)\n" }
        for (id, head) in heads.sorted(by: { $0.key < $1.key }) { summary += "case \(id) \(head)\n" }
        return JournalVerification(firstBreak: firstBreak, events: rows.events.count, cases: heads.count, auditRows: rows.audit.count,
                                   definitions: rows.definitions.count, calendars: rows.calendars.count, erased: erased,
                                   head: SHA256.hex(Array(summary.utf8)))
    }
}
