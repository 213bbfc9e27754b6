import Foundation
import Testing

/// `sop serve` end to end in a real headless Chromium, driven by Selenium (scripts/serve-e2e.py):
/// a Kasi logs in, opens a case of the reference SOP and acts; the Petugas sees it in Tugas saya and
/// acts; the Kadis cannot act before the Kabid; a form without its CSRF token is refused; an XSS
/// payload in case data renders as text. Screenshots of each page at phone width go to
/// `.build/serve-screenshots`. `.ci/run` installs Chromium, chromedriver and Selenium and sets
/// SOP_REQUIRE_BROWSER=1, so there a missing browser fails instead of skipping.
@Suite("sop serve: in a real browser")
struct BrowserTests {
    static let environment = ProcessInfo.processInfo.environment
    static let python = environment["SOP_SELENIUM_PYTHON"]
    static let chromium = environment["SOP_CHROMIUM"]
    static let chromedriver = environment["SOP_CHROMEDRIVER"] ?? "/usr/bin/chromedriver"
    static var available: Bool {
        guard let python, let chromium else { return false }
        return [python, chromium, chromedriver].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static var required: Bool { environment["SOP_REQUIRE_BROWSER"] == "1" }

    @Test("the browser run is not skipped where it is required (.ci/run)")
    func notSkippedInCI() {
        if Self.required {
            #expect(Self.available, "SOP_REQUIRE_BROWSER=1 but SOP_CHROMIUM, SOP_SELENIUM_PYTHON or chromedriver (\(Self.chromedriver)) is missing")
        }
    }

    @Test("Kasi, Petugas and Kadis work a case in Chromium; CSRF and XSS hold",
          .enabled(if: BrowserTests.available, "needs SOP_CHROMIUM, chromedriver and SOP_SELENIUM_PYTHON (a Python with selenium); .ci/run installs them"))
    func endToEnd() throws {
        let root = WebFixture.root
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [root.appendingPathComponent("scripts/serve-e2e.py").path, Self.binary.path, root.path,
                             root.appendingPathComponent(".build/serve-screenshots").path]
        process.environment = Self.environment.merging(["SOP_CHROMEDRIVER": Self.chromedriver], uniquingKeysWith: { $1 })
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "scripts/serve-e2e.py failed:\n\(text)")
        #expect(!text.contains("FAIL "))
    }

    /// The `sop` binary built next to the test bundle (or `$SOP_BINARY`).
    static let binary: URL = {
        if let explicit = environment["SOP_BINARY"] { return URL(fileURLWithPath: explicit) }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("sop")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return WebFixture.root.appendingPathComponent(".build/debug/sop")
    }()
}
