/// Which documents surely exist when each step runs: a document is available at a step only when
/// it is brought by the case (`persyaratan`) or produced on **every** path from the first step to it
/// (a must-analysis over the flow graph). A document made only on the "Ya" branch of an earlier
/// decision is not available after the branches join: a case that went "Tidak" would be stuck there.
struct DocumentAvailability {
    /// Document names normalised for matching: case and runs of spaces ignored.
    static func key(_ name: String) -> String {
        let utf8 = name.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        }
        // ASCII (nearly every document name): the same key in one pass over the bytes, without the
        // String and Substring traffic of lowercased/split/joined (which dominated validation).
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var count = 0
            var pendingSpace = false
            for b in utf8 {
                if b == 0x20 || b == 0x0A || b == 0x09 {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    buffer[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                buffer[count] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                count += 1
            }
            return count
        }
    }

    /// The document keys each step outputs.
    private let outputs: [[String]]
    /// The steps that can come directly before each step.
    private let predecessors: [[Int]]
    /// The flow edges out of each step.
    private let successors: [[Int]]
    /// The keys of the SOP's persyaratan.
    private let brought: Set<String>
    /// Documents for which the quick check did not settle some kelengkapan, with their bit.
    private let documentIndex: [String: Int]
    private let words: Int
    /// Row `step` (`words` words from `step * words`): which of those documents exist on every path to it.
    private let available: [UInt64]

    /// Most kelengkapan are settled by a quick check (brought by the case, or produced by every step
    /// directly before); the data-flow runs over the few documents left.
    init(_ sop: SOPDefinition, graph: FlowGraph) {
        let steps = sop.steps.count
        // Steps are read by index, not iterated: iterating copies every Step (a dozen references).
        let outputs = sop.steps.indices.map { sop.steps[$0].output.map { DocumentAvailability.key($0.value) } }
        self.outputs = outputs
        var predecessors = [[Int]](repeating: [], count: steps)
        for (i, exits) in graph.exits.enumerated() {
            for j in exits.steps { predecessors[j].append(i) }
        }
        self.predecessors = predecessors
        self.successors = graph.exits.map(\.steps)
        let brought = Set(sop.persyaratan.map { DocumentAvailability.key($0.value) })
        self.brought = brought
        var index: [String: Int] = [:]
        for i in sop.steps.indices {
            for item in sop.steps[i].kelengkapan {
                let k = DocumentAvailability.key(item.value)
                if index[k] == nil, !DocumentAvailability.quickCheck(k, before: i, brought: brought,
                                                                     predecessors: predecessors, outputs: outputs) {
                    index[k] = index.count
                }
            }
        }
        let words = (index.count + 63) / 64
        // Everything is available until a path shows otherwise; the first step is entered from the
        // start with only what the case brings.
        var available = [UInt64](repeating: ~0, count: words * steps)
        if words > 0, steps > 0 {
            var produced = [UInt64](repeating: 0, count: words * steps)
            for (i, keys) in outputs.enumerated() {
                for k in keys { if let b = index[k] { produced[i * words + b / 64] |= 1 << UInt64(b % 64) } }
            }
            var entry = [UInt64](repeating: 0, count: words)
            for k in brought { if let b = index[k] { entry[b / 64] |= 1 << UInt64(b % 64) } }
            // A forward must-analysis to a fixed point: each row is the meet (AND) of what every
            // predecessor holds after it ran; rows only lose bits, so it ends.
            available.withUnsafeMutableBufferPointer { available in
                produced.withUnsafeBufferPointer { produced in
                    var changed = true
                    while changed {
                        changed = false
                        for j in 0..<steps {
                            let to = j * words
                            for w in 0..<words {
                                var meet: UInt64 = j == 0 ? entry[w] : ~0
                                for i in predecessors[j] {
                                    meet &= available[i * words + w] | produced[i * words + w]
                                }
                                let next = available[to + w] & meet
                                if next != available[to + w] {
                                    available[to + w] = next
                                    changed = true
                                }
                            }
                        }
                    }
                }
            }
        }
        self.documentIndex = index
        self.words = words
        self.available = available
    }

    /// True when the document is surely available before `step`: brought by the case, or output by
    /// every step directly before it (the first step is also entered from the start, where nothing
    /// is produced). False means "not settled here", not "unavailable".
    private func quickCheck(_ key: String, before step: Int) -> Bool {
        DocumentAvailability.quickCheck(key, before: step, brought: brought, predecessors: predecessors, outputs: outputs)
    }

    private static func quickCheck(_ key: String, before step: Int, brought: Set<String>,
                                   predecessors: [[Int]], outputs: [[String]]) -> Bool {
        if brought.contains(key) { return true }
        guard step != 0, !predecessors[step].isEmpty else { return false }
        return predecessors[step].allSatisfy { outputs[$0].contains(key) }
    }

    /// Whether a step that outputs `key` can come (through at least one flow edge) before `step` on
    /// some path, by a search backwards from it.
    func canBeProduced(_ key: String, before step: Int) -> Bool {
        if brought.contains(key) { return true }
        var seen = Set<Int>()
        var work = predecessors[step]
        while let i = work.popLast() {
            guard seen.insert(i).inserted else { continue }
            if outputs[i].contains(key) { return true }
            work += predecessors[i]
        }
        return false
    }

    /// Whether `document` can exist before step `step` runs.
    func isAvailable(_ document: String, before step: Int) -> Bool {
        isAvailable(key: DocumentAvailability.key(document), before: step)
    }

    /// Whether the document with this ``key(_:)`` can exist before step `step` runs.
    func isAvailable(key: String, before step: Int) -> Bool {
        if quickCheck(key, before: step) { return true }
        guard let d = documentIndex[key] else { return pathWithout(key, to: step) == nil }
        return available[step * words + d / 64] & (1 << UInt64(d % 64)) != 0
    }

    /// A path of steps from the first step to `step` (both included) on which no step before
    /// `step` produces the document, or nil when there is none (the document is available there).
    func pathWithout(_ key: String, to step: Int) -> [Int]? {
        guard !brought.contains(key), !outputs.isEmpty else { return nil }
        var parent = [Int: Int]()
        var queue = [0], head = 0
        parent[0] = -1
        while head < queue.count {
            let i = queue[head]
            head += 1
            if i == step, head > 1 || step == 0 { break }
            // A step that produces the document ends the search along this path.
            if outputs[i].contains(key) { continue }
            for j in successors[i] where parent[j] == nil {
                parent[j] = i
                queue.append(j)
            }
        }
        guard parent[step] != nil else { return nil }
        var path = [step]
        var i = parent[step] ?? -1
        while i >= 0, path.count <= outputs.count {
            path.append(i)
            i = parent[i] ?? -1
        }
        return path.reversed()
    }
}
