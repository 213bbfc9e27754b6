import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// Issue 17: a process keeps the worklist heads it read (Tugas saya of each role set) until the
/// journal's worklist marker moves. Each test warms a server's memo, changes the journal through
/// another instance (another process: `sop case do` from the command line while `sop serve` runs,
/// or a second server on the same PostgreSQL), and checks that the server then answers exactly
/// what a process started afresh answers: the whole rows and count from the store, and the whole
/// entries of the page. Each test also checks that the write changed the answer, so a memo that
/// missed it would be caught.
@Suite("Worklist memo (issue 17)")
struct WorklistMemoTests {
    static let zone = TimeZone(identifier: "Asia/Jakarta")!
    static func at(_ text: String) -> Date { InstantFormat.parse(text, in: zone)! }

    /// An office folder (the reference SOP on the office calendar `kantor-uji`), its journal, a
    /// server's store (whose memo the tests warm) and another process's.
    final class Office {
        let folder: URL
        let sop: String
        let definition: SOPDefinition
        let db: TestDatabase
        let server: any JournalStore
        let writer: any JournalStore

        init(_ backend: Backend) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-memo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("calendars"), withIntermediateDirectories: true)
            sop = try String(contentsOf: TestPaths.sops.appendingPathComponent("anak-jalanan.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "  kalender: indonesia\n", with: "  kalender: kantor-uji\n")
            definition = try #require(SOPLoader().load(text: sop).definition)
            try Office.writeCalendar(folder, extra: "")
            db = try TestDatabase(backend)
            server = try db.open()
            writer = try db.open()
        }

        static func writeCalendar(_ folder: URL, extra: String) throws {
            try ("id: kantor-uji\nextends: indonesia\n" + extra)
                .write(to: folder.appendingPathComponent("calendars/kantor-uji.yaml"), atomically: true, encoding: .utf8)
        }

        func remove() {
            db.remove()
            try? FileManager.default.removeItem(at: folder)
        }

        func service(_ store: any JournalStore) -> CaseService {
            let fixed = WorklistMemoTests.at("2026-01-05T09:00")
            return CaseService(store: store, actor: "siti", calendarFolder: folder.path, clock: { fixed })
        }

        /// Opens a case of `source` (the office's SOP unless given) through `store`, at 08:00 on 6 January 2025.
        @discardableResult
        func open(_ child: String, putusSekolah: Bool = true, source: String? = nil, through store: any JournalStore) throws -> String {
            let text = source ?? sop
            let definition = try #require(SOPLoader().load(text: text).definition)
            return try service(store).open(definition: definition, source: text, hash: SHA256.hex(Array(text.utf8)),
                                           data: ["nama_anak": child, "putus_sekolah": putusSekolah ? "true" : "false"], documents: [],
                                           at: WorklistMemoTests.at("2025-01-06T08:00"), key: nil).caseID
        }

        /// Each performer alone, and all of them at once (a user holding every role).
        var roleSets: [[String]] { definition.performers.map { [$0.id] } + [definition.performers.map(\.id)] }

        /// Everything Tugas saya reads, for every role set, as `store` answers at `now`: the store's
        /// rows (nil: the read model has gaps) and count for a head of 1 and of 100, and the page's
        /// entries, whole.
        func answers(_ store: any JournalStore, now: Date) throws -> [Answer] {
            let service = service(store)
            let hashes = try store.definitionHashes()
            var answers: [Answer] = []
            for roles in roleSets {
                let keys = Set(hashes.flatMap { hash in roles.map { PerformerKey(definitionHash: hash, performer: $0) } })
                for limit in [1, 100] {
                    let head = try service.worklistHead(roles: roles, worksOn: { _ in true }, now: now, limit: limit)
                    answers.append(Answer(roles: roles, limit: limit, rows: try store.worklist(of: keys, sopIDs: nil, now: now, limit: limit),
                                          shown: head.entries.map(Shown.init), total: head.total))
                }
            }
            return answers
        }

        /// The server (its memo warm) answers at `now` what a process started now answers; returns that answer.
        @discardableResult
        func expectServerAnswersFresh(now: Date, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Answer] {
            let fresh = try answers(try db.open(), now: now)
            let served = try answers(server, now: now)
            for (s, f) in zip(served, fresh) {
                #expect(s == f, "the server's head of \(s.roles) (limit \(s.limit)) differs from a fresh process's", sourceLocation: sourceLocation)
            }
            #expect(served.count == fresh.count, sourceLocation: sourceLocation)
            return fresh
        }
    }

