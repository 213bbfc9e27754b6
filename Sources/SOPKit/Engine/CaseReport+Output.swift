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

    /// The total standard as authors count it: "3 hari kerja 45 menit", days for the steps whose
    /// waktu is in days and working time for the rest.
    public var standardTotalText: String {
        var parts: [String] = []
        if standardTotalWorkingDays > 0 { parts.append("\(WaktuAmount.format(standardTotalWorkingDays)) hari kerja") }
        if standardTotalCalendarDays > 0 { parts.append("\(WaktuAmount.format(standardTotalCalendarDays)) hari kalender") }
        if standardTotalOtherMinutes > 0.5 || parts.isEmpty { parts.append(CaseReport.duration(standardTotalOtherMinutes)) }
        return parts.joined(separator: " + ")
    }

    /// The readable trace and summary, in `bahasa` (English by default: the form tests and logs read).
    public func text(in bahasa: Bahasa = .en) -> String {
        let o = { (m: OutputMessages, a: [String: MessageArgument]) in m.text(a, in: bahasa) }
        var out = "SOP \(sop)\n\n"
        let header = ["#"] + [OutputMessages.colStep, .colRound, .colPerformers, .colStarted, .colFinished, .colStandard, .colActual, .colDue, .colStatus]
            .map { o($0, [:]) }
        var table: [[String]] = [header]
        for row in rows {
            var status = o(Self.statusWord(row.status), [:])
            if let outcome = row.outcome { status += " → \(outcome)" }
            if let attended = row.sessionsAttended {
                status += " " + o(.sessionsRow, ["attended": .number(attended), "missed": .number(row.sessionsMissed ?? 0)])
            }
            table.append(["\(row.number)", row.step, "\(row.round)", row.performers.joined(separator: ", "),
                          format(row.started, in: bahasa), format(row.finished, in: bahasa), row.standard ?? "-",
                          CaseReport.duration(row.actualMinutes), formatDue(row.due, in: bahasa), status])
        }
        table = table.map { $0.map(TerminalText.escaped) }  // one row, one line
        let widths = header.indices.map { i in table.map { $0[i].count }.max() ?? 0 }
        for line in table {
            out += line.enumerated().map { i, cell in i == line.count - 1 ? cell : TextWrap.pad(cell, widths[i]) }
                .joined(separator: "  ") + "\n"
        }
        out += "\n" + o(.lineOutcome, ["value": .message(Self.outcomeWord(outcome))]) + "\n"
        out += o(.linePath, ["value": .text(path.joined(separator: " → "))]) + "\n"
        out += o(.lineTime, ["actual": .text(CaseReport.duration(totalMinutes)), "standard": .text(standardTotalText),
                             "note": .message(standardFromTotal ? OutputMessages.fromTotal() : .empty)]) + "\n"
        out += o(.lineOverdue, ["value": overdue.isEmpty ? .message(OutputMessages.none()) : .text(overdue.joined(separator: ", "))]) + "\n"
        if rows.contains(where: { $0.sessionsAttended != nil }) {
            out += o(.lineSessions, ["attended": .number(sessions.attended), "missed": .number(sessions.missed)]) + "\n"
        }
        if let deadline {
            out += o(.lineDeadline, ["value": .text(formatDue(deadline, in: bahasa)), "passed": .message(pastDeadline ? OutputMessages.passed() : .empty)]) + "\n"
        }
        for warning in warningTexts { out += o(.lineWarning, ["value": .text(TerminalText.escaped(warning.text(in: bahasa)))]) + "\n" }
        return out
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
