/// Reads typed values out of composed YAML nodes, collecting a located diagnostic for every value of
/// the wrong shape, every unknown key (with a did-you-mean) and every missing required key.
struct NodeReader {
    var diagnostics: [Diagnostic] = []
    /// Waktu texts already parsed in this file, by text and options. An SOP repeats a few forms
    /// ("1 hari", "15 menit") across its steps, and parsing them was the costliest part of building.
    private var waktuCache: [WaktuCacheKey: WaktuParse] = [:]

    private struct WaktuCacheKey: Hashable {
        var raw: String
        var bareNumberUnit: WaktuUnit?
        var plainDay: WaktuUnit
    }

    /// The keys of a mapping checked against its shape; `nil` (with an error) when the node is not a mapping.
    mutating func fields(_ node: YAMLNode, _ shape: ObjectShape, what: Message) -> Fields? {
        guard let pairs = node.pairs else {
            error("SOP203", StructureMessages.notMapping(["what": .message(what), "keys": .text(shape.keyNames.prefix(3).joined(separator: ", ")), "kind": .message(node.kindText)]),
                  at: node.location)
            return nil
        }
        var known: [YAMLPair] = []
        known.reserveCapacity(pairs.count)
        for pair in pairs {
            let name = pair.keyText
            if shape.key(name) == nil {
                let hint = Suggestion.hint(name, in: shape.keyNames)
                error("SOP201", StructureMessages.unknownKey(["key": .text(name), "what": .message(what), "hint": .message(hint)]), at: pair.key.location,
                      notes: hint == .empty ? [.init(CommonMessages.validKeys(["keys": .text(shape.keyNames.joined(separator: ", "))]))] : [])
                continue
            }
            known.append(pair)
        }
        let f = Fields(node: node, pairs: known)
        for spec in shape.keys where spec.required {
            // Empty counts as missing: `nama: ""`, `uraian: "  "`, `pelaksana: []`.
            if let pair = f.pair(spec.name), !pair.value.isNull, !NodeReader.isBlank(pair.value) { continue }
            if let pair = f.pair(spec.name) {
                error("SOP202", StructureMessages.requiredEmpty(["key": .text(spec.name), "what": .message(what), "summary": .text(spec.summary)]), at: pair.key.location)
            } else {
                error("SOP202", StructureMessages.requiredMissing(["key": .text(spec.name), "what": .message(what), "summary": .text(spec.summary)]), at: node.location)
            }
        }
        return f
    }

    /// Whether a value says nothing: a scalar of only white space, or an empty list or mapping.
    static func isBlank(_ node: YAMLNode) -> Bool {
        if let scalar = node.scalar { return scalar.value.allSatisfy(\.isWhitespace) }
        if let items = node.items { return items.isEmpty }
        if let pairs = node.pairs { return pairs.isEmpty }
        return false
    }

    /// Text of a scalar; an error and `nil` for a list or mapping. Null gives `nil` silently.
    mutating func text(_ node: YAMLNode?, key: String) -> String? {
        guard let node, !node.isNull else { return nil }
        guard let scalar = node.scalar else {
            error("SOP203", StructureMessages.notScalar(["key": .text(key), "kind": .message(node.kindText)]), at: node.location)
            return nil
        }
        return scalar.value
    }

    /// A located text.
    mutating func locatedText(_ node: YAMLNode?, key: String) -> Located<String>? {
        guard let node, let value = text(node, key: key) else { return nil }
        return Located(value, at: node.location)
    }

    /// One text or a list of texts; each item keeps its position.
    mutating func textList(_ node: YAMLNode?, key: String) -> [Located<String>] {
        guard let node, !node.isNull else { return [] }
        if let items = node.items {
            return items.compactMap { item in
                guard let scalar = item.scalar else {
                    error("SOP203", StructureMessages.itemNotScalar(["key": .text(key), "kind": .message(item.kindText)]), at: item.location)
                    return nil
                }
                if scalar.isNull {
                    error("SOP203", StructureMessages.itemEmpty(["key": .text(key)]), at: item.location)
                    return nil
                }
                return Located(scalar.value, at: item.location)
            }
        }
        return locatedText(node, key: key).map { [$0] } ?? []
    }

    /// An id (`[a-z0-9][a-z0-9_-]*`).
    mutating func identifier(_ node: YAMLNode?, key: String) -> Located<String>? {
        guard let text = locatedText(node, key: key) else { return nil }
        if !NodeReader.isIdentifier(text.value) {
            error("SOP204", StructureMessages.invalidID(["value": .text(text.value), "key": .text(key)]),
                  at: text.location)
            return nil
        }
        return text
    }

    /// One id or a list of ids.
    mutating func identifierList(_ node: YAMLNode?, key: String) -> [Located<String>] {
        textList(node, key: key).filter { item in
            if NodeReader.isIdentifier(item.value) { return true }
            error("SOP204", StructureMessages.invalidID(["value": .text(item.value), "key": .text(key)]),
                  at: item.location)
            return false
        }
    }

