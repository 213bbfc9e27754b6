import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// Revising an SOP: the semantic diff (golden outputs per kind of change) and moving running
/// cases at every position of the reference SOP to revisions that add, remove and rename a step
/// and change a performer.
@Suite("Revisions: sop diff and sop case migrate")
struct RevisionTests {
    static let revisions = ["add-step", "remove-step", "rename-step", "change-performer", "undated"]

    private static func load(_ path: String) throws -> SOPDefinition {
        try #require(SOPLoader().load(path: path).definition)
    }
    private static var reference: String { TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path }
    private static func revision(_ name: String) -> String {
        TestPaths.fixtures.appendingPathComponent("revisions/\(name).yaml").path
    }

    @Test("the diff of each kind of change matches its golden output; SOP_UPDATE_GOLDEN=1 rewrites them", arguments: revisions)
    func golden(_ name: String) throws {
        let diff = SOPDiff(old: try Self.load(Self.reference), new: try Self.load(Self.revision(name)))
        #expect(!diff.isEmpty)
        try Golden.check(diff.text(), "diff-\(name).txt")
        if name == "rename-step" { try Golden.check(diff.json().serialized() + "\n", "diff-rename-step.json") }
        if name == "change-performer" { try Golden.check(diff.markdown(), "diff-change-performer.md") }
    }

    @Test("a definition compared with itself is equal, and sop diff exits 0; different exits 1")
    func equalAndExitCodes() throws {
        let a = try Self.load(Self.reference)
        #expect(SOPDiff(old: a, new: a).isEmpty)
        #expect(try CLI.run(["diff", Self.reference, Self.reference]).status == 0)
        let different = try CLI.run(["diff", Self.reference, Self.revision("rename-step")])
        #expect(different.status == 1)
        #expect(different.stdout.contains("~ step 'perintah-spt': perintah-spt → perintah-tugas (renamed, matched by content)"))
    }

    @Test("a revision that keeps the old nomor and tanggal revisi is warned about (SOP322)")
    func undatedRevision() throws {
        let r = try CLI.run(["diff", Self.reference, Self.revision("undated")])
        #expect(r.stderr.contains("keeps its nomor '463/ tz /5.6.04/2024' and tanggal revisi 2024-02-27; date the revision"))
        #expect(r.stderr.contains("[SOP322]"))
        let dated = try CLI.run(["diff", Self.reference, Self.revision("add-step")])
        #expect(!dated.stderr.contains("SOP322"))
    }

    // MARK: migration

