import Foundation
import SOPJournal
import SOPKit
#if canImport(Glibc)
import Glibc
#endif

/// Journal write throughput with concurrent writers, on SQLite or PostgreSQL.
///
/// Each writer is a thread with its own journal instance (its own connection, or its own SQLite
/// connection pool on the shared file), as separate `sop` processes would have. Workloads:
/// - `own-case`: each writer opens a case of the reference SOP, then appends commands of two
///   events to it, each command one transaction with its expected-version check (no conflicts:
///   this measures how many commits per second the back end sustains).
/// - `one-case`: every writer acts on the same case: it reads the case's version (its header),
///   appends, and on a conflict reads again and retries (the contention of many workers on one case).
/// Everything is self-contained (no helpers shared with other benchmark files).
enum JournalBench {
    struct Result {
        var backend: String
        var workload: String
        var writers: Int
        var seconds: Double
        var commands: Int
        var events: Int
        var conflicts: Int
        var latencies: [Double]

        var eventsPerSecond: Double { Double(events) / seconds }
        var commandsPerSecond: Double { Double(commands) / seconds }
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let sorted = latencies.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
        }
    }

    static func clock() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs `writers` writers for `seconds` on the empty journal at `location`.
    static func run(location: String, workload: String, writers: Int, seconds: Double, sop: String) throws -> Result {
        guard let bytes = FileManager.default.contents(atPath: sop), let definition = SOPLoader().load(path: sop).definition else {
            throw BenchError("cannot load the SOP \(sop)")
        }
        let source = String(decoding: bytes, as: UTF8.self)
        let hash = SHA256.hex([UInt8](bytes))
        let calendarFolder = URL(fileURLWithPath: sop).deletingLastPathComponent().path
        let start = Date(timeIntervalSince1970: 1_736_125_200)
        @Sendable func openCase(_ store: any JournalStore, _ name: String) throws -> (String, Int) {
            let outcome = try CaseService(store: store, actor: "bench", calendarFolder: calendarFolder)
                .open(definition: definition, source: source, hash: hash, data: ["nama_anak": name, "putus_sekolah": "true"],
                      documents: [], at: start, key: nil)
            return (outcome.caseID, outcome.version)
        }
        let shared = workload == "one-case" ? try openCase(try JournalBackend.open(location), "Bersama") : nil
        let stores = try (0..<writers).map { _ in try JournalBackend.open(location) }
        let tally = Tally()
        let ready = DispatchGroup(), done = DispatchGroup()
        let gate = DispatchSemaphore(value: 0)
        let deadline = Box(0.0)
        for w in 0..<writers {
            ready.enter()
            done.enter()
            let store = stores[w]
            Thread {
                defer { done.leave() }
                var latencies: [Double] = []
                var commands = 0, events = 0, conflicts = 0
                var failure: String?
                do {
                    var (caseID, version) = try shared ?? openCase(store, "Anak \(w)")
                    ready.leave()
                    gate.wait()
                    var n = 0
                    while clock() < deadline.value {
                        n += 1
                        if shared != nil {
                            // The case's current version (its header: the one case of this journal).
                            version = try store.cases(sopID: nil, status: nil).first { $0.id == caseID }?.version ?? version
                        }
                        let at = start.addingTimeInterval(Double(n))
                        let batch = EventBatch(caseID: caseID, expectedVersion: version, events: [
                            CaseEvent(.documentProduced(name: "surat-\(w)-\(n)", step: nil), at: at),
                            CaseEvent(.documentProduced(name: "laporan-\(w)-\(n)", step: nil), at: at),
                        ])
                        let t0 = clock()
                        do {
                            let outcome = try store.append([batch], command: CommandInfo(key: nil, fingerprint: "bench", actor: "writer-\(w)", role: nil,
                                                                                          action: "case do", recordedAt: Date()))
                            latencies.append(clock() - t0)
                            version = outcome.first?.version ?? version + 2
                            commands += 1
                            events += 2
                        } catch let error as JournalError {
                            guard case .conflict = error else { throw error }
                            conflicts += 1
                        }
                    }
                } catch {
                    failure = "writer \(w): \(error)"
                    ready.leave()
                }
                tally.add(commands: commands, events: events, conflicts: conflicts, latencies: latencies, failure: failure)
            }.start()
        }
        ready.wait()
        let began = clock()
        deadline.value = began + seconds
        for _ in 0..<writers { gate.signal() }
        done.wait()
        let elapsed = clock() - began
        if let failure = tally.failures.first { throw BenchError(failure) }
        let backend = location.hasPrefix("postgres") ? "PostgreSQL" : "SQLite"
        return Result(backend: backend, workload: workload, writers: writers, seconds: elapsed, commands: tally.commands,
                      events: tally.events, conflicts: tally.conflicts, latencies: tally.latencies)
    }

    /// One Markdown table row for repeated runs of one configuration: the median events and
    /// commands per second (with the lowest and highest run), latency percentiles over every
    /// command of every run, and conflicts per run (median).
    static func row(_ runs: [Result]) -> String {
        guard let r = runs.first else { return "" }
        func f(_ x: Double, _ digits: Int = 0) -> String { String(format: "%.\(digits)f", x) }
        func median(_ xs: [Double]) -> Double {
            let s = xs.sorted()
            return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        let events = runs.map(\.eventsPerSecond)
        var all = r
        all.latencies = runs.flatMap(\.latencies)
        let range = runs.count > 1 ? " (\(f(events.min() ?? 0))–\(f(events.max() ?? 0)))" : ""
        return "| \(r.backend) | \(r.workload) | \(r.writers) | **\(f(median(events)))**\(range) | \(f(median(runs.map(\.commandsPerSecond)))) | "
            + "\(f(all.percentile(0.5) * 1000, 1)) | \(f(all.percentile(0.99) * 1000, 1)) | \(f(median(runs.map { Double($0.conflicts) }))) | "
            + "\(runs.count) × \(f(r.seconds, 0)) s |"
    }

    static let header = """
        | back end | workload | writers | events/s: median (range) | commands/s | p50 ms | p99 ms | conflicts per run | runs |
        |---|---|---:|---:|---:|---:|---:|---:|---|
        """

    struct BenchError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    final class Box<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: T
        init(_ value: T) { stored = value }
        var value: T {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }

    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var commands = 0, events = 0, conflicts = 0
        private(set) var latencies: [Double] = []
        private(set) var failures: [String] = []
        func add(commands c: Int, events e: Int, conflicts k: Int, latencies l: [Double], failure: String?) {
            lock.withLock {
                commands += c
                events += e
                conflicts += k
                latencies += l
                if let failure { failures.append(failure) }
            }
        }
    }
}
