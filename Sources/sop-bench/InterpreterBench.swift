import Foundation
import SOPKit

/// Benchmark 3: the interpreter, in memory, on one core: cases of the reference SOP run to the end.
///
/// A step transition is one step run completing and the flow moving on (a `step_completed`
/// event): a case of a child who dropped out of school makes 5, one who did not makes 4. The same
/// run also counts commands (performers' actions and sessions) and events applied.
enum InterpreterBench {
    struct Context {
        let context: CaseContext
        let starts: [Date]
    }

    /// The reference SOP and its calendar, and the start times of the cases (working days of 2025).
    static func load(sop path: String) -> Context {
        let result = SOPLoader().load(path: path)
        guard let definition = result.definition else { fail("\(path) does not load: \(result.diagnostics.map(\.message))") }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let (calendar, problems) = CalendarStore.load(id: definition.time.calendar, searchingFrom: folder)
        guard let calendar else { fail("calendar does not load: \(problems.map(\.message))") }
        let context = CaseContext(definition: definition, calendar: calendar)
        var starts: [Date] = []
        var noon = calendar.instant(CalendarDate(iso: "2025-01-06")!, minuteOfDay: 12 * 60)
        while starts.count < 200 {
            let day = calendar.date(of: noon)
            if calendar.isWorkingDay(day) { starts.append(calendar.instant(day, minuteOfDay: 8 * 60 + 30)) }
            noon = noon.addingTimeInterval(86_400)
        }
        return Context(context: context, starts: starts)
    }

    /// Case data of case `i`: every other child dropped out of school (the two paths of the SOP).
    static func data(_ i: Int) -> [String: String] {
        ["nama_anak": "Anak \(i)", "putus_sekolah": i % 2 == 0 ? "true" : "false",
         "jenis_kelamin": i % 3 == 0 ? "perempuan" : "laki-laki", "lokasi_penjangkauan": "Jalan Merdeka"]
    }

    struct Counts {
        var cases = 0, transitions = 0, events = 0, commands = 0
    }

    /// Runs `count` cases with StandardRun; returns what they did.
    @inline(never)
    static func runCases(_ c: Context, from first: Int, count: Int) -> Counts {
        let run = StandardRun(engine: CaseEngine(context: c.context))
        var counts = Counts()
        for i in first..<(first + count) {
            do {
                let (events, state) = try run.run(data: data(i), start: c.starts[i % c.starts.count])
                guard state.status == .completed else { fail("case \(i) ended \(state.status)") }
                counts.cases += 1
                counts.events += events.count
                for e in events {
                    switch e.kind {
                    case .stepCompleted: counts.transitions += 1
                    case .signedOff: counts.commands += 1
                    default: break
                    }
                }
            } catch {
                fail("case \(i) was refused: \(error.refusal.message)")
            }
        }
        return counts
    }

    /// Runs `count` cases with CompiledStandardRun (the compiled form of the same definition, the
    /// same cases and events); returns what they did.
    @inline(never)
    static func runCompiledCases(_ c: Context, _ compiled: CompiledSOP, from first: Int, count: Int) -> Counts {
        let run = CompiledStandardRun(sop: compiled)
        var counts = Counts()
        var events: [CompiledEvent] = []
        events.reserveCapacity(64)
        for i in first..<(first + count) {
            events.removeAll(keepingCapacity: true)
            guard let state = run.run(data: data(i), start: c.starts[i % c.starts.count], into: &events) else {
                fail("case \(i) was refused by the compiled form")
            }
            guard state.status == .completed else { fail("case \(i) ended \(state.status) in the compiled form") }
            counts.cases += 1
            counts.events += events.count
            for e in events {
                switch e.kind {
                case .stepCompleted: counts.transitions += 1
                case .signedOff: counts.commands += 1
                default: break
                }
            }
        }
        return counts
    }

    /// Transitions per CPU second of one thread of `batch`, run in batches of 200 for `seconds`.
    static func measure(seconds: Double, _ batch: (Int) -> Counts) -> (counts: Counts, cpu: Double, wall: Double) {
        _ = batch(0)
        var counts = Counts()
        let c0 = threadCPU(), w0 = now()
        var next = 0
        while threadCPU() - c0 < seconds {
            let done = batch(next)
            counts.cases += done.cases
            counts.transitions += done.transitions
            counts.events += done.events
            counts.commands += done.commands
            next += 200
        }
        return (counts, threadCPU() - c0, now() - w0)
    }

