import Foundation
import SOPKit

/// How many cases arrive per period: `40/bulan`, `10/minggu`, `2/hari`, `500/tahun` (also `40 per
/// bulan`). Arrivals are a Poisson process in working time: the rate is spread over the office's
/// working minutes, so no case arrives on a holiday or at night.
public struct ArrivalRate: Sendable, Hashable, CustomStringConvertible {
    /// The period a rate counts in.
    public enum Period: String, Sendable, CaseIterable {
        case hari, minggu, bulan, tahun

        /// Its length in calendar days (a month is a twelfth of a year of 365.25 days).
        public var days: Double {
            switch self {
            case .hari: 1
            case .minggu: 7
            case .bulan: 365.25 / 12
            case .tahun: 365.25
            }
        }
    }

    public var count: Double
    public var period: Period

    /// Reads `N/PERIOD`; throws a message saying what is wrong (a rate of zero is refused: it would
    /// simulate nothing).
    public init(parsing text: String) throws(SimulationInputError) {
        let cleaned = text.lowercased().replacingOccurrences(of: " per ", with: "/").replacingOccurrences(of: " ", with: "")
        let pieces = cleaned.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 2 else {
            throw SimulationInputError("--arrivals", SimulationInputMessages.rateNotRate(["text": .text(text)]))
        }
        guard let number = Double(pieces[0].replacingOccurrences(of: ",", with: ".")), number.isFinite else {
            throw SimulationInputError("--arrivals", SimulationInputMessages.rateNotNumber(["value": .text(String(pieces[0])), "text": .text(text)]))
        }
        guard let period = Period(rawValue: String(pieces[1])) else {
            throw SimulationInputError("--arrivals", SimulationInputMessages.rateNotPeriod(["value": .text(String(pieces[1])), "text": .text(text)]))
        }
        guard number > 0 else {
            throw SimulationInputError("--arrivals", SimulationInputMessages.rateZero(["value": .text(String(pieces[0])), "period": .text(period.rawValue)]))
        }
        guard number <= 1_000_000 else {
            throw SimulationInputError("--arrivals", SimulationInputMessages.rateTooHigh(["value": .text(String(pieces[0])), "period": .text(period.rawValue)]))
        }
        count = number
        self.period = period
    }

    /// Cases per calendar day.
    public var perDay: Double { count / period.days }

    public var description: String {
        let n = count == count.rounded() ? String(Int(count)) : String(count)
        return "\(n)/\(period.rawValue)"
    }
}