    /// `true` or `false` only; YAML 1.1 spellings are refused with a hint rather than guessed.
    mutating func boolean(_ node: YAMLNode?, key: String) -> Bool? {
        guard let node, let value = text(node, key: key) else { return nil }
        if node.scalar?.style != .plain {
            error("SOP205", StructureMessages.booleanQuoted(["key": .text(key), "value": .text(value)]), at: node.location)
            return nil
        }
        switch CaseValue.parse(value, as: .boolean) {
        case .success(.boolean(let b)): return b
        case .failure(let problem): error("SOP205", StructureMessages.booleanInvalid(["key": .text(key), "problem": .message(problem.text)]), at: node.location)
        default: break
        }
        return nil
    }

    /// A date, `YYYY-MM-DD`, that exists in the calendar.
    mutating func date(_ node: YAMLNode?, key: String) -> CalendarDate? {
        guard let node, let value = text(node, key: key) else { return nil }
        if let date = CalendarDate(iso: value) { return date }
        error("SOP402", WaktuMessages.invalidDate(["value": .text(value), "key": .text(key)]), at: node.location)
        return nil
    }

    /// One of the allowed words.
    mutating func keyword(_ node: YAMLNode?, key: String, allowed: [String]) -> String? {
        guard let node, let value = text(node, key: key) else { return nil }
        if allowed.contains(value) { return value }
        let hint = Suggestion.hint(value, in: allowed)
        error("SOP206", StructureMessages.invalidValue(["value": .text(value), "key": .text(key), "hint": .message(hint)]),
              at: node.location, notes: hint == .empty ? [.init(CommonMessages.validValues(["values": .text(allowed.joined(separator: ", "))]))] : [])
        return nil
    }

    /// A Waktu, parsed with the SOP's conventions; problems are placed inside the scalar when it is on one line.
    mutating func waktu(_ node: YAMLNode?, key: String, options: WaktuParser.Options) -> Waktu? {
        guard let node, let value = text(node, key: key) else { return nil }
        let cacheKey = WaktuCacheKey(raw: value, bareNumberUnit: options.bareNumberUnit, plainDay: options.plainDay)
        let parsed: WaktuParse
        if let cached = waktuCache[cacheKey] {
            parsed = cached
        } else {
            parsed = WaktuParser.parse(value, options: options)
            waktuCache[cacheKey] = parsed
        }
        for problem in parsed.problems {
            let location = NodeReader.position(in: node, offset: problem.offset)
            diagnostics.append(Diagnostic(problem.severity, problem.code ?? (problem.severity == .error ? "SOP401" : "SOP403"),
                                          WaktuMessages.inWaktu(["value": .text(value), "problem": .message(problem.text)]), at: location))
        }
        return parsed.waktu
    }

    /// Where character `offset` of a scalar is: exact for plain and quoted one-line scalars, the scalar's start otherwise.
    static func position(in node: YAMLNode, offset: Int) -> SourceLocation {
        // The byte test first: searching a String for a Character walks its grapheme clusters.
        guard let scalar = node.scalar, !(scalar.value.utf8.contains(0x0A) && scalar.value.contains("\n")) else {
            return node.location
        }
        switch scalar.style {
        case .plain: return node.location.advanced(byColumns: offset)
        case .singleQuoted where !scalar.value.contains("'"): return node.location.advanced(byColumns: offset + 1)
        case .doubleQuoted where !scalar.value.contains("\"") && !scalar.value.contains("\\"):
            return node.location.advanced(byColumns: offset + 1)
        default: return node.location
        }
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILowerOrDigit else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIILowerOrDigit || $0 == "-" || $0 == "_" }
    }

    mutating func error(_ code: String, _ message: Message, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(code, message, at: location, notes: notes))
    }

    mutating func warning(_ code: String, _ message: Message, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.warning(code, message, at: location, notes: notes))
    }
}

/// The known keys of one mapping, after unknown keys were reported.
///
/// A mapping has a handful of keys, so they are searched in a list (cheaper than hashing each key
/// into a dictionary). The last of repeated keys wins, as it did in a dictionary.
struct Fields {
    let node: YAMLNode
    let pairs: [YAMLPair]

    /// The pair of `key` (the last, should the key repeat).
    func pair(_ key: String) -> YAMLPair? { pairs.last { $0.key.scalar?.value == key } }

    subscript(_ key: String) -> YAMLNode? { pair(key)?.value }

    /// Where the key itself is written (for diagnostics about the key's value as a whole).
    func keyLocation(_ key: String) -> SourceLocation { pair(key)?.key.location ?? node.location }
}

extension Unicode.Scalar {
    var isASCIILowerOrDigit: Bool { ("a"..."z").contains(self) || ("0"..."9").contains(self) }
}
