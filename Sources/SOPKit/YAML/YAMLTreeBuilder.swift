import CYAML

/// Builds the node tree from libyaml events with an explicit stack, refusing what SOP files must not use.
struct YAMLTreeBuilder {
    /// An open collection. Frames are mutated in place on the stack (`stack[top].items.append`), so
    /// appending never copies the items gathered so far: an enum popped, extended and pushed again
    /// copied its array on every append, which made a 10,000-step `langkah` quadratic.
    private struct Frame {
        var isMapping: Bool
        var start: SourceLocation
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// Every key's first definition, once a mapping has more than `linearKeys` pairs.
        var seen: [String: SourceLocation] = [:]
        /// Indices of pairs whose key was not a scalar (SOP105) and was replaced by an empty one.
        var replacedKeys: [Int] = []

        static let linearKeys = 16
    }

    let file: String?
    var diagnostics: [Diagnostic] = []
    private(set) var root: YAMLNode?
    private var stack: [Frame] = []
    private var documents = 0

    init(file: String?) {
        self.file = file
    }

    /// Takes one event; returns true when the stream has ended (or composing must stop).
    mutating func consume(_ event: inout yaml_event_t) -> Bool {
        let location = SourceLocation(file: file, line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                diagnostics.append(.error("SOP111", YAMLMessages.secondDocument(),
                                          at: location))
                return true
            }
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            diagnostics.append(.error("SOP103", YAMLMessages.alias(["name": "\(name)"]),
                                      at: location))
            add(YAMLNode(.scalar(YAMLScalar("")), at: location))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            checkAnchor(scalar.anchor, at: location)
            checkTag(scalar.tag, at: location)
            let value = scalar.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
            } ?? ""
            if let control = value.unicodeScalars.first(where: YAMLPrescan.isForbiddenControl) {
                // Raw ones were refused by the prescan; this is one written as an escape.
                diagnostics.append(YAMLPrescan.controlDiagnostic(control, escaped: true, location))
            }
            add(YAMLNode(.scalar(YAMLScalar(value, style: style(scalar.style))), at: location))
        case YAML_SEQUENCE_START_EVENT:
            checkAnchor(event.data.sequence_start.anchor, at: location)
            checkTag(event.data.sequence_start.tag, at: location)
            stack.append(Frame(isMapping: false, start: location))
        case YAML_MAPPING_START_EVENT:
            checkAnchor(event.data.mapping_start.anchor, at: location)
            checkTag(event.data.mapping_start.tag, at: location)
            stack.append(Frame(isMapping: true, start: location))
        case YAML_SEQUENCE_END_EVENT:
            if let frame = stack.popLast(), !frame.isMapping {
                add(YAMLNode(.sequence(frame.items), at: frame.start))
            }
        case YAML_MAPPING_END_EVENT:
            if let frame = stack.popLast(), frame.isMapping {
                add(YAMLNode(.mapping(frame.pairs), at: frame.start))
            }
        default:
            break
        }
        return false
    }

    private mutating func add(_ node: YAMLNode) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey {
            stack[top].pairs.append(YAMLPair(key: key, value: node))
            stack[top].pendingKey = nil
            return
        }
        var key = node
        if let scalar = node.scalar {
            if let first = firstKey(scalar.value, top) {
                diagnostics.append(.error("SOP102", YAMLMessages.duplicateKey(["key": "\(scalar.value)", "line": "\(first.line)"]),
                                          at: node.location, notes: [.init(CommonMessages.firstDefinedHere(), at: first)]))
            } else if stack[top].pairs.count >= Frame.linearKeys {
                stack[top].seen[scalar.value] = node.location
            }
        } else {
            diagnostics.append(.error("SOP105", YAMLMessages.keyNotScalar(["kind": .message(node.kindText)]),
                                      at: node.location))
            key = YAMLNode(.scalar(YAMLScalar("")), at: node.location)
            stack[top].replacedKeys.append(stack[top].pairs.count)
        }
        stack[top].pendingKey = key
    }

    /// Where `key` was first defined in the mapping at `top`, if it was. Small mappings (nearly all)
    /// are scanned, which is cheaper than hashing; from `Frame.linearKeys` pairs on, keys go into a
    /// dictionary. A key replaced after SOP105 is never a first definition, as before.
    private mutating func firstKey(_ key: String, _ top: Int) -> SourceLocation? {
        let count = stack[top].pairs.count
        if count > Frame.linearKeys { return stack[top].seen[key] }
        for (i, pair) in stack[top].pairs.enumerated() where pair.key.scalar?.value == key {
            if !stack[top].replacedKeys.contains(i) { return pair.key.location }
        }
        if count == Frame.linearKeys {
            // Crossing the threshold: the scanned keys move into the dictionary.
            for (i, pair) in stack[top].pairs.enumerated() where !stack[top].replacedKeys.contains(i) {
                if let text = pair.key.scalar?.value, stack[top].seen[text] == nil { stack[top].seen[text] = pair.key.location }
            }
        }
        return nil
    }

    private mutating func checkAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?, at location: SourceLocation) {
        guard let anchor else { return }
        let name = String(cString: anchor)
        diagnostics.append(.error("SOP103", YAMLMessages.anchor(["name": "\(name)"]),
                                  at: location))
    }

    private mutating func checkTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, at location: SourceLocation) {
        guard let tag else { return }
        var name = String(cString: tag)
        if name.hasPrefix("tag:yaml.org,2002:") { name = "!!" + name.dropFirst("tag:yaml.org,2002:".count) }
        diagnostics.append(.error("SOP104", YAMLMessages.tag(["name": "\(name)"]),
                                  at: location))
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
