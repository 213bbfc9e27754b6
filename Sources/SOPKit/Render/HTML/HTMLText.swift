/// Escaping and number formatting for the generated HTML and SVG: deterministic, locale-free.
enum HTMLText {
    /// `text` escaped for element content and attribute values (``HTMLEscape/text(_:)``).
    static func escape(_ text: String) -> String { HTMLEscape.text(text) }

    /// A coordinate with at most two decimals and no trailing zeros: `12`, `12.5`, `-3.25`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return sign + String(whole) + "." + digits
    }

    /// A length in CSS pixels: `12px`, `12.5px`.
    static func px(_ value: Double) -> String { number(value) + "px" }

    /// Points of an SVG polyline or polygon: `x1,y1 x2,y2 ...`.
    static func points(_ points: [FlowPoint]) -> String {
        points.map { number($0.x) + "," + number($0.y) }.joined(separator: " ")
    }

    /// A letter sequence for off-page connectors: 0 → A, 25 → Z, 26 → AA.
    static func letters(_ index: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var n = max(0, index)
        var result = ""
        repeat {
            result = String(alphabet[n % 26]) + result
            n = n / 26 - 1
        } while n >= 0
        return result
    }
}
