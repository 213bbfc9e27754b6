import Foundation
import SOPKit

/// A case as the lists see it: its header, its read-model summary and the context (definition and
/// calendar) to format its times with.
public struct ListedCase: Sendable {
    public var header: CaseHeader
    public var summary: CaseSummary
    public var context: CaseContext
    public var id: String { header.id }
}

extension CaseService {
    /// The cases for a list or a worklist, from the read model (optionally one SOP's, one status's,
    /// or only those that may await `role`, a performer id, name or alias). Cases whose summary is
    /// missing or stale are folded here; those that cannot be folded are returned as unreadable.
    public func listed(sopID: String?, status: CaseOutcome? = nil, awaiting role: String? = nil) throws(JournalError)
        -> (cases: [ListedCase], unreadable: [UnreadableCase]) {
        var awaiting: Set<String>?
        if let role {
            // The performer ids `role` names in every SOP stored in the journal.
            awaiting = Set(try storedDefinitions().compactMap { $0.performer(named: role)?.id })
        }
        let rows = try store.readModel(sopID: sopID, status: status, awaiting: awaiting)
        var contexts: [String: CaseContext] = [:]
        var listed: [ListedCase] = []
        var unreadable: [UnreadableCase] = []
        for (header, summary) in rows.summaries {
            let key = header.definitionHash + "|" + (header.calendarHash ?? "")
            do throws(JournalError) {
                let context: CaseContext
                if let known = contexts[key] { context = known } else {
                    let definition = try DefinitionCache.shared.definition(source: try store.definitionSource(hash: header.definitionHash), hash: header.definitionHash)
                    context = try self.context(for: definition, calendarHash: header.calendarHash)
                    contexts[key] = context
                }
                listed.append(ListedCase(header: header, summary: summary, context: context))
            } catch {
                unreadable.append(UnreadableCase(id: header.id, why: error.text))
            }
        }
        for header in rows.missing {
            do throws(JournalError) {
                let loaded = try load(header.id)
                listed.append(ListedCase(header: header, summary: CaseSummary(loaded), context: loaded.context))
            } catch {
                unreadable.append(UnreadableCase(id: header.id, why: error.text))
            }
        }
        if !rows.missing.isEmpty {
            let order = Dictionary(try store.cases(sopID: sopID, status: status).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            listed.sort { (order[$0.id] ?? .max) < (order[$1.id] ?? .max) }
        }
        return (listed, unreadable)
    }

    /// The definitions stored in the journal (each distinct SOP revision cases run on).
    public func storedDefinitions() throws(JournalError) -> [SOPDefinition] {
        var result: [SOPDefinition] = []
        for hash in try store.caseDefinitionHashes() {
            result.append(try DefinitionCache.shared.definition(source: try store.definitionSource(hash: hash), hash: hash))
        }
        return result
    }
}

extension Worklist {
    /// The items of `role` (a performer id, name or alias) in listed cases, looked at `now`: the
    /// same rules as ``items(for:in:now:)`` over the read model.
    public static func items(for role: String, in cases: [ListedCase], now: Date) -> [WorkItem] {
        var items: [WorkItem] = []
        for listed in cases {
            guard let performer = listed.context.definition.performer(named: role) else { continue }
            for task in listed.summary.tasks(awaiting: performer.id, now: now) {
                let due = task.due.map(EventCoding.date(milliseconds:))
                items.append(WorkItem(caseID: listed.id, sopID: listed.summary.sopID, step: task.step, stepNumber: task.stepNumber,
                                      uraian: task.uraian, due: due, overdue: due.map { now > $0 } ?? false, awaited: task.awaited))
            }
        }
        return sorted(items)
    }

    /// Overdue first, then by due time, then by case.
    static func sorted(_ items: [WorkItem]) -> [WorkItem] {
        items.sorted { a, b in
            if a.overdue != b.overdue { return a.overdue }
            switch (a.due, b.due) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.caseID < b.caseID
            }
        }
    }

    /// Whether `role` is a performer of the SOP of any listed case.
    public static func knows(_ role: String, in cases: [ListedCase]) -> Bool {
        cases.contains { $0.context.definition.performer(named: role) != nil }
    }

    /// The performer ids of the SOPs of listed cases.
    public static func roles(in cases: [ListedCase]) -> [String] {
        Set(cases.flatMap { $0.context.definition.performers.map(\.id) }).sorted()
    }
}

extension ListedCase {
    /// Whether the case existed at `time` (it was opened at or before it): as of an earlier time, a
    /// case opened later did not exist yet. Same rule as ``LoadedCase/existed(at:)``.
    public func existed(at time: Date) -> Bool {
        (summary.openedAt.map { Date(timeIntervalSince1970: Double($0) / 1000) } ?? header.openedAt) <= time
    }
}
