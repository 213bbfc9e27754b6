import Foundation

/// Prints an SOP document to PDF with headless Chromium, which lays out the HTML exactly as the
/// browser check does (`scripts/check-document.py`).
public enum PDFPrinter {
    /// Why printing failed, in words an SOP author can act on.
    public enum Failure: Error, CustomStringConvertible, Equatable, Sendable {
        /// No Chromium was found; `configured` is `$SOP_CHROMIUM` when it was set.
        case chromiumNotFound(configured: String?)
        /// Chromium ran but wrote no PDF.
        case printFailed(status: Int32, output: String)
        /// Chromium did not finish in time.
        case timedOut(seconds: Int)
        /// The HTML could not be written to a temporary file.
        case cannotWrite(String)

        public var description: String {
            switch self {
            case .chromiumNotFound(let configured?):
                "SOP_CHROMIUM is set to '\(configured)', which is not an executable file. Install Chromium "
                    + "(Debian/Ubuntu: `apt-get install chromium`) and set SOP_CHROMIUM to its path, or unset SOP_CHROMIUM "
                    + "to look for chromium, chromium-browser or google-chrome on PATH."
            case .chromiumNotFound(nil):
                "Chromium is needed to print a PDF and was not found (looked for chromium, chromium-browser and "
                    + "google-chrome on PATH). Install it (Debian/Ubuntu: `apt-get install chromium`) or set SOP_CHROMIUM "
                    + "to its path. The HTML document can also be printed from any browser."
            case .printFailed(let status, let output):
                "Chromium could not print the PDF (exit status \(status))" + (output.isEmpty ? "" : ": \(output)")
            case .timedOut(let seconds):
                "Chromium did not finish printing the PDF within \(seconds) seconds"
            case .cannotWrite(let reason):
                "cannot write the temporary HTML file: \(reason)"
            }
        }
    }

    /// Finds headless Chromium (chromium, chromium-browser, google-chrome on PATH, or $SOP_CHROMIUM).
    public static func findChromium() -> String? {
        findChromium(environment: ProcessInfo.processInfo.environment)
    }

    /// Finds Chromium with `environment` standing for the process environment: `SOP_CHROMIUM` when
    /// it is set (and only then, so that a wrong setting is reported rather than ignored), else the
    /// first of chromium, chromium-browser and google-chrome on `PATH`.
    public static func findChromium(environment: [String: String]) -> String? {
        let files = FileManager.default
        if let configured = environment["SOP_CHROMIUM"], !configured.isEmpty {
            return files.isExecutableFile(atPath: configured) ? configured : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for dir in path.split(separator: ":") where !dir.isEmpty {
                let candidate = "\(dir)/\(name)"
                if files.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Writes the HTML to a temp file and prints it to `pdfPath` with `--headless --no-sandbox
    /// --print-to-pdf=... --no-pdf-header-footer`; throws a clear error when Chromium is missing
    /// (message says how to install: `apt-get install chromium`).
    public static func printPDF(html: String, to pdfPath: String) throws {
        try printPDF(html: html, to: pdfPath, environment: ProcessInfo.processInfo.environment)
    }

    /// `printPDF(html:to:)` writing to a file URL.
    public static func printPDF(html: String, to pdf: URL) throws {
        try printPDF(html: html, to: pdf.path, environment: ProcessInfo.processInfo.environment)
    }

    /// `printPDF(html:to:)` with `environment` standing for the process environment.
    public static func printPDF(html: String, to pdfPath: String, environment: [String: String],
                                timeout: Int = 120) throws {
        guard let chromium = findChromium(environment: environment) else {
            throw Failure.chromiumNotFound(configured: environment["SOP_CHROMIUM"].flatMap { $0.isEmpty ? nil : $0 })
        }
        let files = FileManager.default
        let work = files.temporaryDirectory.appendingPathComponent("sop-pdf-\(UUID().uuidString)")
        defer { try? files.removeItem(at: work) }
        let input = work.appendingPathComponent("document.html")
        let output = URL(fileURLWithPath: pdfPath, relativeTo: URL(fileURLWithPath: files.currentDirectoryPath)).standardizedFileURL
        do {
            try files.createDirectory(at: work, withIntermediateDirectories: true)
            try html.write(to: input, atomically: true, encoding: .utf8)
            if files.fileExists(atPath: output.path) { try files.removeItem(at: output) }
        } catch {
            throw Failure.cannotWrite(error.localizedDescription)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(work.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(output.path)", "--no-pdf-header-footer", input.absoluteString,
        ]
        let log = work.appendingPathComponent("chromium.log")
        _ = files.createFile(atPath: log.path, contents: nil)
        let handle = try? FileHandle(forWritingTo: log)
        process.standardOutput = handle ?? FileHandle.nullDevice
        process.standardError = handle ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure.printFailed(status: -1, output: error.localizedDescription)
        }
        let deadline = Date().addingTimeInterval(TimeInterval(timeout))
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure.timedOut(seconds: timeout)
        }
        try? handle?.close()
        let produced = files.contents(atPath: output.path).map { $0.starts(with: Array("%PDF".utf8)) } ?? false
        guard process.terminationStatus == 0, produced else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let lastLines = text.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw Failure.printFailed(status: process.terminationStatus, output: lastLines)
        }
    }
}
