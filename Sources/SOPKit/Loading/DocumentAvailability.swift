/// Which documents can exist when each step runs: the case's persyaratan plus the outputs of every
/// step that can run before it on some path.
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
    /// The keys of the SOP's persyaratan.
    private let brought: Set<String>
    /// Steps reachable from the first step through at least one flow edge.
    private let afterStart: [Bool]
    /// Documents for which the quick check did not settle some kelengkapan, with their bit.
    private let documentIndex: [String: Int]
    private let words: Int
    /// Row `step` (`words` words from `step * words`): which of those documents can exist before it.
    private let available: [UInt64]

    /// Most kelengkapan are settled by a quick check (brought by the case, or produced by a step
    /// directly before); the data-flow runs over the few documents left. Over every document it made
    /// the sets, and the time, grow with the square of the steps.
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
        let brought = Set(sop.persyaratan.map { DocumentAvailability.key($0.value) })
        self.brought = brought
        var afterStart = [Bool](repeating: false, count: steps)
        var work = steps > 0 ? graph.exits[0].steps : []
        while let j = work.popLast() {
            if afterStart[j] { continue }
            afterStart[j] = true
            work += graph.exits[j].steps
        }
        self.afterStart = afterStart
        var index: [String: Int] = [:]
        for i in sop.steps.indices {
            for item in sop.steps[i].kelengkapan {
                let k = DocumentAvailability.key(item.value)
                if index[k] == nil, !DocumentAvailability.quickCheck(k, before: i, brought: brought, afterStart: afterStart,
                                                                     predecessors: predecessors, outputs: outputs) {
                    index[k] = index.count
                }
            }
        }
        let words = (index.count + 63) / 64
        var available = [UInt64](repeating: 0, count: words * steps)
        if words > 0 {
            var produced = [UInt64](repeating: 0, count: words * steps)
            for (i, keys) in outputs.enumerated() {
                for k in keys { if let b = index[k] { produced[i * words + b / 64] |= 1 << UInt64(b % 64) } }
            }
            if steps > 0 {
                for k in brought { if let b = index[k] { available[b / 64] |= 1 << UInt64(b % 64) } }
            }
            // A forward data-flow to a fixed point; rows are visited in order, so a forward edge is
            // settled in the same pass and each pass carries the back edges of loops one step further.
            available.withUnsafeMutableBufferPointer { available in
                produced.withUnsafeBufferPointer { produced in
                    var changed = true
                    while changed {
                        changed = false
                        for i in 0..<steps {
                            let from = i * words
                            for j in graph.exits[i].steps {
                                let to = j * words
                                for w in 0..<words {
                                    let merged = available[to + w] | available[from + w] | produced[from + w]
                                    if merged != available[to + w] {
                                        available[to + w] = merged
                                        changed = true
                                    }
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

    /// True when the document is surely available before `step`: brought by the case and the step
    /// can be reached (or is the first), or output by a step directly before it. False means "not
    /// settled here", not "unavailable".
    private func quickCheck(_ key: String, before step: Int) -> Bool {
        DocumentAvailability.quickCheck(key, before: step, brought: brought, afterStart: afterStart,
                                        predecessors: predecessors, outputs: outputs)
    }

    private static func quickCheck(_ key: String, before step: Int, brought: Set<String>, afterStart: [Bool],
                                   predecessors: [[Int]], outputs: [[String]]) -> Bool {
        if brought.contains(key), step == 0 || afterStart[step] { return true }
        return predecessors[step].contains { outputs[$0].contains(key) }
    }

    /// Whether a step that outputs `key` can come (through at least one flow edge) before `step`,
    /// by a search backwards from it: for documents asked about only after construction.
    private func searched(_ key: String, before step: Int) -> Bool {
        if brought.contains(key), step == 0 || afterStart[step] { return true }
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
        guard let d = documentIndex[key] else { return searched(key, before: step) }
        return available[step * words + d / 64] & (1 << UInt64(d % 64)) != 0
    }
}
