import Foundation
import SOPKit

/// What moving one case to a revised definition would do, or why it cannot.
public struct MigrationPlan: Sendable {
    public enum Verdict: Sendable, Equatable {
        /// The case can move; `mapping` renames step ids (only those that change).
        case ready(mapping: [String: String])
        /// The case already runs on that definition.
        case unchanged
        /// The case cannot move, for this reason.
        case refused(Message)
    }

    public var caseID: String
    public var fromHash: String
    public var toHash: String
    /// The active steps now, and where they will be after the move.
    public var positions: [(from: String, to: String?)]
    public var verdict: Verdict

    /// One line for people: `AJ-0001: at penjangkauan → penjangkauan: ready` or the reason it is
    /// refused, in either language.
    public var message: Message {
        let at: MessageArgument = positions.isEmpty ? .message(CaseMigrationMessages.ended())
            : .text(positions.map { p in p.to.map { $0 == p.from ? p.from : "\(p.from) → \($0)" } ?? "\(p.from) → ?" }.joined(separator: ", "))
        switch verdict {
        case .ready(let mapping):
            let renames = mapping.isEmpty ? Message.empty
                : CaseMigrationMessages.renames(["renames": .text(mapping.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", "))])
            return CaseMigrationMessages.ready(["case": .text(caseID), "at": at, "renames": .message(renames)])
        case .unchanged: return CaseMigrationMessages.unchanged(["case": .text(caseID)])
        case .refused(let reason): return CaseMigrationMessages.refused(["case": .text(caseID), "at": at, "reason": .message(reason)])
        }
    }

    /// The line in English (the audit trail keeps ``message`` itself, shown in the reader's language).
    public var summary: String { message.english }
}

/// Plans moving running cases to a revised definition: positions map by step id and by explicit
/// renames; a case whose current step has no counterpart, or whose documents no longer satisfy the
/// new kelengkapan of its step, is refused with the reason.
public struct CaseMigrator: Sendable {
    public let target: SOPDefinition
    public let targetHash: String
    public let targetContext: CaseContext
    /// Explicit renames, old step id to new step id (`--map OLD=NEW`).
    public let explicit: [String: String]

    public init(target: SOPDefinition, targetHash: String, targetContext: CaseContext, explicit: [String: String]) {
        self.target = target
        self.targetHash = targetHash
        self.targetContext = targetContext
        self.explicit = explicit
    }

    public func plan(_ loaded: LoadedCase) -> MigrationPlan {
        let from = loaded.stored.header.definitionHash
        let active = loaded.state.activeRunIndices.map { loaded.state.runs[$0] }
        var plan = MigrationPlan(caseID: loaded.id, fromHash: from, toHash: targetHash, positions: [], verdict: .unchanged)
        guard from != targetHash else { return plan }
        let current = loaded.context.definition
        guard current.id == target.id else {
            plan.verdict = .refused(CaseMigrationMessages.runsOtherSOP(["current": .text(current.id), "target": .text(target.id)]))
            return plan
        }
        guard loaded.state.status == .open else {
            plan.verdict = .refused(CaseMigrationMessages.caseEnded(["status": .message(loaded.state.status == .completed ? OutputMessages.outcomeCompleted() : OutputMessages.outcomeExited())]))
            return plan
        }
        var mapping: [String: String] = [:]
        for step in current.steps {
            if let renamed = explicit[step.id] {
                if renamed != step.id { mapping[step.id] = renamed }
            }
        }
        for (old, new) in explicit where target.step(new) == nil {
            plan.verdict = .refused(CaseMigrationMessages.mapNoStep(["old": .text(old), "new": .text(new), "hint": .message(Suggestion.hint(new, in: target.steps.map(\.id)))]))
            return plan
        }
        let diff = SOPDiff(old: current, new: target)
        var problems: [MessageArgument] = []
        for run in active {
            let to = mapping[run.stepID] ?? (target.step(run.stepID) != nil ? run.stepID : nil)
            plan.positions.append((run.stepID, to))
            guard let to, let step = target.step(to) else {
                let advice = if let match = diff.stepMapping[run.stepID], match != run.stepID {
                    CaseMigrationMessages.sameContent(["match": .text(match), "step": .text(run.stepID)])
                } else {
                    CaseMigrationMessages.giveMap(["step": .text(run.stepID)])
                }
                problems.append(.message(CaseMigrationMessages.stepGone(["step": .text(run.stepID), "advice": .message(advice)])))
                continue
            }
            let missing = CaseEngine(context: targetContext).missingKelengkapan(step, held: loaded.state)
            if !missing.isEmpty {
                problems.append(.message(CaseMigrationMessages.missingKelengkapan(["step": .text(to),
                                                                                   "documents": .text(missing.map { "'\($0.document)'" }.joined(separator: ", "))])))
            }
        }
        plan.verdict = problems.isEmpty ? .ready(mapping: mapping) : .refused(CaseMigrationMessages.reasons(["list": .joined(problems, by: EngineMessages.semicolon())]))
        return plan
    }
}

extension CaseService {
    /// Moves a case to a revised definition: a `migrated` event in its journal (who, when, from
    /// which revision to which), checked against the version the plan was made on.
    /// Moves a case to an SOP read once (``ValidatedSOP``), as planned (the plan's target hash must be its hash).
    public func migrate(_ loaded: LoadedCase, plan: MigrationPlan, to sop: ValidatedSOP, key: String?) throws(JournalError) -> CommandOutcome {
        guard plan.toHash == sop.hash else {
            throw .refused(CaseRefusal(.stepNotActive, EngineMessages.planOtherRevision(["case": .text(loaded.id), "planned": .text(String(plan.toHash.prefix(12))),
                                                                                   "actual": .text(String(sop.hash.prefix(12)))])))
        }
        return try migrate(loaded, plan: plan, definition: sop.definition, source: sop.source, key: key)
    }

    public func migrate(_ loaded: LoadedCase, plan: MigrationPlan, definition: SOPDefinition, source: String,
                        key: String?) throws(JournalError) -> CommandOutcome {
        let now = clock()
        guard case .ready(let mapping) = plan.verdict else {
            throw .refused(CaseRefusal(.stepNotActive, plan.message))
        }
        let event = CaseEvent(.migrated(from: plan.fromHash, to: plan.toHash, mapping: mapping), at: now)
        let fingerprint = "case migrate \(loaded.id) \(plan.fromHash.prefix(16)) -> \(plan.toHash.prefix(16))"
        // A new definition does not bring a new calendar: the case keeps its pinned revision while
        // the revision names the same calendar (`sop calendar update` moves calendars); a case not
        // pinned yet, or a revision naming another calendar, pins the calendar found now.
        let calendar = loaded.stored.header.calendarHash != nil && loaded.context.calendar.id == definition.time.calendar
            ? loaded.context.calendar.revision
            : try context(for: definition).calendar.revision
        return try store.migrateCase(loaded.id, expectedVersion: loaded.state.version, sopID: definition.id, definitionHash: plan.toHash,
                                     definitionSource: source, calendar: calendar, events: [event],
                                     command: CommandInfo(key: key, fingerprint: fingerprint, actor: actor, role: nil,
                                                          action: "case migrate", recordedAt: now, osLogin: osLogin, claimedUser: claimedUser))
    }
}

