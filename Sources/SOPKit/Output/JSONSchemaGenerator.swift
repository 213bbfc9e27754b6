/// Generates the JSON Schema (draft 2020-12) of the SOP language from ``LanguageCatalog``.
///
/// The schema checks structure (keys, types, keywords, id patterns, dates); reference and flow
/// checks need the whole file and stay with `sop validate`.
public enum JSONSchemaGenerator {
    /// The `$id` the schema declares.
    public static let schemaID = "https://sop.local/schema/sop.schema.json"

    /// The schema document.
    public static func schema() -> JSONValue {
        var defs: [(String, JSONValue)] = []
        for shape in LanguageCatalog.allShapes where shape !== LanguageCatalog.sop {
            defs.append((defName(shape), object(shape)))
        }
        var root: [(String, JSONValue)] = [
            ("$schema", "https://json-schema.org/draft/2020-12/schema"),
            ("$id", .string(schemaID)),
            ("title", "SOP (Permen PAN-RB 35/2012)"),
        ]
        if case .object(let body) = object(LanguageCatalog.sop) {
            root += body.map { $0.0 == "description" ? ($0.0, .string(LanguageCatalog.sop.summary + " See docs/language.md.")) : $0 }
        }
        root.append(("$defs", .object(defs)))
        return .object(root)
    }

    static func defName(_ shape: ObjectShape) -> String {
        shape.name.replacingOccurrences(of: " ", with: "_")
    }

    static func object(_ shape: ObjectShape) -> JSONValue {
        let properties: [(String, JSONValue)] = shape.keys.map { key in
            var schema = value(key.shape)
            if case .object(var pairs) = schema {
                pairs.insert(("description", .string(key.summary)), at: 0)
                schema = .object(pairs)
            }
            return (key.name, schema)
        }
        var pairs: [(String, JSONValue)] = [("type", "object"), ("description", .string(shape.summary)),
                                            ("properties", .object(properties)), ("additionalProperties", false)]
        let required = shape.keys.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { pairs.append(("required", .array(required))) }
        return .object(pairs)
    }

    static let identifierPattern = "^[a-z0-9][a-z0-9_-]*$"
    static let nonEmpty: JSONValue = .object([("type", .array(["string", "number"])), ("minLength", 1)])

    static func value(_ shape: ValueShape) -> JSONValue {
        switch shape {
        case .text:
            return .object([("type", .array(["string", "number", "boolean"]))])
        case .textOrList:
            return .object([("oneOf", .array([
                .object([("type", .array(["string", "number"]))]),
                .object([("type", "array"), ("items", .object([("type", .array(["string", "number"]))]))]),
            ]))])
        case .date:
            return .object([("type", "string"), ("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")])
        case .boolean:
            return .object([("type", "boolean")])
        case .waktu:
            return .object([("type", .array(["string", "number"]))])
        case .identifier:
            return .object([("type", "string"), ("pattern", .string(identifierPattern))])
        case .identifierOrList:
            let id: JSONValue = .object([("type", "string"), ("pattern", .string(identifierPattern))])
            return .object([("oneOf", .array([id, .object([("type", "array"), ("items", id), ("minItems", 1)])]))])
        case .rule:
            return .object([("type", "string"), ("minLength", 1)])
        case .keyword(let words):
            return .object([("enum", .array(words.map(JSONValue.string)))])
        case .object(let shape):
            return .object([("$ref", .string("#/$defs/\(defName(shape))"))])
        case .list(let item):
            return .object([("type", "array"), ("items", value(item))])
        case .map(let item):
            return .object([("type", "object"), ("propertyNames", .object([("pattern", .string(identifierPattern))])),
                            ("additionalProperties", value(item))])
        case .either(let a, let b):
            return .object([("anyOf", .array([value(a), value(b)]))])
        }
    }
}