    /// A journal with one case at each position of the reference SOP, and one completed case.
    private func journalWithCases() throws -> (CaseService, [String: String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let service = CaseService(store: try SQLiteJournal(path: folder.appendingPathComponent("j.sqlite").path), actor: "tester",
                                  calendarFolder: TestPaths.sops.path)
        let bytes = try #require(FileManager.default.contents(atPath: Self.reference))
        let definition = try Self.load(Self.reference)
        let zone = TimeZone(identifier: "Asia/Jakarta")!
        let script: [(String, String, String)] = [
            ("perintah-spt", "kasi", "08:05"), ("perintah-spt", "petugas", "08:10"), ("disposisi-spt", "kabid", "08:20"),
            ("disposisi-spt", "kadis", "08:25"), ("penjangkauan", "kasi", "10:00"), ("penjangkauan", "peksos", "10:00"),
            ("penjangkauan", "petugas", "10:00"), ("pendampingan", "kasi", "11:00"), ("pendampingan", "peksos", "11:00"),
        ]
        var ids: [String: String] = [:]
        // How many actions of the script each position needs.
        for (position, actions) in [("perintah-spt", 0), ("disposisi-spt", 3), ("penjangkauan", 4), ("pendampingan", 7), ("support-group", 9)] {
            let id = try service.open(definition: definition, source: String(decoding: bytes, as: UTF8.self), hash: SHA256.hex([UInt8](bytes)),
                                      data: ["nama_anak": position, "putus_sekolah": "true"], documents: [],
                                      at: InstantFormat.parse("2025-01-06T08:00", in: zone)!, key: nil).caseID
            for (step, role, time) in script.prefix(actions) {
                _ = try service.act(caseID: id, step: step, role: role, answer: nil, documents: [], note: nil,
                                    at: InstantFormat.parse("2025-01-06T" + time, in: zone), key: nil)
            }
            #expect(try service.load(id).state.activeRunIndices.map { try service.load(id).state.runs[$0].stepID } == [position])
            ids[position] = id
        }
        let done = try service.open(definition: definition, source: String(decoding: bytes, as: UTF8.self), hash: SHA256.hex([UInt8](bytes)),
                                    data: ["nama_anak": "selesai", "putus_sekolah": "false"], documents: [],
                                    at: InstantFormat.parse("2025-01-06T08:00", in: zone)!, key: nil).caseID
        for (step, role, time) in script.prefix(7) {
            _ = try service.act(caseID: done, step: step, role: role, answer: nil, documents: [], note: nil,
                                at: InstantFormat.parse("2025-01-06T" + time, in: zone), key: nil)
        }
        _ = try service.act(caseID: done, step: "support-group", role: "kasi", answer: nil, documents: [], note: nil,
                            at: InstantFormat.parse("2026-01-10T09:00", in: zone), key: nil)
        ids["completed"] = done
        return (service, ids)
    }

    private func migrator(_ name: String, map: [String: String] = [:]) throws -> (CaseMigrator, SOPDefinition, String, String) {
        let path = Self.revision(name)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let definition = try Self.load(path)
        let (calendar, _) = CalendarStore.load(id: "indonesia", searchingFrom: TestPaths.sops.path)
        let context = CaseContext(definition: definition, calendar: try #require(calendar))
        let hash = SHA256.hex([UInt8](bytes))
        return (CaseMigrator(target: definition, targetHash: hash, targetContext: context, explicit: map), definition, hash,
                String(decoding: bytes, as: UTF8.self))
    }

    private func verdicts(_ service: CaseService, _ ids: [String: String], _ migrator: CaseMigrator) throws -> [String: String] {
        var out: [String: String] = [:]
        for (position, id) in ids {
            switch migrator.plan(try service.load(id)).verdict {
            case .ready: out[position] = "ready"
            case .unchanged: out[position] = "unchanged"
            case .refused(let reason): out[position] = reason.english
            }
        }
        return out
    }

    @Test("plans for cases at every position, for each revision: ready, or refused with the reason")
    func plans() throws {
        let (service, ids) = try journalWithCases()
        let ended = "the case has ended (completed); only running cases move"
        let add = try verdicts(service, ids, try migrator("add-step").0)
        #expect(add == ["perintah-spt": "ready", "disposisi-spt": "ready", "penjangkauan": "ready", "support-group": "ready",
                        "pendampingan": "its documents no longer satisfy the kelengkapan of 'pendampingan' in the revision: missing 'Catatan briefing'",
                        "completed": ended])
        let remove = try verdicts(service, ids, try migrator("remove-step").0)
        #expect(remove["pendampingan"] == "its current step 'pendampingan' no longer exists in the revision; give --map pendampingan=STEP")
        #expect(remove["penjangkauan"] == "ready")
        let mapped = try verdicts(service, ids, try migrator("remove-step", map: ["pendampingan": "support-group"]).0)
        #expect(mapped["pendampingan"] == "ready")
        let rename = try verdicts(service, ids, try migrator("rename-step").0)
        #expect(rename["perintah-spt"] == "its current step 'perintah-spt' no longer exists in the revision; the revision has 'perintah-tugas' with the same content: give --map perintah-spt=perintah-tugas")
        #expect(rename["disposisi-spt"] == "ready")
        let renamed = try verdicts(service, ids, try migrator("rename-step", map: ["perintah-spt": "perintah-tugas"]).0)
        #expect(renamed["perintah-spt"] == "ready")
        let performer = try verdicts(service, ids, try migrator("change-performer").0)
        #expect(performer.filter { $0.value == "ready" }.count == 5)
    }

