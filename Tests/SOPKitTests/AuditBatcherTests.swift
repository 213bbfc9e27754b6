import Foundation
import GRDB
import Testing
@testable import SOPJournal
@testable import SOPKit

/// Audited reads of `sop serve` are written in batches (issue 17): every read must still land in
/// the audit trail, in order, as the user who made it, at the time it was made; a batch that cannot
/// be written is kept, and a stop writes what waits.
@Suite("Audit rows of page views written in batches")
struct AuditBatcherTests {
    static let start = Date(timeIntervalSince1970: 1_736_125_200)  // 2025-01-06T01:00Z

    static func views(_ count: Int, from offset: Int = 0) -> [AuditEntry] {
        (0..<count).map { i in
            AuditEntry(at: start.addingTimeInterval(Double(offset + i)), actor: i % 2 == 0 ? "sari" : "budi", role: i % 2 == 0 ? "kasi" : "petugas",
                       action: "web tugas", caseID: i % 3 == 0 ? nil : "AJ-000\(i % 3)", detail: "view \(offset + i)", osLogin: "www")
        }
    }

    static func trail(_ store: any JournalStore) throws -> [AuditEntry] {
        try store.audit(caseID: nil).filter { $0.action == "web tugas" }.map { entry in
            var entry = entry
            entry.databaseRole = nil
            return entry
        }
    }

    @Test("views wait until a flush, then all are in the trail in order, each with its user, role and real time; the chain verifies",
          arguments: Backend.enabled)
    func flushWritesAllInOrder(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        let batcher = AuditBatcher(store: store)
        let views = Self.views(25)
        for view in views { batcher.record(view) }
        #expect(try Self.trail(store).isEmpty)
        #expect(batcher.waiting == 25)
        try batcher.flush()
        #expect(batcher.waiting == 0)
        #expect(try Self.trail(store) == views)
        try batcher.stop()
        #expect(JournalVerification.verify(try store.chainRows()).firstBreak == nil)
    }

    @Test("the writer thread writes what waits without being asked, and a stop writes the rest", arguments: Backend.enabled)
    func threadAndStop(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        let batcher = AuditBatcher(store: store, interval: 0.05)
        batcher.start()
        let first = Self.views(10)
        for view in first { batcher.record(view) }
        // Not a timing assertion: wait (up to a minute on a loaded machine) for the thread to write.
        let deadline = Date().addingTimeInterval(60)
        while try Self.trail(store).count < first.count, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(try Self.trail(store) == first)
        let second = Self.views(7, from: 10)
        for view in second { batcher.record(view) }
        try batcher.stop()
        #expect(try Self.trail(store) == first + second)
    }

    @Test("a batch that cannot be written is kept, in order, and written once the journal takes it")
    func failedBatchIsKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("j.sqlite").path
        let store = try SQLiteJournal(path: path)
        let views = Self.views(5)
        let batcher = AuditBatcher(store: try SQLiteJournal(path: path, busyTimeout: 0.05))
        // Another connection holds the write lock: the batch cannot be written now.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let blocker = try DatabaseQueue(path: path, configuration: configuration)
        try blocker.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
        for view in views.prefix(3) { batcher.record(view) }
        #expect(throws: JournalError.self) { try batcher.flush() }
        #expect(batcher.waiting == 3)
        for view in views.suffix(2) { batcher.record(view) }
        try blocker.inDatabase { try $0.execute(sql: "ROLLBACK") }
        try batcher.flush()
        #expect(try Self.trail(store) == views)
    }
}
