import Foundation

/// Replays a scenario's history against an SOP, refusing illegal actions at the scenario's
/// file:line:col, and checks its expectations.
public struct ScenarioRunner: Sendable {
    public let context: CaseContext

    public init(context: CaseContext) {
        self.context = context
    }

    /// What a replay gave.
    public struct Outcome: Sendable {
        /// The case as the scenario leaves it (nil when it could not even be opened).
        public var report: CaseReport?
        public var state: CaseState
        public var events: [CaseEvent]
        /// Refused actions and unreadable times: the scenario is not a legal history.
        public var diagnostics: [Diagnostic]
        /// Expectations that do not hold.
        public var failures: [Diagnostic]
    }

    public func run(_ scenario: Scenario) -> Outcome {
        let engine = CaseEngine(context: context)
        var state = CaseState()
        var events: [CaseEvent] = []
        var diagnostics: [Diagnostic] = []
        let zone = context.calendar.timeZone
        func instant(_ text: Located<String>) -> Date? {
            if let date = InstantFormat.parse(text.value, in: zone) { return date }
            diagnostics.append(.error("SOP703", ScenarioMessages.notInstant(["value": .text(text.value)]),
                                      at: text.location))
            return nil
        }
        if scenario.sop.value != context.definition.id, !scenario.sop.value.contains("/"), !scenario.sop.value.hasSuffix(".yaml") {
            diagnostics.append(.error("SOP701", ScenarioMessages.otherSOP(["expected": .text(scenario.sop.value), "actual": .text(context.definition.id)]),
                                      at: scenario.sop.location))
        }
        guard let start = instant(scenario.start), diagnostics.isEmpty else {
            return Outcome(report: nil, state: state, events: events, diagnostics: diagnostics, failures: [])
        }
        func record(_ new: [CaseEvent]) {
            for event in new { state.apply(event, in: context) }
            events += new
        }
        do {
            record(try engine.open(data: scenario.data, documents: scenario.documents, at: start))
        } catch {
            diagnostics.append(.error("SOP704", error.text, at: scenario.dataLocation))
            return Outcome(report: nil, state: state, events: events, diagnostics: diagnostics, failures: [])
        }
        for entry in scenario.history {
            var at: Date?
            if let written = entry.at {
                guard let parsed = instant(written) else { continue }
                at = parsed
            }
            do {
                let new = try perform(entry, at: at, engine: engine, state: state)
                if let expected = entry.refused {
                    diagnostics.append(.error("SOP705", ScenarioMessages.shouldBeRefused(["expected": .text(expected)]), at: entry.location))
                    continue
                }
                record(new)
            } catch {
                if let expected = entry.refused, error.reason.rawValue == expected || error.message.contains(expected) { continue }
                let hint = entry.refused.map { ScenarioMessages.expectedRefusal(["expected": .text($0)]) } ?? .empty
                diagnostics.append(.error("SOP704", ScenarioMessages.refused(["why": .message(error.text), "hint": .message(hint)]), at: entry.location))
            }
        }
        var now = events.map(\.at).max() ?? start
        if let written = scenario.now, let parsed = instant(written) { now = parsed }
        let report = CaseReport(state: state, context: context, now: now)
        let failures = scenario.expectations.map { ScenarioCheck(report: report, state: state).failures($0) } ?? []
        return Outcome(report: report, state: state, events: events, diagnostics: diagnostics, failures: failures)
    }

    private func perform(_ entry: ScenarioEntry, at: Date?, engine: CaseEngine, state: CaseState) throws(CaseRefusal) -> [CaseEvent] {
        switch entry.kind {
        case .session(let step):
            return try engine.attend(on: state, step: step, at: at ?? Date.distantPast)
        case .act(let step, let performers, let answer, let note, let documents):
            let (definition, run) = try engine.activeRun(state, step)
            let actors = performers ?? (definition.mode == .salahSatu
                ? Array(engine.awaited(definition, run).prefix(1)) : engine.awaited(definition, run))
            let when = at ?? run.due ?? run.startedAt
            var events: [CaseEvent] = []
            var working = state
            for (i, actor) in actors.enumerated() {
                let new = try engine.act(on: working, step: step, as: actor, answer: i == actors.count - 1 ? answer : nil,
                                         note: note, documents: i == 0 ? documents : [], at: when)
                for event in new { working.apply(event, in: context) }
                events += new
            }
            return events
        }
    }
}