    @Test("a move is a migrated event in the journal; the case then runs on the revision")
    func migrate() throws {
        let (service, ids) = try journalWithCases()
        let (renameMigrator, renameDefinition, renameHash, renameSource) = try migrator("rename-step", map: ["perintah-spt": "perintah-tugas"])
        let atStart = try service.load(try #require(ids["perintah-spt"]))
        let plan = renameMigrator.plan(atStart)
        let outcome = try service.migrate(atStart, plan: plan, definition: renameDefinition, source: renameSource, key: nil)
        let moved = try service.load(atStart.id)
        #expect(moved.stored.header.definitionHash == renameHash)
        #expect(moved.state.path == ["perintah-tugas"])
        #expect(moved.state.version == outcome.version)
        guard case .migrated(let from, let to, let mapping) = try #require(moved.stored.events.last).event.kind else {
            Issue.record("no migrated event"); return
        }
        #expect(from == atStart.stored.header.definitionHash)
        #expect(to == renameHash)
        #expect(mapping == ["perintah-spt": "perintah-tugas"])
        #expect(try #require(moved.stored.events.last).actor == "tester")
        let zone = TimeZone(identifier: "Asia/Jakarta")!
        _ = try service.act(caseID: atStart.id, step: "perintah-tugas", role: "kasi", answer: nil, documents: [], note: nil,
                            at: InstantFormat.parse("2025-01-06T08:30", in: zone), key: nil)
        #expect(try service.load(atStart.id).state.latestRun(of: "perintah-tugas")?.signedOff.map(\.performer) == ["kasi"])
        // The change of performer: the Kabid had disposed; in the revision only the Kadis signs.
        let (performerMigrator, performerDefinition, _, performerSource) = try migrator("change-performer")
        let atDisposisi = try service.load(try #require(ids["disposisi-spt"]))
        _ = try service.migrate(atDisposisi, plan: performerMigrator.plan(atDisposisi), definition: performerDefinition, source: performerSource, key: nil)
        let after = try service.load(atDisposisi.id)
        let step = try #require(after.context.definition.step("disposisi-spt"))
        let run = try #require(after.state.latestRun(of: "disposisi-spt"))
        #expect(CaseEngine(context: after.context).awaited(step, run) == ["kadis"])
        // A refused plan writes nothing.
        let (addMigrator, addDefinition, _, addSource) = try migrator("add-step")
        let atPendampingan = try service.load(try #require(ids["pendampingan"]))
        #expect(throws: JournalError.self) {
            try service.migrate(atPendampingan, plan: addMigrator.plan(atPendampingan), definition: addDefinition, source: addSource, key: nil)
        }
        #expect(try service.load(atPendampingan.id).state.version == atPendampingan.state.version)
    }

    @Test("sop case migrate --all-open --dry-run prints the plan for every case and changes nothing")
    func dryRunCLI() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-migrate-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("j.sqlite").path
        let opened = try CLI.run(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=A", "--data", "putus_sekolah=true",
                                  "--at", "2025-01-06T08:00", "--db", db])
        #expect(opened.status == 0)
        let plan = try CLI.run(["case", "migrate", "--all-open", "--to", Self.revision("rename-step"), "--dry-run", "--db", db])
        #expect(plan.status == 1)
        #expect(plan.stdout.contains("plan AJ-0001: at perintah-spt → ?: refused: its current step 'perintah-spt' no longer exists"))
        let mapped = try CLI.run(["case", "migrate", "AJ-0001", "--to", Self.revision("rename-step"), "--map", "perintah-spt=perintah-tugas", "--db", db])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(mapped.stdout.contains("AJ-0001: at perintah-spt → perintah-tugas: ready; renames perintah-spt → perintah-tugas; moved (version 3)"))
        let show = try CLI.run(["case", "show", "AJ-0001", "--db", db])
        #expect(show.stdout.contains("moved from revision"))
        let audit = try CLI.run(["audit", "--case", "AJ-0001", "--db", db])
        #expect(audit.stdout.contains("case migrate AJ-0001: migrated to definition"))
    }
}

/// Golden files under Tests/SOPKitTests/Golden; `SOP_UPDATE_GOLDEN=1` rewrites them.
enum Golden {
    static func check(_ actual: String, _ name: String) throws {
        let url = TestPaths.root.appendingPathComponent("Tests/SOPKitTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["SOP_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file; if the change is intended, rerun with SOP_UPDATE_GOLDEN=1 and review the diff")
    }
}
