/// The flowchart of an SOP before it is placed on pages: which symbol each step draws in which
/// performer column, and the arrows between them with the sides they leave and enter by.
///
/// A step draws one symbol per performer, in the performers' columns, joined by arrows in the order
/// of the list; the last is a diamond for a decision. A start merged into the first step turns its
/// first symbol into the Mulai capsule, an end merged into a step turns its last into Selesai. Flow to
/// `selesai` or `keluar` that no capsule ends gets a generated Selesai capsule beside or below the
/// symbol; an SOP without any start gets a generated Mulai capsule above the first step.
struct FlowModel: Sendable {
    private(set) var symbols: [FlowSymbol] = []
    private(set) var edges: [FlowEdge] = []
    /// The symbols in each step's main slot, in the order of its performer list.
    private(set) var stepSymbols: [[Int]] = []
    /// Sides of each symbol already used by an arrow.
    private var taken: [Int: Set<FlowSide>] = [:]
    /// The side of a diamond kept for the arrow from the performer before it, when that performer's
    /// symbol is the step's first (whose top takes the incoming flow, so it cannot go round).
    private var keptForPerformer: [Int: FlowSide] = [:]
    /// Each step's row by id (`SOPDefinition.stepIndex` searches the list: quadratic over a large SOP).
    private var indexOfStep: [String: Int] = [:]
    /// The symbols of each step (its row), so that placing one looks only at its own row.
    private var byStep: [Int: [Int]] = [:]
    private let columnCount: Int
    /// The free width between the symbols of neighbouring columns, where a side exit's label goes.
    private let sideGap: Double
    /// The free width beside a straight drop from a symbol's foot, within its column, where the
    /// drop's label goes.
    private let dropGap: Double

    init(_ sop: SOPDefinition, columns: ProcedureColumns) {
        columnCount = max(1, sop.performers.count)
        indexOfStep = ProcedureCells.stepIndexes(sop)
        sideGap = 2 * columns.margin - 6
        dropGap = columns.performerWidth / 2 - 5
        let columnOf = Dictionary(sop.performers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, step) in sop.steps.enumerated() {
            let columns = FlowModel.drawingOrder(step).compactMap { columnOf[$0] }
            stepSymbols.append(makeSymbols(step, at: i, columns: columns, sop: sop, columnOf: columnOf))
        }
        // The first symbol of a step is entered from above by the flow coming in.
        for list in stepSymbols { if let first = list.first { taken[first, default: []].insert(.top) } }
        if !symbols.contains(where: { $0.label == "Mulai" }), let first = stepSymbols.first?.first {
            let start = add(FlowSymbol(id: "sym-1-mulai", shape: .terminator, label: "Mulai", title: nil, step: 0,
                                       column: symbols[first].column, place: .row(0, .above), generated: true))
            edges.append(FlowEdge(kind: .start, from: start, to: first, exitSide: .bottom, entrySide: .top))
        }
        for (i, step) in sop.steps.enumerated() {
            // Exits first, so that a decision's sides go to its outcomes; the arrows between the
            // performers then enter the diamond from above when its side is taken.
            let outgoing = outgoingEdges(step, at: i, sop: sop)
            edges += performerEdges(step: i) + outgoing
        }
    }

    /// The step's performers in the order their symbols are drawn and joined: as listed, except that
    /// the performer who decides comes last, so the diamond is drawn in the decider's column only.
    static func drawingOrder(_ step: Step) -> [String] {
        var order = step.performers.map(\.value)
        if step.decision != nil, let decider = step.decidingPerformer, let k = order.firstIndex(of: decider) {
            order.append(order.remove(at: k))
        }
        return order
    }

    /// The symbols of step `i`'s row.
    private func rowSymbols(_ i: Int) -> [FlowSymbol] { byStep[i, default: []].map { symbols[$0] } }

    private mutating func add(_ symbol: FlowSymbol) -> Int {
        byStep[symbol.step, default: []].append(symbols.count)
        symbols.append(symbol)
        return symbols.count - 1
    }

