import Foundation
import SOPKit

/// What every run of a plan reads and none changes: the plan's parts, the engine, the compiled
/// definition and the roles each step lists, worked out once for each lane of
/// ``Simulation/run(_:workers:)`` rather than for each run (the definition was compiled again for
/// each run), and not shared between lanes: with one setup for both, every retain and release of its
/// compiled SOP and its tables moved the same cache lines between the cores (the plan, the context
/// and the definition it points at are still shared, and read less often). Each run
/// (``SimulationRun``) copies the fields it reads into itself once, when it starts.
final class RunSetup: Sendable {
    let plan: SimulationPlan
    /// The plan's parts, held here so the hot loop borrows them instead of copying them out of the plan.
    let context: CaseContext
    let durations: DurationModel
    let shares: [String: [Double]]
    let seed: UInt64
    let engine: CaseEngine
    /// The compiled form of the definition, when it compiles (see SimulationRun+Cases.swift).
    let compiled: CompiledSOP?
    let sop: SOPDefinition
    let calendar: WorkingCalendar
    /// Simulation ends here at the latest (bounded work whatever the input).
    let horizon: Date
    /// The index of each performer id (the definition's order).
    let roleIndex: [String: Int]
    /// The role indices each step lists, in order (performers the definition does not name left out).
    let listedRoles: [[Int]]
    /// Whether every performer each step lists is a role of the definition.
    let listsOnlyRoles: [Bool]
    /// The role that gives an answered decision's answer when the step lists several, by step.
    let deciders: [Int?]
    /// How each case's data is drawn (the shares applied to the rule classes once).
    let dataDraw: RuleDataSampler.Draw
    /// The work of each step's run when it is fixed (``DurationModel/fixedWork(of:)``), by step index.
    let fixedWork: [Durasi?]
    /// Each performer's part of a step's fixed work when it draws nothing either, by step index then role index.
    let fixedParts: [[Durasi?]]
    /// What the event loop asks of each step, by step index.
    let stepFacts: [StepFacts]

    init(plan: SimulationPlan) {
        self.plan = plan
        context = plan.context
        durations = plan.durations
        shares = plan.shares
        seed = plan.settings.seed
        engine = CaseEngine(context: plan.context)
        compiled = CompiledSOP(context: plan.context)
        let sop = plan.context.definition
        self.sop = sop
        let calendar = plan.context.calendar
        self.calendar = calendar
        let span = max(plan.end.timeIntervalSince(plan.start), 86_400 * 30)
        let longest = sop.jangkaWaktu?.deadline.map { calendar.adding($0, to: plan.end).instant.timeIntervalSince(plan.end) } ?? 0
        horizon = plan.end.addingTimeInterval(max(span, longest) * 2 + 86_400 * 60)
        var roles: [String: Int] = [:]
        for (i, performer) in sop.performers.enumerated() { roles[performer.id] = i }
        roleIndex = roles
        let listed = sop.steps.map { step in step.performers.compactMap { roles[$0.value] } }
        listedRoles = listed
        listsOnlyRoles = sop.steps.map { step in step.performers.allSatisfy { roles[$0.value] != nil } }
        dataDraw = RuleDataSampler.Draw(plan.ruleData, shares: plan.shares)
        let facts = sop.steps.map { StepFacts($0, shares: plan.shares) }
        stepFacts = facts
        let durations = plan.durations
        let fixed = sop.steps.map { durations.fixedWork(of: $0) }
        fixedWork = fixed
        // The part as the run asks for it (`part` draws nothing here: the random stream is never read).
        var unused = SimulationRandom(seed: 0)
        fixedParts = sop.steps.indices.map { s in
            sop.performers.map { performer in
                guard let whole = fixed[s], !durations.drawsPart(step: sop.steps[s], performer: performer.id) else { return nil }
                return durations.part(step: sop.steps[s], performer: performer.id, whole: whole, using: &unused)
            }
        }
        deciders = sop.steps.indices.map { s in
            facts[s].answered && listed[s].count > 1 ? sop.steps[s].decidingPerformer.flatMap { roles[$0] } : nil
        }
    }
}
