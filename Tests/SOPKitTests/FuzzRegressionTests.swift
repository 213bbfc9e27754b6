import Foundation
import Testing
import SOPJournal
@testable import SOPKit

/// Every input the fuzzers (scripts/fuzz.sh) found a problem with is kept in
/// `Fixtures/fuzz-regressions/` and replayed here through both fuzz targets: the SOP loader and
/// validator, and the scenario loader. Each must complete without a crash, and every error must
/// carry a location inside the input. Time is not asserted (machines are noisy): a hang shows as
/// a test that does not complete; scripts/fuzz.sh measures the time of every input.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("fuzz-regressions")
    static let files: [URL] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { !$0.hasPrefix(".") }
        .sorted()
        .map { folder.appendingPathComponent($0) }
        .filter { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }

    static func checkLocated(_ diagnostics: [Diagnostic], _ bytes: [UInt8], _ name: String) {
        let lines = DiagnosticPlacement.yamlLineCount(bytes)
        for d in diagnostics where d.severity == .error {
            #expect(d.location != nil, "\(name): error \(d.code) has no location: \(d.message.prefix(120))")
            if let at = d.location {
                #expect(at.line >= 1 && at.column >= 1 && at.line <= lines + 1,
                        "\(name): error \(d.code) at \(at) is outside the input (\(lines) lines)")
            }
        }
    }

    @Test("there are regression fixtures")
    func present() {
        #expect(Self.files.count >= 3)
    }

    @Test("the SOP loader and validator complete on every fuzz regression, with every error located", arguments: files)
    func loader(_ file: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: file))
        // No file name: the loader would put an unlocated diagnostic of a named file at 1:1.
        let result = SOPLoader().load(bytes: bytes, file: nil,
                                      validator: SOPValidator(folderSOPIDs: ["anak-jalanan", "pembuatan-duk"], fileStem: nil))
        Self.checkLocated(result.diagnostics, bytes, file.lastPathComponent)
        if result.diagnostics.hasErrors { #expect(result.definition == nil) }
    }

    @Test("the scenario loader completes on every fuzz regression, with every error located", arguments: files)
    func scenario(_ file: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: file))
        let composed = YAMLComposer().compose(bytes, file: nil)
        var diagnostics = composed.diagnostics
        if let root = composed.root {
            let built = ScenarioLoader().build(root, file: nil)
            diagnostics += built.diagnostics
            if built.diagnostics.hasErrors { #expect(built.scenario == nil) }
        }
        Self.checkLocated(diagnostics, bytes, file.lastPathComponent)
    }

    @Test("a waktu repeating a unit thousands of times gives one warning per unit, not one per repetition")
    func repeatedUnit() {
        let parsed = WaktuParser.parse(String(repeating: "1 jam ", count: 2000) + "30 menit 30 menit")
        #expect(parsed.waktu != nil)
        // One SOP403 per repeated unit, and SOP408: 2,000 hours counted as office time.
        #expect(parsed.problems.filter { $0.code == nil }.count == 2)
        #expect(parsed.problems.compactMap(\.code) == ["SOP408"])
    }

    @Test("did-you-mean suggestions are those of the full edit distance (the banded one agrees up to its bound)")
    func suggestions() {
        // The suggestion as computed before the banded distance: the full table for every candidate.
        func reference(_ word: String, _ candidates: [String]) -> String? {
            let lowered = word.lowercased()
            var best: (String, Int)?
            for candidate in candidates {
                let distance = Suggestion.editDistance(lowered, candidate.lowercased())
                if best == nil || distance < best!.1 { best = (candidate, distance) }
            }
            guard let (candidate, distance) = best else { return nil }
            let limit = max(1, min(3, (max(word.count, candidate.count) + 2) / 4))
            if distance <= limit { return candidate }
            guard lowered.count >= 4 else { return nil }
            let prefixed = candidates.filter { $0.lowercased().hasPrefix(lowered) }
            return prefixed.count == 1 ? prefixed.first : nil
        }
        var random = SplitMix(seed: 42)
        let alphabet = Array("abcAB -")
        func word() -> String { String((0..<Int(random.next() % 10)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }) }
        func mutate(_ w: String) -> String {
            var b = Array(w)
            for _ in 0..<Int(random.next() % 5) {
                let i = b.isEmpty ? 0 : Int(random.next() % UInt64(b.count))
                switch random.next() % 4 {
                case 0: b.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: i)
                case 1: if !b.isEmpty { b.remove(at: i) }
                case 2: if !b.isEmpty { b[i] = alphabet[Int(random.next() % UInt64(alphabet.count))] }
                default: if i + 1 < b.count { b.swapAt(i, i + 1) }
                }
            }
            return String(b)
        }
        for _ in 0..<2000 {
            let base = word()
            let candidates = (0..<Int(1 + random.next() % 5)).map { _ in random.next() % 2 == 0 ? mutate(base) : word() }
            let probe = mutate(base)
            #expect(Suggestion.closest(to: probe, in: candidates) == reference(probe, candidates), "\(probe) in \(candidates)")
        }
        // A long name against long, similar names completes (it took 186 ms; the full table is quadratic).
        let long = String(repeating: "1 jam ", count: 4000)
        #expect(Suggestion.closest(to: long + "x", in: [long, long + "yz", "Surat"]) == long)
    }

    @Test("a folder holding an SOP saved with CRLF line ends finds its id (no false SOP315)")
    func crlfFolder() {
        let folder = Self.folder.appendingPathComponent("crlf-folder").path
        #expect(SOPFolder.sopIDs(in: folder) == ["alpha", "beta"])
        let files = SOPFolder.yamlFiles(under: folder)
        let diagnostics = FolderValidation.run(files: files).flatMap { $0 }
        #expect(!diagnostics.contains { $0.code == "SOP315" }, "\(diagnostics.map(\.message))")
    }

    @Test("stored event payloads read back the same through the flat reader as through JSONSerialization")
    func flatPayloads() throws {
        let at = Date(timeIntervalSince1970: 1_736_130_000)
        let texts = ["plain", "", "quote \" and back\\slash", "line\nbreak\ttab\r", "é ünïcode ✓ 🙂", "/slash", "\u{01}control"]
        var events: [CaseEvent] = []
        for t in texts {
            events += [
                CaseEvent(.stepStarted(step: t), at: at),
                CaseEvent(.signedOff(step: "s", performer: t, note: t), at: at),
                CaseEvent(.signedOff(step: "s", performer: "p", note: nil), at: at),
                CaseEvent(.documentProduced(name: t, step: nil), at: at),
                CaseEvent(.documentProduced(name: "d", step: t), at: at),
                CaseEvent(.decisionTaken(step: t, outcome: t, byRule: true), at: at),
                CaseEvent(.decisionTaken(step: "s", outcome: "Ya", byRule: false), at: at),
                CaseEvent(.stepCompleted(step: t), at: at),
                CaseEvent(.sessionAttended(step: t, occurrence: 12), at: at),
            ]
        }
        events += [CaseEvent(.ended(.completed), at: at), CaseEvent(.ended(.exited), at: at),
                   CaseEvent(.opened(data: ["a": .text("x\"y"), "n": .number(1.5), "b": .boolean(true)], documents: ["K"]), at: at)]
        for event in events {
            let payload = EventCoding.payload(event)
            let decoded = try EventCoding.decode(type: event.name, milliseconds: EventCoding.milliseconds(at), payload: payload,
                                                 format: EventCoding.formatVersion).get()
            #expect(decoded == event, "\(payload)")
        }
        // Payloads this version does not write (spacing, escapes, numbers as other types) decode as JSON does.
        for (type, payload, expected) in [
            ("step_started", #"{"step":"a\u00e9"}"#, CaseEvent.Kind.stepStarted(step: "aé")),
            ("step_started", #"{ "step" : "a" }"#, .stepStarted(step: "a")),
            ("session_attended", #"{"step":"s","occurrence":2.0}"#, .sessionAttended(step: "s", occurrence: 2)),
            ("decision_taken", #"{"step":"s","outcome":"Y","by_rule":true,"extra":null}"#, .decisionTaken(step: "s", outcome: "Y", byRule: true)),
            ("document_produced", #"{"name":"N","step":null}"#, .documentProduced(name: "N", step: nil)),
        ] {
            let decoded = try EventCoding.decode(type: type, milliseconds: 0, payload: payload, format: EventCoding.formatVersion).get()
            #expect(decoded.kind == expected, "\(payload)")
        }
        for (type, payload) in [("step_started", #"{"step":{"nested":1}}"#), ("step_completed", #"{"stepp":"a"}"#),
                                ("session_attended", #"{"step":"s","occurrence":"2"}"#)] {
            if case .success = EventCoding.decode(type: type, milliseconds: 0, payload: payload, format: EventCoding.formatVersion) {
                Issue.record("\(payload) should be refused as malformed")
            }
        }
    }
}