    /// The step's main symbols, one per performer.
    private mutating func makeSymbols(_ step: Step, at i: Int, columns: [Int], sop: SOPDefinition,
                                      columnOf: [String: Int]) -> [Int] {
        let row = i + 1
        switch step.kind {
        case .mulai, .selesai:
            let isStart = step.kind == .mulai
            var column = columns.first
            if column == nil, isStart, i + 1 < sop.steps.count {
                column = sop.steps[i + 1].performers.first.flatMap { columnOf[$0.value] }
            }
            if column == nil, !isStart, let previous = stepSymbols.last?.last { column = symbols[previous].column }
            let label = isStart ? "Mulai" : "Selesai"
            return [add(FlowSymbol(id: "sym-\(row)-1", shape: .terminator, label: label, title: nil, step: i,
                                   column: column ?? 0, place: .row(i, .main)))]
        case .proses where step.mode == .salahSatu && Set(columns).count > 1:
            // Alternatives: one rectangle spanning the alternatives' columns, not a chain of turns.
            var symbol = FlowSymbol(id: "sym-\(row)-1", shape: .process, label: "salah satu",
                                    title: "Dilaksanakan oleh salah satu pelaksana", step: i, column: columns.min() ?? 0,
                                    place: .row(i, .main))
            symbol.spanEnd = columns.max()
            if step.mergedStart { symbol.shape = .terminator; symbol.label = "Mulai" }
            if step.mergedEnd { symbol.shape = .terminator; symbol.label = "Selesai" }
            return [add(symbol)]
        case .proses, .keputusan:
            var cols = columns.isEmpty ? [0] : columns
            if columns.isEmpty, step.isRuleOnly {
                // Nobody performs it: the diamond stays in the column the flow comes from (or goes
                // to, on the first row), not under any performer of its own.
                let from = stepSymbols.last?.last.map { symbols[$0].column }
                let to = i + 1 < sop.steps.count ? sop.steps[i + 1].performers.first.flatMap { columnOf[$0.value] } : nil
                cols = [from ?? to ?? 0]
            }
            var result: [Int] = []
            for (k, column) in cols.enumerated() {
                let isLast = k == cols.count - 1
                var shape: FlowSymbol.Shape = isLast && step.decision != nil ? .decision : .process
                var label: String?
                if step.mergedStart, k == 0, shape == .process {
                    shape = .terminator
                    label = "Mulai"
                } else if step.mergedEnd, isLast, shape == .process {
                    shape = .terminator
                    label = "Selesai"
                }
                result.append(add(FlowSymbol(id: "sym-\(row)-\(k + 1)", shape: shape, label: label, title: nil,
                                             step: i, column: column, place: .row(i, .main))))
            }
            return result
        }
    }

    /// Arrows between the performers of one step, in list order. Neighbours with nothing between
    /// them are joined side to side; otherwise the arrow runs over the row and comes down into the
    /// target. A diamond whose facing side is taken by an outcome is also entered from above.
    private mutating func performerEdges(step i: Int) -> [FlowEdge] {
        let list = stepSymbols[i]
        guard list.count > 1 else { return [] }
        var result: [FlowEdge] = []
        for k in 0..<(list.count - 1) {
            let a = symbols[list[k]].column, b = symbols[list[k + 1]].column
            let blocked = list.contains { s in
                let c = symbols[s].column
                return s != list[k] && s != list[k + 1] && c > min(a, b) && c < max(a, b)
            }
            var exit: FlowSide, entry: FlowSide
            if blocked {
                // Over the row; the first symbol's top takes the incoming flow, so it leaves by its side.
                (exit, entry) = k == 0 ? (b > a ? .right : .left, .top) : (.top, .top)
            } else {
                (exit, entry) = b > a ? (.right, .left) : (.left, .right)
                if isTaken(entry, of: list[k + 1]), keptForPerformer[list[k + 1]] != entry {
                    entry = .top
                    if k > 0 { exit = .top }
                }
            }
            taken[list[k], default: []].insert(exit)
            taken[list[k + 1], default: []].insert(entry)
            result.append(FlowEdge(kind: .performer, from: list[k], to: list[k + 1], exitSide: exit, entrySide: entry))
        }
        return result
    }

