import Foundation
import Testing
@testable import SOPKit

/// The diagram exports (Mermaid, Graphviz, Markdown, BPMN) and `sop render`.
///
/// Golden files: Tests/SOPKitTests/Golden/<sop id>.<mmd|dot|md|bpmn>. After an intended change of an
/// export, rewrite them with `SOP_UPDATE_GOLDEN=1 swift test --filter DiagramExportTests` and review the diff.
@Suite("Diagram exports and sop render")
struct DiagramExportTests {
    static let updateGolden = ProcessInfo.processInfo.environment["SOP_UPDATE_GOLDEN"] == "1"
    static let golden = TestPaths.root.appendingPathComponent("Tests/SOPKitTests/Golden")

    @Test("every shipped SOP's export matches its golden file", arguments: DiagramFormat.allCases)
    func goldenFiles(format: DiagramFormat) throws {
        let sops = try DiagramSamples.shipped()
        #expect(sops.count == 3)
        for sop in sops {
            let text = format.render(sop)
            let url = Self.golden.appendingPathComponent("\(sop.id).\(format.fileExtension)")
            if Self.updateGolden {
                try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(text == expected, "\(url.lastPathComponent) differs; if intended: SOP_UPDATE_GOLDEN=1 swift test --filter DiagramExportTests")
        }
    }

    @Test("BPMN: lanes, gateways, flows, shapes and edges are complete and consistent, for every shipped SOP and the odd shapes")
    func bpmnStructure() throws {
        for sop in try DiagramSamples.shipped() + [DiagramSamples.oddShapes()] {
            let document = try BPMNTestDocument(BPMNExport().render(sop))
            try document.checkConsistency(against: sop)
        }
    }

    @Test("BPMN: early exit, loops, defaults and conditions of the shipped SOPs")
    func bpmnSpecifics() throws {
        let sops = Dictionary(uniqueKeysWithValues: try DiagramSamples.shipped().map { ($0.id, $0) })
        let pbi = try BPMNTestDocument(BPMNExport().render(try #require(sops["rekomendasi-reaktivasi-pbi"])))
        let exit = try #require(pbi.elements(named: "endEvent").first { $0["sop:akhir"] == "keluar" })
        #expect(exit["name"] == "Keluar (berakhir lebih awal)")
        #expect(pbi.flows.contains { $0["sourceRef"] == "Task_kembalikan-berkas" && $0["targetRef"] == exit["id"] })
        #expect(pbi.conditions.values.sorted() == ["jawaban_verifikasi == \"Tidak\"", "jawaban_verifikasi == \"Ya\""])
        #expect(pbi.elements(named: "userTask").first { $0["id"] == "Task_verifikasi" }?["sop:jawaban"] == "jawaban_verifikasi")

        let duk = try BPMNTestDocument(BPMNExport().render(try #require(sops["pembuatan-duk"])))
        let loop = try #require(duk.flows.first { $0["name"] == "Tidak" })
        #expect(loop["sourceRef"] == "Gateway_periksa-konsep" && loop["targetRef"] == "Task_konsep-duk")

        let anak = try BPMNTestDocument(BPMNExport().render(try #require(sops["anak-jalanan"])))
        let gateway = try #require(anak.elements(named: "exclusiveGateway").first)
        let fallback = try #require(anak.flows.first { $0["id"] == gateway["default"] })
        #expect(fallback["name"] == "Tidak" && fallback["targetRef"] == "Task_support-group")
        #expect(anak.conditions[fallback["id"] ?? ""] == nil)
        #expect(anak.conditions.values.contains("putus_sekolah"))
        // The step with four performers sits in its first performer's lane (kadis).
        #expect(anak.laneOf["Task_support-group"] == "Lane_kadis")
        #expect(anak.laneOf["Task_penjangkauan"] == "Lane_kasi")
    }

    @Test("rules become Python: dan/atau/bukan, quoted texts, dates as strings, True/False, keywords renamed")
    func pythonRules() throws {
        func python(_ source: String) throws -> String {
            guard case .success(let rule) = RuleParser.parse(source) else { throw FixtureError("rule '\(source)' does not parse") }
            return PythonRuleExpression.translate(rule)
        }
        #expect(try python("putus_sekolah") == "putus_sekolah")
        #expect(try python("bukan putus_sekolah") == "not putus_sekolah")
        #expect(try python("putus_sekolah dan umur < 18") == "putus_sekolah and umur < 18")
        #expect(try python("(a atau b) dan bukan c") == "(a or b) and not c")
        #expect(try python("a atau b dan c") == "a or b and c")
        #expect(try python("bukan umur < 18") == "not (umur < 18)")
        #expect(try python("bukan (a dan b)") == "not (a and b)")
        #expect(try python("jenis_kelamin == \"perempuan\"") == "jenis_kelamin == \"perempuan\"")
        #expect(try python("catatan != 'kata \"kutip\"'") == "catatan != \"kata \\\"kutip\\\"\"")
        #expect(try python("tanggal_lahir >= 2010-01-01") == "tanggal_lahir >= \"2010-01-01\"")
        #expect(try python("umur <= 17.5 dan aktif == true") == "umur <= 17.5 and aktif == True")
        #expect(PythonRuleExpression.variable(forField: "if") == "if_")
        #expect(PythonRuleExpression.variable(forField: "umur") == "umur")
        #expect(PythonRuleExpression.answerCondition(step: "periksa-konsep", label: "Ya") == "jawaban_periksa_konsep == \"Ya\"")
        #expect(PythonRuleExpression.string("a\\b\n\u{1}") == "\"a\\\\b\\n\\x01\"")
    }

    @Test("Mermaid: flowchart TB, one subgraph per performer with nodes in SOP order, shapes, labels and no raw quotes")
    func mermaidStructure() throws {
        for sop in try DiagramSamples.shipped() + [DiagramSamples.oddShapes()] {
            let text = MermaidExport().render(sop)
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.first { !$0.hasPrefix("%%") } == "flowchart TB")
            let lanes = lines.filter { $0.hasPrefix("    subgraph ") }
            // Lanes in the table's order, a lane without nodes left out (Mermaid draws it like a step).
            let diagram = SOPFlowDiagram(sop)
            let occupied = sop.performers.indices.filter { !diagram.nodes(inLane: $0).isEmpty }.map { sop.performers[$0] }
            #expect(lanes.count == occupied.count)
            #expect(lines.filter { $0 == "    end" }.count == occupied.count)
            for (performer, lane) in zip(occupied, lanes) {
                #expect(lane.contains("[\"\(DiagramText.mermaid([performer.nama]))\"]"))
            }
            #expect(text.contains("([\"Mulai\"])"))
            let decisions = sop.steps.filter { $0.decision != nil }.count
            #expect(lines.filter { $0.contains("{\"") && $0.hasSuffix("\"}") }.count == decisions)
            // Every label is one quoted string: an even number of quotes on each node or edge line.
            for line in lines where !line.hasPrefix("%%") {
                #expect(line.filter { $0 == "\"" }.count % 2 == 0, "unbalanced quotes: \(line)")
            }
        }
        let odd = MermaidExport().render(try DiagramSamples.oddShapes())
        #expect(odd.contains("#quot;asli#quot;") && odd.contains("#lt;lengkap#gt; #amp; #124;"))
        #expect(odd.contains("-.->|\"Tak pernah\"|"))
    }

    /// Issue 15, finding 14: Mermaid wraps a label to its node width itself; a label wrapped here too
    /// came out wrapped twice (short orphan lines). A `<br/>` only separates the activity from its notes.
    @Test("Mermaid: labels are wrapped once, by Mermaid: one line per activity and per note")
    func mermaidLabelsWrappedOnce() throws {
        for sop in try DiagramSamples.shipped() + [DiagramSamples.oddShapes()] {
            let diagram = SOPFlowDiagram(sop)
            let text = MermaidExport().render(sop)
            for node in diagram.nodes where node.kind == .task || node.kind == .decision {
                let paragraphs = ([node.title] + (node.kind == .task ? node.details : [])).map(DiagramText.oneLine)
                #expect(text.contains("\"\(DiagramText.mermaid(paragraphs))\""), "\(sop.id): \(node.title.prefix(40)) wrapped here")
            }
        }
    }

    @Test("Graphviz: a digraph with one cluster per performer, box/diamond/rounded shapes, quoted labels")
    func dotStructure() throws {
        for sop in try DiagramSamples.shipped() {
            let text = GraphvizExport().render(sop)
            #expect(text.contains("digraph \"\(sop.id)\" {"))
            #expect(text.components(separatedBy: "subgraph cluster_").count - 1 == sop.performers.count)
            #expect(text.components(separatedBy: "shape=diamond").count - 1 == sop.steps.filter { $0.decision != nil }.count)
            #expect(text.contains("style=\"rounded,filled\""))
        }
        let odd = GraphvizExport().render(try DiagramSamples.oddShapes())
        #expect(odd.contains("label=\"Loket \\\"A\\\" | <B>\""))
    }

    @Test("Markdown: identity header and No | Uraian | performers | Kelengkapan | Waktu | Output | Keterangan")
    func markdownTable() throws {
        let sops = Dictionary(uniqueKeysWithValues: try DiagramSamples.shipped().map { ($0.id, $0) })
        let text = MarkdownTableExport().render(try #require(sops["anak-jalanan"]))
        #expect(text.hasPrefix("# Anak Jalanan\n"))
        #expect(text.contains("| Nomor SOP | 463/ tz /5.6.04/2024 |"))
        #expect(text.contains("| No | Uraian | Pimpinan SKPD | Kabid | Kasi | Peksos | Petugas | Kelengkapan | Waktu | Output | Keterangan |"))
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| 1 |") || $0.hasPrefix("| 3 |") }
        #expect(rows.first?.hasSuffix("|  |  | Mulai ■ 1 |  | ■ 2 | - | 15 menit | Surat Perintah Tugas |  |") == true)
        // Decisions in words, the rule through the field's label; the diamond in the decider's column only.
        #expect(rows.last?.contains("Anak putus sekolah? Ya, jika putus sekolah → 4; Tidak, selain itu → 5") == true)
        #expect(rows.last?.contains("|  |  | ■ | ■ | ◆ |") == true)
        let duk = MarkdownTableExport().render(try #require(sops["pembuatan-duk"]))
        #expect(duk.contains("| 30 menit |") && duk.contains("Total waktu: 90 menit"))
        let odd = MarkdownTableExport().render(try DiagramSamples.oddShapes())
        #expect(odd.contains("Menerima berkas \"asli\" &lt;lengkap&gt; &amp; \\|"))
        #expect(odd.contains("Baris satu baris dua"))
    }

    @Test("identifiers stay unique when step ids differ only by - and _")
    func uniqueIdentifiers() throws {
        let yaml = """
            id: mirip
            nama: Mirip
            unit: {dinas: Dinas}
            pelaksana: [{id: a-b, nama: AB1}, {id: a_b, nama: AB2}]
            langkah:
              - {id: x-y, uraian: Satu, pelaksana: a-b}
              - {id: x_y, uraian: Dua, pelaksana: a_b}
            """
        let sop = try DiagramSamples.load(yaml)
        let diagram = SOPFlowDiagram(sop)
        #expect(Set(diagram.nodeIdentifiers()).count == diagram.nodes.count)
        #expect(Set(diagram.laneIdentifiers()).count == 2)
        try BPMNTestDocument(BPMNExport().render(sop)).checkConsistency(against: sop)
    }
}

extension DiagramExportTests {
    @Test("sop render writes to stdout or -o FILE, the same text as the golden files")
    func renderCommand() throws {
        let mermaid = try CLI.run(["render", "sops/pembuatan-duk.yaml", "--format", "mermaid"])
        #expect(mermaid.status == 0, "\(mermaid.stderr)")
        #expect(mermaid.stdout == (try String(contentsOf: Self.golden.appendingPathComponent("pembuatan-duk.mmd"), encoding: .utf8)))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sop-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("pbi.bpmn")
        let bpmn = try CLI.run(["render", "sops/rekomendasi-reaktivasi-pbi.yaml", "--format", "bpmn", "-o", file.path])
        #expect(bpmn.status == 0 && bpmn.stdout.isEmpty, "\(bpmn.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8)
                == (try String(contentsOf: Self.golden.appendingPathComponent("rekomendasi-reaktivasi-pbi.bpmn"), encoding: .utf8)))
        let html = try CLI.run(["render", "sops/anak-jalanan.yaml", "--format", "html", "--paper", "f4"])
        #expect(html.status == 0 && html.stdout.lowercased().contains("<html"), "\(html.stderr)")
        let unwritable = try CLI.run(["render", "sops/anak-jalanan.yaml", "--format", "md", "-o", dir.appendingPathComponent("no/such/dir.md").path])
        #expect(unwritable.status == 1 && unwritable.stderr.contains("cannot be written: the folder"))
    }

    @Test("sop render refuses bad usage with exit 64 and an invalid SOP with exit 1")
    func renderRefusals() throws {
        let pdf = try CLI.run(["render", "sops/anak-jalanan.yaml", "--format", "pdf"])
        #expect(pdf.status == 64 && pdf.stderr.contains("--format pdf writes a binary file; give -o FILE"))
        let paper = try CLI.run(["render", "sops/anak-jalanan.yaml", "--format", "dot", "--paper", "f4"])
        #expect(paper.status == 64 && paper.stderr.contains("--paper applies to html and pdf only"))
        #expect(try CLI.run(["render", "sops/anak-jalanan.yaml", "--format", "svg"]).status == 64)
        #expect(try CLI.run(["render", "sops/anak-jalanan.yaml"]).status == 64)
        let invalid = try CLI.run(["render", "Tests/SOPKitTests/Fixtures/invalid/unknown-key.yaml", "--format", "bpmn"])
        #expect(invalid.status == 1 && invalid.stdout.isEmpty)
    }

    @Test("without Chromium, --format pdf fails with a clear message", .enabled(if: PDFPrinter.findChromium() == nil))
    func pdfWithoutChromium() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sop-\(UUID().uuidString).pdf")
        let r = try CLI.run(["render", "sops/anak-jalanan.yaml", "--format", "pdf", "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot print a PDF: no Chromium or Google Chrome was found"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// Graphviz itself (`apt-get install graphviz`) reads every generated digraph without a warning.
    @Test("Graphviz accepts every generated digraph", .enabled(if: ExternalTool.path("dot") != nil))
    func graphvizAccepts() throws {
        for sop in try DiagramSamples.shipped() + [DiagramSamples.oddShapes()] {
            let r = try ExternalTool.run(ExternalTool.path("dot") ?? "dot", ["-Tsvg"], input: GraphvizExport().render(sop))
            #expect(r.status == 0 && r.stderr.isEmpty, "\(sop.id): \(r.stderr)")
            #expect(r.stdout.contains("<svg"))
        }
    }

    /// Mermaid's own parser (mermaid.min.js, `SOP_MERMAID_JS`, run by Node with a stub DOM) accepts
    /// every generated flowchart and rejects a broken one.
    @Test("Mermaid's parser accepts every generated flowchart",
          .enabled(if: ProcessInfo.processInfo.environment["SOP_MERMAID_JS"] != nil && ExternalTool.path("node") != nil))
    func mermaidAccepts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sop-mermaid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let harness = dir.appendingPathComponent("parse.js")
        try ExternalTool.mermaidHarness.write(to: harness, atomically: true, encoding: .utf8)
        var files: [String] = []
        for sop in try DiagramSamples.shipped() + [DiagramSamples.oddShapes()] {
            let file = dir.appendingPathComponent("\(sop.id).mmd")
            try MermaidExport().render(sop).write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let broken = dir.appendingPathComponent("broken.mmd")
        try "flowchart TB\n    a[\"x \"y\" \"] --> b\n".write(to: broken, atomically: true, encoding: .utf8)
        let script = ProcessInfo.processInfo.environment["SOP_MERMAID_JS"] ?? ""
        let r = try ExternalTool.run(ExternalTool.path("node") ?? "node", [harness.path, script] + files + [broken.path])
        for file in files { #expect(r.stdout.contains("\(file): valid"), "\(r.stdout)\(r.stderr)") }
        #expect(r.stdout.contains("\(broken.path): INVALID"))
    }
}

extension DiagramExportTests {
    /// Mermaid's own parser reads back what we wrote: every arrow starts and ends at a step's node
    /// (never at a lane), and the lanes come in the table's order with the nodes placed in them.
    @Test("Mermaid's parser: arrows attach to steps, lanes in the table's order",
          .enabled(if: ProcessInfo.processInfo.environment["SOP_MERMAID_JS"] != nil && ExternalTool.path("node") != nil))
    func mermaidGraphAsParsed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sop-mermaid-graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let harness = dir.appendingPathComponent("graph.js")
        try ExternalTool.mermaidGraphHarness.write(to: harness, atomically: true, encoding: .utf8)
        let samples = try DiagramSamples.shipped() + [DiagramSamples.oddShapes()]
        var files: [String] = []
        for sop in samples {
            let file = dir.appendingPathComponent("\(sop.id).mmd")
            try MermaidExport().render(sop).write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let script = ProcessInfo.processInfo.environment["SOP_MERMAID_JS"] ?? ""
        let r = try ExternalTool.run(ExternalTool.path("node") ?? "node", [harness.path, script] + files)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        struct Parsed: Decodable {
            struct Lane: Decodable { var id: String; var nodes: [String] }
            struct Edge: Decodable { var start: String; var end: String }
            var file: String; var subgraphs: [Lane]; var edges: [Edge]
        }
        let parsed = try r.stdout.split(separator: "\n").map { try JSONDecoder().decode(Parsed.self, from: Data($0.utf8)) }
        #expect(parsed.count == samples.count)
        for (sop, graph) in zip(samples, parsed) {
            let laneIDs = Set(graph.subgraphs.map(\.id))
            let nodes = Set(graph.subgraphs.flatMap(\.nodes))
            for edge in graph.edges {
                #expect(!laneIDs.contains(edge.start) && !laneIDs.contains(edge.end), "\(sop.id): \(edge.start) -> \(edge.end) at a lane")
                #expect(nodes.contains(edge.start) && nodes.contains(edge.end), "\(sop.id): \(edge.start) -> \(edge.end) outside every lane")
            }
            let diagram = SOPFlowDiagram(sop)
            let occupied = sop.performers.indices.filter { !diagram.nodes(inLane: $0).isEmpty }
            #expect(graph.subgraphs.count == occupied.count, "\(sop.id)")
            for (k, lane) in zip(occupied, graph.subgraphs) {
                #expect(lane.nodes.count == diagram.nodes(inLane: k).count, "\(sop.id): lane \(lane.id)")
            }
            #expect(graph.subgraphs.allSatisfy { !$0.nodes.isEmpty }, "\(sop.id): an empty lane")
        }
    }
}

/// Tools outside Swift that the diagram tests use when they are installed.
enum ExternalTool {
    /// The full path of `name` on `PATH`, or nil.
    static func path(_ name: String) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String], input: String? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        (process.standardOutput, process.standardError, process.standardInput) = (out, err, stdin)
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        nonisolated(unsafe) var outData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `mermaidHarness`, printing for each file the graph Mermaid parsed (lanes with their nodes, and
    /// the arrows' ends) as one JSON line instead of "valid".
    static var mermaidGraphHarness: String {
        mermaidHarness.replacingOccurrences(
            of: "try { await mermaid.parse(fs.readFileSync(file, 'utf8')); console.log(`${file}: valid`); }",
            with: "try { const d = await mermaid.mermaidAPI.getDiagramFromText(fs.readFileSync(file, 'utf8')); "
                + "console.log(JSON.stringify({ file, subgraphs: d.db.getSubGraphs().map(s => ({ id: s.id, nodes: s.nodes })), "
                + "edges: d.db.getEdges().map(e => ({ start: e.start, end: e.end })) })); }")
    }

    /// Loads Mermaid's browser bundle in Node with just enough of a DOM (DOMPurify reports itself
    /// unsupported, so labels are not sanitised) and runs `mermaid.parse` on each file given:
    /// `node parse.js mermaid.min.js FILE...` prints `FILE: valid` or `FILE: INVALID message`.
    static let mermaidHarness = #"""
        const fs = require('fs'), vm = require('vm');
        const noop = () => {};
        const element = () => ({ setAttribute: noop, appendChild: noop, style: {}, innerHTML: '', textContent: '',
          querySelector: () => null, querySelectorAll: () => [], getElementsByTagName: () => [], remove: noop });
        const document = { nodeType: 9, implementation: {}, createDocumentFragment: element, createElement: element,
          createElementNS: element, querySelector: () => null, querySelectorAll: () => [], getElementById: () => null,
          body: element(), head: element(), documentElement: element(), addEventListener: noop, readyState: 'complete' };
        const window = { document, addEventListener: noop, removeEventListener: noop, location: { href: '' },
          navigator: { userAgent: 'node' }, getComputedStyle: () => ({}), setTimeout, clearTimeout, console };
        for (const name of ['Element', 'Node', 'HTMLTemplateElement', 'DocumentFragment', 'NamedNodeMap', 'HTMLFormElement', 'Text', 'Comment']) {
          window[name] = class {};
        }
        window.DOMParser = class { parseFromString() { return document; } };
        window.window = window; window.self = window;
        const context = vm.createContext(Object.assign(window, { URL, TextEncoder, TextDecoder, Promise }));
        vm.runInContext(fs.readFileSync(process.argv[2], 'utf8'), context);
        const mermaid = context.mermaid;
        if (!mermaid) { console.error('mermaid did not load'); process.exit(3); }
        (async () => {
          mermaid.initialize({ startOnLoad: false });
          let failed = 0;
          for (const file of process.argv.slice(3)) {
            try { await mermaid.parse(fs.readFileSync(file, 'utf8')); console.log(`${file}: valid`); }
            catch (e) { failed++; console.log(`${file}: INVALID ${String((e && e.message) || e).split(String.fromCharCode(10)).join(' | ')}`); }
          }
          process.exit(failed ? 1 : 0);
        })();
        """#
}

/// The SOPs the diagram tests draw: the shipped ones, and one with every unusual shape.
enum DiagramSamples {
    /// The shipped SOPs (sops/*.yaml without the scenarios), by file name.
    static func shipped() throws -> [SOPDefinition] {
        try TestPaths.files(in: TestPaths.sops, ext: "yaml").filter { !$0.lastPathComponent.contains(".skenario.") }.map { url in
            guard let sop = SOPLoader().load(path: url.path).definition else { throw FixtureError("\(url.path) does not load") }
            return sop
        }
    }

    static func load(_ yaml: String) throws -> SOPDefinition {
        let result = SOPLoader().load(text: yaml, file: "sample.yaml")
        guard let sop = result.definition else { throw FixtureError("sample does not load: \(result.diagnostics)") }
        return sop
    }

    /// A stand-alone start row looped back to, a stand-alone end row, a rule decision with every
    /// kind of value and a fallback that is not last, a performer decision, an early exit, a lane
    /// without steps, and text full of characters every syntax escapes.
    static func oddShapes() throws -> SOPDefinition { try load(oddShapesYAML) }

    static let oddShapesYAML = #"""
        id: uji-bentuk
        nama: Uji "bentuk" <lain> & | {x}
        unit:
          dinas: Dinas Uji & Coba
        pelaksana:
          - {id: loket, nama: 'Loket "A" | <B>'}
          - {id: kabid, nama: Kabid & Co}
          - {id: kosong, nama: Tanpa langkah}
        data_kasus:
          umur: {tipe: angka}
          tanggal_lahir: {tipe: tanggal}
          jenis_kelamin: {tipe: pilihan, pilihan: [laki-laki, perempuan]}
          mendesak: {tipe: boolean}
          catatan: {tipe: teks}
        langkah:
          - {id: awal, jenis: mulai, uraian: Mulai}
          - id: terima
            uraian: 'Menerima berkas "asli" <lengkap> & | #2 {x} `kode` [a] *b* _c_ \d'
            pelaksana: loket
            waktu: 15 menit
            keterangan: "Baris satu\nbaris dua"
          - id: pilah
            uraian: Memilah berkas
            pelaksana: [kabid, loket]
            mode: berurutan
            keputusan:
              pertanyaan: Jalur "mana"?
              oleh: kabid
              hasil:
                - {label: Anak, jika: 'umur < 18 dan bukan (jenis_kelamin == "laki-laki" atau mendesak)', lanjut: tolak}
                - {label: 'Lama "x"', jika: 'tanggal_lahir < 1960-01-01 atau catatan == ''kata "kutip" & <b>''', lanjut: periksa}
                - {label: Biasa, lanjut: tutup}
                - {label: Tak pernah, jika: mendesak, lanjut: tutup}
          - id: periksa
            uraian: Memeriksa ulang
            pelaksana: kabid
            keputusan:
              pertanyaan: Ulangi?
              hasil:
                - {label: Ulang, lanjut: awal}
                - {label: Lanjut, lanjut: tutup}
          - {id: tolak, uraian: Menolak, pelaksana: loket, lanjut: keluar}
          - {id: tutup, jenis: selesai, uraian: Selesai}
        """#
}
