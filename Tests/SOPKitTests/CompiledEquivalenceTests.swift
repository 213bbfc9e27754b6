import Foundation
import Testing
@testable import SOPKit

/// The compiled form (``CompiledSOP``) against the engine and the fold it stands for (issue 18):
/// on random SOPs (decisions by rule, by a decider and by rules alone, loops, early exits, the three
/// modes, kelengkapan with conditional items, recurring and group steps, stand-alone terminators),
/// the reference SOP and every shipped SOP, random commands (legal and not) at random times. After
/// every command: refused by both or by neither; the compiled events, converted, equal the
/// engine's; the compiled state, converted, equals the fold of the engine's events (whole-model ==).
@Suite("Compiled form: the same events and state as CaseEngine and the fold")
struct CompiledEquivalenceTests {
    static let head = """
        id: acak
        nama: Acak
        unit:
          dinas: Dinas Sosial
        jangka_waktu: 3 bulan
        pelaksana:
          - id: staf
            nama: Staf
          - id: kasi
            nama: Kasi
          - id: kabid
            nama: Kabid
        data_kasus:
          a:
            tipe: boolean
          b:
            tipe: boolean

        """

    static let roles = ["staf", "kasi", "kabid"]
    static let docs = ["Surat A", "Surat B", "surat  a", "Surat C"]
    static let waktu = ["15 menit", "2 jam", "1 hari", "3 hari", "1-2 hari"]

    /// A random SOP of 2 to 8 rows.
    static func randomSOP(_ r: inout SplitMix) -> String {
        func pick(_ n: Int) -> Int { Int(r.next() % UInt64(n)) }
        // Mostly forward, sometimes back (a loop) or out.
        func target(_ i: Int, _ n: Int) -> String {
            switch pick(7) {
            case 0: "selesai"
            case 1: "keluar"
            case 2: "s\(pick(i + 1))"
            default: i + 1 < n ? "s\(i + 1 + pick(n - i - 1))" : "selesai"
            }
        }
        let n = 2 + pick(7)
        var text = ""
        if pick(3) == 0 { text += "persyaratan:\n  - Surat C\n" + (pick(2) == 0 ? "  - {nama: Surat B, jika: b}\n" : "") }
        text += "langkah:\n"
        for i in 0..<n {
            text += "  - id: s\(i)\n    uraian: Langkah \(i)\n"
            if i == 0, pick(6) == 0 {
                text += "    jenis: mulai\n"
                continue
            }
            if i > 0, i < n - 1, pick(12) == 0 {
                text += "    jenis: selesai\n"
                continue
            }
            let kind = i < n - 1 ? pick(8) : 7   // 0 answered, 1 by rule, 2 rules alone, 3 recurring, 4 group, else process
            var performers = roles.shuffled(using: &r).prefix(1 + pick(3)).map { $0 }
            if kind == 1 { performers = Array(performers.prefix(1)) }
            let mode = performers.count > 1 ? ["bersama", "berurutan", "salah_satu"][pick(3)] : ""
            if kind != 2 {
                text += "    pelaksana: [\(performers.joined(separator: ", "))]\n"
                if !mode.isEmpty { text += "    mode: \(mode)\n" }
            }
            if pick(2) == 0 { text += "    waktu: \(waktu[pick(waktu.count)])\n" }
            if pick(2) == 0 { text += "    output: \(docs[pick(docs.count)])\n" }
            let attendance = kind == 3 && pick(2) == 0
            if attendance {
                text += "    kelengkapan: Surat A\n"
            } else {
                switch pick(6) {
                case 0: text += "    kelengkapan: \(docs[pick(docs.count)])\n"
                case 1: text += "    kelengkapan:\n      - {nama: \(docs[pick(docs.count)]), jika: \(pick(2) == 0 ? "a" : "b")}\n"
                default: break
                }
            }
            switch kind {
            case 0:
                text += "    keputusan:\n      pertanyaan: Lanjut?\n"
                if performers.count > 1 { text += "      oleh: \(mode == "berurutan" ? performers.last! : performers[pick(performers.count)])\n" }
                text += "      hasil:\n        - label: Ya\n          lanjut: \(target(i, n))\n        - label: Tidak\n          lanjut: \(target(i, n))\n"
            case 1, 2:
                text += "    keputusan:\n      pertanyaan: Syarat?\n      hasil:\n"
                text += "        - label: Ya\n          jika: \(pick(2) == 0 ? "a" : "a dan b")\n          lanjut: \(target(i, n))\n"
                text += "        - label: Tidak\n" + (kind == 1 && pick(3) == 0 ? "          jika: bukan b\n" : "") + "          lanjut: \(target(i, n))\n"
            case 3:
                text += "    berulang:\n      setiap: 1 minggu\n      selama: \(1 + pick(3)) minggu\n"
                if attendance { text += "    kelompok:\n      kehadiran: Surat A\n" }
            case 4:
                text += "    kelompok: {}\n"
            default:
                if pick(5) == 0 { text += "    lanjut: \(target(i, n))\n" }
            }
        }
        return text
    }

