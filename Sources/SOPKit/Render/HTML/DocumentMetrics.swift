/// The fixed sizes of the printed document, in CSS pixels (96 per inch). Row heights and symbol
/// positions are computed from these, so the stylesheet and the layout must agree on them.
enum DocumentMetrics {
    // Text of the procedure table.
    // No type below 8 pt (10.67 CSS px) anywhere: 11 px is 8.25 pt, on A4 and F4 alike.
    /// Font size of the table body.
    static let fontSize = 11.0
    /// Line height of the table body.
    static let lineHeight = 13.5
    /// Font size of the table header (bold).
    static let headerFontSize = 11.0
    /// Line height of the table header.
    static let headerLineHeight = 13.0
    /// Vertical padding of a cell.
    static let cellPaddingY = 4.0
    /// Horizontal padding of a cell.
    static let cellPaddingX = 4.0
    /// Height of the header's first row (No, Uraian Prosedur, Pelaksana, Mutu Baku, Keterangan).
    static let headerFirstRow = 22.0
    /// Smallest height of the header's second row (performer names, Kelengkapan, Waktu, Output).
    static let headerSecondRowMinimum = 26.0
    /// Height of the header's third row: the column numbers (1, 2, 3, ...).
    static let columnNumberRow = 18.0
    /// Height of the running header above each procedure table (the SOP's name and Nomor).
    static let runningHeaderHeight = 22.0

    // Symbols.
    static let processHeight = 26.0
    static let decisionHeight = 36.0
    static let terminatorHeight = 22.0
    static let connectorSize = 22.0
    /// Largest symbol width.
    static let symbolMaxWidth = 72.0
    /// Font size of the text inside terminators and connectors.
    static let symbolFontSize = 11.0
    /// Font size of decision outcome labels.
    static let labelFontSize = 11.0
    /// Length and half-width of an arrowhead.
    static let arrowHead = 5.0
    static let arrowHalfWidth = 2.5

    // The vertical structure of a row's flow area: each slot is pad, symbol band, pad.
    /// Space above a slot's symbols: arrows jog and transfer here.
    static let slotPadTop = 22.0
    /// Space below a slot's symbols: outcome labels, then transfers.
    static let slotPadBottom = 20.0
    /// How far above a row's symbol band an arrow coming down jogs across to its target's column.
    static let jogAbove = 5.0
    /// How far above (below) the symbol band an arrow between two performers of a step runs round another symbol.
    static let detour = 10.0
    /// How far from the top (bottom) of a strip arrows run across to change lanes.
    static let transferInset = 9.0
    /// Height of the connector band at the top or bottom of a page of a multi-page table.
    static var bandHeight: Double { slotPadTop + connectorSize + slotPadBottom }

    /// Distances of gutter lanes from a column boundary: at least 2 mm (7.6 px) from the grid line,
    /// so that a line running beside it never reads as a doubled border.
    static let laneOffsets: [Double] = [9, 13, 17, 21, 25]
    /// The smallest distance between an arrow running along a grid line and that line.
    static let gridGap = 9.0
    /// Half the width of the hop an arrow makes over another it crosses.
    static let bridgeRadius = 4.0
    /// Space kept between a lane and a symbol.
    static let laneClearance = 4.0
}
