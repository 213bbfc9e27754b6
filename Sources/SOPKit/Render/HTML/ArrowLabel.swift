/// A decision outcome label written beside the start of its arrow, on one or two lines.
struct ArrowLabel: Sendable {
    var text: String
    /// The lines drawn (the text split in two when one line does not fit).
    var lines: [String]
    var x: Double
    /// The baseline of the first line.
    var y: Double
    /// Whether the text ends at `x` (to the left of the arrow) rather than starting there.
    var anchorEnd: Bool
    var fontSize: Double

    /// The distance between the baselines of two lines.
    var lineHeight: Double { (fontSize * 1.15 * 10).rounded() / 10 }

    /// The box the text covers (generously: ascent and descent of the widest font of the stack).
    var box: FlowBox {
        let width = lines.map { TextMeasure.width($0, fontSize: fontSize) }.max() ?? 0
        let top = y - 0.95 * fontSize, bottom = y + lineHeight * Double(lines.count - 1) + 0.3 * fontSize
        return anchorEnd ? (x - width, top, x, bottom) : (x, top, x + width, bottom)
    }

    /// Whether `text` fits `room` at the label size (8 pt), on one line or two.
    static func fits(_ text: String, room: Double) -> Bool {
        let size = DocumentMetrics.labelFontSize
        if TextMeasure.width(text, fontSize: size) <= room { return true }
        guard let split = twoLines(text) else { return false }
        return (split.map { TextMeasure.width($0, fontSize: size) }.max() ?? 0) <= room
    }

    /// `text` split at the space that makes the longer line shortest, or `nil` without a space.
    static func twoLines(_ text: String) -> [String]? {
        let words = text.split(separator: " ").map(String.init)
        guard words.count > 1 else { return nil }
        var best: [String]?
        var bestWidth = Double.infinity
        for k in 1..<words.count {
            let parts = [words[..<k].joined(separator: " "), words[k...].joined(separator: " ")]
            let widest = parts.map { TextMeasure.width($0, fontSize: 10) }.max() ?? 0
            if widest < bestWidth { bestWidth = widest; best = parts }
        }
        return best
    }
}

/// Places the outcome labels of a page once all its arrows are routed: each label goes beside the
/// first segment of its arrow, at the first of a list of positions and sizes (largest first) where
/// it crosses no arrow, symbol or other label and stays inside the performer columns and its strip.
struct LabelPlacer {
    let columns: ProcedureColumns
    let strips: [FlowStrip]
    let symbols: [PlacedSymbol]
    let arrows: [RoutedArrow]
    private var placed: [ArrowLabel] = []
    /// The y of every horizontal grid line (row borders; not the boundaries between a row's slots).
    private let gridLines: [Double]

    init(columns: ProcedureColumns, strips: [FlowStrip], symbols: [PlacedSymbol], arrows: [RoutedArrow]) {
        self.columns = columns
        self.strips = strips
        gridLines = FlowStrip.gridLines(strips)
        self.symbols = symbols.sorted { $0.index < $1.index }
        self.arrows = arrows
    }

