/// A horizontal strip of a sheet that holds one line of symbols: a slot of a step's row, or the
/// connector band at the top or bottom of a page. Arrows jog and change lanes in its pads.
struct FlowStrip: Sendable {
    var place: FlowPlace
    /// The strip's top and bottom (row grid lines or slot boundaries).
    var top: Double
    var bottom: Double
    /// The band the symbols sit in, centred on `center`.
    var bandTop: Double
    var bandHeight: Double

    var bandBottom: Double { bandTop + bandHeight }
    var center: Double { bandTop + bandHeight / 2 }

    /// The row of a step's slot (`nil` for a connector band).
    var row: Int? {
        if case .row(let r, _) = place { return r }
        return nil
    }

    /// The y of the horizontal grid lines among `strips`: each row's and band's top and bottom, not
    /// the boundaries between the slots of one row.
    static func gridLines(_ strips: [FlowStrip]) -> [Double] {
        var lines: [Double] = []
        for (k, strip) in strips.enumerated() {
            if k == 0 || strips[k - 1].row == nil || strips[k - 1].row != strip.row { lines.append(strip.top) }
            if k == strips.count - 1 || strip.row == nil || strips[k + 1].row != strip.row { lines.append(strip.bottom) }
        }
        return lines
    }
}

/// A symbol with its position on a sheet.
struct PlacedSymbol: Sendable {
    var index: Int
    var symbol: FlowSymbol
    var center: FlowPoint
    var width: Double
    var height: Double
    /// The index of its strip in the page's strips.
    var strip: Int

    var minX: Double { center.x - width / 2 }
    var maxX: Double { center.x + width / 2 }
    var minY: Double { center.y - height / 2 }
    var maxY: Double { center.y + height / 2 }

    /// The height of a connector pentagon's rectangular part; the point takes the rest.
    static let connectorShoulder = 14.0

    /// Where an arrow leaves or enters by `side`; `offset` moves a side point of a rectangle or
    /// capsule up or down so that several arrows entering one side stay apart.
    func point(_ side: FlowSide, offset: Double = 0) -> FlowPoint {
        switch (side, symbol.shape) {
        case (.top, _): FlowPoint(x: center.x, y: minY)
        case (.bottom, _): FlowPoint(x: center.x, y: maxY)
        case (.left, .connector): FlowPoint(x: minX, y: minY + PlacedSymbol.connectorShoulder / 2)
        case (.right, .connector): FlowPoint(x: maxX, y: minY + PlacedSymbol.connectorShoulder / 2)
        case (.left, .decision): FlowPoint(x: minX, y: center.y)
        case (.right, .decision): FlowPoint(x: maxX, y: center.y)
        case (.left, _): FlowPoint(x: minX, y: center.y + offset)
        case (.right, _): FlowPoint(x: maxX, y: center.y + offset)
        }
    }

    /// Whether arrows entering one side can be spread apart (rectangles and capsules).
    var spreadsEntries: Bool { symbol.shape == .process || symbol.shape == .terminator }
}
