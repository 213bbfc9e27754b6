import Foundation
import SOPKit

/// The report (or a comparison) as one self-contained HTML page: tables and inline SVG bar charts,
/// no script, no outside file, its words in `bahasa` (``SimulationHTMLMessages``).
public enum SimulationHTML {
    /// One series of a chart: a name, a colour, and per item a value from 0 to 1 with its interval.
    struct Series {
        var name: String
        var colour: String
        var values: [Spread?]
    }

    public static func page(_ report: SimulationReport, in bahasa: Bahasa = .en) -> String {
        document(title: H.title.text(["sop": .text(report.sopID)], in: bahasa), body: section(report, in: bahasa), in: bahasa)
    }

    public static func page(_ comparison: SimulationComparison, in bahasa: Bahasa = .en) -> String {
        let c = comparison
        let base = SimulationMessages.base.text(in: bahasa), revised = SimulationMessages.revised.text(in: bahasa)
        var body = "<p>" + H.comparisonIntro.text(["base": .text("<code>\(escape(c.baseName))</code>"),
                                                    "revised": .text("<code>\(escape(c.revisedName))</code>")], in: bahasa) + "</p>"
        body += "<h2>\(H.onTimePerStep.text(in: bahasa))</h2>"
        body += chart(items: c.stepIDs, series: [
            Series(name: base, colour: "#4a6fa5", values: c.stepIDs.map { c.base.step($0)?.onTime }),
            Series(name: revised, colour: "#d9822b", values: c.stepIDs.map { c.revised.step($0)?.onTime }),
        ])
        let roles = c.roleIDs.filter { c.base.role($0)?.utilisation != nil || c.revised.role($0)?.utilisation != nil }
        body += "<h2>\(H.utilisationPerRole.text(in: bahasa))</h2>"
        body += chart(items: roles, series: [
            Series(name: base, colour: "#4a6fa5", values: roles.map { c.base.role($0)?.utilisation }),
            Series(name: revised, colour: "#d9822b", values: roles.map { c.revised.role($0)?.utilisation }),
        ])
        body += "<h2>\(H.baseHeading.text(in: bahasa))</h2>" + section(c.base, in: bahasa)
            + "<h2>\(H.revisedHeading.text(in: bahasa))</h2>" + section(c.revised, in: bahasa)
        return document(title: H.comparisonTitle.text(in: bahasa), body: body, in: bahasa)
    }

    private typealias H = SimulationHTMLMessages

