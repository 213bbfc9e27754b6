import Foundation
import Hummingbird
import SOPJournal
import SOPKit

extension WebServer {
    /// Laporan mutu baku: the compliance report per step and per performer of the SOPs I work on,
    /// as a table and as inline SVG bars (standard, median, worst; share on time), and as CSV.
    func reportPage(_ request: Request, context: WebContext, csv: Bool) throws -> Response {
        try loggedIn(context) { user, session in
            let query = FormData(request.uri.query ?? "")
            let sopFilter = query["sop"].flatMap { $0.isEmpty ? nil : $0 }
            let service = service(for: user)
            // From the read model, like `sop report`: each case's runs as its summary keeps them (a case
            // without a current summary is folded), so a view does not read and fold every event.
            let (listed, unreadable) = try service.listed(sopID: sopFilter)
            let report = ComplianceReport(listed: listed.filter { user.worksOn($0.context.definition.id) }, from: nil, to: nil)
            try service.recordRead("report", role: nil, caseID: nil, detail: (csv ? AuditMessages.reportLinesCSV : AuditMessages.reportLines)(["count": .number(report.lines.count)]).stored)
            if csv {
                var response = Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                                        body: .init(byteBuffer: ByteBuffer(string: report.csv())))
                response.headers[.contentDisposition] = "attachment; filename=\"laporan-mutu-baku.csv\""
                return response
            }
            var body = "<form method=\"get\" action=\"/laporan\"><label for=\"sop\">\(PageText.sop)</label><select id=\"sop\" name=\"sop\">"
                + "<option value=\"\">\(PageText.all)</option>"
                + sops.sorted.filter { user.worksOn($0.definition.id) }.map {
                    "<option value=\"\(HTML.escape($0.definition.id))\"\($0.definition.id == sopFilter ? " selected" : "")>\(HTML.escape($0.definition.id))</option>"
                }.joined() + "</select> <button type=\"submit\">\(PageText.filter)</button></form>"
            body += "<p><a href=\"/laporan.csv\(sopFilter.map { "?sop=" + (($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)) ?? "") } ?? "")\">\(PageText.downloadCSV)</a></p>"
            if report.lines.isEmpty { return Self.html(HTML.page(title: PageText.report, user: user.name, csrf: session.csrf, body: body + "<p>\(PageText.noCases)</p>")) }
            body += ReportChart.svg(report.lines)
            body += "<table><thead><tr><th>\(PageText.reportWhat)</th><th>n</th><th>\(PageText.reportStandard)</th><th>\(PageText.reportMedian)</th>"
                + "<th>\(PageText.reportWorst)</th><th>\(PageText.onTime)</th></tr></thead><tbody>"
            for line in report.lines {
                body += "<tr><td>\(HTML.escape(line.kind)): \(HTML.escape(line.name))</td><td data-label=\"n\">\(line.count)</td>"
                    + "<td data-label=\"\(PageText.reportStandard)\">\(HTML.escape(line.standard ?? "-"))</td>"
                    + "<td data-label=\"\(PageText.reportMedian)\">\(HTML.escape(CaseReport.duration(line.medianMinutes)))</td>"
                    + "<td data-label=\"\(PageText.reportWorst)\">\(HTML.escape(CaseReport.duration(line.worstMinutes)))</td>"
                    + "<td data-label=\"\(PageText.onTime)\">\(Int((line.shareOnTime * 100).rounded())) %</td></tr>"
            }
            body += "</tbody></table>"
            if !unreadable.isEmpty { body += "<p class=\"error\">\(HTML.escape(unreadable.map(\.id).joined(separator: ", ")))</p>" }
            return Self.html(HTML.page(title: PageText.report, user: user.name, csrf: session.csrf, body: body))
        }
    }
}

/// The compliance report as horizontal bars in inline SVG: per line, the standard time, the
/// median and the worst (working minutes, on one scale), and the share on time as text.
enum ReportChart {
    static func svg(_ lines: [ComplianceReport.Line]) -> String {
        let rowHeight = 46, width = 360, labelWidth = 0, barWidth = 340
        let scale = max(1, lines.map { max($0.worstMinutes, $0.standardMinutes ?? 0) }.max() ?? 1)
        func bar(_ minutes: Double) -> Int { max(1, Int(Double(barWidth) * minutes / scale)) }
        var out = "<svg class=\"chart\" role=\"img\" aria-label=\"\(HTML.escape(PageText.report))\" viewBox=\"0 0 \(width) \(lines.count * rowHeight + 20)\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<g font-size=\"10\"><rect x=\"0\" y=\"2\" width=\"10\" height=\"6\" fill=\"#999\"/><text x=\"14\" y=\"9\">\(PageText.reportStandard)</text>"
            + "<rect x=\"80\" y=\"2\" width=\"10\" height=\"6\" fill=\"#0b4f6c\"/><text x=\"94\" y=\"9\">\(PageText.reportMedian)</text>"
            + "<rect x=\"160\" y=\"2\" width=\"10\" height=\"6\" fill=\"#a00\"/><text x=\"174\" y=\"9\">\(PageText.reportWorst)</text></g>"
        for (index, line) in lines.enumerated() {
            let y = 20 + index * rowHeight
            out += "<g font-size=\"10\"><text x=\"\(labelWidth)\" y=\"\(y + 9)\">\(HTML.escape(line.kind)): \(HTML.escape(String(line.name.prefix(50)))) · \(Int((line.shareOnTime * 100).rounded())) % \(PageText.onTime.lowercased())</text>"
            if let standard = line.standardMinutes { out += "<rect x=\"0\" y=\"\(y + 12)\" width=\"\(bar(standard))\" height=\"8\" fill=\"#999\"/>" }
            out += "<rect x=\"0\" y=\"\(y + 22)\" width=\"\(bar(line.medianMinutes))\" height=\"8\" fill=\"#0b4f6c\"/>"
            out += "<rect x=\"0\" y=\"\(y + 32)\" width=\"\(bar(line.worstMinutes))\" height=\"8\" fill=\"#a00\"/></g>"
        }
        return out + "</svg>"
    }
}
