import Foundation
import Testing
@testable import SOPKit
@testable import SOPSimulate

/// The simulator: deterministic streams, the engine's own semantics, and the refusals of input it
/// cannot use.
@Suite struct SimulationTests {
    static func settings(rate: String = "20/bulan", staff: [(String, Int)] = [("kasi", 3), ("peksos", 4), ("petugas", 3)],
                         shares: [String] = [], runs: Int = 3, seed: UInt64 = 1,
                         from: String = "2025-01-01", to: String = "2025-04-01") throws -> SimulationSettings {
        SimulationSettings(arrivals: .rate(try ArrivalRate(parsing: rate)), from: CalendarDate(iso: from)!, to: CalendarDate(iso: to)!,
                           staff: staff.map { ($0.0, $0.1) }, shares: try shares.map { try ShareSpec(parsing: $0) }, runs: runs, seed: seed)
    }

    static func refusal(_ sop: String = "anak-jalanan", _ settings: SimulationSettings) throws -> SimulationInputError? {
        refusal(try EngineFixture(sop).context, settings)
    }

    static func refusal(_ context: CaseContext, _ settings: SimulationSettings) -> SimulationInputError? {
        do {
            _ = try SimulationPlan(context: context, settings: settings)
            return nil
        } catch {
            return error
        }
    }

    @Test func splitMixMatchesItsReferenceOutput() {
        // SplitMix64 from state 0: the first output of Vigna's reference implementation.
        var state: UInt64 = 0
        #expect(SimulationRandom.splitMix(&state) == 0xE220_A839_7B1D_CDAF)
        var a = SimulationRandom(seed: 42, run: 3, purpose: .durations, index: 7)
        var b = SimulationRandom(seed: 42, run: 3, purpose: .durations, index: 7)
        var c = SimulationRandom(seed: 42, run: 3, purpose: .durations, index: 8)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }

    @Test func theSameSeedGivesTheSameReportAndAnotherSeedAnother() throws {
        let fixture = try EngineFixture("anak-jalanan")
        let one = try Simulation.run(SimulationPlan(context: fixture.context, settings: Self.settings(seed: 5))).json().serialized()
        let again = try Simulation.run(SimulationPlan(context: fixture.context, settings: Self.settings(seed: 5)), workers: 1).json().serialized()
        let other = try Simulation.run(SimulationPlan(context: fixture.context, settings: Self.settings(seed: 6))).json().serialized()
        #expect(one == again)
        #expect(one != other)
    }

    @Test func aRevisionIsSimulatedOnTheSameArrivals() throws {
        let base = try EngineFixture("anak-jalanan")
        let path = TestPaths.fixtures.appendingPathComponent("simulate/revisi/anak-jalanan.yaml").path
        let definition = try #require(SOPLoader().load(path: path).definition)
        let revised = CaseContext(definition: definition, calendar: base.context.calendar)
        let settings = try Self.settings()
        let a = try SimulationPlan(context: base.context, settings: settings)
        let b = try SimulationPlan(context: revised, settings: settings)
        for run in 0..<3 {
            let arrivals = SimulationRun.poisson(plan: a, run: run)
            #expect(!arrivals.isEmpty)
            #expect(arrivals == SimulationRun.poisson(plan: b, run: run))
        }
        // The revision takes the Kasi off the outreach: the Kasi's utilisation falls.
        let before = try Simulation.run(a), after = try Simulation.run(b)
        #expect((after.role("kasi")?.utilisation?.mean ?? 1) < (before.role("kasi")?.utilisation?.mean ?? 0) / 2)
    }

