import Foundation
import Testing
@testable import SOPKit

@Suite("Interpreter semantics")
struct EngineTests {
    /// A case of the reference SOP opened Monday 6 January 2025, 08:00 WIB.
    private func openedCase(_ f: EngineFixture, putusSekolah: Bool = true) throws -> CaseState {
        let events = try f.engine.open(data: ["nama_anak": "Budi", "putus_sekolah": putusSekolah ? "true" : "false"],
                                       at: f.at("2025-01-06T08:00"))
        return f.applying(events, to: CaseState())
    }

    @Test("opening starts the first step and sets the whole case's deadline (jangka waktu 1 tahun)")
    func open() throws {
        let f = try EngineFixture("anak-jalanan")
        let state = try openedCase(f)
        #expect(state.status == .open)
        #expect(state.path == ["perintah-spt"])
        #expect(f.format(state.runs[0].due) == "2025-01-06T08:15:00+07:00")
        #expect(f.format(state.deadline) == "2026-01-06T08:00:00+07:00")
    }

    @Test("bad case data is refused with every problem named")
    func badData() throws {
        let f = try EngineFixture("anak-jalanan")
        #expect(throws: CaseRefusal.self) { try f.engine.open(data: ["putus_sekolah": "yes", "umurr": "9"], at: f.at("2025-01-06")) }
        do {
            _ = try f.engine.open(data: ["putus_sekolah": "yes", "umurr": "9"], at: f.at("2025-01-06"))
        } catch {
            #expect(error.reason == .badData)
            #expect(error.message.contains("putus_sekolah: 'yes' is not a boolean (true or false); write true"))
            #expect(error.message.contains("unknown case field 'umurr'"))
            #expect(error.message.contains("missing required case field 'nama_anak'"))
        }
    }

    @Test("berurutan: the Kasi first, then the petugas; out of turn is refused naming who is next")
    func sequenceMode() throws {
        let f = try EngineFixture("anak-jalanan")
        let state = try openedCase(f)
        do {
            _ = try f.engine.act(on: state, step: "perintah-spt", as: "petugas", at: f.at("2025-01-06T08:05"))
            Issue.record("acting out of turn was allowed")
        } catch {
            #expect(error.reason == .outOfTurn)
            #expect(error.message == "step 'perintah-spt' is done in order (berurutan): waiting for kasi first")
        }
        let afterKasi = f.applying(try f.engine.act(on: state, step: "perintah-spt", as: "Kasie", at: f.at("2025-01-06T08:05")), to: state)
        #expect(afterKasi.runs[0].signedOff.map(\.performer) == ["kasi"])
        #expect(!afterKasi.runs[0].isCompleted)
        let done = f.applying(try f.engine.act(on: afterKasi, step: "perintah-spt", as: "petugas", at: f.at("2025-01-06T08:12")), to: afterKasi)
        #expect(done.runs[0].isCompleted)
        #expect(done.path == ["perintah-spt", "disposisi-spt"])
        #expect(done.holds("Surat Perintah Tugas"))
        #expect(done.documents.first?.step == "perintah-spt")
    }

    @Test("a performer the step does not list is refused, naming who may act")
    func wrongPerformer() throws {
        let f = try EngineFixture("anak-jalanan")
        let state = try openedCase(f)
        do {
            _ = try f.engine.act(on: state, step: "perintah-spt", as: "kadis", at: f.at("2025-01-06T08:05"))
            Issue.record("a wrong performer was allowed")
        } catch {
            #expect(error.reason == .wrongPerformer)
            #expect(error.message == "Pimpinan SKPD (kadis) does not perform step 'perintah-spt'; on step 'perintah-spt' next in order: kasi (Kasi), petugas (Petugas)")
        }
        #expect(throws: CaseRefusal.self) { try f.engine.act(on: state, step: "perintah-spt", as: "lurah", at: f.at("2025-01-06T08:05")) }
    }

    /// A PBI application with every persyaratan, worked up to the Kasubkor's verification.
    private func atVerification(_ f: EngineFixture) throws -> CaseState {
        var state = f.applying(try f.engine.open(data: ["nama_pemohon": "Siti"], documents: f.context.definition.persyaratan.map(\.value),
                                                 at: f.at("2025-02-03T08:00")), to: CaseState())
        for (step, who) in [("terima-permohonan", "front-office"), ("sampaikan-kadis", "sekretariat"), ("disposisi", "kadis"),
                            ("terima-disposisi", "kabid-linjamsos")] {
            state = f.applying(try f.engine.act(on: state, step: step, as: who, at: f.at("2025-02-03T09:00")), to: state)
        }
        return state
    }