    /// One role set's answer.
    struct Answer: Hashable {
        var roles: [String]
        var limit: Int
        var rows: WorklistRows?
        var shown: [Shown]
        var total: Int
    }

    /// A page entry, whole: the task and the context its times are shown in.
    struct Shown: Hashable {
        var item: WorkItem
        var definition: SOPDefinition
        var calendar: String
        var zone: String

        init(_ entry: WorklistEntry) {
            item = entry.item
            definition = entry.context.definition
            calendar = entry.context.calendar.revision.hash
            zone = entry.context.calendar.timeZone.identifier
        }
    }

    static let now = at("2025-01-08T10:00")

    @Test("a case opened by another process reaches the server's Tugas saya", arguments: Backend.enabled)
    func caseOpen(_ backend: Backend) throws {
        let office = try Office(backend)
        defer { office.remove() }
        try office.open("Budi", through: office.server)
        let before = try office.expectServerAnswersFresh(now: Self.now)
        try office.open("Sari", through: office.writer)
        let after = try office.expectServerAnswersFresh(now: Self.now)
        #expect(before != after)
    }

    @Test("a step signed by another process (case do) reaches the server's Tugas saya", arguments: Backend.enabled)
    func caseDo(_ backend: Backend) throws {
        let office = try Office(backend)
        defer { office.remove() }
        let id = try office.open("Budi", through: office.server)
        try office.open("Sari", through: office.server)
        let before = try office.expectServerAnswersFresh(now: Self.now)
        _ = try office.service(office.writer).act(caseID: id, step: "perintah-spt", role: "kasi", answer: nil, documents: [], note: nil,
                                                  at: Self.at("2025-01-06T08:05"), key: nil)
        let after = try office.expectServerAnswersFresh(now: Self.now)
        #expect(before != after)
    }

    @Test("a case moved to a revised definition (case migrate) reaches the server's Tugas saya", arguments: Backend.enabled)
    func caseMigrate(_ backend: Backend) throws {
        let office = try Office(backend)
        defer { office.remove() }
        let revised = office.sop.replacingOccurrences(of: "waktu: 15 menit", with: "waktu: 45 menit")
        let id = try office.open("Budi", through: office.server)
        // The revision is stored already (another case runs on it): the server asks for the same performers after the move.
        try office.open("Sari", source: revised, through: office.server)
        let before = try office.expectServerAnswersFresh(now: Self.now)
        let writer = office.service(office.writer)
        let target = try #require(SOPLoader().load(text: revised).definition)
        let migrator = CaseMigrator(target: target, targetHash: SHA256.hex(Array(revised.utf8)), targetContext: try writer.context(for: target), explicit: [:])
        let loaded = try writer.load(id)
        _ = try writer.migrate(loaded, plan: migrator.plan(loaded), definition: target, source: revised, key: nil)
        let after = try office.expectServerAnswersFresh(now: Self.now)
        #expect(before != after)
    }

    @Test("open cases moved to an edited calendar (calendar update) reach the server's Tugas saya", arguments: Backend.enabled)
    func calendarUpdate(_ backend: Backend) throws {
        let office = try Office(backend)
        defer { office.remove() }
        try office.open("Budi", through: office.server)
        try office.open("Sari", through: office.server)
        // The office closes on the day the cases opened: every due time moves a day.
        try Office.writeCalendar(office.folder, extra: "holidays:\n  - {date: 2025-01-06, name: \"Rapat kerja\"}\n")
        let before = try office.expectServerAnswersFresh(now: Self.now)
        let writer = office.service(office.writer)
        let edited = try #require(CalendarStore.load(id: "kantor-uji", searchingFrom: office.folder.path).calendar)
        let moved = try writer.applyCalendarUpdate(try writer.planCalendarUpdate(edited), key: nil)
        #expect(moved.count == 2)
        let after = try office.expectServerAnswersFresh(now: Self.now)
        #expect(before != after)
    }

