import Foundation
import Testing
@testable import SOPKit
@testable import SOPSimulate

/// The simulator on the compiled form of the definition (``CompiledSOP``): used for every shipped
/// SOP, its generated cases are the engine's (events whose fold is the state it kept), and a command
/// the compiled form refuses stops the run with the engine's own refusal.
@Suite struct SimulationCompiledTests {
    @Test(arguments: ["anak-jalanan", "pembuatan-duk", "rekomendasi-reaktivasi-pbi"])
    func generatedCasesAreTheEngines(sop: String) throws {
        let fixture = try EngineFixture(sop)
        let staff = fixture.context.definition.performers.map { ($0.id, 2) }
        let plan = try SimulationPlan(context: fixture.context, settings: SimulationTests.settings(rate: "30/bulan", staff: staff))
        #expect(SimulationRun(plan: plan, run: 0).compiled != nil)
        let cases = try Simulation.cases(plan)
        #expect(cases.count > 30)
        for (i, item) in cases.enumerated() {
            #expect(CaseState.fold(item.events, in: fixture.context) == item.state, "case \(i)")
        }
        #expect(cases.contains { $0.state.status != .open })
    }

    @Test func aRefusalIsTheEngines() throws {
        let fixture = try EngineFixture("anak-jalanan")
        let plan = try SimulationPlan(context: fixture.context, settings: SimulationTests.settings())
        let run = SimulationRun(plan: plan, run: 0)
        let compiled = try #require(run.compiled)
        try run.arrive(0)
        let sop = fixture.context.definition
        let step = try #require(sop.stepIndex("disposisi-spt")), kadis = try #require(sop.performerIndex(named: "kadis"))
        var expected: CaseRefusal?
        do {
            _ = try fixture.engine.act(on: run.caseState(0), step: "disposisi-spt", as: "kadis", at: run.now)
        } catch {
            expected = error
        }
        let refusal = try #require(expected)
        #expect(compiled.stepCount == sop.steps.count)
        let failure = #expect(throws: SimulationFailure.self) { try run.act(0, step: step, performer: kadis, answer: nil) }
        #expect(failure?.refusal.reason == refusal.reason)
        #expect(failure?.message.contains(refusal.message) == true, "\(failure?.message ?? "-")")
    }
}
