/// One printed page of the procedure table: its rows, the connector bands, and the flowchart drawn over it.
struct ProcedurePage: Sendable {
    /// 1-based page number among the procedure pages.
    var number: Int
    /// The steps (0-based) on this page, in table order.
    var steps: [Int]
    /// Whether the page starts (ends) with a band holding off-page connectors.
    var topBand: Bool
    var bottomBand: Bool
    /// The y of each step row's top grid line.
    var rowTop: [Int: Double]
    /// The table's height including its outer border.
    var tableHeight: Double
    var strips: [FlowStrip]
    var symbols: [PlacedSymbol]
    var arrows: [RoutedArrow]
    /// Where arrows cross: the horizontal one hops over the vertical one.
    var bridges: [FlowBridge] = []
}

/// The whole procedure table laid out on fixed-size pages before any HTML is written: column
/// widths, row heights (from the estimated wrapped text and the symbols each row holds), page
/// breaks, off-page connectors, symbol positions and arrow paths. Because the layout decides where
/// pages break, each page is emitted as its own table with its own header and flowchart overlay.
struct ProcedureLayout: Sendable {
    let paper: PaperSize
    let columns: ProcedureColumns
    let cells: [ProcedureCells]
    /// Heights of the header's two rows.
    let headerHeights: [Double]
    private(set) var model: FlowModel
    private(set) var rowHeights: [Double] = []
    private(set) var pages: [ProcedurePage] = []
    /// The symbols of each place (a row's slot, a band), so that laying out a row or a page looks
    /// only at its own symbols: the layout stays linear in the SOP's size.
    private var symbolsAt: [FlowPlace: [Int]] = [:]
    /// The edges leaving each symbol, by index into `model.edges`.
    private var edgesFrom: [Int: [Int]] = [:]

    init(_ sop: SOPDefinition, paper: PaperSize) {
        self.paper = paper
        let rows = ProcedureCells.stepIndexes(sop)
        let cells = sop.steps.indices.map { ProcedureCells(sop.steps[$0], at: $0, in: sop, rows: rows) }
        self.cells = cells
        let columns = ProcedureColumns(paper: paper, performerCount: sop.performers.count,
                                       content: ColumnContent(cells: cells, waktuHeader: ProcedureCells.waktuHeader(sop),
                                                                       performerNames: sop.performers.map(\.nama)))
        self.columns = columns
        let names = sop.performers.map(\.nama)
        var headerLines = names.map { TextMeasure.lines($0, available: columns.performerWidth - 2 * DocumentMetrics.cellPaddingX - 1,
                                                         fontSize: DocumentMetrics.headerFontSize, bold: true) }
        let n = columns.performerCount
        for (title, column) in [("Kelengkapan", 2 + n), (ProcedureCells.waktuHeader(sop), 3 + n), ("Output", 4 + n)] {
            headerLines.append(TextMeasure.lines(title, available: columns.textWidth(column), fontSize: DocumentMetrics.headerFontSize, bold: true))
        }
        let second = Double(headerLines.max() ?? 1) * DocumentMetrics.headerLineHeight + 2 * DocumentMetrics.cellPaddingY + 2
        headerHeights = [DocumentMetrics.headerFirstRow, max(DocumentMetrics.headerSecondRowMinimum, second.rounded(.up)),
                         DocumentMetrics.columnNumberRow]
        model = FlowModel(sop, columns: columns)
        for (k, symbol) in model.symbols.enumerated() { symbolsAt[symbol.place, default: []].append(k) }
        rowHeights = sop.steps.indices.map { i in
            max(cells[i].textHeight(columns: columns), slots(of: i).map(\.base).reduce(0, +).rounded(.up))
        }
        let breaks = paginate()
        var pageOf = [Int](repeating: 0, count: sop.steps.count)
        for (p, steps) in breaks.enumerated() { for i in steps { pageOf[i] = p } }
        let bands = addConnectors(pageOf: pageOf)
        for (k, edge) in model.edges.enumerated() { edgesFrom[edge.from, default: []].append(k) }
        pages = breaks.enumerated().map { p, steps in
            layOut(page: p, steps: steps, topBand: bands.contains(.band(page: p, top: true)),
                   bottomBand: bands.contains(.band(page: p, top: false)))
        }
    }

