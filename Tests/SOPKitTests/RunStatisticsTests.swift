import Foundation
import Testing
@testable import SOPKit
@testable import SOPSimulate

/// A run counts its cases from their compiled states in place (``RunStatistics/collect(_:end:)``
/// on a ``CompiledCaseState``); the counts must be those of the ``CaseState`` each stands for.
@Suite struct RunStatisticsTests {
    @Test(arguments: ["anak-jalanan", "pembuatan-duk", "rekomendasi-reaktivasi-pbi"])
    func compiledCountsAreTheCaseStates(sop: String) throws {
        let fixture = try EngineFixture(sop)
        let performers = fixture.context.definition.performers
        var sawLate = false
        // Short-staffed and well-staffed: cases still open at the end, late runs, and runs on time.
        for people in [1, 3] {
            let plan = try SimulationPlan(context: fixture.context,
                                          settings: SimulationTests.settings(rate: "40/bulan", staff: performers.map { ($0.id, people) }))
            var run = SimulationRun(plan: plan, run: 0)
            let compiled = try #require(run.compiled)
            _ = try run.execute()
            #expect(run.cases.count > 30)
            // Ends before, inside and after the period, so that open runs fall on both sides of the end.
            for end in [plan.start.addingTimeInterval(86_400 * 20), plan.end, plan.end.addingTimeInterval(86_400 * 400)] {
                var fromCompiled = RunStatistics(plan: plan), fromStates = RunStatistics(plan: plan)
                for record in run.cases {
                    fromCompiled.collect(record.compact, end: end)
                    fromStates.collect(compiled.caseState(record.compact), end: end)
                }
                // Every figure the counting sets, compared whole (a field added to them is compared too).
                #expect(String(describing: fromCompiled.steps) == String(describing: fromStates.steps), "\(sop), \(people), \(end)")
                #expect(String(describing: fromCompiled.roles) == String(describing: fromStates.roles), "\(sop), \(people), \(end)")
                #expect(fromCompiled.leadDays == fromStates.leadDays)
                let counts: [Int] = [fromCompiled.casesOnTime, fromCompiled.completed, fromCompiled.exited, fromCompiled.unfinished]
                let expected: [Int] = [fromStates.casesOnTime, fromStates.completed, fromStates.exited, fromStates.unfinished]
                #expect(counts == expected)
                #expect(fromStates.roles.contains { $0.parts > 0 } && fromStates.steps.contains { $0.runs > 0 })
                if fromStates.steps.contains(where: { $0.runs > $0.onTime }) { sawLate = true }
            }
        }
        // The reference SOP, one person a role, has late runs: the on-time branch is compared both ways.
        if sop == "anak-jalanan" { #expect(sawLate) }
    }
}
