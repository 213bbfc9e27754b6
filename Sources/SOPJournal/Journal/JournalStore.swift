import Foundation
import SOPKit

/// Where cases live: an append-only journal of events per case, the SOP definition each case
/// started on, idempotency keys of commands, and an audit trail of every read and write.
/// SQLite (``SQLiteJournal``) is the embedded default; the interface is written so that a server
/// database can implement the same semantics.
public protocol JournalStore: Sendable {
    /// Opens a new case: stores its definition and its calendar revision (each once per hash),
    /// pins the case to both, assigns the next id, and appends its first events, in one
    /// transaction. With an idempotency key already used for the same command, returns the first
    /// result and writes nothing.
    func openCase(sopID: String, definitionHash: String, definitionSource: String, calendar: CalendarRevision,
                  events: [CaseEvent], command: CommandInfo) throws(JournalError) -> CommandOutcome

    /// Appends events to cases, in one transaction, each checked against its expected version
    /// (the number of events the command saw). One conflict writes nothing for any case.
    func append(_ batches: [EventBatch], command: CommandInfo) throws(JournalError) -> [CommandOutcome]

    /// Moves a case to another definition: stores the definition (once per hash), appends the
    /// migration's events checked against the expected version, and points the case at the new
    /// definition and the calendar revision it runs on, in one transaction.
    func migrateCase(_ caseID: String, expectedVersion: Int, sopID: String, definitionHash: String, definitionSource: String,
                     calendar: CalendarRevision, events: [CaseEvent], command: CommandInfo) throws(JournalError) -> CommandOutcome

    /// Moves cases to another calendar revision (`sop calendar update`): stores the revision (once
    /// per hash) and, for each case, checks that it still has the version and the calendar pin the
    /// command saw, points it at the revision, and writes an audit entry naming both revisions,
    /// in one transaction. One conflict writes nothing.
    func repinCalendar(_ moves: [CalendarMove], to calendar: CalendarRevision, command: CommandInfo) throws(JournalError) -> [CommandOutcome]

    /// The source text of a stored definition.
    func definitionSource(hash: String) throws(JournalError) -> String

    /// A stored calendar revision, checked against its hash.
    func calendarRevision(hash: String) throws(JournalError) -> CalendarRevision

    /// The first outcome of a command already recorded under `key` (nil when the key is new). A key
    /// recorded for a different command (another fingerprint) is refused.
    func recordedOutcome(key: String, fingerprint: String) throws(JournalError) -> CommandOutcome?

    /// A case with its definition source and every event, in order.
    func loadCase(_ id: String) throws(JournalError) -> StoredCase

    /// Case headers, optionally only one SOP's or one status's.
    func cases(sopID: String?, status: CaseOutcome?) throws(JournalError) -> [CaseHeader]

    /// Every stored case with its events, for reports and exports (optionally one SOP's, optionally
    /// only the cases whose ids fall in `ids`), in the order the cases were opened.
    func allCases(sopID: String?, ids: CaseIDRange?) throws(JournalError) -> [StoredCase]

    /// Whether reads from several threads at once proceed side by side (each on its own
    /// connection), so a report can read and fold parts of the journal on every core.
    var readsInParallel: Bool { get }

    /// Records a read (or any other action) in the audit trail.
    func recordAudit(_ entry: AuditEntry) throws(JournalError)

    /// Records several audit entries, in order, in one transaction (one flush to disk for all):
    /// the page views ``AuditBatcher`` gathered.
    func recordAudits(_ entries: [AuditEntry]) throws(JournalError)

    /// The audit trail, optionally of one case, oldest first.
    func audit(caseID: String?) throws(JournalError) -> [AuditEntry]

    /// Every row of every tamper-evident chain, for `sop journal verify`.
    func chainRows() throws(JournalError) -> JournalChainRows

    /// The read model of the cases (optionally one SOP's, one status's, or only those awaiting one
    /// of `awaiting`'s performer ids), in the order the cases were opened. A case whose row is
    /// missing or older than its events is returned as ``ReadModelRows/missing``: the caller folds it.
    func readModel(sopID: String?, status: CaseOutcome?, awaiting: Set<String>?) throws(JournalError) -> ReadModelRows

    /// The head of a worklist from the read model (`case_tasks`): the tasks of open cases that
    /// `performers` have at `now` (each task once), overdue first, then by due time, then by case,
    /// at most `limit` of them, and how many there are in all; only cases of `sopIDs` when given.
    /// Nil while an open case has no current rows (the caller folds, as ``readModel`` readers do).
    func worklist(of performers: Set<PerformerKey>, sopIDs: Set<String>?, now: Date, limit: Int) throws(JournalError) -> WorklistRows?

    /// The hashes of every stored definition (an SOP revision a role name may mean something in).
    func definitionHashes() throws(JournalError) -> [String]

    /// The hashes of the definitions cases run on (each once): which SOP revisions a role name may
    /// mean something in, without reading every case header.
    func caseDefinitionHashes() throws(JournalError) -> [String]

    /// Rebuilds the whole read model from the events, in one transaction (`sop journal rebuild`).
    func rebuildReadModel() throws(JournalError) -> ReadModelRebuild

    /// Users, sessions and failed logins of `sop serve`.
    var accounts: any AccountStore { get }
}

