import Foundation
import SOPKit

/// Two revisions of an SOP simulated on the same random streams (the same arrivals, and for each
/// case the same draws where the steps agree), side by side.
public struct SimulationComparison: Sendable {
    public var base: SimulationReport
    public var revised: SimulationReport
    public var baseName: String
    public var revisedName: String

    public init(base: SimulationReport, revised: SimulationReport, baseName: String, revisedName: String) {
        self.base = base
        self.revised = revised
        self.baseName = baseName
        self.revisedName = revisedName
    }

    /// Step ids in the base's order, then the revision's new ones.
    public var stepIDs: [String] {
        var ids = base.steps.map(\.id)
        for id in revised.steps.map(\.id) where !ids.contains(id) { ids.append(id) }
        return ids
    }

    public var roleIDs: [String] {
        var ids = base.roles.map(\.id)
        for id in revised.roles.map(\.id) where !ids.contains(id) { ids.append(id) }
        return ids
    }

    /// Text, at most 80 columns.
    public func text() -> String {
        typealias F = SimulationFormat
        var out = "Comparison on the same random streams\n"
        out += wrap("  base:    \(F.clean(baseName))") + wrap("  revised: \(F.clean(revisedName))") + "\n"
        out += base.header()
        for (name, report) in [("base", base), ("revised", revised)] {
            if let unstable = report.unstable { out += "\n\(name): " + report.unstableText(unstable) }
        }
        out += "\nSteps: share on time, and p90 wait (working time)\n"
        out += "  " + F.cell("step", 22) + F.cell("base", 8, right: true) + F.cell("revised", 9, right: true) + F.cell("change", 8, right: true)
            + F.cell("p90 base", 11, right: true) + F.cell("revised", 10, right: true) + "\n"
        for id in stepIDs {
            let a = base.step(id), b = revised.step(id)
            out += "  " + F.cell(F.clean(id), 22) + F.cell(a.map { F.percent($0.onTime.mean) } ?? "-", 8, right: true)
                + F.cell(b.map { F.percent($0.onTime.mean) } ?? "-", 9, right: true)
                + F.cell(change(a?.onTime.mean, b?.onTime.mean), 8, right: true)
                + F.cell(a.map { F.wait($0.waitP90.mean) } ?? "-", 11, right: true)
                + F.cell(b.map { F.wait($0.waitP90.mean) } ?? "-", 10, right: true) + "\n"
        }
        out += "\nRoles: utilisation, and p90 wait\n"
        out += "  " + F.cell("role", 12) + F.cell("base", 10, right: true) + F.cell("revised", 10, right: true)
            + F.cell("p90 base", 11, right: true) + F.cell("revised", 10, right: true) + "\n"
        for id in roleIDs {
            let a = base.role(id), b = revised.role(id)
            guard (a?.parts.mean ?? 0) > 0 || (b?.parts.mean ?? 0) > 0 || (a?.utilisation?.mean ?? 0) > 0 || (b?.utilisation?.mean ?? 0) > 0 else { continue }
            out += "  " + F.cell(F.clean(id), 12) + F.cell(a?.utilisation.map { F.percent($0.mean) } ?? "-", 10, right: true)
                + F.cell(b?.utilisation.map { F.percent($0.mean) } ?? "-", 10, right: true)
                + F.cell(a.map { F.wait($0.waitP90.mean) } ?? "-", 11, right: true)
                + F.cell(b.map { F.wait($0.waitP90.mean) } ?? "-", 10, right: true) + "\n"
        }
        out += "\nCases\n"
        out += "  ended in time   \(F.percent(base.casesOnTime.mean)) -> \(F.percent(revised.casesOnTime.mean)) (\(change(base.casesOnTime.mean, revised.casesOnTime.mean)))\n"
        out += "  lead time p50   \(F.days(base.leadP50.mean)) -> \(F.days(revised.leadP50.mean))\n"
        out += "  lead time p90   \(F.days(base.leadP90.mean)) -> \(F.days(revised.leadP90.mean))\n"
        out += "  bottleneck      \(base.bottleneck ?? "-") -> \(revised.bottleneck ?? "-")\n"
        out += "\nMeans over \(base.runCount) runs each; change in percentage points.\n"
        return trimmingLineEnds(out)
    }

    func change(_ a: Double?, _ b: Double?) -> String {
        guard let a, let b, a.isFinite, b.isFinite else { return "-" }
        let points = Int(((b - a) * 100).rounded())
        return points == 0 ? "0" : (points > 0 ? "+\(points)" : "\(points)")
    }

    public func json() -> JSONValue {
        .object([("base", .object([("file", .string(baseName)), ("report", base.json())])),
                 ("revised", .object([("file", .string(revisedName)), ("report", revised.json())]))])
    }
}
