import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// `--as NAME` and `sop tasks NAME` mean the same performer: an id first (exactly, then ignoring
/// case), then the first performer with that nama or alias.
@Suite("Naming a performer")
struct PerformerNamingTests {
    @Test("an id beats another performer's alias, in the engine and in the worklist alike")
    func idBeatsAlias() throws {
        let path = TestPaths.fixtures.appendingPathComponent("invalid/performer-names-clash.yaml").path
        let definition = try #require(SOPLoader().load(path: path).definition)
        #expect(definition.performer(named: "kasi")?.id == "kasi")
        #expect(definition.performer(named: "Kasi")?.id == "kasi")   // also sekretaris's alias: the id wins
        #expect(definition.performer(named: "KEPALA SEKSI")?.id == "kasi")
        #expect(definition.performer(named: "Sekretaris Dinas")?.id == "sekretaris")   // shared (SOP321): the first
        #expect(definition.performer(named: "nobody") == nil)

        let (calendar, _) = CalendarStore.load(id: definition.time.calendar, searchingFrom: TestPaths.sops.path)
        let context = CaseContext(definition: definition, calendar: try #require(calendar))
        let engine = CaseEngine(context: context)
        let start = try #require(InstantFormat.parse("2025-01-06T08:00", in: calendar!.timeZone))
        let opened = try engine.open(data: [:], at: start)
        let state = CaseState.fold(opened, in: context)
        let signed = try engine.act(on: state, step: "periksa", as: "Kasi", at: start.addingTimeInterval(600))
        #expect(signed.contains { if case .signedOff(_, "kasi", _) = $0.kind { true } else { false } })

        // After kasi's sign-off, "Kasi" has nothing left on the case; sekretaris still has.
        var after = state
        for event in signed { after.apply(event, in: context) }
        let loaded = LoadedCase(stored: StoredCase(header: CaseHeader(id: "X-0001", sopID: definition.id, definitionHash: "h",
                                                                      openedAt: start, status: .open, version: after.version),
                                                   definitionSource: "", events: []),
                                context: context, state: after)
        #expect(Worklist.items(for: "Kasi", in: [loaded], now: start).isEmpty)
        #expect(Worklist.items(for: "sekretaris", in: [loaded], now: start).map(\.step) == ["periksa"])
    }
}
