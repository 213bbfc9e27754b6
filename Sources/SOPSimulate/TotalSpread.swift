import SOPKit

/// An SOP's `waktu.total` spread over its steps, for an SOP whose steps carry no waktu of their own
/// (the standard is only the printed total). Without it such an SOP would simulate as taking no time.
///
/// The rule (docs/simulate.md): the steps that take work are those a performer works on, that do not
/// repeat (`berulang`: their waktu is per occurrence, not part of one pass) and are not stand-alone
/// terminators. Each gets the same share `1 / V` of the total, where `V` is the expected number of
/// such step runs per case (loops counted through the decisions' shares, ``FlowVisits``). An average
/// case's work then adds up to the total; a case that goes round a loop works longer, one that
/// leaves early shorter. The total's form gives the distribution as for a step (``DurationModel``),
/// drawn once per step run and scaled by the share.
public struct TotalSpread: Sendable, Hashable {
    /// The SOP's `waktu.total`.
    public var total: Waktu
    /// Each working step's share of the total, by step id.
    public var shares: [String: Double]

    /// The spread of `sop`'s total given the expected visits of each step, or nil when the SOP has no
    /// total, some step has a waktu of its own, or no step takes work.
    public init?(_ sop: SOPDefinition, visits: [String: Double]) {
        guard let total = sop.time.total, !sop.steps.contains(where: { $0.waktu != nil }) else { return nil }
        let working = sop.steps.filter { step in
            !step.performers.isEmpty && step.recurrence == nil && step.kind != .mulai && step.kind != .selesai
        }
        let runs = working.reduce(0.0) { $0 + (visits[$1.id] ?? 0) }
        guard runs > 1e-9 else { return nil }
        self.total = total
        shares = Dictionary(uniqueKeysWithValues: working.map { ($0.id, 1 / runs) })
    }
}
