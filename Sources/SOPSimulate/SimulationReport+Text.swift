import Foundation

extension SimulationReport {
    /// The report as text for a terminal, at most 80 columns wide.
    public func text() -> String {
        typealias F = SimulationFormat
        var out = header()
        if let unstable { out += "\n" + unstableText(unstable) }
        let journal = backtest != nil
        out += "\nSteps (share on time; waiting for a person, working time)\n"
        out += "  " + F.cell("#", 3) + F.cell("step", journal ? 16 : 22) + F.cell("on time", 15) + (journal ? F.cell("journal", 8) : "")
            + F.cell("wait p50", 10, right: true) + F.cell("wait p90", 10, right: true) + "  " + "standard" + "\n"
        for line in steps {
            var row = "  " + F.cell("\(line.number)", 3) + F.cell(F.clean(line.id), journal ? 16 : 22)
            row += F.cell(F.percent(line.onTime), 15)
            if journal { row += F.cell(line.measured.map { F.percent($0) } ?? "-", 8) }
            row += F.cell(F.wait(line.waitP50.mean), 10, right: true) + F.cell(F.wait(line.waitP90.mean), 10, right: true)
            out += row + "  " + F.cell(F.clean(line.standard ?? "-"), journal ? 8 : 14) + "\n"
        }
        if let backtest {
            out += wrap("  Backtest against the journal (what sop report measured): mean error \(points(backtest.meanError)) over "
                + "\(backtest.steps) steps, largest \(points(backtest.worstError)) at '\(F.clean(backtest.worstStep))'.")
        }
        out += "\nRoles (utilisation: busy share of the staff's working time in the period)\n"
        out += "  " + F.cell("role", 12) + F.cell("staff", 6) + F.cell("utilisation", 15) + F.cell("on time", 15)
            + F.cell("wait p50", 10, right: true) + F.cell("wait p90", 10, right: true) + "\n"
        for line in roles where line.parts.mean > 0 || (line.utilisation?.mean ?? 0) > 0 {
            let staff = line.staff.map { "\($0)\(line.assumed ? "*" : "")" } ?? "-"
            out += "  " + F.cell(F.clean(line.id), 12) + F.cell(staff, 6) + F.cell(line.utilisation.map { F.percent($0) } ?? "no limit", 15)
                + F.cell(F.percent(line.onTime), 15) + F.cell(F.wait(line.waitP50.mean), 10, right: true)
                + F.cell(F.wait(line.waitP90.mean), 10, right: true) + "\n"
        }
        if !assumedStaff.isEmpty { out += "  * not given: one person assumed (--staff ROLE=N)\n" }
        out += "\nCases\n"
        out += "  arrived per run       \(F.count(cases.mean)) (\(F.count(cases.low))-\(F.count(cases.high)))\n"
        out += "  ended in time         \(F.percent(casesOnTime))\(jangkaWaktu.map { " of jangka waktu \(F.clean($0))" } ?? "")\n"
        out += "  lead time             p50 \(F.days(leadP50.mean)), p90 \(F.days(leadP90.mean)), worst \(F.days(leadWorst))\n"
        out += "  completed / exited    \(F.count(completed.mean)) / \(F.count(exited.mean)) per run"
        out += unfinished.mean > 0 ? ", \(F.count(unfinished.mean)) unfinished\n" : "\n"
        if let bottleneck, let role = role(bottleneck) {
            out += "\nBottleneck: \(F.clean(role.id)) (\(F.clean(role.nama))), busy \(role.utilisation.map { F.percent($0.mean) } ?? "-")"
                + " of working time; p90 wait \(F.wait(role.waitP90.mean))\n"
        }
        if runsAtLimit > 0 {
            out += "\nWarning: \(runsAtLimit) of \(runCount) runs stopped at the horizon with cases still open.\n"
        }
        out += "\nIntervals: 5th to 95th percentile over \(runCount) runs; d = working day of 7.5 h.\n"
        return trimmingLineEnds(out)
    }

    /// A difference of shares in percentage points ("3.2 points").
    func points(_ share: Double) -> String { String(format: "%.1f points", share * 100) }

    func header() -> String {
        typealias F = SimulationFormat
        var out = "Simulation of \(F.clean(sopID)) (\(F.clean(sopName))): \(settings.runs) runs, seed \(settings.seed)\n"
        let arrivals: String
        switch settings.arrivals {
        case .rate(let rate): arrivals = "\(rate) (Poisson, working time)"
        case .journal: arrivals = "the journal's cases"
        }
        out += wrap("Arrivals: \(arrivals), \(settings.from) to \(settings.to) (calendar \(F.clean(calendarID)))")
        let staff = roles.compactMap { line in line.staff.map { "\(F.clean(line.id)) \($0)" } }
        out += wrap("Staff: " + staff.joined(separator: ", "))
        out += "Durations: \(settings.durations.rawValue == "standard" ? "drawn from the mutu baku" : "the journal's times")\n"
        for share in shares {
            let parts = share.outcomes.map { "\(F.clean($0.0)) \(F.percent($0.1))" }.joined(separator: " / ")
            let source = share.source == "assumed" ? " (assumed; give --share)" : " (\(share.source))"
            out += wrap("Decision \(F.clean(share.step)): \(parts)\(source)")
        }
        return out
    }

    func unstableText(_ unstable: (role: String, load: Double)) -> String {
        let role = self.role(unstable.role)
        let people = role?.staff ?? 1
        return wrap("Unstable: \(unstable.role) (\(role?.nama ?? unstable.role)) would need \(SimulationFormat.percent(unstable.load)) of the working time of "
            + "\(people) \(people == 1 ? "person" : "people"): the queue grows without bound (each run stops at its horizon). Give more staff "
            + "(--staff \(unstable.role)=\(Int((Double(people) * unstable.load).rounded(.up)) + 1)) or fewer arrivals.")
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
