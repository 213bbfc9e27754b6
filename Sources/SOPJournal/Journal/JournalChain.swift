import Foundation
import SOPKit

/// The journal's tamper-evident hash chains: the events of each case, the audit trail, the stored
/// definitions and the stored calendar revisions. Each row stores the SHA-256 of its payload (the event's payload, the audit
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
        link(previous, row.payloadHash, [String(row.at), row.actor, row.osLogin, row.claimedUser, row.databaseRole, row.role, row.action, row.caseID,
                                         row.asOf.map { String($0) }])
    }

    /// The chain hash of a stored definition (its payload hash is its own SHA-256, the key it is stored under).
    static func definition(previous: String, _ row: DefinitionChainRow) -> String {
        link(previous, row.hash, [String(row.position), row.sopID, String(row.storedAt)])
    }

    /// The chain hash of a stored calendar revision (its payload hash is the revision's hash, the
    /// key it is stored under, which covers every file's text).
    static func calendar(previous: String, _ row: CalendarChainRow) -> String {
        link(previous, row.hash, [String(row.position), row.calendarID, String(row.storedAt)])
    }

    /// Whether a stored calendar row's files still hash to the key they are stored under.
    static func calendarMatches(_ row: CalendarChainRow) -> Bool {
        CalendarRevision(calendarID: row.calendarID, encoded: row.sources)?.hash == row.hash
    }
}
