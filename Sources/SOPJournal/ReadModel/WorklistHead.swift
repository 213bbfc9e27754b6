import Foundation
import SOPKit

/// A task at the head of a worklist, with the context (definition and calendar) to show its times.
public struct WorklistEntry: Sendable {
    public var item: WorkItem
    public var context: CaseContext
}

/// A worklist head as the read model holds it (``CaseService/worklistRows(roles:worksOn:now:limit:)``),
/// with the definitions its rows name.
public struct WorklistRead: Sendable {
    /// The rows and the count. Each row names its definition and pinned calendar by the hash of
    /// their text, so equal rows whose calendars are all pinned make equal entries (a row with no
    /// pinned calendar takes the calendar files found when it is made an entry).
    public let rows: WorklistRows
    let definitions: [String: SOPDefinition]
}

extension CaseService {
    /// The head of the worklist of `roles` (names, ids or aliases of performers) across the cases
    /// of the SOPs `worksOn` accepts: the `limit` most urgent tasks (overdue first, then by due
    /// time, then by case; each task once however many of the roles it awaits) and how many there
    /// are in all. One indexed query on the read model (`case_tasks`); while an open case has no
    /// rows there, the cases are folded instead (same answer, slower). Not audited: the caller is.
    public func worklistHead(roles: [String], worksOn: (String) -> Bool, now: Date, limit: Int) throws(JournalError)
        -> (entries: [WorklistEntry], total: Int) {
        guard let read = try worklistRows(roles: roles, worksOn: worksOn, now: now, limit: limit) else {
            return try foldedWorklistHead(roles: roles, worksOn: worksOn, now: now, limit: limit)
        }
        return (try worklistEntries(read, now: now), read.rows.total)
    }

    /// The rows of ``worklistHead(roles:worksOn:now:limit:)`` as the read model holds them, before
    /// they are made entries; nil while the read model has gaps (the caller folds). A caller that
    /// keeps what it made of the rows compares them whole (``WorklistRead/rows``) to know when to
    /// make it again.
    public func worklistRows(roles: [String], worksOn: (String) -> Bool, now: Date, limit: Int) throws(JournalError) -> WorklistRead? {
        var keys = Set<PerformerKey>()
        var definitions: [String: SOPDefinition] = [:]
        for hash in try store.definitionHashes() {
            let definition: SOPDefinition
            if let cached = DefinitionCache.shared.cached(hash) { definition = cached } else {
                definition = try DefinitionCache.shared.definition(source: try store.definitionSource(hash: hash), hash: hash)
            }
            guard worksOn(definition.id) else { continue }
            definitions[hash] = definition
            for role in roles {
                if let performer = definition.performer(named: role) { keys.insert(PerformerKey(definitionHash: hash, performer: performer.id)) }
            }
        }
        guard let found = try store.worklist(of: keys, sopIDs: nil, now: now, limit: limit) else { return nil }
        return WorklistRead(rows: found, definitions: definitions)
    }

    /// The entries of rows read by ``worklistRows(roles:worksOn:now:limit:)``, with each case's
    /// definition and pinned calendar, overdue marked at `now`.
    public func worklistEntries(_ read: WorklistRead, now: Date) throws(JournalError) -> [WorklistEntry] {
        var contexts: [String: CaseContext] = [:]
        var entries: [WorklistEntry] = []
        for row in read.rows.rows {
            guard let definition = read.definitions[row.definitionHash] else { continue }
            let key = row.definitionHash + "|" + (row.calendarHash ?? "")
            let context: CaseContext
            if let known = contexts[key] { context = known } else {
                context = try self.context(for: definition, calendarHash: row.calendarHash)
                contexts[key] = context
            }
            guard let step = definition.step(row.step) else { continue }
            let due = row.due.map(EventCoding.date(milliseconds:))
            entries.append(WorklistEntry(item: WorkItem(caseID: row.caseID, sopID: row.sopID, step: row.step,
                                                        stepNumber: (definition.stepIndex(step.id) ?? 0) + 1, uraian: step.uraian, due: due,
                                                        overdue: due.map { now > $0 } ?? false, awaited: row.awaited),
                                         context: context))
        }
        return entries
    }

    /// The same worklist from the folded cases (the read model has gaps): every case that may await
    /// one of the roles is read, its tasks listed and sorted. For a caller whose
    /// ``worklistRows(roles:worksOn:now:limit:)`` just answered nil (asking ``worklistHead`` instead
    /// would read the definitions and the rows again first).
    public func foldedWorklistHead(roles: [String], worksOn: (String) -> Bool, now: Date, limit: Int) throws(JournalError)
        -> (entries: [WorklistEntry], total: Int) {
        var entries: [WorklistEntry] = []
        var seen = Set<String>()
        for role in roles {
            let usable = try listed(sopID: nil, status: .open, awaiting: role).cases.filter { worksOn($0.summary.sopID) }
            let byID = Dictionary(usable.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for item in Worklist.items(for: role, in: usable, now: now) where seen.insert(item.caseID + "|" + item.step).inserted {
                if let listed = byID[item.caseID] { entries.append(WorklistEntry(item: item, context: listed.context)) }
            }
        }
        entries.sort { a, b in
            if a.item.overdue != b.item.overdue { return a.item.overdue }
            return (a.item.due ?? .distantFuture, a.item.caseID) < (b.item.due ?? .distantFuture, b.item.caseID)
        }
        return (Array(entries.prefix(limit)), entries.count)
    }
}
