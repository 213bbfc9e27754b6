import Foundation
import SOPKit

/// Case work against a journal: each command reads the case, lets the engine decide, and appends
/// the events in one transaction checked against the version it read, with the command's
/// idempotency key. Every read and write lands in the audit trail.
public struct CaseService: Sendable {
    public let store: any JournalStore
    /// Who is working (`--user`, else the login name).
    public let actor: String
    /// The operating-system login of the process (its real user), recorded beside `actor`.
    public let osLogin: String?
    /// The name given with `--user`, when one was given (recorded beside the login, never instead).
    public let claimedUser: String?
    /// Where to look for working calendars (the folder of the SOP or the current folder).
    public let calendarFolder: String?
    /// The real time: every write and every audited read is stamped with it. Injected (tests fix
    /// it); never taken from an option, so no one chooses the time the journal records.
    public let clock: @Sendable () -> Date
    /// How far ahead of the clock work may be dated (`--at`) before it is refused: clock skew
    /// between the machines of one office, not work recorded in advance.
    public static let allowedSkew: TimeInterval = 5 * 60
    /// Where audited reads go when they are batched (`sop serve`); nil: each is written at once.
    public let auditBatcher: AuditBatcher?

    /// Working calendars loaded by this service, by id: a command loads its case two or three
    /// times, and parsing the calendar file each time was most of the CPU time of `sop case do`.
    private let calendars = CalendarMemo()