    @Test("bersama: every performer signs, in any order; salah_satu: the first signer completes it")
    func togetherAndAnyOne() throws {
        let f = try EngineFixture("rekomendasi-reaktivasi-pbi")
        var state = try atVerification(f)
        state = f.applying(try f.engine.act(on: state, step: "verifikasi", as: "kasubkor", answer: "Ya", at: f.at("2025-02-03T09:30")), to: state)
        state = f.applying(try f.engine.act(on: state, step: "buat-rekomendasi", as: "kasubkor-linjamsos", at: f.at("2025-02-03T10:00")), to: state)
        #expect(state.latestRun(of: "tandatangani-rekomendasi") != nil)
        // Any one of Kabid, Sekretaris Dinas or Kepala Dinas signs; the Sekretaris is first here.
        state = f.applying(try f.engine.act(on: state, step: "tandatangani-rekomendasi", as: "Sekdis", at: f.at("2025-02-03T10:30")), to: state)
        #expect(state.latestRun(of: "tandatangani-rekomendasi")?.signedOff.map(\.performer) == ["sekdis"])
        #expect(state.latestRun(of: "tandatangani-rekomendasi")?.isCompleted == true)
        do {
            _ = try f.engine.act(on: state, step: "tandatangani-rekomendasi", as: "kadis", at: f.at("2025-02-03T10:40"))
            Issue.record("a second alternative signer was allowed")
        } catch {
            #expect(error.reason == .stepNotActive)
        }
        state = f.applying(try f.engine.act(on: state, step: "serahkan-rekomendasi", as: "front-office", at: f.at("2025-02-03T11:00")), to: state)
        #expect(state.status == .completed)
    }

    @Test("the kelengkapan gate names what is missing and who would produce it; bringing it lets the step go")
    func kelengkapanGate() throws {
        let f = try EngineFixture("rekomendasi-reaktivasi-pbi")
        let brought = f.context.definition.persyaratan.map(\.value).filter { !$0.hasPrefix("Foto rumah") }
        let state = f.applying(try f.engine.open(data: ["nama_pemohon": "Siti"], documents: brought, at: f.at("2025-02-03T08:00")),
                               to: CaseState())
        do {
            _ = try f.engine.act(on: state, step: "terima-permohonan", as: "front-office", at: f.at("2025-02-03T08:10"))
            Issue.record("a step with missing kelengkapan was allowed")
        } catch {
            #expect(error.reason == .missingKelengkapan)
            #expect(error.message == "step 'terima-permohonan' cannot be done: missing kelengkapan 'Foto rumah (depan, samping, belakang, dalam)' (brought by the case (persyaratan))")
        }
        let events = try f.engine.act(on: state, step: "terima-permohonan", as: "front-office",
                                      documents: ["Foto rumah (depan, samping, belakang, dalam)"], at: f.at("2025-02-03T08:10"))
        let after = f.applying(events, to: state)
        #expect(after.runs[0].isCompleted)
        #expect(after.holds("Berkas permohonan"))
    }

