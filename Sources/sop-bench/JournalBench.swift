import Foundation
import SOPJournal
import SOPKit
#if canImport(Glibc)
import Glibc
#endif

/// Benchmark 5 (the journal on disk, synchronous FULL, against the disk's own fsync rate measured
/// in the same folder) and the database of benchmark 7 (1,000,000 events for `sop report`).
enum JournalBench {
    /// write + fsync (or fdatasync) of a small record, in a loop, for `seconds`: syncs per second.
    static func syncRate(folder: String, seconds: Double, data: Bool) -> Double {
        let path = folder + "/fsync-probe-\(getpid())"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fail("cannot create \(path)") }
        defer { close(fd); unlink(path) }
        let record = [UInt8](repeating: 0x78, count: 128)
        var count = 0
        let t0 = now()
        while now() - t0 < seconds {
            _ = record.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if data { fdatasync(fd) } else { fsync(fd) }
            count += 1
        }
        return Double(count) / (now() - t0)
    }

    struct Reference {
        let context: CaseContext
        let source: String
        let hash: String
        let starts: [Date]
    }

    static func reference(sop path: String) -> Reference {
        let c = InterpreterBench.load(sop: path)
        guard let bytes = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        return Reference(context: c.context, source: String(decoding: bytes, as: UTF8.self), hash: SHA256.hex([UInt8](bytes)),
                         starts: c.starts)
    }

    static func command(_ action: String, role: String? = nil) -> CommandInfo {
        CommandInfo(key: nil, fingerprint: action, actor: "bench", role: role, action: action, recordedAt: Date())
    }

    /// The events of case `i` run to the end in standard time.
    static func events(_ r: Reference, _ i: Int) -> [CaseEvent] {
        do {
            return try StandardRun(engine: CaseEngine(context: r.context)).run(data: InterpreterBench.data(i), start: r.starts[i % r.starts.count]).events
        } catch {
            fail("case \(i) refused: \(error.refusal.message)")
        }
    }

    static func run(sop path: String, folder: String, seconds: Double) -> JSONValue {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let r = reference(sop: path)
        let dbPath = folder + "/journal-bench.sqlite"
        for suffix in ["", "-wal", "-shm"] { unlink(dbPath + suffix) }
        let journal: SQLiteJournal
        do { journal = try SQLiteJournal(path: dbPath) } catch { fail("cannot open \(dbPath): \(error)") }

        // One command per transaction: a performer's sign-off (one event) appended to a case.
        let opened: CommandOutcome
        do {
            opened = try journal.openCase(sopID: r.context.definition.id, definitionHash: r.hash, definitionSource: r.source, calendar: r.context.calendar.revision,
                                          events: Array(events(r, 0).prefix(2)), command: command("case open"))
        } catch { fail("openCase failed: \(error)") }
        var version = opened.version
        var appended = 0
        let when = r.starts[0]
        func appendFor(_ duration: Double) -> Double {
            var count = 0
            let t0 = now()
            while now() - t0 < duration {
                let event = CaseEvent(.signedOff(step: "perintah-spt", performer: "kasi", note: nil), at: when)
                do {
                    let outcome = try journal.append([EventBatch(caseID: opened.caseID, expectedVersion: version, events: [event])],
                                                     command: command("case do", role: "kasi"))
                    version = outcome[0].version
                } catch { fail("append failed: \(error)") }
                count += 1
            }
            appended += count
            return Double(count) / (now() - t0)
        }
        // Side by side: short rounds of the disk probes and of the journal alternate, and the median
        // of each is kept, so a change of load during the run hits all three alike.
        let rounds = 6
        var fsyncRates: [Double] = [], fdatasyncRates: [Double] = [], singleRates: [Double] = []
        for _ in 0..<rounds {
            fsyncRates.append(syncRate(folder: folder, seconds: seconds / Double(rounds) / 3, data: false))
            fdatasyncRates.append(syncRate(folder: folder, seconds: seconds / Double(rounds) / 3, data: true))
            singleRates.append(appendFor(seconds / Double(rounds) / 3))
        }
        let fsyncRate = median(fsyncRates), fdatasyncRate = median(fdatasyncRates), singleRate = median(singleRates)

        // Batch import: 400 cases opened (one transaction each, timed apart), then the rest of their
        // events, about 20,000, appended in one transaction.
        var batches: [EventBatch] = []
        let o0 = now()
        for i in 0..<400 {
            let all = events(r, i)
            do {
                let o = try journal.openCase(sopID: r.context.definition.id, definitionHash: r.hash, definitionSource: r.source, calendar: r.context.calendar.revision,
                                             events: Array(all.prefix(2)), command: command("case open"))
                batches.append(EventBatch(caseID: o.caseID, expectedVersion: o.version, events: Array(all.dropFirst(2))))
            } catch { fail("openCase failed: \(error)") }
        }
        let openSeconds = now() - o0
        let batchEvents = batches.reduce(0) { $0 + $1.events.count }
        let b0 = now()
        do { _ = try journal.append(batches, command: command("import")) } catch { fail("batch append failed: \(error)") }
        let batchSeconds = now() - b0
        let batchRate = Double(batchEvents) / batchSeconds
        note("journal: fsync \(Int(fsyncRate))/s, fdatasync \(Int(fdatasyncRate))/s; one command per transaction \(Int(singleRate)) events/s (\(String(format: "%.2f", singleRate / fsyncRate)) of fsync); batch \(Int(batchRate)) events/s")
        for suffix in ["", "-wal", "-shm"] { unlink(dbPath + suffix) }
        return .object([
            ("folder", .string(folder)),
            ("fsync_per_s", rounded(fsyncRate)),
            ("rounds", .number(Double(rounds))),
            ("fsync_per_s_rounds", .array(fsyncRates.map { rounded($0) })),
            ("journal_events_per_s_rounds", .array(singleRates.map { rounded($0) })),
            ("fdatasync_per_s", rounded(fdatasyncRate)),
            ("single_command_events", .number(Double(appended))),
            ("single_command_events_per_s", rounded(singleRate)),
            ("single_ratio_to_fsync", rounded(singleRate / fsyncRate, 3)),
            ("single_ratio_to_fdatasync", rounded(singleRate / fdatasyncRate, 3)),
            ("target_single_ratio", .number(0.75)),
            ("batch_cases_opened", .number(400)),
            ("batch_open_seconds", rounded(openSeconds)),
            ("batch_events", .number(Double(batchEvents))),
            ("batch_seconds", rounded(batchSeconds)),
            ("batch_events_per_s", rounded(batchRate)),
            ("target_batch_events_per_s", .number(10_000)),
        ])
    }

    /// Builds a journal of at least `events` events of the reference SOP: each case run to the end
    /// in standard time and imported with all its events in the transaction that opens it.
    static func buildReportDatabase(sop path: String, db: String, events target: Int) -> JSONValue {
        let r = reference(sop: path)
        for suffix in ["", "-wal", "-shm"] { unlink(db + suffix) }
        let journal: SQLiteJournal
        do { journal = try SQLiteJournal(path: db) } catch { fail("cannot open \(db): \(error)") }
        var total = 0, cases = 0
        let t0 = now()
        var generate = 0.0
        while total < target {
            let g0 = now()
            let all = events(r, cases)
            generate += now() - g0
            do {
                _ = try journal.openCase(sopID: r.context.definition.id, definitionHash: r.hash, definitionSource: r.source, calendar: r.context.calendar.revision,
                                         events: all, command: command("case open"))
            } catch { fail("import failed: \(error)") }
            total += all.count
            cases += 1
        }
        let seconds = now() - t0
        note("report database: \(cases) cases, \(total) events in \(String(format: "%.1f", seconds)) s (\(Int(Double(total) / (seconds - generate))) events/s written)")
        return .object([
            ("db", .string(db)),
            ("cases", .number(Double(cases))),
            ("events", .number(Double(total))),
            ("seconds", rounded(seconds)),
            ("generate_seconds", rounded(generate)),
            ("import_events_per_s", rounded(Double(total) / (seconds - generate))),
        ])
    }

    /// Opens `count` cases (for `sop case do` timings): returns their ids.
    static func openCases(sop path: String, db: String, count: Int) -> [String] {
        let r = reference(sop: path)
        let journal: SQLiteJournal
        do { journal = try SQLiteJournal(path: db) } catch { fail("cannot open \(db): \(error)") }
        let service = CaseService(store: journal, actor: "bench", calendarFolder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        var ids: [String] = []
        for i in 0..<count {
            do {
                let o = try service.open(definition: r.context.definition, source: r.source, hash: r.hash, data: InterpreterBench.data(i),
                                         documents: [], at: r.starts[i % r.starts.count], key: nil)
                ids.append(o.caseID)
            } catch { fail("cannot open a case: \(error)") }
        }
        return ids
    }
}

