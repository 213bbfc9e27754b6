import Foundation
import PropertyBased
import Testing
@testable import SOPJournal
@testable import SOPKit

/// A view as of an earlier time (`case show --at`, `case list --at`, `tasks --at`) is the case as
/// it stood then: the same state, summary, events, status and version it had when it was looked at
/// live at that time, not today's state looked at with an earlier clock.
@Suite("Views as of an earlier time")
struct AsOfViewTests {
    /// What the journal showed of the case right after each accepted command.
    private struct Snapshot {
        var at: Date
        var state: CaseState
        var summary: CaseSummary
        var events: Int
        var header: CaseHeader
    }

    @Test("after generated commands, the case as of each command's time equals what was shown live then", arguments: Backend.enabled)
    func equalsLiveView(_ backend: Backend) async throws {
        let definitions = try ReadModelTests.sops.map { id in
            let path = TestPaths.sops.appendingPathComponent("\(id).yaml").path
            let bytes = try #require(FileManager.default.contents(atPath: path))
            return (try EngineFixture(id), String(decoding: bytes, as: UTF8.self), SHA256.hex([UInt8](bytes)))
        }
        await propertyCheck(count: backend == .postgres ? 4 : 12, input: Gen.int(in: 0...2), InvariantTests.commands) { pick, commands in
            let db = try TestDatabase(backend)
            defer { db.remove() }
            let store = try db.open()
            let (f, source, hash) = definitions[pick]
            let now = f.at("2031-01-06T08:00")
            let service = CaseService(store: store, actor: "tester", calendarFolder: TestPaths.sops.path, clock: { now })
            let sop = f.context.definition
            var clock = f.at("2025-01-06T08:00")
            let data = GeneratedCommand.caseData(sop, variant: 0)
            let id = try service.open(definition: sop, source: source, hash: hash, data: data, documents: sop.persyaratan.map(\.value),
                                      at: clock, key: nil).caseID
            func snapshot() throws -> Snapshot {
                let live = try service.load(id)
                return Snapshot(at: clock, state: live.state, summary: CaseSummary(live), events: live.stored.events.count, header: live.stored.header)
            }
            var snapshots = [try snapshot()]
            for (pick, who, answerPick, minutes, attendPick) in commands {
                let state = try service.load(id).state
                guard state.status == .open else { break }
                clock = clock.addingTimeInterval(Double(max(minutes, 1)) * 60)
                let command = GeneratedCommand(pick: pick, who: who, answerPick: answerPick, sop: sop, state: state)
                if try command.record(on: id, by: service, at: clock, attend: attendPick == 0) { snapshots.append(try snapshot()) }
            }
            let final = try service.load(id)
            for (k, live) in snapshots.enumerated() {
                // At the time of a command, and just before the next one.
                let next = k + 1 < snapshots.count ? snapshots[k + 1].at.addingTimeInterval(-1) : now
                for time in [live.at, next] {
                    let then = try service.asOf(final, time)
                    try #require(then.state == live.state, "state as of \(time) differs from the live state (command \(k))")
                    try #require(CaseSummary(then) == live.summary, "summary as of \(time) differs (command \(k))")
                    try #require(then.stored.events.count == live.events && then.stored.header == live.header, "events or header as of \(time) differ")
                    let listed = try service.listed(sopID: nil, status: live.state.status, asOf: time).cases
                    try #require(listed.map(\.summary) == [live.summary], "case list as of \(time) differs")
                    let other: CaseOutcome = live.state.status == .open ? .completed : .open
                    try #require(try service.listed(sopID: nil, status: other, asOf: time).cases.isEmpty)
                }
            }
            // Before the case was opened it is not listed, and its view has no events.
            let before = f.at("2025-01-05T08:00")
            try #require(try service.listed(sopID: nil, status: nil, asOf: before).cases.isEmpty)
            try #require(try service.asOf(final, before).stored.events.isEmpty)
        }
    }

    @Test("tasks --at and case show --at show the step that was waiting then, not the one waiting now", arguments: Backend.enabled)
    func commandsAsOf(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        func sop(_ arguments: [String]) throws -> CLIResult { try CLI.run(arguments + ["--db", db.location, "--user", "siti"]) }
        let opened = try sop(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true",
                              "--at", "2025-01-06T08:00"])
        let id = String(opened.stdout.split(separator: "\n").last ?? "")
        #expect(try sop(["case", "do", id, "perintah-spt", "--as", "kasi", "--at", "2025-01-06T09:00"]).status == 0)
        #expect(try sop(["case", "do", id, "perintah-spt", "--as", "petugas", "--at", "2025-01-07T09:00"]).status == 0)
        // Now the Kasi has nothing (the SPT moved on to the Kabid); on the 6th at 08:30 the Kasi's signature was awaited.
        let now = try sop(["tasks", "--as", "kasi", "--format", "json"])
        #expect(!now.stdout.contains("perintah-spt"), "\(now.stdout)")
        let then = try sop(["tasks", "--as", "kasi", "--at", "2025-01-06T08:30", "--format", "json"])
        #expect(then.status == 0 && then.stdout.contains("\"perintah-spt\""), "\(then.stdout)\(then.stderr)")
        let shown = try sop(["case", "show", id, "--at", "2025-01-06T08:30", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let timeline = try #require(json["timeline"] as? [[String: Any]])
        #expect(!timeline.contains { ($0["actor"] as? String) != nil && ($0["at"] as? String ?? "") > "2025-01-06T08:30" }, "\(timeline)")
        #expect(!shown.stdout.contains("2025-01-07T09:00"), "\(shown.stdout)")
    }
}
