import Foundation

/// How figures are written in the simulator's outputs.
enum SimulationFormat {
    /// A share as a whole percentage, "-" when unknown.
    static func percent(_ value: Double) -> String {
        value.isFinite ? "\(Int((value * 100).rounded()))%" : "-"
    }

    /// A share with its interval across runs: "97% (95-99)".
    static func percent(_ spread: Spread, interval: Bool = true) -> String {
        guard spread.isKnown else { return "-" }
        let main = percent(spread.mean)
        guard interval, spread.high - spread.low >= 0.005 else { return main }
        return "\(main) (\(Int((spread.low * 100).rounded()))-\(Int((spread.high * 100).rounded())))"
    }

    /// Working minutes as minutes, working hours or working days of 7.5 hours ("12 min", "3.5 h", "4.2 d").
    static func wait(_ minutes: Double) -> String {
        guard minutes.isFinite else { return "-" }
        if minutes < 59.5 { return "\(Int(minutes.rounded())) min" }
        if minutes < 45 * 60 { return String(format: "%.1f h", minutes / 60) }
        return String(format: "%.1f d", minutes / 450)
    }

    /// Calendar days ("365 days"), or hours under a day ("5.2 hours").
    static func days(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        if value < 1 { return String(format: "%.1f hours", value * 24) }
        return String(format: value < 10 ? "%.1f days" : "%.0f days", value)
    }

    /// A count with one decimal when it is not whole.
    static func count(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        return abs(value - value.rounded()) < 0.05 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    /// Text cut to fit `width` characters (an ellipsis marks the cut), padded to it. A left-aligned
    /// cell keeps its last character blank, so a cut name never runs into the next column.
    static func cell(_ text: String, _ width: Int, right: Bool = false) -> String {
        var t = text
        let room = right ? width : width - 1
        if t.count > room { t = String(t.prefix(max(0, room - 1))) + "…" }
        let pad = String(repeating: " ", count: max(0, width - t.count))
        return right ? pad + t : t + pad
    }

    /// Removes control characters (a step id or outcome label never reaches a terminal raw).
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !($0.properties.generalCategory == .control) }))
    }
}