extension JournalBench {
    /// Builds a journal (an SQLite file or a PostgreSQL URL) of `cases` open cases of the reference
    /// SOP with about `events` events in all, for the `sop serve` benchmark: each open case is a
    /// prefix of a standard run that stops before its end, so it is open at some step; then cases
    /// run to their end (closed, as a year of an office's work leaves them) until the journal holds
    /// `events` events, so the pages are measured against a full journal, not only the open cases.
    static func buildServeDatabase(sop path: String, db: String, cases target: Int, events wanted: Int) -> JSONValue {
        let r = reference(sop: path)
        if !db.contains("://") { for suffix in ["", "-wal", "-shm"] { unlink(db + suffix) } }
        let journal: any JournalStore
        do { journal = try JournalBackend.open(db) } catch { fail("cannot open \(db): \(error)") }
        let perCase = max(2, wanted / max(target, 1))
        var total = 0
        let t0 = now()
        for i in 0..<target {
            // Cut right after a step starts (so the step awaits its performers), at or before the
            // wanted length, a different step for neighbouring cases.
            let run = events(r, i)
            let starts = run.indices.filter { index in
                if case .stepStarted = run[index].kind { return index + 1 <= max(2, perCase) && index + 1 < run.count }
                return false
            }
            let cut = starts.isEmpty ? 2 : starts[starts.count - 1 - (i % min(3, starts.count))] + 1
            let all = Array(run.prefix(cut))
            do {
                _ = try journal.openCase(sopID: r.context.definition.id, definitionHash: r.hash, definitionSource: r.source, calendar: r.context.calendar.revision,
                                         events: all, command: command("case open"))
            } catch { fail("import failed: \(error)") }
            total += all.count
        }
        var closed = 0
        while total < wanted {
            let all = events(r, target + closed)
            do {
                _ = try journal.openCase(sopID: r.context.definition.id, definitionHash: r.hash, definitionSource: r.source, calendar: r.context.calendar.revision,
                                         events: all, command: command("case open"))
            } catch { fail("import failed: \(error)") }
            total += all.count
            closed += 1
        }
        let seconds = now() - t0
        note("serve database: \(target) open cases, \(closed) closed cases, \(total) events in \(String(format: "%.1f", seconds)) s")
        return .object([("db", .string(db)), ("cases", .number(Double(target))), ("closed_cases", .number(Double(closed))),
                        ("events", .number(Double(total))), ("seconds", rounded(seconds))])
    }
}
