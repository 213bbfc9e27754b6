import Foundation

/// Records the audit entries of reads (page views of `sop serve`) in batches: each entry is
/// stamped when the read happens (the real time, the logged-in user, the role) and written with
/// the others of the same moment in one transaction, within `interval` (a second) and at
/// shutdown (``stop()``). An audit row per page view was an fsync'd write transaction per view,
/// serialised on the journal's write lock: the bound of every page's speed.
///
/// What a crash may lose: the reads of the last `interval` not yet written (a power cut or a
/// killed process; a clean stop writes them all). Actions are never batched: their audit row is
/// in the transaction of their events, and refusals are written at once. A batch that cannot be
/// written (disk full, database gone) is kept and tried again at the next interval, in order.
public final class AuditBatcher: @unchecked Sendable {
    public let store: any JournalStore
    public let interval: TimeInterval
    private let condition = NSCondition()
    private let writing = NSLock()
    private var pending: [AuditEntry] = []
    private var stopping = false
    private var running = false
    private let failed: @Sendable (JournalError, Int) -> Void
    private let finished = DispatchSemaphore(value: 0)

    /// `failed` is told when a batch cannot be written (the error and how many entries wait).
    public init(store: any JournalStore, interval: TimeInterval = 1, failed: @escaping @Sendable (JournalError, Int) -> Void = { _, _ in }) {
        self.store = store
        self.interval = interval
        self.failed = failed
    }

    /// Queues an entry (already stamped with its real time).
    public func record(_ entry: AuditEntry) {
        condition.withLock { pending.append(entry) }
    }

    /// How many entries wait to be written.
    public var waiting: Int { condition.withLock { pending.count } }

    /// Starts the writer thread: every `interval`, whatever waits is written in one transaction.
    public func start() {
        let begin = condition.withLock { () -> Bool in
            if running { return false }
            running = true
            return true
        }
        guard begin else { return }
        let thread = Thread { [self] in
            while true {
                let stop = condition.withLock { () -> Bool in
                    if !stopping { _ = condition.wait(until: Date().addingTimeInterval(interval)) }
                    return stopping
                }
                if stop { break }
                do throws(JournalError) { try flush() } catch { failed(error, waiting) }
            }
            finished.signal()
        }
        thread.name = "sop audit batcher"
        thread.start()
    }

    /// Writes everything waiting now, in one transaction. On failure nothing is lost: the entries
    /// go back to the front of the queue.
    public func flush() throws(JournalError) {
        writing.lock()
        defer { writing.unlock() }
        let batch = condition.withLock { () -> [AuditEntry] in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        guard !batch.isEmpty else { return }
        do throws(JournalError) {
            try store.recordAudits(batch)
        } catch {
            condition.withLock { pending.insert(contentsOf: batch, at: 0) }
            throw error
        }
    }

    /// Stops the writer thread and writes what waits (call when the server has stopped taking requests).
    public func stop() throws(JournalError) {
        let wasRunning = condition.withLock { () -> Bool in
            stopping = true
            condition.signal()
            return running
        }
        if wasRunning { finished.wait() }
        try flush()
    }
}