    public init(store: any JournalStore, actor: String, calendarFolder: String? = nil, osLogin: String? = nil, claimedUser: String? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }, auditBatcher: AuditBatcher? = nil) {
        self.store = store
        self.auditBatcher = auditBatcher
        self.actor = actor
        self.osLogin = osLogin
        self.claimedUser = claimedUser
        self.calendarFolder = calendarFolder
        self.clock = clock
    }

    /// Opens a case of the SOP loaded from `source` (its exact bytes are stored with the case).
    public func open(definition: SOPDefinition, source: String, hash: String, data: [String: String], documents: [String],
                     at: Date, key: String?) throws(JournalError) -> CommandOutcome {
        let now = clock()
        return try auditingRefusal("case open", role: nil, caseID: nil, at: now) { () throws(JournalError) -> CommandOutcome in
            try openUnaudited(definition: definition, source: source, hash: hash, data: data, documents: documents, at: at, key: key, now: now)
        }
    }

    /// Opens a case of an SOP read once (``ValidatedSOP``): the text stored is the text validated,
    /// under its own hash.
    public func open(_ sop: ValidatedSOP, data: [String: String], documents: [String], at: Date,
                     key: String?) throws(JournalError) -> CommandOutcome {
        try open(definition: sop.definition, source: sop.source, hash: sop.hash, data: data, documents: documents, at: at, key: key)
    }

    private func openUnaudited(definition: SOPDefinition, source: String, hash: String, data: [String: String], documents: [String],
                               at: Date, key: String?, now: Date) throws(JournalError) -> CommandOutcome {
        let fingerprint = "case open \(definition.id) \(hash.prefix(16)) \(data.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))"
        if let key, let previous = try store.recordedOutcome(key: key, fingerprint: fingerprint) { return previous }
        let context = try context(for: definition)
        try WorkTime.check(at, now: now, after: nil, in: context)
        let events: [CaseEvent]
        do {
            events = try CaseEngine(context: context).open(data: data, documents: documents, at: at)
        } catch {
            throw .refused(error)
        }
        return try store.openCase(sopID: definition.id, definitionHash: hash, definitionSource: source,
                                  calendar: context.calendar.revision, events: events,
                                  command: CommandInfo(key: key, fingerprint: fingerprint, actor: actor, role: nil,
                                                       action: "case open", recordedAt: now, osLogin: osLogin, claimedUser: claimedUser))
    }

    /// A performer acts on a step of a case. With `expectedVersion` (the version a page was made
    /// from), a case that has changed since is a conflict and nothing is recorded.
    public func act(caseID: String, step: String, role: String, answer: String?, documents: [String], note: String?,
                    at: Date?, key: String?, expectedVersion: Int? = nil) throws(JournalError) -> (CommandOutcome, LoadedCase) {
        let now = clock()
        return try auditingRefusal("case do", role: role, caseID: caseID, at: now, detail: { AuditMessages.stepRefused(["step": .text(step), "why": .message($0)]) }) { () throws(JournalError) -> (CommandOutcome, LoadedCase) in
            try actUnaudited(caseID: caseID, step: step, role: role, answer: answer, documents: documents, note: note, at: at, key: key, now: now,
                             expectedVersion: expectedVersion)
        }
    }

    private func actUnaudited(caseID: String, step: String, role: String, answer: String?, documents: [String], note: String?,
                              at: Date?, key: String?, now: Date, expectedVersion: Int?) throws(JournalError) -> (CommandOutcome, LoadedCase) {
        let when = at ?? now
        // Without --at the time is the moment of the first attempt, so a retry must not depend on it.
        let fingerprint = "case do \(caseID) \(step) as \(role) answer=\(answer ?? "") docs=\(documents.joined(separator: "|"))"
            + (at.map { " at=\(EventCoding.milliseconds($0))" } ?? "")
        if let key, let previous = try store.recordedOutcome(key: key, fingerprint: fingerprint) {
            return (previous, try load(caseID))
        }
        let loaded = try load(caseID)
        if let expectedVersion, expectedVersion != loaded.state.version {
            throw .conflict(case: caseID, expected: expectedVersion, found: loaded.state.version)
        }
        try WorkTime.check(when, now: now, after: loaded, in: loaded.context)
        let events: [CaseEvent]
        do {
            events = try CaseEngine(context: loaded.context).act(on: loaded.state, step: step, as: role, answer: answer, note: note,
                                                                 documents: documents, at: when)
        } catch {
            throw .refused(error)
        }
        let outcome = try store.append([EventBatch(caseID: caseID, expectedVersion: expectedVersion ?? loaded.state.version, events: events)],
                                       command: CommandInfo(key: key, fingerprint: fingerprint, actor: actor, role: role,
                                                            action: "case do", recordedAt: now, osLogin: osLogin, claimedUser: claimedUser))
        guard let first = outcome.first else { throw .storage(JournalDataMessages.nothingRecorded()) }
        return (first, try load(caseID))
    }

    /// One group session attended by many cases: all recorded in one transaction, or none. With
    /// `sopID`, every case must be a case of that SOP (a session belongs to one SOP's step): one
    /// that is not refuses the whole session.
    public func recordSession(sopID: String? = nil, step: String, at: Date, caseIDs: [String],
                              key: String?) throws(JournalError) -> [CommandOutcome] {
        let now = clock()
        return try auditingRefusal("session record", role: nil, caseID: caseIDs.count == 1 ? caseIDs.first : nil, at: now,
                                   detail: { AuditMessages.sessionRefused(["step": .text(step), "cases": .list(caseIDs.map { .text($0) }), "why": .message($0)]) }) { () throws(JournalError) -> [CommandOutcome] in
            try recordSessionUnaudited(sopID: sopID, step: step, at: at, caseIDs: caseIDs, key: key, now: now)
        }
    }

    private func recordSessionUnaudited(sopID: String?, step: String, at: Date, caseIDs: [String], key: String?,
                                        now: Date) throws(JournalError) -> [CommandOutcome] {
        let fingerprint = "session record \(sopID.map { "\($0) " } ?? "")\(step) at=\(EventCoding.milliseconds(at)) cases=\(caseIDs.joined(separator: ","))"
        if let key, let previous = try store.recordedOutcome(key: key, fingerprint: fingerprint) { return [previous] }
        var batches: [EventBatch] = []
        for id in caseIDs {
            let loaded = try load(id)
            if let sopID, loaded.context.definition.id != sopID {
                throw .refused(CaseRefusal(.sessionRefused, EngineMessages.otherSOPCase(["case": .text(id), "actual": .text(loaded.context.definition.id), "expected": .text(sopID)])))
            }
            do throws(JournalError) {
                try WorkTime.check(at, now: now, after: loaded, in: loaded.context)
            } catch {
                if case .refused(let refusal) = error { throw .refused(CaseRefusal(refusal.reason, EngineMessages.onCase(["case": .text(id), "why": .message(refusal.text)]))) }
                throw error
            }
            do {
                let events = try CaseEngine(context: loaded.context).attend(on: loaded.state, step: step, at: at)
                batches.append(EventBatch(caseID: id, expectedVersion: loaded.state.version, events: events))
            } catch {
                throw .refused(CaseRefusal(error.reason, EngineMessages.onCase(["case": .text(id), "why": .message(error.text)])))
            }
        }
        return try store.append(batches, command: CommandInfo(key: key, fingerprint: fingerprint, actor: actor, role: nil,
                                                              action: "session record", recordedAt: now, osLogin: osLogin, claimedUser: claimedUser))
    }

    /// A case with its definition, calendar and state, for reading; the read is audited at the real
    /// time, with the time it looked as of (`asOf`, nil for now) in its own field. An unknown case
    /// is audited as a refused read.
    public func show(_ caseID: String, role: String? = nil, asOf: Date? = nil) throws(JournalError) -> LoadedCase {
        let loaded = try auditingRefusal("case show", role: role, caseID: caseID, at: clock()) { () throws(JournalError) -> LoadedCase in
            try load(caseID)
        }
        try auditRead("case show", role: role, caseID: caseID, detail: nil, asOf: asOf)
        // As of a time, the case as it stood then (``asOf(_:_:)``).
        guard let asOf else { return loaded }
        return try self.asOf(loaded, asOf)
    }

    /// Records a read in the audit trail: at the real time (``clock``), with the as-of time apart,
    /// the login and any claimed name.
    public func auditRead(_ action: String, role: String? = nil, caseID: String? = nil, detail: String?,
                          asOf: Date?) throws(JournalError) {
        let entry = AuditEntry(at: clock(), actor: actor, role: role, action: action, caseID: caseID, detail: detail,
                               asOf: asOf, osLogin: osLogin, claimedUser: claimedUser)
        if let auditBatcher { auditBatcher.record(entry) } else { try store.recordAudit(entry) }
    }

    /// Records a read (or another action that writes nothing else) in the audit trail, at the real
    /// time, with the login and any claimed name.
    public func recordRead(_ action: String, role: String?, caseID: String?, detail: String?) throws(JournalError) {
        try auditRead(action, role: role, caseID: caseID, detail: detail, asOf: nil)
    }

    /// Loads a case for a command (`action`, e.g. "case do"): an unknown case is audited as a
    /// refusal of that command before it is reported.
    public func load(_ caseID: String, for action: String, role: String? = nil) throws(JournalError) -> LoadedCase {
        try auditingRefusal(action, role: role, caseID: caseID, at: clock()) { () throws(JournalError) -> LoadedCase in try load(caseID) }
    }

    /// Records in the audit trail a refusal decided before the journal was asked (a case of
    /// another SOP given to `session record`, a migration plan refused), with its reason.
    public func recordRefusal(_ action: String, role: String? = nil, caseID: String?, reason: String) throws(JournalError) {
        try recordRead("\(action) refused", role: role, caseID: caseID, detail: reason)
    }

    /// Records a refusal with its reason as a catalogue message, so `sop audit` shows it in the
    /// reader's language.
    public func recordRefusal(_ action: String, role: String? = nil, caseID: String?, reason: Message) throws(JournalError) {
        try recordRefusal(action, role: role, caseID: caseID, reason: reason.stored)
    }

    /// Runs a command; when the SOP or the journal refuses it (not allowed, out of order, unknown
    /// case, bad data, a key used for another command), records the refusal and its reason in the
    /// audit trail before passing it on. A damaged or unusable journal is not written to.
    private func auditingRefusal<T>(_ action: String, role: String?, caseID: String?, at: Date, detail: (Message) -> Message = { $0 },
                                    _ body: () throws(JournalError) -> T) throws(JournalError) -> T {
        do {
            return try body()
        } catch {
            switch error {
            case .refused, .unknownCase:
                // The refusal stands whether or not it could be recorded.
                try? store.recordAudit(AuditEntry(at: at, actor: actor, role: role, action: "\(action) refused", caseID: caseID,
                                                  detail: detail(error.text).stored, osLogin: osLogin, claimedUser: claimedUser))
            case .conflict, .corrupt, .cannotOpen, .damaged, .storage, .problem:
                break
            }
            throw error
        }
    }

    /// Loads a case and folds its events (no audit: internal use).
    public func load(_ caseID: String) throws(JournalError) -> LoadedCase {
        var contexts: [String: CaseContext] = [:]
        return try fold(try store.loadCase(caseID), contexts: &contexts)
    }

    /// Every case (optionally one SOP's), loaded.
    ///
    /// On a store that reads in parallel (SQLite), a large journal is read and folded in as many
    /// parts as there are cores, each part a range of case ids on its own connection: reading,
    /// decoding and folding a million events was all of `sop report`'s time, on one core. The parts
    /// are separate reads, so a case opened meanwhile may or may not be included, as with any read.
    ///
    /// Without `keepingEvents`, each case's stored events are dropped once folded (its header and
    /// state stay): a report over a million events then holds states, not every event.
    public func loadAll(sopID: String?, keepingEvents: Bool = true) throws(JournalError) -> [LoadedCase] {
        let all = try loadReadable(sopID: sopID, keepingEvents: keepingEvents)
        if let first = all.unreadable.first { throw .corrupt(JournalDataMessages.caseUnreadable(["case": .text(first.id), "why": .message(first.why)])) }
        return all.cases
    }

    /// Every case that can be read (optionally one SOP's), and the ones that cannot, each with the
    /// reason: `case list`, `tasks` and `report` go on with the others and name these.
    /// With `asOf`, each case as it stood then (``fold(_:contexts:calendar:until:)``).
    public func loadReadable(sopID: String?, keepingEvents: Bool = true, asOf: Date? = nil) throws(JournalError)
        -> (cases: [LoadedCase], unreadable: [UnreadableCase]) {
        let parts = try loadAll(sopID: sopID, keepingEvents: keepingEvents, asOf: asOf, parts: ProcessInfo.processInfo.activeProcessorCount,
                                casesPerPart: 500)
        return (parts.compactMap { if case .success(let c) = $0 { c } else { nil } },
                parts.compactMap { if case .failure(let u) = $0 { u } else { nil } })
    }

    /// ``loadAll(sopID:)`` in at most `parts` parts of at least `casesPerPart` cases (below that,
    /// one read on one core is as quick).
    func loadAll(sopID: String?, keepingEvents: Bool = true, asOf: Date? = nil, parts: Int, casesPerPart: Int) throws(JournalError)
        -> [Result<LoadedCase, UnreadableCase>] {
        let parts = store.readsInParallel ? parts : 1
        let headers = parts > 1 ? try store.cases(sopID: sopID, status: nil) : []
        guard parts > 1, casesPerPart > 0, headers.count >= 2 * casesPerPart else {
            return try loadPart(sopID: sopID, ids: nil, keepingEvents: keepingEvents, asOf: asOf)
        }
        // SQLite compares ids byte by byte (BINARY): split them in that order, so the ranges
        // cover every id exactly once.
        let ids = headers.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let count = min(parts, ids.count / casesPerPart)
        let bounds = (1..<count).map { ids[$0 * ids.count / count] }
        let ranges = (0..<count).map { k in CaseIDRange(lower: k == 0 ? nil : bounds[k - 1], upper: k == count - 1 ? nil : bounds[k]) }
        let results = ParallelMap.run(count) { k in
            Result { () throws(JournalError) -> [Result<LoadedCase, UnreadableCase>] in
                try loadPart(sopID: sopID, ids: ranges[k], keepingEvents: keepingEvents, asOf: asOf)
            }
        }
        // Back in the order the cases were opened (cases opened since the header read go last).
        let position = Dictionary(headers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var slots = [Result<LoadedCase, UnreadableCase>?](repeating: nil, count: headers.count)
        var later: [Result<LoadedCase, UnreadableCase>] = []
        for result in results {
            for loaded in try result.get() {
                let id = switch loaded { case .success(let c): c.id; case .failure(let u): u.id }
                if let at = position[id], slots[at] == nil { slots[at] = loaded } else { later.append(loaded) }
            }
        }
        return slots.compactMap { $0 } + later
    }

    /// One range of cases, each folded on its own: a case that cannot be folded (its definition or
    /// calendar cannot be read) is returned as unreadable, and the others still load.
    private func loadPart(sopID: String?, ids: CaseIDRange?, keepingEvents: Bool, asOf: Date?) throws(JournalError)
        -> [Result<LoadedCase, UnreadableCase>] {
        var contexts: [String: CaseContext] = [:]
        var result: [Result<LoadedCase, UnreadableCase>] = []
        for stored in try store.allCases(sopID: sopID, ids: ids) {
            do {
                var loaded = try fold(stored, contexts: &contexts, until: asOf)
                if !keepingEvents { loaded.stored.events = [] }
                result.append(.success(loaded))
            } catch {
                result.append(.failure(UnreadableCase(id: stored.header.id, error: error)))
            }
        }
        return result
    }

    /// Folds a stored case. Events before a migration are read against the definition the case had
    /// then, later ones against the revision it moved to.
    ///
    /// A case pinned to a calendar revision is read with that revision's stored files, never the
    /// files on disk; a case opened before calendars were pinned (no revision) with the files found now.
    /// With `calendar`, the case is folded with that calendar instead (what `sop calendar update` compares).
    ///
    /// With `until`, only the events that had happened by then (their `at`, the time the work was
    /// done) are applied, and the case is returned as it stood at that time: its events, status,
    /// version and definition then (a migration after `until` had not happened yet).
    func fold(_ stored: StoredCase, contexts: inout [String: CaseContext], calendar: WorkingCalendar? = nil,
              until: Date? = nil) throws(JournalError) -> LoadedCase {
        let pin = stored.header.calendarHash
        func context(_ hash: String) throws(JournalError) -> CaseContext {
            let key = hash + "|" + (calendar.map { "new " + $0.revision.hash } ?? pin ?? "")
            if let known = contexts[key] { return known }
            let source = hash == stored.header.definitionHash ? stored.definitionSource : try store.definitionSource(hash: hash)
            let definition = try DefinitionCache.shared.definition(source: source, hash: hash)
            let made: CaseContext
            if let calendar {
                if let conflict = CaseContext.zoneConflict(definition: definition, calendar: calendar) { throw .problem(conflict) }
                made = CaseContext(definition: definition, calendar: calendar)
            } else {
                made = try self.context(for: definition, calendarHash: pin)
            }
            contexts[key] = made
            return made
        }
        let first = stored.events.lazy.compactMap { $0.event.kind.migrationFrom }.first ?? stored.header.definitionHash
        var currentHash = first
        var current = try context(first)
        var state = CaseState()
        var applied = 0
        for event in stored.events {
            if let until, event.event.at > until { break }
            if case .migrated(_, let to, _) = event.event.kind { current = try context(to); currentHash = to }
            state.apply(event.event, in: current)
            applied += 1
        }
        guard until != nil, applied < stored.events.count else { return LoadedCase(stored: stored, context: current, state: state) }
        var then = stored
        then.events = Array(stored.events.prefix(applied))
        then.header.definitionHash = currentHash
        then.header.status = state.status
        then.header.version = then.events.last?.seq ?? 0
        return LoadedCase(stored: then, context: current, state: state)
    }

    /// The context of a definition with the calendar revision `calendarHash` stored in the journal,
    /// or (nil) the calendar files found now.
    func context(for definition: SOPDefinition, calendarHash: String?) throws(JournalError) -> CaseContext {
        guard let calendarHash else { return try context(for: definition) }
        let calendar = try calendars.pinned(hash: calendarHash, store: store)
        if let conflict = CaseContext.zoneConflict(definition: definition, calendar: calendar) { throw .problem(conflict) }
        return CaseContext(definition: definition, calendar: calendar)
    }

    /// The context a new case of `definition` would run in (the calendar files found now).
    public func contextForOpening(_ definition: SOPDefinition) throws(JournalError) -> CaseContext {
        try context(for: definition)
    }

    /// The context of a definition with the calendar files found now (`$SOP_CALENDARS`, `calendars/`
    /// folders, the built-in copy): for opening a case, and for cases opened before pinning.
    func context(for definition: SOPDefinition) throws(JournalError) -> CaseContext {
        let (calendar, diagnostics) = calendars.load(id: definition.time.calendar, searchingFrom: calendarFolder)
        guard let calendar else {
            let names: [String: MessageArgument] = ["calendar": .text(definition.time.calendar), "sop": .text(definition.id)]
            guard let why = diagnostics.first else { throw .storage(JournalDataMessages.calendarNotFound(names)) }
            throw .storage(JournalDataMessages.calendarNotFoundWhy(names.merging(["why": .message(why.text)]) { a, _ in a }))
        }
        if let conflict = CaseContext.zoneConflict(definition: definition, calendar: calendar) { throw .problem(conflict) }
        return CaseContext(definition: definition, calendar: calendar)
    }
}