    /// The state of `events` folded again, `times` times (the read side: every view of a case).
    @inline(never)
    static func fold(_ c: Context, _ events: [CaseEvent], times: Int) -> Int {
        var total = 0
        for _ in 0..<times { total += CaseState.fold(events, in: c.context).runs.count }
        return total
    }

    static func run(sop path: String, seconds: Double) -> JSONValue {
        let c = load(sop: path)
        // Warm up, then run batches until the time is spent (thread CPU time, one core).
        _ = runCases(c, from: 0, count: 50)
        var counts = Counts()
        let c0 = threadCPU(), w0 = now()
        var next = 0
        while threadCPU() - c0 < seconds {
            let batch = runCases(c, from: next, count: 200)
            counts.cases += batch.cases
            counts.transitions += batch.transitions
            counts.events += batch.events
            counts.commands += batch.commands
            next += 200
        }
        let cpu = threadCPU() - c0, wall = now() - w0
        // The fold alone: replaying a stored case's events (what every read of a case costs).
        let sample = try! StandardRun(engine: CaseEngine(context: c.context)).run(data: data(0), start: c.starts[0]).events
        let foldTimes = 2000
        let f0 = threadCPU()
        blackHole(fold(c, sample, times: foldTimes))
        let foldCPU = threadCPU() - f0
        let perSecond = Double(counts.transitions) / cpu
        note("interpreter: \(counts.cases) cases, \(counts.transitions) step transitions in \(String(format: "%.2f", cpu)) s CPU: \(Int(perSecond)) transitions/s, \(Int(Double(counts.cases) / cpu)) cases/s")
        // The same cases through the compiled form (CompiledSOP), checked equal to the engine by
        // CompiledEquivalenceTests; the engine's line above stays the baseline.
        guard let compiled = CompiledSOP(context: c.context) else { fail("\(path) does not compile") }
        let fast = measure(seconds: seconds) { runCompiledCases(c, compiled, from: $0, count: 200) }
        let compiledPerSecond = Double(fast.counts.transitions) / fast.cpu
        note("interpreter (compiled): \(fast.counts.cases) cases, \(fast.counts.transitions) step transitions in \(String(format: "%.2f", fast.cpu)) s CPU: \(Int(compiledPerSecond)) transitions/s, \(Int(Double(fast.counts.cases) / fast.cpu)) cases/s")
        return .object([
            ("sop", .string(path)),
            ("driver", "StandardRun (CaseEngine.act + CaseState.apply), one thread"),
            ("cases", .number(Double(counts.cases))),
            ("step_transitions", .number(Double(counts.transitions))),
            ("commands", .number(Double(counts.commands))),
            ("events", .number(Double(counts.events))),
            ("cpu_seconds", rounded(cpu)),
            ("wall_seconds", rounded(wall)),
            ("transitions_per_s", rounded(perSecond)),
            ("cases_per_s", rounded(Double(counts.cases) / cpu)),
            ("events_per_s", rounded(Double(counts.events) / cpu)),
            ("commands_per_s", rounded(Double(counts.commands) / cpu)),
            ("fold_events_per_case", .number(Double(sample.count))),
            ("fold_events_per_s", rounded(Double(sample.count * foldTimes) / foldCPU)),
            ("compiled_driver", "CompiledStandardRun (CompiledSOP.act + CompiledCaseState.apply), one thread"),
            ("compiled_cases", .number(Double(fast.counts.cases))),
            ("compiled_step_transitions", .number(Double(fast.counts.transitions))),
            ("compiled_cpu_seconds", rounded(fast.cpu)),
            ("compiled_transitions_per_s", rounded(compiledPerSecond)),
            ("compiled_cases_per_s", rounded(Double(fast.counts.cases) / fast.cpu)),
            ("compiled_events_per_s", rounded(Double(fast.counts.events) / fast.cpu)),
            ("compiled_speedup", rounded(compiledPerSecond / perSecond, 3)),
            ("target_transitions_per_s", .number(1_000_000)),
        ])
    }
}
