import Foundation
import Testing
@testable import SOPKit

/// The BPMN export run on a real BPMN engine: for every shipped SOP (and the odd shapes of
/// `DiagramSamples`) and cases that take every outcome of every decision, SpiffWorkflow
/// (scripts/bpmn_crosscheck.py, which also validates the file against the BPMN 2.0 XML Schema)
/// completes the same steps in the same order, and ends the same way, as `sop`'s standard run.
///
/// Enabled when `SOP_BPMN_PYTHON` names a Python with SpiffWorkflow
/// (`pip install -r scripts/requirements-bpmn.txt`); `.ci/run` provides it.
@Suite("BPMN export on SpiffWorkflow", .enabled(if: ProcessInfo.processInfo.environment["SOP_BPMN_PYTHON"] != nil))
struct BPMNInteropTests {
    static let python = ProcessInfo.processInfo.environment["SOP_BPMN_PYTHON"]

    /// One case: an SOP, its data, the answers to performer decisions, and what must happen.
    struct Case: Sendable, CustomTestStringConvertible {
        var sop: String
        var data: [String: String]
        var answers: [String: [String]] = [:]
        /// The expected path, or nil when both must refuse the case.
        var path: [String]?
        var outcome: CaseOutcome?
        var testDescription: String {
            let fields: [String] = data.sorted { $0.key < $1.key }.map { (key: String, value: String) -> String in "\(key)=\(value)" }
            return "\(sop) \(fields.joined(separator: ",")) \(answers)"
        }
    }

    static let duk = ["kumpulkan-data", "konsep-duk", "periksa-konsep"]
    static let dukEnd = ["buat-duk", "paraf-duk", "tandatangani-duk", "umumkan-arsipkan"]
    static let pbi = ["terima-permohonan", "sampaikan-kadis", "disposisi", "terima-disposisi", "verifikasi"]
    static let cases: [Case] = [
        Case(sop: "anak-jalanan", data: ["nama_anak": "Budi", "putus_sekolah": "true"],
             path: ["perintah-spt", "disposisi-spt", "penjangkauan", "pendampingan", "support-group"], outcome: .completed),
        Case(sop: "anak-jalanan", data: ["nama_anak": "Sari", "putus_sekolah": "false"],
             path: ["perintah-spt", "disposisi-spt", "penjangkauan", "support-group"], outcome: .completed),
        Case(sop: "pembuatan-duk", data: ["tahun": "2025"], answers: ["periksa-konsep": ["Ya"]], path: duk + dukEnd, outcome: .completed),
        Case(sop: "pembuatan-duk", data: ["tahun": "2025"], answers: ["periksa-konsep": ["Tidak", "Ya"]],
             path: duk + ["konsep-duk", "periksa-konsep"] + dukEnd, outcome: .completed),
        Case(sop: "pembuatan-duk", data: ["tahun": "2025"], answers: ["periksa-konsep": ["Tidak", "Tidak", "Ya"]],
             path: duk + ["konsep-duk", "periksa-konsep", "konsep-duk", "periksa-konsep"] + dukEnd, outcome: .completed),
        Case(sop: "pembuatan-duk", data: ["tahun": "2025"], answers: ["periksa-konsep": ["Mungkin"]], path: nil, outcome: nil),
        Case(sop: "rekomendasi-reaktivasi-pbi", data: ["nama_pemohon": "Siti"], answers: ["verifikasi": ["Ya"]],
             path: pbi + ["buat-rekomendasi", "tandatangani-rekomendasi", "serahkan-rekomendasi"], outcome: .completed),
        Case(sop: "rekomendasi-reaktivasi-pbi", data: ["nama_pemohon": "Rahmat"], answers: ["verifikasi": ["Tidak"]],
             path: pbi + ["kembalikan-berkas"], outcome: .exited),
        Case(sop: "rekomendasi-reaktivasi-pbi", data: ["nama_pemohon": "Rahmat"], path: nil, outcome: nil),
        Case(sop: "uji-bentuk", data: ["umur": "12", "jenis_kelamin": "perempuan", "mendesak": "false"],
             path: ["awal", "terima", "pilah", "tolak"], outcome: .exited),
        Case(sop: "uji-bentuk", data: ["umur": "12", "jenis_kelamin": "laki-laki", "tanggal_lahir": "2013-04-01", "catatan": "-"],
             path: ["awal", "terima", "pilah", "tutup"], outcome: .completed),
        Case(sop: "uji-bentuk", data: ["umur": "70", "tanggal_lahir": "1955-05-05"], answers: ["periksa": ["Ulang", "Lanjut"]],
             path: ["awal", "terima", "pilah", "periksa", "awal", "terima", "pilah", "periksa", "tutup"], outcome: .completed),
        Case(sop: "uji-bentuk", data: ["umur": "40", "tanggal_lahir": "1990-01-01", "catatan": "kata \"kutip\" & <b>"],
             answers: ["periksa": ["Lanjut"]], path: ["awal", "terima", "pilah", "periksa", "tutup"], outcome: .completed),
        Case(sop: "uji-bentuk", data: ["umur": "40", "tanggal_lahir": "1990-01-01", "catatan": "lain", "mendesak": "true"],
             path: ["awal", "terima", "pilah", "tutup"], outcome: .completed),
        Case(sop: "uji-bentuk", data: ["tanggal_lahir": "1990-01-01"], path: nil, outcome: nil),
    ]

