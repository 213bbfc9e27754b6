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

    /// Text, at most 80 columns, in `bahasa` (English by default).
    public func text(in bahasa: Bahasa = .en) -> String {
        typealias F = SimulationFormat
        typealias M = SimulationMessages
        func t(_ m: M, _ arguments: [String: MessageArgument] = [:]) -> String { m.text(arguments, in: bahasa) }
        var out = t(.comparisonHeading) + "\n"
        out += wrap(t(.baseLine, ["name": .text(F.clean(baseName))])) + wrap(t(.revisedLine, ["name": .text(F.clean(revisedName))])) + "\n"
        out += base.header(in: bahasa)
        for (name, report) in [(t(.base), base), (t(.revised), revised)] {
            if let unstable = report.unstable { out += "\n\(name): " + report.unstableText(unstable, in: bahasa) }
        }
        out += "\n" + t(.stepsCompare) + "\n"
        out += "  " + F.cell(t(.colStep), 22) + F.cell(t(.base), 8, right: true) + F.cell(t(.revised), 9, right: true) + F.cell(t(.colChange), 8, right: true)
            + F.cell(t(.colP90Base), 11, right: true) + F.cell(t(.revised), 10, right: true) + "\n"
        for id in stepIDs {
            let a = base.step(id), b = revised.step(id)
            out += "  " + F.cell(F.clean(id), 22) + F.cell(a.map { F.percent($0.onTime.mean) } ?? "-", 8, right: true)
                + F.cell(b.map { F.percent($0.onTime.mean) } ?? "-", 9, right: true)
                + F.cell(change(a?.onTime.mean, b?.onTime.mean), 8, right: true)
                + F.cell(a.map { F.wait($0.waitP90.mean, in: bahasa) } ?? "-", 11, right: true)
                + F.cell(b.map { F.wait($0.waitP90.mean, in: bahasa) } ?? "-", 10, right: true) + "\n"
        }
        out += "\n" + t(.rolesCompare) + "\n"
        out += "  " + F.cell(t(.colRole), 12) + F.cell(t(.base), 10, right: true) + F.cell(t(.revised), 10, right: true)
            + F.cell(t(.colP90Base), 11, right: true) + F.cell(t(.revised), 10, right: true) + "\n"
        for id in roleIDs {
            let a = base.role(id), b = revised.role(id)
            guard (a?.parts.mean ?? 0) > 0 || (b?.parts.mean ?? 0) > 0 || (a?.utilisation?.mean ?? 0) > 0 || (b?.utilisation?.mean ?? 0) > 0 else { continue }
            out += "  " + F.cell(F.clean(id), 12) + F.cell(a?.utilisation.map { F.percent($0.mean) } ?? "-", 10, right: true)
                + F.cell(b?.utilisation.map { F.percent($0.mean) } ?? "-", 10, right: true)
                + F.cell(a.map { F.wait($0.waitP90.mean, in: bahasa) } ?? "-", 11, right: true)
                + F.cell(b.map { F.wait($0.waitP90.mean, in: bahasa) } ?? "-", 10, right: true) + "\n"
        }
        out += "\n" + t(.casesHeading) + "\n"
        out += t(.cmpEnded, ["a": .text(F.percent(base.casesOnTime.mean)), "b": .text(F.percent(revised.casesOnTime.mean)),
                             "change": .text(change(base.casesOnTime.mean, revised.casesOnTime.mean))]) + "\n"
        out += t(.cmpLeadP50, ["a": .text(F.days(base.leadP50.mean, in: bahasa)), "b": .text(F.days(revised.leadP50.mean, in: bahasa))]) + "\n"
        out += t(.cmpLeadP90, ["a": .text(F.days(base.leadP90.mean, in: bahasa)), "b": .text(F.days(revised.leadP90.mean, in: bahasa))]) + "\n"
        out += t(.cmpBottleneck, ["a": .text(base.bottleneck ?? "-"), "b": .text(revised.bottleneck ?? "-")]) + "\n"
        out += "\n" + t(.cmpMeans, ["runs": .number(base.runCount)]) + "\n"
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