    /// Where the flow goes after the step: one arrow for a process, one per outcome for a decision.
    /// An outcome to the next row leaves the diamond at the bottom; the others take the side with
    /// the most free room in the row (for their labels), generated Selesai capsules first.
    private mutating func outgoingEdges(_ step: Step, at i: Int, sop: SOPDefinition) -> [FlowEdge] {
        guard let last = stepSymbols[i].last, step.kind != .selesai else { return [] }
        var result: [FlowEdge] = []
        if let decision = step.decision, symbols[last].shape == .decision {
            var sides: [Int: FlowSide] = [:]
            let list = stepSymbols[i]
            // The diamond's side facing the performer before it takes the arrow from that performer,
            // side to side, so that arrow never runs over the row along the incoming flow.
            if list.count >= 2 {
                let a = symbols[list[list.count - 2]].column, b = symbols[last].column
                if a != b {
                    let facing: FlowSide = a < b ? .left : .right
                    keptForPerformer[last] = facing
                    taken[last, default: []].insert(facing)
                }
            }
            let roomy = sidesByRoom(of: last, step: i)
            // An ending outcome whose Selesai capsule cannot stand beside the diamond gets one below
            // it, and takes the diamond's foot: a straight drop into the capsule when its label fits
            // beside a drop, else a short jog into a capsule in the neighbouring column away from the
            // next row's target. An outcome to the next row in another column then leaves by the side
            // facing its target instead of going round the capsule.
            let column = symbols[last].column
            var nextColumn: Int?
            for o in decision.outcomes {
                guard case .step(let id) = o.next.value, let j = indexOfStep[id], j == i + 1, let target = stepSymbols[j].first else { continue }
                nextColumn = symbols[target].column
                break
            }
            let awayColumn = nextColumn.flatMap { c -> Int? in
                guard c != column else { return nil }
                let away = c > column ? column - 1 : column + 1
                return away >= 0 && away < columnCount ? away : nil
            }
            var capsuleColumn: Int?
            let endsBelow = decision.outcomes.contains { o in
                guard o.next.value == .end || o.next.value == .exit,
                      besideSide(of: last, step: i, outcome: o.label, sides: roomy) == nil else { return false }
                capsuleColumn = ArrowLabel.fits(o.label, room: dropGap) ? column : awayColumn
                return capsuleColumn != nil
            }
            for (n, outcome) in decision.outcomes.enumerated() {
                guard case .step(let id) = outcome.next.value, let j = indexOfStep[id], j == i + 1 else { continue }
                if endsBelow, let target = stepSymbols[j].first, symbols[target].column != symbols[last].column {
                    let facing: FlowSide = symbols[target].column > symbols[last].column ? .right : .left
                    if claim(facing, of: last) { sides[n] = facing; continue }
                }
                if claim(.bottom, of: last) { sides[n] = .bottom }
            }
            // An ending outcome that goes round to a capsule below leaves by the side away from where
            // an outcome to the next row goes, so that the two never cross.
            var away = roomy
            for (n, outcome) in decision.outcomes.enumerated() where sides[n] == .bottom {
                guard case .step(let id) = outcome.next.value, let j = indexOfStep[id], let target = stepSymbols[j].first,
                      symbols[target].column != symbols[last].column else { continue }
                away = symbols[target].column > symbols[last].column ? [.left, .right] : [.right, .left]
            }
            for outcome in decision.outcomes where outcome.next.value == .end || outcome.next.value == .exit {
                result.append(terminatorEdge(from: last, step: i, target: outcome.next.value, outcome: outcome.label, sides: roomy,
                                             below: away, capsuleColumn: endsBelow ? capsuleColumn : nil))
            }
            for (n, outcome) in decision.outcomes.enumerated() {
                guard case .step(let id) = outcome.next.value, let j = indexOfStep[id], let target = stepSymbols[j].first else { continue }
                let side = sides[n] ?? claimAny(of: last, order: exitOrder(from: last, step: i, to: target, forward: j > i, roomy: roomy))
                result.append(FlowEdge(kind: kind(from: i, to: j), from: last, to: target, exitSide: side, entrySide: nil,
                                       outcome: outcome.label))
            }
            return result
        }
        let next = sop.defaultNext(after: i)
        switch next {
        case .end, .exit:
            if symbols[last].label == "Selesai" { return [] }
            result.append(terminatorEdge(from: last, step: i, target: next, outcome: nil, sides: []))
        case .step(let id):
            guard let j = indexOfStep[id], let target = stepSymbols[j].first else { return [] }
            let side = claimAny(of: last, order: [.bottom, .right, .left, .top])
            result.append(FlowEdge(kind: kind(from: i, to: j), from: last, to: target, exitSide: side, entrySide: nil))
        }
        return result
    }

    /// The sides an outcome to another step may leave by, best first: down for a forward jump; then
    /// the side facing the target's column (a short way round, often without changing lanes) unless
    /// that side is the table's edge and the other has room; then the rest.
    private func exitOrder(from symbol: Int, step i: Int, to target: Int, forward: Bool, roomy: [FlowSide]) -> [FlowSide] {
        let column = symbols[symbol].column, targetColumn = symbols[target].column
        var sides = roomy
        if targetColumn != column {
            let facing: FlowSide = targetColumn > column ? .right : .left
            let atEdge = (facing == .right && column == columnCount - 1) || (facing == .left && column == 0)
            if !atEdge { sides = [facing] + sides.filter { $0 != facing } }
        }
        return (forward ? [.bottom] : []) + sides + [.top] + (forward ? [] : [.bottom])
    }

    private func kind(from i: Int, to j: Int) -> FlowEdge.Kind {
        j == i + 1 ? .next : (j > i ? .jump : .loop)
    }

    /// Right and left, the side with more free room beside `symbol` in its row first (right on a tie):
    /// the table edge gives least, a neighbouring symbol more, free columns most.
    private func sidesByRoom(of symbol: Int, step i: Int) -> [FlowSide] {
        let column = symbols[symbol].column
        let occupied = Set(rowSymbols(i).filter { $0.place == .row(i, .main) }.flatMap(\.coveredColumns))
        func room(_ direction: Int) -> Int {
            var c = column + direction
            guard c >= 0, c < columnCount else { return 1 }
            if occupied.contains(c) { return 2 }
            var free = 0
            while c >= 0, c < columnCount, !occupied.contains(c) { free += 1; c += direction }
            return 2 + free
        }
        return room(-1) > room(1) ? [.left, .right] : [.right, .left]
    }

