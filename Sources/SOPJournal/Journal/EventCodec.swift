import Foundation
import SOPKit

/// How one kind of case event is stored: its name (the `type` column), how its payload is written,
/// and how it is read back. ``EventCodec/all`` is the one table every write and read goes through,
/// so a new kind needs one entry here (the round-trip test over every kind fails until it has one).
struct EventCodec: Sendable {
    /// The stored type name, equal to ``CaseEvent/name``.
    let name: String
    /// The payload's fields, or nil when the kind is not this codec's.
    let encode: @Sendable (CaseEvent.Kind) -> [(String, JSONValue)]?
    /// The kind read back from a payload's fields, or nil when they are malformed.
    let decode: @Sendable (PayloadFields) -> CaseEvent.Kind?
    /// Whether the payload nests objects or arrays, so it is read with JSONSerialization only.
    let nested: Bool

    /// Every kind of event, once.
    static let all: [EventCodec] = [
        EventCodec(name: "opened", encode: {
            guard case .opened(let data, let documents) = $0 else { return nil }
            return [("data", .object(data.sorted { $0.key < $1.key }.map { ($0.key, EventCoding.value($0.value)) })),
                    ("documents", .array(documents.map(JSONValue.string)))]
        }, decode: { f in
            .opened(data: f.caseValues("data") ?? [:], documents: f.stringArray("documents") ?? [])
        }, nested: true),
        EventCodec(name: "step_started", encode: {
            guard case .stepStarted(let step) = $0 else { return nil }
            return [("step", .string(step))]
        }, decode: { f in f.string("step").map { .stepStarted(step: $0) } }, nested: false),
        EventCodec(name: "signed_off", encode: {
            guard case .signedOff(let step, let performer, let note) = $0 else { return nil }
            return [("step", .string(step)), ("performer", .string(performer)), ("note", .optional(note))]
        }, decode: { f in
            f.string("step").flatMap { s in f.string("performer").map { .signedOff(step: s, performer: $0, note: f.string("note")) } }
        }, nested: false),
        EventCodec(name: "document_produced", encode: {
            guard case .documentProduced(let name, let step) = $0 else { return nil }
            return [("name", .string(name)), ("step", .optional(step))]
        }, decode: { f in f.string("name").map { .documentProduced(name: $0, step: f.string("step")) } }, nested: false),
        EventCodec(name: "decision_taken", encode: {
            guard case .decisionTaken(let step, let outcome, let byRule) = $0 else { return nil }
            return [("step", .string(step)), ("outcome", .string(outcome)), ("by_rule", .bool(byRule))]
        }, decode: { f in
            f.string("step").flatMap { s in f.string("outcome").map { .decisionTaken(step: s, outcome: $0, byRule: f.bool("by_rule") ?? false) } }
        }, nested: false),
        EventCodec(name: "step_completed", encode: {
            guard case .stepCompleted(let step) = $0 else { return nil }
            return [("step", .string(step))]
        }, decode: { f in f.string("step").map { .stepCompleted(step: $0) } }, nested: false),
        EventCodec(name: "session_attended", encode: {
            guard case .sessionAttended(let step, let occurrence) = $0 else { return nil }
            return [("step", .string(step)), ("occurrence", .number(Double(occurrence)))]
        }, decode: { f in
            f.string("step").flatMap { s in f.int("occurrence").map { .sessionAttended(step: s, occurrence: $0) } }
        }, nested: false),
        EventCodec(name: "ended", encode: {
            guard case .ended(let outcome) = $0 else { return nil }
            return [("outcome", .string(outcome.rawValue))]
        }, decode: { f in f.string("outcome").flatMap(CaseOutcome.init(rawValue:)).map { .ended($0) } }, nested: false),
        EventCodec(name: "migrated", encode: {
            guard case .migrated(let from, let to, let mapping) = $0 else { return nil }
            return [("from", .string(from)), ("to", .string(to)),
                    ("mapping", .object(mapping.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))]
        }, decode: { f in
            f.string("from").flatMap { from in f.string("to").map { .migrated(from: from, to: $0, mapping: f.stringMap("mapping") ?? [:]) } }
        }, nested: true),
    ]

    /// ``all`` by name.
    static let byName: [String: EventCodec] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
}

/// A stored payload's fields, read the same way whether the flat reader or JSONSerialization parsed
/// them (`as? String`, `as? Bool`, `as? Int`).
enum PayloadFields {
    case flat([(key: String, value: FlatJSON.Value)])
    case json([String: Any])

    private func flatValue(_ key: String) -> FlatJSON.Value? {
        guard case .flat(let fields) = self else { return nil }
        // A handful of fields: searched in order, cheaper than hashing them into a dictionary.
        return fields.first { $0.key == key }?.value
    }

    func string(_ key: String) -> String? {
        switch self {
        case .flat: if case .string(let s)? = flatValue(key) { return s }; return nil
        case .json(let object): return object[key] as? String
        }
    }

    func bool(_ key: String) -> Bool? {
        switch self {
        case .flat:
            switch flatValue(key) {
            case .bool(let b)?: return b
            case .number(let n)? where n == 0 || n == 1: return n == 1
            default: return nil
            }
        case .json(let object): return object[key] as? Bool
        }
    }

    func int(_ key: String) -> Int? {
        switch self {
        case .flat:
            if case .number(let n)? = flatValue(key), n.rounded() == n, abs(n) < 1e15 { return Int(n) }
            return nil
        case .json(let object): return object[key] as? Int
        }
    }

    func stringArray(_ key: String) -> [String]? {
        if case .json(let object) = self { return object[key] as? [String] }
        return nil
    }

    func stringMap(_ key: String) -> [String: String]? {
        if case .json(let object) = self { return object[key] as? [String: String] }
        return nil
    }

    func caseValues(_ key: String) -> [String: CaseValue]? {
        guard case .json(let object) = self, let raw = object[key] as? [String: Any] else { return nil }
        var data: [String: CaseValue] = [:]
        for (k, value) in raw { if let v = EventCoding.caseValue(value) { data[k] = v } }
        return data
    }
}
