import Foundation
import SOPKit

/// How case events are stored: a type name, the time in milliseconds since 1970, and a JSON payload.
/// Each stored event carries ``EventCoding/formatVersion``; a reader refuses a format it does not know.
public enum EventCoding {
    /// The format of the payloads written by this version.
    public static let formatVersion = 1

    /// The payload of an event as JSON text.
    public static func payload(_ event: CaseEvent) -> String {
        let fields: [(String, JSONValue)]
        switch event.kind {
        case .opened(let data, let documents):
            fields = [("data", .object(data.sorted { $0.key < $1.key }.map { ($0.key, value($0.value)) })),
                      ("documents", .array(documents.map(JSONValue.string)))]
        case .stepStarted(let step):
            fields = [("step", .string(step))]
        case .signedOff(let step, let performer, let note):
            fields = [("step", .string(step)), ("performer", .string(performer)), ("note", .optional(note))]
        case .documentProduced(let name, let step):
            fields = [("name", .string(name)), ("step", .optional(step))]
        case .decisionTaken(let step, let outcome, let byRule):
            fields = [("step", .string(step)), ("outcome", .string(outcome)), ("by_rule", .bool(byRule))]
        case .stepCompleted(let step):
            fields = [("step", .string(step))]
        case .sessionAttended(let step, let occurrence):
            fields = [("step", .string(step)), ("occurrence", .number(Double(occurrence)))]
        case .ended(let outcome):
            fields = [("outcome", .string(outcome.rawValue))]
        case .migrated(let from, let to, let mapping):
            fields = [("from", .string(from)), ("to", .string(to)),
                      ("mapping", .object(mapping.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))]
        }
        return JSONValue.object(fields).serialized(indent: nil)
    }

    /// Milliseconds since 1970 of an instant (events keep millisecond precision).
    public static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// The instant of a millisecond count.
    public static func date(milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// Decodes a stored event; nil (with the reason) when it is malformed or of an unknown format.
    public static func decode(type: String, milliseconds: Int64, payload: String, format: Int) -> Result<CaseEvent, JournalError> {
        guard format == formatVersion else {
            return .failure(.corrupt("an event has format \(format); this version of sop reads format \(formatVersion)"))
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any] else {
            return .failure(.corrupt("an event payload is not JSON: \(payload.prefix(80))"))
        }
        let at = date(milliseconds: milliseconds)
        func string(_ key: String) -> String? { object[key] as? String }
        let kind: CaseEvent.Kind?
        switch type {
        case "opened":
            let raw = object["data"] as? [String: Any] ?? [:]
            var data: [String: CaseValue] = [:]
            for (key, value) in raw { if let v = caseValue(value) { data[key] = v } }
            kind = .opened(data: data, documents: object["documents"] as? [String] ?? [])
        case "step_started": kind = string("step").map { .stepStarted(step: $0) }
        case "signed_off":
            kind = string("step").flatMap { s in string("performer").map { .signedOff(step: s, performer: $0, note: string("note")) } }
        case "document_produced": kind = string("name").map { .documentProduced(name: $0, step: string("step")) }
        case "decision_taken":
            kind = string("step").flatMap { s in
                string("outcome").map { .decisionTaken(step: s, outcome: $0, byRule: object["by_rule"] as? Bool ?? false) }
            }
        case "step_completed": kind = string("step").map { .stepCompleted(step: $0) }
        case "session_attended":
            kind = string("step").flatMap { s in (object["occurrence"] as? Int).map { .sessionAttended(step: s, occurrence: $0) } }
        case "ended": kind = string("outcome").flatMap(CaseOutcome.init(rawValue:)).map { .ended($0) }
        case "migrated":
            kind = string("from").flatMap { from in
                string("to").map { .migrated(from: from, to: $0, mapping: object["mapping"] as? [String: String] ?? [:]) }
            }
        default: kind = nil
        }
        guard let kind else { return .failure(.corrupt("an event of type '\(type)' is malformed: \(payload.prefix(80))")) }
        return .success(CaseEvent(kind, at: at))
    }

    /// A case value as tagged JSON, so its type survives the round trip.
    static func value(_ v: CaseValue) -> JSONValue {
        switch v {
        case .text(let s): .object([("text", .string(s))])
        case .number(let n): .object([("number", .number(n))])
        case .boolean(let b): .object([("boolean", .bool(b))])
        case .date(let d): .object([("date", .string(d.description))])
        }
    }

    static func caseValue(_ any: Any) -> CaseValue? {
        guard let tagged = any as? [String: Any] else { return nil }
        if let s = tagged["text"] as? String { return .text(s) }
        if let b = tagged["boolean"] as? Bool, tagged["boolean"] is Bool { return .boolean(b) }
        if let n = tagged["number"] as? NSNumber { return .number(n.doubleValue) }
        if let d = tagged["date"] as? String, let date = CalendarDate(iso: d) { return .date(date) }
        return nil
    }
}
