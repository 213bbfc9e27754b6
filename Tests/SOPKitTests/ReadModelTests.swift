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
                var data: [String: String] = [:]
                for field in sop.caseFields {
                    switch field.type {
                    case .boolean: data[field.name] = index == 0 ? "true" : "false"
                    case .number: data[field.name] = "3"
                    case .date: data[field.name] = "2015-06-01"
                    case .choice(let choices): data[field.name] = choices[index % choices.count]
                    case .text: data[field.name] = "x"
                    }
                }
                let id = try service.open(definition: sop, source: source, hash: hash, data: data, documents: sop.persyaratan.map(\.value),
                                          at: clock, key: nil).caseID
                for (pick, who, answerPick, minutes, attendPick) in commands {
                    let loaded = try service.load(id)
                    guard loaded.state.status == .open else { break }
                    clock = clock.addingTimeInterval(Double(max(minutes, 1)) * 60)
                    let state = loaded.state
                    let step = pick == 0 ? sop.steps[who % sop.steps.count].id
                        : (state.activeRunIndices.first.map { state.runs[$0].stepID } ?? sop.steps[0].id)
                    let performer = sop.performers[who % sop.performers.count].id
                    let labels = sop.step(step)?.decision?.outcomes.map(\.label) ?? []
                    let answer = answerPick == 0 || labels.isEmpty ? nil : labels[(answerPick - 1) % labels.count]
                    do {
                        if attendPick == 0 {
                            _ = try service.recordSession(step: step, at: clock, caseIDs: [id], key: nil)
                        } else {
                            _ = try service.act(caseID: id, step: step, role: performer, answer: answer, documents: [], note: nil, at: clock, key: nil)
                        }
                    } catch let error as JournalError {
                        guard case .refused = error else { throw error }
                    }
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
}
