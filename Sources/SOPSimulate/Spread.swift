/// A figure across runs: its mean and the interval that holds the middle 90% of the runs' values
/// (the 5th to the 95th percentile).
public struct Spread: Sendable, Hashable {
    public var mean: Double
    public var low: Double
    public var high: Double

    public init(_ values: [Double]) {
        let sorted = values.filter { $0.isFinite }.sorted()
        guard !sorted.isEmpty else {
            mean = .nan; low = .nan; high = .nan
            return
        }
        mean = sorted.reduce(0, +) / Double(sorted.count)
        low = Spread.percentile(sorted, 0.05)
        high = Spread.percentile(sorted, 0.95)
    }

    public var isKnown: Bool { mean.isFinite }

    /// The p-quantile of sorted values, interpolated between ranks; nan when empty.
    public static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let (lower, upper, fraction) = ranks(p, count: sorted.count)
        return interpolate(sorted[lower], sorted[upper], fraction)
    }

    /// The two ranks (0-based, in sorted order) the p-quantile of `count` values lies between, and
    /// how far it lies from the lower to the upper (`count` > 0).
    static func ranks(_ p: Double, count: Int) -> (lower: Int, upper: Int, fraction: Double) {
        let position = p * Double(count - 1)
        let lower = Int(position.rounded(.down))
        return (lower, min(lower + 1, count - 1), position - Double(lower))
    }

    /// The value `fraction` of the way from `low` to `high` (the ranks' values).
    static func interpolate(_ low: Double, _ high: Double, _ fraction: Double) -> Double {
        low + (high - low) * fraction
    }
}
