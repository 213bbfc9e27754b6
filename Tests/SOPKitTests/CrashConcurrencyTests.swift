import Foundation
import GRDB
import Testing
@testable import SOPJournal
@testable import SOPKit
#if canImport(Glibc)
import Glibc
#endif

/// Writers killed with SIGKILL at random points, and writers racing on one case: nothing
/// acknowledged is lost, nothing is recorded twice, the database stays sound. On each back end
/// (PostgreSQL when `SOP_TEST_POSTGRES_URL` is set).
@Suite("Journal under crashes and concurrent writers", .serialized)
struct CrashConcurrencyTests {
    /// One `sop` process; killed with SIGKILL after `killAfter` seconds if still running.
    private static func run(_ arguments: [String], db: String, killAfter: Double?) throws -> (status: Int32, killed: Bool, stderr: String) {
        var env = ProcessInfo.processInfo.environment
        env["SOP_DB"] = db
        env["NO_COLOR"] = "1"
        let r = Spawn.run(TestPaths.binary.path, arguments, environment: env, directory: TestPaths.root.path, killAfter: killAfter)
        return (r.status, r.killed, r.stderr)
    }

    @Test("SIGKILL at random points across thousands of acknowledged commands: 0 lost, 0 duplicated, integrity ok",
          arguments: Backend.enabled)
    func crashes(_ backend: Backend) throws {
        let env = ProcessInfo.processInfo.environment
        let total = backend == .sqlite ? Int(env["SOP_CRASH_COMMANDS"] ?? "") ?? 2000 : Int(env["SOP_CRASH_COMMANDS_POSTGRES"] ?? "") ?? 800
        let database = try TestDatabase(backend)
        defer { database.remove() }
        let db = database.location
        let sop = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path
        // Every fourth command acts on a case opened earlier; the rest open cases.
        let state = CrashLedger(total: total)
        Threads.run(2) { worker in
            var random = SplitMix(seed: UInt64(worker + 1) * 104_729)
            while let (index, command) = state.next() {
                var attempts = 0
                while true {
                    attempts += 1
                    let kill = attempts < 6 && random.next() % 3 == 0 ? Double(random.next() % 60) / 1000 : nil
                    guard let result = try? CrashConcurrencyTests.run(command.arguments(sop: sop), db: db, killAfter: kill) else {
                        state.fail("could not start sop", index: index); return
                    }
                    if result.killed { state.killed(); continue }
                    if result.status == 0 { state.acknowledged(index); break }
                    if result.status == 75 { continue }
                    state.fail("command \(command.key) failed (\(result.status)): \(result.stderr)", index: index)
                    break
                }
            }
        }
        _ = total
        let ledger = state.snapshot()
        print("crash test: \(ledger.acknowledged.count) commands acknowledged, \(ledger.kills) writers killed with SIGKILL and retried")
        #expect(ledger.failures.isEmpty, "\(ledger.failures.prefix(3))")
        #expect(ledger.acknowledged.count == CrashLedger.commandCount(total))
        #expect(ledger.kills > total / 40, "the test killed only \(ledger.kills) writers")
        let store = try database.open()
        #expect(try database.soundness() == "ok")
        let opens = CrashLedger.commands(total).filter { !$0.isAction }
        let actions = CrashLedger.commands(total).filter(\.isAction)
        let cases = try store.cases(sopID: nil, status: nil)
        #expect(cases.count == opens.count, "cases: \(cases.count), acknowledged opens: \(opens.count)")
        let counts = try database.integers("SELECT COUNT(*) FROM events WHERE type = 'signed_off' GROUP BY command_key")
        #expect(counts.count == actions.count)
        #expect(counts.allSatisfy { $0 == 1 }, "a signed_off recorded twice: \(counts.filter { $0 != 1 }.count) keys")
        for header in cases { _ = try store.loadCase(header.id) }  // contiguous sequences, or it throws
    }

