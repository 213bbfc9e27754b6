import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// Issue 13, finding 7: `case open` and `case migrate` read the SOP file once; the model validated,
/// the text stored and its hash all come from that read. The reader is injected: the file is
/// "replaced" after its first read, and nothing of the replacement may reach the journal.
@Suite("One read of the SOP file (issue 13)")
struct OneReadTests {
    private static let zone = TimeZone(identifier: "Asia/Jakarta")!
    private func at(_ text: String) -> Date { InstantFormat.parse(text, in: Self.zone)! }
    private static let path = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path

    /// A file whose content changes after its first read: `first`, then `later` on every read after.
    final class ReplacedFile: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        let first: [UInt8]
        let later: [UInt8]
        init(first: String, later: String) {
            self.first = Array(first.utf8)
            self.later = Array(later.utf8)
        }
        var reads: Int { lock.withLock { count } }
        var reader: SOPLoader.FileReader {
            { _, _ in
                self.lock.withLock {
                    self.count += 1
                    return .success(self.count == 1 ? self.first : self.later)
                }
            }
        }
    }

    private func reference() throws -> String {
        try String(contentsOfFile: Self.path, encoding: .utf8)
    }

    private func service(_ store: any JournalStore) -> CaseService {
        let fixed = at("2025-01-07T09:00")
        return CaseService(store: store, actor: "siti", calendarFolder: TestPaths.sops.path, clock: { fixed })
    }

    @Test("case open stores the text it validated under that text's hash; the file replaced after its one read changes nothing stored",
          arguments: Backend.enabled)
    func openReadsOnce(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let original = try reference()
        let replaced = original.replacingOccurrences(of: "    waktu: 15 menit\n", with: "    waktu: 2 hari kerja\n")
        #expect(replaced != original)
        let file = ReplacedFile(first: original, later: replaced)
        let (sop, diagnostics) = ValidatedSOP.load(path: Self.path, reader: file.reader)
        let validated = try #require(sop, "\(diagnostics)")
        let s = service(try db.open())
        let id = try s.open(validated, data: ["nama_anak": "Budi", "putus_sekolah": "true"], documents: [], at: at("2025-01-06T08:00"), key: nil).caseID
        #expect(file.reads == 1)
        let stored = try s.store.loadCase(id)
        #expect(stored.definitionSource == original)
        #expect(stored.header.definitionHash == SHA256.hex(Array(original.utf8)))
        // The case runs on what was validated: 15 menit after opening, not 2 hari kerja.
        #expect(try s.load(id).state.runs.first?.due == at("2025-01-06T08:15"))
    }

    @Test("case migrate stores the revision it planned with, from one read; a plan made for another revision is refused",
          arguments: Backend.enabled)
    func migrateReadsOnce(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let original = try reference()
        let s = service(try db.open())
        let first = try #require(ValidatedSOP.load(path: Self.path).sop)
        let id = try s.open(first, data: ["nama_anak": "Budi", "putus_sekolah": "true"], documents: [], at: at("2025-01-06T08:00"), key: nil).caseID
        let revised = original.replacingOccurrences(of: "    waktu: 15 menit\n", with: "    waktu: 30 menit\n")
        let replaced = revised.replacingOccurrences(of: "    waktu: 30 menit\n", with: "    waktu: 2 hari kerja\n")
        let file = ReplacedFile(first: revised, later: replaced)
        let target = try #require(ValidatedSOP.load(path: Self.path, reader: file.reader).sop)
        let loaded = try s.load(id)
        let migrator = CaseMigrator(target: target.definition, targetHash: target.hash,
                                    targetContext: CaseContext(definition: target.definition, calendar: loaded.context.calendar), explicit: [:])
        let plan = migrator.plan(loaded)
        // A plan for this revision cannot be applied with another one.
        let other = try #require(ValidatedSOP(SOPLoader().load(text: replaced)))
        do {
            _ = try s.migrate(loaded, plan: plan, to: other, key: nil)
            Issue.record("a plan for one revision was applied with another")
        } catch {
            guard case .refused(let refusal) = error else { Issue.record("\(error)"); return }
            #expect(refusal.message.contains("the plan was made for revision \(target.hash.prefix(12))"), "\(refusal.message)")
        }
        _ = try s.migrate(loaded, plan: plan, to: target, key: nil)
        #expect(file.reads == 1)
        let stored = try s.store.loadCase(id)
        #expect(stored.header.definitionHash == SHA256.hex(Array(revised.utf8)))
        #expect(try s.store.definitionSource(hash: stored.header.definitionHash) == revised)
    }
}
