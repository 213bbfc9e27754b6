import Foundation
@testable import SOPKit

/// A shipped SOP with the shipped working calendar, and helpers to drive cases through it.
struct EngineFixture {
    let context: CaseContext
    var engine: CaseEngine { CaseEngine(context: context) }

    init(_ sopID: String) throws {
        try self.init(path: TestPaths.sops.appendingPathComponent("\(sopID).yaml").path)
    }

    /// The SOP at `path` (a fixture outside sops/).
    init(path: String) throws {
        let result = SOPLoader().load(path: path)
        guard let definition = result.definition else { throw FixtureError("SOP \(path) does not load: \(result.diagnostics)") }
        let (calendar, problems) = CalendarStore.load(id: definition.time.calendar, searchingFrom: TestPaths.sops.path)
        guard let calendar else { throw FixtureError("calendar does not load: \(problems)") }
        context = CaseContext(definition: definition, calendar: calendar)
    }

    /// An instant in the office's time zone: `at("2025-01-06T08:00")`.
    func at(_ text: String) -> Date {
        InstantFormat.parse(text, in: context.calendar.timeZone) ?? Date.distantPast
    }

    func format(_ date: Date?) -> String { date.map(context.format) ?? "-" }

    /// Applies events to a state, returning the new state.
    func applying(_ events: [CaseEvent], to state: CaseState) -> CaseState {
        var s = state
        for e in events { s.apply(e, in: context) }
        return s
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
