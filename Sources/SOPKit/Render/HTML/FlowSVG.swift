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
        for arrow in page.arrows { out += self.arrow(arrow) }
        for symbol in page.symbols { out += self.symbol(symbol) }
        out += "</svg>\n"
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
        if s.symbol.shape == .connector, let label = s.symbol.label { a += " data-connector=\"\(HTMLText.escape(label))\"" }
        return a
    }

    private func symbol(_ s: PlacedSymbol) -> String {
        let n = HTMLText.number
        let title = s.symbol.title.map { "<title>\(HTMLText.escape($0))</title>" } ?? ""
        switch s.symbol.shape {
        case .process:
            return "<rect class=\"simbol\"\(attributes(s)) x=\"\(n(s.minX))\" y=\"\(n(s.minY))\" width=\"\(n(s.width))\" height=\"\(n(s.height))\">\(title)</rect>\n"
        case .decision:
            let points = [FlowPoint(x: s.center.x, y: s.minY), FlowPoint(x: s.maxX, y: s.center.y),
                          FlowPoint(x: s.center.x, y: s.maxY), FlowPoint(x: s.minX, y: s.center.y)]
            return "<polygon class=\"simbol\"\(attributes(s)) points=\"\(HTMLText.points(points))\">\(title)</polygon>\n"
        case .terminator:
            let text = s.symbol.label ?? ""
            let font = fittedFont(text, width: s.width - 6)
            var out = "<g\(attributes(s))>\(title)"
            out += "<rect class=\"simbol\" x=\"\(n(s.minX))\" y=\"\(n(s.minY))\" width=\"\(n(s.width))\" height=\"\(n(s.height))\" rx=\"\(n(s.height / 2))\"/>"
            out += "<text class=\"teks-simbol\" x=\"\(n(s.center.x))\" y=\"\(n(s.center.y + font * 0.35))\" font-size=\"\(n(font))\">\(HTMLText.escape(text))</text>"
            return out + "</g>\n"
        case .connector:
            let shoulder = s.minY + PlacedSymbol.connectorShoulder
            let points = [FlowPoint(x: s.minX, y: s.minY), FlowPoint(x: s.maxX, y: s.minY), FlowPoint(x: s.maxX, y: shoulder),
                          FlowPoint(x: s.center.x, y: s.maxY), FlowPoint(x: s.minX, y: shoulder)]
            let font = DocumentMetrics.symbolFontSize
            var out = "<g\(attributes(s))>\(title)"
            out += "<polygon class=\"simbol\" points=\"\(HTMLText.points(points))\"/>"
            out += "<text class=\"teks-simbol\" x=\"\(n(s.center.x))\" y=\"\(n(s.minY + 10.5))\" font-size=\"\(n(font))\">\(HTMLText.escape(s.symbol.label ?? ""))</text>"
            return out + "</g>\n"
        }
    }

    /// The symbol font, smaller when the text would not fit `width`.
    private func fittedFont(_ text: String, width: Double) -> Double {
        let font = DocumentMetrics.symbolFontSize
        let natural = TextMeasure.width(text, fontSize: font)
        guard natural > width, width > 0 else { return font }
        return max(5, (font * width / natural * 10).rounded(.down) / 10)
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
