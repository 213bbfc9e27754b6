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
        // Beside the start of the arrow, on one line, when one of those places is clear.
        for (x, end, baseline) in near {
            let label = ArrowLabel(text: text, lines: [text], x: x, y: baseline, anchorEnd: end, fontSize: size)
            if conflicts(label, strip: s.strip) == 0 { placed.append(label); return label }
        }
        // Otherwise the clear place that reads best as this arrow's: the other usual places (on one
        // line or two) and every place on a 3 px grid over the cells the arrow's first segments cross.
        var candidates: [ArrowLabel] = []
        for (x, end, baseline) in far + along {
            candidates.append(ArrowLabel(text: text, lines: [text], x: x, y: baseline, anchorEnd: end, fontSize: size))
        }
        if let split = ArrowLabel.twoLines(text) {
            for (x, end, baseline) in near + far + along {
                var label = ArrowLabel(text: text, lines: split, x: x, y: baseline, anchorEnd: end, fontSize: size)
                // Two lines above a segment grow upwards.
                if baseline < p.y { label.y -= label.lineHeight }
                candidates.append(label)
            }
        }
        let area = searchArea(arrow: k, source: s)
        // The first of the usual places that is clear and nearer this arrow than any other.
        for label in candidates where conflicts(label, strip: s.strip) == 0 && !nearerAnother(label.box, arrow: k) {
            placed.append(label)
            return label
        }
        var best: (label: ArrowLabel, score: Double)?
        var fallback: (label: ArrowLabel, conflicts: Int)?
        for label in candidates {
            let n = conflicts(label, top: area.top, bottom: area.bottom)
            if n == 0 {
                let score = self.score(label.box, lines: label.lines.count, arrow: k)
                if best == nil || score < best!.score { best = (label, score) }
            } else if fallback == nil || n < fallback!.conflicts {
                fallback = (label, n)
            }
        }
        if let found = grid(text, area: area, arrow: k), best == nil || found.score < best!.score { best = found }
        let chosen = best?.label ?? fallback?.label ?? ArrowLabel(text: text, lines: [text], x: p.x, y: p.y, anchorEnd: false, fontSize: size)
        placed.append(chosen)
        return chosen
    }

    /// The performer columns and rows the arrow's first two segments cross (with its source's).
    private func searchArea(arrow k: Int, source s: PlacedSymbol) -> (left: Double, right: Double, top: Double, bottom: Double) {
        let own = Array(zip(arrows[k].points, arrows[k].points.dropFirst()).prefix(2))
        let xs = own.flatMap { [$0.0.x, $0.1.x] } + [s.center.x], ys = own.flatMap { [$0.0.y, $0.1.y] } + [s.center.y]
        let columnOf = { (x: Double) in (0..<self.columns.performerCount).last { self.columns.boundary($0) <= x } ?? 0 }
        let left = columns.boundary(columnOf(xs.min() ?? s.center.x)), right = columns.boundary(columnOf(xs.max() ?? s.center.x) + 1)
        // Whole rows: their slots are not divided by grid lines.
        let rows = Set(strips.filter { strip in ys.contains { $0 >= strip.top && $0 <= strip.bottom } }.compactMap(\.row))
        let inRows = strips.filter { $0.row.map(rows.contains) ?? false }
        let top = inRows.map(\.top).min() ?? strips[s.strip].top, bottom = inRows.map(\.bottom).max() ?? strips[s.strip].bottom
        return (left, right, top, bottom)
    }

    /// The best clear place of the label, on one line or two, on a 3 px grid over `area`. The
    /// lines, symbols and labels near the area are gathered once, and each place is given up at its
    /// first conflict, so that a crowded page stays quick.
    private func grid(_ text: String, area: (left: Double, right: Double, top: Double, bottom: Double), arrow k: Int) -> (label: ArrowLabel, score: Double)? {
        let size = DocumentMetrics.labelFontSize
        var layouts = [[text]]
        if let split = ArrowLabel.twoLines(text) { layouts.append(split) }
        func near(_ b: FlowBox) -> Bool { b.minX < area.right + 2 && area.left - 2 < b.maxX && b.minY < area.bottom + 2 && area.top - 2 < b.maxY }
        let segments = arrows.flatMap { a in zip(a.points, a.points.dropFirst()).map { ($0, $1) } }.filter { a, c in
            near((min(a.x, c.x), min(a.y, c.y), max(a.x, c.x), max(a.y, c.y)))
        }
        let boxes = symbols.map { (minX: $0.minX - 1, minY: $0.minY - 1, maxX: $0.maxX + 1, maxY: $0.maxY + 1) }.filter(near)
        let labels = placed.map(\.box).filter(near)
        // The other arrows' segments within reach of the area, for the score.
        let reach: FlowBox = (area.left - 60, area.top - 60, area.right + 60, area.bottom + 60)
        let others = otherSegments(k).filter { (a: FlowPoint, c: FlowPoint) -> Bool in
            let box: FlowBox = (min(a.x, c.x), min(a.y, c.y), max(a.x, c.x), max(a.y, c.y))
            return box.maxX > reach.minX && box.minX < reach.maxX && box.maxY > reach.minY && box.minY < reach.maxY
        }
        let verticals = (0...columns.performerCount).map { columns.boundary($0) }
        let horizontals = gridLines.filter { $0 > area.top - 20 && $0 < area.bottom + 20 }
        var best: (label: ArrowLabel, score: Double)?
        for lines in layouts {
            let probe = ArrowLabel(text: text, lines: lines, x: 0, y: 0, anchorEnd: false, fontSize: size)
            let shape = probe.box
            var x = area.left + 2
            while x + shape.maxX < area.right - 1 {
                let minX = x + shape.minX, maxX = x + shape.maxX
                if verticals.contains(where: { minX - 1 < $0 && $0 < maxX + 1 }) { x += 3; continue }
                var y = area.top + 1 - shape.minY
                while y + shape.maxY < area.bottom - 1 {
                    let b: FlowBox = (minX, y + shape.minY, maxX, y + shape.maxY)
                    y += 3
                    if horizontals.contains(where: { b.minY - 1 < $0 && $0 < b.maxY + 1 }) { continue }
                    if boxes.contains(where: { b.minX < $0.maxX && $0.minX < b.maxX && b.minY < $0.maxY && $0.minY < b.maxY }) { continue }
                    if segments.contains(where: { LabelPlacer.segment($0.0, $0.1, hits: b) }) { continue }
                    // Better at least 3 px from every line, as the usual places are.
                    let clearance: FlowBox = (b.minX - 2, b.minY - 2, b.maxX + 2, b.maxY + 2)
                    let tight = segments.contains { LabelPlacer.segment($0.0, $0.1, hits: clearance) }
                    if labels.contains(where: { b.minX < $0.maxX && $0.minX < b.maxX && b.minY < $0.maxY && $0.minY < b.maxY }) { continue }
                    let score = self.score(b, lines: lines.count, arrow: k, others: others) + (tight ? 8 : 0)
                    if best == nil || score < best!.score {
                        best = (ArrowLabel(text: text, lines: lines, x: x, y: b.minY - shape.minY, anchorEnd: false, fontSize: size), score)
                    }
                }
                x += 3
            }
        }
        return best
    }

    /// How well a clear place reads as the label of arrow `k`: nearest its own first two segments,
    /// then nearest where it starts; a place nearer another arrow than its own reads as that
    /// arrow's and is taken only when nothing else is clear; one line reads better than two.
    private func score(_ b: FlowBox, lines: Int, arrow k: Int, others segments: [(FlowPoint, FlowPoint)]? = nil) -> Double {
        let own = Array(zip(arrows[k].points, arrows[k].points.dropFirst()).prefix(2))
        let mine = own.map { LabelPlacer.distance($0.0, $0.1, b) }.min() ?? 0
        let all = segments ?? otherSegments(k)
        var others = Double.infinity
        for (a, c) in all { others = min(others, LabelPlacer.distance(a, c, b)) }
        let start = own.first.map { LabelPlacer.distance($0.0, $0.0, b) } ?? 0
        return mine + 0.5 * start + (others < mine + 2 ? 40 : 0) + (lines > 1 ? 2 : 0)
    }

    /// Whether a place lies clearly (2 px) nearer another arrow than the first two segments of its own.
    private func nearerAnother(_ b: FlowBox, arrow k: Int) -> Bool {
        let own = zip(arrows[k].points, arrows[k].points.dropFirst()).prefix(2)
        let mine = own.map { LabelPlacer.distance($0.0, $0.1, b) }.min() ?? 0
        return otherSegments(k).contains { LabelPlacer.distance($0.0, $0.1, b) < mine - 2 }
    }

    /// The segments of every arrow of the page but arrow `k`.
    private func otherSegments(_ k: Int) -> [(FlowPoint, FlowPoint)] {
        var result: [(FlowPoint, FlowPoint)] = []
        for (n, arrow) in arrows.enumerated() where n != k {
            for (a, c) in zip(arrow.points, arrow.points.dropFirst()) { result.append((a, c)) }
        }
        return result
    }

    /// The distance between the segment a-c and the box.
    static func distance(_ a: FlowPoint, _ c: FlowPoint, _ b: FlowBox) -> Double {
        let dx = max(0, max(b.minX - max(a.x, c.x), min(a.x, c.x) - b.maxX))
        let dy = max(0, max(b.minY - max(a.y, c.y), min(a.y, c.y) - b.maxY))
        return (dx * dx + dy * dy).squareRoot()
    }

    /// How badly the label would overlap things: leaving the performer columns (onto text) worst,
    /// then symbols, other labels, arrows, and the edges of its strip.
    private func conflicts(_ label: ArrowLabel, strip: Int) -> Int {
        conflicts(label, top: strips[strip].top, bottom: strips[strip].bottom)
    }

    /// How badly the label would overlap things when it should stay between `top` and `bottom`.
    private func conflicts(_ label: ArrowLabel, top: Double, bottom: Double) -> Int {
        let b = label.box
        var count = 0
        if b.minX < columns.boundary(0) + 1 || b.maxX > columns.boundary(columns.performerCount) - 1 { count += 100 }
        if b.minY < top + 1 || b.maxY > bottom - 1 { count += 1 }
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
