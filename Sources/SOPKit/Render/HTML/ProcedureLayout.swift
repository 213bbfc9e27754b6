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

    init(_ sop: SOPDefinition, paper: PaperSize) {
        self.paper = paper
        let columns = ProcedureColumns(paper: paper, performerCount: sop.performers.count)
        self.columns = columns
        cells = sop.steps.indices.map { ProcedureCells(sop.steps[$0], at: $0, in: sop) }
        let names = sop.performers.map(\.nama)
        var headerLines = names.map { TextMeasure.lines($0, available: columns.performerWidth - 2 * DocumentMetrics.cellPaddingX - 1,
                                                         fontSize: DocumentMetrics.headerFontSize, bold: true) }
        let n = columns.performerCount
        for (title, column) in [("Kelengkapan", 2 + n), (ProcedureCells.waktuHeader(sop), 3 + n), ("Output", 4 + n)] {
            headerLines.append(TextMeasure.lines(title, available: columns.textWidth(column), fontSize: DocumentMetrics.headerFontSize, bold: true))
        }
        let second = Double(headerLines.max() ?? 1) * DocumentMetrics.headerLineHeight + 2 * DocumentMetrics.cellPaddingY + 2
        headerHeights = [DocumentMetrics.headerFirstRow, max(DocumentMetrics.headerSecondRowMinimum, second.rounded(.up))]
        model = FlowModel(sop, columns: columns)
        rowHeights = sop.steps.indices.map { i in
            max(cells[i].textHeight(columns: columns), slots(of: i).map(\.base).reduce(0, +).rounded(.up))
        }
        let breaks = paginate()
        var pageOf = [Int](repeating: 0, count: sop.steps.count)
        for (p, steps) in breaks.enumerated() { for i in steps { pageOf[i] = p } }
        let bands = addConnectors(pageOf: pageOf)
        pages = breaks.enumerated().map { p, steps in
            layOut(page: p, steps: steps, topBand: bands.contains(.band(page: p, top: true)),
                   bottomBand: bands.contains(.band(page: p, top: false)))
        }
    }

    /// The slots of a row's flow area, with the height of their symbol band and their unstretched height.
    private func slots(of step: Int) -> [(slot: FlowPlace.Slot, band: Double, base: Double)] {
        var result: [(FlowPlace.Slot, Double, Double)] = []
        for slot in [FlowPlace.Slot.above, .main, .below] {
            let heights = model.symbols.filter { $0.place == .row(step, slot) }.map { $0.size(width: columns.symbolWidth).height }
            guard let band = heights.max() else { continue }
            result.append((slot, band, DocumentMetrics.slotPadTop + band + DocumentMetrics.slotPadBottom))
        }
        return result
    }

    /// The height left for rows on a page under the header.
    private var usableHeight: Double {
        paper.sheetHeight - 1 - headerHeights.reduce(0, +)
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
    /// to a later page, at the top when it goes back), one in the band of the target's page.
    /// Returns the bands that hold connectors.
    private mutating func addConnectors(pageOf: [Int]) -> Set<FlowPlace> {
        var edges: [FlowEdge] = []
        var count = 0
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
        // Arrows from one page to the same symbol share a pair of connectors.
        var pairs: [String: Int] = [:]
        for edge in model.edges {
            let source = model.symbols[edge.from], target = model.symbols[edge.to]
            let ps = pageOf[source.step], pt = pageOf[target.step]
            guard ps != pt else { edges.append(edge); continue }
            if let out = pairs["\(ps)>\(edge.to)"] {
                edges.append(FlowEdge(kind: edge.kind, from: edge.from, to: out, exitSide: edge.exitSide, entrySide: nil,
                                      outcome: edge.outcome, connector: model.symbols[out].label))
                continue
            }
            let letter = HTMLText.letters(count)
            count += 1
            let down = pt > ps
            let outPlace = FlowPlace.band(page: ps, top: !down), inPlace = FlowPlace.band(page: pt, top: down)
            let outColumn = column(in: outPlace, preferred: source.column)
            let inColumn = column(in: inPlace, preferred: target.column)
            let out = model.addConnector(FlowSymbol(id: "con-\(letter)-1", shape: .connector, label: letter,
                                                    title: "Bersambung ke halaman \(pt + 1), penghubung \(letter)",
                                                    step: source.step, column: outColumn, place: outPlace, generated: true))
            let into = model.addConnector(FlowSymbol(id: "con-\(letter)-2", shape: .connector, label: letter,
                                                     title: "Sambungan dari halaman \(ps + 1), penghubung \(letter)",
                                                     step: target.step, column: inColumn, place: inPlace, generated: true))
            pairs["\(ps)>\(edge.to)"] = out
            edges.append(FlowEdge(kind: edge.kind, from: edge.from, to: out, exitSide: edge.exitSide, entrySide: nil,
                                  outcome: edge.outcome, connector: letter))
            let inExit: FlowSide = down ? .bottom : .top
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
        let sharing = model.symbols.indices.filter {
            model.symbols[$0].shape == .connector && model.symbols[$0].place == symbol.place && model.symbols[$0].column == symbol.column
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
            let extra = rowHeights[i] - parts.map(\.base).reduce(0, +)
            var cursor = y
            for (k, part) in parts.enumerated() {
                var padTop = DocumentMetrics.slotPadTop, padBottom = DocumentMetrics.slotPadBottom
                if k == 0 { padTop += (extra / 2).rounded(.down) }
                if k == parts.count - 1 { padBottom += extra - (extra / 2).rounded(.down) }
                let height = padTop + part.band + padBottom
                strips.append(FlowStrip(place: .row(i, part.slot), top: cursor, bottom: cursor + height,
                                        bandTop: cursor + padTop, bandHeight: part.band))
                cursor += height
            }
            y += rowHeights[i]
        }
        if bottomBand { addBand(top: false) }
        var placed: [Int: PlacedSymbol] = [:]
        for (index, symbol) in model.symbols.enumerated() {
            guard let s = strips.firstIndex(where: { $0.place == symbol.place }) else { continue }
            let size = symbol.size(width: columns.symbolWidth)
            placed[index] = PlacedSymbol(index: index, symbol: symbol,
                                         center: FlowPoint(x: columns.center(symbol.column) + spread(index), y: strips[s].center),
                                         width: size.width, height: size.height, strip: s)
        }
        // Route, label, then route again with the lanes kept clear of the labels, and label again.
        var arrows: [RoutedArrow] = []
        var obstacles: [FlowBox] = []
        for _ in 0..<2 {
            var router = FlowRouter(columns: columns, strips: strips, placed: placed, model: model, obstacles: obstacles)
            arrows = model.edges.compactMap { router.route($0) }
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
                             tableHeight: y + 0.5, strips: strips, symbols: symbols, arrows: arrows)
    }
}
