import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// Issue 13, finding 1: the journal keeps two clocks. Writes and reads are stamped with the real
/// time from the service's injected clock; `--at` is the time the work was done (on events) or the
/// time a read looked as of (its own audit field), and work dated impossibly is refused.
@Suite("Two clocks: real time and the time of the work")
struct TwoClocksTests {
    private static let zone = TimeZone(identifier: "Asia/Jakarta")!
    private func at(_ text: String) -> Date { InstantFormat.parse(text, in: Self.zone)! }

    private func service(_ store: any JournalStore, now: String) -> CaseService {
        let fixed = at(now)
        return CaseService(store: store, actor: "siti", calendarFolder: TestPaths.sops.path, clock: { fixed })
    }

    private func openCase(_ s: CaseService, at time: String = "2025-01-06T08:00") throws -> String {
        let path = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let definition = try #require(SOPLoader().load(path: path).definition)
        return try s.open(definition: definition, source: String(decoding: bytes, as: UTF8.self), hash: SHA256.hex([UInt8](bytes)),
                          data: ["nama_anak": "Budi", "putus_sekolah": "true"], documents: [], at: at(time), key: nil).caseID
    }

    private func refusal(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as JournalError {
            if case .refused(let r) = error, r.reason == .badTime { return r.message }
            return "other: \(error)"
        } catch { return "other: \(error)" }
        return nil
    }

    @Test("a read as of 2019 is audited at the real time, with 2019 as its as-of time", arguments: Backend.enabled)
    func readAsOf(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let s = service(try db.open(), now: "2025-01-07T09:00")
        let id = try openCase(s)
        let view = try s.show(id, asOf: at("2019-01-01T08:00"))
        #expect(CaseView(loaded: view, report: CaseReport(state: view.state, context: view.context, now: at("2019-01-01T08:00")),
                         asOf: at("2019-01-01T08:00")).beforeOpening != nil)
        try s.auditRead("case list", detail: nil, asOf: at("2019-01-01T08:00"))
        let entries = try s.store.audit(caseID: nil)
        #expect(entries.allSatisfy { $0.at == at("2025-01-07T09:00") }, "\(entries.map(\.at))")
        let reads = entries.filter { $0.action == "case show" || $0.action == "case list" }
        #expect(reads.count == 2)
        #expect(reads.allSatisfy { $0.asOf == at("2019-01-01T08:00") })
        #expect(entries.first { $0.action == "case open" }?.asOf == nil)
    }

    @Test("every event records the real time beside the time the work was done", arguments: Backend.enabled)
    func eventsKeepBoth(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let s = service(try db.open(), now: "2025-01-07T09:00")
        let id = try openCase(s)
        let events = try s.load(id).stored.events
        #expect(events.allSatisfy { $0.event.at == at("2025-01-06T08:00") && $0.recordedAt == at("2025-01-07T09:00") })
    }

    @Test("work dated in the future, before the case opened, or before its last event is refused; nothing is written",
          arguments: Backend.enabled)
    func impossibleDates(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let s = service(try db.open(), now: "2025-01-10T09:00")
        #expect(refusal { _ = try openCase(s, at: "2025-01-11T08:00") }?.contains("work cannot be recorded in advance") == true)
        #expect(try s.store.cases(sopID: nil, status: nil).isEmpty)
        let id = try openCase(s)
        // Within the allowed clock skew is fine (checked on a later case: the engine decides the rest).
        _ = try openCase(s, at: "2025-01-10T09:04")
        let before = try s.load(id).state.version
        #expect(refusal { _ = try s.act(caseID: id, step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil,
                                        at: at("2025-01-12T08:00"), key: nil) }?.contains("after now") == true)
        #expect(refusal { _ = try s.act(caseID: id, step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil,
                                        at: at("2025-01-05T08:00"), key: nil) }?.contains("before case \(id) was opened") == true)
        _ = try s.act(caseID: id, step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil,
                      at: at("2025-01-06T09:00"), key: nil)
        let after = try s.load(id).state.version
        #expect(after > before)
        #expect(refusal { _ = try s.act(caseID: id, step: "perintah-spt", role: "petugas", answer: nil, documents: [], note: nil,
                                        at: at("2025-01-06T08:30"), key: nil) }?.contains("record work in the order it was done") == true)
        #expect(try s.load(id).state.version == after)
    }
}
