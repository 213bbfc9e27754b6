import Foundation

/// A task executor with a thread of its own, for the tests that talk to a live server over a
/// socket. Hummingbird's live test client gives up when a response takes 20 seconds, and the
/// server answers in tasks on Swift's shared cooperative pool: on two cores, two long synchronous
/// tests elsewhere in the suite hold every thread of that pool for minutes, and a login the server
/// would answer in a millisecond times out. Run under `withTaskExecutorPreference(LiveTestExecutor.shared)`,
/// the test's client, the server and the server's connection tasks (children, which inherit the
/// preference) run on this thread instead, so the timeout measures the server and not the rest of
/// the suite.
final class LiveTestExecutor: TaskExecutor, @unchecked Sendable {
    /// The one executor of the test process; its thread lives as long as the process.
    static let shared = LiveTestExecutor()

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init() {
        let thread = Thread { [self] in self.runJobs() }
        thread.name = "live-test-executor"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func runJobs() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}
