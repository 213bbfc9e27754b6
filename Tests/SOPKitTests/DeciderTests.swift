import Foundation
import Testing
@testable import SOPKit

/// Who decides a decision shared by several performers (`keputusan.oleh`): required, checked, and
/// the only one whose answer the engine takes (issue 14 finding 3: the last signer's answer used to
/// win and the first one's was dropped without a message).
@Suite("Who decides: keputusan.oleh")
struct DeciderTests {
    static func sop(mode: String = "berurutan", performers: String = "[kabid, kadis]", oleh: String? = "kadis") -> String {
        """
        id: contoh
        nama: Contoh
        unit:
          dinas: Dinas Sosial
        pelaksana:
          - id: kabid
            nama: Kabid
            alias: [Kepala Bidang]
          - id: kadis
            nama: Kadis
            alias: [Kepala Dinas]
        langkah:
          - id: periksa
            uraian: Memeriksa dan menandatangani konsep surat
            pelaksana: \(performers)
            mode: \(mode)
            waktu: 15 menit
            keputusan:
              pertanyaan: Sesuai?
        \(oleh.map { "      oleh: \($0)\n" } ?? "")      hasil:
                - label: Ya
                  lanjut: selesai
                - label: Tidak
                  lanjut: keluar
        """
    }

    static func diagnostics(_ text: String) -> [Diagnostic] { SOPLoader().load(text: text, file: "contoh.yaml").diagnostics }

    static func engine(_ text: String) throws -> (CaseEngine, CaseContext) {
        let result = SOPLoader().load(text: text, file: "contoh.yaml")
        let definition = try #require(result.definition, "\(result.diagnostics)")
        let (calendar, _) = CalendarStore.load(id: definition.time.calendar, searchingFrom: TestPaths.sops.path)
        let context = CaseContext(definition: definition, calendar: try #require(calendar))
        return (CaseEngine(context: context), context)
    }

    @Test("a decision of two performers without oleh is SOP323 at the keputusan; an unknown oleh SOP324; a berurutan decider not last SOP325")
    func validation() throws {
        let missing = Self.diagnostics(Self.sop(oleh: nil)).filter { $0.code == "SOP323" }
        #expect(missing.count == 1)
        #expect(missing.first?.location?.line == 20)
        #expect(missing.first?.message.contains("does not say who decides") == true)
        let unknown = Self.diagnostics(Self.sop(oleh: "kasi")).filter { $0.code == "SOP324" }
        #expect(unknown.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == ["20:13"])
        let notLast = Self.diagnostics(Self.sop(oleh: "kabid")).filter { $0.code == "SOP325" }
        #expect(notLast.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == ["20:13"])
        #expect(Self.diagnostics(Self.sop()).filter { $0.severity == .error }.isEmpty)
        #expect(Self.diagnostics(Self.sop(performers: "kabid", oleh: nil)).filter { $0.severity == .error }.isEmpty)
    }

    @Test("oleh may name the decider by alias; the model holds its id")
    func alias() throws {
        let definition = try #require(SOPLoader().load(text: Self.sop(oleh: "Kepala Dinas"), file: "contoh.yaml").definition)
        #expect(definition.steps[0].decidingPerformer == "kadis")
        #expect(definition.steps[0].decision?.decider?.value == "kadis")
    }

    @Test("decidingPerformer: the oleh, else the only performer, nil for a step that is no decision")
    func decidingPerformer() throws {
        let single = try #require(SOPLoader().load(text: Self.sop(performers: "kabid", oleh: nil), file: "contoh.yaml").definition)
        #expect(single.steps[0].decidingPerformer == "kabid")
        let reference = try EngineFixture("anak-jalanan").context.definition
        #expect(reference.step("penjangkauan")?.decidingPerformer == "petugas")
        #expect(reference.step("perintah-spt")?.decidingPerformer == nil)
    }

    @Test("berurutan: the first signs off without answering, an answer from them is refused naming the decider, the decider's answer is taken")
    func berurutan() throws {
        let (engine, context) = try Self.engine(Self.sop())
        let start = Date(timeIntervalSince1970: 1_736_150_400)
        var state = CaseState()
        func apply(_ events: [CaseEvent]) { for e in events { state.apply(e, in: context) } }
        apply(try engine.open(data: [:], at: start))
        #expect(throws: CaseRefusal(.badAnswer, "step 'periksa' is decided by kadis (Kadis): only they answer 'Sesuai?'; kabid signs off without an answer")) {
            try engine.act(on: state, step: "periksa", as: "kabid", answer: "Ya", at: start)
        }
        apply(try engine.act(on: state, step: "periksa", as: "kabid", at: start))
        apply(try engine.act(on: state, step: "periksa", as: "kadis", answer: "Tidak", at: start))
        #expect(state.status == .exited)
    }

    @Test("bersama: the decider answers after the others; salah_satu: only the decider completes the step")
    func otherModes() throws {
        let start = Date(timeIntervalSince1970: 1_736_150_400)
        do {
            let (engine, context) = try Self.engine(Self.sop(mode: "bersama"))
            var state = CaseState()
            for e in try engine.open(data: [:], at: start) { state.apply(e, in: context) }
            #expect(throws: CaseRefusal(.outOfTurn, "step 'periksa' is decided by kadis (Kadis), who answers after the others have signed off: waiting for kabid")) {
                try engine.act(on: state, step: "periksa", as: "kadis", answer: "Ya", at: start)
            }
        }
        do {
            let (engine, context) = try Self.engine(Self.sop(mode: "salah_satu"))
            var state = CaseState()
            for e in try engine.open(data: [:], at: start) { state.apply(e, in: context) }
            #expect(throws: CaseRefusal(.wrongPerformer, "step 'periksa' is decided by kadis (Kadis), who completes it (salah_satu); kabid cannot complete it in their place")) {
                try engine.act(on: state, step: "periksa", as: "kabid", at: start)
            }
            for e in try engine.act(on: state, step: "periksa", as: "kadis", answer: "Ya", at: start) { state.apply(e, in: context) }
            #expect(state.status == .completed)
        }
    }

    @Test("sop run gives the answer to the decider, whatever the order of pelaksana in a bersama step")
    func standardRun() throws {
        let (engine, _) = try Self.engine(Self.sop(mode: "bersama", performers: "[kadis, kabid]"))
        let run = StandardRun(engine: engine, answers: ["periksa": ["Tidak"]])
        let (_, state) = try run.run(data: [:], start: Date(timeIntervalSince1970: 1_736_150_400))
        #expect(state.status == .exited)
    }
}
