import Foundation
import SOPKit

/// The time zone each case of a journal is shown in (its SOP's `zona`, else its calendar's
/// `timezone`), and the zone for lines that name no case: `sop audit` prints every time in the
/// office's own zone, never a zone fixed in the code.
public struct JournalZones: Sendable {
    /// The zone of each case that could be read, by case id.
    public var byCase: [String: TimeZone]
    /// The zone of a line that names no case (or a case that cannot be read): the zone of the
    /// journal's cases when they are all in one; UTC when they are in several (each case's own
    /// lines keep its zone); the national calendar's zone when the journal has no case.
    public var fallback: TimeZone

    public init(byCase: [String: TimeZone], fallback: TimeZone) {
        self.byCase = byCase
        self.fallback = fallback
    }

    /// The zone to show a line of `caseID` in.
    public func zone(caseID: String?) -> TimeZone {
        caseID.flatMap { byCase[$0] } ?? fallback
    }

    /// The zone of a journal whose cases are in `zones`: the one zone, UTC for several, the
    /// national calendar's (from its data) for none.
    static func fallback(for zones: some Collection<TimeZone>, national: @autoclosure () -> TimeZone?) -> TimeZone {
        let distinct = Set(zones.map(\.identifier))
        if distinct.count == 1, let only = zones.first { return only }
        if distinct.isEmpty, let national = national() { return national }
        return TimeZone(identifier: "UTC") ?? .gmt
    }
}

extension CaseService {
    /// The zone of every case in the journal, without folding its events: each case's definition and
    /// pinned calendar (once per pair of hashes). A case whose definition or calendar cannot be read
    /// is left out (its lines use the fallback).
    public func zones() throws(JournalError) -> JournalZones {
        var byPair: [String: TimeZone] = [:]
        var byCase: [String: TimeZone] = [:]
        for header in try store.cases(sopID: nil, status: nil) {
            let pair = header.definitionHash + "|" + (header.calendarHash ?? "")
            if let known = byPair[pair] { byCase[header.id] = known; continue }
            do {
                let source = try store.definitionSource(hash: header.definitionHash)
                let definition = try DefinitionCache.shared.definition(source: source, hash: header.definitionHash)
                let zone = try context(for: definition, calendarHash: header.calendarHash).calendar.timeZone
                byPair[pair] = zone
                byCase[header.id] = zone
            } catch {
                continue
            }
        }
        let national = CalendarStore.load(id: CalendarStore.nationalID, searchingFrom: calendarFolder).calendar?.timeZone
        return JournalZones(byCase: byCase, fallback: JournalZones.fallback(for: Array(byCase.values), national: national))
    }
}
