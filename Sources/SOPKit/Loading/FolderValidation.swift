import Foundation

/// Validates many files at once, on every core, keeping the results in file order. SOP files are
/// loaded and validated; scenario files (a top-level `skenario:` key) are loaded and replayed
/// against their SOP, so an illegal history is reported at its entry.
public enum FolderValidation {
    /// The diagnostics of each file, in the order given.
    public static func run(files: [String], loader: SOPLoader = SOPLoader()) -> [[Diagnostic]] {
        let results = ResultSlots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let path = files[i]
            if SOPFolder.isScenarioFile(path) {
                results.set(i, ScenarioFile.run(path: path).diagnostics)
            } else {
                results.set(i, loader.load(path: path).diagnostics)
            }
        }
        return results.values
    }
}

/// Slots written by concurrent workers, one slot per worker index.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [[Diagnostic]?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: [Diagnostic]) {
        lock.withLock { slots[i] = value }
    }

    var values: [[Diagnostic]] { lock.withLock { slots.map { $0 ?? [] } } }
}
