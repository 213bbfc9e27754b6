import Foundation

/// Validates many files at once, on every core, keeping the results in file order.
public enum FolderValidation {
    /// The load result of each file, in the order given.
    public static func run(files: [String], loader: SOPLoader = SOPLoader()) -> [SOPLoader.Result] {
        let results = ResultSlots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            results.set(i, loader.load(path: files[i]))
        }
        return results.values
    }
}

/// Slots written by concurrent workers, one slot per worker index.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [SOPLoader.Result?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: SOPLoader.Result) {
        lock.withLock { slots[i] = value }
    }

    var values: [SOPLoader.Result] { lock.withLock { slots.compactMap { $0 } } }
}
