/// An arrow with its path on a sheet.
struct RoutedArrow: Sendable {
    var edge: FlowEdge
    /// The polyline from the source symbol's side to the target symbol's side.
    var points: [FlowPoint]
    /// The outcome label, placed once every arrow of the page is routed.
    var label: ArrowLabel?
    /// The side of the source symbol the arrow leaves by.
    var exit: FlowSide { edge.exitSide ?? .bottom }
}

/// Routes the arrows of one sheet with right angles only. An arrow to the row directly below goes
/// straight down (with one jog above the target when the columns differ). Every other arrow (a
/// loop back, a jump over rows, a side exit) leaves its symbol into the gutter lane beside it, runs
/// along the grid line between performer columns (where no symbol and no text is), changes lane
/// in the padding above or below a row's symbols when it must, and enters the target from the side.
/// Where that usual way would run along an earlier arrow, pass through a symbol or cross arrows,
/// other ways are tried (see `route`): another side of the target, a jog below the source, one
/// straight corner; the one with the fewest crossings, then bends, is drawn.
struct FlowRouter {
    let columns: ProcedureColumns
    let strips: [FlowStrip]
    let placed: [Int: PlacedSymbol]
    let model: FlowModel
    private var lanes: [Int: [(x: Double, low: Double, high: Double)]] = [:]
    private var topTransfers: [Int: Int] = [:]
    private var bottomTransfers: [Int: Int] = [:]
    private var entries: [Int: [FlowSide: Int]] = [:]
    /// The sides of each symbol an arrowhead already enters (at most one arrowhead per side).
    private var entered: [Int: Set<FlowSide>] = [:]
    /// Boxes lanes keep clear of: the outcome labels of an earlier routing of the page.
    private let obstacles: [FlowBox]

    init(columns: ProcedureColumns, strips: [FlowStrip], placed: [Int: PlacedSymbol], model: FlowModel,
         obstacles: [FlowBox] = []) {
        self.columns = columns
        self.strips = strips
        self.placed = placed
        self.model = model
        self.obstacles = obstacles
    }

    /// The paths of the arrows routed so far on this sheet.
    private var routed: [[FlowPoint]] = []

    /// The path of `edge`, or `nil` when either end is not on this sheet. The usual path is tried
    /// first; where it would run along another arrow or through a symbol, or cross more arrows than
    /// it must, the other ways in (another side of the target, the lane on the other side of a
    /// boundary) are tried, and the cheapest wins: a shared segment or a symbol crossed is never
    /// worth it, a crossing is worth a hundred bends.
    mutating func route(_ edge: FlowEdge) -> RoutedArrow? {
        guard let s = placed[edge.from], let t = placed[edge.to] else { return nil }
        var best: (router: FlowRouter, points: [FlowPoint], cost: Int)?
        for variant in 0..<FlowRouter.variantCount {
            var trial = self
            guard let raw = trial.path(edge, s, t, variant: variant) else { continue }
            let points = FlowRouter.simplified(raw)
            guard points.count >= 2 else { continue }
            let cost = trial.cost(points, from: s, to: t)
            if best == nil || cost < best!.cost { best = (trial, points, cost) }
            if cost < 10000, variant == 0, trial.crossings(points) == 0 { break }
        }
        guard let chosen = best else { return nil }
        self = chosen.router
        let points = chosen.points
        routed.append(points)
        entered[edge.to, default: []].insert(FlowRouter.entrySide(points))
        return RoutedArrow(edge: edge, points: points, label: nil)
    }

    /// How many ways an arrow may be tried.
    static let variantCount = 5

