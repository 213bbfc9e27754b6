import Foundation

/// A lazily built map from step id to index, shared by copies of a definition. It is checked on
/// every lookup (the step at the index must have the id, and the table its length), so a definition
/// whose steps were changed after the index was built never gets a stale answer.
struct StepIndexCache: Sendable, Hashable {
    private final class Box: @unchecked Sendable {
        let lock = NSLock()
        var count = -1
        var index: [String: Int] = [:]
    }

    private let box = Box()

    static func == (a: StepIndexCache, b: StepIndexCache) -> Bool { true }
    func hash(into hasher: inout Hasher) {}

    func lookup(_ id: String, in steps: [Step]) -> Int? {
        // Small tables: a scan is as fast as the map and needs no lock.
        if steps.count <= 32 { return steps.firstIndex { $0.id == id } }
        box.lock.lock()
        defer { box.lock.unlock() }
        if box.count == steps.count, let i = box.index[id], i < steps.count, steps[i].id == id { return i }
        // A miss (or a changed table): rebuild, then answer.
        var index: [String: Int] = [:]
        index.reserveCapacity(steps.count)
        for (i, step) in steps.enumerated() where index[step.id] == nil { index[step.id] = i }
        box.index = index
        box.count = steps.count
        if let i = index[id] { return i }
        return nil
    }
}
