/// Draws one page's flowchart as an inline SVG laid over the performer columns of its table.
/// Every symbol carries `id`, `data-symbol` (terminator, process, decision, connector),
/// `data-step`, `data-row` and `data-performer`; every arrow is a `g` with `data-arrow` (its kind),
/// `data-from` and `data-to` (symbol ids), and `data-outcome` for a decision exit.
struct FlowSVG {
    let page: ProcedurePage
    let width: Double
    let height: Double
    let sop: SOPDefinition

    func render() -> String {
        let w = HTMLText.number(width), h = HTMLText.number(height)
        var out = "<svg class=\"alur\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
        out += " role=\"img\" aria-label=\"Diagram alir halaman \(page.number)\">\n"
        out += content()
        out += "</svg>\n"
        return out
    }

    /// The page's arrows, bridges and symbols, without the `svg` element around them.
    func content() -> String {
        var out = ""
        for arrow in page.arrows { out += self.arrow(arrow) }
        for bridge in page.bridges { out += self.bridge(bridge) }
        for symbol in page.symbols { out += self.symbol(symbol) }
        return out
    }

    private func attributes(_ s: PlacedSymbol) -> String {
        let step = sop.steps.indices.contains(s.symbol.step) ? sop.steps[s.symbol.step] : nil
        var a = " id=\"\(HTMLText.escape(s.symbol.id))\" data-symbol=\"\(s.symbol.shape.rawValue)\""
        if let step { a += " data-step=\"\(HTMLText.escape(step.id))\"" }
        a += " data-row=\"\(s.symbol.step + 1)\""
        if sop.performers.indices.contains(s.symbol.column) {
            a += " data-performer=\"\(HTMLText.escape(sop.performers[s.symbol.column].id))\""
        }
        if s.symbol.generated { a += " data-generated=\"true\"" }
        if s.symbol.spanEnd != nil, let step {
            // One symbol for alternative performers: it stands for each of them.
            a += " data-performers=\"\(HTMLText.escape(step.performers.map(\.value).joined(separator: " ")))\""
        }
        if s.symbol.shape == .connector, let label = s.symbol.label {
            a += " data-connector=\"\(HTMLText.escape(label))\" data-arah=\"\(s.symbol.outgoing ? "keluar" : "masuk")\""
        }
        return a
    }

    private func symbol(_ s: PlacedSymbol) -> String {
        let n = HTMLText.number
        let title = s.symbol.title.map { "<title>\(HTMLText.escape($0))</title>" } ?? ""
        switch s.symbol.shape {
        case .process:
            guard let text = s.symbol.label else {
                return "<rect class=\"simbol\"\(attributes(s)) x=\"\(n(s.minX))\" y=\"\(n(s.minY))\" width=\"\(n(s.width))\" height=\"\(n(s.height))\">\(title)</rect>\n"
            }
            let font = DocumentMetrics.symbolFontSize
            var out = "<g\(attributes(s))>\(title)"
            out += "<rect class=\"simbol\" x=\"\(n(s.minX))\" y=\"\(n(s.minY))\" width=\"\(n(s.width))\" height=\"\(n(s.height))\"/>"
            out += "<text class=\"teks-simbol\" x=\"\(n(s.center.x))\" y=\"\(n(s.center.y + font * 0.35))\" font-size=\"\(n(font))\">\(HTMLText.escape(text))</text>"
            return out + "</g>\n"
        case .decision:
            let points = [FlowPoint(x: s.center.x, y: s.minY), FlowPoint(x: s.maxX, y: s.center.y),
                          FlowPoint(x: s.center.x, y: s.maxY), FlowPoint(x: s.minX, y: s.center.y)]
            return "<polygon class=\"simbol\"\(attributes(s)) points=\"\(HTMLText.points(points))\">\(title)</polygon>\n"
        case .terminator:
            let text = s.symbol.label ?? ""
            let font = DocumentMetrics.symbolFontSize
            var out = "<g\(attributes(s))>\(title)"
            out += "<rect class=\"simbol\" x=\"\(n(s.minX))\" y=\"\(n(s.minY))\" width=\"\(n(s.width))\" height=\"\(n(s.height))\" rx=\"\(n(s.height / 2))\"/>"
            out += "<text class=\"teks-simbol\" x=\"\(n(s.center.x))\" y=\"\(n(s.center.y + font * 0.35))\" font-size=\"\(n(font))\">\(HTMLText.escape(text))</text>"
            return out + "</g>\n"
        case .connector:
            // The pentagon points the way the flow goes: down, or up for a loop back to an earlier page.
            let up = s.symbol.pointsUp
            let base = up ? s.maxY : s.minY, tip = up ? s.minY : s.maxY
            let shoulder = up ? s.maxY - PlacedSymbol.connectorShoulder : s.minY + PlacedSymbol.connectorShoulder
            let points = [FlowPoint(x: s.minX, y: base), FlowPoint(x: s.maxX, y: base), FlowPoint(x: s.maxX, y: shoulder),
                          FlowPoint(x: s.center.x, y: tip), FlowPoint(x: s.minX, y: shoulder)]
            let font = DocumentMetrics.symbolFontSize
            var out = "<g\(attributes(s))>\(title)"
            out += "<polygon class=\"simbol\" points=\"\(HTMLText.points(points))\"/>"
            let letterY = up ? s.maxY - 3 : s.minY + 11.5
            out += "<text class=\"teks-simbol\" x=\"\(n(s.center.x))\" y=\"\(n(letterY))\" font-size=\"\(n(font))\">\(HTMLText.escape(s.symbol.label ?? ""))</text>"
            if let caption = s.symbol.caption {
                // On the side away from the connector's arrow: outgoing down and incoming up are entered
                // or left from above, so the caption goes below; otherwise above.
                let below = s.symbol.outgoing != up
                let y = below ? s.maxY + 12 : s.minY - 4
                out += "<text class=\"teks-simbol keterangan-sambungan\" x=\"\(n(s.center.x))\" y=\"\(n(y))\" font-size=\"\(n(font))\">\(HTMLText.escape(caption))</text>"
            }
            return out + "</g>\n"
        }
    }

