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
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}
