import Foundation
import SOPKit
import SOPSimulate

/// Benchmark 8: `sop simulate`'s engine, one simulated year of the reference SOP at 1,000 cases a
/// month, 100 runs, on all cores. Wall time is the target (under 10 s on the 2-core machine); the
/// process's CPU time beside it shows how much of both cores was used.
enum SimulateBench {
    static func run(sop path: String, rate: String, runs: Int, workers: Int) -> JSONValue {
        let c = InterpreterBench.load(sop: path)
        // Enough people that the queues are stable at 1,000 children a month (docs/simulate.md).
        let staff = [("kasi", 120), ("peksos", 120), ("petugas", 60), ("kadis", 2), ("kabid", 1)]
        do {
            let settings = SimulationSettings(arrivals: .rate(try ArrivalRate(parsing: rate)), from: CalendarDate(iso: "2025-01-01")!,
                                              to: CalendarDate(iso: "2026-01-01")!, staff: staff.map { ($0.0, $0.1) },
                                              shares: [try ShareSpec(parsing: "penjangkauan=Ya:0.4")], runs: runs, seed: 1)
            let plan = try SimulationPlan(context: c.context, settings: settings)
            let cpu0 = processCPU(), w0 = now()
            let report = try Simulation.run(plan, workers: workers)
            let wall = now() - w0, cpu = processCPU() - cpu0
            let cases = report.cases.mean * Double(runs)
            note("simulate: \(runs) runs of one year at \(rate), \(Int(cases)) cases in \(String(format: "%.2f", wall)) s wall, \(String(format: "%.2f", cpu)) s CPU (\(workers) workers)")
            return .object([
                ("sop", .string(path)), ("rate", .string(rate)), ("runs", .number(Double(runs))), ("workers", .number(Double(workers))),
                ("cases", .number(cases)), ("wall_seconds", rounded(wall)), ("cpu_seconds", rounded(cpu)),
                ("cores_used", rounded(cpu / wall)), ("cases_per_s_wall", rounded(cases / wall)),
                ("unstable", .bool(report.unstable != nil)), ("runs_at_limit", .number(Double(report.runsAtLimit))),
                ("bottleneck", .optional(report.bottleneck)), ("target_wall_seconds", .number(10)),
            ])
        } catch {
            fail("simulate: \(error)")
        }
    }

    /// CPU time of the whole process (every thread), in seconds.
    static func processCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
