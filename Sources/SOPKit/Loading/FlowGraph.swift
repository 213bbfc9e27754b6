/// The flow of an SOP as a graph over step indices, for reachability and loop checks.
public struct FlowGraph: Sendable {
    /// Where a step can go next: other steps by index, and whether it can complete or exit there.
    public struct Exits: Sendable, Hashable {
        public var steps: [Int] = []
        public var completes = false
        public var exits = false
        /// The step names a target that is not a step (reported separately); its flow is unknown.
        public var unresolved = false
    }

    public let exits: [Exits]

    /// Whether any flow target could not be resolved, so reachability cannot be judged.
    public var hasUnresolvedTargets: Bool { exits.contains { $0.unresolved } }

    /// Builds the graph; targets naming unknown steps are left out (the validator reports them).
    public init(_ sop: SOPDefinition) {
        let index = Dictionary(sop.steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        exits = sop.steps.indices.map { i in
            var result = Exits()
            let targets: [FlowTarget]
            if let decision = sop.steps[i].decision {
                targets = decision.outcomes.map(\.next.value)
            } else if let next = sop.steps[i].next {
                targets = [next.value]
            } else if sop.steps[i].kind == .selesai || sop.steps[i].mergedEnd || i + 1 == sop.steps.count {
                targets = [.end]
            } else {
                // The following row, by position: ids may be duplicated in a broken file.
                result.steps.append(i + 1)
                targets = []
            }
            for target in targets {
                switch target {
                case .end: result.completes = true
                case .exit: result.exits = true
                case .step(let id):
                    if let j = index[id] { result.steps.append(j) } else { result.unresolved = true }
                }
            }
            return result
        }
    }

    /// Steps reachable from the first step (the first included).
    public func reachable() -> Set<Int> {
        guard !exits.isEmpty else { return [] }
        var seen: Set<Int> = [0]
        var work = [0]
        while let i = work.popLast() {
            for j in exits[i].steps where seen.insert(j).inserted { work.append(j) }
        }
        return seen
    }

    /// Steps from which the procedure can end (complete or exit), and those from which it can complete.
    public func canFinish() -> (anyEnd: Set<Int>, completion: Set<Int>) {
        var predecessors = [[Int]](repeating: [], count: exits.count)
        for (i, e) in exits.enumerated() { for j in e.steps { predecessors[j].append(i) } }
        func backwards(from seeds: [Int]) -> Set<Int> {
            var seen = Set(seeds)
            var work = seeds
            while let j = work.popLast() {
                for i in predecessors[j] where seen.insert(i).inserted { work.append(i) }
            }
            return seen
        }
        let ending = exits.indices.filter { exits[$0].completes || exits[$0].exits }
        let completing = exits.indices.filter { exits[$0].completes }
        return (backwards(from: ending), backwards(from: completing))
    }
}
