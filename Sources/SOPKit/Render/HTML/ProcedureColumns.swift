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

    /// The smallest widths of the text columns: No, Uraian, Kelengkapan, Waktu, Output, Keterangan.
    private static let floor: [Double] = [28, 160, 56, 52, 56, 56]
    /// A text column is never made wider than this just to fit one long word: it breaks instead.
    private static let widestWordCap = 150.0
    /// Performer columns: the smallest that keeps a symbol and a lane each side, and the widest worth drawing.
    private static let smallestPerformer = 64.0
    private static let largestPerformer = 110.0
    /// Column widths that follow the content (issue 15, finding 9): performer columns start as narrow
    /// as a symbol and its lanes allow; the text columns get at least their widest word (and their
    /// header's), then share the rest in proportion to how much text each holds, none wider than its
    /// cells need to wrap into four lines (`ColumnContent.worthWidth`); what is left widens the performer columns (up
    /// to 110 px), then Uraian.
    init(paper: PaperSize, performerCount: Int, content: ColumnContent = .unknown) {
        let count = max(1, performerCount)
        let total = paper.contentWidth - 1   // the collapsed outer border takes one pixel
        let padding = 2 * DocumentMetrics.cellPaddingX + 1
        var text = zip(ProcedureColumns.floor, content.widestWord).map { floor, word in
            max(floor, min(ProcedureColumns.widestWordCap, (word + padding).rounded(.up)))
        }
        // Wide enough for the longest word of a performer's name, where the text columns leave room.
        let room = ((total - text.reduce(0, +)) / Double(count)).rounded(.down)
        let narrowest = max(ProcedureColumns.smallestPerformer,
                            min(ProcedureColumns.largestPerformer, room, (content.performerWord + padding).rounded(.up)))
        var each = narrowest
        if each * Double(count) + text.reduce(0, +) > total {
            // Many performers: narrow the text columns, down to 70% of their width.
            let factor = max(0.7, (total - each * Double(count)) / text.reduce(0, +))
            text = text.map { ($0 * factor).rounded(.down) }
        }
        // Share the surplus among the text columns by their demand, each up to its widest paragraph.
        var surplus = total - each * Double(count) - text.reduce(0, +)
        let cap = zip(text, content.worthWidth).map { max($0, ($1 + padding).rounded(.up)) }
        var open = Set((1..<6).filter { text[$0] < cap[$0] && content.demand[$0] > 0 })
        while surplus >= 1, !open.isEmpty {
            let weight = open.map { content.demand[$0] }.reduce(0, +)
            var given = 0.0
            for c in open.sorted() {
                let share = min(cap[c] - text[c], (surplus * content.demand[c] / weight).rounded(.down))
                text[c] += share
                given += share
                if text[c] >= cap[c] { open.remove(c) }
            }
            surplus -= given
            if given < 1 { break }
        }
        // All text fits on single lines: the performer columns take what is left, then Uraian.
        if surplus >= Double(count) {
            let wider = min(ProcedureColumns.largestPerformer, each + (surplus / Double(count)).rounded(.down))
            surplus -= (wider - each) * Double(count)
            each = wider
        }
        text[1] += surplus
        let area = total - text.reduce(0, +)
        each = max(1, (area / Double(count)).rounded(.down))
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
