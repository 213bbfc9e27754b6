import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit
#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL journal when the server goes away: a statement on a dead connection fails at
/// once (never after the statement deadline), a transaction lost before COMMIT runs again on a
/// fresh connection, and the server restarted under writers and a paused client loses nothing.
/// Runs when `SOP_TEST_POSTGRES_URL` is set; the restarts happen on a server of the test's own.
@Suite("PostgreSQL journal under server restarts", .serialized, .enabled(if: Backend.postgresURL != nil))
struct PostgresFaultTests {
    @Test("a statement on a connection whose channel is closed fails at once with our words, not at the deadline")
    func closedChannel() throws {
        let session = try PostgresSession(url: try PostgresURL(try #require(Backend.postgresURL)))
        // Long enough that a hang shows as the deadline's message rather than as our own.
        session.statementDeadline = 20
        let connection = try session.connect()
        try session.query(connection, "SELECT 1")
        try connection.close().wait()
        do {
            try session.query(connection, "SELECT 1")
            Issue.record("a statement ran on a closed connection")
        } catch {
            #expect(error.description.contains("lost the connection to the PostgreSQL server at"), "\(error)")
            #expect(!error.description.contains("did not answer within"), "\(error)")
        }
    }

    @Test("a transaction whose connection dies before COMMIT runs once more on a fresh connection; the first is not rolled back on the dead one")
    func retriedTransaction() throws {
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        let journal = try PostgresJournal(url: db.location)
        try journal.execute("CREATE TABLE tries (n INT)")
        let runs = RunCounter()
        try journal.transaction { (c) throws(JournalError) -> Void in
            try journal.query(c, "INSERT INTO tries VALUES (1)")
            if runs.next() == 1 {
                // The server ends this session (FATAL 57P01) as a restart would.
                try journal.query(c, "SELECT pg_terminate_backend(pg_backend_pid())")
            }
        }
        #expect(runs.value == 2)
        #expect(try journal.integers("SELECT COUNT(*) FROM tries") == [1])
        // A read that finds its pooled connection dead is answered on a fresh one.
        let pid = try #require(try journal.integers("SELECT pg_backend_pid()").first)
        let killer = try PostgresSession(url: try PostgresURL(db.location))
        try killer.execute("SELECT pg_terminate_backend(\(pid))")
        #expect(try journal.cases(sopID: nil, status: nil).isEmpty)
    }

    @Test("the server restarted under four writers and a paused client: every command ends, with success or one clear line; nothing acknowledged is lost or recorded twice")
    func restarts() throws {
        let server = try ThrowawayServer.start()
        defer { server.stop() }
        let sop = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path
        var environment = ProcessInfo.processInfo.environment
        environment["SOP_DB"] = server.url
        environment["NO_COLOR"] = "1"
        let env = environment
        let ledger = FaultLedger()
        /// One command to its end, retried with the same key until it is acknowledged.
        @Sendable func command(_ key: String, pause: ((PausableProcess) throws -> Void)? = nil) {
            for _ in 0..<40 {
                let arguments = ["case", "open", sop, "--data", "nama_anak=\(key)", "--data", "putus_sekolah=true",
                                 "--at", "2025-01-06T08:00", "--key", key]
                guard let process = try? PausableProcess(TestPaths.binary.path, arguments, environment: env) else {
                    ledger.bad("\(key): could not start sop"); return
                }
                do { try pause?(process) } catch { ledger.bad("\(key): \(error)") }
                // Generous: a command takes well under a second; the hang this guards against took 300 s.
                let (status, stderr) = process.wait(bound: 60)
                guard let status else { ledger.bad("\(key): still running after 60 s (a hang)"); return }
                if status == 0 {
                    ledger.acknowledge(key)
                    return
                }
                ledger.check(key, stderr)
                usleep(200_000)
            }
            ledger.bad("\(key): not acknowledged after 40 attempts")
        }
        Threads.run(5) { worker in
            if worker < 4 {
                var n = 0
                while !ledger.stopped {
                    command("w\(worker)-\(n)")
                    n += 1
                }
                return
            }
            // The controller: restarts, one of them with a client paused across it.
            usleep(1_500_000)
            for (round, mode) in ["fast", "immediate", "fast", "immediate"].enumerated() {
                command("paused-\(round)") { process in
                    usleep(useconds_t(40_000 * (round + 1)))
                    process.pause()
                    defer { process.resume() }
                    try server.restart(mode: mode)
                }
                usleep(1_000_000)
            }
            ledger.stop()
        }
        let result = ledger.snapshot()
        print("restart test: \(result.acknowledged.count) commands acknowledged, \(result.errors) clear failures retried across 4 restarts")
        #expect(result.bad.isEmpty, "\(result.bad.prefix(5))")
        let journal = try PostgresJournal(url: server.url)
        let keys = Set(try journal.strings("SELECT key FROM commands").compactMap { $0 })
        let lost = result.acknowledged.subtracting(keys)
        #expect(lost.isEmpty, "acknowledged but not recorded: \(lost.sorted().prefix(5))")
        #expect(try journal.integers("SELECT COUNT(*) FROM cases") == [keys.count])
        let twice = try journal.integers("SELECT COUNT(DISTINCT case_id) FROM events GROUP BY command_key HAVING COUNT(DISTINCT case_id) > 1")
        #expect(twice.isEmpty, "a command recorded on \(twice) cases")
        for header in try journal.cases(sopID: nil, status: nil) { _ = try journal.loadCase(header.id) }  // contiguous, or it throws
        journal.close()
    }
}

/// What the restart test saw: acknowledged keys, failures that were clear (and retried), and
/// anything that was not acceptable (a hang, a raw library text, a message over several lines).
final class FaultLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var acknowledged = Set<String>()
    private var failures: [String] = []
    private var clear = 0
    private var done = false

    /// Texts of the libraries that must never reach a user.
    static let raw = ["PSQLError", "errno", "descriptor", "BoringSSL", "NIOCore", "IOError", "NIOConnectionError", ".swift", "Generic description"]

    func acknowledge(_ key: String) { _ = lock.withLock { acknowledged.insert(key) } }
    func bad(_ message: String) { lock.withLock { failures.append(message) } }
    func stop() { lock.withLock { done = true } }
    var stopped: Bool { lock.withLock { done } }

    /// A failed attempt must say why in one line of our own.
    func check(_ key: String, _ stderr: String) {
        let text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("sop: "), !text.contains("\n"), !FaultLedger.raw.contains(where: { text.contains($0) }) {
            lock.withLock { clear += 1 }
        } else {
            bad("\(key): not one clear line: \(text)")
        }
    }

    func snapshot() -> (acknowledged: Set<String>, errors: Int, bad: [String]) { lock.withLock { (acknowledged, clear, failures) } }
}

final class RunCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func next() -> Int { lock.withLock { count += 1; return count } }
    var value: Int { lock.withLock { count } }
}
