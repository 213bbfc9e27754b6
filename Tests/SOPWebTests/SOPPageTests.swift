import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SOPJournal
@testable import SOPKit
@testable import SOPWeb

/// Prints with headless Chromium as `sop serve` does (its renderer lives in the CLI; this one
/// calls the same ``PDFPrinter``), counting how often the browser was started.
final class CountingChromiumPDF: PDFRenderer, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var calls: Int { lock.withLock { count } }

    func pdf(html: String) throws -> [UInt8] {
        lock.withLock { count += 1 }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sop-web-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try PDFPrinter.printPDF(html: html, to: file.path)
        return Array(try Data(contentsOf: file))
    }
}

/// A slow renderer that counts its calls and returns a minimal PDF header.
final class SlowPDF: PDFRenderer, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var calls: Int { lock.withLock { count } }
    func pdf(html: String) throws -> [UInt8] {
        lock.withLock { count += 1 }
        usleep(300_000)
        return Array("%PDF-1.4\n%%EOF\n".utf8)
    }
}

/// A renderer that fails, or hands back something that is not a PDF.
struct BrokenPDF: PDFRenderer {
    var throwing: Bool
    func pdf(html: String) throws -> [UInt8] {
        if throwing { throw PDFPrinter.Failure.timedOut(seconds: 1) }
        return Array("<html>bukan pdf</html>".utf8)
    }
}

/// The SOP page: the flowchart of the printed document, the document in a frame, and its PDF.
@Suite("sop serve: the SOP page")
struct SOPPageTests {
    /// The ids of the flowchart's symbols in `html`.
    static func symbols(_ html: String) -> Set<String> {
        var ids = Set<String>()
        var rest = Substring(html)
        while let range = rest.range(of: " data-symbol=\"") {
            let before = rest[..<range.lowerBound]
            if let id = before.range(of: " id=\"", options: .backwards) {
                ids.insert(String(before[id.upperBound...].prefix { $0 != "\"" }))
            }
            rest = rest[range.upperBound...]
        }
        return ids
    }

    @Test("the page shows the printed document's flowchart (every symbol of it) and frames the document; no inline style reaches it")
    func diagram() async throws {
        let f = try WebFixture(users: [("sari", ["kasi"])])
        try await f.test { b in
            try await b.login("sari")
            let page = try await b.get("/sop/anak-jalanan")
            #expect(page.status == .ok)
            let entry = try #require(f.server.sops.entries["anak-jalanan"])
            let document = SOPDocumentHTML().render(entry.definition)
            #expect(page.text.contains("<svg class=\"alur diagram\""))
            let shown = Self.symbols(page.text), printed = Self.symbols(document)
            #expect(!printed.isEmpty && shown == printed, "the page's symbols differ from the document's: \(printed.symmetricDifference(shown))")
            #expect(page.text.components(separatedBy: "class=\"nomor-langkah\"").count - 1 == entry.definition.steps.count)
            for performer in entry.definition.performers { #expect(page.text.contains(HTML.escape(String(performer.nama.prefix(5))))) }
            #expect(page.text.contains("<iframe id=\"dokumen\"") && page.text.contains("src=\"/sop/anak-jalanan/dokumen\""))
            #expect(!page.text.contains("<style") && !page.text.contains(" style=\""))
            #expect(page.headers[.contentSecurityPolicy]?.contains("'unsafe-inline'") == false)
            #expect(try await b.get("/gaya.css").text.contains("svg.diagram .simbol"))
        }
        // Every served SOP, on one page or several: the same symbols as its printed flowchart.
        for entry in f.server.sops.sorted {
            let diagram = SOPFlowchartSVG().render(entry.definition), document = SOPDocumentHTML().render(entry.definition)
            #expect(Self.symbols(diagram) == Self.symbols(document), "\(entry.definition.id)")
            #expect(diagram.components(separatedBy: "<svg ").count == document.components(separatedBy: "<svg class=\"alur\"").count)
        }
    }

    @Test("without a PDF renderer the page says a PDF cannot be made here and the download is a page saying so, not a broken file")
    func noRenderer() async throws {
        let f = try WebFixture(users: [("sari", ["kasi"])])
        try await f.test { b in
            try await b.login("sari")
            let page = try await b.get("/sop/anak-jalanan")
            #expect(page.text.contains(HTML.escape(PageText.pdfUnavailable)) && !page.text.contains("/sop/anak-jalanan/pdf"))
            let pdf = try await b.get("/sop/anak-jalanan/pdf")
            #expect(pdf.status == .serviceUnavailable && pdf.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(pdf.text.contains(HTML.escape(PageText.pdfUnavailable)))
        }
    }

    @Test("a renderer that fails or returns no PDF gives a page saying so (503)", arguments: [true, false])
    func brokenRenderer(_ throwing: Bool) async throws {
        let f = try WebFixture(users: [("sari", ["kasi"])], pdf: BrokenPDF(throwing: throwing))
        try await f.test { b in
            try await b.login("sari")
            #expect(try await b.get("/sop/anak-jalanan").text.contains("href=\"/sop/anak-jalanan/pdf\""))
            let pdf = try await b.get("/sop/anak-jalanan/pdf")
            #expect(pdf.status == .serviceUnavailable && pdf.text.contains(HTML.escape(PageText.pdfFailed)))
        }
    }

    @Test("downloads of the same SOP at once start one print, and each gets the same PDF")
    func oneAtATime() async throws {
        let printer = SlowPDF()
        let f = try WebFixture(users: [("sari", ["kasi"]), ("budi", ["petugas"])], pdf: printer)
        try await f.test { b in
            let other = Browser(client: b.client)
            try await b.login("sari")
            try await other.login("budi")
            async let first = b.client.execute(uri: "/sop/anak-jalanan/pdf", method: .get, headers: [.cookie: "sop_sesi=\(b.cookies["sop_sesi"] ?? "")"])
            async let second = other.client.execute(uri: "/sop/anak-jalanan/pdf", method: .get, headers: [.cookie: "sop_sesi=\(other.cookies["sop_sesi"] ?? "")"])
            let (one, two) = try await (first, second)
            #expect(one.status == .ok && two.status == .ok && one.body == two.body)
            #expect(printer.calls == 1)
        }
    }

    @Test("the PDF download is the official document printed by Chromium, printed once per SOP version, and audited",
          .enabled(if: PDFPrinter.findChromium() != nil, "needs Chromium (SOP_CHROMIUM or chromium on PATH)"))
    func chromiumPDF() async throws {
        let printer = CountingChromiumPDF()
        let f = try WebFixture(users: [("sari", ["kasi"])], pdf: printer)
        try await f.test { b in
            try await b.login("sari")
            let pdf = try await b.get("/sop/anak-jalanan/pdf")
            #expect(pdf.status == .ok && pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.headers[.contentDisposition] == "attachment; filename=\"sop-anak-jalanan.pdf\"")
            #expect(Array(pdf.body.readableBytesView).starts(with: Array("%PDF".utf8)))
            #expect(pdf.body.readableBytes > 10_000)
            let again = try await b.get("/sop/anak-jalanan/pdf")
            #expect(again.body == pdf.body)
            #expect(printer.calls == 1)
            #expect(try f.store.audit(caseID: nil).contains { $0.actor == "sari" && $0.action == "web sop" && $0.detail == "anak-jalanan pdf" })
        }
        // Not without a login.
        try await f.test { b in
            let anonymous = try await b.get("/sop/anak-jalanan/pdf")
            #expect(anonymous.status == .seeOther)
        }
    }
}
