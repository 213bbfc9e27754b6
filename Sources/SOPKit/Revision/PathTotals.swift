/// The total standard time of every path through an SOP, named by the decisions that pick it.
/// A loop is followed once (a path never takes the same step twice); paths are capped at 64.
enum PathTotals {
    static func of(_ sop: SOPDefinition) -> [(String, Double)] {
        guard !sop.steps.isEmpty else { return [] }
        var result: [(String, Double)] = []
        func walk(_ index: Int, _ seen: Set<Int>, _ choices: [String], _ total: Double) {
            guard result.count < 64 else { return }
            let step = sop.steps[index]
            let minutes = total + (step.waktu?.deadline?.minutes() ?? 0)
            var seen = seen
            seen.insert(index)
            let exits: [(String?, FlowTarget)]
            if let decision = step.decision {
                exits = decision.outcomes.map { ("\(step.id)=\($0.label)", $0.next.value) }
            } else {
                exits = [(nil, sop.defaultNext(after: index))]
            }
            for (choice, target) in exits {
                let path = choices + (choice.map { [$0] } ?? [])
                switch target {
                case .end, .exit:
                    let name = (path.isEmpty ? "(no decisions)" : path.joined(separator: ", ")) + (target == .exit ? " [keluar]" : "")
                    result.append((name, minutes))
                case .step(let id):
                    guard let next = sop.stepIndex(id), !seen.contains(next) else { continue }
                    walk(next, seen, path, minutes)
                }
            }
        }
        walk(0, [], [], 0)
        return result
    }
}
