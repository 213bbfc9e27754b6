import Foundation

extension CaseReport {
    /// Working minutes as `2 hari kerja 3 jam 15 menit` (a working day being 7.5 hours).
    public static func duration(_ minutes: Double?) -> String {
        guard let minutes else { return "-" }
        var rest = Int(minutes.rounded())
        if rest == 0 { return "0 menit" }
        var parts: [String] = []
        if rest >= 450 { parts.append("\(rest / 450) hari kerja"); rest %= 450 }
        if rest >= 60 { parts.append("\(rest / 60) jam"); rest %= 60 }
        if rest > 0 { parts.append("\(rest) menit") }
        return parts.joined(separator: " ")
    }

    /// The total standard as authors count it: "1 tahun + 3 hari kerja + 45 menit": years, months
    /// and weeks, and days, for the steps whose waktu is written in them, working time for the rest.
    public var standardTotalText: String {
        var parts: [String] = []
        for unit in [WaktuUnit.tahun, .bulan, .minggu] {
            if let amount = standardTotalLong[unit], amount > 0 { parts.append("\(WaktuAmount.format(amount)) \(unit.label)") }
        }
        if standardTotalWorkingDays > 0 { parts.append("\(WaktuAmount.format(standardTotalWorkingDays)) hari kerja") }
        if standardTotalCalendarDays > 0 { parts.append("\(WaktuAmount.format(standardTotalCalendarDays)) hari kalender") }
        if standardTotalOtherMinutes > 0.5 || parts.isEmpty { parts.append(CaseReport.duration(standardTotalOtherMinutes)) }
        return parts.joined(separator: " + ")
    }

    /// The readable trace and summary, in `bahasa` (English by default: the form tests and logs read),
    /// every line within `width` columns: one record per step run (its number, id, performers and
    /// status; when it started and finished; its standard, actual time and due time), because ten
    /// columns with dates ("Senin, 6 Januari 2025 pukul 08.00") cannot share an 80-column line.
    public func text(in bahasa: Bahasa = .en, width: Int = 80) -> String {
        let o = { (m: OutputMessages, a: [String: MessageArgument]) in m.text(a, in: bahasa) }
        var out = "SOP \(sop)\n\n"
        for row in rows {
            var status = o(Self.statusWord(row.status), [:])
            if let outcome = row.outcome { status += " → \(outcome)" }
            if let attended = row.sessionsAttended {
                status += " " + o(.sessionsRow, ["attended": .number(attended), "missed": .number(row.sessionsMissed ?? 0)])
            }
            let started = format(row.started, in: bahasa)
            let lines = [
                o(.rowHeading, ["number": .number(row.number), "step": .text(row.step),
                                "round": .message(row.round > 1 ? OutputMessages.rowRound(["n": .number(row.round)]) : .empty),
                                "performers": .text(row.performers.isEmpty ? "-" : row.performers.joined(separator: ", ")), "status": .text(status)]),
                o(row.finished == nil ? .rowStarted : .rowTimes, ["started": .text(started),
                                                                  "finished": .text(Self.sameDay(format(row.finished, in: bahasa), as: started))]),
                o(row.due == nil ? .rowStandard : .rowStandardDue, ["standard": .text(row.standard ?? "-"), "actual": .text(CaseReport.duration(row.actualMinutes)),
                                                                    "due": .text(Self.sameDay(formatDue(row.due, in: bahasa), as: started))]),
            ]
            // One record: the heading, then its times indented under it; each escaped (one line
            // stays one line) and wrapped to the width, a continuation indented two more.
            for (i, line) in lines.enumerated() {
                for (j, part) in TextWrap.lines(TerminalText.escaped(line), width: max(20, width - 5)).enumerated() {
                    out += String(repeating: " ", count: (i == 0 ? 0 : 3) + (j == 0 ? 0 : (i == 0 ? 3 : 2))) + part + "\n"
                }
            }
        }
        var summary = [o(.lineOutcome, ["value": .message(Self.outcomeWord(outcome))])]
        summary.append(o(.linePath, ["value": .text(path.joined(separator: " → "))]))
        summary.append(o(.lineTime, ["actual": .text(CaseReport.duration(totalMinutes)), "standard": .text(standardTotalText),
                                     "note": .message(standardFromTotal ? OutputMessages.fromTotal() : .empty)]))
        summary.append(o(.lineOverdue, ["value": overdue.isEmpty ? .message(OutputMessages.none()) : .text(overdue.joined(separator: ", "))]))
        if rows.contains(where: { $0.sessionsAttended != nil }) {
            summary.append(o(.lineSessions, ["attended": .number(sessions.attended), "missed": .number(sessions.missed)]))
        }
        if let deadline {
            summary.append(o(.lineDeadline, ["value": .text(formatDue(deadline, in: bahasa)), "passed": .message(pastDeadline ? OutputMessages.passed() : .empty)]))
        }
        for warning in warningTexts { summary.append(o(.lineWarning, ["value": .text(TerminalText.escaped(warning.text(in: bahasa)))])) }
        // Each summary line wrapped to the width, continued under its value (after the 11-column label).
        out += "\n"
        for line in summary {
            // The label with its padding ("hasil:     ") stays as written; the value wraps after it.
            let colon = line.firstIndex(of: ":").map { line.index(after: $0) } ?? line.startIndex
            let valueStart = line[colon...].firstIndex { $0 != " " } ?? line.endIndex
            let label = String(line[..<valueStart])
            for (j, part) in TextWrap.lines(String(line[valueStart...]), width: max(20, width - max(11, label.count))).enumerated() {
                out += (j == 0 ? label : String(repeating: " ", count: 11)) + part + "\n"
            }
        }
        return out
    }

