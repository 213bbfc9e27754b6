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

    /// The path of `edge`, or `nil` when either end is not on this sheet.
    mutating func route(_ edge: FlowEdge) -> RoutedArrow? {
        guard let s = placed[edge.from], let t = placed[edge.to] else { return nil }
        let exit = edge.exitSide ?? .bottom
        var points: [FlowPoint]
        if edge.kind == .performer {
            points = performerPath(s, t, exit: exit, entry: edge.entrySide ?? .left)
        } else if s.strip == t.strip, let entry = edge.entrySide, exit == .left || exit == .right, entry != exit {
            points = [s.point(exit), t.point(entry)]
        } else if exit == .bottom, edge.entrySide == nil || edge.entrySide == .top, t.strip == s.strip + 1 {
            let p = s.point(.bottom), e = t.point(.top)
            if abs(p.x - e.x) < 0.5 {
                points = [p, FlowPoint(x: p.x, y: e.y)]
            } else {
                let jog = strips[t.strip].bandTop - DocumentMetrics.jogAbove
                points = [p, FlowPoint(x: p.x, y: jog), FlowPoint(x: e.x, y: jog), e]
            }
        } else {
            points = gutterPath(s, t, exit: exit, entry: edge.entrySide)
        }
        points = FlowRouter.simplified(points)
        if points.count >= 2 { entered[edge.to, default: []].insert(FlowRouter.entrySide(points)) }
        return RoutedArrow(edge: edge, points: points, label: nil)
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
        let candidates = columns.lanes(at: j)
        let used = lanes[j, default: []]
        let free = candidates.filter { c in !used.contains { $0.x == c && $0.low < high && low < $0.high } }
        let clear = free.filter { c in
            !obstacles.contains { c > $0.minX - 1 && c < $0.maxX + 1 && low + 3 < $0.maxY && $0.minY < high - 3 }
        }
        let x = clear.first ?? free.first ?? candidates[0]
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
