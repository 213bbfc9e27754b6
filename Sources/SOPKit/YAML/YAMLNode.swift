/// A node of a composed YAML document, with the position where it starts.
///
/// This is the first phase of loading: the text is composed into nodes that keep their line and
/// column, and the typed model is built from them in a second phase. Aliases, anchors and tags are
/// refused while composing, so every node here is plain data.
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds.
    /// Not `indirect`: the recursion goes through arrays, which are already on the heap, so a boxed
    /// payload only cost one allocation per node.
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    public var content: Content
    /// Where the node starts (for a mapping or sequence, its first key or item, or its opening bracket).
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The key/value pairs, if this node is a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let p) = content { return p }
        return nil
    }

    /// The items, if this node is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let i) = content { return i }
        return nil
    }

    /// Whether this is an explicit or implicit null (`~`, `null`, or nothing after the colon).
    public var isNull: Bool { scalar?.isNull ?? false }

    /// A short description of what kind of node this is, for messages ("a list", "a mapping", "text").
    public var kindText: Message {
        switch content {
        case .scalar(let s): s.isNull ? CommonMessages.kindNull() : CommonMessages.kindScalar()
        case .mapping: CommonMessages.kindMapping()
        case .sequence: CommonMessages.kindList()
        }
    }

    /// ``kindText`` in English.
    public var kindDescription: String { kindText.english }
}

/// One `key: value` entry of a mapping.
public struct YAMLPair: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text (keys are always scalars once composed).
    public var keyText: String { key.scalar?.value ?? "" }
}

/// A scalar: its text exactly as the parser read it, and how it was written.
///
/// No YAML 1.1 resolution happens here: `no`, `yes`, `on` stay text. The model builder decides
/// what a scalar means from the key it belongs to.
public struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written.
    public enum Style: String, Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var value: String
    public var style: Style

    public init(_ value: String, style: Style = .plain) {
        self.value = value
        self.style = style
    }

    /// Whether the scalar is YAML null: plain and one of ``, `~`, `null`, `Null`, `NULL`.
    public var isNull: Bool {
        guard style == .plain else { return false }
        // By length first: this is asked of nearly every node, and most values are longer than 4 bytes.
        switch value.utf8.count {
        case 0: return true
        case 1: return value == "~"
        case 4: return value == "null" || value == "Null" || value == "NULL"
        default: return false
        }
    }
}
