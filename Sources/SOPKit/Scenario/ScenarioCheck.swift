/// Compares a replayed case with a scenario's expectations.
struct ScenarioCheck {
    let report: CaseReport
    let state: CaseState

    func failures(_ e: ScenarioExpectations) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func fail(_ message: String, _ location: SourceLocation) { out.append(.error("SOP710", message, at: location)) }
        if let path = e.path, path.value != report.path {
            fail("expected path \(path.value.joined(separator: " → ")) but the case took \(report.path.joined(separator: " → "))", path.location)
        }
        if let outcome = e.outcome, outcome.value != report.outcome {
            fail("expected outcome \(word(outcome.value)) but the case is \(word(report.outcome))", outcome.location)
        }
        if let overdue = e.overdue, overdue.value != report.overdue {
            let actual = report.overdue.isEmpty ? "none" : report.overdue.joined(separator: ", ")
            fail("expected overdue steps \(overdue.value.isEmpty ? "none" : overdue.value.joined(separator: ", ")) but overdue are \(actual)",
                 overdue.location)
        }
        if let total = e.totalTime, let minutes = total.value.deadline?.minutes(), abs(minutes - report.totalMinutes) > 0.5 {
            fail("expected a total working time of \(total.value.raw) (\(CaseReport.duration(minutes))) but it is \(CaseReport.duration(report.totalMinutes))",
                 total.location)
        }
        if let attended = e.sessionsAttended, attended.value != report.sessions.attended {
            fail("expected \(attended.value) sessions attended but the case attended \(report.sessions.attended)", attended.location)
        }
        if let missed = e.sessionsMissed, missed.value != report.sessions.missed {
            fail("expected \(missed.value) sessions missed but the case missed \(report.sessions.missed)", missed.location)
        }
        if let past = e.pastDeadline, past.value != report.pastDeadline {
            let deadline = report.deadline.map { "its deadline \(report.format($0))" } ?? "no deadline (the SOP has no jangka_waktu)"
            fail(past.value ? "expected the case to be past its deadline but it is not (\(deadline))"
                            : "expected the case to be within its deadline but it is past \(deadline)", past.location)
        }
        if let documents = e.documents {
            let lacking = documents.value.filter { !state.holds($0) }
            if !lacking.isEmpty {
                fail("expected the case to hold \(lacking.map { "'\($0)'" }.joined(separator: ", ")) but it does not", documents.location)
            }
        }
        return out
    }

    private func word(_ outcome: CaseOutcome) -> String {
        ScenarioExpectations.outcomeWords.first { $0.1 == outcome }.map { "\($0.0) (\(outcome.rawValue))" } ?? outcome.rawValue
    }
}
