import Foundation
import SOPKit
import SOPWeb

/// The SOP page's PDF for `sop serve`: headless Chromium prints the official document, exactly as
/// `sop render --format pdf` does (``PDFPrinter``). Found once when the server starts.
struct ChromiumPDFRenderer: PDFRenderer {
    /// The Chromium found (`$SOP_CHROMIUM`, or chromium, chromium-browser, google-chrome on PATH).
    let chromium: String

    /// A renderer when Chromium is installed; nil when not (the SOP page then says so).
    init?() {
        guard let found = PDFPrinter.findChromium() else { return nil }
        chromium = found
    }

    func pdf(html: String) throws -> [UInt8] {
        let files = FileManager.default
        let folder = files.temporaryDirectory.appendingPathComponent("sop-serve-pdf-\(UUID().uuidString)")
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: folder) }
        let output = folder.appendingPathComponent("sop.pdf")
        var environment = ProcessInfo.processInfo.environment
        environment["SOP_CHROMIUM"] = chromium
        try PDFPrinter.printPDF(html: html, to: output.path, environment: environment)
        return Array(try Data(contentsOf: output))
    }
}
