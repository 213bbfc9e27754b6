import Foundation
import Testing
@testable import SOPKit

/// The printed SOP document (HTML, PDF): golden files of the shipped SOPs, the structure of the
/// generated HTML, the layout's geometry, a real-browser check and PDF printing.
///
/// Golden files: `Tests/SOPKitTests/Golden/<sop-id>.a4.html` hold the expected document of each
/// shipped SOP. After an intended change to the document, regenerate them with
/// `SOP_UPDATE_GOLDEN=1 swift test --filter HTMLDocumentTests` and review the diff.
/// `SOP_DOCUMENT_DIR=/some/dir` also writes every sample document (A4 and F4) there for inspection.
@Suite("Printed SOP document (HTML)")
struct HTMLDocumentTests {
    static let shippedFiles = TestPaths.files(in: TestPaths.sops, ext: "yaml").filter { !$0.lastPathComponent.contains(".skenario.") }

    @Test("each shipped SOP renders exactly as its golden file", arguments: shippedFiles.map(\.lastPathComponent))
    func golden(_ file: String) throws {
        let sop = try DocumentSamples.loadShipped(file)
        let html = SOPDocumentHTML().render(sop)
        let golden = TestPaths.root.appendingPathComponent("Tests/SOPKitTests/Golden/\(sop.id).a4.html")
        if ProcessInfo.processInfo.environment["SOP_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try html.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(html == expected, "\(golden.path) differs; if the change is intended, run SOP_UPDATE_GOLDEN=1 swift test --filter HTMLDocumentTests")
    }

    @Test("write the sample documents for inspection", .enabled(if: ProcessInfo.processInfo.environment["SOP_DOCUMENT_DIR"] != nil))
    func writeForInspection() throws {
        let dir = ProcessInfo.processInfo.environment["SOP_DOCUMENT_DIR"] ?? NSTemporaryDirectory()
        _ = try DocumentSamples.writeAll(to: URL(fileURLWithPath: dir))
    }

    @Test("one table row per step, numbered in order, for every sample and paper")
    func rows() throws {
        for sop in try DocumentSamples.all() {
            for paper in PaperSize.allCases {
                let doc = DocumentScan(SOPDocumentHTML(paper: paper).render(sop))
                let rows = doc.tags(where: { $0["class"] == "langkah" })
                #expect(rows.map { $0["data-row"] } == sop.steps.indices.map { String($0 + 1) }, "\(sop.id) \(paper)")
                #expect(rows.map { $0["data-step"] } == sop.steps.map(\.id))
            }
        }
    }

    @Test("one symbol per performer in each row, in that performer's column")
    func symbolsPerPerformer() throws {
        for sop in try DocumentSamples.all() {
            let doc = DocumentScan(SOPDocumentHTML().render(sop))
            for (i, step) in sop.steps.enumerated() {
                let own = doc.symbols.filter { $0["data-row"] == String(i + 1) && $0["data-generated"] == nil }
                // Alternatives (salah satu) share one symbol that stands for each of them.
                let alternatives = step.mode == .salahSatu && step.performers.count > 1 && step.decision == nil
                let expected = step.performers.isEmpty || alternatives ? 1 : step.performers.count
                #expect(own.count == expected, "\(sop.id) row \(i + 1)")
                for performer in step.performers {
                    let standsFor = own.filter { ($0["data-performers"] ?? $0["data-performer"] ?? "").split(separator: " ").contains(Substring(performer.value)) }
                    #expect(standsFor.count == 1, "\(sop.id) row \(i + 1) \(performer.value)")
                }
                if step.decision != nil { #expect(own.last?["data-symbol"] == "decision", "\(sop.id) row \(i + 1)") }
            }
        }
    }

    @Test("only the five Permen symbols are drawn")
    func onlyPermenSymbols() throws {
        for sop in try DocumentSamples.all() {
            let kinds = Set(DocumentScan(SOPDocumentHTML().render(sop)).symbols.compactMap { $0["data-symbol"] })
            #expect(kinds.isSubset(of: ["terminator", "process", "decision", "connector"]))
        }
    }

    @Test("the reference SOP starts in the Kasi's column and ends in the Petugas's, merged into its steps")
    func referenceTerminators() throws {
        let doc = DocumentScan(SOPDocumentHTML().render(try DocumentSamples.loadShipped("anak-jalanan.yaml")))
        let terminators = doc.symbols.filter { $0["data-symbol"] == "terminator" }
        #expect(terminators.map { doc.text(of: $0) } == ["Mulai", "Selesai"])
        #expect(terminators.map { $0["data-row"] } == ["1", "5"])
        #expect(terminators.map { $0["data-performer"] } == ["kasi", "petugas"])
        #expect(terminators.allSatisfy { $0["data-generated"] == nil })
        #expect(doc.symbols.filter { $0["data-symbol"] == "decision" }.map { $0["data-step"] } == ["penjangkauan"])
    }

    @Test("every sample has a Mulai and a Selesai terminator")
    func terminatorsPresent() throws {
        for sop in try DocumentSamples.all() {
            let doc = DocumentScan(SOPDocumentHTML().render(sop))
            let labels = doc.symbols.filter { $0["data-symbol"] == "terminator" }.map { doc.text(of: $0) }
            #expect(labels.contains("Mulai") && labels.contains("Selesai"), "\(sop.id): \(labels)")
        }
    }

    @Test("consecutive symbols are joined: performers of a step in list order, each step to the next")
    func consecutiveArrows() throws {
        let sop = try DocumentSamples.loadShipped("anak-jalanan.yaml")
        let doc = DocumentScan(SOPDocumentHTML().render(sop))
        let pairs = Set(doc.arrows.map { "\($0["data-from"] ?? "")>\($0["data-to"] ?? "")" })
        for (i, step) in sop.steps.enumerated() {
            for k in 0..<(step.performers.count - 1) {
                #expect(pairs.contains("sym-\(i + 1)-\(k + 1)>sym-\(i + 1)-\(k + 2)"), "row \(i + 1)")
            }
        }
        #expect(pairs.contains("sym-1-2>sym-2-1") && pairs.contains("sym-2-2>sym-3-1") && pairs.contains("sym-4-2>sym-5-1"))
        let kabidToKadis = try #require(doc.arrows.first { $0["data-from"] == "sym-2-1" })
        #expect(kabidToKadis["data-arrow"] == "performer" && kabidToKadis["data-to"] == "sym-2-2")
    }

    @Test("every decision exit is labelled with its outcome")
    func decisionLabels() throws {
        for sop in try DocumentSamples.all() {
            let doc = DocumentScan(SOPDocumentHTML().render(sop))
            for (i, step) in sop.steps.enumerated() {
                guard let decision = step.decision, let diamond = doc.symbols.first(where: {
                    $0["data-row"] == String(i + 1) && $0["data-symbol"] == "decision"
                }) else { continue }
                let exits = doc.arrows.filter { $0["data-from"] == diamond["id"] && $0["data-arrow"] != "performer" }
                #expect(exits.compactMap { $0["data-outcome"] }.sorted() == decision.outcomes.map(\.label).sorted(), "\(sop.id) \(step.id)")
                for exit in exits { #expect(doc.labelText(of: exit) == exit["data-outcome"]) }
            }
        }
    }

    @Test("the DUK draft loops back from the check to the draft on Tidak")
    func loopBack() throws {
        let doc = DocumentScan(SOPDocumentHTML().render(try DocumentSamples.loadShipped("pembuatan-duk.yaml")))
        let loop = try #require(doc.arrows.first { $0["data-arrow"] == "loop" })
        #expect(loop["data-from"] == "sym-3-1" && loop["data-to"] == "sym-2-1" && loop["data-outcome"] == "Tidak")
        let yes = try #require(doc.arrows.first { $0["data-outcome"] == "Ya" })
        #expect(yes["data-arrow"] == "next" && yes["data-to"] == "sym-4-1")
    }

    @Test("an early exit ends in a Selesai capsule and nothing leaves it")
    func earlyExit() throws {
        let doc = DocumentScan(SOPDocumentHTML().render(try DocumentSamples.loadShipped("rekomendasi-reaktivasi-pbi.yaml")))
        let returned = try #require(doc.symbols.first { $0["data-step"] == "kembalikan-berkas" })
        #expect(returned["data-symbol"] == "terminator" && doc.text(of: returned) == "Selesai")
        #expect(doc.arrows.contains { $0["data-outcome"] == "Tidak" && $0["data-to"] == returned["id"] })
        #expect(!doc.arrows.contains { $0["data-from"] == returned["id"] })
        let shapes = DocumentScan(SOPDocumentHTML().render(try DocumentSamples.shapes()))
        let exit = try #require(shapes.arrows.first { $0["data-arrow"] == "exit" })
        #expect(exit["data-outcome"] == "Ditolak")
        let capsule = try #require(shapes.symbols.first { $0["id"] == exit["data-to"] })
        #expect(capsule["data-symbol"] == "terminator" && shapes.text(of: capsule) == "Selesai" && capsule["data-generated"] == "true")
    }

    @Test("a table longer than a page is split into pages, each with its header, joined by lettered connectors")
    func connectors() throws {
        let sop = try DocumentSamples.long()
        let html = SOPDocumentHTML().render(sop)
        let doc = DocumentScan(html)
        let pages = doc.pages
        #expect(pages.count > 1)
        for page in pages {
            #expect(page.components(separatedBy: "<thead>").count == 2)
            #expect(page.contains("<th rowspan=\"2\">Uraian Prosedur</th>"))
        }
        let connectors = doc.symbols.filter { $0["data-symbol"] == "connector" }
        let letters = connectors.compactMap { $0["data-connector"] }
        #expect(!letters.isEmpty)
        let distinct = Array(Set(letters)).sorted { ($0.count, $0) < ($1.count, $1) }
        #expect(distinct == (0..<distinct.count).map { HTMLText.letters($0) }, "letters run A, B, C...")
        for letter in distinct {
            let pair = connectors.filter { $0["data-connector"] == letter }
            #expect(pair.count == 2, "connector \(letter)")
            // con-X-1 ends the arrows on the source's page (several when they go to the same symbol),
            // con-X-2 starts the flow again on the target's page.
            #expect(doc.arrows.filter { $0["data-to"] == "con-\(letter)-1" }.count >= 1)
            #expect(doc.arrows.filter { $0["data-from"] == "con-\(letter)-2" }.count == 1)
            let onPages = pages.indices.filter { p in pair.contains { pages[p].contains("id=\"\($0["id"] ?? "")\"") } }
            #expect(onPages.count == 2, "connector \(letter) joins two pages")
        }
        // The loop back from step 14 to step 4 crosses a page break.
        #expect(doc.arrows.contains { $0["data-arrow"] == "loop" && $0["data-connector"] != nil })
        for sop in try DocumentSamples.shipped() where DocumentScan(SOPDocumentHTML().render(sop)).pages.count == 1 {
            #expect(!SOPDocumentHTML().render(sop).contains("data-symbol=\"connector\""))
        }
    }

    @Test("every arrow joins two symbols of its own page")
    func arrowsJoinSymbolsOnTheirPage() throws {
        for sop in try DocumentSamples.all() {
            for page in DocumentScan(SOPDocumentHTML().render(sop)).pages {
                let scan = DocumentScan(page)
                let ids = Set(scan.symbols.compactMap { $0["id"] })
                for arrow in scan.arrows {
                    #expect(ids.contains(arrow["data-from"] ?? "") && ids.contains(arrow["data-to"] ?? ""), "\(sop.id): \(arrow)")
                }
            }
        }
    }

    @Test("the layout keeps symbols in their columns, arrow ends on symbols, right angles, and rows on the page")
    func layoutGeometry() throws {
        for sop in try DocumentSamples.all() {
            for paper in PaperSize.allCases {
                let layout = ProcedureLayout(sop, paper: paper)
                for page in layout.pages {
                    #expect(page.tableHeight <= paper.sheetHeight, "\(sop.id) \(paper) page \(page.number)")
                    let byIndex = Dictionary(page.symbols.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
                    for s in page.symbols {
                        let left = layout.columns.boundary(s.symbol.column)
                        let right = layout.columns.boundary(s.symbol.coveredColumns.upperBound + 1)
                        #expect(s.minX >= left && s.maxX <= right, "\(sop.id) \(s.symbol.id)")
                    }
                    for arrow in page.arrows {
                        let from = try #require(byIndex[arrow.edge.from]), to = try #require(byIndex[arrow.edge.to])
                        let first = try #require(arrow.points.first), last = try #require(arrow.points.last)
                        #expect(DocumentSamples.onBox(first, from) && DocumentSamples.onBox(last, to), "\(sop.id) \(from.symbol.id)->\(to.symbol.id)")
                        for (a, b) in zip(arrow.points, arrow.points.dropFirst()) {
                            #expect(abs(a.x - b.x) < 0.01 || abs(a.y - b.y) < 0.01, "\(sop.id): slanted segment")
                        }
                    }
                }
            }
        }
    }

    @Test("the identity block prints every Permen field, dates in Indonesian, a dash where one is missing")
    func identity() throws {
        let doc = DocumentScan(SOPDocumentHTML().render(try DocumentSamples.loadShipped("anak-jalanan.yaml")))
        #expect(doc.field("nomor") == "463/ tz /5.6.04/2024")
        #expect(doc.field("tanggal-pembuatan") == "01 Februari 2017")
        #expect(doc.field("tanggal-revisi") == "27 Februari 2024")
        #expect(doc.field("tanggal-efektif") == "04 Maret 2024")
        #expect(doc.field("jabatan") == "Kepala Dinas Sosial Kota Tanjungpinang")
        #expect(doc.field("nama-pengesah") == "Endang Sustawati")
        #expect(doc.field("nip") == "NIP. 19660720 199302 2 008")
        #expect(doc.field("nama") == "Anak Jalanan")
        #expect(doc.field("pemerintah") == "PEMERINTAH KOTA TANJUNGPINANG")
        #expect(doc.field("sasaran") == "Anak Jalanan")
        #expect(doc.field("jangka-waktu") == "1 (satu) tahun")
        #expect(doc.field("biaya") == "Anggaran APBD Kota Tanjungpinang")
        #expect(doc.field("dasar-hukum")?.hasPrefix("Permen PAN dan RB Nomor 35 Tahun 2012") == true)
        #expect(doc.field("peringatan") == "-" && doc.field("pencatatan") == "-")
        let order = ["Dasar Hukum:", "Kualifikasi Pelaksana:", "Keterkaitan:", "Peralatan/Perlengkapan:", "Peringatan:",
                     "Pencatatan dan Pendataan:", "Sasaran Objek", "Jangka Waktu Penyelesaian", "Biaya", "<table class=\"prosedur\""]
        let positions = order.compactMap { doc.html.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())

        let duk = DocumentScan(SOPDocumentHTML().render(try DocumentSamples.loadShipped("pembuatan-duk.yaml")))
        for field in ["nomor", "tanggal-pembuatan", "tanggal-revisi", "tanggal-efektif", "dasar-hukum", "keterkaitan"] {
            #expect(duk.field(field) == "-", "\(field)")
        }
        #expect(duk.html.contains("<th>Waktu (menit)</th>") && duk.field("total-waktu") == "90 menit")
    }

    @Test("the procedure table has No, Uraian, one column per performer in order, Mutu Baku and Keterangan")
    func tableHeader() throws {
        let sop = try DocumentSamples.loadShipped("rekomendasi-reaktivasi-pbi.yaml")
        let doc = DocumentScan(SOPDocumentHTML().render(sop))
        let header = try #require(doc.pages.first?.components(separatedBy: "</thead>").first)
        let names = DocumentScan(header).tags(where: { $0.name == "th" && $0["class"] == "pelaksana" }).map { $0["data-performer"] }
        #expect(names == sop.performers.map(\.id))
        let cells = ["No", "Uraian Prosedur", "Pelaksana", "Mutu Baku", "Keterangan"] + sop.performers.map(\.nama) + ["Kelengkapan", "Waktu", "Output"]
        for cell in cells { #expect(header.contains(">\(cell)</th>"), "\(cell)") }
        #expect(header.range(of: ">Front Office<")?.lowerBound ?? header.endIndex < header.range(of: ">Kasubkor Linjamsos<")?.lowerBound ?? header.startIndex)
    }

    @Test("print CSS: landscape A4 or F4, rows never split, the header repeats")
    func printCSS() throws {
        let sop = try DocumentSamples.loadShipped("anak-jalanan.yaml")
        let a4 = SOPDocumentHTML().render(sop), f4 = SOPDocumentHTML(paper: .f4).render(sop)
        #expect(a4.contains("@page { size: A4 landscape; margin: 10mm;"))
        #expect(f4.contains("@page { size: 330mm 215mm; margin: 10mm;"))
        for html in [a4, f4] {
            #expect(html.contains("break-inside: avoid"))
            #expect(html.contains("thead { display: table-header-group; }"))
        }
        #expect(PaperSize.f4.millimetres == (330, 215) && PaperSize.a4.millimetres == (297, 210))
    }

    @Test("the document is self-contained and deterministic, and escapes the SOP's text")
    func selfContained() throws {
        for sop in try DocumentSamples.all() {
            let html = SOPDocumentHTML().render(sop)
            #expect(html == SOPDocumentHTML().render(sop))
            for forbidden in ["<link", "<script", "src=", "href=", "url(", "@import", "@font-face"] {
                #expect(!html.contains(forbidden), "\(sop.id) contains \(forbidden)")
            }
            #expect(html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http") == false)
        }
        let tricky = try DocumentSamples.load("""
        id: aneh
        nama: "Tanda <b>&amp;\\" 'kutip'"
        unit: {dinas: Dinas <Uji>}
        pelaksana: [{id: a, nama: "A & B"}]
        langkah:
          - {id: satu, uraian: "Memeriksa <script>alert(1)</script>", pelaksana: a, output: "x < y"}
        """)
        let html = SOPDocumentHTML().render(tricky)
        #expect(!html.contains("<script") && !html.contains("<b>"))
        #expect(html.contains("Memeriksa &lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("x &lt; y") && html.contains(">A &amp; B</th>"))
    }

    @Test("text line estimates: greedy at spaces, long words broken, never fewer lines than needed")
    func textMeasure() {
        #expect(TextMeasure.lines("Surat Perintah Tugas", available: 1000, fontSize: 10.5) == 1)
        #expect(TextMeasure.lines("a\nb\n", available: 1000, fontSize: 10.5) == 3)
        let word = String(repeating: "m", count: 40)
        let perLine = 100 / (0.974 * 10.5 * TextMeasure.safety)
        #expect(TextMeasure.lines(word, available: 100, fontSize: 10.5) == Int((40 / perLine.rounded(.down)).rounded(.up)))
        #expect(TextMeasure.lines("satu dua tiga empat lima enam", available: TextMeasure.width("satu dua tiga", fontSize: 10) + 0.1, fontSize: 10) == 3)
    }

    /// Runs scripts/check-document.py (headless Chromium) over every sample document in A4 and F4,
    /// with a PDF page count. `.ci/run` installs Chromium and sets SOP_CHROMIUM.
    @Test("in a real browser: rows where the layout put them, arrows on symbols, nothing over text",
          .enabled(if: ProcessInfo.processInfo.environment["SOP_CHROMIUM"] != nil))
    func browser() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sop-document-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try DocumentSamples.writeAll(to: dir)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let known = TestPaths.fixtures.appendingPathComponent("documents/known-findings.txt").path
        process.arguments = ["python3", TestPaths.root.appendingPathComponent("scripts/check-document.py").path, "--pdf", "--known", known]
            + files.map(\.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("\(files.count) checked, 0 failed"), "\(output)")
    }

    @Test("printPDF writes a PDF", .enabled(if: PDFPrinter.findChromium() != nil))
    func pdf() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sop-\(UUID().uuidString).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try PDFPrinter.printPDF(html: SOPDocumentHTML().render(try DocumentSamples.loadShipped("anak-jalanan.yaml")), to: path)
        let data = try #require(FileManager.default.contents(atPath: path))
        #expect(data.starts(with: Array("%PDF".utf8)))
    }

    @Test("without Chromium, printPDF says how to install it")
    func pdfWithoutChromium() throws {
        let wrong = ["SOP_CHROMIUM": "/nonexistent/chromium", "PATH": "/usr/bin:/bin"]
        #expect(PDFPrinter.findChromium(environment: wrong) == nil)
        do {
            try PDFPrinter.printPDF(html: "<html></html>", to: "/tmp/never.pdf", environment: wrong)
            Issue.record("printPDF did not throw")
        } catch let failure as PDFPrinter.Failure {
            #expect(failure == .chromiumNotFound(configured: "/nonexistent/chromium"))
            #expect(failure.description.contains("SOP_CHROMIUM is set to '/nonexistent/chromium'"))
            #expect(failure.description.contains("apt-get install chromium"))
        }
        let none = PDFPrinter.Failure.chromiumNotFound(configured: nil).description
        #expect(none.contains("apt-get install chromium") && none.contains("chromium-browser"))
        #expect(PDFPrinter.findChromium(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.pdf"))
    }
}

/// The SOPs the document tests use: the shipped ones, a long synthetic one that spans several
/// pages, and one with every unusual flow shape.
enum DocumentSamples {
    static func loadShipped(_ file: String) throws -> SOPDefinition {
        let path = TestPaths.sops.appendingPathComponent(file).path
        let result = SOPLoader().load(path: path)
        return try #require(result.definition, "\(file): \(result.diagnostics)")
    }

    static func shipped() throws -> [SOPDefinition] {
        try HTMLDocumentTests.shippedFiles.map { try loadShipped($0.lastPathComponent) }
    }

    static func all() throws -> [SOPDefinition] {
        try shipped() + [long(), shapes()] + hard()
    }

    /// The generated hard SOPs (scripts/hard-sops.py): many performers, 300-character uraian, several
    /// decisions, loops across pages, early exits, alternative signers.
    static func hard() throws -> [SOPDefinition] {
        try TestPaths.files(in: TestPaths.fixtures.appendingPathComponent("documents"), ext: "yaml").map { file in
            let result = SOPLoader(folderSOPIDs: []).load(path: file.path)
            return try #require(result.definition, "\(file.lastPathComponent): \(result.diagnostics)")
        }
    }

    static func load(_ yaml: String) throws -> SOPDefinition {
        let result = SOPLoader(folderSOPIDs: []).load(text: yaml)
        return try #require(result.definition, "\(result.diagnostics)")
    }

    /// Writes every sample in A4 and F4 to `dir`; returns the files.
    static func writeAll(to dir: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var files: [URL] = []
        for sop in try all() {
            for paper in PaperSize.allCases {
                let url = dir.appendingPathComponent("\(sop.id).\(paper.rawValue).html")
                try SOPDocumentHTML(paper: paper).render(sop).write(to: url, atomically: true, encoding: .utf8)
                files.append(url)
            }
        }
        return files
    }

    /// Whether `p` lies on the bounding box of `s`, within 0.5 px.
    static func onBox(_ p: FlowPoint, _ s: PlacedSymbol) -> Bool {
        let inside = p.x >= s.minX - 0.5 && p.x <= s.maxX + 0.5 && p.y >= s.minY - 0.5 && p.y <= s.maxY + 0.5
        let edge = min(abs(p.x - s.minX), abs(p.x - s.maxX), abs(p.y - s.minY), abs(p.y - s.maxY))
        return inside && edge <= 0.5
    }

    /// 30 steps over five performers: a loop back and an early exit that cross pages, a jump, and
    /// steps shared by several performers; 40 legal bases, so the identity section takes two pages.
    static func long() throws -> SOPDefinition {
        var yaml = """
        id: panjang
        nama: Prosedur Panjang Uji Halaman
        unit:
          dinas: Dinas Uji
        dasar_hukum:
        \((1...40).map { "  - Peraturan Daerah Uji Nomor \($0) Tahun 2020 tentang Penyelenggaraan Pelayanan Publik" }.joined(separator: "\n"))
        pelaksana:
          - {id: kadis, nama: Kepala Dinas}
          - {id: kabid, nama: Kepala Bidang}
          - {id: kasi, nama: Kepala Seksi}
          - {id: staf, nama: Staf}
          - {id: pemohon, nama: Pemohon, jenis: eksternal}
        langkah:

        """
        let performers = ["staf", "kasi", "kabid", "kadis", "pemohon"]
        for n in 1...30 {
            yaml += "  - id: l\(n)\n"
            yaml += "    uraian: Langkah \(n) \(String(repeating: "memeriksa berkas permohonan ", count: n % 4 + 1))\n"
            if n == 1 { yaml += "    mulai: true\n" }
            if n == 30 { yaml += "    selesai: true\n" }
            if n % 7 == 3 {
                yaml += "    pelaksana: [\(performers[n % 5]), \(performers[(n + 2) % 5])]\n    mode: berurutan\n"
            } else {
                yaml += "    pelaksana: \(performers[n % 5])\n"
            }
            yaml += "    waktu: \(n % 3 + 1) hari\n"
            switch n {
            case 14:
                yaml += "    keputusan:\n      pertanyaan: Berkas lengkap?\n      hasil:\n"
                yaml += "        - {label: Lengkap, lanjut: l15}\n        - {label: Tidak lengkap, lanjut: l4}\n"
            case 22:
                yaml += "    keputusan:\n      pertanyaan: Memenuhi syarat?\n      hasil:\n"
                yaml += "        - {label: Ya, lanjut: l23}\n        - {label: Tidak, lanjut: keluar}\n"
            case 25:
                yaml += "    lanjut: l28\n"
            default:
                break
            }
        }
        return try load(yaml)
    }

    /// Stand-alone terminator rows, a decision with three outcomes (one ends, one exits), performers
    /// listed against the column order, and a last step whose end is not merged.
    static func shapes() throws -> SOPDefinition {
        try load("""
        id: bentuk
        nama: Semua Bentuk Alur
        unit:
          dinas: Dinas Uji
        pelaksana:
          - {id: a, nama: Pelaksana A}
          - {id: b, nama: Pelaksana B}
          - {id: c, nama: Pelaksana C}
          - {id: d, nama: Pelaksana D}
        langkah:
          - id: awal
            jenis: mulai
            uraian: Mulai
            pelaksana: a
          - id: terima
            uraian: Menerima berkas dan meneruskan
            pelaksana: [b, d, a]
            mode: berurutan
          - id: nilai
            uraian: Menilai berkas
            pelaksana: [c, b]
            keputusan:
              pertanyaan: Hasil penilaian?
              oleh: c
              hasil:
                - {label: Layak, lanjut: proses}
                - {label: Ditolak, lanjut: keluar}
                - {label: Cukup, lanjut: selesai}
          - id: proses
            uraian: Memproses berkas
            pelaksana: d
          - id: kirim
            uraian: Mengirim hasil
            pelaksana: [a, c]
            mode: bersama
        """)
    }
}

/// A minimal reader of the generated HTML: start tags with their attributes, and a few lookups.
struct DocumentScan {
    struct Tag: CustomStringConvertible {
        var name: String
        var attributes: [String: String]
        /// Where the tag starts in the document.
        var offset: String.Index
        subscript(_ key: String) -> String? { attributes[key] }
        var description: String { "<\(name) \(attributes)>" }
    }

    let html: String
    let allTags: [Tag]

    init(_ html: String) {
        self.html = html
        var tags: [Tag] = []
        let tagPattern = /<([a-zA-Z0-9]+)((?:\s+[a-zA-Z-]+="[^"]*")*)\s*\/?>/
        let attributePattern = /([a-zA-Z-]+)="([^"]*)"/
        for match in html.matches(of: tagPattern) {
            var attributes: [String: String] = [:]
            for a in match.output.2.matches(of: attributePattern) { attributes[String(a.output.1)] = String(a.output.2) }
            tags.append(Tag(name: String(match.output.1), attributes: attributes, offset: match.range.lowerBound))
        }
        allTags = tags
    }

    func tags(where predicate: (Tag) -> Bool) -> [Tag] { allTags.filter(predicate) }

    var symbols: [Tag] { tags { $0["data-symbol"] != nil } }
    var arrows: [Tag] { tags { $0["data-arrow"] != nil } }

    /// The procedure pages, each as its own HTML fragment.
    var pages: [String] {
        Array(html.components(separatedBy: "<section class=\"halaman prosedur\"").dropFirst())
    }

    /// The text inside a terminator or connector.
    func text(of symbol: Tag) -> String? {
        let rest = html[symbol.offset...]
        guard let end = rest.range(of: "</g>"), let match = rest[..<end.lowerBound].firstMatch(of: /<text[^>]*>([^<]*)<\/text>/) else { return nil }
        return String(match.output.1)
    }

    /// The outcome label written on an arrow (its lines joined by a space).
    func labelText(of arrow: Tag) -> String? {
        let rest = html[arrow.offset...]
        guard let end = rest.range(of: "</g>") else { return nil }
        let lines = rest[..<end.lowerBound].matches(of: /<text class="label"[^>]*>([^<]*)<\/text>/).map { String($0.output.1) }
        return lines.isEmpty ? nil : lines.joined(separator: " ")
    }

    /// The text of the element with `data-field="name"`, tags removed, list items joined by "; ".
    func field(_ name: String) -> String? {
        guard let tag = allTags.first(where: { $0["data-field"] == name }) else { return nil }
        let rest = html[tag.offset...]
        guard let open = rest.firstIndex(of: ">"), let close = rest.range(of: "</\(tag.name)>") else { return nil }
        let inner = String(rest[rest.index(after: open)..<close.lowerBound])
            .replacingOccurrences(of: "</li><li>", with: "; ")
            .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        return inner.replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespaces)
    }
}