    /// The path of `edge` in way `variant` (0: the usual one), or `nil` when that way does not apply.
    private mutating func path(_ edge: FlowEdge, _ s: PlacedSymbol, _ t: PlacedSymbol, variant: Int) -> [FlowPoint]? {
        let exit = edge.exitSide ?? .bottom
        if edge.kind == .performer {
            let entry = edge.entrySide ?? .left
            switch variant {
            case 0: return performerPath(s, t, exit: exit, entry: entry)
            case 1, 2:
                // Over the row and into the target's side from the lane beside it, when the top is crowded.
                guard entry == .top else { return nil }
                let side: FlowSide = variant == 1 ? .left : .right
                guard !model.isTaken(side, of: t.index), !(entered[t.index]?.contains(side) ?? false) else { return nil }
                return performerSidePath(s, t, exit: exit, entry: side)
            default: return nil
            }
        }
        if s.strip == t.strip, let entry = edge.entrySide, exit == .left || exit == .right, entry != exit {
            return variant == 0 ? [s.point(exit), t.point(entry)] : nil
        }
        if exit == .bottom, edge.entrySide == nil || edge.entrySide == .top, t.strip == s.strip + 1 {
            let p = s.point(.bottom), e = t.point(.top)
            if abs(p.x - e.x) < 0.5 { return variant == 0 ? [p, FlowPoint(x: p.x, y: e.y)] : nil }
            switch variant {
            case 0:
                let jog = strips[t.strip].bandTop - DocumentMetrics.jogAbove
                return [p, FlowPoint(x: p.x, y: jog), FlowPoint(x: e.x, y: jog), e]
            case 1:
                // The jog just below the source instead of just above the target.
                let jog = strips[s.strip].bandBottom + DocumentMetrics.jogAbove
                return [p, FlowPoint(x: p.x, y: jog), FlowPoint(x: e.x, y: jog), e]
            case 2, 3:
                return gutterPath(s, t, exit: exit, entry: variant == 2 ? .left : .right)
            case 4: return straightCorner(s, t, exit: exit, entry: edge.entrySide)
            default: return nil
            }
        }
        switch variant {
        case 0: return gutterPath(s, t, exit: exit, entry: edge.entrySide)
        case 1 where exit == .bottom && (edge.entrySide == nil || edge.entrySide == .top) && t.minY > s.maxY
            && strips[t.strip].row != nil && strips[t.strip].row == strips[s.strip].row.map({ $0 + 1 }):
            // Down to the next row past a symbol below the source (a Selesai capsule): across just
            // below the source, then straight down into the target's top.
            let p = s.point(.bottom), e = t.point(.top)
            let jog = strips[s.strip].bandBottom + DocumentMetrics.jogAbove
            return [p, FlowPoint(x: p.x, y: jog), FlowPoint(x: e.x, y: jog), e]
        case 4: return straightCorner(s, t, exit: exit, entry: edge.entrySide)
        case 1, 2, 3:
            // Another side of the target than the usual one.
            guard edge.entrySide == nil, t.symbol.shape != .connector else { return nil }
            let side: FlowSide = [.left, .right, .top][variant - 1]
            guard !model.isTaken(side, of: t.index) || side == .top, !(entered[t.index]?.contains(side) ?? false) else { return nil }
            return gutterPath(s, t, exit: exit, entry: side)
        default: return nil
        }
    }

    /// One bend: out of the source's side straight across to above (below) the target and into its
    /// top (bottom), or out of its foot (top) straight down (up) to the target's height and into its
    /// side; `nil` when the corner is not ahead of both ends, when the target's side is taken, or
    /// when either leg would pass within 3 px of a symbol it does not join.
    private func straightCorner(_ s: PlacedSymbol, _ t: PlacedSymbol, exit: FlowSide, entry fixed: FlowSide?) -> [FlowPoint]? {
        let p = s.point(exit)
        let entry: FlowSide
        switch exit {
        case .left, .right: entry = t.center.y > p.y ? .top : .bottom
        case .top, .bottom: entry = t.center.x > p.x ? .left : .right
        }
        if let fixed, fixed != entry { return nil }
        if t.symbol.shape == .connector, entry == .left || entry == .right { return nil }
        if fixed == nil, model.isTaken(entry, of: t.index) { return nil }
        if entered[t.index]?.contains(entry) ?? false { return nil }
        let e = t.point(entry)
        let corner = exit == .left || exit == .right ? FlowPoint(x: e.x, y: p.y) : FlowPoint(x: p.x, y: e.y)
        let ahead: Bool
        switch exit {
        case .right: ahead = corner.x > p.x + 6
        case .left: ahead = corner.x < p.x - 6
        case .bottom: ahead = corner.y > p.y + 6
        case .top: ahead = corner.y < p.y - 6
        }
        guard ahead, abs(corner.x - e.x) + abs(corner.y - e.y) > 6 else { return nil }
        let points = [p, corner, e]
        for symbol in placed.values where symbol.index != s.index && symbol.index != t.index {
            let box: FlowBox = (symbol.minX - 3, symbol.minY - 3, symbol.maxX + 3, symbol.maxY + 3)
            for (a, b) in zip(points, points.dropFirst()) where FlowRouter.passesThrough(a, b, box) { return nil }
        }
        return points
    }