/// Who issues a command, as what, and under which idempotency key.
public struct CommandInfo: Sendable, Hashable {
    /// A key the caller reuses when it retries the same command, so it is recorded once.
    public var key: String?
    /// A description of the command; a key reused for a different command is refused.
    public var fingerprint: String
    /// The person (`--user`, else the login name).
    public var actor: String
    /// The role acted as (`--as`), when there is one.
    public var role: String?
    /// The action's name for the audit trail (`case open`, `case do`, `session record`).
    public var action: String
    /// When the command was recorded (not when the work was done).
    public var recordedAt: Date
    /// The operating-system login of the process (its real user), for the audit trail.
    public var osLogin: String?
    /// The name given with `--user`, when one was given (the audit keeps it beside the login).
    public var claimedUser: String?

    public init(key: String?, fingerprint: String, actor: String, role: String?, action: String, recordedAt: Date,
                osLogin: String? = nil, claimedUser: String? = nil) {
        self.key = key
        self.fingerprint = fingerprint
        self.actor = actor
        self.role = role
        self.action = action
        self.recordedAt = recordedAt
        self.osLogin = osLogin
        self.claimedUser = claimedUser
    }
}

/// One case moving to another calendar revision, with what the command saw of it.
public struct CalendarMove: Sendable, Hashable {
    public var caseID: String
    public var expectedVersion: Int
    /// The revision the case was pinned to (nil: not pinned).
    public var from: String?

    public init(caseID: String, expectedVersion: Int, from: String?) {
        self.caseID = caseID
        self.expectedVersion = expectedVersion
        self.from = from
    }
}

/// Events for one case, and the version the command based them on.
public struct EventBatch: Sendable {
    public var caseID: String
    public var expectedVersion: Int
    public var events: [CaseEvent]

    public init(caseID: String, expectedVersion: Int, events: [CaseEvent]) {
        self.caseID = caseID
        self.expectedVersion = expectedVersion
        self.events = events
    }
}

/// What a command did to one case.
public struct CommandOutcome: Sendable, Hashable {
    public var caseID: String
    /// The case's version (number of events) after the command.
    public var version: Int
    /// True when the idempotency key had been used already: nothing new was written.
    public var replayed: Bool
}

/// A case's stored header.
public struct CaseHeader: Sendable, Hashable {
    public var id: String
    public var sopID: String
    public var definitionHash: String
    /// The calendar revision the case runs on (``CalendarRevision/hash``); nil for a case opened
    /// before calendars were pinned, read with the calendar files found today.
    public var calendarHash: String?
    public var openedAt: Date
    public var status: CaseOutcome
    public var version: Int
}

/// A case as stored: header, definition source and events.
public struct StoredCase: Sendable {
    public var header: CaseHeader
    public var definitionSource: String
    public var events: [StoredEvent]
}

/// One stored event with its journal metadata.
public struct StoredEvent: Sendable {
    public var seq: Int
    public var event: CaseEvent
    public var recordedAt: Date
    public var actor: String
    public var role: String?
}

/// One line of the audit trail: who did or read what, when, as which role.
///
/// Two clocks: ``at`` is the real time the entry was written (from the service's clock, never from
/// an option); ``asOf`` is the time a read looked as of (`--at`), kept apart so that no reader can
/// date the trail.
public struct AuditEntry: Sendable, Hashable {
    /// When the entry was written (the real time).
    public var at: Date
    public var actor: String
    public var role: String?
    public var action: String
    public var caseID: String?
    public var detail: String?
    /// The time a read looked as of (`--at`), when it was not now.
    public var asOf: Date?
    /// The operating-system login of the process that recorded it (its real user).
    public var osLogin: String?
    /// The name given with `--user`, when one was given.
    public var claimedUser: String?
    /// The database role the command connected as (PostgreSQL; nil on SQLite).
    public var databaseRole: String?

    public init(at: Date, actor: String, role: String?, action: String, caseID: String?, detail: String?, asOf: Date? = nil,
                osLogin: String? = nil, claimedUser: String? = nil, databaseRole: String? = nil) {
        self.at = at
        self.actor = actor
        self.role = role
        self.action = action
        self.caseID = caseID
        self.detail = detail
        self.asOf = asOf
        self.osLogin = osLogin
        self.claimedUser = claimedUser
        self.databaseRole = databaseRole
    }
}

extension JournalStore {
    /// Every stored case with its events (optionally one SOP's), in the order they were opened.
    public func allCases(sopID: String?) throws(JournalError) -> [StoredCase] {
        try allCases(sopID: sopID, ids: nil)
    }

    public var readsInParallel: Bool { false }
}

/// Case ids from `lower` (included) up to `upper` (excluded), compared as text; nil is open.
public struct CaseIDRange: Sendable, Hashable {
    public var lower: String?
    public var upper: String?

    public init(lower: String?, upper: String?) {
        self.lower = lower
        self.upper = upper
    }
}

extension CalendarMove {
    /// The audit detail of a move: which calendar, from which revision to which.
    static func detail(from: String?, to calendar: CalendarRevision) -> String {
        AuditMessages.calendarMoved(["calendar": .text(calendar.calendarID), "revision": .text(calendar.shortHash),
                                     "from": from.map { .text(String($0.prefix(12))) } ?? .message(AuditMessages.notPinned())]).stored
    }
}

extension CalendarRevision {
    /// A revision read back from the journal, refused when its text no longer has its hash.
    static func stored(hash: String, calendarID: String, sources: String) throws(JournalError) -> CalendarRevision {
        if let known = VerifiedRevisions.shared.known(hash: hash, calendarID: calendarID, sources: sources) { return known }
        guard let revision = CalendarRevision(calendarID: calendarID, encoded: sources), revision.hash == hash else {
            throw .corrupt(JournalDataMessages.calendarHashMismatch(["hash": .text(String(hash.prefix(12)))]))
        }
        VerifiedRevisions.shared.remember(hash: hash, calendarID: calendarID, sources: sources, revision: revision)
        return revision
    }
}
