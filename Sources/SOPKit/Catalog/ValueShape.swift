/// What a key's value must look like. The loader checks values against it and `sop schema` turns it
/// into JSON Schema, so the two cannot drift apart.
public indirect enum ValueShape: Sendable {
    /// A single value, kept as text exactly as written.
    case text
    /// One text, or a list of texts.
    case textOrList
    /// A date, `YYYY-MM-DD`.
    case date
    /// `true` or `false`.
    case boolean
    /// A Waktu: text such as `15 menit`, or a bare number in the SOP's default unit.
    case waktu
    /// An id: lower-case letters, digits, `-` and `_`, starting with a letter or digit.
    case identifier
    /// One id, or a list of ids.
    case identifierOrList
    /// A rule on case data (see docs/language.md, "Rules").
    case rule
    /// One of the listed words.
    case keyword([String])
    /// A mapping with the keys of the named shape.
    case object(ObjectShape)
    /// A list of values of the shape.
    case list(ValueShape)
    /// A mapping from names (ids) to values of the shape.
    case map(ValueShape)
    /// Either of the shapes.
    case either(ValueShape, ValueShape)
}

/// One key of a mapping in the language.
public struct KeySpec: Sendable {
    public var name: String
    public var shape: ValueShape
    public var required: Bool
    /// One sentence for docs, the schema's `description` and editor hovers.
    public var summary: String

    public init(_ name: String, _ shape: ValueShape, required: Bool = false, _ summary: String) {
        self.name = name
        self.shape = shape
        self.required = required
        self.summary = summary
    }
}

/// A kind of mapping in the language (the SOP, a step, a decision outcome, ...), with its keys.
public final class ObjectShape: Sendable {
    /// The name used in docs and as the schema's `$defs` key.
    public let name: String
    public let summary: String
    public let keys: [KeySpec]
    /// Positions in `keys` by name (the first, should a name repeat), for ``key(_:)``.
    private let positions: [String: Int]

    public init(_ name: String, _ summary: String, _ keys: [KeySpec]) {
        self.name = name
        self.summary = summary
        self.keys = keys
        self.positions = Dictionary(keys.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The key named `name`.
    public func key(_ name: String) -> KeySpec? { positions[name].map { keys[$0] } }

    /// The names of all keys, in documented order.
    public var keyNames: [String] { keys.map(\.name) }
}
