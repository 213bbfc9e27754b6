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

    @Test("an SOP the compiled form refuses (65 performers) is simulated by the engine")
    func fallsBackToTheEngine() throws {
        var text = "id: banyak\nnama: Banyak\nunit:\n  dinas: Dinas Sosial\npelaksana:\n"
        for i in 0..<65 { text += "  - id: p\(i)\n    nama: P\(i)\n" }
        text += "langkah:\n  - id: a\n    uraian: Memeriksa\n    pelaksana: [p0, p64]\n    mode: berurutan\n    waktu: 1 hari\n"
        text += "  - id: b\n    uraian: Menyetujui\n    pelaksana: p1\n    waktu: 2 jam\n"
        let result = SOPLoader().load(text: text, file: "banyak.yaml")
        let definition = try #require(result.definition, "\(result.diagnostics)")
        let (calendar, _) = CalendarStore.load(id: definition.time.calendar, searchingFrom: TestPaths.sops.path)
        let context = CaseContext(definition: definition, calendar: try #require(calendar))
        #expect(CompiledSOP(context: context) == nil)
        let plan = try SimulationPlan(context: context, settings: SimulationTests.settings(staff: [("p0", 1), ("p1", 1), ("p64", 1)]))
        #expect(SimulationRun(plan: plan, run: 0).compiled == nil)
        let cases = try Simulation.cases(plan)
        #expect(cases.count > 30)
        #expect(cases.allSatisfy { CaseState.fold($0.events, in: context) == $0.state })
        #expect(cases.contains { $0.state.status == .completed && $0.state.path == ["a", "b"] })
    }

    @Test func aRefusalIsTheEngines() throws {
        let fixture = try EngineFixture("anak-jalanan")
        let plan = try SimulationPlan(context: fixture.context, settings: SimulationTests.settings())
        var run = SimulationRun(plan: plan, run: 0)
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
