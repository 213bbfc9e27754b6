import Foundation
import Testing
@testable import SOPKit

/// SOPs written as real ones are printed (Tests/SOPKitTests/Fixtures/printed): each loads with no
/// diagnostic at all, and each of their scenarios (one per outcome) replays and holds.
@Suite("Printed shapes")
struct PrintedShapesTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("printed")
    static let sops = TestPaths.files(in: folder, ext: "yaml").filter { !SOPFolder.isScenarioFile($0.path) }
    static let scenarios = TestPaths.files(in: folder, ext: "yaml").filter { SOPFolder.isScenarioFile($0.path) }

    @Test("every SOP written as printed loads with no diagnostics", arguments: sops)
    func loadsClean(_ file: URL) {
        let result = SOPLoader().load(path: file.path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.location.map(String.init(describing:)) ?? ""): \($0.message)" })")
        #expect(result.definition?.id == file.deletingPathExtension().lastPathComponent)
    }

    @Test("every scenario of the printed SOPs passes", arguments: scenarios)
    func scenarioPasses(_ file: URL) {
        let run = ScenarioFile.run(path: file.path)
        let passed = run.passed, problems = (run.diagnostics + run.failures).map(\.message)
        #expect(passed, "\(problems)")
    }

    @Test("each printed SOP has a scenario for every outcome of every decision")
    func everyOutcomeIsTaken() throws {
        for file in Self.sops {
            let sop = try #require(SOPLoader().load(path: file.path).definition)
            let runs = Self.scenarios.filter { $0.lastPathComponent.hasPrefix(sop.id + ".") }.compactMap { ScenarioFile.run(path: $0.path).outcome }
            var taken = Set<String>()
            for run in runs { for r in run.state.runs { if let o = r.outcome { taken.insert("\(r.stepID)=\(o)") } } }
            for step in sop.steps { for o in step.decision?.outcomes ?? [] {
                #expect(taken.contains("\(step.id)=\(o.label)"), "\(sop.id): no scenario takes '\(o.label)' at '\(step.id)'")
            } }
        }
    }

    static func load(_ id: String) throws -> EngineFixture {
        try EngineFixture(path: folder.appendingPathComponent("\(id).yaml").path)
    }

    // MARK: 1. The completeness check

    @Test("the completeness check: 'Tidak' (back to an earlier row) and 'keluar' are incomplete outcomes; 'Ya' needs the documents")
    func incompleteOutcomesByDefault() throws {
        let f = try Self.load("surat-keterangan-terlantar")
        let periksa = try #require(f.context.definition.step("periksa-kelengkapan")?.decision)
        #expect(periksa.outcomes.map(\.needsKelengkapan) == [true, false])
        let verifikasi = try #require(f.context.definition.step("verifikasi")?.decision)
        #expect(verifikasi.outcomes.map(\.needsKelengkapan) == [true, false])
    }

    @Test("'Tidak' is taken while a document is missing; 'Ya' is refused naming it")
    func answeredWhileMissing() throws {
        let f = try Self.load("surat-keterangan-terlantar")
        var state = f.applying(try f.engine.open(data: [:], documents: ["Fotokopi KTP"], at: f.at("2025-02-03T08:00")), to: CaseState())
        state = f.applying(try f.engine.act(on: state, step: "ajukan", as: "pemohon", at: f.at("2025-02-03T08:05")), to: state)
        #expect {
            _ = try f.engine.act(on: state, step: "periksa-kelengkapan", as: "petugas", answer: "Ya", at: f.at("2025-02-03T08:10"))
        } throws: { error in
            let refusal = error as? CaseRefusal
            return refusal?.reason == .missingKelengkapan && refusal?.message.contains("'Surat Pengantar RT/RW'") == true
                && refusal?.message.contains("'Fotokopi KK'") == true && refusal?.message.contains("only 'Tidak' may be taken") == true
        }
        state = f.applying(try f.engine.act(on: state, step: "periksa-kelengkapan", as: "petugas", answer: "Tidak", at: f.at("2025-02-03T08:10")), to: state)
        #expect(state.path == ["ajukan", "periksa-kelengkapan", "kembalikan"])
    }

    @Test("perlu_kelengkapan states the gate where the default guesses wrong")
    func explicitGate() throws {
        let text = """
        id: contoh
        nama: Contoh
        unit: {dinas: Dinas Sosial}
        persyaratan: [KTP]
        pelaksana: [{id: staf, nama: Staf}]
        langkah:
          - id: periksa
            uraian: Memeriksa berkas
            pelaksana: staf
            kelengkapan: KTP
            keputusan:
              pertanyaan: Lengkap?
              hasil:
                - {label: Ya, lanjut: selesai}
                - {label: Tidak, lanjut: catat, perlu_kelengkapan: false}
          - id: catat
            uraian: Mencatat berkas yang dikembalikan
            pelaksana: staf
            lanjut: selesai
        """
        let result = SOPLoader().load(text: text, file: "contoh.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let decision = try #require(result.definition?.step("periksa")?.decision)
        // By default 'Tidak' (on to a row that completes) would need the KTP too.
        #expect(decision.outcomes.map(\.needsKelengkapan) == [true, false])
        #expect(decision.outcomes[1].kelengkapanWritten?.value == false)
        let json = try #require(result.definition.map { SOPJSON.model($0).serialized(indent: nil) })
        #expect(json.contains("\"label\":\"Ya\",\"next\":\"selesai\",\"rule\":null,\"perlu_kelengkapan\":true"), "\(json)")
    }

    // MARK: 2. Decisions on a fact of the case, with nobody deciding

    @Test("a decision with no pelaksana is taken by its rule when the case reaches it, recorded as taken by the rule")
    func ruleOnlyDecision() throws {
        let f = try Self.load("santunan-korban-bencana")
        let step = try #require(f.context.definition.step("skala"))
        #expect(step.isRuleOnly && step.performers.isEmpty)
        var state = f.applying(try f.engine.open(data: ["nama_korban": "Siti", "skala_bencana": "mikro", "dirawat": "false"],
                                                 documents: ["Surat keterangan Lurah", "Fotokopi KTP korban"], at: f.at("2025-03-03T08:00")), to: CaseState())
        let events = try f.engine.act(on: state, step: "terima-laporan", as: "petugas", at: f.at("2025-03-03T08:30"))
        #expect(events.contains { $0.kind == .decisionTaken(step: "skala", outcome: "Mikro", byRule: true) })
        state = f.applying(events, to: state)
        #expect(state.path == ["terima-laporan", "skala", "asesmen"])
        #expect(state.latestRun(of: "skala")?.decidedByRule == true && state.latestRun(of: "skala")?.signedOff.isEmpty == true)
        #expect(state.activeRunIndices.map { state.runs[$0].stepID } == ["asesmen"])
    }

    @Test("a rule-only decision that cannot be decided refuses the command that reaches it, naming why; rules that loop are refused, not followed for ever")
    func ruleOnlyRefusals() throws {
        let text = """
        id: contoh
        nama: Contoh
        unit: {dinas: Dinas Sosial}
        data_kasus: {laka: {tipe: boolean}, ulang: {tipe: boolean}}
        pelaksana: [{id: staf, nama: Staf}]
        langkah:
          - id: terima
            uraian: Menerima laporan
            pelaksana: staf
          - id: laka
            uraian: Menentukan jenis kasus
            keputusan:
              pertanyaan: Korban kecelakaan lalu lintas?
              hasil:
                - {label: Ya, jika: laka, lanjut: ulang}
                - {label: Tidak, lanjut: selesai}
          - id: ulang
            uraian: Memeriksa ulang
            keputusan:
              pertanyaan: Ulang?
              hasil:
                - {label: Ya, jika: ulang, lanjut: laka}
                - {label: Tidak, lanjut: selesai}
        """
        let sop = try #require(SOPLoader().load(text: text, file: "contoh.yaml").definition)
        let (calendar, _) = CalendarStore.load(id: "indonesia", searchingFrom: TestPaths.sops.path)
        let engine = CaseEngine(context: CaseContext(definition: sop, calendar: try #require(calendar)))
        let start = Date(timeIntervalSince1970: 1_736_125_200)  // 2025-01-06T08:00+07:00
        func reaching(_ data: [String: String]) throws(CaseRefusal) -> [CaseEvent] {
            var state = CaseState()
            for e in try engine.open(data: data, at: start) { state.apply(e, in: engine.context) }
            return try engine.act(on: state, step: "terima", as: "staf", at: start.addingTimeInterval(600))
        }
        func refusal(_ data: [String: String]) -> CaseRefusal? {
            do throws(CaseRefusal) { _ = try reaching(data); return nil } catch { return error }
        }
        #expect(refusal([:])?.reason == .ruleFailed)
        #expect(refusal([:])?.message.contains("'laka' has no value") == true)
        #expect(refusal(["laka": "true", "ulang": "true"])?.message.contains("loop") == true)
        #expect(try reaching(["laka": "true", "ulang": "false"]).last?.kind == .ended(.completed))
    }

    @Test("the printed flowchart draws the rule-only diamond in the column the flow comes from; BPMN has a gateway and no task for it")
    func ruleOnlyDrawn() throws {
        let sop = try Self.load("santunan-korban-bencana").context.definition
        let html = SOPDocumentHTML().render(sop)
        #expect(html.contains("Diputuskan menurut data kasus (tanpa pelaksana)"))
        let diagram = SOPFlowDiagram(sop)
        #expect(!diagram.nodes.contains { $0.kind == .task && $0.stepID == "skala" })
        #expect(diagram.nodes.contains { $0.kind == .decision && $0.stepID == "skala" })
    }

    // MARK: 3. Documents needed only sometimes

    @Test("a conditional kelengkapan is needed only when its rule holds for the case, and printed with the condition")
    func conditionalKelengkapan() throws {
        let f = try Self.load("santunan-korban-bencana")
        let sop = f.context.definition
        let asesmen = try #require(sop.step("asesmen"))
        #expect(sop.printedKelengkapan(of: asesmen) == ["Berkas laporan bencana", "SK Tanggap Darurat (jika skala bencana adalah \u{201C}makro\u{201D})",
                                                        "Surat keterangan rawat inap (jika korban dirawat)"])
        var mikro = CaseState()
        mikro.data = ["skala_bencana": .text("mikro"), "dirawat": .boolean(false)]
        mikro.documents = [.init(name: "Berkas laporan bencana", step: nil, at: f.at("2025-03-03T08:00"))]
        #expect(f.engine.missingKelengkapan(asesmen, held: mikro).isEmpty)
        var makro = mikro
        makro.data["skala_bencana"] = .text("makro")
        #expect(f.engine.missingKelengkapan(asesmen, held: makro).map(\.document) == ["SK Tanggap Darurat"])
        // A rule that cannot be decided (no value) needs the document.
        mikro.data["dirawat"] = nil
        #expect(f.engine.missingKelengkapan(asesmen, held: mikro).map(\.document) == ["Surat keterangan rawat inap"])
        // A standard run brings the persyaratan whose rule holds, and only those.
        let run = try StandardRun(engine: f.engine).run(data: ["nama_korban": "A", "skala_bencana": "mikro", "dirawat": "false"], start: f.at("2025-03-03T08:00"))
        #expect(run.state.status == .completed)
        #expect(!run.state.holds("SK Tanggap Darurat") && run.state.holds("Surat keterangan lurah"))
    }

    @Test("a kelengkapan's own jika ({nama, jika}) is read, checked and kept in the model")
    func ownCondition() throws {
        let text = """
        id: contoh
        nama: Contoh
        unit: {dinas: Dinas Sosial}
        persyaratan: [KTP, Surat kuasa]
        data_kasus: {diwakilkan: {tipe: boolean}}
        pelaksana: [{id: staf, nama: Staf}]
        langkah:
          - id: terima
            uraian: Menerima berkas
            pelaksana: staf
            kelengkapan: [KTP, {nama: Surat kuasa, jika: diwakilkan}]
        """
        let result = SOPLoader().load(text: text, file: "contoh.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let step = try #require(result.definition?.step("terima"))
        #expect(step.kelengkapan.map(\.value) == ["KTP", "Surat kuasa"])
        #expect(step.condition(of: "surat  KUASA")?.value.source == "diwakilkan")
        #expect(result.definition.map { SOPJSON.model($0).serialized() }?.contains("Surat kuasa (jika diwakilkan)") == true)
    }

    // MARK: 6. Day-based standards in days

    @Test("a standard in days is reported in days (hari kerja), the others in minutes")
    func standardsInDays() throws {
        let run = ScenarioFile.run(path: Self.folder.appendingPathComponent("surat-keterangan-terlantar.lengkap.skenario.yaml").path)
        let report = try #require(run.outcome?.report)
        let verifikasi = try #require(report.rows.first { $0.step == "verifikasi" })
        #expect(verifikasi.standardDays == 1 && verifikasi.standardDayUnit == .hariKerja)
        #expect(report.rows.first { $0.step == "ajukan" }?.standardDays == nil)
        #expect(report.standardTotalText == "1 hari kerja + 45 menit")
        // The summary line wraps at 80 columns under its value.
        #expect(report.text().replacingOccurrences(of: "\n           ", with: " ").contains("against a standard of 1 hari kerja + 45 menit"))
        let json = report.json().serialized(indent: nil)
        #expect(json.contains("\"standard_days\":1") && json.contains("\"hari_kerja\":1"))
    }

    // MARK: 7. Batches

    @Test("a batch (a group row without berulang) counts its session: sessions.attended and sesi_hadir")
    func batchCounted() throws {
        let run = ScenarioFile.run(path: Self.folder.appendingPathComponent("rekomendasi-kolektif.tepat.skenario.yaml").path)
        let report = try #require(run.outcome?.report)
        #expect(report.sessions.attended == 1 && report.sessions.missed == 0)
        #expect(report.rows.first { $0.step == "rekomendasi-kolektif" }?.sessionsAttended == 1)
        #expect(report.json().serialized(indent: nil).contains("\"sessions\":{\"attended\":1,\"missed\":0}"))
        // The wait for the batch is the row's standard: due at the next scheduled date.
        let due = try #require(report.rows.first { $0.step == "rekomendasi-kolektif" }?.due)
        #expect(report.format(due).hasPrefix("2025-07-01T"))
    }
}
