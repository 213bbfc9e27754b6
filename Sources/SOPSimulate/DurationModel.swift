import Foundation
import SOPKit

/// How long work takes: a draw from a step's mutu baku waktu, or from the journal's actual times.
///
/// The forms of waktu become (docs/simulate.md):
/// - exact (`15 menit`, `1 hari`): exactly that, every time: the author's standard is the work;
/// - range (`3 s/d 5 hari`): uniform between the two ends;
/// - at most (`maksimal 14 hari`): triangular from zero to the bound, most often at the bound (work
///   tends to fill the time allowed), mean two thirds of it;
/// - about (`± 3 bulan`): triangular from 80% to 120% of the value, most often at the value, so
///   about one run in eight is late by itself;
/// - a frequency, a same-day or cut-off deadline, monthly dates, or no waktu: no time (they say
///   when the work is due, not how long it takes).
/// A step's draw is the work of the whole step: in `bersama` each performer works that long (side by
/// side), in `berurutan` each takes an equal share in turn, in `salah_satu` the one who acts takes it.
///
/// An SOP that states its standard only as `waktu.total` (no step carries a waktu) has that total
/// spread over its steps (``TotalSpread``): each step a performer works on gets the same share, so
/// that an average case's work adds up to the total.
public struct DurationModel: Sendable {
    public var mode: SimulationSettings.Durations
    public var history: SimulationHistory?
    /// The journal's work times (``SimulationHistory/work(staff:)``), by step id then performer id.
    public var work: [String: [String: [Double]]]
    /// The SOP's `waktu.total` spread over its steps when no step has a waktu of its own; nil otherwise.
    public var spread: TotalSpread?

    public init(mode: SimulationSettings.Durations, history: SimulationHistory?, staff: [String: Int?] = [:], spread: TotalSpread? = nil) {
        self.mode = mode
        self.history = history
        work = mode == .journal ? history?.work(staff: staff) ?? [:] : [:]
        self.spread = spread
    }

    /// The work of a whole run of `step`: a draw from its waktu, or its share of the spread total.
    public func draw(_ step: Step, using random: inout SimulationRandom) -> Durasi {
        if step.waktu == nil, let spread, let share = spread.shares[step.id] {
            return DurationModel.scaled(DurationModel.draw(spread.total, using: &random), share)
        }
        return DurationModel.draw(step.waktu, using: &random)
    }

    /// ``meanFactor(_:)`` of the waktu `step`'s work is drawn from (its share of a spread total included).
    func meanFactor(of step: Step) -> (Durasi, Double)? {
        if step.waktu == nil, let spread, let share = spread.shares[step.id] {
            return DurationModel.meanFactor(spread.total).map { (DurationModel.scaled($0.0, share), $0.1) }
        }
        return DurationModel.meanFactor(step.waktu)
    }

    /// The work of a whole run of `step` when it is the same every time and draws no random
    /// number (an exact waktu, or one that takes no work time); nil when ``draw(_:using:)`` draws it.
    func fixedWork(of step: Step) -> Durasi? {
        if step.waktu == nil, let spread, spread.shares[step.id] != nil { return nil }
        return DurationModel.fixed(step.waktu)
    }

    /// The work drawn from a waktu that draws nothing: exactly its value, or no
    /// time; nil for the forms that are drawn.
    static func fixed(_ waktu: Waktu?) -> Durasi? {
        guard let waktu else { return .zero }
        switch waktu.value {
        case .exact(let d): return d
        case .range, .atMost, .about: return nil
        // Same-day, cut-off and monthly-date standards say when the work is due, not how long it
        // takes: like a frequency they draw no work time.
        case .frequency, .sameDay, .cutoff, .monthly: return .zero
        }
    }

    /// The work of a whole step run, drawn from its waktu.
    public static func draw(_ waktu: Waktu?, using random: inout SimulationRandom) -> Durasi {
        if let fixed = fixed(waktu) { return fixed }
        guard let waktu else { return .zero }
        switch waktu.value {
        case .exact(let d): return d
        case .range(let low, let high):
            let u = random.unit()
            return Durasi(parts: low.parts.map { WaktuAmount(amount: $0.amount * (1 - u), unit: $0.unit) }
                + high.parts.map { WaktuAmount(amount: $0.amount * u, unit: $0.unit) })
        case .atMost(let d): return scaled(d, random.triangular(low: 0, mode: 1, high: 1))
        case .about(let d): return scaled(d, random.triangular(low: 0.8, mode: 1, high: 1.2))
        case .frequency, .sameDay, .cutoff, .monthly: return .zero
        }
    }

    /// The mean of ``draw(_:using:)`` as a fraction of the waktu's deadline duration (for the load check).
    public static func meanFactor(_ waktu: Waktu?) -> (Durasi, Double)? {
        guard let waktu else { return nil }
        switch waktu.value {
        case .exact(let d): return (d, 1)
        case .range(let low, let high):
            let a = low.minutes(), b = high.minutes()
            return (high, b > 0 ? (a + b) / 2 / b : 1)
        case .atMost(let d): return (d, 2.0 / 3.0)
        case .about(let d): return (d, 1)
        case .frequency, .sameDay, .cutoff, .monthly: return nil
        }
    }

    static func scaled(_ d: Durasi, _ factor: Double) -> Durasi {
        Durasi(parts: d.parts.map { WaktuAmount(amount: $0.amount * factor, unit: $0.unit) })
    }

    /// One performer's part of a step run whose whole work was drawn as `whole`: from the journal's
    /// times of that step and performer when asked for and known, else the part of `whole`.
    public func part(step: Step, performer: String, whole: Durasi, using random: inout SimulationRandom) -> Durasi {
        if drawsPart(step: step, performer: performer), let samples = work[step.id]?[performer] {
            let pick = samples[Int(random.next() % UInt64(samples.count))]
            return Durasi(pick, .menit)
        }
        if step.mode == .berurutan, step.performers.count > 1 { return DurationModel.scaled(whole, 1 / Double(step.performers.count)) }
        return whole
    }

    /// Whether ``part(step:performer:whole:using:)`` draws from the journal's times (else the part
    /// is a fixed share of the whole, and no random number is drawn).
    func drawsPart(step: Step, performer: String) -> Bool {
        mode == .journal && work[step.id]?[performer]?.isEmpty == false
    }

    /// Mean working minutes of a performer's part (for the load check); `minutesOf` converts a
    /// duration to nominal working minutes.
    public func meanPart(step: Step, performer: String, minutesOf: (Durasi) -> Double) -> Double {
        if mode == .journal, let samples = work[step.id]?[performer], !samples.isEmpty {
            return samples.reduce(0, +) / Double(samples.count)
        }
        guard let (d, factor) = meanFactor(of: step) else { return 0 }
        let whole = minutesOf(d) * factor
        if step.mode == .berurutan, step.performers.count > 1 { return whole / Double(step.performers.count) }
        return whole
    }
}