    /// A context for `text`, or nil when it does not load without errors.
    static func context(_ text: String, rejections: inout [String: Int]) throws -> CaseContext? {
        let result = SOPLoader().load(text: head + text, file: "acak.yaml")
        guard let definition = result.definition, !result.diagnostics.contains(where: { $0.severity == .error }) else {
            for code in Set(result.diagnostics.filter { $0.severity == .error }.map(\.code)) { rejections[code, default: 0] += 1 }
            return nil
        }
        let (calendar, _) = CalendarStore.load(id: definition.time.calendar, searchingFrom: TestPaths.sops.path)
        return CaseContext(definition: definition, calendar: try #require(calendar))
    }

    /// Drives one case through the engine and the compiled form with `commands` random commands;
    /// returns how many were accepted.
    static func drive(_ context: CaseContext, _ compiled: CompiledSOP, data: [String: CaseValue], start: Date, commands: Int,
                      _ r: inout SplitMix, coverage: inout [String: Int], label: String) throws -> Int {
        let sop = context.definition, engine = CaseEngine(context: context)
        let documents = sop.persyaratan(for: data)
        var cstate = CompiledCaseState(data: data, documents: try documents.map { try #require(compiled.documentIndex(named: $0)) })
        var opened: [CompiledEvent] = []
        let engineOpened = try? engine.open(checked: data, documents: documents, at: start)
        let compiledOpened = compiled.open(cstate, at: start, into: &opened)
        try #require((engineOpened != nil) == compiledOpened, "open: engine \(engineOpened == nil ? "refused" : "accepted"), compiled the other\n\(label)")
        guard let engineOpened else { return 0 }
        for event in opened { cstate.apply(event, in: compiled) }
        try #require(opened.map { compiled.caseEvent($0, of: cstate) } == engineOpened, "open: different events\n\(label)")
        var state = CaseState.fold(engineOpened, in: context)
        try #require(compiled.caseState(cstate) == state, "open: different state\n\(label)")
        var clock = start, accepted = 0
        for k in 0..<commands where state.status == .open {
            let leap = r.next() % 10 == 0 ? 20_000 : 3_030
            clock = clock.addingTimeInterval(Double(Int(r.next() % UInt64(leap)) - 30) * 60)
            // Sometimes exactly on a boundary of the first active run: a session window's start or end, or its due time.
            if r.next() % 6 == 0, let first = state.activeRunIndices.first {
                let run = state.runs[first]
                let boundaries = run.occurrences.flatMap { [$0.windowStart, $0.windowEnd] } + [run.due ?? run.startedAt]
                clock = boundaries[Int(r.next() % UInt64(boundaries.count))]
            }
            var command = GeneratedCommand(pick: Int(r.next() % 5), who: Int(r.next() % 16), answerPick: Int(r.next() % 4), sop: sop, state: state)
            // Mostly someone the step lists, so that cases get somewhere; sometimes anyone, or a name that is nobody's.
            if r.next() % 3 != 0, let step = sop.step(command.step), !step.performers.isEmpty {
                command.performer = step.performers[Int(r.next() % UInt64(step.performers.count))].value
            }
            if r.next() % 12 == 0 { command.performer = ["nobody", "KASI", "Staf"][Int(r.next() % 3)] }
            if r.next() % 12 == 0 { command.answer = ["bukan", "ya", "TIDAK"][Int(r.next() % 3)] }
            let attend = r.next() % 6 == 0
            let engineEvents = attend ? try? engine.attend(on: state, step: command.step, at: clock)
                : try? engine.act(on: state, step: command.step, as: command.performer, answer: command.answer, at: clock)
            var events: [CompiledEvent] = []
            let s = compiled.stepIndex(command.step)
            let ok = attend ? compiled.attend(on: cstate, step: s, at: clock, into: &events)
                : compiled.act(on: cstate, step: s, as: compiled.performerIndex(named: command.performer),
                               answer: compiled.answerIndex(command.answer, step: s), at: clock, into: &events)
            let what = "command \(k): \(attend ? "attend" : "act") \(command.step) as \(command.performer) answer \(command.answer ?? "-") at \(context.format(clock))"
            try #require((engineEvents != nil) == ok, "\(what): engine \(engineEvents == nil ? "refused" : "accepted"), compiled the other\n\(label)")
            guard let engineEvents else {
                try #require(events.isEmpty, "\(what): a refusal left events\n\(label)")
                continue
            }
            accepted += 1
            for event in engineEvents {
                var name = event.name
                if case .decisionTaken(_, _, let byRule) = event.kind { name += byRule ? " by rule" : " answered" }
                if case .ended(let outcome) = event.kind { name += " \(outcome)" }
                coverage[name, default: 0] += 1
            }
            for event in events { cstate.apply(event, in: compiled) }
            try #require(events.map { compiled.caseEvent($0, of: cstate) } == engineEvents,
                         "\(what): different events\n\(events.map { compiled.caseEvent($0, of: cstate) })\n\(engineEvents)\n\(label)")
            for event in engineEvents { state.apply(event, in: context) }
            try #require(compiled.caseState(cstate) == state, "\(what): different state\n\(label)")
        }
        return accepted
    }

    @Test("random SOPs and random commands: the same refusals, events and state")
    func randomSOPs() throws {
        var r = SplitMix(seed: 18)
        var sops = 0, cases = 0, accepted = 0, rejected = 0, rejections: [String: Int] = [:], coverage: [String: Int] = [:]
        let start = InstantFormat.parse("2025-01-06T08:00", in: TimeZone(identifier: "Asia/Jakarta")!)!
        for round in 0..<500 {
            let text = Self.randomSOP(&r)
            guard let context = try Self.context(text, rejections: &rejections) else { rejected += 1; continue }
            let compiled = try #require(CompiledSOP(context: context), "does not compile:\n\(text)")
            sops += 1
            for variant in 0..<4 {
                var data: [String: CaseValue] = [:]
                if variant != 3 { data["a"] = .boolean(variant == 0) }
                if variant != 2 { data["b"] = .boolean(variant == 1) }
                accepted += try Self.drive(context, compiled, data: data, start: start.addingTimeInterval(Double(round % 40) * 86_400),
                                           commands: 40, &r, coverage: &coverage, label: "round \(round), data \(data):\n\(text)")
                cases += 1
            }
        }
        // The generator must reach the engine: most SOPs valid, many commands accepted.
        #expect(sops > 250, "only \(sops) of 500 random SOPs loaded (\(rejected) rejected: \(rejections.sorted { $0.key < $1.key }))")
        #expect(accepted > cases * 2, "only \(accepted) commands accepted in \(cases) cases")
        // Every kind of event the engine makes, made many times.
        for kind in ["step_started", "signed_off", "document_produced", "decision_taken by rule", "decision_taken answered", "step_completed",
                     "session_attended", "ended completed", "ended exited"] {
            #expect(coverage[kind, default: 0] > 50, "\(kind): only \(coverage[kind, default: 0]) times (\(coverage))")
        }
    }

    @Test("every shipped SOP compiles and agrees with the engine", arguments: TestPaths.files(in: TestPaths.sops, ext: "yaml").filter { !$0.lastPathComponent.contains(".skenario.") })
    func shipped(file: URL) throws {
        let f = try EngineFixture(path: file.path)
        let sop = f.context.definition
        let compiled = try #require(CompiledSOP(context: f.context))
        var r = SplitMix(seed: UInt64(sop.id.utf8.count))
        var accepted = 0, coverage: [String: Int] = [:]
        for i in 0..<300 {
            let raw = GeneratedCommand.caseData(sop, variant: i % 3)
            let data = try CaseDataValidator(sop).validate(raw, openedOn: try #require(CalendarDate(year: 2025, month: 1, day: 6)))
            accepted += try Self.drive(f.context, compiled, data: data, start: f.at("2025-01-06T08:00").addingTimeInterval(Double(i) * 86_400),
                                       commands: 60, &r, coverage: &coverage, label: "\(sop.id) case \(i)")
        }
        #expect(accepted > 300)
    }

    @Test("CompiledStandardRun gives StandardRun's events on the shipped SOPs")
    func standardRun() throws {
        for id in ["anak-jalanan", "pembuatan-duk", "rekomendasi-reaktivasi-pbi"] {
            let f = try EngineFixture(id)
            let sop = f.context.definition
            let compiled = try #require(CompiledSOP(context: f.context))
            let answers = Dictionary(uniqueKeysWithValues: sop.steps.compactMap { step in
                step.decision.flatMap { $0.isRuleDecided ? nil : (step.id, Array(repeating: $0.outcomes.last!.label, count: 1) + Array(repeating: $0.outcomes[0].label, count: 5)) }
            })
            for i in 0..<20 {
                let raw = GeneratedCommand.caseData(sop, variant: i % 3)
                let start = f.at("2025-01-06T08:00").addingTimeInterval(Double(i) * 86_400 * 3)
                let expected = try? StandardRun(engine: f.engine, answers: answers).run(data: raw, start: start)
                var events: [CompiledEvent] = []
                let state = CompiledStandardRun(sop: compiled, answers: answers).run(data: raw, start: start, into: &events)
                try #require((expected != nil) == (state != nil), "\(id) case \(i): one run stopped, the other did not")
                guard let expected, let state else { continue }
                #expect(events.map { compiled.caseEvent($0, of: state) } == expected.events, "\(id) case \(i)")
                #expect(compiled.caseState(state) == expected.state, "\(id) case \(i)")
            }
        }
    }
}
