import Foundation
import SOPKit

extension SimulationReport {
    /// The report as text for a terminal, at most 80 columns wide, in `bahasa` (English by default).
    public func text(in bahasa: Bahasa = .en) -> String {
        typealias F = SimulationFormat
        typealias M = SimulationMessages
        func t(_ m: M, _ arguments: [String: MessageArgument] = [:]) -> String { m.text(arguments, in: bahasa) }
        var out = header(in: bahasa)
        if let unstable { out += "\n" + unstableText(unstable, in: bahasa) }
        let journal = backtest != nil
        out += "\n" + t(.stepsHeading) + "\n"
        out += "  " + F.cell("#", 3) + F.cell(t(.colStep), journal ? 16 : 22) + F.cell(t(.colOnTime), 15) + (journal ? F.cell(t(.colJournal), 8) : "")
            + F.cell(t(.colWaitP50), 10, right: true) + F.cell(t(.colWaitP90), 10, right: true) + "  " + t(.colStandard) + "\n"
        for line in steps {
            var row = "  " + F.cell("\(line.number)", 3) + F.cell(F.clean(line.id), journal ? 16 : 22)
            row += F.cell(F.percent(line.onTime), 15)
            if journal { row += F.cell(line.measured.map { F.percent($0) } ?? "-", 8) }
            row += F.cell(F.wait(line.waitP50.mean, in: bahasa), 10, right: true) + F.cell(F.wait(line.waitP90.mean, in: bahasa), 10, right: true)
            out += row + "  " + F.cell(F.clean(line.standard ?? "-"), journal ? 8 : 14) + "\n"
        }
        if let backtest {
            out += wrap(t(.backtest, ["mean": .text(points(backtest.meanError, in: bahasa)), "steps": .number(backtest.steps),
                                      "worst": .text(points(backtest.worstError, in: bahasa)), "step": .text(F.clean(backtest.worstStep))]))
        }
        out += "\n" + t(.rolesHeading) + "\n"
        out += "  " + F.cell(t(.colRole), 12) + F.cell(t(.colStaff), 6) + F.cell(t(.colUtilisation), 15) + F.cell(t(.colOnTime), 15)
            + F.cell(t(.colWaitP50), 10, right: true) + F.cell(t(.colWaitP90), 10, right: true) + "\n"
        for line in roles where line.parts.mean > 0 || (line.utilisation?.mean ?? 0) > 0 {
            let staff = line.staff.map { "\($0)\(line.assumed ? "*" : "")" } ?? "-"
            out += "  " + F.cell(F.clean(line.id), 12) + F.cell(staff, 6) + F.cell(line.utilisation.map { F.percent($0) } ?? t(.noLimit), 15)
                + F.cell(F.percent(line.onTime), 15) + F.cell(F.wait(line.waitP50.mean, in: bahasa), 10, right: true)
                + F.cell(F.wait(line.waitP90.mean, in: bahasa), 10, right: true) + "\n"
        }
        if !assumedStaff.isEmpty { out += t(.assumedStaff) + "\n" }
        out += "\n" + t(.casesHeading) + "\n"
        out += t(.arrivedPerRun, ["mean": .text(F.count(cases.mean, in: bahasa)), "low": .text(F.count(cases.low, in: bahasa)),
                                  "high": .text(F.count(cases.high, in: bahasa))]) + "\n"
        out += t(.endedInTime, ["share": .text(F.percent(casesOnTime)),
                                "jangka": .text(jangkaWaktu.map { t(.ofJangka, ["value": .text(F.clean($0))]) } ?? "")]) + "\n"
        out += t(.leadTime, ["p50": .text(F.days(leadP50.mean, in: bahasa)), "p90": .text(F.days(leadP90.mean, in: bahasa)),
                             "worst": .text(F.days(leadWorst, in: bahasa))]) + "\n"
        out += t(.completedExited, ["completed": .text(F.count(completed.mean, in: bahasa)), "exited": .text(F.count(exited.mean, in: bahasa))])
        out += unfinished.mean > 0 ? t(.unfinished, ["n": .text(F.count(unfinished.mean, in: bahasa))]) + "\n" : "\n"
        if let bottleneck, let role = role(bottleneck) {
            out += "\n" + wrap(t(.bottleneck, ["role": .text(F.clean(role.id)), "name": .text(F.clean(role.nama)),
                                               "busy": .text(role.utilisation.map { F.percent($0.mean) } ?? "-"),
                                               "wait": .text(F.wait(role.waitP90.mean, in: bahasa))]))
        }
        if runsAtLimit > 0 {
            out += "\n" + t(.horizonWarning, ["n": .number(runsAtLimit), "runs": .number(runCount)]) + "\n"
        }
        out += "\n" + t(.intervals, ["runs": .number(runCount)]) + "\n"
        return trimmingLineEnds(out)
    }

