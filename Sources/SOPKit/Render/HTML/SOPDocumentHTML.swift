/// The official printed SOP document (Permen PAN-RB 35/2012) as one self-contained HTML file: the
/// identity page, then the procedure table with its flowchart, paginated for A4 or F4 landscape.
///
/// The procedure table is laid out in Swift before any HTML is written: column widths in whole
/// pixels, row heights from the wrapped text and the symbols of each row, pages of fixed height.
/// Each page is its own table (with its own header) and carries an SVG overlay holding that page's
/// symbols and arrows, so the flowchart is exact and the same on screen, in print and in a PDF.
/// The output is deterministic: the same SOP gives the same bytes.
public struct SOPDocumentHTML: Sendable {
    /// The paper the document is laid out for.
    public var paper: PaperSize

    /// A renderer for `paper` (A4 landscape by default).
    public init(paper: PaperSize = .a4) {
        self.paper = paper
    }

    /// The whole document: one self-contained HTML string (no network: CSS, SVG and fonts inline;
    /// system font stacks only, no web fonts fetched).
    public func render(_ sop: SOPDefinition) -> String {
        let layout = ProcedureLayout(sop, paper: paper)
        var out = "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"sop\">\n"
        out += "<title>SOP \(HTMLText.escape(sop.nama))</title>\n"
        out += "<style>\n\(DocumentStyle.css(paper))\n</style>\n</head>\n"
        out += "<body class=\"kertas-\(paper.rawValue)\" data-sop=\"\(HTMLText.escape(sop.id))\" data-paper=\"\(paper.rawValue)\""
        out += " data-steps=\"\(sop.steps.count)\" data-pages=\"\(layout.pages.count)\""
        out += " data-page-height=\"\(HTMLText.number(paper.printableHeight))\">\n"
        out += IdentitySection(sop: sop).render()
        out += ProcedureTableHTML(layout: layout, sop: sop).render()
        out += "</body>\n</html>\n"
        return out
    }
}
