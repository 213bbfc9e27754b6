import Foundation
import SOPKit

extension ComplianceReport {
    static let headers = ["kind", "sop", "name", "count", "standard", "standard_minutes", "median_minutes", "worst_minutes", "on_time", "share_on_time"]

    /// A line's CSV cells: text from the SOPs guarded against formula injection (``CSVCell/text(_:)``),
    /// the numbers and the `-` for none written as they are.
    private func cells(_ l: Line) -> [String] {
        [CSVCell.text(l.kind), CSVCell.text(l.sopID), CSVCell.text(l.name), "\(l.count)", l.standard.map(CSVCell.text) ?? "-",
         l.standardMinutes.map { String(Int($0.rounded())) } ?? "-",
         String(Int(l.medianMinutes.rounded())), String(Int(l.worstMinutes.rounded())), "\(l.onTime)",
         String(format: "%.2f", l.shareOnTime)]
    }

    /// An aligned table for people: durations in working time, share on time as a percentage.
    public func table(in bahasa: Bahasa = .en) -> String {
        let t = { (m: CaseViewMessages) in m.text(in: bahasa) }
        if lines.isEmpty { return t(.noCompleted) + "\n" }
        let header = ["", t(.colSOP), t(.colName), t(.colCount), t(.colStandard), t(.colMedian), t(.colWorst), t(.colOnTime)]
        let rows = [header] + lines.map { l in
            [l.kind == "step" ? t(.kindStep) : l.kind == "performer" ? t(.kindPerformer) : l.kind, l.sopID, l.name, "\(l.count)", l.standard ?? CaseReport.duration(l.standardMinutes),
             CaseReport.duration(l.medianMinutes), CaseReport.duration(l.worstMinutes),
             "\(Int((l.shareOnTime * 100).rounded()))% (\(l.onTime)/\(l.count))"]
        }
        let widths = header.indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        return rows.map { row in row.enumerated().map { TextWrap.pad($1, widths[$0]) }.joined(separator: "  ") }.joined(separator: "\n") + "\n"
    }

    /// CSV with a header row (RFC 4180 quoting), minutes in working time; a name or standard that
    /// a spreadsheet would run as a formula is made text (``CSVCell``).
    public func csv() -> String {
        ([ComplianceReport.headers] + lines.map(cells)).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// JSON: an array of lines.
    public func json() -> JSONValue {
        .array(lines.map { l in
            .object([
                ("kind", .string(l.kind)), ("sop", .string(l.sopID)), ("name", .string(l.name)), ("count", .number(Double(l.count))),
                ("standard", .optional(l.standard)), ("standard_minutes", l.standardMinutes.map { .number($0.rounded()) } ?? .null),
                ("median_minutes", .number(l.medianMinutes.rounded())), ("worst_minutes", .number(l.worstMinutes.rounded())),
                ("on_time", .number(Double(l.onTime))), ("share_on_time", .number((l.shareOnTime * 1000).rounded() / 1000)),
            ])
        })
    }
}