    /// A generated Selesai capsule: beside the symbol when the neighbouring cell of the row is free,
    /// else below it.
    private mutating func terminatorEdge(from source: Int, step i: Int, target: FlowTarget, outcome: String?,
                                         sides: [FlowSide], below: [FlowSide]? = nil, capsuleColumn: Int? = nil) -> FlowEdge {
        let column = symbols[source].column
        let kind: FlowEdge.Kind = target == .exit ? .exit : .end
        let title = target == .exit ? "Keluar: prosedur berakhir lebih awal" : "Selesai"
        let count = rowSymbols(i).filter { $0.label == "Selesai" }.count
        let id = "sym-\(i + 1)-selesai-\(count + 1)"
        if let side = besideSide(of: source, step: i, outcome: outcome, sides: sides) {
            let neighbour = column + (side == .right ? 1 : -1)
            taken[source, default: []].insert(side)
            let capsule = add(FlowSymbol(id: id, shape: .terminator, label: "Selesai", title: title, step: i,
                                         column: neighbour, place: .row(i, .main), generated: true))
            return FlowEdge(kind: kind, from: source, to: capsule, exitSide: side,
                            entrySide: side == .right ? .left : .right, outcome: outcome)
        }
        let exit = claimAny(of: source, order: [.bottom] + (below ?? sides) + [.right, .left, .top])
        // The nearest column whose slot below this row is still free; when none is, the arrow
        // joins a Selesai capsule this row already has.
        var order = (0..<columnCount).sorted { (abs($0 - column), $0) < (abs($1 - column), $1) }
        if exit == .bottom, let preferred = capsuleColumn, let k = order.firstIndex(of: preferred) { order.insert(order.remove(at: k), at: 0) }
        let row = rowSymbols(i)
        guard let free = order.first(where: { c in !row.contains { $0.place == .row(i, .below) && $0.coveredColumns.contains(c) } }) else {
            let existing = byStep[i, default: []].last { symbols[$0].generated && symbols[$0].label == "Selesai" }
            return FlowEdge(kind: kind, from: source, to: existing ?? source, exitSide: exit, entrySide: nil, outcome: outcome)
        }
        let capsule = add(FlowSymbol(id: id, shape: .terminator, label: "Selesai", title: title, step: i,
                                     column: free, place: .row(i, .below), generated: true))
        let entry: FlowSide? = exit == .bottom && free == column ? .top : nil
        return FlowEdge(kind: kind, from: source, to: capsule, exitSide: exit, entrySide: entry, outcome: outcome)
    }

    /// The side of `source` a generated Selesai capsule can stand beside, in the neighbouring cell of
    /// the row: the side must be free, the cell empty and the outcome's label must fit between the two.
    private func besideSide(of source: Int, step i: Int, outcome: String?, sides: [FlowSide]) -> FlowSide? {
        let column = symbols[source].column
        let fits = outcome.map { ArrowLabel.fits($0, room: sideGap) } ?? true
        guard fits else { return nil }
        return sides.first { side in
            let neighbour = column + (side == .right ? 1 : -1)
            return !isTaken(side, of: source) && neighbour >= 0 && neighbour < columnCount
                && !rowSymbols(i).contains(where: { $0.place == .row(i, .main) && $0.coveredColumns.contains(neighbour) })
        }
    }

    /// Takes `side` of `symbol` when it is free.
    private mutating func claim(_ side: FlowSide, of symbol: Int) -> Bool {
        if taken[symbol]?.contains(side) ?? false { return false }
        taken[symbol, default: []].insert(side)
        return true
    }

    /// Takes the first free side in `order`; when all are used, shares the first.
    private mutating func claimAny(of symbol: Int, order: [FlowSide]) -> FlowSide {
        for side in order where claim(side, of: symbol) { return side }
        return order[0]
    }

    /// Whether `side` of `symbol` is used by an arrow leaving or entering it.
    func isTaken(_ side: FlowSide, of symbol: Int) -> Bool { taken[symbol]?.contains(side) ?? false }

    /// Marks a side used (for arrows added after the model is built, such as connectors).
    mutating func markTaken(_ side: FlowSide, of symbol: Int) { taken[symbol, default: []].insert(side) }

    /// Adds a connector symbol (page breaks).
    mutating func addConnector(_ symbol: FlowSymbol) -> Int { add(symbol) }

    /// Replaces the edges (page breaks split some in two).
    mutating func replaceEdges(_ newEdges: [FlowEdge]) { edges = newEdges }
}
