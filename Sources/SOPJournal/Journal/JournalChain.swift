import Foundation
import SOPKit

/// The journal's tamper-evident hash chains: the events of each case, the audit trail, and the
/// stored definitions. Each row stores the SHA-256 of its payload (the event's payload, the audit
/// row's detail, the definition's source) and a chain hash over the previous row's chain hash, that
/// payload hash and the row's other columns. The chain never covers a payload itself, only its
/// hash: a payload later erased (a child's data past its retention period) is replaced by
/// ``erasedPayload`` with its payload hash kept, and every chain still verifies.
public enum JournalChain {
    /// The "previous chain hash" of the first row of a chain.
    public static let genesis = String(repeating: "0", count: 64)
    /// What an erased payload is replaced by; its recorded payload hash is kept.
    public static let erasedPayload = "{\"erased\":true}"

    /// The SHA-256 (hex) of a payload's UTF-8 bytes; `-` for no payload (an audit row without detail).
    public static func payloadHash(_ payload: String?) -> String {
        payload.map { SHA256.hex(Array($0.utf8)) } ?? "-"
    }

    /// The chain hash of a row: SHA-256 over the previous chain hash, the payload hash and the
    /// row's other columns, each written with its length so no two rows can read the same.
    static func link(_ previous: String, _ payloadHash: String, _ metadata: [String?]) -> String {
        var text = previous + "\n" + payloadHash
        for field in metadata {
            if let field { text += "\n\(field.utf8.count):\(field)" } else { text += "\n-" }
        }
        return SHA256.hex(Array(text.utf8))
    }

    /// The chain hash of an event.
    static func event(previous: String, _ row: EventChainRow) -> String {
        link(previous, row.payloadHash, [row.caseID, String(row.seq), String(row.format), row.type, String(row.at), String(row.recordedAt),
                                         row.actor, row.role, row.commandKey])
    }

    /// The chain hash of an audit row.
    static func audit(previous: String, _ row: AuditChainRow) -> String {
        link(previous, row.payloadHash, [String(row.at), row.actor, row.osLogin, row.claimedUser, row.databaseRole, row.role, row.action, row.caseID])
    }

    /// The chain hash of a stored definition (its payload hash is its own SHA-256, the key it is stored under).
    static func definition(previous: String, _ row: DefinitionChainRow) -> String {
        link(previous, row.hash, [String(row.position), row.sopID, String(row.storedAt)])
    }
}

/// One event as the chain sees it.
public struct EventChainRow: Sendable {
    public var caseID: String
    public var seq: Int
    public var format: Int
    public var type: String
    public var at: Int64
    public var recordedAt: Int64
    public var actor: String
    public var role: String?
    public var commandKey: String?
    public var payload: String
    public var payloadHash: String
    public var chain: String
}

/// One audit row as the chain sees it.
public struct AuditChainRow: Sendable {
    public var id: Int64
    public var at: Int64
    public var actor: String
    public var osLogin: String?
    public var claimedUser: String?
    public var databaseRole: String?
    public var role: String?
    public var action: String
    public var caseID: String?
    public var detail: String?
    public var payloadHash: String
    public var chain: String
}

/// One stored definition as the chain sees it.
public struct DefinitionChainRow: Sendable {
    public var position: Int
    public var hash: String
    public var sopID: String
    public var source: String
    public var storedAt: Int64
    public var chain: String
}

/// Every row of every chain, in chain order (events by case then sequence, audit by id,
/// definitions by position), and each case's version.
public struct JournalChainRows: Sendable {
    public var events: [EventChainRow]
    public var audit: [AuditChainRow]
    public var definitions: [DefinitionChainRow]
    public var caseVersions: [String: Int]
}

/// What `sop journal verify` found.
public struct JournalVerification: Sendable {
    /// The first row that breaks a chain, in words; nil when every chain holds.
    public var firstBreak: String?
    public var events: Int
    public var cases: Int
    public var auditRows: Int
    public var definitions: Int
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
        for (id, head) in heads.sorted(by: { $0.key < $1.key }) { summary += "case \(id) \(head)\n" }
        return JournalVerification(firstBreak: firstBreak, events: rows.events.count, cases: heads.count, auditRows: rows.audit.count,
                                   definitions: rows.definitions.count, erased: erased, head: SHA256.hex(Array(summary.utf8)))
    }
}
