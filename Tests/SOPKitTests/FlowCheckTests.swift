import Foundation
import Testing
@testable import SOPKit

/// The flow checks an author relies on (issue 14 findings 2, 4, 5): kelengkapan available on every
/// path (a must-analysis, and the engine agrees), `selesai: true` ends the flow, SOP310 at the
/// step where the paths go wrong, and empty required text.
@Suite("Flow checks: kelengkapan on every path, selesai, SOP310, empty text")
struct FlowCheckTests {
    static let head = """
        id: contoh
        nama: Contoh
        unit:
          dinas: Dinas Sosial
        pelaksana:
          - id: staf
            nama: Staf
        langkah:

        """

    static func load(_ steps: String) -> SOPLoader.Result { SOPLoader().load(text: head + steps, file: "contoh.yaml") }

    static func engine(_ definition: SOPDefinition) throws -> (CaseEngine, CaseContext) {
        let (calendar, _) = CalendarStore.load(id: definition.time.calendar, searchingFrom: TestPaths.sops.path)
        let context = CaseContext(definition: definition, calendar: try #require(calendar))
        return (CaseEngine(context: context), context)
    }

    static let branchOnly = """
          - id: periksa
            uraian: Memeriksa berkas
            pelaksana: staf
            keputusan:
              pertanyaan: Perlu survei?
              hasil:
                - label: Ya
                  lanjut: survei
                - label: Tidak
                  lanjut: rekomendasi
          - id: survei
            uraian: Melakukan survei
            pelaksana: staf
            output: Laporan survei
          - id: rekomendasi
            uraian: Membuat rekomendasi
            pelaksana: staf
            kelengkapan: Laporan survei
        """

    @Test("a document made only on the Ya branch: SOP311 at the kelengkapan names the Tidak branch, and the engine stops there")
    func branchOnlyDocument() throws {
        let result = Self.load(Self.branchOnly)
        let warnings = result.diagnostics.filter { $0.code == "SOP311" }
        #expect(warnings.count == 1)
        #expect(warnings.first.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == "26:18")
        #expect(warnings.first?.message.contains("on the path where step 'periksa' goes 'Tidak'") == true)
        // The engine agrees: a case that goes Tidak is stuck on the missing document.
        let definition = try #require(result.definition)
        let (engine, _) = try Self.engine(definition)
        let stopped = #expect(throws: StandardRunStopped.self) {
            _ = try StandardRun(engine: engine, answers: ["periksa": ["Tidak"]]).run(data: [:], start: Date(timeIntervalSince1970: 1_736_150_400))
        }
        #expect(stopped?.refusal.reason == .missingKelengkapan)
    }

    @Test("produced on both branches, or brought as persyaratan: available")
    func everyPath() {
        let both = Self.branchOnly.replacingOccurrences(of: "    uraian: Memeriksa berkas\n", with: "    uraian: Memeriksa berkas\n    output: Laporan survei\n")
        #expect(Self.load(both).diagnostics.filter { $0.code == "SOP311" }.isEmpty)
        let brought = SOPLoader().load(text: Self.head.replacingOccurrences(of: "langkah:\n", with: "persyaratan: Laporan survei\nlangkah:\n") + Self.branchOnly, file: "contoh.yaml")
        #expect(brought.diagnostics.filter { $0.code == "SOP311" }.isEmpty)
    }

    /// A small deterministic generator (SplitMix64), so failures replay.
    struct Random {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476C_E5E4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    /// A random SOP of a few steps: decisions whose outcomes jump forward or back, and documents
    /// produced and needed at random.
    static func randomSOP(_ r: inout Random) -> (text: String, decisions: [String: [String]]) {
        let n = 2 + r.next(6)
        let docs = ["Surat A", "Surat B", "Surat C"]
        var text = "", decisions: [String: [String]] = [:]
        for i in 0..<n {
            text += "  - id: s\(i)\n    uraian: Langkah \(i)\n    pelaksana: staf\n"
            if r.next(3) == 0 { text += "    output: \(docs[r.next(3)])\n" }
            if r.next(2) == 0 { text += "    kelengkapan: \(docs[r.next(3)])\n" }
            if i < n - 1, r.next(3) == 0 {
                let a = r.next(n), b = i + 1 + r.next(n - i - 1)
                text += "    keputusan:\n      pertanyaan: Lanjut?\n      hasil:\n"
                text += "        - label: Ya\n          lanjut: \(a == i ? "selesai" : "s\(a)")\n"
                text += "        - label: Tidak\n          lanjut: s\(b)\n"
                decisions["s\(i)"] = (0..<4).map { _ in r.next(2) == 0 ? "Ya" : "Tidak" }
            }
        }
        return (text, decisions)
    }

