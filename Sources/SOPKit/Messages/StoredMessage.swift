import Foundation

/// A catalogue message kept as text (an audit entry's detail), so the reader sees it in the
/// language of the moment of reading, not of writing.
///
/// The stored form is a JSON object `{"a":{name: argument},"m":"Group.case"}` with sorted keys, so
/// the same message is always the same text (the audit chain hashes it). An argument is a JSON
/// string (text), an integer (count), a nested message object, an array (list), or an object
/// tagged `"d"` (decimal with `"p"` places), `"date"`, or `"j"` (joined by the message `"by"`).
public enum StoredMessage {
    /// The stored text of `message`.
    public static func encode(_ message: Message) -> String {
        let object = encodeMessage(message)
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
              let text = String(data: data, encoding: .utf8) else { return message.english }
        return text
    }

    /// The message a stored text holds, or `nil` when it is not one (text written before details
    /// were messages, or a key this version does not know).
    public static func decode(_ text: String) -> Message? {
        guard text.hasPrefix("{"), let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) else { return nil }
        return decodeMessage(object)
    }

    /// The stored text for a person reading in `bahasa`: the message in that language, or the
    /// text as it was stored when it is not a message.
    public static func text(_ stored: String, in bahasa: Bahasa) -> String {
        decode(stored)?.text(in: bahasa) ?? stored
    }

    private static let texts: [String: MessageTexts] = Dictionary(
        MessageCatalogue.entries.map { ($0.key, $0.texts) }, uniquingKeysWith: { first, _ in first })

    private static func encodeMessage(_ m: Message) -> [String: Any] {
        var object: [String: Any] = ["m": m.key]
        if !m.arguments.isEmpty { object["a"] = m.arguments.mapValues(encodeArgument) }
        return object
    }

    private static func encodeArgument(_ argument: MessageArgument) -> Any {
        switch argument {
        case .text(let s): s
        case .number(let n): n
        case .decimal(let x, let places): ["d": x, "p": places] as [String: Any]
        case .date(let d): ["date": d.description]
        case .message(let m): encodeMessage(m)
        case .list(let items): items.map(encodeArgument)
        case .joined(let items, let by): ["j": items.map(encodeArgument), "by": encodeMessage(by)] as [String: Any]
        }
    }

    private static func decodeMessage(_ any: Any) -> Message? {
        guard let object = any as? [String: Any], let key = object["m"] as? String else { return nil }
        let known: MessageTexts
        switch key {
        case "empty": return .empty
        default:
            guard let entry = texts[key] else { return nil }
            known = entry
        }
        var arguments: [String: MessageArgument] = [:]
        if let stored = object["a"] {
            guard let pairs = stored as? [String: Any] else { return nil }
            for (name, value) in pairs {
                guard let argument = decodeArgument(value) else { return nil }
                arguments[name] = argument
            }
        }
        return Message(key: key, texts: known, arguments: arguments)
    }

    private static func decodeArgument(_ any: Any) -> MessageArgument? {
        if let s = any as? String { return .text(s) }
        if let items = any as? [Any] {
            var out: [MessageArgument] = []
            for item in items {
                guard let argument = decodeArgument(item) else { return nil }
                out.append(argument)
            }
            return .list(out)
        }
        if let object = any as? [String: Any] {
            if object["m"] != nil { return decodeMessage(object).map(MessageArgument.message) }
            if let iso = object["date"] as? String { return CalendarDate(iso: iso).map(MessageArgument.date) }
            if let x = (object["d"] as? NSNumber)?.doubleValue, let places = (object["p"] as? NSNumber)?.intValue {
                return .decimal(x, places: places)
            }
            if let items = object["j"], let by = object["by"].flatMap(decodeMessage),
               case .list(let joined)? = decodeArgument(items) {
                return .joined(joined, by: by)
            }
            return nil
        }
        // A count is written as an integer; `true`/`false` (type `c`) and fractions are not counts.
        if let n = any as? NSNumber, String(cString: n.objCType) != "c", let int = Int(exactly: n.doubleValue) { return .number(int) }
        return nil
    }
}

extension Message {
    /// The text an audit entry stores for this message (``StoredMessage``).
    public var stored: String { StoredMessage.encode(self) }
}
