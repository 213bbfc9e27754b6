/// The rows of the journal's hash chains (JournalChain), as stored.

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
    /// The as-of time of a read (`--at`), in seconds since 1970, when it was not now.
    public var asOf: Int64?
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

/// One stored calendar revision as the chain sees it (issue 13): its files as stored (the JSON
/// object ``CalendarRevision/encoded``), under the hash of their canonical bytes.
public struct CalendarChainRow: Sendable {
    public var position: Int
    public var hash: String
    public var calendarID: String
    public var sources: String
    public var storedAt: Int64
    public var chain: String
}

/// Every row of every chain, in chain order (events by case then sequence, audit by id,
/// definitions and calendars by position), and each case's version.
public struct JournalChainRows: Sendable {
    public var events: [EventChainRow]
    public var audit: [AuditChainRow]
    public var definitions: [DefinitionChainRow]
    public var calendars: [CalendarChainRow] = []
    public var caseVersions: [String: Int]
}
