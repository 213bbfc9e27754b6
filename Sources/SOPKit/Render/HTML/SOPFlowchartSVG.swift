/// The flowchart of the printed document on its own, for a screen: per procedure page, the
/// performer columns of that page's table with the same symbols and arrows (``FlowSVG``), under a
/// band naming each performer, a light line between the columns, and each step's number (the
/// table's No) at the left of its row. Each page is one `svg`
/// element of class `alur diagram`; off-page connectors join them as they join the printed pages.
/// The symbols are styled by class (`simbol`, `teks-simbol`, `panah`, `kepala`, `label`,
/// `jembatan`): the page showing it supplies the style sheet (``styleSheet``).
public struct SOPFlowchartSVG: Sendable {
    /// The paper whose layout is drawn (the printed document's page breaks).
    public var paper: PaperSize

    public init(paper: PaperSize = .a4) {
        self.paper = paper
    }

    /// The height of the band above the columns holding the performers' names.
    static let nameBand = 22.0
    /// The width of the strip at the left holding the step numbers.
    static let numberStrip = 18.0

    /// One `svg` per procedure page, in order.
    public func render(_ sop: SOPDefinition) -> String {
        let layout = ProcedureLayout(sop, paper: paper)
        let columns = layout.columns
        let count = max(1, columns.performerCount)
        let left = columns.boundary(0) - Self.numberStrip, right = columns.boundary(count)
        let width = right - left
        let n = HTMLText.number
        var out = ""
        for page in layout.pages {
            // The rows begin under the table's header; the name band takes its place.
            let top = layout.headerHeights.reduce(0, +) - Self.nameBand
            let height = max(1, page.tableHeight - top)
            out += "<svg class=\"alur diagram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"\(n(left)) \(n(top)) \(n(width)) \(n(height))\""
            out += " width=\"\(n(width))\" role=\"img\" aria-label=\"Diagram alir \(HTMLText.escape(sop.nama)), halaman \(page.number) dari \(layout.pages.count)\""
            out += " data-page=\"\(page.number)\">\n"
            out += "<rect class=\"kepala-jalur\" x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(width))\" height=\"\(n(Self.nameBand))\"/>\n"
            for k in 0...count {
                let x = columns.boundary(k)
                out += "<line class=\"jalur\" x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(top + height))\"/>"
            }
            out += "\n"
            for step in page.steps {
                let y = (page.rowTop[step] ?? 0) + layout.rowHeights[step] / 2 + 3
                out += "<text class=\"nomor-langkah\" x=\"\(n(left + Self.numberStrip / 2))\" y=\"\(n(y))\" font-size=\"9\">\(step + 1)</text>"
            }
            out += "\n"
            for (k, performer) in sop.performers.enumerated() {
                let fit = max(3, Int(columns.performerWidth / 5.2))
                let name = performer.nama.count > fit ? String(performer.nama.prefix(fit - 1)) + "…" : performer.nama
                out += "<text class=\"nama-jalur\" x=\"\(n(columns.center(k)))\" y=\"\(n(top + 14))\" font-size=\"9\">"
                out += "<title>\(HTMLText.escape(performer.nama))</title>\(HTMLText.escape(name))</text>\n"
            }
            out += FlowSVG(page: page, width: layout.columns.tableWidth, height: page.tableHeight, sop: sop).content()
            out += "</svg>\n"
        }
        return out
    }

    /// The rules that draw the diagram as the printed document draws its flowchart.
    public static let styleSheet = """
        svg.diagram{display:block;max-width:100%;height:auto;margin:0 0 .5rem;background:#fff;font-family:system-ui,sans-serif}
        svg.diagram .kepala-jalur{fill:#eef3f6;stroke:none}
        svg.diagram .jalur{stroke:#bbb;stroke-width:.6}
        svg.diagram .nama-jalur{text-anchor:middle;fill:#111}
        svg.diagram .nomor-langkah{text-anchor:middle;fill:#555}
        svg.diagram .simbol{fill:#fff;stroke:#000;stroke-width:1.2}
        svg.diagram .teks-simbol{text-anchor:middle;fill:#000}
        svg.diagram .panah polyline{fill:none;stroke:#000;stroke-width:1}
        svg.diagram .panah .kepala{fill:#000;stroke:none}
        svg.diagram .label{fill:#000}
        svg.diagram .jembatan rect{fill:#fff;stroke:none}
        svg.diagram .jembatan line,svg.diagram .jembatan path{fill:none;stroke:#000;stroke-width:1}
        """
}