    /// The slots of a row's flow area, with the height of their symbol band and their unstretched height.
    private func slots(of step: Int) -> [(slot: FlowPlace.Slot, band: Double, base: Double)] {
        var result: [(FlowPlace.Slot, Double, Double)] = []
        for slot in [FlowPlace.Slot.above, .main, .below] {
            let heights = symbolsAt[.row(step, slot), default: []].map { model.symbols[$0].size(width: columns.symbolWidth).height }
            guard let band = heights.max() else { continue }
            result.append((slot, band, DocumentMetrics.slotPadTop + band + DocumentMetrics.slotPadBottom))
        }
        return result
    }

    /// The height left for rows on a page under the header.
    private var usableHeight: Double {
        tableSheetHeight - 1 - headerHeights.reduce(0, +)
    }

    /// The height of a procedure sheet's table area: the page less the running header above it.
    var tableSheetHeight: Double {
        paper.sheetHeight - DocumentMetrics.runningHeaderHeight
    }

    /// Steps per page: all on one page when they fit; otherwise greedily, keeping room on every
    /// page for the connector bands. A row taller than a page gets a page of its own.
    private func paginate() -> [[Int]] {
        let all = Array(rowHeights.indices)
        if rowHeights.reduce(0, +) <= usableHeight { return [all] }
        var pages: [[Int]] = []
        var current: [Int] = []
        var used = 0.0
        for i in all {
            let capacity = usableHeight - DocumentMetrics.bandHeight * (pages.isEmpty ? 1 : 2)
            if !current.isEmpty, used + rowHeights[i] > capacity {
                pages.append(current)
                current = []
                used = 0
            }
            current.append(i)
            used += rowHeights[i]
        }
        pages.append(current)
        return pages
    }