    static func section(_ r: SimulationReport, in bahasa: Bahasa) -> String {
        typealias F = SimulationFormat
        func th(_ entries: [SimulationHTMLMessages]) -> String { entries.map { "<th>\($0.text(in: bahasa))</th>" }.joined() }
        var html = "<pre>\(r.header(in: bahasa).split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\n"))</pre>"
        if let unstable = r.unstable { html += "<p class=warn>\(escape(r.unstableText(unstable, in: bahasa)))</p>" }
        html += "<h3>\(H.onTimePerStep.text(in: bahasa))</h3>"
        html += chart(items: r.steps.map(\.id), series: [Series(name: SimulationMessages.colOnTime.text(in: bahasa), colour: "#4a6fa5", values: r.steps.map(\.onTime))])
        let used = r.roles.filter { $0.utilisation != nil && ($0.parts.mean > 0 || ($0.utilisation?.mean ?? 0) > 0) }
        html += "<h3>\(H.utilisationPerRole.text(in: bahasa))</h3>"
        html += chart(items: used.map(\.id), series: [Series(name: SimulationMessages.colUtilisation.text(in: bahasa), colour: "#d9822b", values: used.map(\.utilisation))])
        html += "<table><tr><th>#</th>" + th([.thStep, .thStandard, .thOnTime, .thWaitP50, .thWaitP90]) + "</tr>"
        for s in r.steps {
            html += "<tr><td>\(s.number)</td><td>\(escape(s.id))</td><td>\(escape(s.standard ?? "-"))</td><td>\(F.percent(s.onTime))</td>"
                + "<td>\(F.wait(s.waitP50.mean, in: bahasa))</td><td>\(F.wait(s.waitP90.mean, in: bahasa))</td></tr>"
        }
        html += "</table><table><tr>" + th([.thRole, .thStaff, .thUtilisation, .thOnTime, .thWaitP50, .thWaitP90]) + "</tr>"
        for role in r.roles {
            html += "<tr><td>\(escape(role.id))</td><td>\(role.staff.map(String.init) ?? "-")\(role.assumed ? "*" : "")</td>"
                + "<td>\(role.utilisation.map { F.percent($0) } ?? SimulationMessages.noLimit.text(in: bahasa))</td><td>\(F.percent(role.onTime))</td>"
                + "<td>\(F.wait(role.waitP50.mean, in: bahasa))</td><td>\(F.wait(role.waitP90.mean, in: bahasa))</td></tr>"
        }
        html += "</table>"
        let jangka = r.jangkaWaktu.map { SimulationMessages.ofJangka(["value": .text(escape($0))]) } ?? .empty
        html += "<p>" + H.casesLine.text(["share": .text("<b>\(F.percent(r.casesOnTime))</b>"), "jangka": .message(jangka),
                                          "p50": .text(F.days(r.leadP50.mean, in: bahasa)), "p90": .text(F.days(r.leadP90.mean, in: bahasa)),
                                          "worst": .text(F.days(r.leadWorst, in: bahasa))], in: bahasa) + "</p>"
        if let b = r.bottleneck { html += "<p>" + H.bottleneckLine.text(["role": .text("<b>\(escape(b))</b>")], in: bahasa) + "</p>" }
        html += "<p class=note>" + H.intervalsNote.text(["runs": .number(r.runCount)], in: bahasa) + "</p>"
        return html
    }

    /// A horizontal bar chart of shares (0 to 1), one row per item, one bar per series, the interval as a whisker.
    static func chart(items: [String], series: [Series]) -> String {
        let label = 170, width = 360, bar = 12, gap = 6
        let rowHeight = series.count * (bar + 2) + gap
        let height = items.count * rowHeight + 30
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(label + width + 60)\" height=\"\(height)\" viewBox=\"0 0 \(label + width + 60) \(height)\" role=\"img\">"
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = label + width * tick / 100
            svg += "<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(height - 20)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(x)\" y=\"\(height - 6)\" font-size=\"10\" text-anchor=\"middle\">\(tick)%</text>"
        }
        for (i, item) in items.enumerated() {
            let y0 = i * rowHeight
            svg += "<text x=\"\(label - 6)\" y=\"\(y0 + bar)\" font-size=\"11\" text-anchor=\"end\">\(escape(item))</text>"
            for (j, s) in series.enumerated() {
                guard let v = s.values[safe: i] ?? nil, v.isKnown else { continue }
                let y = y0 + j * (bar + 2)
                let w = Int((min(max(v.mean, 0), 1.5) * Double(width)).rounded())
                svg += "<rect x=\"\(label)\" y=\"\(y)\" width=\"\(w)\" height=\"\(bar)\" fill=\"\(s.colour)\"><title>\(escape(s.name)) \(SimulationFormat.percent(v))</title></rect>"
                let lo = label + Int(min(max(v.low, 0), 1.5) * Double(width)), hi = label + Int(min(max(v.high, 0), 1.5) * Double(width))
                if hi > lo { svg += "<line x1=\"\(lo)\" y1=\"\(y + bar / 2)\" x2=\"\(hi)\" y2=\"\(y + bar / 2)\" stroke=\"#222\"/>" }
                svg += "<text x=\"\(label + w + 4)\" y=\"\(y + bar - 2)\" font-size=\"10\">\(SimulationFormat.percent(v.mean))</text>"
            }
        }
        if series.count > 1 {
            for (j, s) in series.enumerated() {
                svg += "<rect x=\"\(label + width - 120 + j * 60)\" y=\"\(height - 16)\" width=\"10\" height=\"10\" fill=\"\(s.colour)\"/>"
                svg += "<text x=\"\(label + width - 106 + j * 60)\" y=\"\(height - 7)\" font-size=\"10\">\(escape(s.name))</text>"
            }
        }
        return svg + "</svg>"
    }

    static func document(title: String, body: String, in bahasa: Bahasa) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(bahasa.rawValue)"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>body{font-family:sans-serif;max-width:900px;margin:1em auto;color:#222}table{border-collapse:collapse;margin:1em 0}\
        td,th{border:1px solid #bbb;padding:2px 6px;font-size:13px}pre{background:#f6f6f6;padding:6px;overflow-x:auto}svg{max-width:100%;height:auto}.warn{color:#a00}.note{color:#666;font-size:12px}</style>
        </head><body><h1>\(escape(title))</h1>
        \(body)
        </body></html>

        """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in SimulationFormat.clean(text) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
