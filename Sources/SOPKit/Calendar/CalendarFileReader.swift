import Foundation

/// Reads a composed calendar file into a ``CalendarSpec``, collecting a located diagnostic for every
/// problem (codes SOP601-SOP609, catalogued in `calendars/README.md`).
///
/// Keys that only document the data (`jurisdiction`, `kinds`, `bases`, `regional`,
/// `flexible_work_days`, `legal_basis`, `local_practice`, `basis`, `note`, ...) are accepted and not
/// interpreted. Any other unknown key is an error, so that a misspelt `holiday:` does not silently
/// drop an office's days off.
struct CalendarFileReader {
    let file: String?
    var diagnostics: [Diagnostic] = []

    static let topKeys = ["schema_version", "id", "name", "extends", "timezone", "utc_offset", "workweek",
                          "holidays", "jurisdiction", "kinds", "flexible_work_days", "regional", "bases", "note",
                          "provisional_years"]
    static let holidayKeys = ["date", "name", "kind", "basis", "note"]

    init(file: String?) {
        self.file = file
    }

    /// Reads the top-level mapping.
    mutating func read(_ root: YAMLNode) -> CalendarSpec {
        var spec = CalendarSpec(rootLocation: root.location)
        guard let keys = mapping(root, what: CalendarMessages.whereFile(), known: CalendarFileReader.topKeys) else {
            spec.isMapping = false
            return spec
        }
        if let node = keys["schema_version"]?.value, let text = text(node, what: StructureMessages.quotedKey("schema_version")), text != "1" {
            error("SOP601", CalendarMessages.schemaVersion(["version": .text(text)]), at: node.location)
        }
        spec.id = identifier(keys["id"]?.value, what: StructureMessages.quotedKey("id"))
        spec.extends = identifier(keys["extends"]?.value, what: StructureMessages.quotedKey("extends"))
        if let node = keys["timezone"]?.value, let name = text(node, what: StructureMessages.quotedKey("timezone")) {
            spec.timeZone = timeZone(name, at: node.location)
        }
        if let node = keys["utc_offset"]?.value, let text = text(node, what: StructureMessages.quotedKey("utc_offset")) {
            spec.utcOffset = offset(text, at: node.location)
        }
        if let pair = keys["workweek"] {
            spec.workweekLocation = pair.key.location
            readWorkweek(pair.value, into: &spec)
        }
        if let node = keys["provisional_years"]?.value, let text = text(node, what: StructureMessages.quotedKey("provisional_years")) {
            if let years = Int(text), (0...50).contains(years) {
                spec.provisionalYears = Located(years, at: node.location)
            } else {
                error("SOP601", CalendarMessages.provisionalYears(["value": .text(text)]), at: node.location)
            }
        }
        if let pair = keys["holidays"] {
            spec.holidaysLocation = pair.key.location
            spec.holidays = readHolidays(pair.value)
        }
        return spec
    }

    // MARK: Holidays

    private mutating func readHolidays(_ node: YAMLNode) -> [Located<Holiday>] {
        if node.isNull { return [] }
        guard let items = node.items else {
            error("SOP601", CalendarMessages.holidaysNotList(["kind": .message(node.kindText)]), at: node.location)
            return []
        }
        var result: [Located<Holiday>] = []
        var seen: [CalendarDate: SourceLocation] = [:]
        for item in items {
            guard let keys = mapping(item, what: CalendarMessages.whereHoliday(), known: CalendarFileReader.holidayKeys) else { continue }
            guard let dateNode = keys["date"]?.value else {
                error("SOP601", CalendarMessages.holidayNoDate(), at: item.location)
                continue
            }
            guard let date = date(dateNode, what: StructureMessages.quotedKey("date")) else { continue }
            var name = ""
            if let nameNode = keys["name"]?.value { name = text(nameNode, what: StructureMessages.quotedKey("name")) ?? "" }
            if keys["name"] == nil || name.isEmpty {
                error("SOP601", CalendarMessages.holidayNoName(["date": .text("\(date)")]), at: item.location)
            }
            var kind = Holiday.office
            if let kindNode = keys["kind"]?.value, let value = text(kindNode, what: StructureMessages.quotedKey("kind")) {
                if Holiday.kinds.contains(value) {
                    kind = value
                } else {
                    error("SOP601", CalendarMessages.notHolidayKind(["value": .text(value), "hint": .message(Suggestion.hint(value, in: Holiday.kinds))]),
                          at: kindNode.location, notes: [.init(CalendarMessages.kinds(["kinds": .text(Holiday.kinds.joined(separator: ", "))]))])
                }
            }
            if let first = seen[date] {
                error("SOP607", CalendarMessages.dateTwice(["date": .text("\(date)")]), at: dateNode.location, notes: [.init(CalendarMessages.firstListedHere(), at: first)])
                continue
            }
            seen[date] = dateNode.location
            result.append(Located(Holiday(date: date, name: name, kind: kind), at: dateNode.location))
        }
        return result
    }