    /// Splits every arrow whose ends are on different pages into two, through a pair of lettered
    /// off-page connectors: one in the band of the source's page (at the bottom when the flow goes on
    /// to a later page, at the top when it goes back), one in the band of the target's page, in the
    /// same column where that column's slot is free. Letters follow reading order: page by page,
    /// the top band before the bottom one, left to right. The outgoing connector says which page the
    /// flow continues on, the incoming one where it comes from; both point the way the flow goes.
    /// Returns the bands that hold connectors.
    private mutating func addConnectors(pageOf: [Int]) -> Set<FlowPlace> {
        var perColumn: [FlowPlace: [Int: Int]] = [:]
        // The nearest column with room for another connector; a column holds as many as fit side by side.
        let capacity = max(1, Int((columns.performerWidth - 4) / (DocumentMetrics.connectorSize + 4)))
        func column(in band: FlowPlace, preferred: Int) -> Int {
            let order = (0..<columns.performerCount).sorted { (abs($0 - preferred), $0) < (abs($1 - preferred), $1) }
            let counts = perColumn[band, default: [:]]
            let chosen = order.first { counts[$0, default: 0] == 0 } ?? order.first { counts[$0, default: 0] < capacity }
                ?? order.min { counts[$0, default: 0] < counts[$1, default: 0] } ?? preferred
            perColumn[band, default: [:]][chosen, default: 0] += 1
            return chosen
        }
        struct Pair { var key: String; var from: Int; var to: Int; var ps: Int; var pt: Int; var outColumn: Int; var inColumn: Int }
        // Arrows from one page to the same symbol share a pair of connectors.
        var pairs: [Pair] = []
        var seen: Set<String> = []
        for edge in model.edges {
            let source = model.symbols[edge.from], target = model.symbols[edge.to]
            let ps = pageOf[source.step], pt = pageOf[target.step]
            let key = "\(ps)>\(edge.to)"
            guard ps != pt, seen.insert(key).inserted else { continue }
            let down = pt > ps
            // Beside the source on the side its arrow leaves by, straight below (above) it otherwise:
            // two exits of one decision then never run into the same connector's column.
            var preferred = source.column
            if edge.exitSide == .left, preferred > 0 { preferred -= 1 }
            if edge.exitSide == .right, preferred + 1 < columns.performerCount { preferred += 1 }
            let outColumn = column(in: .band(page: ps, top: !down), preferred: preferred)
            let inColumn = column(in: .band(page: pt, top: down), preferred: outColumn)
            pairs.append(Pair(key: key, from: edge.from, to: edge.to, ps: ps, pt: pt, outColumn: outColumn, inColumn: inColumn))
        }
        pairs.sort { a, b in
            (a.ps, a.pt > a.ps ? 1 : 0, a.outColumn, model.symbols[a.from].step) < (b.ps, b.pt > b.ps ? 1 : 0, b.outColumn, model.symbols[b.from].step)
        }
        var connectorOf: [String: (out: Int, letter: String)] = [:]
        var inbound: [String: Int] = [:]
        for (n, pair) in pairs.enumerated() {
            let letter = HTMLText.letters(n)
            let down = pair.pt > pair.ps
            var out = FlowSymbol(id: "con-\(letter)-1", shape: .connector, label: letter,
                                 title: "Bersambung ke halaman \(pair.pt + 1), penghubung \(letter)",
                                 step: model.symbols[pair.from].step, column: pair.outColumn, place: .band(page: pair.ps, top: !down),
                                 generated: true)
            out.outgoing = true
            out.pointsUp = !down
            out.caption = "ke hal. \(pair.pt + 1)"
            var into = FlowSymbol(id: "con-\(letter)-2", shape: .connector, label: letter,
                                  title: "Sambungan dari halaman \(pair.ps + 1), penghubung \(letter)",
                                  step: model.symbols[pair.to].step, column: pair.inColumn, place: .band(page: pair.pt, top: down),
                                  generated: true)
            into.pointsUp = !down
            into.caption = "dari hal. \(pair.ps + 1)"
            let o = model.addConnector(out), n = model.addConnector(into)
            symbolsAt[out.place, default: []].append(o)
            symbolsAt[into.place, default: []].append(n)
            connectorOf[pair.key] = (o, letter)
            inbound[pair.key] = n
        }
        var edges: [FlowEdge] = []
        var joined: Set<String> = []
        for edge in model.edges {
            let source = model.symbols[edge.from], target = model.symbols[edge.to]
            let ps = pageOf[source.step], pt = pageOf[target.step]
            let key = "\(ps)>\(edge.to)"
            guard ps != pt, let (out, letter) = connectorOf[key], let into = inbound[key] else { edges.append(edge); continue }
            edges.append(FlowEdge(kind: edge.kind, from: edge.from, to: out, exitSide: edge.exitSide, entrySide: nil,
                                  outcome: edge.outcome, connector: letter))
            guard joined.insert(key).inserted else { continue }
            let inExit: FlowSide = pt > ps ? .bottom : .top
            model.markTaken(inExit, of: into)
            edges.append(FlowEdge(kind: edge.kind, from: into, to: edge.to, exitSide: inExit, entrySide: edge.entrySide,
                                  outcome: nil, connector: letter))
        }
        model.replaceEdges(edges)
        return Set(perColumn.keys)
    }

    /// How far a connector sits from its column's centre: connectors sharing a column of a band
    /// stand side by side.
    private func spread(_ index: Int) -> Double {
        let symbol = model.symbols[index]
        guard symbol.shape == .connector else { return 0 }
        let sharing = symbolsAt[symbol.place, default: []].filter {
            model.symbols[$0].shape == .connector && model.symbols[$0].column == symbol.column
        }
        guard sharing.count > 1, let k = sharing.firstIndex(of: index) else { return 0 }
        let step = DocumentMetrics.connectorSize + 4
        return (Double(k) - Double(sharing.count - 1) / 2) * step
    }

