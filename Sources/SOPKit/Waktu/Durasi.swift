import Foundation

/// One amount of one unit, such as "1,5 jam" or "3 hari kerja".
public struct WaktuAmount: Sendable, Hashable, CustomStringConvertible {
    /// The number as written (never negative when produced by the parser).
    public var amount: Double
    /// The unit the number counts.
    public var unit: WaktuUnit

    /// Creates an amount.
    public init(amount: Double, unit: WaktuUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// Nominal length in minutes (see `WaktuUnit.minutes(workingDayMinutes:)`).
    public func minutes(workingDayMinutes: Double = 450) -> Double {
        amount * unit.minutes(workingDayMinutes: workingDayMinutes)
    }

    /// Indonesian text: "15 menit", "1,5 jam", "3 hari kerja".
    public var description: String {
        "\(WaktuAmount.format(amount)) \(unit.label)"
    }

    /// A number in Indonesian style: whole numbers without decimals, otherwise a decimal comma and at
    /// most four decimals ("1,5", "0,25").
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let rounded = (value * 10_000).rounded() / 10_000
        guard rounded.isFinite else { return String(value) }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int(rounded))
        }
        var text = String(format: "%.4f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text.replacingOccurrences(of: ".", with: ",")
    }
}

/// A duration: one or more amounts added together ("7 Hari, 5 Jam, 50 Menit").
///
/// The parts are kept as written (not normalised), so that printing shows the author's units.
/// `Durasi.zero` has no parts; "0 menit" is a one-part duration of the same length.
public struct Durasi: Sendable, Hashable, CustomStringConvertible {
    /// The amounts, in the order written.
    public var parts: [WaktuAmount]

    /// Creates a duration from its parts.
    public init(parts: [WaktuAmount]) {
        self.parts = parts
    }

    /// A one-part duration: `Durasi(3, .hariKerja)`.
    public init(_ amount: Double, _ unit: WaktuUnit) {
        self.parts = [WaktuAmount(amount: amount, unit: unit)]
    }

    /// The empty duration ("0" on a start row): no parts, zero minutes.
    public static let zero = Durasi(parts: [])

    /// Nominal length in minutes: the sum of the parts.
    public func minutes(workingDayMinutes: Double = 450) -> Double {
        parts.reduce(0) { $0 + $1.minutes(workingDayMinutes: workingDayMinutes) }
    }

    /// Indonesian text: "0", "15 menit", "1 jam 30 menit".
    public var description: String {
        parts.isEmpty ? "0" : parts.map(\.description).joined(separator: " ")
    }
}