    @Test("a read model rebuilt by another process (journal rebuild) reaches the server: it stops folding", arguments: Backend.enabled)
    func journalRebuild(_ backend: Backend) throws {
        let office = try Office(backend)
        defer { office.remove() }
        try office.open("Budi", through: office.server)
        try office.open("Sari", through: office.server)
        // As a journal made before the worklist rows: every case is a gap, and readers fold.
        try office.db.execute("DELETE FROM case_tasks")
        try office.db.execute("INSERT INTO read_model_gaps (case_id) SELECT id FROM cases")
        let before = try office.expectServerAnswersFresh(now: Self.now)
        #expect(before.allSatisfy { $0.rows == nil })
        #expect(try office.writer.rebuildReadModel() == ReadModelRebuild(rebuilt: 2, unreadable: []))
        let after = try office.expectServerAnswersFresh(now: Self.now)
        #expect(after.allSatisfy { $0.rows != nil })
        // The rows give the page the fold gave it.
        #expect(before.map { $0.shown } == after.map { $0.shown } && before.map { $0.total } == after.map { $0.total })
    }

    @Test("a group session recorded by another process (session record) reaches the server's Tugas saya", arguments: Backend.enabled)
    func sessionRecord(_ backend: Backend) throws {
        let office = try Office(backend)
        defer { office.remove() }
        let ids = [try Self.atSupportGroup(office, "Budi"), try Self.atSupportGroup(office, "Sari")]
        let now = Self.at("2025-01-22T10:00")
        let before = try office.expectServerAnswersFresh(now: now)
        _ = try office.service(office.writer).recordSession(step: "support-group", at: Self.at("2025-01-20T09:00"), caseIDs: ids, key: nil)
        let after = try office.expectServerAnswersFresh(now: now)
        #expect(before != after)
    }

    @Test("with no write at all, a recurring task's window that begins or ends as time passes is seen: only the rows are kept, not the time",
          arguments: Backend.enabled)
    func timePasses(_ backend: Backend) throws {
        let office = try Office(backend)
        defer { office.remove() }
        let ids = [try Self.atSupportGroup(office, "Budi"), try Self.atSupportGroup(office, "Sari")]
        _ = try office.service(office.server).recordSession(step: "support-group", at: Self.at("2025-01-20T09:00"), caseIDs: ids, key: nil)
        // Before the first window (it opens when the step starts, at 14:00), in it (attended:
        // nobody's task), in the next month's (open again), and back.
        var answers: [[Answer]] = []
        for time in ["2025-01-06T13:00", "2025-01-22T10:00", "2025-02-25T10:00", "2025-01-22T11:00", "2025-01-06T13:30"] {
            answers.append(try office.expectServerAnswersFresh(now: Self.at(time)))
        }
        #expect(answers[0] != answers[1] && answers[1] != answers[2], "the windows should change the answer")
    }

    /// Opens a case of a child who did not drop out of school and signs it on to the monthly
    /// support group (the recurring step), through the server.
    static func atSupportGroup(_ office: Office, _ child: String) throws -> String {
        let id = try office.open(child, putusSekolah: false, through: office.server)
        let service = office.service(office.server)
        for (step, role, time) in [("perintah-spt", "kasi", "08:05"), ("perintah-spt", "petugas", "08:12"), ("disposisi-spt", "kabid", "08:20"),
                                   ("disposisi-spt", "kadis", "08:25"), ("penjangkauan", "kasi", "14:00"), ("penjangkauan", "peksos", "14:00"),
                                   ("penjangkauan", "petugas", "14:00")] {
            _ = try service.act(caseID: id, step: step, role: role, answer: nil, documents: [], note: nil, at: at("2025-01-06T" + time), key: nil)
        }
        #expect(try service.load(id).state.status == .open)
        return id
    }
}