    mutating func place(_ text: String, arrow k: Int, source s: PlacedSymbol) -> ArrowLabel {
        let points = arrows[k].points
        let p = points.first ?? s.point(arrows[k].exit)
        let strip = strips[s.strip]
        // (x, anchor at the end, baseline) of each position, best first: beside the first segment,
        // then clear of the row's symbols, above or below their band.
        var near: [(Double, Bool, Double)] = [], far: [(Double, Bool, Double)] = []
        switch arrows[k].exit {
        case .bottom:
            near = [(p.x + 3, false, p.y + 11), (p.x - 3, true, p.y + 11), (p.x + 3, false, p.y + 22), (p.x - 3, true, p.y + 22)]
            far = [(p.x + 3, false, strip.bottom - 3), (p.x - 3, true, strip.bottom - 3)]
        case .top:
            let turn = points.count > 1 ? points[1].y : p.y - 10
            near = [(p.x + 3, false, turn + 8.5), (p.x - 3, true, turn + 8.5)]
        case .left, .right:
            let goesUp = points.count > 2 && points[2].y < points[1].y
            let x = arrows[k].exit == .right ? p.x + 2 : p.x - 2
            let end = arrows[k].exit == .left
            let above = (x, end, p.y - 4), below = (x, end, p.y + 12)
            let out = end ? -8.0 : 8.0
            near = (goesUp ? [below, above] : [above, below]) + [(x + out, end, p.y - 4), (x + out, end, p.y + 12)]
            // Last, over or under the symbol itself, when the table's edge leaves no room outwards.
            // Above the band, clear of the jog (5 px above it) of the arrow coming down into the symbol.
            far = [(x, end, strip.bandTop - 3), (x, end, strip.bandBottom + 9), (p.x, !end, strip.bandTop - 3), (p.x, !end, strip.bandBottom + 9),
                   (p.x, !end, strip.bandTop - 9), (x, end, strip.bandTop - 9), (p.x, !end, strip.bandBottom + 14)]
        }
        // One size only: labels are never shrunk below 8 pt; a long one goes on two lines instead.
        let size = DocumentMetrics.labelFontSize
        let along = LabelPlacer.alongside(points)
        var layouts: [([String], Double, [(Double, Bool, Double)])] = [([text], size, near), ([text], size, far), ([text], size, along)]
        if let split = ArrowLabel.twoLines(text) { layouts.append((split, size, near + far + along)) }
        var best: ArrowLabel?
        var bestConflicts = Int.max
        for (lines, size, positions) in layouts {
            for (x, end, baseline) in positions {
                var label = ArrowLabel(text: text, lines: lines, x: x, y: baseline, anchorEnd: end, fontSize: size)
                // Two lines above a segment grow upwards.
                if lines.count > 1, baseline < p.y { label.y -= label.lineHeight * Double(lines.count - 1) }
                let n = conflicts(label, strip: s.strip)
                if n == 0 { placed.append(label); return label }
                if n < bestConflicts { best = label; bestConflicts = n }
            }
        }
        let chosen = best ?? ArrowLabel(text: text, lines: [text], x: p.x, y: p.y, anchorEnd: false, fontSize: size)
        placed.append(chosen)
        return chosen
    }

    /// How badly the label would overlap things: leaving the performer columns (onto text) worst,
    /// then symbols, other labels, arrows, and the edges of its strip.
    private func conflicts(_ label: ArrowLabel, strip: Int) -> Int {
        let b = label.box
        var count = 0
        if b.minX < columns.boundary(0) + 1 || b.maxX > columns.boundary(columns.performerCount) - 1 { count += 100 }
        if b.minY < strips[strip].top + 1 || b.maxY > strips[strip].bottom - 1 { count += 1 }
        // A grid line of the table through the label strikes it out.
        for j in 0...columns.performerCount where b.minX - 1 < columns.boundary(j) && columns.boundary(j) < b.maxX + 1 { count += 50 }
        for y in gridLines where b.minY - 1 < y && y < b.maxY + 1 { count += 50 }
        for s in symbols where b.minX < s.maxX + 1 && s.minX - 1 < b.maxX && b.minY < s.maxY + 1 && s.minY - 1 < b.maxY {
            count += 20
        }
        for arrow in arrows {
            for (a, c) in zip(arrow.points, arrow.points.dropFirst()) where LabelPlacer.segment(a, c, hits: b) { count += 2 }
        }
        for other in placed {
            let o = other.box
            if b.minX < o.maxX, o.minX < b.maxX, b.minY < o.maxY, o.minY < b.maxY { count += 10 }
        }
        return count
    }

    /// Positions beside the arrow's own first three segments, nearest its start first, on either
    /// side: where a crowded row leaves no room at the start, the label still reads as its edge's.
    static func alongside(_ points: [FlowPoint]) -> [(Double, Bool, Double)] {
        var result: [(Double, Bool, Double)] = []
        for (a, c) in zip(points, points.dropFirst()).prefix(3) {
            for t in [0.25, 0.5, 0.75] {
                let x = a.x + (c.x - a.x) * t, y = a.y + (c.y - a.y) * t
                if abs(a.y - c.y) < 0.01 {
                    // Horizontal: above or below it, starting or ending there.
                    result += [(x, false, y - 4), (x, true, y - 4), (x, false, y + 12), (x, true, y + 12)]
                } else {
                    // Vertical: to its right or its left.
                    result += [(x + 3, false, y + 4), (x - 3, true, y + 4)]
                }
            }
        }
        return result
    }

    /// Whether the horizontal or vertical segment a-c passes through the box.
    static func segment(_ a: FlowPoint, _ c: FlowPoint, hits b: FlowBox) -> Bool {
        let minX = min(a.x, c.x), maxX = max(a.x, c.x), minY = min(a.y, c.y), maxY = max(a.y, c.y)
        return minX < b.maxX + 0.5 && b.minX - 0.5 < maxX && minY < b.maxY + 0.5 && b.minY - 0.5 < maxY
    }
}