    @Test("a validated SOP (no error, no SOP311) never stops on kelengkapan on any path the run takes")
    func validatorAndEngineAgree() throws {
        var r = Random(state: 14)
        var checked = 0, flagged = 0
        for _ in 0..<400 {
            let (text, decisions) = Self.randomSOP(&r)
            let result = Self.load(text)
            guard let definition = result.definition, !result.diagnostics.contains(where: { $0.severity == .error }) else { continue }
            let warned = result.diagnostics.contains { $0.code == "SOP311" }
            if warned { flagged += 1; continue }
            checked += 1
            let (engine, _) = try Self.engine(definition)
            // Every combination of the first answers of each decision, each a separate run.
            for variant in 0..<4 {
                var answers = decisions
                for key in answers.keys.sorted() { answers[key] = Array((answers[key] ?? []).dropFirst(variant % 2)) + ["Ya", "Tidak"] }
                do {
                    _ = try StandardRun(engine: engine, answers: answers).run(data: [:], start: Date(timeIntervalSince1970: 1_736_150_400))
                } catch {
                    #expect(error.refusal.reason != .missingKelengkapan, "\(text)\n\(error.refusal.message)")
                }
            }
        }
        #expect(checked > 50)
        #expect(flagged > 10)
    }

    @Test("selesai: true ends the flow there: the run does not walk into the next row")
    func selesaiEnds() throws {
        let steps = """
              - id: periksa
                uraian: Memeriksa berkas
                pelaksana: staf
                keputusan:
                  pertanyaan: Lengkap?
                  hasil:
                    - label: Ya
                      lanjut: proses
                    - label: Tidak
                      lanjut: tolak
              - id: tolak
                selesai: true
                uraian: Menolak berkas
                pelaksana: staf
              - id: proses
                uraian: Memproses berkas
                pelaksana: staf
            """
        let result = Self.load(steps)
        let definition = try #require(result.definition, "\(result.diagnostics)")
        let (engine, _) = try Self.engine(definition)
        let (events, state) = try StandardRun(engine: engine, answers: ["periksa": ["Tidak"]]).run(data: [:], start: Date(timeIntervalSince1970: 1_736_150_400))
        #expect(state.status == .completed)
        #expect(!events.contains { if case .stepStarted("proses") = $0.kind { true } else { false } })
    }

    @Test("selesai: true with a lanjut to a step is SOP326 at the lanjut")
    func selesaiContradicted() {
        let steps = """
              - id: satu
                selesai: true
                uraian: Langkah satu
                pelaksana: staf
                lanjut: dua
              - id: dua
                uraian: Langkah dua
                pelaksana: staf
            """
        let d = Self.load(steps).diagnostics.filter { $0.code == "SOP326" }
        #expect(d.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == ["13:13"])
    }

    @Test("SOP310 points at the step whose flow ends early, not at the first step")
    func noPathToEnd() {
        let steps = """
              - id: satu
                uraian: Langkah satu
                pelaksana: staf
              - id: dua
                uraian: Langkah dua
                pelaksana: staf
                lanjut: keluar
            """
        let d = Self.load(steps).diagnostics.filter { $0.code == "SOP310" }
        #expect(d.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == ["15:13"])
        #expect(d.first?.message.contains("at step 'dua'") == true)
    }

    @Test("empty required text is SOP202 at its key", arguments: [("nama: Contoh", "nama: \"\"", "2:1"), ("    uraian: Langkah satu", "    uraian: \"  \"", "10:5")])
    func emptyRequired(_ edit: (String, String, String)) {
        let steps = "  - id: satu\n    uraian: Langkah satu\n    pelaksana: staf\n"
        let text = (Self.head + steps).replacingOccurrences(of: edit.0, with: edit.1)
        let d = SOPLoader().load(text: text, file: "contoh.yaml").diagnostics.filter { $0.code == "SOP202" }
        #expect(d.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == [edit.2])
    }
}

@Suite("Long runs")
struct LongRunTests {
    @Test("sop run on a valid straight SOP of 50,000 steps runs to the end: the loop guard counts loops, not steps")
    func fiftyThousandSteps() throws {
        var text = FlowCheckTests.head
        text.reserveCapacity(5_000_000)
        for i in 0..<50_000 { text += "  - id: s\(i)\n    uraian: Langkah \(i)\n    pelaksana: staf\n    waktu: 1 menit\n" }
        let result = SOPLoader().load(text: text, file: "contoh.yaml")
        let definition = try #require(result.definition, "\(result.diagnostics.prefix(3))")
        let (engine, _) = try FlowCheckTests.engine(definition)
        let (_, state) = try StandardRun(engine: engine).run(data: [:], start: Date(timeIntervalSince1970: 1_736_150_400))
        #expect(state.status == .completed)
        #expect(state.runs.count == 50_000)
    }

