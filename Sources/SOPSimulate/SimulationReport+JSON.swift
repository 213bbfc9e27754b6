import Foundation
import SOPKit

extension Spread {
    /// `{"mean": m, "p5": a, "p95": b}`, nulls where unknown.
    var json: JSONValue {
        func n(_ v: Double) -> JSONValue { v.isFinite ? .number((v * 10_000).rounded() / 10_000) : .null }
        return .object([("mean", n(mean)), ("p5", n(low)), ("p95", n(high))])
    }
}

extension SimulationReport {
    /// The report as JSON (waits in working minutes, lead times in calendar days, shares 0 to 1).
    public func json() -> JSONValue {
        var arrivals: JSONValue = "journal"
        if case .rate(let rate) = settings.arrivals { arrivals = .string(rate.description) }
        var fields: [(String, JSONValue)] = [
            ("sop", .string(sopID)),
            ("runs", .number(Double(settings.runs))),
            ("seed", .number(Double(settings.seed))),
            ("arrivals", arrivals),
            ("from", .string(settings.from.description)),
            ("to", .string(settings.to.description)),
            ("durations", .string(settings.durations.rawValue)),
            ("calendar", .string(calendarID)),
            ("spread", spread.map { spread in
                .object([("total", .string(spread.total)), ("steps", .array(spread.steps.map(JSONValue.string))), ("share", .number(spread.share))])
            } ?? .null),
            ("shares", .array(shares.map { share in
                .object([("step", .string(share.step)), ("source", .string(share.source)),
                         ("outcomes", .object(share.outcomes.map { ($0.0, .number($0.1)) }))])
            })),
        ]
        if let unstable {
            fields.append(("unstable", .object([("role", .string(unstable.role)), ("load", .number(unstable.load))])))
        }
        fields += [
            ("steps", .array(steps.map { line in
                .object([("id", .string(line.id)), ("number", .number(Double(line.number))), ("standard", .optional(line.standard)),
                         ("runs", line.runs.json), ("on_time", line.onTime.json),
                         ("journal_on_time", line.measured.map { .number(($0 * 10_000).rounded() / 10_000) } ?? .null),
                         ("wait_p50_minutes", line.waitP50.json), ("wait_p90_minutes", line.waitP90.json)])
            })),
            ("roles", .array(roles.map { line in
                .object([("id", .string(line.id)), ("staff", line.staff.map { .number(Double($0)) } ?? .null),
                         ("staff_assumed", .bool(line.assumed)), ("parts", line.parts.json), ("on_time", line.onTime.json),
                         ("wait_p50_minutes", line.waitP50.json), ("wait_p90_minutes", line.waitP90.json),
                         ("utilisation", line.utilisation?.json ?? .null), ("expected_load", .number((line.load * 10_000).rounded() / 10_000))])
            })),
            ("cases", .object([("arrived", cases.json), ("on_time", casesOnTime.json), ("jangka_waktu", .optional(jangkaWaktu)),
                               ("lead_p50_days", leadP50.json), ("lead_p90_days", leadP90.json),
                               ("lead_worst_days", leadWorst.isFinite ? .number((leadWorst * 100).rounded() / 100) : .null),
                               ("completed", completed.json), ("exited", exited.json), ("unfinished", unfinished.json)])),
            ("bottleneck", .optional(bottleneck)),
            ("runs_at_limit", .number(Double(runsAtLimit))),
            ("backtest", backtest.map { b in
                .object([("mean_error", .number((b.meanError * 10_000).rounded() / 10_000)),
                         ("worst_error", .number((b.worstError * 10_000).rounded() / 10_000)),
                         ("worst_step", .string(b.worstStep)), ("steps", .number(Double(b.steps)))])
            } ?? .null),
        ]
        return .object(fields)
    }
}