    @Test("processes opening a journal that does not exist yet, all at once: every one succeeds, the schema is made once")
    func concurrentFirstOpen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-first-open-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = WriterLog()
        // 200 rounds; in each, four openers start at the same moment (a gate releases them
        // together) on the same new journal and write to it: threads of this process, and in
        // every fourth round two of them `sop` processes (spawning is most of the time).
        for round in 0..<200 {
            let path = folder.appendingPathComponent("journal-\(round).sqlite").path
            let gate = DispatchSemaphore(value: 0)
            let ready = DispatchGroup()
            for _ in 0..<4 { ready.enter() }
            let opener = Thread {
                ready.wait()
                for _ in 0..<4 { gate.signal() }
            }
            opener.start()
            Threads.run(4) { i in
                ready.leave()
                gate.wait()
                if i < 2, round % 4 == 0 {
                    let r = Spawn.run(TestPaths.binary.path, ["case", "list", "--db", path], environment: ProcessInfo.processInfo.environment,
                                      directory: TestPaths.root.path, killAfter: nil)
                    if r.status != 0 { log.fail("round \(round), process \(i): exit \(r.status): \(r.stderr)") }
                } else {
                    do {
                        let journal = try SQLiteJournal(path: path)
                        try journal.recordAudit(AuditEntry(at: Date(), actor: "thread \(i)", role: nil, action: "open", caseID: nil, detail: nil))
                    } catch {
                        log.fail("round \(round), thread \(i): \(error)")
                    }
                }
            }
            let journal = try SQLiteJournal(path: path)
            #expect(try journal.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") } == JournalSchema.migrationNames.count)
            #expect(try journal.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") } == 4)
            #expect(try journal.integrityCheck() == "ok")
            if !log.failures.isEmpty { break }
        }
        #expect(log.failures.isEmpty, "\(log.failures.prefix(3))")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".sop-new-journal") }
        #expect(left.isEmpty, "private creation folders left behind: \(left)")
    }

    @Test("several processes acting on one case at once: each lands once or is refused; the sequence stays contiguous",
          arguments: Backend.enabled)
    func concurrentWriters(_ backend: Backend) throws {
        let database = try TestDatabase(backend)
        defer { database.remove() }
        let db = database.location
        let sop = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path
        let opened = try Self.run(["case", "open", sop, "--data", "nama_anak=Budi", "--data", "putus_sekolah=true",
                                   "--at", "2025-01-06T08:00"], db: db, killAfter: nil)
        try #require(opened.status == 0, "\(opened.stderr)")
        for (step, role, at) in [("perintah-spt", "kasi", "08:05"), ("perintah-spt", "petugas", "08:10"),
                                 ("disposisi-spt", "kabid", "08:20"), ("disposisi-spt", "kadis", "08:25")] {
            let r = try Self.run(["case", "do", "AJ-0001", step, "--as", role, "--at", "2025-01-06T" + at], db: db, killAfter: nil)
            try #require(r.status == 0, "\(r.stderr)")
        }
        // Nine writers at once on the bersama step: three per performer, each with its own key.
        let outcomes = OutcomeLog()
        Threads.run(9) { i in
            let role = ["kasi", "peksos", "petugas"][i % 3]
            while true {
                guard let r = try? Self.run(["case", "do", "AJ-0001", "penjangkauan", "--as", role, "--at", "2025-01-06T10:00",
                                             "--key", "race-\(i)"], db: db, killAfter: nil) else { return }
                if r.status == 75 { outcomes.add("conflict"); continue }
                outcomes.add(r.status == 0 ? "landed" : r.stderr.contains("has already done their part") || r.stderr.contains("is already done") ? "refused" : "error: \(r.stderr)")
                return
            }
        }
        let log = outcomes.values
        print("race test: \(log.filter { $0 == "landed" }.count) landed, \(log.filter { $0 == "refused" }.count) refused, \(log.filter { $0 == "conflict" }.count) conflicts retried")
        #expect(log.filter { $0.hasPrefix("error") }.isEmpty, "\(log)")
        #expect(log.filter { $0 == "landed" }.count == 3)
        #expect(log.filter { $0 == "refused" }.count == 6)
        let store = try database.open()
        let stored = try store.loadCase("AJ-0001")  // throws on a gap in the sequence
        #expect(stored.events.map(\.seq) == Array(1...stored.events.count))
        let signed = stored.events.compactMap { e -> String? in
            if case .signedOff("penjangkauan", let p, _) = e.event.kind { return p }
            return nil
        }
        #expect(signed.sorted() == ["kasi", "peksos", "petugas"])
        #expect(stored.events.filter { if case .stepCompleted("penjangkauan") = $0.event.kind { return true } else { return false } }.count == 1)
        #expect(try database.soundness() == "ok")
    }
}

/// The commands of the crash test and what happened to them.
final class CrashLedger: @unchecked Sendable {
    struct Command {
        var key: String
        var isAction: Bool
        var caseNumber: Int
        func arguments(sop: String) -> [String] {
            if isAction {
                return ["case", "do", CaseID.make(sopID: "anak-jalanan", number: caseNumber), "perintah-spt", "--as", "kasi",
                        "--at", "2025-01-06T08:05", "--key", key]
            }
            return ["case", "open", sop, "--data", "nama_anak=C\(caseNumber)", "--data", "putus_sekolah=true",
                    "--at", "2025-01-06T08:00", "--key", key]
        }
    }

    /// Opens first, then every fourth command acts on a case opened in the first part.
    static func commands(_ total: Int) -> [Command] {
        let actions = total / 4
        let opens = total - actions
        return (0..<opens).map { Command(key: "open-\($0)", isAction: false, caseNumber: $0 + 1) }
            + (0..<actions).map { Command(key: "do-\($0)", isAction: true, caseNumber: $0 + 1) }
    }

    static func commandCount(_ total: Int) -> Int { commands(total).count }

    private let lock = NSLock()
    private let list: [Command]
    private var cursor = 0
    private var done = Set<Int>()
    private var kills = 0
    private var failures: [String] = []
    private var opensAcknowledged = 0

    init(total: Int) {
        list = CrashLedger.commands(total)
    }

    /// The next command; actions wait until every open is acknowledged (cases are numbered in order).
    func next() -> (Int, Command)? {
        while true {
            let pick: (Int, Command)?? = lock.withLock {
                guard cursor < list.count else { return .some(nil) }
                if list[cursor].isAction, opensAcknowledged < list.filter({ !$0.isAction }).count { return nil }
                defer { cursor += 1 }
                return .some((cursor, list[cursor]))
            }
            if let pick { return pick }
            usleep(2000)
        }
    }

    func acknowledged(_ index: Int) {
        lock.withLock {
            done.insert(index)
            if !list[index].isAction { opensAcknowledged += 1 }
        }
    }
    func killed() { lock.withLock { kills += 1 } }
    /// A command that failed for good; it no longer holds the actions back.
    func fail(_ message: String, index: Int) {
        lock.withLock {
            failures.append(message)
            if !list[index].isAction { opensAcknowledged += 1 }
        }
    }

    func snapshot() -> (acknowledged: Set<Int>, kills: Int, failures: [String]) { lock.withLock { (done, kills, failures) } }
}

final class OutcomeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [String] = []
    func add(_ s: String) { lock.withLock { log.append(s) } }
    var values: [String] { lock.withLock { log } }
}

/// Plain threads for process-spawning workers (not the shared dispatch pool).
enum Threads {
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for i in 0..<count {
            group.enter()
            let thread = Thread {
                body(i)
                group.leave()
            }
            thread.start()
        }
        group.wait()
    }
}
