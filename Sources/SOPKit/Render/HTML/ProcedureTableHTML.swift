/// The procedure pages (Bagian Flowchart): per page one table with its own header, the rows of
/// that page and, on a multi-page table, the bands holding the off-page connectors; over the
/// table, the page's flowchart as an SVG.
struct ProcedureTableHTML {
    let layout: ProcedureLayout
    let sop: SOPDefinition

    func render() -> String {
        layout.pages.map(page).joined()
    }

    private func page(_ p: ProcedurePage) -> String {
        let height = max(layout.tableSheetHeight, p.tableHeight)
        let width = layout.columns.tableWidth
        var out = "<section class=\"halaman prosedur\" data-page=\"\(p.number)\" data-pages=\"\(layout.pages.count)\">\n"
        out += runningHeader(page: p.number, width: width)
        out += "<div class=\"lembar\" style=\"width:\(HTMLText.px(width));height:\(HTMLText.px(height))\">\n"
        out += "<table class=\"prosedur\" style=\"width:\(HTMLText.px(width))\">\n<colgroup>"
        out += layout.columns.widths.map { "<col style=\"width:\(HTMLText.px($0))\">" }.joined()
        out += "</colgroup>\n" + header()
        out += "<tbody>\n"
        if p.topBand { out += band(top: true) }
        for i in p.steps { out += row(i, top: p.rowTop[i] ?? 0) }
        if p.bottomBand { out += band(top: false) }
        out += "</tbody>\n</table>\n"
        out += FlowSVG(page: p, width: width, height: height, sop: sop).render()
        out += "</div>\n</section>\n"
        return out
    }

    /// The SOP's name and Nomor above every procedure table, as the seed prints "SOP ANAK JALANAN"
    /// above its table; the page number ("Halaman x dari y") is printed in the page margin.
    private func runningHeader(page: Int, width: Double) -> String {
        var out = "<div class=\"kepala-halaman\" style=\"width:\(HTMLText.px(width));height:\(HTMLText.px(DocumentMetrics.runningHeaderHeight))\">"
        out += "<span class=\"nama-sop\">SOP \(HTMLText.escape(sop.nama.uppercased()))</span>"
        if let nomor = sop.nomor { out += "<span class=\"nomor-sop\">Nomor: \(HTMLText.escape(nomor))</span>" }
        out += "<span class=\"lembar-ke\">Prosedur, lembar \(page) dari \(layout.pages.count)</span>"
        return out + "</div>\n"
    }

    private func header() -> String {
        let h = layout.headerHeights
        let n = sop.performers.count
        var out = "<thead>\n<tr style=\"height:\(HTMLText.px(h[0]))\">"
        out += "<th rowspan=\"2\">No</th><th rowspan=\"2\">Uraian Prosedur</th>"
        out += "<th colspan=\"\(max(1, n))\">Pelaksana</th><th colspan=\"3\">Mutu Baku</th><th rowspan=\"2\">Keterangan</th></tr>\n"
        out += "<tr style=\"height:\(HTMLText.px(h[1]))\">"
        if sop.performers.isEmpty { out += "<th></th>" }
        for performer in sop.performers {
            let title = performer.jabatan.map { " title=\"\(HTMLText.escape($0))\"" } ?? ""
            out += "<th class=\"pelaksana\" data-performer=\"\(HTMLText.escape(performer.id))\"\(title)>\(HTMLText.escape(performer.nama))</th>"
        }
        out += "<th>Kelengkapan</th><th>\(HTMLText.escape(ProcedureCells.waktuHeader(sop)))</th><th>Output</th></tr>\n"
        out += "<tr class=\"nomor-kolom\" style=\"height:\(HTMLText.px(h[2]))\">"
        out += (1...layout.columns.widths.count).map { "<th>\($0)</th>" }.joined() + "</tr>\n</thead>\n"
        return out
    }

    private func row(_ i: Int, top: Double) -> String {
        let step = sop.steps[i]
        let cells = layout.cells[i]
        let height = layout.rowHeights[i]
        var out = "<tr class=\"langkah\" id=\"langkah-\(i + 1)\" data-row=\"\(i + 1)\" data-step=\"\(HTMLText.escape(step.id))\""
        out += " data-performers=\"\(HTMLText.escape(step.performers.map(\.value).joined(separator: " ")))\""
        out += " data-mode=\"\(step.mode.rawValue)\""
        out += " data-y=\"\(HTMLText.number(top))\" data-h=\"\(HTMLText.number(height))\" style=\"height:\(HTMLText.px(height))\">\n"
        out += "<td class=\"no\">\(i + 1)</td>"
        out += "<td class=\"uraian\">\(paragraphs([cells.uraian]))"
        if let question = cells.question { out += "<p class=\"pertanyaan\">\(HTMLText.escape(question))</p>" }
        out += "</td>\n"
        for performer in sop.performers {
            out += "<td class=\"pelaksana\" data-performer=\"\(HTMLText.escape(performer.id))\"></td>"
        }
        if sop.performers.isEmpty { out += "<td class=\"pelaksana\"></td>" }
        out += "\n<td class=\"kelengkapan\">\(paragraphs(cells.kelengkapan))</td>"
        out += "<td class=\"waktu\">\(paragraphs([cells.waktu]))</td>"
        out += "<td class=\"output\">\(paragraphs(cells.output))</td>"
        out += "<td class=\"keterangan\">\(paragraphs(cells.keterangan))</td>\n</tr>\n"
        return out
    }

    /// An empty row holding off-page connectors, with the table's grid.
    private func band(top: Bool) -> String {
        let cells = String(repeating: "<td></td>", count: layout.columns.widths.count)
        return "<tr class=\"sambungan\" data-band=\"\(top ? "atas" : "bawah")\" style=\"height:\(HTMLText.px(DocumentMetrics.bandHeight))\">\(cells)</tr>\n"
    }

    private func paragraphs(_ items: [String]) -> String {
        items.map { "<p>\(HTMLText.escape($0))</p>" }.joined()
    }
}
