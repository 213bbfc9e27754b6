import Foundation

/// `(0..<count).map(body)` with the calls spread over every core (`concurrentPerform`), the results
/// in index order. For independent, similar-sized pieces of work: validating the files of a
/// folder, reading a journal in parts.
public enum ParallelMap {
    public static func run<Value: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        let slots = Slots<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, body(i)) }
        return slots.take()
    }

    /// One slot per index, written by concurrent workers.
    private final class Slots<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Value?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ i: Int, _ value: Value) { lock.withLock { values[i] = value } }

        /// The values, leaving none behind (so they are not copied). Every slot is set by then:
        /// `concurrentPerform` returns after every call.
        func take() -> [Value] {
            lock.withLock {
                defer { values = [] }
                return values.compactMap { $0 }
            }
        }
    }
}
