/// Compares a replayed case with a scenario's expectations.
struct ScenarioCheck {
    let report: CaseReport
    let state: CaseState

    func failures(_ e: ScenarioExpectations) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func fail(_ message: Message, _ location: SourceLocation) { out.append(.error("SOP710", message, at: location)) }
        if let path = e.path, path.value != report.path {
            fail(ScenarioMessages.expectedPath(["expected": .text(path.value.joined(separator: " → ")), "actual": .text(report.path.joined(separator: " → "))]), path.location)
        }
        if let outcome = e.outcome, outcome.value != report.outcome {
            fail(ScenarioMessages.expectedOutcome(["expected": .text(word(outcome.value)), "actual": .text(word(report.outcome))]), outcome.location)
        }
        if let overdue = e.overdue, overdue.value != report.overdue {
            func steps(_ ids: [String]) -> MessageArgument { ids.isEmpty ? .message(ScenarioMessages.none()) : .text(ids.joined(separator: ", ")) }
            fail(ScenarioMessages.expectedOverdue(["expected": steps(overdue.value), "actual": steps(report.overdue)]),
                 overdue.location)
        }
        if let total = e.totalTime, let minutes = total.value.deadline?.minutes(), abs(minutes - report.totalMinutes) > 0.5 {
            fail(ScenarioMessages.expectedTotal(["written": .text(total.value.raw), "expected": .text(CaseReport.duration(minutes)),
                                                 "actual": .text(CaseReport.duration(report.totalMinutes))]),
                 total.location)
        }
        if let attended = e.sessionsAttended, attended.value != report.sessions.attended {
            fail(ScenarioMessages.expectedAttended(["expected": .number(attended.value), "actual": .number(report.sessions.attended)]), attended.location)
        }
        if let missed = e.sessionsMissed, missed.value != report.sessions.missed {
            fail(ScenarioMessages.expectedMissed(["expected": .number(missed.value), "actual": .number(report.sessions.missed)]), missed.location)
        }
        if let past = e.pastDeadline, past.value != report.pastDeadline {
            let deadline: MessageArgument = .message(report.deadline.map { ScenarioMessages.itsDeadline(["deadline": .text(report.format($0))]) }
                                                     ?? ScenarioMessages.noDeadline())
            fail(past.value ? ScenarioMessages.expectedPast(["deadline": deadline]) : ScenarioMessages.expectedWithin(["deadline": deadline]), past.location)
        }
        if let documents = e.documents {
            let lacking = documents.value.filter { !state.holds($0) }
            if !lacking.isEmpty {
                fail(ScenarioMessages.expectedDocuments(["documents": .text(lacking.map { "'\($0)'" }.joined(separator: ", "))]), documents.location)
            }
        }
        return out
    }

    private func word(_ outcome: CaseOutcome) -> String {
        ScenarioExpectations.outcomeWords.first { $0.1 == outcome }.map { "\($0.0) (\(outcome.rawValue))" } ?? outcome.rawValue
    }
}
