import Foundation
import SOPKit

/// One task on a role's worklist: a step of a case that waits for that role.
public struct WorkItem: Sendable, Hashable {
    public var caseID: String
    public var sopID: String
    public var step: String
    public var stepNumber: Int
    public var uraian: String
    public var due: Date?
    public var overdue: Bool
    /// Every performer still awaited on the step (the role is one of them).
    public var awaited: [String]
}

/// A role's worklist across cases: the active steps that wait for the role, overdue first.
public enum Worklist {
    /// The items of `role` (a performer id, name or alias) in `cases`, looked at `now`.
    /// The performer ids of the SOPs the cases follow, sorted: the roles `--as` may name.
    public static func roles(in cases: [LoadedCase]) -> [String] {
        Set(cases.flatMap { $0.context.definition.performers.map(\.id) }).sorted()
    }

    /// Whether `role` (an id, name or alias) is a performer of the SOP of any of the cases.
    public static func knows(_ role: String, in cases: [LoadedCase]) -> Bool {
        cases.contains { $0.context.definition.performer(named: role) != nil }
    }

    public static func items(for role: String, in cases: [LoadedCase], now: Date) -> [WorkItem] {
        var items: [WorkItem] = []
        for loaded in cases where loaded.state.status == .open {
            let sop = loaded.context.definition
            guard let performer = sop.performer(named: role) else { continue }
            let engine = CaseEngine(context: loaded.context)
            for index in loaded.state.activeRunIndices {
                let run = loaded.state.runs[index]
                guard let step = sop.step(run.stepID) else { continue }
                let awaited = engine.awaited(step, run)
                guard awaited.contains(performer.id) else { continue }
                // A recurring step waits only while the current window's session is not recorded
                // (or, after its last window, for someone to close it).
                if let current = run.occurrences.first(where: { $0.windowStart <= now && now < $0.windowEnd }), current.attendedAt != nil {
                    continue
                }
                // In sequence mode only the performer whose turn it is has the task.
                if step.mode == .berurutan, step.recurrence == nil, awaited.first != performer.id { continue }
                items.append(WorkItem(caseID: loaded.id, sopID: sop.id, step: step.id, stepNumber: (sop.stepIndex(step.id) ?? 0) + 1,
                                      uraian: step.uraian, due: run.due, overdue: run.isOverdue(now: now), awaited: awaited))
            }
        }
        return sorted(items)
    }
}
