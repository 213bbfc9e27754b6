import CYaml

/// Builds the node tree from libyaml events with an explicit stack, refusing what SOP files must not use.
struct YAMLTreeBuilder {
    private enum Frame {
        case mapping(start: SourceLocation, pairs: [YAMLPair], pendingKey: YAMLNode?, seen: [String: SourceLocation])
        case sequence(start: SourceLocation, items: [YAMLNode])
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
                diagnostics.append(.error("SOP111", "a second YAML document starts here; an SOP file holds exactly one",
                                          at: location))
                return true
            }
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            diagnostics.append(.error("SOP103", "alias '*\(name)' is not allowed; SOP files do not use anchors or aliases, write the value out",
                                      at: location))
            add(YAMLNode(.scalar(YAMLScalar("")), at: location))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            checkAnchor(scalar.anchor, at: location)
            checkTag(scalar.tag, at: location)
            let value = scalar.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
            } ?? ""
            add(YAMLNode(.scalar(YAMLScalar(value, style: style(scalar.style))), at: location))
        case YAML_SEQUENCE_START_EVENT:
            checkAnchor(event.data.sequence_start.anchor, at: location)
            checkTag(event.data.sequence_start.tag, at: location)
            stack.append(.sequence(start: location, items: []))
        case YAML_MAPPING_START_EVENT:
            checkAnchor(event.data.mapping_start.anchor, at: location)
            checkTag(event.data.mapping_start.tag, at: location)
            stack.append(.mapping(start: location, pairs: [], pendingKey: nil, seen: [:]))
        case YAML_SEQUENCE_END_EVENT:
            if case .sequence(let start, let items)? = stack.popLast() {
                add(YAMLNode(.sequence(items), at: start))
            }
        case YAML_MAPPING_END_EVENT:
            if case .mapping(let start, let pairs, _, _)? = stack.popLast() {
                add(YAMLNode(.mapping(pairs), at: start))
            }
        default:
            break
        }
        return false
    }

    private mutating func add(_ node: YAMLNode) {
        guard let top = stack.popLast() else {
            root = node
            return
        }
        switch top {
        case .sequence(let start, var items):
            items.append(node)
            stack.append(.sequence(start: start, items: items))
        case .mapping(let start, var pairs, let pendingKey, var seen):
            if let key = pendingKey {
                pairs.append(YAMLPair(key: key, value: node))
                stack.append(.mapping(start: start, pairs: pairs, pendingKey: nil, seen: seen))
                return
            }
            var key = node
            if let scalar = node.scalar {
                if let first = seen[scalar.value] {
                    diagnostics.append(.error("SOP102", "duplicate key '\(scalar.value)'; it is already defined at line \(first.line)",
                                              at: node.location, notes: [.init("first defined here", at: first)]))
                } else {
                    seen[scalar.value] = node.location
                }
            } else {
                diagnostics.append(.error("SOP105", "a key must be a single value, not \(node.kindDescription)",
                                          at: node.location))
                key = YAMLNode(.scalar(YAMLScalar("")), at: node.location)
            }
            stack.append(.mapping(start: start, pairs: pairs, pendingKey: key, seen: seen))
        }
    }

    private mutating func checkAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?, at location: SourceLocation) {
        guard let anchor else { return }
        let name = String(cString: anchor)
        diagnostics.append(.error("SOP103", "anchor '&\(name)' is not allowed; SOP files do not use anchors or aliases, write the value out",
                                  at: location))
    }

    private mutating func checkTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, at location: SourceLocation) {
        guard let tag else { return }
        var name = String(cString: tag)
        if name.hasPrefix("tag:yaml.org,2002:") { name = "!!" + name.dropFirst("tag:yaml.org,2002:".count) }
        diagnostics.append(.error("SOP104", "tag '\(name)' is not allowed; write the value plainly (quote it to keep it as text)",
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
