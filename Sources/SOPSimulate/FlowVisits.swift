import SOPKit

/// How many times a case is expected to run each step, given the decisions' shares: the flow as a
/// Markov chain from the first step, loops included. A loop that a case never leaves (a share of 1
/// back into it) is refused rather than simulated for ever.
enum FlowVisits {
    static func expected(_ sop: SOPDefinition, shares: [String: [Double]]) throws(SimulationInputError) -> [String: Double] {
        let n = sop.steps.count
        var next: [[(Int, Double)]] = Array(repeating: [], count: n)
        for (i, step) in sop.steps.enumerated() {
            if step.kind == .selesai { continue }
            if let decision = step.decision {
                let row = shares[step.id] ?? []
                for (j, outcome) in decision.outcomes.enumerated() {
                    if case .step(let id) = outcome.next.value, let k = sop.stepIndex(id), j < row.count, row[j] > 0 { next[i].append((k, row[j])) }
                }
            } else if case .step(let id) = sop.defaultNext(after: i), let k = sop.stepIndex(id) {
                next[i].append((k, 1))
            }
        }
        var visits = Array(repeating: 0.0, count: n)
        var mass = Array(repeating: 0.0, count: n)
        mass[0] = 1
        for _ in 0..<200_000 {
            var moved = Array(repeating: 0.0, count: n)
            var left = 0.0
            for i in 0..<n where mass[i] > 0 {
                visits[i] += mass[i]
                for (k, p) in next[i] { moved[k] += mass[i] * p }
            }
            mass = moved
            left = mass.reduce(0, +)
            if left < 1e-12 { return Dictionary(uniqueKeysWithValues: zip(sop.steps.map(\.id), visits)) }
        }
        let looping = (0..<n).filter { mass[$0] > 1e-9 }.map { sop.steps[$0].id }
        throw SimulationInputError("--share", SimulationInputMessages.neverLeavesLoop(["steps": .list(looping.map { .text("'\($0)'") })]))
    }
}