    /// `Senin, 6 Januari 2025 pukul 08.15` as `pukul 08.15` when the record already named that day
    /// (the time it started): the same day is written once. English ISO times stay whole.
    static func sameDay(_ time: String, as started: String) -> String {
        let marker = " pukul "
        guard let cut = time.range(of: marker), let other = started.range(of: marker),
              time[..<cut.lowerBound] == started[..<other.lowerBound] else { return time }
        return String(time[time.index(after: cut.lowerBound)...])
    }

    /// The word for a step run's status.
    static func statusWord(_ status: Status) -> OutputMessages {
        switch status {
        case .onTime: .statusOnTime
        case .late: .statusLate
        case .open: .statusOpen
        case .overdue: .statusOverdue
        }
    }

    /// The word for a case's outcome.
    public static func outcomeWord(_ outcome: CaseOutcome) -> Message {
        switch outcome {
        case .open: OutputMessages.outcomeOpen()
        case .completed: OutputMessages.outcomeCompleted()
        case .exited: OutputMessages.outcomeExited()
        }
    }

    /// The JSON form: outcome, path, steps, totals, overdue, sessions, warnings.
    public func json() -> JSONValue {
        .object([
            ("sop", .string(sop)),
            ("outcome", .string(outcome.rawValue)),
            ("path", .array(path.map(JSONValue.string))),
            ("steps", .array(rows.map { row in
                .object([
                    ("step", .string(row.step)), ("number", .number(Double(row.number))), ("round", .number(Double(row.round))),
                    ("performers", .array(row.performers.map(JSONValue.string))),
                    ("started", .string(format(row.started))), ("finished", row.finished.map { .string(format($0)) } ?? .null),
                    ("standard", .optional(row.standard)),
                    ("standard_minutes", row.standardMinutes.map { .number($0.rounded()) } ?? .null),
                    ("standard_days", row.standardDays.map { .number($0) } ?? .null),
                    ("standard_day_unit", .optional(row.standardDayUnit?.rawValue)),
                    ("actual_minutes", .number(row.actualMinutes.rounded())),
                    ("due", row.due.map { .string(format($0)) } ?? .null), ("status", .string(row.status.rawValue)),
                    ("outcome", .optional(row.outcome)),
                    ("sessions_attended", row.sessionsAttended.map { .number(Double($0)) } ?? .null),
                    ("sessions_missed", row.sessionsMissed.map { .number(Double($0)) } ?? .null),
                ])
            })),
            ("opened", openedAt.map { .string(format($0)) } ?? .null),
            ("ended", endedAt.map { .string(format($0)) } ?? .null),
            ("deadline", deadline.map { .string(format($0)) } ?? .null),
            ("past_deadline", .bool(pastDeadline)),
            ("total_minutes", .number(totalMinutes.rounded())),
            ("standard_total_minutes", .number(standardTotalMinutes.rounded())),
            ("standard_total", .object([("hari_kerja", .number(standardTotalWorkingDays)), ("hari_kalender", .number(standardTotalCalendarDays)),
                                        ("minutes", .number(standardTotalOtherMinutes.rounded())), ("text", .string(standardTotalText))])),
            ("overdue", .array(overdue.map(JSONValue.string))),
            ("sessions", .object([("attended", .number(Double(sessions.attended))), ("missed", .number(Double(sessions.missed)))])),
            ("documents", .array(documents.map { .object([("name", .string($0.name)), ("step", .optional($0.step)), ("at", .string(format($0.at)))]) })),
            ("warnings", .array(warnings.map(JSONValue.string))),
        ])
    }
}