    /// Positions of rows, strips and symbols on page `p`, and the arrows routed over them.
    private func layOut(page p: Int, steps: [Int], topBand: Bool, bottomBand: Bool) -> ProcedurePage {
        var strips: [FlowStrip] = []
        var rowTop: [Int: Double] = [:]
        var y = 0.5 + headerHeights.reduce(0, +)
        let band = DocumentMetrics.bandHeight
        func addBand(top: Bool) {
            strips.append(FlowStrip(place: .band(page: p, top: top), top: y, bottom: y + band,
                                    bandTop: y + DocumentMetrics.slotPadTop, bandHeight: DocumentMetrics.connectorSize))
            y += band
        }
        if topBand { addBand(top: true) }
        for i in steps {
            rowTop[i] = y
            let parts = slots(of: i)
            var extra = rowHeights[i] - parts.map(\.base).reduce(0, +)
            // A row taller than its symbols need (long uraian) gives half the spare height to the gap
            // above a slot below the main one (a Selesai capsule), where outcome labels go.
            let below = parts.firstIndex { $0.slot == .below }
            let between = below == nil ? 0 : (extra / 2).rounded(.down)
            extra -= between
            var cursor = y
            for (k, part) in parts.enumerated() {
                var padTop = DocumentMetrics.slotPadTop, padBottom = DocumentMetrics.slotPadBottom
                if k == 0 { padTop += (extra / 2).rounded(.down) }
                if k == parts.count - 1 { padBottom += extra - (extra / 2).rounded(.down) }
                if let below, k == below - 1 { padBottom += between }
                let height = padTop + part.band + padBottom
                strips.append(FlowStrip(place: .row(i, part.slot), top: cursor, bottom: cursor + height,
                                        bandTop: cursor + padTop, bandHeight: part.band))
                cursor += height
            }
            y += rowHeights[i]
        }
        if bottomBand { addBand(top: false) }
        var placed: [Int: PlacedSymbol] = [:]
        let stripOf = Dictionary(strips.enumerated().map { ($1.place, $0) }, uniquingKeysWith: { a, _ in a })
        for (place, s) in stripOf {
          for index in symbolsAt[place, default: []] {
            let symbol = model.symbols[index]
            var size = symbol.size(width: columns.symbolWidth)
            var x = columns.center(symbol.column) + spread(index)
            if let end = symbol.spanEnd, end > symbol.column {
                size.width = columns.center(end) - columns.center(symbol.column) + columns.symbolWidth
                x = (columns.center(symbol.column) + columns.center(end)) / 2
            }
            placed[index] = PlacedSymbol(index: index, symbol: symbol, center: FlowPoint(x: x, y: strips[s].center),
                                         width: size.width, height: size.height, strip: s)
          }
        }
        // The arrows of this page: those leaving a symbol on it (an arrow never joins two pages).
        let edges = placed.keys.sorted().flatMap { edgesFrom[$0, default: []] }.sorted().map { model.edges[$0] }
        // Route, label, then route again with the lanes kept clear of the labels, and label again.
        var arrows: [RoutedArrow] = []
        var obstacles: [FlowBox] = []
        for _ in 0..<2 {
            var router = FlowRouter(columns: columns, strips: strips, placed: placed, model: model, obstacles: obstacles)
            arrows = edges.compactMap { router.route($0) }
            var labels = LabelPlacer(columns: columns, strips: strips, symbols: Array(placed.values), arrows: arrows)
            for k in arrows.indices {
                guard let text = arrows[k].edge.outcome, let source = placed[arrows[k].edge.from] else { continue }
                arrows[k].label = labels.place(text, arrow: k, source: source)
            }
            obstacles = arrows.compactMap { $0.label?.box }
            if obstacles.isEmpty { break }
        }
        let symbols = placed.keys.sorted().compactMap { placed[$0] }
        return ProcedurePage(number: p + 1, steps: steps, topBand: topBand, bottomBand: bottomBand, rowTop: rowTop,
                             tableHeight: y + 0.5, strips: strips, symbols: symbols, arrows: arrows,
                             bridges: FlowBridge.crossings(arrows))
    }
}
