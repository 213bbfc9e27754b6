/// The column widths of the procedure table: No, Uraian Prosedur, one column per performer, the
/// three Mutu Baku columns (Kelengkapan, Waktu, Output) and Keterangan. Widths are whole CSS
/// pixels so that every grid line, and so every symbol and arrow, falls on a known position.
struct ProcedureColumns: Sendable {
    /// Widths in table order.
    let widths: [Double]
    /// The number of performer columns.
    let performerCount: Int
    /// The width of each performer column.
    let performerWidth: Double
    /// The width of a symbol drawn in a performer column.
    let symbolWidth: Double
    /// The free space on each side of a symbol, where arrows run.
    let margin: Double

    /// Widths of the text columns before adjustment: No, Uraian, Kelengkapan, Waktu, Output, Keterangan.
    private static let base: [Double] = [28, 200, 120, 62, 120, 100]
    private static let smallestPerformer = 64.0
    private static let largestPerformer = 110.0

    init(paper: PaperSize, performerCount: Int) {
        let count = max(1, performerCount)
        let total = paper.contentWidth - 1   // the collapsed outer border takes one pixel
        var text = ProcedureColumns.base
        var area = total - text.reduce(0, +)
        if area / Double(count) > ProcedureColumns.largestPerformer {
            // Wide paper or few performers: the text columns take what the performers do not need.
            let surplus = area - ProcedureColumns.largestPerformer * Double(count)
            let kelengkapan = (surplus * 0.25).rounded(.down)
            text[2] += kelengkapan
            text[4] += kelengkapan
            text[1] += surplus - 2 * kelengkapan
        } else if area / Double(count) < ProcedureColumns.smallestPerformer {
            // Many performers: narrow the text columns, down to 70% of their width.
            let wanted = total - ProcedureColumns.smallestPerformer * Double(count)
            let factor = max(0.7, wanted / text.reduce(0, +))
            text = text.map { ($0 * factor).rounded(.down) }
        }
        area = total - text.reduce(0, +)
        let each = max(1, (area / Double(count)).rounded(.down))
        text[1] += area - each * Double(count)   // the rounding remainder goes to Uraian
        performerWidth = each
        self.performerCount = count
        widths = [text[0], text[1]] + Array(repeating: each, count: count) + [text[2], text[3], text[4], text[5]]
        let preferredMargin = min(20, max(10, each * 0.25))
        symbolWidth = max(16, min(DocumentMetrics.symbolMaxWidth, each - 2 * preferredMargin))
        margin = max(0, (each - symbolWidth) / 2)
    }

    /// The grid line at the left of column `index` (table order); the table's outer grid line is at 0.5.
    func left(_ index: Int) -> Double {
        0.5 + widths.prefix(max(0, min(index, widths.count))).reduce(0, +)
    }

    /// The grid line at the left of performer column `k`, or at the right of the last one for `k == performerCount`.
    func boundary(_ k: Int) -> Double { left(2 + k) }

    /// The centre of performer column `k`.
    func center(_ k: Int) -> Double { boundary(k) + performerWidth / 2 }

    /// The x positions of gutter lanes along boundary `j`, nearest first, that keep clear of symbols.
    func lanes(at j: Int) -> [Double] {
        var result: [Double] = []
        for d in DocumentMetrics.laneOffsets where d <= margin - DocumentMetrics.laneClearance {
            if j < performerCount { result.append(boundary(j) + d) }
            if j > 0 { result.append(boundary(j) - d) }
        }
        if result.isEmpty {
            // Columns too narrow for a lane clear of the symbols: keep at least the gap from the grid line.
            result.append(boundary(j) + (j < performerCount ? DocumentMetrics.gridGap : -DocumentMetrics.gridGap))
        }
        return result
    }

    /// The inner width available to text in column `index`.
    func textWidth(_ index: Int) -> Double {
        widths[index] - 2 * DocumentMetrics.cellPaddingX - 1
    }

    /// The table's total width including the outer border.
    var tableWidth: Double { widths.reduce(0, +) + 1 }
}