    /// With people enough that nobody waits, every case goes the way `sop run` takes it: the same
    /// path for the same data and answers (loops, early exits, the rule decision, the recurring
    /// group step), every step done within its standard.
    @Test(arguments: ["anak-jalanan", "pembuatan-duk", "rekomendasi-reaktivasi-pbi"])
    func withoutQueuesEveryCaseRunsAsStandardRunRunsIt(sop: String) throws {
        let fixture = try EngineFixture(sop)
        let staff = fixture.context.definition.performers.map { ($0.id, 200) }
        var settings = try Self.settings(rate: "40/bulan", staff: staff, from: "2025-01-01", to: "2025-03-01")
        settings.shares = []
        let plan = try SimulationPlan(context: fixture.context, settings: settings)
        let cases = try Simulation.cases(plan)
        #expect(cases.count > 20)
        var outcomes = Set<CaseOutcome>()
        for (events, state) in cases {
            #expect(CaseState.fold(events, in: fixture.context) == state)
            guard state.status != .open else { continue }
            outcomes.insert(state.status)
            var answers: [String: [String]] = [:]
            for run in state.runs where run.outcome != nil && fixture.context.definition.step(run.stepID)?.decision?.isRuleDecided == false {
                answers[run.stepID, default: []].append(run.outcome!)
            }
            let raw = state.data.mapValues(\.description)
            let standard = try StandardRun(engine: fixture.engine, answers: answers).run(data: raw, start: try #require(state.openedAt))
            #expect(standard.state.path == state.path)
            #expect(standard.state.status == state.status)
            for run in state.runs where run.occurrences.isEmpty {
                if let due = run.due, let done = run.completedAt { #expect(done <= due, "\(sop) \(run.stepID) late without a queue") }
            }
        }
        #expect(!outcomes.isEmpty)
    }

    @Test func ruleDecisionsFollowTheirShares() throws {
        let fixture = try EngineFixture("anak-jalanan")
        let plan = try SimulationPlan(context: fixture.context, settings: Self.settings(shares: ["penjangkauan=Ya:0.3"]))
        #expect(plan.shares["penjangkauan"] == [0.3, 0.7])
        var random = SimulationRandom(seed: 9)
        var dropouts = 0
        for _ in 0..<4000 where plan.ruleData.data(shares: plan.shares, using: &random)["putus_sekolah"] == .boolean(true) { dropouts += 1 }
        #expect(abs(Double(dropouts) / 4000 - 0.3) < 0.03)
    }

    @Test func anOverloadedRoleIsReportedUnstableAndTheRunsStillEnd() throws {
        let fixture = try EngineFixture("anak-jalanan")
        let plan = try SimulationPlan(context: fixture.context, settings: Self.settings(rate: "40/bulan", staff: [("kasi", 1)], runs: 1,
                                                                                          from: "2025-01-01", to: "2025-03-01"))
        #expect(plan.unstableRole?.role == "kasi")
        let report = try Simulation.run(plan)
        #expect(report.unstable?.role == "kasi")
        #expect(report.bottleneck == "kasi")
        #expect(report.text().contains("Unstable: kasi"))
    }

    @Test func badInputIsRefusedNamingTheOption() throws {
        #expect(throws: SimulationInputError.self) { try ArrivalRate(parsing: "0/bulan") }
        #expect(throws: SimulationInputError.self) { try ArrivalRate(parsing: "40/abad") }
        #expect(throws: SimulationInputError.self) { try ShareSpec(parsing: "penjangkauan=Ya:1.5") }
        #expect(throws: SimulationInputError.self) { try SimulationSettings.staffEntry(parsing: "kasi=-1") }
        let cases: [(SimulationSettings, String, String)] = [
            (try Self.settings(staff: [("direktur", 1)]), "--staff", "not a performer"),
            (try Self.settings(staff: [("kasi", 0)]), "--staff", "step 'perintah-spt' needs"),
            (try Self.settings(shares: ["penjangkauan=Mungkin:0.5"]), "--share", "not an outcome"),
            (try Self.settings(shares: ["penjangkauan=Ya:0.6", "penjangkauan=Tidak:0.6"]), "--share", "add up to 1.2"),
            (try Self.settings(shares: ["penjangkauan=Ya:0.5", "penjangkauan=Tidak:0.4"]), "--share", "not 1"),
            (try Self.settings(shares: ["perintah-spt=Ya:0.5"]), "--share", "not a decision"),
            (try Self.settings(shares: ["jangkau=Ya:0.5"]), "--share", "not a step"),
            (try Self.settings(from: "2025-01-01", to: "2025-01-02"), "--from", "no working days"),
            (try Self.settings(from: "2025-03-01", to: "2025-01-01"), "--to", "must end after"),
            (try Self.settings(runs: 0), "--runs", "give 1 to 10000"),
            (try Self.settings(rate: "100000/hari"), "--arrivals", "more than the simulator takes"),
        ]
        for (settings, option, words) in cases {
            let error = try #require(try Self.refusal("anak-jalanan", settings))
            #expect(error.option == option)
            #expect(error.message.contains(words), "\(error.message)")
        }
        // A loop the shares never let a case leave.
        let loop = try #require(try Self.refusal("pembuatan-duk", Self.settings(staff: [], shares: ["periksa-konsep=Tidak:1"])))
        #expect(loop.option == "--share" && loop.message.contains("never leaves the loop"))
        // A performer that no step uses.
        let fixture = try EngineFixture("anak-jalanan")
        var definition = fixture.context.definition
        var idle = definition.performers[0]
        idle.id = "bendahara"
        idle.nama = "Bendahara"
        idle.alias = []
        definition.performers.append(idle)
        let context = CaseContext(definition: definition, calendar: fixture.context.calendar)
        let idleRefusal = try #require(try Self.refusal(context, Self.settings(staff: [("bendahara", 2)])))
        #expect(idleRefusal.option == "--staff")
        #expect(idleRefusal.message == "bendahara (Bendahara) performs no step of anak-jalanan; leave --staff bendahara=2 out")
        #expect(idleRefusal.message(in: .id) == "bendahara (Bendahara) tidak melaksanakan langkah apa pun di anak-jalanan; hapus --staff bendahara=2")
    }
}