/// The span in which a head is kept: bounded by the boundaries of attended windows around now.
@Suite("Worklist memo span")
struct WorklistSpanTests {
    @Test("a window is attended from its start, included, to its end, excluded; the span stops at the nearest boundary on each side")
    func boundaries() {
        var span = WorklistSpan()
        span.narrow(windows: "100:200,300:400", now: 250)
        #expect(span == WorklistSpan(from: 200, until: 300))
        var inside = WorklistSpan()
        inside.narrow(windows: "100:200", now: 100)
        #expect(inside == WorklistSpan(from: 100, until: 200))
        var none = WorklistSpan()
        none.narrow(windows: nil, now: 5)
        none.narrow(windows: "", now: 5)
        none.narrow(windows: "x:y,12", now: 5)
        #expect(none == WorklistSpan())
        // Wherever now lies in the span, a task's state is the one it has at now.
        for now in Int64(0)...Int64(500) {
            var around = WorklistSpan()
            around.narrow(windows: "100:200,300:400", now: now)
            for t in Int64(0)...Int64(500) where around.contains(t) {
                #expect(TaskRow.open(windows: "100:200,300:400", now: t) == TaskRow.open(windows: "100:200,300:400", now: now))
            }
        }
    }

    @Test("a kept head is answered only under its marker and inside its span; past the capacity older markers go first")
    func memo() {
        let memo = WorklistMemo(capacity: 2)
        let key = WorklistMemo.Key(performers: [PerformerKey(definitionHash: "h", performer: "kasi")], sopIDs: nil, limit: 100)
        let rows = WorklistRows(rows: [], total: 3)
        memo.remember(key, marker: 7, span: WorklistSpan(from: 10, until: 20), rows: rows)
        #expect(memo.answer(key, marker: 7, now: 10) == .some(rows))
        #expect(memo.answer(key, marker: 7, now: 20) == nil)
        #expect(memo.answer(key, marker: 7, now: 9) == nil)
        #expect(memo.answer(key, marker: 8, now: 15) == nil)
        memo.remember(key, marker: 8, span: WorklistSpan(), rows: nil)
        #expect(memo.answer(key, marker: 8, now: 15) == .some(nil))
        let other = WorklistMemo.Key(performers: [PerformerKey(definitionHash: "h", performer: "petugas")], sopIDs: nil, limit: 100)
        let third = WorklistMemo.Key(performers: [], sopIDs: ["x"], limit: 1)
        memo.remember(other, marker: 9, span: WorklistSpan(), rows: rows)
        memo.remember(third, marker: 9, span: WorklistSpan(), rows: rows)
        #expect(memo.answer(key, marker: 8, now: 15) == nil)
        #expect(memo.answer(other, marker: 9, now: 0) == .some(rows) && memo.answer(third, marker: 9, now: 0) == .some(rows))
    }

    @Test("views that miss the same head under the same marker at once read it once (single flight); a failed read leaves the others to read")
    func singleFlight() throws {
        let memo = WorklistMemo()
        let key = WorklistMemo.Key(performers: [PerformerKey(definitionHash: "h", performer: "kasi")], sopIDs: nil, limit: 100)
        let rows = WorklistRows(rows: [], total: 7)
        let reads = Tally()
        // Eight views at once, each in its own thread (as requests are); the read is slow, as the walk is.
        func views(failing: Int?, marker: Int64) -> [WorklistRows?] {
            let answers = Tally.Answers()
            let threads = (0..<8).map { _ in
                Thread {
                    let answer = try? memo.head(key, marker: marker, now: 0) { (_: inout WorklistSpan) throws(JournalError) -> WorklistRows? in
                        let n = reads.next()
                        Thread.sleep(forTimeInterval: 0.3)
                        if n == failing { throw .storage(JournalFileMessages.cannotRead(["why": .text("test")])) }
                        return rows
                    }
                    answers.add(answer)
                }
            }
            threads.forEach { $0.start() }
            while answers.count < 8 { Thread.sleep(forTimeInterval: 0.01) }
            return answers.all
        }
        let first = views(failing: nil, marker: 1)
        #expect(reads.value == 1 && first.allSatisfy { $0 == .some(rows) }, "\(reads.value) reads")
        // A new marker: one read fails; the views that waited for it read again, once.
        let second = views(failing: 2, marker: 2)
        #expect(reads.value == 3 && second.filter { $0 == .some(rows) }.count == 7, "\(reads.value) reads")
    }
}

/// A count shared by threads.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    var value: Int { lock.withLock { n } }
    func next() -> Int { lock.withLock { n += 1; return n } }

    /// Answers collected from threads.
    final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [WorklistRows??] = []
        func add(_ answer: WorklistRows??) { lock.withLock { list.append(answer) } }
        var count: Int { lock.withLock { list.count } }
        var all: [WorklistRows?] { lock.withLock { list.map { $0 ?? nil } } }
    }
}
