import Foundation
import SOPKit

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

    /// Working minutes as minutes, working hours or working days of 7.5 hours ("12 min", "3.5 h",
    /// "4.2 d"; "12 mnt", "3,5 jam", "4,2 hr" in Indonesian).
    static func wait(_ minutes: Double, in bahasa: Bahasa = .en) -> String {
        guard minutes.isFinite else { return "-" }
        if minutes < 59.5 { return SimulationMessages.minutes.text(["n": .number(Int(minutes.rounded()))], in: bahasa) }
        if minutes < 45 * 60 { return SimulationMessages.hours.text(["n": .text(fixed(minutes / 60, 1, bahasa))], in: bahasa) }
        return SimulationMessages.days.text(["n": .text(fixed(minutes / 450, 1, bahasa))], in: bahasa)
    }

    /// Calendar days ("365 days"), or hours under a day ("5.2 hours").
    static func days(_ value: Double, in bahasa: Bahasa = .en) -> String {
        guard value.isFinite else { return "-" }
        if value < 1 { return SimulationMessages.calendarHours.text(["n": .text(fixed(value * 24, 1, bahasa))], in: bahasa) }
        return SimulationMessages.calendarDays.text(["n": .text(fixed(value, value < 10 ? 1 : 0, bahasa))], in: bahasa)
    }

    /// A count with one decimal when it is not whole (`1.234,5` in Indonesian).
    static func count(_ value: Double, in bahasa: Bahasa = .en) -> String {
        guard value.isFinite else { return "-" }
        return abs(value - value.rounded()) < 0.05 ? NumberFormat.integer(Int(value.rounded()), in: bahasa) : fixed(value, 1, bahasa)
    }

    /// `value` with exactly `places` decimals: `3.0` in English (as it always printed), `3,0`
    /// with thousands grouped in Indonesian.
    static func fixed(_ value: Double, _ places: Int, _ bahasa: Bahasa) -> String {
        let english = String(format: "%.\(places)f", value)
        guard bahasa == .id else { return english }
        let parts = english.split(separator: ".", maxSplits: 1)
        let whole = Int(parts[0]).map { NumberFormat.integer($0, in: .id) } ?? String(parts[0])
        return parts.count > 1 ? whole + "," + parts[1] : whole
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
