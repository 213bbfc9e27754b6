/// The document's stylesheet, inline in its `<head>`: system fonts only (nothing is fetched), the
/// page size for printing, and the sizes `DocumentMetrics` lays the procedure table out with.
enum DocumentStyle {
    /// Arial and its metric-compatible stand-ins first; DejaVu Sans last. Row heights are estimated
    /// for the widest of them, so text fits whichever the printing machine has.
    static let fontStack = "Arial, \"Liberation Sans\", Arimo, Helvetica, \"DejaVu Sans\", sans-serif"

    static func css(_ paper: PaperSize) -> String {
        let m = DocumentMetrics.self
        let px = HTMLText.px
        let width = px(paper.contentWidth)
        let margin = HTMLText.number(PaperSize.marginMillimetres) + "mm"
        let pagePadding = px((PaperSize.marginMillimetres * PaperSize.pixelsPerMillimetre).rounded())
        let pageHeight = px(paper.sheetHeight)
        return """
        @page { size: \(paper.cssPageSize); margin: \(margin);
          @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font-family: \(fontStack); font-size: 8pt; vertical-align: middle; } }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; font-family: \(fontStack); color: #000; font-size: 11px; line-height: 1.3; }
        p { margin: 0; }
        .halaman { box-sizing: content-box; width: \(width); }
        @media screen {
          body { background: #d9d9d9; padding: 12px 0; }
          .halaman { background: #fff; margin: 0 auto 16px; padding: \(pagePadding); box-shadow: 0 1px 5px rgba(0, 0, 0, 0.35); }
          .halaman.identitas { min-height: \(pageHeight); }
        }
        @media print {
          .halaman { margin: 0; padding: 0; break-after: page; page-break-after: always; }
          .halaman:last-child { break-after: auto; page-break-after: auto; }
        }
        h1.judul { font-size: 14px; text-align: center; margin: 0 0 10px; text-transform: uppercase; }
        table.kepala, table.kotak, table.tambahan { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 8px; }
        table.kepala td, table.kepala th, table.kotak td, table.kotak th, table.tambahan td, table.tambahan th {
          border: 1px solid #000; padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
        table.kepala th { width: 22%; font-weight: bold; }
        table.kepala td.unit { width: 44%; text-align: center; vertical-align: middle; font-weight: bold; }
        table.kepala td.unit p { margin: 2px 0; }
        table.kepala .nama { font-weight: bold; text-decoration: underline; }
        img.logo { display: block; max-width: 30mm; max-height: 30mm; margin: 4px auto 10px; object-fit: contain; }
        .ttd { height: 27mm; }
        .isian { border-bottom: 1px dotted #000; margin: 0 8mm 2px 0; }
        .isian-nip { margin-top: 4px; }
        table.kotak th { font-weight: bold; background: none; }
        table.kotak ol { margin: 0; padding-left: 18px; }
        table.tambahan th { width: 26%; }
        table.tambahan ol { margin: 0; padding-left: 18px; }
        .lembar { position: relative; }
        .kepala-halaman { display: flex; justify-content: space-between; align-items: flex-start; box-sizing: border-box;
          font-size: 11px; line-height: 14px; white-space: nowrap; overflow: hidden; }
        .kepala-halaman .nama-sop { font-weight: bold; }
        table.prosedur tr.nomor-kolom th { padding: 1px 2px; font-weight: normal; }
        table.prosedur { border-collapse: collapse; table-layout: fixed; font-size: \(px(m.fontSize)); line-height: \(px(m.lineHeight)); }
        table.prosedur th, table.prosedur td { border: 1px solid #000; padding: \(px(m.cellPaddingY)) \(px(m.cellPaddingX));
          vertical-align: top; overflow-wrap: anywhere; word-break: normal; hyphens: manual; overflow: hidden; }
        table.prosedur thead { display: table-header-group; }
        table.prosedur thead th { font-size: \(px(m.headerFontSize)); line-height: \(px(m.headerLineHeight)); font-weight: bold;
          text-align: center; vertical-align: middle; }
        table.prosedur tr { break-inside: avoid; page-break-inside: avoid; }
        table.prosedur td.no, table.prosedur td.waktu { text-align: center; }
        table.prosedur td.pelaksana { padding: 0; }
        table.prosedur .pertanyaan { font-style: italic; }
        svg.alur { position: absolute; left: 0; top: 0; overflow: visible; pointer-events: none; font-family: \(fontStack); }
        svg.alur .simbol { fill: #fff; stroke: #000; stroke-width: 1.2; }
        svg.alur .teks-simbol { text-anchor: middle; fill: #000; }
        svg.alur .panah polyline { fill: none; stroke: #000; stroke-width: 1; }
        svg.alur .panah .kepala { fill: #000; stroke: none; }
        svg.alur .label { fill: #000; }
        svg.alur .jembatan rect { fill: #fff; stroke: none; }
        svg.alur .jembatan line, svg.alur .jembatan path { fill: none; stroke: #000; stroke-width: 1; }
        """
    }
}