    private func arrow(_ a: RoutedArrow) -> String {
        guard a.points.count >= 2, let from = symbolID(a.edge.from), let to = symbolID(a.edge.to) else { return "" }
        var out = "<g class=\"panah\" data-arrow=\"\(a.edge.kind.rawValue)\" data-from=\"\(HTMLText.escape(from))\" data-to=\"\(HTMLText.escape(to))\""
        if let outcome = a.edge.outcome { out += " data-outcome=\"\(HTMLText.escape(outcome))\"" }
        if let letter = a.edge.connector { out += " data-connector=\"\(HTMLText.escape(letter))\"" }
        out += "><polyline points=\"\(HTMLText.points(a.points))\"/>"
        out += "<polygon class=\"kepala\" points=\"\(HTMLText.points(head(a.points)))\"/>"
        if let label = a.label {
            let n = HTMLText.number
            for (k, line) in label.lines.enumerated() {
                let y = label.y + Double(k) * label.lineHeight
                out += "<text class=\"label\" x=\"\(n(label.x))\" y=\"\(n(y))\" font-size=\"\(n(label.fontSize))\""
                out += label.anchorEnd ? " text-anchor=\"end\"" : ""
                out += ">\(HTMLText.escape(line))</text>"
            }
        }
        return out + "</g>\n"
    }

    /// A hop of a horizontal arrow over a vertical one: the horizontal line is cut white where they
    /// cross, the vertical one drawn on through the cut, and an arc carries the horizontal line over.
    private func bridge(_ b: FlowBridge) -> String {
        let n = HTMLText.number, r = DocumentMetrics.bridgeRadius, p = b.point
        var out = "<g class=\"jembatan\" data-x=\"\(n(p.x))\" data-y=\"\(n(p.y))\">"
        out += "<rect x=\"\(n(p.x - r))\" y=\"\(n(p.y - 1.5))\" width=\"\(n(2 * r))\" height=\"3\"/>"
        out += "<line x1=\"\(n(p.x))\" y1=\"\(n(p.y - 2))\" x2=\"\(n(p.x))\" y2=\"\(n(p.y + 2))\"/>"
        out += "<path d=\"M\(n(p.x - r)) \(n(p.y)) A\(n(r)) \(n(r)) 0 0 1 \(n(p.x + r)) \(n(p.y))\"/>"
        return out + "</g>\n"
    }

    private func symbolID(_ index: Int) -> String? {
        page.symbols.first { $0.index == index }?.symbol.id
    }

    /// The arrowhead: a triangle whose tip is the polyline's last point.
    private func head(_ points: [FlowPoint]) -> [FlowPoint] {
        let tip = points[points.count - 1], before = points[points.count - 2]
        let dx = tip.x - before.x, dy = tip.y - before.y
        let length = max(0.001, (dx * dx + dy * dy).squareRoot())
        let ux = dx / length, uy = dy / length
        let l = DocumentMetrics.arrowHead, w = DocumentMetrics.arrowHalfWidth
        let base = FlowPoint(x: tip.x - ux * l, y: tip.y - uy * l)
        return [tip, FlowPoint(x: base.x - uy * w, y: base.y + ux * w), FlowPoint(x: base.x + uy * w, y: base.y - ux * w)]
    }
}
