import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// Many writers at once in one process, each with its own journal instance (its own connection or
/// file handle, as separate processes would have), on each back end.
@Suite("Journal under many concurrent writers")
struct JournalConcurrencyTests {
    private func reference() throws -> (SOPDefinition, String, String) {
        let path = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let definition = try #require(SOPLoader().load(path: path).definition)
        return (definition, String(decoding: bytes, as: UTF8.self), SHA256.hex([UInt8](bytes)))
    }

    private func open(_ store: any JournalStore, name: String, key: String? = nil) throws -> String {
        let (definition, source, hash) = try reference()
        let at = try #require(InstantFormat.parse("2025-01-06T08:00", in: TimeZone(identifier: "Asia/Jakarta")!))
        return try CaseService(store: store, actor: "tester", calendarFolder: TestPaths.sops.path)
            .open(definition: definition, source: source, hash: hash, data: ["nama_anak": name, "putus_sekolah": "true"],
                  documents: [], at: at, key: key).caseID
    }

    @Test("16 writers appending to one case: the sequence stays contiguous, nothing is lost, conflicts are reported",
          arguments: Backend.enabled)
    func manyWritersOneCase(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let id = try open(try db.open(), name: "Budi")
        let writers = 16, commands = 8
        let log = WriterLog()
        Threads.run(writers) { w in
            let store: any JournalStore
            do { store = try db.open() } catch { log.fail("writer \(w) could not open the journal: \(error)"); return }
            var done = 0
            while done < commands {
                do {
                    let version = try store.loadCase(id).header.version
                    let at = Date(timeIntervalSince1970: 1_736_150_000 + Double(w * 100 + done))
                    let events = [CaseEvent(.documentProduced(name: "w\(w)-\(done)-a", step: nil), at: at),
                                  CaseEvent(.documentProduced(name: "w\(w)-\(done)-b", step: nil), at: at)]
                    let outcome = try store.append([EventBatch(caseID: id, expectedVersion: version, events: events)],
                                                   command: CommandInfo(key: "w\(w)-\(done)", fingerprint: "w\(w)-\(done)", actor: "writer-\(w)",
                                                                        role: nil, action: "case do", recordedAt: Date()))
                    if outcome.first?.version != version + 2 { log.fail("writer \(w) got version \(outcome.first?.version ?? -1) after \(version)") }
                    done += 1
                } catch let error as JournalError {
                    guard case .conflict = error else { log.fail("writer \(w): \(error)"); return }
                    log.conflict()
                } catch {
                    log.fail("writer \(w): \(error)")
                    return
                }
            }
        }
        #expect(log.failures.isEmpty, "\(log.failures.prefix(3))")
        let stored = try db.open().loadCase(id)
        #expect(stored.events.map(\.seq) == Array(1...stored.events.count))
        #expect(stored.events.count == 2 + writers * commands * 2)
        for w in 0..<writers {
            let names = stored.events.compactMap { e -> String? in
                guard e.actor == "writer-\(w)", case .documentProduced(let name, _) = e.event.kind else { return nil }
                return name
            }
            #expect(Set(names) == Set((0..<commands).flatMap { ["w\(w)-\($0)-a", "w\(w)-\($0)-b"] }), "writer \(w)")
            #expect(names.count == commands * 2, "writer \(w) recorded twice or lost")
        }
        #expect(log.conflicts > 0, "16 writers on one case never conflicted: the version check was not exercised")
        #expect(try db.soundness() == "ok")
    }

    @Test("cases opened at once by many writers get distinct numbers with no gap", arguments: Backend.enabled)
    func numbering(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        _ = try db.open()
        let writers = 8, each = 5
        let log = WriterLog()
        let ids = IDList()
        Threads.run(writers) { w in
            do {
                let store = try db.open()
                for i in 0..<each { ids.add(try open(store, name: "C\(w)-\(i)")) }
            } catch {
                log.fail("writer \(w): \(error)")
            }
        }
        #expect(log.failures.isEmpty, "\(log.failures.prefix(3))")
        #expect(ids.values.sorted() == (1...(writers * each)).map { CaseID.make(sopID: "anak-jalanan", number: $0) })
        #expect(try db.open().cases(sopID: nil, status: nil).map(\.id) == (1...(writers * each)).map { CaseID.make(sopID: "anak-jalanan", number: $0) })
    }

    @Test("a command and its retries racing with the same key are recorded once", arguments: Backend.enabled)
    func keyRace(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let id = try open(try db.open(), name: "Budi")
        let log = WriterLog()
        let outcomes = OutcomeList()
        Threads.run(8) { w in
            do {
                let store = try db.open()
                let at = Date(timeIntervalSince1970: 1_736_150_000)
                let outcome = try store.append([EventBatch(caseID: id, expectedVersion: 2, events: [CaseEvent(.documentProduced(name: "surat", step: nil), at: at)])],
                                               command: CommandInfo(key: "same", fingerprint: "produce surat", actor: "writer-\(w)", role: nil,
                                                                    action: "case do", recordedAt: Date()))
                outcomes.add(outcome)
            } catch {
                log.fail("writer \(w): \(error)")
            }
        }
        #expect(log.failures.isEmpty, "\(log.failures.prefix(3))")
        let all = outcomes.values
        #expect(all.count == 8)
        #expect(all.filter { !$0.replayed }.count == 1)
        #expect(Set(all.map(\.version)) == [3])
        #expect(try db.open().loadCase(id).events.count == 3)
    }
}

final class WriterLog: @unchecked Sendable {
    private let lock = NSLock()
    private var failed: [String] = []
    private var conflicted = 0
    func fail(_ message: String) { lock.withLock { failed.append(message) } }
    func conflict() { lock.withLock { conflicted += 1 } }
    var failures: [String] { lock.withLock { failed } }
    var conflicts: Int { lock.withLock { conflicted } }
}

final class IDList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ id: String) { lock.withLock { list.append(id) } }
    var values: [String] { lock.withLock { list } }
}

final class OutcomeList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [CommandOutcome] = []
    func add(_ outcomes: [CommandOutcome]) { lock.withLock { list.append(contentsOf: outcomes) } }
    var values: [CommandOutcome] { lock.withLock { list } }
}
