import Foundation
import PropertyBased
import Testing
@testable import SOPJournal
@testable import SOPKit

/// The read model (`case_state`, issue 17): written in the same transaction as the events, it must
/// always equal what the fold of the events gives, on every back end, after any mix of commands,
/// refusals, sessions and a rebuild.
@Suite("Read model of current case state")
struct ReadModelTests {
    static let sops = InvariantTests.sops

    /// Every case's stored summary equals the summary of its fold, nothing is missing, and each
    /// role's worklist from the read model equals the one from the fold.
    static func expectEqualToFold(_ service: CaseService, now: Date) throws {
        let rows = try service.store.readModel(sopID: nil, status: nil, awaiting: nil)
        try #require(rows.missing.isEmpty, "cases without a current read model row: \(rows.missing.map(\.id))")
        let loaded = try service.loadAll(sopID: nil)
        try #require(rows.summaries.map(\.header.id) == loaded.map(\.id))
        for (row, fold) in zip(rows.summaries, loaded) {
            try #require(row.summary == CaseSummary(fold), "case \(fold.id): the read model differs from the fold")
        }
        let listed = try service.listed(sopID: nil)
        try #require(listed.unreadable.isEmpty)
        for role in Worklist.roles(in: loaded) {
            try #require(Worklist.items(for: role, in: listed.cases, now: now) == Worklist.items(for: role, in: loaded, now: now),
                         "the worklist of \(role) differs")
            let narrowed = try service.listed(sopID: nil, status: .open, awaiting: role)
            try #require(Worklist.items(for: role, in: narrowed.cases, now: now) == Worklist.items(for: role, in: loaded, now: now),
                         "the worklist of \(role) read through case_awaiting differs")
        }
        for (row, fold) in zip(rows.summaries, loaded) {
            let report = CaseReport(state: fold.state, context: fold.context, now: now)
            try #require(row.summary.overdue(now: now) == report.overdue && row.summary.pastDeadline(now: now) == report.pastDeadline)
        }
        try expectWorklistRowsEqualToFold(service, loaded: loaded, now: now)
    }

    /// The worklist rows (`case_tasks`, what Tugas saya reads) give each role's worklist of the
    /// fold, in its order, and for all roles at once each task once with the right count.
    static func expectWorklistRowsEqualToFold(_ service: CaseService, loaded: [LoadedCase], now: Date) throws {
        try #require(try service.store.worklist(of: [], sopIDs: nil, now: now, limit: 1) != nil, "the read model has gaps")
        let roles = Worklist.roles(in: loaded)
        for role in roles {
            let head = try service.worklistHead(roles: [role], worksOn: { _ in true }, now: now, limit: .max)
            let fold = Worklist.items(for: role, in: loaded, now: now)
            try #require(head.entries.map(\.item) == fold, "the worklist rows of \(role) differ from the fold")
            try #require(head.total == fold.count)
            let first = try service.worklistHead(roles: [role], worksOn: { _ in true }, now: now, limit: 2)
            try #require(first.entries.map(\.item) == Array(fold.prefix(2)) && first.total == fold.count)
        }
        // All roles at once (a user holding every role): each task once, overdue first, by due time.
        let all = try service.worklistHead(roles: roles, worksOn: { _ in true }, now: now, limit: .max)
        let folded = try service.foldedWorklistHead(roles: roles, worksOn: { _ in true }, now: now, limit: .max)
        try #require(all.total == folded.total && all.entries.count == folded.entries.count)
        func key(_ item: WorkItem) -> String { "\(item.caseID)|\(item.step)|\(item.due?.timeIntervalSince1970 ?? -1)|\(item.awaited)|\(item.overdue)" }
        try #require(Set(all.entries.map { key($0.item) }) == Set(folded.entries.map { key($0.item) }))
        let order = { (entries: [WorklistEntry]) in entries.map { "\($0.item.overdue)|\($0.item.due?.timeIntervalSince1970 ?? -1)|\($0.item.caseID)" } }
        try #require(order(all.entries) == order(folded.entries), "the order of the worklist differs from the fold's")
        // Only the SOPs a user works on.
        if let sop = loaded.first?.context.definition.id {
            let mine = try service.worklistHead(roles: roles, worksOn: { $0 == sop }, now: now, limit: .max)
            try #require(mine.entries.allSatisfy { $0.item.sopID == sop })
            try #require(mine.total == folded.entries.filter { $0.item.sopID == sop }.count)
        }
    }

    @Test("after generated commands (accepted and refused), the read model equals the fold; a rebuild gives the same rows",
          arguments: Backend.enabled)
    func equalsFold(_ backend: Backend) async throws {
        let definitions = try Self.sops.map { id in
            let path = TestPaths.sops.appendingPathComponent("\(id).yaml").path
            let bytes = try #require(FileManager.default.contents(atPath: path))
            return (try EngineFixture(id), String(decoding: bytes, as: UTF8.self), SHA256.hex([UInt8](bytes)))
        }
        await propertyCheck(count: backend == .postgres ? 4 : 12, input: Gen.int(in: 0...2), InvariantTests.commands, InvariantTests.commands) { pick, first, second in
            let db = try TestDatabase(backend)
            defer { db.remove() }
            let store = try db.open()
            let now = definitions[0].0.at("2031-01-06T08:00")
            let service = CaseService(store: store, actor: "tester", calendarFolder: TestPaths.sops.path, clock: { now })
            var clock = definitions[0].0.at("2025-01-06T08:00")
            for (index, commands) in [first, second].enumerated() {
                let (f, source, hash) = definitions[(pick + index) % definitions.count]
                let sop = f.context.definition
                let data = GeneratedCommand.caseData(sop, variant: index)
                let id = try service.open(definition: sop, source: source, hash: hash, data: data, documents: sop.persyaratan.map(\.value),
                                          at: clock, key: nil).caseID
                for (pick, who, answerPick, minutes, attendPick) in commands {
                    let loaded = try service.load(id)
                    guard loaded.state.status == .open else { break }
                    clock = clock.addingTimeInterval(Double(max(minutes, 1)) * 60)
                    let command = GeneratedCommand(pick: pick, who: who, answerPick: answerPick, sop: sop, state: loaded.state)
                    _ = try command.record(on: id, by: service, at: clock, attend: attendPick == 0)
                }
                try Self.expectEqualToFold(service, now: clock)
            }
            try Self.expectEqualToFold(service, now: now)
            let before = try store.readModel(sopID: nil, status: nil, awaiting: nil).summaries.map(\.summary)
            let rebuilt = try store.rebuildReadModel()
            try #require(rebuilt.unreadable.isEmpty && rebuilt.rebuilt == 2)
            try #require(try store.readModel(sopID: nil, status: nil, awaiting: nil).summaries.map(\.summary) == before)
        }
    }

    @Test("a case without a read model row (a journal made before it, or a row gone) is folded by the reader and filled by a rebuild",
          arguments: Backend.enabled)
    func missingRowsAreFolded(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        let (f, source, hash) = try { () throws -> (EngineFixture, String, String) in
            let path = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path
            let bytes = try #require(FileManager.default.contents(atPath: path))
            return (try EngineFixture("anak-jalanan"), String(decoding: bytes, as: UTF8.self), SHA256.hex([UInt8](bytes)))
        }()
        let now = f.at("2025-01-07T08:00")
        let service = CaseService(store: store, actor: "tester", calendarFolder: TestPaths.sops.path, clock: { now })
        let sop = f.context.definition
        let id = try service.open(definition: sop, source: source, hash: hash, data: ["nama_anak": "Budi", "putus_sekolah": "true"],
                                  documents: [], at: f.at("2025-01-06T08:00"), key: nil).caseID
        #expect(try store.readModel(sopID: nil, status: nil, awaiting: nil).summaries.count == 1)
        try db.execute("DELETE FROM case_awaiting")
        try db.execute("DELETE FROM case_state")
        let rows = try store.readModel(sopID: nil, status: nil, awaiting: nil)
        #expect(rows.missing.map(\.id) == [id])
        let listed = try service.listed(sopID: nil)
        #expect(listed.cases.map(\.id) == [id])
        #expect(listed.cases.first?.summary == CaseSummary(try service.load(id)))
        #expect(try store.rebuildReadModel() == ReadModelRebuild(rebuilt: 1, unreadable: []))
        try Self.expectEqualToFold(service, now: now)
    }

    @Test("while an open case has no worklist rows (a journal made before them, a case the fold refused), Tugas saya folds; a rebuild fills them",
          arguments: Backend.enabled)
    func worklistGapsAreFolded(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        let path = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let f = try EngineFixture("anak-jalanan")
        let now = f.at("2025-03-07T08:00")
        let service = CaseService(store: store, actor: "tester", calendarFolder: TestPaths.sops.path, clock: { now })
        let sop = f.context.definition
        for name in ["Budi", "Sari", "Tono"] {
            _ = try service.open(definition: sop, source: String(decoding: bytes, as: UTF8.self), hash: SHA256.hex([UInt8](bytes)),
                                 data: ["nama_anak": name, "putus_sekolah": "true"], documents: [], at: f.at("2025-01-06T08:00"), key: nil)
        }
        let roles = sop.performers.map(\.id)
        let fast = try service.worklistHead(roles: roles, worksOn: { _ in true }, now: now, limit: 2)
        #expect(fast.total >= 3 && fast.entries.count == 2)
        // A gap (as the migration leaves every case stored before it): the rows are not trusted.
        try db.execute("DELETE FROM case_tasks")
        try db.execute("INSERT INTO read_model_gaps (case_id) SELECT id FROM cases")
        #expect(try store.worklist(of: [], sopIDs: nil, now: now, limit: 1) == nil)
        let folded = try service.worklistHead(roles: roles, worksOn: { _ in true }, now: now, limit: 2)
        #expect(folded.total == fast.total && folded.entries.map(\.item) == fast.entries.map(\.item))
        #expect(try store.rebuildReadModel() == ReadModelRebuild(rebuilt: 3, unreadable: []))
        #expect(try db.count("SELECT COUNT(*) FROM read_model_gaps") == 0)
        #expect(try service.worklistHead(roles: roles, worksOn: { _ in true }, now: now, limit: 2).entries.map(\.item) == fast.entries.map(\.item))
        try Self.expectEqualToFold(service, now: now)
    }
}
