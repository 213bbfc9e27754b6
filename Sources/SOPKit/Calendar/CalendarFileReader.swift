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
        guard let keys = mapping(root, what: "a calendar file", known: CalendarFileReader.topKeys) else {
            spec.isMapping = false
            return spec
        }
        if let node = keys["schema_version"]?.value, let text = text(node, what: "'schema_version'"), text != "1" {
            error("SOP601", "schema_version \(text) is not supported; this version of sop reads schema_version 1", at: node.location)
        }
        spec.id = identifier(keys["id"]?.value, what: "'id'")
        spec.extends = identifier(keys["extends"]?.value, what: "'extends'")
        if let node = keys["timezone"]?.value, let name = text(node, what: "'timezone'") {
            spec.timeZone = timeZone(name, at: node.location)
        }
        if let node = keys["utc_offset"]?.value, let text = text(node, what: "'utc_offset'") {
            spec.utcOffset = offset(text, at: node.location)
        }
        if let pair = keys["workweek"] {
            spec.workweekLocation = pair.key.location
            readWorkweek(pair.value, into: &spec)
        }
        if let node = keys["provisional_years"]?.value, let text = text(node, what: "'provisional_years'") {
            if let years = Int(text), (0...50).contains(years) {
                spec.provisionalYears = Located(years, at: node.location)
            } else {
                error("SOP601", "provisional_years must be a whole number of years from 0 to 50, not '\(text)'", at: node.location)
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
            error("SOP601", "'holidays' must be a list of {date, name, kind}, not \(node.kindDescription)", at: node.location)
            return []
        }
        var result: [Located<Holiday>] = []
        var seen: [CalendarDate: SourceLocation] = [:]
        for item in items {
            guard let keys = mapping(item, what: "a holiday", known: CalendarFileReader.holidayKeys) else { continue }
            guard let dateNode = keys["date"]?.value else {
                error("SOP601", "a holiday has no 'date'; write {date: 2025-01-01, name: ..., kind: ...}", at: item.location)
                continue
            }
            guard let date = date(dateNode, what: "'date'") else { continue }
            var name = ""
            if let nameNode = keys["name"]?.value { name = text(nameNode, what: "'name'") ?? "" }
            if keys["name"] == nil || name.isEmpty {
                error("SOP601", "the holiday on \(date) has no 'name'", at: item.location)
            }
            var kind = Holiday.office
            if let kindNode = keys["kind"]?.value, let value = text(kindNode, what: "'kind'") {
                if Holiday.kinds.contains(value) {
                    kind = value
                } else {
                    error("SOP601", "'\(value)' is not a kind of day off\(Suggestion.didYouMean(value, in: Holiday.kinds))",
                          at: kindNode.location, notes: [.init("kinds: \(Holiday.kinds.joined(separator: ", "))")])
                }
            }
            if let first = seen[date] {
                error("SOP607", "\(date) is listed twice", at: dateNode.location, notes: [.init("first listed here", at: first)])
                continue
            }
            seen[date] = dateNode.location
            result.append(Located(Holiday(date: date, name: name, kind: kind), at: dateNode.location))
        }
        return result
    }

    // MARK: Values

    /// The pairs of a mapping by key, after reporting unknown keys; nil (with an error) when not a mapping.
    mutating func mapping(_ node: YAMLNode, what: String, known: [String]) -> [String: YAMLPair]? {
        guard let pairs = node.pairs else {
            error("SOP601", "\(what) must be a mapping (key: value), not \(node.kindDescription)", at: node.location)
            return nil
        }
        var result: [String: YAMLPair] = [:]
        for pair in pairs {
            let key = pair.keyText
            if known.contains(key) {
                result[key] = pair
            } else {
                let hint = Suggestion.didYouMean(key, in: known)
                error("SOP601", "unknown key '\(key)' in \(what)\(hint)", at: pair.key.location,
                      notes: hint.isEmpty ? [.init("valid keys: \(known.joined(separator: ", "))")] : [])
            }
        }
        return result
    }

    /// The text of a non-null scalar; an error and nil otherwise.
    mutating func text(_ node: YAMLNode, what: String) -> String? {
        guard let scalar = node.scalar, !scalar.isNull else {
            error("SOP601", "\(what) must be a single value, not \(node.kindDescription)", at: node.location)
            return nil
        }
        return scalar.value
    }

    /// An id: lower-case letters, digits, '-' and '_'.
    mutating func identifier(_ node: YAMLNode?, what: String) -> Located<String>? {
        guard let node, let value = text(node, what: what) else { return nil }
        guard NodeReader.isIdentifier(value) else {
            error("SOP601", "'\(value)' is not a valid calendar id for \(what); use lower-case letters, digits, '-' and '_'",
                  at: node.location)
            return nil
        }
        return Located(value, at: node.location)
    }

    /// A `YYYY-MM-DD` date that exists.
    mutating func date(_ node: YAMLNode, what: String) -> CalendarDate? {
        guard let value = text(node, what: what) else { return nil }
        if let date = CalendarDate(iso: value) { return date }
        error("SOP602", "'\(value)' is not a valid date for \(what); write YYYY-MM-DD, e.g. 2025-03-31", at: node.location)
        return nil
    }

    /// A `HH:MM` clock time (00:00 to 24:00) as minutes after midnight.
    mutating func clockTime(_ node: YAMLNode, what: String) -> Int? {
        guard let value = text(node, what: what) else { return nil }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 2, parts[1].count == 2,
           let hour = Int(parts[0]), let minute = Int(parts[1]), parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
           (0...24).contains(hour), (0...59).contains(minute), hour * 60 + minute <= 1440 {
            return hour * 60 + minute
        }
        error("SOP602", "'\(value)' is not a clock time for \(what); write HH:MM, e.g. \"07:30\"", at: node.location)
        return nil
    }

    /// A number (`37.5`).
    mutating func number(_ node: YAMLNode, what: String) -> Double? {
        guard let value = text(node, what: what) else { return nil }
        if let number = Double(value), number.isFinite { return number }
        error("SOP601", "\(what) must be a number, not '\(value)'", at: node.location)
        return nil
    }

    private mutating func timeZone(_ name: String, at location: SourceLocation) -> TimeZone? {
        if let zone = TimeZone(identifier: name), !name.isEmpty { return zone }
        let hint = Suggestion.didYouMean(name, in: ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Pontianak"]
                                         + TimeZone.knownTimeZoneIdentifiers)
        error("SOP608", "'\(name)' is not a known time zone\(hint)", at: location,
              notes: [.init("Indonesia: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)")])
        return nil
    }

    /// `utc_offset: "+07:00"` in seconds east of UTC (the assembler checks it against the time zone).
    private mutating func offset(_ text: String, at location: SourceLocation) -> Located<Int>? {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: ":"),
              let hours = Int(String(decoding: bytes[1...2], as: UTF8.self)),
              let minutes = Int(String(decoding: bytes[4...5], as: UTF8.self)), hours <= 14, minutes < 60 else {
            error("SOP608", "'\(text)' is not a UTC offset; write +HH:MM, e.g. \"+07:00\"", at: location)
            return nil
        }
        return Located((bytes[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60), at: location)
    }

    mutating func error(_ code: String, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(code, message, at: location, notes: notes))
    }

    mutating func warning(_ code: String, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.warning(code, message, at: location, notes: notes))
    }
}