    @Test("SpiffWorkflow completes the same steps as sop's standard run", arguments: cases)
    func samePath(_ c: Case) throws {
        let sop = try Self.definition(c.sop)
        let ours = Self.standardRun(sop, c)
        let theirs = try Self.spiff(sop, c)
        if let path = c.path {
            #expect(ours.path == path, "sop run: \(ours.refusal ?? "")")
            #expect(ours.outcome == c.outcome)
            #expect(theirs.path == path, "SpiffWorkflow: \(theirs.error ?? "")")
            #expect(theirs.outcome == c.outcome?.rawValue)
        } else {
            #expect(ours.refusal != nil, "sop should refuse the case")
            #expect(theirs.error != nil, "SpiffWorkflow should stop the case; it ran \(theirs.path)")
        }
    }

    @Test("the cases take every outcome of every decision of the shipped SOPs")
    func everyOutcomeCovered() throws {
        var taken: Set<String> = []
        var all: Set<String> = []
        for sop in try DiagramSamples.shipped() {
            for step in sop.steps { for outcome in step.decision?.outcomes ?? [] { all.insert("\(step.id)=\(outcome.label)") } }
            for c in Self.cases where c.sop == sop.id && c.path != nil { taken.formUnion(Self.standardRun(sop, c).decisions) }
        }
        #expect(all.count == 6)
        #expect(taken == all)
    }

    // MARK: - The two runs

    static func definition(_ id: String) throws -> SOPDefinition {
        if id == "uji-bentuk" { return try DiagramSamples.oddShapes() }
        guard let sop = try DiagramSamples.shipped().first(where: { $0.id == id }) else { throw FixtureError("no SOP \(id)") }
        return sop
    }

    static func standardRun(_ sop: SOPDefinition, _ c: Case) -> (path: [String], outcome: CaseOutcome?, decisions: Set<String>, refusal: String?) {
        guard let calendar = CalendarStore.load(id: sop.time.calendar, searchingFrom: TestPaths.sops.path).0 else {
            return ([], nil, [], "no calendar")
        }
        let context = CaseContext(definition: sop, calendar: calendar)
        let start = InstantFormat.parse("2025-03-03T08:00", in: calendar.timeZone) ?? Date(timeIntervalSince1970: 0)
        func decisions(_ events: [CaseEvent]) -> Set<String> {
            Set(events.compactMap { if case .decisionTaken(let step, let outcome, _) = $0.kind { "\(step)=\(outcome)" } else { nil } })
        }
        do {
            let result = try StandardRun(engine: CaseEngine(context: context), answers: c.answers).run(data: c.data, start: start)
            return (result.state.path, result.state.status, decisions(result.events), nil)
        } catch {
            return (error.state.path, nil, decisions(error.events), error.refusal.message)
        }
    }