    @Test("a rule that keeps sending the case back is still stopped, naming the loop")
    func loopGuard() throws {
        let steps = """
              - id: ulang
                uraian: Memeriksa lagi
                pelaksana: staf
                keputusan:
                  pertanyaan: Ulang?
                  hasil:
                    - label: Ya
                      lanjut: ulang
                    - label: Tidak
                      lanjut: selesai
            """
        let definition = try #require(FlowCheckTests.load(steps).definition)
        let (engine, _) = try FlowCheckTests.engine(definition)
        var run = StandardRun(engine: engine, answers: ["ulang": Array(repeating: "Ya", count: 50)])
        run.maxRuns = 20
        let stopped = #expect(throws: StandardRunStopped.self) {
            _ = try run.run(data: [:], start: Date(timeIntervalSince1970: 1_736_150_400))
        }
        #expect(stopped?.refusal.message.contains("went back to steps already done more than 20 times") == true)
    }
}

@Suite("Waktu as real SOPs write it")
struct WaktuRealFormsTests {
    @Test("a duration with a remark on when the clock starts or a condition: parsed, the remark kept", arguments: [
        ("1 hari setelah persyaratan dilengkapi", "1 hari kerja", "setelah persyaratan dilengkapi"),
        ("Maksimal 15 (lima belas) menit terhitung persyaratan diterima lengkap", "maksimal 15 menit", "terhitung persyaratan diterima lengkap"),
        ("60 (enam puluh) menit jika berkas telah lengkap dan pejabat berwenang berada di tempat", "60 menit",
         "jika berkas telah lengkap dan pejabat berwenang berada di tempat"),
        ("3 hari sejak berkas diterima.", "3 hari kerja", "sejak berkas diterima"),
    ])
    func remark(_ form: (String, String, String)) throws {
        let parsed = WaktuParser.parse(form.0)
        let waktu = try #require(parsed.waktu, "\(parsed.problems)")
        #expect(waktu.description == form.1)
        #expect(waktu.remark == form.2)
        #expect(parsed.problems.isEmpty)
        #expect(waktu.raw == form.0)
    }

    @Test("other trailing text is still SOP401; a parenthesised remark SOP403, as docs/diagnostics.md says")
    func otherTrailingText() {
        #expect(WaktuParser.parse("2 hari kemudian").waktu == nil)
        let paren = WaktuParser.parse("2 hari (sejak berkas lengkap)")
        #expect(paren.waktu != nil)
        #expect(paren.problems.map(\.severity) == [.warning])
        #expect(paren.problems.first?.code == nil)   // SOP403, the general warning
    }

    @Test("24 jam: SOP408 says how it is counted and suggests 1 hari or 1 x 24 jam; 1 x 24 jam and 7 jam are quiet")
    func twentyFourHours() {
        let p = WaktuParser.parse("24 jam")
        #expect(p.problems.map { $0.code } == ["SOP408"])
        #expect(p.problems.first?.message.contains("3 hari kerja 1 jam 30 menit") == true)
        #expect(p.problems.first?.message.contains("'1 hari'") == true)
        #expect(p.problems.first?.message.contains("'1 x 24 jam'") == true)
        #expect(WaktuParser.parse("48 jam").problems.first?.message.contains("'2 x 24 jam'") == true)
        #expect(WaktuParser.parse("1 x 24 jam").problems.isEmpty)
        #expect(WaktuParser.parse("7 jam").problems.isEmpty)
        #expect(WaktuParser.parse("maksimal 24 jam").problems.map { $0.code } == ["SOP408"])
    }

    @Test("sop show --format json tells working from calendar time: 24 jam and 1 x 24 jam are both 1440 minutes")
    func jsonCounting() {
        func json(_ text: String) -> String {
            SOPJSON.waktu(WaktuParser.parse(text).waktu).serialized(indent: nil).replacingOccurrences(of: " ", with: "")
        }
        #expect(json("24 jam").contains("\"counted\":\"working\""))
        #expect(json("1 x 24 jam").contains("\"counted\":\"calendar\""))
        #expect(json("1 hari setelah berkas lengkap").contains("\"remark\":\"setelahberkaslengkap\""))
    }

    @Test("a run of an SOP whose steps carry no waktu is measured against waktu.total")
    func runAgainstTotal() throws {
        let text = FlowCheckTests.head.replacingOccurrences(of: "pelaksana:\n", with: "waktu:\n  total: 2 jam\npelaksana:\n", options: [], range: nil)
            + "  - id: satu\n    uraian: Langkah satu\n    pelaksana: staf\n"
        let definition = try #require(SOPLoader().load(text: text, file: "contoh.yaml").definition)
        let (engine, context) = try FlowCheckTests.engine(definition)
        let start = Date(timeIntervalSince1970: 1_736_150_400)
        let (_, state) = try StandardRun(engine: engine).run(data: [:], start: start)
        let report = CaseReport(state: state, context: context, now: start)
        #expect(report.standardFromTotal)
        #expect(report.standardTotalMinutes == 120)
        // The summary line wraps at 80 columns under its value.
        #expect(report.text().replacingOccurrences(of: "\n           ", with: " ").contains("against a standard of 2 jam (the SOP's waktu.total"))
    }
}