    /// What a path costs: running along another arrow or through a symbol it does not join rules it
    /// out (10000 each), each crossing of another arrow costs 100, each bend 1.
    private func cost(_ points: [FlowPoint], from s: PlacedSymbol, to t: PlacedSymbol) -> Int {
        var cost = points.count - 2 + 100 * crossings(points)
        let segments = Array(zip(points, points.dropFirst()))
        for other in routed {
            for (a, b) in segments {
                for (c, d) in zip(other, other.dropFirst()) where FlowRouter.sharesRun(a, b, c, d) { cost += 10000 }
            }
        }
        for symbol in placed.values where symbol.index != s.index && symbol.index != t.index {
            let box: FlowBox = (symbol.minX + 1, symbol.minY + 1, symbol.maxX - 1, symbol.maxY - 1)
            for (a, b) in segments where FlowRouter.passesThrough(a, b, box) { cost += 10000 }
        }
        // An arrowhead into a side another arrow already enters.
        if entered[t.index]?.contains(FlowRouter.entrySide(points)) ?? false { cost += 10000 }
        return cost
    }

    /// How many of the arrows routed so far the path crosses.
    private func crossings(_ points: [FlowPoint]) -> Int {
        var n = 0
        for other in routed {
            for (a, b) in zip(points, points.dropFirst()) {
                for (c, d) in zip(other, other.dropFirst()) where FlowRouter.crosses(a, b, c, d) { n += 1 }
            }
        }
        return n
    }

    /// Whether two axis-parallel segments run along each other for more than 2 px.
    static func sharesRun(_ a: FlowPoint, _ b: FlowPoint, _ c: FlowPoint, _ d: FlowPoint) -> Bool {
        func overlap(_ a1: Double, _ a2: Double, _ b1: Double, _ b2: Double) -> Double {
            min(max(a1, a2), max(b1, b2)) - max(min(a1, a2), min(b1, b2))
        }
        if abs(a.x - b.x) < 0.01, abs(c.x - d.x) < 0.01, abs(a.x - c.x) < 1 { return overlap(a.y, b.y, c.y, d.y) > 2 }
        if abs(a.y - b.y) < 0.01, abs(c.y - d.y) < 0.01, abs(a.y - c.y) < 1 { return overlap(a.x, b.x, c.x, d.x) > 2 }
        return false
    }

    /// Whether a horizontal and a vertical segment cross away from their ends.
    static func crosses(_ a: FlowPoint, _ b: FlowPoint, _ c: FlowPoint, _ d: FlowPoint) -> Bool {
        let (h1, h2, v1, v2): (FlowPoint, FlowPoint, FlowPoint, FlowPoint)
        if abs(a.y - b.y) < 0.01, abs(c.x - d.x) < 0.01 { (h1, h2, v1, v2) = (a, b, c, d) }
        else if abs(c.y - d.y) < 0.01, abs(a.x - b.x) < 0.01 { (h1, h2, v1, v2) = (c, d, a, b) }
        else { return false }
        let x = v1.x, y = h1.y
        return x > min(h1.x, h2.x) + 2 && x < max(h1.x, h2.x) - 2 && y > min(v1.y, v2.y) + 2 && y < max(v1.y, v2.y) - 2
    }

    /// Whether the axis-parallel segment a-b passes through the inside of `box`.
    static func passesThrough(_ a: FlowPoint, _ b: FlowPoint, _ box: FlowBox) -> Bool {
        if abs(a.y - b.y) < 0.01 {
            return a.y > box.minY && a.y < box.maxY && max(a.x, b.x) > box.minX && min(a.x, b.x) < box.maxX
        }
        return a.x > box.minX && a.x < box.maxX && max(a.y, b.y) > box.minY && min(a.y, b.y) < box.maxY
    }

    /// The side of its target the arrow through `points` enters by, from its last segment.
    static func entrySide(_ points: [FlowPoint]) -> FlowSide {
        let tip = points[points.count - 1], before = points[points.count - 2]
        if abs(tip.x - before.x) < 0.01 { return tip.y > before.y ? .top : .bottom }
        return tip.x > before.x ? .left : .right
    }