    // MARK: Values

    /// The pairs of a mapping by key, after reporting unknown keys; nil (with an error) when not a mapping.
    mutating func mapping(_ node: YAMLNode, what: Message, known: [String]) -> [String: YAMLPair]? {
        guard let pairs = node.pairs else {
            error("SOP601", CalendarMessages.notMapping(["what": .message(what), "kind": .message(node.kindText)]), at: node.location)
            return nil
        }
        var result: [String: YAMLPair] = [:]
        for pair in pairs {
            let key = pair.keyText
            if known.contains(key) {
                result[key] = pair
            } else {
                let hint = Suggestion.hint(key, in: known)
                error("SOP601", CalendarMessages.unknownKey(["key": .text(key), "what": .message(what), "hint": .message(hint)]), at: pair.key.location,
                      notes: hint == .empty ? [.init(CommonMessages.validKeys(["keys": .text(known.joined(separator: ", "))]))] : [])
            }
        }
        return result
    }

    /// The text of a non-null scalar; an error and nil otherwise.
    mutating func text(_ node: YAMLNode, what: Message) -> String? {
        guard let scalar = node.scalar, !scalar.isNull else {
            error("SOP601", CalendarMessages.notScalar(["what": .message(what), "kind": .message(node.kindText)]), at: node.location)
            return nil
        }
        return scalar.value
    }

    /// An id: lower-case letters, digits, '-' and '_'.
    mutating func identifier(_ node: YAMLNode?, what: Message) -> Located<String>? {
        guard let node, let value = text(node, what: what) else { return nil }
        guard NodeReader.isIdentifier(value) else {
            error("SOP601", CalendarMessages.invalidID(["value": .text(value), "what": .message(what)]),
                  at: node.location)
            return nil
        }
        return Located(value, at: node.location)
    }

    /// A `YYYY-MM-DD` date that exists.
    mutating func date(_ node: YAMLNode, what: Message) -> CalendarDate? {
        guard let value = text(node, what: what) else { return nil }
        if let date = CalendarDate(iso: value) { return date }
        error("SOP602", CalendarMessages.invalidDate(["value": .text(value), "what": .message(what)]), at: node.location)
        return nil
    }

    /// A `HH:MM` clock time (00:00 to 24:00) as minutes after midnight.
    mutating func clockTime(_ node: YAMLNode, what: Message) -> Int? {
        guard let value = text(node, what: what) else { return nil }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 2, parts[1].count == 2,
           let hour = Int(parts[0]), let minute = Int(parts[1]), parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
           (0...24).contains(hour), (0...59).contains(minute), hour * 60 + minute <= 1440 {
            return hour * 60 + minute
        }
        error("SOP602", CalendarMessages.invalidClock(["value": .text(value), "what": .message(what)]), at: node.location)
        return nil
    }

    /// A number (`37.5`).
    mutating func number(_ node: YAMLNode, what: Message) -> Double? {
        guard let value = text(node, what: what) else { return nil }
        if let number = Double(value), number.isFinite { return number }
        error("SOP601", CalendarMessages.notNumber(["what": .message(what), "value": .text(value)]), at: node.location)
        return nil
    }

    private mutating func timeZone(_ name: String, at location: SourceLocation) -> TimeZone? {
        if let zone = TimeZone(identifier: name), !name.isEmpty { return zone }
        let hint = Suggestion.hint(name, in: ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Pontianak"]
                                   + TimeZone.knownTimeZoneIdentifiers)
        error("SOP608", CalendarMessages.unknownZone(["zone": .text(name), "hint": .message(hint)]), at: location,
              notes: [.init(CalendarMessages.indonesianZones())])
        return nil
    }

    /// `utc_offset: "+07:00"` in seconds east of UTC (the assembler checks it against the time zone).
    private mutating func offset(_ text: String, at location: SourceLocation) -> Located<Int>? {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: ":"),
              let hours = Int(String(decoding: bytes[1...2], as: UTF8.self)),
              let minutes = Int(String(decoding: bytes[4...5], as: UTF8.self)), hours <= 14, minutes < 60 else {
            error("SOP608", CalendarMessages.notOffset(["value": .text(text)]), at: location)
            return nil
        }
        return Located((bytes[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60), at: location)
    }

    mutating func error(_ code: String, _ message: Message, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(code, message, at: location, notes: notes))
    }

    mutating func warning(_ code: String, _ message: Message, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.warning(code, message, at: location, notes: notes))
    }
}