    @Test("a missing kelengkapan produced by a step names that step")
    func kelengkapanProducer() throws {
        let f = try EngineFixture("pembuatan-duk")
        let missing = f.engine.missingKelengkapan(try #require(f.context.definition.step("buat-duk")), held: CaseState())
        #expect(missing.map(\.document) == ["ATK", "Data Pegawai", "Draft DUK"])
        #expect(missing.last?.producers == ["konsep-duk", "periksa-konsep"])
    }

    @Test("a rule decides by itself: a child who dropped out goes to pendampingan, one who did not skips it",
          arguments: [(true, "pendampingan"), (false, "support-group")])
    func ruleDecision(putusSekolah: Bool, next: String) throws {
        let f = try EngineFixture("anak-jalanan")
        var state = try openedCase(f, putusSekolah: putusSekolah)
        for (step, who) in [("perintah-spt", "kasi"), ("perintah-spt", "petugas"), ("disposisi-spt", "kabid"), ("disposisi-spt", "kadis"),
                            ("penjangkauan", "kasi"), ("penjangkauan", "peksos")] {
            state = f.applying(try f.engine.act(on: state, step: step, as: who, at: f.at("2025-01-06T09:00")), to: state)
        }
        do {
            _ = try f.engine.act(on: state, step: "penjangkauan", as: "petugas", answer: "Ya", at: f.at("2025-01-06T10:00"))
            Issue.record("an answer to a rule-decided decision was allowed")
        } catch {
            #expect(error.reason == .badAnswer)
        }
        state = f.applying(try f.engine.act(on: state, step: "penjangkauan", as: "petugas", at: f.at("2025-01-06T10:00")), to: state)
        #expect(state.latestRun(of: "penjangkauan")?.outcome == (putusSekolah ? "Ya" : "Tidak"))
        #expect(state.latestRun(of: "penjangkauan")?.decidedByRule == true)
        #expect(state.path.last == next)
    }

    @Test("a decision answered by a performer must get one of its outcomes; Tidak loops back and the round is counted")
    func answeredDecisionAndLoop() throws {
        let f = try EngineFixture("pembuatan-duk")
        var state = f.applying(try f.engine.open(data: ["tahun": "2025"], documents: ["ATK", "Data Pegawai"], at: f.at("2025-03-03T08:00")),
                               to: CaseState())
        state = f.applying(try f.engine.act(on: state, step: "kumpulkan-data", as: "staf", at: f.at("2025-03-03T08:30")), to: state)
        state = f.applying(try f.engine.act(on: state, step: "konsep-duk", as: "staf", at: f.at("2025-03-03T08:40")), to: state)
        do {
            _ = try f.engine.act(on: state, step: "periksa-konsep", as: "kasubbag-umpeg", at: f.at("2025-03-03T08:50"))
            Issue.record("a decision without an answer was allowed")
        } catch {
            #expect(error.reason == .answerNeeded)
            #expect(error.message == "step 'periksa-konsep' is a decision (Konsep DUK sesuai?): answer one of 'Ya', 'Tidak'")
        }
        do {
            _ = try f.engine.act(on: state, step: "periksa-konsep", as: "kasubbag-umpeg", answer: "Mungkin", at: f.at("2025-03-03T08:50"))
            Issue.record("a bad answer was allowed")
        } catch {
            #expect(error.message == "'Mungkin' is not an outcome of step 'periksa-konsep'; answer one of 'Ya', 'Tidak'")
        }
        state = f.applying(try f.engine.act(on: state, step: "periksa-konsep", as: "kasubbag-umpeg", answer: "tidak", at: f.at("2025-03-03T08:50")), to: state)
        #expect(state.path == ["kumpulkan-data", "konsep-duk", "periksa-konsep", "konsep-duk"])
        #expect(state.latestRun(of: "konsep-duk")?.round == 2)
        state = f.applying(try f.engine.act(on: state, step: "konsep-duk", as: "staf", at: f.at("2025-03-03T09:00")), to: state)
        state = f.applying(try f.engine.act(on: state, step: "periksa-konsep", as: "kasubbag-umpeg", answer: "Ya", at: f.at("2025-03-03T09:10")), to: state)
        #expect(state.latestRun(of: "periksa-konsep")?.round == 2)
        #expect(state.path.last == "buat-duk")
    }

    @Test("an outcome that ends the procedure exits the case early")
    func earlyExit() throws {
        let f = try EngineFixture("rekomendasi-reaktivasi-pbi")
        var state = try atVerification(f)
        state = f.applying(try f.engine.act(on: state, step: "verifikasi", as: "kasubkor", answer: "Tidak", at: f.at("2025-02-03T09:30")), to: state)
        state = f.applying(try f.engine.act(on: state, step: "kembalikan-berkas", as: "front-office", at: f.at("2025-02-03T10:00")), to: state)
        #expect(state.status == .exited)
        #expect(state.path.last == "kembalikan-berkas")
        #expect(throws: CaseRefusal.self) { try f.engine.act(on: state, step: "buat-rekomendasi", as: "kasubkor", at: f.at("2025-02-03T11:00")) }
    }

    @Test("nothing can be done on a step before it started")
    func noActionBeforeStart() throws {
        let f = try EngineFixture("anak-jalanan")
        let state = try openedCase(f)
        do {
            _ = try f.engine.act(on: state, step: "perintah-spt", as: "kasi", at: f.at("2025-01-05T08:00"))
            Issue.record("an action before the step started was allowed")
        } catch {
            #expect(error.reason == .badTime)
        }
    }
}

@Suite("Standard run")
struct StandardRunTests {
    @Test("without a rule or a given answer, the run asks (as a terminal user is asked) and goes on with the reply")
    func asks() throws {
        let f = try EngineFixture("pembuatan-duk")
        let asked = Counter()
        let run = StandardRun(engine: f.engine, ask: { step, decision in
            asked.increment()
            return asked.value == 1 ? "Tidak" : "Ya"
        })
        let result = try run.run(data: ["tahun": "2025"], start: f.at("2025-03-03T08:00"))
        #expect(asked.value == 2)
        #expect(result.state.status == .completed)
        #expect(result.state.path.filter { $0 == "konsep-duk" }.count == 2)
    }

    @Test("every step takes exactly its waktu, so nothing is overdue and actual equals standard")
    func onTime() throws {
        let f = try EngineFixture("anak-jalanan")
        let result = try StandardRun(engine: f.engine).run(data: ["nama_anak": "A", "putus_sekolah": "true"], start: f.at("2025-01-06T08:00"))
        let report = CaseReport(state: result.state, context: f.context, now: result.state.endedAt ?? Date())
        #expect(report.overdue.isEmpty)
        for row in report.rows where row.sessionsAttended == nil {
            #expect(row.actualMinutes == row.standardMinutes)
        }
        #expect(report.rows.map(\.standardMinutes).prefix(4) == [15, 15, 450, 900])
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}
