import Foundation
import Testing
@testable import SOPKit
@testable import SOPSimulate

/// The simulator on the benchmark's generated SOPs, which use every feature of the language (all
/// three modes, answered decisions that loop back, rule decisions with a fallback and an early exit,
/// deciders, external performers, kelengkapan chains, recurring group sessions): over many seeds,
/// the engine accepts every command the simulator gives (it refuses anything the SOP forbids), every
/// case's state is the fold of its own events, and every run ends.
@Suite struct SimulationGeneratedTests {
    static func generated(_ steps: Int) throws -> CaseContext {
        let bench = TestPaths.binary.deletingLastPathComponent().appendingPathComponent("sop-bench")
        try #require(FileManager.default.isExecutableFile(atPath: bench.path), "sop-bench is built next to sop")
        let process = Process()
        process.executableURL = bench
        process.arguments = ["gen", "--steps", "\(steps)", "--id", "generated-\(steps)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = SOPLoader().load(bytes: [UInt8](data), file: "generated-\(steps).yaml",
                                      validator: SOPValidator(folderSOPIDs: ["anak-jalanan", "generated-\(steps)"], fileStem: "generated-\(steps)"))
        let definition = try #require(result.definition)
        let (calendar, _) = CalendarStore.load(id: definition.time.calendar, searchingFrom: TestPaths.sops.path)
        return CaseContext(definition: definition, calendar: try #require(calendar))
    }

    @Test(arguments: [10, 20, 40])
    func everyCommandIsOneTheEngineAccepts(steps: Int) throws {
        let context = try Self.generated(steps)
        let staff = context.definition.performers.filter { $0.kind == .internal_ }.map { ($0.id, 30) }
        var paths = Set<[String]>()
        for seed in UInt64(1)...6 {
            let settings = SimulationSettings(arrivals: .rate(try ArrivalRate(parsing: "15/bulan")), from: CalendarDate(iso: "2025-01-06")!,
                                              to: CalendarDate(iso: "2025-02-06")!, staff: staff, runs: 1, seed: seed)
            let plan = try SimulationPlan(context: context, settings: settings)
            let cases = try Simulation.cases(plan, run: Int(seed))
            #expect(!cases.isEmpty)
            for (events, state) in cases {
                #expect(CaseState.fold(events, in: context) == state)
                #expect(state.version == events.count)
                paths.insert(state.path)
            }
        }
        // The seeds drive the cases down different paths (decisions, loops, exits).
        #expect(paths.count > 1)
    }
}