    /// Between the performers of one step: side to side, or over the row when another of the
    /// step's symbols stands between them or the target's facing side is taken.
    private func performerPath(_ s: PlacedSymbol, _ t: PlacedSymbol, exit: FlowSide, entry: FlowSide) -> [FlowPoint] {
        let p = s.point(exit), e = t.point(entry)
        let above = strips[s.strip].bandTop - DocumentMetrics.detour
        switch (exit, entry) {
        case (.left, .top), (.right, .top):
            // Out of the side into the gutter, over the row, down into the diamond.
            let gap = DocumentMetrics.gridGap
            let x = exit == .right ? columns.boundary(s.symbol.column + 1) - gap : columns.boundary(s.symbol.column) + gap
            return [p, FlowPoint(x: x, y: p.y), FlowPoint(x: x, y: above), FlowPoint(x: e.x, y: above), e]
        case (.left, _), (.right, _):
            return [p, FlowPoint(x: e.x, y: p.y)]
        case (.top, _):
            return [p, FlowPoint(x: p.x, y: above), FlowPoint(x: e.x, y: above), e]
        case (.bottom, _):
            let y = strips[s.strip].bandBottom + DocumentMetrics.detour
            return [p, FlowPoint(x: p.x, y: y), FlowPoint(x: e.x, y: y), e]
        }
    }

    /// Between the performers of one step, over the row and into a side of the target from the
    /// lane beside that side (when coming down into its top would run along another arrow).
    private mutating func performerSidePath(_ s: PlacedSymbol, _ t: PlacedSymbol, exit: FlowSide, entry: FlowSide) -> [FlowPoint] {
        let p = s.point(exit), e = t.point(entry, offset: entryOffset(t, entry))
        let above = strips[s.strip].bandTop - DocumentMetrics.detour
        var points = [p]
        if exit == .left || exit == .right {
            let gap = DocumentMetrics.gridGap
            let x = exit == .right ? columns.boundary(s.symbol.column + 1) - gap : columns.boundary(s.symbol.column) + gap
            points.append(FlowPoint(x: x, y: p.y))
            points.append(FlowPoint(x: x, y: above))
        } else {
            points.append(FlowPoint(x: p.x, y: above))
        }
        let j = entry == .left ? t.symbol.column : t.symbol.column + 1
        let x = lane(j, above, e.y)
        return points + [FlowPoint(x: x, y: above), FlowPoint(x: x, y: e.y), e]
    }

    /// Through the gutters: out of the source into the lane beside it, along the lane, across to
    /// the lane beside the target in the padding of the target's strip if needed, and in.
    private mutating func gutterPath(_ s: PlacedSymbol, _ t: PlacedSymbol, exit: FlowSide, entry fixed: FlowSide?) -> [FlowPoint] {
        let cs = s.symbol.column, ct = t.symbol.column
        let js: Int
        switch exit {
        case .right: js = cs + 1
        case .left: js = cs
        case .top, .bottom: js = ct < cs ? cs : cs + 1
        }
        let entry = fixed ?? chooseEntry(t, laneBoundary: js)
        let p = s.point(exit)
        var points = [p]
        var y = p.y
        if exit == .bottom {
            y = bottomTransfer(s.strip)
            points.append(FlowPoint(x: p.x, y: y))
        } else if exit == .top {
            y = topTransfer(s.strip)
            points.append(FlowPoint(x: p.x, y: y))
        }
        let e = t.point(entry, offset: entryOffset(t, entry))
        let jt: Int? = entry == .left ? ct : (entry == .right ? ct + 1 : nil)
        if let jt, jt == js {
            let x = lane(js, y, e.y)
            points += [FlowPoint(x: x, y: y), FlowPoint(x: x, y: e.y), e]
            return points
        }
        let transfer: Double
        if entry == .bottom {
            transfer = bottomTransfer(t.strip)
        } else if entry == .top || t.strip > s.strip || t.strip == s.strip {
            transfer = topTransfer(t.strip)
        } else {
            transfer = bottomTransfer(t.strip)
        }
        let x = lane(js, y, transfer)
        points += [FlowPoint(x: x, y: y), FlowPoint(x: x, y: transfer)]
        if let jt {
            let xt = lane(jt, transfer, e.y)
            points += [FlowPoint(x: xt, y: transfer), FlowPoint(x: xt, y: e.y), e]
        } else {
            points += [FlowPoint(x: e.x, y: transfer), e]
        }
        return points
    }

