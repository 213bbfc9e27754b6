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
    }
}
