import Foundation
import SOPKit

/// What the user asked for: arrivals, period, staff, durations, decision shares, runs and seed.
/// ``SimulationPlan/init(context:settings:history:)`` checks it against an SOP.
public struct SimulationSettings: Sendable {
    /// Where cases come from.
    public enum Arrivals: Sendable, Hashable {
        /// A Poisson process at this rate, in working time.
        case rate(ArrivalRate)
        /// The opening times of the journal's cases of the SOP in the period (the same in every run).
        case journal
    }

    /// Where step durations come from.
    public enum Durations: String, Sendable, CaseIterable {
        /// Drawn from each step's mutu baku waktu (docs/simulate.md says which distribution each form becomes).
        case standard
        /// Drawn from the journal's actual times of that step and performer (bootstrap).
        case journal
    }

    public var arrivals: Arrivals
    /// The first day cases may arrive.
    public var from: CalendarDate
    /// The day after the last day cases may arrive (the period is `from ..< to`).
    public var to: CalendarDate
    /// People per role, keyed by the name given (an id, printed name or alias), in the order given.
    public var staff: [(name: String, count: Int)]
    public var durations: Durations
    public var shares: [ShareSpec]
    public var runs: Int
    public var seed: UInt64

    public init(arrivals: Arrivals, from: CalendarDate, to: CalendarDate, staff: [(name: String, count: Int)] = [],
                durations: Durations = .standard, shares: [ShareSpec] = [], runs: Int = 20, seed: UInt64 = 1) {
        self.arrivals = arrivals
        self.from = from
        self.to = to
        self.staff = staff
        self.durations = durations
        self.shares = shares
        self.runs = runs
        self.seed = seed
    }

    /// Reads `ROLE=N` for `--staff`.
    public static func staffEntry(parsing text: String) throws(SimulationInputError) -> (name: String, count: Int) {
        guard let eq = text.firstIndex(of: "=") else {
            throw SimulationInputError("--staff", SimulationInputMessages.staffNotRoleN(["text": .text(text)]))
        }
        let name = String(text[..<eq]), number = String(text[text.index(after: eq)...])
        guard !name.isEmpty, let count = Int(number), count >= 0, count <= 10_000 else {
            throw SimulationInputError("--staff", SimulationInputMessages.staffCount(["text": .text(text)]))
        }
        return (name, count)
    }
}
