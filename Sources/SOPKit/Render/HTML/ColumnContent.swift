/// What the procedure table's six text columns hold (No, Uraian, Kelengkapan, Waktu, Output,
/// Keterangan), measured in CSS pixels, so that their widths can follow the content: a column
/// with long text widens, an empty one keeps only what its header needs.
struct ColumnContent: Sendable {
    /// The widest single word of each text column, its header's (bold) included.
    var widestWord: [Double]
    /// The width beyond which each column gains little: every cell's widest paragraph on one line,
    /// or the cell wrapped into four lines (a row's flowchart is never lower than that), whichever
    /// is narrower, with slack for the wrapping.
    var worthWidth: [Double]
    /// The total width of each column's text over all rows: how much it wants to grow.
    var demand: [Double]
    /// The widest word of the performers' names (bold, in the header): a performer column is never
    /// narrower, so that no name breaks inside a word.
    var performerWord: Double = 0

    /// No content known: the columns share the room in their usual proportions.
    static let unknown = ColumnContent(widestWord: Array(repeating: 0, count: 6),
                                       worthWidth: Array(repeating: .infinity, count: 6),
                                       demand: [0, 200, 120, 62, 120, 100])

    /// A row's flowchart is at least four lines of text high.
    static let linesWorthFitting = 4.0

    init(widestWord: [Double], worthWidth: [Double], demand: [Double]) {
        self.widestWord = widestWord
        self.worthWidth = worthWidth
        self.demand = demand
    }

    /// Measures `cells` (one per step) and the headers of the text columns.
    init(cells: [ProcedureCells], waktuHeader: String, performerNames: [String]) {
        let font = DocumentMetrics.fontSize
        performerWord = performerNames.flatMap { $0.split(separator: " ") }
            .map { TextMeasure.width($0, fontSize: DocumentMetrics.headerFontSize, bold: true) }.max() ?? 0
        let headers = ["No", "Uraian Prosedur", "Kelengkapan", waktuHeader, "Output", "Keterangan"]
        // "Uraian Prosedur" and "Keterangan" head their columns in the header's first row.
        widestWord = headers.map { header in
            header.split(separator: " ").map { TextMeasure.width($0, fontSize: DocumentMetrics.headerFontSize, bold: true) }.max() ?? 0
        }
        worthWidth = Array(repeating: 0, count: 6)
        demand = Array(repeating: 0, count: 6)
        for row in cells {
            let columns: [[String]] = [[], [row.uraian] + (row.question.map { [$0] } ?? []), row.kelengkapan, [row.waktu],
                                       row.output, row.keterangan]
            for (c, paragraphs) in columns.enumerated() {
                var widest = 0.0, all = 0.0
                for paragraph in paragraphs {
                    let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" })
                    let widths = words.map { TextMeasure.width($0, fontSize: font) }
                    let space = TextMeasure.width(" ", fontSize: font)
                    let whole = widths.reduce(0, +) + space * Double(max(0, widths.count - 1))
                    widestWord[c] = max(widestWord[c], widths.max() ?? 0)
                    widest = max(widest, whole)
                    all += whole
                }
                demand[c] += all
                worthWidth[c] = max(worthWidth[c], min(widest, all * 1.15 / ColumnContent.linesWorthFitting))
            }
        }
    }
}
