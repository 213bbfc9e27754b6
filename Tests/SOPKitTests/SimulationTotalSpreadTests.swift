import Foundation
import Testing
@testable import SOPKit
@testable import SOPSimulate

/// An SOP whose standard is only `waktu.total` (no step has a waktu): the total is spread over the
/// working steps so that an average case's work adds up to it (docs/simulate.md).
@Suite struct SimulationTotalSpreadTests {
    static func plan(_ fixture: EngineFixture, share: String) throws -> SimulationPlan {
        let staff = fixture.context.definition.performers.map { ($0.id, 200) }
        let settings = try SimulationTests.settings(rate: "40/bulan", staff: staff, shares: [share], runs: 1,
                                                    from: "2025-01-01", to: "2025-03-01")
        return try SimulationPlan(context: fixture.context, settings: settings)
    }

    @Test func theTotalIsSharedOverTheExpectedStepRuns() throws {
        // rekomendasi-reaktivasi-pbi: 20 menit in all; five steps every case runs, then half the
        // cases go back to the applicant (one step) and half through three more: 7 runs expected.
        let fixture = try EngineFixture("rekomendasi-reaktivasi-pbi")
        let plan = try Self.plan(fixture, share: "verifikasi=Ya:0.5")
        let spread = try #require(plan.durations.spread)
        #expect(spread.total.raw == "20 menit")
        #expect(spread.shares.count == fixture.context.definition.steps.count)
        for share in spread.shares.values { #expect(abs(share - 1.0 / 7) < 1e-9) }
        var random = SimulationRandom(seed: 1)
        let step = try #require(fixture.context.definition.step("disposisi"))
        #expect(abs(plan.durations.draw(step, using: &random).minutes() - 20.0 / 7) < 1e-9)
        // The load check sees the work too.
        #expect((plan.load["front-office"] ?? 0) > 0)
    }

    @Test func withoutQueuesACaseWorksItsShareOfTheTotalOnEveryStep() throws {
        let fixture = try EngineFixture("rekomendasi-reaktivasi-pbi")
        let plan = try Self.plan(fixture, share: "verifikasi=Ya:0.5")
        let calendar = fixture.context.calendar
        let cases = try Simulation.cases(plan)
        #expect(cases.count > 20)
        var total = 0.0, ended = 0
        for (_, state) in cases {
            guard let opened = state.openedAt, let end = state.endedAt else { continue }
            let worked = calendar.workingMinutes(from: opened, to: end)
            // Completed: 8 step runs; sent back to the applicant: 6. Each 20/7 minutes.
            let expected = (state.status == .completed ? 8.0 : 6.0) * 20 / 7
            #expect(abs(worked - expected) < 1e-3, "case ended \(state.status) after \(worked) working minutes")
            total += worked
            ended += 1
        }
        #expect(ended == cases.count)
        // About 20 minutes on average (half the cases each way).
        #expect(abs(total / Double(ended) - 20) < 2.5)
    }

    @Test func aStepWithItsOwnWaktuTurnsTheSpreadOff() throws {
        let fixture = try EngineFixture("anak-jalanan")
        let plan = try Self.plan(fixture, share: "penjangkauan=Ya:0.4")
        #expect(plan.durations.spread == nil)
        var definition = fixture.context.definition
        #expect(TotalSpread(definition, visits: plan.visits) == nil)
        for i in definition.steps.indices { definition.steps[i].waktu = nil }
        // No step has a waktu, but the reference SOP gives no total either.
        #expect(TotalSpread(definition, visits: plan.visits) == nil)
    }
}
