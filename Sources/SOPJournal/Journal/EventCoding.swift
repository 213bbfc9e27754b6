import Foundation
import SOPKit

/// How case events are stored: a type name, the time in milliseconds since 1970, and a JSON payload.
/// Each stored event carries ``EventCoding/formatVersion``; a reader refuses a format it does not know.
public enum EventCoding {
    /// The format of the payloads written by this version.
    public static let formatVersion = 1

    /// The payload of an event as JSON text (through its ``EventCodec``).
    public static func payload(_ event: CaseEvent) -> String {
        guard let fields = EventCodec.byName[event.name]?.encode(event.kind) else {
            preconditionFailure("no EventCodec for the event kind '\(event.name)'")  // a programming error the codec tests catch
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
            return .failure(.corrupt(JournalDataMessages.eventFormat(["format": .number(format), "supported": .number(formatVersion)])))
        }
        guard let codec = EventCodec.byName[type] else {
            return .failure(.corrupt(JournalDataMessages.eventType(["type": .text(type)])))
        }
        let at = date(milliseconds: milliseconds)
        // Most payloads are flat objects; reading them directly instead of through JSONSerialization
        // and dynamic casts halves the time of `sop report` over a large journal.
        if !codec.nested, let flat = FlatJSON.object(payload) {
            if let kind = codec.decode(.flat(flat)) { return .success(CaseEvent(kind, at: at)) }
            return .failure(.corrupt(JournalDataMessages.eventMalformed(["type": .text(type), "payload": .text(String(payload.prefix(80)))])))
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any] else {
            return .failure(.corrupt(JournalDataMessages.eventNotJSON(["payload": .text(String(payload.prefix(80)))])))
        }
        guard let kind = codec.decode(.json(object)) else {
            return .failure(.corrupt(JournalDataMessages.eventMalformed(["type": .text(type), "payload": .text(String(payload.prefix(80)))])))
        }
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

/// A reader of flat JSON objects (`{"k":"v","b":true,"n":null,"x":12}`), the payloads this version
/// writes for every event but `opened`. Anything else (a nested value, an escape other than the
/// simple ones, a syntax it does not expect) gives nil, and the caller falls back to
/// JSONSerialization, so the two agree on every payload this reads.
enum FlatJSON {
    enum Value {
        case string(String), bool(Bool), number(Double), null
    }

    /// The fields in order, keys unique; nil when the text is not a flat object.
    static func object(_ text: String) -> [(key: String, value: Value)]? {
        var text = text
        return text.withUTF8 { bytes -> [(key: String, value: Value)]? in
            var i = 0
            let n = bytes.count
            func skipSpace() { while i < n, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 } }
            func string() -> String? {
                guard i < n, bytes[i] == 0x22 else { return nil }
                i += 1
                let start = i
                var plain = true
                while i < n, bytes[i] != 0x22 {
                    if bytes[i] == 0x5C { plain = false; break }
                    if bytes[i] < 0x20 { return nil }
                    i += 1
                }
                if plain {
                    guard i < n else { return nil }
                    let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    i += 1
                    return s
                }
                // Escapes: the simple ones only.
                var out: [UInt8] = Array(bytes[start..<i])
                while i < n, bytes[i] != 0x22 {
                    if bytes[i] == 0x5C {
                        guard i + 1 < n else { return nil }
                        switch bytes[i + 1] {
                        case 0x22: out.append(0x22)
                        case 0x5C: out.append(0x5C)
                        case 0x2F: out.append(0x2F)
                        case 0x6E: out.append(0x0A)
                        case 0x74: out.append(0x09)
                        case 0x72: out.append(0x0D)
                        default: return nil
                        }
                        i += 2
                    } else {
                        if bytes[i] < 0x20 { return nil }
                        out.append(bytes[i])
                        i += 1
                    }
                }
                guard i < n else { return nil }
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            func literal(_ word: StaticString) -> Bool {
                let count = word.utf8CodeUnitCount
                guard i + count <= n else { return false }
                for k in 0..<count where bytes[i + k] != word.utf8Start[k] { return false }
                i += count
                return true
            }
            skipSpace()
            guard i < n, bytes[i] == 0x7B else { return nil }
            i += 1
            var result: [(key: String, value: Value)] = []
            result.reserveCapacity(4)
            skipSpace()
            if i < n, bytes[i] == 0x7D {
                i += 1
                skipSpace()
                return i == n ? result : nil
            }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard i < n, bytes[i] == 0x3A else { return nil }
                i += 1
                skipSpace()
                guard i < n else { return nil }
                let value: Value
                switch bytes[i] {
                case 0x22:
                    guard let s = string() else { return nil }
                    value = .string(s)
                case 0x74:
                    guard literal("true") else { return nil }
                    value = .bool(true)
                case 0x66:
                    guard literal("false") else { return nil }
                    value = .bool(false)
                case 0x6E:
                    guard literal("null") else { return nil }
                    value = .null
                case 0x2D, 0x30...0x39:
                    let start = i
                    while i < n, (bytes[i] >= 0x30 && bytes[i] <= 0x39) || bytes[i] == 0x2D || bytes[i] == 0x2B
                        || bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45 { i += 1 }
                    guard let number = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)),
                          number.isFinite else { return nil }
                    value = .number(number)
                default:
                    return nil  // a nested object or array: not flat
                }
                guard !result.contains(where: { $0.key == key }) else { return nil }  // a repeated key: let Foundation decide
                result.append((key, value))
                skipSpace()
                guard i < n else { return nil }
                if bytes[i] == 0x2C { i += 1; continue }
                guard bytes[i] == 0x7D else { return nil }
                i += 1
                skipSpace()
                return i == n ? result : nil
            }
        }
    }
}
