import Foundation
import SOPKit

/// Runs a plan: `runs` independent runs on all cores, each from its own seeded streams, summarised
/// into a ``SimulationReport``.
public enum Simulation {
    /// The report of `plan`, or the engine's refusal when the SOP cannot be run as simulated. A plan
    /// whose load shows a role that cannot keep up still runs, to its horizon (bounded work): the
    /// report marks it unstable and names the role.
    public static func run(_ plan: SimulationPlan, workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(SimulationFailure) -> SimulationReport {
        let results = Results(count: plan.settings.runs)
        let count = plan.settings.runs
        let lanes = max(1, min(workers, count))
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            // A setup of the lane's own: with one shared by both lanes, every retain and release of
            // its compiled SOP and tables moved the same cache lines between the cores, and two
            // lanes cost a quarter more CPU a year than two separate processes (BENCHMARKS 8).
            let setup = RunSetup(plan: plan)
            var i = lane
            while i < count {
                do throws(SimulationFailure) {
                    var simulation = SimulationRun(setup: setup, run: i)
                    results.set(i, .success(try simulation.execute()))
                } catch {
                    results.set(i, .failure(error))
                }
                i += lanes
            }
        }
        var runs: [RunStatistics] = []
        for result in results.all() {
            switch result {
            case .success(let statistics): runs.append(statistics)
            case .failure(let failure): throw failure
            case nil: break
            }
        }
        return SimulationReport(plan: plan, runs: runs)
    }

    /// The cases of one run with their events, in the order they arrived: a generated history (the
    /// backtest writes it into a journal and asks `sop report` and the simulator about it).
    public static func cases(_ plan: SimulationPlan, run: Int = 0) throws(SimulationFailure) -> [(events: [CaseEvent], state: CaseState)] {
        var simulation = SimulationRun(plan: plan, run: run)
        simulation.kept = []
        _ = try simulation.execute()
        let states = simulation.cases.indices.map { simulation.caseState($0) }
        return zip(simulation.kept ?? [], states).map { ($0, $1) }
    }

    private final class Results: @unchecked Sendable {
        private var items: [Result<RunStatistics, SimulationFailure>?]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: Result<RunStatistics, SimulationFailure>) { lock.withLock { items[i] = value } }
        func all() -> [Result<RunStatistics, SimulationFailure>?] { lock.withLock { items } }
    }
}