    /// A difference of shares in percentage points ("3.2 points", "3,2 poin").
    func points(_ share: Double, in bahasa: Bahasa = .en) -> String {
        SimulationMessages.points.text(["n": .text(SimulationFormat.fixed(share * 100, 1, bahasa))], in: bahasa)
    }

    func header(in bahasa: Bahasa = .en) -> String {
        typealias F = SimulationFormat
        typealias M = SimulationMessages
        func t(_ m: M, _ arguments: [String: MessageArgument] = [:]) -> String { m.text(arguments, in: bahasa) }
        var out = wrap(t(.header, ["sop": .text(F.clean(sopID)), "name": .text(F.clean(sopName)), "runs": .number(settings.runs),
                                   "seed": .text(String(settings.seed))]))
        let arrivals: String
        switch settings.arrivals {
        case .rate(let rate): arrivals = t(.arrivalsRate, ["rate": .text("\(rate)")])
        case .journal: arrivals = t(.arrivalsJournal)
        }
        out += wrap(t(.arrivalsLine, ["arrivals": .text(arrivals), "from": .date(settings.from), "to": .date(settings.to),
                                      "calendar": .text(F.clean(calendarID))]))
        let staff = roles.compactMap { line in line.staff.map { "\(F.clean(line.id)) \($0)" } }
        out += wrap(t(.staffLine, ["staff": .text(staff.joined(separator: ", "))]))
        out += t(settings.durations.rawValue == "standard" ? .durationsStandard : .durationsJournal) + "\n"
        if let spread {
            out += wrap(t(.spreadLine, ["total": .text(F.clean(spread.total)), "n": .number(spread.steps.count),
                                        "steps": .text(spread.steps.map(F.clean).joined(separator: ", ")),
                                        "share": .decimal(spread.share * 100, places: 1)]))
        }
        for share in shares {
            let parts = share.outcomes.map { "\(F.clean($0.0)) \(F.percent($0.1))" }.joined(separator: " / ")
            let source = switch share.source {
            case "assumed": t(.shareAssumed)
            case "given": t(.shareGiven)
            case "journal": t(.shareJournal)
            default: " (\(F.clean(share.source)))"
            }
            out += wrap(t(.decisionLine, ["step": .text(F.clean(share.step)), "parts": .text(parts), "source": .text(source)]))
        }
        return out
    }

    func unstableText(_ unstable: (role: String, load: Double), in bahasa: Bahasa = .en) -> String {
        let role = self.role(unstable.role)
        let people = role?.staff ?? 1
        let who = people == 1 ? SimulationMessages.onePerson() : SimulationMessages.people(["n": .number(people)])
        return wrap(SimulationMessages.unstable.text(["role": .text(unstable.role), "name": .text(role?.nama ?? unstable.role),
                                                      "load": .text(SimulationFormat.percent(unstable.load)), "people": .message(who),
                                                      "more": .text(String(Int((Double(people) * unstable.load).rounded(.up)) + 1))], in: bahasa))
    }
}

/// Wraps a line at 78 columns, continuing lines indented by two spaces.
func wrap(_ text: String, width: Int = 78) -> String {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
        if !current.isEmpty, current.count + 1 + word.count > width {
            lines.append(current)
            current = "  " + word
        } else {
            current += current.isEmpty ? String(word) : " " + word
        }
    }
    lines.append(current)
    return lines.joined(separator: "\n") + "\n"
}

/// The text with the spaces at the end of each line removed (columns are padded).
func trimmingLineEnds(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
        return line[..<end]
    }.joined(separator: "\n")
}