    /// Exports `sop`, runs scripts/bpmn_crosscheck.py on it with the case's data typed as the SOP declares.
    static func spiff(_ sop: SOPDefinition, _ c: Case) throws -> (path: [String], outcome: String?, error: String?) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sop-bpmn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("\(sop.id).bpmn")
        try BPMNExport().render(sop).write(to: file, atomically: true, encoding: .utf8)
        var data: [String: Any] = [:]
        for (name, value) in c.data {
            switch sop.caseFieldTypes[name] {
            case .boolean: data[name] = value == "true"
            case .number: data[name] = Double(value) ?? value
            default: data[name] = value
            }
        }
        let json = { (object: Any) in String(decoding: (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8), as: UTF8.self) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python ?? "python3")
        process.arguments = [TestPaths.root.appendingPathComponent("scripts/bpmn_crosscheck.py").path, file.path,
                             "--data", json(data), "--answers", json(c.answers)]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let result = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw FixtureError("bpmn_crosscheck.py printed no JSON (exit \(process.terminationStatus)): \(errors)")
        }
        if let error = result["error"] as? String {
            #expect(process.terminationStatus == 1)
            return ([], nil, error)
        }
        #expect(process.terminationStatus == 0, "\(errors)")
        return (result["path"] as? [String] ?? [], result["outcome"] as? String, nil)
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A BPMN export read back with Foundation's XML parser, and the structure every export must have.
struct BPMNTestDocument {
    /// One element: its qualified name as written, attributes, text, and its parent's name and id.
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        var parentName: String?
        var parentID: String?
        subscript(key: String) -> String? { attributes[key] }
    }

    private(set) var all: [Element] = []

    init(_ xml: String) throws {
        let reader = Reader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw FixtureError("not well-formed XML: \(String(describing: parser.parserError))") }
        all = reader.elements
    }

    func elements(named name: String) -> [Element] { all.filter { $0.name == name } }
    var flows: [Element] { elements(named: "sequenceFlow") }
    /// Condition bodies by sequence flow id.
    var conditions: [String: String] {
        Dictionary(elements(named: "conditionExpression").map { ($0.parentID ?? "", $0.text) }, uniquingKeysWith: { a, _ in a })
    }
    /// The lane of each flow node.
    var laneOf: [String: String] {
        Dictionary(elements(named: "flowNodeRef").map { ($0.text, $0.parentID ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    static let flowNodeNames: Set<String> = ["startEvent", "endEvent", "userTask", "exclusiveGateway", "intermediateThrowEvent"]

    /// Checks lanes, gateways, flows, shapes, edges and their geometry against `sop`.
    func checkConsistency(against sop: SOPDefinition) throws {
        let root = try #require(all.first)
        #expect(root.name == "definitions" && root["xmlns"] == "http://www.omg.org/spec/BPMN/20100524/MODEL")
        let ids = all.compactMap { $0["id"] }
        #expect(Set(ids).count == ids.count, "duplicate ids")
        let process = try #require(elements(named: "process").first)
        #expect(elements(named: "participant").first?["processRef"] == process["id"])
        #expect(elements(named: "lane").map { $0["name"] ?? "" } == sop.performers.map(\.nama))
        #expect(elements(named: "exclusiveGateway").count == sop.steps.filter { $0.decision != nil }.count)
        #expect(elements(named: "userTask").count == sop.steps.filter { $0.kind == .proses || $0.kind == .keputusan }.count)
        #expect(elements(named: "startEvent").count == 1)
        let nodes = all.filter { Self.flowNodeNames.contains($0.name) }
        let nodeIDs = Set(nodes.compactMap { $0["id"] })
        let refs = elements(named: "flowNodeRef").map(\.text)
        #expect(refs.sorted() == nodeIDs.sorted(), "every flow node in exactly one lane")
        for flow in flows {
            #expect(nodeIDs.contains(flow["sourceRef"] ?? "") && nodeIDs.contains(flow["targetRef"] ?? ""), "\(flow.attributes)")
            let id = flow["id"] ?? ""
            #expect(all.contains { $0.name == "outgoing" && $0.text == id && $0.parentID == flow["sourceRef"] })
            #expect(all.contains { $0.name == "incoming" && $0.text == id && $0.parentID == flow["targetRef"] })
        }
        for gateway in elements(named: "exclusiveGateway") {
            for flow in flows where flow["sourceRef"] == gateway["id"] {
                let id = flow["id"] ?? ""
                let condition = all.first { $0.name == "conditionExpression" && $0.parentID == id }
                #expect((condition == nil) == (gateway["default"] == id), "flow \(id): a condition unless it is the default")
                #expect(condition == nil || condition?["xsi:type"] == "tFormalExpression")
            }
        }
        for event in elements(named: "endEvent") { #expect(!flows.contains { $0["sourceRef"] == event["id"] }) }
        #expect(!flows.contains { $0["targetRef"] == elements(named: "startEvent").first?["id"] })
        // Diagram interchange: a shape for the participant, every lane and node; an edge for every flow.
        var bounds: [String: (x: Int, y: Int, w: Int, h: Int)] = [:]
        for b in elements(named: "dc:Bounds") where b.parentName == "bpmndi:BPMNShape" {
            let shape = all.first { $0.name == "bpmndi:BPMNShape" && $0["id"] == b.parentID }
            bounds[shape?["bpmnElement"] ?? ""] = (Int(b["x"] ?? "") ?? 0, Int(b["y"] ?? "") ?? 0, Int(b["width"] ?? "") ?? 0, Int(b["height"] ?? "") ?? 0)
        }
        let laneIDs = elements(named: "lane").compactMap { $0["id"] }
        #expect(Set(bounds.keys) == nodeIDs.union(laneIDs).union([elements(named: "participant").first?["id"] ?? ""]))
        let edges = elements(named: "bpmndi:BPMNEdge")
        #expect(Set(edges.compactMap { $0["bpmnElement"] }) == Set(flows.compactMap { $0["id"] }))
        for flow in flows {
            let edge = edges.first { $0["bpmnElement"] == flow["id"] }
            let points = elements(named: "di:waypoint").filter { $0.parentID == edge?["id"] }.map { (Int($0["x"] ?? "") ?? 0, Int($0["y"] ?? "") ?? 0) }
            #expect(points.count >= 2)
            for (point, end) in [(points.first, flow["sourceRef"]), (points.last, flow["targetRef"])] {
                guard let point, let r = bounds[end ?? ""] else { continue }
                let onBorder = (point.0 == r.x || point.0 == r.x + r.w || point.1 == r.y || point.1 == r.y + r.h)
                    && (r.x...(r.x + r.w)).contains(point.0) && (r.y...(r.y + r.h)).contains(point.1)
                #expect(onBorder, "flow \(flow["id"] ?? "") does not touch \(end ?? "")")
            }
        }
        let placed = nodes.compactMap { n in bounds[n["id"] ?? ""].map { (n["id"] ?? "", $0) } }
        for (i, (id, r)) in placed.enumerated() {
            if let lane = bounds[laneOf[id] ?? ""] {
                #expect(r.x >= lane.x && r.y >= lane.y && r.x + r.w <= lane.x + lane.w && r.y + r.h <= lane.y + lane.h, "\(id) outside its lane")
            }
            for (other, s) in placed[(i + 1)...] {
                #expect(r.x + r.w <= s.x || s.x + s.w <= r.x || r.y + r.h <= s.y || s.y + s.h <= r.y, "\(id) overlaps \(other)")
            }
        }
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var elements: [BPMNTestDocument.Element] = []
        var stack: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let parent = stack.last.map { elements[$0] }
            elements.append(.init(name: name, attributes: attributes, parentName: parent?.name, parentID: parent?["id"]))
            stack.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let top = stack.last { elements[top].text += string }
        }
    }
}