    /// The side an arrow from the lane at boundary `j` enters `t` by: the side facing the lane when
    /// it is free, else the other side, else the top.
    private func chooseEntry(_ t: PlacedSymbol, laneBoundary j: Int) -> FlowSide {
        // Connectors stand side by side in their band: arrows meet them from above or below.
        if t.symbol.shape == .connector, case .band(_, let top) = t.symbol.place { return top ? .bottom : .top }
        let preferred: [FlowSide] = j <= t.symbol.column ? [.left, .right] : [.right, .left]
        let free = preferred.filter { !model.isTaken($0, of: t.index) }
        return free.first { !(entered[t.index]?.contains($0) ?? false) } ?? free.first ?? .top
    }

    private mutating func entryOffset(_ t: PlacedSymbol, _ side: FlowSide) -> Double {
        guard side == .left || side == .right, t.spreadsEntries else { return 0 }
        let n = entries[t.index, default: [:]][side, default: 0]
        entries[t.index, default: [:]][side] = n + 1
        let offsets: [Double] = [0, -6, 6, -12, 12]
        let offset = offsets[n % offsets.count]
        return abs(offset) <= t.height / 2 - 3 ? offset : 0
    }

    private mutating func topTransfer(_ strip: Int) -> Double {
        let n = topTransfers[strip, default: 0]
        topTransfers[strip] = n + 1
        return strips[strip].top + DocumentMetrics.transferInset + 3 * Double(n % 2)
    }

    private mutating func bottomTransfer(_ strip: Int) -> Double {
        let n = bottomTransfers[strip, default: 0]
        bottomTransfers[strip] = n + 1
        return strips[strip].bottom - DocumentMetrics.transferInset - 3 * Double(n % 2)
    }

    /// A free lane along boundary `j` for a vertical run between `a` and `b`.
    private mutating func lane(_ j: Int, _ a: Double, _ b: Double) -> Double {
        let low = min(a, b) - 3, high = max(a, b) + 3
        // The lanes clear of the symbols by construction first; in narrow columns, then any lane at
        // least 2 mm from the grid line (those through a symbol are left out below).
        var candidates = columns.lanes(at: j)
        for d in DocumentMetrics.laneOffsets {
            for x in [j < columns.performerCount ? columns.boundary(j) + d : nil, j > 0 ? columns.boundary(j) - d : nil].compactMap({ $0 })
            where !candidates.contains(x) { candidates.append(x) }
        }
        let used = lanes[j, default: []]
        let free = candidates.filter { c in !used.contains { $0.x == c && $0.low < high && low < $0.high } }
        // Never through a symbol (a capsule wider than its column's symbols reaches into the lanes).
        let open = free.filter { c in
            !placed.values.contains { c > $0.minX - 3 && c < $0.maxX + 3 && low + 3 < $0.maxY && $0.minY < high - 3 }
        }
        let clear = open.filter { c in
            !obstacles.contains { c > $0.minX - 1 && c < $0.maxX + 1 && low + 3 < $0.maxY && $0.minY < high - 3 }
        }
        let x = clear.first ?? open.first ?? free.first ?? candidates[0]
        lanes[j, default: []].append((x, low, high))
        return x
    }

    /// `points` without repeated points and without middle points on a straight run.
    static func simplified(_ points: [FlowPoint]) -> [FlowPoint] {
        var out: [FlowPoint] = []
        for p in points {
            if let last = out.last, abs(last.x - p.x) < 0.01, abs(last.y - p.y) < 0.01 { continue }
            if out.count >= 2 {
                let a = out[out.count - 2], b = out[out.count - 1]
                let vertical = abs(a.x - b.x) < 0.01 && abs(b.x - p.x) < 0.01
                let horizontal = abs(a.y - b.y) < 0.01 && abs(b.y - p.y) < 0.01
                if vertical || horizontal { out[out.count - 1] = p; continue }
            }
            out.append(p)
        }
        return out
    }
}
