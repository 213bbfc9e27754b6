/// Which documents can exist when each step runs: the case's persyaratan plus the outputs of every
/// step that can run before it on some path. A forward data-flow over bit sets, so a 10,000-step
/// SOP stays linear in practice.
struct DocumentAvailability {
    /// Document names normalised for matching: case and runs of spaces ignored.
    static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    private let documentIndex: [String: Int]
    private let available: [[UInt64]]

    init(_ sop: SOPDefinition, graph: FlowGraph) {
        var index: [String: Int] = [:]
        func id(_ name: String) -> Int {
            let k = DocumentAvailability.key(name)
            if let i = index[k] { return i }
            index[k] = index.count
            return index.count - 1
        }
        let outputs = sop.steps.map { step in step.output.map { id($0.value) } }
        let initial = sop.persyaratan.map { id($0.value) }
        let words = (index.count + 63) / 64
        func set(_ bits: [Int]) -> [UInt64] {
            var result = [UInt64](repeating: 0, count: words)
            for b in bits { result[b / 64] |= 1 << UInt64(b % 64) }
            return result
        }
        let outputSets = outputs.map(set)
        var available = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: sop.steps.count)
        if !available.isEmpty { available[0] = set(initial) }
        var changed = true
        while changed {
            changed = false
            for i in sop.steps.indices {
                var leaving = available[i]
                for w in 0..<words { leaving[w] |= outputSets[i][w] }
                for j in graph.exits[i].steps {
                    for w in 0..<words where available[j][w] | leaving[w] != available[j][w] {
                        available[j][w] |= leaving[w]
                        changed = true
                    }
                }
            }
        }
        self.documentIndex = index
        self.available = available
    }

    /// Whether `document` can exist before step `step` runs.
    func isAvailable(_ document: String, before step: Int) -> Bool {
        guard let d = documentIndex[DocumentAvailability.key(document)] else { return false }
        return available[step][d / 64] & (1 << UInt64(d % 64)) != 0
    }
}
